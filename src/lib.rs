//! kronika: a static site generator for bilingual (Polish/English) BIP-style archives of
//! public projects.
//!
//! ```text
//! site.yaml ──► config ──┐
//! content/ ──► load ─────┴► model ──► plan ──► render one file ──► sink (staging folder
//! themes/, i18n/ ─────────  (errors    (every   (model + plan       or memory)
//!                           collected)  file)    entry → bytes)
//! ```

// A `Diagnostic` is large, and returned only on the cold path of a broken file.
#![allow(clippy::result_large_err)]

pub mod bip;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
mod embedded;
mod fluent;
mod hints;
pub mod history;
pub mod html;
pub mod i18n;
pub mod locale;
pub mod messages;
pub mod output;
pub mod photos;
pub mod progress;
pub mod rebuild;
pub mod render;
pub mod search;
pub mod serve;
mod session;
pub mod site_cache;
pub mod source;
pub mod stats;
mod timings;
pub mod types;
pub mod urls;
mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rust_decimal::{Decimal, RoundingStrategy};

use config::Config;
use content::LoadOptions;
use content::model::Site;
use diagnostics::{Diagnostic, Failure};
use i18n::I18n;
use messages::Message;
use progress::Progress;
use types::Date;
use urls::LinkStyle;

pub use session::{Session, SharedFiles, Update};

/// What `kronika build` was asked to do.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub offline: bool,
    pub drafts: bool,
    /// `--no-search`: no search index and no search pages, for fast previews.
    pub no_search: bool,
    /// The day that decides embargoes; today unless a test fixes it.
    pub today: Option<Date>,
    /// Counters the build updates, for a progress display.
    pub progress: Arc<Progress>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub pages_per_lang: Vec<(String, usize)>,
    pub news_items: usize,
    pub projects: usize,
    pub files_written: usize,
    pub files_changed: usize,
    /// Files made (rendered, copied, indexed): all of them in a first build, those whose
    /// inputs changed in a rebuild (docs/maintainer/cli.md, "Rebuilds") or a [`Session`].
    pub files_rendered: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl Report {
    /// The summary line: `Built 72 pages (pl 37, en 35) from 18 news items and 3 projects
    /// in 0.23 s, 1 warning → public`.
    pub fn summary(&self, output: &Path) -> Message {
        let languages: Vec<Message> = self
            .pages_per_lang
            .iter()
            .map(|(lang, n)| msg!("build-summary-language", lang = lang, pages = *n))
            .collect();
        let pages: usize = self.pages_per_lang.iter().map(|(_, n)| n).sum();
        let mut seconds = Decimal::from_i128_with_scale(self.elapsed.as_micros() as i128, 6)
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        seconds.rescale(2);
        msg!(
            "build-summary",
            pages = pages,
            languages = languages,
            news = self.news_items,
            projects = self.projects,
            seconds = seconds,
            warnings = self.warnings.len(),
            output = output.display().to_string(),
        )
    }

    /// What `--verbose` adds: `81 files in the output, 5 made again, 3 changed`.
    pub fn files(&self) -> Message {
        msg!(
            "build-files",
            files = self.files_written,
            made = self.files_rendered,
            changed = self.files_changed
        )
    }
}

/// Builds the site at `opts.root` into `opts.output`. On failure the output is untouched.
pub fn build(opts: &BuildOptions) -> Result<Report, (Failure, Vec<Diagnostic>)> {
    let result = build_inner(opts);
    opts.progress.finish();
    result
}

/// Builds the site at `opts.root` into memory (`opts.output` is not used): every file of
/// the output with its bytes, exactly as [`build`] would write them (`serve`, tests).
pub fn build_in_memory(
    opts: &BuildOptions,
) -> Result<(Report, output::Files), (Failure, Vec<Diagnostic>)> {
    let started = Instant::now();
    let result = load(opts).and_then(|loaded| {
        let memory = output::Memory::default();
        let (report, _) = loaded.render_into(opts, &memory, started)?;
        Ok((report, memory.into_files()))
    });
    opts.progress.finish();
    result.map(|(mut report, files)| {
        report.files_changed = files.len();
        (report, files)
    })
}

