//! Bad input: every error located (`path:line:col: error: …`), all of them at once, exit 1,
//! and the previous output left exactly as it was.

mod common;

use common::{Run, Site, tree};

/// Builds the fixture once (so there is a previous output), breaks it with `edit`, builds
/// again, and checks that the build failed cleanly without touching the output.
fn broken(edit: impl FnOnce(&Site)) -> Run {
    let site = Site::built("basic");
    edit(&site);
    site.build_refused()
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

// ---- One case per bad input of issue 4: the message, where, exit 1, output untouched. ----

#[test]
fn tabs_used_for_indentation_are_named() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\ntags:\n\t- EFS\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!("{ITEM}:5:"))
        .expect_stderr("help: YAML indentation uses spaces; replace the tabs with spaces");
}

#[test]
fn a_key_given_twice_is_located_at_the_second() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\ntitle: \"Znowu\"\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!("{ITEM}:4:1: error: key `title` is given twice"));
}

#[test]
fn front_matter_without_its_closing_line_is_located() {
    let run = broken(|s| s.write(ITEM, "---\ntitle: \"Tylko\"\ndate: 2013-05-01\n\nTekst.\n"));
    run.expect_stderr(&format!(
        "{ITEM}:1:1: error: the front matter is never closed"
    ));
}

#[test]
fn an_empty_file_is_an_error() {
    let run = broken(|s| s.write(ITEM, ""));
    run.expect_stderr(&format!("{ITEM}: error: the file is empty"));
}

#[test]
fn a_file_with_only_front_matter_is_an_error() {
    let run = broken(|s| s.write(ITEM, "---\ntitle: \"Tylko\"\ndate: 2013-05-01\n---\n"));
    run.expect_stderr(&format!(
        "{ITEM}:4:1: error: the file has front matter but no text"
    ))
    .expect_stderr("^^^ the text goes below this line");
}

#[test]
fn legacy_polish_encodings_are_named_with_the_command_that_converts_them() {
    for (encoding, name, iconv) in [
        (encoding_rs::WINDOWS_1250, "windows-1250", "WINDOWS-1250"),
        (encoding_rs::ISO_8859_2, "ISO-8859-2", "ISO-8859-2"),
    ] {
        let run = broken(|s| {
            let text =
                "---\ntitle: \"Zażółć gęślą jaźń\"\ndate: 2013-05-01\n---\n\nŚwięto w Łodzi.\n";
            std::fs::write(s.path(ITEM), encoding.encode(text).0).unwrap();
        });
        run.expect_stderr(&format!(
            "{ITEM}:2:11: error: the file is in {name}, not UTF-8"
        ))
        .expect_stderr("2 | title: \"Zażółć gęślą jaźń\"")
        .expect_stderr(&format!(
            "help: convert it to UTF-8: iconv -f {iconv} -t UTF-8 '{ITEM}'"
        ));
    }
}

#[test]
fn a_tag_without_letters_or_digits_is_located() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\ntags: [\"!!!\"]\n---\n\nTekst.\n",
        )
    });
    run.expect_stderr(&format!(
        "{ITEM}:4:8: error: tag `!!!` has no letters or digits to make a URL from"
    ));
}

#[test]
fn attachments_outside_the_item_folder_are_refused() {
    let run = broken(|s| {
        s.write(
            "content/news/2011-10-17-konwencja/index.pl.md",
            "---\ntitle: \"Konwencja\"\ndate: 2011-10-17\nattachments:\n  - file: ../../../etc/passwd\n  - file: /etc/passwd\n---\n\nTekst.\n",
        )
    });
    let f = "content/news/2011-10-17-konwencja/index.pl.md";
    run.expect_stderr(&format!(
        "{f}:5:11: error: attachment `../../../etc/passwd` is not a file name in the item's folder"
    ))
    .expect_stderr(&format!(
        "{f}:6:11: error: attachment `/etc/passwd` is not a file name in the item's folder"
    ));
}

#[test]
fn an_attachment_named_in_nfc_is_found_in_nfd_on_disk() {
    let site = Site::fixture("basic");
    let nfc = "Prezentacja końcowa.pdf";
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
    assert_ne!(nfc, nfd);
    site.write(
        &format!("content/news/2011-10-17-konwencja/{nfd}"),
        "%PDF-1.4",
    );
    site.write(
        "content/news/2011-10-17-konwencja/index.pl.md",
        &format!("---\ntitle: \"Konwencja\"\ndate: 2011-10-17\nattachments:\n  - file: \"{nfc}\"\n---\n\nTekst.\n\n## Program\n\nWizyty.\n"),
    );
    site.build(&[]).assert_ok();
    assert!(site.exists(&format!("aktualnosci/2011-10-17-konwencja/{nfc}")));
}

