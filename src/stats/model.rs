//! What the statistics read from the loaded model, in one place: how entries name their
//! projects, tags and translations may change without the figures changing.

use crate::content::model::{Entry, Site, Tag};
use crate::content::project::Project;
use crate::types::Lang;

/// Every published news item version, all languages.
pub(super) fn items(site: &Site) -> impl Iterator<Item = &Entry> {
    site.news()
}

/// Every project, in the model's order (by id).
pub(super) fn projects(site: &Site) -> Vec<&Project> {
    site.projects.values().collect()
}

/// The projects an entry belongs to.
pub(super) fn projects_of<'a>(site: &'a Site, entry: &Entry) -> impl Iterator<Item = &'a Project> {
    entry.projects.iter().filter_map(|p| site.projects.get(p))
}

/// The tags of an entry.
pub(super) fn tags_of<'a>(site: &'a Site, entry: &Entry) -> impl Iterator<Item = &'a Tag> {
    entry.tags.iter().filter_map(|t| site.tags.get(t))
}

/// The languages an item exists in, as indices into `langs`, in that order.
pub(super) fn languages_of(entry: &Entry, langs: &[Lang]) -> Vec<usize> {
    langs
        .iter()
        .enumerate()
        .filter(|(_, l)| **l == entry.lang || entry.translations.iter().any(|(t, _)| t == *l))
        .map(|(i, _)| i)
        .collect()
}
