//! Located errors and warnings, rendered in the contract's `path:line:col: error: message` form.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::messages::{Catalog, Message, printable, push_printable};
use crate::msg;

/// How bad a diagnostic is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a source file: 1-based line and column (columns count characters).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    /// How many characters to underline; 0 underlines one.
    pub len: usize,
}

impl Span {
    pub fn new(line: usize, column: usize, len: usize) -> Span {
        Span { line, column, len }
    }

    /// The span of a byte range in `text`, whose first line is line `first_line`. To
    /// locate many places of one text, use a [`Locator`]: this reads `text` from its start.
    pub fn from_offset(text: &str, offset: usize, len_bytes: usize, first_line: usize) -> Span {
        Locator::new(text, first_line).span(offset, len_bytes)
    }
}

/// Spans of many places in one text. It reads on from the last place it found, so places
/// asked for in order cost one reading of the text in all, not one each: thousands of
/// places in a long line stay linear (docs/maintainer/guarantees.md, "What a build guarantees").
pub struct Locator<'t> {
    text: &'t str,
    first_line: usize,
    /// Byte offset of the last place found (a character boundary), its line, where that
    /// line starts, and how many characters lie between the two.
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
    /// Where the line starting at the first number ends, once looked for.
    line_end: Option<(usize, usize)>,
}

