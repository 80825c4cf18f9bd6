"""The content validator (plugins/newsbrief/validate.py).

Every case in tests/fixtures/bad/ is a small change to the valid mini corpus in
tests/fixtures/mini/content: the files under the case's `content/` replace or add files,
`remove.txt` lists files to delete, and `expected.txt` holds every line the validator
must print for it, exactly (warnings are prefixed with `(warning) `).
"""

import shutil
import subprocess

import pytest
from newsbrief.checks.contentfile import Problem
from newsbrief.checks.validator import ContentValidator
from newsbrief.schema import CONTENT_TYPES, slugify
from newsbrief.tools.check import main
from pelican.settings import read_settings
from support import BAD_CASES, FIXTURES, MINI, ROOT, as_lines, make_case, problems_of

CASES = BAD_CASES


def test_there_are_enough_bad_fixtures():
    assert len(CASES) >= 25
    assert all((case / "expected.txt").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_content_gives_exactly_the_expected_lines(case, tmp_path):
    content = make_case(case, tmp_path)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert as_lines(problems_of(content, tmp_path)) == expected


def test_the_mini_corpus_is_valid(tmp_path):
    assert problems_of(MINI, MINI.parent) == []


def test_problem_format():
    problem = Problem("content/people/x.ar.md", 5, "role", "required field is missing", "add `role: …`")
    assert str(problem) == "content/people/x.ar.md:5: role: required field is missing — add `role: …`"


def test_every_problem_of_a_run_is_reported_at_once(tmp_path):
    """Three broken files: every problem is in the one list, sorted by file and line."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    for case in ("bad-slug", "unknown-field", "unknown-person"):
        shutil.copytree(FIXTURES / "bad" / case / "content", content, dirs_exist_ok=True)
    lines = as_lines(problems_of(content, tmp_path))
    expected = [line for case in ("bad-slug", "unknown-field", "unknown-person")
                for line in (FIXTURES / "bad" / case / "expected.txt").read_text(encoding="utf-8").splitlines()]
    assert sorted(lines) == sorted(expected) and lines == sorted(lines)


def test_cli_lists_problems_and_exits_1_on_errors(tmp_path, capsys):
    content = make_case(FIXTURES / "bad" / "unknown-person", tmp_path)
    assert main([str(content), "--settings", str(ROOT / "pelicanconf.py")]) == 1
    err = capsys.readouterr().err
    assert "2 errors:\n  - " in err and "there is no person `jane-do` — did you mean `jane-doe`?" in err
    assert "Traceback" not in err


def test_cli_warnings_alone_do_not_fail(tmp_path, capsys):
    content = make_case(FIXTURES / "bad" / "unmentioned-profile", tmp_path)
    assert main([str(content), "--settings", str(ROOT / "pelicanconf.py")]) == 0
    out = capsys.readouterr().out
    assert "1 warning:" in out and "no brief mentions this company" in out


def test_make_check_validates_without_building(tmp_path):
    content = make_case(FIXTURES / "bad" / "invalid-date", tmp_path)
    run = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "check", f"CONTENT={content}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode != 0
    assert "date: `2026-13-40` is not a valid date — write a real date as YYYY-MM-DD" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "output").exists()


def test_every_content_type_has_a_model_per_language_role():
    for kind in CONTENT_TYPES.values():
        assert kind.model.__doc__ and kind.translation.__doc__
        for info in kind.model.model_fields.values():
            assert info.description, (kind.name, info)


@pytest.mark.parametrize("text, slug", [
    ("Jane Doe", "jane-doe"), ("Li-Wei Chen", "li-wei-chen"), ("Jane_Doe", "jane-doe"),
    ("Zoë O’Hara", "zoe-ohara"), ("Acme AI", "acme-ai"), ("  Nimbus.ai  ", "nimbus-ai"),
])
def test_slugs_are_ascii_kebab_case(text, slug):
    assert slugify(text) == slug


def test_a_windows_file_with_a_byte_order_mark_is_read_as_pelican_reads_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    path = content / "pages" / "about.en.md"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert problems_of(content, tmp_path) == []


def test_paths_are_shown_from_the_project(tmp_path):
    content = make_case(FIXTURES / "bad" / "empty-body", tmp_path)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    problems = ContentValidator(content, settings).validate()
    assert [p.path for p in problems] == ["content/people/john-roe.en.md"]


def test_no_problem_points_outside_its_file(tmp_path):
    """Every line number of every fixture's problems is a line of the file named."""
    for case in CASES:
        content = make_case(case, tmp_path / case.name)
        for problem in problems_of(content, tmp_path / case.name):
            path = tmp_path / case.name / problem.path
            assert 1 <= problem.line <= len(path.read_bytes().split(b"\n")), (case.name, str(problem))


def test_an_unreadable_file_is_one_problem_not_a_traceback(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    (content / "people" / "jane-doe.ar.md").write_bytes(b"\x00\xff\xfe garbage")
    lines = as_lines(problems_of(content, tmp_path))
    assert lines == ["content/people/jane-doe.ar.md:1: file: the file is not UTF-8 text (byte 0xff cannot be read)"
                     " — save it with the UTF-8 encoding (in your editor: Save with Encoding, UTF-8)"]


@pytest.mark.parametrize("kind, folder, slug, route", [
    ("page", "pages", "awards", {"AWARDS_URL": "{prefix}awards/", "AWARDS_SAVE_AS": "{prefix}awards/index.html"}),
    ("person", "people", "team", {"PEOPLE_TEAM_SAVE_AS": "{prefix}people/team/index.html"}),
    ("page", "pages", "company-feeds", {"COMPANY_FEED_ATOM": "{prefix}company-feeds/{slug}.xml"}),
])
def test_a_route_added_to_the_settings_is_reserved_at_once(kind, folder, slug, route, tmp_path):
    """Reserved slugs are derived from the settings (checks/reserved.py), never listed."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    source = {"page": "pages/about", "person": "people/john-roe"}[kind]
    for lang in ("ar", "en"):
        text = (MINI / f"{source}.{lang}.md").read_text(encoding="utf-8")
        (content / f"{folder}/{slug}.{lang}.md").write_text(
            text.replace(f"slug: {source.split('/')[1]}", f"slug: {slug}"), encoding="utf-8")
    (content / f"{source}.ar.md").unlink(), (content / f"{source}.en.md").unlink()

    def problems(settings):
        found = ContentValidator(content, read_settings(str(ROOT / "pelicanconf.py"), override={
            "PATH": str(content), **settings}), root=tmp_path).validate()
        return [str(p) for p in found if p.field == "slug" and "reserved" in p.message]

    assert problems({}) == []
    refused = problems(route)
    assert len(refused) == 2 and all(f"`{slug}` is reserved" in p for p in refused), refused
