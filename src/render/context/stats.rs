//! The statistics pages: the `stats` variable of the site's page and of each project's,
//! built once per build from the typed [`Stats`] (docs/maintainer/pages.md "Statistics").

use std::collections::BTreeMap;

use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;
use tera::value::Key;
use tera::{Context, Value};

use super::{Heading, Scope, Text, text};
use crate::content::model::{Entry, Site};
use crate::content::project::Project;
use crate::render::charts::{self, Bars, Steps};
use crate::render::downloads::{self, Downloads};
use crate::stats::{Counts, FundingGroup, Share, Stats, Sum};
use crate::types::{Date, Lang, Money, Slug};

/// The `stats` variable of every statistics page, per language.
pub(super) struct Vars {
    site: BTreeMap<Lang, Value>,
    projects: BTreeMap<(Lang, String), Value>,
}

#[derive(Serialize)]
struct Download {
    path: String,
    size_kb: u64,
}

#[derive(Serialize)]
struct Language {
    code: String,
    name: String,
}

#[derive(Serialize)]
struct CountRow<T: Serialize> {
    #[serde(flatten)]
    what: T,
    items: usize,
    per_lang: Vec<usize>,
}

#[derive(Serialize)]
struct Year {
    year: i16,
}

#[derive(Serialize)]
struct Month {
    /// `2012-02`, for `<time datetime>`.
    month: String,
    /// The month's first day, for the `date` filter.
    first_day: Date,
}

#[derive(Serialize)]
struct Named {
    title: Text,
    path: String,
}

#[derive(Serialize)]
struct TagName {
    name: String,
    /// The tag's language, when it is not the page's.
    lang: Option<String>,
    /// `None` when the tag has no page in this language (its items are in others only).
    path: Option<String>,
}

#[derive(Serialize)]
struct ShareRow<T: Serialize> {
    #[serde(flatten)]
    what: T,
    items: usize,
    translated: usize,
    percent: Option<Decimal>,
}

#[derive(Serialize)]
struct CoverageVars {
    lang: String,
    name: String,
    all: ShareRow<()>,
    years: Vec<ShareRow<Year>>,
    projects: Vec<ShareRow<Named>>,
    missing: Vec<MissingVars>,
}

#[derive(Serialize)]
struct MissingVars {
    title: String,
    path: String,
    date: Option<Date>,
    /// The language the existing version is in.
    lang: String,
}

#[derive(Serialize)]
struct SumVars {
    total: Money,
    co_financing: Option<Money>,
    rate: Option<Decimal>,
    projects: usize,
}

#[derive(Serialize)]
struct GroupVars {
    name: Option<String>,
    /// The name's language, when it is not the page's (docs/maintainer/pages.md, "Statistics").
    lang: Option<String>,
    sums: Vec<SumVars>,
    without_budget: usize,
}

#[derive(Serialize)]
struct BudgetVars {
    total: Option<Money>,
    co_financing: Option<Money>,
    rate: Option<Decimal>,
}

#[derive(Serialize)]
struct ProjectBudget {
    #[serde(flatten)]
    project: Named,
    #[serde(flatten)]
    budget: BudgetVars,
}

#[derive(Serialize)]
struct Latest {
    value: u64,
    date: Date,
}

#[derive(Serialize)]
struct LatestRow {
    #[serde(flatten)]
    project: Named,
    values: Vec<Option<Latest>>,
}

#[derive(Serialize)]
struct SiteVars {
    languages: Vec<Language>,
    years: Vec<CountRow<Year>>,
    years_chart: Bars,
    months: Vec<CountRow<Month>>,
    projects: Vec<CountRow<Named>>,
    tags: Vec<CountRow<TagName>>,
    all: CountRow<()>,
    archived: CountRow<()>,
    coverage: Vec<CoverageVars>,
    funding_projects: Vec<ProjectBudget>,
    funds: Vec<GroupVars>,
    programmes: Vec<GroupVars>,
    funding_all: GroupVars,
    indicator_names: Vec<String>,
    /// The language of each indicator name shown as written (`langs::as_written`).
    indicator_langs: Vec<Option<String>>,
    indicators: Vec<LatestRow>,
    /// The CSV file of each table, by table name.
    csv: BTreeMap<&'static str, Download>,
    json: Download,
}

