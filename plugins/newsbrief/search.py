"""Site search: Arabic folding for the index, and the Pagefind run over a built site.

Pagefind (the `pagefind[extended]` wheel, which ships its binary) indexes the pages that
carry `data-pagefind-body` (briefs, people, companies), in bundles by language and kind
(`bundles`: Pagefind holds a whole bundle in memory, and a rebuild indexes again only the
bundles in which what Pagefind reads of a page changed, `indexed_parts`), with its Arabic stemmer, which already folds most letter
variants and diacritics of the text.
`fold()` gives the spelling a reader may type (letter variants, no diacritics or tatweel):
theme/static/search/search.js folds every query the same way (a test keeps the two in
step) and also tries it without proclitics; the index gets a hidden folded copy of the
names whose folding changes them, with its names in the other language and its aliases,
as Pagefind metadata (`search_names`, partials/search-terms.html): searched, never in an
excerpt, which holds only the page's prose (data-pagefind-body in article.html, profile.html).
"""

import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from .text import fold_letters

# أ إ آ ٱ -> ا, ة -> ه; and as mentions do (text.fold_letters): ى -> ي, Persian ک ی گ پ چ ژ -> ك ي ك ب ج ز
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه"})
# harakat, shadda, sukun and the other combining marks, superscript alef, Quranic marks, tatweel
MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def fold(text):
    """The spelling-independent form of `text`: «إبراهيمُ» -> «ابراهيم», "OpenAI" -> "openai"."""
    return fold_letters(MARKS.sub("", str(text))).translate(LETTERS).lower()


def folded_names(item):
    """The folded spellings of an item's title and aliases that differ from how they are
    written: what the index needs beyond Pagefind's stemmer (which folds most, not all)."""
    names = [item.title, *(getattr(item, "aliases", None) or [])]
    names = [re.sub(r"<[^>]+>", "", str(name)) for name in names]
    return sorted({fold(name) for name in names} - {name.lower() for name in names})


def search_names(item):
    """The names a page is searched by beyond its title and prose: its title in the other
    languages, its aliases and their folded spellings (`folded_names`), each once."""
    names = [str(twin.title) for twin in getattr(item, "translations", None) or []]
    names += [str(alias) for alias in getattr(item, "aliases", None) or []]
    names = [re.sub(r"<[^>]+>", "", name) for name in names]
    return list(dict.fromkeys(names + folded_names(item)))


def install(generator):
    """Give the templates the `folded_names` and `search_names` filters (connected to generator_init)."""
    generator.env.filters["folded_names"] = folded_names
    generator.env.filters["search_names"] = search_names


UNUSED = [f"pagefind-{ui}.{ext}" for ui in ("ui", "modular-ui", "component-ui") for ext in ("js", "css")]
UNUSED.append("pagefind-highlight.js")


class IndexingFailed(Exception):
    pass


BUNDLE_PREFIX = "pagefind"  # every bundle's folder starts so: no page may (checks/reserved.py)
KINDS = {"ARTICLE": "", "PERSON": "-people", "COMPANY": "-companies"}  # kind: bundle name
BUNDLE_PAGES = 5_000  # SEARCH_BUNDLE_PAGES: about the most pages of one bundle (Pagefind: ~300 MB)


