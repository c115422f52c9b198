//! Fuzz target: any bytes as a news item (front matter, Markdown, typography). It must never
//! panic or hang; bad input must come back as diagnostics. See `targets.rs`.
#![no_main]

#[path = "targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::front_matter_markdown(data));
