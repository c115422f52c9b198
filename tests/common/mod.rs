//! Helpers of the integration tests: fixture sites in temporary folders, running the
//! `kronika` binary, reading its output.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output};

/// A copy of a fixture site in a temporary folder (removed when dropped).
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// Copies `tests/fixtures/<name>` into a new temporary folder.
    pub fn fixture(name: &str) -> Site {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::tempdir().expect("temporary folder");
        copy_tree(&src, dir.path());
        Site { dir }
    }

    /// A copy of fixture `name`, built once with default flags.
    pub fn built(name: &str) -> Site {
        let site = Site::fixture(name);
        site.build(&[]).assert_ok();
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// Appends `text` to the file `rel` and returns what the file held before.
    pub fn append(&self, rel: &str, text: &str) -> String {
        let before = fs::read_to_string(self.path(rel)).unwrap_or_default();
        self.write(rel, &format!("{before}{text}"));
        before
    }

    /// Replaces `from` by `to` in the file `rel` and returns what the file held before.
    pub fn replace(&self, rel: &str, from: &str, to: &str) -> String {
        let before = fs::read_to_string(self.path(rel)).unwrap();
        self.write(rel, &before.replace(from, to));
        before
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.path(rel)).unwrap();
    }

    /// Runs `kronika build --root <site> <args>` in the C locale (English messages).
    pub fn build(&self, args: &[&str]) -> Run {
        self.build_in_locale(&[("LANG", "C")], args)
    }

    /// Runs `kronika build --root <site> <args>` with the locale variables `locale` (see
    /// [`kronika_in_locale`]).
    pub fn build_in_locale(&self, locale: &[(&str, &str)], args: &[&str]) -> Run {
        let root = self.root().to_str().expect("a UTF-8 temporary path");
        let mut all = vec!["build", "--root", root];
        all.extend_from_slice(args);
        kronika_in_locale(locale, &all)
    }

    /// Builds, expecting content errors: exit 1, "nothing was written", the output folder
    /// exactly as it was, and no staging folder left behind.
    pub fn build_refused(&self) -> Run {
        let before = tree(&self.path("public"));
        let run = self.build(&[]);
        assert_eq!(
            run.code, 1,
            "expected exit 1, got {}:\n{}",
            run.code, run.stderr
        );
        assert_eq!(
            tree(&self.path("public")),
            before,
            "the previous output must stay untouched"
        );
        run.expect_stderr("nothing was written");
        assert!(
            !self.path(".public.kronika-staging").exists(),
            "staging folder cleaned up"
        );
        run
    }

    /// Text of a file of the default output folder.
    pub fn page(&self, rel: &str) -> String {
        let p = self.path("public").join(rel);
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("{} should exist: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path("public").join(rel).exists()
    }
}

/// Runs `kronika <args>` with only the locale variables of `locale` set (`LANG`, `LC_ALL`,
/// `LC_MESSAGES`): those of the machine running the tests are removed.
pub fn kronika_in_locale(locale: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kronika"));
    cmd.args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.envs(locale.iter().copied());
    Run::from(cmd.output().expect("kronika runs"))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Run {
    pub fn assert_ok(&self) -> &Run {
        assert_eq!(self.code, 0, "build failed:\n{}", self.stderr);
        self
    }

    /// Asserts that the messages contain `needle`, showing them all if not.
    pub fn expect_stderr(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "expected {needle:?} in:\n{}",
            self.stderr
        );
        self
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// `a/b/../c` → `a/c`; `None` if the path climbs above its root.
pub fn normalise(path: &Path) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// A change to a site's files.
pub type Action<'a> = Box<dyn Fn() + 'a>;

/// A change to a site's files, and its name.
pub type Edit<'a> = (&'static str, Action<'a>);

/// Edits of the `basic` fixture, one after another, each leaving a site that builds: of
/// its item `item`, whose text was `text` (`content/news/2012-02-15-mops.pl.md`), and of
/// the site around it. What the tests of rebuilds run through, comparing each rebuild
/// with a fresh build (`tests/session.rs`, `tests/rebuild.rs`).
pub fn basic_edits<'a>(site: &'a Site, item: &'a str, text: &'a str) -> Vec<Edit<'a>> {
    vec![
        (
            "a word of the body",
            Box::new(move || site.write(item, &text.replace("wyróżnienie", "nagrodę"))),
        ),
        (
            "the title",
            Box::new(move || site.write(item, &text.replace("MOPS wyróżniony", "MOPS nagrodzony"))),
        ),
        (
            "a tag",
            Box::new(move || site.write(item, &text.replace("dobre praktyki", "nowy temat"))),
        ),
        (
            "archived",
            Box::new(move || site.write(item, &text.replace("slug:", "archived: true\nslug:"))),
        ),
        (
            "the date",
            Box::new(move || site.write(item, &text.replace("2012-02-15\n", "2014-02-15\n"))),
        ),
        ("back as it was", Box::new(move || site.write(item, text))),
        (
            "the address of an item another links to",
            Box::new(move || {
                site.replace(
                    "content/news/2011-10-17-konwencja/index.pl.md",
                    "archived: true",
                    "archived: true\nslug: konwencja-epa",
                );
            }),
        ),
        (
            "a new item",
            Box::new(move || {
                site.write(
                "content/news/2016-01-01-nowa.pl.md",
                "---\ntitle: Nowa\ndate: 2016-01-01\nprojects: [pora]\ntags: [EFS]\n---\n\nTekst.\n",
            )
            }),
        ),
        (
            "its translation",
            Box::new(move || {
                site.write(
                    "content/news/2016-01-01-nowa.en.md",
                    "---\ntitle: New\n---\n\nText.\n",
                )
            }),
        ),
        (
            "an item removed",
            Box::new(move || site.remove("content/news/2013-05-01-tylko-po-polsku.pl.md")),
        ),
        (
            "a project",
            Box::new(move || {
                site.replace(
                    "content/projects/pora.yaml",
                    "Time for Activity",
                    "Time to Act",
                );
            }),
        ),
        (
            "a static file",
            Box::new(move || site.write("static/pliki/nota.txt", "Nota.\n")),
        ),
        (
            "the static file changed",
            Box::new(move || site.write("static/pliki/nota.txt", "Nota, poprawiona.\n")),
        ),
    ]
}

/// Runs `git args` in `dir` as `author` on `date`, with no configuration of the machine's
/// (`HOME` is a folder of the test's own).
pub fn git_as(dir: &Path, author: &str, date: &str, args: &[&str]) -> String {
    let home = dir.join(".test-home");
    std::fs::create_dir_all(&home).unwrap();
    let stamp = format!("{date}T12:00:00+01:00");
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", &format!("user.name={author}")])
        .args(["-c", "user.email=redakcja@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgSign=false",
        ])
        .args(args)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", &home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", &stamp)
        .env("GIT_COMMITTER_DATE", &stamp)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