/// A site loaded and checked, ready to be rendered into any sink.
struct Loaded {
    site: Arc<Site>,
    links: LinkStyle,
    warnings: Vec<Diagnostic>,
    /// What the search index is made of; `None` without search and in an `--offline`
    /// build, whose browser cannot load an index from disk (docs/maintainer/pages.md "Search").
    search: Option<Vec<search::Record>>,
}

/// The search index of a build: made from the records, or the files of the last build's,
/// made from the same records.
enum SearchIndex {
    Made(search::Bundle),
    Kept(Vec<String>),
}

impl SearchIndex {
    fn files(&self) -> Vec<&str> {
        match self {
            SearchIndex::Made(bundle) => bundle.files.iter().map(|(f, _)| f.as_str()).collect(),
            SearchIndex::Kept(files) => files.iter().map(String::as_str).collect(),
        }
    }
}

/// What rendering a site gave: its report, its rendered files, and its search index.
type RenderedSite = (Report, render::Rendered, Option<Searched>);

/// What a build did with its search index.
struct Searched {
    /// Its records, summed up ([`search::sum`]).
    sum: u64,
    /// Its files.
    files: Vec<String>,
    /// Whether they are the last build's, kept in the output rather than handed to the sink.
    kept: bool,
}

/// Reads and checks everything the build needs; nothing is written.
fn load(opts: &BuildOptions) -> Result<Loaded, (Failure, Vec<Diagnostic>)> {
    load_cached(opts, None)
}

/// [`load`], with what `cache` kept of the previous load of the same site.
fn load_cached(
    opts: &BuildOptions,
    cache: Option<&mut content::Cache>,
) -> Result<Loaded, (Failure, Vec<Diagnostic>)> {
    // A bad flag is a usage error (exit 2), found before anything is read.
    if let Some(url) = opts
        .base_url
        .as_deref()
        .filter(|u| config::BaseUrl::parse(u).is_none())
    {
        let failure = Failure::Usage {
            message: msg!("config-bad-base-url", url = url),
            help: vec![msg!("config-bad-base-url-help")],
        };
        return Err((failure, Vec::new()));
    }

    let mut diags: Vec<Diagnostic> = Vec::new();
    let mut phases = timings::Phases::start();
    let config = Config::load(&opts.root, opts.base_url.as_deref());
    let config = match config {
        Ok(c) => c,
        Err(errs) => return Err((Failure::Content(errs), Vec::new())),
    };
    let mut i18n = match I18n::load(&opts.root, &config) {
        Ok(i) => i,
        Err(errs) => return Err((Failure::Content(errs), Vec::new())),
    };
    phases.lap("config and i18n");
    let load = LoadOptions {
        drafts: opts.drafts,
        today: opts.today.unwrap_or_else(Date::today),
    };
    diags.extend(i18n.take_warnings());
    let mut config = config;
    config.search &= !opts.no_search;
    let site = content::load_cached(&opts.root, config, i18n, &load, &mut diags, cache);
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics::sorted(diags)
        .into_iter()
        .partition(Diagnostic::is_error);
    let Some(site) = site.filter(|_| errors.is_empty()) else {
        return Err((Failure::Content(errors), warnings));
    };
    let search = (site.config.search && !opts.offline).then(|| search::records(&site));
    let site = Arc::new(site);
    let links = LinkStyle {
        base: site.config.base_url.clone(),
        offline: opts.offline,
    };
    Ok(Loaded {
        site,
        links,
        warnings,
        search,
    })
}

impl Loaded {
    /// Renders the whole plan into `sink`.
    fn render_into(
        &self,
        opts: &BuildOptions,
        sink: &dyn output::Sink,
        started: Instant,
    ) -> Result<(Report, render::Rendered), (Failure, Vec<Diagnostic>)> {
        let plan = render::plan::Plan::new(&self.site);
        let clashes = plan.clashes(&opts.root);
        if !clashes.is_empty() {
            return Err(self.failure(clashes));
        }
        let check = |whole: &render::plan::Plan| whole.clashes(&opts.root);
        self.render_with_search(
            opts,
            &plan,
            sink,
            started,
            &check,
            render::Select::All,
            None,
            None,
        )
        .map(|(report, rendered, _)| (report, rendered))
    }

