"""Made for the phone (issue 22): every page type of the real site and of the synthetic archive,
in both languages, at 360 and 390 px in Chromium. Nothing scrolls sideways or lies outside the
screen, no cell or entry of a list of moves is taller than 8 lines, no link is set below
16 px, targets that stand alone are 24×24 px at least (and axe's target-size agrees), and the flow graphic reads as a news
graphic at every width.
"""

import pytest
from gates import axe
from gates.browser import opened
from support import FOLDER, screenshot

WIDTHS = (360, 390)
KINDS = ("home", "archive", "year", "month", "moves", "brief", "person", "company", "people",
         "companies", "about", "corrections", "search", "not-found")
BIG_KINDS = ("home", "moves", "moves-month", "year", "brief", "person", "company", "company-moves", "people")
MAX_LINES = 8

# What a page must not do on a phone, as readable lines (empty: it reads well).
LAYOUT = """() => {
  const vw = document.documentElement.clientWidth, problems = [];
  const name = el => `${el.tagName.toLowerCase()}.${String(el.className.baseVal ?? el.className).trim().split(/\\s+/).join('.')}`
    + ` «${(el.textContent || '').trim().slice(0, 40)}»`;
  const hidden = el => { for (let e = el; e; e = e.parentElement) { const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath.startsWith('inset(50%')) return true; } return false; };
  const sideways = document.documentElement.scrollWidth - vw;
  if (sideways > 0) problems.push(`the page scrolls sideways by ${sideways}px`);
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue;
    if ((r.right > vw + 1 || r.left < -1) && !hidden(el)) problems.push(`outside the screen: ${name(el)}`);
    const s = getComputedStyle(el);
    if (['auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
      problems.push(`scrolls sideways inside: ${name(el)}`);
  }
  const entries = '.nb-table tr, .nb-table th, .nb-table td, .nb-flow__route, .nb-flows__people > li, .nb-exchanges > li';
  for (const el of document.querySelectorAll(entries)) {
    const s = getComputedStyle(el), h = el.getBoundingClientRect().height;
    const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.2;
    if (h > %(lines)d * line + 1) problems.push(`${Math.round(h / line)} lines tall: ${name(el)}`);
  }
  const targets = '.nb-fact__source:not(.nb-source-link), .nb-paranum, .nb-footer a, .nb-brief-item__names a, '
    + '.nb-table a, .nb-flow__who, .nb-flow__place, .nb-nav__list a, .nb-pagination__link, .nb-follow__link';
  for (const el of document.querySelectorAll(targets)) {
    const r = el.getBoundingClientRect();
    if (r.width && (r.width < 23.5 || r.height < 23.5))
      problems.push(`a ${Math.round(r.width)}×${Math.round(r.height)} px target: ${name(el)}`);
  }
  // Every link a reader sees is set at 16 px at least (a 13-px link is a defect on a phone);
  // the drawing's labels are text at the drawing's scale, tested below.
  for (const el of document.querySelectorAll('a')) {
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (!el.closest('svg') && el.getBoundingClientRect().width && !hidden(el) && size < 15.9)
      problems.push(`a ${size}-px link: ${name(el)}`);
  }
  return problems;
}""".replace("%(lines)d", str(MAX_LINES))


def real_pages(site):
    """{kind: URL path} of one page of each template of the real site (found, not named)."""
    home = site.page("/")
    archive = site.page("/articles/")
    row = home.select_one('.nb-table tr[data-fact="move"]')
    return {
        "home": "", "archive": "articles/", "moves": "moves/", "people": "people/", "companies": "companies/",
        "about": "about/", "corrections": "corrections/", "search": "search/", "not-found": "404.html",
        "year": archive.select_one(".nb-months__year a")["href"].lstrip("/"),
        "month": archive.select_one(".nb-months__link")["href"].lstrip("/"),
        "brief": home.select_one(".nb-lead__title a")["href"].lstrip("/"),
        "person": row.th.a["href"].lstrip("/"),
        "company": row.select("td a")[0]["href"].lstrip("/"),
    }


def big_pages(big):
    pages = real_pages(big)
    busiest = next(p.parent.parent for p in sorted(big.path.glob("companies/*/moves/index.html")))
    company = busiest.relative_to(big.path).as_posix() + "/"
    people = big.page("/people/").select_one(".nb-letters__link")["href"].lstrip("/")
    month = big.page("/moves/").select_one(".nb-months__link")["href"].lstrip("/")
    return {**{kind: pages[kind] for kind in BIG_KINDS if kind in pages}, "moves-month": month,
            "company": company, "company-moves": company + "moves/", "people": people}


