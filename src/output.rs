//! The output folder: refuse what is not ours, build in a staging folder, move into place
//! only when the whole build succeeded, remove what we generated before and no longer do.
//!
//! kronika's marker file in the output folder lists every file a build generated, with a
//! hash of its bytes. Anything it does not list (`.git`, `CNAME`, a file put there by
//! hand) is never removed or replaced: a generated path that would need to is found
//! before anything is moved ([`Staging::collisions`]), and the move itself refuses to
//! touch it. docs/maintainer/guarantees.md, "What a build guarantees", states these rules as the tests check them.
//!
//! The move is journaled: before the first file is moved in, the marker already lists
//! every file of the previous build and of this one, so a build killed at any step
//! leaves only files that a marker names, and the next build finishes the job.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::{Failure, IoAction};
use crate::messages::Message;
use crate::msg;
use crate::site_cache::Stamp;
use crate::types::fingerprint;
use crate::urls::{folders_on_the_way, is_reserved};

/// Name of the marker file: it lists the files kronika generated, one per line
/// (`path<TAB>hash`).
pub const MARKER: &str = ".kronika-output";

/// A folder the build writes into before anything reaches the output.
pub struct Staging {
    dir: PathBuf,
    /// The output folder, resolved through symbolic links.
    output: PathBuf,
    /// What the marker lists: what the previous build generated, and what a killed one
    /// was about to move in.
    previous: BTreeMap<String, Listed>,
    /// What this build generates, by path.
    written: Mutex<BTreeMap<String, Written>>,
}

/// A file this build generates.
struct Written {
    /// The hash of its bytes.
    digest: String,
    /// Whether it was staged because it changed.
    staged: bool,
    /// Its size and time in the output once moved there.
    stamp: Option<Stamp>,
}

/// A folder on the way to a generated file, as the output holds it.
enum Folder {
    There,
    /// Not there (or a file of ours that is leaving): nothing is under it.
    Absent,
    /// A file that is not ours: it blocks every path under it.
    Foreign(String),
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

/// Where the rendered files of a build go: the staging folder of a build into a folder
/// ([`Staging`]), or [`Memory`] (`serve`, tests). Rendering hands each file over once.
pub trait Sink: Sync {
    /// Takes the file `rel` (relative to the output, `/`-separated).
    fn put(&self, rel: &str, bytes: Vec<u8>) -> Result<(), WriteError>;
}

impl Sink for Staging {
    fn put(&self, rel: &str, bytes: Vec<u8>) -> Result<(), WriteError> {
        self.write(rel, &bytes)
    }
}

/// The files of a built site: output path → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// A built site in memory.
#[derive(Default)]
pub struct Memory {
    files: Mutex<Files>,
}

impl Memory {
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, rel: &str, bytes: Vec<u8>) -> Result<(), WriteError> {
        if !is_plain(rel) || is_reserved(rel) {
            return Err(WriteError::Outside(rel.to_string()));
        }
        let mut files = self.files.lock().map_err(|_| WriteError::ThreadFailed)?;
        if files.insert(rel.to_string(), bytes).is_some() {
            return Err(WriteError::SameFile(rel.to_string()));
        }
        Ok(())
    }
}

/// A file the marker lists.
#[derive(Clone, Debug)]
struct Listed {
    /// The hash of the bytes kronika wrote there; of a pending file, every version a
    /// killed move may have left there.
    hashes: Vec<String>,
    /// Listed by a move that may have been killed before the file was moved in: kronika
    /// takes it for its own only if the bytes there are what it wrote.
    pending: bool,
}

impl Listed {
    /// Whether the marker lists `bytes` (whose [`hash`] is `digest`) here. A marker of an
    /// earlier kronika lists [`earlier_hash`]es: the first build after an upgrade still
    /// leaves its unchanged files as they are, rather than writing the whole site again.
    fn lists(&self, digest: &str, bytes: &[u8]) -> bool {
        self.hashes.iter().any(|h| h == digest)
            || (self.hashes.iter().any(|h| !h.starts_with('f'))
                && self.hashes.contains(&earlier_hash(bytes)))
    }
}

