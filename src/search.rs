//! The search index (docs/maintainer/pages.md "Search"): Pagefind's index of news items, standalone pages
//! and project cards, fed from the model in process, written under `pagefind/` as planned
//! outputs of the build. The records come from the model before rendering; the index is
//! made while the pages render, and its files then join the plan.
//!
//! Each record is what a reader of the page reads as its article: the title and the plain
//! text of the body, never the navigation, the footer or the metryczka. Lists, tags and the
//! archive are not indexed, so a search finds the article rather than every list it is on.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::content::model::{Entry, Site};
use crate::diagnostics::Diagnostic;
use crate::html::{Kind, Scanner};
use crate::msg;
use crate::types::{Lang, Translated};

/// The folder of the bundle in the output; the theme's `search.js` loads
/// `pagefind/pagefind.js` from it.
pub const FOLDER: &str = "pagefind";

/// The files of the search bundle: path in the output (`pagefind/…`) and bytes, sorted by
/// path.
#[derive(Debug, Default)]
pub struct Bundle {
    pub files: Vec<(String, Vec<u8>)>,
}

/// One searchable page, as Pagefind receives it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Record {
    /// `/` and the page's site path; Pagefind's script puts the base path in front, since
    /// it finds the bundle under it.
    pub url: String,
    pub lang: Lang,
    /// `title`, `date` (ISO) and `folded`.
    pub meta: BTreeMap<String, String>,
    /// The plain text of the article.
    pub text: String,
    /// `project`, `tag`, `year`, `status`: the values readers choose from.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// What the pages of `site` give the index: each news item and standalone page in its
/// language, and each project's card in every language.
pub fn records(site: &Site) -> Vec<Record> {
    let entries: Vec<&Entry> = site.entries.values().collect();
    let mut out: Vec<Record> = entries
        .par_iter()
        .map(|entry| entry_record(site, entry))
        .collect();
    let default = site.config.default_language;
    for &lang in &site.config.languages {
        for project in site.projects.values() {
            let title = translated(&project.data.title, lang, default);
            let d = &project.data;
            let mut parts: Vec<String> = Vec::new();
            parts.extend(d.full_title.as_ref().map(|t| translated(t, lang, default)));
            parts.extend(d.implementer.as_ref().map(|t| translated(t, lang, default)));
            parts.extend(
                [&d.fund, &d.programme]
                    .into_iter()
                    .filter_map(|v| v.as_ref().map(|t| translated(t, lang, default))),
            );
            let mut filters = BTreeMap::new();
            filters.insert("project".to_string(), vec![title.clone()]);
            out.push(record(
                format!("/{}", site.urls(lang).project(&project.id)),
                lang,
                title,
                None,
                parts.join("\n"),
                filters,
            ));
        }
    }
    out
}

fn entry_record(site: &Site, e: &Entry) -> Record {
    let mut filters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let default = site.config.default_language;
    let projects: Vec<String> = e
        .projects
        .iter()
        .map(|p| translated(&site.project(p).data.title, e.lang, default))
        .collect();
    let tags: Vec<String> = e.tags.iter().map(|t| site.tag(t).name.clone()).collect();
    for (key, values) in [("project", projects), ("tag", tags)] {
        if !values.is_empty() {
            filters.insert(key.to_string(), values);
        }
    }
    if let Some(date) = e.date {
        filters.insert("year".to_string(), vec![date.year().to_string()]);
    }
    if e.kind == crate::content::model::Kind::News {
        let status = if e.archived {
            "search-status-archived"
        } else {
            "search-status-current"
        };
        filters.insert(
            "status".to_string(),
            vec![site.i18n.get(e.lang, status, None)],
        );
    }
    // The body as the page shows it; its links do not matter to the text.
    let links = crate::urls::LinkStyle {
        base: site.config.base_url.clone(),
        offline: false,
    };
    let text = plain_text(&e.body.html(&links, &e.path));
    record(
        format!("/{}", e.path),
        e.lang,
        e.title.clone(),
        e.date,
        text,
        filters,
    )
}

