//! The bodies of the fuzz targets, shared with `tests/fuzz_regressions.rs` so that every
//! input a fuzzer ever found is replayed by `cargo test` through exactly the same code.

use kronika::content::project::Project;
use kronika::content::{front_matter, markdown};
use kronika::messages::Catalog;
use kronika::render::typography::Typography;
use kronika::types::{Lang, Slug};

/// A news item as an editor might write it — any bytes — through the front matter
/// parser, the Markdown renderer (with `@/` links) and the typography pass.
pub fn front_matter_markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(pl) = Lang::parse("pl") else {
        return;
    };
    let source = text.replace("\r\n", "\n");
    let catalog = Catalog::new(pl);
    let doc = match front_matter::parse(&source, "content/news/fuzz.pl.md") {
        Ok(doc) => doc,
        Err(e) => {
            let _ = e.render(&catalog);
            return;
        }
    };
    let src = markdown::Source {
        path: "content/news/fuzz.pl.md",
        file: &source,
        body_line: doc.body_line,
    };
    let resolve = |target: &str| -> Result<String, markdown::Unresolved> {
        if target.len().is_multiple_of(2) {
            Ok(format!("/archiwum/{target}"))
        } else {
            Err(markdown::Unresolved::Missing)
        }
    };
    let mut errors = Vec::new();
    let rendered = markdown::render(&doc.body, &src, &resolve, &mut errors);
    for e in &errors {
        let _ = e.render(&catalog);
    }
    let polish = Typography::from_rules(Some("„”"), "a i o u w z");
    let _ = polish.apply(&rendered.html);
}

/// A project card (`content/projects/<id>.yaml`) as any bytes: YAML into the typed card
/// (money, dates, translated values) and the explanation of every error.
pub fn project_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Some(id), Some(pl)) = (Slug::parse("fuzz"), Lang::parse("pl")) else {
        return;
    };
    match Project::parse(id, "content/projects/fuzz.yaml", text, pl) {
        Ok(p) => {
            let _ = p
                .data
                .funding
                .iter()
                .try_fold(rust_decimal::Decimal::ZERO, |sum, f| {
                    sum.checked_add(f.amount.0)
                });
        }
        Err(e) => {
            let _ = e.render(&Catalog::new(pl));
        }
    }
}
