"""The build warns, in one line, once the site passes 80 % of PAGES_SIZE_LIMIT (GitHub Pages
publishes at most 1 GB); `make bench` measures the bytes, no test asserts them."""

import logging

from newsbrief.sitesize import site_bytes, warn_near_limit
from support import ROOT, build

MINI = ROOT / "tests/fixtures/mini/content"


def test_a_site_past_80_percent_of_the_limit_is_one_warning_line(tmp_path):
    site = build(tmp_path, content=MINI, overrides={"PAGES_SIZE_LIMIT": 100_000, "CACHE_PATH": str(tmp_path / "c")})
    size = site_bytes(site.path)
    warned = [w for w in site.warnings if "PAGES_SIZE_LIMIT" in w]
    assert len(warned) == 1 and "\n" not in warned[0]
    assert warned[0].startswith(f"The site is {size / 1e6:,.1f} MB, {100 * size // 100_000} % of PAGES_SIZE_LIMIT (0.1 MB, ")


def test_the_warning_starts_past_80_percent(tmp_path, caplog):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.html").write_bytes(b"x" * 800)
    (tmp_path / "feed.xml").write_bytes(b"x" * 200)
    assert site_bytes(tmp_path) == 1000
    with caplog.at_level(logging.WARNING):
        warn_near_limit(tmp_path, {"PAGES_SIZE_LIMIT": 1250})  # exactly 80 %: no warning
        warn_near_limit(tmp_path, {})  # no limit set: no warning
        assert caplog.messages == []
        warn_near_limit(tmp_path, {"PAGES_SIZE_LIMIT": 1249})
    assert len(caplog.messages) == 1 and "80 %" in caplog.messages[0]
