"""The story in other forms: the talent-flow graphic, JSON-LD, share cards and open data,
checked on the build of the truth fixture (tests/fixtures/truth: Orbit, its lab, Nimbus,
Kestrel, one inferred move), and the graphic's layout on hand-made moves."""

import csv
import io
import json
import pathlib

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator
from newsbrief import flowtext
from newsbrief.cards import SIZE, CardDrawer
from newsbrief.cardtext import CardText
from newsbrief.escaping import csv_cell
from newsbrief.flowchart import FlowChart, flow_chart
from newsbrief.graph import Move
from PIL import Image, ImageChops
from support import FOLDER, ROOT, TRUTH, truth_fixture_site

BRIEF = "articles/orbit-departures/"
PERSON = "omar-nasser"
FLOW_PAGES = ["", BRIEF, "companies/orbit/", "companies/nimbus/", "moves/"]
DRAWN = ["", "moves/"]  # list pages, whose figure is wide enough for the drawing; the others carry the list only
VOCABULARY = json.loads((ROOT / "tests/fixtures/schemaorg/vocabulary.json").read_text())
LABELS = {"title": "T", "desc": "D", "not_stated": "Not stated", "noted": "noted", "links": "L",
          "person_move": "{person}: from {origin} to {destination}"}


site, server = truth_fixture_site()  # `site` and `server` here are the truth fixture's



def flows(site, url):
    """The drawing of the page's flow graphic."""
    return site.page(url).select("figure.nb-flow svg.nb-flow__svg")


def flow_links(site, url):
    return site.page(url).select("figure.nb-flow svg.nb-flow__svg a")


# --- the graphic ---------------------------------------------------------------------------

def legend_keys(figure):
    """The swatches of a graphic's key, in order, each said in words."""
    items = figure.select(".nb-flow__legend li")
    assert all(item.get_text(strip=True) for item in items)
    return [item.select_one(".nb-flow__key")["class"][-1].removeprefix("nb-flow__key--") for item in items]


def expected_keys(figure):
    """A key for each style the graphic uses: the arrow always; colours for more than one
    start; the dashes of an inferred move; the dots of a place not stated or not a company."""
    return (["arrow"] + ["colours"] * (len(figure.select(".nb-flow__block")) > 1)
            + ["inferred"] * bool(figure.select(".nb-flow__who--inferred"))
            + ["unknown"] * bool(figure.select(".nb-flow__place--unknown")))


@pytest.mark.parametrize("lang", FOLDER)
@pytest.mark.parametrize("path", [p for p in FLOW_PAGES if p not in DRAWN])
def test_a_briefs_or_profiles_graphic_is_the_list_with_no_hidden_drawing(site, lang, path):
    figure = site.page("/" + FOLDER[lang] + path).select_one("figure.nb-flow")
    assert figure.select_one(".nb-flow__title").get_text(strip=True)
    assert figure.select_one(".nb-flow__source").get_text(strip=True)
    assert legend_keys(figure) == expected_keys(figure)  # no count: the list says it in words
    assert figure.select(".nb-flow__stack .nb-flow__who")
    assert not figure.select("svg, .nb-flow__wide")  # its column is never wide enough to show one


