//! The `kronika` command: argument parsing and printing; the work is in the library.

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use kronika::messages::{Catalog, Message};
use kronika::msg;
use kronika::progress::Progress;
use kronika::serve::{Event, ServeOptions};
use kronika::{BuildOptions, build};

// The help texts of the commands and flags are in `cli.ftl`, in the user's language (see
// `help_texts`); clap's own words (`Usage:`, `Options:`) stay English.
#[derive(Parser)]
#[command(name = "kronika", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value = "public")]
        output: PathBuf,
        #[arg(long)]
        base_url: Option<String>,
        #[arg(long)]
        offline: bool,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        no_search: bool,
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        #[arg(long, short)]
        verbose: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        #[arg(long)]
        drafts: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        strict: bool,
        #[arg(long)]
        external: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    New {
        #[command(subcommand)]
        what: NewWhat,
    },
    Init {
        dir: PathBuf,
        #[arg(long, default_value = "pl", value_parser = ["pl", "en"])]
        lang: String,
    },
    Completions {
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
enum NewWhat {
    News {
        title: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        folder: bool,
        #[arg(long, value_name = "NAME", conflicts_with = "folder")]
        translation_of: Option<String>,
    },
    Project {
        id: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// How `kronika check` prints its findings.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The help text of the program (no command), a command (no flag) or a command's flag.
fn help_texts() -> Vec<(Option<&'static str>, Option<&'static str>, Message)> {
    let build = Some("build");
    let serve = Some("serve");
    vec![
        (None, None, msg!("cli-about")),
        (build, None, msg!("cli-build")),
        (build, Some("root"), msg!("cli-build-root")),
        (build, Some("output"), msg!("cli-build-output")),
        (build, Some("base_url"), msg!("cli-build-base-url")),
        (build, Some("offline"), msg!("cli-build-offline")),
        (build, Some("drafts"), msg!("cli-build-drafts")),
        (build, Some("no_search"), msg!("cli-build-no-search")),
        (build, Some("quiet"), msg!("cli-build-quiet")),
        (build, Some("verbose"), msg!("cli-build-verbose")),
        (serve, None, msg!("cli-serve")),
        (serve, Some("root"), msg!("cli-build-root")),
        (serve, Some("port"), msg!("cli-serve-port")),
        (serve, Some("bind"), msg!("cli-serve-bind")),
        (serve, Some("drafts"), msg!("cli-build-drafts")),
        (Some("check"), None, msg!("cli-check")),
        (Some("check"), Some("root"), msg!("cli-build-root")),
        (Some("check"), Some("strict"), msg!("cli-check-strict")),
        (Some("check"), Some("external"), msg!("cli-check-external")),
        (Some("check"), Some("format"), msg!("cli-check-format")),
        (Some("new"), None, msg!("cli-new")),
        (Some("init"), None, msg!("cli-init")),
        (Some("init"), Some("dir"), msg!("cli-init-dir")),
        (Some("init"), Some("lang"), msg!("cli-init-lang")),
        (Some("completions"), None, msg!("cli-completions")),
        (
            Some("completions"),
            Some("shell"),
            msg!("cli-completions-shell"),
        ),
    ]
}

/// The help texts of `kronika new`'s own commands and their flags.
fn new_help_texts() -> Vec<(&'static str, Option<&'static str>, Message)> {
    vec![
        ("news", None, msg!("cli-new-news")),
        ("news", Some("title"), msg!("cli-new-news-title")),
        ("news", Some("root"), msg!("cli-build-root")),
        ("news", Some("lang"), msg!("cli-new-news-lang")),
        ("news", Some("folder"), msg!("cli-new-news-folder")),
        (
            "news",
            Some("translation_of"),
            msg!("cli-new-news-translation-of"),
        ),
        ("project", None, msg!("cli-new-project")),
        ("project", Some("id"), msg!("cli-new-project-id")),
        ("project", Some("root"), msg!("cli-build-root")),
    ]
}

/// The command line with its help texts in the language of `catalog`.
fn command(catalog: &Catalog) -> clap::Command {
    let mut cmd = Cli::command();
    for (sub, arg, text) in help_texts() {
        let text = catalog.render(&text);
        cmd = match (sub, arg) {
            (None, _) => cmd.about(text),
            (Some(sub), None) => cmd.mut_subcommand(sub, |s| s.about(text)),
            (Some(sub), Some(arg)) => cmd.mut_subcommand(sub, |s| s.mut_arg(arg, |a| a.help(text))),
        };
    }
    for (sub, arg, text) in new_help_texts() {
        let text = catalog.render(&text);
        cmd = cmd.mut_subcommand("new", |new| match arg {
            None => new.mut_subcommand(sub, |s| s.about(text)),
            Some(arg) => new.mut_subcommand(sub, |s| s.mut_arg(arg, |a| a.help(text))),
        });
    }
    with_guide(cmd, &catalog.render(&msg!("cli-guide")))
}

/// `cmd` and every command under it, each with the line that points to the guide at the
/// end of its help (the guide is in kronika's repository, `docs/`).
fn with_guide(cmd: clap::Command, guide: &str) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd.after_help(guide.to_string());
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| with_guide(s, guide));
    }
    cmd
}

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let catalog = Catalog::from_env();
    let cli = Cli::from_arg_matches(&command(&catalog).get_matches()).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            offline,
            drafts,
            no_search,
            quiet,
            verbose,
        } => {
            let opts = BuildOptions {
                root,
                output: output.clone(),
                base_url,
                offline,
                drafts,
                no_search,
                today: None,
                progress: Arc::new(Progress::default()),
            };
            let show = !quiet && std::io::stderr().is_terminal();
            let result = std::thread::scope(|s| {
                if show {
                    s.spawn(|| show_progress(&opts.progress, &catalog));
                }
                build(&opts)
            });
            let mut out = Printer::default();
            let code = match result {
                Ok(report) => {
                    if !quiet {
                        for w in &report.warnings {
                            out.line(Stream::Stderr, &format!("{}\n", w.render(&catalog)));
                        }
                        out.line(Stream::Stdout, &catalog.render(&report.summary(&output)));
                        if verbose {
                            out.line(Stream::Stdout, &catalog.render(&report.files()));
                        }
                    }
                    0
                }
                Err((failure, warnings)) => {
                    if !quiet {
                        for w in &warnings {
                            out.line(Stream::Stderr, &format!("{}\n", w.render(&catalog)));
                        }
                    }
                    out.line(Stream::Stderr, &failure.render(&catalog, &output));
                    failure.exit_code() as u8
                }
            };
            ExitCode::from(out.finish(code, &catalog))
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
        } => {
            let opts = ServeOptions {
                root: root.clone(),
                bind,
                port,
                drafts,
            };
            let out = std::sync::Mutex::new(Printer::default());
            let print = |stream: Stream, text: &str| {
                out.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .line(stream, text);
            };
            let report = |event: Event| match event {
                Event::Listening { url, public } => {
                    let shown = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
                    let root = shown.display().to_string();
                    print(
                        Stream::Stdout,
                        &catalog.render(&msg!("serve-listening", root = root, url = url)),
                    );
                    if public {
                        let text = catalog.render(&msg!("serve-public", addr = bind.to_string()));
                        print(Stream::Stderr, &format!("warning: {text}"));
                    }
                }
                Event::Built {
                    sources,
                    rendered,
                    changed,
                    files,
                    elapsed,
                    warnings,
                } => {
                    for w in &warnings {
                        print(Stream::Stderr, &format!("{}\n", w.render(&catalog)));
                    }
                    let ms = elapsed.as_millis() as u64;
                    let text = if sources == 0 {
                        msg!("serve-built", files = files, ms = ms)
                    } else {
                        msg!(
                            "serve-rebuilt",
                            sources = sources,
                            rendered = rendered,
                            changed = changed,
                            ms = ms
                        )
                    };
                    print(Stream::Stdout, &catalog.render(&text));
                }
                Event::Failed { errors, warnings } => {
                    for d in warnings.iter().chain(&errors) {
                        print(Stream::Stderr, &format!("{}\n", d.render(&catalog)));
                    }
                    let text = msg!("serve-failed", errors = errors.len());
                    print(Stream::Stderr, &catalog.render(&text));
                }
                Event::WatchFailed(reason) => {
                    let text = catalog.render(&msg!("serve-watch-failed", reason = reason));
                    print(Stream::Stderr, &format!("warning: {text}"));
                }
            };
            let code = match kronika::serve::serve(&opts, &catalog, &report) {
                Ok(()) => 0,
                Err(failure) => {
                    print(Stream::Stderr, &failure.render(&catalog, &root));
                    failure.exit_code() as u8
                }
            };
            let out = out.into_inner().unwrap_or_else(|e| e.into_inner());
            ExitCode::from(out.finish(code, &catalog))
        }
        Command::Check {
            root,
            strict,
            external,
            format,
        } => {
            let opts = kronika::cmd::check::CheckOptions {
                root: root.clone(),
                external: external.then(kronika::cmd::external::Settings::from_env),
                today: None,
            };
            let mut out = Printer::default();
            let code = match kronika::cmd::check::check(&opts) {
                Ok(findings) => print_findings(&mut out, &catalog, &findings, strict, format),
                Err(failure) => {
                    out.line(Stream::Stderr, &failure.render(&catalog, &root));
                    failure.exit_code() as u8
                }
            };
            ExitCode::from(out.finish(code, &catalog))
        }
        Command::New { what } => {
            let written = match what {
                NewWhat::News {
                    title,
                    root,
                    lang,
                    folder,
                    translation_of,
                } => kronika::cmd::new::news(&kronika::cmd::new::NewsOptions {
                    root,
                    title,
                    lang,
                    folder,
                    translation_of,
                    today: None,
                }),
                NewWhat::Project { id, root } => kronika::cmd::new::project(&root, &id),
            };
            finish_writing(written.map(|path| vec![path]), &catalog)
        }
        Command::Init { dir, lang } => {
            let opts = kronika::cmd::init::InitOptions {
                english: lang == "en",
                dir,
                today: None,
            };
            let written = kronika::cmd::init::init(&opts).map(|files| {
                let dir = opts.dir.display().to_string();
                vec![catalog.render(&msg!("init-done", dir = dir, files = files.len()))]
            });
            finish_writing(written, &catalog)
        }
        Command::Completions { shell } => {
            let mut cmd = command(&catalog);
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "kronika", &mut script);
            let mut out = Printer::default();
            out.line(Stream::Stdout, String::from_utf8_lossy(&script).trim_end());
            ExitCode::from(out.finish(0, &catalog))
        }
    }
}

