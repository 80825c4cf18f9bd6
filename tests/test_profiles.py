"""Profiles: people and company pages, their facts and sources, the brief's mentions and the
people and company indexes."""

import re

import pytest
from support import LANGS, PREFIX, company_moves, published_items

PEOPLE = published_items("people")
COMPANIES = published_items("companies")
BRIEFS = published_items("articles")


def test_people_and_companies_have_both_pages(site):
    for kind, items in (("people", PEOPLE), ("companies", COMPANIES)):
        for slug, versions in items.items():
            for lang in LANGS:
                page = site.page(f"{PREFIX[lang]}{kind}/{slug}/")
                assert page.h1.get_text(strip=True) == versions[lang]["name"]
                other = "en" if lang == "ar" else "ar"
                # the name in the other script is shown too
                alt = page.select_one(".nb-profile__alt-name bdi")
                assert alt.get_text(strip=True) == versions[other]["name"] and alt["lang"] == other


def expected_flows():
    joined, left = company_moves()
    return ({c: [m["slug"] for m in moves] for c, moves in joined.items()},
            {c: [m["slug"] for m in moves] for c, moves in left.items()})


@pytest.mark.parametrize("lang", LANGS)
def test_company_joined_and_left_lists_follow_the_moves(site, lang):
    joined, left = expected_flows()
    assert joined and left
    for slug in COMPANIES:
        page = site.page(f"{PREFIX[lang]}companies/{slug}/")
        for direction, expected in (("in", joined), ("out", left)):
            people = [a["data-person"] for a in page.select(f'[data-flow="{direction}"] a[data-person]')]
            assert sorted(people) == sorted(expected.get(slug, [])), (slug, direction)
            heading = page.select_one(f".nb-flows__column--{direction} h2").get_text()
            count = len(set(expected.get(slug, [])))
            if lang == "en":
                assert re.search(rf"\b{count} (person|people)\b", heading) or count == 0, heading


@pytest.mark.parametrize("lang", LANGS)
def test_brief_links_every_mention(site, lang):
    for slug, versions in BRIEFS.items():
        page = site.page(f"{PREFIX[lang]}articles/{slug}/")
        hrefs = {a["href"] for a in page.select(".nb-mentions a")}
        for person in versions[lang]["people"]:
            assert f"{PREFIX[lang]}people/{person}/" in hrefs
        for company in versions[lang]["companies"]:
            assert f"{PREFIX[lang]}companies/{company}/" in hrefs


@pytest.mark.parametrize("lang", LANGS)
def test_every_fact_links_to_an_existing_paragraph(site, lang):
    for slug in PEOPLE:
        page = site.page(f"{PREFIX[lang]}people/{slug}/")
        links = page.select(".nb-source-link, .nb-sources__paragraph")
        assert links, f"{slug} cites no source"
        for link in links:
            target, fragment = link["href"].split("#")
            assert target.startswith(f"{PREFIX[lang]}articles/")
            assert site.page(target).find(id=fragment) is not None, link["href"]


@pytest.mark.parametrize("kind", ["people", "companies"])
def test_indexes_are_sorted_and_summarised(site, kind):
    from pyuca import Collator

    collator = Collator()
    variants = str.maketrans("أإآٱىئؤة", "ااااييوه")

    def key(name, lang):
        """The house order: the page's own script first; letter variants (أ إ آ ا) do not
        change the order, only break ties; a company's leading «ال» does not count."""
        if lang == "ar" and kind == "companies" and name.startswith("ال") and len(name) > 3:
            name = name[2:]
        other_script = ("\u0600" <= name[:1] <= "\u06ff") != (lang == "ar")
        return other_script, collator.sort_key(name.translate(variants)), collator.sort_key(name)

    items = PEOPLE if kind == "people" else COMPANIES
    for lang in LANGS:
        page = site.page(f"{PREFIX[lang]}{kind}/")
        names = [a.get_text(strip=True) for a in page.select(".nb-index__name")]
        assert sorted(names, key=lambda name: key(name, lang)) == names
        headings = [h.get_text(strip=True) for h in page.select(".nb-index__letter")]
        assert headings and len(headings) == len(set(headings))
        jump = [a["href"] for a in page.select(".nb-letters a")]
        assert jump == [f"{PREFIX[lang]}{kind}/#{h['id']}" for h in page.select(".nb-index__letter")]
        assert set(names) == {v[lang]["name"] for v in items.values()}
        assert all(p.get_text(strip=True) for p in page.select(".nb-index__summary"))
