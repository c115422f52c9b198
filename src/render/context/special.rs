//! Pages no content file makes: the 404 page, the redirects from old addresses and the
//! search page.

use serde::Serialize;
use tera::Context;

use super::{Alternate, Heading, Scope};

#[derive(Serialize)]
struct AliasVars<'a> {
    query: Option<&'a str>,
    path: &'a str,
}

/// `homes`: the home page of every language.
pub(super) fn not_found(s: &Scope, ctx: &mut Context) -> Heading {
    let homes: Vec<Alternate> = s
        .site
        .config
        .languages
        .iter()
        .map(|&l| Alternate {
            lang: l.to_string(),
            href: s.site.urls(l).home(),
        })
        .collect();
    ctx.insert("homes", &homes);
    Heading::top(s.t("not-found-title"))
}

/// `targets`: where an old address leads, per query (`id=440`) or for the plain path.
pub(super) fn alias(s: &Scope, ctx: &mut Context, to: &[(Option<String>, String)]) -> Heading {
    let targets: Vec<AliasVars> = to
        .iter()
        .map(|(q, p)| AliasVars {
            query: q.as_deref(),
            path: p,
        })
        .collect();
    ctx.insert("targets", &targets);
    Heading::top(s.t("redirect-title"))
}

/// The search page: its script and its index do the rest (docs/maintainer/pages.md "Search").
/// `locale`: the page language's CLDR locale, for the dates the script writes.
pub(super) fn search(s: &Scope, ctx: &mut Context) -> Heading {
    let locale = s.site.config.locales.get(&s.lang).cloned();
    ctx.insert("locale", &locale.unwrap_or_else(|| s.t("locale")));
    Heading::top(s.t("search-title"))
}
