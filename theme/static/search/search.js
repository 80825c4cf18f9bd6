// Search on /search/ and /en/search/ (the only pages with a script). Reads ?q= and ?kind=,
// folds the reader's Arabic spelling as the index does (plugins/newsbrief/search.py: keep
// the two in step), asks Pagefind (the bundles of the page's <html lang>), shows the results.

const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, shadda, sukun, tatweel…
// as plugins/newsbrief/text.py's fold_letters (Persian ک ی گ پ چ ژ, ى) and search.py's LETTERS
const LETTERS = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
  "ک": "ك", "ی": "ي", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز" };

/** «إبراهيمُ» -> «ابراهيم», "OpenAI" -> "openai". */
export function fold(text) {
  return text.replace(MARKS, "").replace(/[أإآٱىةکیگپچژ]/g, (c) => LETTERS[c]).toLowerCase();
}

// A name may carry proclitics («وماهر», «لريم», «وبالشركة»), yet a name may also begin with
// one of their letters («كريم» is not «ك» + «ريم»). So the query is searched as typed, then
// without a leading و/ف, then without ب ك ل ال as well, each less trusted than the last; at
// least 3 letters must remain.
const CONJUNCTION = /^[وف](?=[\u0621-\u064A]{3,})/;
const PROCLITIC = /^(?:[وف]?(?:[بك]?ال|لل)|[وف]?[بكل]|[وف])(?=[\u0621-\u064A]{3,})/;

/** Each word without the proclitics a reader typed before it. */
export function stripProclitics(query, pattern = PROCLITIC) {
  return query.split(/\s+/).map((word) => word.replace(pattern, "")).join(" ");
}

/** [query, weight] pairs to search: as typed first, then without proclitics. */
export function variants(query) {
  const out = [[query, 1]];
  for (const [pattern, weight] of [[CONJUNCTION, 0.8], [PROCLITIC, 0.5]]) {
    const bare = stripProclitics(query, pattern);
    if (!out.some(([known]) => known === bare)) out.push([bare, weight]);
  }
  return out;
}

const root = document.querySelector(".nb-search");
const form = root.querySelector(".nb-search__form");
const input = form.elements.q;
const status = root.querySelector(".nb-search__status");
const list = root.querySelector(".nb-search__results");
const text = root.dataset; // interface strings from our catalogues
let pagefind = null;
let latest = 0;

async function engine() {
  if (!pagefind) {
    // Paths only: the index is always read from this page's own origin.
    const main = new URL(text.pagefind, document.baseURI);
    const module = await import(main.pathname);
    const options = { baseUrl: new URL(text.base, document.baseURI).pathname, excerptLength: 24 };
    await module.options(options);
    await module.init();
    // The language's index is in bundles by kind (plugins/newsbrief/search.py): the briefs'
    // bundle is loaded, bundles.json lists the others, and Pagefind searches them as one.
    const listed = await (await fetch(new URL("bundles.json", main).pathname)).json();
    for (const other of listed.merge) await module.mergeIndex(new URL(other, main).pathname, options);
    pagefind = module;
  }
  return pagefind;
}

/** A catalogue string with {query} (isolated, it may run the other way) and {count} filled in. */
function message(template, values) {
  return template.split(/(\{\w+\})/).map((part) => {
    const key = part.slice(1, -1);
    if (!(part.startsWith("{") && key in values)) return part;
    const node = document.createElement("bdi");
    node.textContent = values[key];
    return node;
  });
}

// On right-to-left pages a Latin run is isolated, as the build does for page text (bidi.py).
const LATIN = /([A-Za-z][\w&'’-]*(?:(?:\s+|\.)[A-Za-z0-9][\w&'’-]*)*)/;
const rtl = document.documentElement.dir === "rtl";

function appendText(parent, value) {
  if (!rtl) return parent.append(value);
  value.split(LATIN).forEach((part, i) => {
    if (i % 2 === 0) return part && parent.append(part);
    const run = document.createElement("bdi");
    run.textContent = part;
    parent.append(run);
  });
}

/** Pagefind's excerpt keeps only its text and <mark> highlights (never other markup); an
 * ellipsis says where it starts or ends inside the page's prose (`content`). */
function excerpt(html, content = "") {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body;
  const out = document.createElement("p");
  out.className = "nb-result__excerpt";
  const plain = parsed.textContent.trim();
  const at = plain ? content.indexOf(plain.slice(0, 40)) : -1;
  for (const node of parsed.firstChild ? parsed.firstChild.childNodes : []) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      appendText(mark, node.textContent);
      out.append(mark);
    } else {
      appendText(out, node.textContent);
    }
  }
  if (at > 0) out.prepend("… ");
  if (at >= 0 && at + plain.length < content.trim().length) out.append(" …");
  return out;
}

