//! Watching the site's sources: `site.yaml`, `content/`, `themes/`, `i18n/` and `static/`
//! (and nothing else, so the output folder or `.git` never trigger a build), with the
//! events of one save or one `git checkout` gathered into one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use super::Event;
use crate::diagnostics::Failure;
use crate::msg;

/// The folders of a site that its build reads.
const FOLDERS: [&str; 4] = ["content", "themes", "i18n", "static"];

/// How long the watcher waits for a burst of events to end: an editor's save (write a
/// temporary file, rename it over the old one) or a checkout of many files.
const QUIET: Duration = Duration::from_millis(100);

/// The watcher of one site's sources.
pub(super) struct Watcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    /// Paths that changed, as notify reports them (reads already left out).
    changes: mpsc::Receiver<notify::Result<Vec<PathBuf>>>,
    /// The source folders watched (recursively) so far.
    watched: Vec<PathBuf>,
    /// Where git records the commit checked out (`HEAD`, the branches): a commit, a
    /// checkout or a pull changes the change registers without changing a source
    /// (docs/maintainer/content.md, "Change register").
    git: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching the site at `root`. Started before the first build, so that no
    /// change made while it runs is missed.
    pub(super) fn start(root: &Path, report: &dyn Fn(Event)) -> Result<Watcher, Failure> {
        // notify names changed paths after the folders it watches: watch them by their
        // full path, so that `--root .` (the default) and `--root site` are matched too.
        let root =
            &std::fs::canonicalize(root).map_err(|e| cannot_watch(root, &notify::Error::io(e)))?;
        let (tx, changes) = mpsc::channel();
        // Runs on notify's thread for every event: a build reads every source, and each
        // read is an event (an open, an access time); they are dropped here, at once, so
        // that a build of 10 000 items does not queue 10 000 events.
        let handler = move |event: notify::Result<notify::Event>| {
            let paths = match event {
                Ok(e) if changes_content(&e.kind) => Ok(e.paths),
                Ok(_) => return,
                Err(e) => Err(e),
            };
            let _ = tx.send(paths);
        };
        let mut watcher =
            notify::recommended_watcher(handler).map_err(|e| cannot_watch(root, &e))?;
        // The site folder itself, not its subfolders: `site.yaml`, and a source folder
        // created or removed while serving.
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| cannot_watch(root, &e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            watcher,
            changes,
            watched: Vec::new(),
            git: Vec::new(),
        };
        for (path, mode) in crate::history::refs_to_watch(root) {
            if watcher.watcher.watch(&path, mode_of(mode)).is_ok() {
                watcher.git.push(path);
            }
        }
        watcher.watch_folders(report);
        Ok(watcher)
    }

    /// Watches each source folder that exists and is not watched yet.
    fn watch_folders(&mut self, report: &dyn Fn(Event)) {
        self.watched.retain(|f| f.is_dir());
        for name in FOLDERS {
            let folder = self.root.join(name);
            if folder.is_dir() && !self.watched.contains(&folder) {
                match self.watcher.watch(&folder, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(folder),
                    Err(e) => report(Event::WatchFailed(format!("{}: {e}", folder.display()))),
                }
            }
        }
    }

    /// Calls `rebuild` with the changed sources after every burst of changes (a burst
    /// ends when nothing changed for [`QUIET`]), for as long as the watcher runs.
    pub(super) fn run(mut self, report: &dyn Fn(Event), mut rebuild: impl FnMut(&[PathBuf])) {
        while let Ok(first) = self.changes.recv() {
            let mut changed: Vec<PathBuf> = Vec::new();
            let mut note = |change: notify::Result<Vec<PathBuf>>| match change {
                Ok(paths) => {
                    for p in paths {
                        let source = is_source(&self.root, &p) || is_git_ref(&self.git, &p);
                        if source && !changed.contains(&p) {
                            changed.push(p);
                        }
                    }
                }
                Err(e) => report(Event::WatchFailed(e.to_string())),
            };
            note(first);
            loop {
                match self.changes.recv_timeout(QUIET) {
                    Ok(change) => note(change),
                    Err(mpsc::RecvTimeoutError::Timeout) => break,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
            }
            if !changed.is_empty() {
                self.watch_folders(report);
                rebuild(&changed);
            }
        }
    }
}

/// Whether an event can mean new content: not a read, not a change of access time or
/// permissions.
fn changes_content(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(AccessKind::Open(_) | AccessKind::Read | AccessKind::Any)
            | EventKind::Access(AccessKind::Close(AccessMode::Read | AccessMode::Execute))
            | EventKind::Modify(ModifyKind::Metadata(_))
    )
}

/// Whether `path` is read by every page: `site.yaml`, a template or a UI string, rather
/// than one entry, project or static file.
pub(super) fn read_by_every_page(root: &Path, path: &Path) -> bool {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // A commit changes the registers of the files it touched, not every page.
    if path.components().any(|c| c.as_os_str() == ".git") {
        return false;
    }
    let Ok(rel) = path.strip_prefix(&root) else {
        return true;
    };
    let first = rel.components().next().and_then(|c| c.as_os_str().to_str());
    matches!(first, Some("site.yaml" | "themes" | "i18n"))
}

/// Whether `path` is where git records the commit checked out or a branch's commit
/// (not its index or objects, which change with every `git add`).
fn is_git_ref(git: &[PathBuf], path: &Path) -> bool {
    git.iter().any(|dir| match path.strip_prefix(dir) {
        Ok(rel) => {
            let first = rel.components().next().and_then(|c| c.as_os_str().to_str());
            matches!(first, Some("HEAD" | "packed-refs" | "heads")) || dir.ends_with("heads")
        }
        Err(_) => false,
    })
}

fn mode_of(recursive: bool) -> RecursiveMode {
    if recursive {
        RecursiveMode::Recursive
    } else {
        RecursiveMode::NonRecursive
    }
}

/// Whether a change at `path` can change the built site.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components();
    match parts.next().and_then(|c| c.as_os_str().to_str()) {
        Some("site.yaml") => parts.next().is_none(),
        Some(first) => FOLDERS.contains(&first),
        None => false,
    }
}

fn cannot_watch(root: &Path, e: &notify::Error) -> Failure {
    Failure::Io(msg!(
        "serve-cannot-watch",
        path = root.display().to_string(),
        error = e.to_string()
    ))
}
