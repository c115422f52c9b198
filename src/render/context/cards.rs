//! News items as lists show them (cards), and a list page's items and pagination.

use serde::Serialize;
use tera::{Context, Value};

use super::Scope;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::content::model::{EntryId, Site};
use crate::render::pages::Pagination;
use crate::types::Date;

/// A news item as lists show it; built once per item, shared by every list page.
#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    path: &'a str,
    date: Option<Date>,
    summary: std::borrow::Cow<'a, str>,
    archived: bool,
}

/// The cards of the news items, as template values (cheap to clone: reference-counted),
/// each made when a page first shows it: a rebuild after one edit renders a few lists,
/// and making all 10 000 cards would cost it more than rendering them (docs/maintainer/cli.md,
/// "Preview: `kronika serve`").
pub(super) struct Cards(HashMap<EntryId, OnceLock<Value>>);

impl Cards {
    pub(super) fn new(site: &Site) -> Cards {
        Cards(
            site.news()
                .map(|e| (e.id.clone(), OnceLock::new()))
                .collect(),
        )
    }

    /// Forgets the card of news item `id`: it is made again when a page shows it.
    pub(super) fn forget(&mut self, id: &EntryId) {
        if let Some(card) = self.0.get_mut(id) {
            card.take();
        }
    }

    /// The card of news item `id`.
    pub(super) fn get(&self, site: &Site, id: &EntryId) -> Value {
        self.0[id]
            .get_or_init(|| {
                let e = site.entry(id);
                Value::from_serializable(&Card {
                    title: &e.title,
                    path: &e.path,
                    date: e.date,
                    summary: crate::render::summary::cut(
                        &e.summary,
                        crate::render::summary::LIST_LENGTH,
                    ),
                    archived: e.archived,
                })
            })
            .clone()
    }

    pub(super) fn list(&self, site: &Site, items: &[EntryId]) -> Vec<Value> {
        items.iter().map(|id| self.get(site, id)).collect()
    }
}

#[derive(Serialize)]
struct PaginationVars {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    n: usize,
    path: String,
    current: bool,
}

/// `items` and `pagination` of one page of a list.
pub(super) fn list(s: &Scope, ctx: &mut Context, pg: &Pagination) {
    ctx.insert_value("items", Value::from(s.cards.list(s.site, &pg.items)));
    let urls = s.urls();
    let path = |n: usize| urls.paginated(&pg.first, n);
    let window = 3;
    let pages = (1..=pg.total)
        .filter(|&n| n == 1 || n == pg.total || n.abs_diff(pg.current) <= window)
        .map(|n| PageLink {
            n,
            path: path(n),
            current: n == pg.current,
        })
        .collect();
    ctx.insert(
        "pagination",
        &PaginationVars {
            current: pg.current,
            total: pg.total,
            prev: (pg.current > 1).then(|| path(pg.current - 1)),
            next: (pg.current < pg.total).then(|| path(pg.current + 1)),
            pages,
        },
    );
}
