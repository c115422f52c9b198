# kronika's own messages in English: the command line's help, the summary and progress
# lines, every error and warning. (The site's UI strings are in main.ftl.)
#
# Every message here also exists in ../pl/cli.ftl, and every message the code uses
# exists in both (a test checks). Ids start with their area; `-help` ends the text of an
# `= help:` line and `-label` the text under a caret.
#
# The words `error`, `warning`, `note` and `help` that start those lines are not here:
# they stay English in every language, because editors and CI scripts look for `error:`.
#
# Backticks quote what the user wrote or should write (`projects`, `2012-02-15`).
# A literal brace is written {"{"} and {"}"}.

## The command line, in clap's style: no full stop at the end (clap's own words, such as
## Usage and Options, stay English)
cli-about = Builds a bilingual BIP-style archive site from Markdown and YAML
cli-build = Build the site into the output folder
cli-build-root = The site folder (holding site.yaml and content/)
cli-build-output = Where to write the site (relative to --root)
cli-build-base-url = Replace site.yaml's base_url (e.g. for CI previews)
cli-build-offline = Write relative links ending in index.html, to browse the output from disk
cli-build-drafts = Include drafts and embargoed (future-dated) items
cli-build-no-search = Build no search index and no search pages (faster previews)
cli-build-quiet = Print only errors
cli-build-verbose = Also print how many files the output holds and how many changed

## The summary line of a build; $languages is a list of build-summary-language
build-summary = Built { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } ({ $languages }) from { $news ->
        [one] { $news } news item
       *[other] { $news } news items
    } and { $projects ->
        [one] { $projects } project
       *[other] { $projects } projects
    } in { $seconds } s{ $warnings ->
        [0] {""}
        [one] , { $warnings } warning
       *[other] , { $warnings } warnings
    } → { $output }
build-summary-language = { $lang } { $pages }
build-files = { $files ->
        [one] { $files } file
       *[other] { $files } files
    } in the output, { $made } made again, { $changed } changed
build-failed = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }; nothing was written ({ $output } is unchanged)

## The progress line on a terminal
progress-loading = Reading content…
progress-rendering = Rendering pages: { $done }/{ $total }
progress-writing = Writing the output folder…

## Refused output folders (exit status 2)
output-refused-site = refusing to build into { $output }: it is the site folder or contains it, and would be overwritten
output-refused-site-help = use an output folder inside the site, e.g. --output public
output-refused-protected = refusing to build into { $output }: it is inside the site's { $folder }/ folder
output-refused-protected-help = use a separate output folder, e.g. --output public
output-refused-file = refusing to build into { $output }: it is a file, not a folder
output-refused-file-help = give --output a folder, or remove the file
output-refused-foreign = refusing to build into { $output }: the folder is not empty and kronika did not create it, so its files could be lost
output-refused-foreign-help = choose an empty or new folder with --output, or, if kronika may manage this folder, adopt it with `touch { $marker }`

## Reading and writing failed (exit status 3); $error is the system's own description
io-open-site-folder = cannot open the site folder { $path }: { $error }
io-read = cannot read { $path }: { $error }
io-create = cannot create { $path }: { $error }
io-write = cannot write { $path }: { $error }
io-replace = cannot replace { $path }: { $error }
io-remove-old-staging = cannot remove the old staging folder { $path }: { $error }
io-create-staging = cannot create the staging folder { $path }: { $error }
io-write-marker = cannot write the marker in { $path }: { $error }
io-move-into-place = cannot move the built site to { $path }: { $error }
io-write-stdout = cannot write to standard output: { $error }

## Writing the built site; $reason is one of the write-* messages
write-failed = cannot write the file: { $reason }
copy-failed = cannot copy the file: { $reason }
write-system = { $error }
write-same-file = two outputs want the same file { $path }
write-outside = refusing to write outside the output folder: { $path }
write-thread-failed = a render thread failed

