//! Photos in bodies (docs/maintainer/content.md, "Photos"): copied beside the item's page as resized copies
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
/// `ozdobnik.png` 40 × 10 and `static/obrazki/logo.png` 64 × 64 (drawn by
/// `draw_fixture_photos`).
fn site() -> Site {
    Site::fixture("photos")
}

/// Draws the fixture's photos again: `cargo test --test photos -- --ignored draw_fixture`.
#[test]
#[ignore]
fn draw_fixture_photos() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos");
    std::fs::write(root.join(ITEM).join("wizyta.jpg"), jpeg(1000, 750)).unwrap();
    std::fs::write(root.join(ITEM).join("dyplom.png"), png(300, 200)).unwrap();
    std::fs::write(root.join(ITEM).join("ozdobnik.png"), png(40, 10)).unwrap();
    std::fs::create_dir_all(root.join("static/obrazki")).unwrap();
    std::fs::write(root.join("static/obrazki/logo.png"), png(64, 64)).unwrap();
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
    assert_eq!(
        output(&site, "obrazki/logo.png"),
        std::fs::read(site.path("static/obrazki/logo.png")).unwrap()
    );

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

/// A PNG `w × h` px without alpha: a photo's noise over a gradient when `noisy`, flat
/// bands of colour (a drawing) otherwise.
fn rgb_png(w: u32, h: u32, noisy: bool) -> Vec<u8> {
    let mut seed = 12345u32;
    let img = RgbImage::from_fn(w, h, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let noise = if noisy { (seed >> 16) as u8 % 64 } else { 0 };
        let band = if noisy {
            (x * 120 / w) as u8
        } else {
            60 * ((x * 4 / w) as u8)
        };
        Rgb([
            band + noise,
            80 + noise,
            (y * 100 / h) as u8 / 20 * 20 + noise,
        ])
    });
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[test]
fn a_photo_saved_as_png_is_published_as_jpeg_and_a_drawing_stays_png() {
    let site = site();
    std::fs::write(
        site.path(&format!("{ITEM}/zdjecie.png")),
        rgb_png(900, 600, true),
    )
    .unwrap();
    std::fs::write(
        site.path(&format!("{ITEM}/schemat.png")),
        rgb_png(900, 600, false),
    )
    .unwrap();
    with_body(
        &site,
        "Tekst.\n\n![Sala konferencyjna](zdjecie.png)\n\n![Schemat projektu](schemat.png)",
    );
    site.build(&[]).assert_ok();
    let html = site.page(&format!("{PAGE}/index.html"));
    assert!(
        html.contains(&format!(
            "src=\"/archiwum/{PAGE}/zdjecie-900w.jpg\" srcset=\"/archiwum/{PAGE}/zdjecie-480w.jpg 480w, /archiwum/{PAGE}/zdjecie-800w.jpg 800w, /archiwum/{PAGE}/zdjecie-900w.jpg 900w\""
        )),
        "{html}"
    );
    let photo = output(&site, &format!("{PAGE}/zdjecie-900w.jpg"));
    assert!(
        photo.starts_with(&[0xFF, 0xD8, 0xFF]),
        "the photo is a JPEG"
    );
    assert_eq!(dimensions(&photo), (900, 600));
    assert!(!site.exists(&format!("{PAGE}/zdjecie-900w.png")));

    let drawing = output(&site, &format!("{PAGE}/schemat-900w.png"));
    assert!(drawing.starts_with(b"\x89PNG"), "a drawing stays PNG");
    let pixels = image::load_from_memory(&drawing).unwrap().to_rgb8();
    let source = image::load_from_memory(&rgb_png(900, 600, false))
        .unwrap()
        .to_rgb8();
    assert_eq!(pixels, source, "every pixel of a drawing is kept exactly");
}

/// The Polish item with `body` in place of its body.
fn with_body(site: &Site, body: &str) {
    site.write(
        &format!("{ITEM}/index.pl.md"),
        &format!("---\ntitle: \"Goście z Wilna\"\ndate: 2012-05-10\nslug: goscie-z-wilna\n---\n\n{body}\n"),
    );
}

const SHOWN: &str = "content/news/2012-05-10-wizyta/index.pl.md";

