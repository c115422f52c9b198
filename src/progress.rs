//! How far a build has got, shared between the render threads and whoever shows it.
//!
//! The library only counts; the command line decides whether and how to draw it (on a
//! terminal, for builds longer than a second, never on CI).

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

use crate::messages::Message;
use crate::msg;

/// What the build is doing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stage {
    /// Reading and checking content.
    Loading,
    /// Rendering pages (see [`Progress::pages`]).
    Rendering,
    /// Moving the built site into the output folder.
    Writing,
}

/// Counters a build updates as it goes.
#[derive(Default, Debug)]
pub struct Progress {
    stage: AtomicU8,
    total: AtomicUsize,
    done: AtomicUsize,
    finished: AtomicBool,
}

impl Progress {
    pub(crate) fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    pub fn stage(&self) -> Stage {
        match self.stage.load(Ordering::Relaxed) {
            0 => Stage::Loading,
            1 => Stage::Rendering,
            _ => Stage::Writing,
        }
    }

    pub(crate) fn start_pages(&self, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.set_stage(Stage::Rendering);
    }

    pub(crate) fn page_done(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn finish(&self) {
        self.finished.store(true, Ordering::Release);
    }

    /// Pages rendered so far and pages planned (0 while content is still loading).
    pub fn pages(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// The progress line for where the build is now (`Rendering pages: 9857/20731`).
    pub fn message(&self) -> Message {
        match self.stage() {
            Stage::Loading => msg!("progress-loading"),
            Stage::Rendering => {
                let (done, total) = self.pages();
                msg!("progress-rendering", done = done, total = total)
            }
            Stage::Writing => msg!("progress-writing"),
        }
    }

    /// Whether the build has ended, successfully or not.
    pub fn is_finished(&self) -> bool {
        self.finished.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Catalog;
    use crate::types::Lang;

    #[test]
    fn progress_line_is_in_the_language_of_the_catalog() {
        let (pl, en) = (
            Catalog::new(Lang::parse("pl").unwrap()),
            Catalog::new(Lang::EN),
        );
        let p = Progress::default();
        assert_eq!(pl.render(&p.message()), "Wczytywanie treści…");
        p.start_pages(20731);
        p.page_done();
        assert_eq!(pl.render(&p.message()), "Generowanie stron: 1/20\u{a0}731");
        assert_eq!(en.render(&p.message()), "Rendering pages: 1/20,731");
        p.set_stage(Stage::Writing);
        assert_eq!(pl.render(&p.message()), "Zapisywanie folderu wynikowego…");
    }
}
