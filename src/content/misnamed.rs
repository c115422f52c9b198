//! Translations filed under a slightly wrong name (`…-siecii.en.md` for `…-sieci.pl.md`):
//! said as such, with the nearest original, instead of the keys they would have inherited
//! (docs/maintainer/content.md, "File names and translations").

use std::collections::BTreeMap;

use super::Parsed;
use super::model::Kind;
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::types::Lang;

/// The names of the default-language originals, by kind.
pub(super) struct Originals(BTreeMap<Kind, Vec<(String, String)>>);

impl Originals {
    /// The originals among `groups` (versions grouped by kind and name): each name with
    /// the original's path as shown in messages.
    pub(super) fn new(groups: &BTreeMap<(Kind, String), Vec<Parsed>>, default: Lang) -> Originals {
        let mut by_kind: BTreeMap<Kind, Vec<(String, String)>> = BTreeMap::new();
        for ((kind, name), versions) in groups {
            if let Some(o) = versions.iter().find(|p| p.file.lang == default) {
                by_kind
                    .entry(*kind)
                    .or_default()
                    .push((name.clone(), o.file.shown.clone()));
            }
        }
        Originals(by_kind)
    }

    /// The error for `p`, a version without an original, when it cannot stand alone (it
    /// lacks the title or the date it would inherit) and an original of a near name exists:
    /// the likely cause is a typo in the file name, not the missing keys.
    pub(super) fn misnamed(&self, p: &Parsed, default: Lang) -> Option<Diagnostic> {
        if p.file.lang == default {
            return None;
        }
        let front = &p.doc.front;
        let stands_alone = front.title.as_ref().is_some_and(|t| !t.trim().is_empty())
            && (p.file.kind == Kind::Page || front.date.is_some());
        if stands_alone {
            return None;
        }
        let originals = self.0.get(&p.file.kind)?;
        let names: Vec<String> = originals.iter().map(|(n, _)| n.clone()).collect();
        let nearest = crate::yaml::nearest(&p.file.name, &names)?;
        let shown = &originals.iter().find(|(n, _)| n == nearest)?.1;
        let expected = p.file.version_in(default);
        Some(
            Diagnostic::error(
                &p.file.shown,
                msg!("translation-without-original", original = expected),
            )
            .at(Span::new(1, 1, 3), &p.text)
            .help(msg!(
                "translation-nearest-original",
                nearest = shown.as_str()
            )),
        )
    }
}
