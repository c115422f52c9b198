//! Template variables of a planned page: what every page has (site, language, menus,
//! switcher, `hreflang`), then its kind's own variables. The templates stay free of logic
//! and the variables are documented in one place (docs/maintainer/themes.md "Template variables").

mod archive;
mod bip;
mod cards;
mod entries;
mod langs;
mod news;
mod projects;
mod special;
mod stats;
mod tags;

pub(crate) use news::HOME_ITEMS;

use serde::Serialize;
use tera::{Context, Value};

use crate::content::model::Site;
use crate::render::pages::{PageKind, Planned};
use crate::types::{Lang, Translated};
use crate::urls::{LinkStyle, Urls};
use cards::Cards;
use std::collections::BTreeMap;

/// What every page of one language shows alike (site data, menu, language names),
/// turned into template values once per build instead of once per page.
pub struct Shared {
    cards: Cards,
    stats: stats::Vars,
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
    pub fn new(
        site: &Site,
        statistics: &crate::stats::Stats,
        downloads: &crate::render::downloads::Downloads,
    ) -> Shared {
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
                let lang_of = |t: &Translated<String>| langs::plain(site, t, lang).lang;
                let vars = SiteVars {
                    title: c.title(lang),
                    title_lang: lang_of(&c.title),
                    publisher: c.publisher.as_ref().and_then(|p| plain(&p.name, lang, d)),
                    publisher_lang: c.publisher.as_ref().and_then(|p| lang_of(&p.name)),
                    editorial: c.editorial.as_ref().map(|e| Editorial {
                        name: plain(&e.name, lang, d).unwrap_or(""),
                        name_lang: lang_of(&e.name),
                        email: e.email.as_deref(),
                        phone: e.phone.as_deref(),
                        address: e.address.as_ref().and_then(|a| plain(a, lang, d)),
                        address_lang: e.address.as_ref().and_then(lang_of),
                    }),
                    default_lang: d.as_str(),
                    languages: c.languages.iter().map(|l| l.as_str()).collect(),
                    bip: c.bip.as_ref().map(|b| bip::portal(b, lang, d)),
                };
                let nav = Nav {
                    home: urls.home(),
                    news: urls.news(),
                    archive: urls.archive(),
                    projects: urls.projects(),
                    tags: urls.tags(),
                    stats: urls.stats(),
                    rss: urls.rss(),
                    search: c.search.then(|| urls.search()),
                    accessibility: c.accessibility.as_ref().map(|_| urls.accessibility()),
                    instructions: urls.instructions(),
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
            stats: stats::Vars::new(site, statistics, downloads),
            langs,
        }
    }

    /// Forgets the cards of the entries `ids`, edited since: made again when shown.
    pub fn entries_changed(&mut self, ids: &[crate::content::model::EntryId]) {
        for id in ids {
            self.cards.forget(id);
        }
    }

    /// Makes the statistics' variables again after an edit they read.
    pub fn statistics_changed(
        &mut self,
        site: &Site,
        statistics: &crate::stats::Stats,
        downloads: &crate::render::downloads::Downloads,
    ) {
        self.stats = stats::Vars::new(site, statistics, downloads);
    }

    /// Makes the site statistics pages' variables again after an edit of the titles of
    /// `edited` alone.
    pub fn titles_changed(
        &mut self,
        site: &Site,
        edited: &[&crate::content::model::Entry],
        downloads: &crate::render::downloads::Downloads,
    ) {
        self.stats.titles_changed(site, edited, downloads);
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
    stats: String,
    rss: String,
    /// The search page, when the site has search.
    search: Option<String>,
    /// The accessibility statement, when `site.yaml` has `accessibility:`.
    accessibility: Option<String>,
    /// The usage instructions (generated, or the site's own page at that URL).
    instructions: String,
}

#[derive(Serialize)]
struct SiteVars<'a> {
    title: &'a str,
    /// The language of each text below when it is not the page's ([`langs`]).
    title_lang: Option<String>,
    publisher: Option<&'a str>,
    publisher_lang: Option<String>,
    editorial: Option<Editorial<'a>>,
    default_lang: &'a str,
    languages: Vec<&'a str>,
    /// The main BIP portal and the logo linking to it (`bip:`).
    bip: Option<bip::Portal<'a>>,
}

