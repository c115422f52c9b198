//! Located errors and warnings, rendered in the contract's `path:line:col: error: message` form.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

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

    /// The span of a byte range in `text`, whose first line is line `first_line`.
    pub fn from_offset(text: &str, offset: usize, len_bytes: usize, first_line: usize) -> Span {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + first_line;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        let end = floor_char_boundary(text, (offset + len_bytes).min(text.len()));
        let len = text[offset..end]
            .split('\n')
            .next()
            .map_or(0, |s| s.chars().count());
        Span { line, column, len }
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
    pub message: String,
    /// The offending source line, shown under the first line.
    pub source_line: Option<String>,
    /// Text under the caret (`did you mean …?`).
    pub label: Option<String>,
    /// `= help:` lines.
    pub help: Vec<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            span: None,
            message: message.into(),
            source_line: None,
            label: None,
            help: Vec::new(),
        }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the diagnostic at `span` of `source` (the whole file's text), quoting the line.
    pub fn at(mut self, span: Span, source: &str) -> Diagnostic {
        self.source_line = source
            .lines()
            .nth(span.line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self.span = Some(span);
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help.push(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&str, Option<Span>, &str) {
        (&self.path, self.span, &self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.span {
            Some(s) => write!(
                f,
                "{}:{}:{}: {kind}: {}",
                self.path, s.line, s.column, self.message
            )?,
            None => write!(f, "{}: {kind}: {}", self.path, self.message)?,
        }
        if let (Some(span), Some(line)) = (self.span, &self.source_line) {
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            let line = line.replace('\t', " ");
            write!(f, "\n{pad} |\n{number} | {line}\n{pad} | ")?;
            let mut marker = " ".repeat(span.column.saturating_sub(1));
            marker.push_str(&"^".repeat(span.len.max(1)));
            f.write_str(&marker)?;
            if let Some(label) = &self.label {
                write!(f, " {label}")?;
            }
        } else if let Some(label) = &self.label {
            write!(f, "\n  = note: {label}")?;
        }
        for help in &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
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
    /// A usage error (exit 2): bad flags, a refused output folder.
    Usage(String),
    /// Reading or writing failed (exit 3).
    Io(String),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Content(_) => 1,
            Failure::Usage(_) => 2,
            Failure::Io(_) => 3,
        }
    }

    pub fn io(path: &Path, action: &str, err: std::io::Error) -> Failure {
        Failure::Io(format!("cannot {action} {}: {err}", path.display()))
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

    #[test]
    fn renders_contract_format_with_caret() {
        let src = "---\ntitle: x\ndate: 2012-02-15\n\nprojetcs: [a]\n";
        let d = Diagnostic::error("content/news/a.pl.md", "unknown key `projetcs`")
            .at(Span::new(5, 1, 8), src)
            .label("did you mean `projects`?");
        assert_eq!(
            d.to_string(),
            "content/news/a.pl.md:5:1: error: unknown key `projetcs`\n  |\n5 | projetcs: [a]\n  | ^^^^^^^^ did you mean `projects`?"
        );
    }

    #[test]
    fn span_from_offset_counts_characters() {
        let text = "ąę\nzażółć x";
        let off = text.find('x').unwrap();
        assert_eq!(Span::from_offset(text, off, 1, 1), Span::new(2, 8, 1));
    }
}
