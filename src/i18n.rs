//! UI strings: one Fluent bundle per language, built-in messages overridden key by key by the site's.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diagnostics::{Diagnostic, Span};
use crate::embedded;
use crate::types::Lang;

/// Language used for messages a language's own files lack (and for URL segments).
const FALLBACK: &str = "en";

/// All UI strings of the site, per language; cheap to share between render threads.
pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    fallback: Option<Lang>,
}

impl I18n {
    /// Loads the built-in `.ftl` files of every language, then the site's `i18n/<lang>/*.ftl`
    /// on top of them (a site message replaces the built-in one with the same id).
    pub fn load(root: &Path, languages: &[Lang]) -> Result<I18n, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut bundles = HashMap::new();
        let fallback = Lang::parse(FALLBACK);
        let mut wanted: Vec<Lang> = languages.to_vec();
        wanted.extend(fallback.filter(|f| !languages.contains(f)));
        for lang in wanted {
            let langid: LanguageIdentifier = lang
                .as_str()
                .parse()
                .unwrap_or_else(|_| LanguageIdentifier::default());
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Bidi isolation marks (U+2068/U+2069) must never reach the HTML.
            bundle.set_use_isolating(false);
            let mut sources: BTreeMap<String, String> = BTreeMap::new();
            for (name, text) in embedded::i18n_files(lang) {
                sources.insert(format!("(built-in) i18n/{lang}/{name}"), text.to_string());
            }
            let mut site_sources = BTreeMap::new();
            let dir = root.join("i18n").join(lang.as_str());
            if let Ok(read) = std::fs::read_dir(&dir) {
                for entry in read.flatten() {
                    let p = entry.path();
                    if p.extension().is_some_and(|e| e == "ftl") {
                        let shown = crate::diagnostics::display_path(root, &p);
                        match std::fs::read_to_string(&p) {
                            Ok(t) => {
                                site_sources.insert(shown, t);
                            }
                            Err(e) => errors.push(Diagnostic::error(
                                shown,
                                format!("cannot read the file: {e}"),
                            )),
                        }
                    }
                }
            }
            for (shown, text) in sources.into_iter().chain(site_sources) {
                let text = text
                    .strip_prefix('\u{feff}')
                    .unwrap_or(&text)
                    .replace("\r\n", "\n");
                let resource = match FluentResource::try_new(text.clone()) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        for e in errs {
                            let span =
                                Span::from_offset(&text, e.pos.start, e.pos.end - e.pos.start, 1);
                            errors.push(
                                Diagnostic::error(&shown, format!("Fluent syntax error: {}", e.kind))
                                    .at(span, &text)
                                    .help("see https://projectfluent.org/fluent/guide/ for the message syntax"),
                            );
                        }
                        r
                    }
                };
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(lang, bundle);
        }
        if errors.is_empty() {
            Ok(I18n { bundles, fallback })
        } else {
            Err(errors)
        }
    }

    /// Whether `lang` itself (not the fallback) has message `id`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles.get(&lang).is_some_and(|b| b.has_message(id))
    }

    /// Whether `id` exists in `lang` or in the fallback language.
    pub fn exists(&self, lang: Lang, id: &str) -> bool {
        self.has(lang, id) || self.fallback.is_some_and(|f| self.has(f, id))
    }

    /// Formats message `id` in `lang`, falling back to English, then to the id itself
    /// (a visible id is easier to spot and fix than an empty string).
    pub fn get(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        let order = [Some(lang), self.fallback];
        for bundle in order.iter().flatten().filter_map(|l| self.bundles.get(l)) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errs = Vec::new();
                return bundle.format_pattern(pattern, args, &mut errs).into_owned();
            }
        }
        id.to_string()
    }

    /// A message with one numeric argument `count`, selecting the CLDR plural form.
    pub fn count(&self, lang: Lang, id: &str, count: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.get(lang, id, Some(&args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_plurals_come_from_cldr_rules() {
        let pl = Lang::parse("pl").unwrap();
        let i18n = I18n::load(Path::new("/nonexistent"), &[pl]).unwrap();
        assert_eq!(i18n.count(pl, "news-count", 1), "1 wiadomość");
        assert_eq!(i18n.count(pl, "news-count", 2), "2 wiadomości");
        assert_eq!(i18n.count(pl, "news-count", 5), "5 wiadomości");
        assert!(!i18n.get(pl, "news", None).contains('\u{2068}'));
    }
}
