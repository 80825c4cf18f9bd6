"""Quality gates over every page of the real build, in both languages.

Each gate returns a readable list of problems; `tests/test_gates_selftest.py` proves every
gate fails on a deliberately broken fixture. Screenshots of every page checked in the browser
land in test-artifacts/pages/ so a failing run can be looked at.
"""

import gzip
import re

import pytest
import yaml
from gates import _html, a11y_extra, axe, budgets, csp, lighthouse, links, repro, rtl, vnu
from gates.browser import opened
from gates.server import serve
from newsbrief import cssbundles
from newsbrief.minify import minify_css
from pelican.settings import read_settings
from support import FOLDER, REAL, ROOT, build, expected_routes, published_items, screenshot

ARTIFACTS = ROOT / "test-artifacts"


def pick(kind, ranked=lambda slug, versions: 0):
    """The first page of `kind` in the real content by `ranked` (the lowest first, then by slug):
    the gates check one page of each type, whichever the editors have written."""
    items = published_items(kind, REAL)
    return f"{kind}/{min(items, key=lambda slug: (ranked(slug, items[slug]), slug))}/"


SAMPLES = {  # one page of every type: the newest brief, a company inside another if there is one
    "home": "", "archive": "articles/", "moves": "moves/",
    "moves-month": next(g["ar"] for g in expected_routes(REAL) if re.fullmatch(r"/moves/\d{4}/\d{2}/", g["ar"]))[1:],
    "brief": pick("articles", lambda _, versions: -versions["ar"]["date"].toordinal()),
    "person": pick("people"), "company": pick("companies", lambda _, versions: "parent" not in versions["ar"]),
    "people": "people/", "companies": "companies/", "about": "about/", "corrections": "corrections/",
    "not-found": "404.html", "search": "search/",
}
PELICANCONF = read_settings(str(ROOT / "pelicanconf.py"))
CASES = [(kind, lang) for kind in SAMPLES for lang in FOLDER
         if not (kind == "not-found" and lang == "en")]  # one bilingual 404 page


def sample_url(kind, lang):
    return FOLDER[lang] + SAMPLES[kind]


def report(name, lines):
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


# 1. Valid HTML and CSS ----------------------------------------------------------------------

def test_every_page_and_the_css_are_valid(site):
    reports = vnu.check(vnu.site_files(site.path, css=True))
    assert len(reports) == len(site.html_files()) + len(list(site.path.rglob("*.css")))
    report("vnu-warnings.txt", vnu.problems(reports, warnings=True))
    errors = vnu.problems(reports, warnings=False)
    assert errors == [], "\n".join(errors)


# 2. Accessibility -------------------------------------------------------------------------------

WIDTHS = (390, 1280)  # a page is loaded once at the first and made wider: the site runs no
# script that reads the width (only the search page has one)


@pytest.mark.browser
@pytest.mark.parametrize("kind, lang", CASES)
def test_axe_finds_no_violation(server, browser, kind, lang):
    violations = []
    with opened(browser, f"{server}/{sample_url(kind, lang)}", width=WIDTHS[0]) as (page, _record):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(page, f"pages/{kind}-{lang}-{width}")
            violations += [f"at {width} px: {violation}" for violation in axe.run(page)]
    assert violations == [], "\n".join(violations)


@pytest.mark.browser
@pytest.mark.parametrize("kind, lang", CASES)
def test_keyboard_headings_and_switcher(server, browser, kind, lang):
    switcher = a11y_extra.SWITCHER
    with opened(browser, f"{server}/{sample_url(kind, lang)}") as (page, _record):
        if kind == "not-found":  # the bilingual 404 page has no twin to switch to
            problems = (a11y_extra.check_single_h1(page) + a11y_extra.check_skip_link(page)
                        + a11y_extra.check_focus_visible(page))
        else:
            problems = a11y_extra.check_all(page, switcher)
    assert problems == []


# 3. Links -----------------------------------------------------------------------------------------

def test_every_internal_link_resolves(site):
    result = links.check_links(site.path)
    report("external-links.txt", [f"{page}: {url}" for page, url in result.external])
    assert result.problems == []


def test_no_link_crosses_languages_except_the_switcher(site):
    assert links.cross_language_links(site.path) == []


# 4. Nothing leaves the site ----------------------------------------------------------------------

LOADING = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest"}


