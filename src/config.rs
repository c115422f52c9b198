//! `site.yaml` → [`Config`]: the site's languages, base URL and BIP publisher data.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::types::{Lang, Translated};
use crate::yaml;

/// The body publishing the information (BIP "podmiot udostępniający").
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publisher {
    pub name: Translated<String>,
}

/// The editorial office (BIP "redakcja"): footer and contact.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Editorial {
    pub name: Translated<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<Translated<String>>,
}

/// Typographic conventions applied to every page (all on by default). What each language
/// wants — its quotation marks, its one-letter words — comes from its Fluent file.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Typography {
    /// `3 617` rather than CLDR's `3617` in languages whose CLDR data leaves four digits
    /// ungrouped (Polish).
    pub group_four_digits: bool,
    /// A no-break space after one-letter words (`w Krakowie`), so none ends a line.
    pub single_letter_nbsp: bool,
    /// Straight quotes become the language's quotation marks (`„…”` in Polish).
    pub smart_quotes: bool,
}

impl Default for Typography {
    fn default() -> Self {
        Typography {
            group_four_digits: true,
            single_letter_nbsp: true,
            smart_quotes: true,
        }
    }
}

/// How Markdown bodies are read (`markdown:` in `site.yaml`).
#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Markdown {
    /// What raw HTML in a body does.
    pub raw_html: RawHtml,
}

/// What raw HTML in a Markdown body does (`markdown: {raw_html: allow | error}`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RawHtml {
    /// Kept, except what could run code, embed other sites or restyle the page, which is
    /// removed with a warning for each kind of removal (editors paste HTML from Word).
    #[default]
    Allow,
    /// Every piece of raw HTML is an error: for sites whose bodies must be pure Markdown.
    Error,
}

impl<'de> Deserialize<'de> for RawHtml {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = String::deserialize(d)?;
        match value.as_str() {
            "allow" => Ok(RawHtml::Allow),
            "error" => Ok(RawHtml::Error),
            _ => Err(serde::de::Error::custom(
                msg!("config-bad-raw-html", value = value).to_serde(),
            )),
        }
    }
}

/// How photos in bodies are published (`images:` in `site.yaml`; docs/maintainer/content.md, "Photos").
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields, default)]
pub struct Images {
    /// The widths, in pixels, of the copies a photo is resized to (never wider than it is).
    pub widths: Vec<u32>,
    /// JPEG quality, 1–100.
    pub quality: u8,
    /// `false`: one copy at the photo's own size (still without its metadata).
    pub resize: bool,
}

impl Default for Images {
    fn default() -> Self {
        Images {
            widths: vec![480, 800, 1200],
            quality: 82,
            resize: true,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Translated<String>,
    base_url: String,
    default_language: Lang,
    languages: Vec<Lang>,
    #[serde(default)]
    locales: BTreeMap<Lang, String>,
    theme: Option<String>,
    publisher: Option<Publisher>,
    editorial: Option<Editorial>,
    #[serde(default)]
    typography: Typography,
    #[serde(default)]
    markdown: Markdown,
    #[serde(default)]
    images: Images,
    #[serde(default = "yes")]
    search: bool,
    accessibility: Option<crate::bip::Accessibility>,
    bip: Option<crate::bip::Bip>,
    repository: Option<String>,
}

fn yes() -> bool {
    true
}

/// A base URL split into its origin (`https://example.org`) and path (`/archiwum/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    pub origin: String,
    pub path: String,
}

impl BaseUrl {
    pub fn parse(url: &str) -> Option<BaseUrl> {
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))?;
        let scheme_len = url.len() - rest.len();
        let host_end = rest.find('/').unwrap_or(rest.len());
        if host_end == 0 || rest.contains(['?', '#', ' ']) {
            return None;
        }
        let origin = url[..scheme_len + host_end].to_string();
        let mut path = rest[host_end..].to_string();
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
        if !path.ends_with('/') {
            path.push('/');
        }
        if path.split('/').any(|seg| seg == ".." || seg == ".") {
            return None;
        }
        Some(BaseUrl { origin, path })
    }

    /// The absolute URL of a site path (`aktualnosci/x/` → `https://example.org/archiwum/aktualnosci/x/`).
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}{}", self.origin, self.path, site_path)
    }
}

/// The validated site configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub title: Translated<String>,
    pub base_url: BaseUrl,
    pub default_language: Lang,
    /// All languages, the default one first.
    pub languages: Vec<Lang>,
    /// Locale tags (`en-GB`) given in `site.yaml`; a language without one uses its
    /// Fluent file's `locale` message, then its own code.
    pub locales: BTreeMap<Lang, String>,
    pub theme: String,
    pub publisher: Option<Publisher>,
    pub editorial: Option<Editorial>,
    pub typography: Typography,
    pub markdown: Markdown,
    /// Whether the site has search (`search: false` in `site.yaml`, or `--no-search`,
    /// turns it off): the index, the search pages and the header's search box.
    pub search: bool,
    pub images: Images,
    /// The accessibility statement's facts (docs/maintainer/pages.md, "BIP pages").
    pub accessibility: Option<crate::bip::Accessibility>,
    /// The BIP logo and the main BIP portal it links to (docs/maintainer/pages.md, "BIP pages").
    pub bip: Option<crate::bip::Bip>,
    /// The web address of the site's repository: each change-register entry links to its
    /// commit there ([`crate::history::commit_url`]).
    pub repository: Option<String>,
}

