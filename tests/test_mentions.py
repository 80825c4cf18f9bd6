"""Mentions link themselves: the first mention of each person and company in a brief links
to their page, in both languages; the names found are checked against the front-matter."""

import pytest
from newsbrief.matching import Matcher
from newsbrief.mentions import link_mentions
from support import PREFIX, by_context, edit, published_items, read, write

URLS = {"nova": "/companies/nova/", "orbit": "/companies/orbit/",
        "orbit-labs": "/companies/orbit-labs/", "qcl": "/companies/quantum-lab/",
        "lab": "/companies/lab/"}
MATCHER = Matcher({
    "Nova": "nova", "نوفا": "nova", "Orbit": "orbit", "أوربت": "orbit",
    "Orbit Labs": "orbit-labs", "أوربت لابز": "orbit-labs",
    "مختبر الحوسبة الكمية": "qcl", "QCL": "qcl", "الحوسبة الكمية": "lab",
})


def linked(html):
    return link_mentions(html, MATCHER, URLS)


def link(key, text):
    return f'<a class="nb-mention" href="{URLS[key]}">{text}</a>'


# --- the matcher ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Novadata", "NovaTrader", "novaverse", "the nova level", "TheNova", "Nova2"])
def test_no_partial_latin_word(text):
    assert linked(f"<p>{text} is here.</p>") == (f"<p>{text} is here.</p>", {})


@pytest.mark.parametrize("text", ["Nova's", "Nova’s", "Nova,", "(Nova)", "Nova.", "“Nova”"])
def test_latin_name_next_to_punctuation(text):
    html, found = linked(f"<p>At {text} today</p>")
    assert link("nova", "Nova") in html and found == {"nova": "Nova"}


@pytest.mark.parametrize("word, linked_text", [
    ("نوفا", "نوفا"), ("لنوفا", "لنوفا"), ("بنوفا", "بنوفا"), ("كنوفا", "كنوفا"), ("فنوفا", "فنوفا"),
    ("النوفا", "النوفا"), ("بالنوفا", "بالنوفا"), ("وبالنوفا", "بالنوفا"), ("ولنوفا", "لنوفا"),
])
def test_arabic_proclitics(word, linked_text):
    html, found = linked(f"<p>قال {word}، ثم غادر.</p>")
    assert link("nova", linked_text) in html, html
    assert found == {"nova": linked_text}


def test_conjunction_waw_stays_outside_the_link():
    html, _ = linked("<p>كستريل ونوفا</p>")
    assert html == f"<p>كستريل و{link('nova', 'نوفا')}</p>"


@pytest.mark.parametrize("word", ["نوفاها", "نوفاوي", "سنوفا", "نوفاَ", "أنوفا"])
def test_no_partial_arabic_word(word):
    assert linked(f"<p>{word} هنا</p>") == (f"<p>{word} هنا</p>", {})


def test_lam_before_the_article():
    html, found = linked("<p>انضم للحوسبة الكمية أمس</p>")
    assert link("lab", "للحوسبة الكمية") in html and found == {"lab": "للحوسبة الكمية"}


def test_longest_name_wins_and_each_profile_once():
    html, found = linked("<p>From Orbit Labs to Orbit, then Orbit Labs and Orbit again.</p>")
    assert html == ("<p>From " + link("orbit-labs", "Orbit Labs") + " to " + link("orbit", "Orbit")
                    + ", then Orbit Labs and Orbit again.</p>")
    assert list(found) == ["orbit-labs", "orbit"]
    html, found = linked("<p>أعلن عن مختبر الحوسبة الكمية ثم الحوسبة الكمية</p>")
    assert link("qcl", "مختبر الحوسبة الكمية") in html and link("lab", "الحوسبة الكمية") in html
    assert html.count("<a ") == 2


def test_existing_links_code_and_headings_are_untouched():
    source = ('<h2 id="x">Nova news</h2><p><a href="https://nova.example/">Nova</a> and <code>Nova</code>'
              '<pre><code>Orbit</code></pre></p><p id="p-2">Later, Nova and Orbit.</p>')
    html, found = linked(source)
    assert html == source.replace("Later, Nova and Orbit.",
                                  f"Later, {link('nova', 'Nova')} and {link('orbit', 'Orbit')}.")
    assert list(found) == ["nova", "orbit"], "a heading or a link still names it; code does not"


def test_a_whole_bdi_is_wrapped_so_it_stays_isolated():
    html, _ = linked("<p>مختبر (<bdi>QCL</bdi>)، ثم <bdi>QCL</bdi></p>")
    assert html == f'<p>مختبر (<a class="nb-mention" href="{URLS["qcl"]}"><bdi>QCL</bdi></a>)، ثم <bdi>QCL</bdi></p>'
    html, _ = linked("<p>من <bdi>Orbit Labs team</bdi></p>")
    assert html == f"<p>من <bdi>{link('orbit-labs', 'Orbit Labs')} team</bdi></p>"


