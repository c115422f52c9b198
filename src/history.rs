//! The change register of every content file, read from git once per build (docs/maintainer/content.md,
//! "Change register"): one `git log` process for the whole site, parsed here into a map
//! from source path to its changes, renames followed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use crate::source::nfc;
use crate::types::Date;

/// The folder whose files' history is kept: every entry's source is under it.
const CONTENT: &str = "content";

/// One change of a source file: a commit that touched it, or an entry of its front
/// matter's `changes:` list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Change {
    /// The author date of the commit (when the change was made, also after a rebase or
    /// a cherry-pick), or the date the front matter gives.
    pub date: Date,
    /// The commit's author, or the front matter's `by`.
    pub by: Arc<str>,
    /// The commit's subject line, or the front matter's `what`.
    pub what: Arc<str>,
    /// The commit's full id; `None` for an entry of `changes:`.
    pub commit: Option<Arc<str>>,
}

/// Where the site folder stands with respect to git, and what its history says.
#[derive(Debug, Default)]
pub struct History {
    /// What `git rev-parse` said: `None` when the site folder is not in a git working
    /// tree (or git is not installed).
    pub repo: Option<Repo>,
    /// Each content file's changes, oldest first, by its current path relative to the
    /// site root, NFC-normalised (README: file names are compared after NFC).
    files: HashMap<String, Vec<Change>>,
    /// Why `git log` failed, when it did: the register then comes from front matter.
    pub failed: Option<String>,
}

/// The repository the site folder is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repo {
    /// The commit checked out (`None` before the first commit).
    pub head: Option<String>,
    /// A shallow clone: the history is cut short and the registers would be incomplete.
    pub shallow: bool,
}

impl History {
    /// The changes of the file at `source` (relative to the site root), oldest first.
    pub fn of(&self, source: &str) -> &[Change] {
        self.files
            .get(nfc(source).as_ref())
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the site folder is in a git repository with at least one commit: its
    /// history, not the front matter, is then the register of every committed file.
    pub fn in_git(&self) -> bool {
        self.repo.as_ref().is_some_and(|r| r.head.is_some())
    }
}

/// A `git` command run in `root`, with no pager, the user's quoting of names turned off
/// and its messages in English (parsed, never shown as they are).
fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C")
        .arg(root)
        // A user's `log.showSignature` would put gpg's lines into the log parsed here.
        .args([
            "-c",
            "core.quotePath=false",
            "-c",
            "log.showSignature=false",
            "--no-pager",
        ])
        .env("LC_ALL", "C")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    c
}

/// Where `root` stands: in a repository (which commit, shallow or not) or not.
pub fn repo(root: &Path) -> Option<Repo> {
    let out = git(root)
        .args([
            "rev-parse",
            "--is-shallow-repository",
            "--verify",
            "-q",
            "HEAD",
        ])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    // Outside a repository the first line is missing; before the first commit, HEAD is.
    let shallow = match lines.next()? {
        "true" => true,
        "false" => false,
        _ => return None,
    };
    let head = lines
        .next()
        .filter(|h| out.status.success() && !h.is_empty())
        .map(str::to_string);
    Some(Repo { head, shallow })
}

/// Reads the history of `root`'s content folder — one `git rev-parse` and, unless
/// `previous` was read at the same commit, one `git log` — reusing `previous` when the
/// repository still stands there (`kronika serve`: the register changes only with a
/// commit, a checkout or a fetch into a shallow clone).
pub fn read_again(
    root: &Path,
    previous: Option<std::sync::Arc<History>>,
) -> std::sync::Arc<History> {
    let repo = repo(root);
    match previous {
        Some(p) if p.repo == repo && p.failed.is_none() => p,
        _ => std::sync::Arc::new(read_in(root, repo)),
    }
}

