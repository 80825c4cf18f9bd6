"""From the design review of the screenshots: what a moves table says of timing, on a phone
and wide. A fixture site of its own: one move with a stated tenure, one with no time at all."""

from urllib.parse import unquote

import pytest
from gates.browser import opened
from gates.server import serve
from support import edit

PREFIX = {"ar": "/", "en": "/en/"}
# A field name in Arabic running text, long enough that a 360-px line ends somewhere near it.
# Each sentence a letter longer than the last, so line ends fall at every place around the code.
CODE_IN_ARABIC = "\n\n" + " ".join(f"ونعلّم{'ـ' * n} ما نستنتجه في البيانات (`basis: inferred`) مع ملاحظة." for n in range(24)) + "\n"
UNTIMED_MOVE = {"from": "globex", "to": "acme-ai", "source": {"article": "acme-hires", "paragraph": 2}}


@pytest.fixture(scope="module")
def design(variant_site):
    """The mini site, with John Roe's move from Globex to Acme AI: the brief gives no time for it."""
    return variant_site([lambda c: edit(c / "people/john-roe.ar.md", moves=[UNTIMED_MOVE]),
                         lambda c: edit(c / "pages/about.ar.md", append=CODE_IN_ARABIC)], name="design")


def rows(page):
    return {row.th.get_text(strip=True): row for row in page.select('.nb-table tr[data-fact="move"]')}


@pytest.mark.parametrize("lang, jane, john, tenure_note", [
    ("en", "after 3 years at Globex", "John Roe", "“After … at …” is how long"),
    ("ar", "بعد 3 أعوام في غلوبكس", "جون رو", "«بعد … في …» هي المدة"),
])
def test_a_tenure_is_the_time_of_a_move_and_no_time_is_said_once(design, lang, jane, john, tenure_note):
    page = design.page(f"{PREFIX[lang]}moves/")
    by_person = rows(page)
    jane_row = next(row for name, row in by_person.items() if name != john)
    assert jane_row.select_one(".nb-table__when").get_text(" ", strip=True).replace("\xa0", " ") == jane
    assert "nb-table__when--none" in by_person[john].select_one(".nb-table__when")["class"]
    assert tenure_note in page.select_one(".nb-table caption").get_text()
    # The brief's heading says once that timing not shown is not stated.
    assert page.select_one(".nb-table__brief .nb-table__untimed")


UNTIMED = """() => [...document.querySelectorAll('.nb-table__when, .nb-table__untimed')]
  .filter(el => el.getBoundingClientRect().height > 0).map(el => el.className)"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIX)
def test_phone_cards_leave_out_when_not_stated(design, browser, lang):
    with serve(design.path) as base:
        shown = {}
        for width in (360, 1280):
            with opened(browser, f"{base}{PREFIX[lang]}moves/", width=width) as (page, _record):
                shown[width] = page.evaluate(UNTIMED)
    assert sorted(shown[360]) == ["nb-table__untimed", "nb-table__when"]  # Jane's time, and the line
    assert sorted(shown[1280]) == ["nb-table__when", "nb-table__when nb-table__when--none"]


# --- the 404: GitHub Pages serves one /404.html for a missing path in either language --------

@pytest.mark.parametrize("lang, direction, home, brand, about", [
    ("ar", "rtl", "/", "موجز مواهب الذكاء الاصطناعي", "عن الموقع"),
    ("en", "ltr", "/en/", "AI Talent Brief", "About"),
])
def test_the_404_has_a_header_footer_and_half_of_its_own_in_each_language(design, lang, direction, home, brand, about):
    page = design.page("/404.html")
    assert page.select_one(".nb-lang-switch") is None  # no twin to switch to: both are here
    [name] = page.select(f'.nb-header a[lang="{lang}"]')
    assert (name["href"], name["dir"], name.get_text(strip=True)) == (home, direction, brand)
    [part] = page.select(f'.nb-not-found__part[lang="{lang}"]')
    assert part["dir"] == direction
    assert part.select_one("nav").select_one(f'a[href="{home}about/"]').get_text(strip=True) == about
    [foot] = page.select(f'.nb-footer [lang="{lang}"]')
    assert foot["dir"] == direction
    assert foot.select_one(f'a[href="{home}about/"]').get_text(strip=True) == about
    # each half offers "Report an error", its mail written in the half's language
    report = foot.select_one("a.nb-footer__report")
    assert report.get_text(strip=True) == {"ar": "أبلغ عن خطأ", "en": "Report an error"}[lang]
    assert {"ar": "subject=خطأ في: الصفحة غير موجودة", "en": "subject=Error on: Page not found"}[lang] in unquote(report["href"])
    # nothing of the page's furniture is left in one language only
    assert not page.select(".nb-nav, .nb-search-box")


LINES_OF_CODE = """() => [...document.querySelectorAll('.nb-prose code')].map(el => el.getClientRects().length)"""


@pytest.mark.browser
def test_code_in_arabic_text_never_breaks_over_two_lines(design, browser):
    """An isolate broken over two lines shows its halves in reverse order (the about page's
    «(basis: inferred)» on a phone)."""
    with serve(design.path) as base, opened(browser, f"{base}/about/", width=360) as (page, _record):
        page.evaluate("document.fonts.ready")
        lines = page.evaluate(LINES_OF_CODE)
    assert len(lines) >= 24 and set(lines) == {1}


@pytest.mark.parametrize("lang", PREFIX)
def test_mentioned_in_gives_each_briefs_paragraphs_and_no_second_list_names_it(design, lang):
    page = design.page(f"{PREFIX[lang]}people/jane-doe/")
    aside = page.select_one(".nb-layout__aside")
    briefs = [a["href"] for a in aside.select("a") if "/articles/" in a["href"] and "#" not in a["href"]]
    assert briefs and len(briefs) == len(set(briefs))  # each brief once in the aside
    [listed] = aside.select("#mentioned-title")
    cited = listed.find_parent("section").select("a.nb-sources__paragraph")
    assert cited and all(a["data-subject"] == "person:jane-doe" for a in cited)
    assert aside.select_one("#sources-title") is None  # every cited brief is listed above


# A fact's label and its value share a text line, though a value's pilcrow is a 44-px target,
# and the facts of a row share one too ("Type: Company ¶1   Part of: Not stated"; critique 33).
BASELINES = """() => [...document.querySelectorAll('.nb-profile__facts > div')].map(div => {
  const line = el => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects()[0].bottom; };
  return [line(div.querySelector('dt')), line(div.querySelector('dd'))]; })"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", PREFIX)
def test_a_fact_label_stands_on_the_line_of_its_value(design, browser, lang):
    with serve(design.path) as base, opened(browser, f"{base}{PREFIX[lang]}companies/acme-ai/", width=1280) as (page, _record):
        lines = page.evaluate(BASELINES)
    assert len(lines) >= 2
    bottoms = [bottom for pair in lines for bottom in pair]
    assert max(bottoms) - min(bottoms) < 2, lines
