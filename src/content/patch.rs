//! An edit of entries patched into the loaded model instead of loading the site again
//! (`kronika serve`, through `Session`): when every file reported changed is a known
//! Markdown file whose identity did not change — the same date, slug, language, tags,
//! projects, archived and draft flags, aliases and attachments, so the same pages, lists
//! and links — only the edited entries (and the translations that inherit from an edited
//! original) are resolved and rendered again and replace their old versions. Anything
//! else is left to a full load, which `patch` says by returning `None`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cache::{Cache, CachedFile};
use super::discover::MarkdownFile;
use super::front_matter::{self, FrontMatter};
use super::model::{Entry, EntryId, Kind, Site};
use super::resolve::{Original, resolve_entry};
use super::{Kept, LoadOptions, Parsed, register, render_entry};
use crate::diagnostics::Diagnostic;

/// What a patch changed in the model.
pub struct Patch {
    /// The entries replaced.
    pub entries: Vec<EntryId>,
    /// Whether the statistics read something that changed: the title of an item that
    /// lacks a language, which they list.
    pub statistics: bool,
    /// The warnings of the entries replaced (they had no errors).
    pub warnings: Vec<Diagnostic>,
}

/// Patches `site`, the model of the last load with `cache`, for the files reported changed
/// since; `None` (and `site` as it was) when the edit needs a full load.
pub fn patch(site: &mut Site, root: &Path, cache: &mut Cache, opts: &LoadOptions) -> Option<Patch> {
    let found = cache.found()?;
    let default = site.config.default_language;
    // The files edited, each known from the last discovery: a reported path that is not
    // one is a temporary file that came and went (else the list would not hold).
    let mut edited: Vec<(PathBuf, CachedFile)> = Vec::new();
    let mut edited_files: Vec<&MarkdownFile> = Vec::new();
    for (path, before) in &cache.replaced {
        // Compared as bytes: a path compared by its components costs more, 16 000 times.
        let file = found
            .markdown
            .iter()
            .find(|f| f.path.as_os_str() == path.as_os_str())?;
        let stamp = super::cache::stamp(path)?;
        let text: Arc<str> = crate::source::read_text(path, &file.shown).ok()?.into();
        let doc = front_matter::parse(&text, &file.shown).ok()?;
        if !same_identity(&before.doc.front, &doc.front) {
            return None;
        }
        let read = CachedFile {
            stamp,
            linked: false,
            text,
            doc: Arc::new(doc),
        };
        edited.push((path.clone(), read));
        edited_files.push(file);
    }
    if edited.is_empty() {
        return None;
    }
    let read: HashMap<&PathBuf, &CachedFile> = edited.iter().map(|(p, c)| (p, c)).collect();
    let text_of = |file: &MarkdownFile| -> Option<CachedFile> {
        match read.get(&file.path) {
            Some(c) => Some((*c).clone()),
            None => cache.files.get(&file.path).cloned(),
        }
    };
    let file_of = |id: &EntryId| found.markdown.iter().find(|f| f.shown == id.as_str());

    // The entries to resolve again: each edited one, and the versions that inherit from
    // an edited original.
    let mut ids: Vec<EntryId> = Vec::new();
    for file in &edited_files {
        let id = EntryId::new(&file.shown);
        let old = site.entries.get(&id)?;
        if file.lang == default {
            ids.extend(old.translations.iter().map(|(_, t)| t.clone()));
        }
        ids.push(id);
    }
    ids.sort();
    ids.dedup();

    let config = &site.config;
    let history = cache.history.clone()?;
    let git = super::register::usable(&history, &mut Vec::new());
    let targets = cache.targets.as_ref()?;
    let mut diags = Vec::new();
    let mut spellings = HashMap::new();
    let mut patched: Vec<(Entry, Kept)> = Vec::new();
    let mut statistics = false;
    for id in &ids {
        let old = site.entries.get(id)?;
        // A body that shows a photo is not kept (`render_entry`): its copies are planned
        // outputs, which a patch does not change.
        if !cache.bodies.contains_key(id) {
            return None;
        }
        let file = file_of(id)?;
        let own = text_of(file)?;
        let original_id = if old.lang == default {
            Some(id)
        } else {
            old.translation(default)
        };
        let original = match original_id {
            Some(o) => Some(text_of(file_of(o)?)?),
            None => None,
        };
        let parsed = Parsed {
            file: file.clone(),
            text: Arc::clone(&own.text),
            doc: Arc::clone(&own.doc),
        };
        let original = match &original {
            Some(o) => Original::Read(&o.doc.front),
            None => Original::None,
        };
        let before = diags.len();
        let mut pending = resolve_entry(
            parsed,
            old.kind,
            original,
            config,
            &site.urls,
            &site.projects,
            &[],
            opts,
            &mut spellings,
            &mut diags,
        )?;
        if pending.excluded.is_some() {
            return None;
        }
        pending.entry.changes = register::register(&pending, git, &mut diags);
        let (page_path, owner) = match original_id {
            Some(o) => {
                let o = site.entries.get(o)?;
                (o.path.clone(), o.id.clone())
            }
            None => (old.path.clone(), old.id.clone()),
        };
        let photos = crate::photos::Resolver {
            root,
            shown_dir: id
                .as_str()
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string()),
            dir: pending.dir.clone(),
            page_path,
            owner,
            settings: &config.images,
            outputs: Default::default(),
        };
        let raw_html = config.markdown.raw_html;
        let (mut entry, errors, kept) = render_entry(
            pending,
            targets,
            &site.urls,
            raw_html,
            &photos,
            Some(&cache.bodies),
            true,
        );
        diags.extend(errors);
        if !photos.outputs.into_inner().is_empty() || matches!(kept, Kept::Gone) {
            return None;
        }
        if diags[before..].iter().any(Diagnostic::is_error) {
            return None;
        }
        // What linking translations gives it (`assemble`): its versions, and the
        // original's attachments when it lists none. Its id is the old one's: the plan
        // and the lists hold that one, which compares by pointer.
        entry.id = old.id.clone();
        entry.translations = old.translations.clone();
        if entry.inherits_attachments {
            entry.attachments = old.attachments.clone();
        }
        if !same_place(old, &entry) {
            return None;
        }
        let languages = config.languages.len();
        statistics |= entry.kind == Kind::News
            && entry.title != old.title
            && entry.translations.len() + 1 < languages;
        patched.push((entry, kept));
    }

    // Nothing can fail now: the model, the body cache and the file cache take the edit.
    for (path, read) in edited {
        cache.files.insert(path, read);
    }
    cache.replaced.clear();
    let mut entries = Vec::with_capacity(patched.len());
    for (entry, kept) in patched {
        if let Kept::New(body) = kept {
            cache.bodies.insert(entry.id.clone(), body);
        }
        entries.push(entry.id.clone());
        site.entries.insert(entry.id.clone(), entry);
    }
    Some(Patch {
        entries,
        statistics,
        warnings: diags,
    })
}

