//! `kronika check`: every finding at its place, in text and JSON, the exit status,
//! `--strict`, the build's own errors, nothing written, and `--external` against a local
//! HTTP server (docs/maintainer/cli.md "Checking a site").

mod common;

use std::time::Duration;

use common::{Run, Site, kronika_in_locale};

fn check(site: &Site, args: &[&str]) -> Run {
    check_with_env(site, &[("LANG", "C")], args)
}

fn check_with_env(site: &Site, env: &[(&str, &str)], args: &[&str]) -> Run {
    let root = site.root().to_str().expect("a UTF-8 temporary path");
    let mut all = vec!["check", "--root", root];
    all.extend_from_slice(args);
    kronika_in_locale(env, &all)
}

/// The JSON objects `check --format json` printed, one a line.
fn json(run: &Run) -> Vec<serde_json::Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The one object with `code` in `file`.
fn finding<'a>(all: &'a [serde_json::Value], code: &str, file: &str) -> &'a serde_json::Value {
    let found: Vec<&serde_json::Value> = all
        .iter()
        .filter(|f| f["code"] == code && f["file"] == file)
        .collect();
    assert_eq!(found.len(), 1, "one {code} in {file}, in {all:#?}");
    found[0]
}

const BLEDY: &str = "content/news/2020-02-01-bledy.pl.md";

#[test]
fn each_finding_is_reported_at_its_place_in_text() {
    let site = Site::fixture("check");
    let run = check(&site, &[]);
    assert_eq!(run.code, 1, "errors give exit 1:\n{}", run.stderr);
    for needle in [
        "content/news/2020-02-01-bledy.pl.md:11:31: error: link to `brak.pdf`, which does not exist",
        "content/news/2020-02-01-bledy.pl.md:11:68: warning: link without text",
        "content/news/2020-02-01-bledy.pl.md:13:1: error: image without alt text",
        "content/news/2020-02-01-bledy.pl.md:17:1: warning: heading of level 4 after level 2: a level is skipped",
        "content/news/2020-02-01-bledy.pl.md:19:1: warning: table without a header row",
        "content/news/2020-02-01-bledy.pl.md:1:1: warning: no translation in en (one of 1 item without a translation)",
        "content/news/2020-02-01-bledy.pl.md:8:13: warning: tag `dobre praktyk` is used by this item only",
        "content/news/2020-04-01-bez-metryczki.pl.md:1:1: warning: the metryczka (BIP metadata) lacks `produced_by`, `published_by`",
        "content/projects/nieuzywany.yaml:1:1: warning: no item names project `nieuzywany`",
        "content/news/2099-01-01-daleko.pl.md:3:1: warning: the date 2099-01-01 is more than a year from today",
    ] {
        run.expect_stderr(needle);
    }
    run.expect_stderr("did you mean `dobre praktyki`?");
    run.expect_stderr("= help: write what the link leads to between the brackets");
    // The link that is there, and the `@/` links, are not findings.
    assert!(!run.stderr.contains("`jest.txt`"), "{}", run.stderr);
    assert!(
        run.stdout
            .contains("2 errors, 8 warnings; nothing was written"),
        "{}",
        run.stdout
    );
    assert!(!site.path("public").exists(), "check writes no output");
    assert!(!site.path(".kronika-cache").exists(), "nor a cache");
}

