//! The language of each value a page shows when it is not the page's (WCAG 3.1.2,
//! "Language of Parts"; docs/maintainer/site.md, "Languages: dates, numbers, money, order, typography"):
//! text left untranslated, tags, names shown as written. The templates write it as `lang`.

use super::Text;
use crate::content::model::{Entry, Site};
use crate::types::{Lang, Slug, Translated};

/// `value`'s language as a `lang` attribute for a page in `page`: `None` when they agree.
pub(super) fn other(value: Lang, page: Lang) -> Option<String> {
    (value != page).then(|| value.to_string())
}

/// The language of tag `slug`: tags are not translated, and a translation inherits its
/// original's, so a tag that any default-language item has is in the default language;
/// otherwise it is in the language of the items that have it.
pub(super) fn tag(site: &Site, slug: &Slug) -> Lang {
    let default = site.config.default_language;
    let items = &site.tag(slug).items;
    if items.get(&default).is_some_and(|v| !v.is_empty()) {
        return default;
    }
    items
        .iter()
        .find(|(_, v)| !v.is_empty())
        .map_or(default, |(l, _)| *l)
}

/// `t` as a page in `page` shows it. A plain value (`fund: EFS`), written once for every
/// language, is taken to be in the default language, as the file's other texts are.
pub(super) fn plain(site: &Site, t: &Translated<String>, page: Lang) -> Text {
    match t {
        Translated::Same(v) => Text {
            text: v.clone(),
            lang: other(site.config.default_language, page),
        },
        Translated::PerLang(_) => super::text(site, t, page),
    }
}

/// The language of a name shown as written because no message `key` translates it (a
/// funding source or an indicator kronika does not know): the default language's, which
/// the project file is written in. `None` when a message translates it.
pub(super) fn as_written(site: &Site, key: &str, page: Lang) -> Option<String> {
    if site.i18n.exists(page, key) {
        return None;
    }
    other(site.config.default_language, page)
}

/// The language of a metryczka value of `e` that is its original's, inherited unchanged:
/// the original's language.
pub(super) fn inherited(
    site: &Site,
    e: &Entry,
    value: Option<&str>,
    of: fn(&Entry) -> Option<&str>,
) -> Option<String> {
    let default = site.config.default_language;
    if e.lang == default || value.is_none() {
        return None;
    }
    let original = e.translations.iter().find(|(l, _)| *l == default)?;
    (of(site.entry(&original.1)) == value).then(|| default.to_string())
}
