//! Everything a page says in its language: UI strings (one Fluent bundle per language,
//! built-in messages overridden key by key by the site's), and the language's [`Locale`]
//! for numbers, dates, money and alphabetical order.
//!
//! Numbers that reach Fluent (`{ $count }`) are formatted by [`Locale`], not by Fluent's
//! own formatter, so a count reads `1 000` on a Polish page like every other number.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Span};
use crate::embedded;
use crate::fluent;
use crate::locale::{Grouping, Locale};
use crate::msg;
use crate::types::{Date, Lang, Money};

/// Language used for messages a language's own files lack (and for URL segments).
const FALLBACK: &str = "en";

/// All UI strings and locale data of the site, per language; shared by the render threads.
pub struct I18n {
    languages: HashMap<Lang, Language>,
    fallback: Option<Lang>,
    /// Problems that do not stop the build (a language without UI strings of its own).
    warnings: Vec<Diagnostic>,
    /// The dates written so far. An archive shows one date on many pages (an item's own,
    /// its lists, its cards), and writing one through ICU4X and Fluent takes about 5 000
    /// instructions: 2.5 % of a build's (docs/dev/performance.md, "Where a cold build's
    /// time went").
    dates: Mutex<foldhash::HashMap<(Lang, Date, DateStyle), String>>,
    /// The messages without arguments written so far ([`I18n::plain`]).
    plain: Mutex<foldhash::HashMap<Lang, foldhash::HashMap<String, String>>>,
}

struct Language {
    bundle: FluentBundle<FluentResource>,
    locale: Locale,
}

/// How a date is written: `long` in running text (`15 lutego 2012 r.`), `month` standing
/// alone (`luty 2012`), `iso` for machines and BIP metadata (`2012-02-15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateStyle {
    Long,
    Month,
    Iso,
}

impl DateStyle {
    pub fn parse(s: &str) -> Option<DateStyle> {
        match s {
            "long" => Some(DateStyle::Long),
            "month" => Some(DateStyle::Month),
            "iso" => Some(DateStyle::Iso),
            _ => None,
        }
    }
}

