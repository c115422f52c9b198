//! The BIP pages kronika writes itself — the accessibility statement and the usage
//! instructions — and the BIP portal link every page shows (docs/maintainer/pages.md, "BIP pages").

use serde::Serialize;
use tera::Context;

use super::{Heading, Scope, Text, text};
use crate::bip::Bip;
use crate::types::{Date, Lang, Translated};

/// `site.bip`: the main BIP portal, and the site's copy of the logo that links to it.
#[derive(Serialize)]
pub(super) struct Portal<'a> {
    portal: &'a str,
    /// A site path (a file of `static/`), or none: the link is then text.
    logo: Option<&'a str>,
    alt: Option<&'a str>,
}

pub(super) fn portal<'a>(b: &'a Bip, lang: Lang, default: Lang) -> Portal<'a> {
    Portal {
        portal: &b.portal.value,
        logo: b.logo.as_ref().map(|l| l.value.as_str()),
        alt: b
            .alt
            .as_ref()
            .and_then(|a| a.get(lang, default))
            .map(|(s, _)| s.as_str()),
    }
}

#[derive(Serialize)]
struct Contact<'a> {
    name: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
}

#[derive(Serialize)]
struct Statement<'a> {
    /// `full`, `partial` or `none`: the `a11y-status-*` messages give its wording.
    status: &'static str,
    prepared: Date,
    published: Date,
    updated: Option<Date>,
    contact: Contact<'a>,
    non_accessible: Vec<Text>,
    architecture: Option<Text>,
    mobile_apps: Option<Text>,
    /// The publisher's name, else the site title.
    publisher: Text,
    /// The site's address (the statement's `a11y-url`).
    url: String,
}

/// `statement`: the accessibility statement's facts, in the page language.
pub(super) fn accessibility(s: &Scope, ctx: &mut Context) -> Heading {
    let c = &s.site.config;
    if let Some(a) = &c.accessibility {
        let t = |v: &Translated<String>| text(s.site, v, s.lang);
        let publisher = c.publisher.as_ref().map_or_else(
            || Text {
                text: c.title(s.lang).to_string(),
                lang: None,
            },
            |p| t(&p.name),
        );
        let statement = Statement {
            status: a.status.key(),
            prepared: a.prepared,
            published: a.published,
            updated: a.updated,
            contact: Contact {
                name: &a.contact.name,
                email: a.contact.email.as_deref(),
                phone: a.contact.phone.as_deref(),
            },
            non_accessible: a.non_accessible.iter().map(t).collect(),
            architecture: a.architecture.as_ref().map(t),
            mobile_apps: a.mobile_apps.as_ref().map(t),
            publisher,
            url: s.links.absolute(&s.urls().home()),
        };
        ctx.insert("statement", &statement);
    }
    Heading::top(s.t("a11y-title"))
}

/// The usage instructions: the page's text is its template's and the `help-*` messages;
/// what the site has comes from `nav` (docs/maintainer/pages.md, "BIP pages").
pub(super) fn instructions(s: &Scope, _ctx: &mut Context) -> Heading {
    Heading::top(s.t("help-title"))
}