@pytest.mark.parametrize("lang", FOLDER)
@pytest.mark.parametrize("path", DRAWN)
def test_flow_is_a_named_drawing_whose_shapes_are_working_links(site, lang, path):
    url = "/" + FOLDER[lang] + path
    [svg] = flows(site, url)
    assert svg["role"] == "group"  # not an image: an image's parts could not be links
    assert svg.find("title", id=svg["aria-labelledby"]).get_text().strip()
    assert svg.find("desc", id=svg["aria-describedby"]).get_text().strip()
    links = flow_links(site, url)
    bands = svg.select(".nb-flow__band")
    nodes = svg.select(".nb-flow__node--company")
    assert links == bands + nodes  # every band and company is a link, and each is drawn once
    assert len(svg.select("path")) == len(bands)
    for link in links:
        assert site.file(link["href"]).exists(), (url, link["href"])
        assert ("/people/" in link["href"]) == link.has_attr("data-person")
        assert link.find("title").get_text().strip()  # its accessible name
        assert link["href"].startswith("/" + FOLDER[lang])
    # a news graphic: a title naming the figure, a dek, a legend and a source line, in words
    figure = svg.find_parent("figure")
    title = figure.select_one(".nb-flow__title")
    assert figure["aria-labelledby"] == title["id"] and title.get_text(strip=True)
    assert figure.select_one(".nb-flow__dek").get_text(strip=True)
    assert legend_keys(figure) == expected_keys(figure) + ["count"]  # what a number in brackets counts
    assert figure.select_one(".nb-flow__source").get_text(strip=True)
    # the phone layout names the same people, each once
    people = [a["href"] for a in figure.select(".nb-flow__stack .nb-flow__who")]
    assert sorted(people) == sorted({a["href"] for a in links if a.has_attr("data-person")})


def test_the_moves_flow_has_one_band_per_move_the_briefs_report(site):
    slug = BRIEF.split("/")[1]  # the fixture's one brief: the moves page draws its moves
    reported = {p.name.removesuffix(".ar.md"): [m for m in _front(p).get("moves") or []
                                                  if m["source"]["article"] == slug]
                for p in (TRUTH / "people").glob("*.ar.md")}
    [svg] = flows(site, "/moves/")
    assert len(svg.select(".nb-flow__band")) == sum(map(len, reported.values()))
    people = {a["data-person"] for a in flow_links(site, "/moves/") if a.has_attr("data-person")}
    assert people == {person for person, moves in reported.items() if moves}
    listed = site.page("/" + BRIEF).select("figure.nb-flow .nb-flow__stack .nb-flow__who")
    assert {a["href"].rstrip("/").rsplit("/", 1)[1] for a in listed} == people  # the brief's list names them


def test_flow_dashes_inferred_moves_and_shows_what_is_not_stated(site):
    [svg] = flows(site, "/en/moves/")
    moves = {p.name.removesuffix(".ar.md"): _front(p).get("moves") or [] for p in (TRUTH / "people").glob("*.ar.md")}
    inferred = {slug for slug, found in moves.items() if any(m.get("basis") == "inferred" for m in found)}
    said = [a for a in flow_links(site, "/en/moves/") if "(inferred by us" in a.find("title").get_text()]
    assert {a["data-person"] for a in said} == inferred
    assert len(svg.select(".nb-flow__band--inferred")) == len(said)
    unknown = svg.select("g.nb-flow__node--unknown")
    labels = {g.find("title").get_text() for g in unknown}
    every = [m for found in moves.values() for m in found]
    assert ("Not stated" in labels) == any(not m.get("from") for m in every)
    assert {m["to_other"]["en"] for m in every if m.get("to_other")} <= labels
    linked = {a.find("title").get_text() for a in flow_links(site, "/en/moves/") if a.has_attr("data-side")}
    assert not linked & labels  # nothing to link to


def test_a_flow_to_not_stated_is_drawn_and_not_linked():
    moves = [Move("p1", 1, "acme", None, {"source": {}}), Move("p2", 1, "acme", "beta", {"source": {}})]

    def names(kind, slug):
        return {"p1": ("Person One", "/people/p1/"), "p2": ("Person Two", "/people/p2/"),
                "acme": ("Acme", "/companies/acme/"), "beta": ("Beta", "/companies/beta/")}[slug]

    svg = str(flow_chart(moves, "en", names, LABELS, "t"))
    assert svg.count('<a class="nb-flow__link nb-flow__band') == 2
    assert '<g class="nb-flow__node nb-flow__node--unknown" data-side="destination"><title>Not stated</title>' in svg
    assert svg.count('<a class="nb-flow__link') == 2 + 2  # two people, Acme and Beta: not "Not stated"
    assert "<title>Person One: from Acme to Not stated</title>" in svg
    assert svg == str(flow_chart(list(reversed(moves)), "en", names, LABELS, "t"))  # order-independent


