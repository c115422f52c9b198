//! Search (docs/maintainer/pages.md "Search"): the fixture site `tests/fixtures/search` built with its index,
//! then queried for real in headless Chromium through the theme's search page
//! (`tests/quality/search.mjs`), as a reader does: Polish inflection and queries typed
//! without Polish letters, languages kept apart, navigation text not found, filters. Also
//! what a build writes with search on, off (`search: false`, `--no-search`) and
//! `--offline`.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use common::{Run, Site, tree};
use serde_json::{Value, json};

const BASE_URL: &str = "https://example.org/bip/";
const BASE_PATH: &str = "/bip/";
const CHROMIUM: &str = "/usr/bin/chromium";

fn quality(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/quality")
        .join(rel)
}

/// Whether Node, playwright-core and Chromium are there; otherwise the test is skipped
/// with a note, or fails under `KRONIKA_REQUIRE_TOOLS=1` (docs/dev/testing.md "Quality").
fn browser_ready(test: &str) -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing = [
        (!node, "node (apt-get install nodejs npm)"),
        (
            !quality("node_modules/playwright-core").exists(),
            "tests/quality/node_modules/playwright-core (cd tests/quality && npm ci)",
        ),
        (
            !Path::new(CHROMIUM).exists(),
            "/usr/bin/chromium (apt-get install chromium)",
        ),
    ]
    .into_iter()
    .find(|(m, _)| *m);
    let Some((_, what)) = missing else {
        return true;
    };
    let why = format!("{test} needs {what}");
    if std::env::var("KRONIKA_REQUIRE_TOOLS").as_deref() == Ok("1") {
        panic!("{why}; KRONIKA_REQUIRE_TOOLS=1 does not allow skipping");
    }
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
    false
}

/// What the search page at `page` shows for `query`: the status line and the site paths
/// of the results, in order.
#[derive(Debug)]
struct Shown {
    status: String,
    results: Vec<String>,
    /// The text of each result: title, date, excerpt.
    texts: Vec<String>,
    filters: BTreeMap<String, Vec<String>>,
}

/// Runs every case (`(page, query)`) in one browser session.
fn search(out: &Path, cases: &[(&str, Value)]) -> Vec<Shown> {
    let list: Vec<Value> = cases
        .iter()
        .map(|(page, query)| json!({"page": page, "query": query}))
        .collect();
    let file = out.join("cases.json");
    std::fs::write(&file, serde_json::to_vec(&list).unwrap()).unwrap();
    let run = Run::from(
        Command::new("node")
            .arg(quality("search.mjs"))
            .arg(out.join("public"))
            .arg(BASE_PATH)
            .arg(&file)
            .output()
            .expect("node runs"),
    );
    assert_eq!(
        run.code, 0,
        "search.mjs failed:\n{}{}",
        run.stdout, run.stderr
    );
    let shown: Vec<Value> = serde_json::from_str(&run.stdout).expect("JSON from search.mjs");
    shown
        .into_iter()
        .map(|c| Shown {
            status: c["status"].as_str().unwrap().to_string(),
            results: c["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    r.as_str()
                        .unwrap()
                        .trim_start_matches(BASE_PATH)
                        .to_string()
                })
                .collect(),
            texts: serde_json::from_value(c["texts"].clone()).unwrap(),
            filters: serde_json::from_value(c["filters"].clone()).unwrap(),
        })
        .collect()
}

fn built() -> Site {
    let site = Site::fixture("search");
    site.build(&["--base-url", BASE_URL]).assert_ok();
    site
}

const KLUB: &str = "aktualnosci/2012-02-15-klub/";
const SPOTKANIE: &str = "aktualnosci/2013-05-01-spotkanie/";
const WIZYTA: &str = "aktualnosci/2014-03-10-wizyta/";
const ZNACZNIKI: &str = "aktualnosci/2012-03-01-znaczniki/";
const PORA: &str = "projekty/pora/";
const WLOCLAWEK: &str = "projekty/wloclawek/";
const EN_SPOTKANIE: &str = "en/news/2013-05-01-spotkanie/";
const EN_WLOCLAWEK: &str = "en/projects/wloclawek/";
const EN_HARBOUR: &str = "en/news/2014-04-01-harbour/";

