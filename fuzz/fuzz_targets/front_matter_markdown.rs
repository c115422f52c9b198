//! A news item as an editor might write it — any bytes — through the front matter
//! parser, the Markdown renderer (with `@/` links) and the typography pass. It must
//! never panic or hang; bad input must come back as diagnostics.
#![no_main]

use kronika::content::{front_matter, markdown};
use kronika::render::typography::Typography;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = text.replace("\r\n", "\n");
    let Ok(doc) = front_matter::parse(&source, "content/news/fuzz.pl.md") else {
        return;
    };
    let src = markdown::Source {
        path: "content/news/fuzz.pl.md",
        file: &source,
        body_line: doc.body_line,
    };
    let resolve = |target: &str| -> Result<String, markdown::Unresolved> {
        if target.len() % 2 == 0 {
            Ok(format!("/archiwum/{target}"))
        } else {
            Err(markdown::Unresolved::Missing)
        }
    };
    let mut errors = Vec::new();
    let rendered = markdown::render(&doc.body, &src, &resolve, &mut errors);
    let catalog = kronika::messages::Catalog::new(kronika::types::Lang::parse("pl").expect("pl"));
    for e in &errors {
        let _ = e.render(&catalog);
    }
    let polish = Typography::from_rules(Some("„”"), "a i o u w z");
    let _ = polish.apply(&rendered.html);
});
