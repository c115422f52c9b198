//! Every file a build writes, with where it comes from: the one list that the clash checks
//! read, so that a conflict is reported at its source (an item's alias, a static file)
//! rather than as a failed write.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::model::{Entry, Site, StaticSource};
use crate::diagnostics::{Diagnostic, display_path};
use crate::msg;
use crate::output::Collision;
use crate::render::pages::{PageKind, Planned, alias_page};
use crate::urls::{folders_on_the_way, is_reserved, output_file};

/// Where an output file comes from.
#[derive(Clone, Copy, Debug)]
pub enum Origin<'a> {
    /// The page of a news item or a standalone page.
    Entry(&'a Entry),
    /// The redirect page of an old address that `entry` lists in `aliases:`.
    Alias { entry: &'a Entry, alias: &'a str },
    /// A page, feed or file kronika makes from the whole site (lists, tags, 404, RSS,
    /// the sitemap, robots.txt).
    Generated,
    /// A file copied as it is: from `static/`, the theme, or an item's attachments.
    Copied(&'a StaticSource),
}

/// One file of the output.
#[derive(Clone, Debug)]
pub struct Output<'a> {
    /// Relative to the output folder (`aktualnosci/x/index.html`).
    pub file: String,
    pub origin: Origin<'a>,
}

/// Every file the build will write.
pub fn list<'a>(site: &'a Site, planned: &[Planned]) -> Vec<Output<'a>> {
    let mut out = Vec::new();
    for p in planned {
        let origin = match p.kind {
            PageKind::Alias { .. } => continue, // listed below, with the entries they serve
            PageKind::Item(i) => Origin::Entry(&site.news[i]),
            PageKind::Page(i) => Origin::Entry(&site.pages[i]),
            _ => Origin::Generated,
        };
        out.push(Output {
            file: output_file(&p.path),
            origin,
        });
    }
    for entry in site.news.iter().chain(site.pages.iter()) {
        for alias in &entry.aliases {
            let path = alias.split_once('?').map_or(alias.as_str(), |(p, _)| p);
            out.push(Output {
                file: output_file(&alias_page(path)),
                origin: Origin::Alias { entry, alias },
            });
        }
    }
    let generated = site.config.languages.iter().map(|l| site.urls(*l).rss());
    for file in generated.chain(["sitemap.xml".into(), "robots.txt".into()]) {
        out.push(Output {
            file,
            origin: Origin::Generated,
        });
    }
    for (file, source) in &site.static_files {
        out.push(Output {
            file: file.clone(),
            origin: Origin::Copied(source),
        });
    }
    out
}

/// Outputs that cannot all be written: a path no site may generate, two outputs on one
/// file, or one output's file standing where another needs a folder (an alias `/style.css`
/// would need `style.css/index.html`). Each is reported at the source to change.
pub fn clashes(root: &Path, outputs: &[Output]) -> Vec<Diagnostic> {
    let mut by_file: BTreeMap<&str, Vec<&Output>> = BTreeMap::new();
    for o in outputs {
        by_file.entry(o.file.as_str()).or_default().push(o);
    }
    let mut errors = Vec::new();
    for o in outputs {
        if is_reserved(&o.file) {
            errors.push(reserved(root, o));
            continue;
        }
        let same = by_file[o.file.as_str()].iter().filter(|other| {
            !std::ptr::eq(**other, o)
                && !matches!(
                    (o.origin, other.origin),
                    (Origin::Alias { .. }, Origin::Alias { .. })
                )
        });
        let above = folders_on_the_way(&o.file)
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
fn clash(root: &Path, o: &Output, other: &Output) -> Option<Diagnostic> {
    let same = o.file == other.file;
    match (o.origin, other.origin) {
        (Origin::Alias { entry, alias }, Origin::Copied(source)) => Some(
            Diagnostic::error(
                &entry.source,
                msg!(
                    "alias-takes-copied-file",
                    alias = alias_shown(alias),
                    file = other.file.as_str(),
                    source = copied_shown(root, &other.file, source)
                ),
            )
            .help(msg!("alias-takes-generated-page-help")),
        ),
        (Origin::Alias { entry, alias }, _) => Some(alias_takes(entry, alias, &other.file)),
        (Origin::Copied(source), Origin::Entry(_) | Origin::Generated) => {
            let shown = copied_shown(root, &o.file, source);
            Some(if same {
                Diagnostic::error(shown, msg!("static-takes-generated-page", file = &o.file))
                    .help(msg!("static-takes-generated-page-help"))
            } else {
                Diagnostic::error(
                    shown,
                    msg!(
                        "output-file-and-folder",
                        file = &other.file,
                        other = &o.file
                    ),
                )
                .help(msg!("static-takes-generated-page-help"))
            })
        }
        // `o` is the generated one and `other` a copied file in its way: reported with the
        // copied file's own source, as the reverse pair, only when it is `o`'s folder.
        (Origin::Entry(_) | Origin::Generated, Origin::Copied(source)) if !same => Some(
            Diagnostic::error(
                copied_shown(root, &other.file, source),
                msg!(
                    "output-file-and-folder",
                    file = &other.file,
                    other = &o.file
                ),
            )
            .help(msg!("static-takes-generated-page-help")),
        ),
        (_, Origin::Alias { entry, alias }) if !same => Some(alias_takes(entry, alias, &o.file)),
        (Origin::Copied(source), Origin::Copied(_)) if !same => Some(
            Diagnostic::error(
                copied_shown(root, &o.file, source),
                msg!(
                    "output-file-and-folder",
                    file = &other.file,
                    other = &o.file
                ),
            )
            .help(msg!("static-takes-generated-page-help")),
        ),
        _ => None,
    }
}

fn alias_takes(entry: &Entry, alias: &str, file: &str) -> Diagnostic {
    Diagnostic::error(
        &entry.source,
        msg!(
            "alias-takes-generated-page",
            alias = alias_shown(alias),
            file = file
        ),
    )
    .help(msg!("alias-takes-generated-page-help"))
}

fn reserved(root: &Path, o: &Output) -> Diagnostic {
    let (shown, what) = match o.origin {
        Origin::Alias { entry, alias } => (entry.source.clone(), alias_shown(alias)),
        Origin::Entry(entry) => (entry.source.clone(), o.file.clone()),
        Origin::Copied(source) => (copied_shown(root, &o.file, source), o.file.clone()),
        Origin::Generated => (o.file.clone(), o.file.clone()),
    };
    Diagnostic::error(shown, msg!("output-reserved", path = what))
        .help(msg!("output-reserved-help"))
}

/// Diagnostics for generated files that would replace something kronika did not generate,
/// each at the source of the generated file.
pub fn foreign(root: &Path, outputs: &[Output], collisions: &[Collision]) -> Vec<Diagnostic> {
    let by_file: BTreeMap<&str, &Output> = outputs.iter().map(|o| (o.file.as_str(), o)).collect();
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
                Origin::Alias { entry, alias } => (
                    entry.source.clone(),
                    msg!(
                        "alias-takes-foreign",
                        alias = alias_shown(alias),
                        foreign = &c.foreign
                    ),
                ),
                origin => {
                    let shown = match origin {
                        Origin::Entry(e) => e.source.clone(),
                        Origin::Copied(source) => copied_shown(root, &o.file, source),
                        _ => o.file.clone(),
                    };
                    let m = msg!("output-takes-foreign", file = &o.file, foreign = &c.foreign);
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
