//! What a build into an output folder leaves for the next build into it, so that a rebuild
//! renders only the files whose inputs changed (docs/maintainer/cli.md, "Rebuilds"). It is
//! kept in the site's cache, one file per output folder (`.kronika-cache/builds/`), and
//! holds:
//!
//! - the build's key: the kronika program, the build's options, the output folder, and
//!   what every page reads (`site.yaml`, the site's `themes/` and `i18n/`). A build with
//!   another key renders everything;
//! - each file of the output with its inputs (`render::inputs`), the hash of its bytes that
//!   the output's marker lists, and its size and time as the build left it;
//! - the search index's records, summed up: the index's files are kept while they are the
//!   same.
//!
//! A file is kept only while the output holds it as the build left it (the marker lists it
//! with that hash, and its size and time are the same), so a file changed or removed by
//! hand is made again.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::BuildOptions;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::output::Staging;
use crate::site_cache::{self, Stamp};
use crate::types::fingerprint;

/// Changed whenever the file's lines change meaning.
const FORMAT: &str = "kronika-rebuild 1";

/// The folder of the cache that holds one file per output folder.
const DIR: &str = "builds";

/// A file of the output as a build left it.
#[derive(Clone, Debug, PartialEq)]
pub struct Made {
    /// Its inputs; `None` for the search index's files, made from the records.
    pub inputs: Option<u64>,
    /// The hash of its bytes, as the marker lists it.
    pub hash: String,
    pub stamp: Stamp,
}

/// What the last build into an output folder left there.
#[derive(Debug, Default)]
pub struct LastBuild {
    pub files: HashMap<String, Made>,
    /// The search index's records, summed up ([`crate::search::sum`]).
    pub search: Option<u64>,
    /// How many files the search index had, held as left or not.
    index_files: usize,
}

/// The key of a build of `opts` into `output` with theme `theme`: two builds with the same
/// key read the same program, options and shared files, so only their files' own inputs
/// can differ. `None` where the program cannot be told from another build of kronika:
/// nothing is kept then.
pub fn key(opts: &BuildOptions, output: &Path, theme: &str) -> Option<u64> {
    let mut h = fingerprint();
    (FORMAT, env!("CARGO_PKG_VERSION")).hash(&mut h);
    // Another build of kronika (a new version, or a developer's) renders everything.
    let program = std::env::current_exe().ok().and_then(|p| Stamp::of(&p))?;
    program.hash(&mut h);
    let options = (&opts.base_url, opts.offline, opts.drafts, opts.no_search);
    (options, output, theme).hash(&mut h);
    std::fs::read(opts.root.join("site.yaml")).ok().hash(&mut h);
    // What every page reads: the theme's templates and the UI strings, through symbolic
    // links as the build reads them (a theme's static files are outputs of their own).
    // Every file, hidden ones too: the templates' loader reads them all, and a file the
    // build does not read costs only a full rebuild when it changes.
    let templates = opts.root.join("themes").join(theme).join("templates");
    for folder in [templates, opts.root.join("i18n")] {
        let files = walkdir::WalkDir::new(folder)
            .follow_links(true)
            .sort_by_file_name();
        for entry in files {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    e.path().hash(&mut h);
                    std::fs::read(e.path()).ok().hash(&mut h);
                }
                // A folder that cannot be read (a loop of links): the build says why.
                Err(e) => e.to_string().hash(&mut h),
            }
        }
    }
    Some(h.finish())
}

/// The cache file of the output folder `output` (resolved, as `output::check_output` gives it).
fn file_of(root: &Path, output: &Path) -> PathBuf {
    let mut h = fingerprint();
    output.hash(&mut h);
    root.join(site_cache::DIR)
        .join(DIR)
        .join(format!("{:016x}", h.finish()))
}

impl LastBuild {
    /// What the last build into `output` with `key` left, of the files the output still
    /// holds as it left them; `None` when there was none with this key.
    pub fn read(root: &Path, output: &Path, key: u64, staging: &Staging) -> Option<LastBuild> {
        let text = std::fs::read_to_string(file_of(root, output)).ok()?;
        let mut lines = text.lines();
        if lines.next()? != format!("{FORMAT}\t{key:016x}") {
            return None;
        }
        let mut last = LastBuild::default();
        let mut files = Vec::new();
        for line in lines {
            let fields: Vec<&str> = line.splitn(6, '\t').collect();
            match fields[..] {
                ["search", sum] => last.search = u64::from_str_radix(sum, 16).ok(),
                ["f", inputs, hash, len, modified, file] => {
                    files.extend(made(inputs, hash, len, modified).map(|m| (file.to_string(), m)))
                }
                _ => {}
            }
        }
        // A line without inputs outside the index's folder is not kronika's: left out.
        files.retain(|(file, m)| m.inputs.is_some() || in_index(file));
        last.index_files = files.iter().filter(|(_, m)| m.inputs.is_none()).count();
        last.files = files
            .into_par_iter()
            .filter(|(file, m)| staging.holds_as(file, &m.hash, m.stamp))
            .collect();
        Some(last)
    }

