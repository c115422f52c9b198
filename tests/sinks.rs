//! One build pipeline, two sinks: a build into memory (what `serve` and the tests use)
//! holds exactly the files, byte for byte, that a build into a folder writes.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{Site, tree};
use kronika::progress::Progress;
use kronika::{BuildOptions, build, build_in_memory};

fn options(root: &Path, output: PathBuf, flags: &[&str]) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output,
        base_url: flags
            .iter()
            .position(|f| *f == "--base-url")
            .map(|i| flags[i + 1].to_string()),
        offline: flags.contains(&"--offline"),
        drafts: flags.contains(&"--drafts"),
        no_search: flags.contains(&"--no-search"),
        today: "2026-12-01".parse().ok().map(kronika::types::Date),
        progress: Arc::new(Progress::default()),
    }
}

/// Builds the site at `root` into a new folder and into memory, and compares.
fn same_bytes_in_both_sinks(root: &Path, flags: &[&str]) {
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("public");
    let written = build(&options(root, folder.clone(), flags))
        .unwrap_or_else(|(f, _)| panic!("{} {flags:?}: {f:?}", root.display()));
    let (in_memory, files) = build_in_memory(&options(root, folder.clone(), flags))
        .unwrap_or_else(|(f, _)| panic!("{} {flags:?}: {f:?}", root.display()));

    let mut on_disk = tree(&folder);
    on_disk.remove(kronika::output::MARKER);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>(),
        "{} {flags:?}: the same files",
        root.display()
    );
    for (path, bytes) in &files {
        assert!(
            on_disk[path] == *bytes,
            "{} {flags:?}: {path} differs between the folder and memory",
            root.display()
        );
    }
    assert_eq!(written.pages_per_lang, in_memory.pages_per_lang);
    assert_eq!(written.files_written, files.len());
}

#[test]
fn the_demo_site_builds_the_same_bytes_into_a_folder_and_into_memory() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    same_bytes_in_both_sinks(demo, &[]);
    same_bytes_in_both_sinks(demo, &["--offline"]);
    same_bytes_in_both_sinks(demo, &["--base-url", "http://localhost:8000/", "--drafts"]);
}

#[test]
fn every_fixture_site_builds_the_same_bytes_into_a_folder_and_into_memory() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut n = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let site = Site::fixture(&entry.unwrap().file_name().to_string_lossy());
        same_bytes_in_both_sinks(site.root(), &[]);
        same_bytes_in_both_sinks(site.root(), &["--offline", "--drafts"]);
        n += 1;
    }
    assert!(n >= 3, "fixtures found: {n}");
}

#[test]
fn a_build_into_memory_reports_content_errors_like_a_build_into_a_folder() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/2013-05-01-tylko-po-polsku.pl.md",
        "---\ntitle: \"Tylko\"\ndate: 2013-05-01\naliases: [\"/rss.xml\"]\n---\n\nTekst.\n",
    );
    let Err((failure, _)) = build_in_memory(&options(site.root(), site.path("public"), &[])) else {
        panic!("the alias onto the feed must be refused");
    };
    assert_eq!(failure.exit_code(), 1);
    assert!(!site.path("public").exists(), "memory builds write nothing");
}
