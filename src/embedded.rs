//! The built-in theme (`themes/bip/`) and UI strings (`i18n/`), compiled into the binary,
//! so a site needs only `site.yaml` and `content/` to build.

use include_dir::{Dir, include_dir};

use crate::types::Lang;

static THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/bip");
static I18N: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/i18n");

/// The file of kronika's own messages (command line, errors) in each `i18n/<lang>/`.
const CLI_FILE: &str = "cli.ftl";

/// The built-in templates: (name relative to `templates/`, text).
pub fn templates() -> Vec<(String, &'static str)> {
    files_under(&THEME, "templates")
        .into_iter()
        .filter_map(|(name, bytes)| std::str::from_utf8(bytes).ok().map(|t| (name, t)))
        .collect()
}

/// The built-in static files of the theme: (path relative to `static/`, bytes).
pub fn static_files() -> Vec<(String, &'static [u8])> {
    files_under(&THEME, "static")
}

/// The built-in `.ftl` files of the theme in `lang`: (file name, text). Empty for a
/// language kronika lacks. `cli.ftl` is not among them: it holds kronika's own messages.
pub fn i18n_files(lang: Lang) -> Vec<(String, &'static str)> {
    files_under(&I18N, lang.as_str())
        .into_iter()
        .filter(|(name, _)| name.ends_with(".ftl") && name != CLI_FILE)
        .filter_map(|(name, bytes)| std::str::from_utf8(bytes).ok().map(|t| (name, t)))
        .collect()
}

/// kronika's own messages in `lang` (`i18n/<lang>/cli.ftl`), if it has them.
pub fn cli_messages(lang: Lang) -> Option<&'static str> {
    I18N.get_file(format!("{lang}/{CLI_FILE}"))
        .and_then(|f| f.contents_utf8())
}

fn files_under(root: &'static Dir<'static>, sub: &str) -> Vec<(String, &'static [u8])> {
    let mut out = Vec::new();
    if let Some(dir) = root.get_dir(sub) {
        collect(dir, sub.len() + 1, &mut out);
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn collect(dir: &'static Dir<'static>, strip: usize, out: &mut Vec<(String, &'static [u8])>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        out.push((path[strip..].to_string(), file.contents()));
    }
    for sub in dir.dirs() {
        collect(sub, strip, out);
    }
}
