"""Citations that land (issue 21) and names that belong to one profile (issue 23), on built
sites. The checks' own cases (a paragraph that does not name its subject, an alias another
profile writes, look-alike names) are in tests/fixtures/bad/ with their exact lines; here: a
paragraph that names its subject only by context is cited `by: context`, the build accepts
it and every page that links it says so, and the provenance gate holds every paragraph link
of a site to that rule (on the truth fixture's site: tests/test_provenance.py)."""

import shutil

import pytest
from gates import provenance
from support import FIXTURES, PREFIX, TRUTH, build, copy_cut, edit, make_case, problems_of, read

LABEL = {"ar": "من السياق", "en": "by context"}


@pytest.fixture(scope="module")
def context_site(tmp_path_factory):
    """The mini corpus whose brief's paragraph 3 says "the company did not comment" of Globex
    (tests/fixtures/bad/context-citation-unmarked), with Globex's citation of it marked."""
    tmp = tmp_path_factory.mktemp("by-context")
    content = make_case(FIXTURES / "bad" / "context-citation-unmarked", tmp)
    globex = content / "companies/globex.ar.md"
    sources = read(globex)[0]["sources"]
    assert sources[1]["paragraph"] == 3
    sources[1]["by"] = "context"
    edit(globex, sources=sources)
    return build(tmp, content=content), content


def test_a_context_citation_passes_the_checks(context_site):
    _site, content = context_site
    assert problems_of(content, content.parent) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_page_says_by_context_beside_the_paragraph_link(context_site, lang):
    site, _ = context_site
    page = site.page(f"{PREFIX[lang]}companies/globex/")
    links = {a["href"].rsplit("#", 1)[1]: a for a in page.select(".nb-sources a.nb-sources__paragraph")}
    assert sorted(links) == ["p-1", "p-3"]
    for fragment, link in links.items():
        label = link.find_next_sibling()
        marked = label is not None and "nb-fact__by-context" in label.get("class", [])
        assert marked == (fragment == "p-3"), (fragment, label)
        assert link["data-subject"] == "company:globex"
    assert links["p-3"].find_next_sibling().get_text(strip=True) == LABEL[lang]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_cited_paragraphs_show_no_stray_commas_between_their_targets(context_site, lang):
    """The 44-px pilcrows stand apart: the commas between them are for screen readers only,
    and a middle dot parts the named paragraphs from those that name the subject by context."""
    site, _ = context_site
    cited = site.page(f"{PREFIX[lang]}companies/globex/").select_one(".nb-sources .nb-sources__cited")
    for hidden in cited.select(".nb-visually-hidden"):
        hidden.decompose()
    shown = " ".join(cited.get_text(" ").split())
    assert "¶1 · ¶3" in shown and not any(mark in shown for mark in (",", ";", "،", "؛")), shown


def test_the_gate_accepts_the_marked_link_and_refuses_it_unmarked(context_site, tmp_path):
    site, content = context_site
    assert provenance.check(site.path, content) == []
    copy = copy_cut(site.path, tmp_path, "en/companies/globex/index.html", '<span class="nb-muted nb-fact__by-context">', "</span>")
    assert provenance.check(copy, content) == [
        "en/companies/globex/index.html: /en/articles/acme-hires/#p-3: paragraph p-3 does not name"
        " company:globex and is not marked “by context”"]


def test_the_gate_refuses_a_paragraph_link_that_does_not_say_whom_it_is_about(truth_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(truth_site.path, copy)
    page = copy / "people/omar-nasser/index.html"
    text = page.read_text(encoding="utf-8")
    marked = 'class="nb-sources__paragraph" data-subject="person:omar-nasser"'
    assert marked in text
    page.write_text(text.replace(marked, 'class="nb-sources__paragraph"', 1), encoding="utf-8")
    problems = provenance.check(copy, TRUTH)
    assert len(problems) == 1 and problems[0].endswith(": a paragraph link without data-subject"), problems