#[test]
fn a_missing_image_or_one_outside_the_folder_is_a_located_error() {
    let site = site();
    site.build(&[]).assert_ok();
    with_body(
        &site,
        "Tekst.\n\n![Brak](brak.jpg)\n\n![Obcy](../2011-inny/foto.jpg)\n\n<p><img src=\"zaginione.png\" alt=\"Zaginione\"></p>\n\n![Logo](/obrazki/nie-ma.png)\n\n![Plik](wizyta.gif)",
    );
    let run = site.build_refused();
    run.expect_stderr(&format!("{SHOWN}:9:9: error: image `brak.jpg` is missing"))
        .expect_stderr(
            "= help: put the photo in content/news/2012-05-10-wizyta/, or correct the name",
        )
        .expect_stderr(&format!(
            "{SHOWN}:11:9: error: image `../2011-inny/foto.jpg` is not in the item's folder"
        ))
        .expect_stderr(&format!(
            "{SHOWN}:13:14: error: image `zaginione.png` is missing"
        ))
        .expect_stderr(&format!(
            "{SHOWN}:15:9: error: image `/obrazki/nie-ma.png` is missing"
        ))
        .expect_stderr(&format!(
            "{SHOWN}:17:9: error: image `wizyta.gif` is not a JPEG or PNG file"
        ));
}

#[test]
fn an_image_without_alt_text_is_a_warning_in_the_users_language_unless_decorative() {
    let site = site();
    with_body(
        &site,
        "Tekst.\n\n![](wizyta.jpg)\n\n<img src=\"dyplom.png\">\n\n![](ozdobnik.png \"\")\n\n<img src=\"ozdobnik.png\" alt=\"\">",
    );
    let run = site.build(&[]);
    run.assert_ok();
    run.expect_stderr(&format!("{SHOWN}:9:1: warning: image without alt text"))
        .expect_stderr(&format!("{SHOWN}:11:1: warning: image without alt text"))
        .expect_stderr("mark it with an empty title: ![](ozdobnik.png \"\")");
    assert_eq!(
        run.stderr
            .matches("warning: image without alt text")
            .count(),
        2,
        "{}",
        run.stderr
    );
    let run = site.build_in_locale(&[("LANG", "pl_PL.UTF-8")], &[]);
    run.assert_ok();
    run.expect_stderr(&format!(
        "{SHOWN}:9:1: warning: obraz bez tekstu alternatywnego"
    ));
}

#[test]
fn raw_img_tags_point_at_the_widest_copy_and_get_their_size() {
    let site = site();
    with_body(
        &site,
        "Tekst.\n\n<div class=\"galeria\"><img src=\"wizyta.jpg\" alt=\"Goście\"> <img alt=\"Dyplom\" src='dyplom.png' width=\"150\"></div>",
    );
    site.build(&[]).assert_ok();
    let html = site.page(&format!("{PAGE}/index.html"));
    assert!(
        html.contains(&format!(
            "<img width=\"1000\" height=\"750\" src=\"/archiwum/{PAGE}/wizyta-1000w.jpg\" alt=\"Goście\">"
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<img alt=\"Dyplom\" src=\"/archiwum/{PAGE}/dyplom-300w.png\" width=\"150\">"
        )),
        "{html}"
    );
    assert_eq!(
        dimensions(&output(&site, &format!("{PAGE}/wizyta-1000w.jpg"))),
        (1000, 750)
    );
}

