//! Integrity of a whole built site, checked on the demo site (the repository root) and on
//! the `basic` fixture: every internal `href`/`src` leads to a file and every `#fragment` to
//! an element id — under a sub-path and in `--offline` output read from disk; `hreflang`
//! alternates are reciprocal; the sitemap lists every indexable page and nothing else; the
//! feeds parse with a real feed parser and link to pages that exist.
//!
//! Failures are collected and reported together, each naming the page and the link.
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, Site, normalise, tree};
use scraper::{Html, Selector};

const ORIGIN: &str = "https://example.org";
const BASE_PATH: &str = "/archiwum/";

/// How the links of a build are written.
#[derive(Clone, Copy)]
enum Style {
    /// Root-relative paths under [`BASE_PATH`].
    SubPath,
    /// Paths relative to the page, naming `index.html` (`--offline`).
    Offline,
}

/// A built site read back: every HTML page parsed, keyed by its path in the output.
struct Built {
    dir: PathBuf,
    style: Style,
    pages: BTreeMap<String, Html>,
    files: BTreeSet<String>,
}

impl Built {
    fn read(dir: &Path, style: Style) -> Built {
        let mut pages = BTreeMap::new();
        let mut files = BTreeSet::new();
        for (rel, bytes) in tree(dir) {
            if rel.ends_with(".html") {
                let text = String::from_utf8(bytes).expect("pages are UTF-8");
                pages.insert(rel.clone(), Html::parse_document(&text));
            }
            files.insert(rel);
        }
        assert!(pages.len() > 10, "too few pages in {}", dir.display());
        Built {
            dir: dir.to_path_buf(),
            style,
            pages,
            files,
        }
    }

    /// The output file a link on page `from` points at, with its fragment; `None` for a
    /// link that leaves the site. `Err` says why a link is wrongly written.
    fn target(&self, from: &str, link: &str) -> Result<Option<(String, Option<String>)>, String> {
        if is_external(link) {
            return Ok(None);
        }
        let (path, fragment) = match link.split_once('#') {
            Some((p, f)) => (p, Some(f.to_string())),
            None => (link, None),
        };
        let path = decode(path.split('?').next().unwrap_or(""));
        if path.is_empty() {
            return Ok(Some((from.to_string(), fragment)));
        }
        let rel = match self.style {
            Style::SubPath => {
                let Some(rest) = path.strip_prefix(BASE_PATH) else {
                    return Err("ignores the base path".into());
                };
                folder_index(rest)
            }
            Style::Offline => {
                if path.starts_with('/') {
                    return Err("is not relative".into());
                }
                if path.ends_with('/') {
                    return Err(
                        "names a folder, which a browser reading files shows as a listing".into(),
                    );
                }
                let dir = Path::new(from).parent().unwrap_or(Path::new(""));
                normalise(&dir.join(&path)).ok_or("climbs out of the output folder")?
            }
        };
        Ok(Some((rel, fragment)))
    }

    /// The output file of an absolute URL of this site (`canonical`, `hreflang`, sitemap, feeds).
    fn file_of_url(&self, url: &str) -> Option<String> {
        let rest = url.strip_prefix(ORIGIN)?.strip_prefix(BASE_PATH)?;
        Some(folder_index(&decode(rest)))
    }

    /// Ids of the elements of a page.
    fn ids(&self, rel: &str) -> BTreeSet<String> {
        let all = Selector::parse("[id]").unwrap();
        self.pages[rel]
            .select(&all)
            .filter_map(|e| e.value().attr("id").map(str::to_string))
            .collect()
    }

