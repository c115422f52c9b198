//! One HTML tag scanner, shared by the raw-HTML sanitiser and the typography pass: it
//! splits HTML into text, tags, comments and the text content of raw-text elements as the
//! HTML tokenizer does, without allocating, every token a slice of the input.
//!
//! The rules followed are the tokenizer's (the one ammonia parses with, so the sanitiser's
//! located warnings name what the sanitiser removes; docs/maintainer/content.md, "Raw HTML"):
//!
//! - `<` starts markup only before a letter (a tag), `/` (an end tag, or a bogus comment
//!   such as `</ x>`), `!` or `?`; any other `<` is text (`a < b`);
//! - a tag ends at the first `>` outside a quoted attribute value (`title=">"`); a quote
//!   opens a value only right after `=`, so in `a=b"c` it is part of the value;
//! - comments end at `-->` or `--!>`, and the odd forms `<!-->` and `<!--->` are whole
//!   comments; `<!x>`, `<?x>` and `</ x>` are bogus comments up to the next `>`;
//! - the content of `script`, `style`, `textarea`, `title`, `xmp`, `iframe`, `noembed`,
//!   `noframes` and `noscript` is text up to its end tag, and after `<plaintext>` all is;
//! - input that ends inside a tag ends with an [`Kind::Unfinished`] token (the tokenizer
//!   drops such a tag).
//!
//! Like the tokenizer on its own, the scanner does not know foreign content: inside `<svg>`
//! a `<style>` is still read as a raw-text element.

use std::ops::Range;

/// One piece of HTML: what it is and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'h> {
    pub kind: Kind<'h>,
    /// Byte offset of the token in the scanned HTML.
    pub start: usize,
    /// The token's text as written, delimiters included.
    pub source: &'h str,
}

impl Token<'_> {
    /// Byte offset just after the token.
    pub fn end(&self) -> usize {
        self.start + self.source.len()
    }

    /// Byte range of the token in the scanned HTML.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind<'h> {
    /// Text between markup; character references are left as written.
    Text,
    /// The content of the raw-text `element` just opened (its name as written): text, even
    /// where it looks like markup.
    RawText {
        element: &'h str,
    },
    StartTag(Tag<'h>),
    EndTag(Tag<'h>),
    /// A comment (`<!-- … -->`, `<!-->`), a bogus comment (`<!x>`, `<?x>`, `</ x>`), or
    /// `</>`, which the tokenizer drops.
    Comment,
    /// `<!DOCTYPE …>`, up to the first `>`.
    Doctype,
    /// A tag that the input ends inside; the tokenizer drops it.
    Unfinished,
}

/// A start or end tag. Its attributes are read only when asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tag<'h> {
    /// The element name as written (`P`, `o:p`); compare with [`Tag::is`].
    pub name: &'h str,
    /// Written with `/>`. The HTML parser ignores it on HTML elements (`<br/>` is `<br>`,
    /// `<div/>` opens a `div`).
    pub self_closing: bool,
    key: u128,
    /// The scanned HTML, and where the attributes start in it (just after the name).
    html: &'h str,
    attrs_at: usize,
}

impl<'h> Tag<'h> {
    /// Whether this is element `name` (given in lower case), in any case as written.
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// Whether the content of this start tag's element is raw text (`script`, `title`, …).
    pub fn holds_raw_text(&self) -> bool {
        RAW_TEXT.contains(&self.key)
    }

    /// The [`name_key`] of the name, made once per tag; 0 for a name longer than 15 bytes
    /// (no element of HTML's own is).
    pub fn key(&self) -> u128 {
        self.key
    }

    /// The attributes in the order written (a repeated name included).
    pub fn attrs(&self) -> Attrs<'h> {
        Attrs {
            html: self.html,
            pos: self.attrs_at,
        }
    }
}

/// An element name (at most 15 bytes) as one number: its bytes in ASCII lower case and
/// its length, so that a tag is compared with a list of names by comparing numbers.
pub const fn name_key(name: &str) -> u128 {
    let bytes = name.as_bytes();
    if bytes.len() > 15 {
        return 0;
    }
    let mut buf = [0u8; 16];
    let mut i = 0;
    while i < bytes.len() {
        buf[i] = bytes[i].to_ascii_lowercase();
        i += 1;
    }
    buf[15] = bytes.len() as u8;
    u128::from_le_bytes(buf)
}

