//! Diagnostics stay bounded, cost linear time, and never carry control characters or CI commands.

use std::time::{Duration, Instant};

use crate::common::{Run, Site};

const ITEM: &str = "content/news/2013-05-01-tylko-po-polsku.pl.md";

/// The fixture's Polish-only item with `body`, whose first line is line 6 of the file.
fn item(body: &str) -> String {
    format!("---\ntitle: \"Tylko po polsku\"\ndate: 2013-05-01\n---\n\n{body}")
}

fn site_with(body: &str) -> Site {
    let site = Site::fixture("basic");
    site.write(ITEM, &item(body));
    site
}

/// Every line kronika prints starts with kronika's own text: a diagnostic's head (the
/// path it names, or `error:`), the `|` gutter, an `= help:` or `= note:` line, or the
/// summary — never with text of the input, which a terminal or a CI runner would obey.
/// No control character but the line break reaches the output.
fn assert_lines_are_kronikas(run: &Run, paths: &[&str]) {
    for (stream, text) in [("stderr", &run.stderr), ("stdout", &run.stdout)] {
        for c in text.chars() {
            assert!(
                c == '\n' || !c.is_control(),
                "{stream} carries {c:?}:\n{text}"
            );
        }
        for line in text.lines() {
            let gutter = line
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(' ')
                .starts_with('|');
            let ours = line.is_empty()
                || gutter
                || line.starts_with("  = help: ")
                || line.starts_with("  = note: ")
                || line.starts_with("error: ")
                || line.starts_with("Built ")
                || line.starts_with("Zbudowano ")
                || paths.iter().any(|p| line.starts_with(p))
                || line.split_once(' ').is_some_and(|(n, rest)| {
                    n.chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '\u{a0}')
                        && ["error", "błęd", "błąd"]
                            .iter()
                            .any(|w| rest.starts_with(w))
                });
            assert!(
                ours,
                "{stream} has a line not started by kronika: {line:?}\n{text}"
            );
        }
    }
}

#[test]
fn escape_sequences_in_a_quoted_line_are_shown_not_sent() {
    let site = site_with("Tekst \x1b[2K\x1b]52;c;cHduZWQ=\x07 <script>x()</script> koniec.\n");
    let run = site.build(&[]);
    run.assert_ok();
    assert_lines_are_kronikas(&run, &[ITEM]);
    // The escapes are visible, and the caret still points at `<script>`.
    let quoted = "Tekst \\u{1b}[2K\\u{1b}]52;c;cHduZWQ=\\u{7} <script>x()</script> koniec.";
    let caret = " ".repeat(quoted.find('<').unwrap());
    run.expect_stderr(&format!(
        "{ITEM}:6:28: warning: removed `<script>` and everything in it from raw HTML\n  |\n\
         6 | {quoted}\n  | {caret}^^^^^^^^\n"
    ));
}

