//! Watching the site's sources: `site.yaml`, `content/`, `themes/`, `i18n/` and `static/`
//! (and nothing else, so the output folder or `.git` never trigger a build), with the
//! events of one save or one `git checkout` gathered into one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::RecommendedWatcher;
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

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
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: mpsc::Receiver<DebounceEventResult>,
    /// The source folders watched (recursively) so far.
    watched: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching the site at `root`. Started before the first build, so that no
    /// change made while it runs is missed.
    pub(super) fn start(root: &Path, report: &dyn Fn(Event)) -> Result<Watcher, Failure> {
        let (tx, events) = mpsc::channel();
        let mut debouncer = new_debouncer(QUIET, None, tx).map_err(|e| cannot_watch(root, &e))?;
        // The site folder itself, not its subfolders: `site.yaml`, and a source folder
        // created or removed while serving.
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|e| cannot_watch(root, &e))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
            events,
            watched: Vec::new(),
        };
        watcher.watch_folders(report);
        Ok(watcher)
    }

    /// Watches each source folder that exists and is not watched yet.
    fn watch_folders(&mut self, report: &dyn Fn(Event)) {
        self.watched.retain(|f| f.is_dir());
        for name in FOLDERS {
            let folder = self.root.join(name);
            if folder.is_dir() && !self.watched.contains(&folder) {
                match self.debouncer.watch(&folder, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(folder),
                    Err(e) => report(Event::WatchFailed(format!("{}: {e}", folder.display()))),
                }
            }
        }
    }

    /// Calls `rebuild` after every burst of changes to the sources, for as long as the
    /// watcher runs.
    pub(super) fn run(mut self, report: &dyn Fn(Event), mut rebuild: impl FnMut()) {
        while let Ok(events) = self.events.recv() {
            let events = match events {
                Ok(events) => events,
                Err(errors) => {
                    for e in errors {
                        report(Event::WatchFailed(e.to_string()));
                    }
                    continue;
                }
            };
            // Reading a file is an event too, and so is the access time it updates (the
            // build's own reads among them): only what changes a file's content or a
            // folder counts.
            let relevant = events
                .iter()
                .filter(|e| {
                    !matches!(
                        e.event.kind,
                        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
                    )
                })
                .flat_map(|e| e.event.paths.iter())
                .any(|p| is_source(&self.root, p));
            if relevant {
                self.watch_folders(report);
                rebuild();
            }
        }
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
