//! Watching the site's sources: `site.yaml`, `content/`, `themes/`, `i18n/` and `static/`
//! (and nothing else, so the output folder or `.git` never trigger a build), with the
//! events of one save or one `git checkout` gathered into one rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::new_debouncer;

use super::Event;
use crate::diagnostics::Failure;
use crate::msg;

/// The folders of a site that its build reads.
const FOLDERS: [&str; 4] = ["content", "themes", "i18n", "static"];

/// How long the watcher waits for a burst of events to end: an editor's save (write a
/// temporary file, rename it over the old one) or a checkout of many files.
const QUIET: Duration = Duration::from_millis(100);

/// Calls `rebuild` after every burst of changes to the sources of the site at `root`.
/// Returns only when the watcher cannot start.
pub(super) fn watch(
    root: &Path,
    report: &dyn Fn(Event),
    mut rebuild: impl FnMut(),
) -> Result<(), Failure> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(QUIET, None, tx).map_err(|e| cannot_watch(root, &e))?;
    // The site folder itself, not its subfolders: `site.yaml`, and a source folder
    // created or removed while serving.
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| cannot_watch(root, &e))?;
    let mut watched: Vec<PathBuf> = Vec::new();
    let mut watch_folders = |debouncer: &mut notify_debouncer_full::Debouncer<_, _>| {
        for name in FOLDERS {
            let folder = root.join(name);
            if folder.is_dir() && !watched.contains(&folder) {
                match debouncer.watch(&folder, RecursiveMode::Recursive) {
                    Ok(()) => watched.push(folder),
                    Err(e) => report(Event::WatchFailed(format!("{}: {e}", folder.display()))),
                }
            }
        }
        watched.retain(|f| f.is_dir());
    };
    watch_folders(&mut debouncer);
    for events in rx {
        let events = match events {
            Ok(events) => events,
            Err(errors) => {
                for e in errors {
                    report(Event::WatchFailed(e.to_string()));
                }
                continue;
            }
        };
        // Reading a file is an event too, and so is the access time it updates (the build's
        // own reads among them): only what changes a file's content or a folder counts.
        let relevant = events
            .iter()
            .filter(|e| {
                !matches!(
                    e.event.kind,
                    EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
                )
            })
            .flat_map(|e| e.event.paths.iter())
            .any(|p| is_source(root, p));
        if relevant {
            watch_folders(&mut debouncer);
            rebuild();
        }
    }
    Ok(())
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
