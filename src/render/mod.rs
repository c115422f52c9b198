//! Renders the site model: the [`plan`] says which files exist, [`Renderer::render`] turns
//! one of them into bytes (a function of the model and the plan entry, with no side
//! effects), and [`render`] does that for the whole plan in parallel, handing each file to
//! a [`Sink`]: the staging folder of a build, or memory.
//!
//! Each page kind has a planning function in [`pages`] that says which pages exist, where,
//! and what their counterparts in the other languages are; [`context`] turns a planned page
//! into template variables; feeds and the sitemap live in [`feeds`].

mod anchors;
mod charts;
mod context;
pub mod downloads;
mod feeds;
pub mod inputs;
mod numbers;
mod pages;
pub mod plan;
mod summary;
pub mod templates;
pub mod typography;

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use tera::Tera;

use crate::content::model::{Site, StaticSource};
use crate::diagnostics::Diagnostic;
use crate::messages::Arg;
use crate::msg;
use crate::output::{Sink, WriteError};
use crate::progress::Progress;
use crate::types::Lang;
use crate::urls::LinkStyle;
use plan::{Kind, Output, Plan};
use typography::Typography;

pub use pages::{PageKind, Pagination, Planned};

/// What rendering produced.
pub struct Rendered {
    /// HTML pages written, per language code.
    pub pages_per_lang: Vec<(String, usize)>,
    /// Files in the plan.
    pub files: usize,
    /// Files rendered and handed to the sink: all of them, unless only the changed ones
    /// were asked for.
    pub rendered: usize,
    /// Each file's inputs ([`inputs`]), when only the changed files were asked for: what
    /// the next render compares with (of the candidates only, for [`Select::Among`]).
    pub inputs: HashMap<String, u64>,
    /// The files compared and not rendered, their inputs being those of the previous
    /// render: the caller keeps their bytes.
    pub kept: Vec<String>,
    /// What was prepared for rendering, for a session to keep ([`render`] gives it).
    pub prepared: Option<Prepared>,
}

/// Which files of a plan to render.
#[derive(Clone, Copy)]
pub enum Select<'p> {
    /// Every file: a build.
    All,
    /// The files whose inputs differ from `previous` (each file's number from [`inputs`],
    /// as the previous render gave them). The caller keeps the other files' bytes.
    Changed(&'p HashMap<String, u64>),
    /// Of the files at `candidates` (indices into the plan), those whose inputs differ
    /// from `previous`: after an edit whose other files' inputs cannot have changed.
    Among {
        previous: &'p HashMap<String, u64>,
        candidates: &'p [usize],
    },
}

/// What rendering needs beyond the model and the plan, set up once per build: the
/// compiled templates, what every page shares, the downloads, the typography of each
/// language and the inputs' shared sums. It holds no reference into the model, so a
/// session (`serve`) keeps it between builds and patches it for an edit
/// ([`Prepared::entries_changed`]).
pub struct Prepared {
    tera: Tera,
    shared: context::Shared,
    downloads: downloads::Downloads,
    typography: HashMap<Lang, Typography>,
    /// Made when a session first compares inputs: a build renders every file and never
    /// reads them (35–51 ms of every build on the 10 000-item corpus).
    inputs: OnceLock<inputs::Shared>,
}

impl Prepared {
    /// Compiles the templates (a site's overrides over the built-in theme) and computes
    /// the statistics and what every page shares.
    pub fn new(root: &Path, site: &Site, links: &LinkStyle) -> Result<Prepared, Vec<Diagnostic>> {
        let mut phases = crate::timings::Phases::start();
        let tera = templates::build(root, site, links)?;
        phases.lap("templates");
        // The statistics, computed once: the pages, the CSV files and the JSON file are
        // views of them, and a page shows the size of its downloads.
        let stats = crate::stats::Stats::compute(site).map_err(|d| vec![d])?;
        phases.lap("statistics");
        let downloads = downloads::Downloads::new(site, &stats, links);
        phases.lap("downloads");
        let typography = site
            .config
            .languages
            .iter()
            .map(|&l| (l, Typography::new(&site.i18n, l, site.config.typography)))
            .collect();
        let shared = context::Shared::new(site, &stats, &downloads);
        phases.lap("typography and shared context");
        Ok(Prepared {
            tera,
            shared,
            downloads,
            typography,
            inputs: OnceLock::new(),
        })
    }

