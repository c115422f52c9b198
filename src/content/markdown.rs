//! Markdown → HTML (CommonMark with tables, footnotes, strikethrough), heading ids, `@/`
//! links resolved to their targets, and raw HTML sanitised (or refused) with located warnings.

use std::cell::Cell;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::body::{Body, FragmentLink, photo_stand_in, stand_in};
use super::sanitize::{self, Reason, Removal, Removed};
use crate::config::RawHtml;
use crate::diagnostics::{Diagnostic, Locator, Span};
use crate::messages::Message;
use crate::msg;
use crate::types::{Date, Slug};

/// The Markdown of a body: CommonMark with tables, footnotes, strikethrough and heading
/// attributes (`{#id}`). `kronika check` reads bodies with the same options.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// A rendered body.
pub struct Rendered {
    pub body: Body,
    /// Plain text of the first paragraph: the default summary.
    pub first_paragraph: String,
}

/// Where the body sits in its file, for located errors.
pub struct Source<'a> {
    pub path: &'a str,
    /// The whole file, to quote the offending line.
    pub file: &'a str,
    /// 1-based line of the file where `body` starts.
    pub body_line: usize,
}

/// Why an `@/` link cannot be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unresolved {
    /// No content file has that path.
    Missing,
    /// The file exists but is not published.
    NotPublished(Unpublished),
    /// The file exists but has errors of its own, reported once, there.
    TargetHasErrors,
}

/// Why an item is left out of the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unpublished {
    Draft,
    /// Dated in the future: published on that day.
    Embargoed(Date),
}

/// Where an event of the body came from, to locate what the sanitiser removes from its HTML.
#[derive(Clone)]
struct Origin {
    /// Byte range in the body; `None` for markup kronika adds.
    range: Option<Range<usize>>,
    /// Raw HTML written out as it stands in the body, so that offsets in the HTML are
    /// offsets in the body.
    verbatim: bool,
    raw: bool,
}

/// Renders `body`, with raw HTML allowed and sanitised: see [`render_with`].
pub fn render(
    body: &str,
    src: &Source,
    resolve: &dyn Fn(&str) -> Result<String, Unresolved>,
    errors: &mut Vec<Diagnostic>,
) -> Rendered {
    render_with(body, src, resolve, RawHtml::Allow, errors)
}

/// Renders `body`. `resolve` maps an internal link target (`projects/x.yaml`, the part after
/// `@/` up to its `#fragment`) to the site path it leads to, or says why there is none. The
/// rendered body keeps the site path: the address is written for a link style when a page
/// shows the body ([`Body::html`]).
///
/// A body whose HTML could carry more than pulldown-cmark's own markup — raw HTML, a link or
/// image address with a scheme other than the web's, mail and phone, a heading with
/// attributes — is sanitised ([`sanitize`]), and each kind of removal is a warning at its
/// first place in the file. Other bodies are written untouched. With [`RawHtml::Error`],
/// every piece of raw HTML is an error instead.
pub fn render_with(
    body: &str,
    src: &Source,
    resolve: &dyn Fn(&str) -> Result<String, Unresolved>,
    raw_html: RawHtml,
    errors: &mut Vec<Diagnostic>,
) -> Rendered {
    render_full(body, src, resolve, None, raw_html, errors)
}

/// Finds the image a body names by its address (docs/maintainer/content.md, "Photos").
pub type FindPhoto<'a> = &'a dyn Fn(&str) -> Result<crate::photos::Found, crate::photos::Problem>;

/// A Markdown image being read: found, its description not yet complete.
struct OpenImage {
    found: crate::photos::Found,
    caption: String,
    alt: String,
    /// Where `![` is in the body, and the image's source text.
    range: Range<usize>,
}

