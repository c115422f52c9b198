//! The build pipeline through the library's API: content loads once, without knowing the
//! output, and each page writes its `@/` links in its link style (docs/dev/architecture.md, "How the code is
//! organised").

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::Site;
use kronika::config::{BaseUrl, Config};
use kronika::content::model::{Entry, EntryId, Site as Model};
use kronika::content::{self, LoadOptions};
use kronika::i18n::I18n;
use kronika::render::PageKind;
use kronika::render::plan::{Kind, Plan};
use kronika::types::{Date, Slug};
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
    site.entries
        .get(&EntryId::new(source))
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
    let entries = |site: &Model| -> Vec<Entry> { site.entries.values().cloned().collect() };
    let (one, other) = (entries(&one), entries(&other));
    assert_eq!(one.len(), other.len());
    assert!(one.iter().any(|e| {
        e.body
            .html(&style("https://a.b/", false), "")
            .contains("href")
    }));
    for (a, b) in one.iter().zip(&other) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.body, b.body, "{}", a.id);
        assert_eq!(a.summary, b.summary, "{}", a.id);
        for e in [a, b] {
            let model = format!("{e:?}");
            for trace in ["archiwum", "localhost", "podglad"] {
                assert!(!model.contains(trace), "{trace} in {model}");
            }
        }
    }
}

/// What each page of `site` shows, by output file, for the pages that show one entry,
/// project or tag (a list's first page): `item content/news/….md`, `tag efs`.
fn identities(site: &Model) -> BTreeMap<String, String> {
    Plan::new(site)
        .outputs
        .iter()
        .filter_map(|o| {
            let Kind::Page(p) = &o.kind else { return None };
            let shows = match &p.kind {
                PageKind::Item(id) => format!("item {id}"),
                PageKind::Page(id) => format!("page {id}"),
                PageKind::Project(id, pg) if pg.current == 1 => format!("project {id}"),
                PageKind::Tag(slug, pg) if pg.current == 1 => format!("tag {slug}"),
                _ => return None,
            };
            Some((o.file.clone(), shows))
        })
        .collect()
}

#[test]
fn a_new_or_removed_item_changes_no_other_identity() {
    let fixture = Site::fixture("basic");
    let url = "https://example.org/";
    let before = load(fixture.root(), url);
    let pages_before = identities(&before);
    assert!(pages_before.values().any(|v| v.starts_with("item ")));
    assert!(pages_before.values().any(|v| v.starts_with("tag ")));

    // The newest item of all: it comes first in every list it is in.
    fixture.write(
        "content/news/2016-01-01-nowy.pl.md",
        "---\ntitle: Nowy\ndate: 2016-01-01\nprojects: [pora]\ntags: [EFS]\n---\n\nTekst.\n",
    );
    let added = load(fixture.root(), url);
    let new = EntryId::new("content/news/2016-01-01-nowy.pl.md");
    let pl = before.config.default_language;
    assert_eq!(added.lang_index(pl).all.first(), Some(&new));
    assert_eq!(
        added.tag(&Slug::parse("efs").unwrap()).items[&pl].first(),
        Some(&new)
    );
    assert_eq!(
        added.lang_index(pl).by_project[&Slug::parse("pora").unwrap()].first(),
        Some(&new)
    );
    for (id, e) in &before.entries {
        assert_eq!(added.entry(id).path, e.path, "{id}");
    }
    let pages_added = identities(&added);
    for (file, shows) in &pages_before {
        assert_eq!(pages_added.get(file), Some(shows), "{file}");
    }
    assert_eq!(pages_added.len(), pages_before.len() + 1);

    // An older item removed: everything else keeps its identity and its page.
    fixture.remove("content/news/2013-05-01-tylko-po-polsku.pl.md");
    let removed = load(fixture.root(), url);
    let gone = EntryId::new("content/news/2013-05-01-tylko-po-polsku.pl.md");
    assert!(!removed.entries.contains_key(&gone));
    let pages_removed = identities(&removed);
    // Its page goes, and so does the page of the tag only it had.
    let only_its = [format!("item {gone}"), "tag lodz".to_string()];
    for (file, shows) in &pages_before {
        let kept = pages_removed.get(file);
        if only_its.contains(shows) {
            assert_eq!(kept, None, "{file}");
        } else {
            assert_eq!(kept, Some(shows), "{file}");
        }
    }
}
