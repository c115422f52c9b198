/**
 * Browser accessibility gate of kronika's built-in theme (run by tests/quality.rs).
 *
 *   node tests/quality/a11y.mjs <built output folder> <base path, e.g. /archiwum/>
 *
 * Serves the folder under the base path on 127.0.0.1 (index.html for folders,
 * 404.html with status 404 for misses) and opens it in the system Chromium
 * (/usr/bin/chromium). For one page of each kind in every language — home, news
 * list, a news item with attachments, a project card, the tag index, a tag page,
 * an archive year, the statistics page, a project's statistics page (the
 * fullest), a news item with a captioned photo, one with a decorative image, the
 * usage instructions and the accessibility statement (linked from the footer) and
 * the search page showing results — and for the 404 page, it checks:
 *   - axe-core, WCAG 2.0/2.1 levels A and AA, at 1280 and at 320 CSS px wide;
 *   - reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px;
 *   - reading on a phone at 320 CSS px: a wide table shows that it scrolls, no
 *     amount of a money table is out of view, words break only between words;
 *   - keyboard: after a fresh load, the first Tab focuses a visible skip link
 *     whose target is the <main> element, and following it moves focus there;
 *   - images: each has an alt attribute, loads (lazy ones too), and every copy
 *     its srcset names answers 200.
 * The pages are found in the output itself: languages from the home page's
 * hreflang links, sections from the home page's main navigation (home, news,
 * archive, projects, tags, statistics, in this order), items inside those sections.
 * Prints every failure (page and width; axe rule, help, and each failing element
 * with what is wrong) and exits 1; on success prints one summary line and exits 0.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import axe from 'axe-core';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const WIDTHS = [1280, 320];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

const [dir, base = '/'] = process.argv.slice(2);
// A site that need not have every kind of page (a new site of `kronika init`: no
// attachments, tags or photos yet): the kinds it lacks are skipped, not failures.
const partial = process.env.A11Y_PARTIAL === '1';
if (!dir || !base.startsWith('/') || !base.endsWith('/')) {
  console.error('usage: node a11y.mjs <output folder> <base path starting and ending with />');
  process.exit(2);
}

/** A file of the output folder for a URL path, or null. */
function fileFor(urlPath) {
  if (!urlPath.startsWith(base)) return null;
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return null;
  }
  const file = normalize(join(dir, rel));
  if (file !== normalize(dir) && !file.startsWith(normalize(dir) + sep)) return null;
  if (!existsSync(file)) return null;
  const index = join(file, 'index.html');
  if (statSync(file).isDirectory()) return existsSync(index) ? index : null;
  return file;
}

const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  const file = fileFor(path);
  const status = file ? 200 : 404;
  const body = file ? file : join(dir, '404.html');
  res.writeHead(status, { 'content-type': TYPES[extname(body)] ?? 'application/octet-stream' });
  res.end(existsSync(body) ? readFileSync(body) : 'not found');
});

// ---- Which pages to check, found in the output ----

const read = (rel) => readFileSync(join(dir, rel), 'utf8');
const hrefs = (html) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
/** Site path (relative to the base, e.g. `en/news/`) of a link or absolute URL. */
function sitePath(href) {
  const path = new URL(href, 'http://localhost' + base).pathname;
  if (!path.startsWith(base)) throw new Error(`${href} is not under ${base}: was the site built with that base path?`);
  return decodeURI(path.slice(base.length));
}
/** The page with the most markup (the fullest project card: most tables and rows). */
const largest = (paths) => paths.sort((a, b) => size(b) - size(a))[0];
const size = (path) => statSync(join(dir, path, 'index.html')).size;
/** Whether a link leads to a file of the site that is not a page, feed or stylesheet. */
const isAttachment = (href) =>
  href.startsWith(base) && !/(\/|\.html|\.css|\.xml)$/.test(href) && existsSync(join(dir, sitePath(href)));
/** Sub-folders of a site folder that hold a page, sorted by name. */
const subpages = (folder) =>
  (existsSync(join(dir, folder)) ? readdirSync(join(dir, folder), { withFileTypes: true }) : [])
    .filter((e) => e.isDirectory() && existsSync(join(dir, folder, e.name, 'index.html')))
    .map((e) => `${folder}${e.name}/`)
    .sort();

/** What failed, one block of text each, and how many violations they hold. */
const failures = [];
let violations = 0;
const fail = (msg, count = 1) => {
  failures.push(msg);
  violations += count;
};

