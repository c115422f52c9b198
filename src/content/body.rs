//! A rendered body: its HTML, the same for every link style, with the place of each `@/`
//! link's address, written for the page that shows it when that page is rendered.

use std::borrow::Cow;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};
use std::sync::{Arc, LazyLock, OnceLock};

use crate::photos::Photo;
use crate::urls::LinkStyle;

/// A body's HTML and its `@/` links, resolved to the site paths of their targets. Nothing
/// in it depends on the base URL or `--offline` (docs/maintainer/content.md, "Links to other content: `@/…`").
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// The HTML without the addresses of `@/` links; each link's fragment (`#program`) is
    /// in it, after the place of the address.
    html: Arc<str>,
    /// Where each `@/` link's address goes (a byte offset in `html`, in order) and the site
    /// path it leads to.
    links: Vec<(usize, String)>,
    /// Where each photo goes (a byte offset in `html`, in order), written for the page
    /// that shows it (docs/maintainer/content.md, "Photos").
    photos: Vec<(usize, Photo)>,
    /// Whether the sanitiser (html5ever) wrote the HTML: it writes `'` in an address as it
    /// is, where pulldown-cmark writes `&#x27;`.
    sanitised: bool,
    /// The hash of `html`, worked out the first time a rebuild asks (`render::inputs`) and
    /// shared by every copy of the body (the load cache keeps one), so that it is worked
    /// out once per body, not once per rebuild.
    digest: Arc<OnceLock<u64>>,
    /// The `@/` links with a `#fragment`, checked against the ids of their target pages
    /// once those are rendered (docs/maintainer/content.md, "Links to other content: `@/…`").
    fragments: Arc<[FragmentLink]>,
}

/// An `@/` link's `#fragment`: the site path of the page it leads to, the id it names
/// (percent-decoded), and the error it is if that page has no such id, located at the link.
#[derive(Clone, Debug)]
pub struct FragmentLink {
    pub target: String,
    pub id: String,
    pub error: crate::diagnostics::Diagnostic,
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        (&self.html, &self.links, &self.photos, self.sanitised)
            == (&other.html, &other.links, &other.photos, other.sanitised)
    }
}

impl Eq for Body {}

impl Hash for Body {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let digest = *self.digest.get_or_init(|| {
            let mut h = crate::types::fingerprint();
            self.html.hash(&mut h);
            h.finish()
        });
        (digest, &self.links, &self.photos, self.sanitised).hash(state);
    }
}

impl Body {
    /// A body without `@/` links.
    pub fn plain(html: String) -> Body {
        Body {
            html: html.into(),
            ..Body::default()
        }
    }

    /// The HTML as the page at site path `from` shows it: each `@/` link's address written
    /// in `style` (absolute under the base path, or relative to `from` for `--offline`)
    /// and escaped as pulldown-cmark, or the sanitiser, would have written it in its place.
    pub fn html(&self, style: &LinkStyle, from: &str) -> Cow<'_, str> {
        if self.links.is_empty() && self.photos.is_empty() {
            return Cow::Borrowed(&self.html);
        }
        let mut out = String::with_capacity(
            self.html.len() + 64 * self.links.len() + 512 * self.photos.len(),
        );
        let mut written = 0;
        let (mut links, mut photos) = (self.links.iter().peekable(), self.photos.iter().peekable());
        loop {
            let link_first = match (links.peek(), photos.peek()) {
                (None, None) => break,
                (Some((at, _)), Some((p, _))) => at <= p,
                (l, _) => l.is_some(),
            };
            if link_first {
                let Some((at, to)) = links.next() else { break };
                out.push_str(&self.html[written..*at]);
                let mut href = String::new();
                // Writing to a String cannot fail.
                let _ = pulldown_cmark_escape::escape_href(&mut href, &style.link(from, to));
                if self.sanitised {
                    // The only character references `escape_href` writes are `&amp;`, which
                    // the sanitiser writes again, and `&#x27;`, which it writes as `'`.
                    href = href.replace("&#x27;", "'");
                }
                out.push_str(&href);
                written = *at;
            } else {
                let Some((at, photo)) = photos.next() else {
                    break;
                };
                out.push_str(&self.html[written..*at]);
                photo.write(style, from, &mut out);
                written = *at;
            }
        }
        out.push_str(&self.html[written..]);
        Cow::Owned(out)
    }

    /// The body of `html`, written with [`stand_in`]`(i)` as the address of the
    /// link to `targets[i]`. A link may be written more than once (the HTML parser copies
    /// an `<a>` that other markup splits) or not at all (inside an element the sanitiser
    /// removes with its content).
    #[cfg(test)]
    pub(crate) fn from_marked(html: &str, targets: &[String], sanitised: bool) -> Body {
        Body::from_marked_with_photos(html, targets, Vec::new(), sanitised)
    }

    /// [`Body::from_marked`], with [`photo_stand_in`]`(i)` as the place of `photos[i]`.
    /// A body's first photo is loaded at once, the others when the reader reaches them.
    pub(crate) fn from_marked_with_photos(
        html: &str,
        targets: &[String],
        photos: Vec<Photo>,
        sanitised: bool,
    ) -> Body {
        let prefix = MARKER_BASE.as_str();
        let mut out = String::with_capacity(html.len());
        let mut links = Vec::new();
        let mut placed_photos: Vec<(usize, Photo)> = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find(prefix) {
            let after = &rest[start + prefix.len()..];
            let kind = after.bytes().next();
            let after = after.get(1..).unwrap_or("");
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let index = after[..digits]
                .parse::<usize>()
                .ok()
                .filter(|_| after[digits..].starts_with(MARKER_END));
            let placed = match (kind, index) {
                (Some(b'n'), Some(i)) => targets.get(i).map(|t| {
                    out.push_str(&rest[..start]);
                    links.push((out.len(), t.clone()));
                }),
                (Some(b'p'), Some(i)) => photos.get(i).map(|p| {
                    out.push_str(&rest[..start]);
                    let mut p = p.clone();
                    p.lazy = !placed_photos.is_empty();
                    placed_photos.push((out.len(), p));
                }),
                _ => None,
            };
            if placed.is_none() {
                // Not a stand-in after all: kept as it is.
                out.push_str(&rest[..start + prefix.len()]);
                rest = &rest[start + prefix.len()..];
                continue;
            }
            rest = &after[digits + MARKER_END.len()..];
        }
        out.push_str(rest);
        Body {
            html: out.into(),
            links,
            photos: placed_photos,
            sanitised,
            digest: Arc::default(),
            fragments: Arc::default(),
        }
    }

    /// The body with its `@/` links' fragments, to be checked once pages are rendered.
    pub(crate) fn with_fragments(mut self, fragments: Vec<FragmentLink>) -> Body {
        self.fragments = fragments.into();
        self
    }

    /// The `@/` links with a `#fragment`.
    pub fn fragments(&self) -> &[FragmentLink] {
        &self.fragments
    }
}

