//! Template variables of a planned page. Everything a template sees is built here, so the
//! templates stay free of logic and the variables are documented in one place (README).

use serde::Serialize;
use tera::{Context, Value};

use crate::content::model::{Entry, Site};
use crate::content::project::Project;
use crate::render::pages::{PageKind, Pagination, Planned};
use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::content::project::INDICATORS;
use crate::types::{Lang, Money, Translated};
use crate::urls::LinkStyle;

/// How many news items the home page lists.
const HOME_ITEMS: usize = 5;

/// A news item as lists show it; built once per item, shared by every list page.
#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    path: &'a str,
    date: Option<String>,
    summary: &'a str,
    archived: bool,
}

/// The cards of every news item, as template values (cheap to clone: reference-counted).
struct Cards(Vec<Value>);

impl Cards {
    fn new(site: &Site) -> Cards {
        Cards(
            site.news
                .iter()
                .map(|e| {
                    Value::from_serializable(&Card {
                        title: &e.title,
                        path: &e.path,
                        date: e.date.map(|d| d.iso()),
                        summary: &e.summary,
                        archived: e.archived,
                    })
                })
                .collect(),
        )
    }

    fn list(&self, items: &[usize]) -> Vec<Value> {
        items.iter().map(|&i| self.0[i].clone()).collect()
    }
}

/// What every page of one language shows alike (site data, menu, language names),
/// turned into template values once per build instead of once per page.
pub struct Shared {
    cards: Cards,
    langs: BTreeMap<Lang, LangShared>,
}

struct LangShared {
    site: Value,
    nav: Value,
    language_name: Value,
    /// For each other language: its name in itself and the notice, written in that
    /// language, that a page exists only in this one.
    other: BTreeMap<Lang, (String, String)>,
}

impl Shared {
    pub fn new(site: &Site) -> Shared {
        let c = &site.config;
        let d = c.default_language;
        fn plain(t: &Translated<String>, lang: Lang, default: Lang) -> Option<&str> {
            t.get(lang, default).map(|(s, _)| s.as_str())
        }
        let langs = c
            .languages
            .iter()
            .map(|&lang| {
                let urls = site.urls(lang);
                let vars = SiteVars {
                    title: c.title(lang),
                    publisher: c.publisher.as_ref().and_then(|p| plain(&p.name, lang, d)),
                    editorial: c.editorial.as_ref().map(|e| Editorial {
                        name: plain(&e.name, lang, d).unwrap_or(""),
                        email: e.email.as_deref(),
                        phone: e.phone.as_deref(),
                        address: e.address.as_ref().and_then(|a| plain(a, lang, d)),
                    }),
                    default_lang: d.as_str(),
                    languages: c.languages.iter().map(|l| l.as_str()).collect(),
                };
                let nav = Nav {
                    home: urls.home(),
                    news: urls.news(),
                    archive: urls.archive(),
                    projects: urls.projects(),
                    tags: urls.tags(),
                    rss: urls.rss(),
                };
                let other = c
                    .languages
                    .iter()
                    .filter(|l| **l != lang)
                    .map(|&l| {
                        let mut args = fluent_bundle::FluentArgs::new();
                        args.set(
                            "language",
                            site.i18n.get(l, &format!("language-{lang}"), None),
                        );
                        let notice = site.i18n.get(l, "translation-missing", Some(&args));
                        (l, (site.i18n.language_name(l), notice))
                    })
                    .collect();
                let shared = LangShared {
                    site: Value::from_serializable(&vars),
                    nav: Value::from_serializable(&nav),
                    language_name: Value::from(site.i18n.language_name(lang)),
                    other,
                };
                (lang, shared)
            })
            .collect();
        Shared {
            cards: Cards::new(site),
            langs,
        }
    }
}

#[derive(Serialize)]
struct Link {
    title: String,
    path: String,
}

#[derive(Serialize)]
struct SwitchLink {
    lang: String,
    /// The language's name in itself (`polski`, `English`).
    name: String,
    path: String,
    /// The page has no version in this language; `path` leads to the nearest substitute.
    missing: bool,
    /// Says so in the target language.
    notice: String,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    href: String,
}

#[derive(Serialize)]
struct Nav {
    home: String,
    news: String,
    archive: String,
    projects: String,
    tags: String,
    rss: String,
}

#[derive(Serialize)]
struct SiteVars<'a> {
    title: &'a str,
    publisher: Option<&'a str>,
    editorial: Option<Editorial<'a>>,
    default_lang: &'a str,
    languages: Vec<&'a str>,
}

#[derive(Serialize)]
struct Editorial<'a> {
    name: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    address: Option<&'a str>,
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

