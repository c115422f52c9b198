//! Photos in bodies (docs/maintainer/content.md, "Photos"): an image a body shows is found in its item's folder
//! (or in `static/`), checked when the content is loaded, and published as copies resized
//! to the site's widths and re-encoded without metadata, cached between builds.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use pulldown_cmark_escape::escape_html;
use siphasher::sip128::{Hasher128, SipHasher13};
use unicode_normalization::UnicodeNormalization;

use crate::config::Images;
use crate::content::model::EntryId;
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use crate::site_cache::{Stamp, store};
use crate::urls::LinkStyle;

/// The folder of the site's cache ([`crate::site_cache::DIR`]) where copies of photos are
/// kept between builds.
pub const CACHE_DIR: &str = "photos";

/// The longest side a photo may have, in pixels. Cameras write at most about 9 000; a
/// 30 000 × 30 000 image would need gigabytes to decode (docs/maintainer/guarantees.md, "What a build guarantees").
pub const MAX_SIDE: u32 = 12_000;

/// The most pixels a photo may have: 60 megapixels decode into at most 240 MB.
pub const MAX_PIXELS: u64 = 60_000_000;

/// What the decoder may allocate for one photo.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Changes whenever the bytes kronika writes for the same photo and settings would change,
/// so that older copies in the cache are not used.
const CACHE_VERSION: &str = "kronika-photos-3";

/// The photo formats kronika reads and writes. A JPEG stays a JPEG; a PNG stays a PNG
/// unless it is a photo saved as PNG (docs/maintainer/content.md, "Photos": [`png_is_a_photo`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Jpeg,
    Png,
}

impl Format {
    fn of_bytes(head: &[u8]) -> Option<Format> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Format::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Format::Png)
        } else {
            None
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
        }
    }

    /// The extension of a copy in this format.
    fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

/// One copy of a photo in the output.
#[derive(Clone, Debug)]
pub struct Variant {
    /// The photo on disk.
    pub source: PathBuf,
    /// The photo as diagnostics name it (`content/news/x/wizyta.jpg`).
    pub shown: String,
    /// The entry beside whose page the copy is published.
    pub entry: EntryId,
    /// The format of the photo on disk, and of its copies.
    pub format: Format,
    pub output: Format,
    /// The width of this copy, and the widths of all copies of the photo (made together,
    /// from one decoding).
    pub width: u32,
    pub widths: Vec<u32>,
    pub quality: u8,
}

/// An image as a body shows it: its copies, its size and its texts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Photo {
    /// Site paths of the copies with their widths, narrowest first; the last one is `src`.
    pub copies: Vec<(u32, String)>,
    /// Size of the widest copy, after the orientation tag is applied.
    pub width: u32,
    pub height: u32,
    /// The alt text, HTML-escaped; empty for a decorative image.
    pub alt: String,
    /// The caption (`![alt](foto.jpg "Caption")`), HTML-escaped.
    pub caption: Option<String>,
    /// Every photo but a body's first is loaded when the reader scrolls to it.
    pub lazy: bool,
}

impl Photo {
    /// A photo as the resolver found it, with its texts (plain text, escaped here).
    pub fn new(found: Found, alt: &str, caption: Option<&str>) -> Photo {
        let mut escaped = String::new();
        let _ = escape_html(&mut escaped, alt);
        let caption = caption.filter(|c| !c.trim().is_empty()).map(|c| {
            let mut s = String::new();
            let _ = escape_html(&mut s, c);
            s
        });
        Photo {
            copies: found.copies,
            width: found.width,
            height: found.height,
            alt: escaped,
            caption,
            lazy: false,
        }
    }

