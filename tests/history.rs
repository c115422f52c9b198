//! The complete metryczka and the change register (docs/maintainer/content.md, "Change register"): real
//! temporary git repositories made with fixed names, e-mails and dates, built by kronika;
//! the register and last change read from the rendered pages in both languages.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Site, git_as};
use scraper::{Html, Selector};

fn git(dir: &Path, args: &[&str]) -> String {
    git_as(dir, "Nobody", "2020-01-01", args)
}

/// Commits everything in `dir` as `author` on `date` with `message`.
fn commit(dir: &Path, author: &str, date: &str, message: &str) {
    git(dir, &["add", "-A", "."]);
    git_as(dir, author, date, &["commit", "-q", "-m", message]);
}

/// A git repository whose work tree is a copy of fixture `name`, its test home ignored.
fn repo(name: &str) -> Site {
    let site = Site::fixture(name);
    site.write(".gitignore", ".test-home/\npublic/\n");
    git(site.root(), &["init", "-q"]);
    site
}

/// The metryczka of a built page: its (label, value) pairs and the register's rows.
struct Metryczka {
    fields: Vec<(String, String)>,
    /// (date, author, description, link) of each row, in page order.
    rows: Vec<(String, String, String, Option<String>)>,
    /// The column headers of the register.
    columns: Vec<String>,
}

impl Metryczka {
    fn of(site: &Site, page: &str) -> Metryczka {
        let html = Html::parse_document(&site.page(page));
        let sel = |s: &str| Selector::parse(s).unwrap();
        let text = |e: scraper::ElementRef| e.text().collect::<String>().trim().to_string();
        let section = html
            .select(&sel("section.metadata[data-pagefind-ignore]"))
            .next()
            .unwrap_or_else(|| panic!("{page} has a metryczka section"));
        let dts: Vec<String> = section.select(&sel("dt")).map(text).collect();
        let dds: Vec<String> = section.select(&sel("dd")).map(text).collect();
        let rows = section
            .select(&sel("table.changes tbody tr"))
            .map(|tr| {
                let cells: Vec<String> = tr.select(&sel("td")).map(text).collect();
                let link = tr
                    .select(&sel("a"))
                    .next()
                    .and_then(|a| a.value().attr("href"))
                    .map(str::to_string);
                (cells[0].clone(), cells[1].clone(), cells[2].clone(), link)
            })
            .collect();
        let mut columns: Vec<String> = section.select(&sel("h3")).map(text).collect();
        columns.extend(section.select(&sel("table.changes th")).map(text));
        Metryczka {
            fields: dts.into_iter().zip(dds).collect(),
            rows,
            columns,
        }
    }

    fn field(&self, label: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.as_str())
    }

    fn register(&self) -> Vec<(&str, &str, &str)> {
        self.rows
            .iter()
            .map(|(d, b, w, _)| (d.as_str(), b.as_str(), w.as_str()))
            .collect()
    }
}

const PL: &str = "aktualnosci/mops-wyrozniony/index.html";
const EN: &str = "en/news/mops-commended/index.html";

