//! The URL table (docs/maintainer/pages.md, "URLs"), in one place: site paths per language and link writing.
//!
//! A *site path* is relative to the site root, without a leading slash, and ends in `/` for a
//! pretty URL (`aktualnosci/strona/2/`) or names a file (`rss.xml`). The home page is `""`.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::config::BaseUrl;
use crate::i18n::I18n;
use crate::types::{Lang, Slug};

/// The URL segments of one language (from its `url-*` messages).
#[derive(Clone, Debug)]
pub struct Urls {
    /// `""` for the default language, `"en/"` for others.
    prefix: String,
    news: String,
    page: String,
    archive: String,
    projects: String,
    tags: String,
    stats: String,
    search: String,
    accessibility: String,
    instructions: String,
}

impl Urls {
    pub fn new(lang: Lang, default: Lang, i18n: &I18n) -> Urls {
        let seg = |id: &str| {
            let raw = i18n.get(lang, id, None);
            Slug::from_text(&raw).map_or_else(
                || id.trim_start_matches("url-").to_string(),
                |s| s.to_string(),
            )
        };
        Urls {
            prefix: if lang == default {
                String::new()
            } else {
                format!("{lang}/")
            },
            news: seg("url-news"),
            page: seg("url-page"),
            archive: seg("url-archive"),
            projects: seg("url-projects"),
            tags: seg("url-tags"),
            stats: seg("url-stats"),
            search: seg("url-search"),
            accessibility: seg("url-accessibility"),
            instructions: seg("url-instructions"),
        }
    }

    pub fn home(&self) -> String {
        self.prefix.clone()
    }

    /// Page `n` (1-based) of a paginated list whose first page is at `first`.
    pub fn paginated(&self, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else {
            format!("{first}{}/{n}/", self.page)
        }
    }

    pub fn news(&self) -> String {
        format!("{}{}/", self.prefix, self.news)
    }

    pub fn news_item(&self, slug: &Slug) -> String {
        format!("{}{}/{slug}/", self.prefix, self.news)
    }

    pub fn archive(&self) -> String {
        format!("{}{}/", self.prefix, self.archive)
    }

    pub fn archive_year(&self, year: i16) -> String {
        format!("{}{}/{year}/", self.prefix, self.archive)
    }

    pub fn projects(&self) -> String {
        format!("{}{}/", self.prefix, self.projects)
    }

    pub fn project(&self, id: &Slug) -> String {
        format!("{}{}/{id}/", self.prefix, self.projects)
    }

    pub fn tags(&self) -> String {
        format!("{}{}/", self.prefix, self.tags)
    }

    pub fn tag(&self, slug: &Slug) -> String {
        format!("{}{}/{slug}/", self.prefix, self.tags)
    }

    pub fn page(&self, slug: &Slug) -> String {
        format!("{}{slug}/", self.prefix)
    }

    pub fn stats(&self) -> String {
        format!("{}{}/", self.prefix, self.stats)
    }

    /// The statistics page of project `id`.
    pub fn project_stats(&self, id: &Slug) -> String {
        format!("{}{}/{id}/", self.prefix, self.stats)
    }

    /// All statistics of the language as one JSON file, beside the statistics page
    /// (`statystyki/statystyki.json`, `en/stats/stats.json`).
    pub fn stats_json(&self) -> String {
        format!("{}{}/{}.json", self.prefix, self.stats, self.stats)
    }

    pub fn search(&self) -> String {
        format!("{}{}/", self.prefix, self.search)
    }

    /// The accessibility statement made from `accessibility:` (docs/maintainer/pages.md, "BIP pages").
    pub fn accessibility(&self) -> String {
        format!("{}{}/", self.prefix, self.accessibility)
    }

    /// The usage instructions page (docs/maintainer/pages.md, "BIP pages"); a site's page there replaces it.
    pub fn instructions(&self) -> String {
        format!("{}{}/", self.prefix, self.instructions)
    }

    pub fn rss(&self) -> String {
        format!("{}rss.xml", self.prefix)
    }

    /// The first segments this language's section pages claim, which standalone pages must not take.
    pub fn reserved(&self) -> [&str; 6] {
        [
            &self.news,
            &self.archive,
            &self.projects,
            &self.tags,
            &self.stats,
            &self.search,
        ]
    }
}

/// How links are written into HTML: absolute paths under the base path, or relative for `--offline`.
#[derive(Clone, Debug)]
pub struct LinkStyle {
    pub base: BaseUrl,
    pub offline: bool,
}

impl LinkStyle {
    /// The `href` that leads from the page at `from` to the site path `to`. `to` is a
    /// path, not a URL: every character that a URL gives a meaning (`#`, `?`, `%`) or does
    /// not allow (a space, `ł`) is percent-encoded, so an attachment `raport #2.pdf` is
    /// linked as `raport%20%232.pdf` and its file keeps its name.
    pub fn link(&self, from: &str, to: &str) -> String {
        self.link_to_fragment(from, to, "")
    }

