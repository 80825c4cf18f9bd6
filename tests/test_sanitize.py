"""Raw HTML and injection: bodies keep only the allow-list, every removal is a warning
naming the file, and front-matter values are always escaped."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from newsbrief.sanitize import ALLOWED, sanitize
from support import edit

BRIEF = "acme-hires"  # of the mini fixture
AR_FILE = f"content/articles/{BRIEF}.ar.md"
EN_FILE = f"content/articles/{BRIEF}.en.md"

# One of each thing the allow-list removes, as an editor might paste it into a body.
HOSTILE = """
<script>alert("script")</script>

<style>body { display: none }</style>

<iframe src="https://evil.example/"><p>framed</p></iframe>

Click <a href="javascript:alert('js')" onclick="alert('click')">here</a> or
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">there</a>,
see <img src="data:image/png;base64,iVBORw0KGgo=" alt="pixel" onerror="alert('img')">
and <a href=" JaVaScRiPt:alert('case')">this</a>.
"""
# Allowed raw HTML, which must come through unchanged.
FRIENDLY = """
Allowed: <abbr title="Orbit Vision Lab">OVL</abbr>,
<span dir="ltr" lang="en">PyTorch</span>, <sub>2</sub>, <sup>3</sup>,
<img src="charts/chart.png" alt="chart"> and <a href="https://example.org/" title="t">a link</a>.
"""


# --- the sanitiser on its own -----------------------------------------------------------

def test_allowed_markup_is_kept():
    html = ('<p><a href="/people/x/" title="t">x</a> <em>e</em> <strong>s</strong> '
            '<code>c</code> <bdi dir="ltr" lang="en">B</bdi> <span dir="rtl" lang="ar">ع</span> '
            '<abbr title="A">a</abbr> <img src="https://e.org/i.png" alt="i"> <img src="i.png" alt="j">'
            '<sup>1</sup><sub>2</sub><br></p><hr><h2>h</h2><h3>h</h3><h4>h</h4>'
            '<ul><li>l</li></ul><ol><li>l</li></ol><blockquote><p>q</p></blockquote><pre><code>x</code></pre>'
            '<table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>')
    clean, removed = sanitize(html, "content/x.ar.md")
    assert removed == []
    assert clean == html.replace('title="t">', 'title="t" rel="noopener noreferrer">')


@pytest.mark.parametrize("html, kept, reported", [
    ('<script>alert(1)</script>ok', "ok", "removed <script> and its content"),
    ('<style>p{}</style>ok', "ok", "removed <style> and its content"),
    ('<iframe src="https://e.org"></iframe>ok', "ok", "removed <iframe> and its content"),
    ('<p onclick="x()">ok</p>', "<p>ok</p>", "the event-handler attribute `onclick` of <p>"),
    ('<a href="javascript:alert(1)">ok</a>', '<a rel="noopener noreferrer">ok</a>', "the `javascript:` URL of <a href>"),
    ('<a href="java&#x09;script:alert(1)">ok</a>', '<a rel="noopener noreferrer">ok</a>', "the `javascript:` URL of <a href>"),
    ('<a href="data:text/html,x">ok</a>', '<a rel="noopener noreferrer">ok</a>', "the `data:` URL of <a href>"),
    ('<img src="data:image/png;base64,AA" alt="ok">', '<img alt="ok">', "the `data:` URL of <img src>"),
    ('<img src="http://e.org/i.png" alt="ok">', '<img alt="ok">', "the `http:` URL of <img src>"),
    ('<font color="red">ok</font>', "ok", "removed <font> (its text is kept)"),
    ('<h1>ok</h1>', "ok", "removed <h1> (its text is kept)"),
    ('<p style="color:red" class="x">ok</p>', "<p>ok</p>", "the `style` attribute of <p>"),
    ('<a href="/x" target="_blank">ok</a>', '<a href="/x" rel="noopener noreferrer">ok</a>', "the `target` attribute of <a>"),
])
def test_each_removal_is_made_and_reported(html, kept, reported):
    clean, removed = sanitize(html, "content/people/x.en.md")
    assert clean == kept
    assert removed and all(m.startswith("content/people/x.en.md: removed ") for m in removed)
    assert any(reported in m for m in removed), removed
    assert all(" — " in m for m in removed), "every message says what is allowed"


def test_the_allow_list_is_the_documented_one():
    assert {"p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h2", "h3", "h4",
            "table", "thead", "tbody", "tr", "th", "td", "bdi", "span", "abbr", "img", "sup", "sub",
            "br", "hr"} <= set(ALLOWED)
    assert not {"script", "style", "iframe", "h1", "form", "input", "object"} & set(ALLOWED)
    assert ALLOWED["a"] == {"href", "title"} and ALLOWED["img"] == {"src", "alt"}
    assert ALLOWED["span"] == {"dir", "lang"} and ALLOWED["abbr"] == {"title"}
    assert not any(name.startswith("on") or name in ("style", "class") for names in ALLOWED.values() for name in names)


# --- through a real build -----------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(variant_site):
    def change(content):
        for lang in ("ar", "en"):
            edit(content / f"articles/{BRIEF}.{lang}.md", append=HOSTILE + FRIENDLY)
        edit(content / f"articles/{BRIEF}.en.md",
             title='Departures <script>alert("title")</script> at Orbit',
             summary='A summary with <img src=x onerror=alert("summary")> inside.',
             translator_note='<b onmouseover=alert("note")>note</b>')
        edit(content / "people/jane-doe.en.md", name='Jane Doe <script>alert("name")</script>',
             aliases=["Jane Doe"], role='<iframe src="https://evil.example/">role</iframe>')

    return variant_site([change], name="hostile")


def all_pages(site):
    for name in site.html_files():
        yield name, BeautifulSoup((site.path / name).read_text(encoding="utf-8"), "lxml")


def test_nothing_dangerous_reaches_any_page(hostile_site):
    for name, page in all_pages(hostile_site):
        # The one script element allowed is our JSON-LD data block, which browsers never run.
        scripts = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        if name.endswith("search/index.html"):  # and the theme's own search script there
            scripts = [s for s in scripts if s.get("src") != "/theme/search/search.js"]
        assert scripts + page.find_all(["style", "iframe", "object", "embed"]) == [], name
        for data in page.find_all("script", type="application/ld+json"):
            json.loads(data.string)
        for element in page.find_all(True):
            for attribute, value in element.attrs.items():
                assert not attribute.startswith("on"), (name, element)
                if attribute in ("href", "src"):
                    url = re.sub(r"[\x00-\x20]", "", value).lower()
                    assert not url.startswith(("javascript:", "data:")), (name, element)
    for feed in ("feeds/atom.xml", "en/feeds/atom.xml"):
        text = (hostile_site.path / feed).read_text(encoding="utf-8")
        assert "javascript:" not in text.lower() and "onclick" not in text and "<script" not in text


@pytest.mark.parametrize("url", [f"/articles/{BRIEF}/", f"/en/articles/{BRIEF}/"])
def test_the_text_and_the_allowed_markup_survive(hostile_site, url):
    body = hostile_site.page(url).select_one(".nb-brief__body")
    text = body.get_text(" ")
    assert "Click" in text and "here" in text and "there" in text and "alert" not in text
    assert "framed" not in text, "an iframe goes with its content"
    assert body.select_one('abbr[title="Orbit Vision Lab"]')
    assert body.select_one('span[dir="ltr"][lang="en"]')
    assert body.select_one('img[src="charts/chart.png"][alt="chart"]')
    assert body.select_one('img[alt="pixel"]') and not body.select_one('img[alt="pixel"]').get("src")
    link = body.select_one('a[href="https://example.org/"]')
    assert link["rel"] == ["noopener", "noreferrer"] and link["title"] == "t"
    ids = [p["id"] for p in body.select("p[id]")]  # the brief's own paragraphs, then the ones added
    assert len(ids) > 3 and ids == [f"p-{n}" for n in range(1, len(ids) + 1)]


def test_every_removal_is_a_warning_naming_the_file(hostile_site):
    for path in (AR_FILE, EN_FILE):
        mine = [w for w in hostile_site.warnings if w.startswith(f"{path}:") and ": body: removed " in w]
        for expected in ("<script> and its content", "<style> and its content", "<iframe> and its content",
                         "the event-handler attribute `onclick` of <a>",
                         "the event-handler attribute `onerror` of <img>",
                         "the `javascript:` URL of <a href>", "the `data:` URL of <a href>",
                         "the `data:` URL of <img src>"):
            assert any(expected in w for w in mine), (path, expected, mine)
    # front-matter is escaped, never sanitised: no warning for it
    assert not any(w.startswith("content/people/jane-doe") for w in hostile_site.warnings)
    assert all(w.startswith((AR_FILE, EN_FILE)) for w in hostile_site.warnings), hostile_site.warnings


def test_front_matter_values_are_escaped(hostile_site):
    brief = hostile_site.page(f"/en/articles/{BRIEF}/")
    # shown as typed, in the house style's quotation marks (newsbrief.housestyle)
    assert brief.h1.get_text() == 'Departures <script>alert(“title”)</script> at Orbit'
    assert 'alert(“title”)' in brief.title.get_text()
    # summaries pass through `striptags` before escaping: tag-like text is dropped, never markup
    standfirst = brief.select_one(".nb-brief__standfirst")
    assert standfirst.find(True) is None and standfirst.get_text().startswith("A summary with")
    assert brief.find("meta", attrs={"name": "description"})["content"].startswith("A summary with")
    assert brief.select_one(".nb-note").find("b") is None
    assert any("<b onmouseover=alert(“note”)>note</b>" in note.get_text() for note in brief.select(".nb-note"))
    person = hostile_site.page("/en/people/jane-doe/")
    assert person.h1.get_text() == 'Jane Doe <script>alert(“name”)</script>'
    assert person.select_one(".nb-profile__role").get_text() == '<iframe src=“https://evil.example/”>role</iframe>'
    raw = (hostile_site.path / "en/people/jane-doe/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in raw and "<iframe" not in raw
    chip = brief.select_one('.nb-mentions a[href="/en/people/jane-doe/"]')
    assert chip.get_text() == 'Jane Doe <script>alert(“name”)</script>'
