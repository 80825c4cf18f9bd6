"""A growing publication (issue 9): a synthetic archive of CORPUS_BRIEFS briefs, built once and crawled
from each language's home page like a reader or a search engine would.

The corpus comes from scripts/make_corpus.py (2 people and 1/4 company a brief; the `corpus` and `big`
fixtures of conftest.py): the people index
passes INDEX_SPLIT_AT and splits into letter pages; the companies index stays one page.
"""

import collections
import gzip
import itertools
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
import yaml
from gates import budgets
from newsbrief.collation import IndexOrder
from support import CORPUS_BRIEFS, LANGS, PREFIX, ROOT, build, content_items

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="session")
def facts(corpus):
    return {kind: content_items(kind, corpus) for kind in ("articles", "people", "companies")}


HREF = re.compile(r'<a [^>]*?href="(/[^"#]*)')


def links(site, url):
    """The internal links of a page (a regular expression: thousands of pages are crawled)."""
    return HREF.findall(site.file(url).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def crawl(big):
    """{lang: {url: clicks from that language's home}}, following every internal link."""
    depths = {}
    for lang in LANGS:
        seen = {PREFIX[lang]: 0}
        queue = collections.deque([PREFIX[lang]])
        while queue:
            url = queue.popleft()
            if not url.endswith("/") or not big.file(url).is_file():
                continue
            for target in links(big, url):
                if target not in seen and target.endswith("/"):
                    seen[target] = seen[url] + 1
                    queue.append(target)
        depths[lang] = seen
    return depths


def newest_first(facts, lang):
    briefs = facts["articles"]
    return [f"{PREFIX[lang]}articles/{slug}/" for slug in
            sorted(briefs, key=lambda s: (str(briefs[s][lang]["date"]), s), reverse=True)]


# --- reachability ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_brief_is_within_4_clicks_and_every_profile_reachable(crawl, facts, lang):
    depth = crawl[lang]
    briefs = newest_first(facts, lang)
    assert len(briefs) == CORPUS_BRIEFS
    far = {url: depth.get(url) for url in briefs if depth.get(url) is None or depth[url] > 4}
    assert far == {}
    for kind in ("people", "companies"):
        missing = [s for s in facts[kind] if f"{PREFIX[lang]}{kind}/{s}/" not in depth]
        assert missing == [], kind


# --- the archive ---------------------------------------------------------------------------------

def follow(big, url, rel="next"):
    """The pages of a list, in order, by following rel=next from its first page."""
    pages = [url]
    while (nxt := big.page(pages[-1]).select_one(f'.nb-pagination a[rel="{rel}"]')) is not None:
        pages.append(nxt["href"])
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_archive_pages_hold_every_brief_once_newest_first(big, facts, lang):
    pages = follow(big, f"{PREFIX[lang]}articles/")
    assert pages[1] == f"{PREFIX[lang]}articles/page/2/"
    listed = [a["href"] for url in pages for a in big.page(url).select(".nb-brief-item__title a")]
    assert listed == newest_first(facts, lang)
    assert all(len(big.page(url).select(".nb-brief-item")) <= 20 for url in pages)
    # every page says where it is, in words, and marks the current page
    last = big.page(pages[2])
    status = last.select_one(".nb-pagination__status").get_text(strip=True)
    expected = f"Page 3 of {len(pages)}" if lang == "en" else f"الصفحة 3 من {len(pages)}"
    assert status == expected
    assert last.select_one('.nb-pagination a[aria-current="page"]')["href"] == pages[2]
    assert last.select_one("nav.nb-pagination")["aria-label"]


@pytest.mark.parametrize("lang", LANGS)
def test_pagination_and_hreflang_are_reciprocal(big, lang):
    other = "en" if lang == "ar" else "ar"
    pages = follow(big, f"{PREFIX[lang]}articles/")
    assert len(pages) > 2
    for before, after in itertools.pairwise(pages):
        assert big.page(after).select_one('.nb-pagination a[rel="prev"]')["href"] == before
    for url in (*pages, f"{PREFIX[lang]}moves/"):
        page = big.page(url)
        twin = page.select_one(f'link[hreflang="{other}"]')["href"]
        assert big.page(twin).select_one(f'link[hreflang="{lang}"]')["href"] == url
        assert page.select_one("a[data-switcher]")["href"] == twin


@pytest.mark.parametrize("lang", LANGS)
def test_month_archives_have_babel_names_and_counts(big, facts, lang):
    by_month = collections.Counter(str(v[lang]["date"])[:7] for v in facts["articles"].values())
    archive = big.page(f"{PREFIX[lang]}articles/")
    months = archive.select(".nb-months__link")
    assert len(months) == len(by_month)
    november = f"{PREFIX[lang]}articles/2025/11/"
    link = archive.select_one(f'.nb-months__link[href="{november}"]')
    assert link.get_text(strip=True) == {"ar": "نوفمبر", "en": "November"}[lang]
    assert f"({by_month['2025-11']})" in link.parent.get_text()
    page = big.page(november)
    # Month and year never part at a line's end: a no-break space, on the briefs' and the moves' page.
    named = "November\xa02025" if lang == "en" else "نوفمبر\xa02025"
    assert named in page.h1.get_text()
    assert named in big.page(f"{PREFIX[lang]}moves/2025/11/").h1.get_text()
    listed = [a["href"] for url in follow(big, november) for a in big.page(url).select(".nb-brief-item__title a")]
    assert listed == [u for u in newest_first(facts, lang)
                      if str(facts["articles"][u.split("/")[-2]][lang]["date"]).startswith("2025-11")]


@pytest.mark.parametrize("lang", LANGS)
def test_year_pages_list_the_year_by_month(big, facts, lang):
    """`/articles/<yyyy>/`: linked from the archive's year heading and from each of its months,
    one page with the year's months and how many briefs each holds, whose pages list them
    (the year page does not list them again); the other language's twin."""
    years = collections.Counter(str(v[lang]["date"])[:4] for v in facts["articles"].values())
    archive = big.page(f"{PREFIX[lang]}articles/")
    linked = [a["href"] for a in archive.select(".nb-months__year a")]
    assert linked == [f"{PREFIX[lang]}articles/{year}/" for year in sorted(years, reverse=True)]
    year = max(years, key=years.get)
    url = f"{PREFIX[lang]}articles/{year}/"
    first = big.page(url)
    assert year in first.h1.get_text() and str(years[year]) in first.select_one(".nb-lead__summary").get_text()
    assert first.select(".nb-brief-item") == [] and first.select_one(".nb-pagination") is None
    assert not big.file(f"{url}page/2/").exists()
    months = first.select(".nb-months__link")
    assert {a["href"][:-3] for a in months} == {url}
    assert sum(int(a.find_next_sibling("span").get_text().strip("()")) for a in months) == years[year]
    listed = [a["href"] for m in months for page in follow(big, m["href"]) for a in big.page(page).select(".nb-brief-item__title a")]
    assert sorted(listed) == sorted(u for u in newest_first(facts, lang)
                                    if str(facts["articles"][u.split("/")[-2]][lang]["date"]).startswith(year))
    assert big.page(months[0]["href"]).select_one(f'.nb-archive__up a[href="{url}"]')
    other = "en" if lang == "ar" else "ar"
    assert first.select_one(f'link[hreflang="{other}"]')["href"] == f"{PREFIX[other]}articles/{year}/"


# --- home and moves --------------------------------------------------------------------------------

def expected_moves(facts):
    """Every move as (person, paragraph, brief), newest brief first."""
    dates = {slug: str(v["ar"]["date"]) for slug, v in facts["articles"].items()}
    moves = [(person, move["source"]["article"]) for person, v in facts["people"].items()
             for move in v["ar"].get("moves") or []]
    return sorted(moves, key=lambda m: (dates[m[1]], m[1]), reverse=True)


@pytest.mark.parametrize("lang", LANGS)
def test_home_has_the_lead_the_next_nine_and_their_moves(big, facts, lang):
    home = big.page(PREFIX[lang])
    briefs = newest_first(facts, lang)
    assert home.select_one(".nb-lead__title a")["href"] == briefs[0]
    assert [a["href"] for a in home.select(".nb-brief-item__title a")] == briefs[1:10]
    rows = home.select(".nb-table tr[data-fact]")
    shown = {b.split("/")[-2] for b in briefs[:10]}
    home_moves = [m for m in expected_moves(facts) if m[1] in shown]
    assert 0 < len(rows) == min(20, len(home_moves))
    people = {person for person, _ in home_moves}
    assert {r.th.a["href"].split("/")[-2] for r in rows} <= people
    assert home.select_one(f'a[href="{PREFIX[lang]}moves/"]')
    # the menu's "Briefs" leads to the archive, marked current there
    assert home.select_one(f'.nb-nav a[href="{PREFIX[lang]}articles/"]')
    current = big.page(f"{PREFIX[lang]}articles/page/2/").select_one('.nb-nav a[aria-current="page"]')
    assert current["href"] == f"{PREFIX[lang]}articles/"


def moves_in(page):
    """(person, brief) of each row of a page's moves table, in order."""
    return [(r.th.a["href"].split("/")[-2], r.select("td")[-1].a["href"].split("/")[-2])
            for r in page.select(".nb-table tr[data-fact]")]


@pytest.mark.parametrize("lang", LANGS)
def test_all_moves_is_the_newest_fifty_and_its_months_hold_every_move_once(big, facts, lang):
    """`/moves/` shows the newest 50 moves and no page 2 (it would repeat the months'
    pages); it says so and links the months, whose pages hold every move once."""
    first, expected = big.page(f"{PREFIX[lang]}moves/"), expected_moves(facts)
    shown = moves_in(first)
    assert len(shown) == 50 < len(expected)
    assert [brief for _, brief in shown] == [brief for _, brief in expected[:50]]
    assert first.select_one(".nb-pagination") is None and not big.file(f"{PREFIX[lang]}moves/page/2/").exists()
    note = first.select_one('.nb-more a[href="#months-title"]')
    assert note is not None and str(len(expected)) in note.parent.text
    months = [a["href"] for a in first.find(id="months-title").parent.select("a.nb-months__link")]
    rows = [row for month in months for url in follow(big, month) for row in moves_in(big.page(url))]
    assert all(len(big.page(url).select(".nb-table tr[data-fact]")) <= 50 for month in months for url in follow(big, month))
    assert collections.Counter(rows) == collections.Counter(expected)


def busiest_company(facts):
    """(slug, number of moves) of the company with the most moves."""
    counts = collections.Counter()
    for _person, v in facts["people"].items():
        for move in v["ar"].get("moves") or []:
            for end in {move.get("from"), move.get("to")} - {None}:
                counts[end] += 1
    return counts.most_common(1)[0]


COMPANY_MOVES_SHOWN = 20  # pelicanconf.py


def test_big_company_pages_list_the_latest_moves_and_link_all(big, facts):
    slug, total = busiest_company(facts)
    assert total > 50, "the corpus has no company with more than 50 moves"  # more than a page of them
    for lang in LANGS:
        page = big.page(f"{PREFIX[lang]}companies/{slug}/")
        assert len(page.select("[data-flow] a[data-person]")) == COMPANY_MOVES_SHOWN
        # each row of "moves with other companies" links at most 3 paragraphs, and says so when it has more
        rows = page.select(".nb-exchanges > li")
        assert rows and all(1 <= len(row.select("a.nb-fact__source")) <= 3 for row in rows)
        cut = [row for row in rows if "…" in row.get_text()]
        assert cut and "3" in page.select_one(".nb-exchanges + p.nb-muted").get_text()
        full = page.select_one(f'a[href="{PREFIX[lang]}companies/{slug}/moves/"]')
        rows = [r for url in follow(big, full["href"]) for r in big.page(url).select(".nb-table tr[data-fact]")]
        assert len(rows) == total


# --- indexes -----------------------------------------------------------------------------------------

def index_pages(big, lang, kind):
    """Every page of an index: the index itself and, when split, each letter's pages."""
    first = f"{PREFIX[lang]}{kind}/"
    letters = [a["href"] for a in big.page(first).select(".nb-letters a")]
    if all("#" in href for href in letters):
        return [first], False
    return [p for href in letters for p in follow(big, href)], True


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["people", "companies"])
def test_every_profile_is_on_exactly_one_index_page_under_its_letter(big, facts, lang, kind):
    pages, split = index_pages(big, lang, kind)
    assert split == (kind == "people")  # 320 people > INDEX_SPLIT_AT (300), 40 companies
    order = IndexOrder()
    seen = collections.Counter()
    for url in pages:
        page = big.page(url)
        for group in page.select("ul.nb-index[data-letter]"):
            for a in group.select(".nb-index__name"):
                slug = a["href"].split("/")[-2]
                seen[slug] += 1
                name = facts[kind][slug][lang]["name"]
                assert order.letter(order.sort_name(name, lang, kind)) == group["data-letter"], (url, name)
        if split:
            assert url.isascii(), url
    assert set(seen) == set(facts[kind]) and set(seen.values()) == {1}


