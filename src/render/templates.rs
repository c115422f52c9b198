//! Tera setup: the built-in templates, the site's overrides, and kronika's filters and functions.

use std::path::Path;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, display_path};
use crate::embedded;
use crate::format;
use crate::types::Lang;
use crate::urls::LinkStyle;

/// Compiles the templates once for the whole build.
pub fn build(root: &Path, site: &Arc<Site>, links: &LinkStyle) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    // Tera 2 checks calls when templates are added, so kronika's functions come first.
    register(&mut tera, site, links);
    let mut sources: Vec<(String, String)> = embedded::templates()
        .into_iter()
        .map(|(n, t)| (n, t.to_string()))
        .collect();
    let mut errors = Vec::new();
    let dir = root
        .join("themes")
        .join(&site.config.theme)
        .join("templates");
    for entry in walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = display_path(&dir, entry.path());
        match std::fs::read_to_string(entry.path()) {
            Ok(text) => {
                sources.retain(|(n, _)| *n != name);
                sources.push((name, text));
            }
            Err(e) => errors.push(Diagnostic::error(
                display_path(root, entry.path()),
                format!("cannot read the template: {e}"),
            )),
        }
    }
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        errors.push(
            Diagnostic::error(
                format!("themes/{}/templates", site.config.theme),
                "a template has an error",
            )
            .help(e.to_string()),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(tera)
}

fn lang_of(kwargs: &Kwargs, state: &State, site: &Site) -> TeraResult<Lang> {
    let code: Option<String> = match kwargs.get::<String>("lang")? {
        Some(l) => Some(l),
        None => state.get::<String>("lang")?,
    };
    Ok(code
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(site.config.default_language))
}

fn register(tera: &mut Tera, site: &Arc<Site>, links: &LinkStyle) {
    // `url(path=…)`: a link from the page being rendered to a site path.
    let style = links.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let to: String = kwargs.must_get("path")?;
            let from: String = state.get("current_path")?.unwrap_or_default();
            Ok(style.link(&from, &to))
        },
    );
    // `abs_url(path=…)`: the absolute URL of a site path (feeds, canonical, hreflang).
    let style = links.clone();
    tera.register_function(
        "abs_url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let to: String = kwargs.must_get("path")?;
            Ok(style.absolute(&to))
        },
    );
    // `t(key=…, lang=…, any=args)`: a UI string from the Fluent files.
    let s = site.clone();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: String = kwargs.must_get("key")?;
            let lang = lang_of(&kwargs, state, &s)?;
            let mut args = FluentArgs::new();
            for (k, v) in kwargs.iter() {
                let name = k.to_string();
                if name == "key" || name == "lang" || name == "default" {
                    continue;
                }
                if let Some(n) = v.as_i64() {
                    args.set(name, FluentValue::from(n));
                } else if let Some(text) = v.as_str() {
                    args.set(name, FluentValue::from(text.to_string()));
                } else {
                    args.set(name, FluentValue::from(v.to_string()));
                }
            }
            Ok(s.i18n.get(lang, &key, Some(&args)))
        },
    );
    // `{{ iso_date | date }}`: a long date in the page language (`15 lutego 2012 r.`).
    let s = site.clone();
    tera.register_filter(
        "date",
        move |iso: String, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = lang_of(&kwargs, state, &s)?;
            let style: String = kwargs.get("style")?.unwrap_or_else(|| "long".to_string());
            Ok(format::date(&s.i18n, lang, &iso, &style))
        },
    );
    // `{{ money | money }}`: an amount with its currency in the page language.
    let s = site.clone();
    tera.register_filter(
        "money",
        move |v: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = lang_of(&kwargs, state, &s)?;
            let map = v
                .as_map()
                .ok_or_else(|| tera::Error::message("money expects {amount, currency}"))?;
            let get = |k: &'static str| {
                map.get(&k.into())
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            Ok(format::money(lang, &get("amount"), &get("currency")))
        },
    );
    // `{{ n | num }}`: a whole number with the language's digit grouping.
    tera.register_filter(
        "num",
        move |n: i64, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let _ = kwargs;
            let lang: Option<String> = state.get("lang")?;
            Ok(format::integer(lang.as_deref().and_then(Lang::parse), n))
        },
    );
}