    /// [`LinkStyle::link`] followed by `fragment` (`#program`, or empty), written as given.
    pub fn link_to_fragment(&self, from: &str, to: &str, fragment: &str) -> String {
        let to_path = encode_path(to);
        if !self.offline {
            // Not `format!`, which took half of this function's time: every link of every
            // page comes here.
            return [self.base.path.as_str(), &to_path, fragment].concat();
        }
        let depth = from.matches('/').count();
        let mut out = "../".repeat(depth);
        out.push_str(&to_path);
        if out.is_empty() || out.ends_with('/') {
            out.push_str("index.html");
        }
        out.push_str(fragment);
        out
    }

    /// The absolute URL of a site path (feeds, sitemap, `hreflang`, canonical links),
    /// percent-encoded as [`LinkStyle::link`] does.
    pub fn absolute(&self, to: &str) -> String {
        self.base.absolute(&encode_path(to))
    }
}

/// Whether no site may generate the site path `path`: a segment starting with `.` (`.git/`,
/// kronika's marker `.kronika-output`, its staging folder, `.htaccess`, `..`) belongs to
/// tools, hosts and kronika itself. The one exception is a leading `.well-known/` (RFC 8615),
/// which hosts and certificate authorities read from the site.
pub fn is_reserved(path: &str) -> bool {
    let path = path.strip_prefix('/').unwrap_or(path);
    let rest = path.strip_prefix(".well-known/").unwrap_or(path);
    rest.split('/').any(|s| s.starts_with('.'))
}

/// The folders on the way to an output file: `a/b/c.html` → `a`, `a/b`.
pub fn folders_on_the_way(file: &str) -> impl Iterator<Item = &str> {
    file.match_indices('/').map(|(i, _)| &file[..i])
}

/// What stays as it is in a path segment: letters, digits, `-._~` and the sub-delimiters of
/// RFC 3986 that carry no meaning in a path. `:` is encoded too, so that a relative link
/// (`--offline`) never reads as a scheme.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b'@');

/// What stays as it is in a path: [`SEGMENT`]'s characters and the `/` between segments.
const PATH: &AsciiSet = &SEGMENT.remove(b'/');

/// A site path as the path of a URL, each segment percent-encoded; borrowed when nothing
/// needs encoding, as in most paths (a path encoded segment by segment, each into a string
/// of its own, was 4 % of a build's instructions).
fn encode_path(path: &str) -> Cow<'_, str> {
    utf8_percent_encode(path, PATH).into()
}

/// The output file a site path is written to (`aktualnosci/x/` → `aktualnosci/x/index.html`).
pub fn output_file(site_path: &str) -> String {
    if site_path.is_empty() || site_path.ends_with('/') {
        format!("{site_path}index.html")
    } else {
        site_path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(offline: bool) -> LinkStyle {
        LinkStyle {
            base: BaseUrl::parse("https://example.org/archiwum/").unwrap(),
            offline,
        }
    }

    #[test]
    fn links_honour_the_base_path() {
        assert_eq!(
            style(false).link("en/news/", "aktualnosci/x/"),
            "/archiwum/aktualnosci/x/"
        );
        assert_eq!(style(false).link("", ""), "/archiwum/");
    }

    #[test]
    fn offline_links_are_relative_and_name_index_html() {
        let s = style(true);
        assert_eq!(
            s.link("en/news/x/", "aktualnosci/"),
            "../../../aktualnosci/index.html"
        );
        assert_eq!(s.link("", ""), "index.html");
        assert_eq!(s.link("", "en/rss.xml"), "en/rss.xml");
        assert_eq!(s.link_to_fragment("a/", "b/", "#x"), "../b/index.html#x");
    }

    #[test]
    fn paths_are_percent_encoded_per_segment() {
        for offline in [false, true] {
            let s = style(offline);
            let prefix = if offline { "" } else { "/archiwum/" };
            for (path, href) in [
                ("a/raport #2.pdf", "a/raport%20%232.pdf"),
                ("a/co?.pdf", "a/co%3F.pdf"),
                ("a/100%.pdf", "a/100%25.pdf"),
                ("a/łódź.pdf", "a/%C5%82%C3%B3d%C5%BA.pdf"),
                ("a/a&b (1).pdf", "a/a&b%20(1).pdf"),
                ("a/x:y\\\"<'.pdf", "a/x%3Ay%5C%22%3C%27.pdf"),
            ] {
                assert_eq!(s.link("", path), format!("{prefix}{href}"));
            }
        }
        assert_eq!(
            style(false).absolute("a/raport #2.pdf"),
            "https://example.org/archiwum/a/raport%20%232.pdf"
        );
    }
}
