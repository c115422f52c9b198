//! The one place YAML is read: typed deserialisation with located, actionable errors.
//!
//! serde-saphyr reports line and column for every error and never panics on malformed
//! input; this module turns its errors into [`Diagnostic`]s in the contract's format and
//! suggests the nearest known key for a typo.

use serde::de::DeserializeOwned;
use serde_saphyr::options::DuplicateKeyPolicy;

use crate::diagnostics::{Diagnostic, Span};

/// Deserialises `text` (a whole YAML file, or the front matter of a Markdown file starting at
/// line `first_line` of `source`) into `T`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &str,
    source: &str,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::Error,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<T>(text, options)
        .map_err(|err| to_diagnostic(&err, text, path, source, first_line))
}

fn to_diagnostic(
    err: &serde_saphyr::Error,
    text: &str,
    path: &str,
    source: &str,
    first_line: usize,
) -> Diagnostic {
    let inner = err.without_snippet();
    let raw = inner.to_string();
    let message = strip_location(&raw);
    let (message, label, help) = explain(inner, message, text);
    let mut d = Diagnostic::error(path, message);
    if let Some(loc) = err.location().filter(|l| l.line() > 0) {
        let line = loc.line() as usize + first_line - 1;
        let column = (loc.column() as usize).max(1);
        let width = source
            .lines()
            .nth(line - 1)
            .map(|l| token_width(l, column))
            .unwrap_or(1);
        d = d.at(Span::new(line, column, width), source);
    }
    if let Some(label) = label {
        d = d.label(label);
    }
    for h in help {
        d = d.help(h);
    }
    d
}

/// Where top-level `key:` is written in `text` (line 1 if nowhere), for errors found after
/// deserialisation, when serde's locations are gone.
pub fn key_span(text: &str, key: &str) -> Span {
    let line = text
        .lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .map_or(1, |i| i + 1);
    Span::new(line, 1, key.chars().count())
}

/// serde-saphyr appends ` at line N column M`; the contract puts the place first instead.
fn strip_location(raw: &str) -> &str {
    let first = raw.lines().next().unwrap_or(raw);
    match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    }
}

/// Width of the YAML token (a key or a scalar) starting at `column` (1-based, in characters).
fn token_width(line: &str, column: usize) -> usize {
    let rest: String = line.chars().skip(column - 1).collect();
    let end = rest.find([':', ',', '}', ']', '#']).unwrap_or(rest.len());
    rest[..end].trim_end().chars().count().max(1)
}

/// Rewrites serde's generic messages into ones a comms officer can act on.
fn explain(
    err: &serde_saphyr::Error,
    message: &str,
    text: &str,
) -> (String, Option<String>, Vec<String>) {
    use serde_saphyr::Error as E;
    let twice = || vec!["each key may appear only once; delete one of them".to_string()];
    match err {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let known: Vec<String> = expected.iter().map(|k| k.to_string()).collect();
            unknown_key(field, &known)
        }
        E::SerdeMissingField { field, .. } => (
            format!("required key `{field}` is missing"),
            None,
            vec![format!("add a line `{field}: …`")],
        ),
        E::DuplicateMappingKey { key: Some(k), .. } => {
            (format!("key `{k}` is given twice"), None, twice())
        }
        E::DuplicateMappingKey { key: None, .. } => ("a key is given twice".into(), None, twice()),
        _ if text.contains('\t') && message.contains("tab") => (
            message.to_string(),
            None,
            vec!["YAML indentation uses spaces; replace the tabs with spaces".into()],
        ),
        _ => (message.to_string(), None, Vec::new()),
    }
}

fn unknown_key(field: &str, expected: &[String]) -> (String, Option<String>, Vec<String>) {
    if !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit()) {
        return (
            format!("unknown key `{field}`"),
            Some("is this the decimal part of a number written with a comma?".to_string()),
            vec!["inside { } a comma separates keys: write amounts in quotes with a dot, e.g. amount: \"12.50\"".to_string()],
        );
    }
    let label = nearest(field, expected).map(|k| format!("did you mean `{k}`?"));
    let help = if label.is_none() {
        vec![format!("known keys: {}", expected.join(", "))]
    } else {
        Vec::new()
    };
    (format!("unknown key `{field}`"), label, help)
}

/// The known key closest to a typo, if it is close enough to be the likely intent.
pub fn nearest<'a>(typo: &str, known: &'a [String]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(typo, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_suggests_the_nearest_known_key() {
        let known = vec!["title".to_string(), "projects".to_string()];
        let (message, label, _) = unknown_key("projetcs", &known);
        assert_eq!(message, "unknown key `projetcs`");
        assert_eq!(label.as_deref(), Some("did you mean `projects`?"));
        assert_eq!(nearest("projetcs", &known), Some("projects"));
    }
}
