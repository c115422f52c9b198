//! What of a body's HTML reaches the page: the policy (formatting HTML is kept; what could
//! run code, embed another site, restyle the page or collect input is removed), the
//! `ammonia` sanitiser built from it, and the finder that says — located — what the
//! sanitiser will remove, so that nothing disappears unreported.
//!
//! The sanitiser works on a body's finished HTML, not on each piece of raw HTML, so markup
//! split across Markdown blocks (a `<div>` opened in one block and closed in another) is
//! read as a browser would read it. Everything pulldown-cmark and kronika write passes the
//! policy unchanged; a test checks.
//!
//! ammonia says nothing about what it removes, so [`removals`] reads the same HTML against
//! the same tables: a start tag at a time, its bounds found by the shared tag scanner
//! ([`crate::html`]) and its name and attributes read by html5ever's tokenizer (the one ammonia parses with, so character
//! references and odd spellings are understood alike), and URLs judged by the same
//! `url::Url::parse`. A test holds the two to agreement on hostile input.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::url::{ParseError, Url};

use crate::html::{Kind, Scanner};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Elements kept, each with the attributes it may carry besides [`GLOBAL_ATTRIBUTES`]: the
/// formatting HTML that editors paste and that pulldown-cmark writes. Obsolete elements
/// (`font`, `center`, `strike`) are not kept: pages must stay valid HTML. Nor are landmarks
/// (`nav`, `header`, `aside`, …): inside the page's `main` they would confuse screen readers.
const ELEMENTS: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("abbr", &[]),
    ("b", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("blockquote", &["cite"]),
    ("br", &[]),
    ("caption", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("data", &["value"]),
    ("dd", &[]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &["aria-labelledby"]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    ("i", &[]),
    ("img", &["src", "alt", "width", "height"]),
    ("ins", &["cite", "datetime"]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "reversed", "type"]),
    ("p", &[]),
    ("pre", &[]),
    ("q", &["cite"]),
    ("rp", &[]),
    ("rt", &[]),
    ("ruby", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("small", &[]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("tfoot", &[]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    ("wbr", &[]),
];

/// Attributes every kept element may carry. `id` is a link target (heading ids, footnotes);
/// `class` is harmless (Word's `MsoNormal`) and carries pulldown-cmark's footnote markup.
const GLOBAL_ATTRIBUTES: &[&str] = &["class", "dir", "id", "lang", "title"];

/// Attributes kept only with these values (compared ignoring case): what pulldown-cmark
/// writes for aligned table columns and kronika for the scrolling table region.
const ATTRIBUTE_VALUES: &[(&str, &str, &[&str])] = &[
    ("th", "style", TEXT_ALIGN),
    ("td", "style", TEXT_ALIGN),
    ("div", "role", &["region"]),
    ("div", "tabindex", &["0"]),
];
const TEXT_ALIGN: &[&str] = &[
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

/// URL schemes kept in `href` and `src`; addresses without a scheme (within the site) are
/// kept too. `data:` is not: it embeds whole files (and, in links, pages) in the page.
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Why something is removed: what the help line of its warning says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// It could run a script: `<script>`, `on…` attributes, `javascript:` addresses.
    Script,
    /// It shows another site or a program inside the page: `<iframe>`, `<object>`.
    Embed,
    /// It changes the whole page, not the text around it: `<style>`, `<base>`, `<meta>`.
    PageWide,
    /// A form control: an archive page collects nothing.
    Form,
    /// An inline style: the theme sets colours and sizes.
    Style,
    /// A `data:` address: a whole file inside the page.
    DataUrl,
    /// An address of a scheme other than [`SCHEMES`].
    Scheme,
    /// Not a valid address.
    InvalidUrl,
    /// Anything else not on the lists above.
    Unsupported,
}

/// Elements removed together with their content, and why. A removed element not listed
/// here loses only its tags; its text stays.
const REMOVED_WITH_CONTENT: &[(&str, Reason)] = &[
    ("script", Reason::Script),
    ("noscript", Reason::Script),
    ("template", Reason::Script),
    ("svg", Reason::Script),
    ("math", Reason::Script),
    ("iframe", Reason::Embed),
    ("frame", Reason::Embed),
    ("frameset", Reason::Embed),
    ("noframes", Reason::Embed),
    ("object", Reason::Embed),
    ("embed", Reason::Embed),
    ("noembed", Reason::Embed),
    ("applet", Reason::Embed),
    ("style", Reason::PageWide),
    ("title", Reason::PageWide),
    ("xmp", Reason::PageWide),
    ("plaintext", Reason::PageWide),
    ("textarea", Reason::Form),
    ("select", Reason::Form),
];

/// Removed elements (text kept) that have a reason of their own.
const REMOVED_TAGS: &[(&str, Reason)] = &[
    ("base", Reason::PageWide),
    ("link", Reason::PageWide),
    ("meta", Reason::PageWide),
    ("form", Reason::Form),
    ("input", Reason::Form),
    ("button", Reason::Form),
    ("option", Reason::Form),
    ("optgroup", Reason::Form),
    ("datalist", Reason::Form),
    ("fieldset", Reason::Form),
    ("legend", Reason::Form),
    ("label", Reason::Form),
    ("output", Reason::Form),
];

/// One thing the sanitiser removes, as the warning names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Removed {
    /// The element and everything inside it.
    Element { tag: String },
    /// The element's tags; its text stays.
    Tag { tag: String },
    /// An attribute of a kept element.
    Attribute { tag: String, attribute: String },
    /// An address (`href`, `src`) of a kept element; the element stays.
    Url {
        tag: String,
        attribute: String,
        url: String,
    },
}

/// A removal and where it is in the HTML that was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub what: Removed,
    pub why: Reason,
    /// Byte range in the HTML: the start tag, the attribute, or the attribute's value.
    pub at: std::ops::Range<usize>,
}

/// The sanitiser of the policy, built once.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(ELEMENTS.iter().map(|(tag, _)| *tag).collect())
        .clean_content_tags(REMOVED_WITH_CONTENT.iter().map(|(tag, _)| *tag).collect())
        .generic_attributes(GLOBAL_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(
            ELEMENTS
                .iter()
                .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
                .collect(),
        )
        .tag_attribute_values(ATTRIBUTE_VALUES.iter().fold(
            HashMap::<&str, HashMap<&str, HashSet<&str>>>::new(),
            |mut map, (tag, attr, values)| {
                map.entry(tag)
                    .or_default()
                    .insert(attr, values.iter().copied().collect());
                map
            },
        ))
        .url_schemes(SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true);
    b
});

/// `html` with everything [`removals`] lists taken out (and comments, which often hold
/// editors' notes). Markup that needed no change is kept, though re-serialised
/// (`<br />` becomes `<br>`).
pub fn clean(html: &str) -> String {
    SANITISER.clean(html).to_string()
}

/// Whether an address may stay in `href` or `src`: one without a scheme (within the site)
/// or of a scheme in [`SCHEMES`]. The test ammonia applies, so the two agree.
pub fn url_allowed(url: &str) -> bool {
    url_problem(url).is_none()
}

fn url_problem(url: &str) -> Option<Reason> {
    match Url::parse(url) {
        Ok(u) if SCHEMES.contains(&u.scheme()) => None,
        Ok(u) => Some(match u.scheme() {
            "javascript" | "vbscript" => Reason::Script,
            "data" => Reason::DataUrl,
            _ => Reason::Scheme,
        }),
        Err(ParseError::RelativeUrlWithoutBase) => None,
        Err(_) => Some(Reason::InvalidUrl),
    }
}

/// Everything [`clean`] removes from `html` (except comments), in document order.
pub fn removals(html: &str) -> Vec<Removal> {
    let mut found = Vec::new();
    let mut scanner = Scanner::new(html);
    while let Some(token) = scanner.next() {
        let Kind::StartTag(tag) = token.kind else {
            if token.kind == Kind::Unfinished {
                // A tag that never ends is dropped by the parser with the rest.
                break;
            }
            continue;
        };
        let Some(parsed) = read_tag(token.source) else {
            continue;
        };
        let name = parsed.name.to_string();
        let whole = token.span();
        if let Some((_, why)) = REMOVED_WITH_CONTENT.iter().find(|(t, _)| *t == name) {
            found.push(Removal {
                what: Removed::Element { tag: name.clone() },
                why: *why,
                at: whole,
            });
            if !tag.holds_raw_text() {
                skip_element(&mut scanner, tag.name);
            }
            continue;
        }
        let Some((_, own)) = ELEMENTS.iter().find(|(t, _)| *t == name) else {
            let why = REMOVED_TAGS
                .iter()
                .find(|(t, _)| *t == name)
                .map_or(Reason::Unsupported, |(_, why)| *why);
            found.push(Removal {
                what: Removed::Tag { tag: name },
                why,
                at: whole,
            });
            continue;
        };
        for attr in &parsed.attrs {
            let attribute = attr.name.local.to_string();
            let value: &str = &attr.value;
            // Where the attribute is written: the first of its name (html5ever keeps the first).
            let written = tag
                .attrs()
                .find(|a| a.name.eq_ignore_ascii_case(&attribute));
            let place = written.as_ref().map_or(whole.clone(), |a| a.span.clone());
            let allowed = GLOBAL_ATTRIBUTES.contains(&attribute.as_str())
                || own.contains(&attribute.as_str())
                || ATTRIBUTE_VALUES.iter().any(|(t, a, values)| {
                    *t == name
                        && *a == attribute
                        && values.iter().any(|v| v.eq_ignore_ascii_case(value))
                });
            if !allowed {
                let why = if attribute.starts_with("on") {
                    Reason::Script
                } else if attribute == "style" {
                    Reason::Style
                } else {
                    Reason::Unsupported
                };
                found.push(Removal {
                    what: Removed::Attribute {
                        tag: name.clone(),
                        attribute,
                    },
                    why,
                    at: place,
                });
            } else if (attribute == "href" || attribute == "src")
                && let Some(why) = url_problem(value)
            {
                found.push(Removal {
                    what: Removed::Url {
                        tag: name.clone(),
                        attribute,
                        url: value.to_string(),
                    },
                    why,
                    at: written.map_or(whole.clone(), |a| a.value_span),
                });
            }
        }
    }
    found
}

/// Steps over the content of element `name` (just opened) and its end tag, counting
/// elements of the same name opened inside it.
fn skip_element(scanner: &mut Scanner<'_>, name: &str) {
    let mut depth = 1usize;
    for token in scanner {
        match token.kind {
            Kind::StartTag(tag) if tag.name.eq_ignore_ascii_case(name) => depth += 1,
            Kind::EndTag(tag) if tag.name.eq_ignore_ascii_case(name) => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            Kind::Unfinished => return,
            _ => {}
        }
    }
}

/// How deep a body's HTML may nest elements. For every tag, the HTML parser ammonia uses
/// looks through the elements open around it (is a `<p>` open that a `<div>` closes?), so
/// 64 000 nested `<div>`s take minutes; with at most 512 open (as many as Blink's parser
/// keeps) a body costs time in proportion to its length (docs/maintainer/guarantees.md, "What a build
/// guarantees").
pub const MAX_DEPTH: usize = 512;

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose start tag closes an open element of the same name (`<li>a<li>b`).
const SIBLINGS: &[&str] = &[
    "caption", "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rp", "rt", "tbody", "td",
    "tfoot", "th", "thead", "tr",
];

/// The start tag of the first element nested more than [`MAX_DEPTH`] deep in `html`, if
/// one is: elements are counted open from their start tag to their end tag, as the parser
/// keeps them but for the rarer ends it implies (a `<div>` closing an open `<p>`).
pub fn too_deep(html: &str) -> Option<std::ops::Range<usize>> {
    let mut open: Vec<&str> = Vec::new();
    for token in Scanner::new(html) {
        let (tag, end_tag) = match token.kind {
            Kind::StartTag(tag) => (tag, false),
            Kind::EndTag(tag) => (tag, true),
            Kind::Unfinished => break,
            _ => continue,
        };
        if VOID.iter().any(|v| tag.is(v)) {
            continue;
        }
        if end_tag {
            if let Some(i) = open.iter().rposition(|n| n.eq_ignore_ascii_case(tag.name)) {
                open.truncate(i);
            }
            continue;
        }
        if SIBLINGS.iter().any(|s| tag.is(s))
            && open
                .last()
                .is_some_and(|n| n.eq_ignore_ascii_case(tag.name))
        {
            open.pop();
        }
        open.push(tag.name);
        if open.len() > MAX_DEPTH {
            return Some(token.span());
        }
    }
    None
}

/// A tag as html5ever's tokenizer reads it from its source text.
fn read_tag(source: &str) -> Option<Tag> {
    struct Sink(RefCell<Option<Tag>>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(tag) = token {
                self.0.borrow_mut().get_or_insert(tag);
            }
            TokenSinkResult::Continue
        }
    }
    let tokenizer = Tokenizer::new(Sink(RefCell::new(None)), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer
        .sink
        .0
        .take()
        .filter(|t| t.kind == TagKind::StartTag)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `html` loses, as (what, text at the place).
    fn found(html: &str) -> Vec<(Removed, Reason, &str)> {
        removals(html)
            .into_iter()
            .map(|r| (r.what, r.why, &html[r.at]))
            .collect()
    }

    fn tag(t: &str) -> Removed {
        Removed::Tag { tag: t.into() }
    }

    fn element(t: &str) -> Removed {
        Removed::Element { tag: t.into() }
    }

    fn attribute(t: &str, a: &str) -> Removed {
        Removed::Attribute {
            tag: t.into(),
            attribute: a.into(),
        }
    }

    fn url(t: &str, a: &str, u: &str) -> Removed {
        Removed::Url {
            tag: t.into(),
            attribute: a.into(),
            url: u.into(),
        }
    }

    #[test]
    fn scripts_are_removed_with_their_content_and_located() {
        let html = "<p>a</p>\n<script>if (a<b) { x('<img onerror=y>'); }</script>\n<p>b</p>";
        assert_eq!(
            found(html),
            [(element("script"), Reason::Script, "<script>")]
        );
        assert_eq!(clean(html), "<p>a</p>\n\n<p>b</p>");
    }

    #[test]
    fn event_handlers_and_script_urls_are_removed_from_kept_elements() {
        let html = r#"<img src="x.png" alt="" ONERROR = "alert(1)"><a href=" jav&#x61;script:alert(1)">t</a>"#;
        assert_eq!(
            found(html),
            [
                (
                    attribute("img", "onerror"),
                    Reason::Script,
                    r#"ONERROR = "alert(1)""#
                ),
                (
                    url("a", "href", " javascript:alert(1)"),
                    Reason::Script,
                    " jav&#x61;script:alert(1)"
                ),
            ]
        );
        assert_eq!(clean(html), r#"<img src="x.png" alt=""><a>t</a>"#);
    }

    #[test]
    fn embeds_forms_and_page_wide_elements_are_removed() {
        let html = "<iframe src=\"https://example.org\">x</iframe><object data=a><p>in</p></object>\
                    <style>p{}</style><form action=x><input name=q><button>Go</button></form><font color=red>t</font>";
        let got: Vec<_> = found(html).into_iter().map(|(w, r, _)| (w, r)).collect();
        assert_eq!(
            got,
            [
                (element("iframe"), Reason::Embed),
                (element("object"), Reason::Embed),
                (element("style"), Reason::PageWide),
                (tag("form"), Reason::Form),
                (tag("input"), Reason::Form),
                (tag("button"), Reason::Form),
                (tag("font"), Reason::Unsupported),
            ]
        );
        // What is left: the button's text and the font's.
        assert_eq!(clean(html), concat!("Go", "t"));
    }

    #[test]
    fn addresses_other_than_web_mail_phone_and_relative_ones_are_removed() {
        let html = r#"<a href="https://a.pl">1</a><a href="mailto:x@a.pl">2</a><a href="tel:+48">3</a><a href="../x/#y">4</a><a href="data:text/html,x">5</a><img src="data:image/png;base64,AA"><a href="file:///etc">6</a><a href="http://">7</a>"#;
        let got: Vec<_> = found(html).into_iter().map(|(w, r, _)| (w, r)).collect();
        assert_eq!(
            got,
            [
                (url("a", "href", "data:text/html,x"), Reason::DataUrl),
                (
                    url("img", "src", "data:image/png;base64,AA"),
                    Reason::DataUrl
                ),
                (url("a", "href", "file:///etc"), Reason::Scheme),
                (url("a", "href", "http://"), Reason::InvalidUrl),
            ]
        );
    }

    #[test]
    fn pasted_formatting_is_kept() {
        let html = r#"<table class="MsoTable"><caption>Wyniki</caption><tr><th scope="col">A</th></tr><tr><td colspan="2"><span lang="en">Time</span><br><sup>1</sup> <abbr title="Europejski Fundusz Społeczny">EFS</abbr></td></tr></table><p id="x" dir="ltr"><a href="https://example.org/" hreflang="en">e</a><img src="a.png" alt="A" width="10" height="5"></p>"#;
        assert_eq!(found(html), []);
        assert_eq!(
            clean(html),
            html.replace("<tr>", "<tbody><tr>")
                .replacen("</tr><tbody>", "</tr>", 1)
                .replace("</table>", "</tbody></table>")
        );
    }

    #[test]
    fn inline_styles_and_unknown_attributes_are_removed() {
        let html = r#"<p class="MsoNormal" style="margin:0">x</p><td style="text-align: center">y</td><a href="/" target="_blank">z</a>"#;
        let got = found(html);
        assert_eq!(
            got,
            [
                (
                    attribute("p", "style"),
                    Reason::Style,
                    r#"style="margin:0""#
                ),
                (
                    attribute("a", "target"),
                    Reason::Unsupported,
                    r#"target="_blank""#
                ),
            ]
        );
    }

    #[test]
    fn nothing_inside_a_removed_element_is_reported_twice() {
        let html =
            "<svg><svg></svg><a onclick=x></a></svg><textarea><b onclick=y></textarea><b>k</b>";
        let got: Vec<_> = found(html).into_iter().map(|(w, _, _)| w).collect();
        assert_eq!(got, [element("svg"), element("textarea")]);
        assert_eq!(clean(html), "<b>k</b>");
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_found_at_its_first_tag() {
        let deep = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(too_deep(&deep(MAX_DEPTH)), None);
        assert_eq!(
            too_deep(&deep(MAX_DEPTH + 1)),
            Some(5 * MAX_DEPTH..5 * MAX_DEPTH + 5)
        );
        // Closed, void and implicitly closed elements do not add up.
        let flat = "<div><p>a<br><img src=x><p>b</div><li>1<li>2".repeat(10_000);
        assert_eq!(too_deep(&flat), None);
    }

    /// A script's text ends where the HTML parser ends it: `</script>` inside
    /// `<!-- <script>` does not, so nothing after it is reported as a tag of its own.
    #[test]
    fn a_script_ends_where_the_parser_ends_it() {
        let html = "<script><!--<script></script><img src=x onerror=y></script><b>k</b>";
        assert_eq!(
            found(html),
            [(element("script"), Reason::Script, "<script>")]
        );
        assert_eq!(clean(html), "<b>k</b>");
    }

    #[test]
    fn comments_and_text_are_not_tags() {
        let html = "a < b <!-- <script>x</script> --> <!--> <? pi ?> </ x> <!x> c";
        assert_eq!(found(html), []);
    }

    /// ammonia with every element, attribute and scheme of `html` allowed: it parses and
    /// writes the HTML as the real sanitiser does, and removes nothing.
    fn permissive(html: &str) -> String {
        let names: Vec<String> = Scanner::new(html)
            .filter_map(|t| match t.kind {
                Kind::StartTag(tag) | Kind::EndTag(tag) => Some(tag.name.to_ascii_lowercase()),
                _ => None,
            })
            .collect();
        let schemes = [
            "http",
            "https",
            "mailto",
            "tel",
            "javascript",
            "vbscript",
            "data",
            "file",
            "ftp",
        ];
        ammonia::Builder::empty()
            .tags(names.iter().map(String::as_str).collect())
            .clean_content_tags(HashSet::new())
            .generic_attribute_prefixes(HashSet::from([""]))
            .url_schemes(schemes.into_iter().collect())
            .url_relative(ammonia::UrlRelative::PassThrough)
            .link_rel(None)
            .strip_comments(true)
            .clean(html)
            .to_string()
    }

    /// Whenever the sanitiser changes something, the finder has said what: on hostile and
    /// on harmless input, split across blocks or not.
    #[test]
    fn every_change_of_the_sanitiser_is_found() {
        let cases = [
            "<p>plain <b>bold</b> <i>it</i></p>",
            "<div>\n<p>opened in one block</p>\n\n<p>closed in another</p>\n</div>",
            "<IMG SRC=x OnError=alert(1)>",
            "<img src=x onerror=alert(1)//>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href='JAVASCRIPT:alert(1)'>x</a>",
            "<a href=\"vbscript:x\">x</a>",
            "<a title=\">\" onclick=x>y</a>",
            "<a href=x title='<b onclick=y>'>z</a>",
            "<script>document.write('<a onclick=x>')</script><b>after</b>",
            "<scr<script>ipt>alert(1)</script>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<style>@import 'x';</style><p style=\"color:red\">r</p>",
            "<table><tr><td style=\"TEXT-ALIGN: CENTER\">a</td><td style=\"text-align:center\">b</td></tr></table>",
            "<div role=region tabindex=0 aria-labelledby=h>t</div><div role=button tabindex=-1>u</div>",
            "<base href=\"https://evil.example/\"><meta http-equiv=refresh content=0><link rel=stylesheet href=x>",
            "<form action=\"https://evil.example/\"><label>Name <input name=n></label><select><option>a</select><textarea>t</textarea><button>Go</button></form>",
            "<iframe src=\"https://www.youtube.com/embed/x\"></iframe><embed src=x><object data=y>z</object>",
            "<o:p></o:p><font face=Arial>w</font><center>c</center><span class=\"MsoNormal\" lang=\"en-GB\">s</span>",
            "<p><a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener\">e</a></p>",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"logo\">",
            "<h2 id=\"x\" onclick=\"alert(1)\">H</h2>",
            "<details open><summary>S</summary>D</details>",
            "<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--><p>w</p>",
            "<plaintext><b>everything after is text",
            "<a href=\"https://example.org/a b\">sp</a><a href=\"//cdn.example/x\">pr</a><a href=\"#top\">t</a><a href=\"?q=1\">q</a>",
            "<p>unclosed <b>bold",
            "<td>stray cell</td><tr><li>item</li>",
            "<html><head><title>T</title></head><body><p>B</p></body></html>",
            "<a href=\"https://example.org/\" href=\"javascript:alert(1)\">dup</a>",
            "<img src=\"a.png\" alt=\"a\" / onerror=x>",
        ];
        for html in cases {
            let found = removals(html);
            if found.is_empty() {
                assert_eq!(clean(html), permissive(html), "a silent change of {html:?}");
            } else if found.iter().any(|r| r.why != Reason::InvalidUrl) {
                assert_ne!(clean(html), permissive(html), "{html:?}: {found:?}");
            }
        }
    }
}