    /// The HTML of the photo on the page at site path `from`: an `<img>` with `srcset`,
    /// `sizes`, `width` and `height`, inside a `<figure>` when it has a caption.
    pub fn write(&self, style: &LinkStyle, from: &str, out: &mut String) {
        let link = |path: &str| {
            let mut s = String::new();
            let _ = escape_html(&mut s, &style.link(from, path));
            s
        };
        let Some((_, src)) = self.copies.last() else {
            return;
        };
        if self.caption.is_some() {
            out.push_str("<figure class=\"photo\">");
        }
        out.push_str("<img src=\"");
        out.push_str(&link(src));
        out.push('"');
        if self.copies.len() > 1 {
            out.push_str(" srcset=\"");
            for (i, (w, path)) in self.copies.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                // A comma or space would end the address in `srcset`.
                out.push_str(&link(path).replace(',', "%2C"));
                out.push_str(&format!(" {w}w"));
            }
            // The text column of the theme is 42rem wide (docs/maintainer/content.md, "Photos").
            out.push_str("\" sizes=\"(min-width: 44rem) 42rem, 100vw\"");
        }
        out.push_str(&format!(
            " width=\"{}\" height=\"{}\" alt=\"{}\"",
            self.width, self.height, self.alt
        ));
        if self.lazy {
            out.push_str(" loading=\"lazy\"");
        }
        out.push_str(" decoding=\"async\">");
        if let Some(caption) = &self.caption {
            out.push_str("<figcaption>");
            out.push_str(caption);
            out.push_str("</figcaption></figure>\n");
        }
    }
}

/// An image the resolver found: where its copies are and how large it is.
pub struct Found {
    pub copies: Vec<(u32, String)>,
    pub width: u32,
    pub height: u32,
}

/// Why an image of a body cannot be published.
#[derive(Debug)]
pub enum Problem {
    Missing {
        name: String,
        folder: String,
    },
    Outside {
        name: String,
        folder: String,
    },
    UnsupportedType {
        name: String,
    },
    NotAnImage {
        name: String,
    },
    TooLarge {
        name: String,
        width: u32,
        height: u32,
    },
    Unreadable {
        name: String,
        detail: String,
    },
}

impl Problem {
    /// The error's message and help.
    pub fn message(&self) -> (Message, Message) {
        match self {
            Problem::Missing { name, folder } => (
                msg!("photo-missing", name = name),
                msg!("photo-missing-help", folder = folder),
            ),
            Problem::Outside { name, folder } => (
                msg!("photo-outside", name = name),
                msg!("photo-outside-help", folder = folder),
            ),
            Problem::UnsupportedType { name } => (
                msg!("photo-unsupported", name = name),
                msg!("photo-unsupported-help"),
            ),
            Problem::NotAnImage { name } => (
                msg!("photo-not-an-image", name = name),
                msg!("photo-not-an-image-help"),
            ),
            Problem::TooLarge {
                name,
                width,
                height,
            } => (
                msg!(
                    "photo-too-large",
                    name = name,
                    width = *width as usize,
                    height = *height as usize
                ),
                msg!(
                    "photo-too-large-help",
                    max = MAX_SIDE as usize,
                    megapixels = (MAX_PIXELS / 1_000_000) as usize
                ),
            ),
            Problem::Unreadable { name, detail } => (
                msg!("photo-unreadable", name = name, detail = detail),
                msg!("photo-unreadable-help"),
            ),
        }
    }
}

/// Whether a body's image address names a file of the site (`wizyta.jpg`, `/logo.png`)
/// rather than another site (`https://…`) or nothing (`#x`, `@/…`).
pub fn is_local(src: &str) -> bool {
    let before_slash = src.split('/').next().unwrap_or("");
    !(src.is_empty()
        || src.starts_with('#')
        || src.starts_with("//")
        || src.starts_with("@/")
        || before_slash.contains(':'))
}

/// Finds the images of one entry's body (docs/maintainer/content.md, "Photos") and records the copies the
/// build must write.
pub struct Resolver<'a> {
    /// The site root.
    pub root: &'a Path,
    /// The folder of the entry's file, on disk and as diagnostics name it.
    pub dir: PathBuf,
    pub shown_dir: String,
    /// The site path of the page beside which the copies go: the original's, so that a
    /// translation shares its copies.
    pub page_path: String,
    /// The entry whose page that is.
    pub owner: EntryId,
    pub settings: &'a Images,
    /// The copies to write: output site path → variant.
    pub outputs: RefCell<Vec<(String, Variant)>>,
}

