//! Reading the site's own files safely.
//!
//! Text is UTF-8 with `\n` line ends and no byte-order mark; a file in a legacy encoding
//! (Windows-1250 and ISO-8859-2 are common in old Polish archives) is named as such, its
//! offending line is quoted, and the `iconv` command that converts it is given. Symbolic
//! links are checked before anything behind them is read: one that leads outside the
//! site, to a folder, nowhere, or round in a loop is refused, and so is one that leads
//! to a file the build would not publish or read anyway (see [`Role`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Span, display_path};
use crate::msg;

/// `name` in NFC, borrowed when it already is, as almost every file name is: normalising
/// every name took a quarter of the discovery of 10 000 items, and a fifth of the change
/// register's cost (docs/dev/performance.md).
pub fn nfc(name: &str) -> Cow<'_, str> {
    if name.is_ascii() || unicode_normalization::is_nfc(name) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.nfc().collect())
    }
}

/// [`nfc`] of a name the caller owns, without copying it when it is already NFC.
pub fn into_nfc(name: String) -> String {
    match nfc(&name) {
        Cow::Borrowed(_) => name,
        Cow::Owned(normal) => normal,
    }
}

/// Reads `path` (shown as `shown`) as text.
pub fn read_text(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(shown, msg!("file-read-failed", error = e.to_string())))?;
    decode(bytes, shown)
}

/// What a file of the site is read for, which decides where a symbolic link to it (or a
/// linked folder on the way to it) may lead: only to a file the build would publish or
/// read for the same purpose anyway, so that no link makes a build publish, or quote in
/// an error, a file such as `.git/config` (the CI token) or `.env` (docs/maintainer/guarantees.md "What a build
/// guarantees", symbolic links).
#[derive(Clone, Copy, Debug)]
pub enum Role<'a> {
    /// A file under `content/`, `static/` or the theme's `static/`: published as it is or
    /// rendered into pages. A link leads into one of those three folders.
    Published { theme: &'a str },
    /// A template of the site's theme: its text can reach every page. A link leads to a
    /// file under `themes/`.
    Template,
    /// A Fluent file of the site: its messages can reach every page. A link leads to a
    /// file under `i18n/`.
    Strings,
    /// `site.yaml`. A link leads to a file beside it (`site.production.yaml`).
    Config,
}

impl Role<'_> {
    /// Whether a link may lead to `rel`, a path relative to the site folder: never into a
    /// folder or to a file whose name starts with `.` (`.git`, `.env`, `.ssh`), and only
    /// within the folders of the role.
    fn allows(self, rel: &Path) -> bool {
        let mut parts = Vec::new();
        for c in rel.components() {
            match c {
                Component::Normal(p) => parts.push(p.to_string_lossy()),
                _ => return false,
            }
        }
        if parts.iter().any(|p| p.starts_with('.')) {
            return false;
        }
        let parts: Vec<&str> = parts.iter().map(|p| p.as_ref()).collect();
        match self {
            Role::Published { theme } => match parts.as_slice() {
                ["content" | "static", _, ..] => true,
                ["themes", t, "static", _, ..] => *t == theme,
                _ => false,
            },
            Role::Template => matches!(parts.as_slice(), ["themes", _, _, ..]),
            Role::Strings => matches!(parts.as_slice(), ["i18n", _, ..]),
            Role::Config => parts.len() == 1,
        }
    }

    fn error(self, shown: &str, target: String) -> Diagnostic {
        match self {
            Role::Published { theme } => {
                Diagnostic::error(shown, msg!("symlink-not-published", target = target))
                    .help(msg!("symlink-not-published-help", theme = theme))
            }
            _ => Diagnostic::error(shown, msg!("symlink-not-read", target = target))
                .help(msg!("symlink-not-read-help")),
        }
    }
}

/// Reads a file of the site (`root` is the site folder) as text, refusing one that
/// [`check_inside`] refuses for `role`.
pub fn read_site_text(
    root: &Path,
    path: &Path,
    shown: &str,
    role: Role,
) -> Result<String, Diagnostic> {
    let site_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let linked = linked_on_the_way(root, path, false);
    check_inside(&site_root, path, shown, role, linked)?;
    read_text(path, shown)
}

/// Whether `path`, or a folder between `root` (exclusive) and it, is a symbolic link;
/// `skip_self` leaves `path` itself out.
fn linked_on_the_way(root: &Path, path: &Path, skip_self: bool) -> bool {
    let is_link = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_symlink());
    let Ok(rel) = path.strip_prefix(root) else {
        // Not under the given root: judge it by where it leads.
        return true;
    };
    let mut at = root.to_path_buf();
    let count = rel.components().count();
    for (i, c) in rel.components().enumerate() {
        at.push(c);
        if (i + 1 < count || !skip_self) && is_link(&at) {
            return true;
        }
    }
    false
}

/// `bytes` as text: UTF-8 accepted with or without a BOM and with CRLF or LF line ends,
/// anything else refused with its likely encoding named.
pub fn decode(bytes: Vec<u8>, shown: &str) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return Err(not_utf8(e.as_bytes(), e.utf8_error().valid_up_to(), shown)),
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

