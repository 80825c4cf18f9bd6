"""The page memo fails loudly (newsbrief.memoguard): with NEWSBRIEF_STRICT_MEMO on (the
tests turn it on, conftest.py), a page the memo may keep that reads the template context
or the talent graph beyond what the memo records fails the build, naming its template
and the value; the real site passes."""

import pytest
from newsbrief.build import BuildFailed, build_site
from support import ROOT, Project, stats

READS_ARTICLES = "{% block kicker %}{{ articles | length }}"


@pytest.fixture
def project(tmp_path):
    return Project(tmp_path / "project")


@pytest.mark.parametrize("processes", [1, 2])
def test_a_template_reading_articles_directly_is_refused(project, tmp_path, monkeypatch, processes):
    output = tmp_path / "output"
    project.build(output)
    before = stats(output)
    project.edit("theme/templates/person.html", "{% block kicker %}", READS_ARTICLES)
    with pytest.raises(BuildFailed, match=r"person\.html: reads `articles` from the context.*pass it to the page"):
        project.build(output, RENDER_PROCESSES=processes, RENDER_PARALLEL_MIN=1)
    assert stats(output) == before
    monkeypatch.delenv("NEWSBRIEF_STRICT_MEMO")  # the guard is what refused it
    assert project.build(output) == []


def test_a_template_reading_the_graph_beyond_its_recorded_questions_is_refused(project, tmp_path):
    project.edit("theme/templates/company.html", "{% extends", "{{ talent.moves | length }}{% extends")
    with pytest.raises(BuildFailed, match=r"company\.html: reads `talent\.moves`, not a @recorded question"):
        project.build(tmp_path / "output")


def test_the_setting_turns_the_guard_on(project, tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSBRIEF_STRICT_MEMO")
    project.edit("theme/templates/person.html", "{% block kicker %}", READS_ARTICLES)
    with pytest.raises(BuildFailed, match="reads `articles`"):
        project.build(tmp_path / "output", NEWSBRIEF_STRICT_MEMO=True)


def test_the_real_site_builds_with_the_guard_on(tmp_path):
    warnings = build_site(str(ROOT / "pelicanconf.py"), str(tmp_path / "output"), {
        "CACHE_PATH": str(tmp_path / "cache"), "NEWSBRIEF_STRICT_MEMO": True, "SEARCH_INDEX": False})
    assert warnings == []
    assert warnings.rendered > 0  # pages the memo may keep were rendered, under the guard
