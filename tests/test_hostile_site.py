"""Hostile content that is fixed rather than refused (checked in the built HTML), and the
build's own safety: the output folder, Ctrl-C, stale staging folders, a missing content
folder, and no file of the build machine ever reaching the site."""

import csv
import io
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time
from html import unescape
from xml.etree import ElementTree

import html5lib
import pytest
from bs4 import BeautifulSoup
from markupsafe import escape
from newsbrief.build import BuildFailed, build_site
from newsbrief.escaping import script_json
from newsbrief.frontmatter import FrontMatterError, Sources
from newsbrief.text import fold
from support import HOSTILE, MINI, ROOT, SECRET, build, old_site, own_cache, snapshot
from support import make_hostile_case as make_case

SETTINGS = str(ROOT / "pelicanconf.py")
BRIEF_EN = "en/articles/acme-hires/index.html"


FIXED = sorted(c.name for c in HOSTILE.iterdir() if c.is_dir() and not any(
    not line.startswith("(warning) ") for line in (c / "expected.txt").read_text(encoding="utf-8").splitlines()))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """built(case): the site of a case the checks accept (built once), with what was
    outside its output folder before and after the build."""
    sites = {}

    def get(case):
        if case not in sites:
            tmp = tmp_path_factory.mktemp(case)
            content = make_case(HOSTILE / case, tmp)
            before = snapshot(tmp, skip=("output",))
            site = build(tmp, content=content)
            sites[case] = site, before, snapshot(tmp, skip=("output",))
        return sites[case][0]

    get.sites = sites
    return get


@pytest.mark.parametrize("case", FIXED)
def test_a_case_the_checks_accept_builds_and_touches_nothing_else(case, built):
    if case == "unreadable-file":
        pytest.skip("root reads any file")
    site = built(case)
    _, before, after = built.sites[case]
    assert before == after and (site.path / BRIEF_EN).is_file()


def html(site, relative):
    return BeautifulSoup((site.path / relative).read_text(encoding="utf-8"), "lxml")


# --- paragraph numbering that can't drift ------------------------------------------------

def test_a_comment_on_the_first_line_takes_no_paragraph_number(built):
    page = html(built("comment-first-line"), BRIEF_EN)
    paragraphs = page.select(".nb-brief__body p[id]")
    assert [p["id"] for p in paragraphs] == ["p-1", "p-2", "p-3"]
    assert paragraphs[0].get_text().startswith("The researcher Jane Doe")
    assert "editor: check" not in str(page)


def test_raw_html_cannot_claim_a_paragraph_id_or_ours(built):
    page = html(built("raw-paragraph-id"), BRIEF_EN)
    ids = [p["id"] for p in page.select("[id]") if p["id"].startswith("p-")]
    assert ids == ["p-1", "p-2", "p-3"], "one of each, numbered by the site"
    assert page.find(string=lambda s: "claimed third" in s).parent.get("id") is None
    page = html(built("raw-id-main"), BRIEF_EN)
    assert len(page.select("#main")) == 1 and page.select_one("#main").name == "main"


def test_a_raw_html_block_takes_no_number(built):
    page = html(built("raw-html-block-not-counted"), BRIEF_EN)
    assert page.select_one("#p-1").get_text().startswith("The researcher Jane Doe")


# --- text is text -------------------------------------------------------------------------

def test_a_standfirst_is_shown_as_typed(built):
    site = built("standfirst-angle-brackets")
    typed = "Offers were <$100M or >$1B; R&amp;D <b>grew</b>."
    page = html(site, BRIEF_EN)
    assert page.select_one(".nb-brief__standfirst").get_text() == typed
    assert page.select_one(".nb-brief__standfirst").find(True) is None
    assert page.find("meta", attrs={"name": "description"})["content"] == typed
    home = html(site, "en/index.html")
    assert typed in home.get_text()
    title = "Acme hires <one> researcher from Globex &amp; more"
    assert page.h1.get_text() == title and page.title.get_text().startswith(title)
    assert title in home.get_text()


