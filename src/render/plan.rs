//! The plan: every file a build writes — pages, redirects, feeds, the sitemap,
//! `robots.txt`, the 404 page, theme and site static files, attachments — each with its
//! kind, its language and the sources it is made from. The clash checks, the check for
//! foreign files in the output and the renderer all read this one list, so a new kind of
//! output joins by adding a [`Kind`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::at_alias;
use crate::content::model::{EntryId, Site, StaticSource};
use crate::diagnostics::{Diagnostic, display_path};
use crate::msg;
use crate::output::Collision;
use crate::render::pages::{self, PageKind, Planned, alias_page};
use crate::types::{Lang, Slug};
use crate::urls::{folders_on_the_way, is_reserved, output_file};

/// What an output file is, and so how it is rendered. It names the model's parts by
/// their ids and owns what it copies, so that a plan can outlive one load of the model:
/// `serve` keeps it while it patches the entries of an edit (`Session`).
#[derive(Debug)]
pub enum Kind {
    /// An HTML page of the URL table: home, lists, items, tags, the 404 page, redirects.
    Page(Planned),
    /// The RSS feed of a language.
    Feed(Lang),
    Sitemap,
    Robots,
    /// A file copied as it is.
    Copied(StaticSource),
    /// A statistics download of a language: a table as CSV, or every figure as JSON.
    StatsData(Lang, Option<Slug>),
    /// A file of the search bundle (`pagefind/…`), added once the index is made: the
    /// build puts the bundle's bytes into the sink itself.
    Search,
    /// A copy of a photo a body shows, resized and without metadata (docs/maintainer/content.md, "Photos").
    Photo(crate::photos::Variant),
}

/// Where an output file comes from: what a user changes to change it.
#[derive(Clone, Debug)]
pub enum Origin {
    /// The page of a news item or a standalone page.
    Entry(EntryId),
    /// The redirect page of an old address that `entry` lists in `aliases:`.
    Alias { entry: EntryId, alias: String },
    /// A page, feed or file kronika makes from the whole site (lists, tags, 404, RSS,
    /// the sitemap, robots.txt).
    Generated,
    /// A file copied as it is: from `static/`, the theme, or an item's attachments.
    Copied(StaticSource),
}

/// One file of the output.
#[derive(Debug)]
pub struct Output {
    /// Relative to the output folder (`aktualnosci/x/index.html`).
    pub file: String,
    pub kind: Kind,
    /// `None` for what serves every language (the 404 page, redirects, the sitemap,
    /// static files).
    pub lang: Option<Lang>,
    /// What it is made from; a redirect page serves every alias with its path.
    pub sources: Vec<Origin>,
}

/// Every file of one build.
pub struct Plan {
    pub outputs: Vec<Output>,
}

impl Plan {
    /// Plans every file of `site`.
    pub fn new(site: &Site) -> Plan {
        let mut aliases: BTreeMap<String, Vec<Origin>> = BTreeMap::new();
        for entry in site.entries.values() {
            for alias in &entry.aliases {
                let path = alias.split_once('?').map_or(alias.as_str(), |(p, _)| p);
                aliases
                    .entry(output_file(&alias_page(path)))
                    .or_default()
                    .push(Origin::Alias {
                        entry: entry.id.clone(),
                        alias: alias.clone(),
                    });
            }
        }
        let mut outputs = Vec::new();
        for p in pages::plan(site) {
            let file = output_file(&p.path);
            let sources = match &p.kind {
                PageKind::Alias { .. } => aliases.remove(&file).unwrap_or_default(),
                PageKind::Item(id) | PageKind::Page(id) => vec![Origin::Entry(id.clone())],
                _ => vec![Origin::Generated],
            };
            outputs.push(Output {
                file,
                lang: p.lang,
                kind: Kind::Page(p),
                sources,
            });
        }
        for &lang in &site.config.languages {
            outputs.push(Output {
                file: site.urls(lang).rss(),
                kind: Kind::Feed(lang),
                lang: Some(lang),
                sources: vec![Origin::Generated],
            });
        }
        for (file, kind) in [("sitemap.xml", Kind::Sitemap), ("robots.txt", Kind::Robots)] {
            outputs.push(Output {
                file: file.to_string(),
                kind,
                lang: None,
                sources: vec![Origin::Generated],
            });
        }
        for (lang, project, file) in crate::render::downloads::planned(site) {
            outputs.push(Output {
                file,
                kind: Kind::StatsData(lang, project.cloned()),
                lang: Some(lang),
                sources: vec![Origin::Generated],
            });
        }
        for (file, variant) in &site.photos {
            outputs.push(Output {
                file: file.clone(),
                kind: Kind::Photo(variant.clone()),
                lang: None,
                sources: vec![Origin::Entry(variant.entry.clone())],
            });
        }
        for (file, source) in &site.static_files {
            outputs.push(Output {
                file: file.clone(),
                kind: Kind::Copied(source.clone()),
                lang: None,
                sources: vec![Origin::Copied(source.clone())],
            });
        }
        Plan { outputs }
    }

