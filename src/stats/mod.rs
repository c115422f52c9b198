//! The site's statistics as typed values, computed in one pass over the loaded model:
//! publications, translation coverage, funding and indicators (docs/maintainer/pages.md "Statistics"). It
//! knows nothing of HTML: the pages, the CSV files and the JSON file are three views of
//! one [`Stats`].

mod model;

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::content::model::{Entry, Site, Tag};
use crate::content::project::{INDICATORS, Project};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::types::{Currency, Date, Lang, Money, Translated};

/// How many tags the publications by tag show: the most used ones.
pub const TOP_TAGS: usize = 20;

/// Counts of news items: each item once (`items`, a translation is the same item), and
/// per language the items available in it, in the order of the site's `languages`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub items: usize,
    pub per_lang: Vec<usize>,
}

impl Counts {
    fn new(langs: usize) -> Counts {
        Counts {
            items: 0,
            per_lang: vec![0; langs],
        }
    }

    /// Counts one item, available in the languages at `present` (indices into the
    /// site's languages).
    fn add(&mut self, present: &[usize]) {
        self.items += 1;
        for &l in present {
            self.per_lang[l] += 1;
        }
    }
}

/// Publications in one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Year {
    pub year: i16,
    pub counts: Counts,
    /// Items per month, January first.
    pub months: Vec<Counts>,
}

/// Publications of one project or tag.
#[derive(Clone, Debug)]
pub struct Group<'a, T> {
    pub of: &'a T,
    pub counts: Counts,
}

/// Every publication figure.
#[derive(Clone, Debug)]
pub struct Publications<'a> {
    /// Years with at least one item, oldest first.
    pub years: Vec<Year>,
    /// Every project, in the model's order (by id), with its items (possibly none).
    pub projects: Vec<Group<'a, Project>>,
    /// The [`TOP_TAGS`] most used tags, most used first, then by slug.
    pub tags: Vec<Group<'a, Tag>>,
    pub all: Counts,
    pub archived: Counts,
}

/// How many items exist, and how many of them are available in one language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub items: usize,
    pub available: usize,
}

impl Share {
    /// The share in percent, one decimal, rounded half away from zero; `None` without items.
    pub fn percent(&self) -> Option<Decimal> {
        percent(Decimal::from(self.available), Decimal::from(self.items))
    }
}

/// The translation coverage of one language that is not the default one.
#[derive(Clone, Debug)]
pub struct Coverage<'a> {
    pub lang: Lang,
    pub all: Share,
    /// Years of [`Publications::years`], oldest first.
    pub years: Vec<(i16, Share)>,
    /// Projects with at least one item, in the model's order.
    pub projects: Vec<(&'a Project, Share)>,
}

/// An item that lacks a version in `lang`: the editors' to-do list.
#[derive(Clone, Debug)]
pub struct Missing<'a> {
    pub lang: Lang,
    /// The version that exists (in the earliest of the site's languages that has one).
    pub entry: &'a Entry,
}

/// Money of one currency, summed exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sum {
    pub currency: Currency,
    /// Projects whose total value in this currency is counted.
    pub projects: usize,
    pub total: Decimal,
    /// `None` when no project of the sum gives its co-financing in this currency.
    pub co_financing: Option<Decimal>,
}

impl Sum {
    /// Co-financing as a percentage of the total, one decimal; `None` when the total is
    /// zero or no co-financing is given.
    pub fn rate(&self) -> Option<Decimal> {
        percent(self.co_financing?, self.total)
    }

    pub fn total_money(&self) -> Money {
        money(self.total, self.currency)
    }

    pub fn co_financing_money(&self) -> Option<Money> {
        self.co_financing.map(|c| money(c, self.currency))
    }
}

/// One project's budget as written; `None` fields are not given (never counted as zero).
#[derive(Clone, Debug)]
pub struct ProjectFunding<'a> {
    pub project: &'a Project,
    pub total: Option<Money>,
    pub co_financing: Option<Money>,
}

impl ProjectFunding<'_> {
    /// The co-financing rate, when both amounts are given in one currency.
    pub fn rate(&self) -> Option<Decimal> {
        match (self.total, self.co_financing) {
            (Some(t), Some(c)) if t.currency == c.currency => percent(c.amount.0, t.amount.0),
            _ => None,
        }
    }
}

