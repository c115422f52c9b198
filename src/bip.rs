//! The BIP elements a site configures, typed and checked: the accessibility statement
//! (`accessibility:` in `site.yaml`), the BIP logo with the link to the main BIP portal
//! (`bip:`) and a project's EU marking (`eu_marking:` in `content/projects/<id>.yaml`).
//! docs/maintainer/pages.md, "BIP pages".

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::types::{Date, Translated};
use crate::yaml;

/// The compliance status of the official template (*zgodna*, *częściowo zgodna*,
/// *niezgodna*); its wording comes from the `a11y-status-*` messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Full,
    Partial,
    None,
}

impl Status {
    /// The key written in `site.yaml`, which also names the status's messages.
    pub fn key(self) -> &'static str {
        match self {
            Status::Full => "full",
            Status::Partial => "partial",
            Status::None => "none",
        }
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = String::deserialize(d)?;
        match value.as_str() {
            "full" => Ok(Status::Full),
            "partial" => Ok(Status::Partial),
            "none" => Ok(Status::None),
            _ => Err(serde::de::Error::custom(
                msg!("a11y-bad-status", value = value).to_serde(),
            )),
        }
    }
}

/// Who answers accessibility requests (the template's `a11y-osoba`, `a11y-email`,
/// `a11y-telefon`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// `accessibility:`: the facts of the accessibility statement; its sentences are the
/// `a11y-*` messages of the Fluent files.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    pub status: Status,
    /// When the statement was prepared (*data sporządzenia*).
    pub prepared: Date,
    /// When the website was published (*data publikacji*).
    pub published: Date,
    /// Its last significant update (*data ostatniej istotnej aktualizacji*).
    pub updated: Option<Date>,
    pub contact: Contact,
    /// What is not accessible, and why.
    #[serde(default)]
    pub non_accessible: Vec<Translated<String>>,
    /// The building's accessibility (*dostępność architektoniczna*); without it the
    /// statement says the editorial office gives the information on request.
    pub architecture: Option<Translated<String>>,
    /// The body's mobile applications; without it the statement says there are none.
    pub mobile_apps: Option<Translated<String>>,
}

/// `bip:`: the link to the main BIP portal, shown as the site's own copy of the logo.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bip {
    /// The main BIP portal (`https://www.gov.pl/web/bip`).
    pub portal: Spanned<String>,
    /// A file of the site's `static/` (or its theme's); without it the link is text.
    pub logo: Option<Spanned<String>>,
    /// The logo's text alternative; required with `logo`.
    pub alt: Option<Translated<String>>,
}

/// A logo image: a file of the site's `static/` and its text alternative.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    pub file: Spanned<String>,
    pub alt: Translated<String>,
}

/// `eu_marking:` of a project: the co-financing statement, always shown, and optional
/// logos (of the funds, the programme), each with its text alternative.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EuMarking {
    pub statement: Translated<String>,
    #[serde(default)]
    pub logos: Vec<Logo>,
}

/// Where a spanned value of a whole YAML file is.
fn span<T>(s: &Spanned<T>, len: usize) -> Span {
    let line = (s.referenced.line() as usize).max(1);
    let column = (s.referenced.column() as usize).max(1);
    Span::new(line, column, len)
}

fn blank(t: &Translated<String>) -> bool {
    match t {
        Translated::Same(s) => s.trim().is_empty(),
        Translated::PerLang(map) => map.values().any(|s| s.trim().is_empty()),
    }
}

/// Whether `name` is a file the site publishes from `static/` or its theme's `static/`
/// (built-in or its own). Only the site's own files: kronika never links a third party's.
pub fn static_file_exists(root: &Path, theme: &str, name: &str) -> bool {
    let safe = !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && name
            .split('/')
            .all(|seg| !seg.is_empty() && !seg.starts_with('.'));
    safe && (root.join("static").join(name).is_file()
        || root
            .join("themes")
            .join(theme)
            .join("static")
            .join(name)
            .is_file()
        || crate::embedded::static_files()
            .iter()
            .any(|(p, _)| p == name))
}

fn check_logo_file(
    file: &Spanned<String>,
    root: &Path,
    theme: &str,
    shown: &str,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) {
    if !static_file_exists(root, theme, &file.value) {
        errors.push(
            Diagnostic::error(shown, msg!("logo-missing", file = file.value.as_str()))
                .at(span(file, file.value.chars().count().max(1)), text)
                .help(msg!("logo-missing-help", file = file.value.as_str())),
        );
    }
}

