//! `kronika init`: a new site that builds and passes `check --strict` at once, in Polish
//! and in English; its commented `site.yaml` and CI files; the refusal of a folder that
//! is not empty; and `kronika completions` (docs/maintainer/hosting.md "A site of its own: `kronika init` and its CI files"). The HTML and
//! accessibility gates run over a new site in `tests/quality.rs`.

mod common;

use common::{Run, kronika_in_locale};

fn kronika(args: &[&str]) -> Run {
    kronika_in_locale(&[("LANG", "C")], args)
}

fn init(dir: &std::path::Path, args: &[&str]) -> Run {
    let mut all = vec!["init", dir.to_str().expect("a UTF-8 temporary path")];
    all.extend_from_slice(args);
    kronika(&all)
}

/// Builds and checks the site at `dir`: both pass, with no warning at all.
fn assert_builds_and_passes_check(dir: &std::path::Path) {
    let root = dir.to_str().unwrap();
    let build = kronika(&["build", "--root", root]);
    build.assert_ok();
    assert!(
        !build.stderr.contains("warning"),
        "no warnings: {}",
        build.stderr
    );
    let check = kronika(&["check", "--root", root, "--strict"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains("No errors, no warnings"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_new_site_builds_and_passes_check_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("serwis");
    let run = init(&dir, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Created a new site in"),
        "{}",
        run.stdout
    );
    let today = jiff::ZonedDateTime::now().date().to_string();
    for file in [
        "site.yaml".to_string(),
        format!("content/news/{today}-pierwsza-wiadomosc.pl.md"),
        format!("content/news/{today}-pierwsza-wiadomosc.en.md"),
        "content/projects/pierwszy-projekt.yaml".to_string(),
        ".gitignore".to_string(),
        ".github/workflows/publish.yml".to_string(),
        ".gitlab-ci.yml".to_string(),
    ] {
        assert!(dir.join(&file).is_file(), "{file}");
    }
    assert_builds_and_passes_check(&dir);
    let home = std::fs::read_to_string(dir.join("public/index.html")).unwrap();
    assert!(
        home.contains("Witamy w\u{a0}archiwum"),
        "the item is on the home page"
    );
    assert!(
        dir.join("public/en/projects/pierwszy-projekt/index.html")
            .is_file()
    );
}

#[test]
fn lang_en_makes_english_the_default_language() {
    let tmp = tempfile::tempdir().unwrap();
    let run = init(tmp.path(), &["--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = std::fs::read_to_string(tmp.path().join("site.yaml")).unwrap();
    assert!(site.contains("\ndefault_language: en\n"), "{site}");
    assert!(site.contains("\nlanguages: [en, pl]\n"), "{site}");
    assert_builds_and_passes_check(tmp.path());
    let home = std::fs::read_to_string(tmp.path().join("public/index.html")).unwrap();
    assert!(home.contains("Welcome to the archive"));
    assert!(home.contains("lang=\"en\""));
}

#[test]
fn every_key_of_site_yaml_is_commented_in_polish_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path(), &[]).assert_ok();
    let site = std::fs::read_to_string(tmp.path().join("site.yaml")).unwrap();
    let lines: Vec<&str> = site.lines().collect();
    let mut keys = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            keys += 1;
            // The comment above the key: a Polish line, then an English one.
            let above: Vec<&str> = lines[..i]
                .iter()
                .rev()
                .take_while(|l| l.starts_with('#'))
                .copied()
                .collect();
            assert!(above.len() >= 2, "`{line}` has a comment in two languages");
            let polish = |l: &&str| l.contains(|c: char| "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(c));
            assert!(
                !polish(&above[0]) && above.iter().any(polish),
                "`{line}`: a Polish comment, then an English one, in {above:?}"
            );
        }
    }
    assert!(keys >= 12, "every key is written out: {keys}");
}

#[test]
fn the_ci_files_build_daily_with_full_history_and_install_kronika_by_a_variable() {
    let tmp = tempfile::tempdir().unwrap();
    init(tmp.path(), &[]).assert_ok();
    let github = std::fs::read_to_string(tmp.path().join(".github/workflows/publish.yml")).unwrap();
    for needle in [
        "schedule:",
        "cron:",
        "fetch-depth: 0",
        "TZ: Europe/Warsaw",
        "cargo install --locked --git \"$KRONIKA_GIT\"",
        "vars.KRONIKA_GIT",
        "kronika build --base-url",
        "actions/deploy-pages",
        "~/.cargo/bin",
    ] {
        assert!(github.contains(needle), "GitHub: {needle}");
    }
    let gitlab = std::fs::read_to_string(tmp.path().join(".gitlab-ci.yml")).unwrap();
    for needle in [
        "GIT_DEPTH: 0",
        "Pipeline schedules",
        "TZ: Europe/Warsaw",
        "cargo install --locked --git \"$KRONIKA_GIT\"",
        "kronika build --base-url \"$CI_PAGES_URL/\"",
        "- public",
        "cache:",
    ] {
        assert!(gitlab.contains(needle), "GitLab: {needle}");
    }
    let ignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    assert!(ignore.contains("/public/") && ignore.contains("/.kronika-cache/"));
}

#[test]
fn a_folder_that_is_not_empty_is_refused_and_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notatki.txt"), "moje").unwrap();
    let run = init(tmp.path(), &[]);
    assert_eq!(run.code, 2);
    run.expect_stderr("error: refusing to create a site in");
    run.expect_stderr("the folder is not empty");
    let pl = kronika_in_locale(
        &[("LANG", "pl_PL.UTF-8")],
        &["init", tmp.path().to_str().unwrap()],
    );
    assert_eq!(pl.code, 2);
    pl.expect_stderr("error: odmowa utworzenia serwisu w");
    pl.expect_stderr("folder nie jest pusty");
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing was written");
}

#[test]
fn completions_are_printed_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = kronika(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["check", "init", "translation-of"] {
            assert!(run.stdout.contains(word), "{shell}: {word}");
        }
    }
    let run = kronika(&["completions", "tcsh"]);
    assert_eq!(run.code, 2, "an unknown shell is a usage error");
}