/// [`render_with`], with the body's images found by `photos` (docs/maintainer/content.md, "Photos"): each
/// image of the item's folder or of `static/` is written as a [`crate::photos::Photo`],
/// a missing one is an error, and one without alt text a warning.
pub fn render_full(
    body: &str,
    src: &Source,
    resolve: &dyn Fn(&str) -> Result<String, Unresolved>,
    photos: Option<FindPhoto>,
    raw_html: RawHtml,
    errors: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut events: Vec<Event> = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    let mut needs_sanitising = false;
    let mut refused = RawHtmlRefusals::default();
    // Places come in order: one reading of the body locates them all.
    let mut locator = Locator::new(body, src.body_line);
    let mut in_image = 0usize;
    let mut first_paragraph = String::new();
    let mut paragraph_state = 0u8; // 0 before, 1 inside, 2 done
    let mut heading_start: Option<usize> = None;
    let mut fragments: Vec<FragmentLink> = Vec::new();
    // The theme's `<main id="main">` is on every page: a heading `## Main` becomes `main-2`.
    let mut used_ids: HashMap<String, usize> = HashMap::from([("main".to_string(), 1)]);
    let mut last_heading: Option<String> = None;
    // The site paths of the `@/` links, in order.
    let mut links: Vec<String> = Vec::new();
    let mut found_photos: Vec<crate::photos::Photo> = Vec::new();
    let mut open_image: Option<OpenImage> = None;

    let mut parser = Parser::new_ext(body, OPTIONS).into_offset_iter().peekable();
    while let Some((event, range)) = parser.next() {
        match &event {
            Event::Start(Tag::Paragraph) if paragraph_state == 0 => paragraph_state = 1,
            Event::End(TagEnd::Paragraph) if paragraph_state == 1 => paragraph_state = 2,
            Event::Text(t) | Event::Code(t) if paragraph_state == 1 => first_paragraph.push_str(t),
            Event::SoftBreak | Event::HardBreak if paragraph_state == 1 => {
                first_paragraph.push(' ')
            }
            _ => {}
        }
        let mut raw = false;
        match &event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ => {}
        }
        // Photos: an image of the site is replaced by its stand-in, with its description
        // kept as its alt text.
        if let Some(open) = &mut open_image {
            match &event {
                Event::Text(t) | Event::Code(t) => open.alt.push_str(t),
                Event::SoftBreak | Event::HardBreak => open.alt.push(' '),
                Event::End(TagEnd::Image) if in_image == 0 => {
                    let Some(open) = open_image.take() else {
                        continue;
                    };
                    let source = &body[open.range.clone()];
                    let alt = open.alt.trim();
                    if alt.is_empty() && !is_decorative(source) {
                        let d = Diagnostic::warning(src.path, msg!("photo-no-alt"));
                        errors.push(
                            locator
                                .place(d, open.range.start, source.find(']').map_or(2, |i| i + 1))
                                .help(msg!("photo-no-alt-help")),
                        );
                    }
                    // A captioned photo alone in its paragraph is a figure, which may not
                    // stand inside a paragraph.
                    let alone = matches!(events.last(), Some(Event::Start(Tag::Paragraph)))
                        && matches!(parser.peek(), Some((Event::End(TagEnd::Paragraph), _)));
                    let caption = Some(open.caption.as_str()).filter(|_| alone);
                    let photo = crate::photos::Photo::new(open.found, alt, caption);
                    if photo.caption.is_some() {
                        events.pop();
                        origins.pop();
                        parser.next();
                        if paragraph_state == 1 {
                            paragraph_state = 2;
                        }
                    }
                    found_photos.push(photo);
                    events.push(Event::Text(CowStr::from(photo_stand_in(
                        found_photos.len() - 1,
                    ))));
                    origins.push(Origin {
                        range: Some(open.range),
                        verbatim: false,
                        raw: false,
                    });
                }
                _ => {}
            }
            continue;
        }
        if let (
            Some(find),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }),
        ) = (photos, &event)
            && in_image == 1
            && crate::photos::is_local(dest_url)
        {
            match find(dest_url) {
                Ok(found) => {
                    open_image = Some(OpenImage {
                        found,
                        caption: title.to_string(),
                        alt: String::new(),
                        range: range.clone(),
                    });
                    continue;
                }
                Err(problem) => {
                    let (message, help) = problem.message();
                    let at = body[range.clone()]
                        .find(dest_url.as_ref())
                        .map_or(range.start, |i| range.start + i);
                    let d = Diagnostic::error(src.path, message);
                    errors.push(locator.place(d, at, dest_url.len().max(1)).help(help));
                }
            }
        }
        match &event {
            // Inside an image's description raw HTML is written as text (the `alt`).
            Event::Html(html) | Event::InlineHtml(html) if in_image == 0 => {
                raw = true;
                needs_sanitising = true;
                if raw_html == RawHtml::Error {
                    refused.see(&event, html, range.clone());
                }
            }
            Event::Start(Tag::HtmlBlock) if raw_html == RawHtml::Error => {
                refused.block(range.clone())
            }
            Event::End(TagEnd::HtmlBlock) => refused.in_block = false,
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !dest_url.starts_with("@/") && !sanitize::url_allowed(dest_url) =>
            {
                needs_sanitising = true
            }
            // `{onclick=…}` after a heading would reach the page as an attribute.
            Event::Start(Tag::Heading { attrs, .. }) if !attrs.is_empty() => {
                needs_sanitising = true
            }
            _ => {}
        }
        let verbatim = match &event {
            Event::Html(html) | Event::InlineHtml(html) => {
                body.get(range.clone()) == Some(html.as_ref())
            }
            _ => false,
        };
        let mut origin = Origin {
            range: Some(range.clone()),
            verbatim,
            raw,
        };
        let inline = matches!(event, Event::InlineHtml(_));
        let event = match event {
            Event::Html(h) | Event::InlineHtml(h)
                if in_image == 0 && photos.is_some() && has_img_tag(&h) =>
            {
                let at = verbatim.then_some(range.start);
                let raw_src = RawImageSource {
                    src,
                    at,
                    range: range.clone(),
                };
                let out = match photos {
                    Some(find) => {
                        rewrite_raw_images(&h, &raw_src, find, &mut links, &mut locator, errors)
                    }
                    None => None,
                };
                let h = match out {
                    Some(new) => {
                        // Offsets in the HTML are no longer offsets in the body.
                        origin.verbatim = false;
                        CowStr::from(new)
                    }
                    None => h,
                };
                if inline {
                    Event::InlineHtml(h)
                } else {
                    Event::Html(h)
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let target = &dest_url[2..];
                let (key, fragment) = target.split_at(target.find('#').unwrap_or(target.len()));
                let href = match resolve(key) {
                    // A stand-in for the address, then the fragment: both written, and
                    // judged by the sanitiser, as the address would be.
                    Ok(path) => {
                        if let Some(id) = fragment.strip_prefix('#').filter(|f| !f.is_empty()) {
                            let at = body[range.clone()]
                                .find("@/")
                                .map_or(range.start, |i| range.start + i);
                            let id = percent_encoding::percent_decode_str(id)
                                .decode_utf8_lossy()
                                .into_owned();
                            let message =
                                msg!("link-fragment-missing", target = target, fragment = &id);
                            let error = locator
                                .place(Diagnostic::error(src.path, message), at, dest_url.len())
                                .help(msg!("link-fragment-missing-help"));
                            fragments.push(FragmentLink {
                                target: path.clone(),
                                id,
                                error,
                            });
                        }
                        links.push(path);
                        format!("{}{fragment}", stand_in(links.len() - 1))
                    }
                    Err(why) => {
                        let at = body[range.clone()]
                            .find("@/")
                            .map_or(range.start, |i| range.start + i);
                        let message =
                            match why {
                                Unresolved::Missing => Some(msg!("link-missing", target = target)),
                                Unresolved::NotPublished(Unpublished::Draft) => {
                                    Some(msg!("link-to-draft", target = target))
                                }
                                Unresolved::NotPublished(Unpublished::Embargoed(date)) => Some(
                                    msg!("link-to-embargoed", target = target, date = date.iso()),
                                ),
                                // The build fails on the target's own error; the link is not
                                // another (docs/maintainer/cli.md, "Errors and warnings").
                                Unresolved::TargetHasErrors => None,
                            };
                        if let Some(message) = message {
                            let d = locator.place(
                                Diagnostic::error(src.path, message),
                                at,
                                dest_url.len(),
                            );
                            errors.push(d.help(msg!("link-help")));
                        }
                        String::from("#")
                    }
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(href),
                    title,
                    id,
                })
            }
            other => other,
        };
        match &event {
            // Wide tables scroll inside their wrapper instead of widening the page (WCAG
            // reflow); the wrapper takes keyboard focus so that it can be scrolled without a
            // mouse, and is named by the heading above the table.
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html(CowStr::from(match &last_heading {
                    Some(id) => format!(
                        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}\">"
                    ),
                    None => "<div class=\"table-wrap\" tabindex=\"0\">".to_string(),
                })));
                origins.push(Origin::added());
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                origins.push(origin);
                events.push(Event::Html(CowStr::from("</div>\n")));
                origins.push(Origin::added());
                continue;
            }
            Event::Start(Tag::Heading { .. }) => heading_start = Some(events.len()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(start) = heading_start.take() {
                    last_heading = assign_heading_id(&mut events, start, &mut used_ids);
                }
            }
            _ => {}
        }
        events.push(event);
        origins.push(origin);
    }
    for at in refused.places {
        // The caret marks the first tag, not the whole block.
        let len = body[at.clone()].find('>').map_or(at.len(), |i| i + 1);
        let d = Diagnostic::error(src.path, msg!("html-raw-not-allowed"));
        errors.push(
            locator
                .place(d, at.start, len)
                .help(msg!("html-raw-not-allowed-help")),
        );
    }
    let rendered = if needs_sanitising {
        let (html, marks) = write_tracked(events, origins);
        if let Some(at) = sanitize::too_deep(&html) {
            // Not parsed at all: parsing it would take time growing with the square of
            // the depth. The build fails, so no page needs the HTML.
            let tag = Removal {
                what: Removed::Tag { tag: String::new() },
                why: Reason::Unsupported,
                at,
            };
            let (at, _) = locate(&tag, &html, &marks, body);
            let d = Diagnostic::error(src.path, msg!("html-too-deep", max = sanitize::MAX_DEPTH));
            errors.push(
                locator
                    .place(d, at.start, at.len())
                    .help(msg!("html-too-deep-help", max = sanitize::MAX_DEPTH)),
            );
            return Rendered {
                body: Body::default(),
                first_paragraph: first_paragraph.trim().to_string(),
            };
        }
        let refused_raw = raw_html == RawHtml::Error;
        let removals = sanitize::removals(&html)
            .into_iter()
            .map(|r| (locate(&r, &html, &marks, body), r))
            .filter(|((_, raw), _)| !(refused_raw && *raw))
            .map(|((at, _), r)| (at, r));
        report_removals(removals, body, src, errors);
        Body::from_marked_with_photos(&sanitize::clean(&html), &links, found_photos, true)
    } else {
        let mut out = String::with_capacity(body.len() * 3 / 2);
        html::push_html(&mut out, events.into_iter());
        if links.is_empty() && found_photos.is_empty() {
            Body::plain(out)
        } else {
            Body::from_marked_with_photos(&out, &links, found_photos, false)
        }
    };
    Rendered {
        body: rendered.with_fragments(fragments),
        first_paragraph: first_paragraph.trim().to_string(),
    }
}