## Templates (Tera) and the site's Fluent files; $detail is the library's own description
template-syntax = syntax error in the template: { $detail }
template-syntax-help = Tera 2 syntax: {"{{"} value {"}}"}, {"{%"} tag {"%}"}; see "Templates" in docs/maintainer/themes.md of kronika's repository
template-invalid = a template has an error
render-failed = cannot render { $target }
search-index-failed = cannot build the search index: { $reason }
template-detail-help = the template engine says: { $detail }
fluent-syntax = Fluent syntax error: { $detail }
fluent-syntax-help = see https://projectfluent.org/fluent/guide/ for the message syntax
fluent-too-deep = placeables nested more than { $limit } deep
fluent-too-deep-help = no message needs so deep a nesting; Fluent could not read it safely, so the file is left unread

## Files
file-read-failed = cannot read the file: { $error }
file-not-utf8 = the file is not UTF-8 (invalid byte at line { $line })
file-not-utf8-help = save the file as UTF-8 in your editor (its encoding could not be recognised)
file-legacy-encoding = the file is in { $encoding }, not UTF-8
file-legacy-encoding-help = convert it to UTF-8: iconv -f { $iconv } -t UTF-8 '{ $path }' -o '{ $path }.utf8' && mv '{ $path }.utf8' '{ $path }'
file-empty = the file is empty

## YAML: site.yaml, project files and front matter
yaml-invalid = invalid YAML: { $detail }
yaml-tabs-help = YAML indentation uses spaces; replace the tabs with spaces
yaml-unknown-key = unknown key `{ $key }`
did-you-mean-label = did you mean `{ $suggestion }`?
yaml-known-keys-help = known keys: { $keys }
yaml-decimal-comma-label = is this the decimal part of a number written with a comma?
yaml-decimal-comma-help = inside {"{"} {"}"} a comma separates keys: write amounts in quotes with a dot, e.g. amount: "12.50"
yaml-missing-key = required key `{ $key }` is missing
yaml-missing-key-help = add a line `{ $key }: …`
yaml-too-large = the YAML is too large or too deeply nested to read safely
yaml-too-large-help = kronika stops reading where a limit that keeps its memory bounded is reached; split the file into smaller ones, or check for aliases (`*name`) that repeat large parts
yaml-duplicate-key = key `{ $key }` is given twice
yaml-duplicate-unnamed-key = a key is given twice
yaml-duplicate-key-help = each key may appear only once; delete one of them
yaml-wrong-type = wrong kind of value: expected { $expected }, found { $found }
yaml-expected-here = expected { $expected } here
yaml-expected-text = a text
yaml-expected-boolean = true or false
yaml-expected-list = a list
yaml-expected-mapping = keys with values
yaml-expected-number = a whole number
yaml-expected-date = a date written YYYY-MM-DD
yaml-expected-amount = an amount written as a quoted decimal, e.g. "46974038.58"
yaml-expected-translated = a text, or one text per language such as {"{"}pl: "…", en: "…"{"}"}
yaml-found-text = the text "{ $value }"
yaml-found-number = the number { $value }
yaml-found-boolean = the value { $value }
yaml-found-list = a list
yaml-found-mapping = keys with values
yaml-found-empty = nothing
yaml-not-a-language = `{ $value }` is not a language code; use a two-letter ISO 639 code such as `pl` or `en`
yaml-not-a-language-key = `{ $value }` is not a language code; use codes from `languages:` such as `pl` or `en`
yaml-language-twice = language `{ $lang }` is given twice
yaml-not-a-date = `{ $value }` is not a date; write it as YYYY-MM-DD, for example 2012-02-15
yaml-not-a-currency = `{ $value }` is not a currency code; use a three-letter ISO 4217 code such as PLN or EUR
yaml-amount-with-comma = `{ $value }` is not an amount: use a dot as the decimal separator and no grouping, e.g. "{ $suggestion }"
yaml-not-an-amount = `{ $value }` is not an amount; write digits with a dot before the grosze, e.g. "12.50"
yaml-amount-as-float = amount { $value } is written as a number with a fraction; quote it ("{ $value }") so no grosz is lost to floating point