function discover() {
  const home = read('index.html');
  const langs = [...home.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)]
    .filter((m) => m[1] !== 'x-default')
    .map((m) => ({ lang: m[1], root: sitePath(m[2]) }));
  if (langs.length < 2) fail(`expected a home page per language in the hreflang links of index.html, found ${langs.length}`);
  const pages = [];
  for (const { lang, root } of langs) {
    const nav = read(root + 'index.html').match(/<nav class="site-nav"[\s\S]*?<\/nav>/);
    const [, news, archive, projects, tags, stats] = nav ? hrefs(nav[0]).map(sitePath) : [];
    if (!stats) {
      fail(`${lang}: the home page's main navigation does not list home, news, archive, projects, tags, statistics`);
      continue;
    }
    const withAttachment = subpages(news).find((item) => hrefs(read(item + 'index.html')).some(isAttachment));
    const withPhoto = (pattern) => subpages(news).find((item) => pattern.test(read(item + 'index.html')));
    // The BIP pages the footer links: the usage instructions and the accessibility statement.
    const footer = read(root + 'index.html').match(/<nav class="footer-links"[\s\S]*?<\/nav>/);
    const [instructions, statement] = footer ? hrefs(footer[0]).map(sitePath).filter((p) => p.endsWith('/')) : [];
    const found = {
      home: root,
      'news list': news,
      'news item with attachments': withAttachment,
      'project card': largest(subpages(projects)),
      'tag index': tags,
      'tag page': subpages(tags)[0],
      'archive year': subpages(archive).find((p) => /\/\d{4}\/$/.test(p)),
      statistics: stats,
      'project statistics': largest(subpages(stats)),
      'news item with a captioned photo': withPhoto(/<figure class="photo">/),
      'news item with a decorative image': withPhoto(/<img [^>]*alt=""/),
      'usage instructions': instructions,
      'accessibility statement': statement,
    };
    for (const [kind, path] of Object.entries(found)) {
      if (path === undefined && partial) continue;
      if (path === undefined) fail(`missing page: no ${kind} (${lang}) in ${dir}`);
      else pages.push({ name: `${kind} (${lang})`, path });
    }
    // The search page, showing the results of a word from that item's heading: the
    // header's search box leads there.
    const form = read(root + 'index.html').match(/<form class="header-search"[^>]*action="([^"]*)"/);
    const searched = withAttachment ?? (partial ? subpages(news)[0] : undefined);
    const heading = searched && read(searched + 'index.html').match(/<h1>([^<]*)<\/h1>/);
    const word = heading?.[1].split(/[^\p{L}]+/u).find((w) => w.length >= 5);
    if (!form || !word) fail(`missing page: no search page with results (${lang}) in ${dir}`);
    else pages.push({ name: `search page with results (${lang})`, path: `${sitePath(form[1])}?q=${encodeURIComponent(word)}`, results: true });
  }
  // The 404 page is one page for every language, served for any missing address.
  if (existsSync(join(dir, '404.html'))) pages.push({ name: '404 page', path: 'no-such-page/', status: 404 });
  else fail(`missing page: no 404.html in ${dir}`);
  return pages;
}

// ---- Checks in the browser ----

/** Runs axe-core and the reflow check on the loaded page at the current width. */
async function checkAxeAndReflow(page, url, width) {
  await page.evaluate(axe.source);
  const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  for (const v of result.violations) {
    // One line per failing element: its selector and what axe found wrong with it.
    const nodes = v.nodes.map((n) => {
      const why = (n.failureSummary ?? '').split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
      return `    ${n.target.join(' ')}: ${why.join('; ')}`;
    });
    fail(`${url} @${width}px axe ${v.id} (${v.impact}): ${v.help}\n${nodes.join('\n')}`, v.nodes.length);
  }
  if (width === 320) {
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > 320) fail(`${url} @320px reflow: the page is ${scroll} px wide, it scrolls horizontally`);
  }
}

/**
 * Reading on a phone, at 320 px (issue "What a new comms officer ran into", 10 and 11):
 *   - a table wider than its wrapper shows that it scrolls (the wrapper's shadows);
 *   - no amount of a money table (`table.stack`) is out of view;
 *   - text breaks only between words, hyphenated by the browser (`hyphens: auto`),
 *     never anywhere in a word (`overflow-wrap: anywhere`, `word-break: break-all`).
 */
