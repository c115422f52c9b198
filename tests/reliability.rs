//! Nothing lost, nothing injected: a killed build leaves the previous site as it was,
//! Windows line endings and byte-order marks change nothing, every value from front
//! matter or YAML is escaped, and very large inputs build.
mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Site, tree};

fn item(date: &str, title: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n---\n\n{body}\n")
}

#[test]
fn a_killed_build_leaves_the_previous_site_and_the_next_build_succeeds() {
    let site = Site::built("basic");
    let before = tree(&site.path("public"));
    // Enough new pages that the build is still rendering when it is killed.
    for i in 0..3000 {
        site.write(
            &format!(
                "content/news/2013-{:02}-{:02}-n{i}.pl.md",
                1 + i % 12,
                1 + i % 28
            ),
            &item(
                "2013-01-01",
                &format!("Wiadomość {i}"),
                &"Tekst akapitu. ".repeat(200),
            ),
        );
    }
    let staging = site.root().join(".public.kronika-staging");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kronika"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until pages are being written into the staging folder, then kill -9.
    let started = Instant::now();
    loop {
        let staged = walkdir::WalkDir::new(&staging).into_iter().count();
        if staged > 50 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no staging folder appeared"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        tree(&site.path("public")) == before,
        "the killed build changed the published site"
    );

    site.build(&[]).assert_ok();
    assert!(site.exists("aktualnosci/2013-01-01-n0/index.html"));
    assert!(
        !staging.exists(),
        "the leftover staging folder was not cleaned up"
    );
}

#[test]
fn byte_order_mark_and_windows_line_endings_render_like_plain_lf() {
    let text = item(
        "2012-05-05",
        "Spotkanie w Łodzi",
        "Pierwszy akapit\nz dwiema liniami.\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    let crlf = text.replace('\n', "\r\n");
    let variants = [
        text.clone(),
        crlf.clone(),
        format!("\u{feff}{crlf}"),
        format!("\u{feff}{text}"),
    ];
    let mut pages = Vec::new();
    for body in &variants {
        let site = Site::fixture("basic");
        site.write("content/news/2012-05-05-lodz.pl.md", body);
        site.write(
            "content/projects/lodz.yaml",
            &"title: {pl: \"Łódź\", en: \"Lodz\"}\nfund: EFS\n"
                .replace('\n', if body.contains('\r') { "\r\n" } else { "\n" }),
        );
        let run = site.build(&[]);
        run.assert_ok();
        assert!(
            run.stderr.is_empty(),
            "no warning for a BOM or CRLF: {}",
            run.stderr
        );
        pages.push((
            site.page("aktualnosci/2012-05-05-lodz/index.html"),
            site.page("projekty/lodz/index.html"),
        ));
    }
    for p in &pages[1..] {
        assert!(p == &pages[0], "a BOM or CRLF changed the page");
    }
}

#[test]
fn values_from_front_matter_and_yaml_are_escaped() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/2012-06-01-xss.pl.md",
        "---\ntitle: \"<script>alert(1)</script>\"\ndate: 2012-06-01\ntags: [\"<b>pogrubiony</b>\"]\nproduced_by: \"\\\"><img src=x onerror=alert(2)>\"\n---\n\nTekst.\n",
    );
    site.write(
        "content/projects/xss.yaml",
        "title: {pl: \"\\\"><svg onload=alert(3)>\", en: \"x\"}\nfund: EFS\n",
    );
    site.build(&[]).assert_ok();
    let pages = tree(&site.path("public"));
    // Pages and feeds; the statistics' CSV and JSON and the search index are data, where
    // a tag's name is written as it is (a browser never reads them as HTML; the search
    // page writes results as text, `tests/search.rs`).
    let markup = pages
        .iter()
        .filter(|(rel, _)| rel.ends_with(".html") || rel.ends_with(".xml"));
    for (rel, bytes) in markup {
        let text = String::from_utf8_lossy(bytes);
        for bad in [
            "<script>alert(1)",
            "<b>pogrubiony",
            "<img src=x",
            "<svg onload",
        ] {
            assert!(!text.contains(bad), "{rel} lets `{bad}` through unescaped");
        }
    }
    let item = site.page("aktualnosci/2012-06-01-xss/index.html");
    assert!(
        item.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"),
        "{item}"
    );
    assert!(item.contains("&lt;b&gt;pogrubiony&lt;/b&gt;"));
}

#[test]
fn a_table_of_ten_thousand_rows_renders() {
    let site = Site::fixture("basic");
    let mut body = String::from("| lp. | wartość |\n|---:|---:|\n");
    for i in 0..10_000 {
        body.push_str(&format!("| {i} | {} |\n", i * 7));
    }
    site.write(
        "content/news/2012-07-01-tabela.pl.md",
        &item("2012-07-01", "Tabela", &body),
    );
    site.build(&[]).assert_ok();
    let page = site.page("aktualnosci/2012-07-01-tabela/index.html");
    assert_eq!(page.matches("<tr>").count(), 10_001);
    assert!(page.contains("<td style=\"text-align: right\">69993</td>"));
}

#[test]
fn a_fifty_megabyte_markdown_file_builds() {
    let site = Site::fixture("basic");
    let paragraph =
        "Projekt „Pora na aktywność” realizowano w Krakowie i w okolicach. ".repeat(20) + "\n\n";
    let body = paragraph.repeat(50 * 1024 * 1024 / paragraph.len() + 1);
    assert!(body.len() >= 50 * 1024 * 1024);
    site.write(
        "content/news/2012-08-01-duzy.pl.md",
        &item("2012-08-01", "Duży plik", &body),
    );
    site.build(&["--quiet"]).assert_ok();
    let size = std::fs::metadata(site.path("public/aktualnosci/2012-08-01-duzy/index.html"))
        .unwrap()
        .len();
    assert!(
        size > 50 * 1024 * 1024,
        "the page holds the whole text ({size} bytes)"
    );
}

#[test]
fn a_hundred_thousand_line_yaml_file_fails_cleanly() {
    let site = Site::built("basic");
    let before = tree(&site.path("public"));
    let mut yaml = String::from(
        "title: {pl: \"Duży projekt\", en: \"Large project\"}\nfund: EFS\nindicators:\n",
    );
    let mut day = jiff::civil::date(1800, 1, 1);
    for i in 0..100_000 {
        yaml.push_str(&format!("  - {{date: {day}, participants: {i}}}\n"));
        day = day.tomorrow().unwrap();
    }
    site.write("content/projects/duzy.yaml", &yaml);
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.expect_stderr("content/projects/duzy.yaml:")
        .expect_stderr("error: the YAML is too large or too deeply nested to read safely");
    assert!(tree(&site.path("public")) == before);
}
