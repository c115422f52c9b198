//! Fuzz target: sequences of builds (some killed during the move) and files put into the
//! output by hand. No foreign file may be lost; every finished build leaves exactly its
//! files. See `targets.rs`.
#![no_main]

#[path = "targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::output_move(data));
