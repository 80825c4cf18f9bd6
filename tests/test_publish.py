"""Production build under a GitHub Pages project subpath: nothing escapes the subpath (on the mini
fixture; every real page, in a browser, at the end)."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from support import MINI, ROOT, build

SITEURL = "https://example.github.io/newsbrief"
HOST, SUBPATH = "example.github.io", "/newsbrief/"
URL_ATTRIBUTES = ("href", "src", "srcset", "content", "action", "poster")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    old = dict(os.environ)
    os.environ.update(SITEURL=SITEURL, CNAME_DOMAIN="")
    try:
        return build(tmp_path_factory.mktemp("publish"), settings="publishconf.py", content=MINI)
    finally:
        os.environ.clear()
        os.environ.update(old)


def escapes(url):
    """Why `url` would leave the site's subpath, or None if it stays inside."""
    if url.startswith("#") or url.startswith(("mailto:", "data:")):
        return None
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        # In-page links are root-relative under the subpath (SITEPATH): they work at any depth,
        # the 404 served for a missing path included. A relative link breaks from that 404, and
        # a root-relative one without the subpath leaves the site.
        if not url.startswith("/"):
            return "relative URL (breaks from the 404 page, served at any depth)"
        if not (parts.path + "/").startswith(SUBPATH):
            return "root-relative URL outside the subpath"
        return None
    if parts.netloc == HOST and not (parts.path + "/").startswith(SUBPATH):
        return "outside the subpath"
    if parts.netloc == HOST and parts.scheme != "https":
        return "not https"
    return None


def test_escapes_names_links_that_break_under_the_subpath():
    assert escapes("/newsbrief/people/jane-doe/") is None
    assert escapes("/people/jane-doe/") == "root-relative URL outside the subpath"
    assert escapes("people/jane-doe/").startswith("relative URL")
    assert escapes("https://example.github.io/people/") == "outside the subpath"


def test_in_page_links_are_root_relative_and_addresses_for_others_absolute(published):
    page = published.page("/en/people/jane-doe/")
    assert page.find("a", class_="nb-header__brand")["href"] == "/newsbrief/en/"
    assert page.find("link", rel="stylesheet")["href"].startswith("/newsbrief/theme/")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/en/people/jane-doe/"
    assert page.find("link", hreflang="ar")["href"] == f"{SITEURL}/people/jane-doe/"
    assert f'"url":"{SITEURL}/en/people/jane-doe/"' in str(page.find("script", type="application/ld+json"))


def test_no_html_url_escapes_the_subpath(published):
    problems = []
    for name in published.html_files():
        page = published.page("/" + name)
        for tag in page.find_all(True):
            for attribute in URL_ATTRIBUTES:
                if attribute not in tag.attrs or (attribute == "content" and tag.name == "meta"):
                    continue
                for url in re.split(r",\s*", tag[attribute]) if attribute == "srcset" else [tag[attribute]]:
                    url = url.split()[0] if url.strip() else url
                    if why := escapes(url):
                        problems.append(f"{name}: <{tag.name} {attribute}={url!r}>: {why}")
    assert problems == []


def test_canonical_and_hreflang_are_absolute_under_the_subpath(published):
    page = published.page("/en/people/jane-doe/")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/en/people/jane-doe/"
    links = {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}
    assert links == {"ar": f"{SITEURL}/people/jane-doe/", "en": f"{SITEURL}/en/people/jane-doe/",
                     "x-default": f"{SITEURL}/people/jane-doe/"}


def test_css_urls_stay_relative_to_the_stylesheet(published):
    css = (published.path / "theme/css/site.css").read_text()
    assert all(not u.startswith("/") for u in re.findall(r"url\(\"?([^\")]+)", css))


