//! `kronika build` on the bilingual fixture site: URLs, translations, links, output safety.

mod common;

use common::{Site, tree};

#[test]
fn every_url_of_the_design_table_exists() {
    let site = Site::built("basic");
    for page in [
        "index.html",
        "en/index.html",
        "aktualnosci/index.html",
        "en/news/index.html",
        "aktualnosci/mops-wyrozniony/index.html",
        "en/news/mops-commended/index.html",
        "aktualnosci/2011-10-17-konwencja/index.html",
        "aktualnosci/2011-10-17-konwencja/program.txt",
        "archiwum/index.html",
        "archiwum/2012/index.html",
        "en/archive/index.html",
        "en/archive/2012/index.html",
        "projekty/index.html",
        "projekty/pora/index.html",
        "en/projects/index.html",
        "en/projects/pora/index.html",
        "tagi/index.html",
        "tagi/efs/index.html",
        "tagi/lodz/index.html",
        "en/tags/index.html",
        "en/tags/efs/index.html",
        "o-serwisie/index.html",
        "en/about/index.html",
        "rss.xml",
        "en/rss.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "style.css",
    ] {
        assert!(site.exists(page), "{page} is missing");
    }
}

#[test]
fn site_without_themes_and_i18n_builds_with_embedded_copies() {
    let site = Site::fixture("basic");
    assert!(!site.path("themes").exists() && !site.path("i18n").exists());
    site.build(&[]).assert_ok();
    let home = site.page("index.html");
    assert!(
        home.contains("Przejdź do treści"),
        "Polish UI strings come from the embedded i18n"
    );
    assert!(site.page("en/index.html").contains("Skip to main content"));
}

