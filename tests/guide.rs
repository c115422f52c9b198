//! The guide cannot drift from kronika (docs/dev/testing.md, "The guide's tests"): the site
//! files its pages show are built, the errors they quote are what kronika prints for the
//! file shown beside them, their links resolve, the Polish and English editor's guides
//! have the same pages, and the command line's help points to the guide.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, kronika_in_locale};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A fenced block of a guide page.
#[derive(Debug, Clone)]
struct Block {
    /// The first word of the info string (`yaml`, `markdown`, `text`, `sh`).
    lang: String,
    /// The second word: a site path (`site.yaml`, `content/news/x.pl.md`); `error`,
    /// `warning`, `check` for a quoted message; `run` for commands a test runs.
    tag: Option<String>,
    /// A site file whose third word is `example` belongs to the quoted message that
    /// follows it, not to the page's site.
    example: bool,
    text: String,
    /// The line of the opening fence, for messages.
    line: usize,
}

impl Block {
    /// The site path of a site file, or `None` for another block.
    fn site_path(&self) -> Option<&str> {
        self.tag
            .as_deref()
            .filter(|t| self.lang != "sh" && !matches!(*t, "error" | "warning" | "check"))
    }

    /// `error`, `warning` or `check` for a quoted message.
    fn message_kind(&self) -> Option<&str> {
        self.tag
            .as_deref()
            .filter(|t| self.lang == "text" && matches!(*t, "error" | "warning" | "check"))
    }

    /// Commands shown for a test to run (```` ```sh run ````): they make what a file
    /// cannot show (a symbolic link, a file in another encoding, a shallow clone) and run
    /// kronika, whose output the message after them quotes.
    fn is_script(&self) -> bool {
        self.lang == "sh" && self.tag.as_deref() == Some("run")
    }
}

/// The fenced blocks of a Markdown file. A fence may be indented (in a list item): the
/// block's lines lose that indentation, and only a fence as long, no more indented,
/// closes it.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    // The block being read, with its fence's indentation and length.
    let mut open: Option<(Block, usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let trimmed = &line[indent..];
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        if let Some((block, margin, fence)) = open.as_mut() {
            if ticks >= *fence && indent <= *margin && trimmed[ticks..].trim().is_empty() {
                out.push(open.take().unwrap().0);
            } else {
                let cut = indent.min(*margin);
                block.text.push_str(&line[cut..]);
                block.text.push('\n');
            }
        } else if ticks >= 3 && !trimmed[ticks..].contains('`') {
            // (An info string holds no backtick: a line that starts with ```` ```x ```` is
            // code in prose.)
            let mut words = trimmed[ticks..].split_whitespace();
            let lang = words.next().unwrap_or("").to_string();
            let tag = words.next().map(str::to_string);
            let example = words.next() == Some("example");
            let block = Block {
                lang,
                tag,
                example,
                text: String::new(),
                line: i + 1,
            };
            open = Some((block, indent, ticks));
        }
    }
    assert!(open.is_none(), "a fenced block is never closed");
    out
}

