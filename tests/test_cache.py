"""The build cache and incremental pages (newsbrief.cache, newsbrief.incremental).

Correctness only, never timings: after each kind of edit, a build that reuses the cache
and the last output gives exactly the bytes of a clean build; a stale cache never shows
old content; a deleted file's pages go; a failed build changes neither output nor cache
records; the cache lives where `make clean` removes it and git ignores it.
"""

import os
import shutil
import subprocess
import sys

import pytest

from newsbrief.build import BuildFailed, build_site, default_cache_path
from site_model import ROOT

SETTINGS = str(ROOT / "pelicanconf.py")


def files(folder):
    """{relative path: bytes} of every file under `folder`."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


class Project:
    """A copy of the content and theme in a temporary folder, built with and without cache."""

    def __init__(self, root, content=None):
        self.root = root
        self.content = root / "content"
        self.theme = root / "theme"
        shutil.copytree(content or ROOT / "content", self.content)
        shutil.copytree(ROOT / "theme", self.theme, ignore=shutil.ignore_patterns("*.mo"))
        self.output, self.cache = root / "output", root / "cache"
        self.overrides = {"PATH": str(self.content), "THEME": str(self.theme)}
        self.builds = 0

    def build(self, **overrides):
        return build_site(SETTINGS, str(self.output), {**self.overrides, **overrides}, cache_path=str(self.cache))

    def clean_build(self, **overrides):
        """A build from scratch, without any cache, into a folder of its own."""
        self.builds += 1
        out = self.root / f"clean-{self.builds}"
        self.clean_warnings = build_site(SETTINGS, str(out), {**self.overrides, **overrides})
        return out

    def edit(self, relative, old, new):
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def assert_same_as_clean(self, **overrides):
        warnings = self.build(**overrides)
        assert files(self.output) == files(self.clean_build(**overrides))
        assert sorted(warnings) == sorted(self.clean_warnings)


@pytest.fixture
def project(tmp_path):
    project = Project(tmp_path)
    project.build()  # the cache and output/ of the last build, before the edit
    return project


EDITS = {
    "person": ("content/people/bert-maher.ar.md", "ساهم في تطوير أداة بيتورتش", "ساهم في بناء أداة بيتورتش"),
    "person name": ("content/people/bert-maher.en.md", "name: Bert Maher", "name: Bert A. Maher"),
    "company": ("content/companies/openai.en.md", "summary: One of Meta’s rivals", "summary: One of Meta’s main rivals"),
    "brief": ("content/articles/meta-superintelligence-departures.en.md", "Tony Liu, who worked", "Tony Liu, who had worked"),
    "template": ("theme/templates/partials/footer.html", '<footer class="nb-footer">', '<footer class="nb-footer" data-edited="1">'),
    "catalogue": ("theme/translations/ar/LC_MESSAGES/messages.po", 'msgstr "موجز"', 'msgstr "الموجز"'),
}


@pytest.mark.parametrize("kind", EDITS)
def test_a_cached_rebuild_after_an_edit_is_a_clean_build(project, kind):
    relative, old, new = EDITS[kind]
    project.edit(relative, old, new)
    project.assert_same_as_clean()


def test_a_cached_rebuild_after_a_setting_changes_is_a_clean_build(project):
    project.assert_same_as_clean(DEFAULT_DATE_FORMAT="long", SITEURL="https://example.org/news")


def test_unchanged_pages_keep_their_files_and_changed_ones_are_written(project):
    before = inodes(project.output)
    project.edit(*EDITS["person"])
    project.build()
    after = inodes(project.output)
    assert after.keys() == before.keys()
    assert after["people/bert-maher/index.html"] != before["people/bert-maher/index.html"]
    # pages that show nothing of him keep the very same file
    for name in ("about/index.html", "en/people/chaya-nayak/index.html", "companies/google/index.html"):
        assert after[name] == before[name], name


def test_nothing_changed_leaves_every_file_alone(project):
    before = inodes(project.output)
    project.build()
    assert inodes(project.output) == before


def test_a_stale_cache_never_shows_old_content(project):
    """Same size and modification time, other words: the cache goes by content."""
    path = project.root / "content/articles/meta-superintelligence-departures.en.md"
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("Tony Liu, who worked", "Tony Liu, who toiled")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    project.build()
    page = (project.output / "en/articles/meta-superintelligence-departures/index.html").read_text(encoding="utf-8")
    assert "who toiled on GPU" in page and "who worked on GPU" not in page
    assert files(project.output) == files(project.clean_build())


def test_deleting_a_file_removes_its_pages(project):
    assert (project.output / "about/index.html").exists()
    for lang in ("ar", "en"):
        (project.content / "pages" / f"about.{lang}.md").unlink()
    project.build()
    assert not (project.output / "about").exists() and not (project.output / "en/about").exists()
    assert files(project.output) == files(project.clean_build())


def test_a_hand_edited_output_file_is_written_again(project):
    page = project.output / "people/bert-maher/index.html"
    page.write_text("edited by hand", encoding="utf-8")
    project.build()
    assert files(project.output) == files(project.clean_build())


def test_a_failed_build_changes_neither_output_nor_what_the_cache_remembers(project):
    before = {p: (s, inodes(project.output)[p]) for p, s in files(project.output).items()}
    broken = project.edit("content/people/bert-maher.ar.md", "to: anthropic", "to: antropic")
    with pytest.raises(BuildFailed):
        project.build()
    assert {p: (s, inodes(project.output)[p]) for p, s in files(project.output).items()} == before
    broken.write_text(broken.read_text(encoding="utf-8").replace("to: antropic", "to: anthropic"), encoding="utf-8")
    project.edit(*EDITS["person"])
    project.assert_same_as_clean()


def test_a_larger_archive_rebuilds_to_the_bytes_of_a_clean_build(tmp_path):
    """A synthetic corpus: edit a person, a company and a brief at once, delete nothing."""
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), "12", str(corpus)], check=True,
                   capture_output=True)
    project = Project(tmp_path / "site", content=corpus)
    project.build()
    person = sorted((project.content / "people").glob("*.ar.md"))[5]
    company = sorted((project.content / "companies").glob("*.en.md"))[1]
    brief = sorted((project.content / "articles").glob("*.ar.md"))[3]
    person.write_text(person.read_text(encoding="utf-8").rstrip("\n") + " نص جديد.\n", encoding="utf-8")
    company.write_text(company.read_text(encoding="utf-8").rstrip("\n") + " New text.\n", encoding="utf-8")
    brief.write_text(brief.read_text(encoding="utf-8").rstrip("\n") + " (مُحدَّث)\n", encoding="utf-8")
    project.assert_same_as_clean()


def test_cached_rebuilds_give_the_same_warnings(project):
    """Warnings of the reader (removed HTML) and of the mention check come from the cache too."""
    project.edit("content/articles/meta-superintelligence-departures.en.md",
                 "Tony Liu, who worked", "Tony <script>x()</script>Liu, who worked")
    project.edit("content/articles/meta-superintelligence-departures.ar.md", "كما غادر توني ليو", "كما غادر توني")
    first = project.build()
    assert any("script" in w for w in first) and any("tony-liu" in w for w in first)
    assert sorted(project.build()) == sorted(first)  # nothing changed
    project.edit(*EDITS["person"])
    assert sorted(project.build()) == sorted(first)


def test_the_cache_lives_where_make_clean_removes_it_and_git_ignores_it(tmp_path):
    assert default_cache_path(SETTINGS) == str(ROOT / ".cache")
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    clean = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                 if line.startswith("\trm -rf") and "$(OUTPUT)" in line)
    assert ".cache" in clean.split()
    project = Project(tmp_path)
    project.build()
    assert [p.name for p in project.cache.iterdir()] and all(p.is_dir() for p in project.cache.iterdir())