#[test]
fn translations_are_linked_both_ways_with_hreflang_and_switcher() {
    let site = Site::built("basic");
    let pl = site.page("aktualnosci/mops-wyrozniony/index.html");
    let en = site.page("en/news/mops-commended/index.html");
    assert!(pl.contains(r#"<html lang="pl">"#) && en.contains(r#"<html lang="en">"#));
    for html in [&pl, &en] {
        assert!(
            html.contains(
                r#"hreflang="pl" href="https://example.org/archiwum/aktualnosci/mops-wyrozniony/""#
            ),
            "{html}"
        );
        assert!(html.contains(
            r#"hreflang="en" href="https://example.org/archiwum/en/news/mops-commended/""#
        ));
        assert!(html.contains(r#"hreflang="x-default" href="https://example.org/archiwum/aktualnosci/mops-wyrozniony/""#));
    }
    assert!(
        pl.contains(r#"<a href="/archiwum/en/news/mops-commended/" hreflang="en""#),
        "switcher links the translation"
    );
    assert!(en.contains(r#"<a href="/archiwum/aktualnosci/mops-wyrozniony/" hreflang="pl""#));
}

#[test]
fn translation_inherits_fields_it_does_not_set() {
    let site = Site::built("basic");
    let en = site.page("en/news/mops-commended/index.html");
    assert!(
        en.contains(r#"<time datetime="2012-02-15">15 February 2012</time>"#),
        "date inherited"
    );
    assert!(
        en.contains(r#"href="/archiwum/en/tags/efs/""#),
        "tags inherited"
    );
    assert!(
        en.contains(r#"href="/archiwum/en/projects/pora/">Time for Activity</a>"#),
        "projects inherited"
    );
    let konw = site.page("en/news/2011-10-17-konwencja/index.html");
    assert!(
        konw.contains(r#"href="/archiwum/aktualnosci/2011-10-17-konwencja/program.txt""#),
        "attachment is the original's one copy"
    );
    assert!(!site.exists("en/news/2011-10-17-konwencja/program.txt"));
}

#[test]
fn untranslated_item_links_notice_not_404() {
    let site = Site::built("basic");
    assert!(
        !site.exists("en/news/2013-05-01-tylko-po-polsku/index.html"),
        "no placeholder page"
    );
    let pl = site.page("aktualnosci/2013-05-01-tylko-po-polsku/index.html");
    assert!(
        pl.contains(r#"<a href="/archiwum/en/news/" hreflang="en" lang="en">English</a>"#),
        "{pl}"
    );
    assert!(pl.contains("This text is available only in Polish"));
    assert!(
        !pl.contains(r#"hreflang="en" href="#),
        "no hreflang to a page that does not exist"
    );
    // And the other way round for an English-only item.
    let en = site.page("en/news/2014-03-01-english-only/index.html");
    assert!(
        en.contains(r#"<a href="/archiwum/aktualnosci/" hreflang="pl" lang="pl">polski</a>"#),
        "{en}"
    );
    assert!(en.contains("tylko w języku: angielski"));
    // Left out of the other language's lists and feed.
    assert!(!site.page("en/news/index.html").contains("Tylko po polsku"));
    assert!(!site.page("en/rss.xml").contains("Tylko po polsku"));
    assert!(!site.page("rss.xml").contains("English only"));
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let site = Site::fixture("basic");
    site.build(&["--base-url", "https://preview.example.net/pr-7/"])
        .assert_ok();
    let home = site.page("index.html");
    assert!(home.contains(r#"href="/pr-7/aktualnosci/""#));
    assert!(home.contains(r#"<link rel="canonical" href="https://preview.example.net/pr-7/">"#));
}

/// Every link of the offline output is checked in `tests/integrity.rs`; here, its shape.
#[test]
fn offline_links_are_relative_and_name_index_html() {
    let site = Site::fixture("basic");
    site.build(&["--offline"]).assert_ok();
    assert!(
        site.page("aktualnosci/mops-wyrozniony/index.html")
            .contains(r#"href="../../projekty/pora/index.html""#)
    );
}

#[test]
fn internal_links_resolve_per_language_and_keep_fragments() {
    let site = Site::built("basic");
    let pl = site.page("aktualnosci/mops-wyrozniony/index.html");
    assert!(pl.contains(r#"<a href="/archiwum/projekty/pora/">kartę projektu</a>"#));
    assert!(pl.contains(
        r#"<a href="/archiwum/aktualnosci/2011-10-17-konwencja/#program">konwencję</a>"#
    ));
    assert!(
        site.page("aktualnosci/2011-10-17-konwencja/index.html")
            .contains(r#"<h2 id="program">"#)
    );
    assert!(
        site.page("en/news/mops-commended/index.html")
            .contains(r#"<a href="/archiwum/en/projects/pora/">"#)
    );
}

#[test]
fn drafts_and_embargoed_items_are_left_out_unless_asked() {
    let site = Site::built("basic");
    assert!(!site.exists("aktualnosci/2015-01-01-szkic/index.html"));
    assert!(!site.exists("aktualnosci/2099-01-01-embargo/index.html"));
    assert!(!site.page("sitemap.xml").contains("szkic"));
    site.build(&["--drafts"]).assert_ok();
    assert!(site.exists("aktualnosci/2015-01-01-szkic/index.html"));
    assert!(site.exists("aktualnosci/2099-01-01-embargo/index.html"));
}

#[test]
fn aliases_redirect_to_the_item() {
    let site = Site::built("basic");
    let old = site.page("stare/mops.html");
    assert!(
        old.contains(
            r#"<meta http-equiv="refresh" content="0; url=/archiwum/aktualnosci/mops-wyrozniony/">"#
        ),
        "{old}"
    );
    assert!(old.contains(
        r#"<link rel="canonical" href="https://example.org/archiwum/aktualnosci/mops-wyrozniony/">"#
    ));
    let php = site.page("index.php/index.html");
    assert!(
        php.contains(r#"<a href="/archiwum/aktualnosci/mops-wyrozniony/" data-query="?id=440">"#),
        "{php}"
    );
}

#[test]
fn lists_are_paginated_twenty_a_page_newest_first() {
    let site = Site::fixture("basic");
    for i in 1..=45 {
        site.write(
            &format!("content/news/2010-01-{:02}-seria-{i}.pl.md", (i % 28) + 1),
            &format!("---\ntitle: \"Seria {i}\"\ndate: 2010-01-{:02}\ntags: [seria]\n---\n\nTekst {i}.\n", (i % 28) + 1),
        );
    }
    site.build(&[]).assert_ok();
    // 48 current items in Polish (45 + 3 of the fixture, one of them archived).
    assert!(site.exists("aktualnosci/strona/2/index.html"));
    assert!(site.exists("aktualnosci/strona/3/index.html"));
    assert!(!site.exists("aktualnosci/strona/4/index.html"));
    assert!(site.exists("archiwum/2010/strona/3/index.html"));
    assert!(site.exists("tagi/seria/strona/3/index.html"));
    let first = site.page("aktualnosci/index.html");
    assert_eq!(first.matches(r#"<h2 class="item-title">"#).count(), 20);
    let a = first.find("Tylko po polsku").unwrap();
    let b = first.find("MOPS wyróżniony").unwrap();
    assert!(a < b, "newest first");
    assert!(first.contains(r#"href="/archiwum/aktualnosci/strona/2/" rel="next""#));
}

#[test]
fn feeds_and_sitemap_use_absolute_urls() {
    let site = Site::built("basic");
    let rss = site.page("rss.xml");
    assert!(rss.contains("<link>https://example.org/archiwum/aktualnosci/mops-wyrozniony/</link>"));
    assert!(rss.contains("<pubDate>Wed, 15 Feb 2012 00:00:00 +0000</pubDate>"));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/archiwum/en/news/mops-commended/</loc>"));
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="pl" href="https://example.org/archiwum/aktualnosci/mops-wyrozniony/"/>"#));
    assert!(!sitemap.contains("404.html"));
    assert!(
        site.page("robots.txt")
            .contains("Sitemap: https://example.org/archiwum/sitemap.xml")
    );
}

#[test]
fn two_builds_give_identical_bytes() {
    let a = Site::fixture("basic");
    let b = Site::fixture("basic");
    a.build(&[]).assert_ok();
    b.build(&[]).assert_ok();
    assert_eq!(tree(&a.path("public")), tree(&b.path("public")));
}

#[test]
fn unknown_non_empty_output_folder_is_refused_and_untouched() {
    let site = Site::fixture("basic");
    site.write("public/moje-notatki.txt", "ważne");
    let before = tree(&site.path("public"));
    let run = site.build(&[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.expect_stderr("not empty and kronika did not create it");
    assert!(
        run.stderr.contains(".kronika-output"),
        "says how to adopt it"
    );
    assert_eq!(tree(&site.path("public")), before);
}

#[test]
fn site_root_and_content_are_refused_as_output() {
    let site = Site::fixture("basic");
    for out in [".", "content", ".."] {
        let run = site.build(&["--output", out]);
        assert_eq!(run.code, 2, "--output {out}: {}", run.stderr);
        assert!(run.stderr.contains("refusing to build into"));
    }
}

#[test]
fn retracted_item_disappears_and_foreign_files_are_kept() {
    let site = Site::built("basic");
    site.write("public/CNAME", "archiwum.example.org");
    assert!(site.exists("aktualnosci/2013-05-01-tylko-po-polsku/index.html"));
    site.remove("content/news/2013-05-01-tylko-po-polsku.pl.md");
    site.build(&[]).assert_ok();
    assert!(!site.exists("aktualnosci/2013-05-01-tylko-po-polsku/index.html"));
    assert!(
        !site.exists("aktualnosci/2013-05-01-tylko-po-polsku"),
        "its empty folder goes too"
    );
    assert!(!site.exists("tagi/lodz/index.html"));
    assert_eq!(site.page("CNAME"), "archiwum.example.org");
}

#[test]
fn summary_line_reports_pages_per_language() {
    let site = Site::fixture("basic");
    let run = site.build(&[]);
    run.assert_ok();
    assert!(run.stdout.starts_with("Built "), "{}", run.stdout);
    assert!(run.stdout.contains("(pl ") && run.stdout.contains(", en "));
    assert!(
        run.stdout.contains("from 6 news items and 1 project"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains('\r') && !run.stderr.contains("Rendering pages"),
        "no progress noise without a terminal (CI): {:?}",
        run.stderr
    );
    let quiet = site.build(&["--quiet"]);
    assert!(quiet.stdout.is_empty());
}

#[test]
fn unchanged_pages_are_not_rewritten() {
    let site = Site::built("basic");
    let page = site.path("public/aktualnosci/mops-wyrozniony/index.html");
    let other = site.path("public/aktualnosci/2013-05-01-tylko-po-polsku/index.html");
    let before = std::fs::metadata(&page).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.write(
        "content/news/2013-05-01-tylko-po-polsku.pl.md",
        "---\ntitle: \"Tylko po polsku\"\ndate: 2013-05-01\ntags: [Łódź]\n---\n\nNowa treść.\n",
    );
    site.build(&[]).assert_ok();
    assert_eq!(
        std::fs::metadata(&page).unwrap().modified().unwrap(),
        before,
        "unchanged page kept as it was"
    );
    assert!(
        std::fs::read_to_string(other)
            .unwrap()
            .contains("Nowa treść.")
    );
}

#[test]
fn a_rebuild_with_nothing_changed_writes_no_file() {
    let site = Site::built("basic");
    let times = || {
        let mut all = std::collections::BTreeMap::new();
        for entry in walkdir::WalkDir::new(site.path("public")) {
            let entry = entry.unwrap();
            let modified = entry.metadata().unwrap().modified().unwrap();
            all.insert(entry.path().to_path_buf(), modified);
        }
        all
    };
    let before = times();
    assert!(before.keys().any(|p| p.ends_with(".kronika-output")));
    std::thread::sleep(std::time::Duration::from_millis(20));
    site.build(&[]).assert_ok();
    let after = times();
    let touched: Vec<_> = after
        .iter()
        .filter(|(p, t)| before.get(*p) != Some(t))
        .map(|(p, _)| p)
        .collect();
    assert!(touched.is_empty(), "rewritten: {touched:?}");
}

#[test]
fn attachments_are_listed_with_type_and_size() {
    let site = Site::built("basic");
    // The number and its unit are kept together by a no-break space.
    let pl = site
        .page("aktualnosci/2011-10-17-konwencja/index.html")
        .replace("1\u{a0}kB", "1 kB");
    assert!(pl.contains(r#"<a href="/archiwum/aktualnosci/2011-10-17-konwencja/program.txt">Program wizyty</a> <span class="item-meta">(TXT, 1 kB)</span>"#), "{pl}");
}

#[test]
fn site_overrides_templates_and_messages_key_by_key() {
    let site = Site::built("overrides");
    // A renamed URL segment moves the section; the other languages keep theirs.
    let pl = site.page("wiadomosci/2012-02-15-test/index.html");
    assert!(!site.exists("aktualnosci/index.html"));
    assert!(site.exists("en/news/2012-02-15-test/index.html"));
    // The site's template replaces the built-in one…
    assert!(
        pl.contains("<p class=\"custom-marker\">Dzień dobry z\u{a0}szablonu witryny</p>"),
        "{pl}"
    );
    // …while the built-in base it extends and untouched messages still apply.
    assert!(
        pl.contains(r#"<a href="/wiadomosci/">Wiadomości</a>"#),
        "{pl}"
    );
    assert!(pl.contains("Przejdź do treści"));
    // Templates serve every language; a message the site gave only in Polish shows its id
    // on English pages, visibly, so the missing translation is noticed.
    let en = site.page("en/news/2012-02-15-test/index.html");
    assert!(
        en.contains(r#"<p class="custom-marker">custom-greeting</p>"#),
        "{en}"
    );
    assert!(
        site.page("en/index.html")
            .contains(r#"<a href="/en/news/">News</a>"#)
    );
    // Files of static/ are copied as they are.
    assert_eq!(site.page("CNAME"), "archiwum.example.org\n");
}

#[test]
fn language_without_its_own_messages_falls_back_to_english_segments() {
    let site = Site::fixture("basic");
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replace("languages: [pl, en]", "languages: [pl, en, de]"),
    );
    site.write(
        "content/news/2012-02-15-mops.de.md",
        "---\ntitle: \"MOPS ausgezeichnet\"\nslug: mops-ausgezeichnet\n---\n\nText.\n",
    );
    site.build(&[])
        .assert_ok()
        .expect_stderr("i18n/de: warning: language `de` has no UI strings of its own: its pages use the English labels");
    let de = site.page("de/news/mops-ausgezeichnet/index.html");
    // Its name in the switcher is its code, never another language's name.
    assert!(
        de.contains(r#"<span aria-current="true" lang="de">de</span>"#),
        "{de}"
    );
    assert!(de.contains(r#"<html lang="de">"#));
    assert!(de.contains(
        r#"hreflang="de" href="https://example.org/archiwum/de/news/mops-ausgezeichnet/""#
    ));
    assert!(
        site.page("aktualnosci/mops-wyrozniony/index.html")
            .contains(r#"<a href="/archiwum/de/news/mops-ausgezeichnet/" hreflang="de""#)
    );
    assert!(site.exists("de/archive/index.html") && site.exists("de/tags/index.html"));
}

#[test]
fn markdown_tables_scroll_in_a_focusable_region_named_by_their_heading() {
    let site = Site::built("basic");
    let pl = site.page("aktualnosci/mops-wyrozniony/index.html");
    assert!(
        pl.contains(r#"<h2 id="wyniki">Wyniki</h2>"#)
            && pl.contains(
                r#"<div class="table-wrap" role="region" tabindex="0" aria-labelledby="wyniki"><table>"#
            ),
        "{pl}"
    );
}

#[test]
fn funding_sources_and_indicators_kronika_does_not_know_show_as_written() {
    let site = Site::fixture("basic");
    site.append(
        "content/projects/pora.yaml",
        "funding:\n  - {period: \"2012\", source: gmina, amount: \"100.00\", currency: PLN}\n",
    );
    let yaml = std::fs::read_to_string(site.path("content/projects/pora.yaml")).unwrap();
    site.write(
        "content/projects/pora.yaml",
        &yaml.replace("employed: 202}", "employed: 202, wolontariusze: 12}"),
    );
    site.build(&[]).assert_ok();
    for rel in ["projekty/pora/index.html", "en/projects/pora/index.html"] {
        let page = site.page(rel);
        assert!(page.contains(">gmina</th>"), "{page}");
        assert!(page.contains(">wolontariusze</th>"), "{page}");
        assert!(
            !page.contains("funding-source-") && !page.contains("indicator-"),
            "{page}"
        );
    }
    // Known indicators in the card's order (participants before employed), others after.
    let pl = site.page("projekty/pora/index.html");
    let at = |s: &str| {
        pl.find(&format!(">{s}</th>"))
            .unwrap_or_else(|| panic!("{s}"))
    };
    assert!(at("uczestnicy") < at("podjęli pracę") && at("podjęli pracę") < at("wolontariusze"));
}

#[test]
fn a_project_listed_twice_counts_once_and_headings_keep_clear_of_theme_ids() {
    let site = Site::fixture("basic");
    let item = "content/news/2012-02-15-mops.pl.md";
    let text = std::fs::read_to_string(site.path(item)).unwrap();
    site.write(
        item,
        &text
            .replace("projects: [pora]", "projects: [pora, pora]")
            .replace("## Wyniki", "## Main"),
    );
    site.build(&[]).assert_ok();
    let page = site.page("aktualnosci/mops-wyrozniony/index.html");
    assert_eq!(
        page.matches(r#"href="/archiwum/projekty/pora/""#).count(),
        2,
        "body link + one list entry"
    );
    assert!(
        page.contains(r#"<h2 id="main-2">Main</h2>"#) && page.matches(r#"id="main""#).count() == 1
    );
}