SCRIPT_TEXT = {
    "title": "Acme hires a researcher <!-- from <script> Globex",
    "summary": "The researcher Jane Doe moved, and explained how HTML comments (<!--) and <script> tags broke a parser.",
    "url": "https://example.com/a?<!--<script>=1",
    "name": "Jane Doe <!--<script>",
    "alias": "Globex <!--<script> Labs",
}


def as_a_browser_reads(site, relative):
    """(the page parsed by an HTML5 tokenizer as browsers do, its JSON-LD graph by @type)."""
    page = html5lib.parse((site.path / relative).read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    (script,) = page.findall(".//script[@type='application/ld+json']")
    return page, {node["@type"]: node for node in json.loads(script.text)["@graph"]}


@pytest.mark.parametrize("relative", [BRIEF_EN, "en/people/jane-doe/index.html", "en/companies/globex/index.html"])
def test_text_that_looks_like_markup_leaves_the_whole_page_and_its_json_ld_intact(built, relative):
    page, graph = as_a_browser_reads(built("script-comment-in-text"), relative)
    footer = page.find(".//footer")
    assert footer is not None and "every fact links to the paragraph" in "".join(footer.itertext())
    text = "".join(page.find(".//main").itertext())
    if relative == BRIEF_EN:
        brief = graph["NewsArticle"]
        assert brief["headline"] == SCRIPT_TEXT["title"]  # the summary is the meta description's, below
        assert brief["isBasedOn"]["url"] == SCRIPT_TEXT["url"]
        assert SCRIPT_TEXT["summary"] in text and "Globex did not comment." in text
        (description,) = [m for m in page.iter("meta") if m.get("name") == "description"]  # an attribute
        assert description.get("content") == SCRIPT_TEXT["summary"]
        assert [a.get("href") for a in page.iter("a") if a.get("href") == SCRIPT_TEXT["url"]], "the credit's link"
    elif "people" in relative:
        assert graph["Person"]["name"] == SCRIPT_TEXT["name"] and SCRIPT_TEXT["name"] in text
    else:
        assert SCRIPT_TEXT["alias"] in graph["Organization"]["alternateName"]
    raw = (built("script-comment-in-text").path / relative).read_text(encoding="utf-8")
    script = raw.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert not set("<>&\u2028\u2029") & set(script)


def test_text_that_looks_like_markup_is_text_in_the_feed_and_the_csv(built):
    site = built("script-comment-in-text")
    feed = ElementTree.parse(site.path / "en/feeds/atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    (entry,) = [e for e in feed.iter(f"{atom}entry") if e.findtext(f"{atom}title") == SCRIPT_TEXT["title"]]
    summary = entry.find(f"{atom}summary")  # HTML: it shows the text as typed
    assert summary.get("type") == "html" and unescape(summary.text) == SCRIPT_TEXT["summary"]
    assert f'href="{escape(SCRIPT_TEXT["url"])}"' in entry.findtext(f"{atom}content")
    rows = csv.DictReader(io.StringIO((site.path / "data/moves.csv").read_text(encoding="utf-8-sig")))
    assert SCRIPT_TEXT["name"] in [row["person_en"] for row in rows]


def test_json_for_a_script_has_no_markup_and_is_the_same_json():
    data = {"a": "</script><!--<script>&amp; \u2028\u2029 كريم"}
    text = script_json(data)
    assert json.loads(text) == data and not set("<>&\u2028\u2029") & set(text)


def test_a_csv_cell_with_blanks_before_a_formula_is_neutralised(built):
    raw = (built("csv-formula-after-blanks").path / "data/moves.csv").read_text(encoding="utf-8-sig")
    (row,) = [r for r in csv.DictReader(io.StringIO(raw)) if r["person"] == "jane-doe"]
    # (the house style has set the English quotes, newsbrief.housestyle)
    assert (row["role_ar"], row["role_en"]) == ("' =1+1", "'\t=HYPERLINK(“https://evil.example/”)")


def test_a_name_typed_with_persian_letters_is_linked_and_shown_as_typed(built):
    site = built("persian-letters")
    assert not [w for w in site.warnings if "mention" in w], site.warnings
    link = html(site, "articles/acme-hires/index.html").select_one('.nb-brief__body a[href$="/people/jane-doe/"]')
    assert link.get_text() == "جین دو"


# --- names and text that can't deceive -----------------------------------------------------

def test_fold_gives_one_form_for_nfd_and_presentation_forms():
    assert fold("Jane\u0301") == "Jan\u00e9"
    assert fold("\ufecf\ufee0\ufeee\ufe92\ufedc\ufeb2") == "غلوبكس"
    assert fold("\ufeffكريم") == "\ufeffكريم", "a byte-order mark is not a presentation form"


@pytest.mark.parametrize("case", ["nfd-name", "presentation-forms"])
def test_nfd_and_presentation_forms_are_matched(case, built):
    site = built(case)
    assert not [w for w in site.warnings if "mention" in w], site.warnings
    body = (site.path / BRIEF_EN).read_text(encoding="utf-8")
    assert "\ufecf" not in (site.path / "articles/acme-hires/index.html").read_text(encoding="utf-8")
    assert "Jane\u0301" not in body


# --- smaller ------------------------------------------------------------------------------

def test_every_removal_is_reported_after_an_embed(built):
    site = built("embed-then-script")
    removed = [w for w in site.warnings if ": body: removed " in w]
    assert len(removed) == 3 and any("<script>" in w for w in removed), site.warnings
    assert "alert" not in (site.path / BRIEF_EN).read_text(encoding="utf-8")


def test_a_word_starting_with_todo_is_no_placeholder(built):
    site = built("todo-group-alias")
    assert (site.path / "en/companies/globex/index.html").is_file()


def test_an_image_in_the_content_folder_is_published(built):
    site = built("static-image-allowed")
    assert (site.path / "images/chart.png").read_bytes().startswith(b"\x89PNG")
    assert html(site, BRIEF_EN).select_one('img[src="/images/chart.png"]')


# --- nothing of the build machine reaches the site -----------------------------------------

LEAKS = ["attach-etc-passwd", "static-proc-environ", "raw-html-attach", "percent-encoded-escape",
         "pipe-syntax-static", "image-outside-content", "symlink-to-etc-passwd", "symlinked-folder",
         "dot-file", "dot-folder", "html-file", "static-js", "static-svg-with-script", "static-html-file",
         "second-front-matter-block", "save-as-field"]


@pytest.mark.parametrize("case", LEAKS)
def test_no_file_of_the_build_machine_or_script_reaches_the_output(case, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CANARY", SECRET)
    content = make_case(HOSTILE / case, tmp_path)
    output = tmp_path / "output"
    with pytest.raises(BuildFailed):
        build_site(SETTINGS, str(output), {"PATH": str(content), "THEME": str(ROOT / "theme"),
                                           "CACHE_PATH": str(tmp_path / "cache")})
    assert not output.exists()
    everything = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink() and "content" not in p.parts]
    for path in everything:
        data = path.read_bytes()
        assert b"root:x:0:0" not in data and SECRET.encode() not in data, path


# --- the output folder is ours alone -------------------------------------------------------

def project_copy(tmp_path):
    """A copy of the project (content, theme, plugins, settings, a `.git`) to endanger."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pelicanconf.py", "Makefile", "requirements.txt", "constraints.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("plugins", "theme"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(MINI, project / "content")
    (project / "docs").mkdir()
    (project / "docs" / "editing.md").write_text("# the guide\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    # the venv running the tests (.venv, or VENV=.venv313 …), as the copy's .venv: its `make`
    # calls say VENV=.venv, which wins over a VENV that `make test VENV=…` passes down
    venv = pathlib.Path(sys.prefix)
    os.symlink(venv, project / ".venv")
    shutil.copy2(venv / ".installed", tmp_path / "installed-stamp")
    return project


@pytest.mark.parametrize("output, message", [
    ("content", "content: the output folder is the content folder, which a build would delete"),
    (".", ".: the output folder is the project folder, which a build would delete"),
    ("..", "..: the output folder contains the project folder, which a build would delete"),
    ("theme", "theme: the output folder is the theme, which a build would delete"),
    (".git", ".git: the output folder is the project's `.git`, which a build would delete"),
    ("content/site", "content/site: the output folder lies inside the content folder"),
    ("plugins", "plugins: the output folder is the plugins folder, which a build would delete"),
    ("Makefile", "Makefile: the output folder is a file — delete it, or"),
    ("docs", "docs: the output folder is a folder of the project that holds no site (no index.html)"),
])
def test_make_html_refuses_an_output_that_would_destroy_work(output, message, tmp_path):
    project = project_copy(tmp_path)
    before = snapshot(tmp_path, skip=("project",)), snapshot(project, skip=(".venv",))
    run = subprocess.run(["make", "-s", "VENV=.venv", "html", f"OUTPUT={output}"], cwd=project, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode != 0
    assert message in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert (snapshot(tmp_path, skip=("project",)), snapshot(project, skip=(".venv",))) == before
    clean = subprocess.run(["make", "-s", "VENV=.venv", "clean", f"OUTPUT={output}"], cwd=project, capture_output=True,
                           text=True, timeout=60)
    assert clean.returncode != 0 and message in clean.stderr, clean.stderr
    assert snapshot(project, skip=(".venv",)) == before[1]


def test_the_home_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        build_site(SETTINGS, str(tmp_path / "home"), {"PATH": str(MINI), "CACHE_PATH": own_cache(tmp_path)})
    assert "the output folder is the home folder" in failure.value.problems[0]
    assert (tmp_path / "home" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_an_output_symlink_stays_a_symlink(tmp_path):
    site = tmp_path / "sites" / "newsbrief"
    site.mkdir(parents=True)
    (site / "old.html").write_text("old", encoding="utf-8")
    link = tmp_path / "output"
    link.symlink_to(site)
    build_site(SETTINGS, str(link), {"PATH": str(MINI), "CACHE_PATH": own_cache(tmp_path), "SEARCH_INDEX": False})
    assert link.is_symlink() and os.readlink(link) == str(site)
    assert (site / "index.html").is_file() and not (site / "old.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "sites"]
    assert sorted(p.name for p in site.parent.iterdir()) == ["newsbrief"]


def test_stale_staging_folders_are_removed_at_the_start_of_a_build(tmp_path):
    for name in (".build-abc123de", ".build-999999999-xyz", ".old-999999999-q1"):
        (tmp_path / name / "site").mkdir(parents=True)
    alive = tmp_path / f".build-{os.getppid()}-running"  # a build still running is left alone
    alive.mkdir()
    build(tmp_path, content=MINI)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["output", alive.name])


def as_in_a_terminal():
    """In the child, before exec: Ctrl-C as a shell gives it (default, not blocked), whatever
    the test runner's own handling of SIGINT, which a child inherits (an ignored SIGINT
    stays ignored across exec, and Python then installs no handler for it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_ctrl_c_leaves_output_unchanged(tmp_path):
    output = old_site(tmp_path)
    before = snapshot(output)
    # A cache of its own, cold: the build takes seconds, not the fraction of one a cache
    # warmed by earlier tests would leave.
    process = subprocess.Popen(
        [sys.executable, "-m", "newsbrief.tools.build", "--settings", SETTINGS, "--content", str(ROOT / "content"),
         "--output", str(output), "--cache-path", str(tmp_path / "cache")], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=as_in_a_terminal)
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(".build-") for p in tmp_path.iterdir()):
        assert process.poll() is None, f"the build ended before it staged anything: {process.communicate()}"
        assert time.monotonic() < deadline, "no staging folder after 120 s"
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)  # the staging folder exists: the build is under way
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, (stdout, stderr)
    assert stderr.strip().splitlines()[-1] == f"stopped; {output}/ is unchanged"
    assert "Traceback" not in stderr
    assert snapshot(output) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".build-", ".old-"))]