    /// Adds the files of the search index (docs/maintainer/pages.md "Search").
    pub fn add_search<'f>(&mut self, files: impl IntoIterator<Item = &'f str>) {
        for file in files {
            self.outputs.push(Output {
                file: file.to_string(),
                kind: Kind::Search,
                lang: None,
                sources: vec![Origin::Generated],
            });
        }
    }

    /// The files of the plan, relative to the output folder.
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.outputs.iter().map(|o| o.file.as_str())
    }

    /// The HTML pages of the plan.
    pub fn pages(&self) -> impl Iterator<Item = &Planned> {
        self.outputs.iter().filter_map(|o| match &o.kind {
            Kind::Page(p) => Some(p),
            _ => None,
        })
    }

    /// Outputs that cannot all be written; see [`clashes`].
    pub fn clashes(&self, root: &Path) -> Vec<Diagnostic> {
        clashes(root, &self.sourced())
    }

    /// Diagnostics for generated files that would replace something kronika did not
    /// generate, each at the source of the generated file.
    pub fn foreign(&self, root: &Path, collisions: &[Collision]) -> Vec<Diagnostic> {
        foreign(root, &self.sourced(), collisions)
    }

    /// Each file with each of its sources.
    fn sourced(&self) -> Vec<Sourced<'_>> {
        self.outputs
            .iter()
            .flat_map(|o| {
                o.sources.iter().map(|origin| Sourced {
                    file: &o.file,
                    origin,
                })
            })
            .collect()
    }
}

/// One file with one of its sources, as the clash checks see it.
#[derive(Clone, Debug)]
struct Sourced<'p> {
    file: &'p str,
    origin: &'p Origin,
}

/// Outputs that cannot all be written: a path no site may generate, two outputs on one
/// file, or one output's file standing where another needs a folder (an alias `/style.css`
/// would need `style.css/index.html`). Each is reported at the source to change.
fn clashes(root: &Path, outputs: &[Sourced]) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<&str, Vec<&Sourced>> = BTreeMap::new();
    for o in outputs {
        by_file.entry(o.file).or_default().push(o);
    }
    let mut errors = Vec::new();
    for o in outputs {
        if is_reserved(o.file) {
            errors.push(reserved(root, o));
            continue;
        }
        let same = by_file[o.file].iter().filter(|other| {
            !std::ptr::eq(**other, o)
                && !matches!(
                    (o.origin, other.origin),
                    (Origin::Alias { .. }, Origin::Alias { .. })
                )
        });
        let above = folders_on_the_way(o.file)
            .filter_map(|dir| by_file.get(dir))
            .flatten();
        for other in same.chain(above) {
            if let Some(d) = clash(root, o, other) {
                errors.push(d);
            }
        }
    }
    errors
}

