//! Symbolic links publish only what a build would publish anyway.
//!
//! A link in `content/` or `static/` (an item, an attachment, a static file, or a
//! linked folder on the way) may lead only into `content/`, `static/` or the theme's
//! `static/`, never into a dot-folder or to a dot-file; a link among the files a build
//! reads but does not publish (templates, Fluent files, `site.yaml`) only to a file of
//! its own kind. See docs/maintainer/guarantees.md "What a build guarantees".
#![cfg(unix)]

use std::os::unix::fs::symlink;

use crate::common::{Run, Site};

const SECRET: &str = "SEKRET-TOKEN-4711";
const ITEM_DIR: &str = "content/news/2011-10-17-konwencja";

/// The basic fixture, built once, with the secrets a CI checkout holds: the token that
/// `actions/checkout` keeps in `.git/config`, and an `.env` file.
fn site_with_secrets() -> Site {
    let site = Site::built("basic");
    site.write(
        ".git/config",
        &format!("[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    );
    site.write(".env", &format!("api-key = {SECRET}\n"));
    site
}

/// Builds `site` after `edit`, expecting content errors: exit 1, the previous output
/// untouched, and the secret nowhere in the messages or the output.
fn refused(site: &Site, edit: impl FnOnce(&Site)) -> Run {
    edit(site);
    let run = site.build_refused();
    assert!(!run.stderr.contains(SECRET), "{}", run.stderr);
    assert!(!run.stdout.contains(SECRET), "{}", run.stdout);
    run
}

fn link(site: &Site, target: &str, rel: &str) {
    let p = site.path(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&p);
    symlink(target, p).unwrap();
}

const HELP: &str = "help: a link may lead only to a file the build publishes anyway";

#[test]
fn an_attachment_or_static_file_linked_to_a_secret_is_refused() {
    let site = site_with_secrets();
    let run = refused(&site, |s| {
        link(
            s,
            "../../../.git/config",
            &format!("{ITEM_DIR}/program.txt"),
        );
        link(s, "../.git/config", "static/x.txt");
        link(s, "../.env", "static/env.txt");
        link(s, "../site.yaml", "static/site.txt");
        s.write("i18n/pl/serwis.ftl", "home = Strona\n");
        link(s, "../i18n/pl/serwis.ftl", "static/serwis.ftl");
        link(s, "../../.env", "content/news/2013-06-02-env.pl.md");
    });
    for (link, target) in [
        (format!("{ITEM_DIR}/program.txt"), "../../../.git/config"),
        ("static/x.txt".to_string(), "../.git/config"),
        ("static/env.txt".to_string(), "../.env"),
        ("static/site.txt".to_string(), "../site.yaml"),
        ("static/serwis.ftl".to_string(), "../i18n/pl/serwis.ftl"),
        (
            "content/news/2013-06-02-env.pl.md".to_string(),
            "../../.env",
        ),
    ] {
        run.expect_stderr(&format!(
            "{link}: error: symbolic link to `{target}` leads outside what the build publishes"
        ));
    }
    run.expect_stderr(HELP).expect_stderr("6 errors");
}

#[test]
fn a_linked_folder_on_the_way_is_checked_too() {
    let site = site_with_secrets();
    // A linked language folder: each file under it is judged by where it really is.
    site.write(".private/pl/serwis.ftl", &format!("home = {SECRET}\n"));
    let run = refused(&site, |s| link(s, "../.private/pl", "i18n/pl"));
    run.expect_stderr(
        "i18n/pl/serwis.ftl: error: symbolic link to `.private/pl/serwis.ftl` leads outside what kronika may read through it",
    );
    std::fs::remove_file(site.path("i18n/pl")).unwrap();
    // Linked folders that a walk would enter.
    let run = refused(&site, |s| link(s, ".git", "static"));
    run.expect_stderr(
        "static: error: symbolic link to `.git` leads outside what the build publishes",
    )
    .expect_stderr(HELP);
    std::fs::remove_file(site.path("static")).unwrap();
    let run = refused(&site, |s| link(s, "../../.git", "content/news/x"));
    run.expect_stderr(
        "content/news/x: error: symbolic link to `../../.git` leads outside what the build publishes",
    );
}

#[test]
fn templates_strings_and_site_yaml_are_not_read_through_links_to_secrets() {
    let site = site_with_secrets();
    // Fluent files are read before templates, so each gets its own build.
    let run = refused(&site, |s| {
        link(s, "../../.env", "i18n/pl/serwis.ftl");
        link(s, "../../site.yaml", "i18n/en/site.ftl");
    });
    for (link, target) in [
        ("i18n/pl/serwis.ftl", "../../.env"),
        ("i18n/en/site.ftl", "../../site.yaml"),
    ] {
        run.expect_stderr(&format!(
            "{link}: error: symbolic link to `{target}` leads outside what kronika may read through it"
        ));
    }
    run.expect_stderr("help: a template may link only to a file under themes/, a Fluent file only to one under i18n/");
    std::fs::remove_file(site.path("i18n/pl/serwis.ftl")).unwrap();
    std::fs::remove_file(site.path("i18n/en/site.ftl")).unwrap();
    let run = refused(&site, |s| {
        link(s, "../../../.env", "themes/bip/templates/base.html")
    });
    run.expect_stderr(
        "themes/bip/templates/base.html: error: symbolic link to `../../../.env` leads outside what kronika may read through it",
    );
    std::fs::remove_file(site.path("themes/bip/templates/base.html")).unwrap();
    // site.yaml itself, linked into a dot-folder.
    std::fs::create_dir_all(site.path(".config")).unwrap();
    std::fs::rename(site.path("site.yaml"), site.path(".config/site.yaml")).unwrap();
    let run = refused(&site, |s| link(s, ".config/site.yaml", "site.yaml"));
    run.expect_stderr(
        "site.yaml: error: symbolic link to `.config/site.yaml` leads outside what kronika may read through it",
    );
}

#[test]
fn links_to_what_the_build_publishes_or_reads_anyway_still_work() {
    let site = Site::built("basic");
    // An attachment that is also a static file, and a static file that is an attachment.
    site.write("static/dokumenty/program.txt", "Program wizyty: 9:00.\n");
    link(
        &site,
        "../../../static/dokumenty/program.txt",
        &format!("{ITEM_DIR}/program.txt"),
    );
    link(
        &site,
        &format!("../{ITEM_DIR}/index.pl.md"),
        "static/zrodlo.md",
    );
    // A Fluent file shared by two languages, and a template shared by two themes.
    site.write("i18n/pl/wspolne.ftl", "site-note = Wspólna notka\n");
    link(&site, "../pl/wspolne.ftl", "i18n/en/wspolne.ftl");
    let run = site.build(&[]);
    run.assert_ok();
    assert_eq!(
        std::fs::read_to_string(site.path("public/aktualnosci/2011-10-17-konwencja/program.txt"))
            .unwrap(),
        "Program wizyty: 9:00.\n"
    );
    assert!(
        site.page("zrodlo.md")
            .contains("Konwencja Europejskiej Platformy")
    );
    assert_eq!(
        site.page("dokumenty/program.txt"),
        "Program wizyty: 9:00.\n"
    );
}
