"""In-browser checks for an Arabic (RTL) page, on a Playwright page.

    problems = (check_direction(page) + check_nav_order(page, ".nb-nav a")
                + check_font_loaded(page, "Noto Naskh Arabic") + unisolated_latin(page))

Each function returns readable problem strings (empty = pass).
"""

from __future__ import annotations

from playwright.sync_api import Page

ARABIC_SAMPLE = "\u0628"  # ب

_JS_DIRECTION = """() => ({
  body: getComputedStyle(document.body).direction,
  htmlDir: document.documentElement.getAttribute('dir'),
  lang: document.documentElement.getAttribute('lang'),
})"""

_JS_BOXES = """(sel) => [...document.querySelectorAll(sel)]
  .filter(e => { const r = e.getBoundingClientRect();
                 return r.width > 0 && r.height > 0 && e.checkVisibility({visibilityProperty: true}); })
  .slice(0, 2)
  .map(e => { const r = e.getBoundingClientRect();
              return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                      text: e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40)}; })"""

_JS_FONTS = """async ([family, sample]) => {
  await document.fonts.ready;
  const faces = [];
  document.fonts.forEach(f => faces.push({family: f.family.replace(/^["']|["']$/g, ''),
                                          status: f.status, weight: f.weight, style: f.style}));
  return {faces, check: document.fonts.check(`16px "${family}"`, sample)};
}"""

# Latin words in Arabic text must be bidi-isolated (<bdi>, dir=..., <bdo>, or code/kbd),
# or neutral characters next to them (punctuation, digits, brackets) get reordered.
_JS_UNISOLATED = r"""(rootSel) => {
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const LATIN = /[A-Za-z]{2,}/g;
  const ISOLATING = new Set(['BDI', 'BDO', 'CODE', 'KBD']);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'svg']);
  const isInline = el => ['inline', 'contents'].includes(getComputedStyle(el).display);
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.classList.length ? '.' + [...el.classList].join('.') : '');
  // Text of the bidi paragraph: the block's own inline content, without nested blocks.
  const paragraphText = block => {
    let text = '';
    const walk = el => { for (const c of el.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) text += c.nodeValue;
      else if (c.nodeType === Node.ELEMENT_NODE && !SKIP.has(c.tagName) && isInline(c)) walk(c);
    } };
    walk(block);
    return text;
  };
  const root = document.querySelector(rootSel) || document.body;
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const runs = node.nodeValue.match(LATIN);
    if (!runs) continue;
    let el = node.parentElement, isolated = false, block = null;
    if (!el || !el.checkVisibility()) continue;
    for (; el; el = el.parentElement) {
      if (SKIP.has(el.tagName)) { isolated = true; break; }
      if (isInline(el)) {
        if (ISOLATING.has(el.tagName) || el.hasAttribute('dir')) { isolated = true; break; }
      } else {
        // The block itself: dir="ltr"/"auto" makes the whole block its own direction.
        const dir = (el.getAttribute('dir') || '').toLowerCase();
        if (ISOLATING.has(el.tagName) || (dir && dir !== 'rtl')) isolated = true;
        block = el;
        break;
      }
    }
    if (isolated || !block) continue;
    const text = paragraphText(block).replace(/\s+/g, ' ').trim();
    if (!ARABIC.test(text)) continue;
    const i = text.indexOf(runs[0]);
    const snippet = (i > 30 ? '…' : '') + text.slice(Math.max(0, i - 30), i + runs[0].length + 30) +
                    (i + runs[0].length + 30 < text.length ? '…' : '');
    out.push(`${describe(block)}: ${runs.join(' ')}: "${snippet}"`);
  }
  return out;
}"""


def check_direction(page: Page) -> list[str]:
    """Body's computed ``direction`` is rtl (and ``<html dir="rtl">`` is set)."""
    info = page.evaluate(_JS_DIRECTION)
    problems = []
    if info["body"] != "rtl":
        problems.append(f"body direction is {info['body']!r}, expected 'rtl' (html lang={info['lang']!r} dir={info['htmlDir']!r})")
    if (info["htmlDir"] or "").lower() != "rtl":
        problems.append(f"<html dir> is {info['htmlDir']!r}, expected 'rtl'")
    return problems


def check_nav_order(page: Page, selector: str = "nav a") -> list[str]:
    """The first visible ``selector`` item sits right of the second (RTL order starts at the right).

    If the two items wrapped onto different rows, both must start at the same right edge.
    """
    boxes = page.evaluate(_JS_BOXES, selector)
    if len(boxes) < 2:
        return [f"nav order: fewer than two visible elements match {selector!r}"]
    first, second = boxes
    same_row = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"]) > 0
    ok = first["left"] >= second["right"] - 1 if same_row else first["right"] >= second["right"] - 1
    if ok:
        return []
    return [
        f"nav order: first item {first['text']!r} (x {first['left']:.0f}-{first['right']:.0f}) is not right of "
        f"second item {second['text']!r} (x {second['left']:.0f}-{second['right']:.0f}): nav does not start at the right edge"
    ]


def check_font_loaded(page: Page, family: str = "Noto Naskh Arabic", sample: str = ARABIC_SAMPLE) -> list[str]:
    """A ``@font-face`` of ``family`` is in ``document.fonts`` with status 'loaded' and covers ``sample``.

    ``document.fonts.check()`` alone is not enough: it returns true when no face
    of that family exists at all, so the faces are listed too.
    """
    info = page.evaluate(_JS_FONTS, [family, sample])
    faces = [f for f in info["faces"] if f["family"].lower() == family.lower()]
    loaded = [f for f in faces if f["status"] == "loaded"]
    problems = []
    if not faces:
        found = sorted({f["family"] for f in info["faces"]}) or ["none"]
        problems.append(f"font {family!r}: no @font-face in document.fonts (faces: {', '.join(found)})")
    elif not loaded:
        states = ", ".join(f"{f['weight']} {f['style']}: {f['status']}" for f in faces)
        problems.append(f"font {family!r}: no face loaded ({states})")
    if not info["check"]:
        problems.append(f"font {family!r}: document.fonts.check() is false for {sample!r}")
    return problems


def unisolated_latin(page: Page, root_selector: str = "body") -> list[str]:
    """Latin runs ([A-Za-z]{2,}) in Arabic text that are not bidi-isolated.

    A run is isolated if, between its text node and the nearest block ancestor,
    there is an element with a ``dir`` attribute or a ``<bdi>``/``<bdo>``/
    ``<code>``/``<kbd>`` (or the block itself has ``dir="ltr"``/``"auto"``).
    Runs whose paragraph (the block's own inline text, nested blocks excluded)
    has no Arabic letters are fine. Returns ``block: runs: "snippet"``.
    """
    return page.evaluate(_JS_UNISOLATED, root_selector)


def check_rtl(page: Page, nav_selector: str = "nav a", font_family: str | None = "Noto Naskh Arabic") -> list[str]:
    """All of the above (font check skipped when ``font_family`` is None)."""
    problems = check_direction(page) + check_nav_order(page, nav_selector)
    if font_family:
        problems += check_font_loaded(page, font_family)
    return problems + [f"un-isolated Latin: {s}" for s in unisolated_latin(page)]
