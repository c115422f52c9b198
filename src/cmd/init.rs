//! `kronika init`: a new site that builds and passes `check` at once, with CI files for
//! GitHub Pages and GitLab Pages (docs/maintainer/hosting.md "A site of its own: `kronika init` and its CI files").

use std::path::{Path, PathBuf};

use crate::diagnostics::{Failure, IoAction};
use crate::msg;
use crate::types::Date;

/// The files of a new site, compiled into the binary (`src/cmd/templates/init/`).
const SITE: &str = include_str!("templates/init/site.yaml");
const NEWS_PL: &str = include_str!("templates/init/news-pl.md");
const NEWS_EN: &str = include_str!("templates/init/news-en.md");
const TRANSLATION_PL: &str = include_str!("templates/init/translation-pl.md");
const TRANSLATION_EN: &str = include_str!("templates/init/translation-en.md");
const GITIGNORE: &str = include_str!("templates/init/gitignore");
const GITHUB: &str = include_str!("templates/init/github-publish.yml");
const GITLAB: &str = include_str!("templates/init/gitlab-ci.yml");
const PROJECT: &str = include_str!("templates/project.yaml");

/// The id of the new site's project.
const PROJECT_ID: &str = "pierwszy-projekt";

/// What `kronika init` was asked to do.
#[derive(Clone, Debug)]
pub struct InitOptions {
    pub dir: PathBuf,
    /// `--lang en`: English is the default language; otherwise Polish.
    pub english: bool,
    /// The date of the first news item; today unless a test fixes it.
    pub today: Option<Date>,
}

/// Creates the site in `opts.dir`, which must be missing or empty; returns the files
/// written, relative to it.
pub fn init(opts: &InitOptions) -> Result<Vec<String>, Failure> {
    let dir = &opts.dir;
    let shown = dir.display().to_string();
    if dir.exists() {
        let empty = match std::fs::read_dir(dir) {
            Ok(mut entries) => entries.next().is_none(),
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => false,
            Err(e) => return Err(Failure::io(dir, IoAction::Read, e)),
        };
        if !empty {
            return Err(Failure::usage(
                msg!("init-not-empty", dir = shown),
                msg!("init-not-empty-help"),
            ));
        }
    }
    let english = opts.english;
    let (default, other) = if english { ("en", "pl") } else { ("pl", "en") };
    let date = opts.today.unwrap_or_else(Date::today).iso();
    let name = if english {
        format!("{date}-first-news-item")
    } else {
        format!("{date}-pierwsza-wiadomosc")
    };
    let (original, translation) = if english {
        (NEWS_EN, TRANSLATION_PL)
    } else {
        (NEWS_PL, TRANSLATION_EN)
    };
    let site = SITE
        .replace("{default}", default)
        .replace("{languages}", &format!("{default}, {other}"))
        // The accessibility statement's dates: the site is prepared and published today.
        .replace("{today}", &date);
    let project = PROJECT
        .replace(
            "title: {pl: \"{id}\", en: \"{id}\"}",
            "title: {pl: \"Pierwszy projekt\", en: \"First project\"}",
        )
        .replace("{id}", PROJECT_ID);
    let files: Vec<(String, String)> = vec![
        ("site.yaml".into(), site),
        (
            format!("content/news/{name}.{default}.md"),
            original.replace("{date}", &date),
        ),
        (
            format!("content/news/{name}.{other}.md"),
            translation.into(),
        ),
        (format!("content/projects/{PROJECT_ID}.yaml"), project),
        (".gitignore".into(), GITIGNORE.into()),
        (".github/workflows/publish.yml".into(), GITHUB.into()),
        (".gitlab-ci.yml".into(), GITLAB.into()),
    ];
    for (rel, text) in &files {
        write(&dir.join(rel), text)?;
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

fn write(path: &Path, text: &str) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Failure::io(parent, IoAction::Create, e))?;
    }
    std::fs::write(path, text).map_err(|e| Failure::io(path, IoAction::Write, e))
}
