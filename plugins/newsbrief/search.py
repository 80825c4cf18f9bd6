"""Site search: Arabic folding for the index, and the Pagefind run over a built site.

Pagefind (the `pagefind[extended]` wheel, which ships its binary) indexes the pages that
carry `data-pagefind-body` (briefs, people, companies), one bundle per language
(`/pagefind/`, `/en/pagefind/`: each run holds half the archive in memory, and a rebuild
re-indexes only the languages whose pages changed), with its Arabic stemmer, which already folds most letter variants and diacritics of the text.
`fold()` gives the spelling a reader may type (letter variants, no diacritics or tatweel):
theme/static/search/search.js folds every query the same way (a test keeps the two in
step) and also tries it without proclitics; the index gets a hidden folded copy of the
names whose folding changes them (partials/search-terms.html).
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

# أ إ آ ٱ -> ا, ى -> ي, ة -> ه
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
# harakat, shadda, sukun and the other combining marks, superscript alef, Quranic marks, tatweel
MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def fold(text):
    """The spelling-independent form of `text`: «إبراهيمُ» -> «ابراهيم», "OpenAI" -> "openai"."""
    return MARKS.sub("", str(text)).translate(LETTERS).lower()


def folded_names(item):
    """The folded spellings of an item's title and aliases that differ from how they are
    written: what the index needs beyond Pagefind's stemmer (which folds most, not all)."""
    names = [item.title, *(getattr(item, "aliases", None) or [])]
    names = [re.sub(r"<[^>]+>", "", str(name)) for name in names]
    return sorted({fold(name) for name in names} - {name.lower() for name in names})


def install(generator):
    """Give the templates the `folded_names` filter (connected to generator_init)."""
    generator.env.filters["folded_names"] = folded_names


UNUSED = [f"pagefind-{ui}.{ext}" for ui in ("ui", "modular-ui", "component-ui") for ext in ("js", "css")]
UNUSED.append("pagefind-highlight.js")


class IndexingFailed(Exception):
    pass


KINDS = ("ARTICLE", "PERSON", "COMPANY")  # the pages with a body to index (data-pagefind-body)


def bundles(settings):
    """[(lang, patterns, folder)]: one Pagefind bundle per language, `{prefix}pagefind/`,
    indexing that language's brief, person and company pages (found by their SAVE_AS
    settings, so each run reads only its own language's pages)."""
    found = []
    for lang in settings["LANGUAGES"]:
        default = lang == settings["DEFAULT_LANG"]
        patterns = [settings[f"{kind}_SAVE_AS" if default else f"{kind}_LANG_SAVE_AS"]
                    .replace("{slug}", "*").format(lang=lang) for kind in KINDS]
        found.append((lang, patterns, ("" if default else f"{lang}/") + "pagefind"))
    return found


def _pages(site, patterns):
    """{path: inode} of the pages a bundle indexes."""
    return {str(p.relative_to(site)): p.stat().st_ino for pattern in patterns for p in site.glob(pattern)}


def index_site(site_dir, settings, previous=None):
    """Write one Pagefind index per language into `site_dir` (see `bundles`); raise
    IndexingFailed with Pagefind's own message when it fails (the caller then keeps the old
    site). With `previous` (the current site, as the last build left it), a language whose
    pages are all the very files of that site (newsbrief.outputdir.keep_unchanged links
    them) keeps its bundle, linked, and Pagefind runs only for the others. Returns the
    folders it indexed again."""
    site, indexed = pathlib.Path(site_dir), []
    for _lang, patterns, folder in bundles(settings):
        old = pathlib.Path(previous) / folder if previous else None
        if old and (old / "pagefind-entry.json").is_file() and \
                _pages(site, patterns) == _pages(pathlib.Path(previous), patterns):
            try:
                shutil.copytree(old, site / folder, copy_function=os.link)
                continue
            except OSError:  # another file system: index again
                shutil.rmtree(site / folder, ignore_errors=True)
        _run(site, "{" + ",".join(patterns) + "}", folder)
        indexed.append(folder)
    return indexed


def _run(site, glob, folder):
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob,
               "--output-subdir", folder, "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        raise IndexingFailed(f"search index: could not run Pagefind ({error}); run `make html` "
                             "to install it from requirements.txt") from error
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise IndexingFailed(f"search index: Pagefind failed (exit {result.returncode}): {output}")
    if not (site / folder / "pagefind-entry.json").is_file():
        raise IndexingFailed(f"search index: Pagefind wrote no index: {output}")
    for name in UNUSED:  # Pagefind's ready-made interfaces: the site has its own
        (site / folder / name).unlink(missing_ok=True)
    return output
