//! Loads `content/` into the [`Site`] model: discover, parse in parallel, resolve each
//! version against its original, render bodies, link translations and build the indices.
//! Every problem is collected; none stops the others.

pub mod body;
mod cache;
pub mod discover;
pub mod front_matter;
mod links;
pub mod markdown;
mod misnamed;
pub mod model;
pub mod order;
mod patch;
pub mod project;
mod register;
mod resolve;
pub mod sanitize;
mod static_files;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{Config, RawHtml};
use crate::diagnostics::Diagnostic;
use crate::i18n::I18n;
use crate::msg;
use crate::photos::Variant;
use crate::types::{Date, Lang, Slug};
use crate::urls::Urls;
use discover::MarkdownFile;
use front_matter::Document;
use links::Targets;
use markdown::Unresolved;
use model::{Entry, EntryId, Kind, LangIndex, Site, StaticSource, Tag};
use project::Project;
use resolve::{Original, Pending, check_unique_paths, resolve_entry, warn_unknown_project_keys};

pub use cache::Cache;
pub use patch::{Patch, patch, patched_warnings};
pub use resolve::{MAX_TAG_CHARS, MAX_TITLE_CHARS, at_alias};

/// What the build asked of loading.
pub struct LoadOptions {
    /// Include drafts and embargoed (future-dated) items.
    pub drafts: bool,
    pub today: Date,
}

/// A Markdown file read and parsed, not yet merged with its translations.
struct Parsed {
    file: MarkdownFile,
    text: Arc<str>,
    doc: Arc<Document>,
}

