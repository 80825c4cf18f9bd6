"""Routes: every page in both languages and nothing else, the right language and direction,
reciprocal language links, the sitemap and the feeds."""

import xml.etree.ElementTree as ET

import pytest
from support import LANGS, expected_routes, published_items

PEOPLE = published_items("people")
COMPANIES = published_items("companies")
BRIEFS = published_items("articles")
ALL_URLS = [url for group in expected_routes() for url in group.values()]


def test_content_is_there():
    """Whatever the editors add, every item is in both languages (counts are not pinned)."""
    assert PEOPLE and COMPANIES and BRIEFS
    for items in (PEOPLE, COMPANIES, BRIEFS):
        for slug, versions in items.items():
            assert set(versions) == set(LANGS), f"{slug} is not in both languages"


def test_build_emits_no_warnings(site):
    assert site.warnings == []


def test_every_route_and_nothing_else(site):
    built = {site.url_of(f) for f in site.html_files()}
    expected = set(ALL_URLS) | {"/404.html"}
    assert built - expected == set(), "pages nobody asked for"
    assert expected - built == set(), "missing pages"
    for extra in ("feeds/atom.xml", "en/feeds/atom.xml", "sitemap.xml", "robots.txt",
                  "theme/css/site.css", "theme/fonts/noto-naskh-arabic.woff2",
                  "theme/fonts/OFL.txt"):
        assert (site.path / extra).is_file(), extra


@pytest.mark.parametrize("url", ALL_URLS + ["/404.html"])
def test_lang_dir_title_description_canonical(site, url):
    page = site.page(url)
    lang = "en" if url.startswith("/en/") else "ar"
    assert page.html["lang"] == lang
    assert page.html["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert page.title.string.strip()
    assert page.find("meta", attrs={"name": "description"})["content"].strip()
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == url
    assert len(page.find_all("h1")) == 1
    assert "nb-page" in page.body.get("class", []), "the <body> start tag is missing"


def hreflang_links(page):
    return {link["hreflang"]: link["href"] for link in page.find_all("link", hreflang=True)}


@pytest.mark.parametrize("group", expected_routes(), ids=lambda g: g["ar"])
def test_switcher_and_hreflang_are_reciprocal(site, group):
    expected = {**group, "x-default": group["ar"]}
    for lang, url in group.items():
        page = site.page(url)
        assert hreflang_links(page) == expected, url
        other = "en" if lang == "ar" else "ar"
        switch = page.select("a[data-switcher]")
        assert [(a["href"], a["hreflang"], a["lang"]) for a in switch] == [(group[other], other, other)]


def test_sitemap_lists_every_page_with_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ET.parse(site.path / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    entries = {}
    for part in index.findall("s:sitemap/s:loc", ns):
        root = ET.parse(site.file(part.text)).getroot()
        entries.update({u.find("s:loc", ns).text: {x.get("hreflang"): x.get("href") for x in u.findall("x:link", ns)}
                        for u in root.findall("s:url", ns)})
    assert set(entries) == set(ALL_URLS)
    for group in expected_routes():
        for url in group.values():
            assert entries[url] == {**group, "x-default": group["ar"]}
    assert "User-agent: *" in (site.path / "robots.txt").read_text()


def test_feeds_are_per_language(site):
    for lang, path in (("ar", "feeds/atom.xml"), ("en", "en/feeds/atom.xml")):
        root = ET.parse(site.path / path).getroot()
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        site_name = site.page("/" + path.replace("feeds/atom.xml", "")).select_one(".nb-header__brand")
        assert root.find("{http://www.w3.org/2005/Atom}title").text == site_name.get_text(strip=True)
        entries = root.findall("{http://www.w3.org/2005/Atom}entry")
        assert len(entries) == min(len(BRIEFS), 20)  # FEED_MAX_ITEMS
        titles = {e.find("{http://www.w3.org/2005/Atom}title").text for e in entries}
        assert titles <= {v[lang]["title"] for v in BRIEFS.values()}
