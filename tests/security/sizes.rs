//! Text repeated on many pages is bounded, so one item cannot make the output huge.

use crate::common::{Site, tree};

#[test]
fn an_absurdly_long_title_is_a_located_error_and_nothing_is_written() {
    let site = Site::fixture("basic");
    let title = "Bardzo długi tytuł ".repeat(60_000); // about 1 MB
    let tags: Vec<String> = (0..1000).map(|i| format!("t{i}")).collect();
    site.write(
        "content/news/2016-01-01-dlugi.pl.md",
        &format!(
            "---\ndate: 2016-01-01\ntitle: \"{title}\"\ntags: [{}]\n---\n\nTekst.\n",
            tags.join(", ")
        ),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", &run.stderr[..run.stderr.len().min(2000)]);
    run.expect_stderr("content/news/2016-01-01-dlugi.pl.md:3:1: error:");
    run.expect_stderr("the title is 1,140,000 characters long; kronika allows at most 1,000");
    assert!(
        run.stderr.len() < 4000,
        "the message quotes the whole title: {} bytes",
        run.stderr.len()
    );
    assert!(tree(&site.path("public")).is_empty());
}

#[test]
fn a_long_tag_name_is_a_located_error() {
    let site = Site::fixture("basic");
    let tag = "x".repeat(5000);
    site.write(
        "content/news/2016-01-01-tag.pl.md",
        &format!("---\ntitle: Tag\ndate: 2016-01-01\ntags: [a, {tag}]\n---\n\nTekst.\n"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", &run.stderr[..run.stderr.len().min(2000)]);
    run.expect_stderr("content/news/2016-01-01-tag.pl.md:4:");
    assert!(run.stderr.len() < 4000, "{} bytes", run.stderr.len());
}

#[test]
fn a_title_of_a_thousand_characters_builds() {
    let site = Site::fixture("basic");
    let title = "ż".repeat(1000);
    site.write(
        "content/news/2016-01-01-dlugi.pl.md",
        &format!("---\ntitle: \"{title}\"\ndate: 2016-01-01\n---\n\nTekst.\n"),
    );
    site.build(&[]).assert_ok();
}

#[test]
fn an_absurdly_long_project_title_is_a_located_error() {
    let site = Site::fixture("basic");
    let title = "Projekt ".repeat(10_000);
    site.write(
        "content/projects/dlugi.yaml",
        &format!("# Projekt\ntitle: {{pl: \"{title}\", en: \"Project\"}}\n"),
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", &run.stderr[..run.stderr.len().min(2000)]);
    run.expect_stderr(
        "content/projects/dlugi.yaml:2:1: error: the title is 80,000 characters long; kronika allows at most 1,000",
    );
    assert!(run.stderr.len() < 4000, "{} bytes", run.stderr.len());
    assert!(tree(&site.path("public")).is_empty());
}
