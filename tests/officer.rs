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

/// Finding 6: the ids README documents on a project card are the card's; an `@/` link
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
    assert_eq!(tree(&site.path("public")), before);
}

/// Finding 6: every `@/` link in README's Markdown examples builds, with the targets it
/// names, so that the documented paths and fragments cannot drift from what kronika makes.
#[test]
fn every_link_example_of_the_readme_builds() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut examples = Vec::new();
    let mut in_markdown = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_markdown = line == "```markdown";
            continue;
        }
        if in_markdown && line.contains("](@/") {
            examples.push(line.to_string());
        }
    }
    assert!(examples.len() >= 5, "README's examples found: {examples:?}");
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
            // Headings whose text makes the fragments' ids, as README says ids are made.
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
    assert!(fragments >= 2, "README's examples have fragments");
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