#[test]
fn names_differing_only_in_case_or_normalisation_clash() {
    let nfc = "Prezentacja końcowa.pdf";
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfc).collect();
    let dir = "content/news/2011-10-17-konwencja";
    let run = broken(|s| {
        s.write(&format!("{dir}/Raport.pdf"), "a");
        s.write(&format!("{dir}/raport.pdf"), "b");
        s.write(&format!("{dir}/{nfc}"), "c");
        s.write(&format!("{dir}/{nfd}"), "d");
    });
    run.expect_stderr(&format!(
        "{dir}/raport.pdf: error: this name differs from `{dir}/Raport.pdf` only in letter case or Unicode normalisation"
    ))
    .expect_stderr("help: on Windows and macOS the two would be one file");
    assert_eq!(
        run.stderr.matches("only in letter case").count(),
        2,
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_leading_outside_nowhere_or_to_folders_are_refused() {
    use std::os::unix::fs::symlink;
    let run = broken(|s| {
        symlink(
            "/etc/passwd",
            s.path("content/news/2013-06-01-passwd.pl.md"),
        )
        .unwrap();
        symlink("/etc", s.path("content/news/etc")).unwrap();
        symlink(
            s.path("content/news/b.pl.md"),
            s.path("content/news/a.pl.md"),
        )
        .unwrap();
        symlink(
            s.path("content/news/a.pl.md"),
            s.path("content/news/b.pl.md"),
        )
        .unwrap();
        std::fs::create_dir_all(s.path("static")).unwrap();
        symlink("/etc/hostname", s.path("static/hostname")).unwrap();
    });
    for expected in [
        "content/news/2013-06-01-passwd.pl.md: error: symbolic link to `/etc/passwd` leads outside the site folder",
        "content/news/etc: error: symbolic link to `/etc` leads outside the site folder",
        "content/news/a.pl.md: error: symbolic link to",
        "leads nowhere, or round in a loop",
        "static/hostname: error: symbolic link to `/etc/hostname` leads outside the site folder",
        "help: kronika follows only links to files inside the site",
    ] {
        run.expect_stderr(expected);
    }
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_to_a_file_the_build_publishes_anyway_is_followed() {
    // A link to a file the site publishes anyway (here a static file); see
    // `tests/security/links.rs` for where else a link may and may not lead.
    let site = Site::fixture("basic");
    site.write(
        "static/teksty/wspolny.md",
        "---\ntitle: \"Wspólny\"\ndate: 2013-06-02\n---\n\nTekst wspólny.\n",
    );
    std::os::unix::fs::symlink(
        site.path("static/teksty/wspolny.md"),
        site.path("content/news/2013-06-02-wspolny.pl.md"),
    )
    .unwrap();
    site.build(&[]).assert_ok();
    assert!(
        site.page("aktualnosci/2013-06-02-wspolny/index.html")
            .contains("Tekst wspólny.")
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_messages_and_templates_are_checked_too() {
    use std::os::unix::fs::symlink;
    let run = broken(|s| {
        std::fs::create_dir_all(s.path("i18n/pl")).unwrap();
        symlink("/etc/passwd", s.path("i18n/pl/serwis.ftl")).unwrap();
    });
    run.expect_stderr(
        "i18n/pl/serwis.ftl: error: symbolic link to `/etc/passwd` leads outside the site folder",
    );
    let run = broken(|s| {
        std::fs::create_dir_all(s.path("themes/bip/templates")).unwrap();
        symlink("/etc/hostname", s.path("themes/bip/templates/base.html")).unwrap();
    });
    run.expect_stderr(
        "themes/bip/templates/base.html: error: symbolic link to `/etc/hostname` leads outside the site folder",
    );
    // A linked folder leads outside too: nothing under it is read.
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("pl")).unwrap();
    std::fs::write(outside.path().join("pl/x.ftl"), "home = SEKRET\n").unwrap();
    let run = broken(|s| symlink(outside.path(), s.path("i18n")).unwrap());
    run.expect_stderr("i18n/pl/x.ftl: error: symbolic link to")
        .expect_stderr("leads outside the site folder");
    assert!(!run.stderr.contains("SEKRET"));
}

#[test]
fn an_alias_or_static_file_taking_a_generated_page_names_its_source() {
    let run = broken(|s| {
        s.write(
            ITEM,
            "---\ntitle: \"Tylko\"\ndate: 2013-05-01\naliases: [\"/rss.xml\", \"/aktualnosci/\"]\n---\n\nTekst.\n",
        );
        s.write("static/sitemap.xml", "<urlset/>");
    });
    run.expect_stderr(&format!(
        "{ITEM}:4:11: error: alias `/rss.xml` would replace rss.xml, a page kronika generates"
    ))
    .expect_stderr(&format!(
        "{ITEM}:4:23: error: alias `/aktualnosci/` would replace aktualnosci/index.html, a page kronika generates"
    ))
    .expect_stderr("4 | aliases: [\"/rss.xml\", \"/aktualnosci/\"]\n  |                       ^^^^^^^^^^^^^^^\n")
    .expect_stderr("static/sitemap.xml: error: this file would replace sitemap.xml, which kronika generates");
}

#[test]
fn a_bad_base_url_flag_is_a_usage_error() {
    let site = Site::built("basic");
    let before = tree(&site.path("public"));
    let run = site.build(&["--base-url", "ftp://example.org/"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.expect_stderr("error: `ftp://example.org/` is not a usable base URL");
    assert_eq!(tree(&site.path("public")), before);
}

#[test]
fn a_template_syntax_error_is_located_in_its_file() {
    let run = broken(|s| {
        s.write(
            "themes/bip/templates/tags.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ title }</h1>\n{% endblock main %}\n",
        )
    });
    run.expect_stderr("themes/bip/templates/tags.html:3:14: error: syntax error in the template:")
        .expect_stderr("3 | <h1>{{ title }</h1>\n  |              ^");
}