def test_attributes_and_entities_are_never_matched():
    source = '<p title="Nova &gt; Orbit"><img alt="Nova" src="a.png">AT&amp;T &amp; Orbit</p>'
    html, found = linked(source)
    assert html == source.replace("&amp; Orbit", f"&amp; {link('orbit', 'Orbit')}")
    assert list(found) == ["orbit"]
    entities = Matcher({"amp": "amp", "gt": "gt", "x27": "x27"})
    assert link_mentions("<p>a &amp; b &gt; c&#x27;s</p>", entities, {"amp": "/a/"})[1] == {}


def test_unknown_url_is_found_but_not_linked():
    html, found = link_mentions("<p>Nova</p>", MATCHER, {})
    assert html == "<p>Nova</p>" and found == {"nova": "Nova"}


# --- a built site: the mini fixture (tests/fixtures/mini), its brief acme-hires -----------------

BRIEF = "acme-hires"
# the brief names Jane Doe again, and the Arabic text holds Latin words
AGAIN = {"ar": "\n\nوقالت جين دو إنها ستعمل على وحدات GPU من طراز X100.\n",
         "en": "\n\nJane Doe said she will work on X100 GPUs.\n"}


def mention_links(site, lang, slug):
    body = site.page(f"{PREFIX[lang]}articles/{slug}/").select_one(".nb-brief__body")
    return body, body.select("a.nb-mention")


@pytest.fixture(scope="module")
def mini_site(variant_site):
    def change(content):
        for lang, text in AGAIN.items():
            edit(content / f"articles/{BRIEF}.{lang}.md", append=text)

    return variant_site([change], name="mentions-mini")


@pytest.mark.parametrize("lang, name", [("ar", "جين دو"), ("en", "Jane Doe")])
def test_the_first_of_two_mentions_links_to_the_page(mini_site, lang, name):
    body, links = mention_links(mini_site, lang, BRIEF)
    to_her = [a for a in links if a["href"] == f"{PREFIX[lang]}people/jane-doe/"]
    assert len(to_her) == 1 and to_her[0].get_text() == name
    named = [s for s in body.find_all(string=True) if name in s]
    assert len(named) == 2 and named[0].parent is to_her[0], "the first mention is the linked one"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_listed_profile_is_linked_once_in_the_text(mini_site, lang):
    briefs = published_items("articles", mini_site.content)
    assert briefs
    for slug, versions in briefs.items():
        body, links = mention_links(mini_site, lang, slug)
        hrefs = [a["href"] for a in links]
        expected = [f"{PREFIX[lang]}people/{p}/" for p in versions[lang]["people"]]
        expected += [f"{PREFIX[lang]}companies/{c}/" for c in versions[lang]["companies"]]
        assert sorted(hrefs) == sorted(expected)
        assert not body.select("h1 a, h2 a, h3 a, h4 a, code a, pre a, a a")


def test_arabic_latin_mention_stays_isolated(mini_site):
    body, _ = mention_links(mini_site, "ar", BRIEF)
    latin = body.find_all(string=lambda s: any("a" <= c.lower() <= "z" for c in s))
    assert latin, "the brief holds Latin words"
    for text in latin:
        assert text.parent.name == "bdi", text


@pytest.fixture(scope="module")
def changed_site(variant_site):
    """acme-hires with an English heading naming Jane Doe and Acme AI; John Roe left out of
    `people` though both texts name him; Globex kept in `companies` though the English text
    now names it only by context (its citations say so)."""
    def change(content):
        edit(content / f"articles/{BRIEF}.ar.md", people=["jane-doe"])
        edit(content / f"articles/{BRIEF}.en.md", people=["jane-doe"], prepend="\n## Jane Doe and Acme AI\n",
             replace=[("from Globex to", "from her former employer to"), ("Globex did", "Her former employer did")])
        for path in (content / "companies/globex.ar.md", content / "people/jane-doe.ar.md"):
            front, _ = read(path)
            edit(path, **{key: by_context(front[key]) for key in ("sources", "type_source", "moves") if key in front})

    return variant_site([change], name="mentions")


def test_a_heading_is_not_linked(changed_site):
    body, links = mention_links(changed_site, "en", BRIEF)
    assert body.h2.get_text() == "Jane Doe and Acme AI" and body.h2.find("a") is None
    assert [a.get_text() for a in links if a["href"] == "/en/people/jane-doe/"] == ["Jane Doe"]
    assert body.select_one("p#p-1 a[href='/en/people/jane-doe/']")


