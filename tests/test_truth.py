"""What the site derives is true (issue 21), on a fixture corpus whose truth is known
(tests/fixtures/truth): the basis of each fact (stated by the brief or inferred by us) on the
pages, in the graphic, the open data and the JSON-LD; a lab inside a company counted with it;
a number the brief states beside the people named; types only where a paragraph states them;
dates said for what they are; "working on" apart from a role; a "Report an error" link on every
page. The fixture:

- Orbit (a company, ¶1) includes the Orbit Vision Lab (parent stated, ¶1); the brief says at
  least 5 left Orbit, and names 4: Sara Haddad and Omar Nasser left Orbit, Lina Saleh and
  Karim Aziz left the lab; all went to Nimbus (a startup, ¶2).
- Omar Nasser's Kestrel → Orbit move is inferred (with its note); Lina Saleh's move carries a
  note on a contradiction and is stated.
- Kestrel has no type; Nimbus Research's type (lab) and parent (Nimbus) are inferred.
- Sara Haddad went to Nimbus to work on "Special projects": not a role.
- The source is undated; we read it on 9 March 2026; the brief is of 10 March 2026.
"""

import csv
import io
import json
import re
import shutil
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from newsbrief import cards
from support import FIXTURES, LANGS, PREFIX, ROOT, build

CONTENT = FIXTURES / "truth" / "content"
BRIEF = "orbit-departures"
EMAIL = "desk@example.net"


@pytest.fixture(scope="module")
def truth(tmp_path_factory):
    """A plain build (no REPO_URL), recording each share card's kicker as it is drawn."""
    kickers, key = {}, cards.CardDrawer.key

    def recording(self, lang, site, card):
        kickers[(lang, card.title)] = card.kicker
        return key(self, lang, site, card)

    cards.CardDrawer.key = recording
    try:
        site = build(tmp_path_factory.mktemp("truth"), content=CONTENT,
                     overrides={"CORRECTIONS_EMAIL": EMAIL, "REPO_URL": ""})
    finally:
        cards.CardDrawer.key = key
    site.kickers = kickers
    return site


def text(node):
    return " ".join(node.get_text(" ", strip=True).split()) if node else ""


def json_ld(page):
    return json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"][-1]


def company(site, lang, slug):
    return site.page(f"{PREFIX[lang]}companies/{slug}/")


# --- the basis of a move -------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_an_inferred_move_is_marked_everywhere_and_a_noted_one_is_not(truth, lang):
    inferred = "inferred by us" if lang == "en" else "استنتاج منا"
    omar = truth.page(f"{PREFIX[lang]}people/omar-nasser/").select(".nb-timeline__item")
    assert [m.get("data-basis", "stated") for m in omar] == ["inferred", "stated"]
    assert inferred in text(omar[0]) and inferred not in text(omar[1])
    why = "Why we infer it" if lang == "en" else "لماذا استنتجناه"
    assert text(omar[0].select_one("details summary")) == why
    lina = truth.page(f"{PREFIX[lang]}people/lina-saleh/").select_one(".nb-timeline__item")
    assert not lina.has_attr("data-basis") and inferred not in text(lina)
    assert text(lina.select_one("details summary")) == ("Note" if lang == "en" else "ملاحظة")
    home_rows = truth.page(PREFIX[lang]).select("[data-facts] tbody tr[data-fact]")
    assert sorted(r.get("data-basis", "stated") for r in home_rows) == ["inferred"] + ["stated"] * 4
    for row in home_rows:
        assert (inferred in text(row)) == row.has_attr("data-basis")


@pytest.mark.parametrize("lang", LANGS)
def test_a_move_has_a_facts_list_and_a_note_only_when_it_has_them(truth, lang):
    """No empty markup per move: a list of its details only if the brief gives one, a note
    only if the move is inferred or noted (the inferred and the noted moves keep theirs)."""
    noted = 0
    for slug in ("omar-nasser", "lina-saleh", "sara-haddad", "karim-aziz"):
        for move in truth.page(f"{PREFIX[lang]}people/{slug}/").select(".nb-timeline__item"):
            for part in move.select("dl.nb-facts, .nb-timeline__note"):
                assert text(part), (slug, str(part))
            note = move.select_one(".nb-timeline__note")
            assert (note is not None) == (move.has_attr("data-basis") or move.select_one("details") is not None), slug
            noted += note is not None
    assert noted == 2  # Omar's inferred move and Lina's noted one