async function checkPhone(page, url) {
  const problems = await page.evaluate(() => {
    const out = [];
    const name = (el) => `<${el.localName}${el.id ? ` id="${el.id}"` : ''}${el.className ? ` class="${el.className}"` : ''}>`;
    for (const wrap of document.querySelectorAll('.table-wrap')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1 && !getComputedStyle(wrap).backgroundImage.includes('gradient')) {
        out.push(`${name(wrap)} scrolls without showing that it does`);
      }
      const box = wrap.getBoundingClientRect();
      for (const cell of wrap.querySelectorAll('table.stack .num')) {
        const r = cell.getBoundingClientRect();
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
          out.push(`${name(wrap)}: the amount "${cell.textContent.trim()}" is out of view`);
        }
      }
    }
    for (const el of document.querySelectorAll('main :is(h1, h2, h3, h4, p, li, a, td, th, dt, dd, caption)')) {
      if (el.closest('code, pre')) continue;
      const style = getComputedStyle(el);
      if (style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all') {
        out.push(`${name(el)} may break a word anywhere (overflow-wrap: ${style.overflowWrap}, word-break: ${style.wordBreak})`);
      } else if (style.hyphens !== 'auto' && !el.closest('a[href^="mailto:"]')) {
        out.push(`${name(el)} is not hyphenated by the browser (hyphens: ${style.hyphens})`);
      }
    }
    return [...new Set(out)];
  });
  for (const p of problems) fail(`${url} @320px ${p}`);
}

/** Every image has an alt attribute and loads, and each copy in its srcset answers 200. */
async function checkImages(page, url) {
  const problems = await page.evaluate(async () => {
    const out = [];
    for (const img of document.querySelectorAll('img')) {
      const name = img.getAttribute('src');
      if (!img.hasAttribute('alt')) out.push(`${name}: no alt attribute`);
      img.loading = 'eager';
      try {
        await img.decode();
      } catch {
        out.push(`${name}: does not load`);
      }
      const copies = (img.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);
      for (const copy of copies) {
        const r = await fetch(copy, { method: 'HEAD' });
        if (r.status !== 200) out.push(`${copy}: ${r.status}`);
      }
    }
    return out;
  });
  for (const p of problems) fail(`${url} image ${p}`);
}

/** From a fresh load, Tab once: the skip link must take focus and lead to <main>. */
async function checkSkipLink(page, url) {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const a = document.activeElement;
    const href = a?.getAttribute('href') ?? '';
    const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
    const box = a?.getBoundingClientRect();
    return {
      what: a ? `<${a.localName}${href ? ` href="${href}"` : ''}> "${a.textContent.trim()}"` : 'nothing',
      toMain: target?.localName === 'main',
      visible: !!box && box.width > 1 && box.height > 1,
    };
  });
  if (!first.toMain) return fail(`${url} keyboard: the first Tab focuses ${first.what}, not a skip link to the <main> element`);
  if (!first.visible) fail(`${url} keyboard: the skip link ${first.what} is not visible when focused`);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement?.localName);
  if (focused !== 'main') fail(`${url} keyboard: following the skip link focuses <${focused}>, not <main>`);
}

let pages;
try {
  pages = discover();
} catch (e) {
  console.log(`cannot find the pages to check: ${e.message}`);
  process.exit(1);
}
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  // No sandbox (CI runs as root), and nothing that reaches for the network.
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    // A stylesheet or image that does not load would make every later check meaningless.
    const here = () => new URL(page.url()).pathname;
    page.on('response', (r) => {
      if (!r.request().isNavigationRequest() && r.status() >= 400) fail(`${here()} loads ${r.url()}: ${r.status()}`);
    });
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText;
      if (why !== 'net::ERR_ABORTED') fail(`${here()} loads ${r.url()}: ${why}`);
    });
    for (const p of pages) {
      const url = base + p.path;
      const response = await page.goto(origin + url);
      const expected = p.status ?? 200;
      if (response?.status() !== expected) fail(`${url} (${p.name}) answered ${response?.status()}, expected ${expected}`);
      if (p.results) {
        try {
          await page.waitForSelector('#search-results li', { timeout: 15000 });
        } catch {
          fail(`${url} (${p.name}) shows no results`);
        }
      }
      await checkSkipLink(page, url);
      await checkAxeAndReflow(page, url, width);
      if (width === 320) await checkPhone(page, url);
      await checkImages(page, url);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

if (failures.length) {
  console.log(failures.join('\n'));
  console.log(`axe: ${pages.length} pages × ${WIDTHS.length} widths, ${violations} violations`);
  process.exit(1);
}
console.log(`axe: ${pages.length} pages × ${WIDTHS.length} widths, 0 violations`);
