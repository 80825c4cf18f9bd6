"""Related briefs (issue 25) and moves by month, on a small synthetic archive
(scripts/make_corpus.py): what the pages list is computed here again from the content's
front-matter, the simple way (every pair), and compared with what the site shows."""

import datetime
import random
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from gates import axe, links, vnu
from gates.browser import opened
from gates.server import serve
from newsbrief import related
from newsbrief.build import build_site
from newsbrief.graph import TalentGraph
from support import LANGS, PREFIX, ROOT, Site, keep_aside, published_items, tree

BRIEFS = 40
SHOWN = 5  # RELATED_BRIEFS_SHOWN
LABEL = {"ar": ("يذكر أيضًا ", "يذكر ", "، "), "en": ("Also names ", "Names ", ", ")}
CONTROLS = re.compile("[\u200e\u200f\u2066-\u2069]")  # bidi isolates around Latin runs


def make_content(folder):
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(BRIEFS), str(folder)],
                   check=True, capture_output=True)
    return folder


def build(content, output, cache):
    """A build with its search index (the links gate follows the search page to it): its
    warnings, with how many pages it rendered and kept."""
    return build_site(str(ROOT / "pelicanconf.py"), str(output), {
        "PATH": str(content), "THEME": str(ROOT / "theme"), "CACHE_PATH": str(cache), "SEARCH_INDEX": True})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The archive built once in a folder of its own, kept aside (support.keep_aside): the
    tests read the copy (`archive`); the rebuild test puts it back and edits it."""
    folder = tmp_path_factory.mktemp("related")
    warnings = build(make_content(folder / "content"), folder / "site", folder / "cache")
    saved = tmp_path_factory.mktemp("related-saved")
    return folder, keep_aside(folder, saved), (saved / "content", Site(saved / "site", warnings))


@pytest.fixture(scope="module")
def archive(built):
    return built[2]


def facts(content):
    return {kind: published_items(kind, content) for kind in ("articles", "people", "companies")}


def names(brief):
    return list(dict.fromkeys((brief.get("people") or []) + (brief.get("companies") or [])))


def newest_first(slugs, briefs):
    return sorted(slugs, key=lambda s: (briefs[s]["ar"]["date"], s), reverse=True)


def title(known, slug, lang):
    item = known["people"].get(slug) or known["companies"][slug]
    return item[lang]["name"]


def listed(site, url, section):
    """[(href, what it shares)] of a page's list in `section` (an id of its heading)."""
    heading = site.page(url).find(id=section)
    if heading is None:
        return []
    return [(item.a["href"], CONTROLS.sub("", item.select_one(":scope > span").get_text(" ", strip=True)))
            for item in heading.parent.find_all("li")]


def expected_related(known, slug, lang):
    briefs, mine = known["articles"], names(known["articles"][slug]["ar"])
    shared = {other: [n for n in mine if n in names(v["ar"])] for other, v in briefs.items() if other != slug}
    order = sorted((o for o in shared if shared[o]), key=lambda o: (len(shared[o]), briefs[o]["ar"]["date"], o),
                   reverse=True)
    also, _, comma = LABEL[lang]
    return [(f"{PREFIX[lang]}articles/{o}/", also + comma.join(title(known, n, lang) for n in shared[o]))
            for o in order[:SHOWN]]


def test_related_briefs_share_the_most_names_then_are_the_newest(archive):
    content, site = archive
    known = facts(content)
    shown = 0
    for slug in known["articles"]:
        for lang in LANGS:
            url = f"{PREFIX[lang]}articles/{slug}/"
            found = listed(site, url, "related-title")
            assert found == expected_related(known, slug, lang), url
            assert len(found) <= SHOWN and url not in [href for href, _ in found]
            shown += len(found) == SHOWN
    assert shown > BRIEFS  # most briefs fill their list: the cut at five is exercised


