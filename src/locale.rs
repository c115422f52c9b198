//! Locale data of one language from ICU4X (CLDR): number and date formatting, and
//! alphabetical order. Wording (the `r.` after a Polish date, where a currency goes) stays
//! in the Fluent files; this module supplies the CLDR parts they are composed from.
//!
//! One editorial choice departs from CLDR: Polish CLDR data leaves four-digit numbers
//! ungrouped (`3617`), while Polish official documents group them (`3 617`). kronika groups
//! them unless `site.yaml` sets `typography: {group_four_digits: false}`.

use std::cmp::Ordering;

use fixed_decimal::Decimal;
use icu_calendar::Gregorian;
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YM, YMD};
use icu_datetime::input::Date as IcuDate;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale as IcuLocale;
use rust_decimal::RoundingStrategy;

use crate::types::Date;

/// How numbers are grouped; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// Every number of four digits or more is grouped (`3 617`, `10 000`).
    FromFourDigits,
    /// CLDR's rule for the language (Polish: `3617`, `10 000`).
    Cldr,
}

/// Formatters and the collator of one language, built once per build and shared by the
/// render threads.
pub struct Locale {
    numbers: Numbers,
    long_date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    collator: CollatorBorrowed<'static>,
}

/// The number formatting of one language: all that Fluent and kronika's own messages
/// need, without the date and collation data of a whole [`Locale`].
pub struct Numbers {
    decimal: DecimalFormatter,
    /// The separator to put into four-digit numbers that CLDR leaves ungrouped.
    four_digit_separator: Option<String>,
}

fn icu_locale(tag: &str) -> IcuLocale {
    tag.parse().unwrap_or(IcuLocale::UNKNOWN)
}

impl Locale {
    /// The locale `tag` (a BCP 47 tag such as `pl-PL` or `en-GB`). An unknown or malformed
    /// tag gives CLDR's root data, never an error: the caller validates tags.
    pub fn new(tag: &str, grouping: Grouping) -> Locale {
        let locale = icu_locale(tag);
        Locale {
            numbers: Numbers::new(tag, grouping),
            long_date: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long())
                .or_else(|_| {
                    FixedCalendarDateTimeFormatter::try_new(Default::default(), YMD::long())
                })
                .expect("compiled-in root data formats dates"),
            month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::long())
                .or_else(|_| {
                    FixedCalendarDateTimeFormatter::try_new(Default::default(), YM::long())
                })
                .expect("compiled-in root data formats months"),
            collator: Collator::try_new(
                CollatorPreferences::from(&locale),
                CollatorOptions::default(),
            )
            .or_else(|_| Collator::try_new(Default::default(), CollatorOptions::default()))
            .expect("compiled-in root data collates"),
        }
    }

    /// Numbers and money in this language.
    pub fn numbers(&self) -> &Numbers {
        &self.numbers
    }

    /// Whether ICU4X knows `tag` as a well-formed locale.
    pub fn is_valid_tag(tag: &str) -> bool {
        tag.parse::<IcuLocale>().is_ok()
    }

    /// `15 lutego 2012` (genitive in Polish), `15 February 2012` (en-GB).
    pub fn long_date(&self, d: Date) -> String {
        match icu_date(d) {
            Some(date) => self.long_date.format(&date).to_string(),
            None => d.iso(),
        }
    }

    /// A month standing alone: `luty 2012` (nominative in Polish), `February 2012`.
    pub fn month(&self, d: Date) -> String {
        match icu_date(d) {
            Some(date) => self.month.format(&date).to_string(),
            None => d.iso(),
        }
    }

    /// Alphabetical order of the language: Polish puts `ą` after `a`, `ł` after `l`, and
    /// `ź` before `ż`, both after `z`.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }
}

impl Numbers {
    /// Number formatting for locale `tag`; see [`Locale::new`].
    pub fn new(tag: &str, grouping: Grouping) -> Numbers {
        let decimal = DecimalFormatter::try_new((&icu_locale(tag)).into(), Default::default())
            .or_else(|_| DecimalFormatter::try_new(Default::default(), Default::default()))
            .expect("compiled-in root data formats numbers");
        Numbers {
            four_digit_separator: match grouping {
                Grouping::FromFourDigits => four_digit_separator(&decimal),
                Grouping::Cldr => None,
            },
            decimal,
        }
    }

    /// `3617` → `3 617` (pl, no-break space) or `3,617` (en).
    pub fn integer(&self, n: i64) -> String {
        self.format(&Decimal::from(n))
    }

    /// A number with the digits after the decimal separator that it has (`0.10` keeps two).
    pub fn decimal(&self, n: &rust_decimal::Decimal) -> String {
        match n.to_string().parse::<Decimal>() {
            Ok(d) => self.format(&d),
            Err(_) => n.to_string(),
        }
    }

    fn format(&self, d: &Decimal) -> String {
        let text = self.decimal.format(d).to_string();
        match &self.four_digit_separator {
            Some(sep) if d.absolute.nonzero_magnitude_start() == 3 => {
                // The first digit stands alone: `3617` → `3 617`.
                match text.char_indices().find(|(_, c)| c.is_numeric()) {
                    Some((i, c)) => {
                        let at = i + c.len_utf8();
                        format!("{}{sep}{}", &text[..at], &text[at..])
                    }
                    None => text,
                }
            }
            _ => text,
        }
    }

