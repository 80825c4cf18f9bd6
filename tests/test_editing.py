"""The editor's side: the guide (docs/editing.md) matches the schema and works when
followed to the letter, and `make new-person` gives files that become pages once filled in."""

import re
import shutil
import subprocess

import pytest
from newsbrief.tools.scaffold import Scaffold, ScaffoldError
from newsbrief.schema import CONTENT_TYPES, FieldTables
from pelican.settings import get_settings_from_file
from support import BAD_CASES as CASES
from support import ROOT, as_lines, build, problems_of

GUIDE = ROOT / "docs" / "editing.md"
BRIEF = "meta-superintelligence-departures"
SETTINGS = get_settings_from_file(str(ROOT / "pelicanconf.py"))


def guide():
    return GUIDE.read_text(encoding="utf-8")


def test_the_guide_field_tables_match_the_schema():
    folders = {name: SETTINGS[kind.paths_setting][0] for name, kind in CONTENT_TYPES.items()}
    tables = FieldTables(SETTINGS["LANGUAGES"], folders)
    assert tables.update(guide()) == guide(), "docs/editing.md is out of date: run `make docs`"


def test_the_readme_links_the_guide():
    assert "(docs/editing.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_error_line_in_the_guide_is_one_the_checks_print():
    hostile = [p for p in (ROOT / "tests" / "fixtures" / "hostile").iterdir() if p.is_dir()]
    printed = {line.removeprefix("(warning) ")
               for case in CASES + hostile for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()}
    quoted = re.findall(r"^\s*(content/\S+:\d+: .+ — .+)$", guide(), flags=re.MULTILINE)
    assert len(quoted) >= 25
    assert [line for line in quoted if line not in printed] == []


def test_following_the_guide_adds_a_company_a_person_and_a_brief(tmp_path):
    """Run the guide's `make new-…` commands, then write its worked examples: the content is
    valid, the build has no warning, and every new page is there and linked."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    scaffold = Scaffold(content, SETTINGS)
    created = []
    for kind, name in re.findall(r'^make new-(\w+) (?:NAME|TITLE)="([^"]+)"$', guide(), flags=re.MULTILINE):
        created += [p.relative_to(tmp_path).as_posix() for p in scaffold.create(kind, name)]
    examples = re.findall(r"<!-- example: (\S+) -->\n```markdown\n(.*?)```", guide(), flags=re.DOTALL)
    assert len(examples) == 8
    for path, text in examples:
        assert path in created or path.startswith("content/pages/"), f"the guide's commands do not create {path}"
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert as_lines(problems_of(content, tmp_path)) == []

    site = build(tmp_path, content=content)
    assert site.warnings == []
    for prefix in ("/", "/en/"):
        for url in ("people/jane-doe/", "companies/acme-ai/", "articles/acme-ai-hires-jane-doe/", "contact/"):
            assert site.file(prefix + url).is_file(), prefix + url
        mentions = {a["href"] for a in site.page(f"{prefix}articles/acme-ai-hires-jane-doe/").select(".nb-mentions a")}
        assert {f"{prefix}people/jane-doe/", f"{prefix}companies/acme-ai/", f"{prefix}companies/meta/"} <= mentions
        joined = site.page(f"{prefix}companies/acme-ai/").select('[data-flow="in"] a[data-person]')
        assert [a["data-person"] for a in joined] == ["jane-doe"]


def fill(path, lines):
    """Replace each placeholder line of a scaffolded file, as an editor would: `lines` maps
    what comes before `TODO` on the line (stripped) to the line that replaces it."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "TODO" in line:
            line = lines[line.split("TODO")[0].strip()]
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_make_new_person_then_fill_in_and_mention_gives_both_pages_and_the_links(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    run = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "new-person", "NAME=Jane Doe", f"CONTENT={content}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    ar, en = content / "people/jane-doe.ar.md", content / "people/jane-doe.en.md"
    assert ar.is_file() and en.is_file()

    # Untouched, the new files are refused: every placeholder is named.
    refused = problems_of(content, tmp_path)
    assert refused and all("placeholder" in p.message or p.severity == "warning" for p in refused)

    source = f"{{article: {BRIEF}, paragraph: 8}}"
    fill(ar, {
        'name: "': "name: جين دو", 'role: "': "role: باحثة",
        'summary: "': "summary: غادرت ميتا لتنضم إلى أوبن أيه آي.",
        '- {article: "': f"  - {source}",
        '- from: "': "  - from: meta", 'to: "': "    to: openai",
        'source: {article: "': f"    source: {source}",
        'role_source: {article: "': f"role_source: {source}",
        "": "غادرت جين دو ميتا لتنضم إلى أوبن أيه آي.",
    })
    fill(en, {'role: "': "role: Researcher", 'summary: "': "summary: Left Meta to join OpenAI.",
              "": "Jane Doe left Meta to join OpenAI."})
    for lang, sentence in (("ar", "وغادرت جين دو أيضًا ميتا لتنضم إلى أوبن أيه آي."),
                           ("en", "Jane Doe also left Meta to join OpenAI.")):
        brief = content / f"articles/{BRIEF}.{lang}.md"
        text = brief.read_text(encoding="utf-8").replace("people: [", "people: [jane-doe, ", 1)
        brief.write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    assert as_lines(problems_of(content, tmp_path)) == []

    site = build(tmp_path, content=content)
    assert site.warnings == []
    for prefix in ("/", "/en/"):
        page = site.page(f"{prefix}people/jane-doe/")
        assert page.h1.get_text(strip=True) == ("جين دو" if prefix == "/" else "Jane Doe")
        mentions = {a["href"] for a in site.page(f"{prefix}articles/{BRIEF}/").select(".nb-mentions a")}
        assert f"{prefix}people/jane-doe/" in mentions
        for company, direction in (("openai", "in"), ("meta", "out")):
            flow = site.page(f"{prefix}companies/{company}/").select(f'[data-flow="{direction}"] a[data-person]')
            assert "jane-doe" in [a["data-person"] for a in flow], (company, direction)


def test_scaffold_refuses_to_overwrite_and_to_invent_a_slug(tmp_path):
    scaffold = Scaffold(tmp_path / "content", SETTINGS)
    scaffold.create("company", "Acme AI")
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold.create("company", "Acme AI")
    with pytest.raises(ScaffoldError, match="not a slug"):
        scaffold.create("person", "Jane", slug="Jane_Doe")
    with pytest.raises(ScaffoldError, match="give the English name"):
        scaffold.create("person", "  ")


@pytest.mark.parametrize("kind", ["person", "company", "brief"])
def test_scaffolded_files_have_every_required_field_and_are_refused_until_filled(kind, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests/fixtures/mini/content", content)
    paths = Scaffold(content, SETTINGS).create(kind, "Ann Lee")
    assert [p.name for p in paths] == ["ann-lee.ar.md", "ann-lee.en.md"]
    problems = problems_of(content, tmp_path)
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(p.message == "placeholder not filled in" for p in errors), as_lines(errors)
    assert {p.path for p in errors} == {f"content/{paths[0].parent.name}/{p.name}" for p in paths}