#[test]
fn metadata_is_removed_and_the_orientation_applied_to_the_pixels() {
    let site = site();
    // Stored 200 × 100, left half red; orientation 6: shown turned clockwise, 100 × 200,
    // red on top.
    let camera = with_exif(&jpeg(200, 100), 6);
    let mut decoder = ImageReader::new(Cursor::new(&camera))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    assert_eq!(
        decoder.orientation().unwrap(),
        image::metadata::Orientation::Rotate90
    );
    assert!(
        decoder.exif_metadata().unwrap().is_some(),
        "the test photo carries EXIF"
    );
    assert!(camera.windows(12).any(|w| w == b"Jan Kowalski"));
    std::fs::write(site.path(&format!("{ITEM}/wizyta.jpg")), &camera).unwrap();
    site.build(&[]).assert_ok();

    let html = site.page(&format!("{PAGE}/index.html"));
    assert!(html.contains("width=\"100\" height=\"200\""), "{html}");
    let published = output(&site, &format!("{PAGE}/wizyta-100w.jpg"));
    for secret in [&b"Exif"[..], b"Jan Kowalski", b"MM\x00\x2a"] {
        assert!(
            !published.windows(secret.len()).any(|w| w == secret),
            "metadata left in the copy"
        );
    }
    let mut decoder = ImageReader::new(Cursor::new(&published))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    assert_eq!(decoder.exif_metadata().unwrap(), None);
    assert_eq!(
        decoder.orientation().unwrap(),
        image::metadata::Orientation::NoTransforms
    );
    let pixels = DynamicImage::from_decoder(decoder).unwrap().to_rgb8();
    assert_eq!(pixels.dimensions(), (100, 200));
    let top = pixels.get_pixel(50, 20);
    let bottom = pixels.get_pixel(50, 180);
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
}

#[test]
fn copies_come_from_the_cache_on_rebuild_and_are_the_same_bytes() {
    let site = site();
    site.build(&[]).assert_ok();
    let first = common::tree(&site.path("public"));
    let cache = site.path(".kronika-cache/photos");
    let cached: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap() != "sources")
        .collect();
    assert_eq!(
        cached.len(),
        5,
        "three copies of the photo, one of each PNG: {cached:?}"
    );
    assert_eq!(
        std::fs::read_to_string(site.path(".kronika-cache/.gitignore")).unwrap(),
        "*\n"
    );

    // A build that makes the copies again (here, with the record of the last build thrown
    // away) takes every copy from the cache: a copy changed there is what it publishes.
    let copy = cached
        .iter()
        .find(|p| p.to_string_lossy().ends_with("-480.jpg"))
        .unwrap();
    std::fs::write(copy, jpeg(480, 360)).unwrap();
    std::fs::remove_dir_all(site.path(".kronika-cache/builds")).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(
        output(&site, &format!("{PAGE}/wizyta-480w.jpg")),
        jpeg(480, 360)
    );

    // The cache may be deleted at any time: the next build makes the same bytes again.
    std::fs::remove_dir_all(site.path(".kronika-cache")).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(common::tree(&site.path("public")), first);

    // A changed photo is made anew, not taken from the cache.
    std::fs::write(site.path(&format!("{ITEM}/wizyta.jpg")), jpeg(900, 600)).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(
        dimensions(&output(&site, &format!("{PAGE}/wizyta-900w.jpg"))),
        (900, 600)
    );
    // Every copy, not only the widths the old photo lacked.
    assert_eq!(
        dimensions(&output(&site, &format!("{PAGE}/wizyta-480w.jpg"))),
        (480, 320)
    );
    assert!(!site.exists(&format!("{PAGE}/wizyta-1000w.jpg")));
}

