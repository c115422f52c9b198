//! Locale formatting of dates, whole numbers and money for the page language.
//!
//! Month names and date patterns come from the Fluent files (`date-long`, `date-month`), so a
//! new language needs no code. Numbers follow the Polish editorial convention (groups of three
//! separated by a no-break space, also in four-digit numbers, decimal comma) and the English
//! one (comma groups, decimal point); other languages get the English form.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::i18n::I18n;
use crate::types::Lang;

/// A date given as `YYYY-MM-DD`, formatted with the language's `date-<style>` message.
pub fn date(i18n: &I18n, lang: Lang, iso: &str, style: &str) -> String {
    let Ok(d) = iso.parse::<jiff::civil::Date>() else {
        return iso.to_string();
    };
    let mut args = FluentArgs::new();
    args.set("day", FluentValue::from(d.day() as i64));
    args.set("month", FluentValue::from(d.month() as i64));
    // The year is passed as text so no number formatting ever groups it (`2 012`).
    args.set("year", FluentValue::from(d.year().to_string()));
    i18n.get(lang, &format!("date-{style}"), Some(&args))
}

fn separators(lang: Option<Lang>) -> (&'static str, &'static str) {
    match lang.map(|l| l.to_string()).as_deref() {
        Some("pl") | Some("de") | Some("fr") | Some("cs") => ("\u{a0}", ","),
        _ => (",", "."),
    }
}

fn group(digits: &str, sep: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// `3617` → `3 617` (pl, with a no-break space) or `3,617` (en).
pub fn integer(lang: Option<Lang>, n: i64) -> String {
    let (sep, _) = separators(lang);
    let digits = n.unsigned_abs().to_string();
    let sign = if n < 0 { "\u{2212}" } else { "" };
    format!("{sign}{}", group(&digits, sep))
}

/// `46974038.58`, `PLN` → `46 974 038,58 zł` (pl) or `PLN 46,974,038.58` (en).
pub fn money(lang: Lang, amount: &str, currency: &str) -> String {
    let (sep, dec) = separators(Some(lang));
    let (neg, amount) = match amount.strip_prefix('-') {
        Some(a) => (true, a),
        None => (false, amount),
    };
    let (int, frac) = amount.split_once('.').unwrap_or((amount, ""));
    let frac = format!("{frac:0<2}");
    let number = format!(
        "{}{}{dec}{frac}",
        if neg { "\u{2212}" } else { "" },
        group(int, sep)
    );
    if lang.as_str() == "pl" {
        let symbol = if currency == "PLN" { "zł" } else { currency };
        format!("{number}\u{a0}{symbol}")
    } else {
        format!("{currency}\u{a0}{number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_groups_four_digit_numbers_and_uses_decimal_comma() {
        let pl = Lang::parse("pl");
        assert_eq!(integer(pl, 3617), "3\u{a0}617");
        assert_eq!(integer(Lang::parse("en"), 3617), "3,617");
        assert_eq!(
            money(pl.unwrap(), "46974038.58", "PLN"),
            "46\u{a0}974\u{a0}038,58\u{a0}zł"
        );
        assert_eq!(
            money(Lang::parse("en").unwrap(), "46974038.58", "PLN"),
            "PLN\u{a0}46,974,038.58"
        );
    }
}
