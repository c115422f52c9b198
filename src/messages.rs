//! kronika's own messages — the summary and progress lines, every error and warning — in
//! the user's language.
//!
//! A problem is described where it is found as a [`Message`]: the id of a message of
//! `i18n/<lang>/cli.ftl` with typed arguments, built with [`msg!`](crate::msg). Nothing
//! below the command line writes English sentences; a [`Catalog`] of the user's language
//! turns messages into text at the edge (`main.rs`), with numbers in that language's digits
//! and Fluent's plural forms (`1 błąd`, `2 błędy`, `5 błędów`).
//!
//! The language is the user's, not the site's: the POSIX locale variables decide it
//! ([`language_from_env`]), so `LANG=pl_PL.UTF-8` gives Polish and anything else English.
//! Future commands (`check`, `serve`, `new`, `init`) print through the same [`Catalog`].
//!
//! Ids are kebab-case and start with the area they belong to (`build-`, `output-`, `io-`,
//! `yaml-`, `config-`, `content-`, `link-`, …). A `-help` suffix marks the text of an
//! `= help:` line and `-label` the text under a caret. A test reads the sources: every id
//! used in the code exists in both `cli.ftl` files, both files define the same ids, none
//! is unused, and every variable a message uses is passed wherever it is built.
//!
//! serde errors carry only text, so the value types of `types.rs` send their messages
//! through serde encoded ([`Message::to_serde`]) and `yaml.rs` reads them back
//! ([`Message::from_serde`]).

use std::borrow::Cow;
use std::fmt::Write as _;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_decimal::Decimal;
use unic_langid::LanguageIdentifier;

use crate::embedded;
use crate::locale::{Grouping, Numbers};
use crate::types::Lang;

/// A message to the user: an id of `cli.ftl` and its arguments, not yet text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    id: Cow<'static, str>,
    args: Vec<(Cow<'static, str>, Arg)>,
}

/// One argument of a [`Message`]; the variant says how it is written in each language.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Shown as it is: a path, a key or value from the user's file, a library's own detail.
    Text(String),
    /// A count: written with the language's digit grouping; selects plural forms.
    Count(i64),
    /// A number with a fraction, written with the language's separators (`0,05`).
    Decimal(Decimal),
    /// Another message, rendered in the same language.
    Message(Box<Message>),
    /// Messages rendered in the same language and joined with `, `.
    List(Vec<Message>),
}

/// Builds a [`Message`]: `msg!("yaml-unknown-key", key = field)`. The id must be a string
/// literal (the id test reads the sources for it); each argument is converted with
/// [`Arg::from`], and its name is the variable (`$key`) the Fluent message uses.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::__new(
            $id,
            ::std::vec![$((::std::stringify!($name), $crate::messages::Arg::from($value))),*],
        )
    };
}

impl Message {
    /// Used by [`msg!`](crate::msg) only: ids come from string literals in the code.
    #[doc(hidden)]
    pub fn __new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message {
            id: Cow::Borrowed(id),
            args: args
                .into_iter()
                .map(|(name, arg)| (Cow::Borrowed(name), arg))
                .collect(),
        }
    }

    /// The message's id in `cli.ftl`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The argument called `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| n == name).map(|(_, a)| a)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<Lang> for Arg {
    fn from(lang: Lang) -> Arg {
        Arg::Text(lang.to_string())
    }
}

