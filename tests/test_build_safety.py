"""A build that fails on bad content leaves the previous site exactly as it was, reports
every problem as a list, and shows no Python traceback."""

import hashlib
import shutil
import subprocess
import sys

import pytest
from newsbrief.build import BuildFailed, build_site
from support import MINI, ROOT, build, make_case

BAD = ROOT / "tests" / "fixtures" / "bad"


def snapshot(folder):
    """{relative path: sha256} of every file, and every folder, under `folder`."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        for path in sorted(folder.rglob("*"))
    }


def test_a_failed_build_leaves_output_byte_for_byte(tmp_path):
    good = build(tmp_path, content=MINI)
    before = snapshot(good.path)
    assert len(before) > 50

    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    person = content / "people" / "jane-doe.ar.md"
    person.write_text(person.read_text(encoding="utf-8").replace("to: acme-ai", "to: acme-ia"), encoding="utf-8")
    (content / "people" / "john-roe.en.md").write_bytes(b"---\nname: John Roe\nrole: caf\xe9\n---\n")
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path, content=content)

    assert failure.value.problems == [
        "content/people/jane-doe.ar.md:12: moves[1].to: there is no company `acme-ia`"
        " — did you mean `acme-ai`?",
        "content/people/john-roe.en.md:3: file: the file is not UTF-8 text (byte 0xe9 cannot be read)"
        " — save it with the UTF-8 encoding (in your editor: Save with Encoding, UTF-8)",
    ]
    assert snapshot(good.path) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith((".build-", ".old-"))]
    assert leftovers == []


def test_the_build_command_prints_the_list_and_no_traceback(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    for case in ("unknown-field", "invalid-date"):
        shutil.copytree(BAD / case / "content", content, dirs_exist_ok=True)
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the previous site", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "newsbrief.tools.build", "--settings", str(ROOT / "pelicanconf.py"),
         "--content", str(content), "--output", str(output)],
        cwd=tmp_path, env={"PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"The build failed; {output}/ was left as it was." in run.stderr
    problems = [line.removeprefix("  - ") for line in run.stderr.splitlines() if line.startswith("  - ")]
    expected = [line for case in ("invalid-date", "unknown-field")
                for line in (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()]
    assert problems == expected
    assert (output / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "output"]


def test_content_warnings_do_not_fail_and_are_given_by_every_build(tmp_path):
    content = make_case(BAD / "unmentioned-profile", tmp_path)  # the mini corpus, not the real brief
    warning = ("content/companies/initech.ar.md:3: slug: no brief mentions this company — add `initech`"
               " to the `companies:` list of the brief that names it, in both language files")
    given = []
    for attempt in ("first", "second"):  # Pelican's loggers would drop a repeated message
        site = build(tmp_path / attempt, content=content)
        assert warning in site.warnings, attempt
        given.append(site.warnings)
        assert site.file("/companies/initech/").is_file()
    assert given[0] == given[1]
    with pytest.raises(BuildFailed) as failure:
        build_site(str(ROOT / "pelicanconf.py"), str(tmp_path / "strict"),
                   {"PATH": str(content), "THEME": str(ROOT / "theme"), "CACHE_PATH": str(tmp_path / "cache")}, strict=True)
    assert warning in failure.value.problems