/// The error for `o` and `other` (at the same file, or `other`'s file is a folder on `o`'s
/// way), if `o` is the one to change: an alias gives way to anything, a copied file to a
/// generated one. Two generated pages on one URL were reported when the content was read.
fn clash(root: &Path, o: &Sourced, other: &Sourced) -> Option<Diagnostic> {
    let same = o.file == other.file;
    match (o.origin, other.origin) {
        (Origin::Alias { entry, alias }, Origin::Copied(source)) => Some(at_alias(
            root,
            entry,
            alias,
            Diagnostic::error(
                entry.as_str(),
                msg!(
                    "alias-takes-copied-file",
                    alias = alias_shown(alias),
                    file = other.file,
                    source = copied_shown(root, other.file, source)
                ),
            )
            .help(msg!("alias-takes-generated-page-help")),
        )),
        (Origin::Alias { entry, alias }, _) => Some(alias_takes(root, entry, alias, other.file)),
        (Origin::Copied(source), Origin::Entry(_) | Origin::Generated) => {
            let shown = copied_shown(root, o.file, source);
            Some(if same {
                Diagnostic::error(shown, msg!("static-takes-generated-page", file = o.file))
                    .help(msg!("static-takes-generated-page-help"))
            } else {
                Diagnostic::error(
                    shown,
                    msg!("output-file-and-folder", file = other.file, other = o.file),
                )
                .help(msg!("static-takes-generated-page-help"))
            })
        }
        // `o` is the generated one and `other` a copied file in its way: reported with the
        // copied file's own source, as the reverse pair, only when it is `o`'s folder.
        (Origin::Entry(_) | Origin::Generated, Origin::Copied(source)) if !same => Some(
            file_and_folder(copied_shown(root, other.file, source), other.file, o.file),
        ),
        (_, Origin::Alias { entry, alias }) if !same => {
            Some(alias_takes(root, entry, alias, o.file))
        }
        (Origin::Copied(source), Origin::Copied(_)) if !same => Some(file_and_folder(
            copied_shown(root, o.file, source),
            other.file,
            o.file,
        )),
        _ => None,
    }
}

/// The error at `shown` for `file`, which would have to be a folder because `inside` is
/// in it.
fn file_and_folder(shown: String, file: &str, inside: &str) -> Diagnostic {
    Diagnostic::error(
        shown,
        msg!("output-file-and-folder", file = file, other = inside),
    )
    .help(msg!("static-takes-generated-page-help"))
}

fn alias_takes(root: &Path, entry: &EntryId, alias: &str, file: &str) -> Diagnostic {
    let d = Diagnostic::error(
        entry.as_str(),
        msg!(
            "alias-takes-generated-page",
            alias = alias_shown(alias),
            file = file
        ),
    )
    .help(msg!("alias-takes-generated-page-help"));
    at_alias(root, entry, alias, d)
}

fn reserved(root: &Path, o: &Sourced) -> Diagnostic {
    let (shown, what) = match o.origin {
        Origin::Alias { entry, alias } => (entry.to_string(), alias_shown(alias)),
        Origin::Entry(entry) => (entry.to_string(), o.file.to_string()),
        Origin::Copied(source) => (copied_shown(root, o.file, source), o.file.to_string()),
        Origin::Generated => (o.file.to_string(), o.file.to_string()),
    };
    let d = Diagnostic::error(shown, msg!("output-reserved", path = what))
        .help(msg!("output-reserved-help"));
    match o.origin {
        Origin::Alias { entry, alias } => at_alias(root, entry, alias, d),
        _ => d,
    }
}

fn foreign(root: &Path, outputs: &[Sourced], collisions: &[Collision]) -> Vec<Diagnostic> {
    let by_file: BTreeMap<&str, &Sourced> = outputs.iter().map(|o| (o.file, o)).collect();
    collisions
        .iter()
        .map(|c| {
            let help = msg!("output-foreign-help", foreign = &c.foreign);
            let Some(o) = by_file.get(c.generated.as_str()) else {
                let m = msg!(
                    "output-takes-foreign",
                    file = &c.generated,
                    foreign = &c.foreign
                );
                return Diagnostic::error(&c.generated, m).help(help);
            };
            let (shown, message) = match o.origin {
                Origin::Alias { entry, alias } => {
                    let m = msg!(
                        "alias-takes-foreign",
                        alias = alias_shown(alias),
                        foreign = &c.foreign
                    );
                    let d = Diagnostic::error(entry.as_str(), m).help(help);
                    return at_alias(root, entry, alias, d);
                }
                origin => {
                    let shown = match origin {
                        Origin::Entry(e) => e.to_string(),
                        Origin::Copied(source) => copied_shown(root, o.file, source),
                        _ => o.file.to_string(),
                    };
                    let m = msg!("output-takes-foreign", file = o.file, foreign = &c.foreign);
                    (shown, m)
                }
            };
            Diagnostic::error(shown, message).help(help)
        })
        .collect()
}

fn alias_shown(alias: &str) -> String {
    format!("/{alias}")
}

fn copied_shown(root: &Path, file: &str, source: &StaticSource) -> String {
    match source {
        StaticSource::File(p) => display_path(root, p),
        StaticSource::Embedded(_) => format!("(built-in) {file}"),
    }
}
