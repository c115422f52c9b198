//! Loads `content/` into the [`Site`] model: discover, parse in parallel, link translations,
//! validate references, render Markdown. Every problem is collected; none stops the others.

pub mod discover;
pub mod front_matter;
pub mod markdown;
pub mod model;
pub mod order;
pub mod project;
pub mod sanitize;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::config::{Config, RawHtml};
use crate::diagnostics::{Diagnostic, Span, display_path};
use crate::i18n::I18n;
use crate::msg;
use crate::types::{Date, Lang, Slug};
use crate::urls::{LinkStyle, Urls};
use crate::yaml;
use discover::MarkdownFile;
use front_matter::{Document, FrontMatter, span_of};
use markdown::{Unpublished, Unresolved};
use model::{Attachment, Entry, Kind, LangIndex, Site, StaticSource, Tag};
use project::{FUNDING_SOURCES, Project};

/// The longest title, in characters. A title is repeated on every list, archive and tag
/// page that shows its item, so one absurd title multiplies into the output (a 1 MB title
/// with 1 000 tags wrote almost 1 GB). Titles of real BIP items are under 300 characters;
/// 1 000 leaves room for the longest official names of documents.
pub const MAX_TITLE_CHARS: usize = 1000;

/// The longest tag, in characters: a tag names its page's folder (file systems allow 255
/// bytes) and is repeated on each of its items' pages.
pub const MAX_TAG_CHARS: usize = 100;

/// What the build asked of loading.
pub struct LoadOptions {
    /// Include drafts and embargoed (future-dated) items.
    pub drafts: bool,
    pub today: Date,
    pub links: LinkStyle,
}

/// A Markdown file read and parsed, not yet merged with its translations.
struct Parsed {
    file: MarkdownFile,
    text: String,
    doc: Document,
}

/// Loads the site. Returns the model, or `None` when there were errors (all in `diags`).
pub fn load(
    root: &Path,
    config: Config,
    i18n: I18n,
    opts: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<Site> {
    let found = discover::discover(root, &config, diags);

    let parsed: Vec<Result<Parsed, (Kind, String, Lang, Diagnostic)>> = found
        .markdown
        .into_par_iter()
        .map(|file| {
            let read = crate::source::read_text(&file.path, &file.shown)
                .and_then(|text| front_matter::parse(&text, &file.shown).map(|doc| (text, doc)));
            match read {
                Ok((text, doc)) => Ok(Parsed { file, text, doc }),
                Err(d) => Err((file.kind, file.name, file.lang, d)),
            }
        })
        .collect();
    let found_project_stems: Vec<String> = found.projects.iter().map(|p| p.stem.clone()).collect();
    let projects: Vec<Result<Project, Diagnostic>> = found
        .projects
        .into_par_iter()
        .map(|p| load_project(&p, &config))
        .collect();

    let mut docs = Vec::new();
    // Originals that could not be read: their translations cannot inherit from them.
    let mut unreadable: HashSet<(Kind, String)> = HashSet::new();
    for r in parsed {
        match r {
            Ok(p) => docs.push(p),
            Err((kind, name, lang, d)) => {
                if lang == config.default_language {
                    unreadable.insert((kind, name));
                }
                diags.push(d);
            }
        }
    }
    let mut projects: Vec<Project> = projects
        .into_iter()
        .filter_map(|r| r.map_err(|d| diags.push(d)).ok())
        .collect();
    // Ids of project files that failed to load: references to them are not errors of their own.
    let broken_projects: Vec<String> = found_project_stems
        .iter()
        .filter(|stem| !projects.iter().any(|p| p.id.as_str() == stem.as_str()))
        .cloned()
        .collect();
    projects.sort_by(|a, b| a.id.cmp(&b.id));
    for p in &projects {
        warn_unknown_project_keys(p, diags);
    }
    let project_ids: HashMap<&str, usize> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();

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
    let mut tag_spellings: HashMap<Slug, BTreeMap<String, usize>> = HashMap::new();
    let mut pending: Vec<Pending> = Vec::new();
    for ((kind, name), mut versions) in groups {
        versions.sort_by_key(|p| lang_rank(&config, p.file.lang));
        let original_front = versions
            .iter()
            .find(|p| p.file.lang == config.default_language)
            .map(|p| p.doc.front.clone());
        let original = match &original_front {
            Some(front) => Original::Read(front),
            None if unreadable.contains(&(kind, name)) => Original::Unreadable,
            None => Original::None,
        };
        for p in versions {
            if let Some(entry) = resolve_entry(
                p,
                kind,
                original,
                &config,
                &urls,
                &project_ids,
                &projects,
                &broken_projects,
                opts,
                &mut tag_spellings,
                diags,
            ) {
                pending.push(entry);
            }
        }
    }

    check_unique_paths(&pending, diags);

    // Tags: one per slug, named by the most frequent spelling (ties: the first in order).
    let mut tags: Vec<Tag> = tag_spellings
        .into_iter()
        .map(|(slug, spellings)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(s, _)| s.clone())
                .unwrap_or_else(|| slug.to_string());
            Tag {
                slug,
                name,
                items: BTreeMap::new(),
            }
        })
        .collect();
    tags.sort_by(|a, b| a.slug.cmp(&b.slug));
    let tag_index: HashMap<Slug, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.clone(), i))
        .collect();

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
    let mut targets: HashMap<String, LinkTarget> = HashMap::new();
    for p in &left_out {
        if let Some(why) = p.excluded {
            targets.insert(p.key.clone(), LinkTarget::Excluded(why));
        }
    }
    for p in &kept {
        targets.insert(p.key.clone(), LinkTarget::Path(p.entry.path.clone()));
    }
    // A project file with errors is still a link target: its own error is enough.
    let project_slugs = projects
        .iter()
        .map(|p| p.id.clone())
        .chain(broken_projects.iter().filter_map(|s| Slug::parse(s)));
    for id in project_slugs {
        targets.insert(
            format!("projects/{id}.yaml"),
            LinkTarget::Project(id.clone()),
        );
        targets.insert(format!("projects/{id}.yml"), LinkTarget::Project(id));
    }

    // Render Markdown in parallel; link errors and raw HTML warnings are collected per entry.
    let raw_html = config.markdown.raw_html;
    let rendered: Vec<(Entry, Vec<Slug>, Vec<Diagnostic>)> = kept
        .into_par_iter()
        .map(|p| render_entry(p, &targets, &urls, &opts.links, raw_html))
        .collect();

    let mut news = Vec::new();
    let mut pages = Vec::new();
    for (mut entry, tag_slugs, errs) in rendered {
        diags.extend(errs);
        entry.tags = tag_slugs
            .iter()
            .filter_map(|s| tag_index.get(s).copied())
            .collect();
        match entry.kind {
            Kind::News => news.push(entry),
            Kind::Page => pages.push(entry),
        }
    }
    let static_files = static_files(root, &config, diags);
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(assemble(
        config,
        i18n,
        urls,
        news,
        pages,
        projects,
        tags,
        static_files,
    ))
}