fn read_in(root: &Path, repo: Option<Repo>) -> History {
    let mut history = History {
        repo,
        ..History::default()
    };
    if !history.in_git() {
        return history;
    }
    let out = git(root)
        .args([
            // Git keeps up to 96 MiB of unpacked trees by default, and the pages it touches
            // to fill that cost more than unpacking again: on 10 000 items in one folder (a
            // tree of about 1 MB per commit) 16 MiB took 0.22 s of CPU instead of 0.26 s and
            // 36 MB instead of 118 MB (docs/dev/performance.md, "Change register").
            "-c",
            "core.deltaBaseCacheLimit=16m",
            "log",
            "--no-merges",
            "-M",
            "-z",
            "--name-status",
            "--relative",
            "--no-color",
            "--format=%x01%H%x00%as%x00%an%x00%s",
            // No pathspec: limiting the log to `content/` makes git compare every commit's
            // tree with its parent's twice (once to choose the commits, once to list their
            // files), which doubled its time on 10 000 items (docs/dev/performance.md, "Performance"); the
            // files outside `content/` are dropped while parsing.
        ])
        .stderr(Stdio::piped())
        .output();
    match out {
        Ok(out) if out.status.success() => history.files = parse_log(&out.stdout),
        Ok(out) => {
            history.failed = Some(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Err(e) => history.failed = Some(e.to_string()),
    }
    history
}

/// Whether `path` (relative to the site root) is under the content folder.
fn in_content(path: &str) -> bool {
    path.strip_prefix(CONTENT)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// What a path stands for in older commits, going back in time.
enum Alias {
    /// The file now at this path (after later renames).
    Now(String),
    /// A file that no longer exists: its older changes belong to no current file.
    Gone,
}

/// Parses `git log -z --name-status` output in the format [`read_in`] asks for, newest
/// commit first, into each current file's changes, oldest first.
///
/// Renames are followed backwards: after (that is, before in time) a rename `a → b`,
/// changes to `a` belong to the file now at `b`'s current path. A file added at a path
/// cuts that path's older history off (a file deleted there earlier was another file).
///
/// A commit's author and message are shared by the changes of all its files, and a name
/// is copied only when it is kept (docs/dev/performance.md, "Change register").
fn parse_log(out: &[u8]) -> HashMap<String, Vec<Change>> {
    let mut files: HashMap<String, Vec<Change>> = HashMap::new();
    let mut alias: HashMap<String, Alias> = HashMap::new();
    let mut tokens = out.split(|b| *b == 0).map(String::from_utf8_lossy);
    let mut current: Option<Change> = None;
    while let Some(token) = tokens.next() {
        let token = token.trim_start_matches('\n');
        if let Some(sha) = token.strip_prefix('\u{1}') {
            let date = tokens.next().unwrap_or_default();
            let by = tokens.next().unwrap_or_default();
            let what = tokens.next().unwrap_or_default();
            current = date.parse::<jiff::civil::Date>().ok().map(|d| Change {
                date: Date(d),
                by: Arc::from(by.as_ref()),
                what: Arc::from(what.as_ref()),
                commit: Some(Arc::from(sha)),
            });
            continue;
        }
        if token.is_empty() {
            continue;
        }
        let status = token.as_bytes()[0];
        let Some(path) = tokens.next() else { break };
        let (from, to) = if matches!(status, b'R' | b'C') {
            let Some(to) = tokens.next() else { break };
            (Some(path), to)
        } else {
            (None, path)
        };
        let to = nfc(&to);
        let owner: Option<Cow<str>> = match alias.get(to.as_ref()) {
            Some(Alias::Now(p)) => Some(Cow::Owned(p.clone())),
            Some(Alias::Gone) => None,
            None => Some(Cow::Borrowed(to.as_ref())),
        };
        if let Some(change) = &current
            && let Some(owner) = owner.as_deref().filter(|o| in_content(o))
        {
            match files.get_mut(owner) {
                Some(changes) => changes.push(change.clone()),
                None => {
                    files.insert(owner.to_string(), vec![change.clone()]);
                }
            }
        }
        match (status, from) {
            (b'R', Some(from)) => {
                let owner = owner.map(Cow::into_owned);
                alias.insert(to.into_owned(), Alias::Gone);
                alias.insert(
                    nfc(&from).into_owned(),
                    owner.map_or(Alias::Gone, Alias::Now),
                );
            }
            (b'A' | b'C', _) => {
                alias.insert(to.into_owned(), Alias::Gone);
            }
            _ => {}
        }
    }
    for changes in files.values_mut() {
        changes.reverse();
    }
    files
}

/// The address of the version of the source that `commit` made, under the site's
/// `repository:` (docs/maintainer/content.md, "Change register"): `{commit}` in it is replaced by the
/// commit's id; otherwise `/-/commit/<id>` is appended for a GitLab host and
/// `/commit/<id>` for any other (GitHub, Gitea, Forgejo, Bitbucket's `/commits/` aside).
pub fn commit_url(repository: &str, commit: &str) -> String {
    if repository.contains("{commit}") {
        return repository.replace("{commit}", commit);
    }
    let base = repository.trim_end_matches('/');
    let host = base
        .split_once("://")
        .map_or(base, |(_, rest)| rest)
        .split('/')
        .next()
        .unwrap_or("");
    if host.split('.').any(|part| part == "gitlab") {
        format!("{base}/-/commit/{commit}")
    } else {
        format!("{base}/commit/{commit}")
    }
}

/// What `kronika serve` watches to see a commit, a checkout or a pull: the repository's
/// git folder (its `HEAD` and `packed-refs`, not recursively) and its branches
/// (`refs/heads/`, recursively), each with whether to watch it recursively. Empty
/// outside a repository.
pub fn refs_to_watch(root: &Path) -> Vec<(std::path::PathBuf, bool)> {
    let Ok(out) = git(root)
        .args(["rev-parse", "--absolute-git-dir", "--git-common-dir"])
        .stderr(Stdio::null())
        .output()
    else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let (Some(git_dir), Some(common), true) = (lines.next(), lines.next(), out.status.success())
    else {
        return Vec::new();
    };
    let git_dir = std::path::PathBuf::from(git_dir);
    // `--git-common-dir` may be relative to `root`.
    let common = root.join(common);
    let common = std::fs::canonicalize(&common).unwrap_or(common);
    let mut paths = vec![(git_dir.clone(), false)];
    if common != git_dir {
        paths.push((common.clone(), false));
    }
    paths.push((common.join("refs").join("heads"), true));
    paths
}

/// A content file with changes that are not committed (docs/maintainer/content.md, "Change register"): they
/// are not in its register until they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Uncommitted {
    /// Relative to the site root, `/`-separated, NFC-normalised.
    pub path: String,
    /// Never committed at all (git does not track it yet).
    pub untracked: bool,
}

/// The content files of the site at `root` that have uncommitted changes (staged or not)
/// or are not tracked, sorted by path; empty when the site is not in a git repository.
/// For `kronika check`'s warning.
pub fn uncommitted(root: &Path) -> Vec<Uncommitted> {
    let Ok(prefix) = git(root)
        .args(["rev-parse", "--show-prefix"])
        .stderr(Stdio::null())
        .output()
    else {
        return Vec::new();
    };
    if !prefix.status.success() {
        return Vec::new();
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout)
        .trim_end_matches('\n')
        .to_string();
    let Ok(out) = git(root)
        .args([
            "status",
            "--porcelain=v1",
            "-z",
            "--untracked-files=all",
            "--no-renames",
            "--",
            CONTENT,
        ])
        .stderr(Stdio::null())
        .output()
    else {
        return Vec::new();
    };
    let mut list: Vec<Uncommitted> = out
        .stdout
        .split(|b| *b == 0)
        .filter(|t| t.len() > 3)
        .filter_map(|t| {
            let line = String::from_utf8_lossy(t);
            // Porcelain paths are relative to the top of the repository.
            let path = nfc(line[3..].strip_prefix(prefix.as_str())?).into_owned();
            Some(Uncommitted {
                path,
                untracked: line.starts_with("??"),
            })
        })
        .collect();
    list.sort_by(|a, b| a.path.cmp(&b.path));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(commits: &[(&str, &str, &[&[&str]])]) -> Vec<u8> {
        let mut out = Vec::new();
        for (sha, date, files) in commits {
            out.extend_from_slice(format!("\u{1}{sha}\0{date}\0A\0msg {sha}\0").as_bytes());
            for (i, f) in files.iter().enumerate() {
                if i == 0 {
                    out.push(b'\n');
                }
                for part in f.iter() {
                    out.extend_from_slice(part.as_bytes());
                    out.push(0);
                }
            }
        }
        out
    }

    fn shas(files: &HashMap<String, Vec<Change>>, path: &str) -> Vec<String> {
        files[path]
            .iter()
            .map(|c| c.commit.as_deref().unwrap().to_string())
            .collect()
    }

    #[test]
    fn renames_are_followed_and_a_new_file_cuts_older_history() {
        let out = log(&[
            ("e", "2020-01-05", &[&["M", "content/news/x/index.pl.md"]]),
            ("d", "2020-01-04", &[&["A", "content/news/x.pl.md"]]),
            (
                "c",
                "2020-01-03",
                &[&["R100", "content/news/x.pl.md", "content/news/x/index.pl.md"]],
            ),
            ("b", "2020-01-02", &[&["M", "content/news/x.pl.md"]]),
            (
                "a",
                "2020-01-01",
                &[
                    &["A", "content/news/x.pl.md"],
                    &["A", "content/news/y.en.md"],
                ],
            ),
        ]);
        let files = parse_log(&out);
        assert_eq!(
            shas(&files, "content/news/x/index.pl.md"),
            ["a", "b", "c", "e"]
        );
        assert_eq!(shas(&files, "content/news/x.pl.md"), ["d"]);
        assert_eq!(shas(&files, "content/news/y.en.md"), ["a"]);
    }

    #[test]
    fn names_are_compared_after_nfc() {
        let nfd = "content/pages/o\u{301}.pl.md";
        let files = parse_log(&log(&[("a", "2020-01-01", &[&["A", nfd]])]));
        let history = History {
            files,
            ..History::default()
        };
        assert_eq!(history.of("content/pages/\u{f3}.pl.md").len(), 1);
        assert_eq!(history.of(nfd).len(), 1);
    }

    #[test]
    fn commit_urls_follow_the_host() {
        let sha = "abc";
        assert_eq!(
            commit_url("https://github.com/o/r/", sha),
            "https://github.com/o/r/commit/abc"
        );
        assert_eq!(
            commit_url("https://gitlab.com/o/r", sha),
            "https://gitlab.com/o/r/-/commit/abc"
        );
        assert_eq!(
            commit_url("https://git.example.org/o/r/-/commit/{commit}", sha),
            "https://git.example.org/o/r/-/commit/abc"
        );
    }
}
