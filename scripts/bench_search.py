"""Measure the search on a built site: index size and time, and query speed in Chromium.

    python scripts/bench_search.py SITE_DIR [--out test-artifacts/search-bench.md]
        [--query ar:ماهر --query en:Anthropic ...]

Re-runs Pagefind over SITE_DIR (as the build does) to time the indexing, sums the index
per language, then serves the site and types each query into the search page: the first
query of a page is "cold" (Pagefind's script, worker, WebAssembly and index metadata load
first), the same query again is "warm". Reports milliseconds, bytes fetched, the number of
results and the first three. A benchmark, not a test: nothing here passes or fails.
"""

import argparse
import pathlib
import statistics
import time

from gates.browser import launch, opened
from gates.server import serve
from newsbrief.search import index_site
from pelican.settings import read_settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_QUERIES = ["ar:ماهر", "ar:وماهر", "ar:أوبن ايه اي", "ar:ميتا", "en:Anthropic", "en:Meta", "en:Maher"]
PREFIX = {"ar": "", "en": "en/"}


def kib(n):
    return f"{n / 1024:,.1f} KiB"


def index_sizes(site):
    folders = [*site.glob("pagefind*"), *(site / "en").glob("pagefind*")]  # every bundle of both languages
    files = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    per_lang = {}
    for path in files:
        lang = next((lang for lang in PREFIX if path.name.startswith((f"{lang}_", f"pagefind.{lang}_", f"wasm.{lang}."))), "shared")
        per_lang.setdefault(lang, [0, 0])
        per_lang[lang][0] += path.stat().st_size
        per_lang[lang][1] += 1
    return sum(p.stat().st_size for p in files), len(files), per_lang


def one_query(page, query, sizes):
    sizes.clear()
    page.evaluate("document.querySelector('.nb-search').dataset.state = ''")
    page.fill("#nb-search-q", query)
    start = time.perf_counter()
    page.press("#nb-search-q", "Enter")
    page.wait_for_selector(".nb-search[data-state=done]", timeout=60000)
    elapsed = (time.perf_counter() - start) * 1000
    urls = page.eval_on_selector_all(".nb-result__title a", "links => links.map(a => a.getAttribute('href'))")
    count = page.inner_text(".nb-search__status")
    return elapsed, sum(sizes.values()), count, urls[:3]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "search-bench.md"))
    parser.add_argument("--query", action="append", help="lang:text (repeatable)")
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv)
    site = pathlib.Path(args.site).resolve()
    pages = len(list(site.rglob("*.html")))

    start = time.perf_counter()
    index_site(site, read_settings(str(ROOT / "pelicanconf.py")))
    index_seconds = time.perf_counter() - start
    total, count, per_lang = index_sizes(site)

    lines = [f"## Search benchmark {args.label}".rstrip(), "",
             f"- site: `{site}`, {pages} HTML pages",
             f"- Pagefind indexing: {index_seconds:.2f} s",
             f"- index folder: {kib(total)} in {count} files; "
             + ", ".join(f"{lang}: {kib(b)} in {n} files" for lang, (b, n) in sorted(per_lang.items())),
             "", "| query | cold ms | cold bytes | warm ms | warm bytes | status | first results |",
             "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
    warm_times = []
    with serve(site) as base, launch() as browser:
        for item in args.query or DEFAULT_QUERIES:
            lang, _, query = item.partition(":")
            sizes = {}
            with opened(browser, f"{base}/{PREFIX[lang]}search/") as (page, _record):
                page.on("response", lambda r, sizes=sizes: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
                cold = one_query(page, query, sizes)
                warm = [one_query(page, query, sizes) for _ in range(3)]
            warm_ms = statistics.median(w[0] for w in warm)
            warm_times.append(warm_ms)
            lines.append(f"| {lang}: {query} | {cold[0]:.0f} | {kib(cold[1])} | {warm_ms:.0f} | "
                         f"{kib(warm[-1][1])} | {cold[2]} | {' '.join(cold[3])} |")
    lines += ["", f"Median warm query: {statistics.median(warm_times):.0f} ms.", ""]
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as report:
        report.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