    /// Every link of every page, with what is wrong with it.
    fn broken_links(&self) -> Vec<String> {
        let linking = Selector::parse("[href], [src], form[action]").unwrap();
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut broken = Vec::new();
        let mut checked = 0;
        for (rel, html) in &self.pages {
            for element in html.select(&linking) {
                let v = element.value();
                let Some(link) = v.attr("href").or(v.attr("src")).or(v.attr("action")) else {
                    continue;
                };
                // Head alternates and canonical are absolute by design; checked below.
                let (target, fragment) = match self.target(rel, link) {
                    Ok(Some(t)) => t,
                    Ok(None) => continue,
                    Err(why) => {
                        broken.push(format!("{rel}: {link} {why}"));
                        continue;
                    }
                };
                checked += 1;
                if !self.files.contains(&target) {
                    broken.push(format!("{rel}: {link} leads nowhere (no {target})"));
                    continue;
                }
                if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                    if !self.pages.contains_key(&target) {
                        continue;
                    }
                    let known = ids
                        .entry(target.clone())
                        .or_insert_with(|| self.ids(&target));
                    if !known.contains(&decode(&fragment)) {
                        broken.push(format!(
                            "{rel}: {link} has no element id={fragment:?} in {target}"
                        ));
                    }
                }
            }
        }
        assert!(checked > 100, "only {checked} links checked");
        broken
    }

    /// Each page's `hreflang` alternates must list the page itself and be listed back.
    fn one_way_alternates(&self) -> Vec<String> {
        let canonical = Selector::parse(r#"head link[rel="canonical"]"#).unwrap();
        let alternate = Selector::parse(r#"head link[rel="alternate"][hreflang]"#).unwrap();
        let alternates_of = |rel: &str| -> BTreeSet<(String, String)> {
            self.pages[rel]
                .select(&alternate)
                .map(|e| {
                    let v = e.value();
                    (
                        v.attr("hreflang").unwrap().to_string(),
                        v.attr("href").unwrap().to_string(),
                    )
                })
                .collect()
        };
        let mut wrong = Vec::new();
        let mut pairs = 0;
        for rel in self.pages.keys() {
            let alternates = alternates_of(rel);
            if alternates.is_empty() {
                continue;
            }
            let Some(own) = self.pages[rel].select(&canonical).next() else {
                wrong.push(format!(
                    "{rel}: has hreflang alternates but no canonical URL"
                ));
                continue;
            };
            let own = own.value().attr("href").unwrap().to_string();
            let lang = self.lang(rel);
            if !alternates.contains(&(lang.clone(), own.clone())) {
                wrong.push(format!(
                    "{rel}: its alternates do not list itself ({lang} {own})"
                ));
            }
            for (other_lang, href) in &alternates {
                if *href == own {
                    continue;
                }
                let Some(other) = self
                    .file_of_url(href)
                    .filter(|f| self.pages.contains_key(f))
                else {
                    wrong.push(format!("{rel}: hreflang={other_lang} {href} leads nowhere"));
                    continue;
                };
                if other_lang == "x-default" {
                    continue;
                }
                pairs += 1;
                if self.lang(&other) != *other_lang {
                    wrong.push(format!(
                        "{rel}: hreflang={other_lang} {href} is a page in {}",
                        self.lang(&other)
                    ));
                }
                if !alternates_of(&other).contains(&(lang.clone(), own.clone())) {
                    wrong.push(format!(
                        "{rel}: {href} does not link back with hreflang={lang}"
                    ));
                }
            }
        }
        assert!(pairs > 10, "only {pairs} hreflang pairs seen");
        wrong
    }

    fn lang(&self, rel: &str) -> String {
        let html = Selector::parse("html").unwrap();
        self.pages[rel]
            .select(&html)
            .next()
            .and_then(|e| e.value().attr("lang"))
            .unwrap_or_default()
            .to_string()
    }

    /// Pages a search engine may index: every page without `noindex`.
    fn indexable(&self) -> BTreeSet<String> {
        let noindex = Selector::parse(r#"meta[name="robots"][content~="noindex"]"#).unwrap();
        self.pages
            .iter()
            .filter(|(_, html)| html.select(&noindex).next().is_none())
            .map(|(rel, _)| rel.clone())
            .collect()
    }

    fn read_text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

fn is_external(link: &str) -> bool {
    link.starts_with("//")
        || link
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.is_empty())
}

fn folder_index(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .expect("percent-encoded UTF-8")
        .into_owned()
}

/// Builds the demo site (the repository root) into a temporary folder.
fn build_demo(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let run = Run::from(
        Command::new(env!("CARGO_BIN_EXE_kronika"))
            .args([
                "build",
                "--quiet",
                "--root",
                env!("CARGO_MANIFEST_DIR"),
                "--output",
            ])
            .arg(&out)
            .args(["--base-url", &format!("{ORIGIN}{BASE_PATH}")])
            .args(args)
            .env("LANG", "C")
            .output()
            .expect("kronika runs"),
    );
    run.assert_ok();
    (tmp, out)
}

fn assert_none(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{what}:\n  {}", problems.join("\n  "));
}

/// All checks that hold for any build.
fn check(built: &Built) {
    assert_none("broken links", built.broken_links());
    assert_none("one-way hreflang alternates", built.one_way_alternates());
    check_sitemap(built);
    check_feeds(built);
}

fn check_sitemap(built: &Built) {
    let text = built.read_text("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap.xml is well-formed XML");
    let mut listed = BTreeSet::new();
    let mut problems = Vec::new();
    for loc in doc.descendants().filter(|n| n.has_tag_name("loc")) {
        let url = loc.text().unwrap_or_default();
        match built.file_of_url(url) {
            Some(file) if built.pages.contains_key(&file) => {
                if !listed.insert(file) {
                    problems.push(format!("{url} is listed twice"));
                }
            }
            _ => problems.push(format!("{url} is listed but no such page was built")),
        }
    }
    for missing in built.indexable().difference(&listed) {
        problems.push(format!(
            "{missing} is an indexable page missing from the sitemap"
        ));
    }
    for extra in listed.difference(&built.indexable()) {
        problems.push(format!("{extra} is listed although it is marked noindex"));
    }
    assert_none("sitemap.xml", problems);
}

fn check_feeds(built: &Built) {
    let feeds: Vec<&String> = built
        .files
        .iter()
        .filter(|f| f.ends_with("rss.xml"))
        .collect();
    assert!(feeds.len() >= 2, "a feed per language: {feeds:?}");
    for rel in feeds {
        let feed = feed_rs::parser::parse(built.read_text(rel).as_bytes())
            .unwrap_or_else(|e| panic!("{rel} does not parse as a feed: {e}"));
        assert!(feed.title.is_some(), "{rel} has no title");
        assert!(!feed.entries.is_empty(), "{rel} has no entries");
        for entry in &feed.entries {
            let title = entry
                .title
                .as_ref()
                .map(|t| t.content.clone())
                .unwrap_or_default();
            assert!(!title.is_empty(), "{rel}: an entry without a title");
            assert!(entry.published.is_some(), "{rel}: {title} has no date");
            let link = &entry
                .links
                .first()
                .unwrap_or_else(|| panic!("{rel}: {title} has no link"))
                .href;
            let file = built.file_of_url(link);
            assert!(
                file.is_some_and(|f| built.pages.contains_key(&f)),
                "{rel}: {title} links to {link}, which was not built"
            );
        }
    }
}

#[test]
fn demo_site_under_a_sub_path_holds_together() {
    let (_tmp, out) = build_demo(&[]);
    check(&Built::read(&out, Style::SubPath));
}

#[test]
fn demo_site_offline_holds_together_from_disk() {
    let (_tmp, out) = build_demo(&["--offline"]);
    check(&Built::read(&out, Style::Offline));
}

#[test]
fn fixture_site_holds_together_both_ways() {
    let site = Site::built("basic");
    check(&Built::read(&site.path("public"), Style::SubPath));
    let offline = Site::fixture("basic");
    offline.build(&["--offline"]).assert_ok();
    check(&Built::read(&offline.path("public"), Style::Offline));
}

#[test]
fn the_checker_sees_a_broken_fragment_and_a_missing_page() {
    let site = Site::built("basic");
    let out = site.path("public");
    let page = out.join("o-serwisie/index.html");
    let html = std::fs::read_to_string(&page).unwrap().replace(
        "</main>",
        r##"<a href="/archiwum/aktualnosci/#nie-ma">x</a><a href="/archiwum/nie-ma/">y</a></main>"##,
    );
    std::fs::write(&page, html).unwrap();
    let broken = Built::read(&out, Style::SubPath).broken_links();
    assert!(
        broken
            .iter()
            .any(|b| b.contains("#nie-ma") && b.contains("no element id")),
        "{broken:?}"
    );
    assert!(
        broken
            .iter()
            .any(|b| b.contains("/archiwum/nie-ma/ leads nowhere")),
        "{broken:?}"
    );
}