/// The error for a file that is not UTF-8; `valid` bytes are.
fn not_utf8(bytes: &[u8], valid: usize, shown: &str) -> Diagnostic {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Polish is the likeliest language of a legacy file here; the hint breaks ties.
    let encoding = detector.guess(Some(b"pl"), chardetng::Utf8Detection::Deny);
    let decoded = encoding.decode_without_bom_handling_and_without_replacement(bytes);
    let Some(decoded) = decoded.filter(|_| encoding != encoding_rs::UTF_8) else {
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        return Diagnostic::error(shown, msg!("file-not-utf8", line = line.to_string()))
            .help(msg!("file-not-utf8-help"));
    };
    // Quote the first line that is not plain UTF-8, pointing at its first such character.
    let prefix = String::from_utf8_lossy(&bytes[..valid]);
    let line = prefix.matches('\n').count() + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let name = encoding.name();
    Diagnostic::error(shown, msg!("file-legacy-encoding", encoding = name))
        .at(Span::new(line, column, 1), &decoded.replace("\r\n", "\n"))
        .help(msg!(
            "file-legacy-encoding-help",
            iconv = name.to_ascii_uppercase(),
            path = shown
        ))
}

/// Every file under `dir` that may be read, in name order, with its path as shown to the
/// user. Left out, each with an error in `diags`: what cannot be walked, what
/// [`check_inside`] refuses for `role`, and a name that differs from an earlier one only
/// in letter case or Unicode normalisation (one file on Windows and macOS).
pub fn site_files(
    root: &Path,
    dir: &Path,
    role: Role,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let site_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // The walk follows no link below `dir`, so only `dir`, a folder above it, or the
    // entry itself can be one.
    let dir_linked = linked_on_the_way(root, dir, false);
    let mut folded_names: HashMap<String, String> = HashMap::new();
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let shown = display_path(root, e.path().unwrap_or(dir));
                diags.push(Diagnostic::error(
                    shown,
                    msg!("content-read-failed", error = e.to_string()),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() && !entry.path_is_symlink() {
            continue;
        }
        let path = entry.path();
        let shown = display_path(root, path);
        let linked = dir_linked || entry.path_is_symlink();
        // Without a link on the way the file is inside `dir`, and so inside the site: the
        // walk follows no link. Resolving every path (a system call per folder of it) cost
        // a third of loading 10 000 unchanged items.
        if linked && let Err(d) = check_inside(&site_root, path, &shown, role, linked) {
            diags.push(d);
            continue;
        }
        let folded = nfc(&shown).to_lowercase();
        if let Some(other) = folded_names.insert(folded, shown.clone()) {
            diags.push(
                Diagnostic::error(&shown, msg!("content-name-clash", other = other))
                    .help(msg!("content-name-clash-help")),
            );
            continue;
        }
        files.push((path.to_path_buf(), shown));
    }
    files
}

/// Whether the file at `path` may be read: it must resolve, through any symbolic link on
/// the way (the file itself or a folder above it), to a file inside the site folder
/// `root` (canonical). A link to a folder, a link that leads nowhere or round in a
/// loop, and anything that resolves outside the site are errors; so is, when `linked`
/// (a link is on the way), a file that `role` does not allow.
fn check_inside(
    root: &Path,
    path: &Path,
    shown: &str,
    role: Role,
    linked: bool,
) -> Result<(), Diagnostic> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    // The link as written, or, for a linked folder on the way, where the file really is
    // (relative to the site when it is inside).
    let target = || match std::fs::read_link(path) {
        Ok(t) => t.display().to_string(),
        Err(_) => std::fs::canonicalize(path).map_or_else(
            |_| shown.to_string(),
            |p| match p.strip_prefix(root) {
                Ok(rel) => display_path(Path::new(""), rel),
                Err(_) => p.display().to_string(),
            },
        ),
    };
    let Ok(resolved) = std::fs::canonicalize(path) else {
        return Err(
            Diagnostic::error(shown, msg!("symlink-broken", target = target()))
                .help(msg!("symlink-help")),
        );
    };
    if !resolved.starts_with(root) {
        return Err(
            Diagnostic::error(shown, msg!("symlink-outside-site", target = target()))
                .help(msg!("symlink-help")),
        );
    }
    if linked && !role.allows(resolved.strip_prefix(root).unwrap_or(&resolved)) {
        return Err(role.error(shown, target()));
    }
    if is_link && !resolved.is_file() {
        return Err(
            Diagnostic::error(shown, msg!("symlink-to-folder", target = target()))
                .help(msg!("symlink-help")),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Arg;

    fn encoded(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    const POLISH: &str =
        "---\ntitle: \"Zażółć gęślą jaźń\"\n---\n\nŚwięto w Łodzi, źródło, śnieg, ąę.\n";

    #[test]
    fn legacy_polish_encodings_are_named() {
        for (encoding, name) in [
            (encoding_rs::WINDOWS_1250, "windows-1250"),
            (encoding_rs::ISO_8859_2, "ISO-8859-2"),
        ] {
            let err = decode(encoded(encoding, POLISH), "x.md").unwrap_err();
            assert!(
                matches!(err.message.arg("encoding"), Some(Arg::Text(t)) if t == name),
                "{name}: {:?}",
                err.message
            );
            assert_eq!(err.span, Some(Span::new(2, 11, 1)), "{name}");
            assert_eq!(
                err.source_line.as_deref(),
                Some("title: \"Zażółć gęślą jaźń\"")
            );
        }
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let plain = decode(POLISH.as_bytes().to_vec(), "x").unwrap();
        let crlf = POLISH.replace('\n', "\r\n");
        assert_eq!(decode(crlf.as_bytes().to_vec(), "x").unwrap(), plain);
        assert_eq!(
            decode(format!("\u{feff}{crlf}").into_bytes(), "x").unwrap(),
            plain
        );
    }
}
