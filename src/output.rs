//! The output folder: refuse what is not ours, build in a staging folder, move into place
//! only when the whole build succeeded, remove what we generated before and no longer do.
//!
//! kronika's marker file in the output folder lists every file the last build wrote; files
//! not in it (`.git`, `CNAME`) are never touched.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::content::model::StaticSource;
use crate::diagnostics::Failure;

/// Name of the marker file: it lists the files kronika generated, one per line.
pub const MARKER: &str = ".kronika-output";

/// A folder the build writes into before anything reaches the output.
pub struct Staging {
    dir: PathBuf,
    written: Mutex<BTreeSet<String>>,
}

impl Staging {
    /// Writes `rel` (a path relative to the output, `/`-separated, made by kronika).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.target(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, bytes)?;
        self.record(rel)
    }

    /// Copies a static file to `rel`.
    pub fn copy(&self, rel: &str, source: &StaticSource) -> io::Result<()> {
        match source {
            StaticSource::Embedded(bytes) => self.write(rel, bytes),
            StaticSource::File(from) => {
                let path = self.target(rel)?;
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent)?;
                }
                fs::copy(from, &path)?;
                self.record(rel)
            }
        }
    }

    fn record(&self, rel: &str) -> io::Result<()> {
        let mut w = self
            .written
            .lock()
            .map_err(|_| io::Error::other("a render thread failed"))?;
        if !w.insert(rel.to_string()) {
            return Err(io::Error::other(format!(
                "two outputs want the same file {rel}"
            )));
        }
        Ok(())
    }

    /// The staging path of `rel`, refusing anything that could leave the folder.
    fn target(&self, rel: &str) -> io::Result<PathBuf> {
        let p = Path::new(rel);
        if rel.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(io::Error::other(format!(
                "refusing to write outside the output folder: {rel}"
            )));
        }
        Ok(self.dir.join(p))
    }
}

/// Refuses output folders that are not kronika's to fill.
pub fn check_output(root: &Path, output: &Path) -> Result<(), Failure> {
    let root = fs::canonicalize(root).map_err(|e| Failure::io(root, "open the site folder", e))?;
    let out = absolute(output);
    let out = fs::canonicalize(&out).unwrap_or(out);
    let shown = output.display();
    if out == root || root.starts_with(&out) {
        return Err(Failure::Usage(format!(
            "refusing to build into {shown}: it is the site folder or contains it, and would be overwritten\n  = help: use an output folder inside the site, e.g. --output public"
        )));
    }
    for protected in ["content", "themes", "i18n", "static"] {
        if out.starts_with(root.join(protected)) {
            return Err(Failure::Usage(format!(
                "refusing to build into {shown}: it is inside the site's {protected}/ folder\n  = help: use a separate output folder, e.g. --output public"
            )));
        }
    }
    if out.is_file() {
        return Err(Failure::Usage(format!("{shown} is a file, not a folder")));
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let non_empty = fs::read_dir(&out)
            .map_err(|e| Failure::io(&out, "read", e))?
            .next()
            .is_some();
        if non_empty {
            return Err(Failure::Usage(format!(
                "refusing to build into {shown}: the folder is not empty and kronika did not create it, so its files could be lost\n  = help: choose an empty or new folder with --output, or, if kronika may manage this folder, adopt it with `touch {}`",
                output.join(MARKER).display()
            )));
        }
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

fn staging_dir(output: &Path) -> PathBuf {
    let out = absolute(output);
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.kronika-staging"))
}

/// Creates a fresh staging folder beside `output` (a leftover of a killed build is replaced).
pub fn prepare(output: &Path) -> Result<Staging, Failure> {
    let dir = staging_dir(output);
    if dir.exists() {
        fs::remove_dir_all(&dir)
            .map_err(|e| Failure::io(&dir, "remove the old staging folder", e))?;
    }
    fs::create_dir_all(&dir).map_err(|e| Failure::io(&dir, "create the staging folder", e))?;
    Ok(Staging {
        dir,
        written: Mutex::new(BTreeSet::new()),
    })
}

/// Throws the staging folder away (the build failed; the output is untouched).
pub fn discard(staging: Staging) {
    let _ = fs::remove_dir_all(&staging.dir);
}

/// Moves the staged files into `output`, removes files the previous build generated and this
/// one did not, and records the new list in the marker.
pub fn commit(staging: Staging, output: &Path) -> Result<usize, Failure> {
    let written = staging.written.into_inner().unwrap_or_default();
    fs::create_dir_all(output).map_err(|e| Failure::io(output, "create", e))?;
    let previous: BTreeSet<String> = fs::read_to_string(output.join(MARKER))
        .map(|t| {
            t.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();

    let mut changed = 0;
    for rel in &written {
        let from = staging.dir.join(rel);
        let to = output.join(rel);
        if same_content(&from, &to) {
            continue;
        }
        if let Some(parent) = to.parent() {
            if parent.is_file() {
                fs::remove_file(parent).map_err(|e| Failure::io(parent, "replace", e))?;
            }
            fs::create_dir_all(parent).map_err(|e| Failure::io(parent, "create", e))?;
        }
        if to.is_dir() {
            fs::remove_dir_all(&to).map_err(|e| Failure::io(&to, "replace", e))?;
        }
        fs::rename(&from, &to).map_err(|e| Failure::io(&to, "write", e))?;
        changed += 1;
    }
    for gone in previous.difference(&written) {
        let p = Path::new(gone);
        if !p.components().all(|c| matches!(c, Component::Normal(_))) {
            continue; // a tampered marker must not make kronika delete outside the folder
        }
        let path = output.join(p);
        if path.is_file() && fs::remove_file(&path).is_ok() {
            changed += 1;
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != output) {
                if fs::remove_dir(d).is_err() {
                    break; // not empty: it holds other files
                }
                dir = d.parent();
            }
        }
    }
    let mut list = String::new();
    for rel in &written {
        list.push_str(rel);
        list.push('\n');
    }
    let tmp = output.join(format!("{MARKER}.tmp"));
    fs::write(&tmp, list).map_err(|e| Failure::io(&tmp, "write", e))?;
    fs::rename(&tmp, output.join(MARKER))
        .map_err(|e| Failure::io(output, "write the marker in", e))?;
    let _ = fs::remove_dir_all(&staging.dir);
    Ok(changed)
}

fn same_content(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(ma), Ok(mb)) if ma.is_file() && mb.is_file() && ma.len() == mb.len() => {
            matches!((fs::read(a), fs::read(b)), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}
