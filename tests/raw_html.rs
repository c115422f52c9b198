//! Raw HTML in Markdown bodies: what could run code, embed another site or restyle the page
//! is removed and reported as a located warning (exit 0, the page written without it);
//! pasted formatting is kept; `markdown: {raw_html: error}` refuses every piece of raw HTML
//! (exit 1, all of them located, the previous output untouched).

mod common;

use std::path::Path;

use common::{Run, Site, tree};

const ITEM: &str = "content/news/2013-05-01-tylko-po-polsku.pl.md";
const PAGE: &str = "aktualnosci/2013-05-01-tylko-po-polsku/index.html";

/// The fixture's Polish-only item with `body`, whose first line is line 6 of the file.
fn item(body: &str) -> String {
    format!("---\ntitle: \"Tylko po polsku\"\ndate: 2013-05-01\n---\n\n{body}")
}

/// Builds the fixture with the item's body replaced by `body`; the build must succeed.
fn built_with(body: &str) -> (Site, Run) {
    let site = Site::fixture("basic");
    site.write(ITEM, &item(body));
    let run = site.build(&[]);
    run.assert_ok();
    (site, run)
}

/// The item's body as written in its page.
fn prose(site: &Site) -> String {
    let page = site.page(PAGE);
    let (_, after) = page
        .split_once("<div class=\"prose\">\n")
        .expect("the page has a body");
    let (body, _) = after.split_once("\n  </div>\n").expect("the body ends");
    body.to_string()
}

#[test]
fn script_block_is_removed_with_a_located_warning() {
    let (site, run) = built_with("Przed.\n\n<script>\nalert('x');\n</script>\n\nPo.\n");
    run.expect_stderr(&format!(
        "{ITEM}:8:1: warning: removed `<script>` and everything in it from raw HTML\n  |\n8 | <script>\n  | ^^^^^^^^\n  = help: it could run a script in the reader's browser"
    ));
    assert!(run.stdout.contains(", 1 warning →"), "{}", run.stdout);
    let body = prose(&site);
    assert!(
        !body.contains("script") && !body.contains("alert"),
        "{body}"
    );
    assert!(
        body.contains("<p>Przed.</p>") && body.contains("<p>Po.</p>"),
        "{body}"
    );
}

#[test]
fn onerror_on_an_inline_image_is_removed_and_the_image_kept() {
    // The photo exists beside the item: a missing one is an error (`tests/photos.rs`).
    let site = Site::fixture("basic");
    let png =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/static/obrazki/logo.png");
    std::fs::copy(png, site.path("content/news/foto.png")).unwrap();
    site.write(
        ITEM,
        &item("Zdjęcie: <img src=\"foto.png\" alt=\"Spotkanie\" onerror=\"alert(1)\"> wyżej.\n"),
    );
    let run = site.build(&[]);
    run.assert_ok();
    // The photo's tag is rewritten (its copy, its size) before the sanitiser reads it, so
    // the mark covers the attribute's name, not its value.
    run.expect_stderr(&format!(
        "{ITEM}:6:46: warning: removed `onerror` from `<img>`\n  |\n6 | Zdjęcie: <img src=\"foto.png\" alt=\"Spotkanie\" onerror=\"alert(1)\"> wyżej.\n  |                                              ^^^^^^^"
    ));
    let prose = prose(&site);
    assert!(prose.starts_with("<p>Zdjęcie: <img "), "{prose}");
    assert!(prose.contains(" alt=\"Spotkanie\""), "{prose}");
    assert!(!prose.contains("onerror"), "{prose}");
}

#[test]
fn javascript_link_loses_its_address_and_keeps_its_text() {
    let (site, run) = built_with(
        "Tekst.\n\nKliknij <a href=\"javascript:alert(document.cookie)\">tutaj</a> teraz.\n",
    );
    run.expect_stderr(&format!(
        "{ITEM}:8:18: warning: removed the address `javascript:alert(document.cookie)` from `<a>`"
    ));
    run.expect_stderr("= help: it could run a script in the reader's browser");
    let body = prose(&site);
    assert!(body.contains("Kliknij <a>tutaj</a> teraz."), "{body}");
    assert!(!body.contains("javascript"), "{body}");
}

#[test]
fn javascript_in_a_markdown_link_is_removed_too() {
    let (site, run) = built_with("Zobacz [raport](javascript:alert(1)).\n");
    run.expect_stderr(&format!(
        "{ITEM}:6:17: warning: removed the address `javascript:alert(1)` from `<a>`"
    ));
    assert!(!prose(&site).contains("javascript"));
}

#[test]
fn iframe_is_removed_with_advice_to_link_instead() {
    let (site, run) = built_with(
        "Film:\n\n<iframe src=\"https://www.youtube.com/embed/abc\" width=\"560\"></iframe>\n\nKoniec.\n",
    );
    run.expect_stderr(&format!(
        "{ITEM}:8:1: warning: removed `<iframe>` and everything in it from raw HTML"
    ));
    run.expect_stderr(
        "= help: it would show another site or a program inside the page; link to it instead",
    );
    assert!(!prose(&site).contains("iframe"));
}