/// The checks of `accessibility:` that its types cannot make: a statement that is not
/// fully compliant lists what is not accessible, and a compliant one lists nothing.
pub fn check_accessibility(a: &Accessibility, shown: &str, text: &str) -> Vec<Diagnostic> {
    let at = yaml::key_span(text, "accessibility");
    let mut errors = Vec::new();
    if a.status != Status::Full && a.non_accessible.is_empty() {
        errors.push(
            Diagnostic::error(shown, msg!("a11y-needs-list", status = a.status.key()))
                .at(at, text)
                .help(msg!("a11y-needs-list-help")),
        );
    }
    if a.status == Status::Full && !a.non_accessible.is_empty() {
        errors.push(
            Diagnostic::error(shown, msg!("a11y-full-with-list"))
                .at(at, text)
                .help(msg!("a11y-full-with-list-help")),
        );
    }
    if a.non_accessible.iter().any(blank) || a.contact.name.trim().is_empty() {
        errors.push(Diagnostic::error(shown, msg!("a11y-blank")).at(at, text));
    }
    errors
}

/// The checks of `bip:`: the portal is a web address, the logo a file of the site's with
/// its text alternative.
pub fn check_bip(b: &Bip, root: &Path, theme: &str, shown: &str, text: &str) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let url = b.portal.value.as_str();
    let scheme = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    if scheme.is_none_or(|rest| rest.is_empty() || rest.contains([' ', '"', '<', '>'])) {
        errors.push(
            Diagnostic::error(shown, msg!("bip-bad-portal", url = url))
                .at(span(&b.portal, url.chars().count().max(1)), text)
                .help(msg!("bip-bad-portal-help")),
        );
    }
    if let Some(logo) = &b.logo {
        check_logo_file(logo, root, theme, shown, text, &mut errors);
        if b.alt.as_ref().is_none_or(blank) {
            errors.push(
                Diagnostic::error(shown, msg!("logo-no-alt"))
                    .at(span(logo, logo.value.chars().count().max(1)), text)
                    .help(msg!("logo-no-alt-help")),
            );
        }
    }
    errors
}

/// The checks of a project's `eu_marking:`: a statement with text, and each logo a file of
/// the site's with a text alternative.
pub fn check_eu_marking(
    m: &EuMarking,
    root: &Path,
    theme: &str,
    shown: &str,
    text: &str,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if blank(&m.statement) {
        errors.push(
            Diagnostic::error(shown, msg!("eu-marking-blank"))
                .at(yaml::key_span(text, "eu_marking"), text),
        );
    }
    for logo in &m.logos {
        check_logo_file(&logo.file, root, theme, shown, text, &mut errors);
        if blank(&logo.alt) {
            errors.push(
                Diagnostic::error(shown, msg!("logo-no-alt"))
                    .at(
                        span(&logo.file, logo.file.value.chars().count().max(1)),
                        text,
                    )
                    .help(msg!("logo-no-alt-help")),
            );
        }
    }
    errors
}

/// A file's size as a page shows it: whole kilobytes (rounded up, never 0) below 1 MB,
/// else megabytes with one decimal. `value` is a decimal with a dot, for the `num`
/// filter; `unit` (`kb`, `mb`) names the `attachment-size-*` message that places it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FileSize {
    pub value: String,
    pub unit: &'static str,
}

impl FileSize {
    /// Units of 1 024: what file managers of the readers' systems mostly show.
    pub fn of(bytes: u64) -> FileSize {
        const KB: u64 = 1024;
        const MB: u64 = 1024 * 1024;
        let kb = bytes.div_ceil(KB).max(1);
        if kb < KB {
            return FileSize {
                value: kb.to_string(),
                unit: "kb",
            };
        }
        // Tenths of a megabyte, rounded half up, in integers (no float in the output).
        let tenths = (bytes * 10 + MB / 2) / MB;
        FileSize {
            value: format!("{}.{}", tenths / 10, tenths % 10),
            unit: "mb",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileSize;

    #[test]
    fn sizes_are_kilobytes_then_megabytes_with_one_decimal() {
        let shown = |b: u64| {
            let s = FileSize::of(b);
            format!("{} {}", s.value, s.unit)
        };
        assert_eq!(shown(0), "1 kb");
        assert_eq!(shown(10), "1 kb");
        assert_eq!(shown(1025), "2 kb");
        assert_eq!(shown(1023 * 1024), "1023 kb");
        assert_eq!(shown(1024 * 1024), "1.0 mb");
        assert_eq!(shown(1_258_291), "1.2 mb");
        assert_eq!(shown(10 * 1024 * 1024 + 900_000), "10.9 mb");
    }
}
