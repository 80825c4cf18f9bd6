"""Site search (issue 13) in a real Chromium over the build of the truth fixture
(tests/fixtures/truth: Omar Nasser, also written «ناصر» and Nasser; Orbit, «أوربت»; Kestrel):
Pagefind's index of each language, our search page and its Arabic folding, the header box
with and without JavaScript."""

import datetime
import gzip
import json
import re
import socket
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import support
import yaml
from babel.messages.pofile import read_po
from gates import axe, budgets
from gates.browser import opened
from gates.server import serve
from newsbrief import search as search_module
from newsbrief.build import BuildFailed
from pelican.settings import read_settings
from support import (
    FOLDER,
    MINI,
    ROOT,
    TRUTH,
    by_context,
    content_items,
    copy_content,
    own_cache,
    read,
    screenshot,
    truth_fixture_site,
    write,
)

KIND_OF = {"articles": "brief", "people": "person", "companies": "company"}
ARTIFACTS = ROOT / "test-artifacts" / "search"
pytestmark = pytest.mark.browser
site, server = truth_fixture_site()  # `site` and `server` here are the truth fixture's
PERSON = "people/omar-nasser/"


def build(tmp_dir, settings="pelicanconf.py", overrides=None, content=None):
    """support.build with the search index, which every build here searches or inspects."""
    return support.build(tmp_dir, settings, {"SEARCH_INDEX": True, **(overrides or {})}, content)


def search_url(server, lang, query, kind=""):
    return f"{server}/{FOLDER[lang]}search/?q={quote(query)}" + (f"&kind={kind}" if kind else "")


def wait_for_results(page):
    page.wait_for_selector(".nb-search[data-state=done]", timeout=20000)
    status = page.inner_text(".nb-search__status")
    urls = page.eval_on_selector_all(".nb-result__title a", "links => links.map(a => a.getAttribute('href'))")
    return status, urls


@pytest.fixture(scope="module")
def search_pages(server, browser):
    """One open search page per language, reused by the tests that only type queries."""
    with opened(browser, f"{server}/search/") as ar, opened(browser, f"{server}/en/search/") as en:
        yield {"ar": ar, "en": en}


@pytest.fixture
def run_search(search_pages):
    def run(lang, query, kind=""):
        """(status text, result URLs in order, problems) of a query typed into the search page."""
        page, record = search_pages[lang]
        page.fill("#nb-search-q", query)
        page.eval_on_selector(f"input[name=kind][value='{kind}']", "radio => { radio.checked = true; }")
        page.eval_on_selector(".nb-search", "root => { root.dataset.state = ''; }")
        page.press("#nb-search-q", "Enter")
        status, urls = wait_for_results(page)
        return status, urls, record.problems()
    return run


def kind_of(url):
    return KIND_OF[url.strip("/").split("/")[-2]]


def message(lang, msgid, **values):
    with open(ROOT / f"theme/translations/{lang}/LC_MESSAGES/messages.po", "rb") as po:
        text = read_po(po).get(msgid).string or msgid
    return text % values


# --- the index ------------------------------------------------------------------------------

BUNDLES = {"pagefind": "articles", "pagefind-people": "people", "pagefind-companies": "companies"}


def page_counts(site, prefix):
    """{bundle folder: pages it indexes} of one language."""
    counts = {}
    for folder in sorted((site / prefix).glob("pagefind*")):
        entry = json.loads((folder / "pagefind-entry.json").read_text())
        counts[folder.name] = sum(index["page_count"] for index in entry["languages"].values())
    return counts


def test_each_language_has_a_bundle_per_kind_the_main_one_lists_the_others(site):
    for lang, prefix in FOLDER.items():  # /pagefind/ (briefs), /pagefind-people/, … and /en/…
        assert page_counts(site.path, prefix) == {b: len(content_items(kind, TRUTH)) for b, kind in BUNDLES.items()}
        for bundle in BUNDLES:
            assert list(json.loads((site.path / prefix / bundle / "pagefind-entry.json").read_text())["languages"]) == [lang]
        listed = json.loads((site.path / prefix / "pagefind" / "bundles.json").read_text())
        assert listed == {"merge": ["../pagefind-people/", "../pagefind-companies/"]}


