"""Every fact shows where it comes from, wherever it appears (issue 11): the provenance gate
over the real build, and proof that it fails on a wrong paragraph or a missing source."""

import shutil

import pytest

from conftest import ROOT, build
from content_copy import copy_content, edit, read
from gates import provenance

PREFIX = {"ar": "/", "en": "/en/"}
BRIEF = "meta-superintelligence-departures"


def test_every_fact_links_a_paragraph_that_names_its_subject(site):
    assert provenance.check(site.path, ROOT / "content") == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_facts_are_marked_on_every_kind_of_page(site, lang):
    counts = {}
    for url in ("", "people/bert-maher/", "companies/meta/", "companies/google-deepmind/"):
        page = site.page(PREFIX[lang] + url)
        counts[url] = (len(page.select("[data-fact]")), len(page.select("a.nb-fact__source")))
    assert counts[""] == (12, 12), "one row per move on the home page, each with its paragraph"
    assert counts["people/bert-maher/"] == (2, 2), "role and move"
    # type, parent; 2 joined and 6 left; the stated count; 5 companies moved with
    assert counts["companies/meta/"][0] == 2 + 8 + 1 + 5


@pytest.fixture(scope="module")
def wrong_paragraph_site(tmp_path_factory):
    """Bert Maher's move cited to paragraph 3, which names Tony Liu, not him."""
    tmp = tmp_path_factory.mktemp("wrong-paragraph")
    content = copy_content(tmp)
    bert = content / "people/bert-maher.ar.md"
    moves = read(bert)[0]["moves"]
    moves[0]["source"]["paragraph"] = 3
    edit(bert, moves=moves)
    return build(tmp, content=content), content


def test_the_gate_fails_on_a_fact_citing_the_wrong_paragraph(wrong_paragraph_site):
    site, content = wrong_paragraph_site
    problems = provenance.check(site.path, content)
    wrong = [p for p in problems if "does not name person:bert-maher" in p]
    pages = {p.split(":")[0] for p in wrong}
    for prefix in ("", "en/"):
        for page in ("index.html", "people/bert-maher/index.html", "companies/meta/index.html",
                     "companies/anthropic/index.html"):
            assert prefix + page in pages, (prefix + page, problems)
    assert len(wrong) == len(problems)


def test_the_gate_fails_on_a_fact_without_a_source(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    page = copy / "en/companies/meta/index.html"
    text = page.read_text(encoding="utf-8")
    start = text.index('<a class="nb-fact__source"')
    page.write_text(text[:start] + text[text.index("</a>", start) + 4:], encoding="utf-8")
    problems = provenance.check(copy, ROOT / "content")
    assert len(problems) == 1 and problems[0].startswith("en/companies/meta/index.html: type “")


def test_the_gate_fails_on_an_unmarked_fact(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site.path, copy)
    page = copy / "people/bert-maher/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(' data-fact="move"', "", 1), encoding="utf-8")
    problems = provenance.check(copy, ROOT / "content")
    assert [p.split(":")[0] for p in problems] == ["people/bert-maher/index.html"]
    assert "without data-fact" in problems[0]
