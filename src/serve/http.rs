//! Answering one HTTP request from the site in memory: the request path mapped to a file
//! of the build (never to a file on disk), the right type and charset, the site's 404
//! page, and the live-reload endpoints under `/.kronika/`, a path no site can publish.

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::{Preview, live};

/// Where pages find the live-reload script and its event stream.
pub(super) const SCRIPT: &str = "/.kronika/live.js";
pub(super) const EVENTS: &str = "/.kronika/events";

/// Answers `request`. A failure to answer (the browser went away) is no one's concern.
pub(super) fn respond(request: Request, preview: &Preview) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let _ = request.respond(refused(405).with_header(header("Allow", "GET, HEAD")));
        return;
    }
    let target = request.url().to_string();
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target.as_str(), None),
    };
    if path == EVENTS {
        return live::stream(request, query.unwrap_or(""), preview);
    }
    if path == SCRIPT {
        let _ = request.respond(
            Response::from_string(live::SCRIPT)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store")),
        );
        return;
    }
    let Some(file) = site_path(path) else {
        let _ = request.respond(refused(400));
        return;
    };
    let shown = preview.lock();
    let (files, errors, version) = (shown.files.clone(), shown.errors.clone(), shown.version);
    drop(shown);

    let wanted = if file.is_empty() || file.ends_with('/') {
        format!("{file}index.html")
    } else {
        file.clone()
    };
    if let Some(bytes) = files.get(wanted.as_str()) {
        let _ = request.respond(page(
            &wanted,
            bytes,
            &wanted,
            version,
            errors.as_deref(),
            200,
        ));
        return;
    }
    // `/aktualnosci` is the folder `/aktualnosci/`: send the browser there, as static
    // hosts do, so that relative addresses in the page resolve.
    if files.contains_key(format!("{file}/index.html").as_str()) {
        let location = match query {
            Some(q) => format!("{path}/?{q}"),
            None => format!("{path}/"),
        };
        let _ = request
            .respond(Response::empty(StatusCode(301)).with_header(header("Location", &location)));
        return;
    }
    let response = match files.get("404.html") {
        Some(bytes) => page("404.html", bytes, &wanted, version, errors.as_deref(), 404),
        // No good build yet: the errors alone.
        None => page(
            "index.html",
            b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>kronika</title></head><body></body></html>",
            &wanted,
            version,
            errors.as_deref(),
            404,
        ),
    };
    let _ = request.respond(response);
}

/// The site path a request path names (`/aktualnosci/x/` → `aktualnosci/x/`), or `None`
/// for anything that is not a plain path inside the site: no absolute URL, no `.` or `..`
/// segment (written or percent-encoded), no encoded `/`, no backslash, no NUL, valid UTF-8.
pub(super) fn site_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let rest = rest.split('#').next().unwrap_or("");
    let mut out = Vec::new();
    for segment in rest.split('/') {
        let decoded = percent_encoding::percent_decode_str(segment)
            .decode_utf8()
            .ok()?;
        if decoded == "." || decoded == ".." || decoded.contains(['/', '\\', '\0']) {
            return None;
        }
        out.push(decoded.into_owned());
    }
    Some(out.join("/"))
}

/// A file of the site as a response. HTML pages get the live-reload script and, while
/// the newest build fails, its errors over the page.
fn page(
    name: &str,
    bytes: &[u8],
    requested: &str,
    version: u64,
    errors: Option<&str>,
    status: u16,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let mime = mime_guess::from_path(name).first_or_octet_stream();
    let textual = mime.type_() == "text"
        || matches!(
            mime.subtype().as_str(),
            "javascript" | "json" | "xml" | "svg"
        );
    let content_type = if textual {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    let body = if mime.subtype() == "html" {
        live::inject(bytes, requested, version, errors)
    } else {
        bytes.to_vec()
    };
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", &content_type))
        .with_header(header("Cache-Control", "no-store"))
}

/// A refused request: its status says why (no English text that a Polish editor would
/// read in the browser; kronika's words live in the `.ftl` files).
fn refused(status: u16) -> Response<std::io::Empty> {
    Response::empty(StatusCode(status))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values are ASCII")
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn only_plain_paths_inside_the_site_are_served() {
        assert_eq!(site_path("/").as_deref(), Some(""));
        assert_eq!(
            site_path("/aktualnosci/x/").as_deref(),
            Some("aktualnosci/x/")
        );
        assert_eq!(
            site_path("/pliki/raport%202011.pdf").as_deref(),
            Some("pliki/raport 2011.pdf")
        );
        assert_eq!(
            site_path("/za%C5%BC%C3%B3%C5%82%C4%87/").as_deref(),
            Some("zażółć/")
        );
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/a/%2e/b",
            "/..%2fetc%2fpasswd",
            "/a%2fb",
            "/a%5c..%5cb",
            "/a\\..\\b",
            "/%00",
            "/%ff",
            "http://example.org/",
            "*",
            "",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }
}
