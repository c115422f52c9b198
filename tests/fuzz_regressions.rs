//! Replays every input kept under `tests/fuzz-regressions/<target>/` (pathological inputs
//! written by hand, and every crash or hang a fuzzer ever found) through the fuzz
//! targets' own code (`fuzz/fuzz_targets/targets.rs`): what once crashed or hung must
//! now come back as diagnostics, quickly.

#[path = "../fuzz/fuzz_targets/targets.rs"]
#[allow(dead_code)]
mod targets;

use std::time::{Duration, Instant};

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let started = Instant::now();
        run(&data);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
        n += 1;
    }
    n
}

#[test]
fn front_matter_and_markdown_regressions_replay_cleanly() {
    assert!(replay("front_matter_markdown", targets::front_matter_markdown) > 0);
}

#[test]
fn project_yaml_regressions_replay_cleanly() {
    assert!(replay("project_yaml", targets::project_yaml) > 0);
}

#[test]
fn output_move_regressions_replay_cleanly() {
    assert!(replay("output_move", targets::output_move) > 0);
}