/// Prints what `check` found, then the count on its own line (stderr in JSON, so that
/// stdout holds only JSON lines); the exit status is 1 on errors, and on warnings too
/// with `--strict`.
fn print_findings(
    out: &mut Printer,
    catalog: &Catalog,
    findings: &[kronika::cmd::check::Finding],
    strict: bool,
    format: Format,
) -> u8 {
    for f in findings {
        match format {
            Format::Text => out.line(
                Stream::Stderr,
                &format!("{}\n", f.diagnostic.render(catalog)),
            ),
            Format::Json => out.line(Stream::Stdout, &f.json(catalog)),
        }
    }
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    let summary = catalog.render(&msg!("check-summary", errors = errors, warnings = warnings));
    let stream = match format {
        Format::Text => Stream::Stdout,
        Format::Json => Stream::Stderr,
    };
    out.line(stream, &summary);
    u8::from(errors > 0 || (strict && warnings > 0))
}

/// Prints the lines of a command that wrote files (`new`, `init`), or why it refused.
fn finish_writing(
    written: Result<Vec<String>, kronika::diagnostics::Failure>,
    catalog: &Catalog,
) -> ExitCode {
    let mut out = Printer::default();
    let code = match written {
        Ok(lines) => {
            for line in lines {
                out.line(Stream::Stdout, &line);
            }
            0
        }
        Err(kronika::diagnostics::Failure::Content(errors)) => {
            for e in &errors {
                out.line(Stream::Stderr, &e.render(catalog));
            }
            1
        }
        Err(failure) => {
            out.line(Stream::Stderr, &failure.render(catalog, Path::new(".")));
            failure.exit_code() as u8
        }
    };
    ExitCode::from(out.finish(code, catalog))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    Stdout,
    Stderr,
}

