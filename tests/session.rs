//! Successive builds of one site (`kronika::Session`, what `serve` runs after each edit):
//! each renders only the files whose inputs changed, and still gives, byte for byte, the
//! site that a fresh build of the same sources gives.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{Action, Site};
use kronika::progress::Progress;
use kronika::{BuildOptions, Session, build_in_memory};

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: root.join("public"),
        base_url: Some("http://127.0.0.1:1111/".into()),
        offline: false,
        drafts: false,
        // As `serve` builds (docs/en/07-preview.md "Preview").
        no_search: true,
        today: "2026-12-01".parse().ok().map(kronika::types::Date),
        progress: Arc::new(Progress::default()),
    }
}

/// Rebuilds in `session` and checks the result against a fresh build; returns how many
/// files the rebuild rendered.
fn rebuild_matches_a_fresh_build(session: &mut Session, root: &Path, what: &str) -> usize {
    let update = session
        .build()
        .unwrap_or_else(|(f, d)| panic!("{what}: {f:?} {d:?}"));
    let (_, fresh) = build_in_memory(&options(root)).expect("a fresh build");
    let files: Vec<&str> = update.files.keys().map(|f| &**f).collect();
    let expected: Vec<&str> = fresh.keys().map(String::as_str).collect();
    assert_eq!(files, expected, "{what}: the files");
    for (file, bytes) in &fresh {
        assert!(
            *update.files[file.as_str()] == **bytes,
            "{what}: {file} differs from a fresh build"
        );
    }
    update.report.files_rendered
}

#[test]
fn every_edit_renders_only_what_changed_and_gives_the_fresh_build() {
    let site = Site::fixture("basic");
    let root = site.root();
    let mut session = Session::new(options(root));
    let all = rebuild_matches_a_fresh_build(&mut session, root, "first build");
    assert!(all > 40, "{all}");
    assert_eq!(
        rebuild_matches_a_fresh_build(&mut session, root, "nothing changed"),
        1,
        "nothing changed: only the page that a link's `#program` names, to check the link"
    );

    let item = "content/news/2012-02-15-mops.pl.md";
    let text = std::fs::read_to_string(site.path(item)).unwrap();
    let edits = common::basic_edits(&site, item, &text);
    for (what, edit) in edits {
        edit();
        let rendered = rebuild_matches_a_fresh_build(&mut session, root, what);
        assert!(rendered < all, "{what}: {rendered} of {all} rendered");
    }

    // A word below the item's first paragraph: its page alone, and the page its
    // `#program` link names.
    site.write(
        item,
        &text.replace("| uczestnicy |", "| uczestnicy projektu |"),
    );
    let one = rebuild_matches_a_fresh_build(&mut session, root, "one body");
    assert_eq!(one, 2, "files rendered for a word of one body");
    // Its first paragraph, which lists show as its summary: its page and those lists
    // (news, archive year, tags, project, home, feed), not the whole site.
    site.write(item, &text.replace("wyróżnienie", "nagrodę"));
    let lists = rebuild_matches_a_fresh_build(&mut session, root, "one summary");
    assert!(
        (2..=10).contains(&lists),
        "{lists} files rendered for one summary"
    );

    // What every page reads: the session is told, and renders everything.
    session.render_everything_next();
    let everything = rebuild_matches_a_fresh_build(&mut session, root, "everything");
    let (_, fresh) = build_in_memory(&options(root)).expect("a fresh build");
    assert_eq!(everything, fresh.len());
}

#[test]
fn a_failed_build_keeps_the_last_good_one_to_compare_with() {
    let site = Site::fixture("basic");
    let root = site.root();
    let mut session = Session::new(options(root));
    rebuild_matches_a_fresh_build(&mut session, root, "first build");
    let item = "content/news/2012-02-15-mops.pl.md";
    let text = std::fs::read_to_string(site.path(item)).unwrap();
    site.write(item, "---\ntitle: [\n---\n\nx\n");
    let (failure, _) = session
        .build()
        .err()
        .expect("a broken file fails the build");
    assert_eq!(failure.exit_code(), 1);
    site.write(item, &text.replace("MOPS wyróżniony", "MOPS nagrodzony"));
    let rendered = rebuild_matches_a_fresh_build(&mut session, root, "fixed");
    assert!(rendered > 0);
}

