//! The site as kronika understands it after loading: entries per language, projects, tags,
//! and the indices every page kind needs (built once, looked up in O(1) while rendering).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::Config;
use crate::content::body::Body;
use crate::content::project::Project;
use crate::i18n::I18n;
use crate::types::{Date, Lang, Slug};
use crate::urls::Urls;

/// What an entry is: a dated news item or a standalone page.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Kind {
    News,
    Page,
}

/// A file attached to an entry, copied beside its page.
#[derive(Clone, Debug, Hash, PartialEq)]
pub struct Attachment {
    pub title: String,
    pub file_name: String,
    /// Where the file is on disk.
    pub source: PathBuf,
    /// Site path of the copy in the output.
    pub path: String,
    pub size: u64,
    /// The file's language (`lang:`), shown when it is not the page's.
    pub lang: Option<Lang>,
}

impl Attachment {
    /// Size in kilobytes, rounded up: a 10-byte file is "1 kB", never "0 kB".
    pub fn size_kb(&self) -> u64 {
        self.size.div_ceil(1024).max(1)
    }

    /// The file name's extension in capitals (`PDF`), or empty when it has none.
    pub fn extension(&self) -> String {
        self.file_name
            .rsplit_once('.')
            .map(|(_, x)| x.to_uppercase())
            .unwrap_or_default()
    }
}

/// What identifies an entry: its source file, relative to the site root
/// (`content/aktualnosci/2012-02-15-mops.pl.md`). It does not depend on any other entry, so
/// adding, removing or re-dating one item leaves every other identity (and every page that
/// refers to it) unchanged, build after build. Cloning it copies a pointer.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct EntryId(Arc<str>);

impl EntryId {
    /// The id of the entry read from `source` (relative to the site root, `/`-separated).
    pub fn new(source: &str) -> EntryId {
        EntryId(source.into())
    }

    /// The source file, relative to the site root: what diagnostics name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One language version of a news item or page, with inherited fields already filled in.
#[derive(Clone, Debug, Hash)]
pub struct Entry {
    pub kind: Kind,
    /// `<name>` of the file: what links translations together.
    pub name: String,
    pub lang: Lang,
    /// The entry's identity: its source file, relative to the site root.
    pub id: EntryId,
    pub title: String,
    pub slug: Slug,
    /// Site path of the entry's page.
    pub path: String,
    pub date: Option<Date>,
    pub produced: Option<Date>,
    pub produced_by: Option<String>,
    pub published_by: Option<String>,
    /// Ids of its projects ([`Site::projects`]), as the front matter lists them.
    pub projects: Vec<Slug>,
    /// Slugs of its tags ([`Site::tags`]), as the front matter lists them.
    pub tags: Vec<Slug>,
    pub archived: bool,
    pub draft: bool,
    pub summary: String,
    /// The rendered body; a page writes its `@/` links with [`Body::html`].
    pub body: Body,
    /// Site paths that redirect here.
    pub aliases: Vec<String>,
    pub attachments: Vec<Attachment>,
    /// Whether the version lists no attachments of its own and shows the original's.
    pub inherits_attachments: bool,
    /// The other language versions, in the site's language order.
    pub translations: Vec<(Lang, EntryId)>,
    /// The change register of this version's source file, oldest first (docs/maintainer/content.md, "Change
    /// register"); its last entry is the last change.
    pub changes: Vec<crate::history::Change>,
}

impl Entry {
    /// The version of this entry in `lang`, if it has one.
    pub fn translation(&self, lang: Lang) -> Option<&EntryId> {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, id)| id)
    }
}

/// A tag: one per slug, shown in its most frequent spelling.
#[derive(Clone, Debug)]
pub struct Tag {
    pub slug: Slug,
    pub name: String,
    /// News items with the tag, per language, newest first.
    pub items: BTreeMap<Lang, Vec<EntryId>>,
}

/// One language's lists, rebuilt from the entries at every load (a sort and a pass; the
/// entries own the data, the lists only name them).
#[derive(Clone, Debug, Default)]
pub struct LangIndex {
    /// Every news item of the language, newest first.
    pub all: Vec<EntryId>,
    /// Current (not archived) items, newest first.
    pub current: Vec<EntryId>,
    /// Items by year of publication, newest first within a year.
    pub years: BTreeMap<i16, Vec<EntryId>>,
    /// Items by project id, newest first.
    pub by_project: BTreeMap<Slug, Vec<EntryId>>,
    /// Slugs of the tags used in this language, in slug order.
    pub tags: Vec<Slug>,
    /// The same tags A–Z by name in this language's alphabet ([`super::order`]).
    pub tags_az: Vec<Slug>,
    /// Every project id, A–Z by the project's title in this language.
    pub projects_az: Vec<Slug>,
    /// Standalone pages of this language, in name order.
    pub pages: Vec<EntryId>,
}

/// A file copied into the output as it is (theme static files, `static/`, attachments).
#[derive(Clone, Debug)]
pub enum StaticSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

/// The whole loaded site.
pub struct Site {
    pub config: Config,
    /// Shared with the template functions, which outlive one load in `serve` (`Session`).
    pub i18n: Arc<I18n>,
    pub urls: BTreeMap<Lang, Urls>,
    /// News items and standalone pages of every language, by id. The order lists show them
    /// in is in [`Site::by_lang`].
    pub entries: BTreeMap<EntryId, Entry>,
    /// Projects by id.
    pub projects: BTreeMap<Slug, Project>,
    /// Tags by slug.
    pub tags: BTreeMap<Slug, Tag>,
    pub by_lang: BTreeMap<Lang, LangIndex>,
    /// Static files: (site path, source).
    pub static_files: Vec<(String, StaticSource)>,
    /// Copies of the photos bodies show, by site path (docs/maintainer/content.md, "Photos").
    pub photos: BTreeMap<String, crate::photos::Variant>,
}

impl Site {
    pub fn urls(&self, lang: Lang) -> &Urls {
        &self.urls[&lang]
    }

    pub fn lang_index(&self, lang: Lang) -> &LangIndex {
        &self.by_lang[&lang]
    }

    /// The entry with id `id`. Ids come from the model itself (its lists, a page's kind), so
    /// every one names an entry.
    pub fn entry(&self, id: &EntryId) -> &Entry {
        &self.entries[id]
    }

    /// The project with id `id`, one of [`Site::projects`]' keys.
    pub fn project(&self, id: &Slug) -> &Project {
        &self.projects[id]
    }

    /// The tag with slug `slug`, one of [`Site::tags`]' keys.
    pub fn tag(&self, slug: &Slug) -> &Tag {
        &self.tags[slug]
    }

    /// Every news item, of every language.
    pub fn news(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values().filter(|e| e.kind == Kind::News)
    }
}
