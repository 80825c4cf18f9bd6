"""Self-test of the quality gates in tests/gates/.

Every gate must pass on the good fixture site (tests/fixtures/good/) and report
problems on the broken fixture made for it (tests/fixtures/broken/<gate>/), so a
green gate over the real build means something.

Needs: /usr/bin/chromium (Debian package), Java 17+, and `npm ci` at the repo
root for vnu.jar (`make test` installs all three). A missing browser or jar fails those
tests, in CI and outside it: a gate that is not run proves nothing.
"""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from gates import a11y_extra, axe, browser, budgets, csp, links, repro, rtl, server, vnu
from gates.browser import CHROMIUM

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"
BUDGETS = GOOD / "budgets.yaml"
GOOD_FONT = "Fixture Naskh"


def _need(ok: bool, why: str) -> None:
    if not ok:
        pytest.fail(why)


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's one Chromium (conftest.py); a missing binary fails, it never skips."""
    _need(Path(CHROMIUM).exists(), f"{CHROMIUM} missing (apt-get install chromium)")
    return browser


@pytest.fixture(scope="module")
def good_url():
    with server.serve(GOOD) as base:
        yield base


def _open(chromium, site: Path, path: str = "/", width: int = 1280):
    """Serve ``site`` just for one page; returns (page, record, stop)."""
    cm = server.serve(site)
    base = cm.__enter__()
    page, record = browser.open_page(chromium, base + path, width)

    def stop():
        page.close()
        cm.__exit__(None, None, None)

    return page, record, stop


def _has(problems: list[str], *needles: str) -> None:
    text = "\n".join(problems)
    for needle in needles:
        assert needle in text, f"expected {needle!r} among:\n{text}"


# --- server ------------------------------------------------------------------


def test_server_serves_pages_and_404_page(good_url):
    with urllib.request.urlopen(good_url + "/") as r:
        assert r.status == 200 and "موجز المواهب" in r.read().decode()
    with urllib.request.urlopen(good_url + "/about") as r:  # redirected to /about/
        assert r.status == 200 and r.url.endswith("/about/")
    with urllib.request.urlopen(good_url + "/fonts/fixture-naskh.woff2") as r:
        assert r.headers["Content-Type"] == "font/woff2"
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(good_url + "/no/such/page/")
    assert err.value.code == 404
    assert "الصفحة غير موجودة" in err.value.read().decode()


# --- browser record ----------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/en/", "/about/"])
def test_browser_record_clean_on_good(chromium, good_url, path):
    page, record = browser.open_page(chromium, good_url + path, 1280)
    try:
        assert not record.problems(), record.problems()
    finally:
        page.close()


@pytest.mark.browser
def test_browser_record_catches_external_requests_and_errors(chromium):
    _page, record, stop = _open(chromium, BROKEN / "external")
    try:
        assert sorted(record.external_requests) == ["https://example.com/pixel.png", "https://example.com/style.css"]
        _has(record.console_errors, "fixture: logged error")
        _has(record.page_errors, "fixture: uncaught error")
    finally:
        stop()


# --- vnu -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def vnu_reports():
    """One java run over the good site and the broken HTML fixture."""
    try:
        vnu.jar_path()
    except FileNotFoundError as exc:
        _need(False, str(exc))
    return vnu.check(vnu.site_files(GOOD) + vnu.site_files(BROKEN / "html"))


def test_vnu_passes_good(vnu_reports):
    good = {p: r for p, r in vnu_reports.items() if GOOD in p.parents}
    assert len(good) == 5  # 4 pages + 1 stylesheet
    assert not vnu.problems(good), "\n".join(vnu.problems(good))


def test_vnu_fails_broken(vnu_reports):
    html = vnu_reports[(BROKEN / "html" / "index.html").resolve()]
    css = vnu_reports[(BROKEN / "html" / "bad.css").resolve()]
    _has([str(m) for m in html.errors], "Duplicate ID", "“alt” attribute", "No “p” element in scope")
    _has([str(m) for m in css.errors], "Property “colr” doesn't exist")
    assert html.warnings  # "first occurrence of ID" comes as a warning


def test_vnu_keeps_real_csp_warnings_only(vnu_reports):
    """vnu sees file: URLs, so same-site resources "violate" CSP 'self': those are dropped."""
    warnings = [str(m) for m in vnu_reports[(BROKEN / "html" / "csp.html").resolve()].warnings]
    _has(warnings, "“https://cdn.example.com/x.css” blocked", "“style” attribute violates")
    assert not any("“bad.css”" in w for w in warnings), warnings


# --- axe -------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/en/", "/about/", "/404.html"])
def test_axe_passes_good(chromium, good_url, path):
    page, _ = browser.open_page(chromium, good_url + path, 1280)
    try:
        violations = axe.run(page)
        assert not violations, "\n".join(violations)
    finally:
        page.close()


@pytest.mark.browser
def test_axe_fails_broken(chromium):
    page, _, stop = _open(chromium, BROKEN / "a11y")
    try:
        violations = axe.run(page)
        _has(violations, "image-alt (critical)", "color-contrast (serious)", "at img")
    finally:
        stop()


# --- links ---------------------------------------------------------------------


def test_links_pass_good():
    report = links.check_links(GOOD)
    assert not report.problems, "\n".join(report.problems)
    assert report.external == [("index.html", "https://example.org/")]


