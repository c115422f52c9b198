//! A project card (`content/projects/<id>.yaml`) as any bytes: YAML parsing into the typed
//! card (money, dates, translated values) and the explanation of every error. It must
//! never panic or hang, and serde-saphyr's budget must keep memory bounded.
#![no_main]

use kronika::content::project::Project;
use kronika::types::{Lang, Slug};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Some(id), Some(pl)) = (Slug::parse("fuzz"), Lang::parse("pl")) else {
        return;
    };
    let catalog = kronika::messages::Catalog::new(pl);
    match Project::parse(id, "content/projects/fuzz.yaml", text, pl) {
        Ok(p) => {
            let _ = p
                .data
                .funding
                .iter()
                .try_fold(rust_decimal::Decimal::ZERO, |sum, f| sum.checked_add(f.amount.0));
        }
        Err(e) => {
            let _ = e.render(&catalog);
        }
    }
});
