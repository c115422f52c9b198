//! The hot spots of a build, timed alone to catch regressions (docs/dev/benchmarks.md):
//! one page of the demo site rendered, the typography pass over a long Polish page, and
//! Markdown with `@/` links. No benchmark framework: `std::time::Instant` over many
//! iterations, the median of several samples printed. `cargo bench --bench hot`.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use kronika::config::Config;
use kronika::content::markdown::{self, Source, Unresolved};
use kronika::content::{LoadOptions, model::Site};
use kronika::i18n::I18n;
use kronika::render::plan::{Kind, Plan};
use kronika::render::typography::Typography;
use kronika::render::{PageKind, Prepared, Renderer};
use kronika::types::{Date, Lang};
use kronika::urls::LinkStyle;

/// Samples per benchmark; the median is printed.
const SAMPLES: usize = 15;
/// Roughly how long one sample runs: 15 samples × 3 benchmarks stay within seconds.
const SAMPLE_TIME: Duration = Duration::from_millis(100);

/// Times `f`: enough iterations for a sample of about [`SAMPLE_TIME`], [`SAMPLES`] times;
/// prints the median and the fastest sample's time per iteration.
fn bench<T>(name: &str, mut f: impl FnMut() -> T) {
    // Warm-up, and how many iterations fill a sample.
    let start = Instant::now();
    let mut warm = 0u32;
    while start.elapsed() < SAMPLE_TIME || warm < 3 {
        black_box(f());
        warm += 1;
    }
    let per_sample = warm.max(1);
    let mut times: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_sample {
                black_box(f());
            }
            start.elapsed() / per_sample
        })
        .collect();
    times.sort();
    println!(
        "{name:<45} median {:>10.1} µs   fastest {:>10.1} µs   ({SAMPLES} samples × {per_sample})",
        times[SAMPLES / 2].as_secs_f64() * 1e6,
        times[0].as_secs_f64() * 1e6,
    );
}

/// The demo site of the repository, loaded as `kronika build` loads it.
fn demo_site(root: &Path) -> Site {
    let config = Config::load(root, None).expect("the demo site's site.yaml loads");
    let i18n = I18n::load(root, &config).expect("the demo site's UI strings load");
    let options = LoadOptions {
        drafts: false,
        today: Date::today(),
    };
    let mut diags = Vec::new();
    kronika::content::load(root, config, i18n, &options, &mut diags)
        .unwrap_or_else(|| panic!("the demo site loads: {diags:?}"))
}

/// A long Polish page, as the typography pass sees it: paragraphs with one-letter words
/// and straight quotes, links, emphasis and code it must leave alone (about 200 kB).
fn long_polish_page() -> String {
    let mut html = String::from(
        "<!doctype html><html lang=\"pl\"><head><title>Sprawozdanie</title></head><body><main>",
    );
    for n in 0..400 {
        html.push_str(&format!(
            "<h2 id=\"s{n}\">Część {n}: \"Pora na aktywność\" w Krakowie</h2>\
             <p>Ośrodek w Krakowie i w Wieliczce prowadzi z partnerami projekt \
             <a href=\"/projekty/pora-na-aktywnosc/?a=\"b\"\">\"Pora na aktywność\"</a>, \
             a uczestnicy o godz. 10:00 spotykają się w klubie &amp; świetlicy. \
             Zgłoszenia: ul. Józefińska 14, 30-529 Kraków, tel. 12 616 54 00; \
             <em>w razie pytań</em> u koordynatorki, <code>\"a w z\"</code> bez zmian.</p>\
             <ul><li>o 9:00 i o 12:00</li><li>z wyjątkiem świąt</li></ul>"
        ));
    }
    html.push_str("</main></body></html>");
    html
}

/// A long news item's Markdown with `@/` links to items and projects (about 60 kB).
fn markdown_with_links() -> String {
    let mut body = String::new();
    for n in 0..200 {
        body.push_str(&format!(
            "## Część {n}\n\nOśrodek pokazał [efekty projektu](@/projects/pora-na-aktywnosc.yaml) \
             i [sprawozdanie z konwencji](@/news/2011-10-17-konwencja.pl.md#program), \
             a **uczestnicy** opisali *zajęcia* w [klubie](https://example.org/klub/{n}).\n\n\
             - [Karta projektu PROGRESS](@/projects/progress.yaml)\n\
             - [Strona o serwisie](@/pages/o-serwisie.pl.md)\n\n\
             | Wskaźnik | Wartość |\n|---|---:|\n| uczestnicy | {n} |\n\n"
        ));
    }
    body
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = Arc::new(demo_site(root));
    let plan = Plan::new(&site);
    let links = LinkStyle {
        base: site.config.base_url.clone(),
        offline: false,
    };
    let prepared = Prepared::new(root, &site, &links).expect("the demo templates build");
    let renderer = Renderer::new(&site, &plan, &prepared, &links);
    let polish = Lang::parse("pl").expect("pl is a language code");
    let item = plan
        .outputs
        .iter()
        .find(|o| {
            matches!(&o.kind, Kind::Page(p) if p.lang == Some(polish)
                && matches!(p.kind, PageKind::Item(_)))
        })
        .expect("the demo site has a Polish news item");
    println!("kronika hot spots (median of {SAMPLES} samples, time per iteration)");
    println!("the page rendered: {}", item.file);
    bench("render one page of the demo site", || {
        renderer.render(item).expect("the page renders")
    });

    let typography = Typography::new(&site.i18n, polish, site.config.typography);
    let page = long_polish_page();
    let applied = typography.apply(&page);
    assert!(
        applied.contains("w\u{a0}Krakowie") && applied.contains('„'),
        "the demo site's Polish typography is on"
    );
    bench(
        &format!("typography, Polish page of {} kB", page.len() / 1000),
        || typography.apply(&page),
    );

    let body = markdown_with_links();
    let file = format!("---\ntitle: Bench\n---\n{body}");
    let source = Source {
        path: "content/news/bench.pl.md",
        file: &file,
        body_line: 4,
    };
    let resolve = |target: &str| -> Result<String, Unresolved> {
        let slug = target.rsplit('/').next().unwrap_or(target);
        Ok(format!(
            "aktualnosci/{}/",
            slug.split('.').next().unwrap_or(slug)
        ))
    };
    bench(
        &format!("Markdown with @/ links, {} kB", body.len() / 1000),
        || {
            let mut errors = Vec::new();
            let rendered = markdown::render(&body, &source, &resolve, &mut errors);
            assert!(
                errors.is_empty(),
                "the bench's Markdown is valid: {errors:?}"
            );
            rendered
        },
    );
}
