//! The `kronika` command: argument parsing only; the work is in the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use kronika::diagnostics::Failure;
use kronika::progress::{Progress, Stage};
use kronika::{BuildOptions, build};

#[derive(Parser)]
#[command(
    name = "kronika",
    version,
    about = "Builds a bilingual BIP-style archive site from Markdown and YAML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// The site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (relative to --root).
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Replace site.yaml's base_url (e.g. for CI previews).
        #[arg(long)]
        base_url: Option<String>,
        /// Write relative links ending in index.html, to browse the output from disk.
        #[arg(long)]
        offline: bool,
        /// Include drafts and embargoed (future-dated) items.
        #[arg(long)]
        drafts: bool,
        /// Print only errors.
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        /// Print warnings in full and what was written.
        #[arg(long, short)]
        verbose: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            offline,
            drafts,
            quiet,
            verbose,
        } => {
            let opts = BuildOptions {
                root,
                output: output.clone(),
                base_url,
                offline,
                drafts,
                today: None,
                progress: Arc::new(Progress::default()),
            };
            let display = (!quiet && std::io::stderr().is_terminal())
                .then(|| show_progress(opts.progress.clone()));
            let result = build(&opts);
            if let Some(display) = display {
                let _ = display.join();
            }
            match result {
                Ok(report) => {
                    if !quiet {
                        for w in &report.warnings {
                            eprintln!("{w}\n");
                        }
                        let per_lang: Vec<String> = report
                            .pages_per_lang
                            .iter()
                            .map(|(l, n)| format!("{l} {n}"))
                            .collect();
                        let total: usize = report.pages_per_lang.iter().map(|(_, n)| n).sum();
                        let warnings = match report.warnings.len() {
                            0 => String::new(),
                            1 => ", 1 warning".to_string(),
                            n => format!(", {n} warnings"),
                        };
                        println!(
                            "Built {total} pages ({}) from {} and {} in {:.2} s{warnings} → {}",
                            per_lang.join(", "),
                            count(report.news_items, "news item", "news items"),
                            count(report.projects, "project", "projects"),
                            report.elapsed.as_secs_f64(),
                            output.display()
                        );
                        if verbose {
                            println!(
                                "{} files in the output, {} changed",
                                report.files_written, report.files_changed
                            );
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err((failure, warnings)) => {
                    for w in &warnings {
                        if !quiet {
                            eprintln!("{w}\n");
                        }
                    }
                    match &failure {
                        Failure::Content(errors) => {
                            for e in errors {
                                eprintln!("{e}\n");
                            }
                            let n = errors.len();
                            eprintln!(
                                "{n} error{}; nothing was written ({} is unchanged)",
                                if n == 1 { "" } else { "s" },
                                output.display()
                            );
                        }
                        Failure::Usage(m) | Failure::Io(m) => eprintln!("error: {m}"),
                    }
                    ExitCode::from(failure.exit_code() as u8)
                }
            }
        }
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// On a terminal, a build longer than a second shows how many pages are rendered; the
/// line is erased when the build ends. CI (no terminal) sees none of it.
fn show_progress(progress: Arc<Progress>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let started = Instant::now();
        let mut drawn = false;
        while !progress.is_finished() {
            std::thread::sleep(Duration::from_millis(100));
            if started.elapsed() < Duration::from_secs(1) {
                continue;
            }
            let (done, total) = progress.pages();
            let line = match progress.stage() {
                Stage::Loading => "Reading content…".to_string(),
                Stage::Rendering => format!("Rendering pages: {done}/{total}"),
                Stage::Writing => "Writing the output folder…".to_string(),
            };
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{line}");
            let _ = err.flush();
            drawn = true;
        }
        if drawn {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    })
}
