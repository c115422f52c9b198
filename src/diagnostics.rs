//! Located errors and warnings, rendered in the contract's `path:line:col: error: message` form.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::messages::{Catalog, Message};
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
    pub message: Message,
    /// The offending source line, shown under the first line.
    pub source_line: Option<String>,
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

    /// Places the diagnostic at `span` of `source` (the whole file's text), quoting the line.
    pub fn at(mut self, span: Span, source: &str) -> Diagnostic {
        self.source_line = source
            .lines()
            .nth(span.line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
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
        let mut out = match self.span {
            Some(s) => format!("{}:{}:{}: {kind}: {message}", self.path, s.line, s.column),
            None => format!("{}: {kind}: {message}", self.path),
        };
        let label = self.label.as_ref().map(|l| catalog.render(l));
        if let (Some(span), Some(line)) = (self.span, &self.source_line) {
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            let line = line.replace('\t', " ");
            let _ = write!(out, "\n{pad} |\n{number} | {line}\n{pad} | ");
            out.push_str(&" ".repeat(span.column.saturating_sub(1)));
            out.push_str(&"^".repeat(span.len.max(1)));
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

    #[test]
    fn span_from_offset_counts_characters() {
        let text = "ąę\nzażółć x";
        let off = text.find('x').unwrap();
        assert_eq!(Span::from_offset(text, off, 1, 1), Span::new(2, 8, 1));
    }
}
