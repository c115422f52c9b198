//! Properties that must hold for any input, checked with generated cases (proptest):
//! slugs are always valid, stable and idempotent; every link kronika writes leads to the
//! page it names, under a base path and offline; money sums are exact to the grosz and
//! the formatted amount reads back as the same number.

mod common;

use std::path::Path;

use common::normalise;

use kronika::config::BaseUrl;
use kronika::locale::{Grouping, Numbers};
use kronika::types::Slug;
use kronika::urls::{LinkStyle, output_file};
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    #[test]
    fn a_slug_from_any_text_is_valid_stable_and_idempotent(text in "\\PC{0,40}") {
        if let Some(slug) = Slug::from_text(&text) {
            let s = slug.as_str();
            prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s}");
            prop_assert!(Slug::parse(s).is_some(), "{s} is not a valid slug");
            prop_assert_eq!(Slug::from_text(s).map(|x| x.to_string()), Some(s.to_string()));
            prop_assert_eq!(Slug::from_text(&text).map(|x| x.to_string()), Some(s.to_string()));
            prop_assert!(!s.contains(".."), "{s}");
        }
    }

    #[test]
    fn polish_letters_always_transliterate(word in "[a-zA-ZąćęłńóśźżĄĆĘŁŃÓŚŹŻ]{1,20}") {
        let slug = Slug::from_text(&word).expect("letters give a slug");
        prop_assert!(slug.as_str().bytes().all(|b| b.is_ascii_lowercase()), "{}", slug);
        prop_assert_eq!(slug.as_str().len(), word.chars().count(), "one letter each: {}", slug);
    }

    #[test]
    fn every_link_leads_to_the_page_it_names(
        base in "(/|/[a-z]{1,6}/|/[a-z]{1,4}/[a-z0-9]{1,4}/)",
        from in site_path(),
        to in site_path(),
        fragment in "(|#[a-z]{1,5})",
    ) {
        let base_url = BaseUrl::parse(&format!("https://example.org{base}")).expect("a base URL");
        // Under the base path: root-relative, the base path first.
        let online = LinkStyle { base: base_url.clone(), offline: false }.link_to_fragment(&from, &to, &fragment);
        prop_assert_eq!(&online, &format!("{base}{to}{fragment}"));
        // Offline: relative to the page's file, naming a file, never a folder.
        let offline = LinkStyle { base: base_url.clone(), offline: true }.link_to_fragment(&from, &to, &fragment);
        let (path, frag) = offline.split_at(offline.find('#').unwrap_or(offline.len()));
        prop_assert_eq!(frag, fragment.as_str());
        prop_assert!(!path.starts_with('/') && !path.ends_with('/'), "{offline}");
        let from_dir = Path::new(&output_file(&from)).parent().unwrap().to_path_buf();
        prop_assert_eq!(normalise(&from_dir.join(path)), Some(output_file(&to)), "{} from {}", offline, from);
        // Absolute URLs (feeds, sitemap) keep origin and base path.
        prop_assert_eq!(base_url.absolute(&to), format!("https://example.org{base}{to}"));
    }

    #[test]
    fn a_file_of_any_name_is_linked_by_a_url_that_decodes_to_it(
        from in site_path(),
        name in "[^/.][^/]{0,19}",
    ) {
        let to = format!("a/{name}");
        let base = BaseUrl::parse("https://example.org/archiwum/").expect("a base URL");
        for offline in [false, true] {
            let style = LinkStyle { base: base.clone(), offline };
            let link = style.link(&from, &to);
            // Nothing in the link ends the path early or is left for a browser to guess.
            prop_assert!(link.bytes().all(|b| b.is_ascii_graphic() && !b"#?\\\"<>".contains(&b)), "{}", link);
            let decoded = percent_encoding::percent_decode_str(&link).decode_utf8().unwrap().into_owned();
            if offline {
                let from_dir = Path::new(&output_file(&from)).parent().unwrap().to_path_buf();
                prop_assert_eq!(normalise(&from_dir.join(&decoded)), Some(to.clone()), "{}", link);
            } else {
                prop_assert_eq!(decoded, format!("/archiwum/{to}"));
            }
        }
    }

    #[test]
    fn money_sums_are_exact_and_read_back(cents in prop::collection::vec(-10_000_000_000i64..10_000_000_000, 1..50)) {
        let amounts: Vec<Decimal> = cents.iter().map(|&c| Decimal::new(c, 2)).collect();
        let sum: Decimal = amounts.iter().sum();
        prop_assert_eq!(sum, Decimal::new(cents.iter().sum::<i64>(), 2));
        let pl = Numbers::new("pl-PL", Grouping::FromFourDigits);
        let en = Numbers::new("en-GB", Grouping::FromFourDigits);
        let polish = pl.amount(&sum);
        let english = en.amount(&sum);
        let back_pl: Decimal = polish.replace('\u{a0}', "").replace(',', ".").parse().unwrap();
        let back_en: Decimal = english.replace(',', "").parse().unwrap();
        prop_assert_eq!(back_pl, sum, "{}", polish);
        prop_assert_eq!(back_en, sum, "{}", english);
        // Exactly two decimals.
        prop_assert_eq!(polish.rsplit(',').next().map(str::len), Some(2), "{}", polish);
    }
}

/// A site path as the URL table makes them: folders ending in `/`, or a file.
fn site_path() -> impl Strategy<Value = String> {
    (
        prop::collection::vec("[a-z0-9][a-z0-9-]{0,8}", 0..4),
        prop_oneof!["", "[a-z]{1,8}\\.(html|xml|pdf)"],
    )
        .prop_map(|(segments, file)| {
            let mut p: String = segments.iter().map(|s| format!("{s}/")).collect();
            p.push_str(&file);
            p
        })
}
