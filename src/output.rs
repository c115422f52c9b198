//! The output folder: refuse what is not ours, build in a staging folder, move into place
//! only when the whole build succeeded, remove what we generated before and no longer do.
//!
//! kronika's marker file in the output folder lists every file the last build wrote, with a
//! hash of its bytes; files not in it (`.git`, `CNAME`) are never touched. A file whose bytes
//! did not change since the last build is not written again (cheap rebuilds, stable mtimes).

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::content::model::StaticSource;
use crate::diagnostics::{Failure, IoAction};
use crate::messages::Message;
use crate::msg;

/// Name of the marker file: it lists the files kronika generated, one per line
/// (`path<TAB>hash`).
pub const MARKER: &str = ".kronika-output";

/// A folder the build writes into before anything reaches the output.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    /// What the previous build generated: path → hash of its bytes.
    previous: BTreeMap<String, String>,
    /// What this build generates: path → (hash, whether it was staged because it changed).
    written: Mutex<BTreeMap<String, (String, bool)>>,
}

/// Why a file of the built site could not be staged.
#[derive(Debug)]
pub enum WriteError {
    /// The system refused (disk full, permissions).
    Io(io::Error),
    /// Two outputs want the same file: two pages, or a page and a copied file.
    SameFile(String),
    /// The path would leave the output folder.
    Outside(String),
    /// A render thread panicked while holding the list of written files.
    ThreadFailed,
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

impl WriteError {
    /// What went wrong, as a message for `write-failed` or `copy-failed`.
    pub fn message(&self) -> Message {
        match self {
            WriteError::Io(e) => msg!("write-system", error = e.to_string()),
            WriteError::SameFile(path) => msg!("write-same-file", path = path),
            WriteError::Outside(path) => msg!("write-outside", path = path),
            WriteError::ThreadFailed => msg!("write-thread-failed"),
        }
    }
}

fn hash(bytes: &[u8]) -> String {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

impl Staging {
    /// Writes `rel` (a path relative to the output, `/`-separated, made by kronika), unless
    /// the output already holds exactly these bytes from the previous build.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.target(rel)?;
        let digest = hash(bytes);
        let unchanged = self.previous.get(rel) == Some(&digest)
            && fs::metadata(self.output.join(rel))
                .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        if !unchanged {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, bytes)?;
        }
        self.record(rel, digest, !unchanged)
    }

    /// Copies a static file to `rel`.
    pub fn copy(&self, rel: &str, source: &StaticSource) -> Result<(), WriteError> {
        match source {
            StaticSource::Embedded(bytes) => self.write(rel, bytes),
            StaticSource::File(from) => self.write(rel, &fs::read(from)?),
        }
    }

    fn record(&self, rel: &str, digest: String, staged: bool) -> Result<(), WriteError> {
        let mut w = self.written.lock().map_err(|_| WriteError::ThreadFailed)?;
        if w.insert(rel.to_string(), (digest, staged)).is_some() {
            return Err(WriteError::SameFile(rel.to_string()));
        }
        Ok(())
    }

    /// The staging path of `rel`, refusing anything that could leave the folder.
    fn target(&self, rel: &str) -> Result<PathBuf, WriteError> {
        let p = Path::new(rel);
        if rel.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(WriteError::Outside(rel.to_string()));
        }
        Ok(self.dir.join(p))
    }
}

