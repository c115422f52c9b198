//! Builds of one site in memory, one after another, each rendering only the files whose
//! inputs changed since the previous good one (`render::inputs`): what `kronika serve`
//! runs after every edit (docs/maintainer/cli.md, "Preview: `kronika serve`").

use std::any::Any;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::content::model::{EntryId, Site};
use crate::diagnostics::{Diagnostic, Failure};
use crate::render::plan::{Kind, Plan};
use crate::render::{PageKind, Prepared, Renderer, Select};
use crate::types::Date;
use crate::urls::LinkStyle;
use crate::{BuildOptions, Report, content, load_cached, output, render};

/// The files of a build in memory, shared between builds: a file that did not change
/// keeps its bytes, not a copy of them. Its names are shared too: a patched build copies
/// the map of 20 000 files, and its merge took 7–9 ms with a `String` per name, 3.5 ms
/// with these (the 10 000-item corpus, docs/dev/performance.md "Preview").
pub type SharedFiles = BTreeMap<Arc<str>, Arc<[u8]>>;

/// Successive builds of one site.
pub struct Session {
    opts: BuildOptions,
    /// The sources as read and rendered by the previous load.
    cache: content::Cache,
    last: Option<Last>,
    /// What the last build replaced — the model, plan and fingerprints of the build
    /// before, or the files of the build before — to be freed by [`Session::tidy`] once
    /// the new files are served.
    garbage: Vec<Box<dyn Any>>,
}

/// The last good build.
struct Last {
    inputs: HashMap<String, u64>,
    files: Arc<SharedFiles>,
    /// What an edit of entries alone is patched into (a watched session's, after a good
    /// build; forgotten by a failed one, whose sources it no longer matches).
    kept: Option<Kept>,
}

