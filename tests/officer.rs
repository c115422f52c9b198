//! What a new comms officer ran into (the findings of issue 17): errors that say what is
//! wrong in the editor's own words, anchors that lead somewhere, an English side that marks
//! its Polish, pages that read on a phone. Each test names the finding it covers.

mod common;

use common::{Site, tree};

const ORIGINAL: &str = "content/news/2012-02-15-mops.pl.md";
const LINKING: &str = "content/news/2011-10-17-konwencja/index.pl.md";

/// Builds the fixture once, breaks it with `edit`, and expects a refused build.
fn refused(edit: impl FnOnce(&Site)) -> common::Run {
    let site = Site::built("basic");
    edit(&site);
    site.build_refused()
}

/// Finding 1: an item whose front matter has an error is reported once; a link to it from
/// another item is not reported as a link to a file that does not exist.
#[test]
fn a_broken_item_is_not_a_missing_link_target() {
    for broken in [
        // A key that does not exist: the file is read but not resolved.
        "---\ntitle: \"MOPS\"\ndate: 2012-02-15\nProduced: 2012-02-10\n---\n\nTekst.\n",
        // YAML that does not parse.
        "---\ntitle: \"MOPS\ndate: 2012-02-15\n---\n\nTekst.\n",
        // A key with a wrong value, found after the YAML is read.
        "---\ntitle: \"MOPS\"\ndate: 2012-02-15\nprojects: [nie-ma]\n---\n\nTekst.\n",
    ] {
        let run = refused(|s| {
            s.write(ORIGINAL, broken);
            s.append(
                LINKING,
                "\nZobacz [wyróżnienie](@/news/2012-02-15-mops.pl.md).\n",
            );
        });
        run.expect_stderr(&format!("{ORIGINAL}:"));
        assert!(
            !run.stderr
                .contains("link to `@/news/2012-02-15-mops.pl.md`"),
            "a link to an item with errors is not another error:\n{}",
            run.stderr
        );
        assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    }
}

/// Finding 2: a translation filed under a slightly wrong name is told that it has no
/// original, and which original is nearest, instead of "required key `date` is missing".
#[test]
fn a_misnamed_translation_is_told_its_nearest_original() {
    let run = refused(|s| {
        s.remove("content/news/2012-02-15-mops.en.md");
        s.write(
            "content/news/2012-02-15-mopss.en.md",
            "---\ntitle: \"MOPS commended\"\n---\n\nText.\n",
        );
    });
    run.expect_stderr(
        "content/news/2012-02-15-mopss.en.md:1:1: error: there is no original \
         `content/news/2012-02-15-mopss.pl.md` for this translation",
    );
    run.expect_stderr("did you mean `content/news/2012-02-15-mops.pl.md`?");
    assert!(!run.stderr.contains("is missing"), "{}", run.stderr);
    // An English-only item with its own title and date still stands alone.
    Site::built("basic");
}

/// Finding 3: money written as people write it (`5 000 000,00 zł`) gets a hint that is
/// itself an amount, with the currency sent to `currency:`; the hint, written back into
/// the file, builds.
#[test]
fn the_money_hint_is_an_amount_kronika_accepts() {
    const PROJECT: &str = "content/projects/pora.yaml";
    for (written, hint, currency) in [
        ("5 000 000,00 zł", "5000000.00", Some("PLN")),
        ("5000000.00zł", "5000000.00", Some("PLN")),
        ("1.234.567,89", "1234567.89", None),
        ("12,5", "12.5", None),
    ] {
        let site = Site::built("basic");
        let before = std::fs::read_to_string(site.path(PROJECT)).unwrap();
        let broken = before.replace(
            "{amount: \"46974038.58\", currency: PLN}",
            &format!("{{amount: \"{written}\", currency: PLN}}"),
        );
        site.write(PROJECT, &broken);
        let run = site.build_refused();
        run.expect_stderr(&format!("e.g. \"{hint}\""));
        if let Some(c) = currency {
            run.expect_stderr(&format!("the currency in `currency: {c}`"));
        }
        site.write(PROJECT, &broken.replace(written, hint));
        site.build(&[]).assert_ok();
    }
}

