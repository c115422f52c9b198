//! Machine-readable outputs: an RSS 2.0 feed per language, `sitemap.xml` with hreflang
//! alternates, and `robots.txt`. All URLs in them are absolute.

use serde::Serialize;
use tera::{Context, Tera};

use crate::content::model::Site;
use crate::render::pages::Planned;
use crate::types::{Date, Lang};
use crate::urls::LinkStyle;

/// Items in each feed.
pub(crate) const FEED_ITEMS: usize = 20;

#[derive(Serialize)]
struct FeedItem<'a> {
    title: &'a str,
    link: String,
    summary: &'a str,
    /// The summary as HTML, which is what feed readers take `<description>` to be.
    description: String,
    /// RFC 822 date, as RSS 2.0 requires.
    pub_date: String,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<(String, String)>,
}

/// Plain text as HTML that shows it: RSS readers render `<description>` as HTML once
/// the XML is read, so the template's XML escaping alone would turn a summary's
/// `<img …>` (from a code span) back into markup (docs/maintainer/guarantees.md, "What a build guarantees").
fn text_as_html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    // Writing into a Vec cannot fail.
    let _ = tera::escape_html(text, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn rfc822(date: Date) -> String {
    date.0.strftime("%a, %d %b %Y 00:00:00 +0000").to_string()
}

/// The RSS feed of `lang`: its newest items, absolute links.
pub fn rss(site: &Site, tera: &Tera, lang: Lang, links: &LinkStyle) -> Result<String, tera::Error> {
    let idx = site.lang_index(lang);
    let items: Vec<FeedItem> = idx
        .all
        .iter()
        .take(FEED_ITEMS)
        .map(|id| {
            let e = site.entry(id);
            FeedItem {
                title: &e.title,
                link: links.absolute(&e.path),
                summary: &e.summary,
                description: text_as_html(&e.summary),
                pub_date: e.date.map(rfc822).unwrap_or_default(),
            }
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("lang", lang.as_str());
    ctx.insert("current_path", &site.urls(lang).rss());
    ctx.insert("title", site.config.title(lang));
    ctx.insert("description", &text_as_html(site.config.title(lang)));
    ctx.insert("link", &links.absolute(&site.urls(lang).home()));
    ctx.insert("self_link", &links.absolute(&site.urls(lang).rss()));
    // The newest item's date, not the clock: two builds of one input are byte-identical.
    let newest = idx
        .all
        .first()
        .and_then(|id| site.entry(id).date)
        .map(rfc822);
    ctx.insert("last_build_date", &newest);
    ctx.insert("items", &items);
    tera.render("rss.xml", &ctx)
}

/// `sitemap.xml`: every page of `pages` that belongs in it, with its `hreflang` alternates.
pub fn sitemap<'p>(
    site: &Site,
    tera: &Tera,
    pages: impl Iterator<Item = &'p Planned>,
    links: &LinkStyle,
) -> Result<String, tera::Error> {
    let urls: Vec<SitemapUrl> = pages
        .filter(|p| p.in_sitemap)
        .map(|p| SitemapUrl {
            loc: links.absolute(&p.path),
            lastmod: lastmod(site, p),
            alternates: if p.alternates.len() > 1 {
                p.alternates
                    .iter()
                    .map(|(l, path)| (l.to_string(), links.absolute(path)))
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("lang", site.config.default_language.as_str());
    ctx.insert("current_path", "sitemap.xml");
    ctx.insert("urls", &urls);
    tera.render("sitemap.xml", &ctx)
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots(links: &LinkStyle) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        links.absolute("sitemap.xml")
    )
}

fn lastmod(site: &Site, p: &Planned) -> Option<String> {
    use crate::render::pages::PageKind;
    match &p.kind {
        PageKind::Item(id) | PageKind::Page(id) => site.entry(id).date.map(|d| d.iso()),
        _ => None,
    }
}
