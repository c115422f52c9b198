//! `kronika check`: every error and warning of a build made in memory (nothing is written),
//! and the editor's own findings on top: links, accessibility of content, editorial
//! warnings and, with `--external`, dead links to other sites (docs/maintainer/cli.md "Checking a site").

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::external;
use crate::config::Config;
use crate::content::discover::{self, MarkdownFile};
use crate::content::front_matter::{self, Document};
use crate::content::markdown;
use crate::content::model::Kind;
use crate::diagnostics::{Diagnostic, Failure, Locator, Severity, Span};
use crate::messages::{Catalog, Message};
use crate::progress::Progress;
use crate::types::{Date, Lang, Slug};
use crate::{BuildOptions, msg};

/// What `kronika check` was asked to do.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    pub root: PathBuf,
    /// `--external`: how to ask the links to other sites, or `None` not to.
    pub external: Option<external::Settings>,
    /// The day that decides embargoes; today unless a test fixes it.
    pub today: Option<Date>,
}

/// One problem found, with a stable code that CI scripts can filter on: the message id
/// for what the build reports, a name of its own for what only `check` looks at.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: String,
    pub diagnostic: Diagnostic,
}

impl Finding {
    fn new(code: impl Into<String>, diagnostic: Diagnostic) -> Finding {
        Finding {
            code: code.into(),
            diagnostic,
        }
    }

    pub fn is_error(&self) -> bool {
        self.diagnostic.is_error()
    }

    /// The finding as one line of JSON: `file`, `line`, `column`, `severity`, `code`,
    /// `message`, `help` (the `= help:` lines joined by line ends, or null).
    pub fn json(&self, catalog: &Catalog) -> String {
        let d = &self.diagnostic;
        let help: Vec<String> = d.help.iter().map(|h| catalog.render(h)).collect();
        let mut message = catalog.render(&d.message);
        if let Some(label) = &d.label {
            message = format!("{message} ({})", catalog.render(label));
        }
        serde_json::json!({
            "file": d.path,
            "line": d.span.map(|s| s.line),
            "column": d.span.map(|s| s.column),
            "severity": match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            "code": self.code,
            "message": message,
            "help": (!help.is_empty()).then(|| help.join("\n")),
        })
        .to_string()
    }
}

/// Checks the site at `opts.root`: every finding, errors first within a file, or a
/// failure that is not about the content (an unreadable folder).
pub fn check(opts: &CheckOptions) -> Result<Vec<Finding>, Failure> {
    let build = BuildOptions {
        root: opts.root.clone(),
        output: PathBuf::from("public"),
        base_url: None,
        offline: false,
        drafts: false,
        // The search index checks nothing in the content and is most of a large site's
        // build time; `check` writes nothing, so it is not made.
        no_search: true,
        today: opts.today,
        progress: Arc::new(Progress::default()),
    };
    let from_build = match crate::build_in_memory(&build) {
        Ok((report, _)) => report.warnings,
        Err((Failure::Content(errors), warnings)) => errors.into_iter().chain(warnings).collect(),
        Err((failure, _)) => return Err(failure),
    };
    let mut findings: Vec<Finding> = from_build
        .into_iter()
        .map(|mut d| {
            // The code of a build's finding is its message id, which is stable; a photo
            // without alt text is `check`'s `image-alt`, and an error (WCAG 1.1.1): the
            // build keeps it a warning so that an old archive still builds.
            if d.message.id() == "photo-no-alt" {
                d.severity = Severity::Error;
                return Finding::new("image-alt", d);
            }
            Finding::new(d.message.id().to_string(), d)
        })
        .collect();
    let today = opts.today.unwrap_or_else(Date::today);
    if let Ok(config) = Config::load(&opts.root, None) {
        let mut ignored = Vec::new();
        let found = discover::discover(&opts.root, &config, &mut ignored);
        let items: Vec<Item> = found
            .markdown
            .into_par_iter()
            .filter_map(|file| {
                let text = crate::source::read_text(&file.path, &file.shown).ok()?;
                let doc = front_matter::parse(&text, &file.shown).ok()?;
                Some(Item { file, text, doc })
            })
            .collect();
        let scans: Vec<Scan> = items.par_iter().map(scan_body).collect();
        let mut external_links = Vec::new();
        for scan in scans {
            findings.extend(scan.findings);
            external_links.extend(scan.external);
        }
        findings.extend(editorial(&config, &items, &found.projects, today));
        findings.extend(uncommitted(&opts.root, &items));
        if let Some(settings) = &opts.external {
            findings.extend(dead_links(external_links, settings));
        }
    }
    // One place reported once: a photo's missing alt text is found by the build.
    let mut seen = BTreeSet::new();
    findings.retain(|f| {
        let d = &f.diagnostic;
        seen.insert((d.path.clone(), d.span, d.message.clone()))
    });
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            let d = &f.diagnostic;
            (d.path.clone(), d.span, d.severity)
        };
        key(a).cmp(&key(b))
    });
    Ok(findings)
}

