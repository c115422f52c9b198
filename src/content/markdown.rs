//! Markdown → HTML (CommonMark with tables, footnotes, strikethrough), heading ids and `@/` links.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::types::{Date, Slug};

/// A rendered body.
pub struct Rendered {
    pub html: String,
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
pub enum Unresolved {
    /// No content file has that path.
    Missing,
    /// The file exists but is not published.
    NotPublished(Unpublished),
}

/// Why an item is left out of the build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unpublished {
    Draft,
    /// Dated in the future: published on that day.
    Embargoed(Date),
}

/// Renders `body`. `resolve` maps an internal link target (`projects/x.yaml`, the part after
/// `@/`) to the `href` to write, or says why there is none.
pub fn render(
    body: &str,
    src: &Source,
    resolve: &dyn Fn(&str) -> Result<String, Unresolved>,
    errors: &mut Vec<Diagnostic>,
) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event> = Vec::new();
    let mut first_paragraph = String::new();
    let mut paragraph_state = 0u8; // 0 before, 1 inside, 2 done
    let mut heading_start: Option<usize> = None;
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    let mut last_heading: Option<String> = None;

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match &event {
            Event::Start(Tag::Paragraph) if paragraph_state == 0 => paragraph_state = 1,
            Event::End(TagEnd::Paragraph) if paragraph_state == 1 => paragraph_state = 2,
            Event::Text(t) | Event::Code(t) if paragraph_state == 1 => first_paragraph.push_str(t),
            Event::SoftBreak | Event::HardBreak if paragraph_state == 1 => {
                first_paragraph.push(' ')
            }
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => {
                let target = &dest_url[2..];
                let href = resolve(target).unwrap_or_else(|why| {
                    let at = body[range.clone()]
                        .find("@/")
                        .map_or(range.start, |i| range.start + i);
                    let message = match why {
                        Unresolved::Missing => msg!("link-missing", target = target),
                        Unresolved::NotPublished(Unpublished::Draft) => {
                            msg!("link-to-draft", target = target)
                        }
                        Unresolved::NotPublished(Unpublished::Embargoed(date)) => {
                            msg!("link-to-embargoed", target = target, date = date.iso())
                        }
                    };
                    errors.push(
                        Diagnostic::error(src.path, message)
                            .at(
                                Span::from_offset(body, at, dest_url.len(), src.body_line),
                                src.file,
                            )
                            .help(msg!("link-help")),
                    );
                    String::from("#")
                });
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
            Event::Start(Tag::Table(_)) => events.push(Event::Html(CowStr::from(match &last_heading {
                Some(id) => format!(
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}\">"
                ),
                None => "<div class=\"table-wrap\" tabindex=\"0\">".to_string(),
            }))),
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::from("</div>\n")));
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
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered {
        html: out,
        first_paragraph: first_paragraph.trim().to_string(),
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

    fn md(body: &str) -> (Rendered, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let src = Source {
            path: "a.pl.md",
            file: body,
            body_line: 1,
        };
        let r = render(
            body,
            &src,
            &|t| match t {
                "projects/x.yaml" => Ok("/projekty/x/".to_string()),
                _ => Err(Unresolved::Missing),
            },
            &mut errors,
        );
        (r, errors)
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
}
