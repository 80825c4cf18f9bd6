"""The build cache (newsbrief.cache): a build that uses it gives exactly the bytes of a
clean build, after any kind of edit; a build with nothing changed is skipped."""

import shutil
import subprocess

import pytest
from newsbrief.build import BuildFailed
from newsbrief.checks.contentfile import ContentFile
from support import FIXTURES, ROOT, Project, stats, tree


@pytest.fixture
def project(tmp_path):
    return Project(tmp_path)


def rename(project):
    """Jane Doe takes another family name, in her profile and wherever a file names her."""
    for path in project.content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("جين دو", "جين سميث").replace("Jane Doe", "Jane Smith"), encoding="utf-8")


EDITS = {
    "person": lambda p: p.edit("people/jane-doe.ar.md", "بعد ثلاث سنوات.\n", "بعد ثلاث سنوات. وعُدِّلت الصفحة.\n"),
    "company": lambda p: p.edit("companies/globex.en.md", "summary: ", "summary: Edited. "),
    "brief": lambda p: p.edit("articles/acme-hires.ar.md", "إن الفريق يكبر", "إن الفريق ينمو"),
    "rename": rename,
    "template": lambda p: p.edit("theme/templates/base.html", "</body>", "<!-- edited --></body>"),
    "catalogue": lambda p: p.edit("theme/translations/ar/LC_MESSAGES/messages.po",
                                  'msgstr "الأشخاص"', 'msgstr "الناس"'),
    "setting": lambda p: {"SHARE_CARDS_PROFILE_BRIEFS": 0},
}


@pytest.mark.parametrize("kind", EDITS)
def test_a_cached_rebuild_after_an_edit_is_a_clean_build(project, tmp_path, kind):
    output = tmp_path / "output"
    project.build(output)
    before = tree(output)
    overrides = EDITS[kind](project) or {}
    assert not project.build(output, **overrides).skipped
    clean = tmp_path / "clean"
    project.build(clean, cache=tmp_path / "no-cache", **overrides)
    after = tree(output)
    assert after == tree(clean)
    assert after != before  # the edit shows: no page kept its old bytes from the cache


def test_a_build_with_nothing_changed_is_skipped_and_gives_the_same_warnings(project, tmp_path):
    output = tmp_path / "output"
    project.edit("articles/acme-hires.en.md", "\n---\n", "\n---\n\n<script>alert(1)</script>\n")  # a warning
    first = project.build(output)
    assert not first.skipped and any("removed" in w and "script" in w for w in first)
    files = stats(output)
    again = project.build(output)
    assert again.skipped and list(again) == list(first)
    assert stats(output) == files  # not one file written


