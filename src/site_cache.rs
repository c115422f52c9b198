//! The site's cache folder, `.kronika-cache`: what a build keeps for the next one — the
//! copies of photos (`photos`) and what the last build into each output folder was made
//! from (`rebuild`). Everything in it can be thrown away: a build without it makes it
//! again (docs/maintainer/cli.md, "Rebuilds").

use std::fs::Metadata;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// The cache folder, relative to the site's folder.
pub const DIR: &str = ".kronika-cache";

/// A file's size and modification time (nanoseconds since 1970), as the file system gives
/// them: a file written again has another time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub len: u64,
    pub modified: u128,
}

impl Stamp {
    /// The stamp of the file at `path` (through symbolic links); `None` where there is
    /// none, or the file system gives no time.
    pub fn of(path: &Path) -> Option<Stamp> {
        Stamp::of_meta(&std::fs::metadata(path).ok()?)
    }

    /// The stamp of a file whose metadata was read already.
    pub fn of_meta(meta: &Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: modified.as_nanos(),
        })
    }
}

/// Writes `bytes` to `path` in the cache. A cache that cannot be written is no error: the
/// next build makes what it would have held again.
pub fn store(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if let Some(root) = dir.parent() {
        // git and backup tools leave the cache out without anyone editing `.gitignore`.
        let ignore = root.join(".gitignore");
        if !ignore.exists() {
            let _ = std::fs::write(&ignore, "*\n");
        }
    }
    // Written beside and renamed, so a build stopped halfway leaves no half file.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
