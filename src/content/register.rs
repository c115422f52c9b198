//! Each entry's change register: its file's git history (read once per build by
//! [`crate::history`]) after the front matter's `changes:`, which holds what happened before
//! the file was committed (docs/maintainer/content.md, "Change register").

use super::front_matter::span_of;
use super::resolve::Pending;
use crate::diagnostics::Diagnostic;
use crate::history::{Change, History};
use crate::msg;

/// The register of `p`: its `changes:` entries dated up to its first commit, oldest
/// first, then every commit that changed its file. An entry dated after the first commit
/// is git's to record: it is left out with a warning, so the register never says twice
/// (or differently) what the history says. `git` is `None` when the history is not used
/// (no repository, a shallow clone, git failed).
pub(super) fn register(
    p: &Pending,
    git: Option<&History>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Change> {
    let commits = git.map_or(&[][..], |h| h.of(p.entry.id.as_str()));
    let first_commit = commits.first().map(|c| c.date);
    let mut own: Vec<Change> = Vec::new();
    for c in p.doc.front.changes.iter().flatten() {
        let date = c.date.value;
        if let Some(first) = first_commit.filter(|first| date > *first) {
            diags.push(
                Diagnostic::warning(
                    p.entry.id.as_str(),
                    msg!("changes-after-git", date = date.iso(), first = first.iso()),
                )
                .at(span_of(&c.date, 10), &p.text)
                .help(msg!("changes-after-git-help")),
            );
            continue;
        }
        own.push(Change {
            date,
            by: c.by.as_str().into(),
            what: c.what.as_str().into(),
            commit: None,
        });
    }
    // Stable: entries of one day keep the order they are written in.
    own.sort_by_key(|c| c.date);
    own.extend(commits.iter().cloned());
    own
}

/// The warnings about the history as a whole, once per build: a shallow clone (whose
/// history is then not used at all: every file's register would start at the clone's
/// first commit, with that commit's message) and a `git log` that failed.
pub(super) fn usable<'h>(history: &'h History, diags: &mut Vec<Diagnostic>) -> Option<&'h History> {
    let repo = history.repo.as_ref()?;
    if repo.shallow {
        diags.push(
            Diagnostic::warning("content", msg!("history-shallow"))
                .help(msg!("history-shallow-help")),
        );
        return None;
    }
    if let Some(error) = &history.failed {
        diags.push(
            Diagnostic::warning("content", msg!("history-failed", error = error.as_str()))
                .help(msg!("history-failed-help")),
        );
        return None;
    }
    history.in_git().then_some(history)
}