## site.yaml
config-missing = there is no site.yaml in the site folder
config-missing-help = run kronika in the folder that holds site.yaml, or pass --root { $root }; `kronika init` writes a new site with a site.yaml
config-bad-base-url = `{ $url }` is not a usable base URL
config-bad-base-url-help = write the full address where the site will be served, e.g. https://example.org/archiwum/
config-language-twice = language `{ $lang }` is listed twice
config-default-language-not-listed = the default language `{ $lang }` is not in `languages`
config-default-language-not-listed-help = add `{ $lang }` to `languages`
title-not-in-default-language = `title` has no text in the default language `{ $lang }`
config-title-language-not-listed = `title` is given in `{ $lang }`, which is not in `languages`
config-locale-language-not-listed = `locales` names `{ $lang }`, which is not in `languages`
config-bad-locale = `{ $tag }` is not a locale tag
config-bad-locale-help = write a BCP 47 tag: a language and a region, e.g. pl-PL or en-GB
config-bad-theme = `{ $theme }` is not a theme name
config-bad-theme-help = a theme is a folder under themes/; use lowercase letters, digits and hyphens

## Finding the content files
content-missing = there is no content/ folder
content-missing-help = news items go in content/news/, projects in content/projects/, pages in content/pages/
content-read-failed = cannot read: { $error }
content-name-clash = this name differs from `{ $other }` only in letter case or Unicode normalisation
content-name-clash-help = on Windows and macOS the two would be one file; rename or remove one of them
content-unknown-file = kronika does not know what this file is, so it is left out
content-unknown-file-help = news items go in content/news/, project files (.yaml) in content/projects/, pages in content/pages/
content-no-language-suffix = the file name has no language suffix
content-no-language-suffix-help = name it `{ $stem }.{ $lang }.md` (or another language of site.yaml: { $languages })
content-language-not-in-site = `{ $lang }` is not a language of this site
content-language-not-in-site-help = site.yaml lists the languages { $languages }; rename the file or add `{ $lang }` to `languages`
content-extra-file-in-folder = only index.<lang>.md is read in an item folder; this file is left out
content-extra-file-in-folder-help = rename it to index.{ $lang }.md, or move it up to content/news/

## Front matter
front-matter-no-text = the file has front matter but no text
front-matter-no-text-label = the text goes below this line
front-matter-no-text-help = write the item's text below the closing `---`; to keep an unfinished item out of the site, add `draft: true`
front-matter-missing = the file does not start with front matter
front-matter-missing-help = start the file with a line `---`, the YAML keys (`title:`, `date:`, …), and another `---`
front-matter-empty-file-help = a news item starts with `---`, then `title:` and `date:` lines, then `---` and the text
front-matter-not-closed = the front matter is never closed
front-matter-opened-label = opened here
front-matter-not-closed-help = add a line `---` after the last YAML key, before the text
item-title-help = add a line `title: "…"` to the front matter
item-date-help = add the date of publication, e.g. `date: 2012-02-15`
page-key-not-used = `{ $key }` is not used on standalone pages
page-key-not-used-help = remove the line; only news items belong to projects or the archive

## Projects
project-bad-id = `{ $stem }` cannot be a project id
project-bad-id-help = a project id is its file name and is used in URLs: rename the file to `{ $suggestion }.yaml`
project-empty = the project file is empty
project-empty-help = a project needs at least `title: {"{"}pl: "…"{"}"}`
project-title-help = write it as `title: {"{"}{ $lang }: "…"{"}"}`
project-unknown-funding-source = funding source `{ $source }` is not one kronika translates
project-unknown-funding-source-help = known sources: { $known }; others are shown as written
project-unknown = project `{ $id }` does not exist
project-known-help = known projects: { $known }
project-none-help = there are no projects: add content/projects/<id>.yaml

