//! kronika speaks the user's language: with a Polish locale every message — the summary
//! line, errors with their place and help, refusals — is Polish, with the plural forms
//! Polish needs; any other locale gives English; no message id ever reaches the user.

mod common;

use common::{Run, Site, kronika_in_locale, tree};

const POLISH: &[(&str, &str)] = &[("LANG", "pl_PL.UTF-8")];
const ENGLISH: &[(&str, &str)] = &[("LANG", "C")];
const ITEM: &str = "content/news/2013-05-01-tylko-po-polsku.pl.md";

/// The Polish form of a whole number `n` by CLDR's rule: `one`, `few` or `many`.
fn polish<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let (last, last_two) = (n % 10, n % 100);
    if n == 1 {
        one
    } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
        few
    } else {
        many
    }
}

fn english<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 { one } else { other }
}

/// The fixture with exactly `n` news items (Polish only), `n` projects and `n` files that
/// kronika does not know (one warning each).
fn site_with(n: usize) -> Site {
    let site = Site::fixture("basic");
    for entry in std::fs::read_dir(site.path("content/news")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
    }
    for i in 1..=n {
        site.write(
            &format!("content/news/2013-01-{i:02}-wiadomosc.pl.md"),
            &format!("---\ntitle: \"Wiadomość {i}\"\ndate: 2013-01-{i:02}\n---\n\nTekst.\n"),
        );
        site.write(&format!("content/notatka-{i}.txt"), "notatka");
    }
    for i in 2..=n {
        site.write(
            &format!("content/projects/projekt-{i}.yaml"),
            &format!("title: {{pl: \"Projekt {i}\"}}\n"),
        );
    }
    site
}

/// The summary line of a successful build (the last line of stdout).
fn summary(run: &Run) -> &str {
    run.assert_ok();
    run.stdout.lines().last().unwrap_or_default()
}

#[test]
fn summary_line_takes_the_plural_form_of_each_count() {
    for n in [1, 2, 5, 22] {
        let site = site_with(n);
        let run = site.build_in_locale(POLISH, &[]);
        let line = summary(&run);
        let words: Vec<&str> = line.split(' ').collect();
        assert_eq!(words[0], "Zbudowano", "{line}");
        let pages: usize = words[1].parse().unwrap();
        assert_eq!(
            words[2],
            polish(pages, "stronę", "strony", "stron"),
            "{line}"
        );
        let projects = polish(n, "projektu", "projektów", "projektów");
        assert!(
            line.contains(&format!(") z {n} wiadomości i {n} {projects} w ")),
            "{line}"
        );
        let warnings = polish(n, "ostrzeżenie", "ostrzeżenia", "ostrzeżeń");
        assert!(
            line.ends_with(&format!(" s, {n} {warnings} → public")),
            "{line}"
        );
        let seconds = line.split(" w ").last().unwrap().split(' ').next().unwrap();
        assert!(
            seconds.len() >= 4 && seconds.split_once(',').is_some_and(|(_, f)| f.len() == 2),
            "seconds with a decimal comma: {line}"
        );
        assert!(
            run.stderr
                .contains("warning: kronika nie wie, czym jest ten plik, więc go pomija"),
            "{}",
            run.stderr
        );

        let line = site.build_in_locale(ENGLISH, &[]).stdout;
        let (items, projects) = (
            english(n, "news item", "news items"),
            english(n, "project", "projects"),
        );
        assert!(
            line.starts_with("Built ")
                && line.contains(&format!(") from {n} {items} and {n} {projects} in "))
                && line.contains(&format!(
                    " s, {n} {} → public",
                    english(n, "warning", "warnings")
                )),
            "{line}"
        );
    }
}

#[test]
fn summary_line_of_the_fixture_in_polish() {
    let site = Site::fixture("basic");
    let line = summary(&site.build_in_locale(POLISH, &[])).to_string();
    // The time, whatever it is on a busy machine, is written with a decimal comma.
    let seconds = line
        .strip_prefix("Zbudowano 39 stron (pl 20, en 19) z 6 wiadomości i 1 projektu w ")
        .and_then(|rest| rest.strip_suffix(" s → public"))
        .unwrap_or_else(|| panic!("no warnings, no warning count: {line}"));
    let (whole, fraction) = seconds.split_once(',').expect("a decimal comma");
    assert!(
        [whole, fraction]
            .iter()
            .all(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit())),
        "{line}"
    );
    let verbose = site.build_in_locale(POLISH, &["--verbose"]);
    verbose.assert_ok();
    assert!(
        verbose
            .stdout
            .contains("111 plików w folderze wynikowym, 1 wygenerowany na nowo, 0 zmienionych"),
        "{}",
        verbose.stdout
    );
}