/// Whether raw HTML has an `<img>` tag.
fn has_img_tag(html: &str) -> bool {
    html.as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"<img"))
}

/// Where raw HTML with images stands, to locate what is wrong with them.
struct RawImageSource<'a> {
    src: &'a Source<'a>,
    /// The body offset of the HTML when it stands there as it is.
    at: Option<usize>,
    /// The event's range in the body.
    range: Range<usize>,
}

/// The attributes of the tag starting at `html[start..]` (just after its name), each with
/// the byte range of its value, and where the tag ends.
fn tag_attributes(html: &str, start: usize) -> (Vec<(String, Range<usize>)>, usize) {
    let b = html.as_bytes();
    let mut i = start;
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return (attrs, i);
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[j + 1..].find(q as char).map_or(b.len(), |e| j + 1 + e);
                    i = (end + 1).min(b.len());
                    j + 1..end
                }
                _ => {
                    let end = html[j..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(b.len(), |e| j + e);
                    i = end;
                    j..end
                }
            };
            attrs.push((name, value));
        } else {
            attrs.push((name, i..i));
        }
    }
}

/// Raw HTML with each `<img>` of the site pointing at the widest copy of its photo (with
/// its size when the tag gives none), or `None` when nothing changes. A missing image is
/// an error and one without `alt` a warning, as in Markdown (docs/maintainer/content.md, "Photos").
fn rewrite_raw_images(
    html: &str,
    at: &RawImageSource,
    find: FindPhoto,
    links: &mut Vec<String>,
    locator: &mut Locator,
    errors: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut out = String::with_capacity(html.len() + 64);
    let mut written = 0;
    let mut search = 0;
    let lower = html.to_ascii_lowercase();
    // Where a place in the HTML is in the body: exact when it stands there as it is.
    let place = |offset: usize, len: usize| match at.at {
        Some(start) => (start + offset, len),
        None => (at.range.start, 1),
    };
    while let Some(found) = lower[search..].find("<img") {
        let tag = search + found;
        let name_end = tag + 4;
        search = name_end;
        if !html[name_end..].starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        {
            continue;
        }
        let (attrs, _) = tag_attributes(html, name_end);
        let get = |n: &str| attrs.iter().find(|(a, _)| a == n).map(|(_, r)| r.clone());
        if get("alt").is_none() {
            let (o, l) = place(tag, 4);
            let d = Diagnostic::warning(at.src.path, msg!("photo-no-alt"));
            errors.push(locator.place(d, o, l).help(msg!("photo-no-alt-help")));
        }
        let Some(value) = get("src") else { continue };
        let address = &html[value.clone()];
        if !crate::photos::is_local(address) {
            continue;
        }
        match find(address) {
            Ok(found) => {
                let Some((_, widest)) = found.copies.last() else {
                    continue;
                };
                links.push(widest.clone());
                if get("width").is_none() && get("height").is_none() {
                    out.push_str(&html[written..name_end]);
                    out.push_str(&format!(
                        " width=\"{}\" height=\"{}\"",
                        found.width, found.height
                    ));
                    written = name_end;
                }
                out.push_str(&html[written..value.start]);
                out.push_str(&stand_in(links.len() - 1));
                written = value.end;
            }
            Err(problem) => {
                let (message, help) = problem.message();
                let (o, l) = place(value.start, value.len().max(1));
                let d = Diagnostic::error(at.src.path, message);
                errors.push(locator.place(d, o, l).help(help));
            }
        }
    }
    if written == 0 {
        return None;
    }
    out.push_str(&html[written..]);
    Some(out)
}

