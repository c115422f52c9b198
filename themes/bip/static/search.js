// kronika – the search page of the "bip" theme (docs/maintainer/pages.md "Search").
// Queries the Pagefind index that `kronika build` writes into pagefind/. Pagefind picks the
// index of the page's language from <html lang>, so a Polish search finds Polish pages
// only. Every text comes from the page (UI strings in Fluent), and every value from the
// index is written as text, never as markup.

const form = document.querySelector("[data-search]");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const lang = document.documentElement.lang;
const selects = [...form.querySelectorAll("select[data-filter]")];
const MAX_RESULTS = 50;

let pagefind;
let latest = 0;

function say(text) {
  status.textContent = text;
}

// Pagefind's excerpt is text with <mark> around the words found and `<`, `>` escaped.
function excerpt(raw) {
  const p = document.createElement("p");
  p.className = "search-excerpt";
  let marked = false;
  for (const part of raw.split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    const text = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    if (marked) {
      const m = document.createElement("mark");
      m.textContent = text;
      p.append(m);
    } else {
      p.append(text);
    }
  }
  return p;
}

// An ISO date as the site writes it in text: CLDR's long form (the same data as kronika's)
// placed into the language's `date-long` message („15 lutego 2012 r.”).
const dates = new Intl.DateTimeFormat(status.dataset.locale || lang, {
  day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
});
function longDate(iso) {
  return status.dataset.date.replace("{date}", dates.format(new Date(`${iso}T00:00:00Z`)));
}

function item(data) {
  const li = document.createElement("li");
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  h.append(a);
  li.append(h);
  if (data.meta.date) {
    const p = document.createElement("p");
    p.className = "item-meta";
    const t = document.createElement("time");
    t.dateTime = data.meta.date;
    t.textContent = longDate(data.meta.date);
    p.append(t);
    li.append(p);
  }
  li.append(excerpt(data.excerpt));
  return li;
}

function chosenFilters() {
  const filters = {};
  for (const s of selects) {
    if (s.value) filters[s.dataset.filter] = s.value;
  }
  return filters;
}

function remember(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [k, v] of Object.entries(filters)) params.set(k, v);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

async function run() {
  const query = input.value.trim();
  const filters = chosenFilters();
  const ticket = ++latest;
  remember(query, filters);
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    say("");
    done(ticket);
    return;
  }
  say(status.dataset.loading);
  const found = await pagefind.search(query || null, { filters });
  const shown = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  if (ticket !== latest) return;
  list.replaceChildren(...shown.map(item));
  const count = found.results.length;
  say(count === 0
    ? status.dataset.none
    : status.dataset.count.replace("{count}", count.toLocaleString(lang)));
  done(ticket);
}

// Marks the page as showing the results of search number `ticket` (for tests).
function done(ticket) {
  document.documentElement.dataset.searchDone = String(ticket);
}

async function fillFilters(initial) {
  const available = await pagefind.filters();
  for (const s of selects) {
    const key = s.dataset.filter;
    const values = Object.keys(available[key] || {});
    if (values.length === 0) {
      s.closest("[data-filter-row]").hidden = true;
      continue;
    }
    if (key === "year") {
      values.sort((a, b) => b.localeCompare(a));
    } else {
      values.sort((a, b) => a.localeCompare(b, lang));
    }
    for (const v of values) {
      const o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      s.append(o);
    }
    if (initial.get(key) && values.includes(initial.get(key))) s.value = initial.get(key);
  }
}

async function start() {
  form.hidden = false;
  const initial = new URLSearchParams(location.search);
  input.value = initial.get("q") || "";
  try {
    pagefind = await import(form.dataset.bundle);
    await pagefind.options({ excerptLength: 30 });
    await fillFilters(initial);
  } catch (e) {
    say(status.dataset.failed);
    return;
  }
  let timer;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  for (const s of selects) s.addEventListener("change", run);
  document.documentElement.dataset.searchReady = "true";
  await run();
}

start();