def test_links_fail_broken():
    report = links.check_links(BROKEN / "links")
    _has(
        report.problems,
        'href="/nowhere/">: no file for /nowhere/',
        'no id="missing" in index.html',
        'no id="nope" in sub/index.html',
        "/sub is a directory",
        "empty fragment",
        "no file for /img/missing.png",
        'srcset="img/missing-2x.png"',
    )
    assert len(report.problems) == 7, report.problems  # ok.png, sub/, #main and ../ are fine


def test_links_site_url_prefix_counts_as_internal(tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>t</title>'
        '<a href="https://example.net/site/gone/">x</a><a href="https://example.net/site/">home</a>'
        '<a href="https://example.net/other">other</a>',
        encoding="utf-8",
    )
    report = links.check_links(tmp_path, site_url="https://example.net/site")
    assert report.problems == ['index.html: <a href="https://example.net/site/gone/">: no file for /gone/']
    assert report.external == [("index.html", "https://example.net/other")]


def test_cross_language_links():
    assert links.cross_language_links(GOOD) == []
    problems = links.cross_language_links(BROKEN / "crosslang")
    assert len(problems) == 2, problems  # the two switchers carry hreflang and are fine
    _has(problems, "index.html: href=\"/en/\": ar page links to a en page", "en/index.html: href=\"/\": en page links to a ar page")


# --- budgets -------------------------------------------------------------------


def test_budgets_pass_good():
    pages = ["index.html", "en/index.html", "about/index.html", "404.html"]
    assert budgets.check_budgets(GOOD, pages, BUDGETS) == []
    weight = budgets.page_weight(GOOD, "index.html")
    assert {r.kind for r in weight.resources} == {"html", "css", "fonts"}
    assert weight.total("fonts") == (GOOD / "fonts" / "fixture-naskh.woff2").stat().st_size


def test_budgets_fail_broken():
    over = budgets.check_budgets(BROKEN / "budgets", ["index.html"], BUDGETS)
    _has(over, "index.html: css raw", "index.html: scripts raw 46 B > budget 0 B")


def test_budget_sizes_parse():
    assert budgets.parse_size("14 KiB") == 14336
    assert budgets.parse_size("50kB") == 50000
    assert budgets.parse_size(123) == 123
    with pytest.raises(ValueError):
        budgets.parse_size("lots")


# --- rtl -----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_rtl_passes_good(chromium, good_url, width):
    page, _ = browser.open_page(chromium, good_url + "/", width)
    try:
        problems = rtl.check_rtl(page, nav_selector="nav a", font_family=GOOD_FONT)
        assert not problems, "\n".join(problems)
    finally:
        page.close()


@pytest.mark.browser
def test_rtl_fails_broken(chromium):
    page, _, stop = _open(chromium, BROKEN / "rtl")
    try:
        _has(rtl.check_direction(page), "body direction is 'ltr'", "<html dir> is 'ltr'")
        _has(rtl.check_nav_order(page, "nav a"), "nav does not start at the right edge")
        _has(rtl.check_font_loaded(page, GOOD_FONT), "no @font-face")
        unisolated = rtl.unisolated_latin(page)
        assert len(unisolated) == 1 and "Nimbus" in unisolated[0], unisolated  # bdi and dir=ltr ones pass
    finally:
        stop()


# --- a11y_extra ----------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/en/"])
def test_a11y_extra_passes_good(chromium, good_url, path):
    page, _ = browser.open_page(chromium, good_url + path, 1280)
    try:
        problems = a11y_extra.check_all(page)
        assert not problems, "\n".join(problems)
    finally:
        page.close()


@pytest.mark.browser
def test_a11y_extra_fails_broken(chromium):
    page, _, stop = _open(chromium, BROKEN / "a11y_extra")
    try:
        _has(a11y_extra.check_single_h1(page), "found 2")
        _has(a11y_extra.check_skip_link(page), "first focusable element is not")
        _has(a11y_extra.check_focus_visible(page), "focus not visible")
        _has(a11y_extra.check_language_switcher(page), "empty hreflang", "no lang attribute")
        page.goto(page.url.rsplit("/", 1)[0] + "/notabindex.html")
        _has(a11y_extra.check_skip_link(page), 'give <main> tabindex="-1"')
    finally:
        stop()


# --- csp -----------------------------------------------------------------------


def test_csp_passes_good():
    problems = csp.check_site(GOOD)
    assert not problems, "\n".join(problems)


def test_csp_fails_broken():
    problems = csp.check_site(BROKEN / "csp")
    _has(
        problems,
        "index.html: no <meta http-equiv",
        "inline event handler <button onclick",
        "javascript: URL",
        "inline <script>",
        "external link without rel=\"noopener\": https://example.org/",
        "weak.html: CSP default-src is '*'",
        "weak.html: CSP script-src allows 'unsafe-inline'",
        "weak.html: style= attribute on <h1>",
    )
    assert not any("weak.html: external link" in p for p in problems)


# --- repro ---------------------------------------------------------------------


def test_repro_compare_dirs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(GOOD, a)
    shutil.copytree(GOOD, b)
    assert repro.compare_dirs(a, b) == []
    (b / "index.html").write_text((a / "index.html").read_text(encoding="utf-8").replace("موجز", "ملخص", 1), encoding="utf-8")
    (b / "404.html").unlink()
    (b / "extra.txt").write_text("new", encoding="utf-8")
    assert repro.compare_dirs(a, b) == [f"only in {a}: 404.html", f"only in {b}: extra.txt", "differs: index.html"]
    assert "+" in repro.first_difference(a, b, "index.html")
