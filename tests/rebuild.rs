//! `kronika build` into a folder it built before (docs/maintainer/cli.md, "Rebuilds"):
//! each rebuild makes again only the files whose inputs changed, writes only the files
//! whose bytes changed, and leaves the output exactly as a fresh build into a new folder
//! does.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{Run, Site, tree};

/// Builds the site into `public/` again with `flags` and `--verbose`, checks the output
/// against a fresh build of the same sources into a new folder, and returns how many files
/// the rebuild made again and how many changed in the output.
fn rebuild_with(site: &Site, flags: &[&str], what: &str) -> (usize, usize) {
    let public = site.path("public");
    let (bytes_before, times_before) = (tree(&public), times(&public));
    let run = site.build(&[flags, &["--verbose"]].concat());
    assert_eq!(run.code, 0, "{what}: {}", run.stderr);
    let fresh = tempfile::tempdir().unwrap();
    let out = fresh.path().join("site");
    let out = ["--output", out.to_str().unwrap()];
    site.build(&[flags, &out].concat()).assert_ok();
    let (got, expected) = (tree(&site.path("public")), tree(Path::new(out[1])));
    let names = |t: &BTreeMap<String, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&got), names(&expected), "{what}: the files");
    for (file, bytes) in &expected {
        assert!(
            got[file] == *bytes,
            "{what}: {file} differs from a fresh build"
        );
    }
    // A file whose bytes did not change was not written.
    let times_after = times(&public);
    for (file, bytes) in &got {
        if bytes_before.get(file) == Some(bytes) {
            let path = public.join(file);
            assert_eq!(
                times_after[&path], times_before[&path],
                "{what}: {file} written"
            );
        }
    }
    counts(&run, what)
}

/// [`rebuild_with`] the default flags.
fn rebuild(site: &Site, what: &str) -> (usize, usize) {
    rebuild_with(site, &[], what)
}

/// The figures of the `--verbose` line `81 files in the output, 5 made again, 3 changed`.
fn counts(run: &Run, what: &str) -> (usize, usize) {
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains(" files in the output, "))
        .unwrap_or_else(|| panic!("{what}: no files line in {}", run.stdout));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert_eq!(numbers.len(), 3, "{what}: {line}");
    (numbers[1], numbers[2])
}