/// Elements whose content the HTML parser reads as text (scripting on, as ammonia's
/// parser runs).
const RAW_TEXT: [u128; 10] = [
    name_key("script"),
    name_key("style"),
    name_key("xmp"),
    name_key("iframe"),
    name_key("noembed"),
    name_key("noframes"),
    name_key("noscript"),
    name_key("title"),
    name_key("textarea"),
    name_key("plaintext"),
];

/// An attribute as written in a tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attr<'h> {
    /// As written (`ONERROR`).
    pub name: &'h str,
    /// The value as written, without its quotes, character references not decoded;
    /// `None` for an attribute without `=`.
    pub value: Option<&'h str>,
    /// Byte range of the whole attribute (`href="x"`) in the scanned HTML.
    pub span: Range<usize>,
    /// Byte range of the value (inside its quotes), or of the whole attribute without one.
    pub value_span: Range<usize>,
}

/// The attributes of a [`Tag`].
pub struct Attrs<'h> {
    html: &'h str,
    pos: usize,
}

impl<'h> Iterator for Attrs<'h> {
    type Item = Attr<'h>;

    fn next(&mut self) -> Option<Attr<'h>> {
        match step(self.html, self.pos) {
            Step::Attr { name, value, end } => {
                self.pos = end;
                let span = name.start..end;
                Some(Attr {
                    name: &self.html[name],
                    value: value.clone().map(|v| &self.html[v]),
                    value_span: value.unwrap_or_else(|| span.clone()),
                    span,
                })
            }
            Step::Close { .. } | Step::Eof => None,
        }
    }
}

/// The tokens of `html`, in order; together they cover it without gaps.
pub struct Scanner<'h> {
    html: &'h str,
    pos: usize,
    /// The raw-text element just opened, whose content comes next.
    raw: Option<&'h str>,
    /// Whether markup starts at `pos` (found when the text before it ended).
    markup_next: bool,
}

impl<'h> Scanner<'h> {
    pub fn new(html: &'h str) -> Self {
        Scanner {
            html,
            pos: 0,
            raw: None,
            markup_next: false,
        }
    }

    fn token(&mut self, kind: Kind<'h>, end: usize) -> Token<'h> {
        let start = self.pos;
        self.pos = end;
        Token {
            kind,
            start,
            source: &self.html[start..end],
        }
    }

    /// Whether the `<` at `lt` starts markup rather than text.
    fn markup_at(&self, lt: usize) -> bool {
        let bytes = self.html.as_bytes();
        match bytes.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => true,
            Some(b'!' | b'?') => true,
            Some(b'/') => lt + 2 < bytes.len(),
            _ => false,
        }
    }

