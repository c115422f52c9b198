//! The list of tags and a tag's items.

use serde::Serialize;
use tera::Context;

use super::{Heading, Scope, cards};
use crate::render::pages::Pagination;
use crate::types::Slug;

#[derive(Serialize)]
struct TagVars<'a> {
    name: &'a str,
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
    ctx.insert("tag", &tag.name);
    Heading::under(tag.name.clone(), s.t("tags"), s.urls().tags())
}
