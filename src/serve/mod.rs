//! `kronika serve`: the site built in memory and served over HTTP on this machine, rebuilt
//! when a source changes, with open pages reloaded (docs/maintainer/cli.md, "Preview: `kronika serve`").
//! It never writes a file: not into the output folder, not anywhere in the site.

mod http;
mod live;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Failure};
use crate::messages::Catalog;
use crate::progress::Progress;
use crate::session::SharedFiles;
use crate::{BuildOptions, Session, msg};

/// What `kronika serve` was asked to do.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
}

/// What the server reports while it runs, for the command to print.
#[derive(Debug)]
pub enum Event {
    /// It listens at `url`; `public` when other machines can reach it.
    Listening { url: String, public: bool },
    /// A build finished after `sources` files of the site changed (0: the first build):
    /// it rendered `rendered` of the site's `files`, and `changed` differ from before.
    Built {
        sources: usize,
        rendered: usize,
        changed: usize,
        files: usize,
        elapsed: Duration,
        warnings: Vec<Diagnostic>,
    },
    /// A build failed; the last good version is still served, with the errors over it.
    Failed {
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    },
    /// The file watcher reported a problem (a folder it could not watch).
    WatchFailed(String),
}

/// What the server shows: the files of the last good build and, while the newest build
/// fails, its errors. `version` counts builds; `changed_at` says in which version each
/// file last changed, so an open page knows whether to reload.
pub(crate) struct Shown {
    pub(crate) files: Arc<SharedFiles>,
    pub(crate) errors: Option<Arc<str>>,
    pub(crate) version: u64,
    pub(crate) changed_at: std::collections::HashMap<String, u64>,
}

/// The state shared by the HTTP threads and the rebuild loop.
pub(crate) struct Preview {
    pub(crate) shown: Mutex<Shown>,
    /// Woken after every build, for the live-reload streams.
    pub(crate) rebuilt: Condvar,
}

impl Preview {
    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, Shown> {
        self.shown.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Serves the site until the process is stopped (Ctrl-C). Returns only when the server
/// cannot start: the port is taken, or the address cannot be used.
pub fn serve(
    opts: &ServeOptions,
    catalog: &Catalog,
    report: &dyn Fn(Event),
) -> Result<(), Failure> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    let server = tiny_http::Server::http(addr).map_err(|e| cannot_listen(addr, &*e))?;
    let url = format!("http://{}/", display_addr(addr));
    let build = BuildOptions {
        root: opts.root.clone(),
        // Never written: the site is built in memory.
        output: PathBuf::new(),
        base_url: Some(url.clone()),
        offline: false,
        drafts: opts.drafts,
        // Indexing the whole site takes longer than a preview may (docs/en/07-preview.md "Preview").
        no_search: true,
        today: None,
        progress: Arc::new(Progress::default()),
    };
    let preview = Arc::new(Preview {
        shown: Mutex::new(Shown {
            files: Arc::new(SharedFiles::new()),
            errors: None,
            version: 0,
            changed_at: Default::default(),
        }),
        rebuilt: Condvar::new(),
    });
    let watcher = watch::Watcher::start(&opts.root, report)?;
    let mut session = Session::new(build).watched();
    rebuild(&mut session, 0, &preview, catalog, report);

    let server = Arc::new(server);
    {
        let preview = Arc::clone(&preview);
        let server = Arc::clone(&server);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let preview = Arc::clone(&preview);
                std::thread::spawn(move || http::respond(request, &preview));
            }
        });
    }
    report(Event::Listening {
        url,
        public: !opts.bind.is_loopback(),
    });

    watcher.run(report, |changed| {
        // What every page reads: everything is rendered again.
        if changed
            .iter()
            .any(|p| watch::read_by_every_page(&opts.root, p))
        {
            session.render_everything_next();
        }
        session.changed(changed.iter().map(PathBuf::as_path));
        rebuild(&mut session, changed.len(), &preview, catalog, report);
        session.tidy();
    });
    Ok(())
}

/// Builds the site in memory and shows the result: the new files, or the errors over the
/// last good version. `sources` files of the site changed since the last build.
fn rebuild(
    session: &mut Session,
    sources: usize,
    preview: &Preview,
    catalog: &Catalog,
    report: &dyn Fn(Event),
) {
    let started = Instant::now();
    match session.build() {
        Ok(update) => {
            let mut shown = preview.lock();
            shown.version += 1;
            let version = shown.version;
            for path in &update.changed {
                shown.changed_at.insert(path.clone(), version);
            }
            let files = update.files.len();
            shown.files = update.files;
            shown.errors = None;
            drop(shown);
            preview.rebuilt.notify_all();
            report(Event::Built {
                sources,
                rendered: update.report.files_rendered,
                changed: update.changed.len(),
                files,
                elapsed: started.elapsed(),
                warnings: update.report.warnings,
            });
        }
        Err((failure, warnings)) => {
            let errors = match failure {
                Failure::Content(errors) | Failure::Write(errors) => errors,
                // Building in memory neither refuses a folder nor writes one; should a
                // future cause arrive here, it is shown like any error.
                other => vec![Diagnostic::error(
                    "site.yaml",
                    msg!(
                        "serve-build-failed",
                        reason = other.render(catalog, Path::new("."))
                    ),
                )],
            };
            let text: String = errors
                .iter()
                .map(|e| e.render(catalog))
                .collect::<Vec<_>>()
                .join("\n\n");
            let title = catalog.render(&msg!("serve-overlay-title"));
            let overlay = live::overlay(&title, &text);
            let mut shown = preview.lock();
            shown.version += 1;
            shown.errors = Some(overlay.into());
            drop(shown);
            preview.rebuilt.notify_all();
            report(Event::Failed { errors, warnings });
        }
    }
}

/// `127.0.0.1:1111`, `[::1]:1111`.
fn display_addr(addr: SocketAddr) -> String {
    addr.to_string()
}

fn cannot_listen(addr: SocketAddr, e: &(dyn std::error::Error + 'static)) -> Failure {
    let io = e.downcast_ref::<std::io::Error>();
    if io.is_some_and(|e| e.kind() == std::io::ErrorKind::AddrInUse) {
        return Failure::Usage {
            message: msg!(
                "serve-port-taken",
                port = addr.port().to_string(),
                addr = addr.ip().to_string()
            ),
            help: vec![msg!(
                "serve-port-taken-help",
                next = addr.port().wrapping_add(1).max(1024).to_string()
            )],
        };
    }
    Failure::Usage {
        message: msg!(
            "serve-cannot-listen",
            addr = display_addr(addr),
            error = e.to_string()
        ),
        help: vec![msg!("serve-cannot-listen-help")],
    }
}
