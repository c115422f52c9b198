//! The bodies of the fuzz targets, shared with `tests/fuzz_regressions.rs` so that every
//! input a fuzzer ever found is replayed by `cargo test` through exactly the same code.

use kronika::config::BaseUrl;
use kronika::content::project::Project;
use kronika::content::{front_matter, markdown};
use kronika::messages::Catalog;
use kronika::render::typography::Typography;
use kronika::types::{Lang, Slug};
use kronika::urls::LinkStyle;

/// A news item as an editor might write it — any bytes — through the front matter
/// parser, the Markdown renderer (with `@/` links, written online and offline) and the
/// typography pass.
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
            Ok(format!("archiwum/{target}"))
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
    let Some(base) = BaseUrl::parse("https://example.org/bip/") else {
        return;
    };
    for offline in [false, true] {
        let style = LinkStyle {
            base: base.clone(),
            offline,
        };
        let _ = polish.apply(&rendered.body.html(&style, "aktualnosci/fuzz/"));
    }
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

/// Builds moved into one output folder, as any bytes describe them: each four bytes are a
/// build (a set of generated files, their contents, and maybe a kill after some steps of
/// the move) or a file put into the output by hand. Whatever the sequence, no file put
/// there by hand is ever lost or changed, and every build that finishes leaves exactly its
/// own files beside them (docs/maintainer/guarantees.md, "What a build guarantees").
pub fn output_move(data: &[u8]) {
    use kronika::output;
    use std::collections::BTreeMap;
    use std::fs;

    /// Paths chosen so that files and folders collide: `a` is a file in one build and the
    /// folder of `a/index.html` in another.
    const PATHS: [&str; 10] = [
        "index.html",
        "a",
        "a/index.html",
        "a/b",
        "a/b/index.html",
        "c.css",
        "d",
        "d/e",
        "d/e/f.html",
        "CNAME",
    ];
    let scratch = Scratch::new();
    let out = scratch.0.join("public");
    let mut foreign: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let intact = |foreign: &BTreeMap<String, Vec<u8>>| {
        for (path, bytes) in foreign {
            assert_eq!(
                fs::read(out.join(path)).ok().as_ref(),
                Some(bytes),
                "{path} lost"
            );
        }
    };
    for (n, op) in data.chunks(4).take(24).enumerate() {
        let byte = |i: usize| op.get(i).copied().unwrap_or(0);
        if byte(0) % 4 == 3 {
            // A file put there by hand, where nothing stands yet.
            let path = PATHS[byte(1) as usize % PATHS.len()];
            let target = out.join(path);
            let free = fs::symlink_metadata(&target).is_err()
                && target
                    .parent()
                    .is_some_and(|p| fs::create_dir_all(p).is_ok());
            if free {
                let bytes = format!("by hand {n}").into_bytes();
                fs::write(&target, &bytes).unwrap();
                foreign.insert(path.to_string(), bytes);
            }
            continue;
        }
        // A build: the paths of its bit mask, minus any that is a folder of another (the
        // plan refuses those before the output is looked at).
        let mask = u16::from_le_bytes([byte(1), byte(2)]);
        let chosen: Vec<&str> = (0..PATHS.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| PATHS[i])
            .collect();
        let files: Vec<(&str, String)> = chosen
            .iter()
            .filter(|p| !chosen.iter().any(|q| q.starts_with(&format!("{p}/"))))
            .map(|p| (*p, format!("{p} v{}", byte(0) % 2)))
            .collect();
        let steps = if byte(0) % 4 == 2 {
            byte(3) as usize % 16
        } else {
            usize::MAX
        };
        let Ok(resolved) = output::check_output(&scratch.0, &out) else {
            intact(&foreign); // a folder of foreign files only, not adopted: refused
            continue;
        };
        let staging = output::prepare(&resolved).unwrap();
        if !staging.collisions(files.iter().map(|(p, _)| *p)).is_empty() {
            output::discard(staging);
            intact(&foreign);
            continue;
        }
        for (path, text) in &files {
            staging.write(path, text.as_bytes()).unwrap();
        }
        let finished = output::commit_interrupted(staging, steps)
            .unwrap()
            .is_some();
        intact(&foreign);
        if finished {
            let mut want: BTreeMap<String, Vec<u8>> = files
                .iter()
                .map(|(p, t)| (p.to_string(), t.clone().into_bytes()))
                .collect();
            want.extend(foreign.clone());
            assert_eq!(files_under(&out), want, "after build {n}");
        }
    }
}

/// Every file under `dir` but kronika's marker, with its bytes.
fn files_under(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel != kronika::output::MARKER {
                    out.insert(rel, std::fs::read(&path).unwrap_or_default());
                }
            }
        }
    }
    out
}

/// A fresh folder under the system's temporary folder, removed afterwards.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new() -> Scratch {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("kronika-fuzz-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