/// Whether an image's source text marks it as decorative: an explicit empty title,
/// `![](ozdobnik.png "")` (docs/maintainer/content.md, "Photos").
pub(crate) fn is_decorative(source: &str) -> bool {
    let s = source.trim_end();
    let Some(s) = s.strip_suffix(')') else {
        return false;
    };
    let s = s.trim_end();
    s.ends_with("\"\"") || s.ends_with("''") || s.ends_with("()")
}

impl Origin {
    /// Markup kronika adds (the table's scrolling region).
    fn added() -> Origin {
        Origin {
            range: None,
            verbatim: false,
            raw: false,
        }
    }
}

/// Where raw HTML stands in a body whose site refuses it: one place per HTML block and per
/// inline tag, except the end tag of an inline element already counted.
#[derive(Default)]
struct RawHtmlRefusals {
    places: Vec<Range<usize>>,
    in_block: bool,
    /// Inline elements opened and not yet closed, by name.
    open: HashMap<String, usize>,
}

impl RawHtmlRefusals {
    fn block(&mut self, range: Range<usize>) {
        self.in_block = true;
        self.places.push(range);
    }

    fn see(&mut self, event: &Event, html: &str, range: Range<usize>) {
        if self.in_block || !matches!(event, Event::InlineHtml(_)) {
            if !self.in_block {
                self.places.push(range);
            }
            return;
        }
        let name = |s: &str| -> String {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase()
        };
        if let Some(end) = html.strip_prefix("</") {
            if let Some(n) = self.open.get_mut(&name(end)).filter(|n| **n > 0) {
                *n -= 1;
                return;
            }
        } else if let Some(start) = html.strip_prefix('<') {
            let tag = name(start);
            if !tag.is_empty() && !html.ends_with("/>") {
                *self.open.entry(tag).or_insert(0) += 1;
            }
        }
        self.places.push(range);
    }
}