/// Loads the site. Returns the model, or `None` when there were errors (all in `diags`).
pub fn load(
    root: &Path,
    config: Config,
    i18n: I18n,
    opts: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<Site> {
    load_cached(root, config, i18n, opts, diags, None)
}

/// [`load`], reusing what `cache` kept of the previous load of the same site and keeping
/// what this one read for the next.
pub fn load_cached(
    root: &Path,
    config: Config,
    i18n: I18n,
    opts: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
    mut cache: Option<&mut Cache>,
) -> Option<Site> {
    // The history is read by one `git` process while the files are read and parsed.
    let history = {
        let root = root.to_path_buf();
        let previous = cache.as_deref().and_then(|c| c.history.clone());
        std::thread::spawn(move || crate::history::read_again(&root, previous))
    };
    let mut phases = crate::timings::Phases::start();
    // This load reads every file reported changed: a patch compares with it next.
    if let Some(cache) = cache.as_deref_mut() {
        cache.replaced.clear();
        cache.project_changed = false;
    }
    let kept_list = cache.as_deref().and_then(Cache::discovered);
    // The files are those of the last load: the cache of files needs only the new reads.
    let same_files = kept_list.is_some();
    let found = match kept_list {
        Some((found, warnings)) => {
            diags.extend(warnings);
            found
        }
        None => {
            let mut found_diags = Vec::new();
            let found = discover::discover(root, &config, &mut found_diags);
            if let Some(cache) = cache.as_deref_mut() {
                cache.keep_discovered(&found, &found_diags);
            }
            diags.extend(found_diags);
            found
        }
    };
    phases.lap("discover");

    let previous = cache.as_deref();
    // Whether every file is read through a link: `content` is one (the walk follows no
    // link below it).
    let all_linked = previous.is_some()
        && std::fs::symlink_metadata(root.join("content")).is_ok_and(|m| m.is_symlink());
    // The stamp of a file read now (and whether through a link), for the cache.
    type Read = (
        Option<(cache::Stamp, bool)>,
        Result<Parsed, (Kind, String, Lang, String, Diagnostic)>,
    );
    let read: Vec<Read> = found
        .markdown
        .into_par_iter()
        .map(|file| {
            if let Some(c) = previous.and_then(|c| c.file(&file.path)) {
                let (text, doc) = (Arc::clone(&c.text), Arc::clone(&c.doc));
                let stamp = (!same_files).then_some((c.stamp, c.linked));
                return (stamp, Ok(Parsed { file, text, doc }));
            }
            // Taken before the text is read: a file changed in between is read again
            // next time.
            let stamp = previous.and_then(|_| cache::stamp(&file.path));
            let linked = previous.is_some_and(|c| !c.stamps_needed())
                && (all_linked
                    || std::fs::symlink_metadata(&file.path).is_ok_and(|m| m.is_symlink()));
            let stamp = stamp.map(|s| (s, linked));
            let read = crate::source::read_text(&file.path, &file.shown)
                .and_then(|text| front_matter::parse(&text, &file.shown).map(|doc| (text, doc)));
            let parsed = match read {
                Ok((text, doc)) => Ok(Parsed {
                    file,
                    text: text.into(),
                    doc: Arc::new(doc),
                }),
                Err(d) => Err((file.kind, file.name, file.lang, file.key, d)),
            };
            (stamp, parsed)
        })
        .collect();
    let mut parsed = Vec::with_capacity(read.len());
    let mut files = match cache.as_deref_mut() {
        Some(cache) if same_files => std::mem::take(&mut cache.files),
        _ => HashMap::new(),
    };
    for (stamp, p) in read {
        if let (Some((stamp, linked)), Ok(p)) = (stamp, &p) {
            let cached = cache::CachedFile {
                stamp,
                linked,
                text: Arc::clone(&p.text),
                doc: Arc::clone(&p.doc),
            };
            files.insert(p.file.path.clone(), cached);
        }
        parsed.push(p);
    }
    if let Some(cache) = cache.as_deref_mut() {
        cache.files = files;
    }
    phases.lap("stat, read and parse");
    let found_project_stems: Vec<String> = found.projects.iter().map(|p| p.stem.clone()).collect();
    let projects: Vec<Result<Project, Vec<Diagnostic>>> = found
        .projects
        .into_par_iter()
        .map(|p| load_project(&p, &config, root))
        .collect();

    let mut docs = Vec::new();
    // Originals that could not be read: their translations cannot inherit from them.
    let mut unreadable: HashSet<(Kind, String)> = HashSet::new();
    // Files with errors of their own: a link to one is not another error (docs/maintainer/cli.md, "Errors
    // and warnings").
    let mut broken_files: Vec<String> = Vec::new();
    for r in parsed {
        match r {
            Ok(p) => docs.push(p),
            Err((kind, name, lang, key, d)) => {
                broken_files.push(key);
                if lang == config.default_language {
                    unreadable.insert((kind, name));
                }
                diags.push(d);
            }
        }
    }
    let projects: BTreeMap<Slug, Project> = projects
        .into_iter()
        .filter_map(|r| r.map_err(|d| diags.extend(d)).ok())
        .map(|p| (p.id.clone(), p))
        .collect();
    // Ids of project files that failed to load: references to them are not errors of their own.
    let broken_projects: Vec<String> = found_project_stems
        .iter()
        .filter(|stem| !projects.contains_key(stem.as_str()))
        .cloned()
        .collect();
    for p in projects.values() {
        warn_unknown_project_keys(p, diags);
    }

    let urls: BTreeMap<Lang, Urls> = config
        .languages
        .iter()
        .map(|&l| (l, Urls::new(l, config.default_language, &i18n)))
        .collect();

    // Link translations: group by (kind, name) and merge each version with the original.
    let mut groups: BTreeMap<(Kind, String), Vec<Parsed>> = BTreeMap::new();
    for p in docs {
        groups
            .entry((p.file.kind, p.file.name.clone()))
            .or_default()
            .push(p);
    }
    let originals = misnamed::Originals::new(&groups, config.default_language);
    let mut tag_spellings: HashMap<Slug, BTreeMap<String, usize>> = HashMap::new();
    let mut pending: Vec<Pending> = Vec::new();
    for ((kind, name), mut versions) in groups {
        versions.sort_by_key(|p| lang_rank(&config, p.file.lang));
        let original_doc = versions
            .iter()
            .find(|p| p.file.lang == config.default_language)
            .map(|p| Arc::clone(&p.doc));
        let original = match &original_doc {
            Some(doc) => Original::Read(&doc.front),
            None if unreadable.contains(&(kind, name)) => Original::Unreadable,
            None => Original::None,
        };
        for p in versions {
            let key = p.file.key.clone();
            if matches!(original, Original::None)
                && let Some(d) = originals.misnamed(&p, config.default_language)
            {
                diags.push(d);
                broken_files.push(key);
                continue;
            }
            if let Some(entry) = resolve_entry(
                p,
                kind,
                original,
                &config,
                &urls,
                &projects,
                &broken_projects,
                opts,
                &mut tag_spellings,
                diags,
            ) {
                pending.push(entry);
            } else {
                broken_files.push(key);
            }
        }
    }

    check_unique_paths(&pending, diags);
    phases.lap("projects and resolve");

    let history = history
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    {
        let git = register::usable(&history, diags);
        for p in &mut pending {
            p.entry.changes = register::register(p, git, diags);
        }
    }
    if let Some(cache) = cache.as_deref_mut() {
        cache.history = Some(history);
    }

    phases.lap("history and registers");
    let tags = resolve::name_tags(tag_spellings);

    // Sort: newest first, then by name, then by language order.
    pending.sort_by(|a, b| {
        (
            a.entry.kind,
            std::cmp::Reverse(a.entry.date),
            &a.entry.name,
            lang_rank(&config, a.entry.lang),
        )
            .cmp(&(
                b.entry.kind,
                std::cmp::Reverse(b.entry.date),
                &b.entry.name,
                lang_rank(&config, b.entry.lang),
            ))
    });

    // Where every `@/` link may point; drafts and embargoed items are known but unpublished.
    let (kept, left_out): (Vec<Pending>, Vec<Pending>) =
        pending.into_iter().partition(|p| p.excluded.is_none());
    // A project file with errors is still a link target: its own error is enough.
    let project_slugs = projects
        .keys()
        .cloned()
        .chain(broken_projects.iter().filter_map(|s| Slug::parse(s)));
    let targets = Targets::new(&kept, &left_out, project_slugs, broken_files);

    // A translation's photos are published once, beside the original's page.
    let photo_pages: HashMap<(Kind, String), (String, EntryId)> = kept
        .iter()
        .filter(|p| p.entry.lang == config.default_language)
        .map(|p| {
            let e = &p.entry;
            ((e.kind, e.name.clone()), (e.path.clone(), e.id.clone()))
        })
        .collect();

    phases.lap("sort and link table");
    // Render Markdown in parallel; link errors and raw HTML warnings are collected per entry.
    let raw_html = config.markdown.raw_html;
    let keep = cache.is_some();
    let before = cache.as_deref().map(|c| &c.bodies);
    let rendered: Vec<RenderedEntry> = kept
        .into_par_iter()
        .map(|p| {
            let (page_path, owner) = photo_pages
                .get(&(p.entry.kind, p.entry.name.clone()))
                .cloned()
                .unwrap_or_else(|| (p.entry.path.clone(), p.entry.id.clone()));
            let photos = crate::photos::Resolver {
                root,
                shown_dir: p
                    .entry
                    .id
                    .as_str()
                    .rsplit_once('/')
                    .map_or(String::new(), |(d, _)| d.to_string()),
                dir: p.dir.clone(),
                page_path,
                owner,
                settings: &config.images,
                outputs: Default::default(),
            };
            let (entry, errs, body) =
                render_entry(p, &targets, &urls, raw_html, &photos, before, keep);
            (entry, errs, photos.outputs.into_inner(), body)
        })
        .collect();

    let mut entries = Vec::with_capacity(rendered.len());
    let mut photos: BTreeMap<String, Variant> = BTreeMap::new();
    // Updated in place: after one edit, one body of 10 000 is new.
    let mut bodies = cache
        .as_deref_mut()
        .map(|c| std::mem::take(&mut c.bodies))
        .unwrap_or_default();
    for (entry, errs, variants, body) in rendered {
        diags.extend(errs);
        match body {
            Kept::Same => {}
            Kept::New(body) => drop(bodies.insert(entry.id.clone(), body)),
            Kept::Gone => drop(bodies.remove(&entry.id)),
        }
        entries.push(entry);
        photos.extend(variants);
    }
    // Entries gone since (removed, or now with errors) are forgotten.
    if bodies.len() > entries.len() {
        let ids: HashSet<&EntryId> = entries.iter().map(|e| &e.id).collect();
        bodies.retain(|id, _| ids.contains(id));
    }
    if let Some(cache) = cache {
        cache.bodies = bodies;
        cache.targets = Some(targets);
    }
    phases.lap("bodies");
    let static_files = static_files::collect(root, &config, diags);
    phases.lap("static files");
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    let mut site = assemble(config, i18n, urls, entries, projects, tags, static_files);
    site.photos = photos;
    phases.lap("assemble");
    Some(site)
}

/// An entry with its body rendered, the problems found in it, the copies of the photos
/// it shows (output site path, copy), and what the load cache keeps of it.
type RenderedEntry = (Entry, Vec<Diagnostic>, Vec<(String, Variant)>, Kept);

/// What the load cache keeps of an entry's body after this load.
enum Kept {
    /// What it had: the body was taken from it.
    Same,
    /// The body as rendered now.
    New(cache::CachedBody),
    /// Nothing: a body that shows a photo, or no cache.
    Gone,
}

fn lang_rank(config: &Config, lang: Lang) -> usize {
    config
        .languages
        .iter()
        .position(|l| *l == lang)
        .unwrap_or(usize::MAX)
}

fn load_project(
    p: &discover::ProjectPath,
    config: &Config,
    root: &Path,
) -> Result<Project, Vec<Diagnostic>> {
    let id = Slug::parse(&p.stem).ok_or_else(|| {
        let suggestion =
            Slug::from_text(&p.stem).map_or_else(|| "project-name".to_string(), |s| s.to_string());
        vec![
            Diagnostic::error(&p.shown, msg!("project-bad-id", stem = &p.stem))
                .help(msg!("project-bad-id-help", suggestion = suggestion)),
        ]
    })?;
    let text = crate::source::read_text(&p.path, &p.shown).map_err(|d| vec![d])?;
    let project =
        Project::parse(id, &p.shown, &text, config.default_language).map_err(|d| vec![d])?;
    // The EU marking's logos are the site's files (docs/maintainer/pages.md, "BIP pages"): every one missing
    // is reported at once.
    if let Some(m) = &project.data.eu_marking {
        let errors = crate::bip::check_eu_marking(m, root, &config.theme, &p.shown, &text);
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    Ok(project)
}

/// Renders the body of `p`, or takes it from `before` (the previous load's) when its text
/// is the same and each of its `@/` links leads where it led. With `keep`, also returns
/// what the next load needs to do the same.
fn render_entry(
    p: Pending,
    targets: &Targets,
    urls: &BTreeMap<Lang, Urls>,
    raw_html: RawHtml,
    photos: &crate::photos::Resolver,
    before: Option<&HashMap<EntryId, cache::CachedBody>>,
    keep: bool,
) -> (Entry, Vec<Diagnostic>, Kept) {
    let Pending {
        mut entry,
        text,
        doc,
        ..
    } = p;
    let lang_urls = &urls[&entry.lang];
    let unchanged = before.and_then(|b| b.get(&entry.id)).filter(|c| {
        Arc::ptr_eq(&c.text, &text)
            && c.raw_html == raw_html
            && c.links
                .iter()
                .all(|(key, was)| targets.resolve(key, lang_urls) == *was)
    });
    let photographed = std::cell::Cell::new(false);
    let hit = unchanged.is_some();
    let (body, first_paragraph, errors, links) = match unchanged {
        // The cache keeps its own copy: its links are not needed again.
        Some(c) => (
            c.body.clone(),
            c.first_paragraph.clone(),
            c.errors.clone(),
            Vec::new(),
        ),
        None => {
            let mut errors = Vec::new();
            let links = std::cell::RefCell::new(Vec::new());
            let resolve = |key: &str| -> Result<String, Unresolved> {
                let to = targets.resolve(key, lang_urls);
                if keep {
                    links.borrow_mut().push((key.to_string(), to.clone()));
                }
                to
            };
            let src = markdown::Source {
                path: entry.id.as_str(),
                file: &text,
                body_line: doc.body_line,
            };
            let find = |src: &str| {
                photographed.set(true);
                photos.resolve(src)
            };
            let rendered = markdown::render_full(
                &doc.body,
                &src,
                &resolve,
                Some(&find),
                raw_html,
                &mut errors,
            );
            (
                rendered.body,
                rendered.first_paragraph,
                errors,
                links.into_inner(),
            )
        }
    };
    // A body that shows a photo is rendered every time: the photo may have changed
    // while the text did not.
    let kept = if hit {
        Kept::Same
    } else if keep && !photographed.get() {
        Kept::New(cache::CachedBody {
            text: Arc::clone(&text),
            raw_html,
            links,
            body: body.clone(),
            first_paragraph: first_paragraph.clone(),
            errors: errors.clone(),
        })
    } else {
        Kept::Gone
    };
    entry.body = body;
    if entry.summary.is_empty() {
        entry.summary = first_paragraph;
    }
    (entry, errors, kept)
}

/// Links translations, fills inherited attachments and builds the per-language indices.
/// `entries` come sorted as lists show them: news items newest first, then pages by name.
fn assemble(
    config: Config,
    i18n: I18n,
    urls: BTreeMap<Lang, Urls>,
    mut entries: Vec<Entry>,
    projects: BTreeMap<Slug, Project>,
    mut tags: BTreeMap<Slug, Tag>,
    mut static_files: BTreeMap<String, StaticSource>,
) -> Site {
    link_translations(&mut entries, config.default_language);
    let mut by_lang: BTreeMap<Lang, LangIndex> = config
        .languages
        .iter()
        .map(|&l| (l, LangIndex::default()))
        .collect();
    for e in &entries {
        let idx = by_lang
            .get_mut(&e.lang)
            .expect("entry languages are site languages");
        if e.kind == Kind::Page {
            idx.pages.push(e.id.clone());
            continue;
        }
        idx.all.push(e.id.clone());
        if !e.archived {
            idx.current.push(e.id.clone());
        }
        if let Some(d) = e.date {
            idx.years.entry(d.year()).or_default().push(e.id.clone());
        }
        for p in &e.projects {
            idx.by_project
                .entry(p.clone())
                .or_default()
                .push(e.id.clone());
        }
        for t in &e.tags {
            if let Some(tag) = tags.get_mut(t) {
                tag.items.entry(e.lang).or_default().push(e.id.clone());
            }
        }
    }
    for (slug, tag) in &tags {
        for lang in tag.items.keys() {
            if let Some(idx) = by_lang.get_mut(lang) {
                idx.tags.push(slug.clone());
            }
        }
    }

    order::alphabetical(&mut by_lang, &tags, &projects, &i18n, &config);
    for e in &entries {
        for a in &e.attachments {
            static_files.insert(a.path.clone(), StaticSource::File(a.source.clone()));
        }
    }
    Site {
        config,
        i18n: Arc::new(i18n),
        urls,
        entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
        projects,
        tags,
        by_lang,
        static_files: static_files.into_iter().collect(),
        photos: BTreeMap::new(),
    }
}

/// Fills `translations` of every entry and gives versions without their own attachments the
/// original's (the files are copied once, beside the original).
fn link_translations(list: &mut [Entry], default: Lang) {
    let ids: Vec<EntryId> = list.iter().map(|e| e.id.clone()).collect();
    let mut by_name: HashMap<(Kind, String), Vec<(Lang, usize)>> = HashMap::new();
    for (i, e) in list.iter().enumerate() {
        by_name
            .entry((e.kind, e.name.clone()))
            .or_default()
            .push((e.lang, i));
    }
    for versions in by_name.values() {
        let original = versions
            .iter()
            .find(|(l, _)| *l == default)
            .map(|(_, i)| *i);
        for &(lang, i) in versions {
            list[i].translations = versions
                .iter()
                .filter(|(l, _)| *l != lang)
                .map(|&(l, o)| (l, ids[o].clone()))
                .collect();
            if let Some(o) = original.filter(|o| *o != i)
                && list[i].inherits_attachments
            {
                list[i].attachments = list[o].attachments.clone();
            }
        }
    }
}