/// Finding 4: a list written without brackets is shown written as a list, in the file's
/// own words.
#[test]
fn a_list_without_brackets_is_shown_as_a_list() {
    let run = refused(|s| {
        s.write(
            ORIGINAL,
            "---\ntitle: \"MOPS\"\ndate: 2012-02-15\ntags: EFS, szkolenia\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!("{ORIGINAL}:4:"));
    run.expect_stderr("= help: a list is written in square brackets: `tags: [EFS, szkolenia]`");
}

/// Finding 5: a front matter left open swallows the text up to a `---` rule; the sentence
/// that YAML then reads as a key says that the front matter was probably never closed.
#[test]
fn a_sentence_read_as_a_key_says_the_front_matter_is_open() {
    let run = refused(|s| {
        s.write(
            ORIGINAL,
            "---\ntitle: \"MOPS\"\ndate: 2012-02-15\n\nZapraszamy uczestników projektu: spotkanie w środę.\n\n---\n\nDalszy tekst.\n",
        )
    });
    run.expect_stderr("unknown key `Zapraszamy uczestników projektu`");
    run.expect_stderr("the front matter was probably never closed");
}

/// Funding rows and indicators for the fixture's project, so that its card has every
/// section.
const PROJECT_WITH_EVERYTHING: &str =
    "title: {pl: \"Pora na aktywność\", en: \"Time for Activity\"}
fund: EFS
programme: {pl: \"Program Operacyjny Kapitał Ludzki\", en: \"Human Capital Operational Programme\"}
period: {start: 2008-06-01, end: 2015-06-30}
budget:
  total: {amount: \"46974038.58\", currency: PLN}
funding:
  - {period: \"2013–2015\", source: eu, amount: \"16556866.32\", currency: PLN}
  - {period: \"2013–2015\", source: gmina, amount: \"1000.00\", currency: PLN}
indicators:
  - {date: 2012-02-15, participants: 3617, employed: 202, wolontariusze: 12}
";

/// Finding 6: the ids the guide documents on a project card are the card's; an `@/` link
/// whose `#fragment` names no id on its target page fails the build, located at the link,
/// and leaves the previous output as it was.
#[test]
fn fragments_of_links_name_ids_of_their_pages() {
    let site = Site::built("basic");
    site.write("content/projects/pora.yaml", PROJECT_WITH_EVERYTHING);
    site.append(
        LINKING,
        "\n[karta](@/projects/pora.yaml#card) [finanse](@/projects/pora.yaml#funding) \
         [wskaźniki](@/projects/pora.yaml#indicators) [wiadomości](@/projects/pora.yaml#project-news) \
         [wyniki](@/news/2012-02-15-mops.pl.md#wyniki)\n",
    );
    site.build(&[]).assert_ok();
    let card = site.page("projekty/pora/index.html");
    for id in ["card", "funding", "indicators", "project-news"] {
        assert!(card.contains(&format!(" id=\"{id}\"")), "#{id} on the card");
    }
    assert!(!card.contains("\"k-card\""), "the old ids are gone");
    let linking = tree(&site.path("public"))
        .into_iter()
        .find(|(path, bytes)| {
            path.ends_with("index.html")
                && String::from_utf8_lossy(bytes).contains("odwiedzili Kraków")
        })
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .unwrap();
    assert!(
        linking.contains("/projekty/pora/#funding"),
        "the fragment is kept"
    );

    let before = tree(&site.path("public"));
    let text = site.append(
        LINKING,
        "\nZobacz [wyniki](@/news/2012-02-15-mops.pl.md#wynik) i [kartę](@/projects/pora.yaml#k-card).\n",
    );
    let line = text.lines().count() + 2;
    let run = site.build_refused();
    run.expect_stderr(&format!(
        "{LINKING}:{line}:17: error: link to `@/news/2012-02-15-mops.pl.md#wynik`: the page has no element with id `wynik`"
    ));
    run.expect_stderr(&format!(
        "{LINKING}:{line}:63: error: link to `@/projects/pora.yaml#k-card`"
    ));
    run.expect_stderr("the page has no element with id `k-card`");
    // The nearest id of the target page is suggested under the link.
    run.expect_stderr("^^^^^^ did you mean `wyniki`?\n");
    run.expect_stderr(" did you mean `card`?\n");
    assert_eq!(tree(&site.path("public")), before);
}

/// The Markdown files of the guide (docs/dev/testing.md, "The guide's tests").
fn guide_files() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    for dir in ["docs/en", "docs/pl", "docs/maintainer", "docs/dev"] {
        let mut pages: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        pages.sort();
        files.extend(pages);
    }
    files
}

/// Finding 6: every `@/` link in the guide's Markdown snippets (```` ```markdown ````
/// blocks without a site path; those with one are built by `tests/guide.rs`) builds, with
/// the targets it names, so that the documented paths and fragments cannot drift from
/// what kronika makes.
#[test]
fn every_link_example_of_the_guide_builds() {
    let mut examples = Vec::new();
    for file in guide_files() {
        let mut in_markdown = false;
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            if line.trim_start().starts_with("```") {
                in_markdown = line.trim_start() == "```markdown";
                continue;
            }
            if in_markdown && line.contains("](@/") && !examples.contains(&line.to_string()) {
                examples.push(line.to_string());
            }
        }
    }
    assert!(
        examples.len() >= 5,
        "the guide's examples found: {examples:?}"
    );
    // The examples' own items, in place of the fixture's.
    let site = Site::fixture("basic");
    std::fs::remove_dir_all(site.path("content/news")).unwrap();
    // Each target, with the fragments the examples name on it.
    let mut targets: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for line in &examples {
        for link in line.split("](@/").skip(1) {
            let link = &link[..link.find(')').unwrap()];
            let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
            let fragments = targets.entry(path.to_string()).or_default();
            if !fragment.is_empty() {
                fragments.push(fragment.to_string());
            }
        }
    }
    let fragments: usize = targets.values().map(Vec::len).sum();
    for (path, ids) in &targets {
        let file = format!("content/{path}");
        if path.starts_with("projects/") {
            site.write(&file, PROJECT_WITH_EVERYTHING);
        } else {
            // Headings whose text makes the fragments' ids, as the guide says ids are made.
            let date = path
                .split('/')
                .nth(1)
                .and_then(|n| n.get(..10))
                .filter(|d| d.starts_with("20"));
            let headings: String = ids
                .iter()
                .map(|id| format!("## {}\n\nTekst.\n\n", id.replace('-', " ")))
                .collect();
            site.write(
                &file,
                &format!(
                    "---\ntitle: \"Przykład\"\n{}---\n\nTekst.\n\n{headings}",
                    date.map(|d| format!("date: {d}\n")).unwrap_or_default()
                ),
            );
        }
    }
    assert!(fragments >= 2, "the guide's examples have fragments");
    site.write(
        "content/news/2016-01-01-przyklady.pl.md",
        &format!(
            "---\ntitle: \"Przykłady\"\ndate: 2016-01-01\n---\n\n{}\n",
            examples.join("\n\n")
        ),
    );
    site.build(&[]).assert_ok();
}

/// Finding 7: an old address whose query no item claims shows a page that says the page
/// was not found, offers the archive and the search, and stays out of search engines.
#[test]
fn an_unknown_old_address_is_a_page_not_found() {
    let site = Site::built("basic");
    let page = site.page("index.php/index.html");
    assert!(
        page.contains("<title>Nie znaleziono strony</title>"),
        "{page}"
    );
    assert!(page.contains("<h1>Nie znaleziono strony</h1>"));
    assert!(
        page.contains("href=\"/archiwum/archiwum/\""),
        "the archive: {page}"
    );
    assert!(page.contains("href=\"/archiwum/szukaj/\""), "the search");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(!page.contains("przeniesiona"), "{page}");
    // A known query still leads to its item.
    assert!(page.contains("data-query=\"?id=440\""));
    // A plain old path is still a redirect that says the page has moved.
    assert!(
        site.page("stare/mops.html")
            .contains("Strona została przeniesiona")
    );
}

/// Finding 9: `fund` and `programme` are translatable like `full_title`, and the plain
/// string form stays; an English card marks the Polish it shows.
#[test]
fn fund_and_programme_are_translatable() {
    let site = Site::fixture("basic");
    site.write("content/projects/pora.yaml", PROJECT_WITH_EVERYTHING);
    site.build(&[]).assert_ok();
    let pl = site.page("projekty/pora/index.html");
    let en = site.page("en/projects/pora/index.html");
    assert!(
        pl.contains(">Program Operacyjny Kapitał Ludzki</dd>"),
        "{pl}"
    );
    assert!(
        en.contains(">Human Capital Operational Programme</dd>"),
        "{en}"
    );
    assert!(pl.contains("<dd>EFS</dd>"), "the plain form");
}

/// Finding 14: the funding table's caption does not repeat its heading on screen: it is
/// visually hidden, and still the table's name.
#[test]
fn the_funding_table_says_its_heading_once() {
    let site = Site::fixture("basic");
    site.write("content/projects/pora.yaml", PROJECT_WITH_EVERYTHING);
    site.build(&[]).assert_ok();
    let pl = site.page("projekty/pora/index.html");
    assert_eq!(pl.matches(">Źródła finansowania<").count(), 2, "{pl}");
    assert!(pl.contains("<caption id=\"k-funding-caption\" class=\"visually-hidden\">Źródła finansowania</caption>"), "{pl}");
    let css = site.page("style.css");
    assert!(css.contains(".visually-hidden {"));
}

/// Finding 12: a postal code and a phone number never break across lines: on every page,
/// the code's hyphen is non-breaking and the number's spaces are no-break spaces, in the
/// footer and in an item's text; the `tel:` address is left as it was.
#[test]
fn postal_codes_and_phone_numbers_do_not_break() {
    let site = Site::fixture("basic");
    site.append(
        "site.yaml",
        "  address: {pl: \"ul. Długa 1, 80-432 Gdańsk\", en: \"1 Długa St, 80-432 Gdańsk\"}\n  phone: \"+48 58 616 54 20\"\n",
    );
    site.append(
        ORIGINAL,
        "\nZapisy: tel. 12 616-54-20, ul. Józefińska 14, 30-529 Kraków.\n",
    );
    site.build(&[]).assert_ok();
    for page in [
        "index.html",
        "en/index.html",
        "aktualnosci/mops-wyrozniony/index.html",
        "en/news/mops-commended/index.html",
    ] {
        let html = site.page(page);
        assert!(
            html.contains("80\u{2011}432 Gdańsk"),
            "{page}: the postal code"
        );
        assert!(
            html.contains(">+48\u{a0}58\u{a0}616\u{a0}54\u{a0}20</a>"),
            "{page}: the phone"
        );
        assert!(
            html.contains("href=\"tel:+48586165420\""),
            "{page}: the address"
        );
    }
    let item = site.page("aktualnosci/mops-wyrozniony/index.html");
    assert!(item.contains("12\u{a0}616\u{2011}54\u{2011}20"), "{item}");
    assert!(item.contains("30\u{2011}529\u{a0}Kraków") || item.contains("30\u{2011}529 Kraków"));
}

/// Finding 13: a summary is cut at a word boundary, never after a one-letter word or
/// inside a number with its unit, and its quotation marks stay paired.
#[test]
fn summaries_are_cut_at_words() {
    let site = Site::fixture("basic");
    let words = "W ramach projektu „Pora na aktywność – Aktywizacja i integracja klientów MOPS w Krakowie” \
                 zrealizowano trzy wnioski o dofinansowanie ze środków Programu Operacyjnego Kapitał Ludzki, \
                 a w projekcie wzięło udział łącznie 3 617 osób z Krakowa i okolic, z których wiele podjęło pracę \
                 po zakończeniu szkoleń zawodowych o dofinansowanie";
    site.write(
        "content/news/2016-01-01-dlugie.pl.md",
        &format!("---\ntitle: \"Długie\"\ndate: 2016-01-01\n---\n\n{words}\n"),
    );
    site.build(&[]).assert_ok();
    let list = site.page("aktualnosci/index.html");
    let summary = list
        .split("<p class=\"item-summary\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap();
    assert!(summary.ends_with('…'), "{summary}");
    let kept = summary.trim_end_matches('…').replace('\u{a0}', " ");
    assert!(words.starts_with(&kept), "{summary}");
    let next = &words[kept.len()..];
    assert!(next.starts_with(' '), "cut at a word boundary: {summary}");
    let last = kept.rsplit(' ').next().unwrap();
    assert!(
        last.chars().count() > 1,
        "not after a one-letter word: {summary}"
    );
    assert!(
        !last.chars().any(|c| c.is_ascii_digit()),
        "not in a number: {summary}"
    );
    assert_eq!(
        summary.matches('„').count(),
        summary.matches('”').count(),
        "{summary}"
    );
}

/// Finding 15: a base path equal to one of kronika's own segments (`/projekty/`) is a valid
/// choice: the project card is at `/projekty/projekty/<id>/` and every link leads there; a
/// renamed segment (`url-projects = karty`) gives `/projekty/karty/<id>/`.
#[test]
fn a_base_path_may_equal_a_segment() {
    let site = Site::fixture("basic");
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replace(
            "https://example.org/archiwum/",
            "https://example.org/projekty/",
        ),
    );
    site.build(&[]).assert_ok();
    let card = site.page("projekty/pora/index.html");
    assert!(
        card.contains("href=\"https://example.org/projekty/projekty/pora/\""),
        "canonical"
    );
    let item = site.page("aktualnosci/mops-wyrozniony/index.html");
    assert!(item.contains("href=\"/projekty/projekty/pora/\""), "{item}");
    assert!(
        site.page("index.html")
            .contains("href=\"/projekty/projekty/\"")
    );

    site.write("i18n/pl/serwis.ftl", "url-projects = karty\n");
    site.build(&[]).assert_ok();
    assert!(site.exists("karty/pora/index.html"));
    assert!(
        !site.exists("projekty/pora/index.html"),
        "the old card is removed"
    );
    let item = site.page("aktualnosci/mops-wyrozniony/index.html");
    assert!(item.contains("href=\"/projekty/karty/pora/\""), "{item}");
}

/// Every `<tag …>` in `html` that holds `text` as its whole content, as written.
fn elements_with_text<'a>(html: &'a str, text: &str) -> Vec<&'a str> {
    let needle = format!(">{text}<");
    html.match_indices(&needle)
        .filter_map(|(i, _)| html[..i].rfind('<').map(|start| &html[start..=i]))
        .collect()
}

/// Asserts that every element whose whole text is `text` in `html` carries `lang="{lang}"`.
fn marked(html: &str, text: &str, lang: &str, page: &str) {
    let found = elements_with_text(html, text);
    assert!(!found.is_empty(), "{page}: `{text}` is shown");
    for tag in found {
        assert!(
            tag.contains(&format!(" lang=\"{lang}\"")),
            "{page}: {tag}{text} has no lang=\"{lang}\""
        );
    }
}

/// Finding 8 (WCAG 3.1.2): on English pages every value in Polish is marked
/// `lang="pl"` (tags, indicator names and funding sources shown as written, a plain `fund`,
/// an untranslated title in the breadcrumb, inherited attachment titles and metryczka), and
/// on Polish pages an English-only tag is marked `lang="en"`.
#[test]
fn values_in_the_other_language_are_marked() {
    let site = Site::fixture("basic");
    site.write("content/projects/pora.yaml", PROJECT_WITH_EVERYTHING);
    site.write(
        "content/projects/tylko.yaml",
        "title: {pl: \"Tylko po polsku\"}\nfund: EFS\n",
    );
    site.write(
        "content/news/2014-03-01-english-only.en.md",
        "---\ntitle: \"English only\"\ndate: 2014-03-01\ntags: [employment]\nprojects: [tylko]\n---\n\nText.\n",
    );
    site.build(&[]).assert_ok();
    let card = site.page("en/projects/pora/index.html");
    marked(&card, "EFS", "pl", "en card");
    marked(&card, "gmina", "pl", "en card");
    marked(&card, "wolontariusze", "pl", "en card");
    assert!(
        card.contains(">Human Capital Operational Programme</dd>"),
        "translated, unmarked"
    );
    let tylko = site.page("en/projects/tylko/index.html");
    marked(
        &tylko,
        "Tylko po polsku",
        "pl",
        "en card of an untranslated project",
    );
    let item = site.page("en/news/mops-commended/index.html");
    marked(&item, "EFS", "pl", "en item");
    marked(&item, "dobre praktyki", "pl", "en item");
    marked(&item, "Dział Projektów", "pl", "en metryczka");
    let en_item = site.page("en/news/2014-03-01-english-only/index.html");
    marked(&en_item, "Tylko po polsku", "pl", "en item's project");
    let tags = site.page("en/tags/index.html");
    marked(&tags, "dobre praktyki", "pl", "en tags");
    assert!(
        elements_with_text(&tags, "employment")
            .iter()
            .all(|t| !t.contains("lang="))
    );
    let tag = site.page("en/tags/efs/index.html");
    marked(&tag, "EFS", "pl", "en tag page");
    let stats = site.page("en/stats/index.html");
    marked(&stats, "dobre praktyki", "pl", "en stats");
    let pl_stats = site.page("statystyki/index.html");
    marked(&pl_stats, "employment", "en", "pl stats");
    let (path, konwencja) = tree(&site.path("public"))
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8_lossy(&b).into_owned()))
        .find(|(p, html)| p.starts_with("en/news/") && html.contains(">Program wizyty<"))
        .expect("the English konwencja");
    marked(&konwencja, "Program wizyty", "pl", &path);
}

/// The nginx `location` block the guide gives for a site under `/archiwum/`
/// (docs/maintainer/hosting.md).
fn guide_nginx_block() -> String {
    let readme = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/maintainer/hosting.md"
    ))
    .unwrap();
    let start = readme
        .find("```nginx\n")
        .expect("docs/maintainer/hosting.md has an nginx block")
        + "```nginx\n".len();
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_string()
}