#[test]
fn error_count_takes_its_plural_form() {
    for (n, polish, english) in [
        (1, "1 błąd", "1 error"),
        (2, "2 błędy", "2 errors"),
        (5, "5 błędów", "5 errors"),
        (12, "12 błędów", "12 errors"),
        (22, "22 błędy", "22 errors"),
    ] {
        let site = Site::fixture("basic");
        for i in 1..=n {
            site.write(
                &format!("content/news/2013-02-{i:02}-zle.pl.md"),
                "---\ntitle: \"Źle\"\ndate: 2013-02-01\nprojetcs: [pora]\n---\n",
            );
        }
        let run = site.build_in_locale(POLISH, &[]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(
            run.stderr.lines().last(),
            Some(format!("{polish}; niczego nie zapisano (public pozostaje bez zmian)").as_str())
        );
        assert_eq!(
            run.stderr
                .matches(": error: nieznany klucz `projetcs`")
                .count(),
            n
        );
        let run = site.build_in_locale(ENGLISH, &[]);
        assert_eq!(
            run.stderr.lines().last(),
            Some(format!("{english}; nothing was written (public is unchanged)").as_str())
        );
    }
}

#[test]
fn polish_errors_keep_their_place_caret_and_help() {
    let site = Site::built("basic");
    let before = tree(&site.path("public"));
    site.write(
        ITEM,
        "---\ntitle: \"Tylko\"\ndate: 2013-05-01\n\nprojetcs: [pora]\n---\n\nTekst.\n",
    );
    site.write(
        "content/news/2014-03-01-english-only.en.md",
        "---\ntitle: \"E\"\ndate: wczoraj\n---\n\nText.\n",
    );
    site.write(
        "content/pages/o-serwisie.pl.md",
        "---\ntitle: \"O serwisie\"\nprojects: [pora-na-aktywnsc]\n---\n\nTekst.\n",
    );
    site.write(
        "content/news/2013-06-01-link.pl.md",
        "---\ntitle: \"L\"\ndate: 2013-06-01\n---\n\nZobacz [szkic](@/news/2015-01-01-szkic.pl.md).\n",
    );
    let run = site.build_in_locale(POLISH, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        tree(&site.path("public")),
        before,
        "the output is untouched"
    );
    run.expect_stderr(&format!(
        "{ITEM}:5:1: error: nieznany klucz `projetcs`\n  |\n5 | projetcs: [pora]\n  | ^^^^^^^^ czy chodziło o `projects`?"
    ));
    // A message of kronika's own value types, carried through serde.
    run.expect_stderr(
        "content/news/2014-03-01-english-only.en.md:3:7: error: `wczoraj` nie jest datą; zapisz ją w formacie RRRR-MM-DD, np. 2012-02-15",
    );
    run.expect_stderr(
        "content/pages/o-serwisie.pl.md:3:1: error: klucz `projects` nie jest używany na stronach samodzielnych",
    );
    run.expect_stderr("  = help: usuń ten wiersz; do projektów i archiwum należą tylko wiadomości");
    run.expect_stderr(
        "content/pages/o-serwisie.pl.md:3:12: error: projekt `pora-na-aktywnsc` nie istnieje",
    );
    run.expect_stderr("  = help: znane projekty: pora");
    run.expect_stderr(
        "content/news/2013-06-01-link.pl.md:6:16: error: odnośnik do szkicu `@/news/2015-01-01-szkic.pl.md`, który nie został opublikowany",
    );
    run.expect_stderr("5 błędów; niczego nie zapisano (public pozostaje bez zmian)");
}

#[test]
fn polish_refusal_exits_2_and_says_how_to_adopt_the_folder() {
    let site = Site::fixture("basic");
    site.write("public/moje-notatki.txt", "ważne");
    let before = tree(&site.path("public"));
    let run = site.build_in_locale(POLISH, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let public = site.path("public");
    let public = public.display();
    assert_eq!(
        run.stderr.trim_end(),
        format!(
            "error: odmowa zapisu do {public}: folder nie jest pusty i nie utworzył go program kronika, więc jego pliki mogłyby przepaść\n  = help: wybierz opcją --output pusty lub nowy folder albo, jeśli kronika może zarządzać tym folderem, przejmij go poleceniem `touch {public}/.kronika-output`"
        )
    );
    assert_eq!(tree(&site.path("public")), before);
    let run = site.build_in_locale(POLISH, &["--output", "content"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.expect_stderr("error: odmowa zapisu do ");
    run.expect_stderr(": to miejsce wewnątrz folderu content/ serwisu");
}

#[test]
fn io_failure_exits_3_in_polish() {
    let run = kronika_in_locale(POLISH, &["build", "--root", "/nie/ma/takiego/folderu"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: nie można otworzyć folderu serwisu /nie/ma/takiego/folderu: "),
        "{}",
        run.stderr
    );
}

#[test]
fn locale_variables_decide_in_posix_order() {
    let site = Site::fixture("basic");
    for (locale, first_word) in [
        (&[("LANG", "pl_PL.UTF-8")][..], "Zbudowano"),
        (
            &[("LC_ALL", "pl_PL.UTF-8"), ("LANG", "en_US.UTF-8")],
            "Zbudowano",
        ),
        (
            &[("LC_MESSAGES", "pl_PL.UTF-8"), ("LANG", "en_US.UTF-8")],
            "Zbudowano",
        ),
        (&[("LC_ALL", ""), ("LANG", "pl_PL.UTF-8")], "Zbudowano"),
        (&[("LC_ALL", "C"), ("LANG", "pl_PL.UTF-8")], "Built"),
        (&[("LC_ALL", "POSIX"), ("LANG", "pl_PL.UTF-8")], "Built"),
        (
            &[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "pl_PL.UTF-8")],
            "Built",
        ),
        (&[("LANG", "de_DE.UTF-8")], "Built"),
        (&[], "Built"),
    ] {
        let run = site.build_in_locale(locale, &[]);
        assert!(
            summary(&run).starts_with(&format!("{first_word} ")),
            "{locale:?}: {}",
            run.stdout
        );
    }
}

#[test]
fn help_follows_the_locale() {
    let run = kronika_in_locale(POLISH, &["build", "--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("Buduje serwis w folderze wynikowym")
            && run
                .stdout
                .contains("Folder serwisu (z plikiem site.yaml i folderem content/)"),
        "{}",
        run.stdout
    );
    let run = kronika_in_locale(ENGLISH, &["build", "--help"]);
    assert!(
        run.stdout
            .starts_with("Build the site into the output folder"),
        "{}",
        run.stdout
    );
}

/// Every message id of `i18n/en/cli.ftl`.
fn message_ids() -> Vec<String> {
    let ftl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/en/cli.ftl"),
    )
    .unwrap();
    ftl.lines()
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
        .filter(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn no_message_id_or_fluent_syntax_reaches_the_user() {
    let ids = message_ids();
    assert!(ids.len() > 100, "ids read: {}", ids.len());
    let broken = Site::fixture("basic");
    broken.write("content/notatki.txt", "x");
    broken.write(ITEM, "---\ntitle: [a]\ndraft: maybe\n---\n");
    broken.write(
        "content/news/2014-03-01-english-only.en.md",
        "---\ntitle: \"E\"\ntitle: \"F\"\ndate: 2014-03-01\n---\n",
    );
    broken.write(
        "content/projects/pora.yaml",
        "title: {pl: \"Pora\", xx1: \"a\"}\nindicators:\n  - {date: 2011-10-14, participants: dużo}\n",
    );
    broken.write(
        "content/projects/zla.yaml",
        "title: {pl: \"Zła\"}\nbudget: {total: {amount: 12.5, currency: PLN}}\n",
    );
    broken.write("content/pages/otwarte.pl.md", "---\ntitle: x\n");
    broken.write("content/pages/bez.pl.md", "bez nagłówka\n");
    broken.write(
        "content/pages/zle.pl.md",
        "---\ntitle: x\narchived: true\nslug: Zły Slug\naliases: [\"zly\"]\nattachments: [{file: ../x}]\ntags: [\"!!!\"]\n---\n[a](@/news/nie-ma.pl.md) [b](@/news/2099-01-01-embargo.pl.md)\n",
    );
    broken.write("content/news/bez-jezyka.md", "---\ntitle: x\n---\n");
    broken.write("content/news/obcy.de.md", "---\ntitle: x\n---\n");
    broken.write("i18n/pl/zle.ftl", "latest-news = { $x\n");
    let refused = Site::fixture("basic");
    refused.write("public/plik.txt", "x");
    let fine = Site::fixture("basic");
    fine.write("content/notatki.txt", "x");

    for locale in [POLISH, ENGLISH] {
        let runs = [
            broken.build_in_locale(locale, &[]),
            refused.build_in_locale(locale, &[]),
            refused.build_in_locale(locale, &["--output", "."]),
            fine.build_in_locale(locale, &["--verbose"]),
            kronika_in_locale(locale, &["build", "--root", "/nie/ma"]),
            kronika_in_locale(locale, &["--help"]),
            kronika_in_locale(locale, &["build", "--help"]),
        ];
        assert_eq!(runs[0].code, 1, "{}", runs[0].stderr);
        for run in &runs {
            let text = format!("{}{}", run.stdout, run.stderr);
            for id in &ids {
                assert!(!text.contains(id.as_str()), "`{id}` leaked:\n{text}");
            }
            assert!(!text.contains("{ $") && !text.contains("{$"), "{text}");
            assert!(
                !text.contains(['\u{2068}', '\u{2069}', '\u{1}']),
                "{text:?}"
            );
        }
    }
}
