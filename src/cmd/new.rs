//! `kronika new`: a news item, its translation or a project card, with the front matter
//! filled in; never over an existing file (docs/maintainer/cli.md "Starting a new item").

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::discover;
use crate::content::front_matter;
use crate::content::model::Kind;
use crate::diagnostics::{Diagnostic, Failure, IoAction, display_path};
use crate::messages::Catalog;
use crate::msg;
use crate::types::{Date, Lang, Slug};

/// What `kronika new news` was asked to write.
#[derive(Clone, Debug)]
pub struct NewsOptions {
    pub root: PathBuf,
    pub title: String,
    /// `--lang`: the item's language; the default language, or for a translation the
    /// first language the item lacks.
    pub lang: Option<String>,
    /// `--folder`: `<name>/index.<lang>.md`, a folder for attachments.
    pub folder: bool,
    /// `--translation-of <name>`: the item this one translates.
    pub translation_of: Option<String>,
    /// The date of a new item; today unless a test fixes it.
    pub today: Option<Date>,
}

/// The project card template: every key, each commented in Polish and English.
const PROJECT_TEMPLATE: &str = include_str!("templates/project.yaml");

/// Writes a new news item or translation; returns its path relative to the root.
pub fn news(opts: &NewsOptions) -> Result<String, Failure> {
    let config = Config::load(&opts.root, None).map_err(Failure::Content)?;
    let mut ignored = Vec::new();
    let found = discover::discover(&opts.root, &config, &mut ignored);
    let news: Vec<&discover::MarkdownFile> = found
        .markdown
        .iter()
        .filter(|f| f.kind == Kind::News)
        .collect();
    let lang_arg = match &opts.lang {
        Some(code) => Some(
            Lang::parse(code)
                .filter(|l| config.has_language(*l))
                .ok_or_else(|| {
                    Failure::usage(
                        msg!("new-unknown-language", lang = code.as_str()),
                        msg!(
                            "new-unknown-language-help",
                            languages = config.languages_listed()
                        ),
                    )
                })?,
        ),
        None => None,
    };

    let (path, text) = match &opts.translation_of {
        Some(name) => {
            let versions: Vec<&&discover::MarkdownFile> =
                news.iter().filter(|f| f.name == *name).collect();
            let Some(original) = versions
                .iter()
                .find(|f| f.lang == config.default_language)
                .or(versions.first())
            else {
                let names: Vec<&str> = news.iter().map(|f| f.name.as_str()).collect();
                let nearest = names.iter().max_by(|a, b| {
                    strsim::jaro_winkler(name, a).total_cmp(&strsim::jaro_winkler(name, b))
                });
                // A site with no news item yet has no name to give as an example.
                let help = match nearest {
                    Some(n) => msg!("new-unknown-item-help", nearest = *n),
                    None => msg!("new-unknown-item-none-help"),
                };
                return Err(Failure::usage(
                    msg!("new-unknown-item", name = name.as_str()),
                    help,
                ));
            };
            let lang = match lang_arg {
                Some(l) => l,
                None => config
                    .languages
                    .iter()
                    .copied()
                    .find(|l| !versions.iter().any(|v| v.lang == *l))
                    .unwrap_or(config.default_language),
            };
            let path = opts.root.join(original.version_in(lang));
            if let Some(existing) = versions.iter().find(|v| v.lang == lang) {
                return Err(exists(&existing.shown));
            }
            (path, item_text(&opts.title, None, lang))
        }
        None => {
            let lang = lang_arg.unwrap_or(config.default_language);
            let Some(slug) = Slug::from_text(&opts.title) else {
                return Err(Failure::usage(
                    msg!("new-empty-slug", title = opts.title.as_str()),
                    msg!("new-empty-slug-help"),
                ));
            };
            let today = opts.today.unwrap_or_else(Date::today);
            let name = format!("{}-{slug}", today.iso());
            if let Some(existing) = news.iter().find(|f| f.name == name && f.lang == lang) {
                return Err(exists(&existing.shown));
            }
            let dir = opts.root.join("content").join("news");
            let path = if opts.folder {
                dir.join(&name).join(format!("index.{lang}.md"))
            } else {
                dir.join(format!("{name}.{lang}.md"))
            };
            let (produced_by, published_by) = newest_metryczka(&news, today);
            let front = Front {
                date: today,
                produced_by,
                published_by,
            };
            (path, item_text(&opts.title, Some(&front), lang))
        }
    };
    write_new(&opts.root, &path, &text)
}