    /// The inputs of each file kept, as [`crate::render::Select::Changed`] compares them.
    pub fn inputs(&self) -> HashMap<String, u64> {
        let files = self.files.iter();
        files
            .filter_map(|(f, m)| Some((f.clone(), m.inputs?)))
            .collect()
    }

    /// Whether the output still holds every file of the search index of the last build,
    /// made from records summed up as `sum`.
    pub fn search_kept(&self, sum: u64) -> Option<Vec<String>> {
        if self.search != Some(sum) {
            return None;
        }
        let files = self.files.iter().filter(|(_, m)| m.inputs.is_none());
        let files: Vec<String> = files.map(|(f, _)| f.clone()).collect();
        // One file changed or gone by hand, or left pending by a killed move: made again.
        (!files.is_empty() && files.len() == self.index_files).then_some(files)
    }

    /// Writes what a build with `key` left in `output`: each file with its inputs, hash
    /// and stamp, and the search index's records summed up.
    pub fn save(
        root: &Path,
        output: &Path,
        key: u64,
        files: Vec<(String, Made)>,
        search: Option<u64>,
    ) {
        let mut text = format!("{FORMAT}\t{key:016x}\n");
        if let Some(sum) = search {
            text.push_str(&format!("search\t{sum:016x}\n"));
        }
        for (file, made) in files {
            if file.contains(['\t', '\n', '\r']) {
                continue;
            }
            let (hash, len, modified) = (&made.hash, made.stamp.len, made.stamp.modified);
            let _ = match made.inputs {
                Some(n) => writeln!(text, "f\t{n:016x}\t{hash}\t{len}\t{modified}\t{file}"),
                None => writeln!(text, "f\t-\t{hash}\t{len}\t{modified}\t{file}"),
            };
        }
        let file = file_of(root, output);
        site_cache::store(&file, text.as_bytes());
        prune(&file);
    }
}

/// How many output folders' records the cache keeps: builds into a new temporary folder
/// each time (a CI job's) would otherwise leave one record each.
const RECORDS: usize = 8;

/// Removes the records beside `kept` but the [`RECORDS`] written last.
fn prune(kept: &Path) {
    let Some(dir) = kept.parent() else { return };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut records: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|n| !n.starts_with('.')))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    records.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (_, old) in records.iter().skip(RECORDS) {
        if old != kept {
            let _ = std::fs::remove_file(old);
        }
    }
}

/// Tells `staging` to keep the files `kept` of the last build as the output holds them:
/// the files a rebuild did not make again.
pub fn keep<'f>(
    staging: &Staging,
    last: Option<&LastBuild>,
    kept: impl IntoIterator<Item = &'f String>,
) -> Result<(), Vec<Diagnostic>> {
    let errors: Vec<Diagnostic> = kept
        .into_iter()
        .filter_map(|file| {
            let made = last.and_then(|l| l.files.get(file));
            match made.map(|m| staging.keep(file, &m.hash, m.stamp)) {
                Some(Ok(())) => None,
                Some(Err(e)) => {
                    let m = msg!("write-failed", reason = e.message());
                    Some(Diagnostic::error(file.as_str(), m))
                }
                // Not the last build's: kronika's bug, reported rather than a panic.
                None => {
                    let m = msg!("render-failed", target = file.as_str());
                    Some(Diagnostic::error(file.as_str(), m))
                }
            }
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Whether `file` is one of the search index's, in its folder: the one kind of recorded
/// file without inputs of its own.
fn in_index(file: &str) -> bool {
    let rest = file.strip_prefix(crate::search::FOLDER);
    rest.is_some_and(|r| r.starts_with('/'))
}

/// Each file a build `written` as [`LastBuild::save`] records it: its inputs (from
/// `inputs`), the hash of its bytes and its stamp. The files of the search index have no
/// inputs of their own; any other file without them is made again by every build, and
/// not recorded.
pub fn lines(
    written: Vec<(String, String, Option<Stamp>)>,
    inputs: &HashMap<String, u64>,
) -> Vec<(String, Made)> {
    written
        .into_iter()
        .filter_map(|(file, hash, stamp)| {
            let inputs = inputs.get(&file).copied();
            if inputs.is_none() && !in_index(&file) {
                return None;
            }
            let stamp = stamp?;
            Some((
                file,
                Made {
                    inputs,
                    hash,
                    stamp,
                },
            ))
        })
        .collect()
}

/// A file's line: its inputs, hash, size and time.
fn made(inputs: &str, hash: &str, len: &str, modified: &str) -> Option<Made> {
    let inputs = match inputs {
        "-" => None,
        n => Some(u64::from_str_radix(n, 16).ok()?),
    };
    let stamp = Stamp {
        len: len.parse().ok()?,
        modified: modified.parse().ok()?,
    };
    Some(Made {
        inputs,
        hash: hash.to_string(),
        stamp,
    })
}
