//! `kronika check --external`: links to other sites asked over the network (docs/maintainer/cli.md
//! "Checking a site"), each address once, a few at a time, with a timeout, HEAD first and
//! GET when HEAD gets no good answer.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::messages::Message;
use crate::msg;

/// How the links are asked.
#[derive(Clone, Debug)]
pub struct Settings {
    /// How long one request may take, from connecting to the answer's headers.
    pub timeout: Duration,
    /// How many addresses are asked at once.
    pub threads: usize,
}

/// The variable that sets the timeout in seconds (docs/maintainer/cli.md "Checking a site"): tests use a
/// short one against a server that answers too slowly.
pub const TIMEOUT_VARIABLE: &str = "KRONIKA_LINK_TIMEOUT";

impl Settings {
    /// Ten seconds per request, eight requests at once, unless `KRONIKA_LINK_TIMEOUT`
    /// gives another number of seconds.
    pub fn from_env() -> Settings {
        let timeout = std::env::var(TIMEOUT_VARIABLE)
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0 && *s < 3600.0)
            .map_or(Duration::from_secs(10), Duration::from_secs_f64);
        Settings {
            timeout,
            threads: 8,
        }
    }
}

/// Why a link is dead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dead {
    /// The server answered with an error status (4xx, 5xx), after following redirects.
    Status(u16),
    /// No answer within the timeout.
    Timeout,
    /// No answer at all: the name is not in DNS, the connection was refused, TLS failed.
    Failed(String),
}

impl Dead {
    /// Why, in the user's language.
    pub fn reason(&self, settings: &Settings) -> Message {
        match self {
            Dead::Status(status) => msg!("check-dead-status", status = *status as i64),
            Dead::Timeout => msg!(
                "check-dead-timeout",
                seconds = rust_decimal::Decimal::try_from(settings.timeout.as_secs_f64())
                    .unwrap_or_default()
                    .round_dp(1)
            ),
            Dead::Failed(error) => msg!("check-dead-failed", error = error),
        }
    }
}

/// Asks every address of `urls` once; the dead ones, with why.
pub fn probe_all(urls: &[String], settings: &Settings) -> BTreeMap<String, Dead> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(settings.timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        // Each address is asked once: a kept connection would rarely be used again, and
        // a server that does not expect a second request on it would be waited for.
        .max_idle_connections(0)
        .user_agent(concat!(
            "kronika/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let dead = Mutex::new(BTreeMap::new());
    std::thread::scope(|s| {
        for _ in 0..settings.threads.clamp(1, urls.len().max(1)) {
            s.spawn(|| {
                while let Some(url) = urls.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Some(why) = probe(&agent, url) {
                        dead.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(url.clone(), why);
                    }
                }
            });
        }
    });
    dead.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// HEAD, then GET when HEAD is refused (405, 501) or fails otherwise: many servers answer
/// only GET. A timeout or an unknown host is not asked again.
fn probe(agent: &ureq::Agent, url: &str) -> Option<Dead> {
    match agent.head(url).call() {
        Ok(r) if r.status().is_success() => return None,
        Err(e @ (ureq::Error::Timeout(_) | ureq::Error::HostNotFound)) => return Some(dead(e)),
        _ => {}
    }
    match agent.get(url).call() {
        Ok(r) if r.status().is_success() => None,
        Ok(r) => Some(Dead::Status(r.status().as_u16())),
        Err(e) => Some(dead(e)),
    }
}

fn dead(e: ureq::Error) -> Dead {
    match e {
        ureq::Error::Timeout(_) => Dead::Timeout,
        ureq::Error::StatusCode(status) => Dead::Status(status),
        e => Dead::Failed(e.to_string()),
    }
}