@pytest.mark.parametrize("lang", LANGS)
def test_the_graphic_dashes_only_inferred_moves(truth, lang):
    flow = truth.page(f"{PREFIX[lang]}moves/").select_one(".nb-flow")  # the drawing of the brief's moves
    bands = flow.select(".nb-flow__band")  # each band is its person's link
    assert sorted(b["data-basis"] for b in bands) == ["inferred"] + ["stated"] * 4
    for band in bands:
        assert ("nb-flow__band--inferred" in band["class"]) == (band["data-basis"] == "inferred")
    links = {a["data-person"]: a for a in bands if a["data-basis"] == "inferred"}
    assert list(links) == ["omar-nasser"]
    assert ("inferred by us" if lang == "en" else "استنتاج منا") in links["omar-nasser"].title.get_text()


def test_open_data_carries_the_basis(truth):
    moves = json.loads((truth.path / "data/moves.json").read_text(encoding="utf-8"))["items"]
    basis = {(m["person"]["slug"], (m["from"] or {}).get("slug")): m["basis"] for m in moves}
    assert basis == {("sara-haddad", "orbit"): "stated", ("omar-nasser", "kestrel"): "inferred",
                     ("omar-nasser", "orbit"): "stated", ("lina-saleh", "orbit-vision"): "stated",
                     ("karim-aziz", "orbit-vision"): "stated"}
    schema = json.loads((truth.path / "data/moves.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["items"]["items"]["properties"]["basis"]["enum"] == ["stated", "inferred"]
    rows = list(csv.DictReader(io.StringIO((truth.path / "data/moves.csv").read_text(encoding="utf-8-sig"))))
    assert {(r["person"], r["from"]): r["basis"] for r in rows} == basis
    sara = next(m for m in moves if m["person"]["slug"] == "sara-haddad")
    assert sara["working_on"] == {"ar": "مشاريع خاصة", "en": "Special projects"} and sara["role"] is None
    companies = {c["slug"]: c for c in json.loads((truth.path / "data/companies.json").read_text(encoding="utf-8"))["items"]}
    assert (companies["orbit-vision"]["parent"]["slug"], companies["orbit-vision"]["parent_basis"]) == ("orbit", "stated")
    assert (companies["nimbus-research"]["parent_basis"], companies["nimbus-research"]["type_basis"]) == ("inferred", "inferred")
    assert (companies["kestrel"]["type"], companies["kestrel"]["type_basis"]) == (None, None)
    people = {p["slug"]: p for p in json.loads((truth.path / "data/people.json").read_text(encoding="utf-8"))["items"]}
    assert people["omar-nasser"]["role_basis"] == "stated" and people["sara-haddad"]["role_basis"] is None


@pytest.mark.parametrize("lang", LANGS)
def test_json_ld_never_asserts_an_inferred_fact_nor_what_they_work_on(truth, lang):
    omar = json_ld(truth.page(f"{PREFIX[lang]}people/omar-nasser/"))
    assert omar["alumniOf"] == [{"@id": f"{PREFIX[lang]}companies/orbit/#organization"}]
    assert "kestrel" not in json.dumps(omar)
    sara = json_ld(truth.page(f"{PREFIX[lang]}people/sara-haddad/"))
    assert sara["worksFor"] == [{"@id": f"{PREFIX[lang]}companies/nimbus/#organization"}]
    assert "roleName" not in json.dumps(sara)
    lab = json_ld(company(truth, lang, "orbit-vision"))
    assert lab["parentOrganization"] == {"@id": f"{PREFIX[lang]}companies/orbit/#organization"}
    assert "parentOrganization" not in json_ld(company(truth, lang, "nimbus-research"))
    for slug in ("orbit", "orbit-vision", "nimbus", "nimbus-research", "kestrel"):
        assert json_ld(company(truth, lang, slug))["@type"] == "Organization"


# --- organisations inside organisations --------------------------------------------------------

@pytest.mark.parametrize("lang, scope, count", [
    ("en", "4 named people left Orbit or a part of it (Orbit Vision Lab).",
     "The brief says at least 5 left; this page names 4."),
    ("ar", "غادر 4 أشخاص مذكورين أوربت أو جزءًا منها (مختبر أوربت للرؤية).",
     "يقول الموجز إن ما لا يقل عن 5 غادروا؛ وتذكر هذه الصفحة 4 منهم بالاسم."),
])
def test_a_company_counts_the_moves_of_its_parts_beside_the_number_the_brief_gives(truth, lang, scope, count):
    page = company(truth, lang, "orbit")
    left = page.select_one(".nb-flows__column--out")
    assert text(left.h2) == ("Left: 4 people" if lang == "en" else "المغادرون: 4 أشخاص")
    assert text(left.select_one('[data-field="scope"]')) == scope
    assert text(left.select_one('[data-fact="count"]')).startswith(count)
    assert sorted(a["data-person"] for a in left.select("a[data-person]")) == [
        "karim-aziz", "lina-saleh", "omar-nasser", "sara-haddad"]
    part = "left Orbit Vision Lab" if lang == "en" else "غادر مختبر أوربت للرؤية"
    for row in left.select('li[data-fact="move"]'):
        from_lab = row.select_one("a[data-person]")["data-person"] in ("lina-saleh", "karim-aziz")
        assert (part in text(row)) == from_lab
    joined = page.select_one(".nb-flows__column--in")
    assert [a["data-person"] for a in joined.select("a[data-person]")] == ["omar-nasser"]
    inferred = text(joined.select_one('[data-field="inferred-count"]'))
    assert inferred == ("1 of these moves is inferred by us; its note says why." if lang == "en"
                        else "استنتجنا واحدًا من هذه التنقلات، والسبب بجانبه.")
    assert left.select_one('[data-field="inferred-count"]') is None
    lab_left = company(truth, lang, "orbit-vision").select_one(".nb-flows__column--out")
    assert sorted(a["data-person"] for a in lab_left.select("a[data-person]")) == ["karim-aziz", "lina-saleh"]
    assert lab_left.select_one('[data-field="scope"]') is None and lab_left.select_one('[data-fact="count"]') is None


@pytest.mark.parametrize("lang, slug, dek", [
    ("en", "orbit", "5 moves involving Orbit or a part of it in our briefs,"),
    ("en", "orbit-vision", "2 moves involving Orbit Vision Lab in our briefs,"),
    ("ar", "orbit", "5 تنقلات تخص أوربت أو جزءًا منها في موجزاتنا،"),
    ("ar", "kestrel", "تنقل واحد يخص كستريل في موجزاتنا،"),
])
def test_a_company_graphic_counts_only_the_moves_involving_it(truth, lang, slug, dek):
    """The graphic's caption says whose moves it counts: the company's own (and its parts'),
    never a number a reader could take for all the moves in our briefs."""
    figure = company(truth, lang, slug).select_one("figure.nb-flow")
    assert text(figure.select_one(".nb-flow__dek")).startswith(dek)
    # Each person's route lists the places they went to in turn: one move per place.
    moves = sum(len(a.find_parent(class_="nb-flow__route").select(".nb-flow__path .nb-flow__place"))
                for a in figure.select("a.nb-flow__who"))
    assert moves == (int(re.match(r"\d+", dek).group()) if dek[0].isdigit() else 1)
    # And by how many people: each once, however often they moved.
    people = len({a["href"] for a in figure.select("a.nb-flow__who")})
    by = (f"By {people} people." if people > 1 else "By 1 person.") if lang == "en" else f"عدد الأشخاص: {people}."
    assert text(figure.select_one(".nb-flow__dek")).endswith(by)


@pytest.mark.parametrize("lang", LANGS)
def test_a_parent_is_stated_or_inferred_with_its_source(truth, lang):
    inferred = "inferred by us" if lang == "en" else "استنتاج منا"
    lab = company(truth, lang, "orbit-vision").select_one('[data-fact="parent"]')
    assert lab.select_one('a[href$="/companies/orbit/"]') and inferred not in text(lab)
    assert lab.select_one("a.nb-fact__source")["href"].endswith(f"articles/{BRIEF}/#p-1")
    research = company(truth, lang, "nimbus-research").select_one('[data-fact="parent"]')
    assert research.select_one('a[href$="/companies/nimbus/"]') and inferred in text(research)
    assert ("from its name" if lang == "en" else "من اسمها") in text(research.select_one("details"))
    exchange = [li for li in company(truth, lang, "orbit").select(".nb-exchanges > li")
                if li.select_one('a[href$="/companies/kestrel/"]')]
    assert len(exchange) == 1 and exchange[0].select_one('[data-field="inferred"]')
    # which way the move went, from whom, and that the one move is ours to infer
    assert (("Kestrel: 1 moved to Orbit, inferred by us" if lang == "en" else "انتقل منها شخص واحد إلى أوربت، وهو استنتاج منّا")
            in " ".join(text(exchange[0]).replace(" :", ":").replace(" ،", "،").replace(" ,", ",").split()))
    nimbus = [li for li in company(truth, lang, "orbit").select(".nb-exchanges > li")
              if li.select_one('a[href$="/companies/nimbus/"]')]
    assert len(nimbus) == 1 and nimbus[0].select_one('[data-field="inferred"]') is None


# --- types -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, names", [
    ("en", {"orbit": "Company", "orbit-vision": "Lab", "nimbus": "Startup", "nimbus-research": "Organisation",
            "kestrel": "Organisation"}),
    ("ar", {"orbit": "شركة", "orbit-vision": "مختبر", "nimbus": "شركة ناشئة", "nimbus-research": "جهة",
            "kestrel": "جهة"}),
])
def test_a_type_is_shown_only_where_a_paragraph_states_it(truth, lang, names):
    index = {li.select_one("a")["href"].rstrip("/").rsplit("/", 1)[-1]: text(li.select_one(".nb-muted"))
             for li in truth.page(f"{PREFIX[lang]}companies/").select(".nb-index__item")}
    assert index == names
    titles = {slug: text(company(truth, lang, slug).h1) for slug in names}
    assert {slug: truth.kickers[(lang, titles[slug])] for slug in names} == names
    kestrel = company(truth, lang, "kestrel").select_one('[data-fact="type"]')
    assert kestrel.select_one(".nb-fact__not-stated")
    research = text(company(truth, lang, "nimbus-research").select_one('[data-fact="type"] dd'))
    assert research.startswith("Lab" if lang == "en" else "مختبر") and (
        ("inferred by us" if lang == "en" else "استنتاج منا") in research)


