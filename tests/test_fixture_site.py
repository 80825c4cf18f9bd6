"""Structural rendering on a small fixture site: the mini corpus (tests/fixtures/mini: one
published brief that mentions two people and two companies, a draft brief, an About page),
so these tests do not depend on the editors' real content (test_routes.py's smoke test
builds that)."""

import pytest
from support import LANGS, MINI, PREFIX, build, content_items, expected_routes, published_items


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return build(tmp_path_factory.mktemp("mini"), content=MINI)


def test_the_fixture_has_a_page_a_mention_and_a_draft():
    briefs = content_items("articles", MINI)
    assert content_items("pages", MINI) and any(v["ar"].get("status") == "draft" for v in briefs.values())
    assert published_items("articles", MINI) and all(v["en"]["people"] for v in published_items("articles", MINI).values())


def test_every_route_and_no_draft(mini):
    built = {mini.url_of(f) for f in mini.html_files()}
    drafts = set(content_items("articles", MINI)) - set(published_items("articles", MINI))
    assert built == {url for group in expected_routes(MINI) for url in group.values()} | {"/404.html"}
    assert not [f for f in mini.html_files() if any(slug in f for slug in drafts)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_links_the_first_mention_of_each_profile(mini, lang):
    for slug, versions in published_items("articles", MINI).items():
        body = mini.page(f"{PREFIX[lang]}articles/{slug}/").select_one(".nb-brief__body")
        linked = [a["href"] for a in body.select("a[href]")]
        for person in versions[lang]["people"]:
            assert linked.count(f"{PREFIX[lang]}people/{person}/") == 1, (lang, person)


@pytest.mark.parametrize("lang", LANGS)
def test_profiles_and_indexes_list_exactly_the_fixture(mini, lang):
    for kind in ("people", "companies"):
        items = content_items(kind, MINI)
        names = [a.get_text(strip=True) for a in mini.page(f"{PREFIX[lang]}{kind}/").select(".nb-index__name")]
        assert sorted(names) == sorted(v[lang]["name"] for v in items.values())
        for slug, versions in items.items():
            assert mini.page(f"{PREFIX[lang]}{kind}/{slug}/").h1.get_text(strip=True) == versions[lang]["name"]


def test_the_page_is_in_both_languages_with_its_twin(mini):
    for slug in content_items("pages", MINI):
        ar, en = mini.page(f"/{slug}/"), mini.page(f"/en/{slug}/")
        assert (ar.html["lang"], ar.html["dir"], en.html["lang"], en.html["dir"]) == ("ar", "rtl", "en", "ltr")
        assert ar.select_one("a[data-switcher]")["href"] == f"/en/{slug}/"
