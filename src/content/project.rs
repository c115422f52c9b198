//! A project's card (`content/projects/<id>.yaml`), typed: money as decimals with currency.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::types::{Amount, Currency, Date, Lang, Money, Slug, Translated};
use crate::yaml;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Option<Date>,
    pub end: Option<Date>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    pub total: Option<Money>,
    pub co_financing: Option<Money>,
}

/// One row of the funding breakdown: a source's share in one application period.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    pub period: Option<String>,
    pub source: String,
    pub amount: Amount,
    pub currency: Currency,
}

impl Funding {
    /// The row's amount with its currency.
    pub fn money(&self) -> Money {
        Money {
            amount: self.amount,
            currency: self.currency,
        }
    }
}

/// Indicator values reported on one date (`participants`, `employed`, …).
#[derive(Clone, Debug, Deserialize)]
pub struct Snapshot {
    pub date: Date,
    #[serde(flatten)]
    pub values: BTreeMap<String, u64>,
}

/// A project file as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    pub title: Translated<String>,
    pub full_title: Option<Translated<String>>,
    pub fund: Option<Translated<String>>,
    pub programme: Option<Translated<String>>,
    pub priority: Option<String>,
    pub measure: Option<String>,
    pub submeasure: Option<String>,
    pub implementer: Option<Translated<String>>,
    pub period: Option<Period>,
    pub budget: Option<Budget>,
    #[serde(default)]
    pub funding: Vec<Funding>,
    #[serde(default)]
    pub indicators: Vec<Snapshot>,
    /// The EU co-financing marking the card shows (docs/maintainer/content.md, "Projects").
    pub eu_marking: Option<crate::bip::EuMarking>,
}

/// A project of the site: its id (the file name) and its card.
#[derive(Clone, Debug)]
pub struct Project {
    pub id: Slug,
    pub source: String,
    pub data: ProjectFile,
    /// The card's indicator columns, in the order it shows them ([`super::order`]).
    pub indicator_columns: Vec<String>,
}

impl Project {
    /// Parses the text of project `id` (file `shown`), already BOM-stripped with `\n` line
    /// ends; its title must have text in `default_language`.
    pub fn parse(
        id: Slug,
        shown: &str,
        text: &str,
        default_language: Lang,
    ) -> Result<Project, Diagnostic> {
        if text.trim().is_empty() {
            return Err(
                Diagnostic::error(shown, msg!("project-empty")).help(msg!("project-empty-help"))
            );
        }
        let data: ProjectFile = yaml::parse(text, shown, text, 1)?;
        if !data.title.has(default_language) {
            return Err(Diagnostic::error(
                shown,
                msg!("title-not-in-default-language", lang = default_language),
            )
            .at(yaml::key_span(text, "title"), text)
            .help(msg!("project-title-help", lang = default_language)));
        }
        // A project's title is repeated on its items' pages and every project list, so it
        // is bounded like an item's (docs/maintainer/guarantees.md, "What a build guarantees").
        let longest = match &data.title {
            Translated::Same(t) => t.chars().count(),
            Translated::PerLang(map) => map.values().map(|t| t.chars().count()).max().unwrap_or(0),
        };
        if longest > super::MAX_TITLE_CHARS {
            let span = yaml::key_span(text, "title");
            return Err(Diagnostic::error(
                shown,
                msg!(
                    "title-too-long",
                    length = longest,
                    max = super::MAX_TITLE_CHARS
                ),
            )
            .at(span, text)
            .help(msg!("title-too-long-help")));
        }
        Ok(Project {
            id,
            source: shown.to_string(),
            indicator_columns: super::order::indicator_columns(&data.indicators),
            data,
        })
    }
}

/// Funding sources kronika knows (their names are translated by `funding-source-*` messages).
pub const FUNDING_SOURCES: [&str; 5] = ["eu", "state_budget", "own", "local_budget", "other"];

/// Indicators kronika knows (translated by `indicator-*` messages), in the order a
/// project card shows them: from who joined to what it achieved. Others follow, A–Z.
pub const INDICATORS: [&str; 4] = ["participants", "completed", "employed", "independent"];
