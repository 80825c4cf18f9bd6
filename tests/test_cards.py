"""Share cards that carry the story (issue 22): what each card says, text fitted inside
the card (600×315) whatever its length, every script a name may be written in, and a warning naming
the file for a character no font has."""

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont
from newsbrief import cards as cards_module
from newsbrief.cards import BOTTOM, MARGIN, RULE, RULE_Y, SIZE, TITLE_SIZES, TOP, CardDrawer
from newsbrief.cardtext import CardText
from PIL import Image, ImageDraw
from support import MINI, ROOT, build, copy_content, read, write

FONT = ROOT / "theme/cards/card-bold.ttf"
LONG_HEADLINE = ("Ministers and researchers gather as the laboratory announces another round of departures "
                 "from its superintelligence team, ") * 3
LONG_WORD = "Superintelligencelaboratoryresearchersdepartingeverymonthxyz"
NAMES = ["Nguyễn Văn Đức", "Łukasz Żółćiński", "Ελένη Παπαδοπούλου", "Анна Каренина", "Dvořák Šťastný"]


@pytest.fixture(scope="module")
def drawer():
    return CardDrawer(str(FONT))


def paper_outside_the_text(path, lang):
    """True when every pixel beside the text column (the margins, not the accent rule) is paper."""
    with Image.open(path) as card:
        pixels = card.load()
        paper = pixels[SIZE[0] // 2, 8]  # the top edge is always paper
        width, height = SIZE
        if lang == "ar":  # rule on the right; the text column ends MARGIN from it
            columns = [*range(0, MARGIN + RULE - 4), *range(width - MARGIN + 4, width - RULE)]
        else:
            columns = [*range(RULE + 1, MARGIN - 4), *range(width - MARGIN - RULE + 4, width)]
        inked = sum(pixels[x, y] != paper for x in range(MARGIN + RULE, width - MARGIN - RULE) for y in range(TOP, BOTTOM))
        return inked > 0 and all(pixels[x, y] == paper for x in columns for y in range(height))


@pytest.mark.parametrize("lang, site", [("en", "AI Talent Brief"), ("ar", "موجز مواهب الذكاء الاصطناعي")])
@pytest.mark.parametrize("title, text", [
    (LONG_HEADLINE[:300], LONG_HEADLINE),
    (f"Hires {LONG_WORD} {LONG_WORD}", f"{LONG_WORD} {LONG_WORD} {LONG_WORD}"),
    ("موجة مغادرة " * 25, "كلمة" * 20),
])
def test_long_text_and_long_words_stay_inside_the_card(drawer, tmp_path, lang, site, title, text):
    assert len(LONG_WORD) == 60 and len(LONG_HEADLINE[:300]) == 300
    card = CardText("Brief", title, (text,), "28 November 2026")
    path = tmp_path / "card.png"
    drawer.draw(path, lang, site, card)
    assert paper_outside_the_text(path, lang)
    # Measured by the layout: every line's drawn box is inside the text column and above the rule.
    pen = ImageDraw.Draw(Image.new("L", SIZE))
    direction = "rtl" if lang == "ar" else "ltr"
    x, anchor = (SIZE[0] - MARGIN, "rs") if lang == "ar" else (MARGIN, "ls")
    lines = drawer.layout(lang, site, card)
    for line, size, baseline, _ in lines:
        left, _top, right, bottom = pen.textbbox((x, baseline), line, font=drawer.font(size), anchor=anchor, direction=direction)
        assert MARGIN - 4 + (RULE if lang == "ar" else 0) <= left and right <= SIZE[0] - MARGIN - (0 if lang == "ar" else RULE) + 4, line
        assert bottom <= SIZE[1] and (baseline > BOTTOM or bottom < RULE_Y), line  # the rule
    drawn = [line for line, size, *_ in lines if size >= TITLE_SIZES[-1]]  # the title's
    assert drawn[-1].endswith("…") or "".join(drawn).replace(" ", "") == title.replace(" ", "")


def test_the_card_is_large_enough_for_a_large_preview_and_its_text_readable():
    """Facebook shows a link's image large from 600×315 (X from 300×157), at 1.91:1; a card's
    smallest text (its footer) stays at 14 px, about the size a feed shows it at."""
    width, height = SIZE
    assert width >= 600 and height >= 315 and abs(width / height - 1.91) < 0.01
    assert cards_module.px(28) >= 14 and min(TITLE_SIZES) >= 20


def test_a_word_longer_than_a_line_is_broken_where_the_line_ends(drawer):
    font = drawer.font(72)
    lines = drawer.wrap(f"a {LONG_WORD}", font, 600, "ltr")
    assert lines[0] == "a" and "".join(lines[1:]) == LONG_WORD and len(lines) > 2
    assert all(font.getlength(line) <= 600 for line in lines)


def test_a_no_break_space_holds_a_number_to_its_noun(drawer):
    lines = drawer.wrap("أمضى\u00a012\u00a0عاماً في أوربت " * 6, drawer.font(56), 500, "rtl")
    assert all(not line.endswith("12") and not line.startswith("عاماً") for line in lines)


@pytest.mark.parametrize("name", NAMES)
def test_names_in_every_alphabet_have_their_glyphs(drawer, tmp_path, name):
    cmap = TTFont(FONT).getBestCmap()
    assert [c for c in name if c != " " and ord(c) not in cmap] == []
    assert drawer.missing(name) == []
    drawer.draw(tmp_path / "name.png", "en", "AI Talent Brief", CardText("Person", name, ("Orbit → Nimbus",)))


def test_what_no_font_has_is_left_out_of_the_card(drawer):
    assert drawer.missing("Haddad 🙂 Λ 中") == ["中", "🙂"]
    assert drawer.drawable("Karim 🙂 Haddad") == "Karim Haddad"


# --- on a built site ----------------------------------------------------------------------------

def catalogue(lang):
    with open(ROOT / f"theme/translations/{lang}/LC_MESSAGES/messages.po", "rb") as po:
        return read_po(po)


def _(lang, msgid):
    return catalogue(lang).get(msgid).string or msgid


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """The mini corpus (Globex's type left out, a smiley in a standfirst) built with a cache
    of its own: the site, its warnings and {(lang, title): card} of every card drawn."""
    tmp = tmp_path_factory.mktemp("cards")
    content = copy_content(tmp, MINI)
    front, body = read(content / "companies/globex.ar.md")
    del front["type"], front["type_source"]
    write(content / "companies/globex.ar.md", front, body)
    front, body = read(content / "articles/acme-hires.en.md")
    front["summary"] += " 🙂"
    write(content / "articles/acme-hires.en.md", front, body)
    seen = {}
    draw = cards_module.CardDrawer.draw
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cards_module.CardDrawer, "draw",
                      lambda self, path, lang, site, card, key="": (seen.__setitem__((lang, card.title), card), draw(self, path, lang, site, card, key)))
        site = build(tmp, content=content, overrides={"CACHE_PATH": str(tmp / "cache")})
    return site, seen