#[derive(Serialize)]
struct AttachmentVars<'a> {
    title: &'a str,
    path: &'a str,
    file_name: &'a str,
    /// Size in kilobytes, rounded up (a 10-byte file is "1 kB", never "0 kB").
    size_kb: u64,
    extension: String,
}

#[derive(Serialize)]
struct EntryVars<'a> {
    title: &'a str,
    date: Option<String>,
    produced: Option<String>,
    produced_by: Option<&'a str>,
    published_by: Option<&'a str>,
    archived: bool,
    draft: bool,
    summary: &'a str,
    body: Cow<'a, str>,
    tags: Vec<Link>,
    projects: Vec<Link>,
    attachments: Vec<AttachmentVars<'a>>,
    source: &'a str,
}

/// A translated text and, when it is not in the page language, the language it is in.
#[derive(Serialize)]
struct Text {
    text: String,
    lang: Option<String>,
}

#[derive(Serialize)]
struct MoneyVars {
    amount: String,
    currency: String,
}

#[derive(Serialize)]
struct FundingVars {
    period: Option<String>,
    source: String,
    money: MoneyVars,
}

#[derive(Serialize)]
struct Indicators {
    names: Vec<String>,
    rows: Vec<IndicatorRow>,
}

#[derive(Serialize)]
struct IndicatorRow {
    date: String,
    values: Vec<Option<u64>>,
}

#[derive(Serialize)]
struct ProjectVars {
    id: String,
    path: String,
    title: Text,
    full_title: Option<Text>,
    fund: Option<String>,
    programme: Option<String>,
    priority: Option<String>,
    measure: Option<String>,
    submeasure: Option<String>,
    implementer: Option<Text>,
    start: Option<String>,
    end: Option<String>,
    total: Option<MoneyVars>,
    co_financing: Option<MoneyVars>,
    funding: Vec<FundingVars>,
    indicators: Option<Indicators>,
    news_count: usize,
}

#[derive(Serialize)]
struct TagVars<'a> {
    name: &'a str,
    path: String,
    count: usize,
}

#[derive(Serialize)]
struct YearVars {
    year: i16,
    path: String,
    count: usize,
}

#[derive(Serialize)]
struct AliasVars {
    query: Option<String>,
    path: String,
}

/// Builds the context of one page.
pub fn for_page(site: &Site, shared: &Shared, page: &Planned, links: &LinkStyle) -> Context {
    let lang = page.lang.unwrap_or(site.config.default_language);
    let mut ctx = Context::new();
    common(&mut ctx, site, &shared.langs[&lang], page, lang, links);
    let cards = &shared.cards;
    let urls = site.urls(lang);
    let t = |id: &str| site.i18n.get(lang, id, None);
    let (title, crumbs): (String, Vec<Link>) = match &page.kind {
        PageKind::Home => {
            let idx = site.lang_index(lang);
            ctx.insert_value(
                "items",
                Value::from(cards.list(&idx.current[..idx.current.len().min(HOME_ITEMS)])),
            );
            ctx.insert("projects", &projects(site, lang));
            (site.config.title(lang).to_string(), Vec::new())
        }
        PageKind::NewsList(pg) => {
            list(&mut ctx, cards, pg, site, lang);
            (t("news"), vec![])
        }
        PageKind::Item(i) => {
            let e = &site.news[*i];
            ctx.insert(
                "item",
                &entry(site, e, lang, e.body.html(links, &page.path)),
            );
            (
                e.title.clone(),
                vec![Link {
                    title: t("news"),
                    path: urls.news(),
                }],
            )
        }
        PageKind::Archive => {
            let years: Vec<YearVars> = site
                .lang_index(lang)
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
            (t("archive"), vec![])
        }
        PageKind::ArchiveYear(year, pg) => {
            list(&mut ctx, cards, pg, site, lang);
            ctx.insert("year", year);
            ctx.insert_value("months", Value::from(months(site, cards, &pg.items)));
            (
                site.i18n.get(lang, "archive-year", Some(&year_args(*year))),
                vec![Link {
                    title: t("archive"),
                    path: urls.archive(),
                }],
            )
        }
        PageKind::Projects => {
            ctx.insert("projects", &projects(site, lang));
            (t("projects"), vec![])
        }
        PageKind::Project(p, pg) => {
            list(&mut ctx, cards, pg, site, lang);
            let vars = project(site, *p, &site.projects[*p], lang);
            let title = vars.title.text.clone();
            ctx.insert("project", &vars);
            (
                title,
                vec![Link {
                    title: t("projects"),
                    path: urls.projects(),
                }],
            )
        }
        PageKind::Tags => {
            let mut tags: Vec<TagVars> = site
                .lang_index(lang)
                .tags
                .iter()
                .map(|&i| {
                    let tag = &site.tags[i];
                    TagVars {
                        name: &tag.name,
                        path: urls.tag(&tag.slug),
                        count: tag.items[&lang].len(),
                    }
                })
                .collect();
            tags.sort_by(|a, b| site.i18n.compare(lang, a.name, b.name));
            ctx.insert("tags", &tags);
            (t("tags"), vec![])
        }
        PageKind::Tag(i, pg) => {
            list(&mut ctx, cards, pg, site, lang);
            let tag = &site.tags[*i];
            ctx.insert("tag", &tag.name);
            (
                tag.name.clone(),
                vec![Link {
                    title: t("tags"),
                    path: urls.tags(),
                }],
            )
        }
        PageKind::Page(i) => {
            let e = &site.pages[*i];
            ctx.insert(
                "item",
                &entry(site, e, lang, e.body.html(links, &page.path)),
            );
            (e.title.clone(), vec![])
        }
        PageKind::NotFound => {
            let homes: Vec<Alternate> = site
                .config
                .languages
                .iter()
                .map(|&l| Alternate {
                    lang: l.to_string(),
                    href: site.urls(l).home(),
                })
                .collect();
            ctx.insert("homes", &homes);
            (site.i18n.get(lang, "not-found-title", None), vec![])
        }
        PageKind::Alias { to } => {
            let targets: Vec<AliasVars> = to
                .iter()
                .map(|(q, p)| AliasVars {
                    query: q.clone(),
                    path: p.clone(),
                })
                .collect();
            ctx.insert("targets", &targets);
            (site.i18n.get(lang, "redirect-title", None), vec![])
        }
    };
    let mut breadcrumbs = vec![Link {
        title: t("home"),
        path: urls.home(),
    }];
    breadcrumbs.extend(crumbs);
    ctx.insert("breadcrumbs", &breadcrumbs);
    ctx.insert("title", &title);
    ctx
}