impl From<Decimal> for Arg {
    fn from(n: Decimal) -> Arg {
        Arg::Decimal(n)
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<Vec<Message>> for Arg {
    fn from(items: Vec<Message>) -> Arg {
        Arg::List(items)
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(i32, u32, i64, u64, usize);

/// The messages of one language, with English behind it for anything it lacks.
pub struct Catalog {
    bundles: Vec<FluentBundle<FluentResource>>,
    numbers: Numbers,
}

impl Catalog {
    /// The messages of `lang`, or English if kronika has no `cli.ftl` in `lang`.
    pub fn new(lang: Lang) -> Catalog {
        let lang = if embedded::cli_messages(lang).is_some() {
            lang
        } else {
            Lang::EN
        };
        let mut bundles = vec![bundle(lang)];
        if lang != Lang::EN {
            bundles.push(bundle(Lang::EN));
        }
        Catalog {
            bundles,
            numbers: Numbers::new(lang.as_str(), Grouping::FromFourDigits),
        }
    }

    /// The messages of the user's language ([`language_from_env`]).
    pub fn from_env() -> Catalog {
        Catalog::new(language_from_env())
    }

    /// The message as text.
    pub fn render(&self, message: &Message) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &message.args {
            args.set(name.as_ref(), self.value(arg));
        }
        // The id itself is not reached for the ids of the code (a test finds them all); one
        // read back from a serde error's text could hold anything, so it is shown escaped.
        crate::fluent::format_first(&self.bundles, &message.id, Some(&args))
            .unwrap_or_else(|| printable(&message.id).into_owned())
    }

    fn value(&self, arg: &Arg) -> FluentValue<'static> {
        match arg {
            // Text comes from the user's files (keys, values, file names): shown escaped.
            Arg::Text(text) => FluentValue::from(printable(text).into_owned()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Decimal(n) => FluentValue::from(self.numbers.decimal(n)),
            Arg::Message(m) => FluentValue::from(self.render(m)),
            Arg::List(items) => FluentValue::from(
                items
                    .iter()
                    .map(|m| self.render(m))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        }
    }
}

/// `text` as kronika prints it: control characters (escape sequences, the bell, line
/// breaks), Unicode's line and paragraph separators and its bidirectional controls are
/// written as escapes (`\u{1b}`, `\n`), so that text from a file can neither drive the
/// terminal nor start a line of its own that a CI runner reads as a command (docs/maintainer/guarantees.md, "What
/// a build guarantees").
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_printable(&mut out, c);
    }
    Cow::Owned(out)
}

/// Pushes `c` to `out` as [`printable`] shows it.
pub fn push_printable(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// The built-in `cli.ftl` of `lang` (which has one) in a Fluent bundle.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let text = embedded::cli_messages(lang).unwrap_or_default();
    // The built-in files parse cleanly (a test checks); a broken entry would only be missing.
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    let langid: LanguageIdentifier = lang.as_str().parse().unwrap_or_default();
    let mut bundle = crate::fluent::new_bundle(langid, Grouping::FromFourDigits);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The language of kronika's messages for the user's locale: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides, as POSIX orders them.
pub fn language_from_env() -> Lang {
    let vars = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .map(|name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned()));
    language_of_locale(&vars.each_ref().map(|v| v.as_deref()))
}

/// The language of messages for locale variables given in POSIX order: the language part
/// of the first non-empty one (`pl` of `pl_PL.UTF-8`) if kronika has messages in it, else
/// English (also for `C`, `POSIX` and nothing set).
pub fn language_of_locale(values: &[Option<&str>]) -> Lang {
    values
        .iter()
        .flatten()
        .find(|v| !v.is_empty())
        .and_then(|v| {
            let code = v.split(['_', '.', '@', '-']).next().unwrap_or("");
            Lang::parse(&code.to_ascii_lowercase())
        })
        .filter(|lang| embedded::cli_messages(*lang).is_some())
        .unwrap_or(Lang::EN)
}

/// Where an encoded message starts in the text of a serde error.
const SERDE_MARK: &str = "\u{1}kronika-message:";

impl Message {
    /// The message as the text of a serde error (`de::Error::custom`) or of a visitor's
    /// `expecting`, for [`Message::from_serde`] to read back. Every string is written with
    /// its length, so no value from a YAML file can be mistaken for the encoding.
    pub(crate) fn to_serde(&self) -> String {
        let mut out = String::from(SERDE_MARK);
        encode(self, &mut out);
        out
    }

    /// The message encoded in the text of a serde error, if there is one (serde-saphyr may
    /// put text around it).
    pub(crate) fn from_serde(text: &str) -> Option<Message> {
        let at = text.find(SERDE_MARK)?;
        let mut rest = &text[at + SERDE_MARK.len()..];
        decode(&mut rest)
    }
}

fn put(out: &mut String, text: &str) {
    let _ = write!(out, "{}:{text}", text.len());
}

fn encode(m: &Message, out: &mut String) {
    put(out, &m.id);
    let _ = write!(out, "{}:", m.args.len());
    for (name, arg) in &m.args {
        put(out, name);
        match arg {
            Arg::Text(t) => {
                out.push('t');
                put(out, t);
            }
            Arg::Count(n) => {
                out.push('n');
                put(out, &n.to_string());
            }
            Arg::Decimal(d) => {
                out.push('d');
                put(out, &d.to_string());
            }
            Arg::Message(inner) => {
                out.push('m');
                encode(inner, out);
            }
            Arg::List(items) => {
                out.push('l');
                let _ = write!(out, "{}:", items.len());
                for item in items {
                    encode(item, out);
                }
            }
        }
    }
}

fn take_number(rest: &mut &str) -> Option<usize> {
    let (n, after) = rest.split_once(':')?;
    let n = n.parse().ok()?;
    *rest = after;
    Some(n)
}

fn take(rest: &mut &str) -> Option<String> {
    let n = take_number(rest)?;
    let text = rest.get(..n)?;
    *rest = &rest[n..];
    Some(text.to_string())
}

fn decode(rest: &mut &str) -> Option<Message> {
    let id = take(rest)?;
    let count = take_number(rest)?;
    let mut args = Vec::new();
    for _ in 0..count {
        let name = take(rest)?;
        let kind = *rest.as_bytes().first()?;
        *rest = rest.get(1..)?;
        let arg = match kind {
            b't' => Arg::Text(take(rest)?),
            b'n' => Arg::Count(take(rest)?.parse().ok()?),
            b'd' => Arg::Decimal(take(rest)?.parse().ok()?),
            b'm' => Arg::Message(Box::new(decode(rest)?)),
            b'l' => {
                let n = take_number(rest)?;
                let mut items = Vec::new();
                for _ in 0..n {
                    items.push(decode(rest)?);
                }
                Arg::List(items)
            }
            _ => return None,
        };
        args.push((Cow::Owned(name), arg));
    }
    Some(Message {
        id: Cow::Owned(id),
        args,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    #[test]
    fn text_from_files_is_printed_without_control_characters() {
        assert_eq!(printable("zażółć `x`"), "zażółć `x`");
        assert_eq!(
            printable("a\n::error::b\r\t\u{1b}]52;c;x\u{7}\u{2028}\u{202e}"),
            "a\\n::error::b\\r\\t\\u{1b}]52;c;x\\u{7}\\u{2028}\\u{202e}"
        );
        let m = msg!("yaml-unknown-key", key = "a\n::stop-commands::t");
        assert_eq!(
            Catalog::new(Lang::EN).render(&m),
            "unknown key `a\\n::stop-commands::t`"
        );
    }

    fn pl() -> Catalog {
        Catalog::new(Lang::parse("pl").unwrap())
    }

    fn en() -> Catalog {
        Catalog::new(Lang::EN)
    }

    #[test]
    fn the_first_set_locale_variable_decides_the_language() {
        let pl = Lang::parse("pl").unwrap();
        for (vars, lang) in [
            ([None, None, Some("pl_PL.UTF-8")], pl),
            ([None, None, Some("pl")], pl),
            ([None, Some("pl_PL"), Some("en_US.UTF-8")], pl),
            ([Some("pl_PL.UTF-8"), None, Some("en_US.UTF-8")], pl),
            ([Some(""), None, Some("pl_PL.UTF-8")], pl),
            ([Some("C"), None, Some("pl_PL.UTF-8")], Lang::EN),
            ([Some("POSIX"), None, Some("pl_PL.UTF-8")], Lang::EN),
            ([None, None, Some("C.UTF-8")], Lang::EN),
            ([None, None, Some("de_DE.UTF-8")], Lang::EN),
            ([None, None, Some("en_GB.UTF-8")], Lang::EN),
            ([None, None, None], Lang::EN),
        ] {
            assert_eq!(language_of_locale(&vars), lang, "{vars:?}");
        }
    }

    #[test]
    fn counts_select_the_plural_form_of_the_language() {
        for (n, polish, english) in [
            (1, "1 błąd", "1 error"),
            (2, "2 błędy", "2 errors"),
            (4, "4 błędy", "4 errors"),
            (5, "5 błędów", "5 errors"),
            (12, "12 błędów", "12 errors"),
            (22, "22 błędy", "22 errors"),
            (1000, "1\u{a0}000 błędów", "1,000 errors"),
        ] {
            let m = msg!("build-failed", errors = n, output = "public");
            assert!(pl().render(&m).starts_with(&format!("{polish};")), "{n}");
            assert!(en().render(&m).starts_with(&format!("{english};")), "{n}");
        }
    }

    #[test]
    fn arguments_of_every_kind_are_written_in_the_language() {
        let m = msg!(
            "build-summary",
            pages = 1234,
            languages = vec![msg!("build-summary-language", lang = "pl", pages = 1234)],
            news = 1,
            projects = 2,
            seconds = Decimal::new(5, 2),
            warnings = 0,
            output = "public",
        );
        assert_eq!(
            pl().render(&m),
            "Zbudowano 1\u{a0}234 strony (pl 1\u{a0}234) z 1 wiadomości i 2 projektów w 0,05 s → public"
        );
        assert_eq!(
            en().render(&m),
            "Built 1,234 pages (pl 1,234) from 1 news item and 2 projects in 0.05 s → public"
        );
    }

    #[test]
    fn a_message_survives_the_trip_through_a_serde_error() {
        let m = msg!(
            "yaml-wrong-type",
            expected = msg!("yaml-expected-date"),
            found = msg!(
                "yaml-found-text",
                value = "12:5|t3:\u{1}kronika-message:\n„ż”"
            ),
        );
        let text = format!("{} at line 3 column 7", m.to_serde());
        assert_eq!(Message::from_serde(&text), Some(m));
        let list = msg!(
            "yaml-known-keys-help",
            keys = vec![msg!("yaml-expected-text")]
        );
        assert_eq!(Message::from_serde(&list.to_serde()), Some(list));
        assert_eq!(Message::from_serde("invalid type: sequence"), None);
        assert_eq!(Message::from_serde("\u{1}kronika-message:99:x"), None);
    }

    /// How a call of the macro starts (split, so that this line is not one).
    const CALL: &str = concat!("msg", "!(");

    /// `msg!` calls in the sources: (file:line, id, argument names).
    fn calls_in_sources() -> Vec<(String, String, BTreeSet<String>)> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut calls = Vec::new();
        for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let file = entry
                .path()
                .strip_prefix(&src)
                .unwrap()
                .display()
                .to_string();
            if file != "messages.rs" {
                assert!(
                    !text.contains("Message::__new"),
                    "{file}: build messages with msg!, whose ids the test can read"
                );
            }
            for (at, _) in text.match_indices(CALL) {
                let line = text[..at].matches('\n').count() + 1;
                let place = format!("src/{file}:{line}");
                let (id, args) = parse_call(&text[at + CALL.len()..])
                    .unwrap_or_else(|| panic!("{place}: the id of msg! must be a string literal"));
                calls.push((place, id, args));
            }
        }
        calls
    }

    /// The id and argument names of a call of `msg!` whose arguments start `rest`.
    fn parse_call(rest: &str) -> Option<(String, BTreeSet<String>)> {
        let rest = rest.trim_start().strip_prefix('"')?;
        let end = rest.find('"')?;
        let id = rest[..end].to_string();
        // Split the rest of the call at its top-level commas.
        let mut parts = vec![String::new()];
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for c in rest[end + 1..].chars() {
            if in_string {
                escaped = !escaped && c == '\\';
                in_string = escaped || c != '"';
                parts.last_mut()?.push(c);
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(String::new());
                    continue;
                }
                _ => {}
            }
            parts.last_mut()?.push(c);
        }
        let args = parts
            .iter()
            .filter_map(|p| p.split_once('='))
            .map(|(name, _)| name.trim().to_string())
            .collect();
        Some((id, args))
    }

    /// The messages of a built-in `cli.ftl`, with the variables each one uses.
    fn messages_in(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
        let text = embedded::cli_messages(Lang::parse(lang).unwrap())
            .unwrap_or_else(|| panic!("i18n/{lang}/cli.ftl is built in"));
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("i18n/{lang}/cli.ftl: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "i18n/{lang}/cli.ftl defines {} twice",
                    m.id.name
                );
            }
        }
        out
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    #[test]
    fn every_message_id_of_the_code_is_in_both_languages_with_its_variables() {
        let calls = calls_in_sources();
        assert!(calls.len() > 50, "the sources were read");
        let files: BTreeMap<&str, _> = [("en", messages_in("en")), ("pl", messages_in("pl"))]
            .into_iter()
            .collect();
        let mut problems = Vec::new();
        let en_ids: BTreeSet<&String> = files["en"].keys().collect();
        let pl_ids: BTreeSet<&String> = files["pl"].keys().collect();
        for id in en_ids.symmetric_difference(&pl_ids) {
            problems.push(format!("`{id}` is in only one of the cli.ftl files"));
        }
        for (place, id, args) in &calls {
            for (lang, messages) in &files {
                match messages.get(id) {
                    None => problems.push(format!("{place}: `{id}` is not in i18n/{lang}/cli.ftl")),
                    Some(vars) => {
                        for var in vars.difference(args) {
                            problems.push(format!(
                                "{place}: `{id}` uses ${var} in i18n/{lang}/cli.ftl, not passed here"
                            ));
                        }
                    }
                }
            }
            for arg in args {
                if !files
                    .values()
                    .any(|m| m.get(id).is_some_and(|v| v.contains(arg)))
                {
                    problems.push(format!(
                        "{place}: `{id}` gets `{arg}`, which no language uses"
                    ));
                }
            }
        }
        let used: BTreeSet<&String> = calls.iter().map(|(_, id, _)| id).collect();
        for id in en_ids.union(&pl_ids) {
            if !used.contains(id) {
                problems.push(format!("`{id}` is in cli.ftl but the code never uses it"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
