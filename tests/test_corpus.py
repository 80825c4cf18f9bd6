"""The synthetic corpus generator (scripts/make_corpus.py): valid content, the promised
sizes, both languages, the Arabic hazards it is meant to exercise, and the same bytes
for the same N and seed."""

import subprocess
import sys

from newsbrief.checks.validator import ContentValidator
from pelican.settings import read_settings
from support import ROOT

SCRIPT = ROOT / "scripts" / "make_corpus.py"


def make(n, out, *extra):
    subprocess.run([sys.executable, str(SCRIPT), str(n), str(out), *extra], check=True, capture_output=True)
    return out


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_corpus_is_valid_with_the_promised_sizes(tmp_path):
    content = make(40, tmp_path / "content")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    problems = ContentValidator(content, settings, root=tmp_path).validate()
    assert [str(p) for p in problems] == []
    for folder, count in (("articles", 40), ("people", 80), ("companies", 10)):
        for lang in ("ar", "en"):
            assert len(list((content / folder).glob(f"*.{lang}.md"))) == count, (folder, lang)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (content / "articles").glob("*.ar.md"))
    dates = {line[6:13] for line in text.splitlines() if line.startswith("date: ")}
    assert len(dates) >= 24  # spread over the months of about three years


def test_corpus_has_the_arabic_hazards(tmp_path):
    content = make(300, tmp_path / "content")
    names = [p.read_text(encoding="utf-8").split("\n")[1] for p in (content / "people").glob("*.ar.md")]
    bodies = "\n".join(p.read_text(encoding="utf-8") for p in (content / "articles").glob("*.ar.md"))
    for first in ("كريم", "ريم", "وليد", "بلال", "فادي", "لينا"):
        assert any(f'name: "{first} ' in line for line in names), first
    # «ريم …» and «كريم …» with the same family name: one hides inside the other
    rest = {line.split(" ", 2)[2] for line in names if line.startswith('name: "ريم ')}
    assert any(line.split(" ", 2)[2] in rest for line in names if line.startswith('name: "كريم '))
    assert "وكريم" in bodies or "وريم" in bodies  # a conjunction joined to a name
    assert any(alias in bodies for alias in ("احمد ", "اسامة", "ايمان", "امنة"))  # hamza-less aliases


def test_same_n_and_seed_give_the_same_bytes(tmp_path):
    first = snapshot(make(30, tmp_path / "a"))
    assert first == snapshot(make(30, tmp_path / "b"))
    assert first != snapshot(make(30, tmp_path / "c", "--seed", "2"))