impl<'t> Locator<'t> {
    /// A locator of `text`, whose first line is line `first_line`.
    pub fn new(text: &'t str, first_line: usize) -> Locator<'t> {
        Locator {
            text,
            first_line,
            offset: 0,
            line: first_line,
            line_start: 0,
            column: 0,
            line_end: None,
        }
    }

    /// `diagnostic` placed at the byte range `offset..offset + len_bytes`, quoting the
    /// line there, as [`Diagnostic::at`] does with the text's line — without reading the
    /// text from its start, so that thousands of errors in one line stay linear.
    pub fn place(&mut self, diagnostic: Diagnostic, offset: usize, len_bytes: usize) -> Diagnostic {
        let span = self.span(offset, len_bytes);
        let end = match self.line_end {
            Some((start, end)) if start == self.line_start => end,
            _ => {
                let end = self.text[self.offset..]
                    .find('\n')
                    .map_or(self.text.len(), |i| self.offset + i);
                self.line_end = Some((self.line_start, end));
                end
            }
        };
        let line = self.text[self.line_start..end].trim_end_matches('\r');
        diagnostic.quoting(span, line, self.offset - self.line_start)
    }

    /// The span of the byte range `offset..offset + len_bytes`: a place before the last
    /// one is found by reading from the start again.
    pub fn span(&mut self, offset: usize, len_bytes: usize) -> Span {
        let text = self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        if offset < self.offset {
            *self = Locator::new(text, self.first_line);
        }
        let between = &text[self.offset..offset];
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.bytes().filter(|&b| b == b'\n').count();
                self.line_start = self.offset + last + 1;
                self.column = text[self.line_start..offset].chars().count();
            }
            None => self.column += between.chars().count(),
        }
        self.offset = offset;
        let end = floor_char_boundary(text, (offset + len_bytes).min(text.len()));
        let len = text[offset..end]
            .split('\n')
            .next()
            .map_or(0, |s| s.chars().count());
        Span {
            line: self.line,
            column: self.column + 1,
            len,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found in the site, with where it is and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub span: Option<Span>,
    pub message: Message,
    /// The offending source line, shown under the first line; of a long line only the
    /// part around the span (see [`Diagnostic::at`]), as the user wrote it.
    pub source_line: Option<String>,
    /// How many characters of the line are left out before `source_line`, and whether
    /// some are left out after it.
    pub source_cut: (usize, bool),
    /// Text under the caret (`did you mean …?`).
    pub label: Option<Message>,
    /// `= help:` lines.
    pub help: Vec<Message>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: Message) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            span: None,
            message,
            source_line: None,
            source_cut: (0, false),
            label: None,
            help: Vec::new(),
        }
    }

    pub fn warning(path: impl Into<String>, message: Message) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the diagnostic at `span` of `source` (the whole file's text), quoting the
    /// line: a line longer than [`QUOTE_WIDTH`] characters only around the span, so that a
    /// diagnostic keeps (and prints) a few hundred bytes of a megabyte-long line.
    pub fn at(self, span: Span, source: &str) -> Diagnostic {
        match source.lines().nth(span.line.saturating_sub(1)) {
            Some(line) => {
                let line = line.trim_end_matches('\r');
                let at = line
                    .char_indices()
                    .nth(span.column.saturating_sub(1))
                    .map_or(line.len(), |(i, _)| i);
                self.quoting(span, line, at)
            }
            None => Diagnostic {
                span: Some(span),
                ..self
            },
        }
    }

    /// Places the diagnostic at `span`, quoting `line`, where the span starts at byte
    /// `at`. Only the [`QUOTE_WIDTH`] characters around `at` are read, so quoting costs
    /// the same in a short line and in a megabyte-long one.
    fn quoting(mut self, span: Span, line: &str, at: usize) -> Diagnostic {
        let at = floor_char_boundary(line, at.min(line.len()));
        // The byte `n` characters after `from` (or the line's end), and how many there were.
        let forward = |from: usize, n: usize| -> (usize, usize) {
            let mut chars = line[from..].char_indices();
            let mut taken = 0;
            while taken < n && chars.next().is_some() {
                taken += 1;
            }
            (chars.next().map_or(line.len(), |(i, _)| from + i), taken)
        };
        let backward = |from: usize, n: usize| -> (usize, usize) {
            let mut taken = 0;
            let mut start = from;
            for (i, _) in line[..from].char_indices().rev().take(n) {
                start = i;
                taken += 1;
            }
            (start, taken)
        };
        let after = QUOTE_WIDTH - QUOTE_BEFORE;
        let (mut end, right) = forward(at, after);
        // Near the end of the line more of it is shown before the place, and near its
        // start more after it.
        let (start, left) = backward(at, QUOTE_BEFORE + (after - right));
        if left < QUOTE_BEFORE && end < line.len() {
            end = forward(end, QUOTE_BEFORE - left).0;
        }
        let skipped = if start == 0 {
            0
        } else {
            span.column.saturating_sub(1).saturating_sub(left)
        };
        self.source_line = Some(line[start..end].to_string());
        self.source_cut = (skipped, end < line.len());
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: Message) -> Diagnostic {
        self.label = Some(label);
        self
    }

    pub fn help(mut self, help: Message) -> Diagnostic {
        self.help.push(help);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&str, Option<Span>, &Message) {
        (&self.path, self.span, &self.message)
    }

    /// The diagnostic as text in the language of `catalog`:
    /// `path:line:col: error: message`, the source line with a caret and the label, then
    /// `= help:` lines.
    pub fn render(&self, catalog: &Catalog) -> String {
        // `error`, `warning`, `note` and `help` stay English in every language: editors and
        // CI scripts look for `error:`, as they do in compilers' output.
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = catalog.render(&self.message);
        // Every line starts with kronika's own text: the path (which may hold any
        // character) and the quoted line are shown escaped, as message arguments are.
        let path = printable(&self.path);
        let mut out = match self.span {
            Some(s) => format!("{path}:{}:{}: {kind}: {message}", s.line, s.column),
            None => format!("{path}: {kind}: {message}"),
        };
        let label = self.label.as_ref().map(|l| catalog.render(l));
        if let (Some(span), Some(line)) = (self.span, &self.source_line) {
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, from, to) = quote(line, self.source_cut, span);
            let _ = write!(out, "\n{pad} |\n{number} | {shown}\n{pad} | ");
            out.push_str(&" ".repeat(from));
            out.push_str(&"^".repeat(to - from));
            if let Some(label) = label {
                let _ = write!(out, " {label}");
            }
        } else if let Some(label) = label {
            let _ = write!(out, "\n  = note: {label}");
        }
        push_help(&mut out, catalog, &self.help);
        out
    }
}

/// Lines longer than this many characters are quoted in part: [`QUOTE_BEFORE`] characters
/// before the span and the rest after it.
pub const QUOTE_WIDTH: usize = 100;
const QUOTE_BEFORE: usize = 40;

/// The quoted part of a line as shown (`…` where it is cut, control characters escaped,
/// a tab as one space so that a column stays a character) and the display columns where
/// the caret starts and ends.
fn quote(line: &str, (skipped, more): (usize, bool), span: Span) -> (String, usize, usize) {
    let start = span.column.saturating_sub(1).saturating_sub(skipped);
    let end = start + span.len.max(1);
    let mut shown = String::with_capacity(line.len() + 8);
    if skipped > 0 {
        shown.push('…');
    }
    let mut width = usize::from(skipped > 0);
    let (mut from, mut to) = (None, None);
    let mut chars = 0;
    for (i, c) in line.chars().enumerate() {
        if i == start {
            from = Some(width);
        }
        if i == end {
            to = Some(width);
        }
        let before = shown.len();
        if c == '\t' {
            shown.push(' ');
        } else {
            push_printable(&mut shown, c);
        }
        width += shown[before..].chars().count();
        chars = i + 1;
    }
    if more {
        shown.push('…');
    }
    // Past the end of the line (or of its quoted part), a column is a character.
    let from = from.unwrap_or(width + start.saturating_sub(chars));
    let to = to
        .unwrap_or(if more { width } else { width + end - chars })
        .max(from + 1);
    (shown, from, to)
}

