//! A summary cut to the length lists show, the way an editor would cut it: at a word
//! boundary, never after a one-letter word or inside a number with its unit, and with its
//! quotation marks still paired (docs/maintainer/content.md, "Writing a news item").

use std::borrow::Cow;

/// The longest summary a list shows, in characters, before the ellipsis.
pub const LIST_LENGTH: usize = 240;

/// Pairs of quotation marks: opening, closing.
const QUOTES: &[(char, char)] = &[('„', '”'), ('“', '”'), ('«', '»'), ('‚', '’'), ('(', ')')];

/// `text` if it has at most `max` characters; else its longest start that ends a word
/// (not a one-letter word, and not within the last two words if they hold a number, so
/// that `3 617 osób` or `12 mln zł` are never split), followed by `…` and the closing
/// marks of the quotations and parentheses it leaves open.
pub fn cut(text: &str, max: usize) -> Cow<'_, str> {
    let text = text.trim();
    let Some((end, next)) = text.char_indices().nth(max) else {
        return Cow::Borrowed(text);
    };
    let mut kept = &text[..end];
    if !next.is_whitespace() {
        // The last word goes on past the cut: drop it.
        kept = kept.rfind(char::is_whitespace).map_or("", |i| &kept[..i]);
    }
    kept = kept.trim_end();
    loop {
        let words: Vec<(usize, &str)> = last_words(kept, 2);
        let Some(&(start, last)) = words.last() else {
            break;
        };
        let one_letter = last.chars().count() == 1 && last.chars().all(char::is_alphabetic);
        let number = words
            .iter()
            .position(|(_, w)| w.chars().any(|c| c.is_ascii_digit()));
        let drop_from = match number {
            Some(i) => words[i].0,
            None if one_letter => start,
            None => break,
        };
        kept = kept[..drop_from].trim_end();
    }
    let kept = kept.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '–' | '—' | '-' | '„' | '“' | '«' | '‚' | '(' | '"'
            )
    });
    if kept.is_empty() {
        // Nothing a word boundary leaves: the characters up to the limit.
        return Cow::Owned(format!("{}…", &text[..end]));
    }
    let mut out = String::with_capacity(kept.len() + 8);
    out.push_str(kept);
    out.push('…');
    out.push_str(&closing(kept));
    Cow::Owned(out)
}

/// The last `n` words of `text` (fewer if it has fewer), each with its byte offset.
fn last_words(text: &str, n: usize) -> Vec<(usize, &str)> {
    let mut words = Vec::with_capacity(n);
    let mut end = text.len();
    while words.len() < n {
        let trimmed = text[..end].trim_end();
        if trimmed.is_empty() {
            break;
        }
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        words.push((start, &trimmed[start..]));
        end = start;
    }
    words.reverse();
    words
}

/// The marks that close what `text` opens and leaves open, innermost first.
fn closing(text: &str) -> String {
    let mut open: Vec<char> = Vec::new();
    let mut straight = false;
    for c in text.chars() {
        if c == '"' {
            straight = !straight;
        } else if let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == c) {
            open.push(close);
        } else if let Some(i) = open.iter().rposition(|&close| close == c) {
            open.truncate(i);
        }
    }
    let mut out: String = open.into_iter().rev().collect();
    if straight {
        out.insert(0, '"');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn short_text_is_kept() {
        assert_eq!(cut("Krótko.", 240), "Krótko.");
    }

    #[test]
    fn cuts_at_a_word_boundary() {
        assert_eq!(
            cut("zrealizowano trzy wnioski o dofinansowanie", 30),
            "zrealizowano trzy wnioski…"
        );
        assert_eq!(
            cut("Programu Operacyjnego Kapitał Ludzki", 28),
            "Programu Operacyjnego…"
        );
    }

    #[test]
    fn never_after_a_one_letter_word_or_in_a_number() {
        assert_eq!(
            cut("spotkanie w Krakowie i w Warszawie", 24),
            "spotkanie w Krakowie…"
        );
        assert_eq!(
            cut("w projekcie wzięło udział 3 617 osób z Krakowa", 33),
            "w projekcie wzięło udział…"
        );
        assert_eq!(
            cut("budżet wynosi 12 mln zł na lata 2008–2015", 20),
            "budżet wynosi…"
        );
    }

    #[test]
    fn quotation_marks_stay_paired() {
        assert_eq!(
            cut(
                "projekt „Pora na aktywność” i „Klub Integracji Społecznej na os. Słonecznym”",
                50
            ),
            "projekt „Pora na aktywność” i „Klub Integracji…”"
        );
        assert_eq!(
            cut("the “Time for Activity project” was commended", 20),
            "the “Time for…”"
        );
    }

    #[test]
    fn one_long_word_is_cut_where_it_must() {
        assert_eq!(cut("abcdefghij", 4), "abcd…");
    }
}