#[test]
fn each_finding_is_one_json_object_with_its_place() {
    let site = Site::fixture("check");
    let run = check(&site, &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let all = json(&run);
    assert_eq!(all.len(), 10, "{all:#?}");
    let place = |code: &str, file: &str| {
        let f = finding(&all, code, file);
        (
            f["line"].as_u64().unwrap(),
            f["column"].as_u64().unwrap(),
            f["severity"].as_str().unwrap().to_string(),
        )
    };
    let error = || "error".to_string();
    let warning = || "warning".to_string();
    assert_eq!(place("link-file-missing", BLEDY), (11, 31, error()));
    assert_eq!(place("link-empty-text", BLEDY), (11, 68, warning()));
    assert_eq!(place("image-alt", BLEDY), (13, 1, error()));
    assert_eq!(place("heading-skip", BLEDY), (17, 1, warning()));
    assert_eq!(place("table-header", BLEDY), (19, 1, warning()));
    assert_eq!(place("translation-missing", BLEDY), (1, 1, warning()));
    assert_eq!(place("tag-once", BLEDY), (8, 13, warning()));
    let metryczka = "content/news/2020-04-01-bez-metryczki.pl.md";
    assert_eq!(place("metryczka-missing", metryczka), (1, 1, warning()));
    let unused = "content/projects/nieuzywany.yaml";
    assert_eq!(place("project-unused", unused), (1, 1, warning()));
    let far = "content/news/2099-01-01-daleko.pl.md";
    assert_eq!(place("embargo-far", far), (3, 1, warning()));
    let f = finding(&all, "link-file-missing", BLEDY);
    assert_eq!(f["message"], "link to `brak.pdf`, which does not exist");
    assert!(f["help"].as_str().unwrap().contains("@/"), "{f}");
    // The count goes to stderr: stdout holds JSON only.
    assert!(
        run.stderr.contains("2 errors, 8 warnings"),
        "{}",
        run.stderr
    );
}

#[test]
fn messages_follow_the_users_language() {
    let site = Site::fixture("check");
    let run = check_with_env(&site, &[("LANG", "pl_PL.UTF-8")], &[]);
    assert_eq!(run.code, 1);
    run.expect_stderr(
        "content/news/2020-02-01-bledy.pl.md:19:1: warning: tabela bez wiersza nagłówka",
    );
    assert!(
        run.stdout
            .contains("2 błędy, 8 ostrzeżeń; niczego nie zapisano"),
        "{}",
        run.stdout
    );
}

#[test]
fn warnings_alone_pass_and_fail_with_strict() {
    let site = Site::fixture("check");
    // Without its two errors the site has warnings only.
    let bledy = std::fs::read_to_string(site.path(BLEDY)).unwrap();
    let fixed = bledy
        .replace("[brakującym plikiem](brak.pdf)", "[plikiem](jest.txt)")
        .replace(
            "![](https://example.org/logo.png)",
            "![Logo](https://example.org/logo.png)",
        );
    site.write(BLEDY, &fixed);
    let run = check(&site, &[]);
    assert_eq!(run.code, 0, "warnings allow exit 0:\n{}", run.stderr);
    assert!(
        run.stdout.contains("No errors, 8 warnings"),
        "{}",
        run.stdout
    );
    let strict = check(&site, &["--strict"]);
    assert_eq!(
        strict.code, 1,
        "--strict counts warnings:\n{}",
        strict.stderr
    );
    let strict_json = check(&site, &["--strict", "--format", "json"]);
    assert_eq!(strict_json.code, 1);
    assert!(
        json(&strict_json)
            .iter()
            .all(|f| f["severity"] == "warning")
    );
}

#[test]
fn the_builds_errors_and_warnings_are_reported_with_their_message_id_as_code() {
    let site = Site::fixture("check");
    site.append(
        "content/news/2020-01-10-pierwsza.pl.md",
        "\nZobacz [zapowiedź](@/news/nie-ma.pl.md).\n",
    );
    let run = check(&site, &["--format", "json"]);
    assert_eq!(run.code, 1);
    let all = json(&run);
    let broken: Vec<_> = all
        .iter()
        .filter(|f| f["file"] == "content/news/2020-01-10-pierwsza.pl.md")
        .collect();
    assert_eq!(broken.len(), 1, "{all:#?}");
    assert_eq!(broken[0]["severity"], "error");
    assert_eq!(broken[0]["line"], 13);
    assert!(
        broken[0]["code"].as_str().unwrap().starts_with("link-"),
        "{}",
        broken[0]
    );
    // The findings of check itself are reported beside the build's errors.
    finding(&all, "table-header", BLEDY);
    assert!(!site.path("public").exists());
}

#[test]
fn a_photo_without_alt_text_is_an_error_for_check_and_a_warning_for_build() {
    let site = Site::fixture("photos");
    let rel = "content/news/2012-05-10-wizyta/index.pl.md";
    site.append(rel, "\n![](wizyta.jpg)\n");
    site.build(&[])
        .assert_ok()
        .expect_stderr("warning: image without alt text");
    let run = check(&site, &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let all = json(&run);
    let f = finding(&all, "image-alt", rel);
    assert_eq!(f["severity"], "error");
}

/// A local server answering 200, 301 → 200, 404, 500, too slowly, and 405 to HEAD.
fn serve() -> (String, std::thread::JoinHandle<()>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("a local port");
    let addr = server.server_addr().to_ip().expect("an IP address");
    let base = format!("http://{addr}");
    let handle = std::thread::spawn(move || {
        let mut asked = std::collections::BTreeMap::<String, usize>::new();
        while let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(20)) {
            let url = request.url().to_string();
            *asked
                .entry(format!("{} {url}", request.method()))
                .or_default() += 1;
            let head = *request.method() == tiny_http::Method::Head;
            let status = match url.as_str() {
                "/ok" | "/moved-here" => 200,
                "/moved" => {
                    let location =
                        tiny_http::Header::from_bytes("Location", "/moved-here").expect("a header");
                    let _ = request.respond(tiny_http::Response::empty(301).with_header(location));
                    continue;
                }
                "/gone" => 404,
                "/broken" => 500,
                "/get-only" if head => 405,
                "/get-only" => 200,
                "/slow" => {
                    std::thread::spawn(move || {
                        std::thread::sleep(Duration::from_secs(8));
                        let _ = request.respond(tiny_http::Response::empty(200));
                    });
                    continue;
                }
                "/stop" => {
                    let _ = request.respond(tiny_http::Response::empty(200));
                    break;
                }
                _ => 404,
            };
            let _ = request.respond(tiny_http::Response::empty(status));
        }
        // Each address asked once, however many links lead to it.
        for (what, n) in &asked {
            assert!(*n == 1, "{what} asked {n} times");
        }
    });
    (base, handle)
}

#[test]
fn external_links_are_asked_once_each_and_dead_ones_are_warnings_at_each_link() {
    let site = Site::fixture("check");
    // No link of the site leads to the real network: only to the local server.
    let bledy = std::fs::read_to_string(site.path(BLEDY)).unwrap();
    site.write(BLEDY, &bledy.replace("https://example.org/", "#"));
    let (base, server) = serve();
    let item = "content/news/2020-03-01-druga.pl.md";
    site.append(
        item,
        &format!(
            "\n[ok]({base}/ok), [moved]({base}/moved), [gone]({base}/gone),\n\
             [broken]({base}/broken), [slow]({base}/slow), [get]({base}/get-only),\n\
             [gone again]({base}/gone).\n"
        ),
    );
    let env = [("LANG", "C"), ("KRONIKA_LINK_TIMEOUT", "2")];
    let run = check_with_env(&site, &env, &["--external", "--format", "json"]);
    let _ = std::net::TcpStream::connect(base.trim_start_matches("http://"))
        .and_then(|mut s| std::io::Write::write_all(&mut s, b"GET /stop HTTP/1.0\r\n\r\n"));
    server.join().expect("the server asked each address once");
    let all = json(&run);
    let mut dead: Vec<(u64, u64, String)> = all
        .iter()
        .filter(|f| f["code"] == "link-dead")
        .map(|f| {
            assert_eq!(f["file"], item);
            assert_eq!(f["severity"], "warning");
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["message"].as_str().unwrap().replace(&base, ""),
            )
        })
        .collect();
    dead.sort();
    let col = |prefix: &str| prefix.chars().count() as u64 + 1;
    let third = format!("[ok]({base}/ok), [moved]({base}/moved), [gone](");
    let fourth = "[broken](";
    let fourth_slow = format!("[broken]({base}/broken), [slow](");
    assert_eq!(
        dead,
        vec![
            (
                13,
                col(&third),
                "link to /gone does not work: the server answers 404".to_string()
            ),
            (
                14,
                col(fourth),
                "link to /broken does not work: the server answers 500".to_string()
            ),
            (
                14,
                col(&fourth_slow),
                "link to /slow does not work: no answer within 2 s".to_string()
            ),
            (
                15,
                col("[gone again]("),
                "link to /gone does not work: the server answers 404".to_string()
            ),
        ]
    );
    // Dead links are warnings: the site's errors alone decide the status.
    assert_eq!(run.code, 1);
}

#[test]
fn without_external_no_request_is_made() {
    let site = Site::fixture("check");
    site.append(
        "content/news/2020-03-01-druga.pl.md",
        "\n[gone](http://127.0.0.1:9/gone)\n",
    );
    let run = check(&site, &["--format", "json"]);
    assert!(json(&run).iter().all(|f| f["code"] != "link-dead"));
}
