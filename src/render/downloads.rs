//! The statistics as open data (docs/maintainer/pages.md "Statistics"): one CSV file per table (RFC 4180,
//! UTF-8, machine values: ISO dates, amounts with a dot and no grouping, a currency
//! column) and all figures of a language as one JSON file. Both are views of the same
//! [`Stats`] as the pages, written once per build so a page can show their sizes.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Value, json};

use crate::content::model::{Entry, Site};
use crate::content::project::Project;
use crate::stats::{Counts, FundingGroup, Missing, Share, Stats, Sum};
use crate::types::{Lang, Money, Slug, Translated};
use crate::urls::LinkStyle;

/// The tables of the site's statistics page, each one CSV file beside it.
pub const SITE_TABLES: [&str; 13] = [
    "publications-by-year",
    "publications-by-month",
    "publications-by-project",
    "publications-by-tag",
    "publications-totals",
    "translations-by-year",
    "translations-by-project",
    "translations-missing",
    "funding-by-project",
    "funding-by-fund",
    "funding-by-programme",
    "funding-total",
    "indicators-latest",
];

/// The table of the items that lack a language (one of [`SITE_TABLES`]): the one that
/// shows items' titles.
pub const MISSING: &str = "translations-missing";

/// The tables of a project's statistics page.
pub const PROJECT_TABLES: [&str; 2] = ["funding", "indicators"];

/// The site path of table `name` of the site's statistics in `lang`'s URLs.
pub fn site_table(site: &Site, lang: Lang, name: &str) -> String {
    format!("{}{name}.csv", site.urls(lang).stats())
}

/// The site path of table `name` of a project's statistics.
pub fn project_table(site: &Site, lang: Lang, project: &Project, name: &str) -> String {
    format!("{}{name}.csv", site.urls(lang).project_stats(&project.id))
}

/// Every download of the build, with its language: what the plan lists.
pub fn planned(site: &Site) -> Vec<(Lang, Option<&Slug>, String)> {
    let mut out = Vec::new();
    for &lang in &site.config.languages {
        out.extend(
            SITE_TABLES
                .iter()
                .map(|t| (lang, None, site_table(site, lang, t))),
        );
        for (id, p) in &site.projects {
            out.extend(
                PROJECT_TABLES
                    .iter()
                    .map(|t| (lang, Some(id), project_table(site, lang, p, t))),
            );
        }
        out.push((lang, None, site.urls(lang).stats_json()));
    }
    out
}

/// The size of a download of `bytes` as a page shows it: in kilobytes, rounded up, at
/// least 1.
pub fn size_kb(bytes: u64) -> u64 {
    bytes.div_ceil(1024).max(1)
}

/// The bytes of every download, by site path.
pub struct Downloads {
    files: BTreeMap<String, Vec<u8>>,
    /// The JSON file of each language as a value, kept so that an edit of titles changes
    /// only its lists of untranslated items ([`Downloads::titles_changed`]).
    json: BTreeMap<Lang, Value>,
}

impl Downloads {
    /// Writes every planned download of `stats`.
    pub fn new(site: &Site, stats: &Stats, links: &LinkStyle) -> Downloads {
        let mut files = BTreeMap::new();
        let mut values = BTreeMap::new();
        for &lang in &site.config.languages {
            let v = View {
                site,
                stats,
                lang,
                links,
            };
            for (name, csv) in v.site_tables() {
                files.insert(site_table(site, lang, name), csv.0.into_bytes());
            }
            for pi in &stats.indicators {
                let p = pi.project;
                files.insert(
                    project_table(site, lang, p, "funding"),
                    v.project_funding(p.id.as_str()).0.into_bytes(),
                );
                files.insert(
                    project_table(site, lang, p, "indicators"),
                    v.project_indicators(p.id.as_str()).0.into_bytes(),
                );
            }
            let json = v.json();
            files.insert(site.urls(lang).stats_json(), json_bytes(&json));
            values.insert(lang, json);
        }
        Downloads {
            files,
            json: values,
        }
    }

