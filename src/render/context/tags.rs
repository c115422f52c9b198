//! The list of tags and a tag's items.

use serde::Serialize;
use tera::Context;

use super::{Heading, Scope, cards, langs};
use crate::render::pages::Pagination;
use crate::types::Slug;

#[derive(Serialize)]
struct TagVars<'a> {
    name: &'a str,
    /// The tag's language, when it is not the page's.
    lang: Option<String>,
    path: String,
    count: usize,
}

/// `tags`: the language's tags, A–Z in the page language.
pub(super) fn all(s: &Scope, ctx: &mut Context) -> Heading {
    let urls = s.urls();
    let tags: Vec<TagVars> = s
        .site
        .lang_index(s.lang)
        .tags_az
        .iter()
        .map(|slug| {
            let tag = s.site.tag(slug);
            TagVars {
                lang: langs::other(langs::tag(s.site, slug), s.lang),
                name: &tag.name,
                path: urls.tag(&tag.slug),
                count: tag.items[&s.lang].len(),
            }
        })
        .collect();
    ctx.insert("tags", &tags);
    Heading::top(s.t("tags"))
}

/// One page of tag `slug`: `tag` (its name) and its items, under the list of tags.
pub(super) fn one(s: &Scope, ctx: &mut Context, slug: &Slug, pg: &Pagination) -> Heading {
    cards::list(s, ctx, pg);
    let tag = s.site.tag(slug);
    let lang = langs::other(langs::tag(s.site, slug), s.lang);
    ctx.insert("tag", &tag.name);
    ctx.insert("tag_lang", &lang);
    Heading::under(tag.name.clone(), s.t("tags"), s.urls().tags()).in_lang(lang)
}