#[test]
fn a_key_with_a_line_break_cannot_start_a_ci_command() {
    for (locale, summary) in [("C", "1 error"), ("pl_PL.UTF-8", "1 błąd")] {
        let site = Site::fixture("basic");
        site.write(
            ITEM,
            "---\ntitle: \"T\"\ndate: 2013-05-01\n\"a\\n::error file=x::pwned\\n::stop-commands::t\\e[2K\": 1\n---\n\nTekst.\n",
        );
        let run = site.build_in_locale(&[("LANG", locale)], &[]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        run.expect_stderr(summary);
        run.expect_stderr("a\\n::error file=x::pwned\\n::stop-commands::t\\u{1b}[2K");
        assert_lines_are_kronikas(&run, &[ITEM]);
    }
}

#[test]
fn a_value_with_a_line_break_is_shown_escaped() {
    let site = Site::fixture("basic");
    site.write(
        ITEM,
        "---\ntitle: \"T\"\ndate: \"2013\\n::error file=x::pwned\"\n---\n\nTekst.\n",
    );
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.expect_stderr("error: `2013\\n::error file=x::pwned` is not a date");
    assert_lines_are_kronikas(&run, &[ITEM]);
}

#[test]
fn a_key_with_escapes_in_site_yaml_is_shown_escaped() {
    let site = Site::fixture("basic");
    site.append("site.yaml", "\"x\\e]52;c;cHduZWQ=\\a\\r::error::y\": 1\n");
    let run = site.build(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.expect_stderr("x\\u{1b}]52;c;cHduZWQ=\\u{7}\\r::error::y");
    assert_lines_are_kronikas(&run, &["site.yaml"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_with_a_line_break_and_an_escape_is_shown_escaped() {
    let site = Site::fixture("basic");
    let name = "content/x\n::error file=a::pwned\x1b[2K.txt";
    site.write(name, "x");
    for locale in ["C", "pl_PL.UTF-8"] {
        let run = site.build_in_locale(&[("LANG", locale)], &[]);
        run.assert_ok();
        run.expect_stderr("content/x\\n::error file=a::pwned\\u{1b}[2K.txt: warning:");
        assert_lines_are_kronikas(&run, &["content/x\\n"]);
    }
}

/// A body of `n` links to `file:` addresses on one line: each is removed.
fn file_links(n: usize) -> String {
    let mut body: String = (0..n)
        .map(|i| format!("<a href=\"file:///C:/x{i}\">x</a>"))
        .collect();
    body.push('\n');
    body
}

#[test]
fn thousands_of_removals_of_one_kind_are_one_warning_with_a_count() {
    let site = site_with(&file_links(3000));
    let run = site.build(&[]);
    run.assert_ok();
    assert_eq!(run.stderr.matches("warning:").count(), 1, "{}", run.stderr);
    run.expect_stderr(&format!(
        "{ITEM}:6:10: warning: removed the address `file:///C:/x0` from `<a>`"
    ));
    run.expect_stderr("and 2,999 more on this line");
    assert!(run.stderr.len() < 2000, "{} bytes", run.stderr.len());
    assert!(run.stdout.contains(", 1 warning →"), "{}", run.stdout);
    assert_lines_are_kronikas(&run, &[ITEM]);
}

#[test]
fn removals_of_thousands_of_kinds_are_twenty_warnings_and_a_count() {
    let body: String = (0..3000).map(|i| format!("<x{i}>a</x{i}> ")).collect();
    let site = site_with(&format!("{body}\n"));
    let run = site.build(&[]);
    run.assert_ok();
    assert_eq!(
        run.stderr.matches(": warning: ").count(),
        21,
        "{}",
        run.stderr
    );
    run.expect_stderr(&format!(
        "{ITEM}:6:241: warning: removed 2,980 more pieces of raw HTML, of 2,980 other kinds, from here on"
    ));
    assert!(run.stderr.len() < 21 * 600, "{} bytes", run.stderr.len());
    assert!(run.stdout.contains(", 21 warnings →"), "{}", run.stdout);
}

#[test]
fn removals_on_many_lines_name_a_few_of_them() {
    let body: String = (0..2000)
        .map(|i| format!("<p class=\"MsoNormal\" style=\"margin:0cm\">Akapit {i}</p>\n\n"))
        .collect();
    let site = site_with(&body);
    let run = site.build_in_locale(&[("LANG", "pl_PL.UTF-8")], &[]);
    run.assert_ok();
    run.expect_stderr(&format!(
        "{ITEM}:6:22: warning: usunięto atrybut `style` z `<p>`"
    ));
    run.expect_stderr(
        "i jeszcze 1\u{a0}999 w wierszach 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, …\n",
    );
    assert!(run.stderr.len() < 2000, "{} bytes", run.stderr.len());
}

#[test]
fn a_long_line_is_quoted_around_the_place_with_the_caret_on_it() {
    let filler = "ąę zażółć ".repeat(50_000);
    let site = site_with(&format!("{filler}<script>x()</script>{filler}\n"));
    let run = site.build(&[]);
    run.assert_ok();
    let column = filler.chars().count() + 1;
    run.expect_stderr(&format!("{ITEM}:6:{column}: warning: removed `<script>`"));
    assert!(run.stderr.len() < 1000, "{} bytes", run.stderr.len());
    let quoted = run
        .stderr
        .lines()
        .find(|l| l.starts_with("6 | "))
        .expect("the line is quoted");
    let caret = run
        .stderr
        .lines()
        .find(|l| l.starts_with("  | ") && l.contains('^'))
        .expect("a caret line");
    assert!(
        quoted.starts_with("6 | …") && quoted.ends_with('…'),
        "{quoted}"
    );
    let at = quoted.chars().position(|c| c == '<').unwrap();
    assert_eq!(
        caret.chars().position(|c| c == '^'),
        Some(at),
        "\n{quoted}\n{caret}"
    );
    assert_eq!(caret.matches('^').count(), "<script>".len());
}

#[test]
fn elements_nested_too_deep_are_a_located_error() {
    let site = Site::built("basic");
    let before = crate::common::tree(&site.path("public"));
    let n = 20_000;
    site.write(
        ITEM,
        &item(&format!("{}x{}\n", "<div>".repeat(n), "</div>".repeat(n))),
    );
    let started = Instant::now();
    let run = site.build(&[]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.expect_stderr(&format!(
        "{ITEM}:6:2561: error: elements are nested more than 512 deep"
    ));
    assert!(run.stderr.len() < 2000, "{} bytes", run.stderr.len());
    assert_eq!(crate::common::tree(&site.path("public")), before);
}

/// `n` links to missing items on one line: each is an error.
fn missing_links(n: usize) -> String {
    let mut body: String = (0..n)
        .map(|i| format!("[x](@/news/brak-{i}.pl.md) "))
        .collect();
    body.push('\n');
    body
}

#[test]
fn thousands_of_errors_in_one_long_line_are_each_reported_briefly() {
    let site = site_with(&missing_links(3000));
    let run = site.build(&[]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr.matches(": error: link to `@/news/brak-").count(),
        3000
    );
    run.expect_stderr("3,000 errors; nothing was written");
    // Each quotes a part of the 100 000-character line, not all of it.
    assert!(run.stderr.len() < 3000 * 500, "{} bytes", run.stderr.len());
    assert_lines_are_kronikas(&run, &[ITEM]);
}

/// What a build of a site costs: the least wall time of `runs` runs, the most memory
/// (VmHWM, polled from /proc while it runs), and the bytes it prints.
#[cfg(target_os = "linux")]
fn cost(site: &Site, runs: usize) -> (Duration, u64, usize) {
    use std::process::{Command, Stdio};
    let mut best = Duration::MAX;
    let mut peak = 0;
    let mut printed = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_kronika"))
            .args(["build", "--root", site.root().to_str().unwrap()])
            .env("LANG", "C")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let status = format!("/proc/{}/status", child.id());
        let mut stderr = child.stderr.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            std::io::Read::read_to_end(&mut stderr, &mut out).unwrap();
            out.len()
        });
        let mut high = 0u64;
        while child.try_wait().unwrap().is_none() {
            if let Some(kb) = std::fs::read_to_string(&status).ok().and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            }) {
                high = high.max(kb);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        best = best.min(started.elapsed());
        peak = peak.max(high);
        printed = reader.join().unwrap();
    }
    (best, peak, printed)
}

/// A body made of `n` pieces of one pathological kind.
type Body = fn(usize) -> String;

/// Doubling a pathological body (removals on one line, on many lines, elements nested
/// deep, comments) about doubles what the build costs, never quadruples it.
#[cfg(target_os = "linux")]
#[test]
fn pasted_html_costs_linear_time_memory_and_output() {
    let mso = |n: usize| -> String {
        (0..n)
            .map(|i| {
                format!("<p class=\"MsoNormal\" style=\"margin:0cm;line-height:normal\"><span style=\"font-size:12pt\">Tekst {i}</span></p>\n")
            })
            .collect()
    };
    let markdown_links = |n: usize| -> String {
        let mut s: String = (0..n).map(|i| format!("[x](file:///C:/x{i}) ")).collect();
        s.push('\n');
        s
    };
    // `n` blocks of `<div>`s nested 500 deep: as deep as a body may nest.
    let divs = |n: usize| format!("{}x{}\n", "<div>".repeat(500), "</div>".repeat(500)).repeat(n);
    // Editors' notes: each comment's end is found without reading the rest of the body.
    let comments = |n: usize| format!("{}\n", "<!-- uwaga -->".repeat(n));
    let cases: [(&str, Body, usize); 5] = [
        ("links", file_links, 6_000),
        ("markdown links", markdown_links, 8_000),
        ("Word paragraphs", mso, 4_000),
        ("nested divs", divs, 20),
        ("comments", comments, 10_000),
    ];
    for (name, body, n) in cases {
        let small = site_with(&body(n));
        let large = site_with(&body(2 * n));
        // Other work on a shared machine can slow one measurement down: a bound missed
        // three times over is a real one (linear gives 2×, quadratic 4×).
        let mut seen = Vec::new();
        let within = (0..3).any(|_| {
            let (t1, m1, p1) = cost(&small, 3);
            let (t2, m2, p2) = cost(&large, 3);
            eprintln!(
                "{name}: {n}: {t1:?} {m1} kB {p1} B; {}: {t2:?} {m2} kB {p2} B",
                2 * n
            );
            // What is printed does not grow with the number of removals.
            assert!(p2 < p1 + 200, "{name}: {p1} → {p2} bytes printed");
            assert!(p2 < 4000, "{name}: {p2} bytes printed");
            seen.push((t1, t2, m1, m2));
            t2 < t1 * 3 + Duration::from_millis(200) && m2 < m1 * 3
        });
        assert!(
            within,
            "{name}: (time, time doubled, kB, kB doubled): {seen:?}"
        );
    }
    // Errors are all reported, so what is printed grows with their number: linearly.
    let (small, large) = (
        site_with(&missing_links(3000)),
        site_with(&missing_links(6000)),
    );
    let mut seen = Vec::new();
    let within = (0..3).any(|_| {
        let (t1, m1, p1) = cost(&small, 3);
        let (t2, m2, p2) = cost(&large, 3);
        eprintln!("missing links: {t1:?} {m1} kB {p1} B; {t2:?} {m2} kB {p2} B");
        assert!(p2 < p1 * 5 / 2, "missing links: {p1} → {p2} bytes printed");
        seen.push((t1, t2, m1, m2));
        t2 < t1 * 3 + Duration::from_millis(200) && m2 < m1 * 3
    });
    assert!(within, "missing links: {seen:?}");
}
