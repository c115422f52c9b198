//! Fixes that kronika's errors suggest, worked out from what the editor wrote: each is a
//! value kronika itself accepts (docs/maintainer/cli.md, "Errors and warnings").

use rust_decimal::Decimal;

/// What an amount written the way people write money (`5 000 000,00 zł`) should be.
#[derive(Debug, PartialEq, Eq)]
pub struct AmountHint {
    /// The amount as kronika reads it: digits, perhaps a dot and the fraction (`5000000.00`).
    pub amount: String,
    /// The currency code the text named (`zł` → `PLN`), which goes in `currency:`.
    pub currency: Option<&'static str>,
}

/// Currency words and signs seen in Polish documents, with their ISO 4217 codes.
const CURRENCIES: &[(&str, &str)] = &[
    ("złotych", "PLN"),
    ("złote", "PLN"),
    ("zł.", "PLN"),
    ("zł", "PLN"),
    ("zl", "PLN"),
    ("pln", "PLN"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("€", "EUR"),
    ("usd", "USD"),
    ("$", "USD"),
    ("chf", "CHF"),
    ("gbp", "GBP"),
    ("£", "GBP"),
];

/// The amount `text` most likely means, if it can be told: currency words stripped,
/// grouping (spaces, or dots and commas that group thousands) removed, and a decimal
/// comma turned into a dot. `None` when the text is not recognisably an amount. Every
/// hint returned parses as an amount.
pub fn amount(text: &str) -> Option<AmountHint> {
    let mut s = text.trim().to_lowercase();
    let mut currency = None;
    for (word, code) in CURRENCIES {
        if let Some(rest) = s.strip_suffix(word) {
            s = rest.trim_end().to_string();
            currency = Some(*code);
            break;
        }
        if let Some(rest) = s.strip_prefix(word) {
            s = rest.trim_start().to_string();
            currency = Some(*code);
            break;
        }
    }
    // Spaces of every kind and apostrophes group digits.
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\'' | '’'))
        .collect();
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let decimal = decimal_separator(digits);
    let mut amount = String::from(if negative { "-" } else { "" });
    for c in digits.chars() {
        match c {
            '0'..='9' => amount.push(c),
            _ if Some(c) == decimal => amount.push('.'),
            _ => {}
        }
    }
    let plain = amount.trim_start_matches('-');
    let well_formed = plain.starts_with(|c: char| c.is_ascii_digit())
        && !plain.ends_with('.')
        && amount.parse::<Decimal>().is_ok();
    well_formed.then_some(AmountHint { amount, currency })
}

/// Which of `.` and `,` separates the fraction in `digits`, if either does: the last of
/// them when both appear (`1.234,56`, `1,234.56`), a lone one, and neither when the only
/// mark repeats (`5.000.000`).
fn decimal_separator(digits: &str) -> Option<char> {
    let last = digits.rfind(['.', ','])?;
    let mark = digits[last..].chars().next()?;
    let other = if mark == '.' { ',' } else { '.' };
    if digits.contains(other) {
        return Some(mark);
    }
    // A repeated mark groups thousands; a single one is the decimal separator, as a
    // Polish decimal comma or an English decimal point.
    (digits.matches(mark).count() == 1).then_some(mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Money {
        amount: crate::types::Amount,
    }

    #[test]
    fn money_as_people_write_it() {
        for (text, expected, currency) in [
            ("5 000 000,00 zł", "5000000.00", Some("PLN")),
            ("5\u{a0}000\u{a0}000,00\u{a0}zł", "5000000.00", Some("PLN")),
            ("5000000.00zł", "5000000.00", Some("PLN")),
            ("12,5", "12.5", None),
            ("1.234.567,89", "1234567.89", None),
            ("1,234,567.89", "1234567.89", None),
            ("€ 1 500", "1500", Some("EUR")),
            ("970 053,76 PLN", "970053.76", Some("PLN")),
            ("-12,50", "-12.50", None),
        ] {
            let hint = amount(text).unwrap_or_else(|| panic!("a hint for {text}"));
            assert_eq!(hint.amount, expected, "{text}");
            assert_eq!(hint.currency, currency, "{text}");
        }
        for text in ["", "zł", "dużo", "12,", ",5", "1-2", "12.5.x"] {
            assert_eq!(amount(text), None, "{text}");
        }
    }

    proptest::proptest! {
        /// Every hint is an amount kronika reads.
        #[test]
        fn every_hint_parses(text in "[-0-9 .,'\u{a0}złPLNEUR€]{0,16}") {
            if let Some(h) = amount(&text) {
                let yaml = format!("amount: \"{}\"\n", h.amount);
                let parsed = crate::yaml::parse::<Money>(&yaml, "x.yaml", &yaml, 1);
                proptest::prop_assert!(parsed.is_ok(), "{text:?} → {h:?}");
            }
        }
    }
}
