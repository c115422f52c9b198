//! The output folder: files kronika did not generate are never removed or replaced, paths
//! that belong to tools are never written, a move killed at any step is finished by the
//! next build, and no detour reaches a refused folder.

use std::fs;
use std::path::Path;

use crate::common::{Run, Site, tree};
use kronika::output;

const ITEM: &str = "content/news/2013-05-01-tylko-po-polsku.pl.md";

/// The fixture's Polish-only item with `aliases`.
fn with_aliases(site: &Site, aliases: &str) {
    site.write(
        ITEM,
        &format!(
            "---\ntitle: \"Tylko po polsku\"\ndate: 2013-05-01\naliases: {aliases}\n---\n\nTekst.\n"
        ),
    );
}

/// Builds `site`, expecting exit 1 and the output folder exactly as it was.
fn refused(site: &Site) -> Run {
    site.build_refused()
}

#[test]
fn an_alias_onto_a_file_put_there_by_hand_is_an_error_and_the_file_stays() {
    let site = Site::built("basic");
    site.write("public/pliki/raport-2011.pdf", "%PDF raport");
    site.write("public/CNAME", "archiwum.example.org\n");
    with_aliases(&site, r#"["/pliki/raport-2011.pdf", "/CNAME"]"#);
    refused(&site)
        .expect_stderr(&format!(
            "{ITEM}:4:11: error: alias `/pliki/raport-2011.pdf` would replace pliki/raport-2011.pdf in the output folder, which kronika did not generate"
        ))
        // Each at its alias, underlined with its quotes.
        .expect_stderr(&format!(
            "{ITEM}:4:37: error: alias `/CNAME` would replace CNAME in the output folder"
        ))
        .expect_stderr("  |                                     ^^^^^^^^\n")
        .expect_stderr("move pliki/raport-2011.pdf out of the output folder");
    assert_eq!(site.page("pliki/raport-2011.pdf"), "%PDF raport");
}

#[test]
fn a_new_page_where_a_hand_made_page_stands_is_an_error() {
    let site = Site::built("basic");
    site.write("public/aktualnosci/nowa/index.html", "<p>ręcznie</p>");
    site.write(
        "content/news/2013-06-01-nowa.pl.md",
        "---\ntitle: \"Nowa\"\ndate: 2013-06-01\nslug: nowa\n---\n\nTekst.\n",
    );
    refused(&site).expect_stderr(
        "content/news/2013-06-01-nowa.pl.md: error: aktualnosci/nowa/index.html would replace aktualnosci/nowa/index.html in the output folder, which kronika did not generate",
    );
}

#[test]
fn paths_of_tools_and_of_kronika_itself_are_errors_at_their_source() {
    for alias in [
        "/.git/config",
        "/.kronika-output",
        "/.kronika-output.tmp",
        "/.htaccess",
        "/stare/.env",
    ] {
        let site = Site::built("basic");
        site.write("public/.git/config", "[core]\n");
        with_aliases(&site, &format!("[\"{alias}\"]"));
        refused(&site).expect_stderr(&format!(
            "{ITEM}:4:11: error: `{alias}` is a path no site may publish"
        ));
        // Removing the alias is all it takes: nothing was left half done.
        with_aliases(&site, "[]");
        site.build(&[]).assert_ok();
        assert_eq!(site.page(".git/config"), "[core]\n", "{alias}");
    }
}

#[test]
fn an_alias_onto_the_stylesheet_is_refused_on_a_rebuild_too() {
    let site = Site::built("basic");
    let css = site.page("style.css");
    with_aliases(&site, r#"["/style.css"]"#);
    refused(&site).expect_stderr(&format!(
        "{ITEM}:4:11: error: alias `/style.css` would replace style.css, which kronika copies from (built-in) style.css"
    ));
    assert_eq!(site.page("style.css"), css);
}

#[test]
fn a_static_file_standing_where_a_page_needs_a_folder_names_both() {
    let site = Site::built("basic");
    site.write("static/tagi", "nie folder");
    refused(&site).expect_stderr(
        "static/tagi: error: tagi would have to be a file and a folder at once: tagi/index.html would be inside it",
    );
}

#[test]
fn a_static_folder_kept_as_a_submodule_leaves_the_outputs_git_alone() {
    let site = Site::built("basic");
    site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n");
    site.write("static/.git", "gitdir: ../.git/modules/static\n");
    site.write("static/.DS_Store", "x");
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:bip@example.org\n",
    );
    site.write("static/pliki/raport.pdf", "%PDF");
    site.build(&[]).assert_ok();
    assert_eq!(site.page(".git/HEAD"), "ref: refs/heads/gh-pages\n");
    assert!(!site.exists(".DS_Store"));
    assert_eq!(
        site.page(".well-known/security.txt"),
        "Contact: mailto:bip@example.org\n"
    );
    assert_eq!(site.page("pliki/raport.pdf"), "%PDF");
}

#[test]
fn a_tampered_marker_cannot_make_a_build_remove_foreign_files() {
    let site = Site::built("basic");
    site.write("public/.git/config", "[core]\n");
    site.append(
        "public/.kronika-output",
        ".git/config\tx\n../site.yaml\tx\n",
    );
    site.build(&[]).assert_ok();
    assert_eq!(site.page(".git/config"), "[core]\n");
    assert!(site.path("site.yaml").exists());
}

#[test]
fn a_generated_file_changed_in_place_is_written_again() {
    let site = Site::built("basic");
    let page = site.page("index.html");
    let altered = page.replacen("Archiwum", "ARCHIWUM", 1);
    assert_eq!(altered.len(), page.len());
    fs::write(site.path("public/index.html"), &altered).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(site.page("index.html"), page);
}

#[test]
fn refused_folders_cannot_be_reached_by_a_detour() {
    let site = Site::built("basic");
    let run = site.build(&["--output", "public/../content/out"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.expect_stderr("it is inside the site's content/ folder");
    assert!(!site.path("content/out").exists());

    // The site reached through a symbolic link, the output written through it.
    let links = tempfile::tempdir().unwrap();
    let root = links.path().join("strona");
    std::os::unix::fs::symlink(site.root(), &root).unwrap();
    let output = root.join("static/out");
    let run = crate::common::kronika_in_locale(
        &[("LANG", "C")],
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    run.expect_stderr("it is inside the site's static/ folder");
    assert!(!site.path("static/out").exists());
}

#[test]
fn an_output_given_as_a_link_to_an_empty_folder_is_filled() {
    let site = Site::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("www");
    fs::create_dir(&real).unwrap();
    std::os::unix::fs::symlink(&real, site.path("public")).unwrap();
    site.build(&[]).assert_ok();
    assert!(real.join("index.html").is_file());
    assert!(site.path("public").is_symlink(), "the link itself stays");
    let leftovers: Vec<_> = fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["www"], "no staging folder left behind");
    site.build(&[]).assert_ok(); // and a rebuild through the link
}

/// One build through the library's output stages: `files` staged, then moved in, stopped
/// after `steps` changes as a `kill -9` would stop it.
fn build_into(out: &Path, files: &[(&str, &str)], steps: usize) -> Option<usize> {
    let out = output::check_output(out.parent().unwrap(), out).unwrap();
    let staging = output::prepare(&out).unwrap();
    let foreign = staging.collisions(files.iter().map(|(p, _)| *p));
    assert!(foreign.is_empty(), "{foreign:?}");
    for (path, text) in files {
        staging.write(path, text.as_bytes()).unwrap();
    }
    output::commit_interrupted(staging, steps).unwrap()
}

/// What the output holds apart from the marker.
fn published(out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut t = tree(out);
    t.remove(output::MARKER);
    t
}

#[test]
fn a_move_killed_at_any_step_is_finished_by_the_next_build_and_loses_nothing() {
    let first: &[(&str, &str)] = &[
        ("index.html", "strona główna 1"),
        ("aktualnosci/a/index.html", "a"),
        ("aktualnosci/b/index.html", "b 1"),
        ("stare", "plik, który stanie się folderem"),
    ];
    let second: &[(&str, &str)] = &[
        ("index.html", "strona główna 2"),
        ("aktualnosci/b/index.html", "b 2"),
        ("aktualnosci/nowa/index.html", "nowa: wycofana za chwilę"),
        ("stare/index.html", "przekierowanie"),
    ];
    // The third build retracts the new page (personal data published by mistake).
    let third: &[(&str, &str)] = &[
        ("index.html", "strona główna 3"),
        ("aktualnosci/b/index.html", "b 2"),
    ];
    let mut step = 0;
    loop {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build_into(&out, first, usize::MAX).unwrap();
        fs::write(out.join("CNAME"), "archiwum.example.org").unwrap();
        fs::create_dir_all(out.join(".git")).unwrap();
        fs::write(out.join(".git/HEAD"), "ref").unwrap();
        let finished = build_into(&out, second, step).is_some();

        // Whatever the step, the next build converges, and the retraction after it holds.
        build_into(&out, second, usize::MAX).unwrap();
        let mut want: std::collections::BTreeMap<String, Vec<u8>> = second
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect();
        want.insert("CNAME".into(), b"archiwum.example.org".to_vec());
        want.insert(".git/HEAD".into(), b"ref".to_vec());
        assert_eq!(published(&out), want, "killed after {step} steps");
        build_into(&out, third, usize::MAX).unwrap();
        assert!(
            !out.join("aktualnosci/nowa").exists(),
            "killed after {step} steps"
        );
        assert_eq!(
            fs::read(out.join("CNAME")).unwrap(),
            b"archiwum.example.org"
        );
        assert_eq!(fs::read(out.join(".git/HEAD")).unwrap(), b"ref");

        // And a retraction straight after the killed build removes the page too.
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build_into(&out, first, usize::MAX).unwrap();
        build_into(&out, second, step);
        build_into(&out, third, usize::MAX).unwrap();
        assert!(
            !out.join("aktualnosci/nowa").exists(),
            "killed after {step} steps"
        );
        assert!(
            !out.join("aktualnosci/a").exists(),
            "killed after {step} steps"
        );

        if finished {
            break;
        }
        step += 1;
    }
    assert!(step >= 5, "the move has a step per change ({step})");
}

/// The marker of a kronika from before the marker's hashes changed (std's SipHash and the
/// length): every hash of `out`'s marker replaced by that form of each version a build of
/// `versions` wrote at its path.
fn as_an_earlier_kronika_wrote_it(out: &Path, versions: &[&[(&str, &str)]]) {
    use std::hash::{DefaultHasher, Hasher};
    let earlier = |text: &str| {
        let mut h = DefaultHasher::new();
        h.write(text.as_bytes());
        format!("{:016x}-{}", h.finish(), text.len())
    };
    let marker = fs::read_to_string(out.join(output::MARKER)).unwrap();
    let lines: Vec<String> = marker
        .lines()
        .map(|line| {
            let mut fields: Vec<String> = line.split('\t').map(str::to_string).collect();
            let hashes: Vec<String> = versions
                .iter()
                .flat_map(|v| v.iter())
                .filter(|(path, _)| *path == fields[0])
                .map(|(_, text)| earlier(text))
                .collect();
            assert!(!hashes.is_empty(), "{line}");
            fields[1] = hashes.join(" ");
            fields.join("\t")
        })
        .collect();
    fs::write(out.join(output::MARKER), lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_move_of_an_earlier_kronika_killed_at_any_step_is_finished_by_this_one() {
    let first: &[(&str, &str)] = &[
        ("index.html", "strona główna 1"),
        ("aktualnosci/b/index.html", "b 1"),
    ];
    let second: &[(&str, &str)] = &[
        ("index.html", "strona główna 2"),
        ("aktualnosci/b/index.html", "b 2"),
        ("aktualnosci/nowa/index.html", "nowa"),
    ];
    let mut step = 0;
    loop {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        build_into(&out, first, usize::MAX).unwrap();
        let finished = build_into(&out, second, step).is_some();
        as_an_earlier_kronika_wrote_it(&out, &[first, second]);
        // The files its killed move left are known for its own: no collision, and the
        // build converges.
        build_into(&out, second, usize::MAX).unwrap();
        let want: std::collections::BTreeMap<String, Vec<u8>> = second
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect();
        assert_eq!(published(&out), want, "killed after {step} steps");
        if finished {
            break;
        }
        step += 1;
    }
}

#[test]
fn the_first_build_over_an_earlier_kronikas_marker_rewrites_nothing_unchanged() {
    let files: &[(&str, &str)] = &[
        ("index.html", "strona główna"),
        ("aktualnosci/b/index.html", "b"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_into(&out, files, usize::MAX).unwrap();
    as_an_earlier_kronika_wrote_it(&out, &[files]);
    assert_eq!(build_into(&out, files, usize::MAX), Some(0));
}