    /// The markup whose `<` is at `self.pos`, known to start markup.
    fn markup(&mut self) -> Token<'h> {
        let html = self.html;
        let bytes = html.as_bytes();
        let lt = self.pos;
        let to_gt = |from: usize| html[from..].find('>').map_or(bytes.len(), |i| from + i + 1);
        match bytes[lt + 1] {
            b'/' => match bytes[lt + 2] {
                c if c.is_ascii_alphabetic() => self.tag(lt + 2, true),
                b'>' => self.token(Kind::Comment, lt + 3),
                _ => self.token(Kind::Comment, to_gt(lt + 2)),
            },
            b'!' if html[lt..].starts_with("<!--") => {
                let body = lt + 4;
                let rest = &html[body..];
                let end = if rest.starts_with('>') {
                    body + 1
                } else if rest.starts_with("->") {
                    body + 2
                } else {
                    comment_end(rest).map_or(bytes.len(), |i| body + i)
                };
                self.token(Kind::Comment, end)
            }
            b'!' if html
                .get(lt + 2..lt + 9)
                .is_some_and(|d| d.eq_ignore_ascii_case("doctype")) =>
            {
                self.token(Kind::Doctype, to_gt(lt + 2))
            }
            b'!' | b'?' => self.token(Kind::Comment, to_gt(lt + 2)),
            _ => self.tag(lt + 1, false),
        }
    }

    /// The tag whose `<` is at `self.pos` and whose name starts at `name_at`.
    fn tag(&mut self, name_at: usize, end_tag: bool) -> Token<'h> {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut i = name_at;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>') {
            i += 1;
        }
        let name = &html[name_at..i];
        let mut tag = Tag {
            name,
            self_closing: false,
            key: name_key(name),
            html,
            attrs_at: i,
        };
        loop {
            match step(html, i) {
                Step::Attr { end, .. } => i = end,
                Step::Eof => return self.token(Kind::Unfinished, bytes.len()),
                Step::Close { at, self_closing } => {
                    tag.self_closing = self_closing;
                    if end_tag {
                        return self.token(Kind::EndTag(tag), at + 1);
                    }
                    if tag.holds_raw_text() {
                        self.raw = Some(tag.name);
                    }
                    return self.token(Kind::StartTag(tag), at + 1);
                }
            }
        }
    }

    /// Where the content of raw-text element `name`, starting at `self.pos`, ends: at its
    /// end tag (`</name` followed by a space, `/` or `>`), or at the end. In a
    /// script, an end tag inside `<!-- <script> … -->` does not count, as in the tokenizer's
    /// "script data escaped" states.
    fn raw_text_end(&self, name: &str) -> usize {
        let html = self.html;
        if name.eq_ignore_ascii_case("plaintext") {
            return html.len();
        }
        if name.eq_ignore_ascii_case("script") {
            return self.script_end();
        }
        let mut from = self.pos;
        while let Some(i) = html[from..].find("</") {
            let at = from + i;
            if self.names_at(at + 2, name) {
                return at;
            }
            from = at + 2;
        }
        html.len()
    }

    /// Whether `name` is written at `at` (in any case), followed by a space, `/` or `>`.
    fn names_at(&self, at: usize, name: &str) -> bool {
        let end = at + name.len();
        self.html
            .get(at..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && self
                .html
                .as_bytes()
                .get(end)
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
    }

    /// [`Scanner::raw_text_end`] of a `script`.
    fn script_end(&self) -> usize {
        #[derive(PartialEq)]
        enum State {
            Data,
            /// Inside `<!--`.
            Escaped,
            /// Inside `<!-- <script>`.
            DoubleEscaped,
        }
        let html = self.html;
        let bytes = html.as_bytes();
        let mut state = State::Data;
        let mut i = self.pos;
        while i < bytes.len() {
            match (bytes[i], &state) {
                (b'<', State::Data) if html[i..].starts_with("<!--") => {
                    // From the dashes of `<!--`: `<!-->` and `<!--->` end where they begin.
                    state = State::Escaped;
                    i += 2;
                }
                (b'<', State::Data | State::Escaped) if self.end_tag_at(i) => return i,
                (b'<', State::Escaped) if self.names_at(i + 1, "script") => {
                    state = State::DoubleEscaped;
                    i += 7;
                }
                (b'<', State::DoubleEscaped) if self.end_tag_at(i) => {
                    state = State::Escaped;
                    i += 8;
                }
                (b'-', State::Escaped | State::DoubleEscaped) if html[i..].starts_with("-->") => {
                    state = State::Data;
                    i += 3;
                }
                _ => i += 1,
            }
        }
        bytes.len()
    }

    /// Whether `</script` is written at `at`, as an end tag.
    fn end_tag_at(&self, at: usize) -> bool {
        self.html[at..].starts_with("</") && self.names_at(at + 2, "script")
    }
}

impl<'h> Iterator for Scanner<'h> {
    type Item = Token<'h>;

    fn next(&mut self) -> Option<Token<'h>> {
        if let Some(element) = self.raw.take() {
            let end = self.raw_text_end(element);
            if end > self.pos {
                return Some(self.token(Kind::RawText { element }, end));
            }
        }
        if std::mem::take(&mut self.markup_next) {
            return Some(self.markup());
        }
        let html = self.html;
        if self.pos >= html.len() {
            return None;
        }
        let mut from = self.pos;
        loop {
            // `memchr` rather than `str::find`: every text of every page is searched, most
            // of them the few spaces between two tags, where `find`'s set-up costs more
            // than the search (4 % of the typography pass's instructions).
            let Some(lt) = memchr::memchr(b'<', &html.as_bytes()[from..]).map(|i| from + i) else {
                return Some(self.token(Kind::Text, html.len()));
            };
            if self.markup_at(lt) {
                if lt > self.pos {
                    self.markup_next = true;
                    return Some(self.token(Kind::Text, lt));
                }
                return Some(self.markup());
            }
            from = lt + 1;
        }
    }
}