def test_a_missing_content_folder_is_one_line(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "newsbrief.tools.build", "--settings", SETTINGS, "--content", str(tmp_path / "nowhere"),
         "--output", str(tmp_path / "output")],
        cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.strip() == (f"{tmp_path}/nowhere: there is no such content folder — give the content folder, "
                                  "e.g. `CONTENT=content`; output/ is unchanged")
    check = subprocess.run([sys.executable, "-m", "newsbrief.tools.check", str(tmp_path / "nowhere"),
                            "--settings", SETTINGS], cwd=ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 2 and len(check.stderr.strip().splitlines()) == 1 and "Traceback" not in check.stderr


def test_an_unreadable_file_is_one_line(tmp_path, monkeypatch):
    """(Root reads any file, so the refusal to open is simulated.)"""
    path = tmp_path / "x.en.md"
    path.write_text("---\ntitle: x\n---\nx\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("newsbrief.frontmatter.open", refuse, raising=False)
    with pytest.raises(FrontMatterError) as error:
        Sources({}).load(path, "content/x.en.md")
    assert str(error.value) == ("content/x.en.md:1: file: the file cannot be read (Permission denied)"
                                " — check that you may read it (chmod u+r)")


def test_a_file_is_read_once_and_aliases_are_never_expanded(tmp_path):
    path = tmp_path / "x.en.md"
    path.write_text("---\ntitle: x\ndate: 2026-13-40\n---\nbody\n", encoding="utf-8")
    sources = Sources({})
    first = sources.load(path, "x")
    assert sources.load(path, "x") is first and first.data["date"] == "2026-13-40"
    bomb = "---\na: &a [x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n"
                                         for i in range(20)) + "---\nbody\n"
    path.write_text(bomb, encoding="utf-8")
    os.utime(path, ns=(1, 1))
    with pytest.raises(FrontMatterError, match="YAML alias"):  # expanded, 2**20 items
        sources.load(path, "x")


def test_each_file_is_parsed_and_rendered_once_and_pelican_reads_only_checked_files(tmp_path, monkeypatch):
    """The checks (in a forked copy of the build) parse and render each file once and keep
    it in the store; Pelican's reader, in the build itself, reads each file once: from the
    store when it is there (the checks run while Pelican reads: on a first build it may
    parse a file itself), never twice. (In a process running threads, a test runner's
    worker say, the checks run in the build's own process: newsbrief.parallel.)"""
    import os

    from newsbrief import frontmatter, parallel, reader, rendering, state

    log = tmp_path / "log.txt"  # written by both processes
    log.write_text("")

    def note(*words):
        with log.open("a") as out:
            out.write(" ".join(map(str, (os.getpid(), *words))) + "\n")

    read, render, parse = frontmatter.Sources._read, rendering.Renderer.render, frontmatter.parse
    monkeypatch.setattr(frontmatter.Sources, "_read", lambda self, *a: note("read", a[0]) or read(self, *a))
    monkeypatch.setattr(frontmatter, "parse", lambda text, shown, *a: note("parse", shown) or parse(text, shown, *a))
    monkeypatch.setattr(rendering.Renderer, "render", lambda self, body: note("render") or render(self, body))
    pelican_read = reader.YamlMarkdownReader.read

    def spy(self, path):
        note("pelican", path in state.state_of(self.settings).sources.checked)
        return pelican_read(self, path)

    monkeypatch.setattr(reader.YamlMarkdownReader, "read", spy)
    mini, cache = MINI, str(tmp_path / "cache")
    files = len(list(mini.rglob("*.md")))

    def notes(what):
        lines = [line.split() for line in log.read_text().splitlines()]
        return [(pid, rest) for pid, kind, *rest in lines if kind == what]

    builder, forked = str(os.getpid()), parallel.single_threaded()
    for run in ("one", "two"):  # the second build finds every file in the store
        log.write_text("")
        build(tmp_path / run, content=mini, overrides={"CACHE_PATH": cache})
        checks = {pid for pid, _ in notes("parse") + notes("render") if pid != builder}
        assert len(checks) == (run == "one" and forked)
        for pid in {builder} | checks:
            parsed = [shown for p, (shown,) in notes("parse") if p == pid]
            checker = pid in checks or (run == "one" and not forked)
            assert len(parsed) == len(set(parsed)) == (files if checker else len(parsed))
            assert len([p for p, _ in notes("render") if p == pid]) == len(parsed)
        mine = [path for pid, (path,) in notes("read") if pid == builder]
        assert len(mine) == len(set(mine)) == files
        assert notes("pelican") == [(builder, ["True"])] * files
    assert notes("parse") == notes("render") == []


def test_the_reader_refuses_a_file_the_checks_did_not_accept(tmp_path):
    from newsbrief.reader import YamlMarkdownReader
    from newsbrief.state import state_of
    from pelican.settings import read_settings

    settings = read_settings(SETTINGS, override={"PATH": str(tmp_path)})
    state_of(settings).sources.checked = set()
    path = tmp_path / "articles" / "x.en.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: x\n---\nx\n", encoding="utf-8")
    with pytest.raises(FrontMatterError, match="the checks did not accept this file"):
        YamlMarkdownReader(settings).read(str(path))


