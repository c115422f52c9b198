//! Typography of a rendered page, applied to its text and nothing else: a no-break space
//! after one-letter words (`w Krakowie`, so no line ends in `w`), and straight or foreign
//! double quotes turned into the language's (`„…”` in Polish, `“…”` in English).
//! Postal codes and phone numbers are joined so that they never break across lines
//! ([`super::numbers`]).
//!
//! It works on the finished HTML so that text from Markdown, from YAML and from the UI
//! strings is treated alike. Attribute values, comments, and the contents of `code`, `pre`,
//! `kbd`, `samp`, `script`, `style` and `textarea` (and of the other raw-text elements the
//! HTML parser knows, such as `noscript`) are copied untouched, so URLs, code and
//! machine-readable values never change. What a language wants comes from its Fluent file
//! (`typography-quotes`, `typography-single-letter-words`).

use std::borrow::Cow;

use crate::config;
use crate::html::{Kind, Scanner, name_key};
use crate::i18n::I18n;
use crate::types::Lang;

/// Elements that sit inside a line of text; every other tag (a paragraph, a table cell,
/// a list item, `<br>`) starts the text after it afresh, as if after a space.
const INLINE: [u128; 24] = [
    name_key("a"),
    name_key("abbr"),
    name_key("b"),
    name_key("bdi"),
    name_key("bdo"),
    name_key("cite"),
    name_key("code"),
    name_key("data"),
    name_key("del"),
    name_key("dfn"),
    name_key("em"),
    name_key("i"),
    name_key("ins"),
    name_key("kbd"),
    name_key("mark"),
    name_key("q"),
    name_key("s"),
    name_key("samp"),
    name_key("small"),
    name_key("span"),
    name_key("strong"),
    name_key("sub"),
    name_key("sup"),
    name_key("time"),
];

/// Elements whose text is copied as it is, counted as they open and close. (`script` and
/// `style` hold raw text, which the scanner hands over whole.)
const VERBATIM: [u128; 5] = [
    name_key("code"),
    name_key("pre"),
    name_key("kbd"),
    name_key("samp"),
    name_key("textarea"),
];

/// The rules of one language.
#[derive(Debug, Clone)]
pub struct Typography {
    /// Opening and closing double quotation marks.
    quotes: Option<(char, char)>,
    /// One-letter words, in both cases: the ASCII ones as bits of a mask, the others listed.
    ascii_letters: u128,
    other_letters: Vec<char>,
    /// Bytes at which text may need a change: `&`, `"` and the lead byte of `“`, digits
    /// (postal codes and phone numbers), and the space or line break after a one-letter
    /// word. The text between them is copied in bulk.
    stops: [bool; 256],
}

impl Default for Typography {
    fn default() -> Self {
        Typography::from_rules(None, "")
    }
}

impl Typography {
    /// The rules of `lang` from its Fluent messages, as far as `site.yaml` switches them on.
    pub fn new(i18n: &I18n, lang: Lang, switches: config::Typography) -> Typography {
        let quotes = (switches.smart_quotes && i18n.exists(lang, "typography-quotes"))
            .then(|| i18n.get(lang, "typography-quotes", None));
        let words = (switches.single_letter_nbsp
            && i18n.has(lang, "typography-single-letter-words"))
        .then(|| i18n.get(lang, "typography-single-letter-words", None));
        Typography::from_rules(quotes.as_deref(), words.as_deref().unwrap_or(""))
    }

