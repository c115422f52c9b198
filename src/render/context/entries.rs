//! A news item's page and a standalone page: the `item` variable.

use std::borrow::Cow;

use serde::Serialize;
use tera::Context;

use super::{Heading, Scope, langs, text};
use crate::content::model::{Entry, EntryId, Site};
use crate::types::{Date, Lang};

/// A link whose text may be in another language than the page's (a tag, a project).
#[derive(Serialize)]
struct LangLink {
    title: String,
    path: String,
    lang: Option<String>,
}

#[derive(Serialize)]
struct AttachmentVars<'a> {
    title: &'a str,
    /// The title's language, when the attachments are the original's ([`langs`]).
    title_lang: Option<String>,
    path: &'a str,
    file_name: &'a str,
    size_kb: u64,
    /// The size as the page shows it: `{value: "1.2", unit: "mb"}` (docs/maintainer/content.md, "Attachments").
    size: crate::bip::FileSize,
    extension: String,
    /// The file's language, when `lang:` names one.
    lang: Option<Lang>,
}

/// One entry of the change register, with the address of its commit when `repository:`
/// is set.
#[derive(Serialize)]
struct ChangeVars<'a> {
    date: Date,
    by: &'a str,
    what: &'a str,
    url: Option<String>,
}

#[derive(Serialize)]
struct EntryVars<'a> {
    title: &'a str,
    date: Option<Date>,
    produced: Option<Date>,
    produced_by: Option<&'a str>,
    published_by: Option<&'a str>,
    /// The language of `produced_by` and `published_by` when inherited from the original.
    produced_by_lang: Option<String>,
    published_by_lang: Option<String>,
    archived: bool,
    draft: bool,
    summary: &'a str,
    body: Cow<'a, str>,
    tags: Vec<LangLink>,
    projects: Vec<LangLink>,
    attachments: Vec<AttachmentVars<'a>>,
    source: &'a str,
    /// The change register, oldest first, and its last entry (docs/maintainer/content.md, "Change register").
    changes: Vec<ChangeVars<'a>>,
    last_change: Option<ChangeVars<'a>>,
}

/// News item `id`, under the news list.
pub(super) fn item(s: &Scope, ctx: &mut Context, id: &EntryId) -> Heading {
    let e = insert(s, ctx, s.site.entry(id));
    Heading::under(e.title.clone(), s.t("news"), s.urls().news())
}

/// Standalone page `id`.
pub(super) fn page(s: &Scope, ctx: &mut Context, id: &EntryId) -> Heading {
    Heading::top(insert(s, ctx, s.site.entry(id)).title.clone())
}

/// Puts `e` into the context as `item`, its body's links written for the page rendered.
fn insert<'a>(s: &Scope<'a>, ctx: &mut Context, e: &'a Entry) -> &'a Entry {
    let body = e.body.html(s.links, s.path);
    ctx.insert("item", &entry(s.site, e, s.lang, body));
    e
}

fn entry<'a>(site: &'a Site, e: &'a Entry, lang: Lang, body: Cow<'a, str>) -> EntryVars<'a> {
    let urls = site.urls(lang);
    EntryVars {
        title: &e.title,
        date: e.date,
        produced: e.produced,
        produced_by: e.produced_by.as_deref(),
        published_by: e.published_by.as_deref(),
        produced_by_lang: langs::inherited(site, e, e.produced_by.as_deref(), |o| {
            o.produced_by.as_deref()
        }),
        published_by_lang: langs::inherited(site, e, e.published_by.as_deref(), |o| {
            o.published_by.as_deref()
        }),
        archived: e.archived,
        draft: e.draft,
        summary: &e.summary,
        body,
        tags: e
            .tags
            .iter()
            .map(|t| LangLink {
                title: site.tag(t).name.clone(),
                path: urls.tag(t),
                lang: langs::other(langs::tag(site, t), lang),
            })
            .collect(),
        projects: e
            .projects
            .iter()
            .map(|p| {
                let pr = site.project(p);
                let title = text(site, &pr.data.title, lang);
                LangLink {
                    title: title.text,
                    path: urls.project(&pr.id),
                    lang: title.lang,
                }
            })
            .collect(),
        attachments: e
            .attachments
            .iter()
            .map(|a| AttachmentVars {
                title_lang: e
                    .inherits_attachments
                    .then(|| langs::other(site.config.default_language, lang))
                    .flatten(),
                title: &a.title,
                path: &a.path,
                file_name: &a.file_name,
                size_kb: a.size_kb(),
                size: crate::bip::FileSize::of(a.size),
                extension: a.extension(),
                lang: a.lang,
            })
            .collect(),
        source: e.id.as_str(),
        changes: e.changes.iter().map(|c| change(site, c)).collect(),
        last_change: e.changes.last().map(|c| change(site, c)),
    }
}

fn change<'a>(site: &Site, c: &'a crate::history::Change) -> ChangeVars<'a> {
    let repository = site.config.repository.as_deref();
    ChangeVars {
        date: c.date,
        by: &c.by,
        what: &c.what,
        url: repository
            .zip(c.commit.as_deref())
            .map(|(r, sha)| crate::history::commit_url(r, sha)),
    }
}
