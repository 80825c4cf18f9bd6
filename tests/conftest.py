"""Shared fixtures: the real site built once per session, one static server over it and one
headless Chromium (tests/support.py holds the helpers they are made of)."""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))
# A page the memo keeps reads only what the memo records, or the build fails (newsbrief.memoguard).
os.environ["NEWSBRIEF_STRICT_MEMO"] = "1"

from gates.browser import launch  # noqa: E402
from gates.server import serve  # noqa: E402
from support import CORPUS_BRIEFS, build  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, as `make html` builds it."""
    return build(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def server(site):
    """The base URL of the real site served on localhost."""
    with serve(site.path) as base:
        yield base


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """A synthetic archive of 300 briefs (scripts/make_corpus.py)."""
    content = tmp_path_factory.mktemp("corpus") / "content"
    subprocess.run([sys.executable, str(ROOT / "scripts/make_corpus.py"), str(CORPUS_BRIEFS), str(content)],
                   check=True, capture_output=True)
    return content


@pytest.fixture(scope="session")
def big(corpus, tmp_path_factory):
    """The 300-brief site."""
    return build(tmp_path_factory.mktemp("big"), content=corpus)


@pytest.fixture(scope="session")
def big_server(big):
    """The base URL of the 300-brief site served on localhost."""
    with serve(big.path) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's) for every browser test."""
    with launch() as chromium:
        yield chromium