def test_each_card_says_what_its_page_is_about(drawn):
    _site, cards = drawn
    assert cards["en", "Acme hires a researcher from Globex"] == CardText(
        _("en", "Brief"), "Acme hires a researcher from Globex", ("The researcher Jane Doe moved from Globex to Acme AI.",),
        "15 January 2026")
    assert cards["en", "Jane Doe"] == CardText(_("en", "Person"), "Jane Doe", ("Researcher", "Globex → Acme AI"),
                                               "15 January 2026", (1,))
    assert cards["ar", "جين دو"].lines == ("باحثة", "غلوبكس ← أكمي للذكاء الاصطناعي")
    assert cards["ar", "جين دو"].footer == "15 يناير 2026"
    # A type only where a brief states it; and who joined and left.
    assert cards["en", "Acme AI"].kicker == _("en", "Start-up")
    assert cards["en", "Globex"] == CardText(_("en", "Organisation"), "Globex", ("Joined: 0 people · Left: 1 person",))
    assert cards["ar", "غلوبكس"].kicker == _("ar", "Organisation")


def test_a_character_no_font_has_is_a_warning_naming_the_file(drawn):
    site, cards = drawn
    assert [w for w in site.warnings if "share card" in w] == [
        "content/articles/acme-hires.en.md: share card: no font has “🙂” (U+1F642); the card leaves it out"
        " — write the name or title with letters of the Latin, Greek, Cyrillic or Arabic alphabets"]
    assert cards["en", "Acme hires a researcher from Globex"].lines[0].endswith("Acme AI.")  # drawn without it


def test_every_published_brief_person_and_company_has_a_card_in_each_language(drawn):
    site, _cards = drawn
    for lang in ("ar", "en"):
        assert sorted(p.relative_to(site.path / "cards" / lang).as_posix() for p in (site.path / "cards" / lang).rglob("*.png")) == [
            "article/acme-hires.png", "company/acme-ai.png", "company/globex.png",
            "person/jane-doe.png", "person/john-roe.png", "site.png"]  # the draft brief has none


def test_profiles_get_a_card_only_when_a_newest_brief_names_them(tmp_path):
    """SHARE_CARDS_PROFILE_BRIEFS = 1: a later brief names Jane Doe and Acme AI only, so they
    get their cards; John Roe and Globex, named only in the older brief, name no card (only the home page shows the site card).
    Every published brief keeps its card (the draft has none)."""
    content = copy_content(tmp_path, MINI)
    for lang in ("ar", "en"):
        front, body = read(content / f"articles/acme-hires.{lang}.md")
        first = body.strip().split("\n\n")[0]
        front.update(slug="acme-again", date="2026-01-20", people=["jane-doe"], companies=["acme-ai"])
        front.update(title=front["title"] + (" مجددًا" if lang == "ar" else " again"))
        write(content / f"articles/acme-again.{lang}.md", front, first + "\n")
    site = build(tmp_path / "site", content=content, overrides={"SHARE_CARDS_PROFILE_BRIEFS": 1,
                                                               "CACHE_PATH": str(tmp_path / "cache")})
    for lang, prefix in (("ar", ""), ("en", "en/")):
        cards = sorted(p.relative_to(site.path / "cards" / lang).as_posix() for p in (site.path / "cards" / lang).rglob("*.png"))
        assert cards == ["article/acme-again.png", "article/acme-hires.png", "company/acme-ai.png",
                         "person/jane-doe.png", "site.png"]
        for url, card in (("people/jane-doe/", "person/jane-doe.png"), ("companies/acme-ai/", "company/acme-ai.png"),
                          ("people/john-roe/", "site.png"), ("companies/globex/", "site.png"),
                          ("articles/acme-hires/", "article/acme-hires.png")):
            image = site.page(f"/{prefix}{url}").select_one('meta[property="og:image"]')
            # a page without a card of its own names none (only the home page shows the site card)
            assert (image and image["content"]) == (None if card == "site.png" else f"/cards/{lang}/{card}"), (lang, url)