impl I18n {
    /// Loads the built-in `.ftl` files of every language of `config`, then the site's
    /// `i18n/<lang>/*.ftl` on top of them (a site message replaces the built-in one).
    pub fn load(root: &Path, config: &Config) -> Result<I18n, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let grouping = if config.typography.group_four_digits {
            Grouping::FromFourDigits
        } else {
            Grouping::Cldr
        };
        let fallback = Lang::parse(FALLBACK);
        let mut wanted = config.languages.clone();
        wanted.extend(fallback.filter(|f| !wanted.contains(f)));
        let mut languages = HashMap::new();
        let mut warnings = Vec::new();
        for lang in wanted {
            let resources = read_resources(root, lang, &mut errors);
            let own_locale = locale_message(&resources);
            if let Some(tag) = own_locale.as_deref().filter(|t| !Locale::is_valid_tag(t)) {
                warnings.push(
                    Diagnostic::warning(format!("i18n/{lang}"), msg!("i18n-bad-locale", tag = tag))
                        .help(msg!("i18n-bad-locale-help")),
                );
            }
            let tag = config
                .locales
                .get(&lang)
                .cloned()
                .or(own_locale)
                .unwrap_or_else(|| lang.to_string());
            let langid: LanguageIdentifier = tag
                .parse()
                .or_else(|_| lang.as_str().parse())
                .unwrap_or_default();
            let mut bundle = fluent::new_bundle(langid, grouping);
            for resource in resources {
                bundle.add_resource_overriding(resource);
            }
            if config.has_language(lang) && !bundle.has_message("language-name") {
                warnings.push(
                    Diagnostic::warning(
                        format!("i18n/{lang}"),
                        msg!("i18n-language-without-messages", lang = lang),
                    )
                    .help(msg!("i18n-language-without-messages-help", lang = lang)),
                );
            }
            let locale = Locale::new(&tag, grouping);
            languages.insert(lang, Language { bundle, locale });
        }
        if errors.is_empty() {
            Ok(I18n {
                languages,
                fallback,
                warnings,
                dates: Mutex::default(),
                plain: Mutex::default(),
            })
        } else {
            Err(errors)
        }
    }

    /// The warnings of loading, handed over once.
    pub fn take_warnings(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.warnings)
    }

    /// The name of `lang` in itself (`polski`); its code when it has no `language-name`
    /// of its own, never another language's name.
    pub fn language_name(&self, lang: Lang) -> String {
        if self.has(lang, "language-name") {
            self.get(lang, "language-name", None)
        } else {
            lang.to_string()
        }
    }

    /// Whether `lang` itself (not the fallback) has message `id`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.languages
            .get(&lang)
            .is_some_and(|l| l.bundle.has_message(id))
    }

    /// Whether `id` exists in `lang` or in the fallback language.
    pub fn exists(&self, lang: Lang, id: &str) -> bool {
        self.has(lang, id) || self.fallback.is_some_and(|f| self.has(f, id))
    }

    /// Formats message `id` in `lang`, falling back to English, then to the id itself
    /// (a visible id is easier to spot and fix than an empty string).
    pub fn get(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        let order = [Some(lang), self.fallback];
        let bundles = order
            .into_iter()
            .flatten()
            .filter_map(|l| self.languages.get(&l))
            .map(|language| &language.bundle);
        fluent::format_first(bundles, id, args).unwrap_or_else(|| id.to_string())
    }

    /// Message `id` without arguments, as [`I18n::get`] writes it. A template asks for a
    /// dozen on every page (`t(key="home")`), the same in a language all build long:
    /// written once, then copied (docs/dev/performance.md, "Change register"). Keyed with
    /// foldhash rather than std's SipHash: two lookups per call took 1 % of a build.
    pub fn plain(&self, lang: Lang, id: &str) -> String {
        let mut plain = self.plain.lock().unwrap_or_else(PoisonError::into_inner);
        let known = plain.entry(lang).or_default();
        // Looked up by the id as given: copied only the first time.
        if let Some(text) = known.get(id) {
            return text.clone();
        }
        let text = self.get(lang, id, Some(&FluentArgs::new()));
        known.insert(id.to_string(), text.clone());
        text
    }

    /// A message with one numeric argument `count`, selecting the CLDR plural form.
    pub fn count(&self, lang: Lang, id: &str, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.get(lang, id, Some(&args))
    }

    /// The locale data of `lang` (the fallback language's for a language not loaded).
    pub fn locale(&self, lang: Lang) -> &Locale {
        let language = self
            .languages
            .get(&lang)
            .or_else(|| self.fallback.and_then(|f| self.languages.get(&f)))
            .or_else(|| self.languages.values().next())
            .expect("at least the fallback language is loaded");
        &language.locale
    }

    /// A date in `style`: the CLDR form from [`Locale`], placed into the language's
    /// `date-long`/`date-month` message (which adds the Polish `r.`).
    pub fn date(&self, lang: Lang, date: Date, style: DateStyle) -> String {
        if style == DateStyle::Iso {
            return date.iso();
        }
        let key = (lang, date, style);
        let dates = || self.dates.lock().unwrap_or_else(PoisonError::into_inner);
        let written = dates().get(&key).cloned();
        written.unwrap_or_else(|| {
            let text = self.write_date(lang, date, style);
            dates().insert(key, text.clone());
            text
        })
    }

    /// [`I18n::date`], written anew.
    fn write_date(&self, lang: Lang, date: Date, style: DateStyle) -> String {
        let (id, text) = match style {
            DateStyle::Iso => return date.iso(),
            DateStyle::Long => ("date-long", self.locale(lang).long_date(date)),
            DateStyle::Month => ("date-month", self.locale(lang).month(date)),
        };
        let mut args = FluentArgs::new();
        args.set("date", FluentValue::from(text));
        self.get(lang, id, Some(&args))
    }

    /// An amount with its currency: the number from [`Locale`] (two decimals), placed by
    /// the language's own `money-<CODE>` message if it has one, else by `money` with
    /// `$currency` from the language's `currency-<CODE>` (or the ISO code):
    /// `46 974 038,58 zł`, `PLN 46,974,038.58`, `€6,772,416.00`. A negative amount carries
    /// its sign in front of the whole (`-PLN 1,250.50`).
    pub fn money(&self, lang: Lang, money: &Money) -> String {
        let code = money.currency.as_str();
        let locale = self.locale(lang).numbers();
        let amount = money.amount.0;
        let mut args = FluentArgs::new();
        args.set("amount", FluentValue::from(locale.amount(&amount.abs())));
        let symbol_id = format!("currency-{code}");
        let symbol = if self.has(lang, &symbol_id) {
            self.get(lang, &symbol_id, None)
        } else {
            code.to_string()
        };
        args.set("currency", FluentValue::from(symbol));
        let own = format!("money-{code}");
        let id = if self.has(lang, &own) {
            own.as_str()
        } else {
            "money"
        };
        let text = self.get(lang, id, Some(&args));
        // The sign of what is shown: -0.004 rounds to 0,00, which has none.
        let shown =
            amount.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        if shown.is_sign_negative() && !shown.is_zero() {
            format!("{}{text}", locale.minus_sign())
        } else {
            text
        }
    }

    /// Alphabetical order in `lang`.
    pub fn compare(&self, lang: Lang, a: &str, b: &str) -> Ordering {
        self.locale(lang).compare(a, b)
    }
}