/// The built-in theme's static files, overridden by the site theme's `static/`, then the
/// site's own `static/`. Symbolic links are checked like content's.
fn static_files(
    root: &Path,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, StaticSource> {
    let mut files: BTreeMap<String, StaticSource> = BTreeMap::new();
    for (path, bytes) in crate::embedded::static_files() {
        files.insert(path, StaticSource::Embedded(bytes));
    }
    for dir in [
        root.join("themes").join(&config.theme).join("static"),
        root.join("static"),
    ] {
        if !dir.is_dir() {
            continue;
        }
        for (path, _) in crate::source::site_files(
            root,
            &dir,
            crate::source::Role::Published {
                theme: &config.theme,
            },
            diags,
        ) {
            let rel: String = display_path(&dir, &path).nfc().collect();
            // Like content, names starting with `.` are not the site's (a submodule's
            // `.git`, `.DS_Store`); `.well-known/` is published (README, "A site on disk").
            if crate::urls::is_reserved(&rel) {
                continue;
            }
            files.insert(rel, StaticSource::File(path));
        }
    }
    files
}

enum LinkTarget {
    Path(String),
    Project(Slug),
    Excluded(Unpublished),
}

/// The default-language original a translation inherits from.
#[derive(Clone, Copy)]
enum Original<'a> {
    Read(&'a FrontMatter),
    /// It exists but has errors of its own (already reported).
    Unreadable,
    /// There is none: the version stands alone.
    None,
}

/// An entry whose fields are resolved but whose body is not rendered yet.
struct Pending {
    entry: Entry,
    /// Tag slugs, turned into indices once all tags are known.
    tag_slugs: Vec<Slug>,
    key: String,
    text: String,
    body: String,
    body_line: usize,
    excluded: Option<Unpublished>,
}

fn lang_rank(config: &Config, lang: Lang) -> usize {
    config
        .languages
        .iter()
        .position(|l| *l == lang)
        .unwrap_or(usize::MAX)
}

fn load_project(p: &discover::ProjectPath, config: &Config) -> Result<Project, Diagnostic> {
    let id = Slug::parse(&p.stem).ok_or_else(|| {
        let suggestion =
            Slug::from_text(&p.stem).map_or_else(|| "project-name".to_string(), |s| s.to_string());
        Diagnostic::error(&p.shown, msg!("project-bad-id", stem = &p.stem))
            .help(msg!("project-bad-id-help", suggestion = suggestion))
    })?;
    let text = crate::source::read_text(&p.path, &p.shown)?;
    Project::parse(id, &p.shown, &text, config.default_language)
}

fn warn_unknown_project_keys(p: &Project, diags: &mut Vec<Diagnostic>) {
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
fn resolve_entry(
    p: Parsed,
    kind: Kind,
    original: Original,
    config: &Config,
    urls: &BTreeMap<Lang, Urls>,
    project_ids: &HashMap<&str, usize>,
    projects: &[Project],
    broken_projects: &[String],
    opts: &LoadOptions,
    tag_spellings: &mut HashMap<Slug, BTreeMap<String, usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Pending> {
    let Parsed { file, text, doc } = p;
    let own = &doc.front;
    let shown = file.shown.as_str();
    let errors_before = diags.len();

    let title = match &own.title {
        Some(t) if t.chars().count() > MAX_TITLE_CHARS => {
            let title_span = yaml::key_span(&text, "title");
            diags.push(
                Diagnostic::error(
                    shown,
                    msg!(
                        "title-too-long",
                        length = t.chars().count(),
                        max = MAX_TITLE_CHARS
                    ),
                )
                .at(title_span, &cut_line(&text, title_span))
                .help(msg!("title-too-long-help")),
            );
            String::new()
        }
        Some(t) if !t.trim().is_empty() => t.clone(),
        _ => {
            diags.push(
                Diagnostic::error(shown, msg!("yaml-missing-key", key = "title"))
                    .at(Span::new(1, 1, 3), &text)
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
                .at(Span::new(1, 1, 3), &text)
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
                        .at(yaml::key_span(&text, key), &text)
                        .help(msg!("page-key-not-used-help")),
                );
            }
        }
    }
    let archived = merged.archived.unwrap_or(false);
    let draft = merged.draft.unwrap_or(false);

    // Projects.
    let mut project_idx = Vec::new();
    let projects_are_own = own.projects.is_some();
    for id in merged.projects.iter().flatten() {
        match project_ids.get(id.value.as_str()) {
            Some(&i) if !project_idx.contains(&i) => project_idx.push(i),
            Some(_) => {} // listed twice: once is enough
            // An inherited reference is reported once, on the original that wrote it.
            None if !projects_are_own || broken_projects.contains(&id.value) => {}
            None => {
                let known: Vec<String> = projects.iter().map(|p| p.id.to_string()).collect();
                let mut d = Diagnostic::error(shown, msg!("project-unknown", id = &id.value))
                    .at(span_of(id, id.value.chars().count()), &text);
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
                    .at(span, &cut_line(&text, span))
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
                    .at(span_of(tag, tag.value.chars().count().max(1)), &text)
                    .help(msg!("tag-no-slug-help")),
            ),
        }
    }

    // Slug and path.
    let slug = match &own.slug {
        Some(s) => Slug::parse(&s.value).or_else(|| {
            diags.push(
                Diagnostic::error(shown, msg!("slug-invalid", slug = &s.value))
                    .at(span_of(s, s.value.chars().count().max(1)), &text)
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
    }

    // Aliases belong to one language version: an inherited alias would redirect twice.
    let mut aliases = Vec::new();
    for a in own.aliases.iter().flatten() {
        match alias_path(&a.value) {
            Some(p) => aliases.push(p),
            None => diags.push(
                Diagnostic::error(shown, msg!("alias-invalid", alias = &a.value))
                    .at(span_of(a, a.value.chars().count().max(1)), &text)
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
                attachment(a, &dir, path.as_deref().unwrap_or(""), shown, &text, diags)
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
        source: file.shown.clone(),
        title,
        slug,
        path,
        date,
        produced: merged.produced,
        produced_by: merged.produced_by,
        published_by: merged.published_by,
        projects: project_idx,
        tags: Vec::new(),
        archived,
        draft,
        summary: own.summary.clone().unwrap_or_default(),
        body_html: String::new(),
        aliases,
        attachments,
        inherits_attachments: own.attachments.is_none(),
        translations: Vec::new(),
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
        tag_slugs,
        key: file.key,
        body: doc.body,
        body_line: doc.body_line,
        text,
        excluded,
    })
}

/// `text` with the line of `span` cut 80 characters after the span starts, for quoting a
/// line that holds an over-long value without printing all of it.
pub(crate) fn cut_line(text: &str, span: Span) -> String {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| match l.char_indices().nth(span.column + 80) {
            Some((end, _)) if i + 1 == span.line => format!("{}…", &l[..end]),
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
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
    let span = span_of(&a.file, name.chars().count().max(1));
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
    })
}

/// Two entries may not claim the same URL (page or alias). Clashes with pages kronika
/// generates itself are found when the pages are planned (`render::pages::clashes`).
fn check_unique_paths(pending: &[Pending], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for p in pending.iter().filter(|p| p.excluded.is_none()) {
        let mut claims: Vec<&str> = vec![p.entry.path.as_str()];
        claims.extend(p.entry.aliases.iter().map(String::as_str));
        for claim in claims {
            if let Some(other) = seen.insert(claim, &p.entry.source)
                && other != p.entry.source
            {
                {
                    diags.push(
                        Diagnostic::error(&p.entry.source, msg!("url-taken", path = claim))
                            .help(msg!("url-taken-help", other = other)),
                    );
                }
            }
        }
    }
}

fn render_entry(
    p: Pending,
    targets: &HashMap<String, LinkTarget>,
    urls: &BTreeMap<Lang, Urls>,
    links: &LinkStyle,
    raw_html: RawHtml,
) -> (Entry, Vec<Slug>, Vec<Diagnostic>) {
    let Pending {
        mut entry,
        tag_slugs,
        text,
        body,
        body_line,
        ..
    } = p;
    let mut errors = Vec::new();
    let from = entry.path.clone();
    let lang = entry.lang;
    let resolve = |target: &str| -> Result<String, Unresolved> {
        let (key, fragment) = match target.find('#') {
            Some(i) => (&target[..i], &target[i..]),
            None => (target, ""),
        };
        let key: String = key.nfc().collect();
        match targets.get(&key).ok_or(Unresolved::Missing)? {
            LinkTarget::Path(path) => Ok(links.link_to_fragment(&from, path, fragment)),
            LinkTarget::Project(id) => {
                Ok(links.link_to_fragment(&from, &urls[&lang].project(id), fragment))
            }
            LinkTarget::Excluded(why) => Err(Unresolved::NotPublished(*why)),
        }
    };
    let src = markdown::Source {
        path: &entry.source,
        file: &text,
        body_line,
    };
    let rendered = markdown::render_with(&body, &src, &resolve, raw_html, &mut errors);
    entry.body_html = rendered.html;
    if entry.summary.is_empty() {
        entry.summary = rendered.first_paragraph;
    }
    (entry, tag_slugs, errors)
}

/// Links translations, fills inherited attachments and builds the per-language indices.
#[allow(clippy::too_many_arguments)]
fn assemble(
    config: Config,
    i18n: I18n,
    urls: BTreeMap<Lang, Urls>,
    mut news: Vec<Entry>,
    mut pages: Vec<Entry>,
    projects: Vec<Project>,
    mut tags: Vec<Tag>,
    mut static_files: BTreeMap<String, StaticSource>,
) -> Site {
    for list in [&mut news, &mut pages] {
        link_translations(list, config.default_language);
    }
    let mut by_lang: BTreeMap<Lang, LangIndex> = config
        .languages
        .iter()
        .map(|&l| (l, LangIndex::default()))
        .collect();
    for (i, e) in news.iter().enumerate() {
        let idx = by_lang
            .get_mut(&e.lang)
            .expect("entry languages are site languages");
        idx.all.push(i);
        if !e.archived {
            idx.current.push(i);
        }
        if let Some(d) = e.date {
            idx.years.entry(d.year()).or_default().push(i);
        }
        for &p in &e.projects {
            idx.by_project.entry(p).or_default().push(i);
        }
        for &t in &e.tags {
            tags[t].items.entry(e.lang).or_default().push(i);
        }
    }
    for (i, p) in pages.iter().enumerate() {
        if let Some(idx) = by_lang.get_mut(&p.lang) {
            idx.pages.push(i);
        }
    }
    for (t, tag) in tags.iter().enumerate() {
        for lang in tag.items.keys() {
            if let Some(idx) = by_lang.get_mut(lang) {
                idx.tags.push(t);
            }
        }
    }

    order::alphabetical(&mut by_lang, &tags, &projects, &i18n, &config);
    for e in news.iter().chain(pages.iter()) {
        for a in &e.attachments {
            static_files.insert(a.path.clone(), StaticSource::File(a.source.clone()));
        }
    }
    Site {
        config,
        i18n,
        urls,
        news,
        pages,
        projects,
        tags,
        by_lang,
        static_files: static_files.into_iter().collect(),
    }
}

/// Fills `translations` of every entry and gives versions without their own attachments the
/// original's (the files are copied once, beside the original).
fn link_translations(list: &mut [Entry], default: Lang) {
    let mut by_name: HashMap<String, Vec<(Lang, usize)>> = HashMap::new();
    for (i, e) in list.iter().enumerate() {
        by_name.entry(e.name.clone()).or_default().push((e.lang, i));
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
                .copied()
                .collect();
            if let Some(o) = original.filter(|o| *o != i)
                && list[i].inherits_attachments
            {
                list[i].attachments = list[o].attachments.clone();
            }
        }
    }
}