#[derive(Serialize)]
struct Editorial<'a> {
    name: &'a str,
    name_lang: Option<String>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    address: Option<&'a str>,
    address_lang: Option<String>,
}

/// A translated text and, when it is not in the page language, the language it is in.
#[derive(Serialize)]
struct Text {
    text: String,
    lang: Option<String>,
}

/// What a page kind's function works from: the site, the cards, and the page language.
struct Scope<'a> {
    site: &'a Site,
    cards: &'a Cards,
    lang: Lang,
    /// How links are written, and the site path of the page rendered.
    links: &'a LinkStyle,
    path: &'a str,
}

impl Scope<'_> {
    fn urls(&self) -> &Urls {
        self.site.urls(self.lang)
    }

    /// UI string `id` in the page language.
    fn t(&self, id: &str) -> String {
        self.site.i18n.get(self.lang, id, None)
    }

    fn text(&self, t: &Translated<String>) -> Text {
        text(self.site, t, self.lang)
    }
}

/// `t` in `lang`, else in the default language, which it then names.
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

/// What a page kind's function returns besides its variables: the page title and the
/// breadcrumbs between the home page and the page.
struct Heading {
    title: String,
    crumbs: Vec<Link>,
    /// The title's language, when it is not the page's ([`langs`]).
    title_lang: Option<String>,
}

impl Heading {
    fn top(title: String) -> Heading {
        Heading {
            title,
            crumbs: Vec::new(),
            title_lang: None,
        }
    }

    /// The heading, its title in language `lang` (`None`: the page's).
    fn in_lang(mut self, lang: Option<String>) -> Heading {
        self.title_lang = lang;
        self
    }

    fn under(title: String, parent: String, parent_path: String) -> Heading {
        Heading {
            title,
            crumbs: vec![Link {
                title: parent,
                path: parent_path,
            }],
            title_lang: None,
        }
    }
}

/// Builds the context of one page.
pub fn for_page(site: &Site, shared: &Shared, page: &Planned, links: &LinkStyle) -> Context {
    let lang = page.lang.unwrap_or(site.config.default_language);
    let mut ctx = Context::new();
    common(&mut ctx, site, &shared.langs[&lang], page, lang, links);
    let s = Scope {
        site,
        cards: &shared.cards,
        lang,
        links,
        path: &page.path,
    };
    let c = &mut ctx;
    let heading = match &page.kind {
        PageKind::Home => news::home(&s, c),
        PageKind::NewsList(pg) => news::list(&s, c, pg),
        PageKind::Item(id) => entries::item(&s, c, id),
        PageKind::Page(id) => entries::page(&s, c, id),
        PageKind::Archive => archive::years(&s, c),
        PageKind::ArchiveYear(year, pg) => archive::year(&s, c, *year, pg),
        PageKind::Projects => projects::all(&s, c),
        PageKind::Project(id, pg) => projects::one(&s, c, id, pg),
        PageKind::Tags => tags::all(&s, c),
        PageKind::Tag(slug, pg) => tags::one(&s, c, slug, pg),
        PageKind::Stats => stats::site(&s, c, &shared.stats),
        PageKind::ProjectStats(id) => stats::project(&s, c, &shared.stats, id),
        PageKind::Search => special::search(&s, c),
        PageKind::Accessibility => bip::accessibility(&s, c),
        PageKind::Instructions => bip::instructions(&s, c),
        PageKind::NotFound => special::not_found(&s, c),
        PageKind::Alias { to } => special::alias(&s, c, to),
    };
    let mut breadcrumbs = vec![Link {
        title: s.t("home"),
        path: s.urls().home(),
    }];
    breadcrumbs.extend(heading.crumbs);
    ctx.insert("breadcrumbs", &breadcrumbs);
    ctx.insert("title", &heading.title);
    ctx.insert("title_lang", &heading.title_lang);
    ctx
}

/// The variables every page has.
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