# --- dates, roles, quotes ------------------------------------------------------------------------

@pytest.mark.parametrize("lang, published, dates, reported, when", [
    ("en", "Published on this site on 10 March 2026",
     "The original article is undated. We retrieved it on 9 March 2026 .",
     "Reported in the brief of 10 March 2026", "in April"),
    ("ar", "نُشر على هذا الموقع في 10 مارس 2026",
     "المقال الأصلي غير مؤرَّخ. اطّلعنا عليه في 9 مارس 2026 .",
     "ورد في موجز 10 مارس 2026", "في أبريل"),
])
def test_dates_say_what_they_are(truth, lang, published, dates, reported, when):
    brief = truth.page(f"{PREFIX[lang]}articles/{BRIEF}/")
    assert text(brief.select_one('[data-field="published"]')) == published
    assert text(brief.select_one('[data-field="source-dates"]')) == dates
    headings = [text(a) for a in company(truth, lang, "orbit").select(".nb-flows__brief-link")]
    assert headings and set(headings) == {reported}
    omar = truth.page(f"{PREFIX[lang]}people/omar-nasser/").select(".nb-timeline__item")
    assert text(omar[1].select_one(".nb-timeline__source")).startswith(reported)
    # the time in the brief's words, anchored once: by the "Reported in" line beside it
    assert text(omar[1].select_one("dd")) == when
    # A moves table gives the brief's date above its rows, and says once that times count from it.
    home = truth.page(f"{PREFIX[lang]}")
    assert home.select_one(".nb-table-note")
    group = next(g for g in home.select("[data-facts] tbody") if any(
        re.split("[,،]", when)[0] in text(r) for r in g.select("tr[data-fact]")))
    assert group.select_one("tr.nb-table__brief time")["datetime"] == "2026-03-10"