def cases(kinds):
    return [(kind, lang) for kind in kinds for lang in FOLDER if not (kind == "not-found" and lang == "en")]


def url(pages, kind, lang):
    path = pages[kind]
    return path if kind == "not-found" else FOLDER[lang] + path


def check_phone_page(browser, base, path, name):
    """Layout problems at each of WIDTHS, and at 360 px axe's (target-size with the rest). The
    page is loaded once, at 360 px, then made wider (the site runs no script that reads the
    width: only the search page has one), as a phone turned or a window resized."""
    problems = []
    with opened(browser, f"{base}/{path}", width=WIDTHS[0], height=800) as (page, _record):
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.evaluate("document.fonts.ready")
            screenshot(page, f"phone/{name}-{width}")
            found = page.evaluate(LAYOUT) + (axe.run(page) if width == WIDTHS[0] else [])
            problems += [f"at {width} px: {problem}" for problem in found]
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("kind, lang", cases(KINDS))
def test_real_pages_read_well_on_a_phone(site, server, browser, kind, lang):
    problems = check_phone_page(browser, server, url(real_pages(site), kind, lang), f"{kind}-{lang}")
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("kind, lang", cases(BIG_KINDS))
def test_archive_pages_read_well_on_a_phone(big, big_server, browser, kind, lang):
    problems = check_phone_page(browser, big_server, url(big_pages(big), kind, lang), f"big-{kind}-{lang}")
    assert problems == [], "\n".join(problems)


# The graphic: title, legend and source in sight; every label whole; the layout that fits.
FIGURE = """() => {
  const fig = document.querySelector('figure.nb-flow');
  const seen = sel => { const el = fig.querySelector(sel); const r = el && el.getBoundingClientRect();
    return !!r && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const labels = [...fig.querySelectorAll('text, .nb-flow__place, .nb-flow__who')]
    .filter(el => el.getBoundingClientRect().width > 0).map(el => el.textContent.trim());
  const italic = [...fig.querySelectorAll('*')].filter(el => el.getBoundingClientRect().width > 0
    && getComputedStyle(el).fontStyle !== 'normal').length;
  // The drawn size of the smallest label: its font size times the drawing's scale.
  const svg = fig.querySelector('svg.nb-flow__svg');  // a brief's or profile's figure has none
  const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
  const sizes = svg ? [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale) : [];
  return {title: seen('.nb-flow__title'), legend: seen('.nb-flow__legend'), source: seen('.nb-flow__source'),
          drawing: seen('svg.nb-flow__svg'), stack: seen('.nb-flow__stack'), labels, italic,
          height: fig.getBoundingClientRect().height, width: fig.getBoundingClientRect().width,
          smallest: Math.min(...sizes)};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", FOLDER)
@pytest.mark.parametrize("kind", ["home", "moves", "brief", "company", "big-company"])
def test_flow_graphic_has_title_legend_source_and_whole_labels(site, server, big, big_server, browser, kind, lang):
    """At 360 and at 1280 px: the page loaded once and made wider (no script reads the width)."""
    base, pages = (big_server, big_pages(big)) if kind.startswith("big-") else (server, real_pages(site))
    with opened(browser, f"{base}/{url(pages, kind.removeprefix('big-'), lang)}", width=360) as (page, _record):
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.evaluate("document.fonts.ready")
            figure = page.evaluate(FIGURE)
            assert figure["title"] and figure["legend"] and figure["source"], width
            # The drawing only where the figure gives it its natural width (labels never below
            # 14 px), which the home page's does at 1280; the list everywhere else.
            assert (figure["drawing"], figure["stack"]) == ((True, False) if figure["width"] >= 800 else (False, True))
            assert figure["drawing"] == (width == 1280 and kind == "home") or kind != "home"
            if figure["drawing"]:
                assert figure["smallest"] >= 14
            assert figure["labels"] and not [label for label in figure["labels"] if label.endswith("…")], width
            assert figure["italic"] == 0  # Naskh has no italic, and the English half matches
            assert figure["height"] < 3000  # bounded however many moves a company has