def test_arabic_order_ignores_the_article_for_companies_and_groups_letter_variants():
    order = IndexOrder()
    Profile = collections.namedtuple("Profile", "title slug")
    names = ["الشركة العربية للسحابة", "أوريكس للبرمجيات", "بيت الخبرة", "إنتل", "آبل", "Oryx", "مدار"]
    groups = order.groups([Profile(n, str(i)) for i, n in enumerate(names)], "ar", "companies")
    assert [(letter, [p.title for p in items]) for letter, items in groups] == [
        ("ا", ["آبل", "إنتل", "أوريكس للبرمجيات"]),
        ("ب", ["بيت الخبرة"]),
        ("ش", ["الشركة العربية للسحابة"]),
        ("م", ["مدار"]),
        ("O", ["Oryx"]),
    ]
    people = order.groups([Profile("العربي", "x"), Profile("Zed", "z")], "ar", "people")
    assert [letter for letter, _ in people] == ["ا", "Z"]  # people keep their «ال»
    assert [order.slug(letter) for letter in ("ا", "ش", "O", "#")] == ["alif", "shin", "o", "other"]


# --- sitemap, sizes --------------------------------------------------------------------------------------

def sitemap_urls(site):
    index = ET.parse(site.path / "sitemap.xml").getroot()
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    urls = []
    for part in parts:
        root = ET.parse(site.file(urlsplit(part).path)).getroot()
        urls += [u.find("s:loc", NS).text for u in root.findall("s:url", NS)]
    return parts, urls