fn read(rel: &str) -> String {
    fs::read_to_string(Path::new(ROOT).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The Markdown files of a folder of `docs/`, by name.
fn pages(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// Every Markdown file of the guide and the front door, relative to the repository.
fn all_guide_files() -> Vec<String> {
    let mut files = vec!["README.md".to_string(), "CONTRIBUTING.md".to_string()];
    for dir in ["docs/en", "docs/pl", "docs/maintainer", "docs/dev"] {
        files.extend(pages(dir).into_iter().map(|n| format!("{dir}/{n}")));
    }
    files
}

/// The locale kronika runs in for a page: its messages are quoted in the page's language.
fn locale_of(page: &str) -> &'static [(&'static str, &'static str)] {
    if page.starts_with("docs/pl/") {
        &[("LANG", "pl_PL.UTF-8")]
    } else {
        &[("LANG", "C")]
    }
}

/// A page's site files: those that build (`good`, later blocks of a path replacing
/// earlier ones) and its examples, each with the message quoted after it.
struct PageSite {
    good: BTreeMap<String, String>,
    examples: Vec<Example>,
}

/// Files shown broken, or commands, and the message kronika prints for them.
struct Example {
    /// The files written over the page's site: the site file right before the message,
    /// and the `example` files before it.
    files: Vec<Block>,
    /// The commands run in the site instead of `kronika build` (or `check`).
    script: Option<Block>,
    message: Block,
}

fn page_site(page: &str) -> PageSite {
    site_of_text(page, &read(page))
}

fn site_of_text(page: &str, text: &str) -> PageSite {
    let all = blocks(text);
    let mut good = BTreeMap::new();
    let mut examples = Vec::new();
    let mut pending: Vec<Block> = Vec::new();
    for (i, block) in all.iter().enumerate() {
        if block.message_kind().is_some() {
            let before = i.checked_sub(1).map(|j| &all[j]);
            let mut files = std::mem::take(&mut pending);
            let script = match before {
                Some(b) if b.is_script() => Some(b.clone()),
                Some(b) if b.site_path().is_some() => {
                    if !b.example {
                        files.push(b.clone());
                    }
                    None
                }
                _ => panic!(
                    "{page}:{}: a quoted message must follow the site file or the commands it is about",
                    block.line
                ),
            };
            examples.push(Example {
                files,
                script,
                message: block.clone(),
            });
            continue;
        }
        let Some(path) = block.site_path() else {
            continue;
        };
        let quoted_next = all.get(i + 1).is_some_and(|n| n.message_kind().is_some());
        if block.example {
            pending.push(block.clone());
        } else if !quoted_next {
            good.insert(path.to_string(), block.text.clone());
        }
    }
    assert!(
        pending.is_empty(),
        "{page}:{}: an `example` file must be followed by the message it gives",
        pending[0].line
    );
    PageSite { good, examples }
}

/// The site a page's examples are built in: the files of the start page of its
/// language (for the maintainer's pages, the English one), then the page's own.
fn base_of(page: &str) -> &'static str {
    if page.starts_with("docs/pl/") {
        "docs/pl/01-start.md"
    } else {
        "docs/en/01-start.md"
    }
}

fn write_site(dir: &Path, files: &BTreeMap<String, String>) {
    for (path, text) in files {
        assert!(
            !path.starts_with('/') && !path.contains(".."),
            "a site path: {path}"
        );
        let file = dir.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
}

fn run_in(dir: &Path, page: &str, command: &str) -> Run {
    let root = dir.to_str().unwrap();
    kronika_in_locale(locale_of(page), &[command, "--root", root])
}

/// Each line of the quoted message, as printed, in what kronika printed.
fn assert_quoted(page: &str, message: &Block, run: &Run) {
    let printed: BTreeSet<&str> = run
        .stderr
        .lines()
        .chain(run.stdout.lines())
        .map(str::trim_end)
        .collect();
    for line in message.text.lines().map(str::trim_end) {
        if !line.is_empty() {
            assert!(
                printed.contains(line),
                "{page}:{}: the guide quotes\n{line}\nbut kronika printed:\n{}{}",
                message.line,
                run.stderr,
                run.stdout
            );
        }
    }
}

/// Every site file shown in a page builds, in the site of its page; each example (files
/// shown broken, or commands) gives the quoted message: a build refused with the error, a
/// build with the warning, or `kronika check` with the finding.
fn check_page(page: &str) -> (usize, usize) {
    let site = page_site(page);
    let mut files = if base_of(page) == page {
        BTreeMap::new()
    } else {
        page_site(base_of(page)).good
    };
    files.extend(site.good.clone());
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &files);
    let run = run_in(dir.path(), page, "build");
    assert_eq!(
        run.code, 0,
        "{page}: the site of its examples does not build:\n{}",
        run.stderr
    );
    for example in &site.examples {
        let dir = tempfile::tempdir().unwrap();
        // The site is a folder of its own, so that commands may make things beside it
        // (a clone of its repository).
        let root = dir.path().join("site");
        let mut with = files.clone();
        for file in &example.files {
            with.insert(file.site_path().unwrap().to_string(), file.text.clone());
        }
        write_site(&root, &with);
        let message = &example.message;
        let kind = message.message_kind().unwrap();
        let run = match &example.script {
            Some(script) => run_script(&root, page, script),
            None => run_in(&root, page, if kind == "check" { "check" } else { "build" }),
        };
        let expected = match kind {
            "error" => 1,
            _ => 0,
        };
        if kind != "check" {
            assert_eq!(
                run.code, expected,
                "{page}:{}: expected exit {expected} for the example before it:\n{}",
                message.line, run.stderr
            );
        }
        assert_quoted(page, message, &run);
    }
    (site.good.len(), site.examples.len())
}

/// Runs the commands of a ```` ```sh run ```` block in the site's folder, with the kronika
/// under test first on the `PATH`, in the page's locale, stopping at the first command that
/// fails (its status is the script's). Commits get a fixed author.
fn run_script(root: &Path, page: &str, script: &Block) -> Run {
    let bin = Path::new(env!("CARGO_BIN_EXE_kronika")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let mut cmd = std::process::Command::new("bash");
    cmd.args(["-e", "-c", &script.text])
        .current_dir(root)
        .env("PATH", path);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(var);
    }
    cmd.envs(locale_of(page).iter().copied());
    for (var, value) in [
        ("GIT_AUTHOR_NAME", "Anna Nowak"),
        ("GIT_AUTHOR_EMAIL", "anna.nowak@example.org"),
        ("GIT_COMMITTER_NAME", "Anna Nowak"),
        ("GIT_COMMITTER_EMAIL", "anna.nowak@example.org"),
        ("GIT_CONFIG_GLOBAL", "/dev/null"),
        ("GIT_CONFIG_NOSYSTEM", "1"),
    ] {
        cmd.env(var, value);
    }
    Run::from(
        cmd.output()
            .unwrap_or_else(|e| panic!("{page}:{}: bash: {e}", script.line)),
    )
}

#[test]
fn every_site_file_of_the_editors_guide_builds_and_every_quoted_error_is_real() {
    for lang in ["en", "pl"] {
        let (mut files, mut messages) = (0, 0);
        for name in pages(&format!("docs/{lang}")) {
            let (f, m) = check_page(&format!("docs/{lang}/{name}"));
            files += f;
            messages += m;
        }
        assert!(files >= 12, "docs/{lang}: {files} site files shown");
        assert!(messages >= 5, "docs/{lang}: {messages} quoted messages");
    }
}

#[test]
fn every_site_file_of_the_maintainers_reference_builds_and_every_quoted_error_is_real() {
    let (mut files, mut messages) = (0, 0);
    for name in pages("docs/maintainer") {
        let (f, m) = check_page(&format!("docs/maintainer/{name}"));
        files += f;
        messages += m;
    }
    assert!(files >= 3, "docs/maintainer: {files} site files shown");
    assert!(
        messages >= 12,
        "docs/maintainer: {messages} quoted messages"
    );
}

/// The convention itself: a site file shown broken is refused, and a quoted message that
/// kronika does not print fails (so the test above cannot pass by finding nothing).
#[test]
fn the_convention_catches_a_drifted_message() {
    let text = "```yaml site.yaml\ntitle: x\n```\n\n```text error\nsite.yaml: error: no such message\n```\n";
    let all = blocks(text);
    assert_eq!(all[0].site_path(), Some("site.yaml"));
    assert_eq!(all[1].message_kind(), Some("error"));
    let dir = tempfile::tempdir().unwrap();
    write_site(
        dir.path(),
        &BTreeMap::from([("site.yaml".to_string(), all[0].text.clone())]),
    );
    let run = run_in(dir.path(), "docs/en/x.md", "build");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let drifted = std::panic::catch_unwind(|| assert_quoted("x", &all[1], &run));
    assert!(
        drifted.is_err(),
        "a message kronika does not print is caught"
    );
}

/// The convention for what one file cannot show: an `example` file joins the example
/// instead of the page's site, a fence in a list item is read without its indentation,
/// and a ```` ```sh run ```` block's output is what its quote is checked against, with
/// the kronika under test first on the `PATH`.
#[test]
fn the_convention_reads_examples_of_several_files_and_commands() {
    let text = "- In a list:\n\n  ```yaml site.yaml\n  title: x\n  ```\n\n  \
                ```markdown content/a.md example\n  a\n  ```\n\n  ```sh run\n  \
                echo \"uses $(command -v kronika)\"\n  kronika --version\n  ```\n\n  \
                ```text warning\n  kronika 0\n  ```\n";
    let site = site_of_text("docs/en/x.md", text);
    assert_eq!(
        site.good,
        BTreeMap::from([("site.yaml".to_string(), "title: x\n".to_string())])
    );
    let [example] = &site.examples[..] else {
        panic!("one example")
    };
    assert_eq!(example.files.len(), 1);
    assert_eq!(example.files[0].site_path(), Some("content/a.md"));
    let script = example.script.as_ref().expect("the commands");
    let dir = tempfile::tempdir().unwrap();
    let run = run_script(dir.path(), "docs/en/x.md", script);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bin = env!("CARGO_BIN_EXE_kronika");
    assert!(
        run.stdout.contains(&format!("uses {bin}\n")),
        "{}",
        run.stdout
    );
    let version = format!("kronika {}\n", env!("CARGO_PKG_VERSION"));
    assert!(run.stdout.contains(&version), "{}", run.stdout);
    let drifted = std::panic::catch_unwind(|| assert_quoted("x", &example.message, &run));
    assert!(
        drifted.is_err(),
        "a line the commands do not print is caught"
    );
}

/// A message line (`path:line:col: error: …`, `warning: …`) shown in any block of a guide
/// page that is not a tested quote is in a tested quote of the same page: no message of
/// the guide can drift from what kronika prints.
#[test]
fn every_message_the_guide_shows_is_tested() {
    let is_message = |l: &str| {
        ["error: ", "warning: "]
            .iter()
            .any(|kind| l.starts_with(kind) || l.contains(&format!(": {kind}")))
    };
    let mut untested = Vec::new();
    for file in all_guide_files() {
        let all = blocks(&read(&file));
        let quoted: BTreeSet<&str> = all
            .iter()
            .filter(|b| b.message_kind().is_some())
            .flat_map(|b| b.text.lines().map(str::trim_end))
            .collect();
        for block in all.iter().filter(|b| b.message_kind().is_none()) {
            for line in block.text.lines().map(str::trim_end) {
                if is_message(line) && !quoted.contains(line) {
                    untested.push(format!("{file}:{}: {line}", block.line));
                }
            }
        }
    }
    assert!(
        untested.is_empty(),
        "messages shown outside a tested quote (```text error after the file or commands \
         that give them):\n{}",
        untested.join("\n")
    );
}

/// GitHub's id of a heading: lowercase, letters, digits, `-` and `_` kept, spaces made
/// hyphens, the rest dropped.
fn heading_id(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' | '-' => Some('-'),
            c if c.is_alphanumeric() || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The lines of a Markdown file outside fenced blocks.
fn prose(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push(line.to_string());
        }
    }
    out
}