fn push_help(out: &mut String, catalog: &Catalog, help: &[Message]) {
    for h in help {
        let _ = write!(out, "\n  = help: {}", catalog.render(h));
    }
}

/// Sorts a build's diagnostics into a stable order (errors first, then by file and
/// position) and drops exact repeats, so every run prints them alike.
pub fn sorted(mut items: Vec<Diagnostic>) -> Vec<Diagnostic> {
    items.sort_by(|a, b| (a.severity, a.sort_key()).cmp(&(b.severity, b.sort_key())));
    items.dedup();
    items
}

/// A build's outcome when it could not produce a site, with its exit status.
#[derive(Debug)]
pub enum Failure {
    /// Content errors (exit 1): every one of them.
    Content(Vec<Diagnostic>),
    /// A usage error (exit 2): a refused output folder, with what to do instead.
    Usage {
        message: Message,
        help: Vec<Message>,
    },
    /// Reading or writing failed (exit 3).
    Io(Message),
    /// The system refused to write files of the built site, e.g. a full disk (exit 3):
    /// every error of the build, as with [`Failure::Content`].
    Write(Vec<Diagnostic>),
}

/// What kronika was doing with a file or folder when the system said no (exit 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    OpenSiteFolder,
    Read,
    Create,
    Write,
    Replace,
    RemoveOldStaging,
    CreateStaging,
    WriteMarker,
    MoveIntoPlace,
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Content(_) => 1,
            Failure::Usage { .. } => 2,
            Failure::Io(_) | Failure::Write(_) => 3,
        }
    }

    /// A refused request (exit 2), with what to do instead.
    pub fn usage(message: Message, help: Message) -> Failure {
        Failure::Usage {
            message,
            help: vec![help],
        }
    }

    /// An I/O failure (exit 3): `action` on `path` failed with `err` (the system's words).
    pub fn io(path: &Path, action: IoAction, err: std::io::Error) -> Failure {
        let path = path.display().to_string();
        let error = err.to_string();
        Failure::Io(match action {
            IoAction::OpenSiteFolder => msg!("io-open-site-folder", path = path, error = error),
            IoAction::Read => msg!("io-read", path = path, error = error),
            IoAction::Create => msg!("io-create", path = path, error = error),
            IoAction::Write => msg!("io-write", path = path, error = error),
            IoAction::Replace => msg!("io-replace", path = path, error = error),
            IoAction::RemoveOldStaging => msg!("io-remove-old-staging", path = path, error = error),
            IoAction::CreateStaging => msg!("io-create-staging", path = path, error = error),
            IoAction::WriteMarker => msg!("io-write-marker", path = path, error = error),
            IoAction::MoveIntoPlace => msg!("io-move-into-place", path = path, error = error),
        })
    }

    /// What to print to stderr, in the language of `catalog`: every content error and the
    /// line saying nothing was written to `output`, or one `error:` line with its help.
    pub fn render(&self, catalog: &Catalog, output: &Path) -> String {
        match self {
            Failure::Content(errors) | Failure::Write(errors) => {
                let mut out = String::new();
                for e in errors {
                    out.push_str(&e.render(catalog));
                    out.push_str("\n\n");
                }
                out.push_str(&catalog.render(&msg!(
                    "build-failed",
                    errors = errors.len(),
                    output = output.display().to_string()
                )));
                out
            }
            Failure::Usage { message, help } => {
                let mut out = format!("error: {}", catalog.render(message));
                push_help(&mut out, catalog, help);
                out
            }
            Failure::Io(message) => format!("error: {}", catalog.render(message)),
        }
    }
}

