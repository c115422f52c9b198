//! `kronika serve` over HTTP: a fixture site served on a free port, fetched with plain
//! HTTP requests, edited on disk, with every wait bounded (docs/maintainer/cli.md, "Preview: `kronika
//! serve`").

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Site;

/// How long a change may take to show: generous, for a loaded CI machine.
const PATIENCE: Duration = Duration::from_secs(30);

/// A running `kronika serve` of a fixture site, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    site: Site,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn spawn(site: &Site, port: u16) -> Child {
    // In the site's folder, without `--root`: as editors run it.
    Command::new(env!("CARGO_BIN_EXE_kronika"))
        .current_dir(site.root())
        .args(["serve", "--port", &port.to_string()])
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kronika starts")
}

impl Server {
    /// Serves fixture `name` and waits until it answers.
    fn start(name: &str) -> Server {
        let site = Site::fixture(name);
        let port = free_port();
        let child = spawn(&site, port);
        let server = Server { child, port, site };
        server.wait_for("the first page", || server.get("/").status == 200);
        server
    }

    /// `GET target`, exactly as written (no normalisation on the way).
    fn get(&self, target: &str) -> Reply {
        self.request("GET", target)
    }

    fn request(&self, method: &str, target: &str) -> Reply {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return Reply::default();
        };
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        let request =
            format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        if stream.write_all(request.as_bytes()).is_err() {
            return Reply::default();
        }
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        Reply::parse(&raw)
    }

    /// Waits until `ready` holds, at most [`PATIENCE`].
    fn wait_for(&self, what: &str, ready: impl Fn() -> bool) {
        let started = Instant::now();
        while !ready() {
            assert!(started.elapsed() < PATIENCE, "waited too long for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the page at `target` contains `text`; returns the page.
    fn wait_for_text(&self, target: &str, text: &str) -> Reply {
        self.wait_for(&format!("{text:?} in {target}"), || {
            self.get(target).body.contains(text)
        });
        self.get(target)
    }
}

#[derive(Default, Debug)]
struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Reply {
            status,
            head: head.to_ascii_lowercase(),
            body: body.to_string(),
        }
    }
}

const ITEM: &str = "content/news/2012-02-15-mops.pl.md";
const ITEM_PAGE: &str = "/aktualnosci/mops-wyrozniony/";

