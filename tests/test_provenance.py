"""Every fact shows where it comes from, wherever it appears (issue 11): the provenance gate
over the build of the truth fixture (tests/fixtures/truth: Orbit and its lab, Nimbus, Kestrel;
Omar Nasser's Kestrel → Orbit move is inferred, with a note), and proof that it fails on a
wrong paragraph or a missing source. (tests/test_real_content.py runs the gate on the real site.)"""

import re
import shutil

import pytest
from gates import provenance
from newsbrief.housestyle import typeset
from pelican.settings import get_settings_from_file
from support import (
    PREFIX,
    ROOT,
    TRUTH,
    company_moves,
    copy_cut,
    edit,
    published_items,
    read,
    truth_fixture_site,
)

BRIEF = "orbit-departures"
PERSON = "omar-nasser"  # a role and two moves, cited in paragraph 3
HOME_MOVES = get_settings_from_file(str(ROOT / "pelicanconf.py"))["HOME_MOVES"]


site, server = truth_fixture_site()  # `site` and `server` here are the truth fixture's



def test_every_fact_links_a_paragraph_that_names_its_subject(site):
    assert provenance.check(site.path, TRUTH) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_facts_are_marked_on_every_kind_of_page(site, lang):
    counts = {}
    for url in ("", f"people/{PERSON}/", "companies/orbit/", "companies/kestrel/"):
        page = site.page(PREFIX[lang] + url)
        counts[url] = (len(page.select("[data-fact]")), len(page.select("a.nb-fact__source")))
    people, companies = published_items("people", TRUTH), published_items("companies", TRUTH)
    moves = [m for v in people.values() for m in v["ar"].get("moves") or []]
    shown = min(len(moves), HOME_MOVES)
    assert counts[""] == (shown, shown), "one row per move on the home page, each with its paragraph"
    assert counts[f"people/{PERSON}/"] == (3, 3), "role and two moves"
    # type, parent; who joined and who left (Orbit or its lab); the stated counts; the
    # companies moved with; the parts it includes
    joined, left = (found.get("orbit", []) for found in company_moves(TRUTH))
    partners = {m.get("to") for m in left} | {m.get("from") for m in joined}
    stated = len(companies["orbit"]["ar"].get("counts") or [])
    parts = [s for s, v in companies.items() if v["ar"].get("parent") == "orbit"]
    assert stated and parts and joined and left, "the fixture has each kind of fact"
    assert counts["companies/orbit/"][0] == 2 + len(joined) + len(left) + stated + len(partners - {None}) + len(parts)


@pytest.fixture(scope="module")
def wrong_paragraph_site(site, tmp_path_factory):
    """The site with every link about Omar Nasser to paragraph 3 pointing at paragraph 2,
    which names Sara Haddad, not him (the checks refuse such content, tests/fixtures/bad/
    citation-does-not-name: this is the gate's own proof, on pages a faulty template could write)."""
    copy = tmp_path_factory.mktemp("wrong-paragraph") / "site"
    shutil.copytree(site.path, copy)
    for page in copy.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = re.sub(rf'(data-subject="person:{PERSON}" href="[^"]*#p-)3"', r'\g<1>2"', text)
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    return copy, TRUTH


def test_the_gate_fails_on_a_fact_citing_the_wrong_paragraph(wrong_paragraph_site):
    site, content = wrong_paragraph_site
    problems = provenance.check(site, content)
    wrong = [p for p in problems if f"does not name person:{PERSON}" in p]
    pages = {p.split(":")[0] for p in wrong}
    for prefix in ("", "en/"):
        for page in ("index.html", f"people/{PERSON}/index.html", "companies/orbit/index.html",
                     "companies/nimbus/index.html", "companies/kestrel/index.html"):
            assert prefix + page in pages, (prefix + page, problems)
    assert len(wrong) == len(problems)


def test_the_gate_fails_on_a_fact_without_a_source(site, tmp_path):
    copy = copy_cut(site.path, tmp_path, "en/companies/orbit/index.html", '<a class="nb-fact__source"', "</a>")
    problems = provenance.check(copy, TRUTH)
    assert len(problems) == 1 and problems[0].startswith("en/companies/orbit/index.html: type “")


