//! Tera setup: the built-in templates, the site's overrides, and kronika's filters and functions.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Deserialize;
use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Span, display_path};
use crate::embedded;
use crate::i18n::DateStyle;
use crate::msg;
use crate::types::{Amount, Currency, Date, Lang, Money};
use crate::urls::LinkStyle;

/// Compiles the templates once for the whole build. The functions and filters hold the
/// site's UI strings, not the site, so `serve` may keep them while it patches entries.
pub fn build(root: &Path, site: &Site, links: &LinkStyle) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    // Tera 2 checks calls when templates are added, so kronika's functions come first.
    register(&mut tera, site, links);
    let mut sources: Vec<(String, String)> = embedded::templates()
        .into_iter()
        .map(|(n, t)| (n, t.to_string()))
        .collect();
    let mut errors = Vec::new();
    let mut site_templates: Vec<String> = Vec::new();
    let dir = root
        .join("themes")
        .join(&site.config.theme)
        .join("templates");
    for entry in walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file() && !entry.path_is_symlink() {
            continue;
        }
        let name = display_path(&dir, entry.path());
        let shown = display_path(root, entry.path());
        match crate::source::read_site_text(
            root,
            entry.path(),
            &shown,
            crate::source::Role::Template,
        ) {
            Ok(text) => {
                sources.retain(|(n, _)| *n != name);
                site_templates.push(name.clone());
                sources.push((name, text));
            }
            Err(d) => errors.push(d),
        }
    }
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        errors.push(template_error(
            &e,
            &site.config.theme,
            &site_templates,
            &sources,
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(tera)
}

/// A template that does not compile, located in its file when Tera says where (a syntax
/// error), else named by the templates folder with Tera's whole account as help.
fn template_error(
    e: &tera::Error,
    theme: &str,
    site_templates: &[String],
    sources: &[(String, String)],
) -> Diagnostic {
    let folder = format!("themes/{theme}/templates");
    let tera::ErrorKind::SyntaxError(report) = e.kind() else {
        return Diagnostic::error(folder, msg!("template-invalid"))
            .help(msg!("template-detail-help", detail = e.to_string()));
    };
    let name = report.filename();
    let path = if site_templates.iter().any(|n| n == name) {
        format!("{folder}/{name}")
    } else {
        format!("(built-in) {folder}/{name}")
    };
    let span = report.span();
    let len = if span.end_line == span.start_line {
        span.end_col.saturating_sub(span.start_col).max(1)
    } else {
        1
    };
    let text = sources
        .iter()
        .find(|(n, _)| n == name)
        .map_or("", |(_, t)| t.as_str());
    Diagnostic::error(path, msg!("template-syntax", detail = report.message()))
        .at(Span::new(span.start_line, span.start_col + 1, len), text)
        .help(msg!("template-syntax-help"))
}

/// The language a filter or function writes in: its `lang` argument, or the page's. Read
/// without copying the code, as every `t`, `date` and `num` of every page does.
fn lang_of(kwargs: &Kwargs, state: &State, default: Lang) -> TeraResult<Lang> {
    let lang = match kwargs.get::<Cow<str>>("lang")? {
        Some(l) => Lang::parse(&l),
        None => state.get::<Value>("lang")?.and_then(|v| match v.as_str() {
            Some(code) => Lang::parse(code),
            None => Lang::parse(&v.to_string()),
        }),
    };
    Ok(lang.unwrap_or(default))
}

fn register(tera: &mut Tera, site: &Site, links: &LinkStyle) {
    let default = site.config.default_language;
    // `url(path=…)`: a link from the page being rendered to a site path.
    let style = links.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            // Read without copying: every link of every page asks (docs/dev/performance.md).
            let to: Cow<str> = kwargs.must_get("path")?;
            let from = state.get::<Value>("current_path")?;
            let from = from.as_ref().and_then(Value::as_str).unwrap_or_default();
            Ok(style.link(from, &to))
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
    let s = Arc::clone(&site.i18n);
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let key: Cow<str> = kwargs.must_get("key")?;
            let key = key.as_ref();
            let lang = lang_of(&kwargs, state, default)?;
            let key_only = kwargs
                .iter()
                .all(|(k, _)| matches!(k.as_str(), Some("key" | "lang")));
            if key_only {
                return Ok(s.plain(lang, key));
            }
            if !s.exists(lang, key)
                && let Some(default) = kwargs.get::<String>("default")?
            {
                return Ok(default);
            }
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
            Ok(s.get(lang, key, Some(&args)))
        },
    );
    // `{{ date | date }}`: a date in the page language; `style` is `long` (default,
    // `15 lutego 2012 r.`), `month` (`luty 2012`) or `iso` (`2012-02-15`). The value is a
    // `Date` as the context serializes it (docs/maintainer/themes.md "Template variables"), read back by
    // its own `Deserialize`: one form, defined in `types.rs`.
    let s = Arc::clone(&site.i18n);
    tera.register_filter(
        "date",
        move |v: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = lang_of(&kwargs, state, default)?;
            let style: String = kwargs.get("style")?.unwrap_or_else(|| "long".to_string());
            let style = DateStyle::parse(&style).ok_or_else(|| {
                tera::Error::message(format!(
                    "date: style `{style}` is not one of long, month, iso"
                ))
            })?;
            let date = Date::deserialize(v.clone()).map_err(|_| {
                tera::Error::message(format!("date: `{v}` is not a YYYY-MM-DD date"))
            })?;
            Ok(s.date(lang, date, style))
        },
    );
    // `{{ money | money }}`: an amount with its currency in the page language. The value
    // is a `Money` as the context serializes it, `{amount, currency}`, read back by the
    // `Deserialize` of its amount and currency.
    let s = Arc::clone(&site.i18n);
    tera.register_filter(
        "money",
        move |v: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = lang_of(&kwargs, state, default)?;
            let map = v
                .as_map()
                .ok_or_else(|| tera::Error::message("money expects {amount, currency}"))?;
            // Other keys of the map are the template's business, as they always were.
            #[derive(Deserialize)]
            struct Read {
                amount: Amount,
                currency: Currency,
            }
            let Read { amount, currency } = Read::deserialize(v.clone()).map_err(|_| {
                let get = |k: &'static str| map.get(&k.into()).map(Value::to_string);
                tera::Error::message(format!(
                    "money: `{}` `{}` is not an amount with an ISO 4217 currency",
                    get("amount").unwrap_or_default(),
                    get("currency").unwrap_or_default()
                ))
            })?;
            Ok(s.money(lang, &Money { amount, currency }))
        },
    );
    // `{{ rate | percent }}`: a percentage (a decimal such as `"90.4"`) in the page
    // language, placed by the `percent` message: `90,4 %` / `90.4%`.
    let s = Arc::clone(&site.i18n);
    tera.register_filter(
        "percent",
        move |n: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = lang_of(&kwargs, state, default)?;
            let text = n
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| n.to_string());
            let d = text
                .parse::<rust_decimal::Decimal>()
                .map_err(|_| tera::Error::message(format!("percent: `{text}` is not a number")))?;
            let mut args = FluentArgs::new();
            args.set(
                "value",
                FluentValue::from(s.locale(lang).numbers().decimal(&d)),
            );
            Ok(s.get(lang, "percent", Some(&args)))
        },
    );
    // `{{ n | num }}`: a number with the language's digit grouping and decimal separator.
    let s = Arc::clone(&site.i18n);
    tera.register_filter(
        "num",
        move |n: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let lang = lang_of(&kwargs, state, default)?;
            let locale = s.locale(lang).numbers();
            if let Some(i) = n.as_i64() {
                return Ok(locale.integer(i));
            }
            let text = n
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| n.to_string());
            match text.parse::<rust_decimal::Decimal>() {
                Ok(d) => Ok(locale.decimal(&d)),
                Err(_) => Err(tera::Error::message(format!(
                    "num: `{text}` is not a number"
                ))),
            }
        },
    );
}
