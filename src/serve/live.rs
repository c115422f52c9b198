//! Live reload: the script `serve` adds to every HTML page it sends (never to `build`
//! output), the event stream that tells a page to reload, and the overlay that shows a
//! failed build's errors over the last good version of a page.

use std::io::Write;
use std::time::Duration;

use tiny_http::Request;

use super::Preview;
use super::http::SCRIPT as SCRIPT_PATH;

/// How long a stream waits before it says it is still there (and finds a closed tab).
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// The script: it opens the event stream for its page and reloads when told, keeping the
/// scroll position across the reload.
pub(super) const SCRIPT: &str = r#"// kronika serve: reloads this page when a rebuild changed it.
(() => {
  const me = document.currentScript;
  const key = "kronika-scroll " + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", () => window.scrollTo(0, Number(saved)));
  }
  const query = new URLSearchParams({
    page: me.dataset.page,
    v: me.dataset.version,
    e: me.dataset.errors,
  });
  const events = new EventSource("/.kronika/events?" + query);
  events.onmessage = () => {
    events.close();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  };
})();
"#;

/// `html` with the overlay (while a build fails) and the script before `</body>`. `page`
/// is the file the browser asked for, `version` the build it was served from.
pub(super) fn inject(html: &[u8], page: &str, version: u64, overlay: Option<&str>) -> Vec<u8> {
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + 512);
    out.extend_from_slice(&html[..at]);
    if let Some(overlay) = overlay {
        out.extend_from_slice(overlay.as_bytes());
    }
    let _ = write!(
        out,
        "<script src=\"{SCRIPT_PATH}\" data-page=\"{}\" data-version=\"{version}\" data-errors=\"{}\"></script>",
        escape(page),
        u8::from(overlay.is_some()),
    );
    out.extend_from_slice(&html[at..]);
    out
}

/// The overlay of a failed build: `title` and the errors as the terminal shows them.
pub(super) fn overlay(title: &str, errors: &str) -> String {
    format!(
        "<div id=\"kronika-errors\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
overflow:auto;background:#1d1d1d;color:#fff;padding:1.5rem;font:16px/1.5 system-ui,sans-serif\">\
<p style=\"margin:0 0 1rem;font-weight:bold\">{}</p>\
<pre style=\"white-space:pre-wrap;margin:0;font:14px/1.5 ui-monospace,monospace\">{}</pre></div>",
        escape(title),
        escape(errors)
    )
}

/// Answers the event stream of one open page (`page`, `v`, `e` from its script): one
/// `reload` event as soon as a build changed the page, or the errors shown over it.
pub(super) fn stream(request: Request, query: &str, preview: &Preview) {
    let mut page = String::new();
    let mut seen = 0u64;
    let mut had_errors = false;
    for (k, v) in query.split('&').filter_map(|kv| kv.split_once('=')) {
        let v = percent_encoding::percent_decode_str(&v.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned();
        match k {
            "page" => page = v,
            "v" => seen = v.parse().unwrap_or(0),
            "e" => had_errors = v == "1",
            _ => {}
        }
    }
    let mut out = request.into_writer();
    if !send(
        &mut out,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n",
    ) {
        return;
    }
    let mut shown = preview.lock();
    loop {
        let newer = shown.version != seen;
        let page_changed = shown.changed_at.get(&page).is_some_and(|&at| at > seen);
        // Errors appeared or went away, or a newer build failed with other errors.
        let errors_changed = shown.errors.is_some() != had_errors || (had_errors && newer);
        if newer && (page_changed || errors_changed) {
            drop(shown);
            send(&mut out, b"data: reload\n\n");
            return;
        }
        let (guard, waited) = preview
            .rebuilt
            .wait_timeout(shown, KEEP_ALIVE)
            .unwrap_or_else(|e| e.into_inner());
        shown = guard;
        if waited.timed_out() {
            drop(shown);
            if !send(&mut out, b": still here\n\n") {
                return;
            }
            shown = preview.lock();
        }
    }
}

/// Writes `bytes` to a stream; `false` once the browser has gone away.
fn send(out: &mut dyn Write, bytes: &[u8]) -> bool {
    out.write_all(bytes).and_then(|()| out.flush()).is_ok()
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
