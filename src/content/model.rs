//! The site as kronika understands it after loading: entries per language, projects, tags,
//! and the indices every page kind needs (built once, looked up in O(1) while rendering).

use std::collections::BTreeMap;
use std::path::PathBuf;

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
#[derive(Clone, Debug)]
pub struct Attachment {
    pub title: String,
    pub file_name: String,
    /// Where the file is on disk.
    pub source: PathBuf,
    /// Site path of the copy in the output.
    pub path: String,
    pub size: u64,
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

/// One language version of a news item or page, with inherited fields already filled in.
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: Kind,
    /// `<name>` of the file: what links translations together.
    pub name: String,
    pub lang: Lang,
    /// The source file, relative to the site root.
    pub source: String,
    pub title: String,
    pub slug: Slug,
    /// Site path of the entry's page.
    pub path: String,
    pub date: Option<Date>,
    pub produced: Option<Date>,
    pub produced_by: Option<String>,
    pub published_by: Option<String>,
    /// Indices into [`Site::projects`].
    pub projects: Vec<usize>,
    /// Indices into [`Site::tags`].
    pub tags: Vec<usize>,
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
    /// The other language versions: (language, index in the same list).
    pub translations: Vec<(Lang, usize)>,
}

impl Entry {
    pub fn translation(&self, lang: Lang) -> Option<usize> {
        self.translations
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, i)| *i)
    }
}

/// A tag: one per slug, shown in its most frequent spelling.
#[derive(Clone, Debug)]
pub struct Tag {
    pub slug: Slug,
    pub name: String,
    /// News items with the tag, per language, newest first (indices into [`Site::news`]).
    pub items: BTreeMap<Lang, Vec<usize>>,
}

/// Indices of news items per language.
#[derive(Clone, Debug, Default)]
pub struct LangIndex {
    /// Every item of the language, newest first.
    pub all: Vec<usize>,
    /// Current (not archived) items, newest first.
    pub current: Vec<usize>,
    /// Items by year of publication, newest first within a year.
    pub years: BTreeMap<i16, Vec<usize>>,
    /// Items by project (indices into [`Site::projects`]).
    pub by_project: BTreeMap<usize, Vec<usize>>,
    /// Tags used in this language (indices into [`Site::tags`]), by slug.
    pub tags: Vec<usize>,
    /// The same tags A–Z by name in this language's alphabet ([`super::order`]).
    pub tags_az: Vec<usize>,
    /// Every project (indices into [`Site::projects`]) A–Z by its title in this language.
    pub projects_az: Vec<usize>,
    /// Standalone pages of this language (indices into [`Site::pages`]).
    pub pages: Vec<usize>,
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
    pub i18n: I18n,
    pub urls: BTreeMap<Lang, Urls>,
    /// News items, all languages, newest first.
    pub news: Vec<Entry>,
    pub pages: Vec<Entry>,
    /// Projects sorted by id.
    pub projects: Vec<Project>,
    /// Tags sorted by slug.
    pub tags: Vec<Tag>,
    pub by_lang: BTreeMap<Lang, LangIndex>,
    /// Static files: (site path, source).
    pub static_files: Vec<(String, StaticSource)>,
}

impl Site {
    pub fn urls(&self, lang: Lang) -> &Urls {
        &self.urls[&lang]
    }

    pub fn lang_index(&self, lang: Lang) -> &LangIndex {
        &self.by_lang[&lang]
    }
}