def test_long_labels_wrap_and_are_never_shortened():
    long = "Orbit Vision Lab of Very Long Names"
    moves = [Move("p1", 1, "acme", None, {"source": {}})]

    def names(kind, slug):
        return (long, "/companies/acme/") if kind == "company" else ("P", "/people/p1/")

    svg = str(flow_chart(moves, "en", names, LABELS, "t"))
    [label] = [t for t in BeautifulSoup(svg, "html.parser").select("text.nb-flow__label") if t.tspan]
    lines = [span.get_text() for span in label.select("tspan")]
    assert len(lines) > 1 and " ".join(lines) == long
    assert "…" not in svg


def test_a_person_who_moved_twice_is_one_path():
    """Left Acme for Beta, then Beta for Gamma: Beta stands in the middle, both bands have the
    colour of where the path starts, the name is drawn once, and the phone layout has one route."""
    moves = [Move("p1", 1, "acme", "beta", {"source": {}}), Move("p1", 2, "beta", "gamma", {"source": {}}),
             Move("p2", 1, "beta", "delta", {"source": {}})]

    def names(kind, slug):
        return (slug.title(), f"/{kind}/{slug}/")

    chart = FlowChart(moves, "en", names, LABELS, "t")
    soup = BeautifulSoup(str(chart.svg()), "html.parser")
    [stop] = soup.select('a[data-side="stop"]')
    assert stop.title.get_text() == "Beta (2)"  # left by two
    bands = soup.select('.nb-flow__band[data-person="p1"]')
    assert len(bands) == 2 and bands[0]["class"] == bands[1]["class"]
    assert [t.get_text() for t in soup.select("text.nb-flow__person")].count("P1") == 1
    # Names are drawn after every band and every label's ground (none is drawn over a name),
    # each on a ground of the page's colour that holds its anchor point, and are hidden from
    # screen readers: the bands name them. The stop's label has its ground too.
    names = soup.svg.select_one("g.nb-flow__names")
    after = [e for sibling in names.find_next_siblings() for e in (sibling, *sibling.find_all(True))]
    assert after and not [e for e in after if {"nb-flow__band", "nb-flow__pill"} & set(e.get("class", []))]
    assert names["aria-hidden"] == "true" and names.find_previous_sibling(class_="nb-flow__band")
    pills = [{k: float(p[k]) for k in ("x", "y", "width", "height")} for p in names.select("rect.nb-flow__pill")]
    labels = names.select("text.nb-flow__person") + soup.select('a[data-side="stop"] text')
    assert len(pills) == len(labels) == 3  # P1, P2 and the stop, Beta (2)
    for label in labels:
        x, y = float(label["x"]), float(label["y"])
        assert any(p["x"] <= x <= p["x"] + p["width"] and p["y"] < y < p["y"] + p["height"] for p in pills), label
    # A name's ground is edged in the colour of the band it ends.
    for ground, label in zip(names.select("rect.nb-flow__pill--person"), names.select("text.nb-flow__person"), strict=True):
        band = soup.select_one(f'.nb-flow__band[data-person="{label.get_text().lower()}"]')
        assert [c for c in ground["class"] if c.startswith("nb-flow--c")] == [c for c in band["class"] if c.startswith("nb-flow--c")]
    [acme, beta] = chart.blocks()[::-1] if chart.blocks()[0]["node"].label == "Beta" else chart.blocks()
    assert [[n.label for n in row["route"]] for row in acme["rows"]] == [["Beta", "Gamma"]]
    assert [[n.label for n in row["route"]] for row in beta["rows"]] == [["Delta"]]