#[test]
fn statistics_follow_every_edit_and_a_project_renders_only_its_own() {
    let site = Site::fixture("stats");
    let root = site.root();
    let mut session = Session::new(options(root));
    rebuild_matches_a_fresh_build(&mut session, root, "first build");
    assert_eq!(
        rebuild_matches_a_fresh_build(&mut session, root, "nothing changed"),
        0,
        "nothing changed, nothing rendered (with several projects)"
    );
    let item = "content/news/2012-02-15-c.pl.md";
    let text = std::fs::read_to_string(site.path(item)).unwrap();
    let edits: Vec<common::Edit> = vec![
        (
            "the title",
            Box::new(|| site.write(item, &text.replace("Wiadomość C", "Wiadomość C2"))),
        ),
        (
            "the year",
            Box::new(|| site.write(item, &text.replace("2012-02-15", "2013-02-15"))),
        ),
        (
            "the project",
            Box::new(|| site.write(item, &text.replace("[alfa]", "[beta]"))),
        ),
        (
            "its translation gone",
            Box::new(|| site.remove("content/news/2012-02-15-c.en.md")),
        ),
        (
            "a project's budget",
            Box::new(|| {
                let p = "content/projects/alfa.yaml";
                let y = std::fs::read_to_string(site.path(p)).unwrap();
                site.write(p, &format!("{y}\n# edited\n"));
            }),
        ),
        ("back as it was", Box::new(|| site.write(item, &text))),
    ];
    for (what, edit) in edits {
        edit();
        rebuild_matches_a_fresh_build(&mut session, root, what);
    }
    // A title: the item's page, lists, the site's statistics and those of its project,
    // not the other projects' pages and downloads.
    site.write(item, &text.replace("Wiadomość C", "Wiadomość C3"));
    let update = session.build().expect("builds");
    let (_, fresh) = build_in_memory(&options(root)).expect("a fresh build");
    let other_projects = fresh
        .keys()
        .filter(|f| f.contains("/gamma/") || f.contains("/delta/"))
        .count();
    assert!(other_projects >= 8, "{other_projects}");
    assert!(
        update.report.files_rendered + other_projects < fresh.len(),
        "{} of {}",
        update.report.files_rendered,
        fresh.len()
    );
}

/// A change to the site: what it does, and the files it touches (relative to the root).
type Reported<'a> = (&'a str, Action<'a>, Vec<&'a str>);

