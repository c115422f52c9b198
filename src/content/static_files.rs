//! The static files of the output: the built-in theme's, the site theme's `static/` and
//! the site's own `static/`, each overriding the one before.

use std::collections::BTreeMap;
use std::path::Path;

use super::model::StaticSource;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, display_path};

/// The built-in theme's static files, overridden by the site theme's `static/`, then the
/// site's own `static/`. Symbolic links are checked like content's.
pub fn collect(
    root: &Path,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, StaticSource> {
    let mut files: BTreeMap<String, StaticSource> = BTreeMap::new();
    for (path, bytes) in crate::embedded::static_files() {
        files.insert(path, StaticSource::Embedded(bytes));
    }
    for dir in [
        root.join("themes").join(&config.theme).join("static"),
        root.join("static"),
    ] {
        if !dir.is_dir() {
            continue;
        }
        for (path, _) in crate::source::site_files(
            root,
            &dir,
            crate::source::Role::Published {
                theme: &config.theme,
            },
            diags,
        ) {
            let rel = crate::source::into_nfc(display_path(&dir, &path));
            // Like content, names starting with `.` are not the site's (a submodule's
            // `.git`, `.DS_Store`); `.well-known/` is published (docs/maintainer/site.md, "A site on disk").
            if crate::urls::is_reserved(&rel) {
                continue;
            }
            files.insert(rel, StaticSource::File(path));
        }
    }
    files
}
