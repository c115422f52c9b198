//! Bad input: every error located (`path:line:col: error: …`), all of them at once, exit 1,
//! and the previous output left exactly as it was.

mod common;

use common::{Run, Site, tree};

/// Builds the fixture once (so there is a previous output), breaks it with `edit`, builds
/// again, and checks that the build failed cleanly without touching the output.
fn broken(edit: impl FnOnce(&Site)) -> Run {
    let site = Site::built("basic");
    let before = tree(&site.path("public"));
    edit(&site);
    let run = site.build(&[]);
    assert_eq!(
        run.code, 1,
        "expected exit 1, got {}:\n{}",
        run.code, run.stderr
    );
    assert_eq!(
        tree(&site.path("public")),
        before,
        "the previous output must stay untouched"
    );
    run.expect_stderr("nothing was written");
    assert!(
        !site.path(".public.kronika-staging").exists(),
        "staging folder cleaned up"
    );
    run
}

const ITEM: &str = "content/news/2013-05-01-tylko-po-polsku.pl.md";

#[test]
fn yaml_syntax_error_is_located() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\ndate: 2013-05-01\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!("{ITEM}:2:"));
    assert!(run.stderr.contains("error:"));
}

#[test]
fn unknown_key_suggests_the_nearest_known_key() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\n\nprojetcs: [pora]\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!("{ITEM}:5:1: error: unknown key `projetcs`"));
    run.expect_stderr("5 | projetcs: [pora]\n  | ^^^^^^^^ did you mean `projects`?");
}

#[test]
fn missing_title_and_date_are_reported() {
    let run = broken(|s| s.write(ITEM, "---\ntags: [EFS]\n---\n\nTekst.\n"));
    run.expect_stderr(&format!(
        "{ITEM}:1:1: error: required key `title` is missing"
    ));
    run.expect_stderr(&format!(
        "{ITEM}:1:1: error: required key `date` is missing"
    ));
}

#[test]
fn bad_date_says_how_to_write_one() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: wczoraj\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!("{ITEM}:3:"));
    run.expect_stderr("`wczoraj` is not a date; write it as YYYY-MM-DD");
}

#[test]
fn unknown_project_names_the_known_ones() {
    let run = broken(|s| {
        s.write(ITEM, "---\ntitle: \"Tylko\"\ndate: 2013-05-01\nprojects: [pora-na-aktywnsc]\n---\n\nTekst.\n")
    });
    run.expect_stderr(&format!(
        "{ITEM}:4:12: error: project `pora-na-aktywnsc` does not exist"
    ));
    run.expect_stderr("= help: known projects: pora");
}

#[test]
fn unknown_language_suffix_is_an_error() {
    let run = broken(|s| {
        s.write(
            "content/news/2013-05-01-neu.de.md",
            "---\ntitle: \"Neu\"\ndate: 2013-05-01\n---\n\nText.\n",
        )
    });
    run.expect_stderr(
        "content/news/2013-05-01-neu.de.md: error: `de` is not a language of this site",
    );
}

#[test]
fn two_items_with_the_same_url_name_both_files() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\nslug: mops-wyrozniony\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr("error: two files would be published at /aktualnosci/mops-wyrozniony/");
    assert!(
        run.stderr.contains(ITEM) && run.stderr.contains("content/news/2012-02-15-mops.pl.md"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_attachment_is_located() {
    let run = broken(|s| s.remove("content/news/2011-10-17-konwencja/program.txt"));
    run.expect_stderr("content/news/2011-10-17-konwencja/index.pl.md:8:12: error: attachment `program.txt` is missing");
}

#[test]
fn link_to_nothing_is_located() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\n---\n\nZobacz [to](@/news/nie-ma.pl.md).\n",
        )
    });
    run.expect_stderr(&format!(
        "{ITEM}:6:13: error: link to `@/news/nie-ma.pl.md`, which does not exist"
    ));
}

#[test]
fn link_to_a_draft_says_why_it_fails() {
    let run = broken(|s| {
        s.write(ITEM, "---\ntitle: \"Tylko\"\ndate: 2013-05-01\n---\n\nZobacz [szkic](@/news/2015-01-01-szkic.pl.md).\n")
    });
    run.expect_stderr("which is a draft and not published");
}

#[test]
fn unsafe_slug_is_refused() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\nslug: ../../etc\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!(
        "{ITEM}:4:7: error: `../../etc` is not a valid slug"
    ));
}

#[test]
fn every_error_of_the_build_is_reported_at_once() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\nprojects: [brak]\n---\n\nTekst.\n",
        );
        s.write(
            "content/news/2014-03-01-english-only.en.md",
            "---\ntitle: \"E\"\ndate: 2014-13-01\n---\n\nText.\n",
        );
        s.write(
            "content/projects/pora.yaml",
            "title: {pl: \"Pora\"}\nfund: EFS\nbudżet: 1\n",
        );
    });
    run.expect_stderr("3 errors; nothing was written");
    run.expect_stderr("content/projects/pora.yaml:3:1: error: unknown key `budżet`");
}

#[test]
fn project_amount_with_decimal_comma_is_refused() {
    let run = broken(|s| {
        s.write(
            "content/projects/pora.yaml",
            "title: {pl: \"Pora\"}\nbudget:\n  total:\n    amount: 12,5\n    currency: PLN\n",
        )
    });
    run.expect_stderr("content/projects/pora.yaml:4:13: error: `12,5` is not an amount: use a dot as the decimal separator");
    let run = broken(|s| {
        s.write(
            "content/projects/pora.yaml",
            "title: {pl: \"Pora\"}\nbudget:\n  total: {amount: 12,5, currency: PLN}\n",
        )
    });
    run.expect_stderr("content/projects/pora.yaml:3:22: error: unknown key `5`");
    run.expect_stderr("write amounts in quotes with a dot");
}

#[test]
fn project_amount_written_as_float_is_refused() {
    let run = broken(|s| {
        s.write(
            "content/projects/pora.yaml",
            "title: {pl: \"Pora\"}\nbudget:\n  total: {amount: 12.5, currency: PLN}\n",
        )
    });
    run.expect_stderr("content/projects/pora.yaml:3:");
    run.expect_stderr("quote it");
}

#[test]
fn bad_site_yaml_is_located() {
    let run = broken(|s| {
        let text = std::fs::read_to_string(s.path("site.yaml")).unwrap();
        s.write(
            "site.yaml",
            &text.replace("default_language: pl", "default_langauge: pl"),
        );
    });
    run.expect_stderr("site.yaml:3:1: error: unknown key `default_langauge`");
    run.expect_stderr("did you mean `default_language`?");
}

#[test]
fn broken_original_does_not_blame_its_translation() {
    let run = broken(|s| {
        s.write(
            "content/news/2012-02-15-mops.pl.md",
            "---\ntitle: \"MOPS\"\ndate: 2012-02-15\nprojetcs: [pora]\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr("content/news/2012-02-15-mops.pl.md:4:1: error: unknown key `projetcs`");
    run.expect_stderr("1 error; nothing was written");
    assert!(
        !run.stderr.contains("2012-02-15-mops.en.md"),
        "{}",
        run.stderr
    );
}