#[derive(Serialize)]
struct SeriesVars {
    name: String,
    /// The language of the name when no message translates it and it is not the page's.
    name_lang: Option<String>,
    chart: Steps,
}

#[derive(Serialize)]
struct ProjectVars {
    languages: Vec<Language>,
    title: Text,
    card: String,
    news: CountRow<()>,
    budget: BudgetVars,
    series: Vec<SeriesVars>,
    csv: BTreeMap<&'static str, Download>,
    json: Download,
}

/// The name of language `of` in language `lang` (`angielski`), or its code when no UI
/// strings name it.
fn language_name(site: &Site, lang: Lang, of: Lang) -> String {
    let id = format!("language-{of}");
    if site.i18n.exists(lang, &id) {
        site.i18n.get(lang, &id, None)
    } else {
        of.to_string()
    }
}

fn counts<T: Serialize>(what: T, c: &Counts) -> CountRow<T> {
    CountRow {
        what,
        items: c.items,
        per_lang: c.per_lang.clone(),
    }
}

fn share<T: Serialize>(what: T, s: &Share) -> ShareRow<T> {
    ShareRow {
        what,
        items: s.items,
        translated: s.available,
        percent: s.percent(),
    }
}

fn sum(s: &Sum) -> SumVars {
    SumVars {
        total: s.total_money(),
        co_financing: s.co_financing_money(),
        rate: s.rate(),
        projects: s.projects,
    }
}

fn group(g: &FundingGroup, site: &Site, page: Lang) -> GroupVars {
    let shown = g
        .translated
        .as_ref()
        .map(|t| super::langs::plain(site, t, page));
    GroupVars {
        name: shown
            .as_ref()
            .map(|t| t.text.clone())
            .or_else(|| g.name.clone()),
        lang: shown.and_then(|t| t.lang),
        sums: g.sums.iter().map(sum).collect(),
        without_budget: g.without_budget,
    }
}