    /// The locale's minus sign, as it writes `-1`.
    pub fn minus_sign(&self) -> String {
        self.integer(-1).trim_end_matches('1').to_string()
    }

    /// An amount of money as a number with exactly two decimals, rounded half away from
    /// zero to the grosz/cent: `46974038.58` → `46 974 038,58`.
    pub fn amount(&self, n: &rust_decimal::Decimal) -> String {
        let mut rounded = n.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        rounded.rescale(2);
        self.decimal(&rounded)
    }

    /// A float from Fluent (counts reach it as `f64`), formatted without a spurious `.0`.
    pub fn float(&self, n: f64) -> String {
        match rust_decimal::Decimal::try_from(n) {
            Ok(d) => self.decimal(&d.normalize()),
            Err(_) => n.to_string(),
        }
    }
}

/// The group separator CLDR uses for the language, if it leaves four-digit numbers
/// ungrouped (Polish, Spanish); `None` if it already groups them (English, German).
fn four_digit_separator(decimal: &DecimalFormatter) -> Option<String> {
    let four = decimal.format(&Decimal::from(1000)).to_string();
    if four.chars().count() > 4 {
        return None;
    }
    // `10 000`: whatever stands between the first two digits and the last three.
    let five: Vec<char> = decimal
        .format(&Decimal::from(10000))
        .to_string()
        .chars()
        .collect();
    let sep: String = five.get(2..five.len().saturating_sub(3))?.iter().collect();
    (!sep.is_empty()).then_some(sep)
}

fn icu_date(d: Date) -> Option<IcuDate<Gregorian>> {
    let d = d.0;
    IcuDate::try_new_gregorian(i32::from(d.year()), d.month() as u8, d.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pl() -> Locale {
        Locale::new("pl-PL", Grouping::FromFourDigits)
    }
    fn en() -> Locale {
        Locale::new("en-GB", Grouping::FromFourDigits)
    }
    fn dec(s: &str) -> rust_decimal::Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        let cldr = Locale::new("pl-PL", Grouping::Cldr);
        for (n, polish, polish_cldr, english) in [
            (0, "0", "0", "0"),
            (7, "7", "7", "7"),
            (999, "999", "999", "999"),
            (1000, "1\u{a0}000", "1000", "1,000"),
            (3617, "3\u{a0}617", "3617", "3,617"),
            (10000, "10\u{a0}000", "10\u{a0}000", "10,000"),
            (
                1234567,
                "1\u{a0}234\u{a0}567",
                "1\u{a0}234\u{a0}567",
                "1,234,567",
            ),
            (-3617, "-3\u{a0}617", "-3617", "-3,617"),
        ] {
            assert_eq!(pl().numbers().integer(n), polish, "pl {n}");
            assert_eq!(cldr.numbers().integer(n), polish_cldr, "pl CLDR {n}");
            assert_eq!(en().numbers().integer(n), english, "en {n}");
        }
    }

    #[test]
    fn amounts_keep_two_decimals_exactly() {
        for (amount, polish, english) in [
            ("46974038.58", "46\u{a0}974\u{a0}038,58", "46,974,038.58"),
            ("0.10", "0,10", "0.10"),
            ("0.1", "0,10", "0.10"),
            ("6772416", "6\u{a0}772\u{a0}416,00", "6,772,416.00"),
            ("-1250.5", "-1\u{a0}250,50", "-1,250.50"),
            ("0.005", "0,01", "0.01"),
            ("2.675", "2,68", "2.68"),
        ] {
            assert_eq!(pl().numbers().amount(&dec(amount)), polish, "pl {amount}");
            assert_eq!(en().numbers().amount(&dec(amount)), english, "en {amount}");
        }
    }

    #[test]
    fn dates_use_genitive_in_running_text_and_nominative_alone() {
        let d = Date("2012-02-15".parse().unwrap());
        assert_eq!(pl().long_date(d), "15 lutego 2012");
        assert_eq!(pl().month(d), "luty 2012");
        assert_eq!(en().long_date(d), "15 February 2012");
        assert_eq!(en().month(d), "February 2012");
        let us = Locale::new("en-US", Grouping::Cldr);
        assert_eq!(us.long_date(d), "February 15, 2012");
        let de = Locale::new("de", Grouping::Cldr);
        assert_eq!(de.long_date(d), "15. Februar 2012");
    }

    #[test]
    fn polish_alphabetical_order() {
        let mut words = vec![
            "żółw", "zebra", "źrebię", "łąka", "lis", "ślimak", "sowa", "ąb", "azot", "Ala", "ćma",
            "cel", "Łódź", "ósemka", "oko",
        ];
        words.sort_by(|a, b| pl().compare(a, b));
        assert_eq!(
            words,
            [
                "Ala", "azot", "ąb", "cel", "ćma", "lis", "łąka", "Łódź", "oko", "ósemka", "sowa",
                "ślimak", "zebra", "źrebię", "żółw"
            ]
        );
    }
}