fn record(
    url: String,
    lang: Lang,
    title: String,
    date: Option<crate::types::Date>,
    text: String,
    filters: BTreeMap<String, Vec<String>>,
) -> Record {
    let mut meta = BTreeMap::new();
    // Only the ISO date: every meta field is searchable, and the Polish stemmer would let
    // a query match the `r.` of „15 lutego 2012 r.”. The search page writes the date in
    // the page language (`date-long`).
    if let Some(date) = date {
        meta.insert("date".to_string(), date.iso());
    }
    let folded = folded_words([title.as_str(), text.as_str()]);
    if !folded.is_empty() {
        meta.insert("folded".to_string(), folded);
    }
    meta.insert("title".to_string(), title);
    Record {
        url,
        lang,
        meta,
        text,
        filters,
    }
}

fn translated(t: &Translated<String>, lang: Lang, default: Lang) -> String {
    t.get(lang, default)
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// The text a reader reads in `html`: tags dropped (a space where a block ends, so that
/// words of two paragraphs stay apart), character references decoded, and the content of
/// `script`, `style` and `template` left out.
pub fn plain_text(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
        "var",
    ];
    let mut out = String::with_capacity(html.len());
    let mut in_template = false;
    let hidden = |element: &str| {
        ["script", "style"]
            .iter()
            .any(|n| element.eq_ignore_ascii_case(n))
    };
    for token in Scanner::new(html) {
        match token.kind {
            Kind::Text if !in_template => {
                out.push_str(&html_escape::decode_html_entities(token.source));
            }
            Kind::RawText { element } if !in_template && !hidden(element) => {
                out.push_str(token.source);
            }
            Kind::StartTag(tag) | Kind::EndTag(tag) => {
                if tag.is("template") {
                    in_template = matches!(token.kind, Kind::StartTag(_));
                }
                if !INLINE.iter().any(|n| tag.is(n)) {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    // One space between words: the index reads words, the excerpt shows this text.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The words of `texts` that hold a letter which Unicode does not decompose into a base
/// letter and a mark (`ł`, `Ł`), written with the base letter (`Włocławku` → `Wlocławku`),
/// each once, in order of first appearance. Pagefind folds the other Polish letters
/// (`ą` → `a`) itself, so these are the only forms a reader typing without Polish letters
/// would otherwise miss (docs/maintainer/pages.md "Search").
pub fn folded_words<'t>(texts: impl IntoIterator<Item = &'t str>) -> String {
    let mut seen = BTreeSet::new();
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        for word in text.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.contains(['ł', 'Ł']) {
                continue;
            }
            let folded = fold(word);
            if seen.insert(folded.to_lowercase()) {
                out.push(folded);
            }
        }
    }
    out.join(" ")
}

/// `word` with the letters Unicode does not decompose written with their base letter.
fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'ł' => 'l',
            'Ł' => 'L',
            c => c,
        })
        .collect()
}

/// The records summed up in one number: an index made from records with the same number
/// has the same files (a rebuild keeps them, `rebuild`).
pub fn sum(records: &[Record]) -> u64 {
    let mut h = crate::types::fingerprint();
    records.hash(&mut h);
    h.finish()
}