/// Refuses output folders that are not kronika's to fill.
pub fn check_output(root: &Path, output: &Path) -> Result<(), Failure> {
    let root =
        fs::canonicalize(root).map_err(|e| Failure::io(root, IoAction::OpenSiteFolder, e))?;
    let out = absolute(output);
    let out = fs::canonicalize(&out).unwrap_or(out);
    let shown = output.display().to_string();
    if out == root || root.starts_with(&out) {
        return Err(Failure::usage(
            msg!("output-refused-site", output = shown),
            msg!("output-refused-site-help"),
        ));
    }
    for protected in ["content", "themes", "i18n", "static"] {
        if out.starts_with(root.join(protected)) {
            return Err(Failure::usage(
                msg!(
                    "output-refused-protected",
                    output = shown,
                    folder = protected
                ),
                msg!("output-refused-protected-help"),
            ));
        }
    }
    if out.is_file() {
        return Err(Failure::usage(
            msg!("output-refused-file", output = shown),
            msg!("output-refused-file-help"),
        ));
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let non_empty = fs::read_dir(&out)
            .map_err(|e| Failure::io(&out, IoAction::Read, e))?
            .next()
            .is_some();
        if non_empty {
            return Err(Failure::usage(
                msg!("output-refused-foreign", output = shown),
                msg!(
                    "output-refused-foreign-help",
                    marker = output.join(MARKER).display().to_string()
                ),
            ));
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
        fs::remove_dir_all(&dir).map_err(|e| Failure::io(&dir, IoAction::RemoveOldStaging, e))?;
    }
    fs::create_dir_all(&dir).map_err(|e| Failure::io(&dir, IoAction::CreateStaging, e))?;
    Ok(Staging {
        dir,
        output: output.to_path_buf(),
        previous: read_marker(output),
        written: Mutex::new(BTreeMap::new()),
    })
}

fn read_marker(output: &Path) -> BTreeMap<String, String> {
    fs::read_to_string(output.join(MARKER))
        .map(|t| {
            t.lines()
                .filter(|l| !l.is_empty())
                .map(|l| match l.split_once('\t') {
                    Some((p, h)) => (p.to_string(), h.to_string()),
                    None => (l.to_string(), String::new()),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Throws the staging folder away (the build failed; the output is untouched).
pub fn discard(staging: Staging) {
    let _ = fs::remove_dir_all(&staging.dir);
}

/// Moves the staged files into `output`, removes files the previous build generated and this
/// one did not, and records the new list in the marker.
pub fn commit(staging: Staging, output: &Path) -> Result<usize, Failure> {
    let written = staging.written.into_inner().unwrap_or_default();
    let mut list = String::new();
    for (rel, (digest, _)) in &written {
        list.push_str(rel);
        list.push('\t');
        list.push_str(digest);
        list.push('\n');
    }

    // A first build into a new or empty folder: the staging folder simply becomes the output.
    let empty = !output.exists()
        || fs::read_dir(output)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
    if empty {
        fs::write(staging.dir.join(MARKER), &list)
            .map_err(|e| Failure::io(&staging.dir, IoAction::WriteMarker, e))?;
        if output.exists() {
            fs::remove_dir(output).map_err(|e| Failure::io(output, IoAction::Replace, e))?;
        }
        fs::rename(&staging.dir, output)
            .map_err(|e| Failure::io(output, IoAction::MoveIntoPlace, e))?;
        return Ok(written.len());
    }

    let mut changed = 0;
    for (rel, _) in written.iter().filter(|(_, (_, staged))| *staged) {
        let from = staging.dir.join(rel);
        let to = output.join(rel);
        if let Some(parent) = to.parent() {
            if parent.is_file() {
                fs::remove_file(parent).map_err(|e| Failure::io(parent, IoAction::Replace, e))?;
            }
            fs::create_dir_all(parent).map_err(|e| Failure::io(parent, IoAction::Create, e))?;
        }
        if to.is_dir() {
            fs::remove_dir_all(&to).map_err(|e| Failure::io(&to, IoAction::Replace, e))?;
        }
        fs::rename(&from, &to).map_err(|e| Failure::io(&to, IoAction::Write, e))?;
        changed += 1;
    }
    for gone in staging
        .previous
        .keys()
        .filter(|p| !written.contains_key(*p))
    {
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
    let tmp = output.join(format!("{MARKER}.tmp"));
    fs::write(&tmp, list).map_err(|e| Failure::io(&tmp, IoAction::Write, e))?;
    fs::rename(&tmp, output.join(MARKER))
        .map_err(|e| Failure::io(output, IoAction::WriteMarker, e))?;
    let _ = fs::remove_dir_all(&staging.dir);
    Ok(changed)
}
