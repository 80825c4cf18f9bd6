"""The foundation: every route in both languages, right language and direction,
reciprocal language links, profiles and their facts, the brief's mentions."""

import copy
import re
import xml.etree.ElementTree as ET

import pytest
from babel.messages.pofile import read_po

from site_model import ROOT, content_items

LANGS = ("ar", "en")
PREFIX = {"ar": "/", "en": "/en/"}
PEOPLE = content_items("people")
COMPANIES = content_items("companies")
BRIEFS = content_items("articles")


def expected_routes():
    """Every HTML page the site must have, as {lang: url} groups."""
    groups = [{lang: PREFIX[lang] + path for lang in LANGS}
              for path in ("", "people/", "companies/", "about/", "articles/", "moves/", "corrections/",
                           "search/")]
    months = {str(v["ar"]["date"])[:7].replace("-", "/") for v in BRIEFS.values()}
    groups += [{lang: f"{PREFIX[lang]}articles/{month}/" for lang in LANGS} for month in sorted(months)]
    for kind, slugs in (("articles", BRIEFS), ("people", PEOPLE), ("companies", COMPANIES)):
        groups += [{lang: f"{PREFIX[lang]}{kind}/{slug}/" for lang in LANGS} for slug in slugs]
    return groups


ALL_URLS = [url for group in expected_routes() for url in group.values()]


def test_content_is_there():
    assert len(PEOPLE) == 9 and len(COMPANIES) == 8 and len(BRIEFS) >= 1
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


def test_people_and_companies_have_both_pages(site):
    for kind, items in (("people", PEOPLE), ("companies", COMPANIES)):
        for slug, versions in items.items():
            for lang in LANGS:
                page = site.page(f"{PREFIX[lang]}{kind}/{slug}/")
                assert page.h1.get_text(strip=True) == versions[lang]["name"]
                other = "en" if lang == "ar" else "ar"
                # the name in the other script is shown too
                alt = page.select_one(".nb-profile__alt-name bdi")
                assert alt.get_text(strip=True) == versions[other]["name"] and alt["lang"] == other


def expected_flows():
    joined, left = {}, {}
    for slug, versions in PEOPLE.items():
        for move in versions["ar"].get("moves") or []:
            if move.get("to"):
                joined.setdefault(move["to"], []).append(slug)
            if move.get("from"):
                left.setdefault(move["from"], []).append(slug)
    return joined, left


@pytest.mark.parametrize("lang", LANGS)
def test_company_joined_and_left_lists_follow_the_moves(site, lang):
    joined, left = expected_flows()
    assert joined and left
    for slug in COMPANIES:
        page = site.page(f"{PREFIX[lang]}companies/{slug}/")
        for direction, expected in (("in", joined), ("out", left)):
            people = [a["data-person"] for a in page.select(f'[data-flow="{direction}"] a[data-person]')]
            assert sorted(people) == sorted(expected.get(slug, [])), (slug, direction)
            heading = page.select_one(f".nb-flows__column--{direction} h2").get_text()
            count = len(expected.get(slug, []))
            if lang == "en":
                assert re.search(rf"\b{count} (person|people)\b", heading) or count == 0, heading


def test_msl_parent_is_not_stated(site):
    """The brief implies that MSL is Meta's, but never says so: the page does not guess."""
    for lang in LANGS:
        page = site.page(f"{PREFIX[lang]}companies/meta-superintelligence-labs/")
        parent = page.select_one('[data-fact="parent"]')
        assert parent.select_one(".nb-fact__not-stated") and not parent.select("a")


@pytest.mark.parametrize("lang", LANGS)
def test_brief_links_every_mention(site, lang):
    for slug, versions in BRIEFS.items():
        page = site.page(f"{PREFIX[lang]}articles/{slug}/")
        hrefs = {a["href"] for a in page.select(".nb-mentions a")}
        for person in versions[lang]["people"]:
            assert f"{PREFIX[lang]}people/{person}/" in hrefs
        for company in versions[lang]["companies"]:
            assert f"{PREFIX[lang]}companies/{company}/" in hrefs


@pytest.mark.parametrize("lang", LANGS)
def test_every_fact_links_to_an_existing_paragraph(site, lang):
    for slug in PEOPLE:
        page = site.page(f"{PREFIX[lang]}people/{slug}/")
        links = page.select(".nb-source-link, .nb-sources__paragraph")
        assert links, f"{slug} cites no source"
        for link in links:
            target, fragment = link["href"].split("#")
            assert target.startswith(f"{PREFIX[lang]}articles/")
            assert site.page(target).find(id=fragment) is not None, link["href"]


