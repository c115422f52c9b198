//! `kronika new`: a news item, a folder item, a translation and a project card, each
//! with what it is written with; and its refusals, which name the file and never
//! overwrite (docs/maintainer/cli.md "Starting a new item").

mod common;

use common::{Run, Site, kronika_in_locale};

fn new(site: &Site, args: &[&str]) -> Run {
    let root = site.root().to_str().expect("a UTF-8 temporary path");
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--root", root]);
    kronika_in_locale(&[("LANG", "C")], &all)
}

fn today() -> String {
    jiff::ZonedDateTime::now().date().to_string()
}

#[test]
fn a_news_item_is_written_with_its_front_matter_filled_in_and_builds() {
    let site = Site::fixture("check");
    let run = new(&site, &["news", "Spotkanie w Łodzi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rel = format!("content/news/{}-spotkanie-w-lodzi.pl.md", today());
    assert_eq!(run.stdout.trim(), rel);
    let text = std::fs::read_to_string(site.path(&rel)).unwrap();
    let date = today();
    // `produced_by` and `published_by` of the newest published item that has them: the
    // 2020-04-01 item has none, the 2099 one is embargoed.
    assert_eq!(
        text,
        format!(
            "---\ntitle: \"Spotkanie w Łodzi\"\ndate: {date}\nproduced: {date}\n\
             produced_by: \"Dział Projektów\"\npublished_by: \"Redakcja BIP\"\ntags: []\n---\n\n\
             Tu wpisz treść wiadomości.\n"
        )
    );
    site.build(&[]).assert_ok();
    assert!(
        site.page("aktualnosci/index.html")
            .contains("Spotkanie w\u{a0}Łodzi"),
        "the new item is on the news list"
    );
}

#[test]
fn lang_writes_the_other_language_and_folder_writes_a_folder_item() {
    let site = Site::fixture("check");
    let run = new(&site, &["news", "Meeting in Łódź", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rel = format!("content/news/{}-meeting-in-lodz.en.md", today());
    assert_eq!(run.stdout.trim(), rel);
    let text = std::fs::read_to_string(site.path(&rel)).unwrap();
    assert!(text.contains("title: \"Meeting in Łódź\"\n"), "{text}");
    assert!(text.contains("Write the text of the item here."), "{text}");

    let run = new(&site, &["news", "Z załącznikami", "--folder"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rel = format!("content/news/{}-z-zalacznikami/index.pl.md", today());
    assert_eq!(run.stdout.trim(), rel);
    assert!(site.path(&rel).is_file());
    site.build(&[]).assert_ok();
}

#[test]
fn a_translation_has_only_its_title_and_takes_the_rest_from_the_original() {
    let site = Site::fixture("check");
    let run = new(
        &site,
        &["news", "Errors", "--translation-of", "2020-02-01-bledy"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rel = "content/news/2020-02-01-bledy.en.md";
    assert_eq!(run.stdout.trim(), rel);
    assert_eq!(
        std::fs::read_to_string(site.path(rel)).unwrap(),
        "---\ntitle: \"Errors\"\n---\n\nWrite the text of the item here.\n"
    );
    // A quote in a title stays a quote.
    let run = new(&site, &["news", "Raport \"2024\"", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(site.path(run.stdout.trim())).unwrap();
    assert!(text.contains("title: \"Raport \\\"2024\\\"\"\n"), "{text}");
    site.build(&[]).assert_ok();
    assert!(
        site.page("en/news/2020-02-01-bledy/index.html")
            .contains("Errors")
    );
}

#[test]
fn a_project_card_shows_every_key_commented_and_builds() {
    let site = Site::fixture("check");
    let run = new(&site, &["project", "nowy-projekt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "content/projects/nowy-projekt.yaml");
    let text = std::fs::read_to_string(site.path("content/projects/nowy-projekt.yaml")).unwrap();
    for key in [
        "title:",
        "# full_title:",
        "# fund:",
        "# programme:",
        "# priority:",
        "# measure:",
        "# submeasure:",
        "# implementer:",
        "# period:",
        "# budget:",
        "# funding:",
        "# indicators:",
    ] {
        assert!(text.contains(key), "{key} in:\n{text}");
    }
    site.build(&[]).assert_ok();
    assert!(site.exists("projekty/nowy-projekt/index.html"));
}

#[test]
fn an_existing_file_is_refused_by_name_and_left_as_it_was() {
    let site = Site::fixture("check");
    let first = new(&site, &["news", "Spotkanie"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let rel = first.stdout.trim().to_string();
    site.write(&rel, "edited by hand");
    let again = new(&site, &["news", "Spotkanie"]);
    assert_eq!(again.code, 1);
    again.expect_stderr(&format!(
        "{rel}: error: the file exists already; kronika new never overwrites a file"
    ));
    assert_eq!(
        std::fs::read_to_string(site.path(&rel)).unwrap(),
        "edited by hand"
    );

    // Every language version exists: the default language's is named.
    let run = new(
        &site,
        &["news", "Again", "--translation-of", "2020-01-10-pierwsza"],
    );
    assert_eq!(run.code, 1);
    run.expect_stderr("content/news/2020-01-10-pierwsza.pl.md: error: the file exists already");

    let run = new(&site, &["project", "uzywany"]);
    assert_eq!(run.code, 1);
    run.expect_stderr("content/projects/uzywany.yaml: error: the file exists already");
}

#[test]
fn titles_names_ids_and_languages_that_cannot_be_used_are_refused() {
    let site = Site::fixture("check");
    let run = new(&site, &["news", "!!! — ???"]);
    assert_eq!(run.code, 2);
    run.expect_stderr("error: the title `!!! — ???` has no letters or digits");

    let run = new(&site, &["news", "X", "--translation-of", "2020-02-01-bldy"]);
    assert_eq!(run.code, 2);
    run.expect_stderr("error: there is no news item named `2020-02-01-bldy`");
    run.expect_stderr("e.g. `2020-02-01-bledy`");

    // A site with no news item yet: no empty example, but what to do first.
    let empty = Site::fixture("check");
    std::fs::remove_dir_all(empty.path("content/news")).unwrap();
    let run = new(
        &empty,
        &["news", "X", "--translation-of", "2020-02-01-bldy"],
    );
    assert_eq!(run.code, 2);
    run.expect_stderr("help: the site has no news item yet: write the original first");
    assert!(!run.stderr.contains("``"), "{}", run.stderr);

    let run = new(&site, &["news", "X", "--lang", "de"]);
    assert_eq!(run.code, 2);
    run.expect_stderr("error: `de` is not a language of this site");

    let run = new(&site, &["project", "Zły Projekt"]);
    assert_eq!(run.code, 2);
    run.expect_stderr("e.g. `zly-projekt`");

    let news = std::fs::read_dir(site.path("content/news"))
        .unwrap()
        .count();
    assert_eq!(news, 10, "nothing was written");
}
