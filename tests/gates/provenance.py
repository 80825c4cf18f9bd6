"""Provenance gate over a built site: every fact shown links the paragraph that states it.

    problems = check(site_dir, content_dir)
    assert problems == [], "\\n".join(problems)

A fact is an element with a `data-fact` attribute (the templates mark every role, type,
parent, move, row of joined / left / moves-with / includes, table row and stated count).
Each must hold at least one source link (`a.nb-fact__source`) or say "not stated"
(`.nb-fact__not-stated`). Every paragraph link (a source link, a profile's list of sources; not a brief's own
margin numbers) must say whom it is about (`data-subject`, `person:<slug>` or
`company:<slug>`) and reach a paragraph `#p-N` that exists on a brief page, and that
paragraph must name its subject: its name or an alias in the page's language, with the
Arabic proclitics, as the site's own mention matcher reads them; or the link is followed by
its "by context" label (`.nb-fact__by-context`), or stands in a group that label heads, when
the brief refers to the subject only by context. Besides, the parts of a
page that are facts by nature (timeline items, joined / left rows, exchanges, the moves table)
must be marked, so a new template cannot show a fact unmarked.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from newsbrief.matching import Matcher

from . import _html

# Where facts are shown by nature: each of these must carry data-fact.
# A table of facts (the moves table) says so with `data-facts`; each of its rows is a fact.
FACT_PLACES = (".nb-timeline__item", ".nb-flows__people > li", "[data-flow] > li:not(.nb-flows__brief)", ".nb-exchanges > li", "[data-facts] tbody tr:not(.nb-table__brief)",
               ".nb-profile__facts > div")
KINDS = {"people": "person", "companies": "company"}


def profile_names(content: Path):
    """{lang: {name: "person:<slug>"}} from the content's front-matter."""
    names: dict[str, dict[str, str]] = {}
    for folder, kind in KINDS.items():
        for path in sorted((content / folder).glob("*.md")):
            meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
            table = names.setdefault(meta["lang"], {})
            for name in [meta["name"], *(meta.get("aliases") or [])]:
                table.setdefault(str(name), f"{kind}:{meta['slug']}")
    return names


def _target(site: Path, page: Path, href: str):
    """(file, fragment) an internal href points to."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, parts.fragment
    if parts.path.startswith("/"):
        path = site / parts.path.lstrip("/")
    else:
        path = (page.parent / parts.path) if parts.path else page
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path, parts.fragment


def check(site: str | Path, content: str | Path) -> list[str]:
    site, content = Path(site), Path(content)
    matchers = {lang: Matcher(names) for lang, names in profile_names(content).items()}
    parsed: dict[Path, object] = {}
    problems = []
    for page in sorted(site.rglob("*.html")):
        soup = _html.parse(page)
        name = page.relative_to(site).as_posix()
        lang = soup.html.get("lang", "")
        for place in soup.select(", ".join(FACT_PLACES)):
            if not place.has_attr("data-fact"):
                problems.append(f"{name}: a fact is shown without data-fact: {place.get_text(' ', strip=True)[:60]}")
        for fact in soup.select("[data-fact]"):
            text = fact.get_text(" ", strip=True)[:60]
            links = fact.select("a.nb-fact__source")
            if not links and not fact.select(".nb-fact__not-stated"):
                problems.append(f"{name}: {fact['data-fact']} “{text}” has no source link and does not say “not stated”")
        for link in soup.select('a[href*="#p-"]:not(.nb-paranum)'):  # every paragraph link
            subject = link.get("data-subject", "")
            if not subject:
                problems.append(f"{name}: {link.get('href')}: a paragraph link without data-subject")
                continue
            target, fragment = _target(site, page, link.get("href", ""))
            if target is None or not target.is_file() or not fragment:
                problems.append(f"{name}: {link.get('href')}: not a paragraph of a page of this site")
                continue
            if target not in parsed:
                parsed[target] = _html.parse(target)
            paragraph = parsed[target].find(id=fragment)
            if paragraph is None or paragraph.name != "p" or not fragment.startswith("p-"):
                problems.append(f"{name}: {link.get('href')}: there is no paragraph #{fragment} there")
                continue
            said = html.escape(paragraph.get_text(), quote=False)
            found = {key for _, _, key in matchers.get(lang, Matcher({})).finditer(said)}
            if subject not in found and not _marked_by_context(link):
                problems.append(f"{name}: {link.get('href')}: paragraph {fragment} does not name {subject}"
                                " and is not marked “by context”")
    return problems


def _marked_by_context(link) -> bool:
    """The link's "by context" label: the element right after it (a fact's source), or the
    first child of the group of paragraph links it stands in (a profile's cited paragraphs)."""
    for label in (link.find_next_sibling(), link.parent.find(recursive=False)):
        if label is not None and "nb-fact__by-context" in label.get("class", []) and label.get_text(strip=True):
            return True
    return False
