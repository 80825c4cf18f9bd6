"""What the tests share: building a site, reading it back, copying and editing content,
applying a fixture case to the mini corpus, serving a folder, and screenshots.

Test modules import from here (never from conftest.py or from one another); conftest.py only
turns these into fixtures (`site`, `server`, `browser`).
"""

import codecs
import hashlib
import os
import pathlib
import shutil
import stat

import pytest
import yaml
from bs4 import BeautifulSoup
from gates.browser import ARTIFACTS, screenshot  # noqa: F401 (the tests' screenshots, as the scripts take them)
from newsbrief.build import build_site
from newsbrief.checks.validator import ContentValidator
from pelican.settings import read_settings

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini" / "content"
TRUTH = FIXTURES / "truth" / "content"  # a brief whose every fact is known: tests/test_truth.py
REAL = ROOT / "content"  # the real content: tests check only that it builds and passes the gates
BAD_CASES = sorted(p for p in (FIXTURES / "bad").iterdir() if p.is_dir())
HOSTILE = FIXTURES / "hostile"
SECRET = "newsbrief-canary-secret-6b1f"  # in the build's environment, never in the output
CORPUS_BRIEFS = 160  # the synthetic archive of the `corpus` and `big` fixtures (conftest.py): 320 people,
# past INDEX_SPLIT_AT (300); its busiest company has more moves than a page or a company page shows


# --- building ----------------------------------------------------------------------------------

def build(tmp_dir, settings="pelicanconf.py", overrides=None, content=None):
    """Build the site from `content` (default: the real content) into `tmp_dir`/output, with
    a cache of its own beside `tmp_dir` (own_cache; unless `overrides` name one), never the
    project's: `tmp_dir` holds only what the build writes there. No search index unless a
    test asks for it (`{"SEARCH_INDEX": True}`: the search tests, and the links gate, which
    follows the search page to its index)."""
    overrides = {"SEARCH_INDEX": False, **(overrides or {})}
    overrides["PATH"] = str(content or REAL)
    overrides.setdefault("THEME", str(ROOT / "theme"))
    overrides.setdefault("CACHE_PATH", own_cache(pathlib.Path(tmp_dir)))
    out = pathlib.Path(tmp_dir) / "output"
    warnings = build_site(str(ROOT / settings), str(out), overrides)
    return Site(out, warnings)


def truth_fixture_site():
    """The fixtures `site` and `server` of a test module about what the site does with a
    brief's facts: the truth fixture's site (conftest.py `truth_site`, `truth_server`) in
    place of the real one. In the module: `site, server = truth_fixture_site()`."""

    @pytest.fixture(scope="module", name="site")
    def truth(truth_site):
        return truth_site

    @pytest.fixture(scope="module", name="server")
    def served(truth_server):
        return truth_server

    return truth, served


def own_cache(tmp_path):
    """A cache folder beside `tmp_path`, for a test that checks what a build leaves in it."""
    return str(tmp_path.parent / f"{tmp_path.name}-cache")


# --- a project with its own cache (tests/test_cache*.py) ----------------------------------------