def test_a_build_says_how_long_each_step_took(project, tmp_path):
    """`make html` and `make bench` print where a build's time went, wall and CPU (the seconds vary by
    machine and are not asserted); a skipped build ran no step."""
    output = tmp_path / "output"
    steps = project.build(output).steps
    assert list(steps) == ["digest of the inputs", "reading and checks", "linking", "writing",
                           "comparing with the last site", "search index", "swap and records"]
    assert all(seconds >= 0 for seconds in steps.values())
    assert list(steps.cpu) == list(steps) and all(seconds >= 0 for seconds in steps.cpu.values())
    assert str(steps).startswith("digest of the inputs ") and str(steps).endswith(" s")
    assert str(steps).count(", CPU ") == len(steps)
    assert project.build(output).steps is None
    run = subprocess.run(["make", "-s", "html", f"CONTENT={project.content}", f"OUTPUT={tmp_path / 'made'}",
                          f"BUILD_FLAGS=--cache-path={tmp_path / 'made-cache'}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "\nSteps: digest of the inputs " in run.stdout, run.stdout + run.stderr


def test_a_hand_edited_output_is_built_again(project, tmp_path):
    output = tmp_path / "output"
    project.build(output)
    clean = tree(output)
    (output / "index.html").write_text("edited by hand", encoding="utf-8")
    assert not project.build(output).skipped
    assert tree(output) == clean


def test_a_deleted_file_takes_its_pages_with_it(project, tmp_path):
    output = tmp_path / "output"
    for lang in ("ar", "en"):
        text = (project.content / f"pages/about.{lang}.md").read_text(encoding="utf-8")
        (project.content / f"pages/colophon.{lang}.md").write_text(
            text.replace("slug: about", "slug: colophon"), encoding="utf-8")
    project.build(output)
    assert (output / "colophon" / "index.html").exists()
    for lang in ("ar", "en"):
        (project.content / f"pages/colophon.{lang}.md").unlink()
    assert not project.build(output).skipped
    assert not (output / "colophon").exists() and not (output / "en" / "colophon").exists()


def test_a_files_own_checks_are_kept_and_run_again_when_it_changes(project, tmp_path):
    """Each file's own checks are kept by its bytes (and name, code and settings): the same
    problems, word for word, without checking it again; an edit is checked again."""
    output = tmp_path / "output"
    project.edit("people/jane-doe.en.md", "summary: Moved from Globex to Acme AI.", 'summary: "TODO: a sentence"')
    with pytest.raises(BuildFailed) as first:
        project.build(output)
    assert any("jane-doe.en.md" in p and "summary" in p for p in first.value.problems)
    calls = tmp_path / "calls.txt"  # the checks run in a forked copy of the build: noted in a file
    calls.write_text("")
    original = ContentFile.check

    def check(self, settings):
        with calls.open("a") as note:
            note.write(self.shown.rsplit("/", 1)[-1] + "\n")
        return original(self, settings)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ContentFile, "check", check)
        with pytest.raises(BuildFailed) as again:
            project.build(output)
        assert again.value.problems == first.value.problems and calls.read_text() == ""
        project.edit("people/jane-doe.en.md", 'summary: "TODO: a sentence"', "summary: Moved from Globex to Acme AI.")
        project.build(output)
        assert calls.read_text().split() == ["jane-doe.en.md"]


def test_a_problem_found_across_files_keeps_its_line_when_the_files_come_from_the_store(project, tmp_path):
    """The YAML nodes of a file are dropped after its own checks (and never stored): a problem
    found later, across files, composes them again from the text and gives the exact line."""
    bad = FIXTURES / "bad" / "unknown-person"
    for name in ("acme-hires.ar.md", "acme-hires.en.md"):
        shutil.copy(bad / "content" / "articles" / name, project.content / "articles" / name)
    expected = (bad / "expected.txt").read_text(encoding="utf-8").splitlines()
    for _ in range(2):  # the second build reads every file from the store
        with pytest.raises(BuildFailed) as failed:
            project.build(tmp_path / "output")
        assert failed.value.problems == expected


def test_the_cache_lives_where_make_clean_removes_it_and_git_ignores_it():
    from pelican.settings import read_settings

    cache = read_settings(str(ROOT / "pelicanconf.py"))["CACHE_PATH"]
    assert cache == str(ROOT / "cache")
    ignored = subprocess.run(["git", "check-ignore", "-q", "cache/last-build.json"], cwd=ROOT)
    assert ignored.returncode == 0
    clean = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nclean:", 1)[1].split("\n\n", 1)[0]
    assert " cache" in clean


# --- pages rendered over several processes (newsbrief.parallel) ------------------------------

def test_pages_rendered_over_several_processes_are_the_bytes_of_one(project, tmp_path):
    project.edit("articles/acme-hires.en.md", "\n---\n", "\n---\n\n<script>alert(1)</script>\n")  # a warning
    one = project.build(tmp_path / "one", cache=tmp_path / "c1", RENDER_PROCESSES=1)
    many = project.build(tmp_path / "many", cache=tmp_path / "c3", RENDER_PROCESSES=3, RENDER_PARALLEL_MIN=1)
    assert tree(tmp_path / "one") == tree(tmp_path / "many")
    assert sorted(one) == sorted(many) and any("script" in w for w in many)


def test_an_error_in_a_rendering_process_fails_the_build_and_keeps_the_output(project, tmp_path):
    output = tmp_path / "output"
    project.build(output)
    before = stats(output)
    project.edit("theme/templates/person.html", "{% block kicker %}",
                 "{% block kicker %}{% if person.slug == 'john-roe' %}{{ nope() }}{% endif %}")
    with pytest.raises(BuildFailed, match=r"rendering failed: .*nope"):
        project.build(output, RENDER_PROCESSES=2, RENDER_PARALLEL_MIN=1)
    assert stats(output) == before


def test_a_rebuild_writes_only_the_files_whose_bytes_changed(project, tmp_path):
    output = tmp_path / "output"
    project.build(output)
    before = stats(output)
    EDITS["person"](project)
    project.build(output)
    after = stats(output)
    changed = {p.relative_to(output).as_posix() for p in after if before.get(p) != after[p]}
    assert "people/jane-doe/index.html" in changed
    assert "about/index.html" not in changed and "en/people/john-roe/index.html" not in changed
    assert len(changed) < len(after) / 2, sorted(changed)