impl Vars {
    pub(super) fn new(site: &Site, stats: &Stats, files: &Downloads) -> Vars {
        let empty = || Vars {
            site: BTreeMap::new(),
            projects: BTreeMap::new(),
        };
        let made = site.config.languages.par_iter().map(|&lang| {
            let mut vars = empty();
            let urls = site.urls(lang);
            let download = |path: String| Download {
                size_kb: downloads::size_kb(files.size(&path)),
                path,
            };
            let languages: Vec<Language> = stats
                .langs
                .iter()
                .map(|l| Language {
                    code: l.to_string(),
                    name: language_name(site, lang, *l),
                })
                .collect();
            let named = |p: &Project| Named {
                title: text(site, &p.data.title, lang),
                path: urls.project_stats(&p.id),
            };
            let pubs = &stats.publications;
            let coverage = stats
                .coverage
                .iter()
                .map(|c| CoverageVars {
                    lang: c.lang.to_string(),
                    name: language_name(site, lang, c.lang),
                    all: share((), &c.all),
                    years: c
                        .years
                        .iter()
                        .map(|(y, s)| share(Year { year: *y }, s))
                        .collect(),
                    projects: c.projects.iter().map(|(p, s)| share(named(p), s)).collect(),
                    missing: stats
                        .missing
                        .iter()
                        .filter(|m| m.lang == c.lang)
                        .map(|m| missing_vars(m.entry))
                        .collect(),
                })
                .collect();
            let budget = |f: &crate::stats::ProjectFunding| BudgetVars {
                total: f.total,
                co_financing: f.co_financing,
                rate: f.rate(),
            };
            let site_vars = SiteVars {
                years: pubs
                    .years
                    .iter()
                    .map(|y| counts(Year { year: y.year }, &y.counts))
                    .collect(),
                years_chart: charts::bars(
                    &pubs
                        .years
                        .iter()
                        .map(|y| (y.year.to_string(), y.counts.items as u64))
                        .collect::<Vec<_>>(),
                ),
                months: pubs
                    .years
                    .iter()
                    .flat_map(|y| {
                        y.months
                            .iter()
                            .enumerate()
                            .filter(|(_, c)| c.items > 0)
                            .map(move |(m, c)| {
                                let first = jiff::civil::Date::new(y.year, m as i8 + 1, 1)
                                    .unwrap_or_default();
                                counts(
                                    Month {
                                        month: format!("{:04}-{:02}", y.year, m + 1),
                                        first_day: Date(first),
                                    },
                                    c,
                                )
                            })
                    })
                    .collect(),
                projects: pubs
                    .projects
                    .iter()
                    .map(|g| counts(named(g.of), &g.counts))
                    .collect(),
                tags: pubs
                    .tags
                    .iter()
                    .map(|g| {
                        counts(
                            TagName {
                                lang: super::langs::other(
                                    super::langs::tag(site, &g.of.slug),
                                    lang,
                                ),
                                name: g.of.name.clone(),
                                path: g.of.items.contains_key(&lang).then(|| urls.tag(&g.of.slug)),
                            },
                            &g.counts,
                        )
                    })
                    .collect(),
                all: counts((), &pubs.all),
                archived: counts((), &pubs.archived),
                coverage,
                funding_projects: stats
                    .funding
                    .projects
                    .iter()
                    .map(|f| ProjectBudget {
                        project: named(f.project),
                        budget: budget(f),
                    })
                    .collect(),
                funds: stats
                    .funding
                    .funds
                    .iter()
                    .map(|g| group(g, site, lang))
                    .collect(),
                programmes: stats
                    .funding
                    .programmes
                    .iter()
                    .map(|g| group(g, site, lang))
                    .collect(),
                funding_all: group(&stats.funding.all, site, lang),
                indicator_names: stats.indicator_names.clone(),
                indicator_langs: stats
                    .indicator_names
                    .iter()
                    .map(|n| super::langs::as_written(site, &format!("indicator-{n}"), lang))
                    .collect(),
                indicators: stats
                    .indicators
                    .iter()
                    .filter(|pi| !pi.series.is_empty())
                    .map(|pi| LatestRow {
                        project: named(pi.project),
                        values: stats
                            .indicator_names
                            .iter()
                            .map(|n| {
                                pi.series
                                    .iter()
                                    .find(|s| &s.name == n)
                                    .and_then(|s| s.latest())
                                    .map(|(date, value)| Latest { value, date })
                            })
                            .collect(),
                    })
                    .collect(),
                csv: downloads::SITE_TABLES
                    .iter()
                    .map(|t| (*t, download(downloads::site_table(site, lang, t))))
                    .collect(),
                json: download(urls.stats_json()),
                languages,
            };
            vars.site.insert(lang, Value::from_serializable(&site_vars));

            for pi in &stats.indicators {
                let p = pi.project;
                let news = pubs
                    .projects
                    .iter()
                    .find(|g| g.of.id == p.id)
                    .map(|g| counts((), &g.counts))
                    .unwrap_or_else(|| counts((), &Counts::default()));
                let project_vars = ProjectVars {
                    languages: stats
                        .langs
                        .iter()
                        .map(|l| Language {
                            code: l.to_string(),
                            name: language_name(site, lang, *l),
                        })
                        .collect(),
                    title: text(site, &p.data.title, lang),
                    card: urls.project(&p.id),
                    news,
                    budget: stats.project_funding(p.id.as_str()).map_or(
                        BudgetVars {
                            total: None,
                            co_financing: None,
                            rate: None,
                        },
                        budget,
                    ),
                    series: pi
                        .series
                        .iter()
                        .map(|s| SeriesVars {
                            name_lang: super::langs::as_written(
                                site,
                                &format!("indicator-{}", s.name),
                                lang,
                            ),
                            name: s.name.clone(),
                            chart: charts::steps(&s.points),
                        })
                        .collect(),
                    csv: downloads::PROJECT_TABLES
                        .iter()
                        .map(|t| (*t, download(downloads::project_table(site, lang, p, t))))
                        .collect(),
                    json: download(urls.stats_json()),
                };
                vars.projects.insert(
                    (lang, p.id.to_string()),
                    Value::from_serializable(&project_vars),
                );
            }
            vars
        });
        made.reduce(empty, |mut all, one| {
            all.site.extend(one.site);
            all.projects.extend(one.projects);
            all
        })
    }