/// A generated file that cannot be moved into place without removing or replacing
/// something kronika did not generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collision {
    /// The generated file (a path relative to the output).
    pub generated: String,
    /// What stands in its way: a file or folder not in the marker (relative to the output).
    pub foreign: String,
}

/// The hash the marker lists for a file of `bytes`: `f`, their [`crate::types::Fingerprint`] and their
/// length. Every file of a build is hashed: std's SipHash, which the marker listed before,
/// took 2 % of a cold build's instructions.
fn hash(bytes: &[u8]) -> String {
    let mut h = fingerprint();
    h.write(bytes);
    format!("f{:016x}-{}", h.finish(), bytes.len())
}

/// The hash a marker of an earlier kronika lists (std's SipHash and the length, without
/// the `f`): still read, because a move of that kronika killed midway left files that
/// only their hash tells as its own ([`Staging::is_ours`]).
fn earlier_hash(bytes: &[u8]) -> String {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

/// Whether `rel` is a relative path of plain names (no `..`, no root, nothing empty).
fn is_plain(rel: &str) -> bool {
    !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

impl Staging {
    /// Writes `rel` (a path relative to the output, `/`-separated, made by kronika), unless
    /// the output already holds exactly these bytes from the previous build.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.target(rel)?;
        let digest = hash(bytes);
        // The marker's hash only says whether a comparison is worth it; the bytes on disk
        // decide, so a file changed by hand (even to the same length) is written again.
        let listed = self
            .previous
            .get(rel)
            .is_some_and(|l| !l.pending && l.lists(&digest, bytes));
        let unchanged = listed
            .then(|| self.holds(rel, bytes.len()))
            .flatten()
            .filter(|_| fs::read(self.output.join(rel)).is_ok_and(|b| b == bytes));
        // The file's size and time as the output will hold it, for the next build to know
        // it by (`rebuild`): a move into place keeps a file's time.
        let (staged, stamp) = match unchanged {
            Some(stamp) => (false, stamp),
            None => {
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent)?;
                }
                let mut file = fs::File::create(&path)?;
                file.write_all(bytes)?;
                (true, file.metadata().ok().and_then(|m| Stamp::of_meta(&m)))
            }
        };
        self.record(rel, digest, staged, stamp)
    }

    /// Whether the file at `rel` is kronika's: the marker lists it, and if only a killed
    /// move listed it, the bytes there are what that move wrote (a file put there by hand
    /// after the kill is not taken for kronika's).
    fn is_ours(&self, rel: &str) -> bool {
        match self.previous.get(rel) {
            None => false,
            Some(l) if !l.pending => true,
            Some(l) => {
                fs::symlink_metadata(self.output.join(rel)).is_ok_and(|m| m.file_type().is_file())
                    && fs::read(self.output.join(rel)).is_ok_and(|b| l.lists(&hash(&b), &b))
            }
        }
    }

    /// Whether the output holds a plain file (not a link) of `len` bytes at `rel`: `Some`
    /// with its stamp if so.
    fn holds(&self, rel: &str, len: usize) -> Option<Option<Stamp>> {
        let meta = fs::symlink_metadata(self.output.join(rel)).ok()?;
        (meta.file_type().is_file() && meta.len() == len as u64).then(|| Stamp::of_meta(&meta))
    }

    /// Whether the output holds the file at `rel` as a build left it: the marker lists it,
    /// moved in, with hash `digest`, and a plain file (not a link) is there with `stamp`,
    /// its size and time then (`rebuild`). A file changed by hand has another time.
    pub fn holds_as(&self, rel: &str, digest: &str, stamp: Stamp) -> bool {
        self.previous
            .get(rel)
            .is_some_and(|l| !l.pending && l.hashes.iter().any(|h| h == digest))
            && fs::symlink_metadata(self.output.join(rel))
                .is_ok_and(|m| m.file_type().is_file() && Stamp::of_meta(&m) == Some(stamp))
    }

    /// Keeps the file at `rel` as the output holds it, with hash `digest`, without
    /// writing it: a rebuild's file whose inputs did not change, and that
    /// [`Staging::holds_as`] found as it was made.
    pub fn keep(&self, rel: &str, digest: &str, stamp: Stamp) -> Result<(), WriteError> {
        self.target(rel)?;
        self.record(rel, digest.to_string(), false, Some(stamp))
    }

    /// Every file of this build so far with the hash of its bytes and its stamp in the
    /// output once moved there (`None` if the file system gives none).
    pub fn written(&self) -> Vec<(String, String, Option<Stamp>)> {
        let w = self.written.lock().unwrap_or_else(|e| e.into_inner());
        w.iter()
            .map(|(rel, w)| (rel.clone(), w.digest.clone(), w.stamp))
            .collect()
    }

    fn record(
        &self,
        rel: &str,
        digest: String,
        staged: bool,
        stamp: Option<Stamp>,
    ) -> Result<(), WriteError> {
        let mut w = self.written.lock().map_err(|_| WriteError::ThreadFailed)?;
        let written = Written {
            digest,
            staged,
            stamp,
        };
        if w.insert(rel.to_string(), written).is_some() {
            return Err(WriteError::SameFile(rel.to_string()));
        }
        Ok(())
    }

    /// The staging path of `rel`, refusing anything that could leave the folder or that
    /// no site may generate (see [`is_reserved`]).
    fn target(&self, rel: &str) -> Result<PathBuf, WriteError> {
        if !is_plain(rel) || is_reserved(rel) {
            return Err(WriteError::Outside(rel.to_string()));
        }
        Ok(self.dir.join(rel))
    }

    /// The files of `generated` (every path this build will write) that the output cannot
    /// take without removing or replacing something the marker does not list: a foreign
    /// file where a file or a folder is needed, a foreign symbolic link, or a folder with
    /// foreign files in it. Reads the output folder only; changes nothing.
    pub fn collisions<'a>(&self, generated: impl IntoIterator<Item = &'a str>) -> Vec<Collision> {
        let generated: BTreeSet<&str> = generated.into_iter().collect();
        // A path of the previous build that this one drops is removed before the move.
        let leaving = |p: &str| !generated.contains(p) && self.is_ours(p);
        // Each folder on the way looked at once. Under one that is not there, nothing is:
        // a build into a new folder looks at a few folders, not at its 20 000 files.
        let mut folders: HashMap<&str, Folder> = HashMap::new();
        let mut out = Vec::new();
        for &rel in &generated {
            // Every folder on the way must be a folder, or a file of ours that is leaving.
            let mut blocked = None;
            let mut absent = false;
            for dir in folders_on_the_way(rel) {
                let folder = folders.entry(dir).or_insert_with(|| {
                    match fs::symlink_metadata(self.output.join(dir)) {
                        Err(_) => Folder::Absent,
                        Ok(m) if m.file_type().is_dir() => Folder::There,
                        // Leaving before the move: nothing will be under it.
                        Ok(_) if leaving(dir) => Folder::Absent,
                        Ok(_) => Folder::Foreign(dir.to_string()),
                    }
                });
                match folder {
                    Folder::There => {}
                    Folder::Absent => absent = true,
                    Folder::Foreign(f) => blocked = Some(f.clone()),
                }
                if absent || blocked.is_some() {
                    break;
                }
            }
            if let Some(foreign) = blocked {
                out.push(Collision {
                    generated: rel.to_string(),
                    foreign,
                });
                continue;
            }
            if absent {
                continue;
            }
            let Ok(m) = fs::symlink_metadata(self.output.join(rel)) else {
                continue;
            };
            let foreign = if m.file_type().is_dir() {
                // A folder may give way only if all it holds is ours and leaving.
                self.foreign_inside(rel, &leaving)
            } else {
                (!self.is_ours(rel)).then(|| rel.to_string())
            };
            if let Some(foreign) = foreign {
                out.push(Collision {
                    generated: rel.to_string(),
                    foreign,
                });
            }
        }
        out
    }

    /// The first file under the output's folder `dir` that is not a leaving file of ours.
    fn foreign_inside(&self, dir: &str, leaving: &dyn Fn(&str) -> bool) -> Option<String> {
        let base = self.output.join(dir);
        for entry in walkdir::WalkDir::new(&base)
            .min_depth(1)
            .sort_by_file_name()
        {
            let Ok(entry) = entry else {
                return Some(dir.to_string());
            };
            if entry.file_type().is_dir() {
                continue;
            }
            let rel = entry.path().strip_prefix(&self.output).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            if !leaving(&rel) {
                return Some(rel);
            }
        }
        None
    }
}