def test_make_html_and_make_clean_touch_only_the_output_folder(tmp_path):
    project = project_copy(tmp_path)

    def files():
        return {k: v for k, v in snapshot(project, skip=(".venv", "output")).items() if "__pycache__" not in k}

    before = files()
    built_ = subprocess.run(["make", "-s", "VENV=.venv", "html"], cwd=project, capture_output=True, text=True, timeout=300)
    assert built_.returncode == 0, built_.stderr
    assert (project / "output" / "index.html").is_file()
    again = subprocess.run(["make", "-s", "VENV=.venv", "html"], cwd=project, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    cleaned = subprocess.run(["make", "-s", "VENV=.venv", "clean"], cwd=project, capture_output=True, text=True, timeout=60)
    assert cleaned.returncode == 0, cleaned.stderr
    assert not (project / "output").exists()
    assert files() == before


def test_an_attribute_list_cannot_claim_a_paragraph_id(built):
    page = html(built("attr-list-id"), BRIEF_EN)
    ids = [e["id"] for e in page.select(".nb-brief__body [id]")]
    assert ids == ["p-1", "p-2", "p-3"] and page.select_one("#p-3").get_text() == "Globex did not comment."


BODY = """First paragraph, said nothing.

A <b onclick="x()">bold</b> word.

A <p style="color: red">styled</p> one.

[click](javascript:alert(1)) and ![pixel](data:image/png;base64,AAAA)

<img src="//evil.example/x.png" alt="far">

<script>alert(1)</script>
"""


@pytest.mark.parametrize("html, line", [
    ("<b onclick=\"x()\">", 3), ('<p style="color: red">', 5), ('<a href="javascript:alert(1)">', 7),
    ('<img src="data:image/png;base64,AAAA">', 7), ('<img src="//evil.example/x.png" alt="far">', 9), ("<script>x</script>", 11),
])
def test_a_removal_is_reported_on_the_line_that_wrote_it(html, line):
    from newsbrief.checks.contentfile import ContentFile
    from newsbrief.sanitize import removals

    file = ContentFile(None, "x.en.md", None, ("ar", "en"), "ar")
    file.body, file.body_line = BODY, 1
    (what, _), *_ = removals(html)
    assert file.line_of(pattern=file.removal_pattern(what)) == line, what
