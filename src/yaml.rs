//! The one place YAML is read: typed deserialisation with located, actionable errors.
//!
//! serde-saphyr reports line and column for every error and never panics on malformed
//! input; this module turns its errors into [`Diagnostic`]s in the contract's format and
//! suggests the nearest known key for a typo.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_saphyr::options::DuplicateKeyPolicy;

use crate::diagnostics::{Diagnostic, Span};
use crate::messages::{Arg, Message};
use crate::msg;
use crate::types::{Amount, Currency, Date, Lang, Translated};

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
    let Explained {
        message,
        label,
        help,
    } = explain(inner, text);
    let mut d = Diagnostic::error(path, message);
    let mut list_example = None;
    if let Some(loc) = err.location().filter(|l| l.line() > 0) {
        let line = loc.line() as usize + first_line - 1;
        let column = (loc.column() as usize).max(1);
        let width = source
            .lines()
            .nth(line - 1)
            .map(|l| token_width(l, column))
            .unwrap_or(1);
        d = d.at(Span::new(line, column, width), source);
        if wants_list(inner) {
            list_example = source.lines().nth(line - 1).and_then(as_list);
        }
    }
    if let Some(label) = label {
        d = d.label(label);
    }
    for h in help {
        d = d.help(h);
    }
    if let Some(example) = list_example {
        d = d.help(msg!("yaml-list-help", example = example));
    }
    d
}

/// Whether the error is a list expected where something else was written.
fn wants_list(err: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as E;
    match err {
        E::SerdeInvalidType { expected, .. } | E::SerdeInvalidValue { expected, .. } => {
            *expected == "a sequence"
        }
        E::Unexpected { expected, .. } => matches!(*expected, "sequence start" | "seq"),
        _ => false,
    }
}

