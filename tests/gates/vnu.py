"""Nu HTML Checker (vnu.jar) over many HTML and CSS files in one java run.

    reports = check(html_and_css_files)          # {Path: FileReport}
    problems = [str(m) for r in reports.values() for m in r.errors]

The jar comes from the npm package ``vnu-jar`` (pinned in package.json; run
``npm ci`` at the repo root). It is looked up at ``$VNU_JAR`` or
``<repo>/node_modules/vnu-jar/build/dist/vnu.jar``. Files ending in ``.css``
are checked as CSS (``--also-check-css``), everything else as HTML.
Java 17+ must be on PATH (``$JAVA`` overrides; vnu 26.x needs 17).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import _html

REPO_ROOT = Path(__file__).resolve().parents[2]
# vnu checks each file as a file: URL, whose origin never matches CSP 'self'; so every
# same-site stylesheet/font/script "violates" the page's CSP. Those messages are dropped
# (real violations show up in csp.py and as browser console errors); others are kept.
_CSP_RESOURCE = re.compile(r"Resource violates Content Security Policy.*?“([^”]*)”")
DEFAULT_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass
class Message:
    """One vnu message. ``line``/``column`` are 1-based (0 when vnu gives none)."""

    file: str
    kind: str  # "error" or "warning"
    message: str
    line: int = 0
    column: int = 0
    extract: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        extract = f"  [{self.extract.strip()[:80]}]" if self.extract.strip() else ""
        return f"{where}: {self.kind}: {self.message}{extract}"


@dataclass
class FileReport:
    errors: list[Message] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)


def jar_path() -> Path:
    """The vnu.jar to use; raises FileNotFoundError with the fix if it is missing."""
    jar = Path(os.environ.get("VNU_JAR", DEFAULT_JAR))
    if not jar.is_file():
        raise FileNotFoundError(f"{jar} not found: run `npm ci` in {REPO_ROOT}")
    return jar


def site_files(site_dir: str | os.PathLike, css: bool = True) -> list[Path]:
    """All ``*.html`` (and ``*.css`` when ``css``) files under ``site_dir``, sorted."""
    root = Path(site_dir).resolve()
    files = list(root.rglob("*.html"))
    if css:
        files += root.rglob("*.css")
    return sorted(files)


def _file_of(url: str) -> Path:
    # vnu reports "file:/abs/path" (Java File.toURI, percent-encoded)
    return Path(unquote(urlsplit(url).path)).resolve()


def _same_site_csp_noise(message: str, site_url: str) -> bool:
    m = _CSP_RESOURCE.search(message)
    return bool(m) and _html.strip_site_url(m.group(1), site_url) is not None


def check(
    files,
    *,
    site_url: str = "",
    filter_pattern: str | None = None,
    extra_args: tuple[str, ...] = (),
    timeout: float = 600,
) -> dict[Path, FileReport]:
    """Check ``files`` (paths) in ONE ``java -jar vnu.jar`` run; return a report per file.

    Every given file gets an entry (empty report = valid). ``filter_pattern`` is
    vnu's ``--filterpattern`` regex for known, accepted messages. Info messages
    are dropped; vnu "non-document-error"s (I/O problems) count as errors.
    CSP messages about same-site resources (relative, root-relative or under
    ``site_url``) are dropped as file:-origin noise.
    """
    paths = [Path(f).resolve() for f in files]
    reports: dict[Path, FileReport] = {p: FileReport() for p in paths}
    if not paths:
        return reports
    # -Xss: vnu's README advises a bigger thread stack for deeply nested documents
    cmd = [os.environ.get("JAVA", "java"), "-Xss2m", "-jar", str(jar_path()),
           "--format", "json", "--stdout", "--exit-zero-always", "--also-check-css"]
    if filter_pattern:
        cmd += ["--filterpattern", filter_pattern]
    cmd += list(extra_args) + [str(p) for p in paths]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"vnu gave no JSON (exit {proc.returncode}): {proc.stderr[-2000:] or proc.stdout[-2000:]}") from exc
    for m in data.get("messages", []):
        kind = m.get("type")
        if kind == "info" and m.get("subType") == "warning":
            kind = "warning"
        elif kind in ("error", "non-document-error"):
            kind = "error"
        else:
            continue
        if _same_site_csp_noise(m.get("message", ""), site_url):
            continue
        path = _file_of(m["url"]) if m.get("url") else None
        report = reports.setdefault(path, FileReport()) if path else reports.setdefault(Path("<vnu>"), FileReport())
        msg = Message(
            file=str(path) if path else "<vnu>",
            kind=kind,
            message=m.get("message", ""),
            line=m.get("lastLine", m.get("firstLine", 0)),
            column=m.get("firstColumn", m.get("lastColumn", 0)),
            extract=m.get("extract", ""),
        )
        (report.errors if kind == "error" else report.warnings).append(msg)
    return reports


def problems(reports: dict[Path, FileReport], warnings: bool = True) -> list[str]:
    """Flatten reports into readable lines (errors, plus warnings unless ``warnings=False``)."""
    out = []
    for report in reports.values():
        out += [str(m) for m in report.errors]
        if warnings:
            out += [str(m) for m in report.warnings]
    return out