def test_a_places_number_counts_the_people_drawn_through_it_as_the_legend_says(site):
    """Two come to Beta and go on, two more start there: six moves touch Beta, and its number is
    the four people, which is what the legend (on the truth fixture's drawn pages) says it is."""
    moves = [Move(p, 1, "acme", "beta", {"source": {}}) for p in ("p1", "p2")] + [
        Move(p, n, "beta", to, {"source": {}}) for p, n, to in
        (("p1", 2, "gamma"), ("p2", 2, "delta"), ("p3", 1, "gamma"), ("p4", 1, "delta"))]
    chart = FlowChart(moves, "en", lambda kind, slug: (slug.title(), f"/{kind}/{slug}/"), LABELS, "t")
    [stop] = BeautifulSoup(str(chart.svg()), "html.parser").select('a[data-side="stop"]')
    assert stop.title.get_text() == "Beta (4)"
    for lang, people in (("en", "the people whose path runs through that place, where more than one"),
                         ("ar", "عدد من يمرّ مسارهم بتلك الجهة، إن زادوا على واحد")):
        legend = site.page("/" + FOLDER[lang]).select_one(".nb-flow__legend-count")
        assert people in legend.get_text(" ", strip=True)


def test_inferred_moves_are_dashed_by_their_basis_when_it_is_given():
    moves = [Move("p1", 1, "acme", "beta", {"source": {}, "basis": "inferred"}),
             Move("p2", 1, "acme", "beta", {"source": {}, "basis": "stated", "note": {"en": "n"}})]
    svg = str(flow_chart(moves, "en", lambda kind, slug: (slug, f"/{slug}/"), LABELS, "t"))
    assert svg.count("nb-flow__band--inferred") == 1 and 'inferred" href="/p1/" data-person="p1"' in svg


def test_wrapping_a_label_measures_each_character_a_bounded_number_of_times(monkeypatch):
    """A 200 KB name costs in proportion to its length: a label's lines are measured as they
    grow, never the whole name again for each word."""
    measured = []
    width = flowtext.width
    monkeypatch.setattr(flowtext, "width", lambda text, *a: measured.append(len(text)) or width(text, *a))
    name = "كريم Doe " * 25_000
    lines = flowtext.label_lines(name)
    assert " ".join(lines) == name.strip()
    assert sum(measured) < 5 * len(name), "characters measured"  # a line's width, as it grows
    assert all(width(line) <= flowtext.ROOM for line in lines)


@pytest.mark.browser
def test_arabic_flow_is_mirrored_in_chromium(server, browser):
    base = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sides = {}
    for lang, prefix in FOLDER.items():
        page.goto(f"{base}/{prefix}")  # the home page's column gives the drawing its natural width
        boxes = {side: page.locator(f"figure.nb-flow [data-side={side}] .nb-flow__bar").first.bounding_box()
                 for side in ("origin", "destination")}
        sides[lang] = boxes["origin"]["x"] > boxes["destination"]["x"]
        # every node and band is reachable with the keyboard, and shows where focus is
        links = page.locator("figure.nb-flow a.nb-flow__link")
        assert links.count() > 0
        links.first.focus()
        stroke = links.first.locator("path, .nb-flow__target").first.evaluate("e => getComputedStyle(e).stroke")
        assert stroke not in ("none", "")
    page.close()
    assert sides == {"ar": True, "en": False}  # Arabic: origins at the right


def test_flow_is_byte_identical_across_builds(site, tmp_path):
    from support import build

    again = build(tmp_path, content=TRUTH)
    for path in DRAWN:
        assert str(flows(again, "/" + path)[0]) == str(flows(site, "/" + path)[0])


# --- JSON-LD ---------------------------------------------------------------------------------

def json_ld(site, url):
    blocks = site.page(url).select('script[type="application/ld+json"]')
    assert len(blocks) == 1, url
    return json.loads(blocks[0].string)


def nodes(value, via=None):
    """Every object in a JSON-LD tree, with the property that holds it (`via`)."""
    if isinstance(value, dict):
        yield value, via
        for key, item in value.items():
            yield from nodes(item, key)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item, via)