/// `line` (`tags: EFS, szkolenia`) with its value written as a list, in the file's own
/// words (`tags: [EFS, szkolenia]`), if the value is plain text.
fn as_list(line: &str) -> Option<String> {
    let (key, value) = line.split_once(':')?;
    let value = value.trim();
    if value.is_empty() || value.starts_with(['[', '{', '"', '\'', '|', '>', '&', '*', '#']) {
        return None;
    }
    let items: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    Some(format!("{}: [{}]", key.trim_end(), items.join(", ")))
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
/// A quoted scalar ends at its closing quote, whatever it holds (`"5 000 000,00 zł"`).
pub(crate) fn token_width(line: &str, column: usize) -> usize {
    let rest: String = line.chars().skip(column - 1).collect();
    let end = match rest.chars().next() {
        Some(quote @ ('"' | '\'')) => closing_quote(&rest, quote).unwrap_or(rest.len()),
        _ => rest.find([':', ',', '}', ']', '#']).unwrap_or(rest.len()),
    };
    rest[..end].trim_end().chars().count().max(1)
}

/// The byte just after the quote that closes the scalar `text` opens with `quote`: `\"`
/// escapes a double quote, `''` writes a single one.
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            c if c == quote => {
                if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                } else {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// An error of serde-saphyr as kronika's message, with the text under the caret and help.
struct Explained {
    message: Message,
    label: Option<Message>,
    help: Vec<Message>,
}

impl Explained {
    fn new(message: Message) -> Explained {
        Explained {
            message,
            label: None,
            help: Vec::new(),
        }
    }

    fn help(mut self, help: Message) -> Explained {
        self.help.push(help);
        self
    }
}

/// Turns serde's generic errors, and kronika's own carried through serde, into messages a
/// comms officer can act on. What serde-saphyr's parser says about broken YAML is quoted
/// as the detail of `yaml-invalid`.
fn explain(err: &serde_saphyr::Error, text: &str) -> Explained {
    use serde_saphyr::Error as E;
    if let E::Message { msg, .. } = err
        && let Some(message) = Message::from_serde(msg)
    {
        return Explained::new(message);
    }
    match err {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let known: Vec<String> = expected.iter().map(|k| k.to_string()).collect();
            unknown_key(field, &known)
        }
        E::SerdeMissingField { field, .. } => {
            Explained::new(msg!("yaml-missing-key", key = *field))
                .help(msg!("yaml-missing-key-help", key = *field))
        }
        E::DuplicateMappingKey { key: Some(k), .. } => {
            Explained::new(msg!("yaml-duplicate-key", key = k))
                .help(msg!("yaml-duplicate-key-help"))
        }
        E::DuplicateMappingKey { key: None, .. } => {
            Explained::new(msg!("yaml-duplicate-unnamed-key")).help(msg!("yaml-duplicate-key-help"))
        }
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => Explained::new(msg!(
            "yaml-wrong-type",
            expected = expected_message(expected),
            found = found_message(unexpected)
        )),
        E::InvalidScalar { ty, .. } => {
            Explained::new(msg!("yaml-expected-here", expected = type_name(ty)))
        }
        E::InvalidBooleanStrict { .. } => Explained::new(msg!(
            "yaml-expected-here",
            expected = msg!("yaml-expected-boolean")
        )),
        // serde-saphyr's limits (node count, nesting, alias expansion) keep memory bounded.
        E::Budget { .. } => {
            Explained::new(msg!("yaml-too-large")).help(msg!("yaml-too-large-help"))
        }
        E::Unexpected { expected, .. } => Explained::new(msg!(
            "yaml-expected-here",
            expected = parser_expected(expected)
        )),
        _ => {
            let raw = err.to_string();
            let detail = strip_location(&raw);
            let tabs = text.contains('\t') && detail.contains("tab");
            let explained = Explained::new(msg!("yaml-invalid", detail = detail));
            if tabs {
                explained.help(msg!("yaml-tabs-help"))
            } else {
                explained
            }
        }
    }
}

/// What serde says a value should have been: kronika's own description (carried through
/// serde), or one of serde's for the primitive types, or serde's words as they are.
fn expected_message(expected: &str) -> Arg {
    if let Some(m) = Message::from_serde(expected) {
        return Arg::from(m);
    }
    match expected {
        "a string" | "a borrowed string" | "a character" => Arg::from(msg!("yaml-expected-text")),
        "a boolean" => Arg::from(msg!("yaml-expected-boolean")),
        "a sequence" => Arg::from(msg!("yaml-expected-list")),
        "a map" => Arg::from(msg!("yaml-expected-mapping")),
        _ if expected.starts_with("struct ") => Arg::from(msg!("yaml-expected-mapping")),
        _ => type_name(expected),
    }
}

/// What serde-saphyr's parser wanted to read where it found something else.
fn parser_expected(expected: &str) -> Arg {
    match expected {
        "string scalar" | "string" | "str expected" | "missing string" | "scalar" => {
            Arg::from(msg!("yaml-expected-text"))
        }
        "sequence start" | "seq" => Arg::from(msg!("yaml-expected-list")),
        "mapping start" | "map" => Arg::from(msg!("yaml-expected-mapping")),
        "bool expected" | "missing bool" => Arg::from(msg!("yaml-expected-boolean")),
        "an integer" => Arg::from(msg!("yaml-expected-number")),
        _ => type_name(expected),
    }
}

/// A Rust type as serde-saphyr names it (`u64`, `boolean`), or the name as it is.
fn type_name(ty: &str) -> Arg {
    let integer = matches!(ty, "usize" | "isize")
        || (ty.starts_with(['u', 'i']) && ty[1..].parse::<u8>().is_ok());
    if integer {
        Arg::from(msg!("yaml-expected-number"))
    } else if ty == "boolean" || ty == "bool" {
        Arg::from(msg!("yaml-expected-boolean"))
    } else {
        Arg::from(ty)
    }
}

/// What was written instead, from serde's description of the value (`integer `5``,
/// `string "x"`, `sequence`), or serde's words as they are.
fn found_message(found: &str) -> Arg {
    let value = |prefix: &str| found.strip_prefix(prefix).map(str::trim);
    let message = match found {
        "sequence" => msg!("yaml-found-list"),
        "map" => msg!("yaml-found-mapping"),
        "unit value" | "null" | "none" => msg!("yaml-found-empty"),
        _ => {
            if let Some(quoted) = value("string ") {
                // serde quotes the text; the message quotes it the language's way.
                let text = quoted.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
                msg!("yaml-found-text", value = text.unwrap_or(quoted))
            } else if let Some(n) = value("integer ").or_else(|| value("floating point ")) {
                msg!("yaml-found-number", value = n)
            } else if let Some(b) = value("boolean ") {
                msg!("yaml-found-boolean", value = b)
            } else {
                return Arg::from(found);
            }
        }
    };
    Arg::from(message)
}

fn unknown_key(field: &str, expected: &[String]) -> Explained {
    let message = msg!("yaml-unknown-key", key = field);
    // A "key" with spaces is a sentence of the text, read as YAML because no `---` line
    // closed the front matter before it.
    if field.trim().contains(char::is_whitespace) {
        return Explained {
            message,
            label: Some(msg!("yaml-key-reads-as-text-label")),
            help: vec![msg!("yaml-key-reads-as-text-help")],
        };
    }
    if !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit()) {
        return Explained {
            message,
            label: Some(msg!("yaml-decimal-comma-label")),
            help: vec![msg!("yaml-decimal-comma-help")],
        };
    }
    match nearest(field, expected) {
        Some(k) => Explained {
            message,
            label: Some(msg!("did-you-mean-label", suggestion = k)),
            help: Vec::new(),
        },
        None => {
            Explained::new(message).help(msg!("yaml-known-keys-help", keys = expected.join(", ")))
        }
    }
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

// How the value types of `types.rs` are read from YAML. They live here, with the rest of
// the typed-YAML layer, so that `types` stays a leaf that kronika's messages can use.

// Errors of these types travel through serde as text: each is a message of cli.ftl,
// encoded by `Message::to_serde`, which `yaml.rs` decodes back into the message.
fn custom<E: de::Error>(message: crate::messages::Message) -> E {
    E::custom(message.to_serde())
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Lang::parse(&s).ok_or_else(|| custom(msg!("yaml-not-a-language", value = &s)))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&msg!("yaml-expected-date").to_serde())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                let bad = || custom(msg!("yaml-not-a-date", value = v));
                if v.len() != 10 {
                    return Err(bad());
                }
                v.parse::<jiff::civil::Date>().map(Date).map_err(|_| bad())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Date, E> {
                Err(custom(msg!("yaml-not-a-date", value = v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Date, E> {
                Err(custom(msg!("yaml-not-a-date", value = v.to_string())))
            }
        }
        d.deserialize_any(DateVisitor)
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Currency::parse(&s).ok_or_else(|| custom(msg!("yaml-not-a-currency", value = &s)))
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AmountVisitor;
        impl Visitor<'_> for AmountVisitor {
            type Value = Amount;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&msg!("yaml-expected-amount").to_serde())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Amount, E> {
                let parsed = (!v.contains(','))
                    .then(|| v.trim().parse::<Decimal>().ok())
                    .flatten();
                if let Some(d) = parsed {
                    return Ok(Amount(d));
                }
                // The hint is an amount this function accepts (`hints::amount`).
                Err(custom(match crate::hints::amount(v) {
                    Some(h) => match h.currency {
                        Some(currency) => msg!(
                            "yaml-amount-with-currency",
                            value = v,
                            suggestion = h.amount,
                            currency = currency
                        ),
                        None => msg!("yaml-amount-with-comma", value = v, suggestion = h.amount),
                    },
                    None => msg!("yaml-not-an-amount", value = v),
                }))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Amount, E> {
                Ok(Amount(Decimal::from(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Amount, E> {
                Err(custom(msg!("yaml-amount-as-float", value = v.to_string())))
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}

impl<'de> Deserialize<'de> for Translated<String> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TranslatedVisitor;
        impl<'de> Visitor<'de> for TranslatedVisitor {
            type Value = Translated<String>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&msg!("yaml-expected-translated").to_serde())
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Translated::Same(v.to_string()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let lang = Lang::parse(&key)
                        .ok_or_else(|| custom(msg!("yaml-not-a-language-key", value = &key)))?;
                    let value: String = map.next_value()?;
                    if out.insert(lang, value).is_some() {
                        return Err(custom(msg!("yaml-language-twice", lang = &key)));
                    }
                }
                Ok(Translated::PerLang(out))
            }
        }
        d.deserialize_any(TranslatedVisitor)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::types::{Amount, Date, Translated};

    #[test]
    fn a_quoted_value_is_underlined_to_its_closing_quote() {
        let line = r#"  total: "5 000 000,00 zł"  # z wkładem"#;
        assert_eq!(token_width(line, 10), "\"5 000 000,00 zł\"".chars().count());
        assert_eq!(token_width(r#"a: 'it''s, fine'"#, 4), 13);
        assert_eq!(token_width(r#"a: "x\", y""#, 4), 8);
        assert_eq!(token_width("tags: EFS, szkolenia", 7), 3);
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        count: Option<u64>,
        date: Option<Date>,
        title: Option<Translated<String>>,
        amount: Option<Amount>,
        draft: Option<bool>,
    }

    fn error_of(yaml: &str) -> Diagnostic {
        parse::<Sample>(yaml, "x.yaml", yaml, 1).unwrap_err()
    }

    #[test]
    fn errors_of_kronika_types_and_of_serde_become_messages() {
        for (yaml, message) in [
            (
                "date: wczoraj\n",
                msg!("yaml-not-a-date", value = "wczoraj"),
            ),
            ("date: 2012\n", msg!("yaml-not-a-date", value = "2012")),
            (
                "amount: \"12,50\"\n",
                msg!(
                    "yaml-amount-with-comma",
                    value = "12,50",
                    suggestion = "12.50"
                ),
            ),
            (
                "title: {pl: a, pl: b}\n",
                msg!("yaml-duplicate-key", key = "pl"),
            ),
            (
                "title: {PL: a}\n",
                msg!("yaml-not-a-language-key", value = "PL"),
            ),
            (
                "title: [a]\n",
                msg!(
                    "yaml-wrong-type",
                    expected = msg!("yaml-expected-translated"),
                    found = msg!("yaml-found-list")
                ),
            ),
            (
                "count: dużo\n",
                msg!(
                    "yaml-expected-here",
                    expected = msg!("yaml-expected-number")
                ),
            ),
            (
                "date: [1]\n",
                msg!(
                    "yaml-wrong-type",
                    expected = msg!("yaml-expected-date"),
                    found = msg!("yaml-found-list")
                ),
            ),
            (
                "amount: 12.5\n",
                msg!("yaml-amount-as-float", value = "12.5"),
            ),
            (
                "draft: maybe\n",
                msg!(
                    "yaml-expected-here",
                    expected = msg!("yaml-expected-boolean")
                ),
            ),
            ("tytul: x\n", msg!("yaml-unknown-key", key = "tytul")),
        ] {
            assert_eq!(error_of(yaml).message, message, "{yaml}");
        }
        let broken = error_of("title: \"x\n");
        assert_eq!(broken.message.id(), "yaml-invalid");
    }

    #[test]
    fn serde_descriptions_of_values_become_messages() {
        for (found, arg) in [
            (
                "string \"dużo\"",
                Arg::from(msg!("yaml-found-text", value = "dużo")),
            ),
            (
                "integer `5`",
                Arg::from(msg!("yaml-found-number", value = "`5`")),
            ),
            (
                "boolean `true`",
                Arg::from(msg!("yaml-found-boolean", value = "`true`")),
            ),
            ("sequence", Arg::from(msg!("yaml-found-list"))),
            ("newtype struct", Arg::from("newtype struct")),
        ] {
            assert_eq!(found_message(found), arg, "{found}");
        }
    }

    #[test]
    fn unknown_key_suggests_the_nearest_known_key() {
        let known = vec!["title".to_string(), "projects".to_string()];
        let explained = unknown_key("projetcs", &known);
        assert_eq!(
            explained.message,
            msg!("yaml-unknown-key", key = "projetcs")
        );
        assert_eq!(
            explained.label,
            Some(msg!("did-you-mean-label", suggestion = "projects"))
        );
        assert_eq!(nearest("projetcs", &known), Some("projects"));
    }
}