/// The built-in `.ftl` files of `lang`, then the site's, parsed; syntax errors go to `errors`.
fn read_resources(root: &Path, lang: Lang, errors: &mut Vec<Diagnostic>) -> Vec<FluentResource> {
    let mut sources: BTreeMap<String, String> = BTreeMap::new();
    for (name, text) in embedded::i18n_files(lang) {
        sources.insert(format!("(built-in) i18n/{lang}/{name}"), text.to_string());
    }
    let mut site_sources = BTreeMap::new();
    let dir = root.join("i18n").join(lang.as_str());
    if let Ok(read) = std::fs::read_dir(&dir) {
        for entry in read.flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "ftl") {
                let shown = crate::diagnostics::display_path(root, &p);
                match crate::source::read_site_text(root, &p, &shown, crate::source::Role::Strings)
                {
                    Ok(t) => {
                        site_sources.insert(shown, t);
                    }
                    Err(d) => errors.push(d),
                }
            }
        }
    }
    let mut out = Vec::new();
    for (shown, text) in sources.into_iter().chain(site_sources) {
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(&text)
            .replace("\r\n", "\n");
        if let Some(at) = too_deep(&text) {
            errors.push(
                Diagnostic::error(
                    &shown,
                    msg!("fluent-too-deep", limit = MAX_NESTING.to_string()),
                )
                .at(Span::from_offset(&text, at, 1, 1), &text)
                .help(msg!("fluent-too-deep-help")),
            );
            continue;
        }
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(r) => r,
            Err((r, errs)) => {
                for e in errs {
                    let span = Span::from_offset(&text, e.pos.start, e.pos.end - e.pos.start, 1);
                    errors.push(
                        Diagnostic::error(
                            &shown,
                            msg!("fluent-syntax", detail = e.kind.to_string()),
                        )
                        .at(span, &text)
                        .help(msg!("fluent-syntax-help")),
                    );
                }
                r
            }
        };
        out.push(resource);
    }
    out
}

/// Nesting no message needs: Fluent's parser, its formatter and the dropping of its
/// syntax tree each recurse once per `{` or `(` level, so a file nested thousands deep
/// would overflow the stack (an abort, exit 134). A file nested deeper is refused before
/// the parser sees it, whatever its size, which a bigger stack could not promise.
const MAX_NESTING: usize = 64;

/// The byte offset in the Fluent source `text` of the first `{` or `(` that opens a
/// level deeper than [`MAX_NESTING`], if any. It counts like the parser nests: `{`
/// anywhere, `(` (call arguments) and string literals only inside placeables; a comment
/// line or a line starting a new message or term (`id =`) starts afresh, since the
/// parser never nests across one. Junk after a syntax error may count more than the
/// parser would nest, never less.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if line.starts_with('#') {
            depth = 0;
            continue;
        }
        if starts_entry(line) {
            depth = 0;
        }
        // A string literal ends at its line's end.
        let (mut in_string, mut escaped) = (false, false);
        for (i, c) in line.char_indices() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' if depth > 0 => in_string = true,
                '{' => depth += 1,
                '(' if depth > 0 => depth += 1,
                '}' | ')' if depth > 0 => depth -= 1,
                _ => continue,
            }
            if depth > MAX_NESTING {
                return Some(start + i);
            }
        }
    }
    None
}

/// Whether `line` starts a message or term definition (`id =`, `-id =`).
fn starts_entry(line: &str) -> bool {
    let rest = line.strip_prefix('-').unwrap_or(line);
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    rest.trim_start_matches([' ', '\t']).starts_with('=')
}