/// Refuses output folders that are not kronika's to fill, and returns the folder the build
/// will fill: `output` resolved through symbolic links and `..`, also for the parts that do
/// not exist yet, so that no detour reaches a refused folder.
pub fn check_output(root: &Path, output: &Path) -> Result<PathBuf, Failure> {
    let root =
        fs::canonicalize(root).map_err(|e| Failure::io(root, IoAction::OpenSiteFolder, e))?;
    let out = resolve(&absolute(output));
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
    Ok(out)
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

/// `path` (absolute) with every symbolic link and `..` resolved: the longest part that
/// exists is canonicalized, and the rest, which cannot hold links, is normalised by name.
fn resolve(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = path.components().collect();
    let mut rest = Vec::new();
    let base = loop {
        let candidate: PathBuf = parts.iter().collect();
        if let Ok(real) = fs::canonicalize(&candidate) {
            break real;
        }
        match parts.pop() {
            Some(c) => rest.push(c),
            None => break PathBuf::from("/"),
        }
    };
    let mut out = base;
    for c in rest.into_iter().rev() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name),
            _ => {}
        }
    }
    out
}

fn staging_dir(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!(".{name}.kronika-staging"))
}

/// Creates a fresh staging folder beside `output` (as [`check_output`] resolved it; a
/// leftover of a killed build is replaced).
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

