//! Phase timings of a build for kronika's developers: with `KRONIKA_TIMINGS=1` in the
//! environment, each phase's duration is written to stderr (`timing: discover 12.3 ms`),
//! the way the serve benchmark (`bench/serve_edits.py --verbose`) shows where a rebuild's
//! time goes. A trace for developers, like a log line, not one of kronika's messages.

use std::sync::OnceLock;
use std::time::Instant;

/// Whether timings were asked for.
fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("KRONIKA_TIMINGS").is_some_and(|v| v == "1"))
}

/// A stopwatch of consecutive phases.
pub(crate) struct Phases(Instant);

impl Phases {
    pub(crate) fn start() -> Phases {
        Phases(Instant::now())
    }

    /// Ends phase `name` and starts the next.
    pub(crate) fn lap(&mut self, name: &str) {
        if on() {
            let ms = self.0.elapsed().as_secs_f64() * 1000.0;
            eprintln!("timing: {name} {ms:.1} ms");
        }
        self.0 = Instant::now();
    }
}