def test_a_person_page_lists_the_latest_briefs_about_their_companies(archive):
    content, site = archive
    known = facts(content)
    briefs = known["articles"]
    seen = 0
    for person, versions in known["people"].items():
        ends = [m.get(end) for m in versions["ar"].get("moves") or [] for end in ("from", "to")]
        companies = [c for c in dict.fromkeys(ends) if c in known["companies"]]
        about = [b for b in briefs if person not in names(briefs[b]["ar"])
                 and set(companies) & set(names(briefs[b]["ar"]))]
        for lang in LANGS:
            _, label, comma = LABEL[lang]
            expected = [(f"{PREFIX[lang]}articles/{b}/", label + comma.join(
                title(known, c, lang) for c in companies if c in names(briefs[b]["ar"])))
                for b in newest_first(about, briefs)[:SHOWN]]
            assert listed(site, f"{PREFIX[lang]}people/{person}/", "around-title") == expected
        seen += bool(about)
    assert seen


def month_of(known, move):
    return str(known["articles"][move["source"]["article"]]["ar"]["date"])[:7].replace("-", "/")


def test_a_month_of_moves_holds_exactly_the_moves_its_briefs_report(archive):
    content, site = archive
    known = facts(content)
    months = {}
    for person, versions in known["people"].items():
        for move in versions["ar"].get("moves") or []:
            if move["source"]["article"] in known["articles"]:
                months.setdefault(month_of(known, move), []).append((person, move["source"]["article"]))
    assert len(months) > 3
    for lang in LANGS:
        index = site.page(f"{PREFIX[lang]}moves/").find(id="months-title").parent
        assert {a["href"] for a in index.select("a.nb-months__link")} == \
            {f"{PREFIX[lang]}moves/{month}/" for month in months}
        for month, moves in months.items():
            url = f"{PREFIX[lang]}moves/{month}/"
            page = site.page(url)
            rows = page.select('tr[data-fact="move"]')
            people = sorted(row.th.a["href"].split("/")[-2] for row in rows)
            assert people == sorted(person for person, _ in moves), url
            briefs = {a["href"].split("/")[-2] for a in page.select("tr.nb-table__brief a")}
            assert briefs == {brief for _, brief in moves}
            twins = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
            assert twins["ar"] == f"/moves/{month}/" and twins["en"] == f"/en/moves/{month}/"


def test_a_company_page_links_its_moves_by_month(archive):
    content, site = archive
    known = facts(content)

    def within(slug):
        found = []
        while slug in known["companies"] and slug not in found:
            found.append(slug)
            slug = known["companies"][slug]["ar"].get("parent")
        return found

    counted = 0
    for company in known["companies"]:
        counts = {}
        for versions in known["people"].values():
            for move in versions["ar"].get("moves") or []:
                if company in within(move.get("from")) + within(move.get("to")) \
                        and move["source"]["article"] in known["articles"]:
                    counts[month_of(known, move)] = counts.get(month_of(known, move), 0) + 1
        for lang in LANGS:
            heading = site.page(f"{PREFIX[lang]}companies/{company}/").find(id="company-months-title")
            items = heading.parent.select(".nb-months li") if heading else []
            found = {re.search(r"moves/(\d{4}/\d\d)/$", li.a["href"]).group(1): li.span.text for li in items}
            assert set(found) == set(counts) and list(found) == sorted(found, reverse=True), company
            if lang == "en":  # the Arabic says one and two in words
                assert {m: f"({n} move{'s' * (n > 1)})" for m, n in counts.items()} == found
            assert all(site.file(li.a["href"]).is_file() for li in items)
        counted += len(counts) > 1
    assert counted