/// A [`fmt::Write`](std::fmt::Write) that keeps count of what it has written.
struct Tracked<'c> {
    out: String,
    written: &'c Cell<usize>,
}

impl std::fmt::Write for Tracked<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.push_str(s);
        self.written.set(self.out.len());
        Ok(())
    }
}

/// The HTML of `events`, and where each event's output starts in it. pulldown-cmark asks
/// for the next event only once the previous one is written, so the length written when
/// an event is taken is where its output begins.
fn write_tracked(events: Vec<Event>, origins: Vec<Origin>) -> (String, Vec<(usize, Origin)>) {
    let written = Cell::new(0);
    let mut marks = Vec::with_capacity(events.len());
    let mut out = Tracked {
        out: String::new(),
        written: &written,
    };
    let taken = events.into_iter().zip(origins).map(|(event, origin)| {
        marks.push((written.get(), origin));
        event
    });
    // Writing to a String cannot fail.
    let _ = html::write_html_fmt(&mut out, taken);
    (out.out, marks)
}

/// Where a removal found in the HTML is in the body (a byte range), and whether it is in
/// raw HTML. Raw HTML maps offset for offset; markup pulldown-cmark writes (a link, a
/// heading) points at its source, at the removed value where it can be found there.
fn locate(r: &Removal, html: &str, marks: &[(usize, Origin)], body: &str) -> (Range<usize>, bool) {
    let k = marks
        .partition_point(|(start, _)| *start <= r.at.start)
        .saturating_sub(1);
    let Some((out_start, origin)) = marks.get(k) else {
        return (0..0, false);
    };
    let Some(range) = origin.range.clone() else {
        return (0..0, false);
    };
    if origin.verbatim {
        let start = range.start + (r.at.start - out_start);
        return (start..start + r.at.len(), origin.raw);
    }
    let wanted = match &r.what {
        Removed::Url { url, .. } => url.as_str(),
        Removed::Attribute { attribute, .. } => attribute.as_str(),
        _ => &html[r.at.clone()],
    };
    let at = body[range.clone()]
        .find(wanted)
        .filter(|_| !wanted.is_empty())
        .map_or(range.start..range.start + 1, |i| {
            range.start + i..range.start + i + wanted.len()
        });
    (at, origin.raw)
}

/// How many lines the warning of a kind of removal names; `…` stands for the rest.
const LINES_NAMED: usize = 10;

/// How many kinds of removal a file's warnings name; the others are counted in one more
/// warning. Tag and attribute names are the input's, so their kinds have no bound.
const KINDS_NAMED: usize = 20;

/// A kind of removal: one warning at its first place.
struct Kind {
    message: Message,
    why: Reason,
    /// Where the first removal is, in the body and in the file.
    first_at: Range<usize>,
    first: Span,
    /// How many more removals of the kind there are, and the lines they are on.
    more: usize,
    lines: BTreeSet<usize>,
}

