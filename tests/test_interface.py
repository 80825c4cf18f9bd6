"""The interface language: complete catalogues, no English on Arabic pages, no text outside
gettext in templates, Latin digits and isolated Latin runs."""

import copy
import gettext
import re

import pytest
from babel.messages.pofile import read_po
from support import ROOT, expected_routes, published_items

BRIEFS = published_items("articles")
ALL_URLS = [url for group in expected_routes() for url in group.values()]


def catalogue(lang):
    path = ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as po:
        return read_po(po)


def test_arabic_catalogue_is_complete():
    untranslated = [m.id for m in catalogue("ar") if m.id and (
        m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))]
    assert untranslated == []


@pytest.mark.parametrize("count, noun", [(3, "تنقلات"), (12, "تنقلًا"), (99, "تنقلًا"), (100, "تنقل"), (102, "تنقل")])
def test_arabic_counts_take_the_case_their_number_asks(count, noun):
    """3-10 take a plural, 11-99 an accusative singular (تنقلًا), 100-102 a genitive one (تنقل);
    Babel's order of the six forms puts 100-102 before 11-99, so the two are easy to swap."""
    ar = catalogue("ar")
    form = gettext.c2py(ar.plural_expr)(count)
    for message in ar:
        if isinstance(message.id, tuple) and "move" in message.id[0] and "%(num)d تنقل" in message.string[5]:
            assert re.search(rf"%\(num\)d {noun}(?=[\s).:،؛])", message.string[form]), (message.id[0], count)


def test_catalogue_matches_templates():
    """Every string of the templates is in the catalogue (run `make i18n-update` if not)."""
    with open(ROOT / "theme/translations/messages.pot", "rb") as pot:
        template = read_po(pot)
    ids = {m.id for m in catalogue("ar") if m.id}
    assert {m.id for m in template if m.id} <= ids


# <meta> elements whose `content` is text a reader sees (the others hold URLs, codes, numbers).
TEXT_META = {"description", "og:title", "og:description", "og:image:alt", "og:site_name",
             "twitter:title", "twitter:description"}


def visible_text(page):
    page = copy.copy(page)  # the site's pages are shared between tests: leave them whole
    for tag in page(["script", "style", "code"]):  # code: file names, not interface text
        tag.decompose()
    texts = [page.title.get_text()] if page.title else []
    texts += list(page.body.find_all(string=True))
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


def test_titles_hold_no_separator_outside_gettext():
    """A title's separators (« · », « — », «: ») are the catalogue's, which a language may change:
    a title block holds nothing but template code."""
    blocks = {path.name: block for path in sorted((ROOT / "theme/templates").rglob("*.html"))
              for block in re.findall(r"\{% block title %\}(.*?)\{% endblock %\}", path.read_text(encoding="utf-8"), re.S)}
    assert len(blocks) >= 10
    outside = {name: left for name, block in blocks.items()
               if (left := re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", block, flags=re.S).strip())}
    assert outside == {}


def test_the_404_title_is_in_every_language(site):
    ar, en = ({m.id: m.string or m.id for m in catalogue(lang) if m.id} for lang in ("ar", "en"))
    both = ar["%(title)s · %(translation)s"] % {"title": ar["Page not found"], "translation": en["Page not found"]}
    assert site.page("/404.html").title.get_text() == both == "الصفحة غير موجودة · Page not found"


def test_arabic_digits_are_latin(site):
    text = visible_text(site.page("/"))
    assert not re.search("[\u0660-\u0669]", text)


def test_latin_runs_inside_arabic_are_isolated(site):
    brief = next(iter(BRIEFS))
    body = site.page(f"/articles/{brief}/").select_one(".nb-brief__body")
    for text in body.find_all(string=re.compile("[A-Za-z]")):
        assert text.parent.name == "bdi", text


def test_the_404_offers_search_and_the_main_lists_in_every_language(site):
    """One bilingual page: each language's half has a search box for its own search page and
    links to its archive, moves and indexes, each in that language's words."""
    page = site.page("/404.html")
    for lang, prefix in (("ar", "/"), ("en", "/en/")):
        [part] = [p for p in page.select(".nb-not-found__part")
                  if p.select_one("form")["action"] == f"{prefix}search/"]
        words = {m.id: m.string or m.id for m in catalogue(lang) if m.id}
        assert part.select_one("label").get_text(strip=True) == words["Search the site"]
        links = {a["href"]: a.get_text(strip=True) for a in part.select("a")}
        assert {f"{prefix}{path}" for path in ("articles/", "moves/", "people/", "companies/")} <= set(links)
        assert links[f"{prefix}moves/"] == words["All moves"]


def test_moves_are_in_the_main_navigation(site):
    for prefix in ("/", "/en/"):
        assert site.page(prefix).select_one(f'.nb-nav a[href="{prefix}moves/"]')
        current = site.page(f"{prefix}moves/").select_one('.nb-nav a[aria-current="page"]')
        assert current["href"] == f"{prefix}moves/"