/// Beside the copies, the cache keeps each photo's digest with the size and time the
/// photo had (docs/maintainer/content.md, "Photos"): a photo that keeps them is not read
/// again; one written again is, whatever its bytes; a broken list is only read again.
#[test]
fn the_cache_knows_each_photo_by_its_size_and_time() {
    let site = site();
    site.build(&[]).assert_ok();
    let first = common::tree(&site.path("public"));
    let sources = site.path(".kronika-cache/photos/sources");
    let photo = format!("{ITEM}/wizyta.jpg");
    let listed = |name: &str| -> Vec<String> {
        std::fs::read_to_string(&sources)
            .unwrap()
            .lines()
            .filter(|l| l.ends_with(&format!("\t{name}")))
            .map(str::to_string)
            .collect()
    };
    let line = listed(&photo);
    let size = std::fs::metadata(site.path(&photo)).unwrap().len();
    assert_eq!(line.len(), 1, "the photo, by its path in the site");
    assert_eq!(line[0].split('\t').nth(1), Some(size.to_string().as_str()));

    // The same bytes written again: a new time, so the photo is read and hashed again;
    // its copies are the cached ones, and the list has the new time.
    let bytes = std::fs::read(site.path(&photo)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(site.path(&photo), &bytes).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(common::tree(&site.path("public")), first);
    assert_ne!(listed(&photo), line, "the new time is kept");

    // Other bytes of the same width (so the same copies are planned): every copy is new.
    std::fs::write(site.path(&photo), jpeg(1000, 500)).unwrap();
    site.build(&[]).assert_ok();
    for (w, h) in [(480, 240), (800, 400), (1000, 500)] {
        let copy = output(&site, &format!("{PAGE}/wizyta-{w}w.jpg"));
        assert_eq!(dimensions(&copy), (w, h));
    }
    std::fs::write(site.path(&photo), &bytes).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(common::tree(&site.path("public")), first);

    // A list that is not one is ignored, and written anew by the next build that makes
    // the copies (here, with the record of the last build thrown away).
    std::fs::write(&sources, "zepsute\n\u{0}\t\t\n").unwrap();
    std::fs::remove_dir_all(site.path(".kronika-cache/builds")).unwrap();
    site.build(&[]).assert_ok();
    assert_eq!(common::tree(&site.path("public")), first);
    assert_eq!(listed(&photo).len(), 1);

    // A photo removed from the site leaves the list.
    std::fs::remove_file(site.path(&photo)).unwrap();
    for lang in ["pl", "en"] {
        let file = format!("{ITEM}/index.{lang}.md");
        let text = std::fs::read_to_string(site.path(&file)).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains("wizyta.jpg")).collect();
        site.write(&file, &(kept.join("\n") + "\n"));
    }
    site.build(&[]).assert_ok();
    assert!(listed(&photo).is_empty());
}

#[test]
fn malformed_and_huge_images_are_located_errors() {
    let site = site();
    // A "JPEG" that is a web page.
    std::fs::write(
        site.path(&format!("{ITEM}/strona.jpg")),
        "<!DOCTYPE html><html><body>Nie znaleziono</body></html>",
    )
    .unwrap();
    // A JPEG cut short.
    let whole = jpeg(400, 300);
    std::fs::write(
        site.path(&format!("{ITEM}/ucieta.jpg")),
        &whole[..whole.len() / 2],
    )
    .unwrap();
    // A PNG whose header says 30 000 × 30 000: its pixels would need 2.7 GB.
    let mut huge = png(1, 1);
    huge[16..20].copy_from_slice(&30_000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&30_000u32.to_be_bytes());
    let crc = crc32(&huge[12..29]);
    huge[29..33].copy_from_slice(&crc.to_be_bytes());
    std::fs::write(site.path(&format!("{ITEM}/ogromne.png")), &huge).unwrap();
    with_body(
        &site,
        "Tekst.\n\n![Strona](strona.jpg)\n\n![Ucięta](ucieta.jpg)\n\n![Ogromne](ogromne.png)",
    );
    let run = site.build_refused();
    run.expect_stderr(&format!(
        "{SHOWN}:9:11: error: `strona.jpg` is not an image: its content is neither JPEG nor PNG"
    ))
    .expect_stderr(&format!(
        "{SHOWN}:11:11: error: image `ucieta.jpg` cannot be read: the file ends before the end of the image"
    ))
    .expect_stderr(&format!(
        "{SHOWN}:13:12: error: image `ogromne.png` is too large: 30,000 × 30,000 pixels"
    ));
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// CRC-32 of PNG chunks (ISO 3309), for the hand-made header above.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn offline_links_to_photos_are_relative_and_lead_to_the_files() {
    let site = site();
    site.build(&["--offline"]).assert_ok();
    let html = site.page(&format!("{PAGE}/index.html"));
    assert!(
        html.contains("src=\"../../aktualnosci/goscie-z-wilna/wizyta-1000w.jpg\""),
        "{html}"
    );
    assert!(html.contains("../../aktualnosci/goscie-z-wilna/wizyta-480w.jpg 480w"));
    assert!(html.contains("src=\"../../obrazki/logo.png\""));
    let en = site.page("en/news/guests-from-vilnius/index.html");
    assert!(
        en.contains("src=\"../../../aktualnosci/goscie-z-wilna/wizyta-1000w.jpg\""),
        "{en}"
    );
    // Each relative address leads to a file of the output.
    let page_dir = site.path("public").join(PAGE);
    assert!(
        page_dir
            .join("../../aktualnosci/goscie-z-wilna/wizyta-1000w.jpg")
            .is_file()
    );
    assert!(page_dir.join("../../obrazki/logo.png").is_file());
}