/// Writes `content/projects/<id>.yaml` with every key shown and commented.
pub fn project(root: &Path, id: &str) -> Result<String, Failure> {
    Config::load(root, None).map_err(Failure::Content)?;
    let Some(slug) = Slug::parse(id) else {
        let suggestion = Slug::from_text(id).map_or("projekt".to_string(), |s| s.to_string());
        return Err(Failure::usage(
            msg!("new-bad-project-id", id = id),
            msg!("new-bad-project-id-help", suggestion = suggestion),
        ));
    };
    let path = root.join("content/projects").join(format!("{slug}.yaml"));
    let text = PROJECT_TEMPLATE.replace("{id}", slug.as_str());
    write_new(root, &path, &text)
}

/// The fields a new item takes over: dated today, by whoever wrote the newest item.
struct Front {
    date: Date,
    produced_by: Option<String>,
    published_by: Option<String>,
}

/// The front matter and a first line of text. A translation has only its title: it
/// inherits the rest (docs/maintainer/content.md "Front matter").
fn item_text(title: &str, front: Option<&Front>, lang: Lang) -> String {
    // A JSON string is a YAML double-quoted string: quotes and backslashes escaped.
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    let mut out = format!("---\ntitle: {}\n", quote(title));
    if let Some(f) = front {
        let date = f.date.iso();
        out.push_str(&format!("date: {date}\nproduced: {date}\n"));
        let by = |key: &str, value: &Option<String>| match value {
            Some(v) => format!("{key}: {}\n", quote(v)),
            None => format!("{key}: \"\"\n"),
        };
        out.push_str(&by("produced_by", &f.produced_by));
        out.push_str(&by("published_by", &f.published_by));
        out.push_str("tags: []\n");
    }
    // The placeholder text is in the item's language, not the user's.
    let text = Catalog::new(lang).render(&msg!("new-body-placeholder"));
    out.push_str(&format!("---\n\n{text}\n"));
    out
}

/// `produced_by` and `published_by` of the newest published news item that gives them
/// (an embargoed one may be written by someone else, long ago).
fn newest_metryczka(
    news: &[&discover::MarkdownFile],
    today: Date,
) -> (Option<String>, Option<String>) {
    let mut read: Vec<(Date, String, front_matter::FrontMatter)> = news
        .iter()
        .filter_map(|f| {
            let text = crate::source::read_text(&f.path, &f.shown).ok()?;
            let doc = front_matter::parse(&text, &f.shown).ok()?;
            Some((doc.front.date?, f.name.clone(), doc.front))
        })
        .filter(|(date, ..)| *date <= today)
        .collect();
    read.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
    let produced = read.iter().find_map(|(_, _, f)| f.produced_by.clone());
    let published = read.iter().find_map(|(_, _, f)| f.published_by.clone());
    (produced, published)
}

/// A refusal naming the file that is there already.
fn exists(shown: &str) -> Failure {
    Failure::Content(vec![
        Diagnostic::error(shown, msg!("new-exists")).help(msg!("new-exists-help")),
    ])
}

/// Creates `path` with `text`; a file that is there already (even one made a moment ago
/// by someone else) is refused, never overwritten.
fn write_new(root: &Path, path: &Path, text: &str) -> Result<String, Failure> {
    let shown = display_path(root, path);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Failure::io(dir, IoAction::Create, e))?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists(&shown)),
        Err(e) => return Err(Failure::io(path, IoAction::Create, e)),
    };
    file.write_all(text.as_bytes())
        .map_err(|e| Failure::io(path, IoAction::Write, e))?;
    Ok(shown)
}
