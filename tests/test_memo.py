"""Pages kept from the last build (newsbrief.memo): after random edits of a synthetic
archive, a rebuild that keeps the pages whose inputs did not change gives exactly the
bytes of a clean build, every time; and it does keep pages (so it is not a no-op)."""

import datetime
import gzip
import itertools
import random
import shutil
import subprocess
import sys

import pytest
from newsbrief import search
from newsbrief.build import build_site
from newsbrief.checks.validator import ContentValidator
from pelican.settings import read_settings
from support import ROOT, edit, keep_aside, read, tree, write

SEED, ROUNDS, EDITS_PER_ROUND, BRIEFS = 20261129, 5, 4, 12


class Archive:
    """A synthetic archive (scripts/make_corpus.py) and the random edits an editor makes."""

    def __init__(self, folder, make=True):
        self.folder, self.content = folder, folder / "content"
        if make:
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(BRIEFS), str(self.content)],
                           check=True, capture_output=True)
        self.random = random.Random(SEED)

    def files(self, kind, lang=None):
        return sorted(self.content.glob(f"{kind}/*.{lang or '*'}.md"))

    def pick(self, kind, lang=None):
        return self.random.choice(self.files(kind, lang))

    def slugs(self, kind):
        return sorted({p.name.split(".")[0] for p in self.files(kind, "ar")})

    # Each edit changes the content and returns a description; some may make it invalid.
    def body(self):
        path = self.pick(self.random.choice(["people", "companies", "articles"]))
        edit(path, append=" وعُدِّل هذا النص." if path.name.endswith(".ar.md") else " This text was edited.")
        return f"body of {path.name}"

    def rename(self):
        path = self.pick(self.random.choice(["people", "companies"]))
        front, _ = read(path)
        edit(path, name=front["name"] + (" الثاني" if front["lang"] == "ar" else " Jr"))
        return f"name in {path.name}"

    def move_to(self):
        path = self.pick("people", "ar")
        front, _ = read(path)
        if not front.get("moves") or "to" not in front["moves"][0]:
            return self.body()
        moves = front["moves"]
        moves[0]["to"] = self.random.choice(self.slugs("companies"))
        edit(path, moves=moves)
        return f"destination of {path.name}'s first move"

    def drop_move(self):
        path = self.pick("people", "ar")
        front, _ = read(path)
        edit(path, moves=(front.get("moves") or [])[:-1])
        return f"last move of {path.name} removed"

    def title(self):
        path = self.pick("articles")
        front, _ = read(path)
        edit(path, title=front["title"] + " (2)")
        return f"title of {path.name}"

    def redate(self):
        slug = self.random.choice(self.slugs("articles"))
        date = datetime.date(2027, 1, 1) + datetime.timedelta(days=self.random.randrange(60))
        for path in self.content.glob(f"articles/{slug}.*.md"):
            edit(path, date=date)
        return f"date of {slug}"

    def unlist(self):
        path = self.pick("articles")
        front, _ = read(path)
        edit(path, people=(front.get("people") or [])[1:])
        return f"first person of {path.name} unlisted"

    def mention(self):
        """List a company the brief does not otherwise involve: only "mentioned in" shows it."""
        slug = self.random.choice(self.slugs("articles"))
        company = self.random.choice(self.slugs("companies"))
        for path in self.content.glob(f"articles/{slug}.*.md"):
            front, _ = read(path)
            edit(path, companies=list(dict.fromkeys([*(front.get("companies") or []), company])))
        return f"{company} listed in {slug}"

    def add_brief(self):
        slug = self.random.choice(self.slugs("articles"))
        new = f"{slug}-again-{self.random.randrange(1000)}"
        for path in self.content.glob(f"articles/{slug}.*.md"):
            front, body = read(path)
            front.update(slug=new, date=datetime.date(2027, 3, 1), title=front["title"] + " +")
            write(path.with_name(f"{new}.{front['lang']}.md"), front, body)
        return f"brief {new} added"

    def delete(self):
        kind = self.random.choice(["people", "companies", "articles"])
        slug = self.random.choice(self.slugs(kind))
        for path in self.content.glob(f"{kind}/{slug}.*.md"):
            path.unlink()
        return f"{kind} {slug} deleted"

    EDITS = (body, body, rename, move_to, drop_move, title, redate, unlist, mention, add_brief, delete)