    /// Writes again what shows the titles of the items `edited` — the table of the items
    /// that lack a language, made again from `missing` ([`crate::stats::missing`]), and
    /// those lists in the JSON file, where each edited item's title is replaced — after
    /// an edit of titles alone: the other figures cannot have changed. In a preview,
    /// making the whole JSON value again was most of a title edit's time (about 15 ms a
    /// language on the 10 000-item corpus, docs/dev/performance.md "Preview"); the
    /// languages are written in parallel. Returns the files written.
    pub fn titles_changed(
        &mut self,
        site: &Site,
        missing: &[Missing],
        edited: &[&Entry],
        links: &LinkStyle,
    ) -> Vec<String> {
        let table = missing_table(missing, links).0.into_bytes();
        let titles: Vec<(String, &str)> = edited
            .iter()
            .map(|e| (links.absolute(&e.path), e.title.as_str()))
            .collect();
        let written: Vec<[(String, Vec<u8>); 2]> = self
            .json
            .par_iter_mut()
            .map(|(&lang, json)| {
                let lists = json
                    .get_mut("translations")
                    .and_then(Value::as_array_mut)
                    .into_iter()
                    .flatten();
                let items = lists
                    .filter_map(|coverage| coverage.get_mut("missing")?.as_array_mut())
                    .flatten();
                for item in items {
                    let url = item.get("url").and_then(Value::as_str);
                    if let Some((_, title)) = titles.iter().find(|(u, _)| Some(u.as_str()) == url) {
                        item["title"] = json!(title);
                    }
                }
                [
                    (site_table(site, lang, MISSING), table.clone()),
                    (site.urls(lang).stats_json(), json_bytes(json)),
                ]
            })
            .collect();
        let written = written.into_iter().flatten();
        written
            .map(|(file, bytes)| {
                self.files.insert(file.clone(), bytes);
                file
            })
            .collect()
    }

    /// The bytes of the download at site path `path`.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// The size of the download at `path` in bytes.
    /// Every download: its site path and bytes.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))
    }

    pub fn size(&self, path: &str) -> u64 {
        self.files.get(path).map_or(0, |b| b.len() as u64)
    }
}

/// An RFC 4180 file: fields separated by commas, lines ended by CRLF, a field quoted
/// when it holds a comma, a quote or a line break, quotes doubled. A text that a
/// spreadsheet would run as a formula is defused (docs/maintainer/pages.md, "Statistics": open data).
#[derive(Default)]
struct Csv(String);

/// Whether a spreadsheet opening the file would take `field` for a formula (a tag named
/// `=HYPERLINK(…)`, `@SUM(…)`, `+48 …`): it starts with `=`, `+`, `@`, a tab or a carriage
/// return, or with `-` and is not a number. kronika's own values (counts, amounts, ISO
/// dates, rates) never do.
fn runs_as_formula(field: &str) -> bool {
    match field.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        Some(b'-') => field.parse::<f64>().is_err(),
        _ => false,
    }
}

impl Csv {
    fn with_header(header: &[&str]) -> Csv {
        let mut c = Csv::default();
        c.row(header.iter().map(|s| s.to_string()));
        c
    }

    fn row(&mut self, fields: impl IntoIterator<Item = String>) {
        for (i, mut f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            // OWASP's defence: a leading apostrophe makes the cell text in every
            // spreadsheet; the JSON file keeps the text as written.
            if runs_as_formula(&f) {
                f.insert(0, '\'');
            }
            if f.contains([',', '"', '\r', '\n']) {
                self.0.push('"');
                self.0.push_str(&f.replace('"', "\"\""));
                self.0.push('"');
            } else {
                self.0.push_str(&f);
            }
        }
        self.0.push_str("\r\n");
    }
}

