//! Renders the site model into files: plans every page, then renders them in parallel.
//!
//! Each page kind has a planning function in [`pages`] that says which pages exist, where,
//! and what their counterparts in the other languages are; [`context`] turns a planned page
//! into template variables; feeds and the sitemap live in [`feeds`].

mod context;
mod feeds;
mod outputs;
mod pages;
pub mod templates;
pub mod typography;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::messages::Arg;
use crate::msg;
use crate::output::Staging;
use crate::progress::Progress;
use crate::urls::{LinkStyle, output_file};
use typography::Typography;

pub use pages::Planned;

/// What rendering produced.
pub struct Rendered {
    /// HTML pages written, per language code.
    pub pages_per_lang: Vec<(String, usize)>,
    pub files: usize,
}

/// Renders every page and copies every static file into `staging`.
pub fn render(
    root: &Path,
    site: Arc<Site>,
    links: &LinkStyle,
    staging: &Staging,
    progress: &Progress,
) -> Result<Rendered, Vec<Diagnostic>> {
    let tera = templates::build(root, &site, links)?;
    let shared = context::Shared::new(&site);
    let planned = pages::plan(&site);
    let outputs = outputs::list(&site, &planned);
    let clashes = outputs::clashes(root, &outputs);
    if !clashes.is_empty() {
        return Err(clashes);
    }
    // Found before anything is staged or moved: the output keeps what is not ours.
    let collisions = staging.collisions(outputs.iter().map(|o| o.file.as_str()));
    if !collisions.is_empty() {
        return Err(outputs::foreign(root, &outputs, &collisions));
    }
    let typography: HashMap<_, _> = site
        .config
        .languages
        .iter()
        .map(|&l| (l, Typography::new(&site.i18n, l, site.config.typography)))
        .collect();
    progress.start_pages(planned.len());

    let mut errors: Vec<Diagnostic> = planned
        .par_iter()
        .filter_map(|page| {
            progress.page_done();
            let ctx = context::for_page(&site, &shared, page, links);
            let file = output_file(&page.path);
            match tera.render(page.template, &ctx) {
                Ok(html) => {
                    let html = match page.lang.and_then(|l| typography.get(&l)) {
                        Some(rules) => rules.apply(&html),
                        None => html,
                    };
                    staging.write(&file, html.as_bytes()).err().map(|e| {
                        Diagnostic::error(&file, msg!("write-failed", reason = e.message()))
                    })
                }
                Err(e) => Some(
                    Diagnostic::error(
                        format!("themes/{}/templates/{}", site.config.theme, page.template),
                        msg!("render-failed", target = format!("/{}", page.path)),
                    )
                    .help(msg!("template-detail-help", detail = error_chain(&e))),
                ),
            }
        })
        .collect();

    errors.extend(feeds::write_all(&site, &tera, &planned, links, staging));

    let static_errors: Vec<Diagnostic> = site
        .static_files
        .par_iter()
        .filter_map(|(path, source)| {
            staging.copy(path, source).err().map(|e| {
                Diagnostic::error(path.as_str(), msg!("copy-failed", reason = e.message()))
            })
        })
        .collect();
    errors.extend(static_errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut per_lang = Vec::new();
    for lang in &site.config.languages {
        let n = planned
            .iter()
            .filter(|p| p.lang == Some(*lang) && p.in_sitemap)
            .count();
        per_lang.push((lang.to_string(), n));
    }
    Ok(Rendered {
        pages_per_lang: per_lang,
        files: planned.len() + site.static_files.len(),
    })
}

/// Whether `d` says that the system refused to write a file of the built site (a full
/// disk, a file-size limit): an I/O failure, exit 3, not the content's fault (README
/// "Exit status").
pub fn is_system_write_failure(d: &Diagnostic) -> bool {
    matches!(d.message.id(), "write-failed" | "copy-failed")
        && matches!(d.message.arg("reason"), Some(Arg::Message(m)) if m.id() == "write-system")
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