def test_sitemap_index_lists_every_page_once(big):
    _parts, urls = sitemap_urls(big)
    pages = {big.url_of(f) for f in big.html_files()} - {"/404.html"}
    assert len(urls) == len(set(urls)) and set(urls) == pages


def test_sitemap_splits_at_the_limit(tmp_path):
    site = build(tmp_path, overrides={"SITEMAP_MAX_URLS": 10, "SITEURL": "https://example.org"})
    parts, urls = sitemap_urls(site)
    pages = {"https://example.org" + site.url_of(f) for f in site.html_files()} - {"https://example.org/404.html"}
    assert len(parts) == -(-len(pages) // 10) > 1
    assert len(urls) == len(set(urls)) and set(urls) == pages
    for part in parts:
        root = ET.parse(site.file(part.removeprefix("https://example.org"))).getroot()
        assert 0 < len(root.findall("s:url", NS)) <= 10
    assert "Sitemap: https://example.org/sitemap.xml" in (site.path / "robots.txt").read_text()


def test_sitemap_splits_by_bytes_too(tmp_path):
    site = build(tmp_path, overrides={"SITEMAP_MAX_BYTES": 4000})
    parts, urls = sitemap_urls(site)
    assert len(parts) > 1 and len(urls) == len(set(urls))
    assert all(site.file(p).stat().st_size <= 4000 for p in parts)


BUDGETS = yaml.safe_load((ROOT / "budgets.yaml").read_text())


def test_no_page_of_the_big_archive_is_over_the_ceiling(big):
    ceiling = budgets.parse_size(BUDGETS["page_ceiling_gzip"])
    heavy = {f: n for f in big.html_files()
             if (n := len(gzip.compress((big.path / f).read_bytes(), 9))) > ceiling}
    assert heavy == {}


@pytest.mark.parametrize("kind, path", [
    ("home", ""), ("archive", "articles/"), ("archive", "articles/page/2/"), ("moves", "moves/"),
    ("moves-month", None), ("brief", None), ("company", None), ("people", "people/"),
    ("companies", "companies/"),
])
@pytest.mark.parametrize("lang", LANGS)
def test_pages_of_the_big_archive_keep_their_budgets(big, facts, tmp_path, kind, path, lang):
    if kind == "brief":
        path = newest_first(facts, "ar")[0].lstrip("/")
    if kind == "company":
        path = f"companies/{busiest_company(facts)[0]}/"
    if kind == "moves-month":
        path = big.page(f"{PREFIX[lang]}moves/").select_one(".nb-months__link")["href"].removeprefix(PREFIX[lang])
    url = {"ar": "", "en": "en/"}[lang] + path
    budget_file = tmp_path / "budget.yaml"
    budget_file.write_text(yaml.safe_dump(BUDGETS[kind]))
    assert budgets.check_budgets(big.path, [url + "index.html"], budget_file) == []
    if kind == "home":
        assert len(gzip.compress((big.path / url / "index.html").read_bytes(), 9)) < 14_000


@pytest.mark.browser
def test_new_page_types_of_the_big_archive_pass_axe(big, facts, browser):
    """Pagination, letter pages and a company's moves pages exist only in a big archive."""
    from gates import axe
    from gates.browser import opened
    from gates.server import serve

    slug = busiest_company(facts)[0]
    pages = ["articles/page/2/", "en/moves/", f"companies/{slug}/moves/page/2/",
             f"en/companies/{slug}/", "people/letter/alif/", "en/people/letter/k/"]
    problems = []
    with serve(big.path) as base:
        for path in pages:
            with opened(browser, f"{base}/{path}", width=390) as (page, record):
                problems += [f"{path}: {v}" for v in axe.run(page) + record.problems()]
                if page.evaluate("document.documentElement.scrollWidth - window.innerWidth") > 0:
                    problems.append(f"{path}: wider than the screen")
    assert problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_feeds_hold_the_latest_20_briefs(big, facts, lang):
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.parse(big.file(f"{PREFIX[lang]}feeds/atom.xml")).getroot()
    links = [e.find(f"{atom}link").get("href") for e in root.findall(f"{atom}entry")]
    assert links == newest_first(facts, lang)[:20]
