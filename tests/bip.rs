//! The BIP pages and elements (docs/maintainer/pages.md "BIP pages") on `tests/fixtures/bip`: the
//! accessibility statement made from `accessibility:` (the official template's ids,
//! dates, status wording, procedure, in both languages), its errors, the usage
//! instructions and their override, the BIP logo linking to the portal, the EU marking of
//! a project card, attachments' type, size and language, and the print stylesheet.

mod common;

use common::Site;
use scraper::{Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The text of the element with id `id` on `html`, spaces normalised (no-break spaces
/// of the typography pass read as spaces).
fn by_id(html: &str, id: &str) -> String {
    let doc = Html::parse_document(html);
    let el = doc
        .select(&sel(&format!("#{id}")))
        .next()
        .unwrap_or_else(|| panic!("no element #{id} in:\n{html}"));
    let text: String = el.text().collect();
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The page's text, spaces normalised.
fn plain(html: &str) -> String {
    html.replace('\u{a0}', " ")
}

const IDS: [&str; 14] = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
];

#[test]
fn accessibility_statement_follows_the_official_template_in_both_languages() {
    let site = Site::built("bip");
    let pl = site.page("deklaracja-dostepnosci/index.html");
    let en = site.page("en/accessibility-statement/index.html");
    for (page, html) in [("pl", &pl), ("en", &en)] {
        for id in IDS {
            assert!(html.contains(&format!("id=\"{id}\"")), "{page}: no #{id}");
        }
        assert_eq!(by_id(html, "a11y-data-publikacja"), "2012-01-10", "{page}");
        assert_eq!(
            by_id(html, "a11y-data-aktualizacja"),
            "2024-03-01",
            "{page}"
        );
        assert_eq!(
            by_id(html, "a11y-data-sporzadzenie"),
            "2020-09-20",
            "{page}"
        );
        assert_eq!(by_id(html, "a11y-osoba"), "Anna Nowak", "{page}");
        assert_eq!(
            by_id(html, "a11y-email"),
            "dostepnosc@example.org",
            "{page}"
        );
        assert!(html.contains(r#"href="mailto:dostepnosc@example.org""#));
        assert_eq!(by_id(html, "a11y-telefon"), "+48 54 000 00 00", "{page}");
        assert!(html.contains(r#"href="tel:+48540000000""#));
    }
    // The website the statement is about: its home page in the page's language.
    assert!(pl.contains(r#"<a id="a11y-url" href="https://example.org/bip/">Archiwum BIP</a>"#));
    assert!(en.contains(r#"<a id="a11y-url" href="https://example.org/bip/en/">BIP archive</a>"#));
    assert_eq!(by_id(&pl, "a11y-podmiot"), "Ośrodek Testowy");
    assert_eq!(by_id(&en, "a11y-podmiot"), "Test Centre");
    assert!(
        by_id(&pl, "a11y-status").starts_with(
            "Strona internetowa jest częściowo zgodna z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych"
        ),
        "{}",
        by_id(&pl, "a11y-status")
    );
    assert!(
        by_id(&en, "a11y-status")
            .starts_with("This website is partially compliant with the Act of 4 April 2019")
    );
    assert!(plain(&pl).contains("Skany dokumentów z lat 2008–2010 nie mają warstwy tekstowej."));
    assert!(plain(&en).contains("Scans of documents from 2008–2010 have no text layer."));
    // The procedure with its legal references, in the site's sentences.
    let (pl, en) = (plain(&pl), plain(&en));
    for needle in [
        "w ciągu 7 dni",
        "2 miesiące",
        "skargę",
        "Rzecznika Praw Obywatelskich",
    ] {
        assert!(pl.contains(needle), "pl: {needle}");
    }
    for needle in [
        "within 7 days",
        "2 months",
        "complaint",
        "Commissioner for Human Rights (Rzecznik Praw Obywatelskich)",
    ] {
        assert!(en.contains(needle), "en: {needle}");
    }
    // Without `architecture:` and `mobile_apps:` the statement says what applies.
    assert!(pl.contains("Z serwisem nie są związane żadne aplikacje mobilne."));
    assert!(en.contains("There are no mobile applications associated with this website."));
}

#[test]
fn status_wording_is_the_official_one() {
    let cases = [
        ("full", "zgodna", "fully compliant", false),
        ("none", "niezgodna", "not compliant", true),
    ];
    for (status, pl_word, en_word, listed) in cases {
        let site = Site::fixture("bip");
        let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
        let mut yaml = yaml.replace("status: partial", &format!("status: {status}"));
        if !listed {
            let cut = yaml.find("  non_accessible:").unwrap();
            yaml.truncate(cut);
        }
        site.write("site.yaml", &yaml);
        site.build(&[]).assert_ok();
        let pl = by_id(
            &site.page("deklaracja-dostepnosci/index.html"),
            "a11y-status",
        );
        let en = by_id(
            &site.page("en/accessibility-statement/index.html"),
            "a11y-status",
        );
        assert!(
            pl.starts_with(&format!("Strona internetowa jest {pl_word} z ustawą")),
            "{pl}"
        );
        assert!(
            en.starts_with(&format!("This website is {en_word} with the Act")),
            "{en}"
        );
        assert_eq!(pl.contains("z powodu niezgodności"), listed, "{pl}");
    }
}

#[test]
fn accessibility_block_errors_are_located() {
    // An unknown key names the nearest known one, at its line.
    let site = Site::fixture("bip");
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write("site.yaml", &yaml.replace("  contact: {", "  contakt: {"));
    let run = site.build_refused();
    run.expect_stderr("site.yaml:19:3: error: unknown key `contakt`")
        .expect_stderr("did you mean `contact`?");

    // A status that is not one of the three.
    site.write(
        "site.yaml",
        &yaml.replace("status: partial", "status: czesciowa"),
    );
    site.build_refused().expect_stderr(
        "`czesciowa` is not an accessibility status: write `full`, `partial` or `none`",
    );

    // Partial compliance without the list of what is not accessible.
    let cut = yaml.find("  non_accessible:").unwrap();
    site.write("site.yaml", &yaml[..cut]);
    site.build_refused()
        .expect_stderr("site.yaml:14:1: error: `accessibility:` has status `partial` but no `non_accessible:` list");
}

#[test]
fn a_hand_written_page_at_the_statement_url_is_a_clash() {
    let site = Site::fixture("bip");
    site.write(
        "content/pages/deklaracja-dostepnosci.pl.md",
        "---\ntitle: \"Deklaracja dostępności\"\n---\nTekst.\n",
    );
    site.write(
        "content/pages/a11y.en.md",
        "---\ntitle: \"Statement\"\nslug: accessibility-statement\n---\nText.\n",
    );
    let run = site.build_refused();
    run.expect_stderr("content/pages/deklaracja-dostepnosci.pl.md: error: the page would take /deklaracja-dostepnosci/, where kronika writes the accessibility statement made from `accessibility:` in site.yaml")
        .expect_stderr("content/pages/a11y.en.md:3:7: error: the page would take /en/accessibility-statement/")
        .expect_stderr("help: keep the statement's facts in `accessibility:` of site.yaml and delete this file")
        .expect_stderr("2 errors");

    // Without `accessibility:` the address is the site's to use.
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    let cut = yaml.find("accessibility:").unwrap();
    site.write("site.yaml", &yaml[..cut]);
    site.build(&[]).assert_ok();
    assert!(
        site.page("deklaracja-dostepnosci/index.html")
            .contains("Tekst.")
    );
    assert!(
        !site
            .page("index.html")
            .contains("Deklaracja dostępności</a>")
    );
}

#[test]
fn every_page_links_the_statement_and_the_instructions_in_its_footer() {
    let site = Site::built("bip");
    for (page, statement, instructions) in [
        (
            "index.html",
            "/bip/deklaracja-dostepnosci/",
            "/bip/instrukcja-korzystania/",
        ),
        (
            "aktualnosci/2012-02-15-raport/index.html",
            "/bip/deklaracja-dostepnosci/",
            "/bip/instrukcja-korzystania/",
        ),
        (
            "projekty/efs/index.html",
            "/bip/deklaracja-dostepnosci/",
            "/bip/instrukcja-korzystania/",
        ),
        (
            "en/index.html",
            "/bip/en/accessibility-statement/",
            "/bip/en/how-to-use-this-site/",
        ),
        (
            "en/news/2012-02-15-raport/index.html",
            "/bip/en/accessibility-statement/",
            "/bip/en/how-to-use-this-site/",
        ),
    ] {
        let html = site.page(page);
        let doc = Html::parse_document(&html);
        let links: Vec<&str> = doc
            .select(&sel("footer nav.footer-links a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(links.contains(&statement), "{page}: {links:?}");
        assert!(links.contains(&instructions), "{page}: {links:?}");
    }
}

#[test]
fn usage_instructions_describe_what_the_site_has_and_a_site_page_overrides_them() {
    let site = Site::built("bip");
    let pl = plain(&site.page("instrukcja-korzystania/index.html"));
    let en = plain(&site.page("en/how-to-use-this-site/index.html"));
    assert!(pl.contains("<h1>Instrukcja korzystania z serwisu</h1>"));
    assert!(en.contains("<h1>How to use this site</h1>"));
    for h in [
        "Nawigacja",
        "Wyszukiwarka",
        "Statystyki",
        "Kanał RSS",
        "Metryczka",
    ] {
        assert!(pl.contains(&format!("\">{h}</h2>")), "pl: {h}");
    }
    for h in [
        "Navigation",
        "Search",
        "Statistics",
        "RSS feed",
        "Metadata (metryczka)",
    ] {
        assert!(en.contains(&format!("\">{h}</h2>")), "en: {h}");
    }
    assert!(pl.contains(r#"<a href="/bip/deklaracja-dostepnosci/">Deklaracja dostępności</a>"#));
    assert!(pl.contains(r#"<a href="/bip/rss.xml">"#));
    // Hreflang both ways.
    assert!(
        pl.contains(r#"hreflang="en" href="https://example.org/bip/en/how-to-use-this-site/""#)
    );

    // No search: no search section.
    let site = Site::fixture("bip");
    site.append("site.yaml", "search: false\n");
    site.build(&[]).assert_ok();
    let pl = site.page("instrukcja-korzystania/index.html");
    assert!(!pl.contains("Wyszukiwarka"), "{pl}");
    assert!(pl.contains("Nawigacja"));

    // A site's own page at the address replaces the Polish one; English stays generated.
    site.write(
        "content/pages/instrukcja-korzystania.pl.md",
        "---\ntitle: \"Jak korzystać z BIP\"\n---\nNasza własna instrukcja.\n",
    );
    site.build(&[]).assert_ok();
    let pl = site.page("instrukcja-korzystania/index.html");
    assert!(pl.contains("Nasza własna instrukcja."), "{pl}");
    assert!(!pl.contains("Nawigacja"));
    assert!(
        site.page("en/how-to-use-this-site/index.html")
            .contains("<h1>How to use this site</h1>")
    );
}

#[test]
fn the_bip_logo_links_to_the_portal_with_its_alt_text() {
    let site = Site::built("bip");
    for (page, alt) in [
        ("index.html", "Biuletyn Informacji Publicznej"),
        (
            "en/news/2012-02-15-raport/index.html",
            "Public Information Bulletin",
        ),
    ] {
        let html = site.page(page);
        let doc = Html::parse_document(&html);
        let img = doc
            .select(&sel(r#"header a[href="https://www.gov.pl/web/bip"] > img"#))
            .next()
            .unwrap_or_else(|| panic!("{page}: no logo linking to the portal"));
        assert_eq!(img.value().attr("alt"), Some(alt), "{page}");
        assert_eq!(img.value().attr("src"), Some("/bip/logos/bip.svg"));
    }
    assert!(
        site.exists("logos/bip.svg"),
        "the site's own copy is published"
    );

    // A logo that is not the site's file, and one without alt text, are located errors.
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replace("logo: logos/bip.svg", "logo: logos/bip.png"),
    );
    site.build_refused()
        .expect_stderr("site.yaml:12:9: error: the logo `logos/bip.png` is not a file of the site's static/ folder");
    site.write(
        "site.yaml",
        &yaml.replace(
            "logo: logos/bip.svg",
            "logo: \"https://www.gov.pl/bip.png\"",
        ),
    );
    site.build_refused()
        .expect_stderr("is not a file of the site's static/ folder");
    let no_alt: String = yaml
        .lines()
        .filter(|l| !l.starts_with("  alt:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("site.yaml", &no_alt);
    site.build_refused()
        .expect_stderr("site.yaml:12:9: error: the logo has no `alt:` text");

    // Without a logo the portal link is text.
    site.write("site.yaml", &no_alt.replace("  logo: logos/bip.svg\n", ""));
    site.build(&[]).assert_ok();
    assert!(
        site.page("index.html")
            .contains(r#"<a href="https://www.gov.pl/web/bip">Biuletyn Informacji Publicznej</a>"#)
    );
}

#[test]
fn project_cards_show_their_eu_marking() {
    let site = Site::built("bip");
    let pl = plain(&site.page("projekty/efs/index.html"));
    let en = plain(&site.page("en/projects/efs/index.html"));
    assert!(pl.contains("<p>Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego</p>"), "{pl}");
    assert!(pl.contains(
        r#"<img src="/bip/logos/efs.svg" alt="Unia Europejska – Europejski Fundusz Społeczny">"#
    ));
    assert!(en.contains(
        "<p>The project is co-financed by the European Union under the European Social Fund</p>"
    ));
    assert!(en.contains(r#"alt="European Union – European Social Fund""#));
    assert!(
        !site
            .page("projekty/bez-oznaczenia/index.html")
            .contains("eu-marking")
    );

    // The logo must be the site's file, with alt text.
    let yaml = std::fs::read_to_string(site.path("content/projects/efs.yaml")).unwrap();
    site.write(
        "content/projects/efs.yaml",
        &yaml.replace("logos/efs.svg", "logos/ue.svg"),
    );
    site.build_refused()
        .expect_stderr("content/projects/efs.yaml:7:13: error: the logo `logos/ue.svg` is not a file of the site's static/ folder");
    // Every missing logo at once.
    site.append(
        "content/projects/efs.yaml",
        "    - {file: logos/pokl.svg, alt: \"Kapitał Ludzki\"}\n",
    );
    site.build_refused()
        .expect_stderr("content/projects/efs.yaml:9:14: error: the logo `logos/pokl.svg`")
        .expect_stderr("2 errors");
    let no_alt: String = yaml
        .lines()
        .filter(|l| !l.trim_start().starts_with("alt:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/projects/efs.yaml", &no_alt);
    site.build_refused()
        .expect_stderr("content/projects/efs.yaml:7:7: error: required key `alt` is missing");
}

#[test]
fn attachments_show_type_size_and_language() {
    let site = Site::fixture("bip");
    // 1.2 MB: 1 258 291 bytes.
    site.write(
        "content/news/2012-02-15-raport/raport.pdf",
        &"x".repeat(1_258_291),
    );
    site.build(&[]).assert_ok();
    let pl = plain(&site.page("aktualnosci/2012-02-15-raport/index.html"));
    let en = plain(&site.page("en/news/2012-02-15-raport/index.html"));
    assert!(
        pl.contains(
            r#"raport.pdf">Raport końcowy</a> <span class="item-meta">(PDF, 1,2 MB)</span>"#
        ),
        "{pl}"
    );
    assert!(
        en.contains(
            // The title is the Polish original's: marked as Polish (WCAG 3.1.2).
            r#"raport.pdf" lang="pl">Raport końcowy</a> <span class="item-meta">(PDF, 1.2 MB)</span>"#
        ),
        "{en}"
    );
    // `lang:` gives hreflang, and a label where it is not the page's language.
    assert!(pl.contains(r#"presentation.pdf" hreflang="en">Prezentacja</a> <span class="item-meta">(PDF, 1 kB, język: angielski)</span>"#), "{pl}");
    assert!(en.contains(r#"presentation.pdf" hreflang="en" lang="pl">Prezentacja</a> <span class="item-meta">(PDF, 1 kB)</span>"#), "{en}");
    assert!(
        pl.contains(
            r#"notatka.txt" hreflang="pl">Notatka</a> <span class="item-meta">(TXT, 1 kB)</span>"#
        ),
        "{pl}"
    );
    assert!(en.contains(r#"notatka.txt" hreflang="pl" lang="pl">Notatka</a> <span class="item-meta">(TXT, 1 kB, in Polish)</span>"#), "{en}");

    // A language code that is not one is a located error.
    let md =
        std::fs::read_to_string(site.path("content/news/2012-02-15-raport/index.pl.md")).unwrap();
    site.write(
        "content/news/2012-02-15-raport/index.pl.md",
        &md.replace("lang: en}", "lang: angielski}"),
    );
    site.build_refused()
        .expect_stderr("content/news/2012-02-15-raport/index.pl.md:");
}

#[test]
fn pages_print_their_text_metryczka_and_address_without_navigation() {
    let site = Site::built("bip");
    let css = site.page("style.css");
    let print = css
        .match_indices("@media print")
        .map(|(i, _)| &css[i..])
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!print.is_empty(), "style.css has print rules");
    for hidden in [
        ".site-nav",
        ".header-search",
        ".footer-links",
        ".lang-switcher",
    ] {
        assert!(
            print
                .lines()
                .any(|l| l.contains(hidden) && l.contains("display: none")),
            "print hides {hidden}"
        );
    }
    assert!(print.contains(".print-url { display: block"));
    for page in [
        "aktualnosci/2012-02-15-raport/index.html",
        "o-serwisie/index.html",
        "en/news/2012-02-15-raport/index.html",
    ] {
        let html = site.page(page);
        assert!(
            html.contains(r#"<link rel="stylesheet" href="/bip/style.css">"#),
            "{page}"
        );
        assert!(html.contains(r#"class="metadata""#), "{page}: metryczka");
        let canonical = format!(
            "https://example.org/bip/{}",
            page.trim_end_matches("index.html")
        );
        assert!(
            html.contains(&format!(r#"<p class="print-url">{canonical}</p>"#)),
            "{page}: printed address"
        );
    }
}

/// A publisher named only in Polish is marked Polish on English pages, in the metryczka
/// as in the footer, so a screen reader reads it in Polish (WCAG 3.1.2).
#[test]
fn a_publisher_named_only_in_polish_is_marked_polish_in_the_english_metryczka() {
    let site = Site::fixture("basic");
    let yaml = std::fs::read_to_string(site.path("site.yaml"))
        .unwrap()
        .replace(
            "  name: {pl: \"Ośrodek Testowy\", en: \"Test Centre\"}",
            "  name: \"Ośrodek Testowy\"",
        );
    site.write("site.yaml", &yaml);
    site.build(&[]).assert_ok();
    let page =
        std::fs::read_to_string(site.path("public/en/news/mops-commended/index.html")).unwrap();
    assert!(
        page.contains("<dd lang=\"pl\">Ośrodek Testowy</dd>"),
        "{page}"
    );
}