impl Resolver<'_> {
    /// The image at `src` (the address as the body writes it, percent-encoded or not).
    pub fn resolve(&self, src: &str) -> Result<Found, Problem> {
        let decoded = percent_encoding::percent_decode_str(src)
            .decode_utf8()
            .map_or_else(|_| src.to_string(), |s| s.into_owned());
        let name: String = decoded.nfc().collect();
        if let Some(site_path) = name.strip_prefix('/') {
            return self.in_static(src, site_path);
        }
        let name = name.strip_prefix("./").unwrap_or(&name);
        let outside = || Problem::Outside {
            name: src.to_string(),
            folder: self.shown_dir.clone(),
        };
        if name.is_empty() || name.contains(['/', '\\']) || name == ".." || name.starts_with('.') {
            return Err(outside());
        }
        extension_format(name).ok_or_else(|| Problem::UnsupportedType {
            name: src.to_string(),
        })?;
        let found = std::fs::read_dir(&self.dir).ok().and_then(|rd| {
            rd.flatten()
                .find(|e| e.file_name().to_string_lossy().nfc().collect::<String>() == name)
        });
        let Some(found) = found.filter(|e| e.path().is_file()) else {
            return Err(Problem::Missing {
                name: src.to_string(),
                folder: self.shown_dir.clone(),
            });
        };
        let path = found.path();
        let info = inspect(&path, src)?;
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "jpg"));
        // A copy keeps the name's own spelling of its extension (`.jpeg`, `.JPG`) unless
        // its format changes.
        let ext = if info.output == info.format {
            ext.to_lowercase()
        } else {
            info.output.extension().to_string()
        };
        let widths = widths(self.settings, info.width);
        let shown = format!("{}/{}", self.shown_dir, name);
        let mut copies = Vec::with_capacity(widths.len());
        let mut outputs = self.outputs.borrow_mut();
        for &w in &widths {
            let site_path = format!("{}{stem}-{w}w.{ext}", self.page_path);
            outputs.push((
                site_path.clone(),
                Variant {
                    source: path.clone(),
                    shown: shown.clone(),
                    entry: self.owner.clone(),
                    format: info.format,
                    output: info.output,
                    width: w,
                    widths: widths.clone(),
                    quality: self.settings.quality,
                },
            ));
            copies.push((w, site_path));
        }
        let (width, height) = scaled(info.width, info.height, *widths.last().unwrap_or(&1));
        Ok(Found {
            copies,
            width,
            height,
        })
    }

    /// An image of `static/`, named by its site path: published as it is, by the copy of
    /// `static/`.
    fn in_static(&self, src: &str, site_path: &str) -> Result<Found, Problem> {
        let outside = || Problem::Outside {
            name: src.to_string(),
            folder: "static".to_string(),
        };
        if site_path
            .split('/')
            .any(|s| s.is_empty() || s == ".." || s.starts_with('.') || s.contains('\\'))
        {
            return Err(outside());
        }
        extension_format(site_path).ok_or_else(|| Problem::UnsupportedType {
            name: src.to_string(),
        })?;
        let path = self.root.join("static").join(site_path);
        if !path.is_file() {
            return Err(Problem::Missing {
                name: src.to_string(),
                folder: "static".to_string(),
            });
        }
        let info = inspect(&path, src)?;
        Ok(Found {
            copies: vec![(info.width, site_path.to_string())],
            width: info.width,
            height: info.height,
        })
    }
}

fn extension_format(name: &str) -> Option<Format> {
    let (_, ext) = name.rsplit_once('.')?;
    match ext.to_lowercase().as_str() {
        "jpg" | "jpeg" => Some(Format::Jpeg),
        "png" => Some(Format::Png),
        _ => None,
    }
}

/// The widths of a photo `width` pixels wide: the site's widths narrower than it, and the
/// widest one it reaches (never wider than the photo: nothing is upscaled).
pub fn widths(settings: &Images, width: u32) -> Vec<u32> {
    if !settings.resize {
        return vec![width];
    }
    let widest = settings.widths.iter().copied().max().unwrap_or(width);
    let mut out: Vec<u32> = settings
        .widths
        .iter()
        .copied()
        .filter(|w| *w < width)
        .collect();
    out.push(width.min(widest));
    out.sort_unstable();
    out.dedup();
    out
}

/// `width × height` scaled to `to` pixels wide.
fn scaled(width: u32, height: u32, to: u32) -> (u32, u32) {
    if to >= width {
        return (width, height);
    }
    let h = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width);
    (to, h.max(1) as u32)
}

/// What the header of a photo says.
struct Info {
    format: Format,
    /// The format of the copies.
    output: Format,
    /// The size as shown, after the orientation tag is applied.
    width: u32,
    height: u32,
}

/// How much of a photo is read to find its size and orientation: its header, EXIF
/// included, is at its start (a whole file is read only when it is not).
const HEAD_BYTES: u64 = 256 * 1024;