/// Builds the index of `records` in process and returns the bundle's files: one Pagefind
/// index per language, each on a thread of its own, merged into one bundle.
///
/// Pagefind's API indexes the records it is given one at a time, under one lock, and
/// compares each new URL with every one before it: a single index of both languages of
/// the 10 000-item corpus keeps one core busy for about 12 s after the pages are
/// rendered, which made the whole build. The languages' files are disjoint (each has its
/// own metadata, fragments, filters and word chunks, named by their hashes), and the
/// entry file lists each language with its own hash: merging them gives the same bundle
/// as one index of all records (docs/dev/performance.md, "Search").
pub fn index(records: &[Record]) -> Result<Bundle, Diagnostic> {
    let failed = |e: &dyn std::fmt::Display| {
        Diagnostic::error(FOLDER, msg!("search-index-failed", reason = e.to_string()))
    };
    let mut by_lang: BTreeMap<Lang, Vec<&Record>> = BTreeMap::new();
    for r in records {
        by_lang.entry(r.lang).or_default().push(r);
    }
    // The language with the most records is the build's critical path: Pagefind takes its
    // records one at a time, then builds its index. The others start once it has given
    // its records, so that it shares the cores only with the pages while it does
    // (docs/dev/performance.md, "Search").
    let first = by_lang.values().map(Vec::len).max().unwrap_or(0);
    let gate = Gate::default();
    let parts: Vec<Result<Files, String>> = std::thread::scope(|s| {
        let mut opened = false;
        let threads: Vec<_> = by_lang
            .values()
            .map(|records| {
                let leads = !opened && records.len() == first;
                opened |= leads;
                let gate = &gate;
                s.spawn(move || {
                    if leads {
                        let _open = gate.opener();
                        index_of(records, &|| gate.open())
                    } else {
                        gate.wait();
                        index_of(records, &|| {})
                    }
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|t| {
                t.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut entry: Option<EntryFile> = None;
    for part in parts {
        for (name, bytes) in part.map_err(|e| failed(&e))? {
            if name == ENTRY {
                let more: EntryFile = serde_json::from_slice(&bytes).map_err(|e| failed(&e))?;
                match &mut entry {
                    Some(entry) => entry.languages.extend(more.languages),
                    None => entry = Some(more),
                }
            } else if let Some(same) = files.insert(name.clone(), bytes) {
                // Files of both indexes are Pagefind's own scripts, the same bytes in both.
                if files[&name] != same {
                    return Err(failed(&format!("two indexes made different {name}")));
                }
            }
        }
    }
    if let Some(entry) = entry {
        let bytes = serde_json::to_vec(&entry).map_err(|e| failed(&e))?;
        files.insert(ENTRY.to_string(), bytes);
    }
    Ok(Bundle {
        files: files
            .into_iter()
            .map(|(name, bytes)| (format!("{FOLDER}/{name}"), bytes))
            .collect(),
    })
}

/// Files of Pagefind's output by their names in the bundle, with their bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The file that lists the bundle's languages, which the search script reads first.
const ENTRY: &str = "pagefind-entry.json";

/// Pagefind's entry file, its fields in Pagefind's order, so that a merged bundle has the
/// bytes one index would have written.
#[derive(serde::Deserialize, serde::Serialize)]
struct EntryFile {
    version: String,
    languages: BTreeMap<String, EntryLanguage>,
    include_characters: Vec<char>,
}

#[derive(serde::Deserialize, serde::Serialize)]
struct EntryLanguage {
    hash: String,
    wasm: Option<String>,
    page_count: usize,
}

/// A gate the other languages' indexes wait at until the first has given its records.
#[derive(Default)]
struct Gate {
    open: std::sync::Mutex<bool>,
    opened: std::sync::Condvar,
}

impl Gate {
    fn open(&self) {
        *self.open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.opened.notify_all();
    }

    fn wait(&self) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        while !*open {
            open = self.opened.wait(open).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Opens the gate when dropped, whatever happened before.
    fn opener(&self) -> impl Drop + '_ {
        struct Opener<'g>(&'g Gate);
        impl Drop for Opener<'_> {
            fn drop(&mut self) {
                self.0.open();
            }
        }
        Opener(self)
    }
}

/// The index of `records` (of one language), calling `given` once they are all given.
/// Pagefind builds the index through Rayon: on a pool of this language's own (two
/// threads, the second helping the build), not on the pool that renders the pages, where
/// its jobs would wait behind every page. Not a pool shared by the languages either: a
/// thread waiting inside one language's Tokio runtime could take up another language's
/// whole work and start a runtime inside the runtime.
fn index_of(records: &[&Record], given: &(dyn Fn() + Sync)) -> Result<Files, String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .thread_name(|i| format!("search-{i}"))
        .build()
        .map_err(|e| e.to_string())?;
    pool.install(|| index_in_pool(records, given))
}

/// The index of `records`: Pagefind's service API on a runtime of one thread (its
/// blocking pool does the indexing), returning the files the theme uses, by their names
/// in the bundle.
fn index_in_pool(records: &[&Record], given: &(dyn Fn() + Sync)) -> Result<Files, String> {
    let mut phases = crate::timings::Phases::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|e| e.to_string())?;
    let files = runtime.block_on(async {
        let config = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(config))?;
        for r in records {
            index
                .add_custom_record(
                    r.url.clone(),
                    r.text.clone(),
                    r.lang.to_string(),
                    Some(r.meta.clone()),
                    Some(r.filters.clone()),
                    None,
                )
                .await?;
        }
        phases.lap(&format!(
            "search: {} records given to Pagefind",
            records.len()
        ));
        given();
        let files = index.get_files().await;
        phases.lap("search: index built and compressed");
        files
    });
    Ok(files
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|f| wanted(&f.filename))
        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
        .collect())
}

/// The files of Pagefind's output that the theme's search page uses: the search API
/// (`pagefind.js`, its worker), the index, and the WebAssembly of the indexed languages.
/// Pagefind's own ready-made interfaces are left out: the theme has its own page.
fn wanted(name: &std::path::Path) -> bool {
    let name = name.to_string_lossy();
    !(name.starts_with("pagefind-ui")
        || name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name.starts_with("pagefind-highlight"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_words_apart_and_drops_markup() {
        let html = "<h2 id=\"x\">Wyniki</h2><p>Ala <strong>ma</strong> kota&nbsp;i&amp;psa.</p>\
                    <ul><li>jeden</li><li>dwa</li></ul><script>var x = 1;</script>";
        assert_eq!(plain_text(html), "Wyniki Ala ma kota i&psa. jeden dwa");
    }

    /// The languages' indexes, made apart, make one bundle: one entry file naming each
    /// language with its own pages, and each language's files.
    #[test]
    fn the_indexes_of_the_languages_are_merged_into_one_bundle() {
        let pl = Lang::parse("pl").unwrap();
        let en = Lang::parse("en").unwrap();
        let rec = |url: &str, lang, text: &str| {
            record(
                url.to_string(),
                lang,
                "Tytuł".to_string(),
                None,
                text.to_string(),
                BTreeMap::new(),
            )
        };
        let bundle = index(&[
            rec("/a/", pl, "Spotkanie we Włocławku"),
            rec("/en/a/", en, "A meeting in Włocławek"),
            rec("/b/", pl, "Aktywność zawodowa"),
        ])
        .unwrap();
        let file = |name: &str| {
            bundle
                .files
                .iter()
                .find(|(n, _)| n == &format!("{FOLDER}/{name}"))
                .map(|(_, bytes)| bytes)
        };
        let entry: serde_json::Value =
            serde_json::from_slice(file(ENTRY).expect("the entry file")).unwrap();
        assert_eq!(entry["languages"]["pl"]["page_count"], 2);
        assert_eq!(entry["languages"]["en"]["page_count"], 1);
        for lang in ["pl", "en"] {
            let hash = entry["languages"][lang]["hash"].as_str().unwrap();
            assert!(
                file(&format!("pagefind.{hash}.pf_meta")).is_some(),
                "{lang}"
            );
            assert!(file(&format!("wasm.{lang}.pagefind")).is_some(), "{lang}");
        }
        let names: Vec<&String> = bundle.files.iter().map(|(n, _)| n).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
    }

    #[test]
    fn only_words_with_l_stroke_are_folded_once() {
        assert_eq!(
            folded_words(["Spotkanie we Włocławku i w Łodzi", "we włocławku, Łódź"]),
            "Wloclawku Lodzi Lódź"
        );
        assert_eq!(folded_words(["zażółć gęślą jaźń"]), "zażólć");
        assert_eq!(folded_words(["gęślą jaźń"]), "");
    }
}
