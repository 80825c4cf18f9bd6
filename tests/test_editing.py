"""The editor's side: the guide (docs/editing.md) matches the schema and works when
followed to the letter, and `make new-person` gives files that become pages once filled in."""

import json
import re
import shutil
import subprocess

import pytest
import yaml
from newsbrief.schema import CONTENT_TYPES, FieldTables
from newsbrief.tools.scaffold import Scaffold, ScaffoldError
from pelican.settings import get_settings_from_file
from support import BAD_CASES as CASES
from support import MINI, ROOT, as_lines, build, front_matter, problems_of

GUIDE = ROOT / "docs" / "editing.md"
BRIEF = "acme-hires"  # of the mini fixture
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
    valid, the build has no warning, and every new page is there and linked. On a copy of the
    real content: the guide's brief also names a company that is already there
    (docs/editing.md, "one that has"), read here from the example itself."""
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
        listed = front_matter(content / f"articles/acme-ai-hires-jane-doe.{'en' if prefix == '/en/' else 'ar'}.md")
        assert {"jane-doe"} <= set(listed["people"]) and {"acme-ai"} < set(listed["companies"])
        assert {f"{prefix}people/{p}/" for p in listed["people"]} | {
            f"{prefix}companies/{c}/" for c in listed["companies"]} <= mentions
        joined = site.page(f"{prefix}companies/acme-ai/").select('[data-flow="in"] a[data-person]')
        assert [a["data-person"] for a in joined] == ["jane-doe"]


PLACEHOLDER = "placeholder not filled in"


def placeholders(content, root):
    """The placeholders the checks report, each with the exact text it stands for in its file."""
    found = []
    for problem in problems_of(content, root):
        if problem.message == PLACEHOLDER:
            hint = problem.fix.removeprefix("replace it with: ")
            written = f"TODO: {hint}" if problem.field == "body" else json.dumps(f"TODO: {hint}", ensure_ascii=False)
            found.append((problem, written))
    return found


def todo_lines(paths, root):
    """(path, line) of every line of `paths` that holds a `TODO` outside a YAML comment."""
    return {(p.relative_to(root).as_posix(), number)
            for p in paths for number, line in enumerate(p.read_text(encoding="utf-8").split("\n"), start=1)
            if "TODO" in line and not line.lstrip().startswith("#")}


def fill(content, root, values, edits=()):
    """Replace every placeholder the checks report, as an editor would: `values` maps
    (file name, field) to what is written in its place, or None to delete its line;
    `edits` are (file name, line as written, new line) for the lines that hold no placeholder."""
    found = placeholders(content, root)
    assert found
    files = {}
    for problem, written in found:
        path = root / problem.path
        lines = files.setdefault(path, path.read_text(encoding="utf-8").split("\n"))
        line = lines[problem.line - 1]
        assert line is None or written in line, f"{problem}: line {problem.line} is {line!r}"
        value = values[path.name, problem.field]
        lines[problem.line - 1] = None if value is None or line is None else line.replace(written, value, 1)
    for name, old, new in edits:
        path = next(p for p in content.rglob(name))
        lines = files.setdefault(path, path.read_text(encoding="utf-8").split("\n"))
        lines[lines.index(old)] = new
    for path, lines in files.items():
        path.write_text("\n".join(line for line in lines if line is not None), encoding="utf-8")


def test_make_new_person_then_fill_in_and_mention_gives_both_pages_and_the_links(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(MINI, content)  # whose brief `acme-hires` has 3 paragraphs
    run = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "new-person", "NAME=Mary Major", f"CONTENT={content}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "people:` list of the brief that names them" in run.stdout
    ar, en = content / "people/mary-major.ar.md", content / "people/mary-major.en.md"
    assert ar.is_file() and en.is_file()

    # Untouched, the new files are refused: every placeholder is named, on its line.
    refused = problems_of(content, tmp_path)
    assert refused and all(p.message == PLACEHOLDER or p.severity == "warning" for p in refused)
    assert {(p.path, p.line) for p, _ in placeholders(content, tmp_path)} == todo_lines([ar, en], tmp_path)

    source = {"article": BRIEF, "paragraph": "4"}  # the one added below
    fill(content, tmp_path, {
        ("mary-major.ar.md", "name"): "ماري ميجور", ("mary-major.ar.md", "role"): "باحثة",
        ("mary-major.ar.md", "summary"): "غادرت غلوبكس لتنضم إلى أكمي للذكاء الاصطناعي.",
        **{("mary-major.ar.md", f"{at}.{key}"): value for at in ("role_source", "sources[1]", "moves[1].source")
           for key, value in source.items()},
        ("mary-major.ar.md", "moves[1].from"): "globex", ("mary-major.ar.md", "moves[1].to"): "acme-ai",
        ("mary-major.ar.md", "body"): "غادرت ماري ميجور غلوبكس لتنضم إلى أكمي للذكاء الاصطناعي.",
        ("mary-major.en.md", "role"): "Researcher", ("mary-major.en.md", "summary"): "Left Globex to join Acme AI.",
        ("mary-major.en.md", "body"): "Mary Major left Globex to join Acme AI.",
    })
    for lang, sentence in (("ar", "وغادرت ماري ميجور أيضًا غلوبكس لتنضم إلى أكمي للذكاء الاصطناعي."),
                           ("en", "Mary Major also left Globex to join Acme AI.")):
        brief = content / f"articles/{BRIEF}.{lang}.md"
        text = brief.read_text(encoding="utf-8").replace("people: [", "people: [mary-major, ", 1)
        brief.write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    assert as_lines(problems_of(content, tmp_path)) == []

    site = build(tmp_path, content=content)
    assert site.warnings == []
    for prefix in ("/", "/en/"):
        page = site.page(f"{prefix}people/mary-major/")
        assert page.h1.get_text(strip=True) == ("ماري ميجور" if prefix == "/" else "Mary Major")
        mentions = {a["href"] for a in site.page(f"{prefix}articles/{BRIEF}/").select(".nb-mentions a")}
        assert f"{prefix}people/mary-major/" in mentions
        for company, direction in (("acme-ai", "in"), ("globex", "out")):
            flow = site.page(f"{prefix}companies/{company}/").select(f'[data-flow="{direction}"] a[data-person]')
            assert "mary-major" in [a["data-person"] for a in flow], (company, direction)


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
    shutil.copytree(MINI, content)
    paths = Scaffold(content, SETTINGS).create(kind, "Ann Lee")
    assert [p.name for p in paths] == ["ann-lee.ar.md", "ann-lee.en.md"]
    model = CONTENT_TYPES[kind].model
    required = [info.alias or name for name, info in model.model_fields.items() if info.is_required()]
    assert [key for key in required if f"\n{key}:" not in paths[0].read_text(encoding="utf-8")] == []
    problems = problems_of(content, tmp_path)
    errors = [p for p in problems if p.severity == "error"]
    assert errors and all(p.message == PLACEHOLDER for p in errors), as_lines(errors)
    # each `TODO` is reported with its file, its line and its field
    assert {(p.path, p.line) for p, _ in placeholders(content, tmp_path)} == todo_lines(paths, tmp_path)
    assert {p.path for p in errors} == {f"content/{paths[0].parent.name}/{p.name}" for p in paths}


def test_scaffolded_files_list_the_allowed_values_and_keep_the_facts_in_the_arabic_file(tmp_path):
    files = Scaffold(tmp_path / "content", SETTINGS).files("company", "Acme AI")
    ar, en = (files[tmp_path / f"content/companies/acme-ai.{lang}.md"] for lang in ("ar", "en"))
    assert '\ntype: "TODO: one of `company`, `lab`, `startup`: what kind of organisation' in ar
    ar, en = (yaml.safe_load(text.split("---\n")[1]) for text in (ar, en))
    assert list(ar) == ["name", "slug", "lang", "summary", "aliases", "sources", "type", "type_source"]
    assert list(en) == ["name", "slug", "lang", "summary", "aliases"]
    assert (ar["name"][:6], en["name"]) == ("TODO: ", "Acme AI")


def test_a_new_brief_person_and_company_filled_in_build_and_link_each_other(tmp_path):
    """All three kinds scaffolded into the mini corpus, each placeholder replaced (the
    optional `from` deleted, as the brief does not say it): no problem left, and the pages
    are built and linked in both languages."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    scaffold = Scaffold(content, SETTINGS)
    scaffold.create("brief", "Initech hires Ann Lee")
    scaffold.create("person", "Ann Lee")
    scaffold.create("company", "Initech")
    slug = "initech-hires-ann-lee"
    source = {"article": slug, "paragraph": "1"}
    sources = {(name, f"{at}.{key}"): value for name, ats in (
        ("ann-lee.ar.md", ("role_source", "sources[1]", "moves[1].source")),
        ("initech.ar.md", ("type_source", "sources[1]"))) for at in ats for key, value in source.items()}
    fill(content, tmp_path, {
        **sources,
        (f"{slug}.ar.md", "title"): "إنيتك تستقطب آن لي",
        **{(f"{slug}.{lang}.md", "summary"): text for lang, text in (
            ("ar", "انضمت آن لي إلى إنيتك."), ("en", "Ann Lee joined Initech."))},
        **{(f"{slug}.{lang}.md", "source.name"): "Example News" for lang in ("ar", "en")},
        (f"{slug}.ar.md", "body"): "انضمت الباحثة آن لي إلى إنيتك، وهي شركة ناشئة.",
        (f"{slug}.en.md", "body"): "The researcher Ann Lee joined Initech, a startup.",
        ("ann-lee.ar.md", "name"): "آن لي", ("ann-lee.ar.md", "role"): "باحثة",
        ("ann-lee.en.md", "role"): "Researcher",
        ("ann-lee.ar.md", "summary"): "انضمت إلى إنيتك.", ("ann-lee.en.md", "summary"): "Joined Initech.",
        ("ann-lee.ar.md", "moves[1].from"): None, ("ann-lee.ar.md", "moves[1].to"): "initech",
        ("ann-lee.ar.md", "body"): "آن لي باحثة انضمت إلى إنيتك.", ("ann-lee.en.md", "body"): "Ann Lee is a researcher who joined Initech.",
        ("initech.ar.md", "name"): "إنيتك", ("initech.ar.md", "type"): "startup",
        ("initech.ar.md", "summary"): "شركة ناشئة انضمت إليها آن لي.", ("initech.en.md", "summary"): "A startup Ann Lee joined.",
        ("initech.ar.md", "body"): "إنيتك شركة ناشئة.", ("initech.en.md", "body"): "Initech is a startup.",
    }, edits=[(f"{slug}.{lang}.md", line, line[:-1] + value + "]") for lang in ("ar", "en")
              for line, value in (("people: []", "ann-lee"), ("companies: []", "initech"))])
    assert as_lines(problems_of(content, tmp_path)) == []

    site = build(tmp_path, content=content)
    assert site.warnings == []
    for prefix in ("/", "/en/"):
        mentions = {a["href"] for a in site.page(f"{prefix}articles/{slug}/").select(".nb-mentions a")}
        assert {f"{prefix}people/ann-lee/", f"{prefix}companies/initech/"} <= mentions
        joined = site.page(f"{prefix}companies/initech/").select('[data-flow="in"] a[data-person]')
        assert [a["data-person"] for a in joined] == ["ann-lee"]


def test_the_untouched_scaffold_case_is_what_the_scaffold_writes():
    """tests/fixtures/bad/scaffold-untouched (whose expected.txt lists every placeholder the
    checks report) holds today's scaffold of a person, so it cannot drift from it."""
    files = Scaffold(ROOT / "tests/fixtures/bad/scaffold-untouched/content", SETTINGS).files("person", "Ann Lee")
    assert {path: path.read_text(encoding="utf-8") for path in files} == files