def properties_of(schema_type):
    seen, stack, found = set(), list(VOCABULARY["types"][schema_type]), set()
    while stack:
        base = stack.pop()
        if base in seen or base not in VOCABULARY["bases"]:
            continue
        seen.add(base)
        found |= set(VOCABULARY["bases"][base]["properties"])
        stack += VOCABULARY["bases"][base]["extends"]
    return found


def test_every_page_has_valid_json_ld_with_breadcrumbs(site):
    defined = {}
    pages = [site.url_of(f) for f in site.html_files() if f != "404.html"]
    for url in pages:
        data = json_ld(site, url)
        assert data["@context"] == "https://schema.org"
        types = [n["@type"] for n in data["@graph"]]
        assert "BreadcrumbList" in types, url
        crumbs = next(n for n in data["@graph"] if n["@type"] == "BreadcrumbList")["itemListElement"]
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
        # the last crumb is this page: no `item` (a search engine takes the page's address)
        assert "item" not in crumbs[-1] and all(c["item"] for c in crumbs[:-1]), url
        for node, via in nodes(data):
            for key, value in node.items():
                assert value not in ("", [], {}, None), (url, key)
            if "@type" in node:
                assert node["@type"] in VOCABULARY["types"], (url, node["@type"])
                allowed = properties_of(node["@type"])
                if "Role" in node["@type"]:  # schema.org's Role pattern repeats the property it wraps
                    allowed.add(via)
                for key in node:
                    assert key.startswith("@") or key in allowed, (url, node["@type"], key)
            if "@id" in node and len(node) > 1:
                defined[node["@id"]] = url
    # every @id a page points to is defined on the page it names
    for url in pages:
        for node, _ in nodes(json_ld(site, url)):
            if set(node) == {"@id"}:
                target = node["@id"].split("#")[0]
                assert node["@id"] in defined and defined[node["@id"]] == target, (url, node["@id"])


def test_brief_json_ld_links_its_translation_and_people(site):
    for lang, prefix in FOLDER.items():
        data = json_ld(site, f"/{prefix}{BRIEF}")
        [article] = [n for n in data["@graph"] if n["@type"] == "NewsArticle"]
        assert article["inLanguage"] == lang
        assert article["isBasedOn"]["publisher"]["name"] == _front(TRUTH / f"{BRIEF[:-1]}.{lang}.md")["source"]["name"]
        twin = "workTranslation" if lang == "ar" else "translationOfWork"
        other = "/en/" if lang == "ar" else "/"
        assert article[twin] == [{"@id": f"{other}{BRIEF}#article"}]
        assert {"@id": f"/{prefix}people/{PERSON}/#person"} in article["mentions"]
    home = json_ld(site, "/en/")
    assert "WebSite" in [n["@type"] for n in home["@graph"]]


def test_person_json_ld_asserts_only_stated_moves_and_roles(site):
    """alumniOf comes from the moves the brief states, never from one we infer; what someone
    went to work on (`working_on`) is not a roleName."""
    for path in sorted((TRUTH / "people").glob("*.ar.md")):
        slug, moves = path.name.removesuffix(".ar.md"), _front(path).get("moves") or []
        [person] = [n for n in json_ld(site, f"/en/people/{slug}/")["@graph"] if n["@type"] == "Person"]
        stated = [m["from"] for m in moves if m.get("from") and m.get("basis") != "inferred"]
        expected = [{"@id": f"/en/companies/{c}/#organization"} for c in dict.fromkeys(stated)]
        assert person.get("alumniOf", []) == expected, slug
        roles = {w.get("roleName") for w in person.get("worksFor", [])}
        assert not roles & {m["working_on"]["en"] for m in moves if m.get("working_on")}, slug


# --- share cards -----------------------------------------------------------------------------

