//! The `#fragment` of each `@/` link checked against the ids of its target page as
//! rendered, before anything is written (docs/maintainer/content.md, "Links to other content: `@/…`").
//!
//! The ids exist only once a page is rendered (headings, a project card's sections), so
//! the pages that links name are scanned as they are rendered, and the links judged once
//! all are. Only those pages are scanned: a site without such links pays nothing.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use crate::content::model::Site;
use crate::diagnostics::Diagnostic;
use crate::msg;

/// The ids of the pages that `@/` links with a fragment lead to, gathered while rendering.
pub struct Anchors {
    /// Site path of a target page → its ids, once rendered.
    found: Mutex<HashMap<String, HashSet<String>>>,
    wanted: HashSet<String>,
}

impl Anchors {
    /// The pages whose ids are needed: those the site's `@/` links with a fragment name.
    pub fn new(site: &Site) -> Anchors {
        let wanted = site
            .entries
            .values()
            .flat_map(|e| e.body.fragments())
            .map(|f| f.target.clone())
            .collect();
        Anchors {
            found: Mutex::new(HashMap::new()),
            wanted,
        }
    }

    /// Whether a link names the page at site path `path`: its ids are needed.
    pub fn wants(&self, path: &str) -> bool {
        self.wanted.contains(path)
    }

    /// Notes the ids of the page at site path `path`, rendered as `html`, if a link names it.
    pub fn page(&self, path: &str, html: &[u8]) {
        if !self.wanted.contains(path) {
            return;
        }
        let ids = ids(&String::from_utf8_lossy(html));
        if let Ok(mut found) = self.found.lock() {
            found.insert(path.to_string(), ids);
        }
    }

    /// The error of each link whose fragment names no id of its page, in the order of the
    /// entries and of the links in each, with the page's nearest id when one is close
    /// (`#wynik` → `did you mean `wyniki`?`).
    pub fn check(self, site: &Site) -> Vec<Diagnostic> {
        let found = self.found.into_inner().unwrap_or_default();
        site.entries
            .values()
            .flat_map(|e| e.body.fragments())
            .filter_map(|f| {
                // A page that was not rendered (its own error is reported) is not judged.
                let ids = found.get(&f.target).filter(|ids| !ids.contains(&f.id))?;
                let mut known: Vec<String> = ids.iter().cloned().collect();
                known.sort();
                Some(match crate::yaml::nearest(&f.id, &known) {
                    Some(id) => f
                        .error
                        .clone()
                        .label(msg!("did-you-mean-label", suggestion = id)),
                    None => f.error.clone(),
                })
            })
            .collect()
    }
}

/// The values of the `id` attributes of `html`, entity-decoded. kronika's templates, its
/// Markdown and its sanitiser write attributes in double quotes.
fn ids(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        let end = rest.find('"').unwrap_or(rest.len());
        ids.insert(html_escape::decode_html_entities(&rest[..end]).into_owned());
        rest = &rest[end..];
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::ids;

    #[test]
    fn ids_of_elements_only() {
        let found = ids(
            r#"<h2 id="program">P</h2><p data-id="x">a id=&quot;y&quot;</p><div class="a" id="k&amp;l">"#,
        );
        let mut found: Vec<_> = found.into_iter().collect();
        found.sort();
        assert_eq!(found, ["k&l", "program"]);
    }
}