/// The marker's list. A line naming a path no build may generate (a tampered marker
/// listing `.git/config` or `../x`) is ignored, so nothing outside kronika's own files is
/// ever taken for one of them.
fn read_marker(output: &Path) -> BTreeMap<String, Listed> {
    fs::read_to_string(output.join(MARKER))
        .map(|t| {
            t.lines()
                .map(|l| {
                    let mut fields = l.split('\t');
                    let path = fields.next().unwrap_or_default().to_string();
                    let hashes = fields.next().unwrap_or_default();
                    let hashes = hashes.split(' ').map(str::to_string).collect();
                    let pending = fields.next() == Some(PENDING);
                    (path, Listed { hashes, pending })
                })
                .filter(|(p, _)| is_plain(p) && !is_reserved(p))
                .collect()
        })
        .unwrap_or_default()
}

/// The third field of a journal line whose file may not have been moved in yet.
const PENDING: &str = "pending";

/// Throws the staging folder away (the build failed; the output is untouched).
pub fn discard(staging: Staging) {
    let _ = fs::remove_dir_all(&staging.dir);
}

/// Moves the staged files into the output, removes files the previous build generated and
/// this one did not, and records the new list in the marker. Returns how many files of the
/// output changed.
pub fn commit(staging: Staging) -> Result<usize, Failure> {
    let dir = staging.dir.clone();
    let result = Commit::new(staging, usize::MAX).run();
    // Whatever happened, nothing in the staging folder is needed any more: a file not moved
    // in is still listed in the journal, and the next build stages it again.
    let _ = fs::remove_dir_all(&dir);
    result.map(|done| done.unwrap_or(0))
}

