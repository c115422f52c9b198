//! Fuzz target: any bytes as a project card (YAML, money, dates). It must never panic or
//! hang, and serde-saphyr's limits must keep memory bounded. See `targets.rs`.
#![no_main]

#[path = "targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::project_yaml(data));