def build(archive, output, cache, search=False):
    """Build the archive (with its search index only where a test looks at it)."""
    return build_site(str(ROOT / "pelicanconf.py"), str(output),
                      {"PATH": str(archive.content), "CACHE_PATH": str(cache), "SEARCH_INDEX": search})


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The archive built once (no search index) and kept aside (support.keep_aside): `built()`
    puts it back and returns (archive, site, cache, the first build's result), so the next
    build is a cached rebuild of that first build, as in a folder of its own."""
    folder = tmp_path_factory.mktemp("archive")
    archive = Archive(folder)
    site, cache = folder / "site", folder / "cache"
    first = build(archive, site, cache)
    put_back = keep_aside(folder, tmp_path_factory.mktemp("archive-saved"))

    def restore():
        put_back()
        return Archive(folder, make=False), site, cache, first

    return restore


def refused(content):
    """The errors the build's checks give the content (ContentValidator, as `make check`)."""
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    return [p for p in ContentValidator(content, settings).validate() if p.severity == "error"]


def test_rebuilds_keeping_pages_equal_clean_builds(built, tmp_path):
    """Rounds of EDITS_PER_ROUND random edits (each kind in turn, in an order the seed
    shuffles: a rename too), each round's cached rebuild compared with a clean build. An edit
    that makes the archive invalid is undone at once, so every round builds."""
    archive, site, cache, first = built()
    assert first.rendered > 100 and first.kept == 0
    edits = itertools.cycle(archive.random.sample(Archive.EDITS, len(Archive.EDITS)))
    kept, history, saved = 0, [], tmp_path / "saved"
    for number in range(ROUNDS):
        made = 0
        while made < EDITS_PER_ROUND:
            shutil.copytree(archive.content, saved)
            history.append(next(edits)(archive))
            if refused(archive.content):
                history.append("(undone: the checks refused it)")
                shutil.rmtree(archive.content)
                shutil.copytree(saved, archive.content)
            else:
                made += 1
            shutil.rmtree(saved)
        result = build(archive, site, cache)
        clean = tmp_path / f"clean-{number}"
        build(archive, clean, tmp_path / "clean-cache")
        assert tree(site) == tree(clean), f"after: {history}"
        kept += result.kept
        shutil.rmtree(clean)
    assert kept > 0, history


def test_an_edit_renders_only_the_pages_that_show_it(built, tmp_path):
    archive, site, cache, first = built()
    person = archive.files("people", "ar")[0]
    edit(person, append=" وعُدِّل هذا النص.")
    second = build(archive, site, cache)
    assert 2 <= second.rendered < first.rendered / 5
    assert second.rendered + second.kept == first.rendered
    build(archive, tmp_path / "clean", tmp_path / "clean-cache")
    assert tree(site) == tree(tmp_path / "clean")


def test_a_new_title_reaches_the_pages_that_list_the_brief(built, tmp_path):
    """A company page lists the briefs that name it: when one of them is retitled, the
    page is rendered again, though nothing else on it involves that brief."""
    archive, site, cache, _ = built()
    brief = max(archive.slugs("articles"), key=lambda b: read(archive.content / f"articles/{b}.ar.md")[0]["date"])
    company = next(c for c in archive.slugs("companies")
                   if c not in read(archive.content / f"articles/{brief}.ar.md")[0]["companies"])
    for path in archive.content.glob(f"articles/{brief}.*.md"):
        edit(path, companies=[*read(path)[0]["companies"], company])
    build(archive, site, cache)
    title = read(archive.content / f"articles/{brief}.ar.md")[0]["title"] + " (مُعدَّل)"
    for path in archive.content.glob(f"articles/{brief}.*.md"):
        edit(path, title=read(path)[0]["title"] + (" (مُعدَّل)" if path.name.endswith(".ar.md") else " (edited)"))
    build(archive, site, cache)
    assert title in (site / "companies" / company / "index.html").read_text(encoding="utf-8")
    build(archive, tmp_path / "clean", tmp_path / "clean-cache")
    assert tree(site) == tree(tmp_path / "clean")


def fragments(bundle):
    """The text of every page a Pagefind bundle holds (its fragments, gzip'd JSON)."""
    return "".join(gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in (bundle / "fragment").iterdir())


def bundle_files(site, *leave_out):
    """{file: inode} of every search bundle (newsbrief.search.bundles) but `leave_out`."""
    folders = [f for f in (*site.glob("pagefind*"), *(site / "en").glob("pagefind*"))
               if f.relative_to(site).as_posix() not in leave_out]
    return {p: p.stat().st_ino for folder in folders for p in folder.rglob("*") if p.is_file()}


def test_an_edit_of_a_person_reindexes_only_the_people_bundle_of_its_language(tmp_path):
    archive = Archive(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(archive, site, cache, search=True)
    others = bundle_files(site, "pagefind-people")
    edit(archive.files("people", "ar")[0], append=" كلمةٌفريدةٌللبحث.")
    build(archive, site, cache, search=True)
    assert "كلمةٌفريدةٌللبحث" in fragments(site / "pagefind-people")
    assert bundle_files(site, "pagefind-people") == others and len(others) > 20
    others = bundle_files(site, "en/pagefind-people")
    edit(archive.files("people", "en")[0], append=" Uniquesearchword.")
    build(archive, site, cache, search=True)
    assert "Uniquesearchword" in fragments(site / "en" / "pagefind-people")
    assert bundle_files(site, "en/pagefind-people") == others


def inodes(site, folder):
    return {p: p.stat().st_ino for p in (site / folder).rglob("index.html")}


def test_a_new_brief_reindexes_the_briefs_not_the_profiles_whose_pages_it_changed(tmp_path, monkeypatch):
    """Adding a brief changes the pages of the people and companies it names (their newest
    briefs) but not what Pagefind reads of them: Pagefind runs again for the briefs'
    bundles alone, which find the new brief, and the profiles' bundles are kept."""
    archive = Archive(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(archive, site, cache, search=True)
    people, others = inodes(site, "people"), bundle_files(site, "pagefind", "en/pagefind")
    new = archive.add_brief().split()[1]
    indexed, run = [], search._run
    monkeypatch.setattr(search, "_run", lambda site, pages, folder: indexed.append(folder) or run(site, pages, folder))
    build(archive, site, cache, search=True)
    assert [p for p in inodes(site, "people").items() - people.items() if p[0].parent.name != "people"], \
        "some person's page changed"
    assert sorted(indexed) == ["en/pagefind", "pagefind"]
    assert bundle_files(site, "pagefind", "en/pagefind") == others and len(others) > 20
    assert f"/en/articles/{new}/" in fragments(site / "en" / "pagefind")


def test_a_new_alias_is_searched_though_only_the_search_metadata_shows_it(tmp_path):
    """A page is indexed again when what Pagefind reads of it changes anywhere, also
    outside its body: an alias reaches the index as the page's hidden `names` metadata."""
    archive = Archive(tmp_path)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(archive, site, cache, search=True)
    person = archive.files("people", "en")[0]
    edit(person, aliases=[*(read(person)[0].get("aliases") or []), "Zephyrinus Quillfeather"])
    build(archive, site, cache, search=True)
    assert "Zephyrinus Quillfeather" in fragments(site / "en" / "pagefind-people")


def rename(content, slug, family):
    """Give the person `slug` the family name `family` (in Arabic and in English) in their
    profile and in every file that writes one of their names; return the new names."""
    forms = {}
    for path in content.glob(f"people/{slug}.*.md"):
        front, _ = read(path)
        for name in [front["name"], *(front.get("aliases") or [])]:
            forms[name] = name.rsplit(" ", 1)[0] + " " + family[front["lang"]]
    for path in content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for old in sorted(forms, key=len, reverse=True):
            text = text.replace(old, forms[old])
        path.write_text(text, encoding="utf-8")
    return set(forms.values())


def test_a_rename_renders_only_the_pages_that_show_the_name(built, tmp_path):
    """Each brief's memo digest holds the names found in its text, not the whole table of
    names: a renamed person's pages, and the pages that show their name, are rendered again;
    every other page is kept, and the site is the clean build's."""
    archive, site, cache, first = built()
    names = {p: read(p)[0]["name"] for p in archive.files("people")}
    slug = next(s for s in archive.slugs("people")  # whose names are in no other name
                if not any(n in other for p, n in names.items() if p.name.startswith(f"{s}.")
                           for q, other in names.items() if not q.name.startswith(f"{s}.")))
    new = rename(archive.content, slug, {"ar": "القيرواني", "en": "Qayrawani"})
    second = build(archive, site, cache)
    showing = [p for p in site.rglob("*") if p.suffix in (".html", ".xml")
               and any(n in p.read_text(encoding="utf-8") for n in new)]
    assert second.rendered + second.kept == first.rendered
    assert 4 <= second.rendered <= len(showing) < first.rendered / 3, (second.rendered, len(showing))
    build(archive, tmp_path / "clean", tmp_path / "clean-cache")
    assert tree(site) == tree(tmp_path / "clean")


def test_a_new_brief_keeps_the_pages_that_show_only_the_names_it_holds(built, tmp_path):
    """The briefs that name a profile are a key of their own (`briefs:<slug>`): a new brief
    renders again its own pages, the pages that list it and the lists it shifts, not every
    page that shows the name of someone it names (a brief's chips, a moves table, a feed).
    Before, 194 of this archive's 200 pages were rendered again."""
    archive, site, cache, first = built()
    archive.add_brief()
    second = build(archive, site, cache)
    assert 4 <= second.rendered < first.rendered / 2 and second.kept > first.rendered / 2, second.rendered
    build(archive, tmp_path / "clean", tmp_path / "clean-cache")
    assert tree(site) == tree(tmp_path / "clean")