#[test]
fn the_register_is_each_files_git_history_with_renames_followed() {
    let site = repo("basic");
    let root = site.root();
    site.append(
        "site.yaml",
        "repository: \"https://github.com/mops/archiwum\"\n",
    );
    commit(root, "Anna Nowak", "2020-01-10", "Dodano archiwum");
    site.append("content/news/2012-02-15-mops.pl.md", "\nPoprawka.\n");
    commit(root, "Jan Kowalski", "2020-02-03", "Poprawiono literówkę");
    // A file becomes a folder: the history before the move stays with the item.
    std::fs::create_dir(site.path("content/news/2012-02-15-mops")).unwrap();
    for lang in ["pl", "en"] {
        git(
            root,
            &[
                "mv",
                &format!("content/news/2012-02-15-mops.{lang}.md"),
                &format!("content/news/2012-02-15-mops/index.{lang}.md"),
            ],
        );
    }
    commit(
        root,
        "Ewa Zielińska",
        "2020-03-04",
        "Przeniesiono do folderu",
    );
    // The translation is edited on its own.
    site.append("content/news/2012-02-15-mops/index.en.md", "\nA fix.\n");
    commit(root, "John Smith", "2020-04-05", "Fixed the English text");
    let last = git(root, &["rev-parse", "HEAD"]);
    let moved = git(root, &["rev-parse", "HEAD~1"]);
    // Not committed: not in the register.
    site.append(
        "content/news/2012-02-15-mops/index.pl.md",
        "\nJeszcze nie.\n",
    );

    site.build(&[]).assert_ok();
    let pl = Metryczka::of(&site, PL);
    assert_eq!(
        pl.register(),
        [
            ("2020-01-10", "Anna Nowak", "Dodano archiwum"),
            ("2020-02-03", "Jan Kowalski", "Poprawiono literówkę"),
            ("2020-03-04", "Ewa Zielińska", "Przeniesiono do folderu"),
        ]
    );
    assert_eq!(
        pl.field("Ostatnia zmiana"),
        Some("2020-03-04, Ewa Zielińska")
    );
    assert_eq!(
        pl.rows[2].3.as_deref(),
        Some(format!("https://github.com/mops/archiwum/commit/{moved}").as_str())
    );
    let en = Metryczka::of(&site, EN);
    assert_eq!(
        en.register(),
        [
            ("2020-01-10", "Anna Nowak", "Dodano archiwum"),
            ("2020-03-04", "Ewa Zielińska", "Przeniesiono do folderu"),
            ("2020-04-05", "John Smith", "Fixed the English text"),
        ]
    );
    assert_eq!(en.field("Last modified"), Some("2020-04-05, John Smith"));
    assert_eq!(
        en.rows[2].3.as_deref(),
        Some(format!("https://github.com/mops/archiwum/commit/{last}").as_str())
    );

    // A standalone page has its register too.
    let about = Metryczka::of(&site, "en/about/index.html");
    assert_eq!(
        about.register(),
        [("2020-01-10", "Anna Nowak", "Dodano archiwum")]
    );

    // The uncommitted edit is what `kronika check` warns about.
    let open = kronika::history::uncommitted(root);
    assert_eq!(
        open.iter()
            .map(|u| (u.path.as_str(), u.untracked))
            .collect::<Vec<_>>(),
        [("content/news/2012-02-15-mops/index.pl.md", false)]
    );
    site.write(
        "content/pages/nowa.pl.md",
        "---\ntitle: Nowa\n---\n\nTekst.\n",
    );
    let open = kronika::history::uncommitted(root);
    assert_eq!(open.len(), 2);
    assert_eq!(open[1].path, "content/pages/nowa.pl.md");
    assert!(open[1].untracked);

    // `kronika check` warns about both, at the files, in text and in JSON.
    let root_arg = root.to_str().unwrap();
    let run = common::kronika_in_locale(&[("LANG", "C")], &["check", "--root", root_arg]);
    run.assert_ok();
    run.expect_stderr(
        "content/news/2012-02-15-mops/index.pl.md:1:1: warning: `content/news/2012-02-15-mops/index.pl.md` has changes that are not committed: they are not in its change register yet",
    )
    .expect_stderr("warning: `content/pages/nowa.pl.md` is not committed yet");
    let run = common::kronika_in_locale(
        &[("LANG", "C")],
        &["check", "--root", root_arg, "--format", "json", "--strict"],
    );
    assert_eq!(run.code, 1, "--strict: the warnings count");
    assert_eq!(
        run.stdout.matches("\"code\":\"uncommitted\"").count(),
        2,
        "{}",
        run.stdout
    );
}

#[test]
fn every_metryczka_label_in_both_languages() {
    let site = repo("basic");
    commit(site.root(), "Anna Nowak", "2020-01-10", "Dodano archiwum");
    site.build(&[]).assert_ok();
    let pl = Metryczka::of(&site, PL);
    let labels: Vec<&str> = pl.fields.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Podmiot udostępniający informację",
            "Informację wytworzył(a)",
            "Data wytworzenia informacji",
            "Informację wprowadził(a)",
            "Data publikacji",
            "Ostatnia zmiana",
        ]
    );
    assert_eq!(
        pl.columns,
        [
            "Rejestr zmian",
            "Data zmiany",
            "Autor zmiany",
            "Opis zmiany"
        ]
    );
    assert_eq!(
        pl.field("Podmiot udostępniający informację"),
        Some("Ośrodek Testowy")
    );
    assert_eq!(pl.field("Data wytworzenia informacji"), Some("2012-02-10"));
    assert_eq!(pl.field("Data publikacji"), Some("2012-02-15"));
    let en = Metryczka::of(&site, EN);
    let labels: Vec<&str> = en.fields.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Publisher",
            "Produced by",
            "Date the information was produced",
            "Published by",
            "Date of publication",
            "Last modified",
        ]
    );
    assert_eq!(
        en.columns,
        ["Change log", "Date", "Changed by", "Description"]
    );
    assert_eq!(en.field("Publisher"), Some("Test Centre"));
    // No `repository:`: the descriptions are not links.
    assert_eq!(en.rows[0].3, None);

    // The same commit gives the same bytes.
    let first = common::tree(&site.path("public"));
    site.build(&["--output", site.path("again").to_str().unwrap()])
        .assert_ok();
    assert_eq!(first, common::tree(&site.path("again")));
}

