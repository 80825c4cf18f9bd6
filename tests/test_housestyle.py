"""One house style per language (issue 22; docs/editing.md, "House style"): the build sets
the quotation marks of each language and keeps a number on the line of the word it counts;
the catalogues use one word per thing and British spelling; `make check` points out American
spelling in the content (its case: tests/fixtures/bad/us-spelling)."""

import re

import pytest
from babel.messages.pofile import read_po
from newsbrief.housestyle import typeset, typeset_html, typeset_value, us_spellings
from support import MINI, ROOT, build, copy_content, read, write

NBSP = "\u00a0"


@pytest.mark.parametrize("typed, shown", [
    ('قال "الفريق يكبر" أمس', "قال «الفريق يكبر» أمس"),
    ("قال “الفريق يكبر” و”ثانٍ“", "قال «الفريق يكبر» و«ثانٍ»"),
    ('"أ" و"ب"', "«أ» و«ب»"),
])
def test_arabic_quotes_become_guillemets(typed, shown):
    assert typeset(typed, "ar") == shown


@pytest.mark.parametrize("typed, shown", [
    ('Orbit\'s "bold" plan', "Orbit’s “bold” plan"),
    ("as 'they' say, it's done", "as ‘they’ say, it’s done"),
    ("“already curly”", "“already curly”"),
])
def test_english_quotes_and_apostrophes_become_curly(typed, shown):
    assert typeset(typed, "en") == shown


@pytest.mark.parametrize("lang, typed, shown", [
    ("ar", "أمضى 12 عاماً في أوربت", f"أمضى 12{NBSP}عاماً في أوربت"),
    ("ar", "أمضى ١٢ عاماً", f"أمضى ١٢{NBSP}عاماً"),
    ("en", "spent 12 years at Orbit", f"spent 12{NBSP}years at Orbit"),
    ("en", "in 2026, and 3 - 2", "in 2026, and 3 - 2"),  # only before a word
])
def test_a_number_is_joined_to_the_word_after_it(lang, typed, shown):
    assert typeset(typed, lang) == shown


def test_html_text_is_typeset_never_its_tags_or_code():
    html = ('<p>قال "<a href="/x/" title="a &quot;b&quot;">أوربت</a>" إن 8 موظفين غادروا</p>'
            '<p>"بلا إغلاق</p><p>"جديد"</p><pre><code>x = "12 y"</code></pre>')
    assert typeset_html(html, "ar") == (
        f'<p>قال «<a href="/x/" title="a &quot;b&quot;">أوربت</a>» إن 8{NBSP}موظفين غادروا</p>'
        '<p>«بلا إغلاق</p><p>«جديد»</p><pre><code>x = "12 y"</code></pre>')


def test_front_matter_values_are_typeset_in_their_own_language():
    value = {"quote": {"ar": 'قال "نعم"', "en": 'He said "yes"'}, "url": 'https://e.com/?q="a b"', "n": 3}
    assert typeset_value(value, "ar") == {"quote": {"ar": "قال «نعم»", "en": "He said “yes”"},
                                          "url": 'https://e.com/?q="a b"', "n": 3}


def test_the_built_pages_show_the_house_style(tmp_path):
    """Straight quotes typed in the mini corpus's brief: «» on the Arabic page, “” on the English."""
    content = copy_content(tmp_path, MINI)
    for lang, title, line in (("ar", 'أكمي "تتوسع" بسرعة', 'وقال جون رو: "الفريق يكبر" منذ 3 أشهر.'),
                              ("en", 'Acme "grows" fast', 'John Roe said: "the team is growing" for 3 months.')):
        front, body = read(content / f"articles/acme-hires.{lang}.md")
        front["title"] = title
        paragraphs = body.strip().split("\n\n")
        paragraphs[1] = line.replace("جون رو", "جون رو") if lang == "ar" else line
        write(content / f"articles/acme-hires.{lang}.md", front, "\n" + "\n\n".join(paragraphs) + "\n")
    site = build(tmp_path, content=content)
    ar, en = site.page("/articles/acme-hires/"), site.page("/en/articles/acme-hires/")
    assert ar.h1.get_text() == "أكمي «تتوسع» بسرعة" and en.h1.get_text() == "Acme “grows” fast"
    assert f"«الفريق يكبر» منذ 3{NBSP}أشهر" in ar.select_one("#p-2").get_text()
    assert f"“the team is growing” for 3{NBSP}months" in en.select_one("#p-2").get_text()
    assert '"' not in ar.find("title").get_text() + en.find("title").get_text()


# --- the site's own words ----------------------------------------------------------------------

def strings(lang):
    """Every interface string as the reader sees it in `lang` (msgstr, or the msgid it falls back to)."""
    with open(ROOT / f"theme/translations/{lang}/LC_MESSAGES/messages.po", "rb") as po:
        catalogue = read_po(po)
    shown = []
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        shown += [t for t in texts if t] or list(ids)
    return shown


def test_one_word_for_a_move_and_for_a_startup():
    guide = (ROOT / "docs/editing.md").read_text(encoding="utf-8")
    assert "| move (moves) | تنقل (التنقلات)" in guide and "| startup | شركة ناشئة |" in guide
    arabic = [s for s in strings("ar") if re.search("انتقالات|انتقالان|انتقالًا|انتقالاً", s)]
    english = [s for s in strings("en") if re.search(r"\b[Ss]tart-ups?\b", s)]
    assert arabic == [] and english == []


def test_the_site_spells_english_the_british_way():
    found = [(s, us_spellings(s)) for s in strings("en") if us_spellings(s)]
    for template in (ROOT / "theme/templates").rglob("*.html"):
        text = re.sub(r"<[^>]+>|\{[{%#].*?[}%#]\}", " ", template.read_text(encoding="utf-8"), flags=re.S)
        found += [(template.name, us_spellings(text))] if us_spellings(text) else []
    assert found == []
    assert us_spellings("Organization and color, analyzed") == [
        ("Organization", "Organisation"), ("color", "colour"), ("analyzed", "analysed")]
