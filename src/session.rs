//! Builds of one site in memory, one after another, each rendering only the files whose
//! inputs changed since the previous good one (`render::inputs`): what `kronika serve`
//! runs after every edit (docs/maintainer/cli.md, "Preview: `kronika serve`").

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostics::{Diagnostic, Failure};
use crate::{BuildOptions, Report, content, load_cached, output, render};

/// The files of a build in memory, shared between builds: a file that did not change
/// keeps its bytes, not a copy of them.
pub type SharedFiles = BTreeMap<String, Arc<[u8]>>;

/// Successive builds of one site.
pub struct Session {
    opts: BuildOptions,
    /// The sources as read and rendered by the previous load.
    cache: content::Cache,
    last: Option<Last>,
    /// What the last build no longer needs — its model (the session keeps only the
    /// files) and the fingerprints it replaced — to be freed by [`Session::tidy`] once
    /// the new files are served.
    garbage: Option<(Arc<crate::content::model::Site>, Option<Last>)>,
}

/// The last good build.
struct Last {
    inputs: HashMap<String, u64>,
    files: Arc<SharedFiles>,
}

/// What one build of a session made.
pub struct Update {
    /// Every file of the site.
    pub files: Arc<SharedFiles>,
    /// The files whose bytes differ from the previous good build's: new, changed or gone.
    pub changed: Vec<String>,
    pub report: Report,
}

impl Session {
    /// A session of the site at `opts.root`. The root is used by its full path, as a file
    /// watcher names changed files.
    pub fn new(mut opts: BuildOptions) -> Session {
        if let Ok(root) = std::fs::canonicalize(&opts.root) {
            opts.root = root;
        }
        Session {
            opts,
            cache: content::Cache::default(),
            last: None,
            garbage: None,
        }
    }

    /// A session whose caller reports every change of the site's files through
    /// [`Session::changed`], from a file watcher started before the first build: files
    /// not reported are taken as they were, without looking at them (docs/maintainer/cli.md, "Preview:
    /// `kronika serve`"). `kronika serve` builds so.
    pub fn watched(mut self) -> Session {
        self.cache = content::Cache::watched();
        self
    }

    /// Says that the files at `paths` changed (full paths, as a file watcher gives them):
    /// the next build reads them again, whatever their size and time say.
    pub fn changed<'p>(&mut self, paths: impl IntoIterator<Item = &'p Path>) {
        self.cache.changed(paths);
    }

    /// Forgets what earlier builds rendered, so that the next renders every file: after a
    /// change to what every page reads (`site.yaml`, a template, a UI string).
    pub fn render_everything_next(&mut self) {
        if let Some(last) = &mut self.last {
            last.inputs.clear();
        }
    }

    /// Frees what the last build replaced: call it once its files are served.
    pub fn tidy(&mut self) {
        self.garbage = None;
    }

    /// Loads the site again and renders the files whose inputs changed. On failure the
    /// session keeps its last good build, and the next build compares with it.
    pub fn build(&mut self) -> Result<Update, (Failure, Vec<Diagnostic>)> {
        self.tidy();
        let started = Instant::now();
        let opts = &self.opts;
        let mut phases = crate::timings::Phases::start();
        let result = load_cached(opts, Some(&mut self.cache)).and_then(|loaded| {
            phases.lap("load");
            let plan = render::plan::Plan::new(&loaded.site);
            let clashes = plan.clashes(&opts.root);
            phases.lap("plan");
            if !clashes.is_empty() {
                return Err(loaded.failure(clashes));
            }
            let memory = output::Memory::default();
            let none = HashMap::new();
            let previous = self.last.as_ref().map_or(&none, |l| &l.inputs);
            let select = render::Select::Changed(previous);
            let (report, rendered) =
                loaded.render_plan(opts, &plan, &memory, started, select, None)?;
            phases.lap("render (all)");
            let files: Vec<String> = plan.outputs.iter().map(|o| o.file.clone()).collect();
            let site = Arc::clone(&loaded.site);
            Ok((report, rendered.inputs, files, memory.into_files(), site))
        });
        opts.progress.finish();
        let (mut report, inputs, planned, mut fresh, site) = result?;
        phases.lap("plan and site released");

        let before = self.last.as_ref().map(|l| Arc::clone(&l.files));
        let before = before.as_deref();
        let mut files = SharedFiles::new();
        let mut changed = Vec::new();
        for file in planned {
            let old = before.and_then(|b| b.get(&file));
            let bytes: Arc<[u8]> = match fresh.remove(&file) {
                Some(new) => match old {
                    Some(old) if **old == *new => Arc::clone(old),
                    _ => {
                        changed.push(file.clone());
                        Arc::from(new)
                    }
                },
                // Not rendered: its inputs are those of the last good build, which has it.
                None => match old {
                    Some(o) => Arc::clone(o),
                    None => continue,
                },
            };
            files.insert(file, bytes);
        }
        if let Some(before) = before {
            changed.extend(before.keys().filter(|f| !files.contains_key(*f)).cloned());
        }
        report.files_changed = changed.len();
        phases.lap("merge");
        let files = Arc::new(files);
        let last = self.last.replace(Last {
            inputs,
            files: Arc::clone(&files),
        });
        // Freeing a model of 10 000 items, or the fingerprints of its files, takes tens of
        // milliseconds: done after the new files are served, not before.
        self.garbage = Some((site, last));
        Ok(Update {
            files,
            changed,
            report,
        })
    }
}