#[test]
fn pasted_formatting_is_kept_as_written() {
    let body = "<table class=\"wyniki\">\n\
                <caption>Uczestnicy projektu</caption>\n\
                <tr><th scope=\"col\">Rok</th><th scope=\"col\">Liczba</th></tr>\n\
                <tr><td><span lang=\"en\">Time for Activity</span></td><td>3617<sup>1</sup></td></tr>\n\
                </table>\n\n\
                <p>Więcej: <a href=\"https://example.org/raport.pdf\" title=\"Raport\">raport</a>, \
                <abbr title=\"Europejski Fundusz Społeczny\">EFS</abbr><br>\ndalej</p>\n";
    let (site, run) = built_with(body);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    // The parser adds the <tbody> every browser adds.
    assert_eq!(
        prose(&site),
        "<table class=\"wyniki\">\n\
         <caption>Uczestnicy projektu</caption>\n\
         <tbody><tr><th scope=\"col\">Rok</th><th scope=\"col\">Liczba</th></tr>\n\
         <tr><td><span lang=\"en\">Time for Activity</span></td><td>3617<sup>1</sup></td></tr>\n\
         </tbody></table>\n\
         <p>Więcej: <a href=\"https://example.org/raport.pdf\" title=\"Raport\">raport</a>, \
         <abbr title=\"Europejski Fundusz Społeczny\">EFS</abbr><br>\ndalej</p>\n"
    );
}

#[test]
fn markup_split_across_blocks_is_read_whole() {
    let (site, run) =
        built_with("<div class=\"ramka\" onclick=\"x()\">\n\nTekst **ważny**.\n\n</div>\n");
    run.expect_stderr(&format!(
        "{ITEM}:6:20: warning: removed `onclick` from `<div>`"
    ));
    assert_eq!(
        prose(&site),
        "<div class=\"ramka\">\n<p>Tekst <strong>ważny</strong>.</p>\n</div>\n"
    );
}

#[test]
fn each_kind_of_removal_is_one_warning_counting_the_others_and_naming_their_lines() {
    let (site, run) = built_with(
        "<p style=\"margin:0\">Jeden.</p>\n\n<p style=\"margin:0\">Dwa.</p>\n\n\
         <p style=\"color:red\" onmouseover=\"x()\">Trzy.</p>\n\n<style>p {}</style>\n",
    );
    run.expect_stderr(&format!(
        "{ITEM}:6:4: warning: removed `style` from `<p>`\n  |\n6 | <p style=\"margin:0\">Jeden.</p>\n  |    ^^^^^^^^^^^^^^^^ and 2 more on lines 8, 10\n  = help: inline styles are not kept"
    ));
    run.expect_stderr(&format!(
        "{ITEM}:10:22: warning: removed `onmouseover` from `<p>`"
    ));
    run.expect_stderr(&format!(
        "{ITEM}:12:1: warning: removed `<style>` and everything in it from raw HTML"
    ));
    assert!(run.stdout.contains(", 3 warnings →"), "{}", run.stdout);
    assert_eq!(prose(&site), "<p>Jeden.</p>\n<p>Dwa.</p>\n<p>Trzy.</p>\n\n");
}

#[test]
fn warnings_follow_the_users_language() {
    let site = Site::fixture("basic");
    site.write(ITEM, &item("<script>alert(1)</script>\n"));
    let run = site.build_in_locale(&[("LANG", "pl_PL.UTF-8")], &[]);
    run.assert_ok();
    run.expect_stderr(&format!(
        "{ITEM}:6:1: warning: usunięto z kodu HTML element `<script>` wraz z całą zawartością\n"
    ));
    run.expect_stderr(
        "= help: mógłby uruchomić skrypt w przeglądarce czytelnika; strony serwisu działają bez skryptów, więc usuń go z pliku",
    );
    assert!(run.stdout.contains("1 ostrzeżenie"), "{}", run.stdout);
}

#[test]
fn a_site_that_refuses_raw_html_reports_every_piece_and_writes_nothing() {
    let site = Site::built("basic");
    let before = tree(&site.path("public"));
    site.append("site.yaml", "markdown: {raw_html: error}\n");
    site.write(
        ITEM,
        &item("Tekst <b>pogrubiony</b> i <span lang=\"en\">this</span>.\n\n<div>\nblok\n</div>\n"),
    );
    site.write(
        "content/news/2012-02-15-mops.en.md",
        "---\ntitle: \"MOPS commended\"\n---\n\n<p>Pasted.</p>\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for place in [
        format!("{ITEM}:6:7"),
        format!("{ITEM}:6:27"),
        format!("{ITEM}:8:1"),
        "content/news/2012-02-15-mops.en.md:5:1".to_string(),
    ] {
        run.expect_stderr(&format!(
            "{place}: error: raw HTML is not allowed on this site"
        ));
    }
    run.expect_stderr("= help: write it in Markdown");
    run.expect_stderr("4 errors; nothing was written");
    assert_eq!(
        tree(&site.path("public")),
        before,
        "the previous output must stay untouched"
    );
}

#[test]
fn an_unknown_raw_html_setting_names_the_allowed_ones() {
    let site = Site::fixture("basic");
    let yaml = site.append("site.yaml", "markdown:\n  raw_html: strip\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line = yaml.lines().count() + 2;
    run.expect_stderr(&format!(
        "site.yaml:{line}:13: error: `strip` is not a setting of `raw_html`: write `allow` (dangerous parts are removed, with a warning) or `error` (raw HTML is an error)"
    ));
}