    /// Brings it up to date after the entries `ids` were replaced in `site` by versions
    /// whose identities did not change (`content::patch`); with `titles_listed`, after
    /// an edit of titles that the statistics list (of items that lack a language): the
    /// statistics' other figures read no title.
    pub fn entries_changed(
        &mut self,
        site: &Site,
        links: &LinkStyle,
        ids: &[crate::content::model::EntryId],
        titles_listed: bool,
    ) -> Result<(), Vec<Diagnostic>> {
        let mut phases = crate::timings::Phases::start();
        self.shared.entries_changed(ids);
        if let Some(inputs) = self.inputs.get_mut() {
            inputs.entries_changed(site, ids);
        }
        if titles_listed {
            let missing = crate::stats::missing(site);
            // The projects' pages show the size of the JSON file, in kilobytes.
            let json_sizes = |d: &downloads::Downloads| -> Vec<u64> {
                let files = site.config.languages.iter();
                let files = files.map(|&l| site.urls(l).stats_json());
                files.map(|f| downloads::size_kb(d.size(&f))).collect()
            };
            let before = json_sizes(&self.downloads);
            let edited: Vec<&crate::content::model::Entry> =
                ids.iter().map(|id| site.entry(id)).collect();
            let written = self
                .downloads
                .titles_changed(site, &missing, &edited, links);
            phases.lap("downloads");
            if let Some(inputs) = self.inputs.get_mut() {
                inputs.downloads_changed(&self.downloads, &written);
            }
            if json_sizes(&self.downloads) == before {
                self.shared.titles_changed(site, &edited, &self.downloads);
            } else {
                let stats = crate::stats::Stats::compute(site).map_err(|d| vec![d])?;
                let shared = &mut self.shared;
                shared.statistics_changed(site, &stats, &self.downloads);
            }
            phases.lap("statistics pages");
        }
        phases.lap("patch: shared parts");
        Ok(())
    }
}

/// Renders the files of one plan: the model and the plan with what was prepared for them.
pub struct Renderer<'a> {
    site: &'a Site,
    plan: &'a Plan,
    prepared: &'a Prepared,
    links: &'a LinkStyle,
    photos: crate::photos::Processor,
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        plan: &'a Plan,
        prepared: &'a Prepared,
        links: &'a LinkStyle,
    ) -> Renderer<'a> {
        Renderer {
            site,
            plan,
            prepared,
            links,
            photos: crate::photos::Processor::new(None),
        }
    }

    /// The inputs of the plan's files, for a rebuild that compares them.
    fn inputs(&self) -> inputs::Inputs<'_> {
        let shared = self
            .prepared
            .inputs
            .get_or_init(|| inputs::Shared::new(self.site, &self.prepared.downloads));
        inputs::Inputs::new(self.site, self.plan, shared)
    }

    /// Makes the copies of one photo (`outputs`, its planned copies, which share their
    /// source) and hands them to `sink`.
    fn put_photos(&self, outputs: &[&Output], sink: &dyn Sink) -> Vec<Diagnostic> {
        // Two items in one folder that show one photo plan their copies under two pages,
        // perhaps with different settings: made once per setting.
        let mut made: HashMap<(u8, Vec<u32>), BTreeMap<u32, Vec<u8>>> = HashMap::new();
        let mut errors = Vec::new();
        for output in outputs {
            let Kind::Photo(v) = &output.kind else {
                continue;
            };
            let copies = match made.entry((v.quality, v.widths.clone())) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => match self.photos.copies(v) {
                    Ok(copies) => e.insert(copies),
                    Err(d) => {
                        // One error per photo, not one per copy.
                        errors.push(d);
                        break;
                    }
                },
            };
            match copies.get(&v.width) {
                Some(bytes) => errors.extend(put(sink, output, bytes.clone())),
                None => errors.push(failed_photo(&v.shown)),
            }
        }
        errors
    }

    /// Keeps the copies of photos in `cache` between builds (docs/maintainer/content.md, "Photos").
    pub fn with_photo_cache(mut self, cache: Option<std::path::PathBuf>) -> Self {
        self.photos = crate::photos::Processor::new(cache);
        self
    }

    /// The bytes of one planned file.
    pub fn render(&self, output: &Output) -> Result<Vec<u8>, Diagnostic> {
        let site: &Site = self.site;
        let failed = |template: &str, target: String, e: tera::Error| {
            Diagnostic::error(
                format!("themes/{}/templates/{template}", site.config.theme),
                msg!("render-failed", target = target),
            )
            .help(msg!("template-detail-help", detail = error_chain(&e)))
        };
        match &output.kind {
            Kind::Page(page) => {
                let ctx = context::for_page(site, &self.prepared.shared, page, self.links);
                let html = self
                    .prepared
                    .tera
                    .render(page.template, &ctx)
                    .map_err(|e| failed(page.template, format!("/{}", page.path), e))?;
                Ok(
                    match page.lang.and_then(|l| self.prepared.typography.get(&l)) {
                        Some(rules) => rules.apply(&html),
                        None => html,
                    }
                    .into_bytes(),
                )
            }
            Kind::Feed(lang) => feeds::rss(site, &self.prepared.tera, *lang, self.links)
                .map(String::into_bytes)
                .map_err(|e| failed("rss.xml", output.file.clone(), e)),
            Kind::Sitemap => {
                feeds::sitemap(site, &self.prepared.tera, self.plan.pages(), self.links)
                    .map(String::into_bytes)
                    .map_err(|e| failed("sitemap.xml", output.file.clone(), e))
            }
            Kind::Robots => Ok(feeds::robots(self.links).into_bytes()),
            Kind::StatsData(..) => self
                .prepared
                .downloads
                .get(&output.file)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| failed_download(&output.file)),
            // The build puts the bundle's bytes into the sink itself.
            Kind::Search => Err(failed_download(&output.file)),
            Kind::Photo(variant) => self.photos.bytes(variant),
            Kind::Copied(StaticSource::Embedded(bytes)) => Ok(bytes.to_vec()),
            Kind::Copied(StaticSource::File(path)) => std::fs::read(path).map_err(|e| {
                let reason = WriteError::Io(e).message();
                Diagnostic::error(output.file.as_str(), msg!("copy-failed", reason = reason))
            }),
        }
    }
}