impl Config {
    /// The site's language codes as messages list them: `pl, en`.
    pub fn languages_listed(&self) -> String {
        self.languages
            .iter()
            .map(|l| l.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Reads and validates `site.yaml` in `root`; `base_url` replaces the file's `base_url`.
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join("site.yaml");
        let name = "site.yaml";
        if !path.exists() {
            return Err(vec![Diagnostic::error(name, msg!("config-missing")).help(
                msg!("config-missing-help", root = root.display().to_string()),
            )]);
        }
        let text = crate::source::read_site_text(root, &path, name, crate::source::Role::Config)
            .map_err(|d| vec![d])?;
        let text = text.as_str();
        let raw: RawConfig = yaml::parse(text, name, text, 1).map_err(|d| vec![d])?;
        let mut errors = Vec::new();
        let at_key = |key: &str| yaml::key_span(text, key);

        let base_src = base_url.unwrap_or(&raw.base_url);
        let parsed_base = BaseUrl::parse(base_src);
        if parsed_base.is_none() {
            let mut d = Diagnostic::error(name, msg!("config-bad-base-url", url = base_src))
                .help(msg!("config-bad-base-url-help"));
            if base_url.is_none() {
                d = d.at(at_key("base_url"), text);
            } else {
                d.path = "--base-url".into();
            }
            errors.push(d);
        }

        let mut languages = vec![raw.default_language];
        for &l in &raw.languages {
            if languages.contains(&l) && l != raw.default_language {
                errors.push(
                    Diagnostic::error(name, msg!("config-language-twice", lang = l))
                        .at(at_key("languages"), text),
                );
            } else if l != raw.default_language {
                languages.push(l);
            }
        }
        if !raw.languages.contains(&raw.default_language) {
            errors.push(
                Diagnostic::error(
                    name,
                    msg!(
                        "config-default-language-not-listed",
                        lang = raw.default_language
                    ),
                )
                .at(at_key("languages"), text)
                .help(msg!(
                    "config-default-language-not-listed-help",
                    lang = raw.default_language
                )),
            );
        }
        if !raw.title.has(raw.default_language) {
            errors.push(
                Diagnostic::error(
                    name,
                    msg!("title-not-in-default-language", lang = raw.default_language),
                )
                .at(at_key("title"), text),
            );
        }
        for lang in raw.title.langs() {
            if !languages.contains(&lang) {
                errors.push(
                    Diagnostic::error(name, msg!("config-title-language-not-listed", lang = lang))
                        .at(at_key("title"), text),
                );
            }
        }
        for (lang, tag) in &raw.locales {
            if !languages.contains(lang) {
                errors.push(
                    Diagnostic::error(
                        name,
                        msg!("config-locale-language-not-listed", lang = *lang),
                    )
                    .at(at_key("locales"), text),
                );
            } else if !crate::locale::Locale::is_valid_tag(tag) {
                errors.push(
                    Diagnostic::error(name, msg!("config-bad-locale", tag = tag))
                        .at(at_key("locales"), text)
                        .help(msg!("config-bad-locale-help")),
                );
            }
        }
        let images = &raw.images;
        if !(1..=100).contains(&images.quality)
            || images.widths.is_empty()
            || images.widths.iter().any(|w| !(16..=8000).contains(w))
        {
            errors.push(
                Diagnostic::error(name, msg!("config-bad-images"))
                    .at(at_key("images"), text)
                    .help(msg!("config-bad-images-help")),
            );
        }
        let theme = raw.theme.unwrap_or_else(|| "bip".to_string());
        if crate::types::Slug::parse(&theme).is_none() {
            errors.push(
                Diagnostic::error(name, msg!("config-bad-theme", theme = &theme))
                    .at(at_key("theme"), text)
                    .help(msg!("config-bad-theme-help")),
            );
        }
        if let Some(a) = &raw.accessibility {
            errors.extend(crate::bip::check_accessibility(a, name, text));
        }
        if let Some(b) = &raw.bip {
            errors.extend(crate::bip::check_bip(b, root, &theme, name, text));
        }
        if let Some(url) = raw.repository.as_deref()
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            errors.push(
                Diagnostic::error(name, msg!("config-bad-repository", url = url))
                    .at(at_key("repository"), text)
                    .help(msg!("config-bad-repository-help")),
            );
        }
        match (parsed_base, errors.is_empty()) {
            (Some(base_url), true) => Ok(Config {
                title: raw.title,
                base_url,
                default_language: raw.default_language,
                languages,
                locales: raw.locales,
                theme,
                publisher: raw.publisher,
                editorial: raw.editorial,
                typography: raw.typography,
                markdown: raw.markdown,
                search: raw.search,
                images: raw.images,
                accessibility: raw.accessibility,
                bip: raw.bip,
                repository: raw.repository,
            }),
            _ => Err(errors),
        }
    }

    pub fn has_language(&self, lang: Lang) -> bool {
        self.languages.contains(&lang)
    }

    /// The site title in `lang` (falling back to the default language).
    pub fn title(&self, lang: Lang) -> &str {
        self.title
            .get(lang, self.default_language)
            .map_or("", |(t, _)| t.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_path() {
        let b = BaseUrl::parse("https://example.org/archiwum").unwrap();
        assert_eq!(b.origin, "https://example.org");
        assert_eq!(b.path, "/archiwum/");
        assert_eq!(
            b.absolute("aktualnosci/"),
            "https://example.org/archiwum/aktualnosci/"
        );
        assert!(BaseUrl::parse("example.org").is_none());
    }
}
