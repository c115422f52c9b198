//! Polish, English and a third language (German, brought by the fixture's own `.ftl` file)
//! on rendered pages: dates, numbers, money, plural forms, alphabetical order, slugs and
//! typography. Each rule is a table of what a reader sees in each language.
//!
//! `~` in the expectations stands for a no-break space (U+00A0).
mod common;

use common::{Site, tree};

/// The `language` fixture, built once; `extra` files are written first.
fn built(extra: &[(&str, &str)]) -> Site {
    let site = Site::fixture("language");
    for (path, text) in extra {
        site.write(path, text);
    }
    site.build(&[]).assert_ok();
    site
}

/// `page` with its no-break spaces shown as `~`.
fn page(site: &Site, rel: &str) -> String {
    site.page(rel).replace('\u{a0}', "~")
}

fn assert_table(site: &Site, rows: &[(&str, &str)]) {
    let mut missing = Vec::new();
    for (rel, expected) in rows {
        if !page(site, rel).contains(expected) {
            missing.push(format!("{rel}: {expected}"));
        }
    }
    assert!(missing.is_empty(), "not found:\n  {}", missing.join("\n  "));
}

#[test]
fn dates_are_genitive_in_text_nominative_alone_and_iso_in_metadata() {
    let site = built(&[]);
    assert_table(
        &site,
        &[
            // Running text: the month in the genitive, `r.` kept with the year.
            (
                "aktualnosci/2012-02-15-spotkanie/index.html",
                r#"<time datetime="2012-02-15">15 lutego 2012~r.</time>"#,
            ),
            (
                "en/news/2012-02-15-spotkanie/index.html",
                r#"<time datetime="2012-02-15">15 February 2012</time>"#,
            ),
            (
                "de/nachrichten/2012-02-15-spotkanie/index.html",
                r#"<time datetime="2012-02-15">15. Februar 2012</time>"#,
            ),
            (
                "projekty/zolw/index.html",
                r#"<time datetime="2013-12-31">31 grudnia 2013~r.</time>"#,
            ),
            // A month standing alone (archive headings): nominative.
            (
                "archiwum/2012/index.html",
                r#"<time datetime="2012-02">luty 2012</time>"#,
            ),
            (
                "en/archive/2012/index.html",
                r#"<time datetime="2012-02">February 2012</time>"#,
            ),
            (
                "de/archiv/2012/index.html",
                r#"<time datetime="2012-02">Februar 2012</time>"#,
            ),
            // BIP metadata: ISO.
            (
                "aktualnosci/2012-02-15-spotkanie/index.html",
                r#"<dd><time datetime="2012-02-15">2012-02-15</time></dd>"#,
            ),
        ],
    );
}

#[test]
fn locales_in_site_yaml_choose_the_regional_form() {
    let site = Site::fixture("language");
    site.append("site.yaml", "locales: {en: en-US}\n");
    site.build(&[]).assert_ok();
    assert_table(
        &site,
        &[(
            "en/news/2012-02-15-spotkanie/index.html",
            ">February 15, 2012</time>",
        )],
    );
}