    /// Renders `plan`, the site's files, into `sink` while the search index is made on a
    /// thread of its own, so that indexing overlaps rendering (docs/maintainer/pages.md "Search"). The
    /// index's files join the plan when they are known: the whole plan passes `check`
    /// (the clash checks, and for a build into a folder the check for foreign files)
    /// before they go into `sink`. Nothing is published before the build has succeeded.
    /// An index whose records are those of `last`, the last build into the same folder, is
    /// not made again: the caller keeps its files ([`Searched::kept`]).
    #[allow(clippy::too_many_arguments)]
    fn render_with_search(
        &self,
        opts: &BuildOptions,
        plan: &render::plan::Plan,
        sink: &dyn output::Sink,
        started: Instant,
        check: &dyn Fn(&render::plan::Plan) -> Vec<Diagnostic>,
        select: render::Select,
        photo_cache: Option<PathBuf>,
        last: Option<&rebuild::LastBuild>,
    ) -> Result<RenderedSite, (Failure, Vec<Diagnostic>)> {
        let mut phases = timings::Phases::start();
        let (bundle, report) = std::thread::scope(|s| {
            let index = s.spawn(|| {
                let records = self.search.as_deref()?;
                let sum = search::sum(records);
                if let Some(kept) = last.and_then(|l| l.search_kept(sum)) {
                    return Some(Ok((sum, SearchIndex::Kept(kept))));
                }
                Some(search::index(records).map(|b| (sum, SearchIndex::Made(b))))
            });
            let report = self.render_plan(opts, plan, sink, started, select, photo_cache);
            phases.lap("render and write the pages");
            let bundle = index.join();
            phases.lap("then wait for the search index");
            (bundle, report)
        });
        let bundle = bundle.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let (mut report, rendered) = report?;
        let Some((sum, index)) = bundle.transpose().map_err(|d| self.failure(vec![d]))? else {
            return Ok((report, rendered, None));
        };
        let mut whole = render::plan::Plan::new(&self.site);
        whole.add_search(index.files());
        let errors = check(&whole);
        if !errors.is_empty() {
            return Err(self.failure(errors));
        }
        let kept = matches!(index, SearchIndex::Kept(_));
        let files = match index {
            SearchIndex::Kept(files) => files,
            SearchIndex::Made(bundle) => {
                let errors: Vec<Diagnostic> = bundle
                    .files
                    .iter()
                    .filter_map(|(file, bytes)| {
                        let e = sink.put(file, bytes.clone()).err()?;
                        let m = msg!("write-failed", reason = e.message());
                        Some(Diagnostic::error(file.as_str(), m))
                    })
                    .collect();
                if !errors.is_empty() {
                    return Err(self.failure(errors));
                }
                report.files_rendered += bundle.files.len();
                bundle.files.into_iter().map(|(file, _)| file).collect()
            }
        };
        report.files_written += files.len();
        report.elapsed = started.elapsed();
        let searched = Searched { sum, files, kept };
        Ok((report, rendered, Some(searched)))
    }

    /// A failed render: content errors (exit 1), unless the system refused to write
    /// (exit 3).
    fn failure(&self, errs: Vec<Diagnostic>) -> (Failure, Vec<Diagnostic>) {
        let errs = diagnostics::sorted(errs);
        if errs.iter().any(render::is_system_write_failure) {
            return (Failure::Write(errs), self.warnings.clone());
        }
        (Failure::Content(errs), self.warnings.clone())
    }

    fn render_plan(
        &self,
        opts: &BuildOptions,
        plan: &render::plan::Plan,
        sink: &dyn output::Sink,
        started: Instant,
        select: render::Select,
        photo_cache: Option<PathBuf>,
    ) -> Result<(Report, render::Rendered), (Failure, Vec<Diagnostic>)> {
        let site = &self.site;
        let rendered = render::render(
            &opts.root,
            site,
            plan,
            &self.links,
            sink,
            &opts.progress,
            select,
            photo_cache,
        )
        .map_err(|errs| self.failure(errs))?;
        let report = Report {
            pages_per_lang: rendered.pages_per_lang.clone(),
            news_items: site.news().count(),
            projects: site.projects.len(),
            files_written: rendered.files,
            files_changed: 0,
            files_rendered: rendered.rendered,
            warnings: self.warnings.clone(),
            elapsed: started.elapsed(),
        };
        Ok((report, rendered))
    }
}