    /// Brings the site's statistics pages' variables up to date after an edit of the
    /// titles of `edited` alone: each edited item's row in their lists of untranslated
    /// items, and the sizes of the downloads they link. The projects' pages show no
    /// title. Template values share their parts, so the rest is not made again: making
    /// the whole variables again took about 7 ms a language on the 10 000-item corpus,
    /// and freeing the old ones as long (docs/dev/performance.md "Preview").
    pub(super) fn titles_changed(&mut self, site: &Site, edited: &[&Entry], files: &Downloads) {
        let rows: Vec<(&str, Value)> = edited
            .iter()
            .map(|e| (e.path.as_str(), Value::from_serializable(&missing_vars(e))))
            .collect();
        for (&lang, vars) in &mut self.site {
            let download = |path: String| Download {
                size_kb: downloads::size_kb(files.size(&path)),
                path,
            };
            let csv: BTreeMap<&str, Download> = downloads::SITE_TABLES
                .iter()
                .map(|t| (*t, download(downloads::site_table(site, lang, t))))
                .collect();
            let json = download(site.urls(lang).stats_json());
            let sizes = [
                ("csv", Value::from_serializable(&csv)),
                ("json", Value::from_serializable(&json)),
            ];
            if let Some(patched) = with_rows(vars, &rows, sizes) {
                *vars = patched;
            }
        }
    }
}

/// The variables `vars` of a site statistics page with `rows` (by path) in place of those
/// rows of its lists of untranslated items, and `set` in place of those keys.
fn with_rows(
    vars: &Value,
    rows: &[(&str, Value)],
    set: [(&'static str, Value); 2],
) -> Option<Value> {
    let get = |v: &Value, key: &'static str| v.as_map()?.get(&Key::Str(key)).cloned();
    let mut map = vars.as_map()?.clone();
    let mut coverage = Vec::new();
    for c in get(vars, "coverage")?.as_array()? {
        let missing = get(c, "missing")?;
        let missing: Vec<Value> = (missing.as_array()?.iter())
            .map(|row| {
                let path = get(row, "path");
                let path = path.as_ref().and_then(Value::as_str);
                match rows.iter().find(|(p, _)| Some(*p) == path) {
                    Some((_, new)) => new.clone(),
                    None => row.clone(),
                }
            })
            .collect();
        let mut c = c.as_map()?.clone();
        c.insert(Key::Str("missing"), Value::from(missing));
        coverage.push(Value::from(c));
    }
    map.insert(Key::Str("coverage"), Value::from(coverage));
    for (key, value) in set {
        map.insert(Key::Str(key), value);
    }
    Some(Value::from(map))
}

/// An item that lacks a language, as the site's statistics page lists it.
fn missing_vars(e: &Entry) -> MissingVars {
    MissingVars {
        title: e.title.clone(),
        path: e.path.clone(),
        date: e.date,
        lang: e.lang.to_string(),
    }
}

/// The site's statistics page.
pub(super) fn site(s: &Scope, ctx: &mut Context, vars: &Vars) -> Heading {
    if let Some(v) = vars.site.get(&s.lang) {
        ctx.insert_value("stats", v.clone());
    }
    Heading::top(s.t("stats"))
}

/// The statistics page of project `id`, under the site's statistics.
pub(super) fn project(s: &Scope, ctx: &mut Context, vars: &Vars, id: &Slug) -> Heading {
    let project = s.site.project(id);
    if let Some(v) = vars.projects.get(&(s.lang, project.id.to_string())) {
        ctx.insert_value("stats", v.clone());
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("project", s.text(&project.data.title).text);
    let title = s.site.i18n.get(s.lang, "stats-project-title", Some(&args));
    Heading::under(title, s.t("stats"), s.urls().stats())
}
