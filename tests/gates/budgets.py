"""Byte budgets: the weight of a page and of the CSS, fonts, scripts and images it references.

    over = check_budgets("output", ["index.html", "en/index.html"], "tests/budgets.yaml")
    assert not over, "\\n".join(over)

Budget file (YAML; numbers are bytes, or strings such as ``"14 KiB"``/``"50 kB"``;
any key may be left out; ``raw`` = file size, ``gzip`` = gzip -9 size)::

    html:    {raw: 60 KiB, gzip: 14 KiB}   # the page itself
    css:     {raw: 30 KiB, gzip: 8 KiB}    # all stylesheets of the page, summed
    fonts:   {raw: 120 KiB}                # fonts preloaded or named in those stylesheets' url()
    scripts: {raw: 0}                      # 0 = no script at all
    images:  {raw: 200 KiB}
    total:   {gzip: 200 KiB}               # everything above
    per_file:                              # optional limit for any single file of a kind
      fonts: {raw: 50 KiB}

Fonts are counted from every ``url()`` in the stylesheets, so this is an upper
bound on what a browser downloads (it fetches only the faces it uses).
"""

from __future__ import annotations

import gzip
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import _html

KINDS = ("html", "css", "fonts", "scripts", "images")
_FONT_EXT = {".woff2", ".woff", ".ttf", ".otf", ".eot"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_UNITS = {"": 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2}


@dataclass
class Resource:
    path: str  # relative to the site dir
    kind: str
    raw: int
    gzip: int


@dataclass
class PageWeight:
    page: str
    resources: list[Resource] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # referenced but not in the site dir

    def total(self, kind: str | None = None, measure: str = "raw") -> int:
        return sum(getattr(r, measure) for r in self.resources if kind in (None, r.kind))


def _sizes(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def parse_size(value) -> int:
    """``12000`` / ``"14 KiB"`` / ``"50kB"`` -> bytes."""
    if isinstance(value, (int, float)):
        return int(value)
    m = re.fullmatch(r"\s*([\d.]+)\s*([a-zA-Z]*)\s*", str(value))
    if not m or m.group(2).lower() not in _UNITS:
        raise ValueError(f"bad size: {value!r}")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def load_budgets(path: str | os.PathLike) -> dict:
    """Read a budget YAML file into ``{kind: {measure: bytes}}`` (plus ``per_file``)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}

    def norm(section: dict) -> dict:
        out = {}
        for kind, limits in section.items():
            if kind not in KINDS + ("total",):
                raise ValueError(f"{path}: unknown budget kind {kind!r} (use {KINDS + ('total',)})")
            out[kind] = {m: parse_size(v) for m, v in (limits or {}).items() if m in ("raw", "gzip")}
        return out

    per_file = data.pop("per_file", {}) or {}
    budgets = norm(data)
    budgets["per_file"] = norm(per_file)
    return budgets


def page_weight(site_dir: str | os.PathLike, page: str | os.PathLike, site_url: str = "") -> PageWeight:
    """Sizes of ``page`` (a path in or relative to the site dir) and what it references."""
    root = Path(site_dir).resolve()
    path = Path(page) if Path(page).is_absolute() else root / page
    name = _html.rel(root, path)
    weight = PageWeight(name)
    seen: set[Path] = set()

    def add(target_url: str, kind: str, base: str) -> Path | None:
        internal = _html.strip_site_url(target_url, site_url)
        if internal is None:
            return None
        target_path, _ = _html.resolve(base, internal)
        target = _html.target_file(root, target_path)
        if target is None or target.is_dir():
            weight.missing.append(target_path)
            return None
        if target not in seen:
            seen.add(target)
            raw, gz = _sizes(target)
            weight.resources.append(Resource(_html.rel(root, target), kind, raw, gz))
        return target

    url = _html.page_url(root, path)
    add(url, "html", url)
    soup = _html.parse(path)
    for link in soup.find_all("link", href=True):
        rels = [r.lower() for r in link.get("rel") or []]
        if "stylesheet" in rels:
            css = add(link["href"], "css", url)
            if css is not None:
                css_url = "/" + _html.rel(root, css)
                for _, ref in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
                    suffix = Path(ref.split("?")[0].split("#")[0]).suffix.lower()
                    if suffix in _FONT_EXT:
                        add(ref, "fonts", css_url)
                    elif suffix == ".css":  # @import url(...), one level deep
                        add(ref, "css", css_url)
        elif "preload" in rels and link.get("as") == "font":
            add(link["href"], "fonts", url)
        elif "modulepreload" in rels or ("preload" in rels and link.get("as") == "script"):
            add(link["href"], "scripts", url)
    for script in soup.find_all("script", src=True):
        add(script["src"], "scripts", url)
    for img in soup.find_all(["img", "source"]):
        if img.has_attr("src"):
            add(img["src"], "images", url)
        for ref in _html.srcset_urls(img.get("srcset", "")):
            add(ref, "images", url)
    return weight


def overages(weight: PageWeight, budgets: dict) -> list[str]:
    """Budget lines ``weight`` exceeds, plus referenced files that do not exist."""
    out = [f"{weight.page}: references missing file {m}" for m in weight.missing]
    for kind, limits in budgets.items():
        if kind == "per_file":
            continue
        for measure, limit in limits.items():
            actual = weight.total(None if kind == "total" else kind, measure)
            if actual > limit:
                out.append(f"{weight.page}: {kind} {measure} {actual} B > budget {limit} B")
    for kind, limits in budgets.get("per_file", {}).items():
        for r in weight.resources:
            if kind in ("total", r.kind):
                for measure, limit in limits.items():
                    if getattr(r, measure) > limit:
                        out.append(f"{weight.page}: {r.path} {measure} {getattr(r, measure)} B > per-file {kind} budget {limit} B")
    return out


def check_budgets(site_dir: str | os.PathLike, pages, budgets_path: str | os.PathLike, site_url: str = "") -> list[str]:
    """Overages for each of ``pages`` (paths relative to the site dir) against the YAML budgets."""
    budgets = load_budgets(budgets_path)
    out = []
    for page in pages:
        out += overages(page_weight(site_dir, page, site_url), budgets)
    return out
