//! Finds the content files under `content/` and says what each one is from its path alone.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::model::Kind;
use crate::diagnostics::{Diagnostic, display_path};
use crate::msg;
use crate::source;
use crate::types::Lang;

/// A Markdown file of a news item or standalone page.
#[derive(Clone, Debug)]
pub struct MarkdownFile {
    pub kind: Kind,
    /// `<name>`, NFC-normalised.
    pub name: String,
    pub lang: Lang,
    pub path: PathBuf,
    /// Path shown in diagnostics (relative to the site root).
    pub shown: String,
    /// Path under `content/`, the key of `@/` links (`news/x.pl.md`).
    pub key: String,
}

impl MarkdownFile {
    /// The path of this file's version in `lang`, as shown (relative to the site root):
    /// only the ending names the language (`x.pl.md` → `x.en.md`, `x/index.pl.md` →
    /// `x/index.en.md`).
    pub fn version_in(&self, lang: Lang) -> String {
        let own = format!(".{}.md", self.lang);
        match self.shown.strip_suffix(&own) {
            Some(stem) => format!("{stem}.{lang}.md"),
            None => self.shown.clone(),
        }
    }
}

/// A project file.
#[derive(Clone, Debug)]
pub struct ProjectPath {
    pub stem: String,
    pub path: PathBuf,
    pub shown: String,
}

#[derive(Clone, Default)]
pub struct Found {
    pub markdown: Vec<MarkdownFile>,
    pub projects: Vec<ProjectPath>,
}

/// Walks `root/content`. Unusable names are reported; nothing is read yet.
pub fn discover(root: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> Found {
    let content = root.join("content");
    let mut found = Found::default();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error("content", msg!("content-missing"))
                .help(msg!("content-missing-help")),
        );
        return found;
    }
    for (path, shown) in source::site_files(
        root,
        &content,
        source::Role::Published {
            theme: &config.theme,
        },
        diags,
    ) {
        let path = path.as_path();
        let rel = source::into_nfc(display_path(&content, path));
        let parts: Vec<&str> = rel.split('/').collect();
        let file_name = parts[parts.len() - 1];
        if file_name.starts_with('.') {
            continue;
        }
        match (parts[0], parts.len()) {
            ("news", 2) | ("news", 3) | ("pages", 2) if file_name.ends_with(".md") => {
                let kind = if parts[0] == "news" {
                    Kind::News
                } else {
                    Kind::Page
                };
                if let Some(file) = markdown_file(kind, &parts, &rel, path, &shown, config, diags) {
                    found.markdown.push(file);
                }
            }
            ("news", 2) | ("news", 3) => {} // attachments beside items
            ("projects", 2) if file_name.ends_with(".yaml") || file_name.ends_with(".yml") => {
                let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
                found.projects.push(ProjectPath {
                    stem: stem.to_string(),
                    path: path.to_path_buf(),
                    shown,
                });
            }
            _ => diags.push(
                Diagnostic::warning(shown, msg!("content-unknown-file"))
                    .help(msg!("content-unknown-file-help")),
            ),
        }
    }
    found
}

fn markdown_file(
    kind: Kind,
    parts: &[&str],
    rel: &str,
    path: &Path,
    shown: &str,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> Option<MarkdownFile> {
    let file_name = parts[parts.len() - 1];
    let stem = &file_name[..file_name.len() - 3];
    let (base, lang_code) = match stem.rsplit_once('.') {
        Some((b, l)) => (b, l),
        None => {
            diags.push(
                Diagnostic::error(shown, msg!("content-no-language-suffix")).help(msg!(
                    "content-no-language-suffix-help",
                    stem = stem,
                    lang = config.default_language,
                    languages = config.languages_listed()
                )),
            );
            return None;
        }
    };
    let lang = match Lang::parse(lang_code).filter(|l| config.has_language(*l)) {
        Some(l) => l,
        None => {
            diags.push(
                Diagnostic::error(
                    shown,
                    msg!("content-language-not-in-site", lang = lang_code),
                )
                .help(msg!(
                    "content-language-not-in-site-help",
                    lang = lang_code,
                    languages = config.languages_listed()
                )),
            );
            return None;
        }
    };
    let name = if parts.len() == 3 {
        if base != "index" {
            diags.push(
                Diagnostic::warning(shown, msg!("content-extra-file-in-folder"))
                    .help(msg!("content-extra-file-in-folder-help", lang = lang)),
            );
            return None;
        }
        parts[1].to_string()
    } else {
        base.to_string()
    };
    Some(MarkdownFile {
        kind,
        name,
        lang,
        path: path.to_path_buf(),
        shown: shown.to_string(),
        key: rel.to_string(),
    })
}