/// nginx, if installed: `/usr/sbin/nginx` or on the `PATH`.
fn nginx() -> Option<std::path::PathBuf> {
    let sbin = std::path::PathBuf::from("/usr/sbin/nginx");
    if sbin.exists() {
        return Some(sbin);
    }
    std::process::Command::new("nginx")
        .arg("-v")
        .output()
        .ok()
        .map(|_| "nginx".into())
}

/// Finding 16: the guide's nginx configuration, as docs/maintainer/hosting.md gives it, serves a site under
/// `/archiwum/` beside a `location ~ \.php$` that stands for PHP: an old address
/// `index.php?id=440` reaches the redirect page, not PHP, and Chromium follows it to the
/// item; a plain old path and an unknown id work too. Skipped without nginx or
/// Chromium, unless `KRONIKA_REQUIRE_TOOLS=1`.
#[test]
fn guide_nginx_configuration_leads_old_addresses_to_items() {
    const CHROMIUM: &str = "/usr/bin/chromium";
    let required = std::env::var_os("KRONIKA_REQUIRE_TOOLS").is_some_and(|v| v == "1");
    let (Some(nginx), true) = (nginx(), std::path::Path::new(CHROMIUM).exists()) else {
        assert!(
            !required,
            "nginx and Chromium are required: apt-get install nginx-light chromium"
        );
        eprintln!(
            "skipped: nginx or Chromium is not installed (apt-get install nginx-light chromium)"
        );
        return;
    };
    let site = Site::fixture("basic");
    let www = tempfile::tempdir().unwrap();
    let out = www.path().join("archiwum");
    site.build(&["--output", out.to_str().unwrap()]).assert_ok();

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let run = tempfile::tempdir().unwrap();
    let r = run.path().display();
    // As root, nginx's workers would switch to a user that cannot read the temporary
    // folders; as anyone else, `user` is ignored with a warning. One process, no
    // workers, so that stopping it leaves nothing running.
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    let conf = format!(
        "{user}daemon off;\nmaster_process off;\npid {r}/nginx.pid;\nerror_log {r}/error.log;\nevents {{}}\nhttp {{\n\
         access_log {r}/access.log;\nclient_body_temp_path {r}/body;\nproxy_temp_path {r}/proxy;\n\
         fastcgi_temp_path {r}/fastcgi;\nuwsgi_temp_path {r}/uwsgi;\nscgi_temp_path {r}/scgi;\n\
         types {{ text/html html; text/css css; }}\n\
         server {{\nlisten 127.0.0.1:{port};\n\
         # PHP, as on a BIP server: what reaches it is lost to the archive.\n\
         location ~ \\.php$ {{ return 502; }}\n{block}\n}}\n}}\n",
        user = if root { "user root;\n" } else { "" },
        block = guide_nginx_block().replace("/srv/www", &www.path().display().to_string()),
    );
    std::fs::write(run.path().join("nginx.conf"), conf).unwrap();
    let mut server = std::process::Command::new(&nginx)
        .arg("-p")
        .arg(run.path())
        .arg("-c")
        .arg(run.path().join("nginx.conf"))
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("nginx starts");
    struct Stop(std::process::Child);
    impl Drop for Stop {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let ready = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    if !ready {
        let _ = server.kill();
        let out = server.wait_with_output().unwrap();
        panic!(
            "nginx did not start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _server = Stop(server);

    let profile = tempfile::tempdir().unwrap();
    let dom = |path: &str| {
        let out = std::process::Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(["--virtual-time-budget=5000", "--dump-dom"])
            .arg(format!("http://127.0.0.1:{port}{path}"))
            .output()
            .expect("Chromium runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for old in ["/archiwum/index.php?id=440", "/archiwum/stare/mops.html"] {
        let html = dom(old);
        assert!(
            html.contains("<link rel=\"canonical\" href=\"https://example.org/archiwum/aktualnosci/mops-wyrozniony/\">"),
            "{old} leads to the item:\n{html}"
        );
    }
    let unknown = dom("/archiwum/index.php?id=78");
    assert!(
        unknown.contains("<h1>Nie znaleziono strony</h1>"),
        "{unknown}"
    );
    let missing = dom("/archiwum/nie-ma/");
    assert!(missing.contains("noindex"), "the 404 page: {missing}");
}