def test_no_page_loads_anything_from_another_host(site):
    """Every page, read statically: no script, stylesheet, image, font, frame or preload comes
    from another host (the browser opens one page of each template below, and sees the same)."""
    loads = []
    for path in _html.html_files(site.path):
        for element in _html.parse(path).select("[src], [srcset], [poster], object[data], link[href]"):
            if element.name == "link" and not LOADING & set(element.get("rel") or []):
                continue  # canonical, alternate: addresses, not loads
            urls = [element[name] for name in ("src", "poster", "data", "href") if element.get(name)]
            urls += _html.srcset_urls(element.get("srcset", ""))
            loads += [f"{_html.rel(site.path, path)}: {url}" for url in urls if _html.is_external(url)]
    assert loads == []


@pytest.mark.browser
@pytest.mark.parametrize("kind, lang", CASES)
def test_no_page_requests_another_host_or_logs_errors(server, browser, kind, lang):
    """One page of each template in each language (the static test above reads every page)."""
    with opened(browser, f"{server}/{sample_url(kind, lang)}") as (page, record):
        page.evaluate("document.fonts.ready")
        problems = record.problems()
    assert problems == []


# 5. Security headers a static host allows -------------------------------------------------------

def test_content_security_policy_and_safe_links(site):
    assert csp.check_site(site.path) == []


# 6. Page budgets ------------------------------------------------------------------------------------

BUDGETS = ROOT / "budgets.yaml"


@pytest.mark.parametrize("kind, lang", CASES)
def test_page_fits_its_budget(site, tmp_path, kind, lang):
    limits = yaml.safe_load(BUDGETS.read_text())[kind]
    budget_file = tmp_path / "budget.yaml"
    budget_file.write_text(yaml.safe_dump(limits))
    page = SAMPLES[kind] if kind == "not-found" else sample_url(kind, lang) + "index.html"
    assert budgets.check_budgets(site.path, [page], budget_file) == []


@pytest.mark.parametrize("lang", FOLDER)
def test_first_screen_of_the_brief_fits_in_14_kb(site, lang):
    limit = budgets.parse_size(yaml.safe_load(BUDGETS.read_text())["first_screen_gzip"])
    page = site.page("/" + sample_url("brief", lang))
    html = (site.path / sample_url("brief", lang) / "index.html").read_bytes()
    css = site.file(page.select_one('link[rel="stylesheet"]')["href"]).read_bytes()
    assert len(gzip.compress(html, 9)) + len(gzip.compress(css, 9)) <= limit


