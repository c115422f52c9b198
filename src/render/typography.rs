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
    /// One-letter words, in both cases.
    single_letters: Vec<char>,
    /// Bytes at which text may need a change (`&`, `"`, the lead byte of `“`, the first
    /// byte of each one-letter word); the text between them is copied in bulk.
    special: [bool; 256],
}

impl Default for Typography {
    fn default() -> Self {
        Typography {
            quotes: None,
            single_letters: Vec::new(),
            special: [false; 256],
        }
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
        let mut rules = Typography::default();
        if let Some(marks) = quotes {
            let marks: Vec<char> = marks.chars().collect();
            if let [open, close] = marks[..] {
                rules.quotes = Some((open, close));
            }
        }
        for word in single_letter_words.split_whitespace() {
            let mut chars = word.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                rules.single_letters.extend(c.to_lowercase());
                rules.single_letters.extend(c.to_uppercase());
            }
        }
        rules.special[usize::from(b'&')] = true;
        if rules.quotes.is_some() {
            rules.special[usize::from(b'"')] = true;
            rules.special[0xE2] = true; // “ ” „
        }
        for c in &rules.single_letters {
            let mut buf = [0u8; 4];
            rules.special[usize::from(c.encode_utf8(&mut buf).as_bytes()[0])] = true;
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

    /// One run of text between two tags. Only the bytes marked in `special` stop the
    /// scan; everything between them is copied as it is.
    fn text(&self, s: &str, state: &mut TextState, verbatim: bool, out: &mut String) {
        if verbatim {
            out.push_str(s);
            if !s.is_empty() {
                state.prev = 'x';
            }
            return;
        }
        // Postal codes and phone numbers are joined on every page, whatever the switches.
        let joined = super::numbers::join(s);
        let s: &str = &joined;
        let bytes = s.as_bytes();
        // `s[..done]` is in `out`, and `state.prev` is its last character.
        let mut done = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // A one-letter word is followed by a space: the same letter inside a word (most
            // of Polish text stops at `a`, `i`, `o`, `u`, `w` or `z`) needs nothing, and is
            // copied in bulk (the pass took 12.6 % of a build's instructions before).
            if !self.special[usize::from(b)]
                || (b.is_ascii_alphabetic() && !matches!(bytes.get(i + 1), Some(b' ' | b'\n')))
            {
                i += 1;
                continue;
            }
            // Special bytes are ASCII or lead bytes, so `i` is a character boundary.
            if done < i {
                out.push_str(&s[done..i]);
                state.prev = s[done..i].chars().next_back().unwrap_or(state.prev);
            }
            let rest = &s[i..];
            let c = rest.chars().next().unwrap_or(' ');
            let quote_len = if rest.starts_with("&quot;") {
                6
            } else if matches!(c, '"' | '“' | '”' | '„') {
                c.len_utf8()
            } else {
                0
            };
            if let (Some((open, close)), true) = (self.quotes, quote_len > 0) {
                let opens = match c {
                    '„' => true,
                    '”' => false,
                    _ => opens_quote(state.prev),
                };
                push_text_char(out, if opens { open } else { close });
                state.prev = if opens { '„' } else { '”' };
                i += quote_len;
            } else if c == '&' {
                // An entity: copied whole; `&nbsp;` counts as a space.
                let len = rest.find(';').filter(|&n| n <= 10).map_or(1, |n| n + 1);
                out.push_str(&rest[..len]);
                state.prev = if &rest[..len] == "&nbsp;" { ' ' } else { 'x' };
                i += len;
            } else if self.single_letters.contains(&c)
                && starts_word(state.prev)
                && matches!(bytes.get(i + c.len_utf8()), Some(b' ' | b'\n'))
            {
                // `w` + space → `w` + no-break space, when `w` is a word of its own.
                out.push(c);
                out.push('\u{a0}');
                state.prev = ' ';
                i += c.len_utf8() + 1;
            } else {
                out.push(c);
                state.prev = c;
                i += c.len_utf8();
            }
            done = i;
        }
        if done < bytes.len() {
            out.push_str(&s[done..]);
            state.prev = s[done..].chars().next_back().unwrap_or(state.prev);
        }
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
