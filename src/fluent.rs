//! Fluent bundles as kronika uses them all, for the theme's UI strings (`i18n`) and for
//! kronika's own messages (`messages`) alike: no bidi isolation marks, and numbers
//! formatted by [`Numbers`] (`1 000` in Polish). A leaf: it knows no site and no message.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use crate::locale::{Grouping, Numbers};

/// A Fluent bundle as kronika uses them all: without bidi isolation marks (U+2068/U+2069
/// must never reach the HTML or a terminal), and with numbers formatted by [`Locale`].
pub fn new_bundle(langid: LanguageIdentifier, grouping: Grouping) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match grouping {
        Grouping::FromFourDigits => fluent_number_grouped,
        Grouping::Cldr => fluent_number_cldr,
    }));
    bundle
}

/// Message `id` formatted by the first of `bundles` that has it.
pub fn format_first<'b>(
    bundles: impl IntoIterator<Item = &'b FluentBundle<FluentResource>>,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    bundles.into_iter().find_map(|bundle| {
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    })
}

/// The number formatter of one Fluent bundle, built by Fluent's memoizer from the
/// bundle's locale.
struct FluentNumbers(Numbers);

impl Memoizable for FluentNumbers {
    type Args = Grouping;
    type Error = ();
    fn construct(lang: LanguageIdentifier, grouping: Grouping) -> Result<Self, ()> {
        Ok(FluentNumbers(Numbers::new(&lang.to_string(), grouping)))
    }
}

fn fluent_number<M: MemoizerKind>(v: &FluentValue, m: &M, grouping: Grouping) -> Option<String> {
    let FluentValue::Number(n) = v else {
        return None;
    };
    m.with_try_get_threadsafe::<FluentNumbers, _, _>(grouping, |f| f.0.float(n.value))
        .ok()
}

fn fluent_number_grouped<M: MemoizerKind>(v: &FluentValue, m: &M) -> Option<String> {
    fluent_number(v, m, Grouping::FromFourDigits)
}

fn fluent_number_cldr<M: MemoizerKind>(v: &FluentValue, m: &M) -> Option<String> {
    fluent_number(v, m, Grouping::Cldr)
}