/// Reads the header of the photo at `path` (`name` as the body writes it) and checks that
/// it is a whole JPEG or PNG of a size kronika decodes safely. Only its start and end are
/// read: the pixels are decoded when the copies are made.
fn inspect(path: &Path, name: &str) -> Result<Info, Problem> {
    let unreadable = |detail: String| Problem::Unreadable {
        name: name.to_string(),
        detail,
    };
    let io = |e: std::io::Error| unreadable(e.to_string());
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut head = Vec::new();
    (&mut file)
        .take(HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(io)?;
    let format = Format::of_bytes(&head).ok_or_else(|| Problem::NotAnImage {
        name: name.to_string(),
    })?;
    // A JPEG cut short (an interrupted copy) still has its header; its end marker is gone.
    if format == Format::Jpeg {
        let mut tail = Vec::new();
        file.seek(SeekFrom::Start(len.saturating_sub(64)))
            .and_then(|_| file.read_to_end(&mut tail))
            .map_err(io)?;
        if !ends_a_jpeg(&tail) {
            return Err(unreadable(
                "the file ends before the end of the image".into(),
            ));
        }
    }
    let header = match header(&head, format) {
        Err(_) if (head.len() as u64) < len => header(&std::fs::read(path).map_err(io)?, format),
        other => other,
    };
    let (w, h, orientation) = header.map_err(unreadable)?;
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(Problem::TooLarge {
            name: name.to_string(),
            width: w,
            height: h,
        });
    }
    let (width, height) = if turns(orientation) { (h, w) } else { (w, h) };
    let output = if format == Format::Png && png_is_a_photo(&head, len, w, h) {
        Format::Jpeg
    } else {
        format
    };
    Ok(Info {
        format,
        output,
        width,
        height,
    })
}

/// Whether a PNG holds a photo (a camera picture exported as PNG), which is published as
/// JPEG: several times smaller at the same look. Told from the header and the file's size,
/// without decoding: no transparency (JPEG has none), 8 bits a channel, and pixels that
/// compress poorly (at least 30 % of their raw size), as a photo's noise does. Drawings,
/// screenshots, logos and charts compress far better, and stay PNG with every pixel exact.
fn png_is_a_photo(head: &[u8], len: u64, width: u32, height: u32) -> bool {
    // IHDR comes first: width, height, bit depth, colour type (0 grey, 2 RGB; 3 is a
    // palette, 4 and 6 carry alpha).
    let (Some(&depth), Some(&colour)) = (head.get(24), head.get(25)) else {
        return false;
    };
    let channels = match colour {
        0 => 1,
        2 => 3,
        _ => return false,
    };
    if depth != 8 || png_has_chunk(head, b"tRNS") {
        return false;
    }
    let raw = u64::from(width) * u64::from(height) * channels;
    raw > 0 && len * 10 >= raw * 3
}

/// Whether a chunk of type `kind` comes before the pixels (`IDAT`) of the PNG whose start
/// is `head`.
fn png_has_chunk(head: &[u8], kind: &[u8; 4]) -> bool {
    let mut at = 8;
    while let Some(chunk) = head.get(at..at + 8) {
        let len = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]) as usize;
        match &chunk[4..8] {
            k if k == kind => return true,
            b"IDAT" | b"IEND" => return false,
            _ => at = at.saturating_add(12).saturating_add(len),
        }
    }
    false
}

/// The size and orientation a photo's header gives.
fn header(bytes: &[u8], format: Format) -> Result<(u32, u32, Orientation), String> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    // Only the header is read here; the size is checked against kronika's own limits.
    reader.no_limits();
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok((w, h, orientation))
}