/// One warning per kind of removal (what is removed from which element, and why; the
/// address of a removed URL is not part of its kind), at its first place, saying how many
/// more there are and on which lines. Its length does not grow with their number, and
/// the places are found in one reading of the body (docs/maintainer/guarantees.md, "What a build guarantees").
fn report_removals(
    removals: impl Iterator<Item = (Range<usize>, Removal)>,
    body: &str,
    src: &Source,
    errors: &mut Vec<Diagnostic>,
) {
    let mut kinds: Vec<Kind> = Vec::new();
    let mut index: HashMap<(Removed, Reason), usize> = HashMap::new();
    let mut locator = Locator::new(body, src.body_line);
    for (at, r) in removals {
        let span = locator.span(at.start, at.len());
        let key = match &r.what {
            Removed::Url { tag, attribute, .. } => Removed::Url {
                tag: tag.clone(),
                attribute: attribute.clone(),
                url: String::new(),
            },
            other => other.clone(),
        };
        match index.get(&(key.clone(), r.why)) {
            Some(&k) => {
                kinds[k].more += 1;
                kinds[k].lines.insert(span.line);
            }
            None => {
                index.insert((key, r.why), kinds.len());
                kinds.push(Kind {
                    message: removal_message(&r.what),
                    why: r.why,
                    first_at: at,
                    first: span,
                    more: 0,
                    lines: BTreeSet::new(),
                });
            }
        }
    }
    let others = kinds.split_off(kinds.len().min(KINDS_NAMED));
    let mut quoter = Locator::new(body, src.body_line);
    let last = others.first().map(|first| {
        let count: usize = others.iter().map(|k| k.more + 1).sum();
        let d = Diagnostic::warning(
            src.path,
            msg!(
                "html-removed-other-kinds",
                count = count,
                kinds = others.len()
            ),
        );
        (d, first.first_at.clone())
    });
    for kind in kinds {
        let d = Diagnostic::warning(src.path, kind.message);
        let mut d = quoter.place(d, kind.first_at.start, kind.first_at.len());
        if kind.lines.iter().eq([&kind.first.line]) {
            d = d.label(msg!("html-more-on-this-line-label", count = kind.more));
        } else if !kind.lines.is_empty() {
            let mut list: Vec<String> = kind
                .lines
                .iter()
                .take(LINES_NAMED)
                .map(usize::to_string)
                .collect();
            if kind.lines.len() > LINES_NAMED {
                list.push("…".to_string());
            }
            d = d.label(msg!(
                "html-more-label",
                count = kind.more,
                lines_count = kind.lines.len(),
                lines = list.join(", ")
            ));
        }
        errors.push(d.help(reason_help(kind.why)));
    }
    if let Some((d, at)) = last {
        let d = quoter.place(d, at.start, at.len());
        errors.push(d.help(msg!("html-removed-other-kinds-help")));
    }
}

fn removal_message(what: &Removed) -> Message {
    match what {
        Removed::Element { tag } => msg!("html-removed-element", tag = tag),
        Removed::Tag { tag } => msg!("html-removed-tag", tag = tag),
        Removed::Attribute { tag, attribute } => {
            msg!("html-removed-attribute", attribute = attribute, tag = tag)
        }
        Removed::Url { tag, url, .. } => {
            // A data: address can be a whole file long.
            let shown: String = if url.chars().count() > 60 {
                url.chars().take(59).chain(['…']).collect()
            } else {
                url.clone()
            };
            msg!("html-removed-url", url = shown, tag = tag)
        }
    }
}

fn reason_help(why: Reason) -> Message {
    match why {
        Reason::Script => msg!("html-script-help"),
        Reason::Embed => msg!("html-embed-help"),
        Reason::PageWide => msg!("html-page-help"),
        Reason::Form => msg!("html-form-help"),
        Reason::Style => msg!("html-style-help"),
        Reason::DataUrl => msg!("html-data-url-help"),
        Reason::Scheme => msg!("html-scheme-help"),
        Reason::InvalidUrl => msg!("html-invalid-url-help"),
        Reason::Unsupported => msg!("html-unsupported-help"),
    }
}