def test_a_cached_rebuild_after_moving_a_brief_to_another_date_is_a_clean_build(built, tmp_path):
    """One brief becomes the newest: its month changes (a month page loses its moves, another
    gains them) and it enters the related lists of briefs whose own files did not change."""
    folder, put_back, _ = built
    put_back()  # the archive as its first build left it, with that build's cache
    content, output = folder / "content", folder / "site"
    known = facts(content)
    oldest = newest_first(known["articles"], known["articles"])[-1]
    newest = known["articles"][newest_first(known["articles"], known["articles"])[0]]["ar"]["date"]
    before = tree(output)
    for lang in LANGS:
        path = content / "articles" / f"{oldest}.{lang}.md"
        date = known["articles"][oldest][lang]["date"]
        path.write_text(path.read_text(encoding="utf-8").replace(f"date: {date}", f"date: {newest}", 1),
                        encoding="utf-8")
    rebuilt = build(content, output, folder / "cache")
    assert rebuilt.kept > 0  # a cached rebuild of the first build, not a new one
    clean = tmp_path / "clean"
    build(content, clean, tmp_path / "no-cache")
    after = tree(output)
    assert after == tree(clean)
    changed = {name for name in after if before.get(name) != after[name] and name.startswith("articles/")}
    assert any(oldest not in name and not name.startswith("articles/20") for name in changed)


def test_the_new_pages_pass_the_gates(archive, browser):
    """Valid HTML, links that resolve, no sideways scrolling and no axe violation on a 360-px phone, for a
    brief with related briefs, a person and a company with their lists, and a month."""
    content, site = archive
    known = facts(content)
    brief = next(s for s in known["articles"] if listed(site, f"/articles/{s}/", "related-title"))
    person = next(s for s in known["people"] if listed(site, f"/people/{s}/", "around-title"))
    company = next(s for s in known["companies"] if site.page(f"/companies/{s}/").find(id="company-months-title"))
    month = re.search(r"\d{4}/\d\d", site.page("/moves/").select_one("a.nb-months__link")["href"]).group()
    urls = [f"{PREFIX[lang]}{path}" for lang in LANGS for path in (
        f"articles/{brief}/", f"people/{person}/", f"companies/{company}/", "moves/", f"moves/{month}/")]
    assert vnu.problems(vnu.check([site.file(url) for url in urls]), warnings=False) == []
    assert links.check_links(site.path).problems == []
    assert links.cross_language_links(site.path) == []
    with serve(site.path) as base:
        for url in urls:
            with opened(browser, base + url, width=360) as (page, _):
                assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, url
                assert axe.run(page) == [], url


@pytest.mark.parametrize("common", [2, 8, 1000])
def test_names_in_many_briefs_are_scored_by_their_masks_to_the_same_order(monkeypatch, common):
    """Names in more than COMMON briefs are scored by bit masks, not by walking their lists:
    on random briefs (a few names in most of them), the order is the every-pair order."""
    monkeypatch.setattr(related, "COMMON", common)
    pick = random.Random(common)
    pool = [f"n{i}" for i in range(30)]
    briefs = [SimpleNamespace(slug=f"b{i}", lang="ar", translations=[], date=datetime.date(2026, 1, 1 + i % 28),
                              people=pick.sample(pool[:4], pick.randint(0, 3)),
                              companies=pick.sample(pool[4:], pick.randint(1, 4))) for i in range(120)]
    talent = TalentGraph([], [], briefs)
    for brief in briefs:
        mine = names(vars(brief))
        shared = {o.slug: [n for n in mine if n in names(vars(o))] for o in briefs if o is not brief}
        order = sorted((o for o in shared if shared[o]), reverse=True,
                       key=lambda o: (len(shared[o]), talent.briefs[o].date, o))
        assert talent.related_slugs(brief.slug) == [(o, shared[o]) for o in order[:SHOWN]]


def test_a_page_that_lists_related_briefs_notes_the_list_it_was_shown():
    """The related list depends on other briefs than those it names: a page asking for it notes
    the key `related:<slug>`, whose digest (newsbrief.memo) is the list itself."""
    day = datetime.date(2026, 1, 1)
    briefs = [SimpleNamespace(slug=slug, lang="ar", translations=[], date=day + datetime.timedelta(days=n),
                              people=["p"], companies=[]) for n, slug in enumerate(["a", "b", "c"])]
    talent = TalentGraph([], [], briefs)
    talent.reads = set()
    talent.related_briefs("a", "ar")
    assert {"related:a", "a", "b", "c"} <= talent.reads and talent.derived("related:a") == [("c", ["p"]), ("b", ["p"])]
    talent.reads = None
    assert talent.derived("a") is None
