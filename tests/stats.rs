//! The statistics pages (docs/maintainer/pages.md "Statistics") on `tests/fixtures/stats`, a site with known
//! numbers: news items per year and language (2013 is untranslated, one item exists in
//! English only), budgets in PLN and EUR (46 974 038,58 + 0,42 zł), a project without a
//! budget, and the seeds' indicator snapshots (3 092, then 3 617 participants).

mod common;

use common::Site;
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>().trim().to_string()
}

/// The rows of the table whose caption has id `caption`, each as its cells' text.
fn table(html: &str, caption: &str) -> Vec<Vec<String>> {
    let doc = Html::parse_document(html);
    let cap = doc
        .select(&sel(&format!("caption#{caption}")))
        .next()
        .unwrap_or_else(|| panic!("no table with caption #{caption}"));
    let table = ElementRef::wrap(cap.parent().unwrap()).unwrap();
    table
        .select(&sel("tbody tr"))
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .collect()
}

/// The records of a CSV file of the output, header first, read by an RFC 4180 reader.
fn csv(site: &Site, rel: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(site.path("public").join(rel)).unwrap();
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "{rel}: RFC 4180 ends lines with CRLF"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The digits of a formatted number (`3 617`, `3,617` → `3617`).
fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

#[test]
fn publications_per_year_count_each_item_in_every_language_it_exists_in() {
    let site = Site::built("stats");
    let rows = table(&site.page("statystyki/index.html"), "k-years-caption");
    // year, items, pl, en: 2012 has an English-only item, 2013 is untranslated.
    assert_eq!(
        rows,
        [
            ["2011", "2", "2", "1"],
            ["2012", "3", "2", "3"],
            ["2013", "2", "2", "0"],
        ]
    );
    let totals = table(&site.page("en/stats/index.html"), "k-totals-caption");
    assert_eq!(
        totals,
        [
            ["All items", "7", "6", "4"],
            ["Archived items", "1", "1", "0"]
        ]
    );
}

#[test]
fn each_csv_parses_back_to_the_numbers_of_its_table() {
    let site = Site::built("stats");
    for (page, dir) in [
        ("statystyki/index.html", "statystyki"),
        ("en/stats/index.html", "en/stats"),
    ] {
        let html = site.page(page);
        for (caption, file) in [
            ("k-years-caption", "publications-by-year"),
            ("k-by-project-caption", "publications-by-project"),
            ("k-by-tag-caption", "publications-by-tag"),
            ("k-totals-caption", "publications-totals"),
        ] {
            let shown: Vec<Vec<String>> = table(&html, caption)
                .iter()
                .map(|r| r[1..].iter().map(|c| digits(c)).collect())
                .collect();
            let records = csv(&site, &format!("{dir}/{file}.csv"));
            assert_eq!(records[0][records[0].len() - 3..], ["items", "pl", "en"]);
            let data: Vec<Vec<String>> = records[1..]
                .iter()
                .map(|r| r[r.len() - 3..].to_vec())
                .collect();
            assert_eq!(shown, data, "{page}: {file}.csv against its table");
            // The page links the file with its format and size.
            assert!(
                html.contains(&format!("{file}.csv\" type=\"text/csv\" download>")),
                "{page} links {file}.csv"
            );
        }
    }
    let years = csv(&site, "statystyki/publications-by-year.csv");
    assert_eq!(years[0], ["year", "items", "pl", "en"]);
    assert_eq!(years[3], ["2013", "2", "2", "0"]);
}

#[test]
fn a_chart_has_one_bar_per_year_in_the_ratio_of_the_values() {
    let site = Site::built("stats");
    let html = site.page("statystyki/index.html");
    let doc = Html::parse_document(&html);
    let svg = doc.select(&sel("svg.chart-svg")).next().expect("a chart");
    assert_eq!(svg.value().attr("role"), Some("img"));
    let title = svg.value().attr("aria-labelledby").unwrap();
    let heading = doc.select(&sel(&format!("#{title}"))).next().unwrap();
    assert_eq!(text(heading), "Wiadomości według roku");
    let heights: Vec<f64> = svg
        .select(&sel("rect.chart-bar"))
        .map(|r| r.value().attr("height").unwrap().parse().unwrap())
        .collect();
    assert_eq!(heights.len(), 3, "one bar per year");
    // 2, 3, 2 items.
    assert!((heights[0] / heights[1] - 2.0 / 3.0).abs() < 0.001);
    assert_eq!(heights[0], heights[2]);
    let labels: Vec<String> = svg.select(&sel("text.chart-label")).map(text).collect();
    assert_eq!(labels, ["2011", "2012", "2013"]);
}

#[test]
fn funding_sums_are_exact_and_kept_per_currency() {
    let site = Site::built("stats");
    let total = csv(&site, "statystyki/funding-total.csv");
    assert_eq!(
        total,
        [
            vec![
                "currency",
                "projects",
                "total",
                "co_financing",
                "co_financing_rate_percent",
                "projects_without_budget"
            ],
            vec!["EUR", "1", "1000.50", "850.25", "85.0", "1"],
            vec!["PLN", "2", "46974039.00", "42451310.44", "90.4", "1"],
        ]
    );
    let pl = table(
        &site.page("statystyki/index.html"),
        "k-funding-total-caption",
    );
    assert_eq!(
        pl,
        [
            [
                "EUR",
                "1",
                "1\u{a0}000,50\u{a0}€",
                "850,25\u{a0}€",
                "85,0\u{a0}%",
                "1"
            ],
            [
                "PLN",
                "2",
                "46\u{a0}974\u{a0}039,00\u{a0}zł",
                "42\u{a0}451\u{a0}310,44\u{a0}zł",
                "90,4\u{a0}%",
                "1"
            ],
        ]
    );
    // A project without a budget is listed as having none, not as zero.
    let projects = table(
        &site.page("statystyki/index.html"),
        "k-funding-projects-caption",
    );
    assert!(projects.contains(&vec!["Delta".to_string(), "nie podano budżetu".to_string()]));
    let by_project = csv(&site, "statystyki/funding-by-project.csv");
    assert!(by_project.contains(&vec![
        "delta".into(),
        "Delta".into(),
        "".into(),
        "".into(),
        "".into(),
        "".into()
    ]));
    // The JSON holds the same figures.
    let json: serde_json::Value = serde_json::from_str(&site.page("en/stats/stats.json")).unwrap();
    let sums = &json["funding"]["total"]["sums"];
    assert_eq!(sums[1]["currency"], "PLN");
    assert_eq!(sums[1]["total"], "46974039.00");
    assert_eq!(sums[0]["total"], "1000.50");
    assert_eq!(sums[0]["co_financing_rate_percent"], "85.0");
}

#[test]
fn the_seeds_snapshots_are_a_series() {
    let site = Site::built("stats");
    let records = csv(&site, "statystyki/alfa/indicators.csv");
    assert_eq!(records[0], ["indicator", "name", "date", "value"]);
    assert_eq!(
        records[1],
        ["participants", "uczestnicy", "2011-10-14", "3092"]
    );
    assert_eq!(
        records[2],
        ["participants", "uczestnicy", "2012-02-15", "3617"]
    );
    let html = site.page("statystyki/alfa/index.html");
    assert_eq!(
        table(&html, "k-series-1-caption"),
        [
            ["14 października 2011\u{a0}r.", "3\u{a0}092"],
            ["15 lutego 2012\u{a0}r.", "3\u{a0}617"]
        ]
    );
    let doc = Html::parse_document(&html);
    let svg = doc.select(&sel("svg.chart-svg")).next().unwrap();
    assert_eq!(svg.value().attr("aria-labelledby"), Some("k-series-1"));
    let values: Vec<String> = svg.select(&sel("text.chart-value")).map(text).collect();
    assert_eq!(values, ["3\u{a0}092", "3\u{a0}617"]);
    let ys: Vec<f64> = svg
        .select(&sel("circle.chart-point"))
        .map(|c| c.value().attr("cy").unwrap().parse().unwrap())
        .collect();
    assert!(ys[1] < ys[0], "3 617 is drawn above 3 092");
    // An unknown indicator is shown as written.
    assert!(
        site.page("statystyki/beta/index.html")
            .contains(">wolontariusze</h3>")
    );
}

#[test]
fn the_english_page_is_formatted_in_english() {
    let site = Site::built("stats");
    let html = site.page("en/stats/index.html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    let total = table(&html, "k-funding-total-caption");
    assert_eq!(total[0][2..5], ["€1,000.50", "€850.25", "85.0%"]);
    assert_eq!(
        total[1][2..5],
        ["PLN\u{a0}46,974,039.00", "PLN\u{a0}42,451,310.44", "90.4%"]
    );
    let series = table(&site.page("en/stats/alfa/index.html"), "k-series-1-caption");
    assert_eq!(series[1], ["15 February 2012", "3,617"]);
    assert!(html.contains("<h1>Statistics</h1>"));
}

#[test]
fn missing_translations_are_listed_and_linked() {
    let site = Site::built("stats");
    let html = site.page("statystyki/index.html");
    let doc = Html::parse_document(&html);
    let missing: Vec<String> = doc.select(&sel(".missing-list a")).map(text).collect();
    assert_eq!(
        missing,
        ["Tylko po polsku G", "Tylko po polsku F", "Archiwalna B"]
    );
    let coverage = table(&html, "k-coverage-year-en-caption");
    assert_eq!(coverage[2], ["2013", "2", "0", "0,0\u{a0}%"]);
    let records = csv(&site, "statystyki/translations-missing.csv");
    assert_eq!(
        records[0],
        ["missing_language", "date", "title", "language", "url"]
    );
    // The English-only item lacks its Polish version.
    assert!(records.iter().any(|r| r[0] == "pl"
        && r[2] == "English only E"
        && r[4] == "https://example.org/archiwum/en/news/2012-07-01-e/"));
}

#[test]
fn every_language_links_its_statistics_and_each_project_card_its_own() {
    let site = Site::built("stats");
    for (home, stats, card, project_stats) in [
        (
            "index.html",
            "/archiwum/statystyki/",
            "projekty/alfa/index.html",
            "/archiwum/statystyki/alfa/",
        ),
        (
            "en/index.html",
            "/archiwum/en/stats/",
            "en/projects/alfa/index.html",
            "/archiwum/en/stats/alfa/",
        ),
    ] {
        let doc = Html::parse_document(&site.page(home));
        let nav: Vec<&str> = doc
            .select(&sel("nav.site-nav a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(nav.contains(&stats), "{home}: {nav:?}");
        assert!(
            site.page(card)
                .contains(&format!("href=\"{project_stats}\""))
        );
    }
}

#[test]
fn downloads_are_planned_outputs() {
    let site = Site::built("stats");
    let marker = site.page(".kronika-output");
    for f in [
        "statystyki/statystyki.json",
        "en/stats/stats.json",
        "statystyki/publications-by-year.csv",
        "statystyki/delta/funding.csv",
    ] {
        assert!(marker.contains(&format!("{f}\t")), "{f} in the marker");
    }
    let before = common::tree(&site.path("public"));
    site.build(&[]).assert_ok();
    assert_eq!(common::tree(&site.path("public")), before, "deterministic");
    site.remove("content/projects/delta.yaml");
    site.build(&[]).assert_ok();
    assert!(!site.exists("statystyki/delta/funding.csv"));
    assert!(!site.exists("statystyki/delta"));
}

#[test]
fn a_site_without_projects_still_gets_publication_statistics() {
    let site = Site::fixture("stats");
    for p in ["alfa", "beta", "gamma", "delta"] {
        site.remove(&format!("content/projects/{p}.yaml"));
    }
    for f in [
        "2011-03-10-a.pl.md",
        "2012-02-15-c.pl.md",
        "2013-09-09-g.pl.md",
    ] {
        let path = format!("content/news/{f}");
        let text = std::fs::read_to_string(site.path(&path)).unwrap();
        let text: String = text
            .lines()
            .filter(|l| !l.starts_with("projects:"))
            .map(|l| format!("{l}\n"))
            .collect();
        site.write(&path, &text);
    }
    site.build(&[]).assert_ok();
    let html = site.page("statystyki/index.html");
    assert_eq!(table(&html, "k-years-caption").len(), 3);
    assert!(html.contains("W\u{a0}archiwum nie ma projektów."));
    assert_eq!(csv(&site, "statystyki/funding-total.csv").len(), 2);
}

#[test]
fn typography_leaves_the_svg_well_formed() {
    let site = Site::built("stats");
    let html = site.page("statystyki/alfa/index.html");
    let start = html.find("<svg").unwrap();
    let end = html.find("</svg>").unwrap() + "</svg>".len();
    let svg = &html[start..end];
    // Inline SVG in HTML needs no namespace; XML does.
    let xml = svg.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
    let doc = roxmltree::Document::parse(&xml).expect("the SVG is well-formed XML");
    assert!(doc.descendants().any(|n| n.has_tag_name("polyline")));
    // Polish numbers keep their no-break spaces; the attributes are untouched.
    assert!(svg.contains(">3\u{a0}617</text>"));
    assert!(svg.contains("text-anchor=\"end\""));
}

#[test]
fn sums_too_large_to_add_exactly_are_a_located_error() {
    let site = Site::fixture("stats");
    let huge = "title: {pl: \"Duży\"}\nbudget:\n  total: {amount: \"79228162514264337593543950335\", currency: PLN}\n";
    site.write("content/projects/duzy-1.yaml", huge);
    site.write("content/projects/duzy-2.yaml", huge);
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.expect_stderr(
        "content/projects/duzy-2.yaml: error: the sum of all project amounts in PLN is too large to add exactly",
    );
}

/// A tag or project title that a spreadsheet would run as a formula reaches the CSV as
/// text (a leading apostrophe), and the JSON as written; numbers keep their sign.
#[test]
fn csv_cells_that_would_run_as_formulas_are_defused() {
    let site = Site::fixture("stats");
    let path = "content/news/2011-05-02-b.pl.md";
    let text = std::fs::read_to_string(site.path(path)).unwrap();
    let text = text.replacen(
        "---\n",
        "---\ntags: [\"=HYPERLINK(\\\"http://zly.example\\\")\", \"-ujemny\", \"+48\"]\n",
        1,
    );
    // A tags line may exist already: keep only the one written above.
    let mut seen = false;
    let text: String = text
        .lines()
        .filter(|l| !(l.starts_with("tags:") && std::mem::replace(&mut seen, true)))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write(path, &text);
    site.build(&[]).assert_ok();
    let names: Vec<String> = csv(&site, "statystyki/publications-by-tag.csv")
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert!(
        names.contains(&"'=HYPERLINK(\"http://zly.example\")".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"'-ujemny".to_string()), "{names:?}");
    assert!(names.contains(&"'+48".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with('=')), "{names:?}");
    let json = std::fs::read_to_string(site.path("public/statystyki/statystyki.json")).unwrap();
    assert!(
        json.contains("\"=HYPERLINK(\\\"http://zly.example\\\")\""),
        "the JSON keeps the text"
    );
}
