//! The project list and a project's card: the `projects` and `project` variables.

use serde::Serialize;
use tera::Context;

use super::{Heading, Scope, Text, cards, langs};
use crate::render::pages::Pagination;
use crate::types::{Date, Money, Slug};

#[derive(Serialize)]
struct FundingVars<'a> {
    period: Option<&'a str>,
    source: &'a str,
    /// The source's language when it is shown as written (`langs::as_written`).
    source_lang: Option<String>,
    money: Money,
}

#[derive(Serialize)]
struct Indicators<'a> {
    names: &'a [String],
    /// The language of each name shown as written (`langs::as_written`).
    name_langs: Vec<Option<String>>,
    rows: Vec<IndicatorRow>,
}

#[derive(Serialize)]
struct IndicatorRow {
    date: Date,
    values: Vec<Option<u64>>,
}

#[derive(Serialize)]
struct ProjectVars<'a> {
    id: &'a str,
    path: String,
    /// The project's statistics page.
    stats_path: String,
    title: Text,
    full_title: Option<Text>,
    fund: Option<Text>,
    programme: Option<Text>,
    priority: Option<&'a str>,
    measure: Option<&'a str>,
    submeasure: Option<&'a str>,
    implementer: Option<Text>,
    start: Option<Date>,
    end: Option<Date>,
    total: Option<Money>,
    co_financing: Option<Money>,
    funding: Vec<FundingVars<'a>>,
    indicators: Option<Indicators<'a>>,
    news_count: usize,
    /// The EU co-financing marking (`eu_marking:`): `{statement, logos: [{path, alt}]}`.
    eu_marking: Option<EuMarkingVars<'a>>,
}

#[derive(Serialize)]
struct EuMarkingVars<'a> {
    statement: Text,
    logos: Vec<LogoVars<'a>>,
}

#[derive(Serialize)]
struct LogoVars<'a> {
    /// A site path: the file of `static/`.
    path: &'a str,
    alt: Text,
}

/// `projects`: every project, A–Z in the page language.
pub(super) fn insert_all(s: &Scope, ctx: &mut Context) {
    let all: Vec<ProjectVars> = s
        .site
        .lang_index(s.lang)
        .projects_az
        .iter()
        .map(|id| project(s, id))
        .collect();
    ctx.insert("projects", &all);
}

/// The list of projects.
pub(super) fn all(s: &Scope, ctx: &mut Context) -> Heading {
    insert_all(s, ctx);
    Heading::top(s.t("projects"))
}

/// One page of project `id`: its card and its items, under the list of projects.
pub(super) fn one(s: &Scope, ctx: &mut Context, id: &Slug, pg: &Pagination) -> Heading {
    cards::list(s, ctx, pg);
    let vars = project(s, id);
    let (title, lang) = (vars.title.text.clone(), vars.title.lang.clone());
    ctx.insert("project", &vars);
    Heading::under(title, s.t("projects"), s.urls().projects()).in_lang(lang)
}

fn project<'a>(s: &Scope<'a>, id: &Slug) -> ProjectVars<'a> {
    let p = s.site.project(id);
    let d = &p.data;
    let indicators = (!d.indicators.is_empty()).then(|| Indicators {
        names: &p.indicator_columns,
        name_langs: p
            .indicator_columns
            .iter()
            .map(|n| langs::as_written(s.site, &format!("indicator-{n}"), s.lang))
            .collect(),
        rows: d
            .indicators
            .iter()
            .map(|snap| IndicatorRow {
                date: snap.date,
                values: p
                    .indicator_columns
                    .iter()
                    .map(|n| snap.values.get(n).copied())
                    .collect(),
            })
            .collect(),
    });
    let budget = d.budget.as_ref();
    ProjectVars {
        id: p.id.as_str(),
        path: s.urls().project(&p.id),
        stats_path: s.urls().project_stats(&p.id),
        title: s.text(&d.title),
        full_title: d.full_title.as_ref().map(|t| s.text(t)),
        fund: d.fund.as_ref().map(|t| langs::plain(s.site, t, s.lang)),
        programme: d
            .programme
            .as_ref()
            .map(|t| langs::plain(s.site, t, s.lang)),
        priority: d.priority.as_deref(),
        measure: d.measure.as_deref(),
        submeasure: d.submeasure.as_deref(),
        implementer: d.implementer.as_ref().map(|t| s.text(t)),
        start: d.period.as_ref().and_then(|p| p.start),
        end: d.period.as_ref().and_then(|p| p.end),
        total: budget.and_then(|b| b.total),
        co_financing: budget.and_then(|b| b.co_financing),
        funding: d
            .funding
            .iter()
            .map(|f| FundingVars {
                period: f.period.as_deref(),
                source: &f.source,
                source_lang: langs::as_written(
                    s.site,
                    &format!("funding-source-{}", f.source),
                    s.lang,
                ),
                money: f.money(),
            })
            .collect(),
        indicators,
        news_count: s
            .site
            .lang_index(s.lang)
            .by_project
            .get(id)
            .map_or(0, Vec::len),
        eu_marking: d.eu_marking.as_ref().map(|m| EuMarkingVars {
            statement: s.text(&m.statement),
            logos: m
                .logos
                .iter()
                .map(|l| LogoVars {
                    path: &l.file.value,
                    alt: s.text(&l.alt),
                })
                .collect(),
        }),
    }
}