#[test]
fn pages_are_served_with_their_type_and_the_reload_script() {
    let server = Server::start("basic");
    let page = server.get(ITEM_PAGE);
    assert_eq!(page.status, 200);
    assert!(
        page.head.contains("content-type: text/html; charset=utf-8"),
        "{}",
        page.head
    );
    assert!(page.body.contains("MOPS wyróżniony"));
    assert!(page.body.contains("src=\"/.kronika/live.js\""));
    // Links are written for the served address, at its root.
    assert!(
        page.body.contains("href=\"/aktualnosci/\""),
        "{}",
        page.body
    );
    let css = server.get("/style.css");
    assert_eq!(css.status, 200);
    assert!(
        css.head.contains("content-type: text/css; charset=utf-8"),
        "{}",
        css.head
    );
    assert!(!css.body.contains("live.js"));
    let feed = server.get("/rss.xml");
    assert!(feed.head.contains("charset=utf-8"), "{}", feed.head);
    // A folder without its slash is sent to the folder.
    let folder = server.get("/aktualnosci/mops-wyrozniony");
    assert_eq!(folder.status, 301);
    assert!(
        folder
            .head
            .contains("location: /aktualnosci/mops-wyrozniony/")
    );
    // A missing page: the site's 404 page, with status 404.
    let missing = server.get("/nie-ma-takiej-strony/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("Page not found"), "{}", missing.body);
    // Only GET and HEAD.
    assert_eq!(server.request("POST", "/").status, 405);
    assert_eq!(server.request("DELETE", ITEM_PAGE).status, 405);
    let head = server.request("HEAD", ITEM_PAGE);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[test]
fn edits_additions_deletions_and_renames_show_at_once() {
    let server = Server::start("basic");
    let site = &server.site;
    let text = std::fs::read_to_string(site.path(ITEM)).unwrap();

    // Edit.
    site.write(
        ITEM,
        &text.replace("MOPS wyróżniony", "MOPS wyróżniony ponownie"),
    );
    server.wait_for_text(ITEM_PAGE, "MOPS wyróżniony ponownie");
    // The lists that show it change too.
    server.wait_for_text("/aktualnosci/", "MOPS wyróżniony ponownie");

    // A new item: its page and the news list.
    let new = "content/news/2016-03-01-nowa.pl.md";
    site.write(
        new,
        "---\ntitle: Nowa wiadomość\ndate: 2016-03-01\n---\n\nTreść.\n",
    );
    server.wait_for_text("/aktualnosci/2016-03-01-nowa/", "Nowa wiadomość");
    server.wait_for_text("/aktualnosci/", "Nowa wiadomość");

    // Renamed (as an editor's save might: a new name, the old one gone).
    let renamed = "content/news/2016-03-01-nowsza.pl.md";
    std::fs::rename(site.path(new), site.path(renamed)).unwrap();
    server.wait_for_text("/aktualnosci/2016-03-01-nowsza/", "Nowa wiadomość");
    server.wait_for("the old address to go", || {
        server.get("/aktualnosci/2016-03-01-nowa/").status == 404
    });

    // Deleted: its page answers 404.
    site.remove(renamed);
    server.wait_for("the deleted page to go", || {
        server.get("/aktualnosci/2016-03-01-nowsza/").status == 404
    });
    assert!(!server.get("/aktualnosci/").body.contains("Nowa wiadomość"));

    // An editor's safe save: a temporary file renamed over the original.
    let tmp = site.path("content/news/.mops.pl.md.swp");
    std::fs::write(&tmp, text.replace("MOPS wyróżniony", "MOPS po zapisie")).unwrap();
    std::fs::rename(&tmp, site.path(ITEM)).unwrap();
    server.wait_for_text(ITEM_PAGE, "MOPS po zapisie");

    // Serving wrote nothing into the site: no output folder, no file of its own.
    assert!(!site.path("public").exists());
}

#[test]
fn a_broken_file_shows_its_error_over_the_last_good_page_until_it_is_fixed() {
    let server = Server::start("basic");
    let site = &server.site;
    let good = std::fs::read_to_string(site.path(ITEM)).unwrap();
    // The front matter is never closed.
    site.write(ITEM, "---\ntitle: \"MOPS\"\n\nTekst.\n");
    let page = server.wait_for_text(ITEM_PAGE, "kronika-errors");
    // The file and line, the quoted source and the help, as the terminal shows them.
    assert!(
        page.body.contains(&format!("{ITEM}:1:1: error")),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("the front matter is never closed"),
        "{}",
        page.body
    );
    assert!(page.body.contains("1 | ---"), "{}", page.body);
    assert!(page.body.contains("help: add a line"), "{}", page.body);
    // Over the last good version of the page.
    assert!(page.body.contains("MOPS wyróżniony"));
    // Every page carries it while the error stands.
    assert!(server.get("/").body.contains("kronika-errors"));
    assert!(server.get("/nie-ma/").body.contains("kronika-errors"));

    site.write(ITEM, &good);
    server.wait_for("the overlay to go", || {
        !server.get(ITEM_PAGE).body.contains("kronika-errors")
    });
    assert!(server.get(ITEM_PAGE).body.contains("MOPS wyróżniony"));
}

#[test]
fn template_and_ui_string_changes_re_render() {
    let server = Server::start("overrides");
    let site = &server.site;
    let item = "/wiadomosci/2012-02-15-test/";
    server.wait_for_text(item, "szablonu witryny");

    let template = "themes/bip/templates/news_item.html";
    let before = std::fs::read_to_string(site.path(template)).unwrap();
    site.write(
        template,
        &before.replace("custom-marker", "custom-marker-changed"),
    );
    server.wait_for_text(item, "custom-marker-changed");

    let ftl = "i18n/pl/site.ftl";
    let before = std::fs::read_to_string(site.path(ftl)).unwrap();
    site.write(
        ftl,
        &before.replace("Dzień dobry z szablonu witryny", "Witaj ponownie"),
    );
    server.wait_for_text(item, "Witaj ponownie");
}

#[test]
fn an_open_page_is_told_to_reload_when_a_build_changes_it() {
    let server = Server::start("basic");
    let page = server.get(ITEM_PAGE);
    let version = page
        .body
        .split("data-version=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the script names its build")
        .to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let target =
        format!("/.kronika/events?page=aktualnosci%2Fmops-wyrozniony%2Findex.html&v={version}&e=0");
    write!(stream, "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");

    let text = std::fs::read_to_string(server.site.path(ITEM)).unwrap();
    server
        .site
        .write(ITEM, &text.replace("MOPS wyróżniony", "MOPS zmieniony"));
    let started = Instant::now();
    loop {
        line.clear();
        reader
            .read_line(&mut line)
            .expect("the stream stays open until it says reload");
        if line.trim() == "data: reload" {
            break;
        }
        assert!(started.elapsed() < PATIENCE, "no reload event");
    }
}

#[test]
fn requests_outside_the_site_are_refused() {
    let server = Server::start("basic");
    for target in [
        "/../../../../etc/passwd",
        "/aktualnosci/../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2f..%2fetc%2fpasswd",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/..\\..\\..\\etc\\passwd",
        "//etc/passwd",
        "/%00",
        "http://127.0.0.1/../../etc/passwd",
        // Files of the site that are not part of the built site.
        "/site.yaml",
        "/content/news/2012-02-15-mops.pl.md",
    ] {
        let reply = server.get(target);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{target}: {} {}",
            reply.status,
            reply.body
        );
        assert!(!reply.body.contains("root:x:0"), "{target}");
        assert!(!reply.body.contains("base_url"), "{target}");
    }
}

#[test]
fn a_taken_port_is_named_with_the_flag_to_change_it() {
    let site = Site::fixture("basic");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = spawn(&site, port).wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(&format!("port {port}")), "{stderr}");
    assert!(stderr.contains("--port"), "{stderr}");
}

#[test]
fn build_output_never_carries_the_reload_script() {
    let site = Site::built("basic");
    let html = std::fs::read_to_string(site.path("public/index.html")).unwrap();
    assert!(!html.contains(".kronika"));
}