/// Every file under `dir` with its modification time.
fn times(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().to_path_buf(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

/// Runs `git args` in `dir`, as one author on one day.
fn git(dir: &Path, args: &[&str]) {
    common::git_as(dir, "Anna Nowak", "2024-03-01", args);
}

#[test]
fn every_rebuild_makes_only_what_changed_and_gives_the_fresh_build() {
    // Without search, as `serve` builds: the search index is another test's.
    let site = Site::fixture("basic");
    let rebuild = |site: &Site, what: &str| rebuild_with(site, &["--no-search"], what);
    site.build(&["--no-search"]).assert_ok();
    // Nothing changed: only the page that a link's `#program` names is rendered again, so
    // that the link is checked; nothing is written.
    assert_eq!(rebuild(&site, "the same sources again"), (1, 0));

    let item = "content/news/2012-02-15-mops.pl.md";
    let text = std::fs::read_to_string(site.path(item)).unwrap();
    let mut edits = common::basic_edits(&site, item, &text);
    let more: Vec<common::Edit> = vec![
        (
            "a translation names who produced it, as its original does",
            Box::new(|| {
                site.replace(
                    "content/news/2012-02-15-mops.en.md",
                    "slug:",
                    "produced_by: \"Dział Projektów\"\nslug:",
                );
            }),
        ),
        (
            "the original's name changed (the translation's no longer marked as Polish)",
            Box::new(|| site.write(item, &text.replace("Dział Projektów", "Dział Promocji"))),
        ),
        (
            "the sources put into git",
            Box::new(|| {
                git(site.root(), &["init", "-q"]);
                site.write(".gitignore", "/public/\n/.kronika-cache/\n/.test-home/\n");
                git(site.root(), &["add", "-A", "."]);
                git(site.root(), &["commit", "-q", "-m", "Archiwum"]);
            }),
        ),
        (
            "a commit of one item",
            Box::new(|| {
                site.write(item, &text.replace("wyróżnienie", "nagrodę"));
                git(site.root(), &["commit", "-q", "-am", "Poprawka"]);
            }),
        ),
    ];
    edits.extend(more);
    let whole = tree(&site.path("public")).len();
    for (what, edit) in edits {
        // The file system's times must tell a file written now from one written before.
        std::thread::sleep(std::time::Duration::from_millis(10));
        edit();
        let (made, _) = rebuild(&site, what);
        assert!(made < whole, "{what}: {made} of {whole} made again");
    }

    // A word below the first paragraph of an item (in git now): its page alone, and the
    // page its `#program` link names.
    site.write(
        item,
        &text
            .replace("wyróżnienie", "nagrodę")
            .replace("| uczestnicy |", "| uczestnicy projektu |"),
    );
    assert_eq!(rebuild(&site, "one body"), (2, 1));
}

#[test]
fn a_rebuild_with_nothing_changed_makes_and_writes_nothing_with_search_on() {
    let site = Site::built("search");
    let before = times(&site.path("public"));
    assert!(
        before
            .keys()
            .any(|p| p.to_string_lossy().contains("pagefind"))
    );
    std::thread::sleep(std::time::Duration::from_millis(10));
    assert_eq!(rebuild(&site, "nothing changed"), (0, 0));
    assert_eq!(times(&site.path("public")), before, "no file touched");

    // An edit of one item's text: its page and the search index, which holds its words.
    let item = walkdir::WalkDir::new(site.path("content/news"))
        .into_iter()
        .map(Result::unwrap)
        .find(|e| e.path().extension().is_some_and(|x| x == "md"))
        .unwrap()
        .into_path();
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(&item, format!("{text}\nZupełnie nowe słowo: żółwiątko.\n")).unwrap();
    let (made, _) = rebuild(&site, "a new word");
    assert!(made >= 2, "{made}");

    // A file of the index changed or removed by hand: the whole index is made again.
    let index = site.path("public/pagefind");
    let files: Vec<PathBuf> = times(&index).into_keys().collect();
    std::thread::sleep(std::time::Duration::from_millis(10));
    std::fs::remove_file(&files[0]).unwrap();
    let entry = index.join("pagefind-entry.json");
    std::fs::write(&entry, std::fs::read(&entry).unwrap()).unwrap();
    let (made, _) = rebuild(&site, "two files of the index touched by hand");
    assert!(made >= 2, "{made}");
    let index: Vec<_> = times(&site.path("public/pagefind"))
        .into_iter()
        .filter(|(p, t)| before.get(p) != Some(t))
        .collect();
    assert!(!index.is_empty(), "the search index made again");
}

#[test]
fn a_file_changed_or_removed_in_the_output_by_hand_is_made_again() {
    let site = Site::built("basic");
    let page = site.path("public/aktualnosci/mops-wyrozniony/index.html");
    let feed = site.path("public/rss.xml");
    let html = std::fs::read_to_string(&page).unwrap();
    // Same length, other bytes: only the time tells.
    std::thread::sleep(std::time::Duration::from_millis(10));
    std::fs::write(&page, html.replacen("<html", "<HTML", 1)).unwrap();
    std::fs::remove_file(&feed).unwrap();
    // Both made again, with the page a link's `#program` names (unchanged).
    assert_eq!(rebuild(&site, "two files touched by hand"), (3, 2));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), html);
}