/// Sums of projects grouped by a text field (fund, programme); per currency, A–Z by code.
#[derive(Clone, Debug)]
pub struct FundingGroup {
    /// `None` for the projects that do not name one.
    pub name: Option<String>,
    /// The fund or programme in every language it is given in, for pages in each.
    pub translated: Option<Translated<String>>,
    pub sums: Vec<Sum>,
    /// Projects of the group without a budget.
    pub without_budget: usize,
}

/// Every funding figure: never a sum of two currencies.
#[derive(Clone, Debug)]
pub struct Funding<'a> {
    pub projects: Vec<ProjectFunding<'a>>,
    pub funds: Vec<FundingGroup>,
    pub programmes: Vec<FundingGroup>,
    pub all: FundingGroup,
}

/// One indicator of one project over its snapshot dates, oldest first.
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub points: Vec<(Date, u64)>,
}

impl Series {
    /// The value on the latest date.
    pub fn latest(&self) -> Option<(Date, u64)> {
        self.points.last().copied()
    }
}

/// A project's indicator series, in the order of its card's columns.
#[derive(Clone, Debug)]
pub struct ProjectIndicators<'a> {
    pub project: &'a Project,
    pub series: Vec<Series>,
}

/// The statistics of the whole site.
#[derive(Clone, Debug)]
pub struct Stats<'a> {
    /// The site's languages; every `per_lang` follows this order.
    pub langs: Vec<Lang>,
    pub publications: Publications<'a>,
    /// One per language other than the default one.
    pub coverage: Vec<Coverage<'a>>,
    /// Newest first within each language, languages in the site's order.
    pub missing: Vec<Missing<'a>>,
    pub funding: Funding<'a>,
    /// Every project, in the model's order.
    pub indicators: Vec<ProjectIndicators<'a>>,
    /// Every indicator name any project reports: known ones first, then A–Z.
    pub indicator_names: Vec<String>,
}

impl<'a> Stats<'a> {
    /// Computes every figure in one pass over the news items and one over the projects.
    /// Fails only when money sums exceed what an exact decimal holds (about 7.9 × 10²⁸).
    pub fn compute(site: &'a Site) -> Result<Stats<'a>, Diagnostic> {
        let langs = site.config.languages.clone();
        let n = langs.len();
        let default = site.config.default_language;
        let projects = model::projects(site);

        let mut years: BTreeMap<i16, Year> = BTreeMap::new();
        let mut by_project: BTreeMap<&str, Counts> = BTreeMap::new();
        let mut by_tag: BTreeMap<&str, (&Tag, Counts)> = BTreeMap::new();
        let mut all = Counts::new(n);
        let mut archived = Counts::new(n);
        let mut cover_years: BTreeMap<i16, Vec<Share>> = BTreeMap::new();
        let mut cover_projects: BTreeMap<&str, Vec<Share>> = BTreeMap::new();
        let mut cover_all = vec![Share::default(); n];

        for entry in model::items(site) {
            let present = model::languages_of(entry, &langs);
            // One item, counted at its first version in the site's language order.
            if present.first() != langs.iter().position(|l| *l == entry.lang).as_ref() {
                continue;
            }
            let Some(date) = entry.date else { continue };
            all.add(&present);
            if entry.archived {
                archived.add(&present);
            }
            let year = years.entry(date.year()).or_insert_with(|| Year {
                year: date.year(),
                counts: Counts::new(n),
                months: vec![Counts::new(n); 12],
            });
            year.counts.add(&present);
            year.months[usize::from(date.0.month() as u8 - 1)].add(&present);
            let entry_projects: Vec<&Project> = model::projects_of(site, entry).collect();
            for p in &entry_projects {
                by_project
                    .entry(p.id.as_str())
                    .or_insert_with(|| Counts::new(n))
                    .add(&present);
            }
            for tag in model::tags_of(site, entry) {
                by_tag
                    .entry(tag.slug.as_str())
                    .or_insert_with(|| (tag, Counts::new(n)))
                    .1
                    .add(&present);
            }
            for (l, all) in cover_all.iter_mut().enumerate() {
                let has = present.contains(&l);
                let count = |share: &mut Share| {
                    share.items += 1;
                    share.available += usize::from(has);
                };
                count(all);
                count(
                    &mut cover_years
                        .entry(date.year())
                        .or_insert_with(|| vec![Share::default(); n])[l],
                );
                for p in &entry_projects {
                    count(
                        &mut cover_projects
                            .entry(p.id.as_str())
                            .or_insert_with(|| vec![Share::default(); n])[l],
                    );
                }
            }
        }

        let mut tags: Vec<Group<Tag>> = by_tag
            .into_values()
            .map(|(of, counts)| Group { of, counts })
            .collect();
        // Most used first; ties by slug, which the map already gave.
        tags.sort_by_key(|g| std::cmp::Reverse(g.counts.items));
        tags.truncate(TOP_TAGS);

        let coverage = langs
            .iter()
            .enumerate()
            .filter(|(_, l)| **l != default)
            .map(|(l, &lang)| Coverage {
                lang,
                all: cover_all[l],
                years: cover_years.iter().map(|(&y, s)| (y, s[l])).collect(),
                projects: projects
                    .iter()
                    .filter_map(|p| cover_projects.get(p.id.as_str()).map(|s| (*p, s[l])))
                    .collect(),
            })
            .collect();
        let missing = missing(site);

        let publications = Publications {
            years: years.into_values().collect(),
            projects: projects
                .iter()
                .map(|p| Group {
                    of: *p,
                    counts: by_project
                        .remove(p.id.as_str())
                        .unwrap_or_else(|| Counts::new(n)),
                })
                .collect(),
            tags,
            all,
            archived,
        };

        let funding = funding(&projects, site.config.default_language)?;
        let indicators: Vec<ProjectIndicators> = projects
            .iter()
            .map(|p| ProjectIndicators {
                project: p,
                series: series(p),
            })
            .collect();
        let mut indicator_names: Vec<String> = Vec::new();
        for s in indicators.iter().flat_map(|p| &p.series) {
            if !indicator_names.contains(&s.name) {
                indicator_names.push(s.name.clone());
            }
        }
        indicator_names.sort_by_key(|n| {
            let known = INDICATORS.iter().position(|k| k == n);
            (known.unwrap_or(INDICATORS.len()), n.clone())
        });

        Ok(Stats {
            langs,
            publications,
            coverage,
            missing,
            funding,
            indicators,
            indicator_names,
        })
    }

    /// The indicators of project `id`.
    pub fn project_indicators(&self, id: &str) -> Option<&ProjectIndicators<'a>> {
        self.indicators.iter().find(|p| p.project.id.as_str() == id)
    }

