"""Shared helpers: find the built HTML files of a site dir, parse them once, map files to URLs."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def html_files(site_dir: str | os.PathLike) -> list[Path]:
    """All ``*.html`` files under ``site_dir``, sorted, as absolute paths."""
    return sorted(Path(site_dir).resolve().rglob("*.html"))


def page_url(site_dir: str | os.PathLike, path: str | os.PathLike) -> str:
    """Root-relative URL path a file is served at: ``x/index.html`` -> ``/x/``, ``404.html`` -> ``/404.html``."""
    rel = Path(path).resolve().relative_to(Path(site_dir).resolve()).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def rel(site_dir: str | os.PathLike, path: str | os.PathLike) -> str:
    """``path`` relative to ``site_dir`` (posix), for messages."""
    return Path(path).resolve().relative_to(Path(site_dir).resolve()).as_posix()


@functools.lru_cache(maxsize=4096)
def _parse_cached(path: str, mtime_ns: int, size: int) -> BeautifulSoup:
    data = Path(path).read_bytes()
    return BeautifulSoup(data.decode("utf-8", errors="replace"), "lxml")


def parse(path: str | os.PathLike) -> BeautifulSoup:
    """Parsed document (cached per file version). Treat the result as read-only."""
    st = os.stat(path)
    return _parse_cached(str(Path(path).resolve()), st.st_mtime_ns, st.st_size)


def strip_site_url(url: str, site_url: str = "") -> str | None:
    """If ``url`` is internal, return it as root-relative or relative; else None.

    Internal = relative (``a/``, ``../b``), root-relative (``/a/``), a fragment
    (``#x``), or absolute under ``site_url`` (e.g. ``https://example.org/site``).
    Protocol-relative ``//host/`` and other hosts are external; ``mailto:``,
    ``tel:``, ``data:``, ``javascript:`` etc. are neither (returns None).
    """
    url = url.strip()
    if site_url:
        prefix = site_url.rstrip("/")
        if url == prefix:
            return "/"
        if url.startswith(prefix + "/") or url.startswith(prefix + "#") or url.startswith(prefix + "?"):
            rest = url[len(prefix):]
            return rest if rest.startswith("/") else "/" + rest
    if url.startswith("//"):
        return None
    if urlsplit(url).scheme:
        return None
    return url


def is_external(url: str, site_url: str = "") -> bool:
    """True for http(s) or protocol-relative URLs that are not under ``site_url``."""
    url = url.strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https", "") or (scheme == "" and not url.startswith("//")):
        return False
    return strip_site_url(url, site_url) is None


def resolve(page: str, url: str) -> tuple[str, str]:
    """Resolve an internal ``url`` against the page URL path; return (decoded path, fragment)."""
    parts = urlsplit(urljoin("http://site" + page, url))
    return unquote(parts.path) or "/", unquote(parts.fragment)


def target_file(site_dir: str | os.PathLike, path: str) -> Path | None:
    """The file a URL path would be served from (``/x/`` -> ``x/index.html``), or None.

    A path naming a directory without a trailing slash returns the directory
    itself, so callers can report it (servers answer it with a redirect).
    """
    root = Path(site_dir).resolve()
    candidate = (root / path.lstrip("/")).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    if path.endswith("/"):
        candidate = candidate / "index.html"
    if candidate.is_file() or candidate.is_dir():
        return candidate
    return None


def srcset_urls(value: str) -> list[str]:
    """URLs of a ``srcset`` attribute (``a.png 1x, b.png 2x`` -> ``[a.png, b.png]``)."""
    urls = []
    for candidate in value.split(","):
        candidate = candidate.strip()
        if candidate:
            urls.append(candidate.split()[0])
    return urls
