//! Which pages the site has: the URL table (docs/maintainer/pages.md, "URLs") applied to the model, with each page's
//! counterparts in the other languages (for the switcher and `hreflang`).

use std::collections::BTreeMap;

use crate::content::model::{Entry, EntryId, Site};
use crate::types::{Lang, Slug};

/// Items shown on one page of every list.
pub const PER_PAGE: usize = 20;

/// One page of a paginated list.
#[derive(Clone, Debug, Hash)]
pub struct Pagination {
    /// 1-based.
    pub current: usize,
    pub total: usize,
    /// Site path of the list's first page.
    pub first: String,
    /// The news items shown on this page.
    pub items: Vec<EntryId>,
}

/// What a page shows. Entries, projects and tags are named by their stable ids, so a
/// page's kind changes only when what it shows does.
#[derive(Clone, Debug, Hash)]
pub enum PageKind {
    Home,
    NewsList(Pagination),
    Item(EntryId),
    Archive,
    ArchiveYear(i16, Pagination),
    Projects,
    Project(Slug, Pagination),
    Tags,
    Tag(Slug, Pagination),
    Page(EntryId),
    /// The site's statistics.
    Stats,
    /// One project's statistics.
    ProjectStats(Slug),
    /// The search page of a language (docs/maintainer/pages.md "Search").
    Search,
    /// The accessibility statement made from `accessibility:` (docs/maintainer/pages.md "BIP pages").
    Accessibility,
    /// The usage instructions, when the site has no page of its own at their URL.
    Instructions,
    NotFound,
    /// Old addresses redirecting to `to` (site path); queries map `?id=440`-style aliases.
    Alias {
        to: Vec<(Option<String>, String)>,
    },
}

/// A planned page.
#[derive(Clone, Debug, Hash)]
pub struct Planned {
    /// `None` for the bilingual 404 page and redirects.
    pub lang: Option<Lang>,
    pub path: String,
    pub template: &'static str,
    pub kind: PageKind,
    /// The same page in every language that has it, this one included (`hreflang`).
    pub alternates: Vec<(Lang, String)>,
    /// For each other language: where the switcher leads and whether that is only a
    /// substitute (the page is not translated).
    pub switch: Vec<(Lang, String, bool)>,
    pub in_sitemap: bool,
}