/// Whether two versions of one file's front matter give an entry the same identity: the
/// same pages, in the same lists, with the same links and files. The title, summary,
/// producers, publisher and `changes:` may differ: they are shown, not placed.
fn same_identity(a: &FrontMatter, b: &FrontMatter) -> bool {
    fn values<T: PartialEq + Clone>(
        list: &Option<Vec<serde_saphyr::Spanned<T>>>,
    ) -> Option<Vec<T>> {
        list.as_ref()
            .map(|l| l.iter().map(|s| s.value.clone()).collect())
    }
    let attachments = |f: &FrontMatter| {
        f.attachments.as_ref().map(|l| {
            l.iter()
                .map(|a| (a.file.value.clone(), a.title.clone(), a.lang))
                .collect::<Vec<_>>()
        })
    };
    a.date == b.date
        && a.archived == b.archived
        && a.draft == b.draft
        && a.slug.as_ref().map(|s| &s.value) == b.slug.as_ref().map(|s| &s.value)
        && values(&a.projects) == values(&b.projects)
        && values(&a.tags) == values(&b.tags)
        && values(&a.aliases) == values(&b.aliases)
        && attachments(a) == attachments(b)
}

/// Whether the entry resolved again has the place of the old one in the model: what the
/// plan, the lists and the link table were made from.
fn same_place(old: &Entry, new: &Entry) -> bool {
    fn place(
        e: &Entry,
    ) -> (
        impl PartialEq + '_,
        impl PartialEq + '_,
        impl PartialEq + '_,
    ) {
        (
            (e.kind, &e.name, e.lang, &e.id, &e.slug, &e.path, e.date),
            (&e.projects, &e.tags, e.archived, e.draft, &e.aliases),
            (&e.attachments, &e.translations),
        )
    }
    place(old) == place(new)
}

/// The warnings of a build after a patch: those of the last one, with each replaced
/// entry's own replaced by `new`.
pub fn patched_warnings(
    last: &[Diagnostic],
    entries: &[EntryId],
    new: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let replaced: HashSet<&str> = entries.iter().map(EntryId::as_str).collect();
    let kept = last
        .iter()
        .filter(|d| !replaced.contains(d.path.as_str()))
        .cloned();
    crate::diagnostics::sorted(kept.chain(new).collect())
}