/// Renders the files of `plan` that `select` asks for and hands each to `sink`, with the
/// copies of photos kept in `photo_cache` between builds (a build's; `None` for memory).
/// All errors are collected.
#[allow(clippy::too_many_arguments)]
pub fn render(
    root: &Path,
    site: &Site,
    plan: &Plan,
    links: &LinkStyle,
    sink: &dyn Sink,
    progress: &Progress,
    select: Select,
    photo_cache: Option<std::path::PathBuf>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let prepared = Prepared::new(root, site, links)?;
    let renderer = Renderer::new(site, plan, &prepared, links);
    let rendered = render_with(
        &renderer.with_photo_cache(photo_cache),
        sink,
        progress,
        select,
    )?;
    Ok(Rendered {
        prepared: Some(prepared),
        ..rendered
    })
}

/// Renders the files of the renderer's plan that `select` asks for and hands each to
/// `sink`, with what was prepared for them. All errors are collected.
pub fn render_with(
    renderer: &Renderer,
    sink: &dyn Sink,
    progress: &Progress,
    select: Select,
) -> Result<Rendered, Vec<Diagnostic>> {
    let (site, plan) = (renderer.site, renderer.plan);
    let mut phases = crate::timings::Phases::start();
    // The inputs of every file, and which files to render.
    let (inputs, mut wanted): (HashMap<String, u64>, Vec<bool>) = match select {
        Select::All => (HashMap::new(), vec![true; plan.outputs.len()]),
        Select::Among {
            previous,
            candidates,
        } => {
            let numbers = renderer.inputs();
            let mut wanted = vec![false; plan.outputs.len()];
            let mut inputs = HashMap::new();
            for &i in candidates {
                let Some(o) = plan.outputs.get(i) else {
                    continue;
                };
                let n = numbers.of(o);
                wanted[i] = n.is_none() || previous.get(&o.file) != n.as_ref();
                if let Some(n) = n {
                    inputs.insert(o.file.clone(), n);
                }
            }
            (inputs, wanted)
        }
        Select::Changed(previous) => {
            let of = renderer.inputs();
            phases.lap("inputs (shared parts)");
            let numbers: Vec<Option<u64>> = plan.outputs.par_iter().map(|o| of.of(o)).collect();
            let wanted = plan
                .outputs
                .iter()
                .zip(&numbers)
                .map(|(o, n)| n.is_none() || previous.get(&o.file) != n.as_ref())
                .collect();
            let inputs = plan
                .outputs
                .iter()
                .zip(numbers)
                .filter_map(|(o, n)| Some((o.file.clone(), n?)))
                .collect();
            (inputs, wanted)
        }
    };
    // Every `#fragment` of an `@/` link is judged by the ids of its target page, so those
    // pages are rendered even when their inputs did not change.
    let anchors = (!matches!(select, Select::Among { .. })).then(|| anchors::Anchors::new(site));
    if let (Some(anchors), Select::Changed(_)) = (&anchors, select) {
        for (o, w) in plan.outputs.iter().zip(wanted.iter_mut()) {
            if let Kind::Page(page) = &o.kind {
                *w |= anchors.wants(&page.path);
            }
        }
    }
    let rendered = wanted.iter().filter(|w| **w).count();
    let compared = !matches!(select, Select::All);
    let kept = plan.outputs.iter().zip(&wanted);
    let kept = kept.filter(|(o, w)| compared && !**w && inputs.contains_key(&o.file));
    let kept: Vec<String> = kept.map(|(o, _)| o.file.clone()).collect();
    phases.lap("inputs (every output)");
    if !matches!(select, Select::Among { .. }) {
        let pages = plan.outputs.iter().zip(&wanted);
        let pages = pages.filter(|(o, w)| **w && matches!(o.kind, Kind::Page(_)));
        progress.start_pages(pages.count());
    }
    // Photos are made one photo per job, all its copies from one decoding: among the
    // light pages they would all fall to one thread's share (docs/dev/performance.md, "Performance").
    let mut photos: BTreeMap<&std::path::Path, Vec<&Output>> = BTreeMap::new();
    let mut others = Vec::with_capacity(plan.outputs.len());
    let chosen = plan.outputs.iter().zip(&wanted).filter(|(_, w)| **w);
    for (output, _) in chosen {
        match &output.kind {
            Kind::Photo(v) => photos.entry(v.source.as_path()).or_default().push(output),
            _ => others.push(output),
        }
    }
    let photos: Vec<Vec<&Output>> = photos.into_values().collect();
    let mut errors: Vec<Diagnostic> = photos
        .par_iter()
        .with_max_len(1)
        .flat_map_iter(|outputs| renderer.put_photos(outputs, sink))
        .collect();
    renderer.photos.save_digests();
    errors.par_extend(others.par_iter().filter_map(|output| {
        if matches!(output.kind, Kind::Page(_)) {
            progress.page_done();
        }
        let bytes = match renderer.render(output) {
            Ok(bytes) => bytes,
            Err(d) => return Some(d),
        };
        if let (Some(anchors), Kind::Page(page)) = (&anchors, &output.kind) {
            anchors.page(&page.path, &bytes);
        }
        put(sink, output, bytes)
    }));
    phases.lap("render");
    if let Some(anchors) = anchors.filter(|_| errors.is_empty()) {
        errors = anchors.check(site);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let pages_per_lang = site
        .config
        .languages
        .iter()
        .map(|lang| {
            let n = plan
                .pages()
                .filter(|p| p.lang == Some(*lang) && p.in_sitemap)
                .count();
            (lang.to_string(), n)
        })
        .collect();
    Ok(Rendered {
        pages_per_lang,
        files: plan.outputs.len(),
        rendered,
        inputs,
        kept,
        prepared: None,
    })
}

/// Hands `bytes`, the file of `output`, to `sink`.
fn put(sink: &dyn Sink, output: &Output, bytes: Vec<u8>) -> Option<Diagnostic> {
    sink.put(&output.file, bytes).err().map(|e| {
        let message = match output.kind {
            Kind::Copied(_) => msg!("copy-failed", reason = e.message()),
            _ => msg!("write-failed", reason = e.message()),
        };
        Diagnostic::error(output.file.as_str(), message)
    })
}

/// Whether `d` says that the system refused to write a file of the built site (a full
/// disk, a file-size limit): an I/O failure, exit 3, not the content's fault (docs/maintainer/cli.md
/// "Exit status").
pub fn is_system_write_failure(d: &Diagnostic) -> bool {
    matches!(d.message.id(), "write-failed" | "copy-failed")
        && matches!(d.message.arg("reason"), Some(Arg::Message(m)) if m.id() == "write-system")
}

/// A copy the plan lists but the photo's copies do not hold: kronika's bug, reported
/// rather than a panic.
fn failed_photo(shown: &str) -> Diagnostic {
    Diagnostic::error(shown, msg!("render-failed", target = shown))
}

/// A download the plan lists but the statistics did not write: the two lists of
/// [`downloads`] disagree, which is kronika's bug, reported rather than a panic.
fn failed_download(file: &str) -> Diagnostic {
    Diagnostic::error(file, msg!("render-failed", target = file))
}

fn error_chain(e: &tera::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