/// A Markdown file read and split into front matter and body.
struct Item {
    file: MarkdownFile,
    text: String,
    doc: Document,
}

/// What reading one body found.
struct Scan {
    findings: Vec<Finding>,
    /// Links to other sites, each with the place to report it at.
    external: Vec<(String, Diagnostic)>,
}

/// A place of a body to report, before it is located.
struct Place {
    offset: usize,
    len: usize,
    diagnostic: Diagnostic,
    what: What,
}

enum What {
    /// A finding with its code.
    Finding(&'static str),
    /// A link to another site, reported only if `--external` finds it dead.
    External(String),
}

impl Place {
    fn finding(offset: usize, len: usize, diagnostic: Diagnostic, code: &'static str) -> Place {
        Place {
            offset,
            len,
            diagnostic,
            what: What::Finding(code),
        }
    }
}

/// A link being read: where it starts, where it leads, and its text so far.
struct OpenLink {
    range: Range<usize>,
    dest: String,
    text: String,
}

/// Reads a body with pulldown-cmark, as the build does, for what `check` adds: links to
/// files that are not there, links without text, images without alt text, skipped heading
/// levels and tables without a header row.
fn scan_body(item: &Item) -> Scan {
    let body = item.doc.body.as_str();
    let shown = item.file.shown.as_str();
    let dir = item.file.path.parent().unwrap_or(Path::new("."));
    let mut locator = Locator::new(body, item.doc.body_line);
    let mut scan = Scan {
        findings: Vec::new(),
        external: Vec::new(),
    };
    // The page's title is its `<h1>`: a body starts at `##`.
    let mut previous_level = 1usize;
    let mut links: Vec<OpenLink> = Vec::new();
    let mut images: Vec<OpenLink> = Vec::new();
    let mut head: Option<(Range<usize>, bool)> = None;
    let mut places: Vec<Place> = Vec::new();
    for (event, range) in Parser::new_ext(body, markdown::OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as usize;
                if level > previous_level + 1 {
                    let d = Diagnostic::warning(
                        shown,
                        msg!(
                            "check-heading-skip",
                            level = level,
                            previous = previous_level
                        ),
                    )
                    .help(msg!(
                        "check-heading-skip-help",
                        hashes = "#".repeat(previous_level + 1)
                    ));
                    places.push(Place::finding(range.start, level, d, "heading-skip"));
                }
                previous_level = level;
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(OpenLink {
                range,
                dest: dest_url.to_string(),
                text: String::new(),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => images.push(OpenLink {
                range,
                dest: dest_url.to_string(),
                text: String::new(),
            }),
            Event::End(TagEnd::Link) => {
                let Some(link) = links.pop() else { continue };
                if link.text.trim().is_empty() {
                    let d = Diagnostic::warning(shown, msg!("check-link-empty-text"))
                        .help(msg!("check-link-empty-text-help"));
                    let len = body[link.range.clone()].find(']').map_or(1, |i| i + 1);
                    places.push(Place::finding(link.range.start, len, d, "link-empty-text"));
                }
                if let Some(link_text) = links.last_mut() {
                    link_text.text.push_str(&link.text);
                }
                link_target(&link, body, dir, shown, &mut places);
            }
            Event::End(TagEnd::Image) => {
                let Some(image) = images.pop() else { continue };
                let source = &body[image.range.clone()];
                if image.text.trim().is_empty()
                    && !crate::content::markdown::is_decorative(source)
                    && !crate::photos::is_local(&image.dest)
                {
                    // A photo of the site is reported by the build (`photo-no-alt`).
                    let d = Diagnostic::error(shown, msg!("photo-no-alt"))
                        .help(msg!("photo-no-alt-help"));
                    let len = source.find(']').map_or(2, |i| i + 1);
                    places.push(Place::finding(image.range.start, len, d, "image-alt"));
                }
                // An image's alt text is the text of a link around it.
                if let Some(link) = links.last_mut() {
                    link.text.push_str(&image.text);
                }
                if is_external(&image.dest) {
                    places.push(Place {
                        offset: address_offset(body, &image.range, &image.dest),
                        len: image.dest.len(),
                        diagnostic: Diagnostic::warning(shown, dead_message(&image.dest, None)),
                        what: What::External(image.dest),
                    });
                }
            }
            Event::Start(Tag::TableHead) => head = Some((range, false)),
            Event::End(TagEnd::TableHead) => {
                if let Some((range, false)) = head.take() {
                    let d = Diagnostic::warning(shown, msg!("check-table-header"))
                        .help(msg!("check-table-header-help"));
                    let len = body[range.clone()].find('\n').unwrap_or(range.len());
                    places.push(Place::finding(range.start, len, d, "table-header"));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, any)) = &mut head {
                    *any |= !t.trim().is_empty();
                }
                if let Some(image) = images.last_mut() {
                    image.text.push_str(&t);
                } else if let Some(link) = links.last_mut() {
                    link.text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    // In order of place, so that the locator reads the body once.
    places.sort_by_key(|p| p.offset);
    for p in places {
        let d = locator.place(p.diagnostic, p.offset, p.len);
        match p.what {
            What::Finding(code) => scan.findings.push(Finding::new(code, d)),
            What::External(url) => scan.external.push((url, d)),
        }
    }
    scan
}

/// A link's target: a link to another site is kept for `--external`; a relative link
/// to a file is checked on disk, from the item's folder. `@/` links are the build's.
fn link_target(link: &OpenLink, body: &str, dir: &Path, shown: &str, places: &mut Vec<Place>) {
    let dest = link.dest.as_str();
    let at = address_offset(body, &link.range, dest);
    if is_external(dest) {
        places.push(Place {
            offset: at,
            len: dest.len(),
            diagnostic: Diagnostic::warning(shown, dead_message(dest, None)),
            what: What::External(dest.to_string()),
        });
        return;
    }
    let before_slash = dest.split('/').next().unwrap_or("");
    if dest.is_empty()
        || dest.starts_with(['#', '/', '?'])
        || dest.starts_with("@/")
        || before_slash.contains(':')
    {
        return;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    if path.is_empty() || dir.join(path.as_ref()).exists() {
        return;
    }
    let d = Diagnostic::error(shown, msg!("check-link-file-missing", target = dest))
        .help(msg!("check-link-file-missing-help"));
    places.push(Place::finding(at, dest.len(), d, "link-file-missing"));
}

/// Where in the body the address of a link or image starts (its text as written), or
/// the link's start when it is written otherwise (escaped, or a reference link).
fn address_offset(body: &str, range: &Range<usize>, dest: &str) -> usize {
    let source = &body[range.clone()];
    // `](address`: not the same text in the link's own words or its title.
    let inline = source.find(&format!("]({dest}")).map(|i| i + 2);
    inline
        .or_else(|| source.find(&format!("](<{dest}>")).map(|i| i + 3))
        .or_else(|| source.find(dest))
        .map_or(range.start, |i| range.start + i)
}

fn is_external(dest: &str) -> bool {
    let lower = dest.get(..8).unwrap_or(dest).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn dead_message(url: &str, reason: Option<Message>) -> Message {
    msg!(
        "check-link-dead",
        url = url,
        reason = reason.unwrap_or_else(|| msg!("check-dead-unchecked"))
    )
}

/// Asks every external link once and reports each place of a dead one.
fn dead_links(links: Vec<(String, Diagnostic)>, settings: &external::Settings) -> Vec<Finding> {
    let urls: Vec<String> = links
        .iter()
        .map(|(u, _)| u.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let dead = external::probe_all(&urls, settings);
    links
        .into_iter()
        .filter_map(|(url, mut d)| {
            let why = dead.get(&url)?;
            d.message = dead_message(&url, Some(why.reason(settings)));
            Some(Finding::new(
                "link-dead",
                d.help(msg!("check-link-dead-help")),
            ))
        })
        .collect()
}

/// The editorial warnings: items without a translation, metryczka fields missing,
/// projects that no item names, tags used once, embargoes more than a year away.
fn editorial(
    config: &Config,
    items: &[Item],
    projects: &[discover::ProjectPath],
    today: Date,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut groups: BTreeMap<(Kind, &str), Vec<&Item>> = BTreeMap::new();
    for item in items {
        groups
            .entry((item.file.kind, item.file.name.as_str()))
            .or_default()
            .push(item);
    }
    // The version the others inherit from: the default language's, else each stands alone.
    let originals = |versions: &[&'_ Item]| -> Vec<usize> {
        match versions
            .iter()
            .position(|i| i.file.lang == config.default_language)
        {
            Some(i) => vec![i],
            None => (0..versions.len()).collect(),
        }
    };

    // Translations.
    let untranslated: Vec<(&Item, Vec<Lang>)> = groups
        .values()
        .filter_map(|versions| {
            let missing: Vec<Lang> = config
                .languages
                .iter()
                .copied()
                .filter(|l| !versions.iter().any(|i| i.file.lang == *l))
                .collect();
            let first = originals(versions)[0];
            (!missing.is_empty()).then(|| (versions[first], missing))
        })
        .collect();
    let count = untranslated.len();
    for (item, missing) in untranslated {
        let file = item.file.version_in(missing[0]);
        let langs: Vec<String> = missing.iter().map(Lang::to_string).collect();
        let d = Diagnostic::warning(
            &item.file.shown,
            msg!(
                "check-no-translation",
                langs = langs.join(", "),
                count = count
            ),
        )
        .help(msg!("check-no-translation-help", file = file));
        out.push(Finding::new("translation-missing", at_start(d, &item.text)));
    }

    // Metryczka: what a news item's BIP metadata block would leave empty.
    for versions in groups.values() {
        if versions[0].file.kind != Kind::News {
            continue;
        }
        for i in originals(versions) {
            let item = versions[i];
            let f = &item.doc.front;
            let missing: Vec<&str> = [
                ("produced", f.produced.is_none()),
                ("produced_by", f.produced_by.is_none()),
                ("published_by", f.published_by.is_none()),
            ]
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(k, _)| k)
            .collect();
            if missing.is_empty() {
                continue;
            }
            let keys = missing
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let d = Diagnostic::warning(
                &item.file.shown,
                msg!("check-metryczka-missing", keys = keys),
            )
            .help(msg!("check-metryczka-missing-help"));
            out.push(Finding::new("metryczka-missing", at_start(d, &item.text)));
        }
    }

    // Projects that no item names (drafts and embargoed items count: they will).
    let named: BTreeSet<&str> = items
        .iter()
        .flat_map(|i| i.doc.front.projects.iter().flatten())
        .map(|p| p.value.as_str())
        .collect();
    for project in projects {
        if named.contains(project.stem.as_str()) {
            continue;
        }
        let d = Diagnostic::warning(
            &project.shown,
            msg!("check-project-unused", id = project.stem.as_str()),
        )
        .help(msg!(
            "check-project-unused-help",
            id = project.stem.as_str()
        ));
        let d = match crate::source::read_text(&project.path, &project.shown) {
            Ok(text) => at_start(d, &text),
            Err(_) => d,
        };
        out.push(Finding::new("project-unused", d));
    }

    // Tags used by one item only, with the nearest other tag.
    struct TagUse<'a> {
        spellings: BTreeMap<&'a str, usize>,
        items: BTreeSet<(Kind, &'a str)>,
        first: (&'a Item, &'a serde_saphyr::Spanned<String>),
    }
    let mut tags: BTreeMap<Slug, TagUse> = BTreeMap::new();
    for item in items {
        for tag in item.doc.front.tags.iter().flatten() {
            let Some(slug) = Slug::from_text(&tag.value) else {
                continue;
            };
            let usage = tags.entry(slug).or_insert_with(|| TagUse {
                spellings: BTreeMap::new(),
                items: BTreeSet::new(),
                first: (item, tag),
            });
            *usage.spellings.entry(tag.value.as_str()).or_default() += 1;
            usage
                .items
                .insert((item.file.kind, item.file.name.as_str()));
        }
    }
    let name = |u: &TagUse| -> String {
        u.spellings
            .iter()
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
            .map_or(String::new(), |(s, _)| s.to_string())
    };
    for (slug, usage) in &tags {
        if usage.items.len() != 1 {
            continue;
        }
        let (item, tag) = usage.first;
        let this = tag.value.to_lowercase();
        let nearest = tags
            .iter()
            .filter(|(s, _)| *s != slug)
            .map(|(_, u)| {
                let other = name(u);
                let score = strsim::normalized_damerau_levenshtein(&this, &other.to_lowercase());
                (score, other, u.items.len())
            })
            .filter(|(score, ..)| *score >= 0.7)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)));
        let mut d = Diagnostic::warning(
            &item.file.shown,
            msg!("check-tag-once", tag = tag.value.as_str()),
        );
        let span = front_matter::value_span(tag, &item.text);
        d = d.at(span, &item.text);
        d = match nearest {
            Some((_, other, n)) => d
                .label(msg!("did-you-mean-label", suggestion = other))
                .help(msg!("check-tag-once-nearest-help", count = n)),
            None => d.help(msg!("check-tag-once-help")),
        };
        out.push(Finding::new("tag-once", d));
    }

    // Embargoes more than a year away: usually a mistyped year.
    let limit = today
        .0
        .checked_add(jiff::Span::new().years(1))
        .unwrap_or(today.0);
    for item in items {
        let Some(date) = item.doc.front.date else {
            continue;
        };
        if date.0 <= limit {
            continue;
        }
        let d = Diagnostic::warning(
            &item.file.shown,
            msg!("check-embargo-far", date = date.iso()),
        )
        .help(msg!("check-embargo-far-help"));
        // The date is written in the front matter, which comes first in the file.
        let d = d.at(crate::yaml::key_span(&item.text, "date"), &item.text);
        out.push(Finding::new("embargo-far", d));
    }
    out
}

/// A warning for each content file whose changes are not committed: the change register
/// is read from git's history, so they are not in it yet (docs/maintainer/content.md, "Change register").
fn uncommitted(root: &Path, items: &[Item]) -> Vec<Finding> {
    crate::history::uncommitted(root)
        .into_iter()
        .map(|u| {
            let message = if u.untracked {
                msg!("check-untracked", file = u.path.as_str())
            } else {
                msg!("check-uncommitted", file = u.path.as_str())
            };
            let d =
                Diagnostic::warning(u.path.as_str(), message).help(msg!("check-uncommitted-help"));
            let d = match items.iter().find(|i| i.file.shown == u.path) {
                Some(item) => at_start(d, &item.text),
                None => d,
            };
            Finding::new("uncommitted", d)
        })
        .collect()
}

/// A file-wide finding placed at the file's first line (`---`), so that it has a place.
fn at_start(d: Diagnostic, text: &str) -> Diagnostic {
    let len = text.lines().next().map_or(0, |l| l.chars().count());
    d.at(Span::new(1, 1, len), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_addresses_are_http_and_https_only() {
        assert!(is_external("https://example.org/"));
        assert!(is_external("HTTP://example.org/"));
        assert!(!is_external("mailto:bip@example.org"));
        assert!(!is_external("@/news/a.pl.md"));
        assert!(!is_external("raport.pdf"));
    }

    #[test]
    fn a_links_address_is_found_after_its_text() {
        let body = "See [raport.pdf](raport.pdf \"raport.pdf\") and <https://a.pl/>.";
        let start = body.find('[').unwrap();
        assert_eq!(address_offset(body, &(start..body.len()), "raport.pdf"), 17);
        let auto = body.find('<').unwrap();
        let offset = address_offset(body, &(auto..body.len() - 1), "https://a.pl/");
        assert_eq!(offset, auto + 1);
    }
}
