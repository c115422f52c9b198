//! Splits a Markdown file into its YAML front matter and body, and types the front matter.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::types::Date;
use crate::yaml;

/// An attachment listed in front matter: a file beside the item and its link text.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    pub file: Spanned<String>,
    pub title: Option<String>,
    /// The file's language, when it differs from the item's (`hreflang` and a label).
    pub lang: Option<crate::types::Lang>,
}

/// An entry of the change register written in front matter (`changes:`), for a file
/// whose history git does not hold (docs/maintainer/content.md, "Change register").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeRef {
    pub date: Spanned<Date>,
    pub by: String,
    pub what: String,
}

/// The front matter of a news item or a standalone page, as written (nothing inherited yet).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub produced: Option<Date>,
    pub produced_by: Option<String>,
    pub published_by: Option<String>,
    pub projects: Option<Vec<Spanned<String>>>,
    pub tags: Option<Vec<Spanned<String>>>,
    pub archived: Option<bool>,
    pub draft: Option<bool>,
    pub slug: Option<Spanned<String>>,
    pub summary: Option<String>,
    pub aliases: Option<Vec<Spanned<String>>>,
    pub attachments: Option<Vec<AttachmentRef>>,
    /// This version's own register before (or without) git; never inherited: each
    /// language version is its own file with its own history.
    pub changes: Option<Vec<ChangeRef>>,
}

impl FrontMatter {
    /// This version's front matter with every field it does not set taken from the
    /// default-language `original`. `title`, `slug`, `summary`, `aliases` and
    /// `attachments` belong to one language version and are never inherited (a version
    /// without attachments shows the original's files, which is decided when linking).
    pub fn inherit_from(&self, original: &FrontMatter) -> FrontMatter {
        fn or<T: Clone>(own: &Option<T>, original: &Option<T>) -> Option<T> {
            own.as_ref().or(original.as_ref()).cloned()
        }
        FrontMatter {
            title: self.title.clone(),
            slug: self.slug.clone(),
            summary: self.summary.clone(),
            aliases: self.aliases.clone(),
            attachments: self.attachments.clone(),
            date: or(&self.date, &original.date),
            produced: or(&self.produced, &original.produced),
            produced_by: or(&self.produced_by, &original.produced_by),
            published_by: or(&self.published_by, &original.published_by),
            projects: or(&self.projects, &original.projects),
            tags: or(&self.tags, &original.tags),
            archived: or(&self.archived, &original.archived),
            draft: or(&self.draft, &original.draft),
            changes: self.changes.clone(),
        }
    }
}

/// A parsed Markdown file: typed front matter and the body with where it starts.
pub struct Document {
    pub front: FrontMatter,
    pub body: String,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Parses `source` (already BOM-stripped, with `\n` line ends).
pub fn parse(source: &str, path: &str) -> Result<Document, Diagnostic> {
    let Some(rest) = source.strip_prefix("---\n") else {
        return Err(if source.trim().is_empty() {
            Diagnostic::error(path, msg!("file-empty")).help(msg!("front-matter-empty-file-help"))
        } else {
            let first_line = source.lines().next().map_or(1, |l| l.chars().count());
            Diagnostic::error(path, msg!("front-matter-missing"))
                .at(Span::new(1, 1, first_line), source)
                .help(msg!("front-matter-missing-help"))
        });
    };
    let close = rest
        .match_indices("---")
        .find(|(i, _)| {
            // `---` alone on its line; trailing spaces (invisible in editors) allowed.
            let line_end = rest[i + 3..].find('\n').map_or(rest.len(), |n| i + 3 + n);
            (*i == 0 || rest.as_bytes()[i - 1] == b'\n')
                && rest[i + 3..line_end].trim_matches([' ', '\t']).is_empty()
        })
        .map(|(i, _)| i);
    let Some(close) = close else {
        return Err(Diagnostic::error(path, msg!("front-matter-not-closed"))
            .at(Span::new(1, 1, 3), source)
            .label(msg!("front-matter-opened-label"))
            .help(msg!("front-matter-not-closed-help")));
    };
    let yaml_text = &rest[..close];
    let front: FrontMatter = if yaml_text.trim().is_empty() {
        FrontMatter::default()
    } else {
        yaml::parse(yaml_text, path, source, 2)?
    };
    let after = &rest[close + 3..];
    let after = after.trim_start_matches([' ', '\t']);
    let body = after.strip_prefix('\n').unwrap_or(after);
    let body_line = 2 + yaml_text.matches('\n').count() + 1;
    if body.trim().is_empty() {
        // Usually the text went above the closing `---`, or was never written.
        return Err(Diagnostic::error(path, msg!("front-matter-no-text"))
            .at(Span::new(body_line - 1, 1, 3), source)
            .label(msg!("front-matter-no-text-label"))
            .help(msg!("front-matter-no-text-help")));
    }
    Ok(Document {
        front,
        body: body.to_string(),
        body_line,
    })
}

/// Turns a location of serde-saphyr inside front matter (which starts at line 2) into a span.
pub fn span_of<T>(s: &Spanned<T>, len: usize) -> Span {
    let line = s.referenced.line() as usize + 1;
    let column = (s.referenced.column() as usize).max(1);
    Span::new(line, column, len)
}

/// The span of the string value `s` in `source` (the whole file): a quoted value is
/// underlined to its closing quote, whatever it holds (`"/strona.php?id=440"`); a plain
/// one for its characters.
pub fn value_span(s: &Spanned<String>, source: &str) -> Span {
    let at = span_of(s, 1);
    let quoted = source
        .lines()
        .nth(at.line.saturating_sub(1))
        .filter(|line| {
            line.chars()
                .nth(at.column - 1)
                .is_some_and(|c| c == '"' || c == '\'')
        });
    let len = match quoted {
        Some(line) => yaml::token_width(line, at.column),
        None => s.value.chars().count().max(1),
    };
    Span::new(at.line, at.column, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let src = "---\ntitle: \"A\"\ndate: 2012-02-15\n---\n\nBody\n";
        let doc = parse(src, "a.pl.md").unwrap();
        assert_eq!(doc.front.title.as_deref(), Some("A"));
        assert_eq!(doc.body, "\nBody\n");
        assert_eq!(doc.body_line, 5);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = parse("---\ntitle: x\n\nBody\n", "a.pl.md").err().unwrap();
        assert_eq!(err.message.id(), "front-matter-not-closed");
    }

    #[test]
    fn a_closing_line_with_trailing_spaces_still_closes() {
        let doc = parse("---\ntitle: x\n---  \n\nBody\n", "a.pl.md").unwrap();
        assert_eq!(doc.body.trim(), "Body");
    }
}