def test_the_gate_fails_on_an_unmarked_fact(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    page = copy / f"people/{PERSON}/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(' data-fact="move"', "", 1), encoding="utf-8")
    problems = provenance.check(copy, TRUTH)
    assert [p.split(":")[0] for p in problems] == [f"people/{PERSON}/index.html"]
    assert "without data-fact" in problems[0]


# --- what the pages show -----------------------------------------------------------------

@pytest.mark.parametrize("lang, label", [("ar", "الفقرة {}"), ("en", "paragraph {}")])
def test_paragraph_numbers_in_the_margin_link_their_paragraph(site, lang, label):
    body = site.page(f"{PREFIX[lang]}articles/{BRIEF}/").select_one(".nb-brief__body")
    paragraphs = body.select("p[id^=p-]")
    assert paragraphs, "numbered from 1, in order (however many the brief has)"
    for number, paragraph in enumerate(paragraphs, start=1):
        mark = paragraph.select_one("a.nb-paranum")
        assert mark["href"] == f"#p-{number}" and mark["data-n"] == str(number)
        assert mark["aria-label"] == label.format(number)
        assert mark.get_text() == "", "the number is generated content: not copied with the text"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_notes_travel_with_inferred_moves(site, lang):
    """Omar Nasser's Kestrel → Orbit move is inferred: its note is beside it on the person,
    company and home pages."""
    notes = {slug: read(TRUTH / f"people/{slug}.ar.md")[0]["moves"][0]["note"][lang] for slug in (PERSON,)}
    home = site.page(PREFIX[lang])
    orbit = site.page(f"{PREFIX[lang]}companies/orbit/").select('[data-flow="in"] .nb-flows__people > li')
    kestrel = site.page(f"{PREFIX[lang]}companies/kestrel/").select('[data-flow="out"] .nb-flows__people > li')
    for slug, note in notes.items():
        person = site.page(f"{PREFIX[lang]}people/{slug}/")
        assert note in person.select(".nb-timeline__item")[0].get_text()
        for rows in (orbit, kestrel, home.select(".nb-table tr[data-fact]")):
            theirs = [r for r in rows if r.select_one(f'a[href$="/people/{slug}/"]')]
            noted = [r.select_one("details.nb-fact__note") for r in theirs if r.select_one("details.nb-fact__note")]
            assert len(noted) == 1 and noted[0].summary and note in noted[0].get_text(), (slug, theirs)




@pytest.mark.parametrize("lang, labels", [("ar", {"editor_note": "ملاحظة التحرير", "translator_note": "ملاحظة المترجم"}),
                                          ("en", {"editor_note": "Editor’s note", "translator_note": "Translator’s note"})])
def test_the_notes_of_each_brief_are_shown_as_written_and_in_its_feed(site, lang, labels):
    feed = (site.path / f"{PREFIX[lang].lstrip('/')}feeds/atom.xml").read_text(encoding="utf-8")
    briefs = published_items("articles", TRUTH)
    assert any(versions[lang].get(field) for versions in briefs.values() for field in labels), "a note to show"
    for slug, versions in briefs.items():
        page = site.page(f"{PREFIX[lang]}articles/{slug}/")
        for field, label in labels.items():
            note = page.select_one(f'.nb-note[aria-label="{label}"]')
            written = versions[lang].get(field)
            assert (note is not None) == bool(written), (slug, field)
            if written:
                assert " ".join(written.split()) in " ".join(note.get_text().split()) and label in feed


@pytest.mark.parametrize("lang, credit", [("ar", "مستند إلى مقال من"), ("en", "Based on an article from")])
def test_the_source_is_credited_without_an_address(site, lang, credit):
    page = site.page(f"{PREFIX[lang]}articles/{BRIEF}/")
    line = page.select_one(".nb-brief__credit")
    assert credit in line.get_text() and SOURCE["name"] in line.get_text() and not line.select("a")
    feed = (site.path / f"{PREFIX[lang].lstrip('/')}feeds/atom.xml").read_text(encoding="utf-8")
    assert credit in feed


# --- corrections, the source's address, the edit link: a changed copy of the content ------

CORRECTIONS = [
    {"date": "2026-11-30", "text": {"ar": "صُحّحت ترجمة «منصة» في الفقرة 4.", "en": "The translation of «منصة» in paragraph 4 was corrected."}},
    {"date": "2026-12-03", "text": {"ar": "صُحّحت ترجمة «في المقابل» في الفقرة 5.", "en": "The translation of «في المقابل» in paragraph 5 was corrected."}},
]
SOURCE = {"name": "Example Wire", "url": "https://wire.example/orbit-departures", "title": "Orbit's team hit by departures"}
ALIASES = ["OVL", "Orbit Vision Laboratory"]  # the lab's other English names: never shown as its name
REPO = "https://github.com/example/newsbrief"


@pytest.fixture(scope="module")
def corrected_site(variant_site):
    def change(content):
        for lang in ("ar", "en"):
            edit(content / f"articles/{BRIEF}.{lang}.md", corrections=CORRECTIONS, source=SOURCE)
        edit(content / "companies/orbit-vision.en.md", aliases=ALIASES)

    return variant_site([change], {"REPO_URL": REPO}, source=TRUTH, name="corrected")


def test_one_english_name_for_a_company_with_aliases(corrected_site):
    name = read(TRUTH / "companies/orbit-vision.en.md")[0]["name"]
    assert corrected_site.page("/en/companies/orbit-vision/").h1.get_text() == name
    brief = corrected_site.page(f"/en/articles/{BRIEF}/")
    assert brief.select_one('.nb-mentions a[href="/en/companies/orbit-vision/"]').get_text() == name


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_corrections_are_shown_at_the_end_and_announced_at_the_top(corrected_site, lang):
    page = corrected_site.page(f"{PREFIX[lang]}articles/{BRIEF}/")
    top = page.select_one(".nb-brief__header .nb-brief__corrected a")
    assert top["href"] == "#corrections" and ("2" in top.get_text())
    listed = page.select("#corrections li")
    assert [li.time["datetime"] for li in listed] == ["2026-12-03", "2026-11-30"], "newest first"
    assert typeset(CORRECTIONS[1]["text"][lang], lang) in listed[0].get_text()  # in the house style


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_corrections_update_modified_and_the_feed(corrected_site, site, lang):
    feed = (corrected_site.path / f"{PREFIX[lang].lstrip('/')}feeds/atom.xml").read_text(encoding="utf-8")
    assert "<updated>2026-12-03T00:00:00" in feed
    assert typeset(CORRECTIONS[0]["text"][lang], lang) in feed and typeset(CORRECTIONS[1]["text"][lang], lang) in feed
    plain = (site.path / f"{PREFIX[lang].lstrip('/')}feeds/atom.xml").read_text(encoding="utf-8")
    assert f"<updated>{published_items('articles', TRUTH)[BRIEF]['en']['date']}T00:00:00" in plain


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_corrections_page_lists_every_correction_newest_first(corrected_site, site, lang):
    page = corrected_site.page(f"{PREFIX[lang]}corrections/")
    rows = page.select(".nb-corrections-list li")
    assert [li.time["datetime"] for li in rows] == ["2026-12-03", "2026-11-30"]
    assert rows[0].a["href"] == f"{PREFIX[lang]}articles/{BRIEF}/#corrections"
    assert not site.page(f"{PREFIX[lang]}corrections/").select(".nb-corrections-list li")
    sitemap = "".join(f.read_text(encoding="utf-8") for f in (site.path / "sitemaps").glob("*.xml"))
    assert f"<loc>{PREFIX[lang]}corrections/</loc>" in sitemap


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_source_address_is_linked_on_the_brief_and_in_the_feed(corrected_site, lang):
    credit = corrected_site.page(f"{PREFIX[lang]}articles/{BRIEF}/").select_one(".nb-brief__credit")
    assert credit.a["href"] == SOURCE["url"] and credit.a.get_text() == typeset(SOURCE["title"], lang)
    assert SOURCE["name"] in credit.get_text()
    feed = (corrected_site.path / f"{PREFIX[lang].lstrip('/')}feeds/atom.xml").read_text(encoding="utf-8")
    assert f'href="{SOURCE["url"]}"' in feed.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")


def test_every_page_links_the_edit_page_of_its_own_source(corrected_site, site):
    expected = {
        "/": "theme/templates/home.html", "/en/people/": "theme/templates/index.html",
        "/en/corrections/": "theme/templates/corrections.html",
        f"/articles/{BRIEF}/": f"content/articles/{BRIEF}.ar.md",
        f"/en/articles/{BRIEF}/": f"content/articles/{BRIEF}.en.md",
        f"/people/{PERSON}/": f"content/people/{PERSON}.ar.md",
        "/en/companies/orbit/": "content/companies/orbit.en.md", "/en/about/": "content/pages/about.en.md",
    }
    for url, path in expected.items():
        assert corrected_site.page(url).select_one("a.nb-footer__edit")["href"] == f"{REPO}/edit/main/{path}"
    for file in corrected_site.html_files():
        assert corrected_site.page(corrected_site.url_of(file)).select_one("a.nb-footer__edit"), file
    assert not any(site.page(site.url_of(f)).select("a.nb-footer__edit") for f in site.html_files())


@pytest.mark.parametrize("lang, name", [("ar", "الفقرة 5"), ("en", "paragraph 5")])
def test_in_chromium_numbers_show_are_named_and_are_not_copied(site, server, browser, lang, name):
    base = server
    page = browser.new_page(viewport={"width": 390, "height": 900})
    page.goto(f"{base}{PREFIX[lang]}articles/{BRIEF}/")
    link = page.get_by_role("link", name=name, exact=True)
    assert link.count() == 1 and link.is_visible()
    shown = page.evaluate("getComputedStyle(document.querySelector('#p-5 .nb-paranum'), '::before').content")
    assert shown == '"5"'
    copied = page.evaluate("""() => { const s = getSelection(); s.removeAllRanges();
        const r = document.createRange(); r.selectNodeContents(document.querySelector('.nb-brief__body'));
        s.addRange(r); return s.toString(); }""")
    first = site.page(f"{PREFIX[lang]}articles/{BRIEF}/").select_one("#p-1").get_text()
    assert copied.strip().startswith(first.strip()[:20]), copied[:40]
    box = page.locator("#p-5 .nb-paranum").bounding_box()
    text = page.locator("#p-5").bounding_box()
    side = box["x"] + box["width"] / 2 - text["x"]
    assert (side > text["width"] / 2) == (lang == "ar"), "in the margin on the side the text starts"
    page.close()