fn year_args(year: i16) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("year", year.to_string());
    args
}

fn common(
    ctx: &mut Context,
    site: &Site,
    shared: &LangShared,
    page: &Planned,
    lang: Lang,
    links: &LinkStyle,
) {
    let c = &site.config;
    ctx.insert("lang", lang.as_str());
    ctx.insert("current_path", &page.path);
    ctx.insert("offline", &links.offline);
    ctx.insert("page_kind", page.template.trim_end_matches(".html"));
    ctx.insert("canonical", &links.absolute(&page.path));
    ctx.insert_value("site", shared.site.clone());
    ctx.insert_value("nav", shared.nav.clone());
    ctx.insert_value("language_name", shared.language_name.clone());
    let switcher: Vec<SwitchLink> = page
        .switch
        .iter()
        .map(|(l, path, missing)| {
            let (name, notice) = &shared.other[l];
            SwitchLink {
                lang: l.to_string(),
                name: name.clone(),
                path: path.clone(),
                missing: *missing,
                notice: if *missing {
                    notice.clone()
                } else {
                    String::new()
                },
            }
        })
        .collect();
    ctx.insert("switcher", &switcher);
    let mut alternates: Vec<Alternate> = page
        .alternates
        .iter()
        .map(|(l, p)| Alternate {
            lang: l.to_string(),
            href: links.absolute(p),
        })
        .collect();
    if alternates.len() > 1 {
        if let Some((_, p)) = page
            .alternates
            .iter()
            .find(|(l, _)| *l == c.default_language)
        {
            alternates.push(Alternate {
                lang: "x-default".into(),
                href: links.absolute(p),
            });
        }
    } else {
        alternates.clear();
    }
    ctx.insert("alternates", &alternates);
}

fn list(ctx: &mut Context, cards: &Cards, pg: &Pagination, site: &Site, lang: Lang) {
    ctx.insert_value("items", Value::from(cards.list(&pg.items)));
    let urls = site.urls(lang);
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

fn entry<'a>(site: &'a Site, e: &'a Entry, lang: Lang, body: Cow<'a, str>) -> EntryVars<'a> {
    let urls = site.urls(lang);
    EntryVars {
        title: &e.title,
        date: e.date.map(|d| d.iso()),
        produced: e.produced.map(|d| d.iso()),
        produced_by: e.produced_by.as_deref(),
        published_by: e.published_by.as_deref(),
        archived: e.archived,
        draft: e.draft,
        summary: &e.summary,
        body,
        tags: e
            .tags
            .iter()
            .map(|&t| Link {
                title: site.tags[t].name.clone(),
                path: urls.tag(&site.tags[t].slug),
            })
            .collect(),
        projects: e
            .projects
            .iter()
            .map(|&p| {
                let pr = &site.projects[p];
                Link {
                    title: text(site, &pr.data.title, lang).text,
                    path: urls.project(&pr.id),
                }
            })
            .collect(),
        attachments: e
            .attachments
            .iter()
            .map(|a| AttachmentVars {
                title: &a.title,
                path: &a.path,
                file_name: &a.file_name,
                size_kb: a.size.div_ceil(1024).max(1),
                extension: a
                    .file_name
                    .rsplit_once('.')
                    .map(|(_, x)| x.to_uppercase())
                    .unwrap_or_default(),
            })
            .collect(),
        source: &e.source,
    }
}