@pytest.mark.parametrize("lang, label, value", [("en", "Working on", "Special projects"),
                                                ("ar", "للعمل على", "مشاريع خاصة")])
def test_what_they_joined_to_work_on_is_not_a_role(truth, lang, label, value):
    sara = truth.page(f"{PREFIX[lang]}people/sara-haddad/")
    field = sara.select_one('.nb-timeline__item [data-field="working-on"]')
    assert (text(field.dt), text(field.dd)) == (label, value)
    assert sara.select_one('.nb-timeline__item [data-field="move-role"]') is None
    assert sara.select_one('[data-fact="role"] .nb-fact__not-stated')


# --- report an error ----------------------------------------------------------------------------

def test_every_page_of_a_plain_build_has_a_report_link_with_the_page_filled_in(truth):
    pages = truth.html_files()
    assert any(p.startswith("en/") for p in pages) and any(not p.startswith("en/") for p in pages)
    for name in pages:
        page = truth.page(truth.url_of(name))
        link = page.select_one("footer a.nb-footer__report")
        assert link, name
        assert text(link) == ("Report an error" if page.html["lang"] == "en" else "أبلغ عن خطأ")
        parts = urlsplit(link["href"])
        assert (parts.scheme, unquote(parts.path)) == ("mailto", EMAIL), name
        query = parse_qs(parts.query)
        # the subject names the page: its title without the site's name
        title, site = text(page.title), {"en": "AI Talent Brief", "ar": "موجز مواهب الذكاء الاصطناعي"}[page.html["lang"]]
        named = query["subject"][0].split(": ", 1)[1]
        assert named == (title.removesuffix(f" — {site}") if title != site else site), (name, query)
        assert page.select_one('link[rel="canonical"]')["href"] in query["body"][0], name
        assert " " not in parts.query and "\n" not in parts.query
        assert page.select_one("footer a.nb-footer__issue") is None, "no REPO_URL: no GitHub link"