#[test]
fn names_in_another_unicode_normalisation_find_their_history() {
    let site = repo("basic");
    // Committed composed (NFC), on disk decomposed (NFD: `ó` as `o` and a combining
    // accent), as a checkout on macOS or from a zip archive has it.
    let nfc = "content/pages/\u{f3}sma.pl.md";
    let nfd = "content/pages/o\u{301}sma.pl.md";
    site.write(nfc, "---\ntitle: Ósma\nslug: osma\n---\n\nTekst.\n");
    commit(site.root(), "Anna Nowak", "2020-01-10", "Dodano stronę");
    std::fs::rename(site.path(nfc), site.path(nfd)).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(
        Metryczka::of(&site, "osma/index.html").register(),
        [("2020-01-10", "Anna Nowak", "Dodano stronę")]
    );
}

#[test]
fn a_shallow_clone_is_reported_and_its_history_left_out() {
    let origin = repo("basic");
    commit(origin.root(), "Anna Nowak", "2020-01-10", "Dodano archiwum");
    origin.append("content/news/2012-02-15-mops.pl.md", "\nPoprawka.\n");
    commit(origin.root(), "Jan Kowalski", "2020-02-03", "Poprawka");
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.root().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "site"]);
    let site = Site { dir: clone };
    let root = site.path("site");
    let run = common::kronika_in_locale(
        &[("LANG", "C")],
        &["build", "--root", root.to_str().unwrap()],
    );
    run.assert_ok()
        .expect_stderr("content: warning: the site is in a shallow clone")
        .expect_stderr("`fetch-depth: 0`")
        .expect_stderr("`GIT_DEPTH: 0`");
    assert_eq!(
        run.stderr.matches("shallow clone").count(),
        1,
        "{}",
        run.stderr
    );
    let page = std::fs::read_to_string(root.join("public").join(PL)).unwrap();
    assert!(!page.contains("Rejestr zmian"), "{page}");
    assert!(!page.contains("Ostatnia zmiana"), "{page}");
    assert!(!page.contains("Poprawka<"), "{page}");
}

const CHANGES: &str = "changes:\n  - {date: 2012-03-01, by: \"Redakcja BIP\", what: \"Dodano prezentację\"}\n  - {date: 2012-02-20, by: \"Anna Nowak\", what: \"Poprawiono datę\"}\n";

/// `content/news/2012-02-15-mops.pl.md` with `extra` added to its front matter.
fn with_front_matter(site: &Site, extra: &str) {
    let file = "content/news/2012-02-15-mops.pl.md";
    let text = std::fs::read_to_string(site.path(file)).unwrap();
    site.write(file, &text.replacen("---\n", &format!("---\n{extra}"), 1));
}

#[test]
fn without_git_the_front_matter_is_the_register() {
    let site = Site::fixture("basic");
    with_front_matter(&site, CHANGES);
    site.build(&[]).assert_ok();
    let pl = Metryczka::of(&site, PL);
    assert_eq!(
        pl.register(),
        [
            ("2012-02-20", "Anna Nowak", "Poprawiono datę"),
            ("2012-03-01", "Redakcja BIP", "Dodano prezentację"),
        ]
    );
    assert_eq!(
        pl.field("Ostatnia zmiana"),
        Some("2012-03-01, Redakcja BIP")
    );
    // Each version has its own register: the translation does not inherit it, and with
    // no register at all, no empty heading or field is shown.
    let en = site.page(EN);
    assert!(
        !en.contains("Change log") && !en.contains("Last modified"),
        "{en}"
    );
    assert_eq!(
        Metryczka::of(&site, EN).field("Publisher"),
        Some("Test Centre")
    );
}

