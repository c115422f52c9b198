//! Numbers that must not break across lines, joined in a page's text (docs/maintainer/site.md, "Languages:
//! dates, numbers, money, order, typography"): a Polish postal code (`80-432`) with a
//! non-breaking hyphen, and a phone number (`+48 12 616 54 20`, `12 616-54-20`) with
//! no-break spaces and non-breaking hyphens.

use std::borrow::Cow;

/// U+2011 NON-BREAKING HYPHEN.
const NB_HYPHEN: char = '\u{2011}';
/// U+00A0 NO-BREAK SPACE.
const NBSP: char = '\u{a0}';

/// `text` (a run of HTML text, entities left as they are) with its postal codes and phone
/// numbers joined.
pub fn join(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Both need digits; most text has none.
    let first = bytes.iter().position(u8::is_ascii_digit);
    if !first.is_some_and(|i| may_join(&bytes[i..])) {
        return Cow::Borrowed(text);
    }
    let mut chars: Vec<char> = text.chars().collect();
    let mut changed = postal_codes(&mut chars);
    changed |= phone_numbers(&mut chars);
    if changed {
        Cow::Owned(chars.into_iter().collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` has what a postal code or a phone number needs: the digits of `NN-NNN`
/// in a row, or at least 9 digits. Most runs of text with digits (the dates of the change
/// register, counts, years) have neither and are left without being copied into characters
/// (docs/dev/performance.md, "Change register").
fn may_join(text: &[u8]) -> bool {
    let digit = |i: usize| text.get(i).is_some_and(u8::is_ascii_digit);
    let mut digits = 0;
    for (i, b) in text.iter().enumerate() {
        if b.is_ascii_digit() {
            digits += 1;
            if digits == 9 {
                return true;
            }
        } else if *b == b'-'
            && i >= 2
            && digit(i - 2)
            && digit(i - 1)
            && (1..4).all(|k| digit(i + k))
        {
            return true;
        }
    }
    false
}

fn digit(c: Option<&char>) -> bool {
    c.is_some_and(char::is_ascii_digit)
}

/// Whether a number may start after `c` (nothing, or not a letter or digit).
fn boundary(c: Option<&char>) -> bool {
    !c.is_some_and(|c| c.is_alphanumeric())
}

/// `NN-NNN` standing alone: its hyphen made non-breaking.
fn postal_codes(chars: &mut [char]) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i + 6 <= chars.len() {
        let alone_before =
            i == 0 || (boundary(chars.get(i - 1)) && !matches!(chars[i - 1], '-' | '.' | ','));
        let shape = digit(chars.get(i))
            && digit(chars.get(i + 1))
            && chars[i + 2] == '-'
            && (3..6).all(|k| digit(chars.get(i + k)));
        let alone_after = boundary(chars.get(i + 6)) && chars.get(i + 6) != Some(&'-');
        if alone_before && shape && alone_after {
            chars[i + 2] = NB_HYPHEN;
            changed = true;
            i += 6;
        } else {
            i += 1;
        }
    }
    changed
}

/// Groups of digits separated by single spaces or hyphens, 9 to 12 digits in at least
/// three groups (or two after `+`): a phone number, its separators made non-breaking.
fn phone_numbers(chars: &mut [char]) -> bool {
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let starts = digit(chars.get(i))
            && (i == 0 || (boundary(chars.get(i - 1)) && !matches!(chars[i - 1], '-' | '.' | ',')));
        if !starts {
            i += 1;
            continue;
        }
        let plus = i > 0 && chars[i - 1] == '+';
        let (mut digits, mut groups, mut separators) = (0, 0, Vec::new());
        let mut j = i;
        loop {
            let start = j;
            while digit(chars.get(j)) {
                j += 1;
            }
            digits += j - start;
            groups += 1;
            if matches!(chars.get(j), Some(' ' | '-')) && digit(chars.get(j + 1)) {
                separators.push(j);
                j += 1;
            } else {
                break;
            }
        }
        // Not followed by a letter, or by a decimal part (`12 345,67`).
        let ends = match chars.get(j) {
            None => true,
            Some(',' | '.') => !digit(chars.get(j + 1)),
            Some(c) => !c.is_alphanumeric(),
        };
        if ends && (9..=12).contains(&digits) && (groups >= 3 || (plus && groups >= 2)) {
            for s in separators {
                chars[s] = if chars[s] == '-' { NB_HYPHEN } else { NBSP };
            }
            changed = true;
        }
        i = j.max(i + 1);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn postal_codes_and_phone_numbers_are_joined() {
        for (text, joined) in [
            (
                "ul. Długa 1, 80-432 Gdańsk",
                "ul. Długa 1, 80\u{2011}432 Gdańsk",
            ),
            ("tel. 12 616 54 20", "tel. 12\u{a0}616\u{a0}54\u{a0}20"),
            (
                "tel. +48 12 616 54 20.",
                "tel. +48\u{a0}12\u{a0}616\u{a0}54\u{a0}20.",
            ),
            ("tel. 12 616-54-20", "tel. 12\u{a0}616\u{2011}54\u{2011}20"),
            ("kom. 600 123 456, faks", "kom. 600\u{a0}123\u{a0}456, faks"),
        ] {
            assert_eq!(join(text), joined, "{text}");
        }
    }

    #[test]
    fn other_numbers_are_left_alone() {
        for text in [
            "2012-02-15",
            "w latach 2008-2015",
            "3 617 osób",
            "kod 180-4321",
            "A80-432",
            "1.80-432",
            "12 616 5",
            "bez cyfr",
        ] {
            assert_eq!(join(text), text, "{text}");
        }
    }
}
