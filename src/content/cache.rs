//! What one load of a site keeps for the next (`kronika serve`, through `Session`): each
//! Markdown file as read and parsed, by its path, size and modification time, and each
//! entry's rendered body with the `@/` link targets it was rendered with. A file that did
//! not change is not read or parsed again; a body whose text did not change and whose
//! links still lead where they led is not rendered again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::body::Body;
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
}

/// A Markdown file as read and parsed.
pub(super) struct CachedFile {
    pub(super) stamp: Stamp,
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
    /// Forgets the files at `paths`, whatever their size and time say: the caller saw them
    /// change, and two saves within the file system's time resolution look alike.
    pub fn changed<'p>(&mut self, paths: impl IntoIterator<Item = &'p Path>) {
        for path in paths {
            self.files.remove(path);
        }
    }

    /// The text and parse of the file at `path`, if it is as it was when read.
    pub(super) fn file(
        &self,
        path: &Path,
        stamp: Option<Stamp>,
    ) -> Option<(Arc<str>, Arc<Document>)> {
        let cached = self.files.get(path)?;
        (Some(cached.stamp) == stamp).then(|| (Arc::clone(&cached.text), Arc::clone(&cached.doc)))
    }
}

/// The size and modification time of the file at `path`, if it has them.
pub(super) fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}