/// Prints the report of a build with write errors handled, instead of `println!`, which
/// panics (exit 101) when a stream cannot be written (docs/maintainer/cli.md "Exit status"). A closed
/// pipe (`kronika build | head -1`) means the reader has all it wants: the rest is
/// dropped quietly and the build's status stands, as in ripgrep and cargo. Any other
/// failure (a full disk) lost part of the report: the status becomes 3, an I/O failure.
#[derive(Default)]
struct Printer {
    closed: [bool; 2],
    lost: Option<(Stream, std::io::Error)>,
}

impl Printer {
    /// Writes `text` and a line end to `stream`, unless the stream has failed before.
    fn line(&mut self, stream: Stream, text: &str) {
        if self.closed[stream as usize] {
            return;
        }
        let written = match stream {
            Stream::Stdout => {
                let mut w = std::io::stdout().lock();
                writeln!(w, "{text}").and_then(|()| w.flush())
            }
            Stream::Stderr => {
                let mut w = std::io::stderr().lock();
                writeln!(w, "{text}").and_then(|()| w.flush())
            }
        };
        if let Err(e) = written {
            self.closed[stream as usize] = true;
            if e.kind() != std::io::ErrorKind::BrokenPipe && self.lost.is_none() {
                self.lost = Some((stream, e));
            }
        }
    }