fn build_inner(opts: &BuildOptions) -> Result<Report, (Failure, Vec<Diagnostic>)> {
    let started = Instant::now();
    let output = if opts.output.is_absolute() {
        opts.output.clone()
    } else {
        opts.root.join(&opts.output)
    };
    let output = output::check_output(&opts.root, &output).map_err(|f| (f, Vec::new()))?;
    let loaded = load(opts)?;
    let plan = render::plan::Plan::new(&loaded.site);
    let clashes = plan.clashes(&opts.root);
    if !clashes.is_empty() {
        return Err(loaded.failure(clashes));
    }
    let staging = output::prepare(&output).map_err(|f| (f, loaded.warnings.clone()))?;
    // Found before anything is rendered or moved: the output keeps what is not ours.
    let collisions = staging.collisions(plan.files());
    if !collisions.is_empty() {
        output::discard(staging);
        return Err(loaded.failure(plan.foreign(&opts.root, &collisions)));
    }
    // The search index's files, known only after rendering, get the same checks then.
    let check = |whole: &render::plan::Plan| {
        let clashes = whole.clashes(&opts.root);
        if !clashes.is_empty() {
            return clashes;
        }
        whole.foreign(&opts.root, &staging.collisions(whole.files()))
    };
    // Only a build that writes a site keeps copies of photos; `serve` writes nothing into
    // the site (docs/maintainer/content.md, "Photos").
    let photo_cache = Some(opts.root.join(site_cache::DIR).join(photos::CACHE_DIR));
    // A rebuild renders the files whose inputs changed since the last build into this
    // folder, and keeps the others as the output holds them (docs/maintainer/cli.md, "Rebuilds").
    let mut phases = timings::Phases::start();
    let key = rebuild::key(opts, &output, &loaded.site.config.theme);
    let last = key.and_then(|key| rebuild::LastBuild::read(&opts.root, &output, key, &staging));
    let previous = last
        .as_ref()
        .map(rebuild::LastBuild::inputs)
        .unwrap_or_default();
    phases.lap("what the last build made");
    let select = render::Select::Changed(&previous);
    let last_ref = last.as_ref();
    let rendered = loaded.render_with_search(
        opts,
        &plan,
        &staging,
        started,
        &check,
        select,
        photo_cache,
        last_ref,
    );
    // The files not made again, their inputs being the last build's: the pages and files
    // rendering kept, and the search index's when its records are the same.
    let rendered = rendered.and_then(|(report, rendered, searched)| {
        let index = searched.as_ref().filter(|s| s.kept);
        let index = index.map_or(&[][..], |s| &s.files[..]);
        let kept = rendered.kept.iter().chain(index);
        rebuild::keep(&staging, last_ref, kept).map_err(|errs| loaded.failure(errs))?;
        Ok((report, rendered, searched))
    });
    match rendered {
        Ok((mut report, rendered, searched)) => {
            opts.progress.set_stage(progress::Stage::Writing);
            let mut phases = timings::Phases::start();
            let written = staging.written();
            report.files_changed =
                output::commit(staging).map_err(|f| (f, loaded.warnings.clone()))?;
            phases.lap("move into place");
            let made = rebuild::lines(written, &rendered.inputs);
            let sum = searched.map(|s| s.sum);
            if let Some(key) = key {
                rebuild::LastBuild::save(&opts.root, &output, key, made, sum);
            }
            phases.lap("what the next build compares with");
            drop_later((loaded, plan, rendered));
            Ok(report)
        }
        Err(e) => {
            output::discard(staging);
            Err(e)
        }
    }
}

/// Frees `value` on a thread of its own: freeing the model, the plan and what rendering kept
/// takes 80 ms on the 10 000-item corpus of docs/dev/performance.md (480 ms with 50 000
/// items), which a build need not wait for. A process that ends first leaves it to the
/// system.
fn drop_later<T: Send + 'static>(value: T) {
    // Where no thread can be started, `value` is freed here, with the failed closure.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}
