"""Accessibility checks axe cannot make, run in the browser on a Playwright page.

    problems = (check_single_h1(page) + check_skip_link(page)
                + check_focus_visible(page) + check_language_switcher(page))

Requirements these encode (what the templates must do):

* exactly one ``<h1>`` per page;
* the first focusable element is a skip link (``<a href="#main">``), visible
  when focused; activating it with Enter moves keyboard focus into ``<main>``.
  For that the target must be focusable: give ``<main id="main" tabindex="-1">``
  (tabindex -1 = focusable by script/fragment, not in the Tab order); without it
  Chromium scrolls but focus stays on the link, and the next Tab starts from the top;
* a link focused by keyboard shows a focus indicator: computed ``outline-style``
  not ``none`` with ``outline-width`` > 0 and a non-transparent colour, or a
  ``box-shadow``;
* the language switcher link has ``hreflang`` and a ``lang`` attribute (on the
  link or on the element holding its label) with the same language.

The keyboard checks reload the page (without its #fragment) first, so they
start from a fresh focus state; run them in any order.
"""

from __future__ import annotations

import contextlib

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

SWITCHER = "a[hreflang][data-switcher], .lang-switch a[hreflang]"

_JS_ACTIVE = """() => {
  const a = document.activeElement;
  const r = a.getBoundingClientRect();
  const s = getComputedStyle(a);
  return {tag: a.tagName.toLowerCase(), href: a.getAttribute('href'),
          text: (a.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
          html: (a === document.body || a === document.documentElement) ? '<' + a.tagName.toLowerCase() + '>'
                : a.outerHTML.slice(0, 120),
          rect: {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height},
          vw: innerWidth, vh: innerHeight,
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
          outlineColor: s.outlineColor, boxShadow: s.boxShadow,
          focusVisible: a.matches(':focus-visible'),
          inMain: !!(document.querySelector('main') && document.querySelector('main').contains(a)),
          isBody: a === document.body || a === document.documentElement};
}"""


def _fresh(page: Page) -> None:
    page.goto(page.url.split("#")[0], wait_until="load")


def _active(page: Page) -> dict:
    return page.evaluate(_JS_ACTIVE)


def check_single_h1(page: Page) -> list[str]:
    """Exactly one ``<h1>`` in the document."""
    count = page.evaluate("() => document.querySelectorAll('h1').length")
    return [] if count == 1 else [f"expected exactly one <h1>, found {count}"]


def check_skip_link(page: Page) -> list[str]:
    """Tab once: a visible ``<a href="#...">``; Enter: focus lands on/in ``<main>``."""
    _fresh(page)
    page.keyboard.press("Tab")
    first = _active(page)
    if first["tag"] != "a" or not (first["href"] or "").startswith("#") or len(first["href"]) < 2:
        return [f"skip link: first focusable element is not an <a href=\"#...\">: {first['html']}"]
    problems = []
    r = first["rect"]
    if r["width"] < 2 or r["height"] < 2 or r["right"] <= 0 or r["bottom"] <= 0 or r["left"] >= first["vw"] or r["top"] >= first["vh"]:
        problems.append(f"skip link: not visible in the viewport when focused (box {r})")
    target = first["href"][1:]
    target_info = page.evaluate(
        """(id) => { const t = document.getElementById(id), m = document.querySelector('main');
                     return {exists: !!t, main: !!m, inMain: !!(t && m && m.contains(t)),
                             mainTabindex: m ? m.getAttribute('tabindex') : null}; }""",
        target,
    )
    if not target_info["exists"]:
        return problems + [f"skip link: href {first['href']!r} names no element"]
    if not target_info["main"]:
        return problems + ["skip link: the page has no <main>"]
    if not target_info["inMain"]:
        problems.append(f"skip link: target #{target} is not <main> or inside it")
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("(h) => location.hash === h", arg=first["href"], timeout=2000)
    except PlaywrightTimeoutError:
        return problems + [f"skip link: Enter did not go to {first['href']!r}"]
    # the browser moves focus to the fragment after it updates the hash, in a later task;
    # a timeout is reported below, with where the focus is
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function("() => !!document.querySelector('main')?.contains(document.activeElement)",
                               timeout=2000)
    after = _active(page)
    if not after["inMain"]:
        hint = "" if target_info["mainTabindex"] == "-1" else ' (give <main> tabindex="-1" so it can take focus)'
        problems.append(f"skip link: after Enter focus is on {after['html'][:60]}, not in <main>{hint}")
    return problems


def _visible_indicator(s: dict) -> bool:
    colour = s["outlineColor"].replace(" ", "")
    transparent = colour == "transparent" or (colour.startswith("rgba(") and colour.endswith(",0)"))
    outline = s["outlineStyle"] != "none" and s["outlineWidth"] > 0 and not transparent
    return outline or (s["boxShadow"] not in ("", "none"))


def check_focus_visible(page: Page, tabs: int = 8) -> list[str]:
    """Tab through the first ``tabs`` stops; every focused link must show an outline or box-shadow."""
    _fresh(page)
    problems, links = [], 0
    for _ in range(tabs):
        page.keyboard.press("Tab")
        s = _active(page)
        if s["isBody"]:
            break
        if s["tag"] != "a":
            continue
        links += 1
        if not _visible_indicator(s):
            problems.append(
                f"focus not visible on {s['html']!r}: outline {s['outlineStyle']} {s['outlineWidth']}px "
                f"{s['outlineColor']}, box-shadow {s['boxShadow']}"
            )
    if links == 0:
        problems.append(f"no link received keyboard focus in {tabs} Tab presses")
    return problems


def check_language_switcher(page: Page, selector: str = SWITCHER) -> list[str]:
    """The switcher link(s) carry ``hreflang`` and a matching ``lang`` on the link or its label."""
    links = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map(a => ({
             hreflang: a.getAttribute('hreflang'), lang: a.getAttribute('lang'),
             innerLangs: [...a.querySelectorAll('[lang]')].map(e => e.getAttribute('lang')),
             html: a.outerHTML.slice(0, 120)}))""",
        selector,
    )
    if not links:
        return [f"language switcher: nothing matches {selector!r}"]
    problems = []
    for link in links:
        hreflang = (link["hreflang"] or "").strip()
        langs = [link["lang"]] if link["lang"] else link["innerLangs"]
        if not hreflang:
            problems.append(f"language switcher: empty hreflang on {link['html']}")
        if not langs:
            problems.append(f"language switcher: no lang attribute on the link or its label: {link['html']}")
        elif hreflang and any(lg.split("-")[0].lower() != hreflang.split("-")[0].lower() for lg in langs):
            problems.append(f"language switcher: lang {langs} does not match hreflang {hreflang!r}: {link['html']}")
    return problems


def check_all(page: Page, switcher: str = SWITCHER) -> list[str]:
    """All four checks."""
    return check_single_h1(page) + check_skip_link(page) + check_focus_visible(page) + check_language_switcher(page, switcher)