/// Renders `path` relative to `root` with forward slashes, as diagnostics show it.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let mut out = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        let _ = write!(out, "{}", c.as_os_str().to_string_lossy());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Lang;

    #[test]
    fn renders_contract_format_with_caret() {
        let src = "---\ntitle: x\ndate: 2012-02-15\n\nprojetcs: [a]\n";
        let d = Diagnostic::error(
            "content/news/a.pl.md",
            msg!("yaml-unknown-key", key = "projetcs"),
        )
        .at(Span::new(5, 1, 8), src)
        .label(msg!("did-you-mean-label", suggestion = "projects"));
        assert_eq!(
            d.render(&Catalog::new(Lang::EN)),
            "content/news/a.pl.md:5:1: error: unknown key `projetcs`\n  |\n5 | projetcs: [a]\n  | ^^^^^^^^ did you mean `projects`?"
        );
        assert_eq!(
            d.render(&Catalog::new(Lang::parse("pl").unwrap())),
            "content/news/a.pl.md:5:1: error: nieznany klucz `projetcs`\n  |\n5 | projetcs: [a]\n  | ^^^^^^^^ czy chodziło o `projects`?"
        );
    }

    /// The quoted line and the caret line of `d` in English.
    fn quoted(d: &Diagnostic) -> (String, String) {
        let text = d.render(&Catalog::new(Lang::EN));
        let mut lines = text.lines().skip(2);
        let line = lines
            .next()
            .unwrap()
            .split_once(" | ")
            .unwrap()
            .1
            .to_string();
        let caret = lines
            .next()
            .unwrap()
            .split_once(" | ")
            .unwrap()
            .1
            .to_string();
        (line, caret)
    }

    #[test]
    fn control_characters_are_shown_escaped_with_the_caret_kept_on_its_place() {
        let src = "a\u{1b}[2K\tb\u{7}\u{202e} <x>\n";
        let at = src.find('<').unwrap();
        let d = Diagnostic::error(
            "p\n::error::x\u{1b}.md",
            msg!("yaml-unknown-key", key = "k\n::error::\u{1b}"),
        )
        .at(Span::from_offset(src, at, 3, 1), src);
        let text = d.render(&Catalog::new(Lang::EN));
        assert!(
            text.starts_with(
                "p\\n::error::x\\u{1b}.md:1:11: error: unknown key `k\\n::error::\\u{1b}`\n"
            ),
            "{text}"
        );
        let (line, caret) = quoted(&d);
        assert_eq!(line, "a\\u{1b}[2K b\\u{7}\\u{202e} <x>");
        assert_eq!(caret.find('^'), line.find('<'));
        assert_eq!(caret.trim(), "^^^");
    }

    #[test]
    fn a_long_line_is_quoted_around_the_span() {
        let line = format!("{}<x>{}", "ż".repeat(5000), "ą".repeat(5000));
        let d = Diagnostic::error("p", msg!("link-help")).at(Span::new(1, 5001, 3), &line);
        assert_eq!(
            d.source_line.as_deref().map(|l| l.chars().count()),
            Some(QUOTE_WIDTH)
        );
        let (shown, caret) = quoted(&d);
        assert_eq!(
            shown,
            format!(
                "…{}<x>{}…",
                "ż".repeat(QUOTE_BEFORE),
                "ą".repeat(QUOTE_WIDTH - QUOTE_BEFORE - 3)
            )
        );
        assert_eq!(caret, format!("{}^^^", " ".repeat(QUOTE_BEFORE + 1)));
        // Near the ends of the line, the cut is on one side only.
        let (start, caret) =
            quoted(&Diagnostic::error("p", msg!("link-help")).at(Span::new(1, 2, 1), &line));
        assert!(start.starts_with("żż") && start.ends_with('…'), "{start}");
        assert_eq!(caret, " ^");
        let (end, caret) =
            quoted(&Diagnostic::error("p", msg!("link-help")).at(Span::new(1, 10_003, 1), &line));
        assert!(end.starts_with('…') && end.ends_with("ąą"), "{end}");
        assert_eq!(caret.find('^'), Some(QUOTE_WIDTH));
    }

    #[test]
    fn a_locator_finds_places_in_order_and_out_of_order() {
        let text = "ąę\nzażółć x\ny ź\n";
        let mut locator = Locator::new(text, 3);
        for (needle, span) in [
            ('x', Span::new(4, 8, 1)),
            ('y', Span::new(5, 1, 1)),
            ('ź', Span::new(5, 3, 1)),
            ('ę', Span::new(3, 2, 1)),
            ('x', Span::new(4, 8, 1)),
        ] {
            let at = text.find(needle).unwrap();
            assert_eq!(locator.span(at, needle.len_utf8()), span, "{needle}");
            assert_eq!(Span::from_offset(text, at, needle.len_utf8(), 3), span);
        }
    }

    #[test]
    fn span_from_offset_counts_characters() {
        let text = "ąę\nzażółć x";
        let off = text.find('x').unwrap();
        assert_eq!(Span::from_offset(text, off, 1, 1), Span::new(2, 8, 1));
    }
}
