"""A brief's key points (issue 25) on a built site: they open the brief page with a ¶ link to
each paragraph they sum up, in both languages; they lead its feed entry and its share card
where they fit; every link names whom it is about, and the provenance gate holds it to its
paragraph. What the checks refuse (a point its paragraph does not state, too few or too many,
languages that differ) is in tests/fixtures/bad/key-point*/ with the exact lines."""

import copy
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from gates import provenance
from newsbrief.cards import CardDrawer
from newsbrief.cardtext import CardText
from support import MINI, ROOT, as_lines, build, content_items, copy_content, edit, problems_of

PREFIX = {"ar": "/", "en": "/en/"}
HEADING = {"ar": "أبرز النقاط", "en": "Key points"}
POINTS = {  # (text, paragraphs) of the mini corpus's brief, acme-hires
    "ar": [("انتقلت جين دو من غلوبكس إلى أكمي للذكاء الاصطناعي.", [1]),
           ("قال جون رو إن فريق أكمي يكبر.", [2]),
           ("أمضت جين دو ثلاث سنوات في غلوبكس، التي لم تعلّق على الخبر.", [1, 3])],
    "en": [("Jane Doe moved from Globex to Acme AI.", [1]),
           ("John Roe said Acme’s team is growing.", [2]),
           ("Jane Doe had spent three years at Globex, which did not comment.", [1, 3])],
}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def points_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("key-points")
    content = copy_content(tmp, MINI)
    for lang, points in POINTS.items():
        edit(content / f"articles/acme-hires.{lang}.md",
             key_points=[{"text": text, "paragraphs": paragraphs} for text, paragraphs in points])
    return build(tmp, content=content, overrides={"CACHE_PATH": str(tmp / "cache")}), content


def test_the_points_pass_the_checks(points_site):
    _, content = points_site
    assert as_lines(problems_of(content, content.parent)) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_brief_page_opens_with_its_points_and_their_paragraph_links(points_site, lang):
    site, _ = points_site
    page = site.page(f"{PREFIX[lang]}articles/acme-hires/")
    section = page.select_one("article .nb-keypoints")
    # first thing after the header, before the text
    assert section.find_previous_sibling().name == "header"
    assert "nb-brief__body" in section.find_next_sibling()["class"]
    assert section.h2.get_text(strip=True) == HEADING[lang]
    assert section["aria-labelledby"] == section.h2["id"]
    items = section.select("ul > li[data-fact=key-point]")
    assert len(items) == len(POINTS[lang])
    for item, (text, paragraphs) in zip(items, POINTS[lang]):
        links = item.select("a.nb-fact__source")
        assert [a["href"] for a in links] == [f"#p-{n}" for n in paragraphs]
        for link, number in zip(links, paragraphs):
            assert link.get_text() == f"¶{number}"
            assert link["aria-label"].endswith(str(number))
            assert page.find(id=f"p-{number}").name == "p"
            assert re.fullmatch(r"(person|company):[a-z-]+", link["data-subject"])
        said = copy.copy(item)  # the page is cached for the other tests: change a copy
        for link in said.select("a"):
            link.decompose()
        assert said.get_text(" ", strip=True) == text


def test_each_paragraph_link_names_whom_its_paragraph_names(points_site):
    site, content = points_site
    page = site.page("/en/articles/acme-hires/")
    subjects = [a["data-subject"] for a in page.select(".nb-keypoints a")]
    # the first the point names that the paragraph names too: paragraph 3 names Globex, not Jane Doe
    assert subjects == ["person:jane-doe", "person:john-roe", "person:jane-doe", "company:globex"]
    assert provenance.check(site.path, content) == []


def test_the_gate_refuses_a_point_whose_link_names_someone_its_paragraph_does_not(points_site, tmp_path):
    site, content = points_site
    copy = tmp_path / "site"
    copy.mkdir()
    subprocess.run(["cp", "-a", f"{site.path}/.", str(copy)], check=True)
    page = copy / "en/articles/acme-hires/index.html"
    text = page.read_text(encoding="utf-8")
    changed = text.replace('data-subject="company:globex" href="#p-3"', 'data-subject="person:john-roe" href="#p-3"', 1)
    assert changed != text
    page.write_text(changed, encoding="utf-8")
    assert provenance.check(copy, content) == [
        "en/articles/acme-hires/index.html: #p-3: paragraph p-3 does not name person:john-roe and is not marked “by context”"]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_feed_entry_leads_with_the_points(points_site, lang):
    site, _ = points_site
    feed = ET.parse(site.file(f"{PREFIX[lang]}feeds/atom.xml"))
    entry = next(e for e in feed.getroot().iter(f"{ATOM}entry") if "acme-hires" in e.find(f"{ATOM}id").text)
    content = entry.find(f"{ATOM}content").text
    points = re.match(r"<p><strong>(.*?)</strong></p><ul>(.*?)</ul>", content)
    assert points, content[:200]
    assert points.group(1) == HEADING[lang]
    items = re.findall(r"<li>(.*?)</li>", points.group(2))
    url = f"{PREFIX[lang]}articles/acme-hires/"
    for item, (text, paragraphs) in zip(items, POINTS[lang], strict=True):
        assert item == html.escape(text) + " " + " ".join(f'<a href="{url}#p-{n}">¶{n}</a>' for n in paragraphs)
    assert '<p id="p-1">' in content[points.end():]  # then the text itself


def test_the_share_card_leads_with_the_points_that_fit(points_site):
    from newsbrief.cardtext import brief_card

    class Brief:  # what brief_card reads of a brief
        title, summary, lang, key_points = "Acme hires", "The standfirst.", "en", [
            {"text": text, "paragraphs": p} for text, p in POINTS["en"]]
        date = None

    class Catalogue:
        ugettext = staticmethod(lambda text: text)

    card = brief_card(Brief, None, Catalogue)
    assert card.points == tuple(f"• {text}" for text, _ in POINTS["en"]) and card.lines == ("The standfirst.",)
    drawer = CardDrawer(str(ROOT / "theme/cards/card-bold.ttf"))
    drawn = [line for line, *_ in drawer.layout("en", "AI Talent Brief", card)]
    # the site, kicker, title; then every point, whole, and no standfirst
    assert " ".join(drawn[3:]) == " ".join(card.points)
    # points are drawn in order, each whole, until one does not fit
    too_long = "• " + "Jane Doe moved " * 40
    cut = CardText("Brief", "Acme hires", ("The standfirst.",), points=(card.points[0], too_long, card.points[1]))
    assert [line for line, *_ in drawer.layout("en", "AI Talent Brief", cut)][3:] == [card.points[0]]
    # a first point too long to be drawn whole: the card says the standfirst instead
    long = CardText("Brief", "Acme hires", ("The standfirst.",), points=(too_long, *card.points[1:]))
    assert [line for line, *_ in drawer.layout("en", "AI Talent Brief", long)][3:] == ["The standfirst."]


def test_the_synthetic_corpus_has_points_that_pass_the_checks(tmp_path):
    content = tmp_path / "content"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), "20", str(content)], check=True, capture_output=True)
    briefs = content_items("articles", content)
    with_points = {slug: versions for slug, versions in briefs.items() if "key_points" in versions["ar"]}
    assert 0 < len(with_points) < len(briefs)
    for versions in with_points.values():
        ar, en = versions["ar"]["key_points"], versions["en"]["key_points"]
        assert 3 <= len(ar) <= 5 and [p["paragraphs"] for p in ar] == [p["paragraphs"] for p in en]
    assert as_lines(problems_of(content, tmp_path)) == []