class Project:
    """A copy of the mini content and of the theme, with its own cache folder."""

    def __init__(self, folder):
        self.content, self.theme, self.cache = folder / "content", folder / "theme", folder / "cache"
        shutil.copytree(MINI, self.content)
        shutil.copytree(ROOT / "theme", self.theme)

    def build(self, output, cache=None, **overrides):
        """Build into `output`, with no search index unless told (`SEARCH_INDEX=True`)."""
        settings = {"PATH": str(self.content), "THEME": str(self.theme), "CACHE_PATH": str(cache or self.cache),
                    "SEARCH_INDEX": False}
        return build_site(str(ROOT / "pelicanconf.py"), str(output), {**settings, **overrides})

    def edit(self, relative, old, new):
        path = self.content / relative if not relative.startswith("theme/") else self.theme / relative[6:]
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def tree(folder):
    """{path: bytes} of a built site, but Pagefind's index, whose names vary from run to run."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "pagefind" not in p.relative_to(folder).parts}


def stats(folder):
    return {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


BUILT = ("content", "site", "cache")


def keep_aside(folder, saved):
    """Copy `folder`'s content, site and cache (BUILT), just built, to `saved`; return the
    function that puts them back in `folder` as they stood. The cache records where the
    content and the site are, so a later build there is a cached rebuild of that first build
    (a copy elsewhere would not be). Tests read the `saved` copy; only a test that edits and
    rebuilds puts it back first. Files keep their times (the cache's record checks them)."""
    for part in BUILT:
        shutil.copytree(folder / part, saved / part, symlinks=True)

    def put_back():
        for part in BUILT:
            shutil.rmtree(folder / part, ignore_errors=True)
            shutil.copytree(saved / part, folder / part, symlinks=True)

    return put_back



# --- a built site, read back -------------------------------------------------------------------


class Site:
    def __init__(self, path, warnings=()):
        self.path = pathlib.Path(path)
        self.warnings = list(warnings)
        self._pages = {}

    def html_files(self):
        return sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*.html"))

    def file(self, url):
        """The file a root-relative URL such as `/en/people/` is served from."""
        path = url.split("#")[0].lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        return self.path / path

    def page(self, url):
        if url not in self._pages:
            self._pages[url] = BeautifulSoup(self.file(url).read_text(encoding="utf-8"), "lxml")
        return self._pages[url]

    def url_of(self, relative_file):
        return "/" + relative_file.removesuffix("index.html")


def front_matter(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def content_items(kind, content=ROOT / "content"):
    """{slug: {lang: front-matter}} of the content folder `kind` (articles: the briefs; people,
    companies, pages)."""
    items = {}
    for path in sorted((pathlib.Path(content) / kind).glob("*.md")):
        meta = front_matter(path)
        items.setdefault(meta["slug"], {})[meta["lang"]] = meta
    return items


def copy_cut(site_dir, tmp_dir, page, start, end):
    """A copy of a built site in tmp_dir/site whose `page` (a relative path) lacks its first
    run from `start` to the next `end`, both included: a gate's proof that it fails."""
    copy = pathlib.Path(tmp_dir) / "site"
    shutil.copytree(site_dir, copy)
    path = copy / page
    text = path.read_text(encoding="utf-8")
    begin = text.index(start)
    path.write_text(text[:begin] + text[text.index(end, begin) + len(end):], encoding="utf-8")
    return copy


# --- content to change for one test build: `copy_content()` then `edit()` ----------------------


def copy_content(tmp_dir, source=ROOT / "content"):
    """A copy of `source` (default: the real content) in tmp_dir/content."""
    target = pathlib.Path(tmp_dir) / "content"
    shutil.copytree(source, target)
    return target


def read(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


class _NoAliases(yaml.SafeDumper):
    """Writes a value used twice in full: content files may not use YAML aliases."""

    def ignore_aliases(self, data):
        return True


def write(path, front, body=""):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.dump(front, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def edit(path, body=None, replace=(), append="", prepend="", **fields):
    """Change a content file: front-matter `fields` (None removes one), the whole `body`,
    `replace` pairs in the body, text added before or after the body."""
    front, old_body = read(path)
    for name, value in fields.items():
        if value is None:
            front.pop(name, None)
        else:
            front[name] = value
    body = old_body if body is None else body
    for old, new in replace:
        assert old in body, f"{old!r} is not in {path}"
        body = body.replace(old, new)
    write(path, front, prepend + body + append)


def by_context(value):
    """`value` (front matter, or a part of it) with every citation in it marked `by: context`:
    facts lent to a profile the brief does not name."""
    if isinstance(value, dict):
        cited = {key: by_context(v) for key, v in value.items()}
        return {**cited, "by": "context"} if {"article", "paragraph"} <= value.keys() else cited
    return [by_context(v) for v in value] if isinstance(value, list) else value


# --- the checks on the mini corpus -------------------------------------------------------------

def problems_of(content, root):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(content)})
    return ContentValidator(content, settings, root=root).validate()


def as_lines(problems):
    return [("(warning) " if p.severity == "warning" else "") + str(p) for p in problems]


def make_case(case, tmp_path):
    """The mini corpus with a fixture case applied, in tmp_path/content: the case's `content/`
    files replace or add files, `remove.txt` lists files to delete."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    if (case / "content").is_dir():
        shutil.copytree(case / "content", content, dirs_exist_ok=True, symlinks=True)
    if (case / "remove.txt").is_file():
        for name in (case / "remove.txt").read_text(encoding="utf-8").split():
            (content / name).unlink()
    return content


def make_hostile_case(case, tmp_path):
    """The mini corpus with a hostile case applied (tests/fixtures/hostile/), a canary file
    and a file outside the content folder beside it."""
    content = make_case(case, tmp_path)
    setup = case / "setup.txt"
    for line in setup.read_text(encoding="utf-8").splitlines() if setup.is_file() else []:
        verb, *args = line.split()
        if verb == "empty":
            shutil.rmtree(content)
            content.mkdir()
            continue
        path = content / args[0]
        path.parent.mkdir(parents=True, exist_ok=True)
        if verb == "symlink":
            os.symlink(args[1].replace("{tmp}", str(tmp_path)), path)
        elif verb == "fifo":
            os.mkfifo(path)
        elif verb == "big":
            head = (MINI / "articles" / "acme-hires.en.md").read_text(encoding="utf-8")
            path.write_text(head + ("Filler text. " * 80 + "\n\n") * (int(args[1]) // 1000), encoding="utf-8")
        elif verb == "chmod":
            path.chmod(int(args[1], 8))
        elif verb in ("copy", "rename"):  # to a name git should not hold (`\\n`, `\\u202e`)
            target = content / codecs.decode(args[1], "unicode_escape")
            (shutil.copy if verb == "copy" else os.rename)(path, target)
    (tmp_path / "canary.txt").write_text("do not touch\n", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir(exist_ok=True)
    (tmp_path / "elsewhere" / "secret.en.md").write_text("---\ntitle: secret\n---\nsecret\n", encoding="utf-8")
    return content


def snapshot(folder, skip=()):
    """{relative path: hash or kind} of everything under `folder`, never following
    symlinks nor opening anything but regular files."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if relative.split("/")[0] in skip:
            continue
        mode = os.lstat(path).st_mode
        if stat.S_ISREG(mode) and os.access(path, os.R_OK):
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif stat.S_ISLNK(mode):
            found[relative] = "-> " + os.readlink(path)
        else:
            found[relative] = stat.filemode(mode)
    return found


def old_site(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("the previous site\n", encoding="utf-8")
    (output / "en").mkdir()
    (output / "en" / "index.html").write_text("the previous English site\n", encoding="utf-8")
    return output




# --- the routes the content asks for --------------------------------------------------------------

LANGS = ("ar", "en")
PREFIX = {"ar": "/", "en": "/en/"}  # the address of each language's home
FOLDER = {"ar": "", "en": "en/"}  # the folder of each language in a built site


def published_items(kind, content=ROOT / "content"):
    """content_items() without the drafts."""
    return {slug: v for slug, v in content_items(kind, content).items()
            if all(meta.get("status") != "draft" for meta in v.values())}


def company_moves(content=ROOT / "content"):
    """({company: [moves]} who joined, {company: [moves]} who left) it or a company inside it
    (`parent`), read from the content; a move between two parts of one company is neither.
    Each move is the front-matter's dict with the person's `slug` added."""
    companies = published_items("companies", content)

    def within(slug):
        found = []
        while slug in companies and slug not in found:
            found.append(slug)
            slug = companies[slug]["ar"].get("parent")
        return found

    joined, left = {}, {}
    for slug, versions in published_items("people", content).items():
        for move in versions["ar"].get("moves") or []:
            move = {**move, "slug": slug}
            inside, outside = within(move.get("to")), within(move.get("from"))
            for company in inside:
                if company not in outside:
                    joined.setdefault(company, []).append(move)
            for company in outside:
                if company not in inside:
                    left.setdefault(company, []).append(move)
    return joined, left


def expected_routes(content=ROOT / "content"):
    """Every HTML page a site built from `content` must have, as {lang: url} groups (drafts
    have none)."""
    briefs = published_items("articles", content)
    groups = [{lang: PREFIX[lang] + path for lang in LANGS}
              for path in ("", "people/", "companies/", "about/", "articles/", "moves/", "corrections/",
                           "search/")]
    months = {str(v["ar"]["date"])[:7].replace("-", "/") for v in briefs.values()}
    groups += [{lang: f"{PREFIX[lang]}articles/{month}/" for lang in LANGS} for month in sorted(months)]
    moved = {str(briefs[move["source"]["article"]]["ar"]["date"])[:7].replace("-", "/")
             for person in published_items("people", content).values()
             for move in person["ar"].get("moves") or [] if move["source"]["article"] in briefs}
    groups += [{lang: f"{PREFIX[lang]}moves/{month}/" for lang in LANGS} for month in sorted(moved)]
    years = {month[:4] for month in months}
    groups += [{lang: f"{PREFIX[lang]}articles/{year}/" for lang in LANGS} for year in sorted(years)]
    for kind in ("articles", "people", "companies"):
        groups += [{lang: f"{PREFIX[lang]}{kind}/{slug}/" for lang in LANGS} for slug in published_items(kind, content)]
    return groups