def test_a_kind_with_more_pages_than_a_bundle_holds_is_split_and_searched_as_one(tmp_path, browser):
    """SEARCH_BUNDLE_PAGES=2: each kind is split by a hash of the page path; every page is
    in one bundle, and a search finds pages of every bundle."""
    site = build(tmp_path, overrides={"SEARCH_BUNDLE_PAGES": 2}, content=TRUTH)
    people, companies = len(content_items("people", TRUTH)), len(content_items("companies", TRUTH))
    for prefix in FOLDER.values():
        counts = page_counts(site.path, prefix)
        split = {kind: {b: n for b, n in counts.items() if re.fullmatch(rf"pagefind{name}(-\d+)?", b)}
                 for kind, name in (("people", "-people"), ("companies", "-companies"), ("articles", ""))}
        assert 1 < len(split["people"]) <= -(-people // 2) and sum(split["people"].values()) == people
        assert 1 < len(split["companies"]) <= -(-companies // 2) and sum(split["companies"].values()) == companies
        merged = json.loads((site.path / prefix / "pagefind" / "bundles.json").read_text())["merge"]
        assert sorted(merged) == sorted(f"../{b}/" for b in counts if b != "pagefind")
    with serve(site.path) as base:
        for lang, query, first in (("en", "Nasser", PERSON), ("ar", "أوربت", "companies/orbit/")):
            with opened(browser, search_url(base, lang, query)) as (page, record):
                _status, urls = wait_for_results(page)
                assert record.problems() == []
            assert f"/{FOLDER[lang]}{first}" in urls, urls


def test_indexed_pages_carry_their_kind_and_only_their_prose_is_indexed(site):
    """The kind is a filter on <main>; the title is metadata; only the prose is indexed
    (a brief's standfirst and text, a profile's text), never labels, facts or furniture."""
    for kind, filter_value in KIND_OF.items():
        for slug in content_items(kind, TRUTH):
            for lang in FOLDER:
                main = site.page(f"/{FOLDER[lang]}{kind}/{slug}/").find("main")
                assert main["data-pagefind-filter"] == f"kind:{filter_value}"
                bodies = main.select("[data-pagefind-body]")
                expected = [".nb-brief__standfirst", ".nb-brief__body"] if kind == "articles" else [".nb-prose"]
                assert bodies == [main.select_one(selector) for selector in expected]
                assert main.select_one("h1")["data-pagefind-meta"] == "title"
    for url in ("/", "/en/", "/people/", "/en/companies/", "/about/", "/search/", "/404.html"):
        assert site.page(url).find(attrs={"data-pagefind-body": True}) is None, url


def test_other_names_are_searchable_metadata_not_text(site):
    """The name in the other language, the aliases and the folded spellings: hidden metadata."""
    names = site.page("/companies/orbit/").select_one("main [data-pagefind-meta=names]")
    assert names.has_attr("hidden") and names.get_text() == "Orbit · اوربت"
    assert site.page(f"/en/{PERSON}").select_one("[data-pagefind-meta=names]").get_text() == "عمر ناصر · Nasser"  # the other language, an alias
    brief = site.page("/articles/orbit-departures/")
    assert brief.select_one("[data-pagefind-sort=date]").get_text() == str(read(TRUTH / "articles/orbit-departures.ar.md")[0]["date"])


@pytest.mark.parametrize("prefix", FOLDER.values())
def test_unused_pagefind_interfaces_are_not_published(site, prefix):
    for bundle in BUNDLES:
        names = {p.name for p in (site.path / prefix / bundle).iterdir()}
        assert "pagefind.js" in names and "pagefind-worker.js" in names
        assert not {n for n in names if re.match(r"pagefind-(ui|modular-ui|component-ui|highlight)\.", n)}


def test_a_failed_indexing_leaves_the_output_untouched(tmp_path, monkeypatch):
    site = build(tmp_path, content=MINI)
    before = {p: p.read_bytes() for p in site.path.rglob("*") if p.is_file()}
    monkeypatch.setattr(search_module.sys, "executable", "/bin/false")  # Pagefind exits 1
    # a cache of its own: with the build's record of the first build, nothing changed and the
    # second build would be skipped before it indexes anything
    with pytest.raises(BuildFailed, match="Pagefind failed") as failure:
        build(tmp_path, overrides={"CACHE_PATH": own_cache(tmp_path) + "-2"}, content=MINI)
    (problem,) = failure.value.problems
    assert "\n" not in problem and "`pagefind/` (" in problem, "one line, naming the bundle and its pages"
    assert {p: p.read_bytes() for p in site.path.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["output"], "a staging folder was left behind"


def test_a_page_in_a_bundles_folder_is_never_replaced_by_the_bundle(tmp_path):
    """The checks refuse such a slug (hostile/reserved-slug-pagefind); should a page still
    be there, indexing fails rather than take its folder (a cached rebuild once did)."""
    page = tmp_path / "pagefind" / "index.html"
    page.parent.mkdir()
    page.write_text("a page", encoding="utf-8")
    with pytest.raises(search_module.IndexingFailed, match="`pagefind/` is already written by a page"):
        search_module.index_site(tmp_path, read_settings(str(ROOT / "pelicanconf.py")), previous=None)
    assert page.read_text(encoding="utf-8") == "a page" and sorted(tmp_path.rglob("*")) == [page.parent, page]


def pagefind_unordered_parts(site):
    """{lang: (page_count, filter bytes sorted, metadata with the filter's name blanked)}:
    the parts of Pagefind's output that vary between runs, reduced to their content."""
    parts = {}
    for lang, prefix in FOLDER.items():
        for bundle in BUNDLES:
            folder = site.path / prefix / bundle
            index = json.loads((folder / "pagefind-entry.json").read_text())["languages"][lang]
            (filter_file,) = (folder / "filter").glob(f"{lang}_*.pf_filter")
            meta = gzip.decompress((folder / f"pagefind.{index['hash']}.pf_meta").read_bytes())
            parts[prefix + bundle] = (index["page_count"], sorted(gzip.decompress(filter_file.read_bytes())),
                                      meta.replace(filter_file.stem.encode(), b"FILTER"))
    return parts


def test_two_builds_give_the_same_index(site, tmp_path):
    assert pagefind_unordered_parts(build(tmp_path, content=TRUTH)) == pagefind_unordered_parts(site)


# --- Arabic folding --------------------------------------------------------------------------

FOLDING = {
    "ناصِر": "ناصر", "ناصـــر": "ناصر", "أيمن آل إبراهيم": "ايمن ال ابراهيم", "إياد": "اياد",
    "مستشفى": "مستشفي", "شركة": "شركه", "تدفّق": "تدفق", "OrbitAI": "orbitai", "ٱلذكاء": "الذكاء",
    # typed on a Persian keyboard: ک ی گ پ چ ژ are the Arabic letters (as in mentions)
    "کریم": "كريم", "مصطفی": "مصطفي", "گوگل": "كوكل", "پژمان": "بزمان", "چت": "جت",
}


@pytest.mark.parametrize("written, folded", FOLDING.items())
def test_fold(written, folded):
    assert search_module.fold(written) == folded


def test_folded_names_are_only_the_spellings_that_differ():
    class Item:
        title, aliases = "أيمن آل إبراهيم", ["Ayman"]
    assert search_module.folded_names(Item()) == ["ايمن ال ابراهيم"]
    Item.title, Item.aliases = "عمر ناصر", ["ناصر"]
    assert search_module.folded_names(Item()) == []


def test_the_browser_folds_queries_as_the_index_does(server, browser):
    with opened(browser, f"{server}/search/") as (page, _record):
        folded = page.evaluate(
            """async (words) => {
                const search = await import('/theme/search/search.js');
                return words.map((w) => [search.fold(w), search.stripProclitics(w)]);
            }""",
            [*FOLDING, "وناصر", "لناصر", "والشركة", "ناصر", "ولي"],
        )
        variants = page.evaluate("""async (word) => (await import('/theme/search/search.js')).variants(word)""",
                                 "وكريم")
    assert [f for f, _ in folded[: len(FOLDING)]] == list(FOLDING.values())
    assert [s for _, s in folded[len(FOLDING):]] == ["ناصر", "ناصر", "شركة", "ناصر", "ولي"]
    assert variants == [["وكريم", 1], ["كريم", 0.8], ["ريم", 0.5]]


# --- what a reader types ------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["ناصر", "وناصر", "لناصر", "ناصِر"])
def test_a_name_in_any_spelling_finds_its_arabic_page_first(run_search, query):
    status, urls, problems = run_search("ar", query)
    assert urls and urls[0] == f"/{PERSON}", (status, urls)
    assert problems == []


def test_a_company_with_another_hamza_finds_its_arabic_page(run_search):
    _status, urls, problems = run_search("ar", "نيمبس للابحاث")  # written «للأبحاث»
    assert urls[0] == "/companies/nimbus-research/", urls
    assert problems == []


@pytest.mark.parametrize("query", ["Kestrel", "kestrel"])
def test_a_company_in_any_case_finds_the_english_company_page(run_search, query):
    status, urls, _problems = run_search("en", query)
    assert urls[0] == "/en/companies/kestrel/", urls
    assert message("en", "Results for “%(query)s”: %(count)s", query=query, count=len(urls)) == status


@pytest.fixture(scope="module")
def karim_and_reem(tmp_path_factory, browser):
    """The mini site plus «كريم حداد» and «ريم حداد» (Jane Doe's facts lent to them, cited
    `by: context`: the brief does not name them): one name hides inside the other."""
    tmp = tmp_path_factory.mktemp("karim")
    content = copy_content(tmp, MINI)
    for slug, ar, en in (("karim-haddad", "كريم حداد", "Karim Haddad"), ("reem-haddad", "ريم حداد", "Reem Haddad")):
        for lang, name in (("ar", ar), ("en", en)):
            front, _ = read(content / f"people/jane-doe.{lang}.md")
            front.update(name=name, slug=slug, aliases=[])
            write(content / f"people/{slug}.{lang}.md", by_context(front), f"{name}.\n")
    with serve(build(tmp, content=content).path) as base:
        yield base


@pytest.mark.parametrize("query, first", [
    ("كريم", "karim-haddad"), ("وكريم", "karim-haddad"), ("ريم", "reem-haddad"),
    ("لريم", "reem-haddad"), ("وريم", "reem-haddad"),
])
def test_a_name_inside_another_name_ranks_below_it(karim_and_reem, browser, query, first):
    with opened(browser, search_url(karim_and_reem, "ar", query)) as (page, _record):
        _status, urls = wait_for_results(page)
    people = [url for url in urls if url.startswith("/people/")]  # a brief may name them too
    assert people[0] == f"/people/{first}/", urls


@pytest.fixture(scope="module")
def three_briefs(tmp_path_factory):
    """The mini corpus with three published briefs naming Jane Doe and Acme AI: 2026-02-01,
    2026-01-15 and 2025-12-01; the oldest names them most often, so by score alone it
    would come first."""
    tmp = tmp_path_factory.mktemp("three-briefs")
    content = copy_content(tmp, MINI)
    for lang in FOLDER:
        front, body = read(content / f"articles/acme-expands.{lang}.md")
        front.pop("status", None)
        write(content / f"articles/acme-expands.{lang}.md", front, body)
        front, body = read(content / f"articles/acme-hires.{lang}.md")
        front.update(slug="acme-archive", date=datetime.date(2025, 12, 1), title=front["title"] + " (2025)")
        write(content / f"articles/acme-archive.{lang}.md", front, body + body.split("\n\n")[0] * 3)
    site = build(tmp, content=content)
    with serve(site.path) as base:
        yield site, base


NEWEST_FIRST = ["articles/acme-expands/", "articles/acme-hires/", "articles/acme-archive/"]


@pytest.mark.parametrize("lang, query, page", [
    ("ar", "جين دو", "people/jane-doe/"), ("en", "Jane Doe", "people/jane-doe/"),
    ("ar", "أكمي للذكاء الاصطناعي", "companies/acme-ai/"), ("en", "Acme AI", "companies/acme-ai/"),
])
def test_a_name_finds_its_page_then_the_briefs_newest_first_then_other_pages(three_briefs, browser, lang, query, page):
    _site, base = three_briefs
    with opened(browser, search_url(base, lang, query)) as (tab, record):
        _status, urls = wait_for_results(tab)
        assert record.problems() == []
    expected = [f"/{FOLDER[lang]}{url}" for url in [page, *NEWEST_FIRST]]
    assert urls[: len(expected)] == expected, urls
    assert len(urls) > len(expected)  # another page names them too, after the briefs


LABELS = ["Role", "Working on", "Type", "Part of", "Time there", "When", "Reported in the brief of %(date)s",
          "source: paragraph %(number)s", "Not stated", "Person", "Brief", "Mentioned in", "Other sources"]


@pytest.mark.parametrize("lang, queries", [("ar", ["جين دو", "أكمي", "غلوبكس"]), ("en", ["Jane Doe", "Acme", "Globex"])])
def test_excerpts_hold_only_the_pages_prose(three_briefs, browser, lang, queries):
    """No ¶, no field label, nothing hidden from readers: every word of an excerpt is a word
    of the indexed prose of its page."""
    site, base = three_briefs
    labels = [message(lang, label, number=1, date="").split(" 1")[0].strip() for label in LABELS]
    for query in queries:
        with opened(browser, search_url(base, lang, query)) as (tab, _record):
            wait_for_results(tab)
            shown = tab.eval_on_selector_all(".nb-result", "items => items.map(i => [i.querySelector('a').getAttribute('href'), i.querySelector('.nb-result__excerpt').innerText])")
        assert shown, query
        for url, excerpt in shown:
            prose = " ".join(node.get_text(" ") for node in site.page(url).select("[data-pagefind-body]"))
            words = set(re.findall(r"\w+", prose))
            assert "¶" not in excerpt
            assert [label for label in labels if re.search(rf"\b{re.escape(label)}\b", excerpt)] == [], (url, excerpt)
            assert set(re.findall(r"\w+", excerpt)) <= words, (url, excerpt)


@pytest.mark.parametrize("lang, queries", [
    ("ar", ["ناصر", "أوربت", "Kestrel", "Orbit", "Nimbus"]),
    ("en", ["Nasser", "Orbit", "ناصر", "أوربت", "كستريل"]),
])
def test_each_language_searches_only_its_own_pages(run_search, lang, queries):
    seen = []
    for query in queries:
        seen += run_search(lang, query)[1]
    assert seen, "no query found anything"
    assert [u for u in seen if u.startswith("/en/") != (lang == "en")] == []


def test_results_show_excerpts_with_the_match_highlighted(server, browser):
    with opened(browser, search_url(server, "ar", "ناصر")) as (page, _record):
        wait_for_results(page)
        first = page.locator(".nb-result").first
        assert "ناصر" in first.locator(".nb-result__excerpt mark").first.inner_text()
        assert first.locator(".nb-result__kind").inner_text() == message("ar", "Person")


@pytest.mark.parametrize("lang, query", [("ar", "أوربت"), ("en", "Orbit")])
@pytest.mark.parametrize("kind", ["brief", "person", "company"])
def test_a_kind_filter_returns_only_that_kind(run_search, lang, query, kind):
    status, urls, _problems = run_search(lang, query, kind)
    assert urls, status
    assert {kind_of(u) for u in urls} == {kind}


def test_choosing_a_kind_on_the_page_filters_and_updates_the_address(server, browser):
    with opened(browser, search_url(server, "en", "Orbit")) as (page, _record):
        everything = wait_for_results(page)[1]
        page.check("input[name=kind][value=person]")
        page.wait_for_url(re.compile(r"kind=person"))
        page.wait_for_selector(".nb-search[data-state=done]")
        people = wait_for_results(page)[1]
    assert {kind_of(u) for u in everything} == {"brief", "person", "company"}
    assert people and {kind_of(u) for u in people} == {"person"}


@pytest.mark.parametrize("lang", FOLDER)
def test_no_result_says_so_in_the_page_language(run_search, lang):
    status, urls, problems = run_search(lang, "zqxjv")
    assert urls == []
    expected = message(lang, "No result for “%(query)s”. Try another spelling or fewer words.",
                       query="zqxjv")
    assert status == expected
    assert problems == []


# --- the header box ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang, start, query", [("ar", "people/", "ناصر"), ("en", "companies/nimbus/", "Nasser")])
def test_the_header_box_works_without_javascript(server, browser, lang, start, query):
    with opened(browser, f"{server}/{FOLDER[lang]}{start}", java_script_enabled=False) as (page, _record):
        page.fill(".nb-search-box input", query)
        page.press(".nb-search-box input", "Enter")
        page.wait_for_url(re.compile(r"/search/\?"))
        address = urlsplit(page.url)
        assert address.path == f"/{FOLDER[lang]}search/"
        assert parse_qs(address.query)["q"] == [query]
        # Without JavaScript the page says how to browse instead.
        assert page.locator(".nb-note").is_visible()
        landed = page.url
    with opened(browser, landed) as (page, _record):  # the same address, JavaScript on
        _status, urls = wait_for_results(page)
        assert page.input_value("#nb-search-q") == query
        assert urls and all(u.startswith("/en/") == (lang == "en") for u in urls)
        assert urls[0] == f"/{FOLDER[lang]}{PERSON}"


def test_only_the_search_pages_have_scripts(site):
    scripts = {}
    for name in site.html_files():
        page = site.page(site.url_of(name))
        found = [s.get("src") for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        found += [link["href"] for link in page.find_all("link", rel="modulepreload")]
        if found:
            scripts[name] = found
    assert scripts == {f"{p}search/index.html": ["/theme/search/search.js", f"/{p}pagefind/pagefind.js"]
                       for p in FOLDER.values()}


def test_every_page_but_search_has_the_header_box(site):
    for name in site.html_files():
        box = site.page(site.url_of(name)).select("form.nb-search-box[role=search][method=get]")
        if name.removeprefix("en/") == "search/index.html":  # not companies/…-research/
            assert box == []  # its own form takes the header box's place
        elif name == "404.html":  # both languages: each half has its own box, none in the header
            forms = site.page("/404.html").select("form[role=search][method=get]")
            assert box == [] and sorted(f["action"] for f in forms) == ["/en/search/", "/search/"]
        else:
            lang = "en" if name.startswith("en/") else "ar"
            assert [f["action"] for f in box] == [f"/{FOLDER[lang]}search/"], name


# --- the search page passes the gates with results shown -------------------------------------------

@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang, query", [("ar", "أوربت"), ("en", "Orbit")])
def test_search_page_with_results_has_no_axe_violation(server, browser, lang, query, width):
    with opened(browser, search_url(server, lang, query), width=width) as (page, _record):
        wait_for_results(page)
        screenshot(page, f"search-{lang}-{width}", ARTIFACTS)
        violations = axe.run(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        direction = page.evaluate("getComputedStyle(document.querySelector('.nb-search__results')).direction")
    assert violations == [], "\n".join(violations)
    assert overflow <= 0
    assert direction == ("rtl" if lang == "ar" else "ltr")


def test_a_query_fetches_only_from_the_site_and_within_budget(server, browser):
    limit = budgets.parse_size(yaml.safe_load((ROOT / "budgets.yaml").read_text())["search_query"]["raw"])
    sizes = {}
    with opened(browser, f"{server}/search/") as (page, record):
        page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
        page.fill("#nb-search-q", "ناصر")
        page.press("#nb-search-q", "Enter")
        wait_for_results(page)
        assert record.problems() == []
    assert all(url.startswith(server) for url in sizes)
    assert sum(sizes.values()) <= limit, sizes


def test_search_works_published_under_a_subpath(tmp_path, browser, monkeypatch):
    """`make publish` for a project site (SITEURL with a path): results link under it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SITEURL", f"http://127.0.0.1:{port}/newsbrief")
    site = build(tmp_path, settings="publishconf.py", content=TRUTH)
    with serve(site.path, prefix="/newsbrief", port=port) as base:
        with opened(browser, f"{base}/en/people/", java_script_enabled=False) as (page, record):
            page.fill(".nb-search-box input", "Nasser")
            page.press(".nb-search-box input", "Enter")
            page.wait_for_url(re.compile(r"/newsbrief/en/search/\?q=Nasser$"))
        with opened(browser, f"{base}/en/search/?q=Nasser") as (page, record):
            _status, urls = wait_for_results(page)
            page.click(".nb-result__title a >> nth=0")
            page.wait_for_url(f"{base}/en/{PERSON}")
            assert record.problems() == []
    assert urls[0] == f"/newsbrief/en/{PERSON}"


def test_search_pages_are_language_twins_in_the_sitemap(site):
    sitemap = "".join(part.read_text() for part in (site.path / "sitemaps").glob("*.xml"))
    for lang in FOLDER:
        assert f"<loc>/{FOLDER[lang]}search/</loc>" in sitemap
    assert site.page("/search/").find("a", attrs={"data-switcher": True})["href"] == "/en/search/"
