//! What one load of a site keeps for the next (`kronika serve`, through `Session`): each
//! Markdown file as read and parsed, by its path, size and modification time, and each
//! entry's rendered body with the `@/` link targets it was rendered with. A file that did
//! not change is not read or parsed again; a body whose text did not change and whose
//! links still lead where they led is not rendered again.
//!
//! A watched cache ([`Cache::watched`]) is told of every change by its caller (a file
//! watcher) and believes it: a file not reported is not even looked at (a `stat` of
//! 20 000 files costs more than a whole one-item rebuild may), and the list of content
//! files is kept until a report names a path it did not list, or one it listed that is
//! gone.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::body::Body;
use super::discover::Found;
use super::front_matter::Document;
use super::markdown::Unresolved;
use super::model::EntryId;
use crate::config::RawHtml;
use crate::diagnostics::Diagnostic;

/// A file's size and modification time, as read before its text.
pub(super) type Stamp = (u64, SystemTime);

/// What a load keeps for the next load of the same site.
#[derive(Default)]
pub struct Cache {
    pub(super) files: HashMap<PathBuf, CachedFile>,
    pub(super) bodies: HashMap<EntryId, CachedBody>,
    /// The git history, read again only when the repository's commit changes.
    pub(super) history: Option<Arc<crate::history::History>>,
    /// Whether every change is reported through [`Cache::changed`].
    watched: bool,
    /// The content files as the last discovery found them, with its warnings: kept only
    /// when watched, and forgotten by a report of a path that can change the list.
    discovered: Option<Discovered>,
    /// The files reported changed since the last load, as that load read them: what a
    /// patch ([`super::patch`]) compares the new versions with.
    pub(super) replaced: HashMap<PathBuf, CachedFile>,
    /// Where every `@/` link led in the last load: a patch keeps every identity, so the
    /// table holds.
    pub(super) targets: Option<super::links::Targets>,
    /// Whether a project file was reported changed since the last load: not a patch's.
    pub(super) project_changed: bool,
}

/// The content files as found by one walk of `content/`.
struct Discovered {
    found: Found,
    diags: Vec<Diagnostic>,
    /// The paths of `found`, to judge a reported path by.
    known: HashSet<PathBuf>,
}

/// A Markdown file as read and parsed.
#[derive(Clone)]
pub(super) struct CachedFile {
    pub(super) stamp: Stamp,
    /// Read through a symbolic link: a watcher reports a change under the link's target,
    /// not under this path, so even a watched cache compares its stamp.
    pub(super) linked: bool,
    pub(super) text: Arc<str>,
    pub(super) doc: Arc<Document>,
}

/// An entry's body as rendered, and what rendering it depended on.
pub(super) struct CachedBody {
    /// The text it was rendered from: the same `Arc` as long as the file is unchanged.
    pub(super) text: Arc<str>,
    pub(super) raw_html: RawHtml,
    /// Each `@/` link's path, and what it resolved to.
    pub(super) links: Vec<(String, Result<String, Unresolved>)>,
    pub(super) body: Body,
    pub(super) first_paragraph: String,
    pub(super) errors: Vec<Diagnostic>,
}

impl Cache {
    /// A cache whose caller reports every change of the site's files through
    /// [`Cache::changed`] (a file watcher, started before the first load).
    pub fn watched() -> Cache {
        Cache {
            watched: true,
            ..Cache::default()
        }
    }

    /// Whether every change is reported through [`Cache::changed`].
    pub fn is_watched(&self) -> bool {
        self.watched
    }

    /// Forgets the files at `paths`, whatever their size and time say: the caller saw them
    /// change, and two saves within the file system's time resolution look alike. A path
    /// that may add or remove a content file forgets the list of them too.
    pub fn changed<'p>(&mut self, paths: impl IntoIterator<Item = &'p Path>) {
        for path in paths {
            if let Some(before) = self.files.remove(path) {
                self.replaced.entry(path.to_path_buf()).or_insert(before);
            }
            let projects = self.discovered.iter().flat_map(|d| &d.found.projects);
            if projects.into_iter().any(|p| p.path == path) {
                self.project_changed = true;
            }
            if self
                .discovered
                .as_ref()
                .is_some_and(|d| !d.holds_after(path))
            {
                self.discovered = None;
            }
        }
    }

    /// The text and parse of the file at `path`, with its stamp and whether it was read
    /// through a link, if it is as it was when read.
    pub(super) fn file(&self, path: &Path) -> Option<&CachedFile> {
        let cached = self.files.get(path)?;
        if self.watched && !cached.linked {
            return Some(cached);
        }
        (Some(cached.stamp) == stamp(path)).then_some(cached)
    }

    /// Whether a file not found here must be looked at: always, unless watched.
    pub(super) fn stamps_needed(&self) -> bool {
        !self.watched
    }

    /// The content files as the last discovery found them, with its warnings, if no
    /// change since can have altered the list.
    pub(super) fn discovered(&self) -> Option<(Found, Vec<Diagnostic>)> {
        let d = self.discovered.as_ref()?;
        Some((d.found.clone(), d.diags.clone()))
    }

    /// The content files of the last discovery, if no change since can have altered the
    /// list, no project file was reported changed, and none of them is read through a
    /// link (whose changes a watcher does not report).
    pub(super) fn found(&self) -> Option<&Found> {
        let d = self.discovered.as_ref()?;
        let entries_only = !self.project_changed && !self.files.values().any(|f| f.linked);
        (self.watched && entries_only).then_some(&d.found)
    }

    /// Keeps a discovery for the next load (when watched).
    pub(super) fn keep_discovered(&mut self, found: &Found, diags: &[Diagnostic]) {
        if !self.watched {
            return;
        }
        let markdown = found.markdown.iter().map(|f| f.path.clone());
        let projects = found.projects.iter().map(|p| p.path.clone());
        self.discovered = Some(Discovered {
            found: found.clone(),
            diags: diags.to_vec(),
            known: markdown.chain(projects).collect(),
        });
    }
}

impl Discovered {
    /// Whether the list still holds after a change reported at `path`: an edit of a file
    /// it lists (still a file), or a file that came and went (an editor's temporary
    /// file) where it lists nothing.
    fn holds_after(&self, path: &Path) -> bool {
        if self.known.contains(path) {
            return path.is_file();
        }
        // Gone and never listed; a folder renamed away is reported under its own name.
        std::fs::symlink_metadata(path).is_err() && !self.known.iter().any(|k| k.starts_with(path))
    }
}

/// The size and modification time of the file at `path`, if it has them.
pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