#[test]
fn a_watched_session_follows_every_reported_change() {
    // As `kronika serve` builds: each change reported by the watcher, and files not
    // reported taken as they were, the list of content files kept while no file comes or
    // goes.
    let site = Site::fixture("basic");
    let root = site.root();
    let full = std::fs::canonicalize(root).unwrap();
    let mut session = Session::new(options(root)).watched();
    rebuild_matches_a_fresh_build(&mut session, root, "first build");
    let item = "content/news/2012-02-15-mops.pl.md";
    let text = std::fs::read_to_string(site.path(item)).unwrap();
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/bip/templates/tags.html");
    let tags = std::fs::read_to_string(theme).unwrap();
    let new = "content/news/2016-01-01-nowa.pl.md";
    let moved = "content/news/2016-02-02-przeniesiona.pl.md";
    let temporary = "content/news/.2012-02-15-mops.pl.md.swp";
    let changes: Vec<Reported> = vec![
        (
            "the title",
            Box::new(|| site.write(item, &text.replace("MOPS wyróżniony", "MOPS nagrodzony"))),
            vec![item],
        ),
        (
            "saved through a temporary file renamed over it",
            Box::new(|| {
                site.write(temporary, &text.replace("wyróżnienie", "nagrodę"));
                std::fs::rename(site.path(temporary), site.path(item)).unwrap();
            }),
            vec![temporary, item],
        ),
        (
            "the date of an original its translation inherits",
            Box::new(|| site.write(item, &text.replace("2012-02-15\n", "2014-02-15\n"))),
            vec![item],
        ),
        (
            "an attachment's size, shown on its item's pages",
            Box::new(|| {
                let a = "content/news/2011-10-17-konwencja/program.txt";
                site.write(a, &"Program wizyty, uzupełniony.\n".repeat(400));
            }),
            vec!["content/news/2011-10-17-konwencja/program.txt"],
        ),
        (
            "a new item",
            Box::new(|| {
                site.write(
                    new,
                    "---\ntitle: Nowa\ndate: 2016-01-01\ntags: [EFS]\n---\n\nTekst.\n",
                )
            }),
            vec![new],
        ),
        (
            "the new item renamed",
            Box::new(|| std::fs::rename(site.path(new), site.path(moved)).unwrap()),
            vec![new, moved],
        ),
        (
            "an item removed",
            Box::new(|| site.remove("content/news/2013-05-01-tylko-po-polsku.pl.md")),
            vec!["content/news/2013-05-01-tylko-po-polsku.pl.md"],
        ),
        (
            "a project",
            Box::new(|| {
                let p = "content/projects/pora.yaml";
                let y = std::fs::read_to_string(site.path(p)).unwrap();
                site.write(p, &y.replace("Time for Activity", "Time to Act"));
            }),
            vec!["content/projects/pora.yaml"],
        ),
        (
            "a template of the site's own",
            Box::new(|| {
                site.write(
                    "themes/bip/templates/tags.html",
                    &tags.replace("</h1>", "</h1><p>Własny szablon.</p>"),
                )
            }),
            vec!["themes/bip/templates/tags.html"],
        ),
        (
            "a UI string of the site's own",
            Box::new(|| site.write("i18n/pl/wlasne.ftl", "latest-news = Ostatnio\n")),
            vec!["i18n/pl/wlasne.ftl"],
        ),
        (
            "site.yaml",
            Box::new(|| {
                let y = std::fs::read_to_string(site.path("site.yaml")).unwrap();
                site.write(
                    "site.yaml",
                    &y.replace("Archiwum testowe", "Archiwum próbne"),
                );
            }),
            vec!["site.yaml"],
        ),
        (
            "back as it was",
            Box::new(|| site.write(item, &text)),
            vec![item],
        ),
    ];
    for (what, change, paths) in changes {
        change();
        let paths: Vec<std::path::PathBuf> = paths.iter().map(|p| full.join(p)).collect();
        // What `kronika serve` does for a file that every page reads.
        if paths.iter().any(|p| {
            let rel = p.strip_prefix(&full).unwrap();
            ["site.yaml", "themes", "i18n"]
                .iter()
                .any(|f| rel.starts_with(f))
        }) {
            session.render_everything_next();
        }
        session.changed(paths.iter().map(|p| p.as_path()));
        rebuild_matches_a_fresh_build(&mut session, root, what);
    }
}

