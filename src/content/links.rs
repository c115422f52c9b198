//! Where `@/` links may point: the table of link targets (published entries, projects, and
//! entries known but left out of the build), looked up by the path after `@/`.

use std::collections::HashMap;

use super::markdown::{Unpublished, Unresolved};
use super::resolve::Pending;
use crate::types::Slug;
use crate::urls::Urls;

/// What an `@/` link's path names.
enum LinkTarget {
    /// A published entry, by the site path of its page.
    Path(String),
    /// A project: its page is in the language of the page that links to it.
    Project(Slug),
    /// A draft or embargoed entry: known, but a link to it is an error.
    Excluded(Unpublished),
    /// An entry whose file has errors of its own, already reported.
    Broken,
}

/// Every `@/` link target of the site, by its path under `content/`.
pub struct Targets(HashMap<String, LinkTarget>);

impl Targets {
    /// The targets: entries `kept` in the build, entries `left_out` of it (drafts and
    /// embargoed items), and projects, also those whose file has errors of its own (a link
    /// to one is not another error).
    pub(super) fn new(
        kept: &[Pending],
        left_out: &[Pending],
        projects: impl Iterator<Item = Slug>,
        broken: Vec<String>,
    ) -> Targets {
        let mut targets: HashMap<String, LinkTarget> = HashMap::new();
        for key in broken {
            targets.insert(key, LinkTarget::Broken);
        }
        for p in left_out {
            if let Some(why) = p.excluded {
                targets.insert(p.key.clone(), LinkTarget::Excluded(why));
            }
        }
        for p in kept {
            targets.insert(p.key.clone(), LinkTarget::Path(p.entry.path.clone()));
        }
        for id in projects {
            targets.insert(
                format!("projects/{id}.yaml"),
                LinkTarget::Project(id.clone()),
            );
            targets.insert(format!("projects/{id}.yml"), LinkTarget::Project(id));
        }
        Targets(targets)
    }

    /// The site path that `key` (an `@/` link's path, without its fragment) leads to from a
    /// page whose language's URLs are `urls`, or why there is none. Content paths are
    /// compared in NFC, as discovery names them.
    pub fn resolve(&self, key: &str, urls: &Urls) -> Result<String, Unresolved> {
        let key = crate::source::nfc(key);
        match self.0.get(key.as_ref()).ok_or(Unresolved::Missing)? {
            LinkTarget::Path(path) => Ok(path.clone()),
            LinkTarget::Project(id) => Ok(urls.project(id)),
            LinkTarget::Excluded(why) => Err(Unresolved::NotPublished(*why)),
            LinkTarget::Broken => Err(Unresolved::TargetHasErrors),
        }
    }
}
