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

LABEL = {"ar": "من السياق:", "en": "By context:"}
NAMED = {"ar": "بالاسم:", "en": "By name:"}


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
def test_the_page_says_by_context_before_the_paragraphs_it_labels(context_site, lang):
    """Each group of paragraph links is a line of its own headed by its label, so "by context"
    cannot be read as belonging to the one paragraph beside it (critique 32b)."""
    site, _ = context_site
    cited = site.page(f"{PREFIX[lang]}companies/globex/").select_one(".nb-sources .nb-sources__cited")
    groups = cited.select(":scope > .nb-sources__group")
    assert len(groups) == 2
    for group, label, fragments in ((groups[0], NAMED[lang], ["p-1"]), (groups[1], LABEL[lang], ["p-3"])):
        first = group.find(recursive=False)
        assert first.get_text(strip=True) == label
        assert ("nb-fact__by-context" in first["class"]) == (label == LABEL[lang])
        links = group.select("a.nb-sources__paragraph")
        assert [a["href"].rsplit("#", 1)[1] for a in links] == fragments
        assert all(a["data-subject"] == "company:globex" for a in links)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_cited_paragraphs_show_no_stray_commas_between_their_targets(context_site, lang):
    """The 44-px pilcrows stand apart: the commas between them are for screen readers only."""
    site, _ = context_site
    cited = site.page(f"{PREFIX[lang]}companies/globex/").select_one(".nb-sources .nb-sources__cited")
    for hidden in cited.select(".nb-visually-hidden"):
        hidden.decompose()
    shown = [" ".join(group.get_text(" ").split()) for group in cited.select(".nb-sources__group")]
    assert shown == [f"{NAMED[lang]} ¶1", f"{LABEL[lang]} ¶3"], shown
    assert not any(mark in "".join(shown) for mark in (",", ";", "،", "؛")), shown


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