#[test]
fn bad_register_entries_are_located_errors() {
    let site = Site::fixture("basic");
    with_front_matter(
        &site,
        "changes:\n  - {date: 2012-03-01, by: \"Redakcja\", whot: \"x\"}\n",
    );
    site.build_refused()
        .expect_stderr("content/news/2012-02-15-mops.pl.md:3:")
        .expect_stderr("whot")
        .expect_stderr("what");
    let site = Site::fixture("basic");
    with_front_matter(
        &site,
        "changes:\n  - {date: 2012-13-01, by: \"R\", what: \"x\"}\n",
    );
    site.build_refused()
        .expect_stderr("content/news/2012-02-15-mops.pl.md:3:");
}

#[test]
fn front_matter_before_the_first_commit_comes_first_and_later_entries_are_warned_about() {
    let site = repo("basic");
    with_front_matter(
        &site,
        "changes:\n  - {date: 2012-03-01, by: \"Redakcja BIP\", what: \"Dodano prezentację\"}\n  - {date: 2021-05-05, by: \"Ktoś\", what: \"Po commicie\"}\n",
    );
    commit(
        site.root(),
        "Anna Nowak",
        "2020-01-10",
        "Przeniesiono do gita",
    );
    let run = site.build(&[]);
    run.assert_ok()
        .expect_stderr("content/news/2012-02-15-mops.pl.md:4:")
        .expect_stderr(
            "warning: this change (2021-05-05) is after the file's first commit (2020-01-10)",
        );
    assert_eq!(
        Metryczka::of(&site, PL).register(),
        [
            ("2012-03-01", "Redakcja BIP", "Dodano prezentację"),
            ("2020-01-10", "Anna Nowak", "Przeniesiono do gita"),
        ]
    );
}

#[test]
fn a_repository_that_is_no_address_is_an_error() {
    let site = Site::fixture("basic");
    site.append(
        "site.yaml",
        "repository: git@github.com:mops/archiwum.git\n",
    );
    site.build_refused()
        .expect_stderr("site.yaml:")
        .expect_stderr("is not a repository address");
}

/// `kronika serve` of `site` on a free port, stopped when dropped.
struct Serve(std::process::Child, u16);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Serve {
    fn start(site: &Site) -> Serve {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let child = Command::new(env!("CARGO_BIN_EXE_kronika"))
            .args(["serve", "--root", site.root().to_str().unwrap()])
            .args(["--port", &port.to_string()])
            .env("LANG", "C")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("kronika starts");
        Serve(child, port)
    }

    /// The body of `GET target` (empty while nothing answers).
    fn get(&self, target: &str) -> String {
        use std::io::{Read, Write};
        let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", self.1)) else {
            return String::new();
        };
        let request = format!("GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let mut raw = Vec::new();
        if s.write_all(request.as_bytes()).is_ok() {
            let _ = s.read_to_end(&mut raw);
        }
        String::from_utf8_lossy(&raw).into_owned()
    }

    /// Waits (at most 30 s, for a loaded CI machine) until `target` shows `text`.
    fn wait_for(&self, target: &str, text: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let page = self.get(target);
            if page.contains(text) {
                return page;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "waited too long for {text:?} in {target}:\n{page}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

#[test]
fn serve_shows_a_commit_in_the_register_without_an_edit() {
    let site = repo("basic");
    commit(site.root(), "Anna Nowak", "2020-01-10", "Dodano archiwum");
    let serve = Serve::start(&site);
    serve.wait_for("/o-serwisie/", "Dodano archiwum");
    site.append("content/pages/o-serwisie.pl.md", "\nNowe zdanie.\n");
    let page = serve.wait_for("/o-serwisie/", "Nowe zdanie.");
    // The edit is not committed yet: not in the register.
    assert!(!page.contains("Poprawiono stronę"), "{page}");
    // The commit changes no source; serve sees it in git's branch and HEAD.
    commit(
        site.root(),
        "Jan Kowalski",
        "2020-02-02",
        "Poprawiono stronę",
    );
    let page = serve.wait_for("/o-serwisie/", "Poprawiono stronę");
    assert!(
        page.contains("2020-02-02</time>, Jan Kowalski</dd>"),
        "{page}"
    );
}
