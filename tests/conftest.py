"""Shared fixtures: the real site, built once per test session into a temporary folder."""

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "tests"))

from newsbrief.build import build_site  # noqa: E402

from site_model import Site  # noqa: E402


def build(tmp_dir, settings="pelicanconf.py", overrides=None, content=None):
    """Build the site from `content` (default: the real content) into `tmp_dir`."""
    overrides = dict(overrides or {})
    overrides["PATH"] = str(content or ROOT / "content")
    overrides.setdefault("THEME", str(ROOT / "theme"))
    out = pathlib.Path(tmp_dir) / "output"
    warnings = build_site(str(ROOT / settings), str(out), overrides)
    return Site(out, warnings)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, as `make html` builds it."""
    return build(tmp_path_factory.mktemp("site"))