#[test]
fn numbers_are_grouped_the_way_each_language_writes_them() {
    let site = built(&[]);
    let cell = |n: &str| format!(r#"<td class="num">{n}</td>"#);
    let mut rows = Vec::new();
    for (pl, en, de) in [
        ("0", "0", "0"),
        ("1", "1", "1"),
        ("22", "22", "22"),
        ("999", "999", "999"),
        ("1~000", "1,000", "1.000"),
        ("3~617", "3,617", "3.617"),
        ("10~000", "10,000", "10.000"),
        ("1~234~567", "1,234,567", "1.234.567"),
    ] {
        rows.push(("projekty/zolw/index.html", cell(pl)));
        rows.push(("en/projects/zolw/index.html", cell(en)));
        rows.push(("de/projekte/zolw/index.html", cell(de)));
    }
    let rows: Vec<(&str, &str)> = rows.iter().map(|(p, e)| (*p, e.as_str())).collect();
    assert_table(&site, &rows);
}

#[test]
fn four_digit_grouping_can_follow_cldr_instead() {
    let site = Site::fixture("language");
    site.append("site.yaml", "typography: {group_four_digits: false}\n");
    site.build(&[]).assert_ok();
    let pl = page(&site, "projekty/zolw/index.html");
    assert!(
        pl.contains(r#"<td class="num">3617</td>"#)
            && pl.contains(r#"<td class="num">10~000</td>"#)
    );
    assert!(page(&site, "en/projects/zolw/index.html").contains(r#"<td class="num">3,617</td>"#));
}

#[test]
fn money_is_exact_with_its_currency_placed_per_language() {
    let site = built(&[]);
    assert_table(
        &site,
        &[
            ("projekty/zolw/index.html", "<dd>46~974~038,58~zł</dd>"),
            ("projekty/zolw/index.html", "<dd>0,10~zł</dd>"),
            ("projekty/zolw/index.html", r#"">6~772~416,00~€</td>"#),
            ("projekty/zolw/index.html", r#"">-1~250,50~zł</td>"#),
            ("en/projects/zolw/index.html", "<dd>PLN~46,974,038.58</dd>"),
            ("en/projects/zolw/index.html", "<dd>PLN~0.10</dd>"),
            ("en/projects/zolw/index.html", r#"">€6,772,416.00</td>"#),
            ("en/projects/zolw/index.html", r#"">-PLN~1,250.50</td>"#),
            ("de/projekte/zolw/index.html", "<dd>46.974.038,58~PLN</dd>"),
            ("de/projekte/zolw/index.html", r#"">6.772.416,00~€</td>"#),
        ],
    );
}

#[test]
fn the_money_filter_reads_an_amount_as_a_project_file_does() {
    // A theme may build money itself: the filter reads it as a project card's amounts
    // are read (a decimal string or an integer), and other keys of the map are the
    // template's own.
    let site = built(&[(
        "themes/bip/templates/404.html",
        r#"<p>{{ {"amount": 1500, "currency": "PLN"} | money }} {{ {"amount": "2.5", "currency": "EUR", "note": "x"} | money(lang="en") }}</p>"#,
    )]);
    assert!(
        page(&site, "404.html").contains("<p>1~500,00~zł €2.50</p>"),
        "{}",
        page(&site, "404.html")
    );
}

/// Items tagged so that each tag has `n` of them, in Polish and English.
fn tagged_items(counts: &[(&str, usize)]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut day = 0;
    for (tag, n) in counts {
        for _ in 0..*n {
            day += 1;
            let date = format!("2013-{:02}-{:02}", 1 + day / 28, 1 + day % 28);
            for lang in ["pl", "en"] {
                files.push((
                    format!("content/news/{date}-item-{day}.{lang}.md"),
                    format!("---\ntitle: \"Item {day}\"\ndate: {date}\ntags: [\"{tag}\"]\n---\n\nText.\n"),
                ));
            }
        }
    }
    files
}

#[test]
fn every_count_takes_its_plural_form() {
    let counts = [
        ("jeden", 1),
        ("dwa", 2),
        ("piec", 5),
        ("dwanascie", 12),
        ("czternascie", 14),
        ("dwadziescia dwa", 22),
    ];
    let files = tagged_items(&counts);
    let extra: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = built(&extra);
    assert_table(
        &site,
        &[
            (
                "tagi/index.html",
                ">jeden</a> <span class=\"item-meta\">(1 wiadomość)</span>",
            ),
            (
                "tagi/index.html",
                ">dwa</a> <span class=\"item-meta\">(2 wiadomości)</span>",
            ),
            (
                "tagi/index.html",
                ">dwanascie</a> <span class=\"item-meta\">(12 wiadomości)</span>",
            ),
            (
                "tagi/index.html",
                ">dwadziescia dwa</a> <span class=\"item-meta\">(22 wiadomości)</span>",
            ),
            (
                "en/tags/index.html",
                ">jeden</a> <span class=\"item-meta\">(1 news item)</span>",
            ),
            (
                "en/tags/index.html",
                ">dwa</a> <span class=\"item-meta\">(2 news items)</span>",
            ),
            // 4 projects: `few` in Polish.
            ("projekty/index.html", "W~archiwum są 4 projekty."),
            ("en/projects/index.html", "The archive holds 4 projects."),
            // The archive of 2013 counts 56 items.
            ("archiwum/index.html", "(56 wiadomości)"),
            ("en/archive/index.html", "(56 news items)"),
        ],
    );
    let one_project = Site::fixture("language");
    for p in ["lis", "labedz", "azot"] {
        one_project.remove(&format!("content/projects/{p}.yaml"));
    }
    one_project.build(&[]).assert_ok();
    assert!(page(&one_project, "projekty/index.html").contains("W~archiwum jest 1 projekt."));
}

#[test]
fn alphabetical_lists_use_the_page_language_order() {
    let tags = [
        "żółw",
        "zebra",
        "źródło",
        "łąka",
        "lis",
        "ąb",
        "azot",
        "Śląsk",
        "sowa",
        "Ćma",
        "cel",
    ];
    let files = tagged_items(&tags.iter().map(|t| (*t, 1)).collect::<Vec<_>>());
    let extra: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = built(&extra);
    let order = |rel: &str, names: &[&str]| -> Vec<String> {
        let html = page(&site, rel);
        let mut found: Vec<(usize, String)> = names
            .iter()
            .map(|n| {
                let at = html
                    .find(&format!(">{n}</a>"))
                    .unwrap_or_else(|| panic!("{rel}: {n} is not listed"));
                (at, n.to_string())
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, n)| n).collect()
    };
    assert_eq!(
        order("tagi/index.html", &tags),
        [
            "azot",
            "ąb",
            "cel",
            "Ćma",
            "lis",
            "łąka",
            "sowa",
            "Śląsk",
            "zebra",
            "źródło",
            "żółw"
        ]
    );
    assert_eq!(
        order(
            "projekty/index.html",
            &["Ąb i~azot", "Lis", "Łabędź", "Żółw i~spółka"]
        ),
        ["Ąb i~azot", "Lis", "Łabędź", "Żółw i~spółka"]
    );
    assert_eq!(
        order(
            "en/projects/index.html",
            &["Fox", "Nitrogen", "Swan", "Tortoise and partners"]
        ),
        ["Fox", "Nitrogen", "Swan", "Tortoise and partners"]
    );
}

#[test]
fn slugs_transliterate_polish_letters_and_same_slug_tags_are_one() {
    let site = built(&[(
        "content/news/2012-03-01-zażółć-gęślą-jaźń.pl.md",
        "---\ntitle: \"Zażółć\"\ndate: 2012-03-01\ntags: [\"SPOTKANIE W ŁODZI – ŻÓŁĆ\"]\n---\n\nTekst.\n",
    )]);
    assert!(site.exists("aktualnosci/2012-03-01-zazolc-gesla-jazn/index.html"));
    assert!(site.exists("tagi/spotkanie-w-lodzi-zolc/index.html"));
    let tag = page(&site, "tagi/spotkanie-w-lodzi-zolc/index.html");
    assert!(
        tag.contains(">Zażółć</a>") && tag.contains(">Spotkanie w~Łodzi — „Pora na aktywność”</a>"),
        "{tag}"
    );
}

#[test]
fn polish_typography_applies_to_text_only() {
    let site = built(&[]);
    let pl = page(&site, "aktualnosci/2012-02-15-spotkanie/index.html");
    for expected in [
        // From front matter (title) …
        "<h1>Spotkanie w~Łodzi — „Pora na aktywność”</h1>",
        "<title>Spotkanie w~Łodzi — „Pora na aktywność” – Archiwum językowe</title>",
        // … from Markdown …
        "<p>Uczestnicy projektu „Pora na aktywność” spotkali się w~Łodzi i~w~Krakowie z~partnerami",
        "Spotkanie a~nie konferencja: o~tym w~<a href=\"https://example.org/w/z?a=i\">programie</a>.",
        // … from a tag in YAML, and from the UI strings (`15 lutego 2012 r.`).
        ">Spotkanie w~Łodzi — żółć</a>",
        "Żółw i~spółka",
        // Code stays as written.
        "<pre><code>kod \"a w z\" zostaje",
        "<code>w \"z\"</code>",
    ] {
        assert!(pl.contains(expected), "{expected} not in:\n{pl}");
    }
    // Attributes are never touched.
    assert!(!pl.contains("=\"„") && !pl.contains("w~Łodzi\" "));
    let en = page(&site, "en/news/2012-02-15-spotkanie/index.html");
    assert!(
        en.contains("<h1>Meeting in Łódź — “Time for Activity”</h1>"),
        "{en}"
    );
    assert!(
        en.contains("met in Łódź and in Kraków with a partner"),
        "{en}"
    );
    let de = page(&site, "de/nachrichten/2012-02-15-spotkanie/index.html");
    assert!(
        de.contains("<h1>Treffen in Łódź — „Zeit für Aktivität“</h1>"),
        "{de}"
    );
}

#[test]
fn typography_can_be_switched_off() {
    let site = Site::fixture("language");
    site.append(
        "site.yaml",
        "typography: {single_letter_nbsp: false, smart_quotes: false}\n",
    );
    site.build(&[]).assert_ok();
    let pl = page(&site, "aktualnosci/2012-02-15-spotkanie/index.html");
    assert!(
        pl.contains("<h1>Spotkanie w Łodzi — &quot;Pora na aktywność&quot;</h1>"),
        "{pl}"
    );
}

#[test]
fn no_bidi_isolation_mark_reaches_any_page() {
    let site = built(
        &tagged_items(&[("x", 3)])
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect::<Vec<_>>(),
    );
    for (rel, bytes) in tree(&site.path("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\u{2068}', '\u{2069}']),
            "{rel} has a Fluent isolation mark"
        );
    }
}

#[test]
fn the_project_count_takes_every_polish_plural_form() {
    // The fixture has 4 projects; more are added to reach each form.
    for (total, polish, english) in [
        (
            5,
            "W~archiwum jest 5 projektów.",
            "The archive holds 5 projects.",
        ),
        (
            12,
            "W~archiwum jest 12 projektów.",
            "The archive holds 12 projects.",
        ),
        (
            14,
            "W~archiwum jest 14 projektów.",
            "The archive holds 14 projects.",
        ),
        (
            22,
            "W~archiwum są 22 projekty.",
            "The archive holds 22 projects.",
        ),
        (
            25,
            "W~archiwum jest 25 projektów.",
            "The archive holds 25 projects.",
        ),
    ] {
        let site = Site::fixture("language");
        for i in 4..total {
            site.write(
                &format!("content/projects/p{i}.yaml"),
                &format!("title: {{pl: \"Projekt {i}\", en: \"Project {i}\"}}\n"),
            );
        }
        site.build(&[]).assert_ok();
        assert!(
            page(&site, "projekty/index.html").contains(polish),
            "{total}"
        );
        assert!(
            page(&site, "en/projects/index.html").contains(english),
            "{total}"
        );
    }
}