function result(data) {
  const item = document.createElement("li");
  item.className = "nb-result";
  const kind = (data.filters.kind || [])[0] || "";
  const label = document.createElement("p");
  label.className = "nb-result__kind";
  label.textContent = text["kind" + kind.charAt(0).toUpperCase() + kind.slice(1)] || "";
  if (data.meta.when) { // a brief's date, as the page shows it
    const when = document.createElement("time");
    when.className = "nb-result__date";
    when.dateTime = data.meta.date || "";
    when.textContent = data.meta.when;
    label.append(" · ", when);
  }
  const title = document.createElement("h2");
  title.className = "nb-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  appendText(link, data.meta.title);
  title.append(link);
  item.append(label, title, excerpt(data.excerpt, data.content));
  return item;
}

const SHOWN = 20;
const PROFILES = ["person", "company"];

/** [{hit, score}] of every variant of the query, weighted, best first (a page keeps its best
 * score), and how many pages matched. With `sort`, Pagefind's order (newest first) decides
 * which SHOWN hits of each variant are kept. */
async function hits(search, query, filters, sort) {
  const best = new Map();
  const all = new Set();
  for (const [variant, weight] of variants(fold(query))) {
    if (sort && best.size >= SHOWN) break; // enough of the newest: the later variants are less sure
    const found = (await search.search(variant, sort ? { filters, sort } : { filters })).results;
    found.forEach((hit) => all.add(hit.id));
    for (const hit of sort ? found.slice(0, SHOWN) : found) {
      const score = hit.score * weight;
      if (!best.has(hit.id) || best.get(hit.id).score < score) best.set(hit.id, { hit, score });
    }
  }
  const list = [...best.values()].sort((a, b) => b.score - a.score);
  list.total = all.size;
  return list;
}

/** True when every word of one of the query's variants begins a word of the page's
 * title or of its other names (meta `names`: the other script, aliases, folded spellings). */
function names(query, data) {
  const words = fold(`${data.meta.title} ${data.meta.names || ""}`).split(/[\s·,]+/);
  return variants(fold(query)).some(([variant]) =>
    variant.split(/\s+/).every((part) => words.some((word) => word.startsWith(part))));
}

/** The results in their order. When the query names a person or a company: the pages it
 * names, then the briefs newest first, then the other pages. Otherwise profiles and briefs
 * by score. Returns [count, data of the first SHOWN]. */
async function ranked(search, query, kind) {
  const profiles = await hits(search, query, { kind: { any: kind && kind !== "brief" ? [kind] : PROFILES } });
  const briefs = kind && kind !== "brief" ? [] : await hits(search, query, { kind: "brief" }, { date: "desc" });
  const load = (list) => Promise.all(list.slice(0, SHOWN).map(async (entry) => ({ ...entry, data: await entry.hit.data() })));
  const [people, news] = await Promise.all([load(profiles), load(briefs)]);
  const named = people.filter((entry) => names(query, entry.data));
  const others = kind === "brief" ? [] : people.filter((entry) => !named.includes(entry));
  const order = named.length
    ? [...(kind === "brief" ? [] : named), ...news.sort((a, b) => (b.data.meta.date || "").localeCompare(a.data.meta.date || "") || b.score - a.score), ...others]
    : [...(kind === "brief" ? [] : people), ...news].sort((a, b) => b.score - a.score);
  const count = (kind === "brief" ? 0 : profiles.total) + (briefs.total || 0);
  return [count, order.slice(0, SHOWN).map((entry) => entry.data)];
}

async function run() {
  const query = input.value.trim();
  const kind = form.elements.kind.value;
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (kind) params.set("kind", kind);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  const ticket = ++latest;
  if (!query) {
    status.replaceChildren();
    list.replaceChildren();
    return;
  }
  root.dataset.state = "searching"; // for tests and styles: "searching", then "done"
  status.textContent = text.loading;
  try {
    const [count, results] = await ranked(await engine(), query, kind);
    if (ticket !== latest) return; // a newer query has started
    list.replaceChildren(...results.map(result));
    const values = { query, count: String(count) };
    status.replaceChildren(...message(results.length ? text.results : text.none, values));
  } catch (error) {
    if (ticket !== latest) return;
    status.textContent = text.failed;
    console.warn("search:", error);
  }
  root.dataset.state = "done";
}

let timer;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run();
});
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 250);
});
form.addEventListener("change", (event) => {
  if (event.target.name === "kind") run();
});

// Arrived from the header box or a shared link: fill the form and search at once.
const start = new URLSearchParams(location.search);
input.value = start.get("q") || "";
const startKind = form.querySelector(`input[name="kind"][value="${CSS.escape(start.get("kind") || "")}"]`);
if (startKind) startKind.checked = true;
if (input.value.trim()) run();