/// An amount as machines read it: two decimals, a dot, no grouping (`46974038.58`).
pub fn machine_amount(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

fn opt(d: Option<Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// The downloads of one language.
struct View<'a> {
    site: &'a Site,
    stats: &'a Stats<'a>,
    lang: Lang,
    links: &'a LinkStyle,
}

impl View<'_> {
    fn text(&self, t: &Translated<String>) -> String {
        t.get(self.lang, self.site.config.default_language)
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    }

    fn title(&self, p: &Project) -> String {
        self.text(&p.data.title)
    }

    fn indicator_name(&self, name: &str) -> String {
        let id = format!("indicator-{name}");
        if self.site.i18n.exists(self.lang, &id) {
            self.site.i18n.get(self.lang, &id, None)
        } else {
            name.to_string()
        }
    }

    /// `items` and one column per language: the header of every count table.
    fn count_header(&self, first: &[&str]) -> Vec<String> {
        let mut h: Vec<String> = first.iter().map(|s| s.to_string()).collect();
        h.push("items".into());
        h.extend(self.stats.langs.iter().map(|l| l.to_string()));
        h
    }

    fn counts(&self, first: Vec<String>, c: &Counts) -> Vec<String> {
        let mut r = first;
        r.push(c.items.to_string());
        r.extend(c.per_lang.iter().map(usize::to_string));
        r
    }

    fn csv_counts(&self, first: &[&str], rows: impl Iterator<Item = (Vec<String>, Counts)>) -> Csv {
        let mut csv = Csv::default();
        csv.row(self.count_header(first));
        for (f, c) in rows {
            csv.row(self.counts(f, &c));
        }
        csv
    }

    fn site_tables(&self) -> Vec<(&'static str, Csv)> {
        let s = self.stats;
        let p = &s.publications;
        let mut out = Vec::new();
        out.push((
            "publications-by-year",
            self.csv_counts(
                &["year"],
                p.years
                    .iter()
                    .map(|y| (vec![y.year.to_string()], y.counts.clone())),
            ),
        ));
        out.push((
            "publications-by-month",
            self.csv_counts(
                &["month"],
                p.years.iter().flat_map(|y| {
                    y.months
                        .iter()
                        .enumerate()
                        .map(move |(m, c)| (vec![format!("{:04}-{:02}", y.year, m + 1)], c.clone()))
                }),
            ),
        ));
        out.push((
            "publications-by-project",
            self.csv_counts(
                &["project", "title"],
                p.projects.iter().map(|g| {
                    (
                        vec![g.of.id.to_string(), self.title(g.of)],
                        g.counts.clone(),
                    )
                }),
            ),
        ));
        out.push((
            "publications-by-tag",
            self.csv_counts(
                &["tag", "name"],
                p.tags.iter().map(|g| {
                    (
                        vec![g.of.slug.to_string(), g.of.name.clone()],
                        g.counts.clone(),
                    )
                }),
            ),
        ));
        out.push((
            "publications-totals",
            self.csv_counts(
                &["kind"],
                [("all", &p.all), ("archived", &p.archived)]
                    .into_iter()
                    .map(|(k, c)| (vec![k.to_string()], c.clone())),
            ),
        ));
        let share_header = |first: &[&str]| {
            let mut h: Vec<&str> = first.to_vec();
            h.extend(["language", "items", "translated", "share_percent"]);
            Csv::with_header(&h)
        };
        let share = |mut r: Vec<String>, lang: Lang, sh: &Share| {
            r.extend([
                lang.to_string(),
                sh.items.to_string(),
                sh.available.to_string(),
                opt(sh.percent()),
            ]);
            r
        };
        let mut by_year = share_header(&["year"]);
        let mut by_project = share_header(&["project", "title"]);
        for c in &s.coverage {
            for (y, sh) in &c.years {
                by_year.row(share(vec![y.to_string()], c.lang, sh));
            }
            for (pr, sh) in &c.projects {
                by_project.row(share(vec![pr.id.to_string(), self.title(pr)], c.lang, sh));
            }
        }
        out.push(("translations-by-year", by_year));
        out.push(("translations-by-project", by_project));
        out.push((MISSING, missing_table(&s.missing, self.links)));

        let money_cols = [
            "currency",
            "total",
            "co_financing",
            "co_financing_rate_percent",
        ];
        let mut projects = Csv::with_header(&[&["project", "title"][..], &money_cols].concat());
        for f in &s.funding.projects {
            let first = vec![f.project.id.to_string(), self.title(f.project)];
            for row in budget_rows(f.total, f.co_financing, f.rate()) {
                let mut r = first.clone();
                r.extend(row);
                projects.row(r);
            }
        }
        out.push(("funding-by-project", projects));
        let group_cols = [
            "currency",
            "projects",
            "total",
            "co_financing",
            "co_financing_rate_percent",
            "projects_without_budget",
        ];
        let groups = |key: &str, gs: &[FundingGroup]| {
            let mut csv = Csv::with_header(&[&[key][..], &group_cols].concat());
            for g in gs {
                for r in group_rows(g) {
                    let mut row = vec![g.name.clone().unwrap_or_default()];
                    row.extend(r);
                    csv.row(row);
                }
            }
            csv
        };
        out.push(("funding-by-fund", groups("fund", &s.funding.funds)));
        out.push((
            "funding-by-programme",
            groups("programme", &s.funding.programmes),
        ));
        let mut total = Csv::with_header(&group_cols);
        for r in group_rows(&s.funding.all) {
            total.row(r);
        }
        out.push(("funding-total", total));
        let mut latest =
            Csv::with_header(&["project", "title", "indicator", "name", "date", "value"]);
        for pi in &s.indicators {
            for series in &pi.series {
                if let Some((date, value)) = series.latest() {
                    latest.row([
                        pi.project.id.to_string(),
                        self.title(pi.project),
                        series.name.clone(),
                        self.indicator_name(&series.name),
                        date.iso(),
                        value.to_string(),
                    ]);
                }
            }
        }
        out.push(("indicators-latest", latest));
        out
    }

    fn project_funding(&self, id: &str) -> Csv {
        let mut csv = Csv::with_header(&[
            "currency",
            "total",
            "co_financing",
            "co_financing_rate_percent",
        ]);
        if let Some(f) = self.stats.project_funding(id) {
            for r in budget_rows(f.total, f.co_financing, f.rate()) {
                csv.row(r);
            }
        }
        csv
    }

    fn project_indicators(&self, id: &str) -> Csv {
        let mut csv = Csv::with_header(&["indicator", "name", "date", "value"]);
        for series in self
            .stats
            .project_indicators(id)
            .map_or(&[][..], |p| &p.series)
        {
            for (date, value) in &series.points {
                csv.row([
                    series.name.clone(),
                    self.indicator_name(&series.name),
                    date.iso(),
                    value.to_string(),
                ]);
            }
        }
        csv
    }

    fn json_counts(&self, c: &Counts) -> Value {
        let per: serde_json::Map<String, Value> = self
            .stats
            .langs
            .iter()
            .zip(&c.per_lang)
            .map(|(l, n)| (l.to_string(), json!(n)))
            .collect();
        json!({"items": c.items, "per_language": per})
    }

    fn json(&self) -> Value {
        let s = self.stats;
        let p = &s.publications;
        let share = |sh: &Share| json!({"items": sh.items, "translated": sh.available, "share_percent": sh.percent()});
        let money = |m: Option<Money>| {
            m.map(|m| json!({"amount": machine_amount(m.amount.0), "currency": m.currency}))
        };
        let sums = |g: &FundingGroup| {
            json!({
                "projects_without_budget": g.without_budget,
                "sums": g.sums.iter().map(json_sum).collect::<Vec<_>>(),
            })
        };
        let named = |key: &str, gs: &[FundingGroup]| -> Vec<Value> {
            gs.iter()
                .map(|g| {
                    let mut v = sums(g);
                    v[key] = json!(g.name);
                    v
                })
                .collect()
        };
        json!({
            "language": self.lang,
            "languages": s.langs,
            "publications": {
                "by_year": p.years.iter().map(|y| {
                    let mut v = self.json_counts(&y.counts);
                    v["year"] = json!(y.year);
                    v["by_month"] = y.months.iter().enumerate().map(|(m, c)| {
                        let mut v = self.json_counts(c);
                        v["month"] = json!(format!("{:04}-{:02}", y.year, m + 1));
                        v
                    }).collect::<Vec<_>>().into();
                    v
                }).collect::<Vec<_>>(),
                "by_project": p.projects.iter().map(|g| {
                    let mut v = self.json_counts(&g.counts);
                    v["project"] = json!(g.of.id);
                    v["title"] = json!(self.title(g.of));
                    v
                }).collect::<Vec<_>>(),
                "by_tag": p.tags.iter().map(|g| {
                    let mut v = self.json_counts(&g.counts);
                    v["tag"] = json!(g.of.slug);
                    v["name"] = json!(g.of.name);
                    v
                }).collect::<Vec<_>>(),
                "all": self.json_counts(&p.all),
                "archived": self.json_counts(&p.archived),
            },
            "translations": s.coverage.iter().map(|c| {
                let mut v = share(&c.all);
                v["language"] = json!(c.lang);
                v["by_year"] = c.years.iter().map(|(y, sh)| {
                    let mut v = share(sh);
                    v["year"] = json!(y);
                    v
                }).collect::<Vec<_>>().into();
                v["by_project"] = c.projects.iter().map(|(pr, sh)| {
                    let mut v = share(sh);
                    v["project"] = json!(pr.id);
                    v["title"] = json!(self.title(pr));
                    v
                }).collect::<Vec<_>>().into();
                v["missing"] = missing_json(&s.missing, c.lang, self.links);
                v
            }).collect::<Vec<_>>(),
            "funding": {
                "by_project": s.funding.projects.iter().map(|f| json!({
                    "project": f.project.id,
                    "title": self.title(f.project),
                    "total": money(f.total),
                    "co_financing": money(f.co_financing),
                    "co_financing_rate_percent": f.rate(),
                })).collect::<Vec<_>>(),
                "by_fund": named("fund", &s.funding.funds),
                "by_programme": named("programme", &s.funding.programmes),
                "total": sums(&s.funding.all),
            },
            "indicators": s.indicators.iter().map(|pi| json!({
                "project": pi.project.id,
                "title": self.title(pi.project),
                "series": pi.series.iter().map(|series| json!({
                    "indicator": series.name,
                    "name": self.indicator_name(&series.name),
                    "points": series.points.iter().map(|(d, v)| json!({"date": d, "value": v})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }
}

/// The items that lack a language, with their titles: the editors' to-do list.
fn missing_table(missing: &[Missing], links: &LinkStyle) -> Csv {
    let mut csv = Csv::with_header(&["missing_language", "date", "title", "language", "url"]);
    for m in missing {
        csv.row([
            m.lang.to_string(),
            m.entry.date.map(|d| d.iso()).unwrap_or_default(),
            m.entry.title.clone(),
            m.entry.lang.to_string(),
            links.absolute(&m.entry.path),
        ]);
    }
    csv
}

/// The items that lack a version in `lang`, as the JSON file lists them.
fn missing_json(missing: &[Missing], lang: Lang, links: &LinkStyle) -> Value {
    let items = missing.iter().filter(|m| m.lang == lang);
    let items = items.map(|m| {
        json!({
            "date": m.entry.date,
            "title": m.entry.title,
            "language": m.entry.lang,
            "url": links.absolute(&m.entry.path),
        })
    });
    Value::Array(items.collect())
}

/// A JSON file's bytes: pretty, with a final line end.
fn json_bytes(value: &Value) -> Vec<u8> {
    let mut json = serde_json::to_vec_pretty(value).unwrap_or_default();
    json.push(b'\n');
    json
}

fn json_sum(s: &Sum) -> Value {
    json!({
        "currency": s.currency,
        "projects": s.projects,
        "total": machine_amount(s.total),
        "co_financing": s.co_financing.map(machine_amount),
        "co_financing_rate_percent": s.rate(),
    })
}

/// A project's budget as CSV rows: one per currency it names (a total and a co-financing
/// in different currencies are never put on one row), or one empty row without a budget.
fn budget_rows(total: Option<Money>, co: Option<Money>, rate: Option<Decimal>) -> Vec<Vec<String>> {
    let amount = |m: Option<Money>| m.map(|m| machine_amount(m.amount.0)).unwrap_or_default();
    match (total, co) {
        (None, None) => vec![vec![String::new(); 4]],
        (Some(t), Some(c)) if t.currency != c.currency => vec![
            vec![
                t.currency.as_str().into(),
                amount(Some(t)),
                String::new(),
                String::new(),
            ],
            vec![
                c.currency.as_str().into(),
                String::new(),
                amount(Some(c)),
                String::new(),
            ],
        ],
        (t, c) => {
            let currency = t.or(c).map(|m| m.currency.as_str().to_string());
            vec![vec![
                currency.unwrap_or_default(),
                amount(t),
                amount(c),
                opt(rate),
            ]]
        }
    }
}

/// A group's sums as CSV rows (currency, projects, total, co-financing, rate, without
/// budget); a group without any budget gets one row that says how many projects it has.
fn group_rows(g: &FundingGroup) -> Vec<Vec<String>> {
    if g.sums.is_empty() {
        let mut r = vec![String::new(); 5];
        r.push(g.without_budget.to_string());
        return vec![r];
    }
    g.sums
        .iter()
        .map(|s| {
            vec![
                s.currency.as_str().to_string(),
                s.projects.to_string(),
                machine_amount(s.total),
                s.co_financing.map(machine_amount).unwrap_or_default(),
                opt(s.rate()),
                g.without_budget.to_string(),
            ]
        })
        .collect()
}
