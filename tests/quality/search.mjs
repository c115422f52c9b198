/**
 * Queries a built site's search index for real (run by tests/search.rs).
 *
 *   node tests/quality/search.mjs <built output folder> <base path> <cases.json>
 *
 * Serves the folder under the base path on 127.0.0.1 and opens, in the system Chromium
 * (/usr/bin/chromium), each case's search page with its query string (`?q=…&tag=…`), as
 * a reader who submits the header's search box does. The theme's script loads the
 * Pagefind bundle from the site and shows the results. For each case it prints what the
 * page shows: the status line, the path and text of every result, and the values of each
 * filter, as one JSON array on stdout.
 * A case is `{"page": "szukaj/", "query": {"q": "lodz"}}`. Exits 1 when a page fails to
 * load or its script reports an error.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

const [dir, base, casesFile] = process.argv.slice(2);
if (!dir || !base?.startsWith('/') || !base.endsWith('/') || !casesFile) {
  console.error('usage: node search.mjs <output folder> <base path starting and ending with /> <cases.json>');
  process.exit(2);
}
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));

function fileFor(urlPath) {
  if (!urlPath.startsWith(base)) return null;
  const file = normalize(join(dir, decodeURIComponent(urlPath.slice(base.length))));
  if (file !== normalize(dir) && !file.startsWith(normalize(dir) + sep)) return null;
  if (!existsSync(file)) return null;
  if (statSync(file).isDirectory()) return existsSync(join(file, 'index.html')) ? join(file, 'index.html') : null;
  return file;
}

const server = createServer((req, res) => {
  const file = fileFor(new URL(req.url, 'http://localhost').pathname);
  res.writeHead(file ? 200 : 404, { 'content-type': (file && TYPES[extname(file)]) ?? 'application/octet-stream' });
  res.end(file ? readFileSync(file) : 'not found');
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const problems = [];
const out = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${page.url()} loads ${r.url()}: ${r.status()}`);
  });
  for (const c of cases) {
    const query = new URLSearchParams(c.query).toString();
    await page.goto(`${origin}${base}${c.page}?${query}`);
    await page.waitForSelector('html[data-search-done]', { state: 'attached', timeout: 15000 });
    const shown = await page.evaluate(() => ({
      status: document.getElementById('search-status').textContent,
      results: [...document.querySelectorAll('#search-results h2 a')].map((a) => new URL(a.href).pathname),
      texts: [...document.querySelectorAll('#search-results li')].map((li) => li.textContent),
      filters: Object.fromEntries([...document.querySelectorAll('select[data-filter]')]
        .map((s) => [s.dataset.filter, [...s.options].slice(1).map((o) => o.value)])),
    }));
    out.push({ ...c, ...shown });
  }
} catch (e) {
  problems.push(String(e));
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out, null, 1));
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
