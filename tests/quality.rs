//! Quality gates on the demo site (the repository root), built under a sub-path:
//! valid HTML by the Nu Html Checker, and WCAG 2.1 AA in a real browser (axe-core in
//! headless Chromium, reflow at 320 px, the skip link first; `tests/quality/a11y.mjs`).
//!
//! The tools come from outside Cargo: Java, Node, Chromium (Debian packages) and
//! `npm ci` in `tests/quality`. A test whose tool is missing is skipped with a note on
//! stderr, unless `KRONIKA_REQUIRE_TOOLS=1` (as on CI), which makes it fail.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use common::Run;

const BASE_URL: &str = "https://example.org/archiwum/";
const BASE_PATH: &str = "/archiwum/";
const CHROMIUM: &str = "/usr/bin/chromium";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn quality(rel: &str) -> PathBuf {
    repo().join("tests/quality").join(rel)
}

/// A tool a gate needs: whether it is there, and how to install it.
struct Tool {
    name: &'static str,
    present: bool,
    install: &'static str,
}

fn on_path(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

const NPM_CI: &str = "cd tests/quality && npm ci";

/// A package installed by `npm ci` in tests/quality, by its path in the repository.
fn npm_package(name: &'static str) -> Tool {
    Tool {
        name,
        present: repo().join(name).exists(),
        install: NPM_CI,
    }
}

/// True if every tool is there. Otherwise the test is skipped with a note on stderr, or
/// fails if `KRONIKA_REQUIRE_TOOLS=1`.
fn tools_ready(test: &str, tools: &[Tool]) -> bool {
    let Some(missing) = tools.iter().find(|t| !t.present) else {
        return true;
    };
    let why = format!("{test} needs {} ({})", missing.name, missing.install);
    if std::env::var("KRONIKA_REQUIRE_TOOLS").as_deref() == Ok("1") {
        panic!("{why}; KRONIKA_REQUIRE_TOOLS=1 does not allow skipping");
    }
    // Straight to stderr, not `eprintln!`, which the test harness captures from passing tests.
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
    false
}

/// Builds the demo site into a new temporary folder, with links under `/archiwum/`.
fn build_demo() -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temporary folder");
    let run = Run::from(
        Command::new(env!("CARGO_BIN_EXE_kronika"))
            .arg("build")
            .arg("--root")
            .arg(repo())
            .arg("--output")
            .arg(out.path())
            .args(["--base-url", BASE_URL, "--quiet"])
            .env("LANG", "C")
            .output()
            .expect("kronika runs"),
    );
    run.assert_ok();
    out
}

/// Runs a gate's command on the built site in `out`, prints what it said (file names
/// relative to `out`) and how long it took, and asserts success.
fn assert_gate(what: &str, out: &Path, cmd: &mut Command) {
    let started = Instant::now();
    let run = Run::from(cmd.output().unwrap_or_else(|e| panic!("{what} runs: {e}")));
    let said =
        format!("{}{}", run.stdout, run.stderr).replace(&format!("file:{}/", out.display()), "");
    println!("{said}{what}: {:.1} s", started.elapsed().as_secs_f64());
    assert!(
        run.code == 0,
        "{what} found problems (exit {}): see its output above",
        run.code
    );
}

/// What the Nu Html Checker needs: Java and the validator's jar at `jar`.
fn validator_tools(jar: &Path) -> [Tool; 2] {
    [
        Tool {
            name: "java",
            present: on_path("java", "-version"),
            install: "apt-get install default-jre-headless",
        },
        Tool {
            name: "tests/quality/node_modules/vnu-jar",
            present: jar.exists(),
            install: NPM_CI,
        },
    ]
}

#[test]
fn demo_site_is_valid_html() {
    let jar = quality("node_modules/vnu-jar/build/dist/vnu.jar");
    let tools = validator_tools(&jar);
    if !tools_ready("demo_site_is_valid_html", &tools) {
        return;
    }
    let out = build_demo();
    assert_gate(
        "Nu Html Checker",
        out.path(),
        Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .args(["--errors-only", "--skip-non-html"])
            .arg(out.path()),
    );
}

/// What the axe gate needs: Node, its two packages and Debian's Chromium.
fn axe_tools() -> [Tool; 4] {
    [
        Tool {
            name: "node",
            present: on_path("node", "--version"),
            install: "apt-get install nodejs npm",
        },
        npm_package("tests/quality/node_modules/axe-core"),
        npm_package("tests/quality/node_modules/playwright-core"),
        Tool {
            name: CHROMIUM,
            present: Path::new(CHROMIUM).exists(),
            install: "apt-get install chromium",
        },
    ]
}

#[test]
fn demo_site_passes_axe_in_chromium() {
    let tools = axe_tools();
    if !tools_ready("demo_site_passes_axe_in_chromium", &tools) {
        return;
    }
    let out = build_demo();
    assert_gate(
        "axe in Chromium",
        out.path(),
        Command::new("node")
            .arg(quality("a11y.mjs"))
            .arg(out.path())
            .arg(BASE_PATH),
    );
}

/// A new site of `kronika init` (docs/maintainer/hosting.md "A site of its own: `kronika init` and its CI files"), built under `/archiwum/`
/// into `public/` of a new temporary folder, which also holds the site (`site/`).
fn build_init() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temporary folder");
    let site = tmp.path().join("site");
    let out = tmp.path().join("public");
    let kronika = |args: &[&std::ffi::OsStr]| {
        let run = Run::from(
            Command::new(env!("CARGO_BIN_EXE_kronika"))
                .args(args)
                .env("LANG", "C")
                .output()
                .expect("kronika runs"),
        );
        run.assert_ok();
    };
    kronika(&["init".as_ref(), site.as_os_str()]);
    kronika(&[
        "build".as_ref(),
        "--root".as_ref(),
        site.as_os_str(),
        "--output".as_ref(),
        out.as_os_str(),
        "--base-url".as_ref(),
        BASE_URL.as_ref(),
        "--quiet".as_ref(),
    ]);
    (tmp, out)
}

#[test]
fn init_site_is_valid_html() {
    let jar = quality("node_modules/vnu-jar/build/dist/vnu.jar");
    let tools = validator_tools(&jar);
    if !tools_ready("init_site_is_valid_html", &tools) {
        return;
    }
    let (_tmp, out) = build_init();
    assert_gate(
        "Nu Html Checker (kronika init)",
        &out,
        Command::new("java")
            .arg("-jar")
            .arg(&jar)
            .args(["--errors-only", "--skip-non-html"])
            .arg(&out),
    );
}

#[test]
fn init_site_passes_axe_in_chromium() {
    let tools = axe_tools();
    if !tools_ready("init_site_passes_axe_in_chromium", &tools) {
        return;
    }
    let (_tmp, out) = build_init();
    assert_gate(
        "axe in Chromium (kronika init)",
        &out,
        Command::new("node")
            .arg(quality("a11y.mjs"))
            .arg(&out)
            .arg(BASE_PATH)
            // A new site has no attachments, tags or photos yet.
            .env("A11Y_PARTIAL", "1"),
    );
}
