"""Shared fixtures: the real site built once per run (shared by the parallel workers), one
static server over it, one headless Chromium, and `variant_site`, the one way a test builds
a site of its own (tests/support.py holds the helpers they are made of)."""

import contextlib
import fcntl
import json
import os
import subprocess
import sys

import pytest
from gates.browser import launch
from gates.server import serve
from support import CORPUS_BRIEFS, MINI, ROOT, TRUTH, Site, build, copy_content

# A page the memo keeps reads only what the memo records, or the build fails (newsbrief.memoguard).
os.environ["NEWSBRIEF_STRICT_MEMO"] = "1"


@contextlib.contextmanager
def built_once(tmp_path_factory, name):
    """A folder made once per run, whichever worker (pytest-xdist) asks first: the others wait
    for it under a lock. Yields (folder, whether it is still to be made)."""
    root = tmp_path_factory.getbasetemp()
    if root.name.startswith("popen-gw"):  # a worker's folder: the run's folder holds them all
        root = root.parent
    folder = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / ".done"
        yield folder, not done.exists()
        done.touch()


def shared_site(tmp_path_factory, name, **build_args):
    """`build(**build_args)` once per run; each worker reads the same site and its warnings."""
    with built_once(tmp_path_factory, name) as (folder, todo):
        if todo:
            site = build(folder, **build_args)
            (folder / "warnings.json").write_text(json.dumps(site.warnings), encoding="utf-8")
        return Site(folder / "output", json.loads((folder / "warnings.json").read_text(encoding="utf-8")))


SEARCH = {"SEARCH_INDEX": True}


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, as `make html` builds it (with its search index)."""
    return shared_site(tmp_path_factory, "site", overrides=SEARCH)


@pytest.fixture(scope="session")
def server(site):
    """The base URL of the real site served on localhost."""
    with serve(site.path) as base:
        yield base


@pytest.fixture(scope="session")
def truth_site(tmp_path_factory):
    """The site of the truth fixture (tests/fixtures/truth), as `make html` builds it: the tests
    of what the site does with a brief's facts read it instead of the real site."""
    return shared_site(tmp_path_factory, "truth", content=TRUTH, overrides=SEARCH)


@pytest.fixture(scope="session")
def truth_server(truth_site):
    """The base URL of the truth fixture's site served on localhost."""
    with serve(truth_site.path) as base:
        yield base


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """A synthetic archive of CORPUS_BRIEFS briefs (scripts/make_corpus.py), bigger than every bound
    the archive tests check: the people index splits, lists and a company's moves paginate."""
    with built_once(tmp_path_factory, "corpus") as (folder, todo):
        if todo:
            subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(CORPUS_BRIEFS),
                            str(folder / "content")], check=True, capture_output=True)
        return folder / "content"


@pytest.fixture(scope="session")
def big(corpus, tmp_path_factory):
    """The archive's site (no search index: no test searches it)."""
    return shared_site(tmp_path_factory, "big", content=corpus)


@pytest.fixture(scope="session")
def big_server(big):
    """The base URL of the archive's site served on localhost."""
    with serve(big.path) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's) for every browser test."""
    with launch() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory):
    """Build a variant of a site: `variant_site(edits, overrides)` copies `source` (the mini
    fixture unless told; `source=REAL` for the real content) to a folder of its own, calls
    each of `edits` with that content folder (support.edit, write, …), builds it with the
    setting `overrides` and a cache of its own, and returns the Site (its `content` folder
    too). No search index unless a test asks for it (`{"SEARCH_INDEX": True}`), as `build`."""

    def make(edits=(), overrides=None, source=MINI, settings="pelicanconf.py", name="variant"):
        tmp = tmp_path_factory.mktemp(name)
        content = copy_content(tmp, source)
        for change in edits:
            change(content)
        built = build(tmp, settings, overrides, content)
        built.content = content
        return built

    return make


# The slowest modules first (measured with --durations), then the rest in file order. The
# Makefile's `test` target hands modules to the workers in this order (pytest-xdist's
# --dist loadscope --no-loadscope-reorder): its own order, by number of tests, started the
# slowest modules (test_memo, test_parallel, test_real_content: few tests, many builds)
# last, and one worker ran them alone at the end. test_archive, which builds the big
# archive, comes before test_phone, which reads it too, so neither waits for the other.
SLOWEST_FIRST = ("test_gates", "test_memo", "test_related", "test_archive", "test_parallel", "test_search",
                 "test_feeds", "test_real_content", "test_phone", "test_story", "test_hostile_site", "test_publish",
                 "test_cache", "test_cache_hostile", "test_build_safety", "test_memoguard")


def pytest_collection_modifyitems(items):
    rank = {name: number for number, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(rank)))  # stable: file order within a rank