def test_the_stylesheet_is_served_without_comments_and_blanks(site):
    served = (site.path / "theme/css/site.css").read_text(encoding="utf-8")
    source = (ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
    assert served == minify_css(source) + "\n" and "/*" not in served and len(served) < 0.8 * len(source)
    assert '"Noto Naskh Arabic"' in served and 'url("../fonts/noto-naskh-arabic.woff2")' in served


@pytest.mark.parametrize("kind", list(SAMPLES))
def test_each_page_links_the_bundle_of_its_type(site, kind):
    """A page links its type's bundle (CSS_BUNDLES): the blocks of site.css marked for it or
    for all, in their order, minified; a brief carries none of the lists' rules."""
    parts = cssbundles.parse((ROOT / "theme/static/css/site.css").read_text(encoding="utf-8"))
    page = site.page("/" + SAMPLES[kind])
    href = page.select_one('link[rel="stylesheet"]')["href"]
    bundle = PELICANCONF["CSS_BUNDLES"][page.body["class"][1].removeprefix("nb-page--")]
    assert href == f"/theme/css/{bundle}.css"
    assert site.file(href).read_text(encoding="utf-8") == minify_css(cssbundles.bundle(parts, bundle)) + "\n"
    if kind == "brief":
        assert ".nb-pagination" not in site.file(href).read_text(encoding="utf-8")
        assert ".nb-pagination" in (site.path / "theme/css/list.css").read_text(encoding="utf-8")


def test_a_bundle_marker_inside_a_block_names_its_line():
    with pytest.raises(cssbundles.BundleError, match=r"^site.css:3: a `/\* @bundles … \*/` marker inside a block"):
        cssbundles.parse(".a { color: red; }\n@media print {\n/* @bundles brief */\n.b { color: blue; } }\n")


def test_minifying_keeps_strings_and_the_blanks_between_words():
    css = '/* a note */\n.a  .b ,\n.c {\n  content: "x ;  { y";\n  margin: calc(1rem + 2px) 0;\n}\n'
    assert minify_css(css) == '.a .b,.c{content: "x ;  { y";margin: calc(1rem + 2px) 0;}'


# 7. Reproducible --------------------------------------------------------------------------------

# Pagefind writes its filter map in hash order, so its filter files, the metadata naming them
# and pagefind-entry.json vary between runs; test_search.py compares those by content.
PAGEFIND_UNORDERED = re.compile(r"pagefind/(filter/|pagefind\.\w+\.pf_meta|pagefind-entry\.json)")


def test_two_clean_builds_are_byte_identical(site, tmp_path):
    """`site` (conftest.py) is one clean build of the real content, as `make html` builds it;
    this is another, in another folder with a cache of its own."""
    first, second = site, build(tmp_path / "again", overrides={"SEARCH_INDEX": True})
    differences = [d for d in repro.compare_dirs(first.path, second.path)
                   if not PAGEFIND_UNORDERED.search(d)]
    details = [repro.first_difference(first.path, second.path, d.split(": ", 1)[1])
               for d in differences if d.startswith("differs")]
    assert differences == [], "\n".join(differences + details)


# 8. Right to left for real ---------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("kind", list(SAMPLES))
def test_arabic_pages_are_right_to_left(server, browser, kind):
    # The 404 has no header navigation: each language's half has its own (the Arabic first).
    nav = '.nb-not-found__part[lang="ar"] .nb-not-found__ways a' if kind == "not-found" else ".nb-nav__list a"
    problems = []
    with opened(browser, f"{server}/{sample_url(kind, 'ar')}", width=WIDTHS[0]) as (page, _record):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate("document.fonts.ready")
            found = rtl.check_rtl(page, nav_selector=nav, font_family="Noto Naskh Arabic")
            problems += [f"at {width} px: {problem}" for problem in found]
    assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize("kind, lang", CASES)
def test_nothing_overflows_a_320_px_screen(server, browser, kind, lang):
    """Responsive from 320 px up: no page scrolls sideways (wide tables scroll in their own box)."""
    with opened(browser, f"{server}/{sample_url(kind, lang)}", width=320) as (page, _record):
        page.evaluate("document.fonts.ready")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px wider than the screen"


# 9. Lighthouse 100 -------------------------------------------------------------------------------

# One page of each template. Speed (performance) is measured on the Arabic page, the heavier of
# the two (its web fonts, longer words): those runs alone, last (Makefile). The English pages'
# other categories do not depend on the machine's speed: they run with the other tests.
LIGHTHOUSE_PAGES = ["home", "archive", "brief", "person", "company"]
NOT_SPEED = tuple(c for c in lighthouse.CATEGORIES if c != "performance")


@pytest.fixture(scope="module")
def absolute_site(tmp_path_factory):
    """The real site built with an absolute SITEURL (as published), served at that address:
    Lighthouse wants absolute canonical and hreflang URLs. No search index: none of the pages
    audited loads it (the search page, which does, is not among them)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    built = build(tmp_path_factory.mktemp("absolute"), overrides={"SITEURL": f"http://127.0.0.1:{port}"})
    with serve(built.path, port=port) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize("kind", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_100_in_every_category(absolute_site, kind):
    scores, problems = lighthouse.audit(f"{absolute_site}/{sample_url(kind, 'ar')}")
    report(f"lighthouse-{kind}-ar.txt", [f"{k}: {v}" for k, v in scores.items()] + problems)
    assert set(scores) == set(lighthouse.CATEGORIES) and all(score == 1 for score in scores.values()), (scores, problems)


@pytest.mark.browser
@pytest.mark.parametrize("kind", LIGHTHOUSE_PAGES)
def test_english_pages_score_100_in_lighthouse_but_speed(absolute_site, kind):
    scores, problems = lighthouse.audit(f"{absolute_site}/{sample_url(kind, 'en')}", categories=NOT_SPEED)
    report(f"lighthouse-{kind}-en.txt", [f"{k}: {v}" for k, v in scores.items()] + problems)
    assert set(scores) == set(NOT_SPEED) and all(score == 1 for score in scores.values()), (scores, problems)
