//! Resolution of front matter: each language version merged with the original it inherits
//! from, and its fields (title, date, projects, tags, slug, aliases, attachments) validated.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use super::body::Body;
use super::front_matter::{self, FrontMatter, span_of, value_span};
use super::markdown::Unpublished;
use super::model::{Attachment, Entry, EntryId, Kind, Tag};
use super::project::{FUNDING_SOURCES, Project};
use super::{LoadOptions, Parsed};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::types::{Lang, Slug};
use crate::urls::Urls;
use crate::yaml;

/// The longest title, in characters. A title is repeated on every list, archive and tag
/// page that shows its item, so one absurd title multiplies into the output (a 1 MB title
/// with 1 000 tags wrote almost 1 GB). Titles of real BIP items are under 300 characters;
/// 1 000 leaves room for the longest official names of documents.
pub const MAX_TITLE_CHARS: usize = 1000;

/// The longest tag, in characters: a tag names its page's folder (file systems allow 255
/// bytes) and is repeated on each of its items' pages.
pub const MAX_TAG_CHARS: usize = 100;

/// Tags: one per slug, named by the most frequent spelling (ties: the first in order),
/// sorted by slug.
pub(super) fn name_tags(spellings: HashMap<Slug, BTreeMap<String, usize>>) -> BTreeMap<Slug, Tag> {
    spellings
        .into_iter()
        .map(|(slug, spellings)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_else(|| slug.to_string());
            let tag = Tag {
                slug: slug.clone(),
                name,
                items: BTreeMap::new(),
            };
            (slug, tag)
        })
        .collect()
}

/// The default-language original a translation inherits from.
#[derive(Clone, Copy)]
pub(super) enum Original<'a> {
    Read(&'a FrontMatter),
    /// It exists but has errors of its own (already reported).
    Unreadable,
    /// There is none: the version stands alone.
    None,
}

/// An entry whose fields are resolved but whose body is not rendered yet.
pub(super) struct Pending {
    pub(super) entry: Entry,
    pub(super) key: String,
    /// The file's text and its parts, shared with the load cache ([`super::Cache`]).
    pub(super) text: Arc<str>,
    pub(super) doc: Arc<front_matter::Document>,
    pub(super) excluded: Option<Unpublished>,
    /// The folder of the entry's file, where its photos are.
    pub(super) dir: PathBuf,
}

pub(super) fn warn_unknown_project_keys(p: &Project, diags: &mut Vec<Diagnostic>) {
    for f in &p.data.funding {
        if !FUNDING_SOURCES.contains(&f.source.as_str()) {
            diags.push(
                Diagnostic::warning(
                    &p.source,
                    msg!("project-unknown-funding-source", source = &f.source),
                )
                .help(msg!(
                    "project-unknown-funding-source-help",
                    known = FUNDING_SOURCES.join(", ")
                )),
            );
        }
    }
}