/// The headings of a file (level, text), outside fenced blocks.
fn headings(text: &str) -> Vec<(usize, String)> {
    prose(text)
        .iter()
        .filter_map(|l| {
            let level = l.chars().take_while(|&c| c == '#').count();
            let rest = l.get(level..)?.strip_prefix(' ')?;
            (level > 0).then(|| (level, rest.to_string()))
        })
        .collect()
}

/// The ids of a file's headings, with `-1`, `-2` for repeats, as GitHub makes them.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeSet::new();
    for (_, heading) in headings(text) {
        let id = heading_id(&heading);
        let n = seen.entry(id.clone()).or_default();
        out.insert(if *n == 0 {
            id.clone()
        } else {
            format!("{id}-{n}")
        });
        *n += 1;
    }
    out
}

/// The targets of the Markdown links of a file's prose (inline code left out).
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in prose(text) {
        let outside_code: String = line
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 0)
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join(" ");
        for part in outside_code.split("](").skip(1) {
            if let Some(end) = part.find(')') {
                out.push(part[..end].to_string());
            }
        }
    }
    out
}

#[test]
fn every_relative_link_of_the_guide_resolves_to_a_file_and_a_heading() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in all_guide_files() {
        let text = read(&file);
        let dir = Path::new(&file).parent().unwrap().to_path_buf();
        for target in links(&text) {
            if target.contains("://") || target.starts_with("mailto:") || target.starts_with("@/") {
                continue;
            }
            checked += 1;
            let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let resolved: PathBuf = if path.is_empty() {
                PathBuf::from(&file)
            } else {
                dir.join(path)
            };
            let Some(rel) = common::normalise(&resolved) else {
                broken.push(format!("{file}: {target} leaves the repository"));
                continue;
            };
            let full = Path::new(ROOT).join(&rel);
            if !full.exists() {
                broken.push(format!("{file}: {target}: no file {rel}"));
                continue;
            }
            if !anchor.is_empty() {
                let ids = anchors(&fs::read_to_string(&full).unwrap_or_default());
                if !ids.contains(anchor) {
                    broken.push(format!("{file}: {target}: no heading #{anchor} in {rel}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked >= 100, "{checked} links checked");
}

#[test]
fn the_polish_and_english_guides_have_the_same_pages_and_sections() {
    let (pl, en) = (pages("docs/pl"), pages("docs/en"));
    assert_eq!(pl, en, "docs/pl and docs/en hold the same file names");
    for name in &en {
        let count = |lang: &str| {
            headings(&read(&format!("docs/{lang}/{name}")))
                .iter()
                .filter(|(level, _)| *level == 2)
                .count()
        };
        assert_eq!(
            count("pl"),
            count("en"),
            "{name}: as many sections (##) in Polish as in English"
        );
    }
    assert!(en.len() >= 12, "an index and one page per task: {en:?}");
}

/// Every guide page is linked from its index, so none is lost.
#[test]
fn every_page_is_linked_from_its_index() {
    for dir in ["docs/en", "docs/pl", "docs/maintainer", "docs/dev"] {
        let index = links(&read(&format!("{dir}/README.md")));
        for name in pages(dir).into_iter().filter(|n| n != "README.md") {
            assert!(
                index
                    .iter()
                    .any(|l| l.split('#').next() == Some(name.as_str())),
                "{dir}/README.md links {name}"
            );
        }
    }
    let front = links(&read("README.md"));
    for index in ["docs/en/README.md", "docs/pl/README.md"] {
        assert!(front.iter().any(|l| l == index), "README.md links {index}");
    }
}

/// `kronika --help` and every command's help end with where the guide is, in the user's
/// language, and the file it names exists; `--version` prints the version.
#[test]
fn every_help_points_to_the_guide() {
    let commands: [&[&str]; 9] = [
        &[],
        &["build"],
        &["serve"],
        &["check"],
        &["new"],
        &["new", "news"],
        &["new", "project"],
        &["init"],
        &["completions"],
    ];
    for (locale, guide) in [
        ("C", "docs/en/README.md"),
        ("pl_PL.UTF-8", "docs/pl/README.md"),
    ] {
        assert!(Path::new(ROOT).join(guide).is_file(), "{guide} exists");
        for command in commands {
            let mut args = command.to_vec();
            args.push("--help");
            let run = kronika_in_locale(&[("LANG", locale)], &args);
            assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
            let last = run.stdout.trim_end().lines().last().unwrap_or_default();
            assert!(
                last.contains(guide),
                "kronika {args:?} in {locale} ends with the guide: {last:?}"
            );
        }
    }
    let run = kronika_in_locale(&[("LANG", "C")], &["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("kronika {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// The command line reference names every command and every flag that `--help` lists.
#[test]
fn the_command_line_reference_names_every_flag() {
    let reference = read("docs/maintainer/cli.md");
    let commands: [&[&str]; 7] = [
        &["build"],
        &["serve"],
        &["check"],
        &["new", "news"],
        &["new", "project"],
        &["init"],
        &["completions"],
    ];
    for command in commands {
        let name = format!("kronika {}", command.join(" "));
        assert!(reference.contains(&name), "cli.md names `{name}`");
        let mut args = command.to_vec();
        args.push("--help");
        let run = kronika_in_locale(&[("LANG", "C")], &args);
        let flags: BTreeSet<&str> = run
            .stdout
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.starts_with("--") && w.len() > 2 && *w != "--help")
            .collect();
        assert!(!flags.is_empty() || command == ["completions"]);
        for flag in flags {
            assert!(
                reference.contains(&format!("`{flag}")) || reference.contains(&format!("[{flag}")),
                "docs/maintainer/cli.md describes {name} {flag}"
            );
        }
    }
}

/// The front door keeps the two commands, the test command exactly as CI runs it.
#[test]
fn the_front_door_gives_the_two_commands_ci_runs() {
    let ci = read(".ci/run");
    let test = ci
        .lines()
        .find(|l| l.starts_with("cargo test"))
        .expect(".ci/run runs cargo test");
    let readme = read("README.md");
    assert!(readme.contains(test), "README.md gives `{test}`");
    assert!(readme.contains("cargo run --release --locked -- build"));
    assert!(
        readme.lines().count() < 200,
        "README.md is a front door, a page or two"
    );
}

/// The size of a PNG from its header, or `None` if the bytes are not a PNG.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(..24)?;
    if &header[..8] != b"\x89PNG\r\n\x1a\n" || &header[12..16] != b"IHDR" {
        return None;
    }
    let int = |b: &[u8]| u32::from_be_bytes(b.try_into().unwrap());
    Some((int(&header[16..20]), int(&header[20..24])))
}

const SCREENSHOT: &str = "docs/img/demo-pl.png";
const SCREENSHOT_SIZE: (u32, u32) = (1024, 720);

/// The screenshot of README.md is the demo site's Polish home page, taken again here by
/// headless Chromium from an `--offline` build: a PNG of the size README shows, under
/// 200 KB in the repository. `KRONIKA_UPDATE_SCREENSHOT=1` writes the new one over it.
/// Skipped without Chromium, unless `KRONIKA_REQUIRE_TOOLS=1`.
#[test]
fn the_screenshot_is_the_demo_site() {
    let committed = fs::read(Path::new(ROOT).join(SCREENSHOT)).expect("the screenshot");
    assert_eq!(png_size(&committed), Some(SCREENSHOT_SIZE), "{SCREENSHOT}");
    assert!(committed.len() < 200_000, "{SCREENSHOT} is under 200 KB");
    assert!(read("README.md").contains(SCREENSHOT));

    const CHROMIUM: &str = "/usr/bin/chromium";
    if !Path::new(CHROMIUM).exists() {
        let required = std::env::var("KRONIKA_REQUIRE_TOOLS").as_deref() == Ok("1");
        assert!(!required, "Chromium is required: apt-get install chromium");
        eprintln!("skipped: the screenshot needs Chromium (apt-get install chromium)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let run = kronika_in_locale(
        &[("LANG", "C")],
        &[
            "build",
            "--root",
            ROOT,
            "--output",
            site.to_str().unwrap(),
            "--offline",
            "--quiet",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shot = out.path().join("demo-pl.png");
    let profile = tempfile::tempdir().unwrap();
    let chromium = std::process::Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!(
            "--window-size={},{}",
            SCREENSHOT_SIZE.0, SCREENSHOT_SIZE.1
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}/index.html", site.display()))
        .output()
        .expect("Chromium runs");
    let bytes = fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}): {}",
            String::from_utf8_lossy(&chromium.stderr)
        )
    });
    assert_eq!(png_size(&bytes), Some(SCREENSHOT_SIZE));
    assert!(bytes.len() < 200_000, "the new screenshot is under 200 KB");
    if std::env::var("KRONIKA_UPDATE_SCREENSHOT").as_deref() == Ok("1") {
        fs::write(Path::new(ROOT).join(SCREENSHOT), &bytes).unwrap();
    }
}

/// The themes reference names every built-in template, so that none is left undocumented.
#[test]
fn the_themes_reference_names_every_built_in_template() {
    let reference = read("docs/maintainer/themes.md");
    let dir = Path::new(ROOT).join("themes/bip/templates");
    let mut names = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            reference.contains(&format!("`{name}`")),
            "docs/maintainer/themes.md names the template {name}"
        );
        names += 1;
    }
    assert!(names >= 20, "{names} templates");
}

/// Every key of the `site.yaml` that `kronika init` writes is in the reference's
/// `site.yaml` (which `every_site_file_of_the_maintainers_reference_builds` builds, so it
/// holds no key that does not exist).
#[test]
fn the_site_yaml_reference_holds_every_key_of_a_new_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let run = kronika_in_locale(&[("LANG", "C")], &["init", site.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reference = page_site("docs/maintainer/site.md").good["site.yaml"].clone();
    let keys = |text: &str| -> BTreeSet<String> {
        text.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .filter_map(|l| l.trim_start().split_once(':').map(|(k, _)| k.to_string()))
            .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    };
    let new = keys(&fs::read_to_string(site.join("site.yaml")).unwrap());
    let documented = keys(&reference);
    assert!(new.len() >= 20, "{new:?}");
    let missing: Vec<_> = new.difference(&documented).collect();
    assert!(missing.is_empty(), "site.md's site.yaml lacks {missing:?}");
}

/// A code host does not show a block's info string, so the line before each site file
/// names its path, in backticks, for the reader.
#[test]
fn every_site_file_shows_its_path_above_it() {
    let mut missing = Vec::new();
    for file in all_guide_files() {
        let text = read(&file);
        let lines: Vec<&str> = text.lines().collect();
        let sites: BTreeMap<usize, String> = blocks(&text)
            .iter()
            .filter_map(|b| Some((b.line, b.site_path()?.to_string())))
            .collect();
        for (line, path) in sites {
            let before = lines[..line - 1]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty());
            if !before.is_some_and(|l| l.contains(&format!("`{path}`"))) {
                missing.push(format!("{file}:{line}: `{path}`"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "site files without their path on the line above:\n{}",
        missing.join("\n")
    );
}

/// Every page of the guide that kronika's own messages name (`i18n/<lang>/cli.ftl`)
/// exists, so a message never sends a user to a page that moved.
#[test]
fn every_guide_page_named_by_a_message_exists() {
    let mut named = 0;
    for lang in ["en", "pl"] {
        let messages = read(&format!("i18n/{lang}/cli.ftl"));
        for (i, _) in messages.match_indices("docs/") {
            let path: String = messages[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "/._-".contains(*c))
                .collect();
            let path = path.trim_end_matches('.');
            assert!(
                Path::new(ROOT).join(path).is_file(),
                "i18n/{lang}/cli.ftl names {path}, which does not exist"
            );
            named += 1;
        }
    }
    assert!(named >= 6, "{named} pages named");
}