@pytest.mark.parametrize("kind", ["people", "companies"])
def test_indexes_are_sorted_and_summarised(site, kind):
    from pyuca import Collator

    collator = Collator()
    items = PEOPLE if kind == "people" else COMPANIES
    for lang in LANGS:
        page = site.page(f"{PREFIX[lang]}{kind}/")
        names = [a.get_text(strip=True) for a in page.select(".nb-index__name")]
        # (the real names are all in the page's own script and none begins with «ال»)
        assert sorted(names, key=collator.sort_key) == names
        headings = [h.get_text(strip=True) for h in page.select(".nb-index__letter")]
        assert headings and len(headings) == len(set(headings))
        jump = [a["href"] for a in page.select(".nb-letters a")]
        assert jump == [f"{PREFIX[lang]}{kind}/#{h['id']}" for h in page.select(".nb-index__letter")]
        assert set(names) == {v[lang]["name"] for v in items.values()}
        assert all(p.get_text(strip=True) for p in page.select(".nb-index__summary"))


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
        assert len(entries) == len(BRIEFS)
        titles = {e.find("{http://www.w3.org/2005/Atom}title").text for e in entries}
        assert titles == {v[lang]["title"] for v in BRIEFS.values()}


# --- interface language -------------------------------------------------------------------

def catalogue(lang):
    path = ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as po:
        return read_po(po)


def test_arabic_catalogue_is_complete():
    untranslated = [m.id for m in catalogue("ar") if m.id and (
        m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))]
    assert untranslated == []


def test_catalogue_matches_templates():
    """Every string of the templates is in the catalogue (run `make i18n-update` if not)."""
    template = read_po(open(ROOT / "theme/translations/messages.pot", "rb"))
    ids = {m.id for m in catalogue("ar") if m.id}
    assert {m.id for m in template if m.id} <= ids


# Meta elements whose `content` is text a reader sees (the others hold URLs, codes, numbers).
TEXT_META = {"description", "og:title", "og:description", "og:image:alt", "og:site_name",
             "twitter:title", "twitter:description"}


def visible_text(page):
    page = copy.copy(page)  # the site's pages are shared between tests: leave them whole
    for tag in page(["script", "style", "code"]):  # code: file names, not interface text
        tag.decompose()
    texts = [page.title.get_text()] if page.title else []
    texts += [t for t in page.body.find_all(string=True)]
    texts += [el[attr] for attr in ("aria-label", "title", "alt")
              for el in page.find_all(attrs={attr: True})]
    texts += [m["content"] for m in page.find_all("meta", content=True)
              if (m.get("name") or m.get("property")) in TEXT_META]
    return "\n".join(texts)


@pytest.mark.parametrize("url", [u for u in ALL_URLS if not u.startswith("/en/")])
def test_arabic_pages_contain_no_english_interface_text(site, url):
    text = visible_text(site.page(url))
    english = [m.id for m in catalogue("en") if m.id]
    english = [s for m in english for s in (m if isinstance(m, tuple) else (m,))]
    leaks = []
    for message in english:
        for piece in re.split(r"%\(\w+\)[sd]", message):
            piece = piece.strip(" :,.")
            # (a file name such as moves.json is not interface text)
            if len(piece) >= 4 and re.search(rf"(?<![A-Za-z]){re.escape(piece)}(?![A-Za-z]|\.[a-z])", text):
                leaks.append(piece)
    assert leaks == []


TEXT_OUTSIDE_GETTEXT = re.compile(r"[A-Za-z\u0600-\u06FF]{2,}")


@pytest.mark.parametrize("template", sorted((ROOT / "theme/templates").rglob("*.html")),
                         ids=lambda p: p.relative_to(ROOT / "theme/templates").as_posix())
def test_templates_hold_no_hard_coded_text(template):
    source = template.read_text(encoding="utf-8")
    source = re.sub(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", " ", source, flags=re.S)
    attributes = re.findall(r'(?:aria-label|title|alt|placeholder)="([^"]*)"', source)
    text = re.sub(r"<[^>]+>", " ", source)
    problems = [t for t in [text, *attributes] if TEXT_OUTSIDE_GETTEXT.search(t)]
    assert problems == [], [TEXT_OUTSIDE_GETTEXT.findall(p) for p in problems]


def test_arabic_digits_are_latin(site):
    text = visible_text(site.page("/"))
    assert not re.search("[\u0660-\u0669]", text)


def test_latin_runs_inside_arabic_are_isolated(site):
    brief = next(iter(BRIEFS))
    body = site.page(f"/articles/{brief}/").select_one(".nb-brief__body")
    for text in body.find_all(string=re.compile("[A-Za-z]")):
        assert text.parent.name == "bdi", text