/// The text of the last plain `locale = xx-YY` message of `resources` (later files win).
fn locale_message(resources: &[FluentResource]) -> Option<String> {
    let mut found = None;
    for resource in resources {
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry
                && m.id.name == "locale"
                && let Some(ast::Pattern { elements }) = &m.value
                && let [ast::PatternElement::TextElement { value }] = elements.as_slice()
            {
                found = Some(value.trim().to_string());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(site_yaml: &str) -> (I18n, Lang, Lang) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), site_yaml).unwrap();
        let config = Config::load(dir.path(), None).unwrap();
        let i18n = I18n::load(dir.path(), &config).unwrap();
        (i18n, Lang::parse("pl").unwrap(), Lang::parse("en").unwrap())
    }

    const SITE: &str =
        "title: T\nbase_url: https://example.org/\ndefault_language: pl\nlanguages: [pl, en]\n";

    #[test]
    fn nesting_is_counted_as_the_parser_nests() {
        let deep = |open: &str| format!("x = {}", open.repeat(MAX_NESTING + 1));
        assert_eq!(too_deep(&deep("{")), Some(4 + MAX_NESTING));
        assert_eq!(
            too_deep(&format!("x = {{ {}", deep("F(").split_at(4).1)),
            Some(7 + 2 * (MAX_NESTING - 1))
        );
        let fine = format!(
            "x = {}1{}",
            "{".repeat(MAX_NESTING),
            "}".repeat(MAX_NESTING)
        );
        assert_eq!(too_deep(&fine), None);
        // Text, comments, string literals and a new entry do not nest.
        let open = "{".repeat(MAX_NESTING + 1);
        assert_eq!(too_deep(&format!("# {open}\nx = a (((( ))\n")), None);
        assert_eq!(
            too_deep(&format!("x = {{ \"{open}\\\" {open}\" }}\n")),
            None
        );
        let half = "{ ".repeat(MAX_NESTING / 2 + 1);
        assert_eq!(
            too_deep(&format!("x = {half}\n-y = {half}\nz = {half}\n")),
            None
        );
        // A continuation line does not start afresh.
        assert!(too_deep(&format!("x = {half}\n  y = {half}\n")).is_some());
    }

    #[test]
    fn counts_take_the_cldr_plural_form_of_each_language() {
        let (i18n, pl, en) = load(SITE);
        for (n, news, projects, people, english) in [
            (0, "0 wiadomości", "0 projektów", "0 osób", "0 news items"),
            (1, "1 wiadomość", "1 projekt", "1 osoba", "1 news item"),
            (2, "2 wiadomości", "2 projekty", "2 osoby", "2 news items"),
            (4, "4 wiadomości", "4 projekty", "4 osoby", "4 news items"),
            (5, "5 wiadomości", "5 projektów", "5 osób", "5 news items"),
            (
                12,
                "12 wiadomości",
                "12 projektów",
                "12 osób",
                "12 news items",
            ),
            (
                13,
                "13 wiadomości",
                "13 projektów",
                "13 osób",
                "13 news items",
            ),
            (
                14,
                "14 wiadomości",
                "14 projektów",
                "14 osób",
                "14 news items",
            ),
            (
                21,
                "21 wiadomości",
                "21 projektów",
                "21 osób",
                "21 news items",
            ),
            (
                22,
                "22 wiadomości",
                "22 projekty",
                "22 osoby",
                "22 news items",
            ),
            (
                112,
                "112 wiadomości",
                "112 projektów",
                "112 osób",
                "112 news items",
            ),
            (
                1000,
                "1\u{a0}000 wiadomości",
                "1\u{a0}000 projektów",
                "1\u{a0}000 osób",
                "1,000 news items",
            ),
            (
                1002,
                "1\u{a0}002 wiadomości",
                "1\u{a0}002 projekty",
                "1\u{a0}002 osoby",
                "1,002 news items",
            ),
        ] {
            assert_eq!(i18n.count(pl, "news-count", n), news, "news {n}");
            assert_eq!(i18n.count(pl, "project-count", n), projects, "projects {n}");
            assert_eq!(i18n.count(pl, "people-count", n), people, "people {n}");
            assert_eq!(i18n.count(en, "news-count", n), english, "en {n}");
        }
        assert_eq!(i18n.count(en, "people-count", 1), "1 person");
        assert_eq!(i18n.count(en, "project-count", 3), "3 projects");
    }

    #[test]
    fn fluent_numbers_follow_the_grouping_switch_and_carry_no_isolation_marks() {
        let (i18n, pl, _) = load(&format!("{SITE}typography: {{group_four_digits: false}}\n"));
        assert_eq!(i18n.count(pl, "news-count", 3617), "3617 wiadomości");
        assert_eq!(
            i18n.count(pl, "news-count", 10000),
            "10\u{a0}000 wiadomości"
        );
        assert!(
            !i18n
                .count(pl, "news-count", 5)
                .contains(['\u{2068}', '\u{2069}'])
        );
    }

    #[test]
    fn an_amount_that_rounds_to_zero_has_no_sign() {
        let (i18n, pl, en) = load(SITE);
        let money = |a: &str| Money {
            amount: crate::types::Amount(a.parse().unwrap()),
            currency: crate::types::Currency::parse("PLN").unwrap(),
        };
        assert_eq!(i18n.money(pl, &money("-0.004")), "0,00\u{a0}zł");
        assert_eq!(i18n.money(en, &money("-0.005")), "-PLN\u{a0}0.01");
    }

    #[test]
    fn site_yaml_locale_overrides_the_language_default() {
        let (gb, _, en) = load(SITE);
        let (us, _, _) = load(&format!("{SITE}locales: {{en: en-US}}\n"));
        let d = Date("2012-02-15".parse().unwrap());
        assert_eq!(gb.date(en, d, DateStyle::Long), "15 February 2012");
        assert_eq!(us.date(en, d, DateStyle::Long), "February 15, 2012");
        assert_eq!(us.date(en, d, DateStyle::Iso), "2012-02-15");
    }
}