#[test]
fn what_every_page_reads_makes_everything_again() {
    let site = Site::built("basic");
    let whole = tree(&site.path("public")).len();
    let everything = |what: &str| {
        let (made, _) = rebuild(&site, what);
        assert!(
            made > whole * 9 / 10,
            "{what}: {made} of {whole} made again"
        );
    };
    // Another template of the site's theme.
    site.write("themes/bip/templates/extra.html", "<p>Stopka.</p>\n");
    everything("a file of the site's theme");
    // A hidden one: the templates' loader reads it too.
    site.write("themes/bip/templates/.ukryty.html", "<p>Stopka.</p>\n");
    everything("a hidden file of the site's theme");
    site.write("i18n/pl/site.ftl", "skip-link = Do treści\n");
    everything("a UI string");
    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.append("site.yaml", "\n");
    everything("site.yaml");
    site.write("site.yaml", &yaml);
    everything("site.yaml back");

    // UI strings through a symbolic link to a folder, switched to another folder.
    #[cfg(unix)]
    {
        site.write("i18n/wersje/a/site.ftl", "skip-link = Do treści\n");
        site.write("i18n/wersje/b/site.ftl", "skip-link = Przejdź dalej\n");
        std::fs::remove_dir_all(site.path("i18n/pl")).unwrap();
        std::os::unix::fs::symlink("wersje/a", site.path("i18n/pl")).unwrap();
        // The same strings as before, read through the link.
        assert_eq!(rebuild(&site, "the strings through a link").1, 0);
        std::fs::remove_file(site.path("i18n/pl")).unwrap();
        std::os::unix::fs::symlink("wersje/b", site.path("i18n/pl")).unwrap();
        everything("the link to other strings");
    }

    // The build's options: another base URL makes everything, and the same again nothing.
    let other = ["--base-url", "https://archiwum.example.org/", "--verbose"];
    let run = site.build(&other);
    run.assert_ok();
    assert!(counts(&run, "another base URL").0 > whole * 9 / 10);
    let run = site.build(&other);
    assert_eq!(
        counts(&run, "the same base URL").0,
        1,
        "the page `#program` names"
    );

    // The cache thrown away: the next build makes everything, and changes nothing.
    std::fs::remove_dir_all(site.path(".kronika-cache")).unwrap();
    let run = site.build(&other);
    let (made, changed) = counts(&run, "no cache");
    assert!(made > whole * 9 / 10 && changed == 0, "{made} {changed}");
}

#[test]
fn a_record_of_the_last_build_that_is_not_one_is_ignored() {
    let site = Site::fixture("basic");
    site.build(&["--no-search"]).assert_ok();
    let builds = site.path(".kronika-cache/builds");
    let records: Vec<PathBuf> = std::fs::read_dir(&builds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != ".gitignore")
        .collect();
    assert_eq!(
        records.len(),
        1,
        "one record per output folder: {records:?}"
    );
    let record = std::fs::read_to_string(&records[0]).unwrap();
    let whole = tree(&site.path("public")).len();

    // Lines that are not lines, and lines whose numbers say nothing: every file made again.
    let (head, _) = record.split_once('\n').unwrap();
    let broken = format!("{head}\nf\tzzz\t\t\n\u{0}\nf\t-\t-\tx\ty\taktualnosci/index.html\n");
    std::fs::write(&records[0], broken).unwrap();
    let (made, changed) = rebuild_with(&site, &["--no-search"], "a broken record");
    assert!(made > whole * 9 / 10 && changed == 0, "{made} {changed}");

    // A line that calls a page a file of the search index: left out, the page compared.
    std::fs::write(&records[0], &record).unwrap();
    let lying: String = record
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.splitn(6, '\t').collect();
            match f[..] {
                ["f", _, hash, len, time, "index.html"] => {
                    format!("f\t-\t{hash}\t{len}\t{time}\tindex.html\n")
                }
                _ => format!("{l}\n"),
            }
        })
        .collect();
    assert_ne!(lying, record);
    std::fs::write(&records[0], lying).unwrap();
    rebuild_with(&site, &["--no-search"], "a page called a file of the index");

    // A record that names files the output does not hold as it says: they are made again.
    let moved = record.replace("\t1", "\t2");
    std::fs::write(&records[0], moved).unwrap();
    let (made, changed) = rebuild_with(&site, &["--no-search"], "a record of other times");
    assert!(made > whole / 2 && changed == 0, "{made} {changed}");
}

#[test]
fn the_cache_keeps_the_records_of_the_last_eight_output_folders() {
    let site = Site::fixture("basic");
    let outputs = tempfile::tempdir().unwrap();
    for n in 0..10 {
        let out = outputs.path().join(format!("out-{n}"));
        let run = site.build(&["--no-search", "--output", out.to_str().unwrap()]);
        run.assert_ok();
    }
    let records = std::fs::read_dir(site.path(".kronika-cache/builds"))
        .unwrap()
        .filter(|e| {
            !e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .count();
    assert_eq!(records, 8);
}
