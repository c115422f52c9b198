//! What each output file is made from, summed up in one number. A rebuild (`kronika
//! serve`) renders again only the files whose number changed; the others keep their bytes
//! (docs/maintainer/cli.md, "Preview: `kronika serve`"). The number covers what the file's kind reads from
//! the model; what every page reads (`site.yaml`, templates, UI strings) is not in it: a
//! change there renders everything.

use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};

use super::context::HOME_ITEMS;
use super::downloads::{Downloads, MISSING, site_table, size_kb};
use super::feeds::FEED_ITEMS;
use super::pages::{PageKind, Planned};
use super::plan::{Kind, Output, Plan};
use crate::content::model::{Entry, EntryId, Site, StaticSource};
use crate::types::{Fingerprint, Lang, Slug, fingerprint};

/// The parts of the model that many files read, each summed up once per build. It names
/// the model's parts by their ids, so that a session (`serve`) keeps it between builds and
/// sums up again only what an edit changed ([`Shared::entries_changed`]).
pub struct Shared {
    /// Each news item's card, as lists show it.
    cards: HashMap<EntryId, u64>,
    /// Every project, as the cards and item pages show them.
    projects: u64,
    /// The site's statistics (their pages and downloads).
    stats: u64,
    /// Each project's statistics: the project and its items.
    project_stats: HashMap<Slug, u64>,
    /// The bytes of each download (CSV, JSON), already made: a download's number is its
    /// bytes', and a page that shows a download's size reads its length.
    downloads: BTreeMap<String, (u64, usize)>,
}

impl Shared {
    pub fn new(site: &Site, downloads: &Downloads) -> Shared {
        // A card is on several lists (news, year, tags, projects): summed up once.
        let cards = site.news().map(|e| (e.id.clone(), card(e))).collect();
        let (projects, stats, project_stats) = statistics(site);
        Shared {
            cards,
            projects,
            stats,
            project_stats,
            downloads: sums_of(downloads),
        }
    }

    /// Sums up again the cards of the entries `ids`, edited since.
    pub fn entries_changed(&mut self, site: &Site, ids: &[EntryId]) {
        for id in ids {
            if let Some(card_of) = self.cards.get_mut(id) {
                *card_of = card(site.entry(id));
            }
        }
    }

    /// Sums up the downloads `files` again, written again after an edit of titles they
    /// show (the statistics' own numbers read no title).
    pub fn downloads_changed(&mut self, downloads: &Downloads, files: &[String]) {
        for file in files {
            if let Some(bytes) = downloads.get(file) {
                self.downloads.insert(file.clone(), sum_of(bytes));
            }
        }
    }
}

/// The number of every project, of the site's statistics and of each project's.
fn statistics(site: &Site) -> (u64, u64, HashMap<Slug, u64>) {
    let mut per_project: HashMap<&Slug, Fingerprint> = site
        .projects
        .iter()
        .map(|(id, p)| {
            let mut h = fingerprint();
            debug_hash(p).hash(&mut h);
            (id, h)
        })
        .collect();
    // In id order: a map's own order differs from one build to the next.
    let mut projects = fingerprint();
    for id in site.projects.keys() {
        per_project.get(id).map(Hasher::finish).hash(&mut projects);
    }
    let projects = projects.finish();
    let mut stats = fingerprint();
    projects.hash(&mut stats);
    // No title: the site's statistics page lists the untranslated items with their
    // titles, and reads them from the download of that list (`PageKind::Stats`).
    for e in site.news() {
        let read = (&e.id, e.lang, e.date, &e.projects, &e.tags, e.archived);
        let shown = (&e.translations, &e.path);
        (read, shown).hash(&mut stats);
        for p in &e.projects {
            if let Some(h) = per_project.get_mut(p) {
                (read, shown).hash(h);
            }
        }
    }
    for tag in site.tags.values() {
        tag.name.hash(&mut stats);
    }
    let project_stats = per_project
        .into_iter()
        .map(|(id, h)| (id.clone(), h.finish()))
        .collect();
    (projects, stats.finish(), project_stats)
}