/// [`commit`], stopped after `steps` changes to the output as if the process were killed
/// there: the staging folder is left as a kill leaves it. `Ok(None)` if it was stopped.
/// For the tests and the fuzz target of the move; a build never stops on purpose.
#[doc(hidden)]
pub fn commit_interrupted(staging: Staging, steps: usize) -> Result<Option<usize>, Failure> {
    Commit::new(staging, steps).run()
}

/// One move into place, counting its steps so that a test can stop it at any of them.
struct Commit {
    staging: Staging,
    written: BTreeMap<String, Written>,
    /// Changes to the output still allowed before the (simulated) kill.
    budget: usize,
}

/// The move was stopped at a step boundary (only in tests).
struct Stopped;

impl Commit {
    fn new(mut staging: Staging, budget: usize) -> Commit {
        let written = std::mem::take(staging.written.get_mut().unwrap_or_else(|e| e.into_inner()));
        Commit {
            staging,
            written,
            budget,
        }
    }

    /// Counts one change to the output; `Err` when the budget is spent.
    fn step(&mut self) -> Result<(), Stopped> {
        if self.budget == 0 {
            return Err(Stopped);
        }
        self.budget -= 1;
        Ok(())
    }

    fn run(mut self) -> Result<Option<usize>, Failure> {
        match self.moves() {
            Ok(Ok(changed)) => Ok(Some(changed)),
            Ok(Err(Stopped)) => Ok(None),
            Err(f) => Err(f),
        }
    }

    fn moves(&mut self) -> Result<Result<usize, Stopped>, Failure> {
        let output = self.staging.output.clone();
        let dir = self.staging.dir.clone();
        let list = self
            .written
            .iter()
            .map(|(p, w)| (p, std::slice::from_ref(&w.digest), false));
        let list = marker_text(list);

        // A first build into a new or empty folder: the staging folder becomes the output.
        let empty = fs::read_dir(&output).map_or(true, |mut d| d.next().is_none());
        if empty {
            fs::write(dir.join(MARKER), &list)
                .map_err(|e| Failure::io(&dir, IoAction::WriteMarker, e))?;
            if output.exists() {
                if self.step().is_err() {
                    return Ok(Err(Stopped));
                }
                fs::remove_dir(&output).map_err(|e| Failure::io(&output, IoAction::Replace, e))?;
            }
            if self.step().is_err() {
                return Ok(Err(Stopped));
            }
            fs::rename(&dir, &output)
                .map_err(|e| Failure::io(&output, IoAction::MoveIntoPlace, e))?;
            return Ok(Ok(self.written.len()));
        }

        // The journal: every file of the previous build and of this one. A file in both is
        // there at every step, in its old or its new version: both hashes are kept, for a
        // later build that no longer writes it. One that only this build writes, or only
        // the previous one wrote, may or may not be there after a kill: it is pending,
        // and a file put at its path by hand afterwards is not taken for kronika's.
        let mut journal = self.staging.previous.clone();
        for (p, l) in journal.iter_mut() {
            match self.written.get(p) {
                None => l.pending = true,
                Some(w) if !l.hashes.contains(&w.digest) => l.hashes.push(w.digest.clone()),
                Some(_) => {}
            }
        }
        for (p, w) in &self.written {
            journal.entry(p.clone()).or_insert_with(|| Listed {
                hashes: vec![w.digest.clone()],
                pending: true,
            });
        }
        let journal = journal
            .iter()
            .map(|(p, l)| (p, l.hashes.as_slice(), l.pending));
        if let Err(s) = self.write_marker(&marker_text(journal))? {
            return Ok(Err(s));
        }

        // Files the previous build generated and this one does not go first, so that a
        // file of ours that stands where a folder is now needed is out of the way.
        let mut changed = 0;
        let gone: Vec<String> = self
            .staging
            .previous
            .keys()
            .filter(|p| !self.written.contains_key(*p))
            .cloned()
            .collect();
        for rel in gone {
            let path = output.join(&rel);
            match fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_dir() => continue, // not what kronika wrote there
                Ok(_) if !self.staging.is_ours(&rel) => continue, // put there after a kill
                Ok(_) => {
                    if self.step().is_err() {
                        return Ok(Err(Stopped));
                    }
                    if fs::remove_file(&path).is_err() {
                        continue;
                    }
                    changed += 1;
                }
                // Never moved in (a build killed before it): its folders may still have
                // been made, empty.
                Err(_) => {}
            }
            let mut parent = path.parent();
            while let Some(d) = parent.filter(|d| *d != output) {
                if fs::remove_dir(d).is_err() {
                    break; // not empty: it holds other files (or is not there)
                }
                parent = d.parent();
            }
        }

