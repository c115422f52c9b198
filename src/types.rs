//! Small value types that make wrong states hard to write: `Lang`, `Slug`, `Date`, `Money`, `Translated<T>`;
//! and `Fingerprint`, what a rebuild sums up its inputs with.

use std::collections::BTreeMap;
use std::fmt;
use std::hash::BuildHasher;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What the inputs of an output file, a body or the search records are summed up with
/// (`render::inputs`, `rebuild`): foldhash with a fixed seed, the same in every run of one
/// kronika program (a rebuild's record names the program), and about 4 × faster than
/// std's SipHash over page text, which made fingerprinting every file of a build 2 % of
/// its CPU (docs/dev/performance.md, "Rebuilds").
pub type Fingerprint = foldhash::quality::FoldHasher<'static>;

/// A new [`Fingerprint`].
pub fn fingerprint() -> Fingerprint {
    foldhash::quality::FixedState::with_seed(0x006b_726f_6e69_6b61).build_hasher()
}

/// A language of the site: a lowercase ISO 639 code (`pl`, `en`, `de`), validated on creation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    code: [u8; 3],
    len: u8,
}

impl Lang {
    /// English: the language of kronika's messages when the user's has none, and of the
    /// UI strings and URL segments a site language lacks.
    pub const EN: Lang = Lang {
        code: *b"en\0",
        len: 2,
    };

    /// Parses a language code: two or three ASCII lowercase letters.
    pub fn parse(code: &str) -> Option<Lang> {
        let bytes = code.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut buf = [0u8; 3];
        buf[..bytes.len()].copy_from_slice(bytes);
        Some(Lang {
            code: buf,
            len: bytes.len() as u8,
        })
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.code[..self.len as usize]).unwrap_or("")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A URL segment made of lowercase ASCII letters, digits and single hyphens.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize)]
pub struct Slug(String);

impl Slug {
    /// Transliterates any text into a slug (`Spotkanie w Łodzi` → `spotkanie-w-lodzi`).
    /// Returns `None` when nothing usable is left (text of only punctuation or symbols).
    pub fn from_text(text: &str) -> Option<Slug> {
        let ascii = deunicode::deunicode(text);
        let mut out = String::with_capacity(ascii.len());
        let mut hyphen = false;
        for c in ascii.chars() {
            if c.is_ascii_alphanumeric() {
                if hyphen && !out.is_empty() {
                    out.push('-');
                }
                hyphen = false;
                out.push(c.to_ascii_lowercase());
            } else {
                hyphen = true;
            }
        }
        (!out.is_empty()).then_some(Slug(out))
    }

    /// Accepts text that is already a valid slug, as written in `slug:` or a project file name.
    pub fn parse(text: &str) -> Option<Slug> {
        let valid = !text.is_empty()
            && !text.starts_with('-')
            && !text.ends_with('-')
            && !text.contains("--")
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        valid.then(|| Slug(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Maps keyed by slug (projects, tags) are looked up by the text a file wrote.
impl std::borrow::Borrow<str> for Slug {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date (no time, no zone), written `YYYY-MM-DD` in YAML.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date(pub jiff::civil::Date);

impl Date {
    pub fn year(&self) -> i16 {
        self.0.year()
    }

    /// ISO 8601 form, `2012-02-15`, as used in `<time datetime>` and BIP metadata.
    pub fn iso(&self) -> String {
        self.0.to_string()
    }

    /// Today in the local time zone of the machine running the build.
    pub fn today() -> Date {
        Date(jiff::ZonedDateTime::now().date())
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// An ISO 4217 currency code (`PLN`, `EUR`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Currency([u8; 3]);

impl Currency {
    /// A three-letter uppercase code (`PLN`); whether ISO 4217 assigns it is not checked.
    pub fn parse(s: &str) -> Option<Currency> {
        match s.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Some(Currency([a, b, c])),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An exact decimal amount: written as a quoted string (`"46974038.58"`) or an integer, never a float.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Amount(pub Decimal);

/// Serialized as the decimal string it is read from (`"46974038.58"`): exact, unlike a float.
impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Money: an exact amount with its currency. Amounts in different currencies are never added.
/// Templates get it as `{amount, currency}`, which the `money` filter reads back as `Money`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    pub amount: Amount,
    pub currency: Currency,
}

/// A value given per language, e.g. `{pl: "Pora na aktywność", en: "Time for Activity"}`.
/// A plain string is accepted too and stands for every language.
#[derive(Clone, Debug, PartialEq)]
pub enum Translated<T> {
    Same(T),
    PerLang(BTreeMap<Lang, T>),
}

impl<T> Translated<T> {
    /// The value in `lang`, falling back to `default`; returns the language the value is in.
    pub fn get(&self, lang: Lang, default: Lang) -> Option<(&T, Lang)> {
        match self {
            Translated::Same(v) => Some((v, lang)),
            Translated::PerLang(map) => map
                .get(&lang)
                .map(|v| (v, lang))
                .or_else(|| map.get(&default).map(|v| (v, default))),
        }
    }

    /// Whether the value exists in `lang` itself (not by fallback).
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            Translated::Same(_) => true,
            Translated::PerLang(map) => map.contains_key(&lang),
        }
    }

    /// Languages the value names explicitly.
    pub fn langs(&self) -> Vec<Lang> {
        match self {
            Translated::Same(_) => Vec::new(),
            Translated::PerLang(map) => map.keys().copied().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_transliterates_polish_letters() {
        assert_eq!(
            Slug::from_text("Spotkanie w Łodzi — żółć")
                .unwrap()
                .as_str(),
            "spotkanie-w-lodzi-zolc"
        );
        assert_eq!(Slug::from_text("EFS").unwrap().as_str(), "efs");
        assert!(Slug::from_text("—!?").is_none());
    }

    #[test]
    fn slug_parse_rejects_paths() {
        assert!(Slug::parse("../../etc").is_none());
        assert!(Slug::parse("mops-wyrozniony").is_some());
    }

    #[test]
    fn lang_is_validated() {
        assert_eq!(Lang::parse("pl").unwrap().as_str(), "pl");
        assert!(Lang::parse("PL").is_none());
        assert!(Lang::parse("polski").is_none());
    }
}