/// Whether the last bytes of a JPEG hold its end-of-image marker (some writers add a few
/// bytes of padding after it).
fn ends_a_jpeg(tail: &[u8]) -> bool {
    tail.windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Whether `o` turns the image by a quarter, swapping its width and height.
fn turns(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Makes the copies of photos while the site is rendered: each photo is decoded once for
/// all its widths, and each copy is taken from the cache when it is there.
pub struct Processor {
    cache: Option<PathBuf>,
    /// Copies made, by photo and widths; each is taken once.
    made: Mutex<HashMap<Key, Arc<OnceLock<Made>>>>,
    /// The digests of the photos' bytes, kept with the cache.
    digests: Option<Digests>,
}

type Key = (PathBuf, Vec<u32>, u8, Format);
type Made = Result<Mutex<BTreeMap<u32, Vec<u8>>>, String>;

impl Processor {
    /// A processor keeping its copies in `cache` (a folder created when first needed), or
    /// in none.
    pub fn new(cache: Option<PathBuf>) -> Processor {
        Processor {
            digests: cache.as_deref().map(Digests::load),
            cache,
            made: Mutex::new(HashMap::new()),
        }
    }

    /// Keeps the digests of the photos read by this build with the cache, for the next
    /// build. Like the copies, they are no error when they cannot be written.
    pub fn save_digests(&self) {
        if let Some(digests) = &self.digests {
            digests.save();
        }
    }

    /// The bytes of the copy `v`.
    pub fn bytes(&self, v: &Variant) -> Result<Vec<u8>, Diagnostic> {
        let key = (v.source.clone(), v.widths.clone(), v.quality, v.output);
        let cell = {
            let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
            made.entry(key.clone()).or_default().clone()
        };
        let failed = |detail: &str| {
            Diagnostic::error(
                v.shown.as_str(),
                msg!("photo-unreadable", name = v.shown.as_str(), detail = detail),
            )
            .help(msg!("photo-unreadable-help"))
        };
        let made = cell.get_or_init(|| self.make(v).map(Mutex::new));
        let copies = made.as_ref().map_err(|e| failed(e))?;
        let taken = copies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&v.width);
        if let Some(bytes) = taken {
            return Ok(bytes);
        }
        // Asked for twice (two items in one folder show one photo): made again, from the
        // cache when there is one.
        self.make(v)
            .map_err(|e| failed(&e))?
            .remove(&v.width)
            .ok_or_else(|| failed("no such width"))
    }

    /// Every copy of `v`'s photo, by width: from the cache, or decoded once and resized.
    pub fn copies(&self, v: &Variant) -> Result<BTreeMap<u32, Vec<u8>>, Diagnostic> {
        self.make(v).map_err(|detail| {
            Diagnostic::error(
                v.shown.as_str(),
                msg!("photo-unreadable", name = v.shown.as_str(), detail = detail),
            )
            .help(msg!("photo-unreadable-help"))
        })
    }

    /// Every copy of `v`'s photo, from the cache or decoded and resized.
    fn make(&self, v: &Variant) -> Result<BTreeMap<u32, Vec<u8>>, String> {
        // The photo's size and time are read before its bytes: a photo changed while it is
        // read gets a new time, so the next build reads it again.
        let stamp = Stamp::of(&v.source);
        let known = self
            .digests
            .as_ref()
            .and_then(|d| d.known(&v.source, stamp?));
        let mut source = None;
        let digest = match known {
            Some(digest) => digest,
            None => {
                let bytes = std::fs::read(&v.source).map_err(|e| e.to_string())?;
                let digest = digest(&bytes);
                source = Some(bytes);
                digest
            }
        };
        if let (Some(digests), Some(stamp)) = (&self.digests, stamp) {
            digests.seen(&v.source, stamp, digest);
        }
        let hash = cache_key(digest, v);
        let mut out = BTreeMap::new();
        let ext = v.output.extension();
        let cached = |w: u32| {
            self.cache
                .as_ref()
                .map(|c| c.join(format!("{hash}-{w}.{ext}")))
        };
        for &w in &v.widths {
            if let Some(bytes) = cached(w).and_then(|p| std::fs::read(p).ok()) {
                out.insert(w, bytes);
            }
        }
        if out.len() == v.widths.len() {
            return Ok(out);
        }
        // Widest first, each copy resized from the one before it: only the widest is
        // made from the camera's full size, which is most of the work.
        let source = match source {
            Some(bytes) => bytes,
            None => std::fs::read(&v.source).map_err(|e| e.to_string())?,
        };
        let mut image = decode(&source, v.format)?;
        for &w in v.widths.iter().rev() {
            image = resized(image, w);
            if out.contains_key(&w) {
                continue;
            }
            let bytes = encode(&image, v.output, v.quality)?;
            if let Some(path) = cached(w) {
                store(&path, &bytes);
            }
            out.insert(w, bytes);
        }
        Ok(out)
    }
}

/// The digest of a photo's bytes: 128 bits of SipHash-1-3, in one pass.
fn digest(bytes: &[u8]) -> u128 {
    let mut h = SipHasher13::new();
    h.write(bytes);
    h.finish128().into()
}

/// A name for the copies of the photo whose bytes have `digest`, made with `v`'s
/// settings.
fn cache_key(digest: u128, v: &Variant) -> String {
    let mut h = SipHasher13::new();
    CACHE_VERSION.hash(&mut h);
    digest.hash(&mut h);
    (v.format, v.output, &v.widths, v.quality).hash(&mut h);
    format!("{:032x}", u128::from(h.finish128()))
}

/// The digests of the photos of the last build, each with the size and time its photo
/// had (`sources` in the cache, a line per photo: digest, size, time, path). A photo whose
/// size and time are unchanged is not read again to find its copies: reading and hashing
/// every photo was most of a build with a full cache (docs/dev/performance.md, "Photos").
/// A photo replaced by another gets a new time, so it is read and hashed; on a fresh clone
/// every photo does. Malformed lines, and paths that would break a line, are left out.
struct Digests {
    file: PathBuf,
    /// The site's folder: photos are named by their paths in it, so that a build with
    /// `--root` and one run inside the folder share the digests.
    root: PathBuf,
    before: HashMap<PathBuf, (Stamp, u128)>,
    now: Mutex<BTreeMap<PathBuf, (Stamp, u128)>>,
}

impl Digests {
    /// The digests kept in `cache`, the site's [`CACHE_DIR`].
    fn load(cache: &Path) -> Digests {
        let root = cache
            .parent()
            .and_then(Path::parent)
            .unwrap_or(Path::new(""))
            .to_path_buf();
        let file = cache.join("sources");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let before = text
            .lines()
            .filter_map(|line| {
                let mut fields = line.splitn(4, '\t');
                let digest = u128::from_str_radix(fields.next()?, 16).ok()?;
                let len = fields.next()?.parse().ok()?;
                let modified = fields.next()?.parse().ok()?;
                let path = PathBuf::from(fields.next()?);
                Some((path, (Stamp { len, modified }, digest)))
            })
            .collect();
        Digests {
            file,
            root,
            before,
            now: Mutex::new(BTreeMap::new()),
        }
    }

    fn name<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// The digest of the photo at `path`, if it had `stamp` when it was last read.
    fn known(&self, path: &Path, stamp: Stamp) -> Option<u128> {
        match self.before.get(self.name(path)) {
            Some(&(was, digest)) if was == stamp => Some(digest),
            _ => None,
        }
    }

    fn seen(&self, path: &Path, stamp: Stamp, digest: u128) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        now.insert(self.name(path).to_path_buf(), (stamp, digest));
    }

    /// Writes the digests of this build's photos, and those of the last build's photos
    /// still there that this build did not read, when they differ from the file's.
    fn save(&self) {
        let mut all = self.now.lock().unwrap_or_else(|e| e.into_inner()).clone();
        for (path, known) in &self.before {
            if !all.contains_key(path) && self.root.join(path).exists() {
                all.insert(path.clone(), *known);
            }
        }
        if all.len() == self.before.len() && all.iter().all(|(p, k)| self.before.get(p) == Some(k))
        {
            return;
        }
        let mut text = String::new();
        for (path, (stamp, digest)) in &all {
            if let Some(path) = path.to_str().filter(|p| !p.contains(['\t', '\n', '\r'])) {
                let (len, modified) = (stamp.len, stamp.modified);
                text.push_str(&format!("{digest:032x}\t{len}\t{modified}\t{path}\n"));
            }
        }
        store(&self.file, text.as_bytes());
    }
}

/// Decodes a photo within limits, with its orientation tag applied to the pixels.
fn decode(bytes: &[u8], format: Format) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// `image` resized to `width` (never wider).
fn resized(image: DynamicImage, width: u32) -> DynamicImage {
    let (w, h) = scaled(image.width(), image.height(), width);
    if w == image.width() {
        return image;
    }
    image.resize_exact(w, h, image::imageops::FilterType::CatmullRom)
}

/// `image` encoded without any metadata: the encoders write pixels only, so EXIF (GPS
/// position, camera serial, author) is left behind.
fn encode(image: &DynamicImage, format: Format, quality: u8) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = image.to_rgb8();
            JpegEncoder::new_with_quality(&mut out, quality)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => image
            .write_with_encoder(PngEncoder::new(&mut out))
            .map_err(|e| e.to_string())?,
    }
    Ok(out)
}
