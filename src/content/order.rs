//! The order lists show things in: a project card's indicator columns, and tags and
//! projects A–Z in each language's alphabet (docs/maintainer/site.md "Languages: dates, numbers, money, order, typography"), decided once at load.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::content::model::{LangIndex, Tag};
use crate::content::project::{INDICATORS, Project, Snapshot};
use crate::i18n::I18n;
use crate::types::{Lang, Slug};

/// The indicator columns of a project card: every name any snapshot reports, known
/// indicators first in [`INDICATORS`] order (from who joined to what it achieved), then
/// the others A–Z.
pub fn indicator_columns(snapshots: &[Snapshot]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for s in snapshots {
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
    names
}

/// Fills each language's A–Z lists: its tags by name and every project by its title in
/// that language (the default language's when it has none), both in the language's
/// alphabetical order. Ties keep slug (tags) and id (projects) order.
pub fn alphabetical(
    by_lang: &mut BTreeMap<Lang, LangIndex>,
    tags: &BTreeMap<Slug, Tag>,
    projects: &BTreeMap<Slug, Project>,
    i18n: &I18n,
    config: &Config,
) {
    let default = config.default_language;
    for (&lang, idx) in by_lang.iter_mut() {
        let mut tags_az = idx.tags.clone();
        tags_az.sort_by(|a, b| i18n.compare(lang, &tags[a].name, &tags[b].name));
        idx.tags_az = tags_az;
        let mut projects_az: Vec<(&str, &Slug)> = projects
            .iter()
            .map(|(id, p)| {
                let title = p.data.title.get(lang, default);
                (title.map_or("", |(t, _)| t.as_str()), id)
            })
            .collect();
        projects_az.sort_by(|a, b| i18n.compare(lang, a.0, b.0));
        idx.projects_az = projects_az.into_iter().map(|(_, id)| id.clone()).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(values: &[(&str, u64)]) -> Snapshot {
        Snapshot {
            date: crate::types::Date(jiff::civil::date(2012, 1, 1)),
            values: values.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        }
    }

    #[test]
    fn known_indicators_come_in_card_order_then_the_others_a_to_z() {
        let columns = indicator_columns(&[
            snapshot(&[("wolontariusze", 1), ("employed", 2)]),
            snapshot(&[("independent", 3), ("beneficjenci", 4), ("participants", 5)]),
        ]);
        assert_eq!(
            columns,
            [
                "participants",
                "employed",
                "independent",
                "beneficjenci",
                "wolontariusze"
            ]
        );
        assert!(indicator_columns(&[]).is_empty());
    }

    #[test]
    fn tags_and_projects_are_a_to_z_in_each_language() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.yaml"),
            "title: T\nbase_url: https://example.org/\ndefault_language: pl\nlanguages: [pl, en]\n",
        )
        .unwrap();
        let config = Config::load(dir.path(), None).unwrap();
        let i18n = I18n::load(dir.path(), &config).unwrap();
        let (pl, en) = (Lang::parse("pl").unwrap(), Lang::parse("en").unwrap());
        // Slug order, as loading gives them.
        let names = ["Cel", "Łódź", "Lublin", "Ćwiczenia", "Zdrowie"];
        let tags: BTreeMap<Slug, Tag> = names
            .iter()
            .map(|n| {
                let slug = Slug::from_text(n).unwrap();
                let tag = Tag {
                    slug: slug.clone(),
                    name: n.to_string(),
                    items: BTreeMap::new(),
                };
                (slug, tag)
            })
            .collect();
        let project = |id: &str, title: &str| {
            Project::parse(
                Slug::parse(id).unwrap(),
                id,
                &format!("title: {title}\n"),
                pl,
            )
            .unwrap()
        };
        let projects: BTreeMap<Slug, Project> = [
            project("a", "{pl: Żółw, en: Turtle}"),
            project("b", "{pl: Łabędź}"),
            project("c", "{pl: Sowa, en: Bird}"),
        ]
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
        let mut by_lang: BTreeMap<Lang, LangIndex> = [pl, en]
            .into_iter()
            .map(|l| {
                let idx = LangIndex {
                    tags: tags.keys().cloned().collect(),
                    ..LangIndex::default()
                };
                (l, idx)
            })
            .collect();
        alphabetical(&mut by_lang, &tags, &projects, &i18n, &config);
        let tags_in = |l: Lang| -> Vec<&str> {
            by_lang[&l]
                .tags_az
                .iter()
                .map(|t| tags[t].name.as_str())
                .collect()
        };
        let ids =
            |l: Lang| -> Vec<&str> { by_lang[&l].projects_az.iter().map(Slug::as_str).collect() };
        assert_eq!(
            tags_in(pl),
            ["Cel", "Ćwiczenia", "Lublin", "Łódź", "Zdrowie"]
        );
        // In English a project without an English title goes by its Polish one.
        assert_eq!(ids(pl), ["b", "c", "a"]);
        assert_eq!(ids(en), ["c", "b", "a"]);
    }
}