def test_every_page_has_share_meta_and_a_card_where_it_is_shared(site):
    """A preview reads the title from og:, the description and address from the page's own
    meta description and canonical link (not written twice); a card of the right size is
    named where one is drawn (a brief, a profile of the newest briefs, the home page's site
    card), and no other page names the site card."""
    carded = set()
    for relative in site.html_files():
        if relative == "404.html":
            continue
        page = site.page(site.url_of(relative))
        meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("meta[content]")}
        for key in ("og:site_name", "og:title", "og:locale", "description"):
            assert meta.get(key), (relative, key)
        assert page.find("link", rel="canonical")["href"], relative
        assert not {"og:description", "og:url", "og:locale:alternate", "color-scheme", "twitter:title",
                    "twitter:description", "twitter:image"} & set(meta), relative  # read from the page or og:
        lang = page.html["lang"]
        assert meta["og:locale"] == {"ar": "ar_EG", "en": "en_GB"}[lang]
        assert meta.get("og:type") == ("article" if "nb-page--article" in page.body["class"] else None), relative
        # og:title is the page's name, shown beside og:site_name: the <title> without the site's name
        title, name = page.title.get_text(), meta["og:site_name"]
        assert meta["og:title"] == (title.removesuffix(f" — {name}") if title != name else name), relative
        if "og:image" not in meta:
            assert not {"og:image:alt", "og:image:width", "twitter:card"} & set(meta), relative
            continue
        carded.add(relative)
        assert meta["twitter:card"] == "summary_large_image"
        # the image's text: the site card (the home page's) shows the site's name, a page's own card its name
        site_card = meta["og:image"].endswith("/site.png")
        assert site_card == (relative in ("index.html", "en/index.html")), relative
        assert meta["og:image:alt"] == (name if site_card else meta["og:title"]), relative
        with Image.open(site.file(meta["og:image"])) as card:
            assert card.size == SIZE
            assert (int(meta["og:image:width"]), int(meta["og:image:height"])) == SIZE
    assert {"index.html", "en/index.html", BRIEF + "index.html"} <= carded
    brief = site.page("/" + BRIEF).select_one('meta[property="og:image"]')["content"]
    assert brief == "/cards/ar/article/orbit-departures.png"


def test_only_profiles_in_the_newest_briefs_get_their_own_card(tmp_path):
    """With no brief counted, people and companies have no card (nor the site's); briefs keep theirs."""
    from support import build

    site = build(tmp_path, overrides={"SHARE_CARDS_PROFILE_BRIEFS": 0, "CACHE_PATH": str(tmp_path / "c")}, content=TRUTH)
    assert not (site.path / "cards/ar/person").exists()
    for url in (f"/en/people/{PERSON}/", "/companies/orbit/"):
        assert site.page(url).select_one('meta[property="og:image"]') is None, url
    for url, card in (("/" + BRIEF, "/cards/ar/article/orbit-departures.png"), ("/en/", "/cards/en/site.png")):
        assert site.page(url).select_one('meta[property="og:image"]')["content"] == card
        assert site.file(card).exists()


def test_arabic_card_is_shaped(tmp_path):
    """The same headline drawn without HarfBuzz (letters unjoined) gives another image."""
    drawer = CardDrawer(str(ROOT / "theme/cards/card-bold.ttf"))
    shaped = tmp_path / "shaped.png"
    drawer.draw(shaped, "ar", "موجز", CardText("شخص", "عمر ناصر"))
    basic = CardDrawer(str(ROOT / "theme/cards/card-bold.ttf"), shaping=False)
    unshaped = tmp_path / "basic.png"
    basic.draw(unshaped, "ar", "موجز", CardText("شخص", "عمر ناصر"))
    with Image.open(shaped) as a, Image.open(unshaped) as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is not None


