//! Text that reaches HTML, XML or a URL is escaped for the place it lands in.

use std::process::Command;

use scraper::{Html, Selector};

use crate::common::Site;

/// A news item `name` of the fixture site, in Polish, with the given front matter lines.
fn news(site: &Site, name: &str, front: &str, body: &str) {
    site.write(
        &format!("content/news/{name}.pl.md"),
        &format!("---\n{front}\ndate: 2016-01-01\n---\n\n{body}\n"),
    );
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(e: &scraper::ElementRef) -> String {
    e.text().collect()
}

/// Every HTML page of the output with its path.
fn html_pages(site: &Site) -> Vec<(String, String)> {
    crate::common::tree(&site.path("public"))
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn quotation_marks_from_a_fluent_file_are_text_not_markup() {
    let site = Site::fixture("basic");
    site.write("i18n/pl/typografia.ftl", "typography-quotes = <>\n");
    news(
        &site,
        "2016-01-01-konkurs",
        r#"title: 'Konkurs "img src=x onerror=alert(1)"'"#,
        "Regulamin \"konkursu\".",
    );
    site.build(&[]).assert_ok();
    for rel in [
        "index.html",
        "aktualnosci/index.html",
        "aktualnosci/2016-01-01-konkurs/index.html",
    ] {
        let html = site.page(rel);
        let doc = Html::parse_document(&html);
        assert!(
            select(&doc, "img").is_empty(),
            "{rel} has a live <img>:\n{html}"
        );
        assert!(
            html.contains("Konkurs &lt;img src=x onerror=alert(1)&gt;"),
            "{rel} should show the title with the site's marks as text:\n{html}"
        );
    }
    let item = Html::parse_document(&site.page("aktualnosci/2016-01-01-konkurs/index.html"));
    assert_eq!(
        text_of(&select(&item, "h1")[0]),
        "Konkurs <img src=x onerror=alert(1)>"
    );
}

#[test]
fn ui_strings_and_what_wraps_numbers_are_text_not_markup() {
    let site = Site::fixture("basic");
    site.write(
        "i18n/pl/zle.ftl",
        "skip-link = <script>alert(1)</script>\n\
         footer-publisher = <b>Podmiot</b>\n\
         date-long = <b>{ $date }</b>\n\
         date-month = <b>{ $date }</b>\n\
         money = <b>{ $amount }</b> { $currency }\n\
         language-name = <b>polski</b>\n\
         language-en = <b>angielski</b>\n\
         translation-missing = <b>tylko { $language }</b>\n\
         archive-year = <b>Archiwum { $year }</b>\n\
         tag-title = <b>Tag { $tag }</b>\n\
         news-count = <b>{ $count }</b>\n\
         typography-single-letter-words = <b> a w\n",
    );
    site.write(
        "i18n/en/zle.ftl",
        "language-name = <b>English</b>\ntranslation-missing = <b>only { $language }</b>\n",
    );
    site.build(&[]).assert_ok();
    let pages = html_pages(&site);
    assert!(pages.len() > 10);
    for (rel, html) in &pages {
        let doc = Html::parse_document(html);
        assert!(
            select(&doc, "b").is_empty(),
            "{rel} has markup from a .ftl file:\n{html}"
        );
        if !html.contains("http-equiv=\"refresh\"") && !rel.starts_with("index.php") {
            // The search page's own script, from the theme, is the one allowed.
            let scripts = select(&doc, "script:not([src$=\"/search.js\"])");
            assert!(scripts.is_empty(), "{rel} has a <script>:\n{html}");
        }
    }
    let home = site.page("index.html");
    assert!(
        home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{home}"
    );
    assert!(home.contains("&lt;b&gt;"), "{home}");
}

/// The feed of `site` as a feed reader gets it.
fn feed(site: &Site) -> feed_rs::model::Feed {
    feed_rs::parser::parse(site.page("rss.xml").as_bytes()).expect("rss.xml parses as a feed")
}

#[test]
fn a_feed_reader_shows_the_summary_and_title_as_written() {
    let site = Site::fixture("basic");
    news(
        &site,
        "2016-01-01-kod",
        r#"title: 'Tom & Jerry <i>nie</i> "cytat" ''apostrof'''"#,
        "Kod `<img src=x onerror=alert(1)>` & <b>nie</b> \"cytat\" ]]> koniec.",
    );
    news(
        &site,
        "2016-01-01-streszczenie",
        "title: Streszczenie\nsummary: 'Tekst <img src=x onerror=alert(2)> &amp; ]]> \"x\"'",
        "Treść.",
    );
    site.build(&[]).assert_ok();
    let feed = feed(&site);
    let entry = |title_start: &str| {
        feed.entries
            .iter()
            .find(|e| e.title.as_ref().unwrap().content.starts_with(title_start))
            .unwrap_or_else(|| panic!("no entry {title_start}"))
    };
    let kod = entry("Tom");
    assert_eq!(
        kod.title.as_ref().unwrap().content,
        r#"Tom & Jerry <i>nie</i> "cytat" 'apostrof'"#
    );
    for (e, expected) in [
        (
            kod,
            // Raw HTML in Markdown is markup: the summary keeps its text only.
            "Kod <img src=x onerror=alert(1)> & nie \"cytat\" ]]> koniec.",
        ),
        (
            entry("Streszczenie"),
            "Tekst <img src=x onerror=alert(2)> &amp; ]]> \"x\"",
        ),
    ] {
        let summary = e.summary.as_ref().expect("a description");
        // A reader renders the description as HTML: it must hold no element, and its text
        // is the summary as written.
        let fragment = Html::parse_fragment(&summary.content);
        assert!(
            select(&fragment, "img, b").is_empty(),
            "markup in the description: {}",
            summary.content
        );
        let shown: String = fragment.root_element().text().collect();
        assert_eq!(shown, expected);
    }
}

#[test]
fn the_sitemap_and_feed_links_are_valid_urls() {
    let site = Site::fixture("basic");
    site.write("content/pages/a.pl.md", "---\ntitle: A\n---\n\nTekst.\n");
    site.build(&[]).assert_ok();
    let sitemap = site.page("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap.xml is XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(!locs.is_empty());
    for loc in locs {
        assert!(
            loc.starts_with("https://example.org/archiwum/")
                && loc
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'<'),
            "{loc}"
        );
    }
}

/// The redirect page of the alias `query` on the item `aliasy`.
fn alias_site(queries: &[&str]) -> Site {
    let site = Site::fixture("basic");
    let list: Vec<String> = queries
        .iter()
        .map(|q| {
            format!(
                "\"/stary.php?{}\"",
                q.replace('\\', "\\\\").replace('"', "\\\"")
            )
        })
        .collect();
    news(
        &site,
        "2016-01-01-aliasy",
        &format!(
            "title: Aliasy\naliases: [{}, \"/stary.php\"]",
            list.join(", ")
        ),
        "Treść.",
    );
    site.build(&[]).assert_ok();
    site
}

const QUERIES: [&str; 7] = [
    "id=440&lang=pl",
    "q=\"x\"",
    "q=<b>",
    "q='x'",
    "q=a\\b",
    "q=</script><script>alert(1)</script>",
    "q=ł ó",
];

#[test]
fn alias_queries_reach_the_redirect_as_written() {
    let site = alias_site(&QUERIES);
    let html = site.page("stary.php/index.html");
    let doc = Html::parse_document(&html);
    // No value ends the script or opens another one.
    let scripts = select(&doc, "script");
    assert_eq!(scripts.len(), 1, "{html}");
    let script = text_of(&scripts[0]);
    assert!(!script.contains("alert"), "{script}");
    // What the page says each query leads to, as the browser reads it.
    let targets: Vec<(String, String)> = select(&doc, "[data-query]")
        .iter()
        .map(|e| {
            (
                e.value().attr("data-query").unwrap().to_string(),
                e.value().attr("href").unwrap().to_string(),
            )
        })
        .collect();
    for q in QUERIES {
        assert!(
            targets.iter().any(|(query, href)| query == &format!("?{q}")
                && href == "/archiwum/aktualnosci/2016-01-01-aliasy/"),
            "?{q} is not a target in {targets:?}:\n{html}"
        );
    }
}

fn node_ready() -> bool {
    let present = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if present {
        return true;
    }
    if std::env::var("KRONIKA_REQUIRE_TOOLS").as_deref() == Ok("1") {
        panic!("this test needs node; KRONIKA_REQUIRE_TOOLS=1 does not allow skipping");
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: this test needs node (apt install nodejs)"
    );
    false
}

/// Runs the redirect script of `html` in node, as a browser would for the address with
/// `search` (`?…`, percent-encoded as a browser sends it), and returns where it goes.
fn redirect_in_node(html: &str, search: &str) -> String {
    let doc = Html::parse_document(html);
    let script = text_of(&select(&doc, "script")[0]);
    let links: Vec<String> = select(&doc, "[data-query]")
        .iter()
        .map(|e| {
            format!(
                "{{q: {:?}, href: {:?}}}",
                e.value().attr("data-query").unwrap(),
                e.value().attr("href").unwrap()
            )
        })
        .collect();
    // A minimal DOM: the links with their attributes, and `location`.
    let program = format!(
        "var links = [{}].map(function (l) {{ return {{ href: l.href, \
           getAttribute: function (n) {{ return n === 'data-query' ? l.q : n === 'href' ? l.href : null; }} }}; }});\n\
         var document = {{ querySelectorAll: function () {{ return links; }}, \
           addEventListener: function (e, f) {{ f(); }}, readyState: 'complete' }};\n\
         var window = {{ location: {{ search: {search:?}, replace: function (u) {{ console.log(u); }} }} }};\n\
         {script}",
        links.join(", ")
    );
    let out = Command::new("node")
        .arg("-e")
        .arg(&program)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{}\n{program}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// What a browser percent-encodes in the query of an `http(s)` address (the WHATWG URL
/// standard's special-query percent-encode set).
const SPECIAL_QUERY: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'\'');

#[test]
fn the_redirect_script_matches_each_query_as_a_browser_sends_it() {
    if !node_ready() {
        return;
    }
    let site = alias_site(&QUERIES);
    let html = site.page("stary.php/index.html");
    let target = "/archiwum/aktualnosci/2016-01-01-aliasy/";
    for q in QUERIES {
        // What a browser puts in `location.search` for the address typed with `q`.
        let sent = percent_encoding::utf8_percent_encode(q, SPECIAL_QUERY).to_string();
        assert_eq!(
            redirect_in_node(&html, &format!("?{sent}")),
            target,
            "?{sent}"
        );
    }
    assert_eq!(redirect_in_node(&html, "?id=999"), "");
    // The old path without a query (an alias of its own) leads to its item.
    assert_eq!(redirect_in_node(&html, ""), target);
}

const ATTACHMENTS: [&str; 6] = [
    "raport #2.pdf",
    "co?.pdf",
    "100%.pdf",
    "plan budowy.pdf",
    "łódź.pdf",
    "a&b.pdf",
];

/// Every `href` of the attachment list of an item page, resolved from `page` (a path in
/// the output) and percent-decoded, must name a file of the output.
fn attachment_links_resolve(site: &Site, page: &str, base: &str) {
    let html = site.page(page);
    let doc = Html::parse_document(&html);
    let hrefs: Vec<String> = select(&doc, ".attachments a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(hrefs.len(), ATTACHMENTS.len(), "{html}");
    for href in hrefs {
        assert!(
            !href.contains(['#', '?', ' ']),
            "{href} is cut short or broken by a browser"
        );
        let decoded = percent_encoding::percent_decode_str(&href)
            .decode_utf8()
            .unwrap()
            .into_owned();
        let target = match decoded.strip_prefix(base) {
            Some(rest) => std::path::PathBuf::from(rest),
            None => std::path::Path::new(page).parent().unwrap().join(&decoded),
        };
        let target = crate::common::normalise(&target).unwrap();
        assert!(
            site.exists(&target),
            "{href} → {target} is not in the output"
        );
    }
}

#[test]
fn attachment_links_percent_encode_what_a_url_needs_encoded() {
    for offline in [false, true] {
        let site = Site::fixture("basic");
        let list: Vec<String> = ATTACHMENTS
            .iter()
            .map(|a| format!("  - {{file: \"{a}\"}}"))
            .collect();
        site.write(
            "content/news/2016-01-01-pliki/index.pl.md",
            &format!(
                "---\ntitle: Pliki\ndate: 2016-01-01\nattachments:\n{}\n---\n\nZałączniki.\n",
                list.join("\n")
            ),
        );
        for a in ATTACHMENTS {
            site.write(&format!("content/news/2016-01-01-pliki/{a}"), "x");
        }
        let args: &[&str] = if offline { &["--offline"] } else { &[] };
        site.build(args).assert_ok();
        for a in ATTACHMENTS {
            assert!(
                site.exists(&format!("aktualnosci/2016-01-01-pliki/{a}")),
                "{a}"
            );
        }
        attachment_links_resolve(
            &site,
            "aktualnosci/2016-01-01-pliki/index.html",
            "/archiwum/",
        );
    }
}
