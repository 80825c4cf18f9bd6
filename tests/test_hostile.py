"""Hostile and careless content (issue 8): nothing leaks the build machine, runs a script
on the site or destroys work, and every failure is one line naming the file and the fix.

Every case in tests/fixtures/hostile/ is a change to the valid mini corpus (as in
tests/fixtures/bad/): `content/` files replace or add files, `remove.txt` lists files to
delete, `setup.txt` makes what git cannot hold (one per line):

    symlink <path> <target>    a symlink; `{tmp}` in the target is the test's folder
    fifo <path>                a named pipe
    big <path> <bytes>         a valid brief padded to that size
    chmod <path> <mode>        (octal)
    copy|rename <path> <name>  to a name with Python escapes (`\\n`, `\\u202e`)
    empty                      remove every content file

and `expected.txt` holds every line the checks give, exactly (warnings prefixed with
`(warning) `). When there is an error, a real build must fail with exactly those errors
and leave `output/` byte for byte as it was, with no file outside it touched (a canary
file and the content itself are compared before and after).
"""

import os

import pytest
from newsbrief.build import BuildFailed, build_site
from support import HOSTILE, ROOT, SECRET, as_lines, old_site, own_cache, problems_of, snapshot
from support import make_hostile_case as make_case

CASES = sorted(p for p in HOSTILE.iterdir() if p.is_dir())


def expected_lines(case):
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_there_is_a_case_for_every_problem_of_the_issue():
    assert len(CASES) >= 40
    assert all((case / "expected.txt").is_file() for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_checks_give_exactly_the_expected_lines(case, tmp_path):
    if (case / "setup.txt").is_file() and "chmod" in (case / "setup.txt").read_text() and os.geteuid() == 0:
        pytest.skip("root reads any file")
    content = make_case(case, tmp_path)
    assert as_lines(problems_of(content, tmp_path)) == expected_lines(case)


ERROR_CASES = [c for c in CASES if any(not line.startswith("(warning) ") for line in expected_lines(c))]


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: case.name)
def test_a_refused_case_leaves_output_and_everything_else_as_it_was(case, tmp_path, monkeypatch):
    if (case / "setup.txt").is_file() and "chmod" in (case / "setup.txt").read_text() and os.geteuid() == 0:
        pytest.skip("root reads any file")
    monkeypatch.setenv("NEWSBRIEF_CANARY", SECRET)
    content = make_case(case, tmp_path)
    output = old_site(tmp_path)
    before, outside = snapshot(output), snapshot(tmp_path, skip=("output",))
    with pytest.raises(BuildFailed) as failure:
        build_site(str(ROOT / "pelicanconf.py"), str(output),
                   {"PATH": str(content), "THEME": str(ROOT / "theme"), "CACHE_PATH": own_cache(tmp_path)})
    errors = [line for line in expected_lines(case) if not line.startswith("(warning) ")]
    shown = [p.replace(str(tmp_path) + "/", "") for p in failure.value.problems]
    assert shown == errors
    assert snapshot(output) == before
    assert snapshot(tmp_path, skip=("output",)) == outside
    assert (tmp_path / "canary.txt").read_text(encoding="utf-8") == "do not touch\n"
