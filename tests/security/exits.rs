//! Exit statuses stay 0, 1, 2 or 3, whatever happens to the standard streams or the input.
//!
//! A closed pipe ends the printing quietly and keeps the build's status; a stream that
//! cannot be written for another reason (a full disk) is an I/O failure, status 3. Input
//! nested deeper than any real file is a located error (status 1), never a stack overflow.
//! See docs/maintainer/cli.md "Exit status".

use std::process::{Command, Stdio};

use crate::common::{Run, Site, tree};

/// Runs `kronika build --root <site> <args>` in the C locale with `stdout` and `stderr`
/// as given; a stream given as `Stdio::piped()` is captured.
fn build_with(site: &Site, args: &[&str], stdout: Stdio, stderr: Stdio) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kronika"));
    cmd.args(["build", "--root", site.root().to_str().unwrap()])
        .args(args)
        .env_clear()
        .env("LANG", "C")
        .stdout(stdout)
        .stderr(stderr);
    let child = cmd.spawn().expect("kronika runs");
    Run::from(child.wait_with_output().expect("kronika ends"))
}

/// A pipe whose reader has gone away (`kronika build | head -0`).
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

fn full() -> Stdio {
    Stdio::from(std::fs::File::create("/dev/full").unwrap())
}

/// A site whose build fails with one content error, built successfully once before.
fn broken_site() -> Site {
    let site = Site::built("basic");
    site.write(
        "content/news/2013-06-01-zly.pl.md",
        "---\ntitle: \"Zły\"\n---\n\nBez daty.\n",
    );
    site
}

#[test]
fn a_closed_stdout_after_a_successful_build_ends_quietly_with_status_0() {
    let site = Site::fixture("basic");
    let run = build_with(&site, &[], closed_pipe(), Stdio::piped());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "a closed pipe is no error worth printing");
    assert!(site.exists("index.html"), "the site is built");
    // `--verbose` prints a second line into the closed pipe.
    let run = build_with(&site, &["--verbose"], closed_pipe(), Stdio::piped());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
}

#[test]
fn a_closed_stderr_keeps_the_status_of_a_failed_build() {
    let site = broken_site();
    let before = tree(&site.path("public"));
    let run = build_with(&site, &[], Stdio::piped(), closed_pipe());
    assert_eq!(run.code, 1, "stdout: {}", run.stdout);
    assert_eq!(tree(&site.path("public")), before);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stdout_is_an_io_failure_after_the_site_is_built() {
    let site = Site::fixture("basic");
    let run = build_with(&site, &[], full(), Stdio::piped());
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: cannot write to standard output: No space left on device (os error 28)\n"
    );
    assert!(site.exists("index.html"), "the site is built");
    // With nothing to print, nothing fails.
    let run = build_with(&site, &["--quiet"], full(), Stdio::piped());
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_stderr_is_an_io_failure() {
    let site = broken_site();
    let before = tree(&site.path("public"));
    let run = build_with(&site, &[], Stdio::piped(), full());
    assert_eq!(run.code, 3, "stdout: {}", run.stdout);
    assert_eq!(tree(&site.path("public")), before);
    // A successful build prints nothing to stderr, so a full stderr does not matter.
    let site = Site::fixture("basic");
    let run = build_with(&site, &[], Stdio::piped(), full());
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with("Built "), "{}", run.stdout);
}

/// Builds the basic fixture with `text` as `i18n/pl/main.ftl`.
fn with_strings(text: &str) -> (Site, Run) {
    let site = Site::fixture("basic");
    site.write("i18n/pl/main.ftl", text);
    let run = site.build(&[]);
    (site, run)
}

#[test]
fn placeables_nested_20_000_deep_are_a_located_error_not_a_stack_overflow() {
    let n = 20_000;
    for (text, column) in [
        // Closed, unclosed, and through function arguments.
        (
            format!("home = {}\"x\"{}\n", "{".repeat(n), "}".repeat(n)),
            72,
        ),
        (format!("# komentarz\nhome = {}\n", "{ ".repeat(n)), 136),
        (
            format!("home = {{ {}1{} }}\n", "NUMBER(".repeat(n), ")".repeat(n)),
            457,
        ),
    ] {
        let (site, run) = with_strings(&text);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let line = if text.starts_with('#') { 2 } else { 1 };
        run.expect_stderr(&format!(
            "i18n/pl/main.ftl:{line}:{column}: error: placeables nested more than 64 deep"
        ))
        .expect_stderr("help: no message needs so deep a nesting; Fluent could not read it safely");
        assert!(!site.exists("index.html"));
    }
}

#[test]
fn nesting_a_message_may_need_still_works() {
    // Strings, comments and braces in string literals do not count as nesting.
    let text = format!(
        "# {{{{{{{{ {}\nhome = {{ \"{}\" }} {}\n",
        "{".repeat(100),
        "{".repeat(100),
        "{ ".repeat(64) + "\"Start\"" + &" }".repeat(64),
    );
    let (site, run) = with_strings(&text);
    run.assert_ok();
    assert!(site.page("index.html").contains(&"{".repeat(100)));
    assert!(site.page("index.html").contains("Start"));
}

#[test]
fn long_and_cyclic_message_references_do_not_overflow_the_stack() {
    let n = 20_000;
    let mut chain = String::from("home = { m0 }\n");
    for i in 0..n {
        chain.push_str(&format!("m{i} = {{ m{} }}\n", i + 1));
    }
    chain.push_str(&format!("m{n} = Koniec\n"));
    let (_, run) = with_strings(&chain);
    assert!(
        run.code == 0 || run.code == 1,
        "{}: {}",
        run.code,
        run.stderr
    );
    let (_, run) = with_strings("home = { a }\na = { b }\nb = { home }\n");
    assert!(
        run.code == 0 || run.code == 1,
        "{}: {}",
        run.code,
        run.stderr
    );
}

#[test]
fn templates_nested_or_including_themselves_are_errors_not_a_stack_overflow() {
    // Tera bounds its own parser and rendering; this keeps it so.
    for (text, expected) in [
        (
            format!(
                "{}x{}",
                "{% if true %}".repeat(20_000),
                "{% endif %}".repeat(20_000)
            ),
            "themes/bip/templates/404.html:1:",
        ),
        (
            format!("{{{{ {}1{} }}}}", "(".repeat(20_000), ")".repeat(20_000)),
            "themes/bip/templates/404.html:1:",
        ),
        ("{% include \"404.html\" %}".to_string(), "error:"),
    ] {
        let site = Site::fixture("basic");
        site.write("themes/bip/templates/404.html", &text);
        let run = site.build(&[]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        run.expect_stderr(expected);
    }
}

/// The system refusing to write the built site (a full disk; here a file-size limit,
/// which needs no privileges) is an I/O failure, not a content error.
#[cfg(unix)]
#[test]
fn the_system_refusing_to_write_the_site_is_an_io_failure() {
    let site = Site::fixture("basic");
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' build --root '{}'",
        env!("CARGO_BIN_EXE_kronika"),
        site.root().display()
    );
    let run = Run::from(
        Command::new("sh")
            .args(["-c", &script])
            .env_clear()
            .env("LANG", "C")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    run.expect_stderr("index.html: error: cannot write the file: File too large")
        .expect_stderr("nothing was written (public is unchanged)");
    assert!(!site.path("public").exists());
}