fn text(site: &Site, t: &Translated<String>, lang: Lang) -> Text {
    match t.get(lang, site.config.default_language) {
        Some((s, l)) => Text {
            text: s.clone(),
            lang: (l != lang).then(|| l.to_string()),
        },
        None => Text {
            text: String::new(),
            lang: None,
        },
    }
}

fn money(m: &Money) -> MoneyVars {
    MoneyVars {
        amount: m.amount.0.to_string(),
        currency: m.currency.as_str().to_string(),
    }
}

/// The items of a page grouped by month, newest first as they come: each group has
/// `month` (`2012-02`, for `<time datetime>`), `first_day` (`2012-02-01`, for the `date`
/// filter's `month` style) and `items`.
fn months(site: &Site, cards: &Cards, items: &[usize]) -> Vec<Value> {
    #[derive(Serialize)]
    struct Month {
        month: String,
        first_day: String,
        items: Vec<Value>,
    }
    let mut out: Vec<Month> = Vec::new();
    for &i in items {
        let Some(date) = site.news[i].date else {
            continue;
        };
        let month = format!("{:04}-{:02}", date.0.year(), date.0.month());
        if out.last().is_none_or(|m| m.month != month) {
            out.push(Month {
                first_day: format!("{month}-01"),
                month,
                items: Vec::new(),
            });
        }
        if let Some(m) = out.last_mut() {
            m.items.push(cards.0[i].clone());
        }
    }
    out.iter().map(Value::from_serializable).collect()
}

/// Every project, in the alphabetical order of the page language.
fn projects(site: &Site, lang: Lang) -> Vec<ProjectVars> {
    let mut all: Vec<ProjectVars> = site
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| project(site, i, p, lang))
        .collect();
    all.sort_by(|a, b| site.i18n.compare(lang, &a.title.text, &b.title.text));
    all
}

fn project(site: &Site, i: usize, p: &Project, lang: Lang) -> ProjectVars {
    let d = &p.data;
    let indicators = (!d.indicators.is_empty()).then(|| {
        let mut names: Vec<String> = Vec::new();
        for s in &d.indicators {
            for k in s.values.keys() {
                if !names.contains(k) {
                    names.push(k.clone());
                }
            }
        }
        names.sort_by_key(|n| {
            let known = INDICATORS.iter().position(|k| k == n);
            (known.unwrap_or(INDICATORS.len()), n.clone())
        });
        Indicators {
            rows: d
                .indicators
                .iter()
                .map(|s| IndicatorRow {
                    date: s.date.iso(),
                    values: names.iter().map(|n| s.values.get(n).copied()).collect(),
                })
                .collect(),
            names,
        }
    });
    ProjectVars {
        id: p.id.to_string(),
        path: site.urls(lang).project(&p.id),
        title: text(site, &d.title, lang),
        full_title: d.full_title.as_ref().map(|t| text(site, t, lang)),
        fund: d.fund.clone(),
        programme: d.programme.clone(),
        priority: d.priority.clone(),
        measure: d.measure.clone(),
        submeasure: d.submeasure.clone(),
        implementer: d.implementer.as_ref().map(|t| text(site, t, lang)),
        start: d.period.as_ref().and_then(|p| p.start).map(|d| d.iso()),
        end: d.period.as_ref().and_then(|p| p.end).map(|d| d.iso()),
        total: d.budget.as_ref().and_then(|b| b.total.as_ref()).map(money),
        co_financing: d
            .budget
            .as_ref()
            .and_then(|b| b.co_financing.as_ref())
            .map(money),
        funding: d
            .funding
            .iter()
            .map(|f| FundingVars {
                period: f.period.clone(),
                source: f.source.clone(),
                money: MoneyVars {
                    amount: f.amount.0.to_string(),
                    currency: f.currency.as_str().to_string(),
                },
            })
            .collect(),
        indicators,
        news_count: site.lang_index(lang).by_project.get(&i).map_or(0, Vec::len),
    }
}
