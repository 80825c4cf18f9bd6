"""Internal link checks over a site dir (no server, no network).

    report = check_links("output", site_url="https://example.org")
    assert not report.problems, "\\n".join(report.problems)
    report.external        # [(page, url), ...] for a separate, optional check

Every ``href``, ``src``, ``srcset`` and ``poster`` of every ``*.html`` file is
looked at. Internal URLs (relative, root-relative, or absolute under
``site_url``) must name a file in the site dir (``/x/`` -> ``x/index.html``),
and a ``#fragment`` must name an element ``id`` (or ``<a name>``) in the target
HTML file. ``cross_language_links`` flags links from an Arabic page to an
English one (and vice versa) that do not say so with ``hreflang`` or
``rel="alternate"``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import _html

URL_ATTRS = ("href", "src", "poster")
# Fragments the browser handles without an element: "#top" scrolls to the top,
# "#:~:text=" is a text fragment.
_SPECIAL_FRAGMENTS = ("top",)


@dataclass
class LinkReport:
    problems: list[str] = field(default_factory=list)  # "page: url: reason"
    external: list[tuple[str, str]] = field(default_factory=list)  # (page, url)


def _ids(path: Path) -> set[str]:
    soup = _html.parse(path)
    ids = {el["id"] for el in soup.find_all(id=True)}
    ids |= {el["name"] for el in soup.find_all("a", attrs={"name": True})}
    return ids


def _urls(soup):
    """(element, attribute, url) for every URL-carrying attribute in the document."""
    for el in soup.find_all(True):
        for attr in URL_ATTRS:
            if el.has_attr(attr):
                yield el, attr, el[attr]
        if el.has_attr("srcset"):
            for url in _html.srcset_urls(el["srcset"]):
                yield el, "srcset", url


def check_links(site_dir: str | os.PathLike, site_url: str = "") -> LinkReport:
    """Check every internal URL of every page; collect external ones."""
    report = LinkReport()
    ids_cache: dict[Path, set[str]] = {}
    for path in _html.html_files(site_dir):
        page = _html.page_url(site_dir, path)
        name = _html.rel(site_dir, path)
        soup = _html.parse(path)
        base = soup.find("base", href=True)
        base_url = page
        if base is not None:
            internal_base = _html.strip_site_url(base["href"], site_url)
            base_url = _html.resolve(page, internal_base)[0] if internal_base is not None else page
        for el, attr, url in _urls(soup):
            url = url.strip()
            if _html.is_external(url, site_url):
                report.external.append((name, url))
                continue
            internal = _html.strip_site_url(url, site_url)
            if internal is None:  # mailto:, tel:, data:, javascript: ...
                continue
            where = f"{name}: <{el.name} {attr}=\"{url}\">"
            if internal == "":
                report.problems.append(f"{where}: empty URL")
                continue
            if internal == "#":
                report.problems.append(f"{where}: empty fragment '#'")
                continue
            target_path, fragment = _html.resolve(base_url, internal)
            target = _html.target_file(site_dir, target_path)
            if target is None:
                report.problems.append(f"{where}: no file for {target_path}")
                continue
            if target.is_dir():
                report.problems.append(f"{where}: {target_path} is a directory: end the URL with '/'")
                continue
            if fragment and target.suffix == ".html":
                if fragment in _SPECIAL_FRAGMENTS or fragment.startswith(":~:"):
                    continue
                if target not in ids_cache:
                    ids_cache[target] = _ids(target)
                if fragment not in ids_cache[target]:
                    report.problems.append(f"{where}: no id=\"{fragment}\" in {_html.rel(site_dir, target)}")
    return report


def language_of_path(path: str, prefixes: dict[str, str], default_lang: str) -> str:
    """Language of a site path: the one whose prefix it starts with, else ``default_lang``."""
    for lang, prefix in prefixes.items():
        if path.startswith(prefix) or path == prefix.rstrip("/"):
            return lang
    return default_lang


def cross_language_links(
    site_dir: str | os.PathLike,
    site_url: str = "",
    prefixes: dict[str, str] | None = None,
    default_lang: str = "ar",
) -> list[str]:
    """Links (``<a>``/``<area>``) whose target page is in another language than the page.

    A page's language is its ``<html lang>`` primary subtag; a target's language
    comes from its path (``prefixes``, default ``{"en": "/en/"}``; everything
    else is ``default_lang``). Links with an ``hreflang`` attribute or
    ``rel="alternate"`` (language switcher, hreflang links) are allowed.
    Only links to HTML pages count (not CSS, fonts, feeds...).
    """
    prefixes = prefixes or {"en": "/en/"}
    problems = []
    for path in _html.html_files(site_dir):
        soup = _html.parse(path)
        html = soup.find("html")
        page_lang = (html.get("lang", "") if html else "").split("-")[0].lower()
        page = _html.page_url(site_dir, path)
        for a in soup.find_all(["a", "area"], href=True):
            if a.has_attr("hreflang") or "alternate" in (a.get("rel") or []):
                continue
            internal = _html.strip_site_url(a["href"], site_url)
            if internal is None or internal.startswith("#"):
                continue
            target_path, _ = _html.resolve(page, internal)
            if not (target_path.endswith("/") or target_path.endswith(".html")):
                continue
            target_lang = language_of_path(target_path, prefixes, default_lang)
            if page_lang and target_lang != page_lang:
                problems.append(
                    f"{_html.rel(site_dir, path)}: href=\"{a['href']}\": {page_lang} page links to a {target_lang} page "
                    f"without hreflang=\"{target_lang}\""
                )
    return problems