## Statistics: sums of money per currency that no exact decimal can hold
stats-sum-overflow = the sum of all project amounts in { $currency } is too large to add exactly
stats-sum-overflow-help = amounts are added as exact decimals of at most 28 digits; check this file's amounts for extra digits

## Tags, slugs, URLs and aliases
tag-no-slug = tag `{ $tag }` has no letters or digits to make a URL from
tag-no-slug-help = use a word for the tag, e.g. `EFS` or `dobre praktyki`
title-too-long = the title is { $length } characters long; kronika allows at most { $max }
title-too-long-help = a title is repeated on every list and tag page that shows the item, so it is kept short; put the rest in `summary:` or the text
tag-too-long = a tag of { $length } characters; kronika allows at most { $max }
tag-too-long-help = a tag names a page and is repeated on every item that has it; use a few words, e.g. `dobre praktyki`
slug-invalid = `{ $slug }` is not a valid slug
slug-invalid-help = a slug is one URL segment of lowercase letters, digits and hyphens, e.g. `{ $suggestion }`
name-gives-no-url = the name `{ $name }` gives no URL
name-gives-no-url-help = rename the file with letters or digits, or set `slug:` in the front matter
page-url-reserved = the page would take the URL /{ $slug }/, which the site uses for its own pages
page-url-reserved-help = set another `slug:` in the front matter
url-taken = two files would be published at /{ $path }
url-taken-help = { $other } has the same URL; give one of them another `slug:` (or alias)
alias-takes-generated-page = alias `{ $alias }` would replace { $file }, a page kronika generates
alias-takes-generated-page-help = choose the old address exactly as it was published; kronika's own pages cannot be redirected
static-takes-generated-page = this file would replace { $file }, which kronika generates
static-takes-generated-page-help = rename or move the file; to change a generated page, override its template in themes/<theme>/templates/
alias-takes-copied-file = alias `{ $alias }` would replace { $file }, which kronika copies from { $source }
output-file-and-folder = { $file } would have to be a file and a folder at once: { $other } would be inside it
output-reserved = `{ $path }` is a path no site may publish: names starting with `.` (`.git/`, kronika's marker `.kronika-output`) belong to tools and to kronika itself
output-reserved-help = of such names only `.well-known/` is published; give the alias or the file another name
alias-takes-foreign = alias `{ $alias }` would replace { $foreign } in the output folder, which kronika did not generate
output-takes-foreign = { $file } would replace { $foreign } in the output folder, which kronika did not generate
output-foreign-help = kronika never removes what it did not write: move { $foreign } out of the output folder, or delete it if the new file should take its place
alias-invalid = alias `{ $alias }` is not a path of this site
alias-invalid-help = write the old address as a path starting with `/`, e.g. /index.php?id=440

## Languages without UI strings of their own
i18n-language-without-messages = language `{ $lang }` has no UI strings of its own: its pages use the English labels
i18n-language-without-messages-help = add i18n/{ $lang }/main.ftl with `language-name` and the messages to translate (the built-in i18n/en/main.ftl lists them all)
i18n-bad-locale = `{ $tag }` is not a locale tag, so dates and numbers use CLDR's neutral forms
i18n-bad-locale-help = write a BCP 47 tag with a hyphen, e.g. `locale = en-GB`

## Symbolic links: kronika reads nothing outside the site
symlink-broken = symbolic link to `{ $target }` leads nowhere, or round in a loop
symlink-outside-site = symbolic link to `{ $target }` leads outside the site folder
symlink-to-folder = symbolic link to `{ $target }` leads to a folder
symlink-help = kronika follows only links to files inside the site; copy the file here instead of linking to it
symlink-not-published = symbolic link to `{ $target }` leads outside what the build publishes
symlink-not-published-help = a link may lead only to a file the build publishes anyway: one under content/, static/ or themes/{ $theme }/static/, and never to a file or into a folder whose name starts with a dot (.git, .env)
symlink-not-read = symbolic link to `{ $target }` leads outside what kronika may read through it
symlink-not-read-help = a template may link only to a file under themes/, a Fluent file only to one under i18n/, and site.yaml only to a file beside it; never to a file or into a folder whose name starts with a dot (.git, .env)

## Attachments
attachment-not-a-name = attachment `{ $name }` is not a file name in the item's folder
attachment-not-a-name-help = put the file beside the item (content/news/<name>/) and give only its name
attachment-missing = attachment `{ $name }` is missing
attachment-missing-help = put the file in { $folder }/, or correct the name

## Photos in bodies (photos.rs); $name is the address as the body writes it
photo-missing = image `{ $name }` is missing
photo-missing-help = put the photo in { $folder }/, or correct the name
photo-outside = image `{ $name }` is not in the item's folder
photo-outside-help = put the photo in { $folder }/ beside the item and write only its file name, e.g. ![Guests from Vilnius](wizyta.jpg); images shared by many pages go in static/ and are named by their site path, e.g. /obrazki/logo.png
photo-unsupported = image `{ $name }` is not a JPEG or PNG file
photo-unsupported-help = kronika resizes and publishes JPEG (.jpg, .jpeg) and PNG (.png) photos; save it in one of these formats
photo-not-an-image = `{ $name }` is not an image: its content is neither JPEG nor PNG
photo-not-an-image-help = the file may be a web page or another document saved under an image's name; export the photo again from the camera or photo editor
photo-too-large = image `{ $name }` is too large: { $width } × { $height } pixels
photo-too-large-help = kronika reads photos of at most { $max } pixels a side and { $megapixels } megapixels; scale it down before adding it
photo-unreadable = image `{ $name }` cannot be read: { $detail }
photo-unreadable-help = the file may be damaged or cut short; copy it again from its source
photo-no-alt = image without alt text
photo-no-alt-help = describe what the photo shows for readers who cannot see it: ![Guests from Vilnius in the conference hall](wizyta.jpg); if the image is purely decorative, mark it with an empty title: ![](ozdobnik.png "")

## site.yaml: images
config-bad-images = `images` has an invalid value
config-bad-images-help = widths are a non-empty list of whole numbers from 16 to 8000 (e.g. [480, 800, 1200]) and quality a whole number from 1 to 100

## Links to other content (@/…)
link-missing = link to `@/{ $target }`, which does not exist
link-to-draft = link to `@/{ $target }`, which is a draft and not published
link-to-embargoed = link to `@/{ $target }`, which is embargoed until { $date } and not published
link-help = link to a content file by its path under content/, e.g. @/news/2012-02-15-mops-wyrozniony.pl.md or @/projects/pora-na-aktywnosc.yaml

## ── Raw HTML in Markdown bodies (markdown.rs, sanitize.rs) ──────────────────────────────
## What the sanitiser removes, one warning per kind; $tag is an element name without <>
html-removed-element = removed `<{ $tag }>` and everything in it from raw HTML
html-removed-tag = removed the tags `<{ $tag }>` from raw HTML; the text inside them is kept
html-removed-attribute = removed `{ $attribute }` from `<{ $tag }>`
html-removed-url = removed the address `{ $url }` from `<{ $tag }>`
html-removed-other-kinds = removed { $count } more { $count ->
        [one] piece
       *[other] pieces
    } of raw HTML, of { $kinds } other kinds, from here on
html-removed-other-kinds-help = the file has more kinds of removed HTML than are shown one by one; remove those above and build again to see the next ones
html-more-on-this-line-label = and { $count } more on this line
html-more-label = and { $count } more on { $lines_count ->
        [one] line
       *[other] lines
    } { $lines }
## HTML nested deeper than the parser reads in proportion to its length; $max is 512
html-too-deep = elements are nested more than { $max } deep
html-too-deep-help = close each element you open, e.g. every <div> with </div>: a page holds at most { $max } elements one inside another
html-script-help = it could run a script in the reader's browser; the site's pages work without scripts, so delete it from the file
html-embed-help = it would show another site or a program inside the page; link to it instead, e.g. [title](https://…)
html-page-help = it would change the whole page, not only this text; the theme decides how pages look
html-form-help = a form could send what readers type to another site, and an archive page collects nothing; link to the form's page instead
html-style-help = inline styles are not kept: the theme sets colours, fonts and sizes so that every page stays readable and prints well; for emphasis use Markdown (**bold**, *italics*)
html-data-url-help = a data: address puts a whole file inside the page; save the file in the item's folder, list it under `attachments` and use its file name as the address
html-scheme-help = only http:, https:, mailto: and tel: addresses, and addresses within the site, are kept
html-invalid-url-help = this is not a valid address; check it, e.g. https://example.org/page
html-unsupported-help = only HTML that formats text is kept: paragraphs, headings, lists, tables, links, images, emphasis and the like; write it in Markdown or with one of those elements
## A site whose site.yaml sets `markdown: {raw_html: error}`
html-raw-not-allowed = raw HTML is not allowed on this site
html-raw-not-allowed-help = write it in Markdown; this site's site.yaml refuses raw HTML (`markdown: {"{"}raw_html: error{"}"}`)
config-bad-raw-html = `{ $value }` is not a setting of `raw_html`: write `allow` (dangerous parts are removed, with a warning) or `error` (raw HTML is an error)
## ── end of raw HTML ─────────────────────────────────────────────────────────────────────

## kronika serve
cli-serve = Preview the site: build it in memory, serve it on this machine, rebuild it when a file changes
cli-serve-port = The port to listen on
cli-serve-bind = The address to listen on (0.0.0.0 opens the preview to the network)
serve-listening = Serving { $root } at { $url } (Ctrl-C stops)
serve-public = the preview can be opened by every machine that reaches { $addr }: use it only on a network you trust
serve-built = Built { $files ->
        [one] { $files } file
       *[other] { $files } files
    } in { $ms } ms
serve-rebuilt = { $sources ->
        [one] { $sources } file
       *[other] { $sources } files
    } of the site changed → { $rendered ->
        [one] { $rendered } file
       *[other] { $rendered } files
    } rendered again ({ $changed } changed) in { $ms } ms
serve-failed = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }: the preview shows the last good version; fix the file and it rebuilds by itself
serve-overlay-title = kronika: the last change does not build. Below the errors is the last good version of the page; fix the file and the page reloads by itself.
serve-port-taken = port { $port } on { $addr } is taken by another program
serve-port-taken-help = choose another port: `kronika serve --port { $next }`
serve-cannot-listen = cannot listen on { $addr }: { $error }
serve-cannot-listen-help = `--bind` takes an address of this machine (127.0.0.1, the default, or 0.0.0.0 for every network), `--port` a free port
serve-cannot-watch = cannot watch { $path } for changes: { $error }
serve-watch-failed = watching for changes: { $reason }
serve-build-failed = { $reason }

## ── BIP pages: accessibility statement, BIP logo, EU marking ───────────────────────────
a11y-bad-status = `{ $value }` is not an accessibility status: write `full`, `partial` or `none`
a11y-needs-list = `accessibility:` has status `{ $status }` but no `non_accessible:` list of what is not accessible and why
a11y-needs-list-help = the statement must name each non-compliance: add `non_accessible: [{"{"}pl: "…", en: "…"{"}"}]` under `accessibility:`
a11y-full-with-list = `accessibility:` has status `full` and a `non_accessible:` list: a fully compliant site has nothing to list
a11y-full-with-list-help = write `status: partial` if something is not accessible, or remove `non_accessible:`
a11y-blank = `accessibility:` has an empty text (the contact's `name` or an entry of `non_accessible:`)
bip-bad-portal = `{ $url }` is not a web address
bip-bad-portal-help = write the main BIP portal's address with https://, e.g. https://www.gov.pl/web/bip
logo-missing = the logo `{ $file }` is not a file of the site's static/ folder
logo-missing-help = put the file at static/{ $file } (kronika links only files the site publishes itself, never another site's) or correct the name
logo-no-alt = the logo has no `alt:` text
logo-no-alt-help = describe the logo in every language, e.g. `alt: {"{"}pl: "Biuletyn Informacji Publicznej", en: "Public Information Bulletin"{"}"}`
eu-marking-blank = `eu_marking:` has an empty `statement:`
page-takes-statement = the page would take /{ $path }, where kronika writes the accessibility statement made from `accessibility:` in site.yaml
page-takes-statement-help = keep the statement's facts in `accessibility:` of site.yaml and delete this file, or give the page another `slug:`
## ── end of BIP pages ────────────────────────────────────────────────────────────────────
## kronika check
cli-check = Check the site as a build would, and more (links, accessibility of content, editorial warnings), writing nothing
cli-check-strict = Count warnings as errors (exit status 1)
cli-check-external = Also ask every link to another site over the network (dead links are warnings)
cli-check-format = How to print the findings: text, or json (one object per line)
check-summary = { $errors ->
        [0] No errors
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [0] no warnings
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }; nothing was written
check-heading-skip = heading of level { $level } after level { $previous }: a level is skipped
check-heading-skip-help = screen reader users move through a page by its heading levels; make this heading `{ $hashes }`, one level below the heading before it
check-link-empty-text = link without text
check-link-empty-text-help = write what the link leads to between the brackets, e.g. [Report 2012](report.pdf): a screen reader reads only that text
check-table-header = table without a header row
check-table-header-help = the first row of a Markdown table is its header: name each column there, so that a screen reader can say which column a cell belongs to
check-link-file-missing = link to `{ $target }`, which does not exist
check-link-file-missing-help = a relative link is read from the item's folder: check the file name, or link to a page of the site with @/…
check-link-dead = link to { $url } does not work: { $reason }
check-link-dead-help = the site may have moved or closed: link to its new address or to a copy in the Internet Archive (web.archive.org), or remove the link
check-dead-unchecked = not checked
check-dead-status = the server answers { $status }
check-dead-timeout = no answer within { $seconds } s
check-dead-failed = { $error }
check-no-translation = no translation in { $langs } (one of { $count ->
        [one] { $count } item
       *[other] { $count } items
    } without a translation)
check-no-translation-help = write { $file } with a `title:` and the translated text; it takes the other fields from this file, e.g. `kronika new news "…" --translation-of <name>`
check-metryczka-missing = the metryczka (BIP metadata) lacks { $keys }
check-metryczka-missing-help = a BIP page says when the information was produced, who produced it and who published it: add `produced:`, `produced_by:` and `published_by:`
check-project-unused = no item names project `{ $id }`
check-project-unused-help = list it in the front matter of the items about it: `projects: [{ $id }]`
check-tag-once = tag `{ $tag }` is used by this item only
check-tag-once-help = a tag groups items: check that no other tag means the same
check-tag-once-nearest-help = the other tag is used by { $count ->
        [one] { $count } item
       *[other] { $count } items
    }; tags that differ only in case, spaces or hyphens are one tag
check-embargo-far = the date { $date } is more than a year from today: the item stays unpublished until then
check-embargo-far-help = a date in the future is an embargo; check the year
check-uncommitted = `{ $file }` has changes that are not committed: they are not in its change register yet
check-untracked = `{ $file }` is not committed yet: its change register is empty until it is
check-uncommitted-help = the register is read from git's history: commit the change with a message saying what changed (git commit), and CI publishes it with the register

## kronika new
cli-new = Write a new news item, translation or project card, with its front matter filled in
cli-new-news = Write a new news item (or, with --translation-of, a translation of one)
cli-new-news-title = The item's title; its file name is made from it
cli-new-news-lang = The item's language (default: the site's default language)
cli-new-news-folder = Write a folder item (<name>/index.<lang>.md), for attachments and photos
cli-new-news-translation-of = Write the translation of the item named NAME, with only its title
cli-new-project = Write a new project card with every key shown and commented
cli-new-project-id = The project's id: lowercase letters, digits and hyphens, used in its address
new-body-placeholder = Write the text of the item here.
new-exists = the file exists already; kronika new never overwrites a file
new-exists-help = edit that file, or choose another title
new-empty-slug = the title `{ $title }` has no letters or digits to make a file name from
new-empty-slug-help = give a title with words, e.g. kronika new news "Spotkanie w Łodzi"
new-unknown-item = there is no news item named `{ $name }`
new-unknown-item-help = give the name of the item's file without its language suffix, e.g. `{ $nearest }`
new-unknown-item-none-help = the site has no news item yet: write the original first, e.g. `kronika new news "Title"`
new-unknown-language = `{ $lang }` is not a language of this site
new-unknown-language-help = the site's languages are { $languages }
new-bad-project-id = `{ $id }` cannot be a project id
new-bad-project-id-help = a project id is used in its address: use lowercase letters, digits and hyphens, e.g. `{ $suggestion }`

## kronika init
cli-init = Create a new site that builds at once, with CI files for GitHub Pages and GitLab Pages
cli-init-dir = The folder of the new site (missing or empty)
cli-init-lang = The site's default language: pl or en
init-not-empty = refusing to create a site in { $dir }: the folder is not empty
init-not-empty-help = give a new or empty folder, e.g. kronika init my-site
init-done = Created a new site in { $dir } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }). Next: cd { $dir } && kronika serve