def test_differences_with_the_front_matter_are_warnings(changed_site):
    path = f"content/articles/{BRIEF}.{{}}.md"
    mentions = [w for w in changed_site.warnings if ": mentions: " in w]
    assert sorted(mentions) == sorted([
        f"{path.format('en')}: mentions: globex is listed in `companies` but its name does not"
        " appear in the text — add the name to the text or to the profile's aliases",
        f"{path.format('en')}: mentions: the text names john-roe (“John Roe”) but `people` does not"
        " list it — add john-roe to `people`",
        f"{path.format('ar')}: mentions: the text names john-roe (“جون رو”) but `people` does not"
        " list it — add john-roe to `people`",
    ])


# --- a name hidden inside another: «كريم» = «ك» + «ريم» ---------------------------------

HADDAD = {"karim": "/people/karim-haddad/", "reem": "/people/reem-haddad/",
          "walid": "/people/walid-saeed/", "lid": "/people/lid-saeed/",
          "hasan": "/people/al-hasan/", "lhasan": "/people/lhasan/"}
BOTH = Matcher({"كريم حداد": "karim", "ريم حداد": "reem", "وليد سعيد": "walid", "ليد سعيد": "lid"})
ONLY_REEM = Matcher({"ريم حداد": "reem", "ليد سعيد": "lid"})


def haddad(text, matcher=BOTH):
    ambiguous = []
    html, found = link_mentions(f"<p>{text}</p>", matcher, HADDAD, ambiguous)
    return html, found, ambiguous


@pytest.mark.parametrize("text, expected", [
    ("قال كريم حداد إنه غادر.", {"karim": "كريم حداد"}),
    ("قال وكريم حداد إنه غادر.", {"karim": "كريم حداد"}),
    ("انضم لكريم حداد فريق.", {"karim": "لكريم حداد"}),
    ("قالت ريم حداد إنها غادرت.", {"reem": "ريم حداد"}),
    ("غادر كريم حداد وريم حداد معا.", {"karim": "كريم حداد", "reem": "ريم حداد"}),
    ("غادرت ريم حداد ثم كريم حداد.", {"reem": "ريم حداد", "karim": "كريم حداد"}),
    ("قال وليد سعيد ذلك.", {"walid": "وليد سعيد"}),
    ("قال ليد سعيد ذلك.", {"lid": "ليد سعيد"}),
    ("قال ليد سعيد ووليد سعيد ذلك.", {"lid": "ليد سعيد", "walid": "وليد سعيد"}),
    ("قال كريم سعيد ذلك.", {}),  # «كريم» begins a listed name: never «ك» + «ريم»
    # typed on a Persian keyboard (ک for ك, ی for ي): the same profiles; the link shows the letters as written
    ("قال کریم حداد إنه غادر.", {"karim": "کریم حداد"}),
    ("انضم لکریم حداد فريق.", {"karim": "لکریم حداد"}),
    ("قال وکریم حداد ذلك.", {"karim": "کریم حداد"}),
    ("انضم کریم حداد وریم حداد.", {"karim": "کریم حداد", "reem": "ریم حداد"}),
    ("قال کریم سعید ذلك.", {}),
])
def test_a_full_name_beats_a_proclitic_reading(text, expected):
    html, found, ambiguous = haddad(text)
    assert found == expected and ambiguous == []
    for key, written in expected.items():
        assert f'<a class="nb-mention" href="{HADDAD[key]}">{written}</a>' in html


def test_waw_of_walid_is_inside_the_link():
    html, _, _ = haddad("قال وليد سعيد ذلك.")
    assert '<a class="nb-mention" href="/people/walid-saeed/">وليد سعيد</a>' in html


@pytest.mark.parametrize("text, expected", [
    ("قال كريم حداد ذلك.", {"reem": "كريم حداد"}),  # only Reem is listed: «ك» + «ريم» («like Reem»)
    ("قال وليد سعيد ذلك.", {"lid": "ليد سعيد"}),  # only Lid is listed: «و» + «ليد»
])
def test_a_proclitic_reading_when_the_word_begins_no_listed_name(text, expected):
    assert haddad(text, ONLY_REEM)[1] == expected


def test_a_persian_name_is_found_in_arabic_text_and_a_hidden_one_by_its_proclitic():
    matcher = Matcher({"پیتر گرین": "peter", "ریم حداد": "reem"})  # listed with Persian letters
    assert haddad("قال بيتر كرين ذلك.", matcher)[1] == {"peter": "بيتر كرين"}
    assert haddad("قالت مصطفی كريم حداد.", matcher)[1] == {"reem": "كريم حداد"}  # «ك» + «ريم», only Reem listed
    assert haddad("قالت کريم حداد.", matcher)[1] == {"reem": "کريم حداد"}