    /// The budget of project `id`.
    pub fn project_funding(&self, id: &str) -> Option<&ProjectFunding<'a>> {
        self.funding
            .projects
            .iter()
            .find(|p| p.project.id.as_str() == id)
    }
}

/// The items that lack a version in a language, newest first within each language,
/// languages in the site's order: [`Stats::missing`]. Apart, because it is all of the
/// statistics that reads items' titles: a preview that patches a title edit makes
/// only this again (`render::Prepared::entries_changed`).
pub fn missing(site: &Site) -> Vec<Missing<'_>> {
    let langs = &site.config.languages;
    let mut missing = Vec::new();
    for entry in model::items(site) {
        let present = model::languages_of(entry, langs);
        // One item, listed at its first version in the site's language order.
        if present.first() != langs.iter().position(|l| *l == entry.lang).as_ref()
            || entry.date.is_none()
        {
            continue;
        }
        for (l, &lang) in langs.iter().enumerate() {
            if !present.contains(&l) {
                missing.push(Missing { lang, entry });
            }
        }
    }
    missing.sort_by(|a, b| {
        let pos = |l: Lang| langs.iter().position(|x| *x == l);
        pos(a.lang)
            .cmp(&pos(b.lang))
            .then(b.entry.date.cmp(&a.entry.date))
            .then(a.entry.id.cmp(&b.entry.id))
    });
    missing
}

/// `part` as a percentage of `whole`, one decimal, half away from zero.
fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let mut p = part
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(whole)?
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(1);
    Some(p)
}

fn money(amount: Decimal, currency: Currency) -> Money {
    Money {
        amount: crate::types::Amount(amount),
        currency,
    }
}

/// Adds the budgets of `projects` per currency into `sums`.
fn add_budget(
    sums: &mut BTreeMap<Currency, Sum>,
    p: &ProjectFunding,
    without_budget: &mut usize,
) -> Result<(), Diagnostic> {
    if p.total.is_none() && p.co_financing.is_none() {
        *without_budget += 1;
        return Ok(());
    }
    let overflow = |m: Money| {
        Diagnostic::error(
            &p.project.source,
            msg!("stats-sum-overflow", currency = m.currency.as_str()),
        )
        .help(msg!("stats-sum-overflow-help"))
    };
    if let Some(t) = p.total {
        let s = sum_of(sums, t.currency);
        s.projects += 1;
        s.total = exact_add(s.total, t.amount.0).ok_or_else(|| overflow(t))?;
    }
    if let Some(c) = p.co_financing {
        let s = sum_of(sums, c.currency);
        let before = s.co_financing.unwrap_or(Decimal::ZERO);
        s.co_financing = Some(exact_add(before, c.amount.0).ok_or_else(|| overflow(c))?);
    }
    Ok(())
}

