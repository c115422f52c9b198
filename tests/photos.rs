//! Photos in bodies (README, "Photos"): copied beside the item's page as resized copies
//! without metadata, checked (missing, outside the folder, malformed, huge, no alt text),
//! cached between builds, and linked in every link style.

mod common;

use std::io::Cursor;

use common::Site;
use image::{DynamicImage, ImageDecoder, ImageReader, Rgb, RgbImage, Rgba, RgbaImage};

const ITEM: &str = "content/news/2012-05-10-wizyta";
const PAGE: &str = "aktualnosci/goscie-z-wilna";

/// A JPEG `w × h` px: a simple drawn scene (sky, field, sun), left half reddish.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, y| {
        if x < w / 2 {
            Rgb([220, 40 + (y * 100 / h) as u8, 40])
        } else {
            Rgb([40, 60, 200 + (y * 50 / h) as u8])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbaImage::from_fn(w, h, |x, y| {
        Rgba([(x % 256) as u8, (y % 256) as u8, 128, 255])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgba8(img)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// `jpeg` with an EXIF segment carrying an orientation tag (6: turn 90° clockwise to
/// show), the author's name and a GPS position, written by hand as a camera writes it.
fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    let entry = |t: &mut Vec<u8>, tag: u16, typ: u16, count: u32, value: [u8; 4]| {
        t.extend(tag.to_be_bytes());
        t.extend(typ.to_be_bytes());
        t.extend(count.to_be_bytes());
        t.extend(value);
    };
    // IFD0 at 8: 3 entries (2 + 36 + 4 = 42 bytes), the artist at 50, the GPS IFD at 64.
    tiff.extend(3u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut tiff, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(&mut tiff, 0x013B, 2, 13, 50u32.to_be_bytes());
    entry(&mut tiff, 0x8825, 4, 1, 64u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(b"Jan Kowalski\x00\x00");
    assert_eq!(tiff.len(), 64);
    // GPS IFD: latitude reference and latitude (three rationals at 94).
    tiff.extend(2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\x00\x00\x00");
    entry(&mut tiff, 0x0002, 5, 3, 94u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    for (n, d) in [(50u32, 1u32), (3, 1), (4567, 100)] {
        tiff.extend(n.to_be_bytes());
        tiff.extend(d.to_be_bytes());
    }
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(&app1);
    out.extend(&jpeg[2..]);
    out
}

/// The fixture with its photos: `wizyta.jpg` 1000 × 750, `dyplom.png` 300 × 200,
/// `ozdobnik.png` 40 × 10 and `static/obrazki/logo.png` 64 × 64.
fn site() -> Site {
    let site = Site::fixture("photos");
    std::fs::write(site.path(&format!("{ITEM}/wizyta.jpg")), jpeg(1000, 750)).unwrap();
    std::fs::write(site.path(&format!("{ITEM}/dyplom.png")), png(300, 200)).unwrap();
    std::fs::write(site.path(&format!("{ITEM}/ozdobnik.png")), png(40, 10)).unwrap();
    std::fs::write(site.path("static/obrazki/logo.png"), png(64, 64)).unwrap();
    site
}

fn dimensions(bytes: &[u8]) -> (u32, u32) {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .unwrap()
        .into_dimensions()
        .unwrap()
}

fn output(site: &Site, rel: &str) -> Vec<u8> {
    std::fs::read(site.path("public").join(rel))
        .unwrap_or_else(|e| panic!("{rel} should be in the output: {e}"))
}

#[test]
fn photos_are_copied_beside_the_page_in_the_sites_widths() {
    let site = site();
    let run = site.build(&[]);
    run.assert_ok();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let html = site.page(&format!("{PAGE}/index.html"));
    let doc = scraper::Html::parse_document(&html);
    let img = scraper::Selector::parse("main img").unwrap();
    let imgs: Vec<_> = doc.select(&img).collect();
    assert_eq!(imgs.len(), 4, "{html}");

    // The photo: three copies, never wider than the photo (1000 px, not 1200).
    let photo = imgs[0].value();
    let base = format!("/archiwum/{PAGE}");
    assert_eq!(
        photo.attr("src"),
        Some(format!("{base}/wizyta-1000w.jpg").as_str())
    );
    assert_eq!(
        photo.attr("srcset"),
        Some(
            format!("{base}/wizyta-480w.jpg 480w, {base}/wizyta-800w.jpg 800w, {base}/wizyta-1000w.jpg 1000w")
                .as_str()
        )
    );
    assert!(photo.attr("sizes").is_some());
    assert_eq!(photo.attr("width"), Some("1000"));
    assert_eq!(photo.attr("height"), Some("750"));
    assert_eq!(
        photo.attr("alt"),
        Some("Goście z Wilna w sali konferencyjnej")
    );
    assert_eq!(photo.attr("loading"), None, "the first photo loads at once");
    for (w, h) in [(480, 360), (800, 600), (1000, 750)] {
        let bytes = output(&site, &format!("{PAGE}/wizyta-{w}w.jpg"));
        assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]), "JPEG stays JPEG");
        assert_eq!(dimensions(&bytes), (w, h));
    }
    assert!(
        !site.exists(&format!("{PAGE}/wizyta.jpg")),
        "only the copies are published"
    );
    assert!(
        !site.exists(&format!("{PAGE}/wizyta-1200w.jpg")),
        "never upscaled"
    );

    // Its caption makes it a figure, outside any paragraph.
    let figure = scraper::Selector::parse("main figure.photo > figcaption").unwrap();
    let caption: Vec<String> = doc.select(&figure).map(|f| f.text().collect()).collect();
    // The typography of the page applies to it: a no-break space after „z”.
    assert_eq!(caption, ["Goście z\u{a0}Wilna, 10 maja 2012 r."]);
    assert!(!html.contains("<p><figure"));

    // A small PNG: one copy at its own size, PNG, no srcset; lazy below the first.
    let diploma = imgs[1].value();
    assert_eq!(
        diploma.attr("src"),
        Some(format!("{base}/dyplom-300w.png").as_str())
    );
    assert_eq!(diploma.attr("srcset"), None);
    assert_eq!(
        (diploma.attr("width"), diploma.attr("height")),
        (Some("300"), Some("200"))
    );
    assert_eq!(diploma.attr("loading"), Some("lazy"));
    let bytes = output(&site, &format!("{PAGE}/dyplom-300w.png"));
    assert!(bytes.starts_with(b"\x89PNG"), "PNG stays PNG");
    assert_eq!(dimensions(&bytes), (300, 200));

    // The decorative image: an empty alt, on purpose, and no warning (checked above).
    assert_eq!(imgs[2].value().attr("alt"), Some(""));
    // static/: by its site path, as it is.
    assert_eq!(
        imgs[3].value().attr("src"),
        Some("/archiwum/obrazki/logo.png")
    );
    assert_eq!(imgs[3].value().attr("width"), Some("64"));
    assert_eq!(output(&site, "obrazki/logo.png"), png(64, 64));

    // Not an attachment.
    assert!(!html.contains("attachments"), "{html}");

    // The translation shows the original's copies: one copy of each.
    let en = site.page("en/news/guests-from-vilnius/index.html");
    assert!(
        en.contains(&format!("src=\"{base}/wizyta-1000w.jpg\"")),
        "{en}"
    );
    assert!(en.contains("<figcaption>Guests from Vilnius, 10 May 2012</figcaption>"));
    let copies: Vec<String> = common::tree(&site.path("public"))
        .into_keys()
        .filter(|f| f.contains("wizyta"))
        .collect();
    assert_eq!(copies.len(), 3, "{copies:?}");
}