## kronika completions
cli-completions = Print shell completions for kronika
cli-completions-shell = The shell: bash, zsh, fish, powershell or elvish
## The change register (history.rs, content/register.rs)
history-shallow = the site is in a shallow clone of its git repository, so the change registers would be incomplete: they are left out (only `changes:` from front matter is shown)
history-shallow-help = fetch the full history before building: `fetch-depth: 0` on actions/checkout (GitHub Actions), `GIT_DEPTH: 0` in .gitlab-ci.yml (GitLab CI), or `git fetch --unshallow`
history-failed = cannot read the git history, so the change registers come only from `changes:` in front matter: { $error }
history-failed-help = run `git log -- content` in the site folder to see the problem; kronika needs git 2.25 or newer
changes-after-git = this change ({ $date }) is after the file's first commit ({ $first }): it is left out of the register, which holds git's history from then on
changes-after-git-help = `changes:` is for what happened before the file was committed; later changes are recorded by their commits, so remove this entry
config-bad-repository = `{ $url }` is not a repository address
config-bad-repository-help = write the web address of the site's repository, e.g. https://github.com/mops/archiwum; kronika links each change to <repository>/commit/<id>, or puts the id where the address has `{"{"}commit{"}"}`
## Errors a new editor runs into (docs/maintainer/cli.md, "Errors and warnings")
yaml-amount-with-currency = `{ $value }` is not an amount: write only the digits, with a dot as the decimal separator and no grouping, e.g. "{ $suggestion }", and the currency in `currency: { $currency }`
yaml-list-help = a list is written in square brackets: `{ $example }`
yaml-key-reads-as-text-label = this reads as text, not as a key
yaml-key-reads-as-text-help = the front matter was probably never closed: add a line `---` after the last YAML key, before the text
translation-without-original = there is no original `{ $original }` for this translation
translation-nearest-original = did you mean `{ $nearest }`? A translation has its original's file name with its own language code
link-fragment-missing = link to `@/{ $target }`: the page has no element with id `{ $fragment }`
link-fragment-missing-help = a `#fragment` names an id on the target page: a heading's id (its text in lowercase, with hyphens), or on a project card `#card`, `#funding`, `#indicators` or `#project-news`

## The last line of every command's help: where the guide is (no public address yet)
cli-guide = Guide: docs/en/README.md in kronika's repository (in Polish: docs/pl/README.md)