/// Where a comment whose text starts `rest` ends: just after its first `-->` or `--!>`.
/// One pass, so that a page with many comments costs time in proportion to its length.
fn comment_end(rest: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = rest[from..].find("--") {
        let dashes = from + i;
        let after = &rest[dashes + 2..];
        if after.starts_with('>') {
            return Some(dashes + 3);
        }
        if after.starts_with("!>") {
            return Some(dashes + 4);
        }
        from = dashes + 1;
    }
    None
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// What follows position `i` inside a tag.
enum Step {
    /// An attribute: its name, its value (inside the quotes), and where it ends.
    Attr {
        name: Range<usize>,
        value: Option<Range<usize>>,
        end: usize,
    },
    /// The tag's closing `>` at `at`, after a `/` directly before it or not.
    Close { at: usize, self_closing: bool },
    /// The input ends inside the tag.
    Eof,
}

/// The tokenizer's states from "before attribute name" to the end of one attribute.
#[inline(always)]
fn step(html: &str, mut i: usize) -> Step {
    let bytes = html.as_bytes();
    let mut slash = false;
    while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
        slash = bytes[i] == b'/';
        i += 1;
    }
    match bytes.get(i) {
        None => return Step::Eof,
        Some(b'>') => {
            return Step::Close {
                at: i,
                self_closing: slash,
            };
        }
        Some(_) => {}
    }
    // An attribute name; its first character may be `=`.
    let start = i;
    i += 1;
    while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
        i += 1;
    }
    let name = start..i;
    let mut j = i;
    while j < bytes.len() && is_space(bytes[j]) {
        j += 1;
    }
    let mut value = None;
    if bytes.get(j) == Some(&b'=') {
        j += 1;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        match bytes.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let Some(close) = memchr::memchr(q, &bytes[j + 1..]) else {
                    return Step::Eof;
                };
                value = Some(j + 1..j + 1 + close);
                i = j + 1 + close + 1;
            }
            _ => {
                let from = j;
                while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                    j += 1;
                }
                value = Some(from..j);
                i = j;
            }
        }
    }
    Step::Attr {
        name,
        value,
        end: i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `html`, each as `kind:source` (`start:p:<p>`), checked to cover it.
    fn tokens(html: &str) -> Vec<String> {
        let mut at = 0;
        let described: Vec<String> = Scanner::new(html)
            .map(|t| {
                assert_eq!(t.start, at, "{html:?}: a gap before {t:?}");
                at = t.end();
                let s = t.source;
                match t.kind {
                    Kind::Text => format!("text:{s}"),
                    Kind::RawText { element } => format!("raw {element}:{s}"),
                    Kind::StartTag(tag) if tag.self_closing => format!("start/ {}:{s}", tag.name),
                    Kind::StartTag(tag) => format!("start {}:{s}", tag.name),
                    Kind::EndTag(tag) => format!("end {}:{s}", tag.name),
                    Kind::Comment => format!("comment:{s}"),
                    Kind::Doctype => format!("doctype:{s}"),
                    Kind::Unfinished => format!("unfinished:{s}"),
                }
            })
            .collect();
        assert_eq!(at, html.len(), "{html:?}: not covered to its end");
        described
    }

    #[test]
    fn tokens_are_read_as_the_tokenizer_reads_them() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("a b", &["text:a b"]),
            ("<p>a</p>", &["start p:<p>", "text:a", "end p:</p>"]),
            ("<P>a</P >", &["start P:<P>", "text:a", "end P:</P >"]),
            // `<` not before a letter, `/`, `!` or `?` is text.
            ("a < b <3 <", &["text:a < b <3 <"]),
            ("a </", &["text:a </"]),
            ("x<=y<.", &["text:x<=y<."]),
            // Comments, the odd forms included.
            ("<!-- a <b> -->c", &["comment:<!-- a <b> -->", "text:c"]),
            ("<!-->a", &["comment:<!-->", "text:a"]),
            ("<!--->a", &["comment:<!--->", "text:a"]),
            ("<!---->a", &["comment:<!---->", "text:a"]),
            ("<!-- x --!>a", &["comment:<!-- x --!>", "text:a"]),
            ("<!-- x", &["comment:<!-- x"]),
            // Bogus comments, up to the next `>`.
            ("<!x>a", &["comment:<!x>", "text:a"]),
            ("<? pi ?>a", &["comment:<? pi ?>", "text:a"]),
            ("</ x>a", &["comment:</ x>", "text:a"]),
            ("</>a", &["comment:</>", "text:a"]),
            ("<![CDATA[x]]>a", &["comment:<![CDATA[x]]>", "text:a"]),
            (
                "<!DOCTYPE html><p>",
                &["doctype:<!DOCTYPE html>", "start p:<p>"],
            ),
            ("<!doctype html>", &["doctype:<!doctype html>"]),
            // Attributes: quoted values hide `>`, unquoted ones end at a space or `>`.
            (
                r#"<a title=">" href='x>y'>t</a>"#,
                &[
                    r#"start a:<a title=">" href='x>y'>"#,
                    "text:t",
                    "end a:</a>",
                ],
            ),
            (r#"<a b=c"d>e"#, &[r#"start a:<a b=c"d>"#, "text:e"]),
            ("<a b=x/>c", &["start a:<a b=x/>", "text:c"]),
            ("<a b=>c", &["start a:<a b=>", "text:c"]),
            // `/>`, and a `/` that is not followed by `>`.
            ("<br/>", &["start/ br:<br/>"]),
            ("<br />", &["start/ br:<br />"]),
            ("<br / >", &["start br:<br / >"]),
            ("<img src=x / alt=y>", &["start img:<img src=x / alt=y>"]),
            ("<o:p></o:p>", &["start o:p:<o:p>", "end o:p:</o:p>"]),
            // Raw-text elements: their content is not markup, up to their own end tag.
            (
                "<script>if (a<b) x('<p>')</script >c",
                &[
                    "start script:<script>",
                    "raw script:if (a<b) x('<p>')",
                    "end script:</script >",
                    "text:c",
                ],
            ),
            (
                "<STYLE>a>b{}</style>",
                &[
                    "start STYLE:<STYLE>",
                    "raw STYLE:a>b{}",
                    "end style:</style>",
                ],
            ),
            (
                "<textarea><b>x</b></textareas></textarea>",
                &[
                    "start textarea:<textarea>",
                    "raw textarea:<b>x</b></textareas>",
                    "end textarea:</textarea>",
                ],
            ),
            (
                "<title>a <!-- b --></title>",
                &[
                    "start title:<title>",
                    "raw title:a <!-- b -->",
                    "end title:</title>",
                ],
            ),
            (
                "<script></script>",
                &["start script:<script>", "end script:</script>"],
            ),
            ("<script>x", &["start script:<script>", "raw script:x"]),
            (
                "<script>x</script",
                &["start script:<script>", "raw script:x</script"],
            ),
            (
                "<plaintext></plaintext><b>",
                &[
                    "start plaintext:<plaintext>",
                    "raw plaintext:</plaintext><b>",
                ],
            ),
            // The input ends inside a tag.
            ("a<p", &["text:a", "unfinished:<p"]),
            ("<a href='x>", &["unfinished:<a href='x>"]),
            ("</p", &["unfinished:</p"]),
        ];
        for (html, expected) in cases {
            assert_eq!(tokens(html), *expected, "{html:?}");
        }
    }

    #[test]
    fn attributes_are_read_as_written() {
        let html = r#"<IMG SRC = "a.png" alt='' hidden ONERROR=alert(1) =x/>"#;
        let Some(Token {
            kind: Kind::StartTag(tag),
            ..
        }) = Scanner::new(html).next()
        else {
            panic!("no tag");
        };
        assert!(tag.is("img") && tag.self_closing);
        let attrs: Vec<_> = tag
            .attrs()
            .map(|a| (a.name, a.value, &html[a.span], &html[a.value_span]))
            .collect();
        assert_eq!(
            attrs,
            [
                ("SRC", Some("a.png"), r#"SRC = "a.png""#, "a.png"),
                ("alt", Some(""), "alt=''", ""),
                ("hidden", None, "hidden", "hidden"),
                ("ONERROR", Some("alert(1)"), "ONERROR=alert(1)", "alert(1)"),
                ("=x", None, "=x", "=x"),
            ]
        );
    }

    /// What the scanner reads, as (kind, name, self-closing, attributes) events, adjacent
    /// texts joined: the same form as [`tokenizer_events`].
    fn scanner_events(html: &str) -> Vec<String> {
        let mut events: Vec<String> = Vec::new();
        let mut text = String::new();
        for token in Scanner::new(html) {
            let event = match token.kind {
                Kind::Text | Kind::RawText { .. } => {
                    text.push_str(token.source);
                    continue;
                }
                Kind::StartTag(tag) => {
                    let mut seen: Vec<String> = Vec::new();
                    let mut attrs = Vec::new();
                    for a in tag.attrs() {
                        let name = a.name.to_ascii_lowercase();
                        if !seen.contains(&name) {
                            attrs.push(format!("{name}={}", a.value.unwrap_or("")));
                            seen.push(name);
                        }
                    }
                    let slash = if tag.self_closing { "/" } else { "" };
                    format!(
                        "<{}{slash} {}>",
                        tag.name.to_ascii_lowercase(),
                        attrs.join(" ")
                    )
                }
                Kind::EndTag(tag) => format!("</{}>", tag.name.to_ascii_lowercase()),
                Kind::Comment if token.source == "</>" => continue,
                Kind::Comment => "comment".into(),
                Kind::Doctype => "doctype".into(),
                Kind::Unfinished => continue,
            };
            if !text.is_empty() {
                events.push(format!("text {}", std::mem::take(&mut text)));
            }
            events.push(event);
        }
        if !text.is_empty() {
            events.push(format!("text {text}"));
        }
        events
    }

    /// What html5ever's tokenizer reads, switched into raw text after the start tags after
    /// which the HTML parser switches it.
    fn tokenizer_events(html: &str) -> Vec<String> {
        use html5ever::tendril::StrTendril;
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{
            BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
        };
        use std::cell::RefCell;

        struct Sink(RefCell<(Vec<String>, String)>);
        impl TokenSink for Sink {
            type Handle = ();
            fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
                let (events, text) = &mut *self.0.borrow_mut();
                let event = match token {
                    Token::CharacterTokens(t) => {
                        text.push_str(&t);
                        return TokenSinkResult::Continue;
                    }
                    Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                        let attrs: Vec<String> = tag
                            .attrs
                            .iter()
                            .map(|a| format!("{}={}", &*a.name.local, &*a.value))
                            .collect();
                        let slash = if tag.self_closing { "/" } else { "" };
                        format!("<{}{slash} {}>", &*tag.name, attrs.join(" "))
                    }
                    Token::TagToken(tag) => format!("</{}>", &*tag.name),
                    Token::CommentToken(_) => "comment".into(),
                    Token::DoctypeToken(_) => "doctype".into(),
                    _ => return TokenSinkResult::Continue,
                };
                if !text.is_empty() {
                    events.push(format!("text {}", std::mem::take(text)));
                }
                events.push(event.clone());
                match event.split([' ', '/', '>']).next().unwrap_or("") {
                    "<script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "<style" | "<xmp" | "<iframe" | "<noembed" | "<noframes" | "<noscript" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "<title" | "<textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "<plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                }
            }
        }
        let tokenizer = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        let _ = tokenizer.feed(&input);
        tokenizer.end();
        let (mut events, text) = tokenizer.sink.0.take();
        if !text.is_empty() {
            events.push(format!("text {text}"));
        }
        events
    }

    /// The scanner and the tokenizer agree on hostile and odd input (written without
    /// character references, NUL or CR, which only the tokenizer decodes).
    #[test]
    fn the_scanner_agrees_with_the_tokenizer() {
        let cases = [
            "<p>plain <b>bold</b> <I>it</I></p>",
            "a < b <3 </ x> <!x> <? pi ?> </> c",
            "<!-- a --> <!--> b <!---> c <!----> d <!-- e --!> f <!-- g",
            "<!DOCTYPE html><!doctype x><![CDATA[ y ]]>",
            "<IMG SRC=x OnError=alert(1)>",
            "<img src=x onerror=alert(1)//>",
            "<a title=\">\" onclick=x>y</a><a b=c\"d>e</a><a b=x/>c<a b=>d",
            "<a href=x title='<b onclick=y>'>z</a>",
            "<br/><br /><br / ><br//><img src=x / alt=y><a =x ==y>",
            "<a href=1 HREF=2 href=3>dup</a>",
            "<script>document.write('<a onclick=x>')</script><b>after</b>",
            "<scr<script>ipt>alert(1)</script>",
            "<script>a<!--b</script>c",
            "<script><!--<script></script><img src=x onerror=y></script><b>",
            "<script><!--<script>x-->y</script>z",
            "<script><!--->a</script><script><!-->b</script>",
            "<script><!--<SCRIPT/></Script >--></scriptx></script>",
            "<script>x</script",
            "<svg><script>alert(1)</script></svg>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<style>@import 'x';</style ><p style=\"color:red\">r</p>",
            "<textarea><b>x</b></textareas></TEXTAREA>",
            "<title>a <!-- b --></title><xmp><i></xmp><iframe><b></iframe>",
            "<noembed><i></noembed><noframes><i></noframes>",
            "<plaintext><b>everything after is text</plaintext>",
            "<o:p></o:p><font face=Arial>w</font>",
            "<a href='x>",
            "a<p",
            "<p title",
        ];
        for html in cases {
            assert_eq!(scanner_events(html), tokenizer_events(html), "{html:?}");
        }
    }
}