/// Plans every page of the site.
pub fn plan(site: &Site) -> Vec<Planned> {
    let mut out = Vec::new();
    let langs = &site.config.languages;
    for &lang in langs {
        let urls = site.urls(lang);
        let idx = site.lang_index(lang);
        let everywhere = |f: &dyn Fn(Lang) -> String| -> Vec<(Lang, String)> {
            langs.iter().map(|&l| (l, f(l))).collect()
        };

        // Home.
        out.push(page(
            lang,
            urls.home(),
            "index.html",
            PageKind::Home,
            everywhere(&|l| site.urls(l).home()),
        ));

        // News list.
        for pg in paginate(&idx.current, &urls.news()) {
            let alts = if pg.current == 1 {
                everywhere(&|l| site.urls(l).news())
            } else {
                Vec::new()
            };
            let path = urls.paginated(&pg.first, pg.current);
            out.push(with_switch(
                site,
                page(lang, path, "news_list.html", PageKind::NewsList(pg), alts),
                &|l| site.urls(l).news(),
            ));
        }

        // News items.
        for id in &idx.all {
            let e = site.entry(id);
            out.push(with_switch(
                site,
                page(
                    lang,
                    e.path.clone(),
                    "news_item.html",
                    PageKind::Item(id.clone()),
                    versions(site, e),
                ),
                &|l| site.urls(l).news(),
            ));
        }

        // Archive.
        out.push(page(
            lang,
            urls.archive(),
            "archive.html",
            PageKind::Archive,
            everywhere(&|l| site.urls(l).archive()),
        ));
        for (&year, items) in &idx.years {
            for pg in paginate(items, &urls.archive_year(year)) {
                let alts = if pg.current == 1 {
                    langs
                        .iter()
                        .filter(|l| site.lang_index(**l).years.contains_key(&year))
                        .map(|&l| (l, site.urls(l).archive_year(year)))
                        .collect()
                } else {
                    Vec::new()
                };
                let path = urls.paginated(&pg.first, pg.current);
                let planned = page(
                    lang,
                    path,
                    "archive_year.html",
                    PageKind::ArchiveYear(year, pg),
                    alts,
                );
                out.push(with_switch(site, planned, &|l| {
                    if site.lang_index(l).years.contains_key(&year) {
                        site.urls(l).archive_year(year)
                    } else {
                        site.urls(l).archive()
                    }
                }));
            }
        }

        // Projects: every project has a card in every language (untranslated fields fall back).
        out.push(page(
            lang,
            urls.projects(),
            "projects.html",
            PageKind::Projects,
            everywhere(&|l| site.urls(l).projects()),
        ));
        for (id, project) in &site.projects {
            let items = idx.by_project.get(id).map_or(&[][..], Vec::as_slice);
            for pg in paginate(items, &urls.project(&project.id)) {
                let alts = if pg.current == 1 {
                    everywhere(&|l| site.urls(l).project(&project.id))
                } else {
                    Vec::new()
                };
                let path = urls.paginated(&pg.first, pg.current);
                out.push(with_switch(
                    site,
                    page(
                        lang,
                        path,
                        "project.html",
                        PageKind::Project(id.clone(), pg),
                        alts,
                    ),
                    &|l| site.urls(l).project(&project.id),
                ));
            }
        }

        // Tags.
        out.push(page(
            lang,
            urls.tags(),
            "tags.html",
            PageKind::Tags,
            everywhere(&|l| site.urls(l).tags()),
        ));
        for slug in &idx.tags {
            let tag = site.tag(slug);
            let items = &tag.items[&lang];
            for pg in paginate(items, &urls.tag(&tag.slug)) {
                let alts = if pg.current == 1 {
                    tag.items
                        .keys()
                        .map(|&l| (l, site.urls(l).tag(&tag.slug)))
                        .collect()
                } else {
                    Vec::new()
                };
                let path = urls.paginated(&pg.first, pg.current);
                out.push(with_switch(
                    site,
                    page(
                        lang,
                        path,
                        "tag.html",
                        PageKind::Tag(slug.clone(), pg),
                        alts,
                    ),
                    &|l| {
                        if tag.items.contains_key(&l) {
                            site.urls(l).tag(&tag.slug)
                        } else {
                            site.urls(l).tags()
                        }
                    },
                ));
            }
        }

        // Statistics: the site's, and every project's (docs/maintainer/pages.md "Statistics").
        out.push(page(
            lang,
            urls.stats(),
            "stats.html",
            PageKind::Stats,
            everywhere(&|l| site.urls(l).stats()),
        ));
        for id in site.projects.keys() {
            out.push(page(
                lang,
                urls.project_stats(id),
                "project_stats.html",
                PageKind::ProjectStats(id.clone()),
                everywhere(&|l| site.urls(l).project_stats(id)),
            ));
        }

        // Standalone pages.
        for id in &idx.pages {
            let e = site.entry(id);
            out.push(with_switch(
                site,
                page(
                    lang,
                    e.path.clone(),
                    "page.html",
                    PageKind::Page(id.clone()),
                    versions(site, e),
                ),
                &|l| site.urls(l).home(),
            ));
        }

        // BIP pages (docs/maintainer/pages.md "BIP pages"): the accessibility statement, and the usage
        // instructions wherever the site has no page of its own at their URL.
        if site.config.accessibility.is_some() {
            out.push(page(
                lang,
                urls.accessibility(),
                "accessibility.html",
                PageKind::Accessibility,
                everywhere(&|l| site.urls(l).accessibility()),
            ));
        }
        if !own_instructions(site, lang) {
            let alts = langs
                .iter()
                .filter(|l| !own_instructions(site, **l))
                .map(|&l| (l, site.urls(l).instructions()))
                .collect();
            out.push(page(
                lang,
                urls.instructions(),
                "instructions.html",
                PageKind::Instructions,
                alts,
            ));
        }

        // Search: out of the sitemap, like any site's search results.
        if site.config.search {
            let mut search = page(
                lang,
                urls.search(),
                "search.html",
                PageKind::Search,
                everywhere(&|l| site.urls(l).search()),
            );
            search.in_sitemap = false;
            out.push(search);
        }
    }

    // Pages present in every language still need the switcher filled in.
    for p in out.iter_mut().filter(|p| p.switch.is_empty()) {
        *p = with_switch(site, p.clone(), &|l| site.urls(l).home());
    }

    // The one bilingual 404 page.
    out.push(Planned {
        lang: None,
        path: "404.html".into(),
        template: "404.html",
        kind: PageKind::NotFound,
        alternates: Vec::new(),
        switch: Vec::new(),
        in_sitemap: false,
    });

    // Redirects from old addresses; `index.php?id=1` and `index.php?id=2` share one page.
    let mut aliases: BTreeMap<String, Vec<(Option<String>, String)>> = BTreeMap::new();
    for e in site.entries.values() {
        for a in &e.aliases {
            let (path, query) = match a.split_once('?') {
                Some((p, q)) => (p, Some(q.to_string())),
                None => (a.as_str(), None),
            };
            let dir = alias_page(path);
            aliases
                .entry(dir)
                .or_default()
                .push((query, e.path.clone()));
        }
    }
    for (path, mut to) in aliases {
        // Several old addresses of one folder (`?id=1`, `?id=2`) in a fixed order.
        to.sort();
        out.push(Planned {
            lang: None,
            path,
            template: "alias.html",
            kind: PageKind::Alias { to },
            alternates: Vec::new(),
            switch: Vec::new(),
            in_sitemap: false,
        });
    }
    out
}

