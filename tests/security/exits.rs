//! Exit statuses stay 0, 1, 2 or 3, whatever happens to the standard streams or the input.
//!
//! A closed pipe ends the printing quietly and keeps the build's status; a stream that
//! cannot be written for another reason (a full disk) is an I/O failure, status 3. Input
//! nested deeper than any real file is a located error (status 1), never a stack overflow.
//! See README "Exit status".

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