def test_cards_are_cached_not_redrawn(tmp_path, monkeypatch):
    import newsbrief.cards as cards
    from support import build

    cache = tmp_path / "cache"
    build(tmp_path / "one", overrides={"CACHE_PATH": str(cache)}, content=TRUTH)
    drawn = []
    monkeypatch.setattr(cards.CardDrawer, "draw", lambda self, *a: drawn.append(a))
    site = build(tmp_path / "two", overrides={"CACHE_PATH": str(cache)}, content=TRUTH)
    assert drawn == []
    assert (site.path / f"cards/en/person/{PERSON}.png").stat().st_size > 1000


# --- open data -------------------------------------------------------------------------------

def data(site, name):
    return json.loads((site.path / "data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["moves", "people", "companies"])
def test_open_data_validates_against_its_schema(site, name):
    schema = data(site, f"{name}.schema.json")
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema).iter_errors(data(site, f"{name}.json")))
    assert errors == []
    assert data(site, f"{name}.json")["licence"] == "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"


def test_open_data_holds_exactly_the_moves_the_pages_show(site):
    """The same rows as the pages of all moves: person, from, to and the paragraph cited."""
    moves = data(site, "moves.json")["items"]
    shown, url = [], "/en/moves/"
    while url:
        page = site.page(url)
        for row in page.select(".nb-table tr[data-fact]"):
            person = row.select_one("th a")["href"]
            origin, destination = (cell.select_one("a") for cell in row.select("td")[:2])
            source = row.select_one("a[href*='#p-']")["href"]
            shown.append((person, origin and origin["href"], destination and destination["href"], source))
        following = page.select_one('a[rel="next"]')
        url = following["href"] if following else None
    exported = [(m["person"]["url"]["en"], (m["from"] or {}).get("url", {}).get("en"),
                 (m["to"] or {}).get("url", {}).get("en"), m["source_url"]["en"]) for m in moves]
    assert sorted(exported, key=str) == sorted(shown, key=str)
    for move in moves:
        assert site.file(move["source_url"]["ar"]).exists()
        assert move["person"]["name"]["ar"] and move["person"]["name"]["en"]


def test_csv_opens_in_a_spreadsheet(site):
    raw = (site.path / "data/moves.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    moves = data(site, "moves.json")["items"]
    assert len(rows) == len(moves)
    for row, move in zip(rows, moves):
        assert row["person"] == move["person"]["slug"]
        assert row["person_ar"] == move["person"]["name"]["ar"]
        assert row["to"] == ((move["to"] or {}).get("slug") or "")
        assert row["source_url_en"] == move["source_url"]["en"]


@pytest.mark.parametrize("typed", ["=1+1", "+1", "-1", "@SUM(A1)", " =1+1", "\t=1+1", "\r=1+1", "\n@x", " \t\r\n-2"])
def test_a_csv_cell_that_a_spreadsheet_would_run_is_neutralised(typed):
    assert csv_cell(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["", "Acme", "a=b", "  Acme - AI", "باحثة", "3"])
def test_a_csv_cell_that_is_no_formula_is_kept(typed):
    assert csv_cell(typed) == typed


def test_about_page_has_a_data_section(site):
    for prefix in FOLDER.values():
        about = site.page(f"/{prefix}about/")
        links = {a["href"] for a in about.select("main a")}
        assert {"/data/moves.json", "/data/moves.csv", "/data/people.json", "/data/companies.json"} <= links


def _front(path):
    import yaml

    return yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8").split("---\n")[1])




def test_the_site_card_is_drawn_in_each_language(site, tmp_path):
    """The Arabic site card's headline comes from the catalogue, not the English text."""
    english = tmp_path / "english.png"
    CardDrawer(str(ROOT / "theme/cards/card-bold.ttf")).draw(
        english, "ar", "موجز مواهب الذكاء الاصطناعي", CardText("", "Who moved where"))
    with Image.open(site.file("/cards/ar/site.png")) as ar, Image.open(english) as untranslated:
        assert ImageChops.difference(ar.convert("RGB"), untranslated.convert("RGB")).getbbox() is not None
