//! The build pipeline through the library's API: content loads once, without knowing the
//! output, and each page writes its `@/` links in its link style (README, "How the code is
//! organised").

mod common;

use std::path::Path;

use common::Site;
use kronika::config::{BaseUrl, Config};
use kronika::content::model::{Entry, Site as Model};
use kronika::content::{self, LoadOptions};
use kronika::i18n::I18n;
use kronika::types::Date;
use kronika::urls::LinkStyle;

/// The site at `root` loaded as `kronika build --base-url <base_url>` loads it.
fn load(root: &Path, base_url: &str) -> Model {
    let config = Config::load(root, Some(base_url)).expect("site.yaml");
    let i18n = I18n::load(root, &config).expect("i18n");
    let opts = LoadOptions {
        drafts: false,
        today: Date::today(),
    };
    let mut diags = Vec::new();
    let site = content::load(root, config, i18n, &opts, &mut diags);
    site.unwrap_or_else(|| panic!("{diags:?}"))
}

fn style(base_url: &str, offline: bool) -> LinkStyle {
    LinkStyle {
        base: BaseUrl::parse(base_url).expect("a base URL"),
        offline,
    }
}

fn entry<'a>(site: &'a Model, source: &str) -> &'a Entry {
    site.news
        .iter()
        .find(|e| e.source == source)
        .unwrap_or_else(|| panic!("{source} loaded"))
}

/// The `href` of each link of `html`, in order.
fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
        .collect()
}

#[test]
fn a_body_loaded_once_is_written_in_every_link_style() {
    let fixture = Site::fixture("basic");
    let site = load(fixture.root(), "https://example.org/archiwum/");
    // Rendering reads nothing: the content may be gone.
    std::fs::remove_dir_all(fixture.path("content")).unwrap();

    let pl = entry(&site, "content/news/2012-02-15-mops.pl.md");
    let en = entry(&site, "content/news/2012-02-15-mops.en.md");
    assert_eq!(pl.path, "aktualnosci/mops-wyrozniony/");
    let cases = [
        (
            style("https://example.org/archiwum/", false),
            [
                "/archiwum/projekty/pora/",
                "/archiwum/aktualnosci/2011-10-17-konwencja/#program",
                "/archiwum/en/projects/pora/",
            ],
        ),
        (
            style("http://localhost:8000/", false),
            [
                "/projekty/pora/",
                "/aktualnosci/2011-10-17-konwencja/#program",
                "/en/projects/pora/",
            ],
        ),
        (
            style("https://example.org/archiwum/", true),
            [
                "../../projekty/pora/index.html",
                "../../aktualnosci/2011-10-17-konwencja/index.html#program",
                "../../../en/projects/pora/index.html",
            ],
        ),
    ];
    for (links, [project, item, en_project]) in cases {
        assert_eq!(hrefs(&pl.body.html(&links, &pl.path)), [project, item]);
        assert_eq!(hrefs(&en.body.html(&links, &en.path)), [en_project]);
    }
    // Offline links lead from the page that shows the body.
    assert_eq!(
        hrefs(&pl.body.html(&style("https://example.org/", true), "a/")),
        [
            "../projekty/pora/index.html",
            "../aktualnosci/2011-10-17-konwencja/index.html#program"
        ]
    );
}

#[test]
fn the_loaded_content_holds_no_trace_of_the_base_url() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let one = load(&root, "https://example.org/archiwum/");
    let other = load(&root, "http://localhost:8000/podglad/");
    let entries =
        |site: &Model| -> Vec<Entry> { site.news.iter().chain(&site.pages).cloned().collect() };
    let (one, other) = (entries(&one), entries(&other));
    assert_eq!(one.len(), other.len());
    assert!(one.iter().any(|e| {
        e.body
            .html(&style("https://a.b/", false), "")
            .contains("href")
    }));
    for (a, b) in one.iter().zip(&other) {
        assert_eq!(a.source, b.source);
        assert_eq!(a.body, b.body, "{}", a.source);
        assert_eq!(a.summary, b.summary, "{}", a.source);
        for e in [a, b] {
            let model = format!("{e:?}");
            for trace in ["archiwum", "localhost", "podglad"] {
                assert!(!model.contains(trace), "{trace} in {model}");
            }
        }
    }
}