#[test]
fn a_build_in_memory_makes_the_copies_and_writes_nothing_into_the_site() {
    let site = site();
    let opts = kronika::BuildOptions {
        root: site.root().to_path_buf(),
        output: site.path("public"),
        base_url: None,
        offline: false,
        drafts: false,
        no_search: false,
        today: "2026-12-01".parse().ok().map(kronika::types::Date),
        progress: Default::default(),
    };
    let (_, files) = kronika::build_in_memory(&opts).unwrap_or_else(|e| panic!("{:?}", e.1));
    assert_eq!(
        dimensions(&files[&format!("{PAGE}/wizyta-800w.jpg")]),
        (800, 600)
    );
    assert!(!site.path(".kronika-cache").exists());
    assert!(!site.path("public").exists());
}

#[test]
fn site_yaml_sets_the_widths_and_quality_or_turns_resizing_off() {
    let site = site();
    site.append("site.yaml", "images: {widths: [300, 600], quality: 60}\n");
    site.build(&[]).assert_ok();
    let html = site.page(&format!("{PAGE}/index.html"));
    assert!(
        html.contains(
            "wizyta-300w.jpg 300w, /archiwum/aktualnosci/goscie-z-wilna/wizyta-600w.jpg 600w\""
        ),
        "{html}"
    );
    let low = output(&site, &format!("{PAGE}/wizyta-600w.jpg"));

    site.write(
        "site.yaml",
        &std::fs::read_to_string(site.path("site.yaml"))
            .unwrap()
            .replace("quality: 60", "quality: 95"),
    );
    site.build(&[]).assert_ok();
    assert!(
        output(&site, &format!("{PAGE}/wizyta-600w.jpg")).len() > low.len(),
        "higher quality, more bytes"
    );

    let yaml = std::fs::read_to_string(site.path("site.yaml")).unwrap();
    site.write(
        "site.yaml",
        &yaml.replace("{widths: [300, 600], quality: 95}", "{resize: false}"),
    );
    site.build(&[]).assert_ok();
    assert_eq!(
        dimensions(&output(&site, &format!("{PAGE}/wizyta-1000w.jpg"))),
        (1000, 750)
    );
    assert!(!site.exists(&format!("{PAGE}/wizyta-480w.jpg")));

    site.write(
        "site.yaml",
        &yaml.replace("{widths: [300, 600], quality: 95}", "{widht: [300]}"),
    );
    site.build_refused().expect_stderr("unknown key `widht`");
    site.write("site.yaml", &yaml.replace("quality: 95", "quality: 0"));
    site.build_refused()
        .expect_stderr("`images` has an invalid value");
}