/// `a + b` if it is exact: a decimal of 28 digits can round a sum rather than overflow
/// (`79228162514264337593543950335 + 0.42`), which would lose grosze silently.
fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let sum = a.checked_add(b)?;
    (sum.scale() >= a.scale().max(b.scale())).then_some(sum)
}

fn sum_of(sums: &mut BTreeMap<Currency, Sum>, currency: Currency) -> &mut Sum {
    sums.entry(currency).or_insert(Sum {
        currency,
        projects: 0,
        total: Decimal::ZERO,
        co_financing: None,
    })
}

fn group(name: Option<String>, members: &[&ProjectFunding]) -> Result<FundingGroup, Diagnostic> {
    let mut sums = BTreeMap::new();
    let mut without_budget = 0;
    for p in members {
        add_budget(&mut sums, p, &mut without_budget)?;
    }
    Ok(FundingGroup {
        name,
        translated: None,
        sums: sums.into_values().collect(),
        without_budget,
    })
}

fn funding<'a>(projects: &[&'a Project], default: Lang) -> Result<Funding<'a>, Diagnostic> {
    let rows: Vec<ProjectFunding> = projects
        .iter()
        .map(|p| {
            let budget = p.data.budget.as_ref();
            ProjectFunding {
                project: p,
                total: budget.and_then(|b| b.total),
                co_financing: budget.and_then(|b| b.co_financing),
            }
        })
        .collect();
    // A fund or programme given per language is grouped by its default-language text.
    let text =
        |t: Option<&'a Translated<String>>| t.and_then(|t| t.get(default, default)).map(|(s, _)| s);
    type Field<'a> = dyn Fn(&'a Project) -> Option<&'a Translated<String>>;
    let by = |field: &Field<'a>| -> Result<Vec<FundingGroup>, Diagnostic> {
        let mut groups: BTreeMap<Option<&String>, Vec<&ProjectFunding>> = BTreeMap::new();
        for r in &rows {
            groups.entry(text(field(r.project))).or_default().push(r);
        }
        // Named groups A–Z by their text, then the projects that name none.
        let (mut named, unnamed): (Vec<_>, Vec<_>) =
            groups.into_iter().partition(|(k, _)| k.is_some());
        named.extend(unnamed);
        named
            .into_iter()
            .map(|(k, members)| {
                let mut g = group(k.cloned(), &members)?;
                g.translated = members.first().and_then(|m| field(m.project)).cloned();
                Ok(g)
            })
            .collect()
    };
    let funds = by(&|p| p.data.fund.as_ref())?;
    let programmes = by(&|p| p.data.programme.as_ref())?;
    let all = group(None, &rows.iter().collect::<Vec<_>>())?;
    Ok(Funding {
        projects: rows,
        funds,
        programmes,
        all,
    })
}

/// The project's indicators as series over its snapshot dates.
fn series(p: &Project) -> Vec<Series> {
    let mut snapshots: Vec<_> = p.data.indicators.iter().collect();
    snapshots.sort_by_key(|s| s.date);
    p.indicator_columns
        .iter()
        .map(|name| Series {
            name: name.clone(),
            points: snapshots
                .iter()
                .filter_map(|s| s.values.get(name).map(|&v| (s.date, v)))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_that_would_round_are_refused() {
        let max = Decimal::MAX;
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(exact_add(max, d("0.42")), None);
        assert_eq!(exact_add(max, Decimal::ONE), None);
        assert_eq!(
            exact_add(d("46974038.58"), d("0.42")),
            Some(d("46974039.00"))
        );
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(percent(d("42451310.44"), d("46974038.58")), Some(d("90.4")));
        assert_eq!(percent(d("1"), d("8")), Some(d("12.5")));
        assert_eq!(percent(d("1"), d("3")).unwrap().to_string(), "33.3");
        assert_eq!(percent(d("1"), Decimal::ZERO), None);
    }
}
