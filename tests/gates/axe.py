"""axe-core accessibility checks (WCAG 2.2 A/AA rules) on a Playwright page.

    violations = run(page)                      # ["color-contrast (serious): ...", ...]
    assert not violations, "\\n".join(violations)

Uses axe-playwright-python, which bundles axe.min.js (axe-core 4.12 in 0.1.8)
and injects it with ``page.evaluate``: nothing is fetched, and the page's own
Content-Security-Policy does not block it.
"""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
# Rules of those tags that axe ships switched off: WCAG 2.2's 2.5.8, targets of 24×24 CSS px
# (or spaced as if they were) for every link and control not inside a sentence.
SWITCHED_ON = ("target-size",)

_axe = Axe()


def results(page: Page, tags=WCAG_TAGS, context=None, disable_rules=()) -> dict:
    """Raw axe results (violations only) for rules carrying any of ``tags``.

    ``context`` is an axe context (e.g. ``"main"`` or ``{"exclude": [[".ad"]]}``);
    ``disable_rules`` is a list of rule ids to switch off.
    """
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    rules = {rule: {"enabled": True} for rule in SWITCHED_ON}
    rules.update({rule: {"enabled": False} for rule in disable_rules})
    options["rules"] = rules
    return _axe.run(page, context=context, options=options).response


def format_violation(v: dict) -> str:
    """``rule (impact): help [selector; selector] <helpUrl>`` on one line, one per node below."""
    lines = [f"{v['id']} ({v.get('impact')}): {v['help']} <{v.get('helpUrl', '')}>"]
    for node in v.get("nodes", []):
        target = " ".join(" > ".join(t) if isinstance(t, list) else str(t) for t in node.get("target", []))
        summary = (node.get("failureSummary") or "").replace("\n", " ")
        lines.append(f"    at {target}: {summary[:300]}")
    return "\n".join(lines)


def run(page: Page, tags=WCAG_TAGS, context=None, disable_rules=()) -> list[str]:
    """Readable violations (empty = pass): rule id, impact, help, target selectors."""
    return [format_violation(v) for v in results(page, tags, context, disable_rules)["violations"]]