def test_with_a_repository_the_footer_links_its_issue_form(tmp_path):
    site = build(tmp_path, content=CONTENT, overrides={
        "REPO_URL": "https://github.com/example/news", "SHARE_CARDS": False})
    page = site.page("/en/people/sara-haddad/")
    parts = urlsplit(page.select_one("footer a.nb-footer__issue")["href"])
    query = parse_qs(parts.query)
    assert (parts.netloc, parts.path) == ("github.com", "/example/news/issues/new")
    assert query["template"] == ["report-an-error.yml"] and query["page"] == ["/en/people/sara-haddad/"]
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / query["template"][0]).read_text(encoding="utf-8"))
    assert "page" in [field.get("id") for field in form["body"]]


def test_publish_warns_while_the_corrections_address_is_the_placeholder(tmp_path):
    site = build(tmp_path, content=CONTENT, overrides={
        "CORRECTIONS_EMAIL_REQUIRED": True, "CORRECTIONS_EMAIL": "corrections@example.org", "SHARE_CARDS": False})
    assert [w for w in site.warnings if "CORRECTIONS_EMAIL" in w]


def test_a_dated_source_says_its_date_and_structured_data_gives_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    for lang in LANGS:
        brief = content / f"articles/{BRIEF}.{lang}.md"
        brief.write_text(brief.read_text(encoding="utf-8").replace("  undated: true\n", "  published: 2026-03-08\n"),
                         encoding="utf-8")
    site = build(tmp_path, content=content, overrides={"SHARE_CARDS": False})
    page = site.page(f"/en/articles/{BRIEF}/")
    assert text(page.select_one('[data-field="source-dates"]')).startswith(
        "The original article was published on 8 March 2026 .")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)["@graph"]
    [article] = [n for n in data if n["@type"] == "NewsArticle"]
    assert (article["datePublished"], article["isBasedOn"]["datePublished"]) == ("2026-03-10", "2026-03-08")


@pytest.mark.parametrize("lang, heading", [("en", "Moves by month reported"), ("ar", "التنقلات حسب شهر نشر الموجز")])
def test_moves_by_month_say_it_is_the_month_of_the_brief_not_of_the_move(truth, lang, heading):
    """A move listed under November happened when its brief says (in April, after 12 years…):
    the month is the brief's, and the heading says so on a company page and on /moves/."""
    assert text(company(truth, lang, "orbit").select_one("#company-months-title")) == heading
    assert text(truth.page(f"{PREFIX[lang]}moves/").select_one("#months-title")) == heading


@pytest.mark.parametrize("lang, said", [
    ("en", "(left Orbit Vision Lab, in May)"), ("ar", "(غادر مختبر أوربت للرؤية، في مايو)")])
def test_the_part_of_a_company_and_the_time_share_one_pair_of_brackets(variant_site, lang, said):
    """"Lina Saleh (left Orbit Vision Lab, in May)", not "(left Orbit Vision Lab) (in May)"."""
    from support import TRUTH, edit, read

    def timed(content):
        path = content / "people/lina-saleh.ar.md"
        moves = read(path)[0]["moves"]
        moves[0]["when"] = {"ar": "في مايو", "en": "in May"}
        edit(path, moves=moves)

    site = variant_site([timed], source=TRUTH, name="timed-part")
    left = company(site, lang, "orbit").select_one(".nb-flows__column--out")
    [row] = [r for r in left.select('li[data-fact="move"]') if r.select_one('a[data-person="lina-saleh"]')]
    shown = " ".join(row.get_text().split()).replace("\u2068", "").replace("\u2069", "")
    assert said in shown, shown


@pytest.mark.parametrize("lang, kickers", [
    ("en", {"orbit": "Company", "nimbus": "Startup", "orbit-vision": "Lab", "nimbus-research": "Organisation",
            "kestrel": "Organisation"}),
    ("ar", {"orbit": "شركة", "nimbus": "شركة ناشئة", "orbit-vision": "مختبر", "nimbus-research": "جهة",
            "kestrel": "جهة"})])
def test_a_company_kicker_is_its_type_only_where_a_paragraph_states_it(truth, lang, kickers):
    """Nimbus Research's type is inferred, Kestrel's not given: neither is a kicker."""
    assert {slug: text(company(truth, lang, slug).select_one(".nb-kicker")) for slug in kickers} == kickers
