//! The home page and the news list.

use tera::{Context, Value};

use super::{Heading, Scope, cards, projects};
use crate::render::pages::Pagination;

/// How many news items the home page lists.
pub(crate) const HOME_ITEMS: usize = 5;

/// `items` (the newest current items) and `projects`.
pub(super) fn home(s: &Scope, ctx: &mut Context) -> Heading {
    let idx = s.site.lang_index(s.lang);
    ctx.insert_value(
        "items",
        Value::from(
            s.cards
                .list(s.site, &idx.current[..idx.current.len().min(HOME_ITEMS)]),
        ),
    );
    projects::insert_all(s, ctx);
    Heading::top(s.site.config.title(s.lang).to_string())
}

/// One page of every news item.
pub(super) fn list(s: &Scope, ctx: &mut Context, pg: &Pagination) -> Heading {
    cards::list(s, ctx, pg);
    Heading::top(s.t("news"))
}
