"""Static security checks per HTML file: CSP meta, inline handlers/scripts, noopener.

    problems = check_site("output", site_url="https://example.org")
    assert not problems, "\\n".join(problems)

Per page:

* a ``<meta http-equiv="Content-Security-Policy">`` in ``<head>`` whose
  ``default-src`` is ``'self'`` (or ``'none'``) and whose effective
  ``script-src`` (``script-src``, else ``default-src``) has no
  ``'unsafe-inline'``, ``'unsafe-eval'`` or wildcard source;
* no ``on*=`` event-handler attributes and no ``javascript:`` URLs;
* no inline ``<script>`` (except JSON data blocks such as ``application/ld+json``),
  since the CSP would block it; likewise no ``style=``/``<style>`` when the
  effective ``style-src`` lacks ``'unsafe-inline'``;
* every external ``<a href="http(s)://...">`` (not under ``site_url``) has
  ``rel`` containing ``noopener``.
"""

from __future__ import annotations

import os

from . import _html

_DATA_SCRIPT_TYPES = {"application/ld+json", "application/json", "importmap-data"}
_WILDCARDS = {"*", "http:", "https:", "data:", "blob:"}


def parse_csp(content: str) -> dict[str, list[str]]:
    """``"default-src 'self'; img-src 'self' data:"`` -> ``{"default-src": ["'self'"], ...}`` (first wins)."""
    policy: dict[str, list[str]] = {}
    for part in content.split(";"):
        tokens = part.split()
        if tokens:
            policy.setdefault(tokens[0].lower(), [t.lower() if t.startswith("'") else t for t in tokens[1:]])
    return policy


def check_page(path: str | os.PathLike, site_url: str = "", name: str | None = None) -> list[str]:
    """Problems of one HTML file (``name`` labels the messages; defaults to the path)."""
    name = name or str(path)
    soup = _html.parse(path)
    problems = []

    metas = [m for m in soup.find_all("meta", attrs={"http-equiv": True})
             if m["http-equiv"].strip().lower() == "content-security-policy"]
    policy: dict[str, list[str]] = {}
    if not metas:
        problems.append(f"{name}: no <meta http-equiv=\"Content-Security-Policy\">")
    else:
        meta = metas[0]
        if meta.find_parent("head") is None:
            problems.append(f"{name}: CSP <meta> is not in <head> (browsers ignore it there)")
        policy = parse_csp(meta.get("content", ""))
        default = policy.get("default-src")
        if default is None:
            problems.append(f"{name}: CSP has no default-src")
        elif not (default == ["'self'"] or default == ["'none'"]):
            problems.append(f"{name}: CSP default-src is {' '.join(default)!r}, expected 'self'")
        script = policy.get("script-src", default or [])
        for bad in ("'unsafe-inline'", "'unsafe-eval'"):
            if bad in script:
                problems.append(f"{name}: CSP script-src allows {bad}")
        if _WILDCARDS & set(script):
            problems.append(f"{name}: CSP script-src allows a wildcard source: {' '.join(script)}")

    for el in soup.find_all(True):
        for attr in el.attrs:
            if attr.lower().startswith("on"):
                problems.append(f"{name}: inline event handler <{el.name} {attr}=...>")
        for attr in ("href", "src", "action", "formaction"):
            if el.has_attr(attr) and el[attr].strip().lower().startswith("javascript:"):
                problems.append(f"{name}: javascript: URL in <{el.name} {attr}>")

    for script in soup.find_all("script"):
        kind = (script.get("type") or "").strip().lower()
        if not script.has_attr("src") and kind not in _DATA_SCRIPT_TYPES and (script.string or "").strip():
            problems.append(f"{name}: inline <script> (blocked by the CSP; move it to a file)")

    style_src = policy.get("style-src", policy.get("default-src"))
    if metas and style_src is not None and "'unsafe-inline'" not in style_src:
        for el in soup.find_all(style=True):
            problems.append(f"{name}: style= attribute on <{el.name}> (blocked by CSP style-src)")
        for _el in soup.find_all("style"):
            problems.append(f"{name}: <style> element (blocked by CSP style-src)")

    for a in soup.find_all(["a", "area"], href=True):
        if _html.is_external(a["href"], site_url) and "noopener" not in [r.lower() for r in a.get("rel") or []]:
            problems.append(f"{name}: external link without rel=\"noopener\": {a['href']}")
    return problems


def check_site(site_dir: str | os.PathLike, site_url: str = "") -> list[str]:
    """:func:`check_page` for every ``*.html`` file under ``site_dir``."""
    out = []
    for path in _html.html_files(site_dir):
        out += check_page(path, site_url, _html.rel(site_dir, path))
    return out