/// Gives the heading starting at `events[start]` an id made of its text, unique in the body,
/// and returns it (`None` if `events[start]` is not a heading).
fn assign_heading_id(
    events: &mut [Event],
    start: usize,
    used: &mut HashMap<String, usize>,
) -> Option<String> {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        let base = match id {
            Some(given) => given.to_string(),
            None => Slug::from_text(&text).map_or_else(|| "section".to_string(), |s| s.to_string()),
        };
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let unique = if *n == 1 { base } else { format!("{base}-{n}") };
        *id = Some(CowStr::from(unique.clone()));
        return Some(unique);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BaseUrl;
    use crate::urls::LinkStyle;

    /// A rendered body as the page `aktualnosci/a/` of a site at `https://example.org/`
    /// shows it.
    struct Shown {
        html: String,
        first_paragraph: String,
    }

    fn md(body: &str) -> (Shown, Vec<Diagnostic>) {
        md_with(body, RawHtml::Allow)
    }

    fn md_with(body: &str, raw_html: RawHtml) -> (Shown, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let src = Source {
            path: "a.pl.md",
            file: body,
            body_line: 1,
        };
        let r = render_with(
            body,
            &src,
            &|t| match t {
                "projects/x.yaml" => Ok("projekty/x/".to_string()),
                _ => Err(Unresolved::Missing),
            },
            raw_html,
            &mut errors,
        );
        let style = LinkStyle {
            base: BaseUrl::parse("https://example.org/").unwrap(),
            offline: false,
        };
        let html = r.body.html(&style, "aktualnosci/a/").into_owned();
        let shown = Shown {
            html,
            first_paragraph: r.first_paragraph,
        };
        (shown, errors)
    }

    #[test]
    fn internal_links_resolve_and_headings_get_ids() {
        let (r, errors) = md("Intro *text*.\n\n## Wyniki projektu\n\n[karta](@/projects/x.yaml)\n");
        assert!(errors.is_empty());
        assert!(
            r.html.contains(r#"<h2 id="wyniki-projektu">"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<a href="/projekty/x/">karta</a>"#));
        assert_eq!(r.first_paragraph, "Intro text.");
    }

    #[test]
    fn dangling_internal_link_is_located() {
        let (_, errors) = md("Line one.\n\nSee [it](@/news/nope.pl.md).\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].span.unwrap().line, 3);
        assert_eq!(errors[0].span.unwrap().column, 10);
    }

    /// (line, column, message id) of each diagnostic.
    fn places(diags: &[Diagnostic]) -> Vec<(usize, usize, &str)> {
        diags
            .iter()
            .map(|d| {
                let s = d.span.expect("located");
                (s.line, s.column, d.message.id())
            })
            .collect()
    }

    #[test]
    fn what_pulldown_cmark_and_kronika_write_passes_the_sanitiser() {
        // One piece of raw HTML makes the whole body go through the sanitiser.
        let body = "Intro <span lang=\"en\">x</span> i [karta](@/projects/x.yaml \"Karta\").\n\n\
                    ## Wyniki {#wyniki .wide lang=pl}\n\n\
                    | a | b | c |\n| :-- | :-: | --: |\n| 1 | 2 | 3 |\n\n\
                    Przypis[^uwaga], ~~skreślenie~~, `kod`, **mocno**, *lekko*,  \nłamanie.\n\n\
                    3. trzy\n4. cztery\n\n> cytat\n\n---\n\n\
                    ![opis *obrazu*](a.png \"tytuł\") [www](https://example.org/?a=1&b=2) <https://example.org>\n\n\
                    ```rust\nlet a = 1 < 2;\n```\n\n[^uwaga]: Treść przypisu.\n";
        let (r, diags) = md(body);
        assert!(diags.is_empty(), "{diags:?}");
        for kept in [
            r#"<span lang="en">x</span>"#,
            r#"<a href="/projekty/x/" title="Karta">karta</a>"#,
            r#"<h2 id="wyniki" class="wide" lang="pl">"#,
            r#"<div class="table-wrap" role="region" tabindex="0" aria-labelledby="wyniki">"#,
            r#"<th style="text-align: left">a</th>"#,
            r#"<td style="text-align: center">2</td>"#,
            r#"<td style="text-align: right">3</td>"#,
            r##"<sup class="footnote-reference"><a href="#uwaga">1</a></sup>"##,
            r#"<div class="footnote-definition" id="uwaga"><sup class="footnote-definition-label">1</sup>"#,
            "<del>skreślenie</del>",
            "<code>kod</code>",
            "<br>",
            r#"<ol start="3">"#,
            "<blockquote>",
            "<hr>",
            r#"<img src="a.png" alt="opis obrazu" title="tytuł">"#,
            r#"<a href="https://example.org/?a=1&amp;b=2">www</a>"#,
            r#"<a href="https://example.org">https://example.org</a>"#,
            r#"<code class="language-rust">let a = 1 &lt; 2;"#,
        ] {
            assert!(r.html.contains(kept), "{kept} in:\n{}", r.html);
        }
    }

    #[test]
    fn removals_are_located_in_the_file_one_warning_per_kind() {
        let body = "Tekst.\n\n<p style=\"margin:0\" onclick=\"x()\">a</p>\n\n\
                    > cytat <img src=\"a.png\"\n> onerror=\"y()\">\n\n\
                    <div style=\"color:red\">\n\n*b*\n\n</div>\n\n\
                    <p style=\"margin:1px\">c</p>\n";
        let (r, diags) = md(body);
        assert_eq!(
            places(&diags),
            [
                (3, 4, "html-removed-attribute"),
                (3, 21, "html-removed-attribute"),
                (6, 3, "html-removed-attribute"),
                (8, 6, "html-removed-attribute"),
            ],
            "{diags:#?}"
        );
        // `style` of <p> is also on line 14; the <div>'s is a kind of its own.
        assert_eq!(
            diags[0].label,
            Some(msg!(
                "html-more-label",
                count = 1usize,
                lines_count = 1usize,
                lines = "14"
            ))
        );
        assert!(
            !r.html.contains("style=")
                && !r.html.contains("onclick")
                && !r.html.contains("onerror")
        );
        assert!(
            r.html.contains("<div>\n<p><em>b</em></p>\n</div>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_site_that_refuses_raw_html_gets_an_error_for_each_piece() {
        let body =
            "A <b>b</b> i <br/> <i>c</i></i>.\n\n<div>\nblok\n</div>\n\n![<b>x</b>](a.png)\n";
        let (_, diags) = md_with(body, RawHtml::Error);
        assert_eq!(
            places(&diags),
            [
                (1, 3, "html-raw-not-allowed"),
                (1, 14, "html-raw-not-allowed"),
                (1, 20, "html-raw-not-allowed"),
                (1, 28, "html-raw-not-allowed"),
                (3, 1, "html-raw-not-allowed"),
            ]
        );
        assert!(diags.iter().all(Diagnostic::is_error));
    }

    #[test]
    fn bodies_without_raw_html_are_not_rewritten() {
        let body = "Linia  \ndruga & \"cytat\" <https://example.org>\n\n---\n";
        let (r, _) = md(body);
        let mut plain = String::new();
        html::push_html(&mut plain, Parser::new(body));
        assert_eq!(r.html, plain);
    }

    /// Markdown that reads as `text`: every ASCII punctuation character escaped.
    fn escaped(text: &str) -> String {
        text.chars()
            .flat_map(|c| {
                let escape = c.is_ascii_punctuation().then_some('\\');
                escape.into_iter().chain([c])
            })
            .collect()
    }

    /// `template` (with `LINK` for a link's address) rendered with an `@/` link to
    /// `aktualnosci/x/` written for the page `aktualnosci/a/` in `style`, and rendered with
    /// that link's address written into the Markdown instead.
    fn written_for_the_page_and_in_place(
        template: &str,
        fragment: &str,
        style: &LinkStyle,
    ) -> (String, String) {
        let render = |body: &str| {
            let src = Source {
                path: "a.pl.md",
                file: body,
                body_line: 1,
            };
            let resolve = |key: &str| match key {
                "news/x.pl.md" => Ok("aktualnosci/x/".to_string()),
                _ => Err(Unresolved::Missing),
            };
            let mut errors = Vec::new();
            let r = render_with(body, &src, &resolve, RawHtml::Allow, &mut errors);
            assert!(errors.iter().all(|e| !e.is_error()), "{errors:?}");
            r.body.html(style, "aktualnosci/a/").into_owned()
        };
        let fragment = escaped(fragment);
        let address = escaped(&style.link("aktualnosci/a/", "aktualnosci/x/"));
        (
            render(&template.replace("LINK", &format!("@/news/x.pl.md{fragment}"))),
            render(&template.replace("LINK", &format!("{address}{fragment}"))),
        )
    }

    fn style(base_path: &str, offline: bool) -> LinkStyle {
        LinkStyle {
            base: BaseUrl {
                origin: "https://example.org".to_string(),
                path: base_path.to_string(),
            },
            offline,
        }
    }

    /// Bodies are rendered once, without knowing the link style; each page writes its
    /// links. What it writes is what rendering the address in place wrote: escaped as
    /// pulldown-cmark escapes it, or, in a body that went through the sanitiser, as the
    /// sanitiser writes it (docs/maintainer/content.md, "Links to other content: `@/…`").
    #[test]
    fn links_written_for_the_page_are_what_rendering_them_in_place_wrote() {
        let templates = [
            "See [it](<LINK> \"title\").\n",
            "<span>raw</span> [it](<LINK>) and [again](<LINK>)\n",
            // The HTML parser writes the link three times, around and inside the `<div>`.
            "A [link <div>split</div> by a block](<LINK>).\n",
            // Removed with its content by the sanitiser.
            "<script>\n\n[gone](<LINK>)\n\n</script>\n",
        ];
        for template in templates {
            for base in ["/", "/o'b&c/", "/ł\"<[x]>/"] {
                for offline in [false, true] {
                    for fragment in ["", "#program", "#it's&\"<x>#y ł"] {
                        let (now, in_place) = written_for_the_page_and_in_place(
                            template,
                            fragment,
                            &style(base, offline),
                        );
                        assert_eq!(now, in_place, "{template} {base} {offline} {fragment}");
                        assert!(!now.contains("kronika"), "{now}");
                        let written = now.matches("aktualnosci/x/").count();
                        let expected = match template {
                            t if t.starts_with("<script>") => 0,
                            t if t.starts_with("See") => 1,
                            t if t.starts_with("A [link") => 3,
                            _ => 2,
                        };
                        assert_eq!(written, expected, "{now}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_address_is_written_as_in_place(
            base in "[a-zA-Z0-9'&\"<>%\\[\\]|^ł!$()*+,;=@:~_-]{0,8}",
            fragment in "(#[ -~ł]{0,12})?",
            raw in proptest::bool::ANY,
            offline in proptest::bool::ANY,
        ) {
            let template = if raw { "<b>b</b> [it](<LINK>)\n" } else { "[it](<LINK>)\n" };
            let (now, in_place) =
                written_for_the_page_and_in_place(template, &fragment, &style(&format!("/{base}/"), offline));
            proptest::prop_assert_eq!(now, in_place);
        }
    }
}