    /// Rules given directly: `quotes` as two characters (`„”`), `single_letter_words`
    /// separated by spaces (`a i o u w z`). Anything else is ignored.
    pub fn from_rules(quotes: Option<&str>, single_letter_words: &str) -> Typography {
        let mut rules = Typography {
            quotes: None,
            ascii_letters: 0,
            other_letters: Vec::new(),
            stops: [false; 256],
        };
        if let Some(marks) = quotes {
            let marks: Vec<char> = marks.chars().collect();
            if let [open, close] = marks[..] {
                rules.quotes = Some((open, close));
            }
        }
        for word in single_letter_words.split_whitespace() {
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                for c in c.to_lowercase().chain(c.to_uppercase()) {
                    match u8::try_from(c).ok().filter(u8::is_ascii) {
                        Some(b) => rules.ascii_letters |= 1 << b,
                        None => rules.other_letters.push(c),
                    }
                }
            }
        }
        rules.stops[usize::from(b'&')] = true;
        for digit in b'0'..=b'9' {
            rules.stops[usize::from(digit)] = true;
        }
        if rules.quotes.is_some() {
            rules.stops[usize::from(b'"')] = true;
            rules.stops[0xE2] = true; // “ ” „
        }
        if rules.ascii_letters != 0 || !rules.other_letters.is_empty() {
            rules.stops[usize::from(b' ')] = true;
            rules.stops[usize::from(b'\n')] = true;
        }
        rules
    }

    /// `html` with the rules applied to its text, read with the shared tag scanner
    /// ([`crate::html`]) as a browser reads it.
    pub fn apply(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len() + html.len() / 50);
        let mut text = TextState::default();
        let mut verbatim_depth = 0usize;
        for token in Scanner::new(html) {
            match token.kind {
                Kind::Text => self.text(token.source, &mut text, verbatim_depth > 0, &mut out),
                Kind::RawText { element } => {
                    // A page title is text to read; scripts, styles and form fields are not.
                    let verbatim = verbatim_depth > 0 || !element.eq_ignore_ascii_case("title");
                    self.text(token.source, &mut text, verbatim, &mut out);
                }
                Kind::StartTag(tag) | Kind::EndTag(tag) => {
                    out.push_str(token.source);
                    let name = tag.key();
                    if !INLINE.contains(&name) {
                        text.prev = ' ';
                    }
                    if VERBATIM.contains(&name) {
                        if matches!(token.kind, Kind::EndTag(_)) {
                            verbatim_depth = verbatim_depth.saturating_sub(1);
                        } else {
                            verbatim_depth += 1;
                        }
                    }
                }
                Kind::Comment | Kind::Doctype | Kind::Unfinished => out.push_str(token.source),
            }
        }
        out
    }

    /// One run of text between two tags.
    fn text(&self, s: &str, state: &mut TextState, verbatim: bool, out: &mut String) {
        if verbatim {
            out.push_str(s);
            if !s.is_empty() {
                state.prev = 'x';
            }
            return;
        }
        // Postal codes and phone numbers are joined on every page, whatever the switches,
        // and before the other rules. A run without digits (most) is not looked at twice:
        // the rules stop at its first digit, and go on in the joined run from there, whose
        // bytes before that digit are the same.
        let Some(digit) = self.rules(s, 0, true, state, out) else {
            return;
        };
        match super::numbers::join(s) {
            Cow::Borrowed(s) => self.rules(s, digit, false, state, out),
            Cow::Owned(joined) => self.rules(&joined, digit, false, state, out),
        };
    }

    /// The rules applied to `s[from..]`, appended to `out`. With `to_digit`, stops at the
    /// first digit (or at the `&` of an entity with one) and returns where it is, the text
    /// before it written.
    fn rules(
        &self,
        s: &str,
        from: usize,
        to_digit: bool,
        state: &mut TextState,
        out: &mut String,
    ) -> Option<usize> {
        let bytes = s.as_bytes();
        // `s[..done]` is in `out`, and `state.prev` is its last character.
        let mut done = from;
        let mut i = from;
        let flush = |out: &mut String, state: &mut TextState, done: usize, to: usize| {
            if done < to {
                out.push_str(&s[done..to]);
                state.prev = s[done..to].chars().next_back().unwrap_or(state.prev);
            }
        };
        while i < bytes.len() {
            let b = bytes[i];
            if !self.stops[usize::from(b)] {
                i += 1;
                continue;
            }
            // Stops are ASCII or lead bytes, so `i` is a character boundary.
            match b {
                b'0'..=b'9' if to_digit => {
                    flush(out, state, done, i);
                    return Some(i);
                }
                b' ' | b'\n' if self.ends_one_letter_word(s, done, i, state.prev) => {
                    // `w` + space → `w` + no-break space, when `w` is a word of its own.
                    flush(out, state, done, i);
                    out.push('\u{a0}');
                    state.prev = ' ';
                    i += 1;
                    done = i;
                }
                b'&' => {
                    flush(out, state, done, i);
                    let rest = &s[i..];
                    let len = rest.find(';').filter(|&n| n <= 10).map_or(1, |n| n + 1);
                    // Digits in what reads as an entity (`&80-432;`) are joined too: the
                    // numbers are joined from the `&` on, before which nothing changes.
                    if to_digit && rest[..len].bytes().any(|b| b.is_ascii_digit()) {
                        return Some(i);
                    }
                    if let (Some(_), true) = (self.quotes, rest.starts_with("&quot;")) {
                        self.quote('"', state, out);
                        i += "&quot;".len();
                    } else {
                        // An entity: copied whole; `&nbsp;` counts as a space.
                        out.push_str(&rest[..len]);
                        state.prev = if &rest[..len] == "&nbsp;" { ' ' } else { 'x' };
                        i += len;
                    }
                    done = i;
                }
                b'"' | 0xE2 => {
                    let c = s[i..].chars().next().unwrap_or(' ');
                    if matches!(c, '"' | '“' | '”' | '„') {
                        flush(out, state, done, i);
                        self.quote(c, state, out);
                        i += c.len_utf8();
                        done = i;
                    } else {
                        i += c.len_utf8();
                    }
                }
                _ => i += 1,
            }
        }
        flush(out, state, done, bytes.len());
        None
    }

    /// Writes the quotation mark that replaces `c`, opening or closing.
    fn quote(&self, c: char, state: &mut TextState, out: &mut String) {
        let Some((open, close)) = self.quotes else {
            return;
        };
        let opens = match c {
            '„' => true,
            '”' => false,
            _ => opens_quote(state.prev),
        };
        push_text_char(out, if opens { open } else { close });
        state.prev = if opens { '„' } else { '”' };
    }

    /// Whether the space at `s[space]` follows a one-letter word: a letter of the rules
    /// that begins a word. `prev` is the character before `s[done..]`, which is what the
    /// pass wrote there.
    #[inline]
    fn ends_one_letter_word(&self, s: &str, done: usize, space: usize, prev: char) -> bool {
        // Most spaces follow an ASCII letter that is not a rule's, told by one bit.
        let last = space
            .checked_sub(1)
            .filter(|&l| l >= done)
            .map(|l| s.as_bytes()[l]);
        let letter = match last {
            None => return false,
            Some(b) if b.is_ascii() => {
                if self.ascii_letters & (1 << b) == 0 {
                    return false;
                }
                char::from(b)
            }
            Some(_) => match s[done..space].chars().next_back() {
                Some(c) if self.other_letters.contains(&c) => c,
                _ => return false,
            },
        };
        let at = space - letter.len_utf8();
        starts_word(s[done..at].chars().next_back().unwrap_or(prev))
    }
}