/// Merges one language version with the default-language original and validates it.
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve_entry(
    p: Parsed,
    kind: Kind,
    original: Original,
    config: &Config,
    urls: &BTreeMap<Lang, Urls>,
    projects: &BTreeMap<Slug, Project>,
    broken_projects: &[String],
    opts: &LoadOptions,
    tag_spellings: &mut HashMap<Slug, BTreeMap<String, usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Pending> {
    let Parsed {
        file,
        text: source,
        doc,
    } = p;
    let text: &str = &source;
    let own = &doc.front;
    let shown = file.shown.as_str();
    let errors_before = diags.len();

    let title = match &own.title {
        Some(t) if t.chars().count() > MAX_TITLE_CHARS => {
            let title_span = yaml::key_span(text, "title");
            diags.push(
                Diagnostic::error(
                    shown,
                    msg!(
                        "title-too-long",
                        length = t.chars().count(),
                        max = MAX_TITLE_CHARS
                    ),
                )
                .at(title_span, text)
                .help(msg!("title-too-long-help")),
            );
            String::new()
        }
        Some(t) if !t.trim().is_empty() => t.clone(),
        _ => {
            diags.push(
                Diagnostic::error(shown, msg!("yaml-missing-key", key = "title"))
                    .at(Span::new(1, 1, 3), text)
                    .help(msg!("item-title-help")),
            );
            String::new()
        }
    };
    let merged = match original {
        Original::Read(o) => own.inherit_from(o),
        _ => own.clone(),
    };
    let date = merged.date;
    // Without a readable original the missing date is a consequence of its error, not news.
    if kind == Kind::News && date.is_none() && !matches!(original, Original::Unreadable) {
        diags.push(
            Diagnostic::error(shown, msg!("yaml-missing-key", key = "date"))
                .at(Span::new(1, 1, 3), text)
                .help(msg!("item-date-help")),
        );
    }
    if kind == Kind::Page {
        for (key, present) in [
            ("projects", own.projects.is_some()),
            ("archived", own.archived.is_some()),
        ] {
            if present {
                diags.push(
                    Diagnostic::error(shown, msg!("page-key-not-used", key = key))
                        .at(yaml::key_span(text, key), text)
                        .help(msg!("page-key-not-used-help")),
                );
            }
        }
    }
    let archived = merged.archived.unwrap_or(false);
    let draft = merged.draft.unwrap_or(false);

    // Projects.
    let mut project_ids: Vec<Slug> = Vec::new();
    let projects_are_own = own.projects.is_some();
    for id in merged.projects.iter().flatten() {
        match projects.get_key_value(id.value.as_str()) {
            Some((i, _)) if !project_ids.contains(i) => project_ids.push(i.clone()),
            Some(_) => {} // listed twice: once is enough
            // An inherited reference is reported once, on the original that wrote it.
            None if !projects_are_own || broken_projects.contains(&id.value) => {}
            None => {
                let known: Vec<String> = projects.keys().map(Slug::to_string).collect();
                let mut d = Diagnostic::error(shown, msg!("project-unknown", id = &id.value))
                    .at(value_span(id, text), text);
                if let Some(n) = yaml::nearest(&id.value, &known) {
                    d = d.label(msg!("did-you-mean-label", suggestion = n));
                }
                d = d.help(if known.is_empty() {
                    msg!("project-none-help")
                } else {
                    msg!("project-known-help", known = known.join(", "))
                });
                diags.push(d);
            }
        }
    }

    // Tags.
    let mut tag_slugs = Vec::new();
    let tags_are_own = own.tags.is_some();
    for tag in merged.tags.iter().flatten() {
        let length = tag.value.chars().count();
        if length > MAX_TAG_CHARS {
            if tags_are_own {
                let span = span_of(tag, 1);
                diags.push(
                    Diagnostic::error(
                        shown,
                        msg!("tag-too-long", length = length, max = MAX_TAG_CHARS),
                    )
                    .at(span, text)
                    .help(msg!("tag-too-long-help")),
                );
            }
            continue;
        }
        match Slug::from_text(&tag.value) {
            Some(slug) => {
                if !tag_slugs.contains(&slug) {
                    tag_slugs.push(slug);
                }
            }
            None if !tags_are_own => {}
            None => diags.push(
                Diagnostic::error(shown, msg!("tag-no-slug", tag = &tag.value))
                    .at(value_span(tag, text), text)
                    .help(msg!("tag-no-slug-help")),
            ),
        }
    }

    // Slug and path.
    let slug = match &own.slug {
        Some(s) => Slug::parse(&s.value).or_else(|| {
            diags.push(
                Diagnostic::error(shown, msg!("slug-invalid", slug = &s.value))
                    .at(value_span(s, text), text)
                    .help(msg!(
                        "slug-invalid-help",
                        suggestion = Slug::from_text(&s.value)
                            .map_or_else(|| "mops-wyrozniony".to_string(), |s| s.to_string())
                    )),
            );
            None
        }),
        None => Slug::from_text(&file.name).or_else(|| {
            diags.push(
                Diagnostic::error(shown, msg!("name-gives-no-url", name = &file.name))
                    .help(msg!("name-gives-no-url-help")),
            );
            None
        }),
    };
    let lang_urls = &urls[&file.lang];
    let path = slug.as_ref().map(|s| match kind {
        Kind::News => lang_urls.news_item(s),
        Kind::Page => lang_urls.page(s),
    });
    if let (Kind::Page, Some(s)) = (kind, &slug) {
        let reserved = lang_urls.reserved().contains(&s.as_str())
            || config.languages.iter().any(|l| l.as_str() == s.as_str());
        if reserved {
            diags.push(
                Diagnostic::error(shown, msg!("page-url-reserved", slug = s.to_string()))
                    .help(msg!("page-url-reserved-help")),
            );
        }
        // The generated accessibility statement owns its URL (docs/maintainer/pages.md, "BIP pages").
        let statement = lang_urls.accessibility();
        if config.accessibility.is_some() && path.as_deref() == Some(statement.as_str()) {
            let mut d = Diagnostic::error(shown, msg!("page-takes-statement", path = &statement))
                .help(msg!("page-takes-statement-help"));
            if let Some(sp) = &own.slug {
                d = d.at(value_span(sp, text), text);
            }
            diags.push(d);
        }
    }

    // Aliases belong to one language version: an inherited alias would redirect twice.
    let mut aliases = Vec::new();
    for a in own.aliases.iter().flatten() {
        match alias_path(&a.value) {
            Some(p) => aliases.push(p),
            None => diags.push(
                Diagnostic::error(shown, msg!("alias-invalid", alias = &a.value))
                    .at(value_span(a, text), text)
                    .help(msg!("alias-invalid-help")),
            ),
        }
    }

    // Attachments: the version's own, or the original's files (one copy, beside the original).
    let mut attachments = Vec::new();
    let dir = file
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if let Some(list) = &own.attachments {
        for a in list {
            if let Some(att) =
                attachment(a, &dir, path.as_deref().unwrap_or(""), shown, text, diags)
            {
                attachments.push(att);
            }
        }
    }

    let mut excluded = None;
    if let Some(d) = date.filter(|d| *d > opts.today) {
        excluded = Some(Unpublished::Embargoed(d));
    }
    if draft {
        excluded = Some(Unpublished::Draft);
    }
    if opts.drafts {
        excluded = None;
    }

    if diags.len() > errors_before && diags[errors_before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let (slug, path) = (slug?, path?);
    let entry = Entry {
        kind,
        name: file.name.clone(),
        lang: file.lang,
        id: EntryId::new(&file.shown),
        title,
        slug,
        path,
        date,
        produced: merged.produced,
        produced_by: merged.produced_by,
        published_by: merged.published_by,
        projects: project_ids,
        tags: tag_slugs,
        archived,
        draft,
        summary: own.summary.clone().unwrap_or_default(),
        body: Body::default(),
        aliases,
        attachments,
        inherits_attachments: own.attachments.is_none(),
        translations: Vec::new(),
        changes: Vec::new(),
    };
    if excluded.is_none() {
        for t in merged.tags.iter().flatten() {
            if let Some(slug) = Slug::from_text(&t.value) {
                *tag_spellings
                    .entry(slug)
                    .or_default()
                    .entry(t.value.clone())
                    .or_insert(0) += 1;
            }
        }
    }
    Some(Pending {
        entry,
        key: file.key,
        text: Arc::clone(&source),
        doc,
        excluded,
        dir,
    })
}

/// Places `d`, an error about the alias `alias` (a site path) of `entry`, at that alias in
/// the entry's front matter, quoting its line. The plan finds what an alias would replace
/// after the sources are read, so the file is read again, only for the error; an error
/// whose file has changed since stays at the file.
pub fn at_alias(root: &Path, entry: &EntryId, alias: &str, d: Diagnostic) -> Diagnostic {
    let id = entry.as_str();
    let Ok(text) = crate::source::read_text(&root.join(id), id) else {
        return d;
    };
    let Ok(doc) = front_matter::parse(&text, id) else {
        return d;
    };
    let written = doc
        .front
        .aliases
        .iter()
        .flatten()
        .find(|a| alias_path(&a.value).is_some_and(|p| p == alias));
    match written {
        Some(a) => d.at(value_span(a, &text), &text),
        None => d,
    }
}

/// An old URL (`/index.php?id=440`, `/stara/strona.html`) as a site path, if it stays in the site.
fn alias_path(alias: &str) -> Option<String> {
    let path = alias.strip_prefix('/')?;
    if path.is_empty() || path.contains('#') {
        return None;
    }
    let (p, query) = match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    };
    // A backslash is a folder separator on Windows in the path; in the query it is text
    // that the redirect page matches.
    if p.contains('\\') || p.split('/').any(|s| s == ".." || s == ".") {
        return None;
    }
    Some(match query {
        Some(q) => format!("{p}?{q}"),
        None => p.to_string(),
    })
}

fn attachment(
    a: &front_matter::AttachmentRef,
    dir: &Path,
    page_path: &str,
    shown: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Attachment> {
    let name = a.file.value.as_str();
    let span = value_span(&a.file, text);
    if name.is_empty()
        || name.contains(['/', '\\'])
        || name == ".."
        || name == "."
        || name.starts_with('.')
    {
        diags.push(
            Diagnostic::error(shown, msg!("attachment-not-a-name", name = name))
                .at(span, text)
                .help(msg!("attachment-not-a-name-help")),
        );
        return None;
    }
    let wanted: String = name.nfc().collect();
    let found = std::fs::read_dir(dir).ok().and_then(|rd| {
        rd.flatten()
            .find(|e| e.file_name().to_string_lossy().nfc().collect::<String>() == wanted)
    });
    // A symbolic link was checked when the content was discovered: one leading outside
    // the site is an error there, so the build stops before anything is copied.
    let Some(found) = found.filter(|e| e.path().is_file()) else {
        diags.push(
            Diagnostic::error(shown, msg!("attachment-missing", name = name))
                .at(span, text)
                .help(msg!(
                    "attachment-missing-help",
                    folder = shown.rsplit_once('/').map_or("", |(d, _)| d)
                )),
        );
        return None;
    };
    let source: PathBuf = found.path();
    let size = found.metadata().map(|m| m.len()).unwrap_or(0);
    Some(Attachment {
        title: a.title.clone().unwrap_or_else(|| wanted.clone()),
        path: format!("{page_path}{wanted}"),
        file_name: wanted,
        source,
        size,
        lang: a.lang,
    })
}

/// Two entries may not claim the same URL (page or alias). Clashes with pages kronika
/// generates itself are found when the output files are planned (`render::plan`).
pub(super) fn check_unique_paths(pending: &[Pending], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &EntryId> = HashMap::new();
    for p in pending.iter().filter(|p| p.excluded.is_none()) {
        let mut claims: Vec<&str> = vec![p.entry.path.as_str()];
        claims.extend(p.entry.aliases.iter().map(String::as_str));
        for claim in claims {
            if let Some(other) = seen.insert(claim, &p.entry.id)
                && *other != p.entry.id
            {
                diags.push(
                    Diagnostic::error(p.entry.id.as_str(), msg!("url-taken", path = claim))
                        .help(msg!("url-taken-help", other = other.as_str())),
                );
            }
        }
    }
}