/// The model of the last good build and what was made from it, kept so that an edit
/// that changes no identity is patched in rather than loaded, planned and prepared
/// again (docs/dev/performance.md, "Preview").
struct Kept {
    /// Held here alone, so that a patch changes it in place.
    site: Arc<Site>,
    plan: Plan,
    prepared: Prepared,
    links: LinkStyle,
    /// The day embargoes were judged by.
    today: Date,
    warnings: Vec<Diagnostic>,
    pages_per_lang: Vec<(String, usize)>,
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
            garbage: Vec::new(),
        }
    }

    /// A session whose caller reports every change of the site's files through
    /// [`Session::changed`], from a file watcher started before the first build: files
    /// not reported are taken as they were, without looking at them, and an edit of
    /// entries that changes no identity is patched into the last model (docs/maintainer/cli.md,
    /// "Preview: `kronika serve`"). `kronika serve` builds so.
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
            if let Some(kept) = last.kept.take() {
                self.garbage.push(Box::new(kept));
            }
        }
    }

    /// Frees what the last build replaced: call it once its files are served.
    pub fn tidy(&mut self) {
        self.garbage.clear();
    }

    /// Loads the site again and renders the files whose inputs changed; in a watched
    /// session, patches an edit of entries into the last model when it can. On failure the
    /// session keeps its last good build, and the next build compares with it.
    pub fn build(&mut self) -> Result<Update, (Failure, Vec<Diagnostic>)> {
        self.tidy();
        let started = Instant::now();
        if let Some(update) = self.patched(started) {
            return Ok(update);
        }
        let result = self.build_all(started);
        if result.is_err()
            && let Some(kept) = self.last.as_mut().and_then(|l| l.kept.take())
        {
            self.garbage.push(Box::new(kept));
        }
        result
    }

    /// The day that decides embargoes in this build.
    fn today(&self) -> Date {
        self.opts.today.unwrap_or_else(Date::today)
    }

    /// The whole site loaded, planned and prepared again; the files whose inputs changed
    /// rendered.
    fn build_all(&mut self, started: Instant) -> Result<Update, (Failure, Vec<Diagnostic>)> {
        let today = self.today();
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
            let (report, mut rendered) =
                loaded.render_plan(opts, &plan, &memory, started, select, None)?;
            phases.lap("render (all)");
            // What a patch of the next edit starts from.
            let kept = rendered.prepared.take().map(|prepared| {
                let links = loaded.links.clone();
                (Arc::clone(&loaded.site), prepared, links)
            });
            Ok((report, rendered.inputs, plan, kept, memory.into_files()))
        });
        opts.progress.finish();
        let (mut report, inputs, plan, kept, mut fresh) = result?;
        phases.lap("plan and site released");

        let before = self.last.as_ref().map(|l| Arc::clone(&l.files));
        let before = before.as_deref();
        let mut files = SharedFiles::new();
        let mut changed = Vec::new();
        for file in plan.files() {
            let old = before.and_then(|b| b.get_key_value(file));
            let name: Arc<str> = old.map_or_else(|| file.into(), |(name, _)| Arc::clone(name));
            let bytes: Arc<[u8]> = match fresh.remove(file) {
                Some(new) => match old {
                    Some((_, old)) if **old == *new => Arc::clone(old),
                    _ => {
                        changed.push(file.to_string());
                        Arc::from(new)
                    }
                },
                // Not rendered: its inputs are those of the last good build, which has it.
                None => match old {
                    Some((_, o)) => Arc::clone(o),
                    None => continue,
                },
            };
            files.insert(name, bytes);
        }
        if let Some(before) = before {
            let gone = before.keys().filter(|f| !files.contains_key(*f));
            changed.extend(gone.map(|f| f.to_string()));
        }
        report.files_changed = changed.len();
        phases.lap("merge");
        let files = Arc::new(files);
        // Only a watched session is told what changed, so only it can patch an edit in.
        let kept = match kept {
            Some((site, prepared, links)) if self.cache.is_watched() => Some(Kept {
                site,
                plan,
                prepared,
                links,
                today,
                warnings: report.warnings.clone(),
                pages_per_lang: report.pages_per_lang.clone(),
            }),
            other => {
                self.garbage.push(Box::new((other, plan)));
                None
            }
        };
        let last = self.last.replace(Last {
            inputs,
            files: Arc::clone(&files),
            kept,
        });
        // Freeing a model of 10 000 items, or the fingerprints of its files, takes tens of
        // milliseconds: done after the new files are served, not before.
        if let Some(last) = last {
            self.garbage.push(Box::new(last));
        }
        Ok(Update {
            files,
            changed,
            report,
        })
    }

    /// The edit since the last good build patched into its model, and the files that
    /// read the edited entries rendered again, if the edit changed no identity
    /// (`content::patch`); `None` leaves the build to [`Session::build_all`].
    fn patched(&mut self, started: Instant) -> Option<Update> {
        let today = self.today();
        let opts = &self.opts;
        let last = self.last.as_mut()?;
        let kept = last.kept.as_mut().filter(|k| k.today == today)?;
        let mut phases = crate::timings::Phases::start();
        let load = content::LoadOptions {
            drafts: opts.drafts,
            today,
        };
        let site = Arc::get_mut(&mut kept.site)?;
        let patch = content::patch(site, &opts.root, &mut self.cache, &load)?;
        phases.lap("patch: entries");
        // The model has changed: should anything fail from here on, what was kept is
        // forgotten and the whole site is built.
        let rendered = kept
            .prepared
            .entries_changed(site, &kept.links, &patch.entries, patch.statistics)
            .ok()
            .and_then(|()| {
                let candidates = candidates(&kept.plan, &patch.entries, patch.statistics);
                let renderer = Renderer::new(site, &kept.plan, &kept.prepared, &kept.links);
                let memory = output::Memory::default();
                let select = Select::Among {
                    previous: &last.inputs,
                    candidates: &candidates,
                };
                let rendered = render::render_with(&renderer, &memory, &opts.progress, select);
                Some((rendered.ok()?, memory.into_files()))
            });
        opts.progress.finish();
        let Some((rendered, fresh)) = rendered else {
            if let Some(kept) = last.kept.take() {
                self.garbage.push(Box::new(kept));
            }
            return None;
        };
        phases.lap("patch: render");

        let mut files = SharedFiles::clone(&last.files);
        let mut changed = Vec::new();
        for (file, new) in fresh {
            match files.get_mut(file.as_str()) {
                Some(old) if **old == *new => {}
                Some(old) => {
                    *old = Arc::from(new);
                    changed.push(file);
                }
                None => {
                    files.insert(file.as_str().into(), Arc::from(new));
                    changed.push(file);
                }
            }
        }
        last.inputs.extend(rendered.inputs);
        kept.warnings = content::patched_warnings(&kept.warnings, &patch.entries, patch.warnings);
        let files = Arc::new(files);
        let before = std::mem::replace(&mut last.files, Arc::clone(&files));
        self.garbage.push(Box::new(before));
        phases.lap("patch: merge");
        let site = &kept.site;
        let report = Report {
            pages_per_lang: kept.pages_per_lang.clone(),
            news_items: site.news().count(),
            projects: site.projects.len(),
            files_written: kept.plan.outputs.len(),
            files_changed: changed.len(),
            files_rendered: rendered.rendered,
            warnings: kept.warnings.clone(),
            elapsed: started.elapsed(),
        };
        Some(Update {
            files,
            changed,
            report,
        })
    }
}

/// The files of `plan` whose inputs can read the entries `ids` after an edit that
/// changed no identity: their pages, the lists that show them, the home pages and the
/// feeds, and with `statistics` the statistics' pages and downloads. Every other file's
/// inputs are what they were (`render::inputs`).
fn candidates(plan: &Plan, ids: &[EntryId], statistics: bool) -> Vec<usize> {
    // An edit names a few entries, which the plan's 70 000 ids are compared with: by
    // pointer first (`Arc`), where hashing each took 4 ms of the corpus's title edit.
    let set: HashSet<&EntryId> = ids.iter().filter(|_| ids.len() > 16).collect();
    let is_edited = |id: &EntryId| {
        if ids.len() > 16 {
            set.contains(id)
        } else {
            ids.contains(id)
        }
    };
    let shows = |items: &[EntryId]| items.iter().any(is_edited);
    let candidate = |kind: &Kind| match kind {
        Kind::Page(page) => match &page.kind {
            PageKind::Item(id) | PageKind::Page(id) => is_edited(id),
            PageKind::NewsList(pg)
            | PageKind::ArchiveYear(_, pg)
            | PageKind::Project(_, pg)
            | PageKind::Tag(_, pg) => shows(&pg.items),
            PageKind::Home => true,
            PageKind::Stats | PageKind::ProjectStats(_) => statistics,
            _ => false,
        },
        Kind::Feed(_) => true,
        Kind::StatsData(..) => statistics,
        _ => false,
    };
    plan.outputs
        .iter()
        .enumerate()
        .filter(|(_, o)| candidate(&o.kind))
        .map(|(i, _)| i)
        .collect()
}
