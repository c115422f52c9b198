//! The archive: the list of years and each year's items grouped by month.

use serde::Serialize;
use tera::{Context, Value};

use super::{Heading, Scope, cards};
use crate::content::model::EntryId;
use crate::render::pages::Pagination;
use crate::types::Date;

#[derive(Serialize)]
struct YearVars {
    year: i16,
    path: String,
    count: usize,
}

/// `years`, newest first.
pub(super) fn years(s: &Scope, ctx: &mut Context) -> Heading {
    let urls = s.urls();
    let years: Vec<YearVars> = s
        .site
        .lang_index(s.lang)
        .years
        .iter()
        .rev()
        .map(|(&year, items)| YearVars {
            year,
            path: urls.archive_year(year),
            count: items.len(),
        })
        .collect();
    ctx.insert("years", &years);
    Heading::top(s.t("archive"))
}

/// One page of a year: the list, `year` and `months`, under the archive.
pub(super) fn year(s: &Scope, ctx: &mut Context, year: i16, pg: &Pagination) -> Heading {
    cards::list(s, ctx, pg);
    ctx.insert("year", &year);
    ctx.insert_value("months", Value::from(months(s, &pg.items)));
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("year", year.to_string());
    Heading::under(
        s.site.i18n.get(s.lang, "archive-year", Some(&args)),
        s.t("archive"),
        s.urls().archive(),
    )
}

/// The items of a page grouped by month, newest first as they come: each group has
/// `month` (`2012-02`, for `<time datetime>` and the heading's id), `first_day` (the
/// date `2012-02-01`, for the `date` filter's `month` style) and `items`.
fn months(s: &Scope, items: &[EntryId]) -> Vec<Value> {
    #[derive(Serialize)]
    struct Month {
        month: String,
        first_day: Date,
        items: Vec<Value>,
    }
    let mut out: Vec<Month> = Vec::new();
    for id in items {
        let Some(date) = s.site.entry(id).date else {
            continue;
        };
        let first_day = Date(date.0.first_of_month());
        if out.last().is_none_or(|m| m.first_day != first_day) {
            out.push(Month {
                month: format!("{:04}-{:02}", date.0.year(), date.0.month()),
                first_day,
                items: Vec::new(),
            });
        }
        if let Some(m) = out.last_mut() {
            m.items.push(s.cards.get(s.site, id));
        }
    }
    out.iter().map(Value::from_serializable).collect()
}