#[test]
fn the_index_finds_what_readers_type_in_their_language() {
    if !browser_ready("the_index_finds_what_readers_type_in_their_language") {
        return;
    }
    let site = built();
    let pl = "szukaj/";
    let en = "en/search/";
    #[rustfmt::skip]
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        // Inflection: the stem of „aktywność” finds „aktywności” and „aktywnością”.
        (pl, json!({"q": "aktywność"}), vec![PORA, KLUB, WIZYTA]),
        (pl, json!({"q": "aktywnosc"}), vec![PORA, KLUB, WIZYTA]),
        // Without Polish letters, `ł` included.
        (pl, json!({"q": "wloclawku"}), vec![SPOTKANIE, WLOCLAWEK]),
        (pl, json!({"q": "Włocławku"}), vec![SPOTKANIE, WLOCLAWEK]),
        (pl, json!({"q": "lodz"}), vec![WIZYTA]),
        (pl, json!({"q": "odbyla"}), vec![SPOTKANIE]),
        // Each language searches its own pages: the English news says „Włocławek” too.
        (en, json!({"q": "Włocławek"}), vec![EN_WLOCLAWEK, EN_SPOTKANIE]),
        (en, json!({"q": "wloclawek"}), vec![EN_WLOCLAWEK, EN_SPOTKANIE]),
        (pl, json!({"q": "harbour"}), vec![]),
        (en, json!({"q": "harbour"}), vec![EN_HARBOUR]),
        // Filters, with and without a query.
        (pl, json!({"q": "aktywność", "year": "2014"}), vec![WIZYTA]),
        (pl, json!({"q": "aktywność", "project": "Pora na aktywność"}), vec![KLUB, PORA]),
        (pl, json!({"tag": "konferencja"}), vec![WIZYTA, SPOTKANIE]),
        (pl, json!({"status": "archiwalne"}), vec![SPOTKANIE]),
        (en, json!({"status": "archived"}), vec![EN_SPOTKANIE]),
        (pl, json!({"tag": "EFS", "status": "bieżące"}), vec![WIZYTA, KLUB]),
        // The standalone page.
        (pl, json!({"q": "gromadzi"}), vec!["o-serwisie/"]),
        // Markup in a title or body is text in the results too.
        (pl, json!({"q": "znacznikach"}), vec![ZNACZNIKI]),
    ];
    let queries: Vec<(&str, Value)> = cases.iter().map(|(p, q, _)| (*p, q.clone())).collect();
    let shown = search(site.root(), &queries);
    let mut wrong = Vec::new();
    for ((page, query, expected), shown) in cases.iter().zip(&shown) {
        let mut got = shown.results.clone();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        // Ranking is Pagefind's; what is found is ours.
        got.sort();
        want.sort();
        if got != want {
            wrong.push(format!(
                "/{page}?{query}: found {got:?}, expected {want:?} ({})",
                shown.status
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // Words that are on the pages but not in their articles — navigation, footer,
    // metryczka, the site title — or only in the other language are never what a result
    // shows. (Pagefind may still answer such a query: when no indexed word starts with the
    // query's stem, it searches for the longest indexed word the stem starts with, such
    // as `w`.)
    #[rustfmt::skip]
    let absent: Vec<(&str, &str)> = vec![
        (pl, "przejdź"), (pl, "redakcja"), (pl, "wyszukiwarki"), (pl, "socjalnych"),
        (pl, "metryczka"), (pl, "wytworzył"), (en, "editorial"), (en, "aktywności"),
        (en, "Wizyta"),
    ];
    let queries: Vec<(&str, Value)> = absent.iter().map(|(p, q)| (*p, json!({"q": q}))).collect();
    let mut wrong = Vec::new();
    for ((page, word), shown) in absent.iter().zip(search(site.root(), &queries)) {
        for (path, text) in shown.results.iter().zip(&shown.texts) {
            if text.to_lowercase().contains(&word.to_lowercase()) {
                wrong.push(format!("/{page}?q={word} shows {path}: {text}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // The page says how many it found, in its language, or that it found nothing.
    assert_eq!(shown[0].status, "Liczba wyników: 3");
    assert_eq!(shown[6].status, "Results: 2");
    assert_eq!(
        shown[8].status,
        "Nic nie znaleziono. Spróbuj innych słów albo usuń filtry."
    );
    let markup = &shown[cases.len() - 1].texts[0];
    assert!(
        markup.contains("Znaczniki <img src=x onerror=alert(1)> w tytule")
            && markup.contains("<script>alert(2)</script>"),
        "{markup}"
    );
    // Readers choose among the values of their language, A–Z (years newest first).
    let f = &shown[0].filters;
    assert_eq!(f["project"], ["Aktywny Włocławek", "Pora na aktywność"]);
    assert_eq!(f["tag"], ["EFS", "konferencja"]);
    assert_eq!(f["year"], ["2014", "2013", "2012"]);
    assert_eq!(f["status"], ["archiwalne", "bieżące"]);
    assert_eq!(shown[6].filters["status"], ["archived", "current"]);
    assert_eq!(
        shown[6].filters["project"],
        ["Active Włocławek", "Time for Activity"]
    );
}

#[test]
fn a_build_writes_the_index_and_a_search_page_per_language() {
    let site = built();
    let files = tree(&site.path("public"));
    let entry: Value =
        serde_json::from_slice(&files["pagefind/pagefind-entry.json"]).expect("entry JSON");
    // What the index holds of each page is its article: no navigation, footer or metryczka.
    let mut fragments = 0;
    for (file, bytes) in files.iter().filter(|(f, _)| f.ends_with(".pf_fragment")) {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        fragments += 1;
        for outside in [
            "Przejdź do treści",
            "Redakcja BIP",
            "Archiwum wyszukiwarki",
            "Dział Projektów Socjalnych",
            "Aktualności",
            "Skip to content",
            "BIP editorial office",
        ] {
            assert!(!text.contains(outside), "{file} holds {outside:?}: {text}");
        }
    }
    assert_eq!(fragments, 13);
    // pl: 4 news items, 1 page, 2 project cards; en: 2 translations, 1 English-only item,
    // 1 page, 2 project cards. Lists, tags and the archive are not indexed.
    assert_eq!(entry["languages"]["pl"]["page_count"], 7);
    assert_eq!(entry["languages"]["en"]["page_count"], 6);
    assert!(files.contains_key("pagefind/pagefind.js"));
    assert!(files.contains_key("pagefind/wasm.pl.pagefind"));
    assert!(!files.keys().any(|f| f.starts_with("pagefind/pagefind-ui")));

    // The marker lists the bundle like any other generated file.
    let marker = site.page(".kronika-output");
    assert!(marker.contains("pagefind/pagefind-entry.json\t"));

    for (page, action, lang) in [
        ("szukaj/index.html", "/bip/szukaj/", "pl"),
        ("en/search/index.html", "/bip/en/search/", "en"),
    ] {
        let html = site.page(page);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(html.contains("data-bundle=\"/bip/pagefind/pagefind.js\""));
        assert!(html.contains("<noscript>"));
        // Every page has the header box, leading to its language's search page.
        for other in [
            page,
            if lang == "pl" {
                "index.html"
            } else {
                "en/index.html"
            },
        ] {
            assert!(
                site.page(other)
                    .contains("class=\"header-search\" role=\"search\""),
                "{other}"
            );
            assert!(
                site.page(other).contains(&format!("action=\"{action}\"")),
                "{other}"
            );
        }
    }
    let pl = site.page("szukaj/index.html");
    let noscript = &pl[pl.find("<noscript>").unwrap()..pl.find("</noscript>").unwrap()];
    assert!(noscript.contains("potrzebuje JavaScriptu"));
    assert!(noscript.contains("href=\"/bip/archiwum/\""));
    assert!(noscript.contains("href=\"/bip/tagi/\""));
    // Not in the sitemap: a search page has nothing of its own to index.
    assert!(!site.page("sitemap.xml").contains("szukaj"));
}

#[test]
fn an_offline_build_explains_that_search_needs_a_server() {
    let site = Site::fixture("search");
    site.build(&["--offline"]).assert_ok();
    assert!(!site.exists("pagefind"));
    let pl = site.page("szukaj/index.html");
    assert!(pl.contains("indeksu wyszukiwania"));
    assert!(pl.contains("przez serwer WWW"));
    assert!(pl.contains("href=\"../archiwum/index.html\""));
    assert!(pl.contains("href=\"../tagi/index.html\""));
    assert!(!pl.contains("<script"));
    assert!(!pl.contains("<form"));
    let en = site.page("en/search/index.html");
    assert!(en.contains("search works only when a web server serves the site"));
    assert!(!site.page("index.html").contains("header-search"));
}

#[test]
fn search_false_and_no_search_leave_search_out() {
    let site = Site::fixture("search");
    site.build(&["--no-search"]).assert_ok();
    assert_no_search(&site);

    let site = Site::fixture("search");
    site.append("site.yaml", "search: false\n");
    site.build(&[]).assert_ok();
    assert_no_search(&site);

    // A rebuild without search removes the index and pages of the build before.
    let site2 = Site::fixture("search");
    site2.build(&[]).assert_ok();
    assert!(site2.exists("pagefind/pagefind.js"));
    site2.build(&["--no-search"]).assert_ok();
    assert_no_search(&site2);
}

fn assert_no_search(site: &Site) {
    assert!(!site.exists("pagefind"));
    assert!(!site.exists("szukaj"));
    assert!(!site.exists("en/search"));
    assert!(!site.page("index.html").contains("header-search"));
    assert!(!site.page("aktualnosci/index.html").contains("szukaj"));
}

#[test]
fn the_index_is_the_same_for_the_same_content() {
    let a = built();
    let b = built();
    let pick = |s: &Site| -> BTreeMap<String, Vec<u8>> {
        tree(&s.path("public"))
            .into_iter()
            .filter(|(f, _)| f.starts_with("pagefind/"))
            .collect()
    };
    let (a, b) = (pick(&a), pick(&b));
    assert!(a.len() > 5);
    assert!(a == b, "two builds wrote different search bundles");
}