def test_two_readings_left_unlinked():
    matcher = Matcher({"الحسن علي": "hasan", "لحسن علي": "lhasan"})
    html, found, ambiguous = haddad("قال للحسن علي ذلك.", matcher)
    assert html == "<p>قال للحسن علي ذلك.</p>" and found == {}
    assert ambiguous == [("للحسن علي", ("hasan", "lhasan"))]


def test_cost_does_not_grow_with_the_number_of_names():
    """Names are looked up by their first word: 20,000 names, one dictionary."""
    many = {f"اسم{i} عائلة": f"k{i}" for i in range(20000)}
    many["ريم حداد"] = "reem"
    matcher = Matcher(many)
    assert max(len(v) for v in matcher.by_first_word.values()) == 1
    assert link_mentions("<p>قالت لريم حداد</p>", matcher, {"reem": "/r/"})[1] == {"reem": "لريم حداد"}


@pytest.fixture(scope="module")
def haddad_site(variant_site):
    """Two people whose names hide one inside the other: كريم حداد and ريم حداد; one brief
    names only Karim (first as «وكريم حداد», then «لكريم حداد»), another names both."""
    def change(content):
        people = {"karim-haddad": ("كريم حداد", "Karim Haddad"), "reem-haddad": ("ريم حداد", "Reem Haddad")}
        briefs = {
            "karim-leaves": (["karim-haddad"], "التقى المدير وكريم حداد أمس.\n\nوقيل لكريم حداد إن الفريق سيكبر.\n",
                             "The manager met Karim Haddad yesterday.\n\nKarim Haddad was told the team would grow.\n"),
            "haddads-leave": (["karim-haddad", "reem-haddad"], "غادر كريم حداد وريم حداد معًا.\n",
                              "Karim Haddad and Reem Haddad left together.\n"),
        }
        for slug, (who, ar, en) in briefs.items():
            for lang, body in (("ar", ar), ("en", en)):
                write(content / f"articles/{slug}.{lang}.md", {
                    "title": f"{slug} {lang}", "slug": slug, "lang": lang, "date": "2026-11-27",
                    "summary": "ملخص." if lang == "ar" else "A summary.", "source": {"name": "Example News"},
                    "people": who, "companies": [],
                }, "\n" + body)
        for slug, (ar, en) in people.items():
            cited = {"article": "haddads-leave", "paragraph": 1}
            write(content / f"people/{slug}.ar.md", {
                "name": ar, "slug": slug, "lang": "ar", "role": "موظف", "role_source": cited,
                "summary": "غادر.", "aliases": [], "sources": [cited], "moves": [],
            }, "\nغادر.\n")
            write(content / f"people/{slug}.en.md", {
                "name": en, "slug": slug, "lang": "en", "role": "Employee", "summary": "Left.", "aliases": [],
            }, "\nLeft.\n")

    built = variant_site([change], name="haddad")
    return built, built.content


@pytest.mark.parametrize("lang, slug, expected", [
    ("ar", "karim-leaves", [("karim-haddad", "كريم حداد")]),
    ("ar", "haddads-leave", [("karim-haddad", "كريم حداد"), ("reem-haddad", "ريم حداد")]),
    ("en", "karim-leaves", [("karim-haddad", "Karim Haddad")]),
    ("en", "haddads-leave", [("karim-haddad", "Karim Haddad"), ("reem-haddad", "Reem Haddad")]),
])
def test_each_haddad_links_their_own_page_without_a_false_warning(haddad_site, lang, slug, expected):
    site, content = haddad_site
    _, links = mention_links(site, lang, slug)
    assert [(a["href"].rstrip("/").rsplit("/", 1)[1], a.get_text()) for a in links] == expected
    assert site.warnings == []
    from gates import provenance
    assert provenance.check(site.path, content) == []


def test_an_ambiguous_word_is_a_warning_naming_both_profiles(caplog):
    from types import SimpleNamespace

    from newsbrief.matching import Ambiguous
    from newsbrief.mentions import check

    brief = SimpleNamespace(source_path="/site/content/articles/x.ar.md", people=["al-hasan", "lhasan"],
                            companies=[], translations=[])
    keys = Ambiguous([("people", "al-hasan"), ("people", "lhasan")])
    known = {("people", "al-hasan"): "/a/", ("people", "lhasan"): "/b/"}
    with caplog.at_level("WARNING"):
        check(brief, {}, known, {"PATH": "/site/content"}, [("للحسن علي", keys)])
    assert [r.getMessage() for r in caplog.records] == [
        "content/articles/x.ar.md: mentions: “للحسن علي” may name al-hasan (people) or lhasan (people)"
        " — it is left unlinked; write the name without the joined prefix, or rephrase",
    ], "and no “listed but not named” warning for either"