def test_feeds_and_sitemap_stay_under_the_subpath(published):
    atom = "{http://www.w3.org/2005/Atom}"
    for path in ("feeds/atom.xml", "en/feeds/atom.xml"):
        root = ET.parse(published.path / path).getroot()
        urls = [link.get("href") for link in root.iter(f"{atom}link")]
        urls += [e.text for e in root.iter(f"{atom}id") if e.text.startswith("http")]
        # A feed is read away from the site: its links, in its entries' content too, are absolute.
        content = " ".join(c.text or "" for c in root.iter(f"{atom}content"))
        urls += [u for u in re.findall(r'href="([^"]+)"', content) if not u.startswith(("#", "mailto:"))]
        assert urls and all(escapes(u) is None and urlsplit(u).netloc for u in urls), urls
    sitemaps = [published.path / "sitemap.xml", *sorted((published.path / "sitemaps").glob("*.xml"))]
    assert len(sitemaps) > 1  # the index and its files
    urls = [u for f in sitemaps for u in re.findall(r'(?:<loc>|href=")([^<"]+)', f.read_text())]
    assert urls and all(u.startswith(SITEURL + "/") for u in urls)
    assert f"Sitemap: {SITEURL}/sitemap.xml" in (published.path / "robots.txt").read_text()


def test_github_pages_files(published, tmp_path):
    assert (published.path / ".nojekyll").exists()
    assert not (published.path / "CNAME").exists()
    os.environ.update(SITEURL="https://news.example.org", CNAME_DOMAIN="news.example.org")
    try:
        custom = build(tmp_path, settings="publishconf.py", content=MINI)
    finally:
        del os.environ["SITEURL"], os.environ["CNAME_DOMAIN"]
    assert (custom.path / "CNAME").read_text() == "news.example.org\n"
    assert custom.page("/").find("link", rel="canonical")["href"] == "https://news.example.org/"


@pytest.mark.parametrize("siteurl, message", [
    ("", "SITEURL must be set"),
    ("http://example.github.io/newsbrief", "SITEURL must be set"),
    ("example.github.io/newsbrief", "SITEURL must be set"),
])
def test_publish_refuses_a_missing_or_insecure_siteurl(siteurl, message, tmp_path):
    env = {**os.environ, "SITEURL": siteurl}
    result = subprocess.run(
        [sys.executable, "-m", "newsbrief.tools.build", "--settings", "publishconf.py",
         "--output", str(tmp_path / "out")],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert message in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.browser
def test_every_page_works_served_under_the_subpath(tmp_path, browser):
    """`make publish` with a subpath SITEURL, served as GitHub Pages serves a project site: a
    page of each template in each language loads its stylesheet and font from under the
    subpath (every page's URLs are checked statically above), and the 404 page works at any
    depth."""
    import socket

    from gates.browser import opened
    from gates.server import serve

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    os.environ["SITEURL"] = f"http://127.0.0.1:{port}/newsbrief"
    try:
        site = build(tmp_path, settings="publishconf.py", overrides={"SEARCH_INDEX": True})  # the search page loads it
    finally:
        del os.environ["SITEURL"]
    problems = []
    with serve(site.path, prefix="/newsbrief", port=port) as base:
        templates = {}  # (body class: the page's template, language) -> its first page
        for name in sorted(site.html_files()):
            head = (site.path / name).read_text(encoding="utf-8")[:20000]
            kind = re.search(r'<body class="([^"]*)"', head).group(1), re.search(r'<html lang="(\w+)"', head).group(1)
            templates.setdefault(kind, name.removesuffix("index.html"))
        pages = sorted(templates.values()) + ["missing/", "en/people/nobody/deeper/still/"]
        for path in pages:
            with opened(browser, f"{base}/{path}") as (page, record):
                page.evaluate("document.fonts.ready")
                # a missing page answers 404 by design; Chromium logs that for the document
                expected = f"status of 404 (Not Found) ({base}/{path})"
                problems += [f"{path}: {p}" for p in record.problems() if not p.endswith(expected)]
                styled = page.evaluate("getComputedStyle(document.body).display")
                if styled != "flex":
                    problems.append(f"{path}: the stylesheet did not apply")
                if path.startswith(("missing", "en/people/nobody")):
                    assert page.locator("h1").inner_text() == "الصفحة غير موجودة"
                    home = page.locator('a.nb-button[hreflang="en"]').get_attribute("href")
                    assert home == f"{base}/en/"
    assert problems == []