        let staged: Vec<String> = self
            .written
            .iter()
            .filter(|(_, w)| w.staged)
            .map(|(p, _)| p.clone())
            .collect();
        for rel in staged {
            let to = output.join(&rel);
            // Only folders, or nothing, on the way; a file would be foreign (checked before
            // the build started moving, so only a change made meanwhile gets here).
            if let Some(blocked) = folders_on_the_way(&rel)
                .map(|d| output.join(d))
                .find(|d| fs::symlink_metadata(d).is_ok_and(|m| !m.file_type().is_dir()))
            {
                let err = io::Error::new(io::ErrorKind::AlreadyExists, "not a folder");
                return Err(Failure::io(&blocked, IoAction::Create, err));
            }
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(|e| Failure::io(parent, IoAction::Create, e))?;
            }
            if fs::symlink_metadata(&to).is_ok_and(|m| m.file_type().is_dir()) {
                // Empty once the files of ours that were in it left; never removed whole.
                fs::remove_dir(&to).map_err(|e| Failure::io(&to, IoAction::Replace, e))?;
            }
            if self.step().is_err() {
                return Ok(Err(Stopped));
            }
            fs::rename(dir.join(&rel), &to).map_err(|e| Failure::io(&to, IoAction::Write, e))?;
            changed += 1;
        }

        if let Err(s) = self.write_marker(&list)? {
            return Ok(Err(s));
        }
        Ok(Ok(changed))
    }

    /// Replaces the marker in one rename (written in the staging folder first), unless it
    /// already says `text`: a rebuild that changed nothing writes no file at all.
    fn write_marker(&mut self, text: &str) -> Result<Result<(), Stopped>, Failure> {
        let output = self.staging.output.clone();
        if fs::read(output.join(MARKER)).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(Ok(()));
        }
        let tmp = self.staging.dir.join(format!("{MARKER}.new"));
        fs::write(&tmp, text).map_err(|e| Failure::io(&output, IoAction::WriteMarker, e))?;
        if let Err(s) = self.step() {
            return Ok(Err(s));
        }
        fs::rename(&tmp, output.join(MARKER))
            .map_err(|e| Failure::io(&output, IoAction::WriteMarker, e))?;
        Ok(Ok(()))
    }
}

fn marker_text<'a>(entries: impl Iterator<Item = (&'a String, &'a [String], bool)>) -> String {
    let mut list = String::new();
    for (rel, hashes, pending) in entries {
        list.push_str(rel);
        list.push('\t');
        list.push_str(&hashes.join(" "));
        if pending {
            list.push('\t');
            list.push_str(PENDING);
        }
        list.push('\n');
    }
    list
}

#[cfg(test)]
mod tests {
    /// The marker's hashes stay on disk from one kronika to the next: a foldhash that
    /// hashed differently would leave the files of a killed move unknown, and make the
    /// first build after the upgrade write every file again. Such a change must be seen.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn the_markers_hash_stays_what_it_was() {
        assert_eq!(super::hash(b"kronika"), "f3630144ac1f1a870-7");
    }
}
