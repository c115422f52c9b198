//! kronika: a static site generator for bilingual (Polish/English) BIP-style archives of
//! public projects.
//!
//! ```text
//! site.yaml ──► config ──┐
//! content/ ──► discover ─► parse (front matter, Markdown) ─► model ─► render ─► output
//! themes/, i18n/ ────────┘      (all errors collected)     (links,  (Tera,    (staging,
//!                                                            indices) parallel) atomic swap)
//! ```

// A `Diagnostic` is large, and returned only on the cold path of a broken file.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod content;
pub mod diagnostics;
mod embedded;
pub mod html;
pub mod i18n;
pub mod locale;
pub mod messages;
pub mod output;
pub mod progress;
pub mod render;
pub mod source;
pub mod types;
pub mod urls;
mod yaml;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rust_decimal::{Decimal, RoundingStrategy};

use config::Config;
use content::LoadOptions;
use diagnostics::{Diagnostic, Failure};
use i18n::I18n;
use messages::Message;
use progress::Progress;
use types::Date;
use urls::LinkStyle;

/// What `kronika build` was asked to do.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub offline: bool,
    pub drafts: bool,
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

    /// What `--verbose` adds: `81 files in the output, 3 changed`.
    pub fn files(&self) -> Message {
        msg!(
            "build-files",
            files = self.files_written,
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

fn build_inner(opts: &BuildOptions) -> Result<Report, (Failure, Vec<Diagnostic>)> {
    let started = Instant::now();
    let output = if opts.output.is_absolute() {
        opts.output.clone()
    } else {
        opts.root.join(&opts.output)
    };
    let output = output::check_output(&opts.root, &output).map_err(|f| (f, Vec::new()))?;
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
    let config = Config::load(&opts.root, opts.base_url.as_deref());
    let config = match config {
        Ok(c) => c,
        Err(errs) => return Err((Failure::Content(errs), Vec::new())),
    };
    let mut i18n = match I18n::load(&opts.root, &config) {
        Ok(i) => i,
        Err(errs) => return Err((Failure::Content(errs), Vec::new())),
    };
    let links = LinkStyle {
        base: config.base_url.clone(),
        offline: opts.offline,
    };
    let load = LoadOptions {
        drafts: opts.drafts,
        today: opts.today.unwrap_or_else(Date::today),
        links: links.clone(),
    };
    diags.extend(i18n.take_warnings());
    let site = content::load(&opts.root, config, i18n, &load, &mut diags);
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics::sorted(diags)
        .into_iter()
        .partition(Diagnostic::is_error);
    let Some(site) = site.filter(|_| errors.is_empty()) else {
        return Err((Failure::Content(errors), warnings));
    };
    let site = Arc::new(site);

    let staging = output::prepare(&output).map_err(|f| (f, warnings.clone()))?;
    match render::render(&opts.root, site.clone(), &links, &staging, &opts.progress) {
        Ok(rendered) => {
            opts.progress.set_stage(progress::Stage::Writing);
            let changed = output::commit(staging).map_err(|f| (f, warnings.clone()))?;
            Ok(Report {
                pages_per_lang: rendered.pages_per_lang,
                news_items: site.news.len(),
                projects: site.projects.len(),
                files_written: rendered.files,
                files_changed: changed,
                warnings,
                elapsed: started.elapsed(),
            })
        }
        Err(errs) => {
            output::discard(staging);
            let errs = diagnostics::sorted(errs);
            if errs.iter().any(render::is_system_write_failure) {
                return Err((Failure::Write(errs), warnings));
            }
            Err((Failure::Content(errs), warnings))
        }
    }
}