/// Appends `c` to HTML text. The quotation marks come from a site's Fluent file, not
/// from the escaped page, so one of HTML's own characters (`typography-quotes = <>`) is
/// written as a reference and stays text (docs/maintainer/guarantees.md, "What a build guarantees").
fn push_text_char(out: &mut String, c: char) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        _ => out.push(c),
    }
}

/// The character before the current position in the page's text.
struct TextState {
    prev: char,
}

impl Default for TextState {
    fn default() -> Self {
        TextState { prev: ' ' }
    }
}

/// Whether a letter after `prev` begins a word.
fn starts_word(prev: char) -> bool {
    prev.is_whitespace() || matches!(prev, '(' | '[' | '„' | '“' | '«' | '‚')
}

/// Whether a straight quote after `prev` opens a quotation.
fn opens_quote(prev: char) -> bool {
    prev.is_whitespace() || matches!(prev, '(' | '[' | '{' | '–' | '—' | '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polish() -> Typography {
        Typography::from_rules(Some("„”"), "a i o u w z")
    }
    fn english() -> Typography {
        Typography::from_rules(Some("“”"), "")
    }

    #[test]
    fn polish_text() {
        for (html, expected) in [
            ("<p>Spotkanie w Łodzi</p>", "<p>Spotkanie w\u{a0}Łodzi</p>"),
            ("<p>A to i owo</p>", "<p>A\u{a0}to i\u{a0}owo</p>"),
            ("<p>Kraków i\nWilno</p>", "<p>Kraków i\u{a0}Wilno</p>"),
            ("<p>W Z U O</p>", "<p>W\u{a0}Z\u{a0}U\u{a0}O</p>"),
            ("<p>(w sumie)</p>", "<p>(w\u{a0}sumie)</p>"),
            ("<p>Kraków, ul. a</p>", "<p>Kraków, ul. a</p>"),
            ("<p>wywiad z b</p>", "<p>wywiad z\u{a0}b</p>"),
            ("<p>tzw. x w</p>", "<p>tzw. x w</p>"),
            (
                r#"<p>projekt "Pora na aktywność"</p>"#,
                "<p>projekt „Pora na aktywność”</p>",
            ),
            (
                "<p>projekt &quot;Pora&quot; trwa</p>",
                "<p>projekt „Pora” trwa</p>",
            ),
            ("<p>“Pora”</p>", "<p>„Pora”</p>"),
            ("<p>„Pora”</p>", "<p>„Pora”</p>"),
        ] {
            assert_eq!(polish().apply(html), expected, "{html}");
        }
    }

    /// The rules stop at a run's first digit to join its numbers, and go on after them.
    #[test]
    fn rules_go_on_after_joined_numbers() {
        for (html, expected) in [
            (
                "<p>tel. 12 616 54 20 w domu \"x\"</p>",
                "<p>tel. 12\u{a0}616\u{a0}54\u{a0}20 w\u{a0}domu „x”</p>",
            ),
            (
                "<p>\"w 30-529 Kraków\" i 2012 r. a</p>",
                "<p>„w\u{a0}30\u{2011}529 Kraków” i\u{a0}2012 r. a</p>",
            ),
            ("<p>1 a 2 w 3</p>", "<p>1 a\u{a0}2 w\u{a0}3</p>"),
            // Digits in what reads as an entity are joined as before, and the text after
            // it is written once.
            ("<p>&80-432;x5</p>", "<p>&80\u{2011}432;x5</p>"),
            ("<p>&80-432;óx5</p>", "<p>&80\u{2011}432;óx5</p>"),
            ("<p>&80-432;</p>", "<p>&80\u{2011}432;</p>"),
        ] {
            assert_eq!(polish().apply(html), expected, "{html}");
        }
    }

    /// A one-letter word is a word of its own: not after an entity or inside a word, and
    /// one written outside ASCII is found too.
    #[test]
    fn one_letter_words_only_where_a_word_begins() {
        for (html, expected) in [
            (
                "<p>&amp;a b x&nbsp;a b</p>",
                "<p>&amp;a b x&nbsp;a\u{a0}b</p>",
            ),
            ("<p>ba w</p>", "<p>ba w</p>"),
            (
                "<p>(w domu) [a nie]</p>",
                "<p>(w\u{a0}domu) [a\u{a0}nie]</p>",
            ),
        ] {
            assert_eq!(polish().apply(html), expected, "{html}");
        }
        let rules = Typography::from_rules(None, "ó");
        assert_eq!(
            rules.apply("<p>x ó y Ó z źó w</p>"),
            "<p>x ó\u{a0}y Ó\u{a0}z źó w</p>"
        );
    }

    #[test]
    fn code_attributes_and_urls_are_left_alone() {
        for (html, expected) in [
            (
                "<tr><td>x</td><td>\"Pora\"</td></tr>",
                "<tr><td>x</td><td>„Pora”</td></tr>",
            ),
            (
                "<th>x</th><th>W domu</th>",
                "<th>x</th><th>W\u{a0}domu</th>",
            ),
            ("<p>Tekst<br>w domu</p>", "<p>Tekst<br>w\u{a0}domu</p>"),
            ("<li>a</li><li>\"b\"</li>", "<li>a</li><li>„b”</li>"),
            ("<p><em>x</em>\"y\"</p>", "<p><em>x</em>”y”</p>"),
        ] {
            assert_eq!(polish().apply(html), expected, "{html}");
        }
        for html in [
            r#"<a href="/w z/" title="a i o">x</a>"#,
            "<code>a w \"z\"</code>",
            "<pre><code>if a \"w\" z\n</code></pre>",
            "<script>var a = \"w z\"; if (a < b) {}</script>",
            "<style>a > b { content: \"a w\" }</style>",
            "<!-- a w z \"x\" -->",
            "<kbd>a w</kbd>",
        ] {
            assert_eq!(polish().apply(html), html);
        }
        assert_eq!(
            polish().apply(r#"<p><a href="https://example.org/w z">w domu</a> i "tu"</p>"#),
            "<p><a href=\"https://example.org/w z\">w\u{a0}domu</a> i\u{a0}„tu”</p>"
        );
    }

    /// Tags are found as the browser finds them (docs/maintainer/site.md, "Languages: dates, numbers,
    /// money, order, typography"): a stray quote or `<` does not hide the rest of the page
    /// from the rules, `<br/>` is a `<br>`, and a script's text stays the script's.
    #[test]
    fn tags_are_read_as_the_browser_reads_them() {
        for (html, expected) in [
            (
                "<p title=x\"y>w domu</p><p>z nami</p>",
                "<p title=x\"y>w\u{a0}domu</p><p>z\u{a0}nami</p>",
            ),
            ("<p>x < \"b\" w domu</p>", "<p>x < „b” w\u{a0}domu</p>"),
            ("<p>tekst<br/>w domu</p>", "<p>tekst<br/>w\u{a0}domu</p>"),
            (
                "<script>s = '<!--<script></script>\"w z\"';</script><p>\"w\"</p>",
                "<script>s = '<!--<script></script>\"w z\"';</script><p>„w”</p>",
            ),
            (
                "<title>\"Raport\" w domu</title><textarea>\"w\" z</textarea>",
                "<title>„Raport” w\u{a0}domu</title><textarea>\"w\" z</textarea>",
            ),
            ("<!--> \"w\" <p>a", "<!--> „w” <p>a"),
        ] {
            assert_eq!(polish().apply(html), expected, "{html}");
        }
    }

    #[test]
    fn quotation_marks_of_html_syntax_stay_text() {
        let rules = Typography::from_rules(Some("<>"), "");
        assert_eq!(
            rules.apply("<p>Konkurs &quot;img src=x onerror=alert(1)&quot;</p>"),
            "<p>Konkurs &lt;img src=x onerror=alert(1)&gt;</p>"
        );
        let rules = Typography::from_rules(Some("&'"), "");
        assert_eq!(rules.apply("<p>a \"b\"</p>"), "<p>a &amp;b&#39;</p>");
        let rules = Typography::from_rules(Some("\"\""), "");
        assert_eq!(rules.apply("<p>a „b”</p>"), "<p>a &quot;b&quot;</p>");
    }

    #[test]
    fn english_text_keeps_english_quotes_and_spaces() {
        assert_eq!(
            english().apply(r#"<p>a "quote" in a text</p>"#),
            "<p>a “quote” in a text</p>"
        );
        assert_eq!(english().apply("<p>„Pora”</p>"), "<p>“Pora”</p>");
    }
}