def bundles(site, settings):
    """{folder: [page]}: the search bundles of a built site and the pages each indexes.
    Each language has its own (`/pagefind/`, `/en/pagefind/`), and within it each kind of
    page with a body to index (data-pagefind-body) has its own: `pagefind` (briefs, the one
    the search page loads), `pagefind-people`, `pagefind-companies`. A kind with more than
    SEARCH_BUNDLE_PAGES pages is split by a hash of each page's path (`pagefind-people-2`,
    …). Pagefind holds a whole bundle in memory, and a rebuild indexes again only the
    bundles in which what Pagefind reads of a page changed (`_same_index`)."""
    found, limit = {}, settings.get("SEARCH_BUNDLE_PAGES", BUNDLE_PAGES)
    for lang in settings["LANGUAGES"]:
        default = lang == settings["DEFAULT_LANG"]
        for kind, name in KINDS.items():
            pattern = settings[f"{kind}_SAVE_AS" if default else f"{kind}_LANG_SAVE_AS"]
            pages = sorted(str(p.relative_to(site)) for p in site.glob(pattern.replace("{slug}", "*").format(lang=lang)))
            parts = max(1, -(-len(pages) // limit))
            folder = ("" if default else f"{lang}/") + BUNDLE_PREFIX + name
            for part in range(parts):
                found[folder + (f"-{part + 1}" if part else "")] = [
                    page for page in pages if int(hashlib.sha1(page.encode()).hexdigest(), 16) % parts == part]
    # a part the hash left empty has no bundle (the briefs' one always has, or Pagefind says why)
    return {folder: pages for folder, pages in found.items() if pages or folder.endswith("pagefind")}


# What Pagefind reads of a page: its <html> tag (the language), <title>, every <h1> and
# <img> (its default title and image), and every element with a data-pagefind-* attribute,
# with its content unless all it asks for is given inline (`kind:person`), as the <main>
# around a page's body does: Pagefind reads the rest of that content only through the body.
SEEN = re.compile(r"<html\b[^>]*>|<title\b.*?</title>|<h1\b.*?</h1>|<img\b[^>]*>", re.DOTALL | re.IGNORECASE)
MARKED = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\bdata-pagefind-[^>]*>")
INLINE = re.compile(r'\bdata-pagefind-(?:filter|meta)="[^":,]+:[^",]*"')  # one value, given inline
ATTRIBUTE = re.compile(r"\bdata-pagefind-([\w-]+)")


def indexed_parts(html):
    """The parts of a page's HTML that Pagefind indexes (see SEEN and MARKED): two pages
    with the same parts at the same address give the same index."""
    parts = SEEN.findall(html)
    for marked in MARKED.finditer(html):
        tag = marked.group(0)
        parts.append(tag)
        asked = ATTRIBUTE.findall(tag)
        if len(INLINE.findall(tag)) < len(asked) and not tag.endswith("/>"):
            parts.append(_content(html, marked.group(1), marked.end()))
    return parts


def _content(html, name, start):
    """The content of the element named `name` whose start tag ends at `start` (to its
    matching end tag; the rest of the page when it has none)."""
    depth = 1
    for tag in re.finditer(rf"<(/?){re.escape(name)}\b[^>]*>", html[start:], re.IGNORECASE):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return html[start:start + tag.start()]
    return html[start:]


def _same_index(pages, site, previous):
    """Whether each of `pages` is, for Pagefind, the page of the same address in the
    previous site: the very file (newsbrief.outputdir.keep_unchanged links those), or one
    whose indexed parts (`indexed_parts`) are the same, such as a person's page whose list
    of newest briefs grew."""
    try:
        for page in pages:
            new, old = site / page, previous / page
            if new.stat().st_ino != old.stat().st_ino and indexed_parts(
                    new.read_text(encoding="utf-8")) != indexed_parts(old.read_text(encoding="utf-8")):
                return False
        return True
    except (OSError, UnicodeDecodeError):
        return False


def index_site(site_dir, settings, previous=None):
    """Write the search bundles (see `bundles`) into `site_dir`; raise IndexingFailed with
    Pagefind's own message when it fails (the caller then keeps the old site). With
    `previous` (the current site, as the last build left it), a bundle whose pages are, for
    Pagefind, those of that site (the same files, or the same indexed parts: `_same_index`)
    is kept, linked, and Pagefind runs only for the others. Each language's main bundle lists the others in
    `bundles.json` (theme/static/search/search.js merges them). Returns the folders written.
    With SEARCH_INDEX off (the tests that do not search) nothing is written: the search page
    is built as always, and finds nothing."""
    if not settings.get("SEARCH_INDEX", True):
        return []
    try:
        return _index(pathlib.Path(site_dir), settings, previous)
    except OSError as error:  # a full disk, a folder that cannot be written: one line, as every failure
        where = f" ({error.filename})" if error.filename else ""
        raise IndexingFailed(f"search index: {error.strerror or error}{where} — free space or fix the "
                             "folder's permissions and build again") from None


def _index(site, settings, previous):
    indexed, found = [], bundles(site, settings)
    for folder in found:  # a page's folder is never replaced by (or merged with) a bundle
        if os.path.lexists(site / folder):
            raise IndexingFailed(f"search index: `{folder}/` is already written by a page of the site — "
                                 f"give that page another slug (`{BUNDLE_PREFIX}…` is the search index's)")
    previous = pathlib.Path(previous) if previous else None
    before = bundles(previous, settings) if previous else {}
    for folder, pages in found.items():
        old = previous / folder if previous else None
        if before.get(folder) == pages and (old / "pagefind-entry.json").is_file() and _same_index(pages, site, previous):
            try:
                shutil.copytree(old, site / folder, copy_function=os.link)
                continue
            except OSError:  # another file system: index again
                shutil.rmtree(site / folder, ignore_errors=True)
        _run(site, pages, folder)
        indexed.append(folder)
    for main in {f for f in found if f.endswith("pagefind")}:
        others = [f"../{f.rpartition('/')[2]}/" for f in found if f != main and f.rpartition("/")[0] == main.rpartition("/")[0]]
        manifest = site / main / "bundles.json"
        manifest.unlink(missing_ok=True)  # it may be linked to the current site's
        manifest.write_text(json.dumps({"merge": others}) + "\n", encoding="utf-8")
        if main not in indexed:
            indexed.append(main)
    return indexed


def _run(site, pages, folder):
    """Pagefind over `pages` alone: linked at their own paths into a folder of the staging
    site (so their addresses are the same), removed afterwards."""
    pages_dir = pathlib.Path(tempfile.mkdtemp(prefix=".search-pages-", dir=site))
    try:
        for page in pages:
            (pages_dir / page).parent.mkdir(parents=True, exist_ok=True)
            os.link(site / page, pages_dir / page)
        command = [sys.executable, "-m", "pagefind", "--site", str(pages_dir), "--glob", "**/*.html",
                   "--output-path", str(site / folder), "--quiet"]
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        raise IndexingFailed(f"search index: could not run Pagefind ({error}); run `make html` "
                             "to install it from requirements.txt") from error
    finally:
        shutil.rmtree(pages_dir, ignore_errors=True)
    output = (result.stdout + result.stderr).strip()
    said = output.splitlines()[0].strip() if output else "it said nothing"  # one line, not its whole log
    pages_of = f"`{folder}/` ({len(pages)} pages, e.g. {pages[0]})" if pages else f"`{folder}/` (no pages)"
    if result.returncode != 0:
        raise IndexingFailed(f"search index {pages_of}: Pagefind failed (exit {result.returncode}): {said}"
                             " — check that these pages have their text in <main data-pagefind-body>")
    if not (site / folder / "pagefind-entry.json").is_file():
        raise IndexingFailed(f"search index {pages_of}: Pagefind wrote no index: {said}")
    for name in UNUSED:  # Pagefind's ready-made interfaces: the site has its own
        (site / folder / name).unlink(missing_ok=True)
    return output