/// The stand-in written for an `@/` link's address while a body is rendered. Letters and
/// digits only, so that pulldown-cmark and the sanitiser write it unchanged and judge it
/// as they judge every resolved address: one within the site. It holds a number drawn at
/// random once per run, so no body can contain it by chance or on purpose; the HTML of a
/// body does not depend on it. The number of the link and [`MARKER_END`] follow it.
static MARKER_BASE: LazyLock<String> = LazyLock::new(|| {
    let a = RandomState::new().hash_one(0u8);
    let b = RandomState::new().hash_one(1u8);
    format!("kronika{a:016x}{b:016x}")
});

/// An `@/` link's stand-in: [`MARKER_BASE`], `n`, its number and [`MARKER_END`]; a photo's
/// has `p` in place of `n`.
static MARKER: LazyLock<String> = LazyLock::new(|| format!("{}n", *MARKER_BASE));

const MARKER_END: &str = "k";

/// The address to write for the `i`-th `@/` link of a body; see [`Body::from_marked`].
pub(crate) fn stand_in(i: usize) -> String {
    format!("{}{i}{MARKER_END}", *MARKER)
}

/// The text written in place of the `i`-th photo of a body while it is rendered: letters
/// and digits, kept as they are by pulldown-cmark and the sanitiser; see
/// [`Body::from_marked_with_photos`].
pub(crate) fn photo_stand_in(i: usize) -> String {
    format!("{}p{i}{MARKER_END}", *MARKER_BASE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BaseUrl;

    fn style(base: &str, offline: bool) -> LinkStyle {
        LinkStyle {
            base: BaseUrl::parse(base).unwrap(),
            offline,
        }
    }

    #[test]
    fn each_stand_in_becomes_the_address_for_the_page() {
        let targets = ["projekty/x/".to_string(), "aktualnosci/y/".to_string()];
        let html = format!(
            "<p><a href=\"{}#a\">x</a> <a href=\"{}\">y</a> <a href=\"{}\">z</a></p>",
            stand_in(1),
            stand_in(0),
            stand_in(1)
        );
        let body = Body::from_marked(&html, &targets, false);
        assert!(!format!("{body:?}").contains("kronika"));
        assert_eq!(
            body.html(&style("https://example.org/archiwum/", false), "a/b/"),
            "<p><a href=\"/archiwum/aktualnosci/y/#a\">x</a> <a href=\"/archiwum/projekty/x/\">y</a> \
             <a href=\"/archiwum/aktualnosci/y/\">z</a></p>"
        );
        assert_eq!(
            body.html(&style("https://example.org/", true), "a/b/"),
            "<p><a href=\"../../aktualnosci/y/index.html#a\">x</a> \
             <a href=\"../../projekty/x/index.html\">y</a> \
             <a href=\"../../aktualnosci/y/index.html\">z</a></p>"
        );
    }

    #[test]
    fn text_that_only_looks_like_a_stand_in_stays() {
        let prefix = MARKER.as_str();
        let html = format!("<p>{prefix} {prefix}7k {prefix}x kronika</p>");
        let body = Body::from_marked(&html, &["a/".to_string()], false);
        assert_eq!(body, Body::plain(html));
    }
}