    /// The exit status: `code`, the build's, unless part of the report was lost to a
    /// failure other than a closed pipe; then 3, said on stderr when stdout failed.
    fn finish(mut self, code: u8, catalog: &Catalog) -> u8 {
        match self.lost.take() {
            None => code,
            Some((stream, e)) => {
                if stream == Stream::Stdout {
                    let text = catalog.render(&msg!("io-write-stdout", error = e.to_string()));
                    self.line(Stream::Stderr, &format!("error: {text}"));
                }
                3
            }
        }
    }
}

/// On a terminal, a build longer than a second shows how many pages are rendered; the
/// line is erased when the build ends. CI (no terminal) sees none of it.
fn show_progress(progress: &Progress, catalog: &Catalog) {
    let started = Instant::now();
    let mut drawn = false;
    while !progress.is_finished() {
        std::thread::sleep(Duration::from_millis(100));
        if started.elapsed() < Duration::from_secs(1) {
            continue;
        }
        let line = catalog.render(&progress.message());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        drawn = true;
    }
    if drawn {
        let _ = write!(std::io::stderr(), "\r\x1b[2K");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kronika::types::Lang;

    #[test]
    fn every_command_and_flag_has_a_help_text_in_each_language() {
        for lang in ["en", "pl"] {
            let cmd = command(&Catalog::new(Lang::parse(lang).unwrap()));
            assert!(cmd.get_about().is_some(), "{lang}: kronika");
            let nested = cmd
                .get_subcommands()
                .flat_map(|s| s.get_subcommands())
                .filter(|s| s.get_name() != "help");
            for sub in cmd
                .get_subcommands()
                .chain(nested)
                .filter(|s| s.get_name() != "help")
            {
                let name = sub.get_name();
                assert!(sub.get_about().is_some(), "{lang}: {name}");
                for arg in sub.get_arguments() {
                    let id = arg.get_id().as_str();
                    if id != "help" && id != "version" {
                        assert!(arg.get_help().is_some(), "{lang}: {name} --{id}");
                    }
                }
            }
        }
        command(&Catalog::new(Lang::EN)).debug_assert();
    }
}