#[test]
fn an_edit_that_moves_no_item_is_patched_in_and_gives_the_fresh_build() {
    // As `kronika serve` builds. An edit that keeps every item's place (its date, slug,
    // tags, projects, …) is patched into the last model; one that moves an item is
    // loaded again. Either gives what a fresh build gives, byte for byte.
    let site = Site::fixture("basic");
    let root = site.root();
    let full = std::fs::canonicalize(root).unwrap();
    let mut session = Session::new(options(root)).watched();
    let all = rebuild_matches_a_fresh_build(&mut session, root, "first build");
    let item = "content/news/2012-02-15-mops.pl.md";
    let translation = "content/news/2012-02-15-mops.en.md";
    let polish_only = "content/news/2013-05-01-tylko-po-polsku.pl.md";
    let read = |path: &str| std::fs::read_to_string(site.path(path)).unwrap();
    let (text, english, only) = (read(item), read(translation), read(polish_only));
    let temporary = "content/news/.2012-02-15-mops.pl.md.swp";
    let changes: Vec<Reported> = vec![
        (
            "the title, shown on lists and in the feed",
            Box::new(|| site.write(item, &text.replace("MOPS wyróżniony", "MOPS nagrodzony"))),
            vec![item],
        ),
        (
            "its first paragraph, the summary lists show",
            Box::new(|| site.write(item, &text.replace("wyróżnienie", "nagrodę"))),
            vec![item],
        ),
        (
            "a word below it",
            Box::new(|| site.write(item, &text.replace("| uczestnicy |", "| osoby |"))),
            vec![item],
        ),
        (
            "who produced it, which its translation inherits",
            Box::new(|| site.write(item, &text.replace("Dział Projektów", "Dział Prasowy"))),
            vec![item],
        ),
        (
            "the translation's title",
            Box::new(|| site.write(translation, &english.replace("commended", "honoured"))),
            vec![translation],
        ),
        (
            "the title of an item the statistics list as not translated",
            Box::new(|| {
                site.write(
                    polish_only,
                    &only.replace("po polsku\"", "po polsku, od dziś\""),
                )
            }),
            vec![polish_only],
        ),
        (
            "a title 2 kB longer: the statistics' JSON file too, whose size project pages show",
            Box::new(|| {
                let long = format!("po polsku {}\"", "ą".repeat(900));
                site.write(polish_only, &only.replace("po polsku\"", &long));
            }),
            vec![polish_only],
        ),
        (
            "saved through a temporary file renamed over it",
            Box::new(|| {
                site.write(
                    temporary,
                    &text.replace("MOPS wyróżniony", "MOPS doceniony"),
                );
                std::fs::rename(site.path(temporary), site.path(item)).unwrap();
            }),
            vec![temporary, item],
        ),
        (
            "a title and a project card at once",
            Box::new(|| {
                site.write(item, &text.replace("MOPS wyróżniony", "MOPS i projekt"));
                let p = "content/projects/pora.yaml";
                let y = std::fs::read_to_string(site.path(p)).unwrap();
                site.write(p, &y.replace("Time for Activity", "Time to Act"));
            }),
            vec![item, "content/projects/pora.yaml"],
        ),
        (
            "a tag, which moves it to another tag's list",
            Box::new(|| site.write(item, &text.replace("dobre praktyki", "nowy temat"))),
            vec![item],
        ),
        (
            "broken",
            Box::new(|| site.write(item, "---\ntitle: [\n---\n\nx\n")),
            vec![item],
        ),
        (
            "fixed, with another title than the last good build's",
            Box::new(|| site.write(item, &text.replace("MOPS wyróżniony", "MOPS naprawiony"))),
            vec![item],
        ),
        (
            "back as it was",
            Box::new(|| {
                site.write(item, &text);
                site.write(translation, &english);
                site.write(polish_only, &only);
            }),
            vec![item, translation, polish_only],
        ),
    ];
    for (what, change, paths) in changes {
        change();
        let paths: Vec<std::path::PathBuf> = paths.iter().map(|p| full.join(p)).collect();
        session.changed(paths.iter().map(|p| p.as_path()));
        if what == "broken" {
            let (failure, _) = session
                .build()
                .err()
                .expect("a broken file fails the build");
            assert_eq!(failure.exit_code(), 1);
            continue;
        }
        let rendered = rebuild_matches_a_fresh_build(&mut session, root, what);
        assert!(rendered < all / 2, "{what}: {rendered} of {all} rendered");
    }
}