fn sums_of(downloads: &Downloads) -> BTreeMap<String, (u64, usize)> {
    downloads
        .iter()
        .map(|(file, bytes)| (file.to_string(), sum_of(bytes)))
        .collect()
}

/// A download's number and length.
fn sum_of(bytes: &[u8]) -> (u64, usize) {
    let mut h = fingerprint();
    bytes.hash(&mut h);
    (h.finish(), bytes.len())
}

/// What each output file is made from: the model, the plan and their shared sums.
pub struct Inputs<'a> {
    site: &'a Site,
    plan: &'a Plan,
    shared: &'a Shared,
}

impl<'a> Inputs<'a> {
    pub fn new(site: &'a Site, plan: &'a Plan, shared: &'a Shared) -> Inputs<'a> {
        Inputs { site, plan, shared }
    }

    /// The size of download `file` as pages show it (1 kB for none).
    fn size_of(&self, file: &str) -> u64 {
        let bytes = self.shared.downloads.get(file).map_or(0, |d| d.1);
        size_kb(bytes as u64)
    }

    /// The statistics of project `id`, or of the site.
    fn stats_of(&self, project: Option<&Slug>) -> u64 {
        project
            .and_then(|id| self.shared.project_stats.get(id).copied())
            .unwrap_or(self.shared.stats)
    }

    /// The number of `output`: equal in two builds only if its bytes are. `None` for a
    /// file that must be rendered in any case (a copied file that cannot be read now).
    pub fn of(&self, output: &Output) -> Option<u64> {
        let mut h = fingerprint();
        output.file.hash(&mut h);
        match &output.kind {
            Kind::Page(page) => self.page(page, &mut h),
            Kind::Feed(lang) => {
                lang.hash(&mut h);
                let idx = self.site.lang_index(*lang);
                for id in idx.all.iter().take(FEED_ITEMS) {
                    let e = self.site.entry(id);
                    (&e.title, &e.path, &e.summary, e.date).hash(&mut h);
                }
            }
            Kind::Sitemap => {
                for p in self.plan.pages() {
                    (&p.path, p.in_sitemap, &p.alternates).hash(&mut h);
                    if let PageKind::Item(id) | PageKind::Page(id) = &p.kind {
                        self.site.entry(id).date.hash(&mut h);
                    }
                }
            }
            Kind::Robots => {}
            // Never rendered: the build puts the bundle's bytes into the sink itself.
            Kind::Search => {}
            // A copy of a photo: the photo as it is on disk, and how it is resized.
            Kind::Photo(v) => {
                (&v.source, v.width, &v.widths, v.quality).hash(&mut h);
                (v.format, v.output).hash(&mut h);
                let stamp = std::fs::metadata(&v.source).and_then(|m| Ok((m.len(), m.modified()?)));
                stamp.ok()?.hash(&mut h);
            }
            Kind::StatsData(..) => self.shared.downloads.get(&output.file).hash(&mut h),
            Kind::Copied(StaticSource::Embedded(bytes)) => bytes.hash(&mut h),
            Kind::Copied(StaticSource::File(path)) => {
                path.hash(&mut h);
                // A file changed on disk has another size or time; one that cannot be read
                // is read again (and its error reported) by rendering it.
                let stamp = std::fs::metadata(path).and_then(|m| Ok((m.len(), m.modified()?)));
                stamp.ok()?.hash(&mut h);
            }
        }
        Some(h.finish())
    }

    fn page(&self, page: &Planned, h: &mut Fingerprint) {
        page.hash(h);
        let site = self.site;
        let lang = page.lang.unwrap_or(site.config.default_language);
        let idx = site.lang_index(lang);
        let cards = |ids: &[EntryId], h: &mut Fingerprint| {
            for id in ids {
                self.shared.cards.get(id).hash(h);
            }
        };
        match &page.kind {
            PageKind::Home => {
                cards(&idx.current[..idx.current.len().min(HOME_ITEMS)], h);
                self.projects_with_counts(lang, h);
            }
            PageKind::NewsList(pg) | PageKind::ArchiveYear(_, pg) => cards(&pg.items, h),
            PageKind::Item(id) | PageKind::Page(id) => {
                let e = site.entry(id);
                // The entry includes its change register: a commit renders again only the
                // pages of the files it changed (docs/maintainer/content.md, "Change register").
                e.hash(h);
                // A translation's metryczka marks a name it shares with the original as in
                // the original's language (`context::langs::inherited`).
                let default = site.config.default_language;
                if let Some((_, original)) = e.translations.iter().find(|(l, _)| *l == default) {
                    let o = site.entry(original);
                    (&o.produced_by, &o.published_by).hash(h);
                }
                for t in &e.tags {
                    site.tag(t).name.hash(h);
                    tag_languages(site, t, h);
                }
                self.shared.projects.hash(h);
            }
            PageKind::Archive => {
                for (year, items) in &idx.years {
                    (year, items.len()).hash(h);
                }
            }
            PageKind::Projects => self.projects_with_counts(lang, h),
            PageKind::Project(id, pg) => {
                cards(&pg.items, h);
                self.shared.projects.hash(h);
                idx.by_project.get(id).map_or(0, Vec::len).hash(h);
            }
            PageKind::Tags => {
                for slug in &idx.tags_az {
                    let tag = site.tag(slug);
                    (&tag.name, tag.items.get(&lang).map_or(0, Vec::len)).hash(h);
                    tag_languages(site, slug, h);
                }
            }
            PageKind::Tag(slug, pg) => {
                cards(&pg.items, h);
                site.tag(slug).name.hash(h);
                tag_languages(site, slug, h);
            }
            // The site's statistics link every site download with its size.
            PageKind::Stats => {
                (self.shared.stats, self.shared.projects).hash(h);
                for file in self.shared.downloads.keys() {
                    (file, self.size_of(file)).hash(h);
                }
                // It lists the untranslated items, titles and all, as that download does.
                let missing = site_table(site, lang, MISSING);
                self.shared.downloads.get(&missing).hash(h);
            }
            // A project's own, and the size of its language's JSON file, which it links.
            PageKind::ProjectStats(id) => {
                (self.stats_of(Some(id)), self.shared.projects).hash(h);
                self.size_of(&site.urls(lang).stats_json()).hash(h);
            }
            // Their kind is all they show.
            PageKind::NotFound | PageKind::Alias { .. } | PageKind::Search => {}
            // Made from `site.yaml` (a change there renders everything) and the planned
            // page itself, hashed above: an own page replacing the instructions changes it.
            PageKind::Accessibility | PageKind::Instructions => {}
        }
    }

    /// Every project's card with its number of items in `lang`.
    fn projects_with_counts(&self, lang: Lang, h: &mut Fingerprint) {
        self.shared.projects.hash(h);
        for (id, items) in &self.site.lang_index(lang).by_project {
            (id, items.len()).hash(h);
        }
    }
}

/// What a list shows of an item.
fn card(e: &Entry) -> u64 {
    let mut h = fingerprint();
    (&e.title, &e.path, e.date, &e.summary, e.archived).hash(&mut h);
    h.finish()
}

/// The hash of a value's `Debug` form, for the projects (with their amounts, which have
/// no `Hash`), summed up once per build.
fn debug_hash(value: &dyn fmt::Debug) -> u64 {
    struct Feed(Fingerprint);
    impl fmt::Write for Feed {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut feed = Feed(fingerprint());
    let _ = write!(feed, "{value:?}");
    feed.0.finish()
}

/// The languages that have items with tag `slug`: what the tag's own language is judged
/// from where a page marks it (`render::context::langs`, docs/maintainer/site.md "Language of parts").
fn tag_languages<H: Hasher>(site: &Site, slug: &Slug, h: &mut H) {
    for (lang, items) in &site.tag(slug).items {
        (lang, items.is_empty()).hash(h);
    }
}