/// Draws the demo site's photos: simple scenes of kronika's own making, free of any
/// licence. Run it to draw them again: `cargo test --test photos -- --ignored draw_demo`.
#[test]
#[ignore]
fn draw_demo_photos() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/news");
    let save_jpeg = |img: &RgbImage, rel: &str| {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 78)
            .encode_image(img)
            .unwrap();
        std::fs::write(root.join(rel), out).unwrap();
    };
    let rect = |img: &mut RgbImage, x0: u32, y0: u32, x1: u32, y1: u32, c: [u8; 3]| {
        for y in y0..y1.min(img.height()) {
            for x in x0..x1.min(img.width()) {
                img.put_pixel(x, y, Rgb(c));
            }
        }
    };
    let disc = |img: &mut RgbImage, cx: i64, cy: i64, r: i64, c: [u8; 3]| {
        for y in (cy - r).max(0)..(cy + r).min(img.height() as i64) {
            for x in (cx - r).max(0)..(cx + r).min(img.width() as i64) {
                if (x - cx).pow(2) + (y - cy).pow(2) <= r * r {
                    img.put_pixel(x as u32, y as u32, Rgb(c));
                }
            }
        }
    };
    // People: a head and shoulders, in varied clothes.
    let person = |img: &mut RgbImage, x: u32, base: u32, s: u32, coat: [u8; 3]| {
        rect(img, x - s, base - 3 * s, x + s, base, coat);
        disc(
            img,
            x as i64,
            (base - 3 * s - s * 3 / 4) as i64,
            (s * 3 / 4) as i64,
            [233, 196, 160],
        );
    };

    // A conference hall: wall, windows, a long table and the guests around it.
    let mut hall = RgbImage::from_fn(1600, 1000, |_, y| {
        if y < 620 {
            Rgb([226, 221, 208])
        } else {
            Rgb([150, 110, 80])
        }
    });
    for i in 0..4 {
        let x = 120 + i * 380;
        rect(&mut hall, x, 90, x + 240, 420, [160, 200, 235]);
        rect(&mut hall, x + 115, 90, x + 125, 420, [245, 245, 245]);
    }
    let coats = [
        [40, 60, 110],
        [90, 30, 40],
        [50, 90, 60],
        [70, 70, 70],
        [120, 90, 40],
    ];
    for i in 0..9 {
        person(
            &mut hall,
            230 + i * 145,
            700,
            42,
            coats[i as usize % coats.len()],
        );
    }
    rect(&mut hall, 140, 690, 1460, 760, [110, 70, 45]);
    rect(&mut hall, 700, 500, 900, 560, [200, 30, 40]);
    save_jpeg(&hall, "2011-10-19-delegacja-z-wilna/wizyta.jpg");

    // The social integration club: a room with a circle of chairs and a board.
    let mut club = RgbImage::from_fn(1400, 900, |_, y| {
        if y < 520 {
            Rgb([240, 232, 200])
        } else {
            Rgb([120, 140, 120])
        }
    });
    rect(&mut club, 480, 120, 920, 400, [40, 80, 60]);
    rect(&mut club, 500, 140, 900, 380, [60, 110, 80]);
    for i in 0..7 {
        let x = 170 + i * 180;
        person(&mut club, x, 760, 36, coats[(i as usize + 2) % coats.len()]);
        rect(&mut club, x - 45, 760, x + 45, 780, [90, 60, 40]);
    }
    save_jpeg(&club, "2011-10-24-prezydencja-wizyty-studyjne/klub.jpg");

    // A commendation certificate: paper, a border, lines of text and a seal.
    let mut diploma = RgbImage::from_pixel(1000, 700, Rgb([250, 246, 232]));
    rect(&mut diploma, 30, 30, 970, 44, [150, 120, 40]);
    rect(&mut diploma, 30, 656, 970, 670, [150, 120, 40]);
    rect(&mut diploma, 30, 30, 44, 670, [150, 120, 40]);
    rect(&mut diploma, 956, 30, 970, 670, [150, 120, 40]);
    rect(&mut diploma, 300, 110, 700, 150, [60, 60, 60]);
    for (i, w) in [560u32, 620, 480, 600, 380].iter().enumerate() {
        let y = 230 + i as u32 * 55;
        rect(
            &mut diploma,
            500 - w / 2,
            y,
            500 + w / 2,
            y + 14,
            [120, 120, 120],
        );
    }
    disc(&mut diploma, 800, 560, 60, [190, 30, 40]);
    disc(&mut diploma, 800, 560, 44, [215, 60, 60]);
    std::fs::create_dir_all(root.join("2014-02-20-aktywna-integracja-wloclawek")).unwrap();
    save_jpeg(
        &diploma,
        "2014-02-20-aktywna-integracja-wloclawek/dyplom.jpg",
    );

    // A decorative ornament: a row of diamonds, a PNG.
    let ornament = RgbaImage::from_fn(600, 24, |x, y| {
        let dx = (x % 40) as i32 - 20;
        let dy = y as i32 - 12;
        if dx.abs() + dy.abs() <= 9 {
            Rgba([21, 84, 160, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    ornament
        .save(root.join("2011-10-24-prezydencja-wizyty-studyjne/ozdobnik.png"))
        .unwrap();
}