/// Whether the site has a standalone page of its own at the instructions' URL in `lang`.
fn own_instructions(site: &Site, lang: Lang) -> bool {
    let at = site.urls(lang).instructions();
    site.lang_index(lang)
        .pages
        .iter()
        .any(|id| site.entry(id).path == at)
}

/// An entry's page in every language it has: its own, then its translations'.
fn versions(site: &Site, e: &Entry) -> Vec<(Lang, String)> {
    let mut alts: Vec<(Lang, String)> = vec![(e.lang, e.path.clone())];
    alts.extend(
        e.translations
            .iter()
            .map(|(l, t)| (*l, site.entry(t).path.clone())),
    );
    alts
}

fn page(
    lang: Lang,
    path: String,
    template: &'static str,
    kind: PageKind,
    alternates: Vec<(Lang, String)>,
) -> Planned {
    Planned {
        lang: Some(lang),
        path,
        template,
        kind,
        alternates,
        switch: Vec::new(),
        in_sitemap: true,
    }
}

/// Fills the switcher: the counterpart where there is one, else `fallback(lang)` marked as such.
fn with_switch(site: &Site, mut p: Planned, fallback: &dyn Fn(Lang) -> String) -> Planned {
    let own = p.lang;
    p.switch = site
        .config
        .languages
        .iter()
        .filter(|l| Some(**l) != own)
        .map(|&l| match p.alternates.iter().find(|(al, _)| *al == l) {
            Some((_, path)) => (l, path.clone(), false),
            None => (l, fallback(l), true),
        })
        .collect();
    // A list's later pages have no hreflang counterparts, but their switcher is not a
    // "missing translation": it leads to the same list in the other language.
    if matches!(
        p.kind,
        PageKind::NewsList(ref pg) | PageKind::ArchiveYear(_, ref pg) | PageKind::Project(_, ref pg) | PageKind::Tag(_, ref pg) if pg.current > 1
    ) {
        for s in &mut p.switch {
            s.2 = false;
        }
    }
    p
}

/// Splits `items` into pages of [`PER_PAGE`]; an empty list still has its first page.
fn paginate(items: &[EntryId], first: &str) -> Vec<Pagination> {
    let total = items.len().div_ceil(PER_PAGE).max(1);
    (0..total)
        .map(|n| Pagination {
            current: n + 1,
            total,
            first: first.to_string(),
            items: items
                .iter()
                .skip(n * PER_PAGE)
                .take(PER_PAGE)
                .cloned()
                .collect(),
        })
        .collect()
}

/// The site path of the redirect page of alias path `path` (`/stare/x` → `stare/x/`).
pub(crate) fn alias_page(path: &str) -> String {
    if path.ends_with('/') || path.ends_with(".html") || path.ends_with(".htm") {
        path.to_string()
    } else {
        format!("{path}/")
    }
}
