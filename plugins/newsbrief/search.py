"""Site search: Arabic folding for the index, and the Pagefind run over a built site.

Pagefind (the `pagefind[extended]` wheel, which ships its binary) indexes the pages that
carry `data-pagefind-body` (briefs, people, companies), one index per `<html lang>`, with
its Arabic stemmer, which already folds most letter variants and diacritics of the text.
`fold()` gives the spelling a reader may type (letter variants, no diacritics or tatweel):
theme/static/search/search.js folds every query the same way (a test keeps the two in
step) and also tries it without proclitics; the index gets a hidden folded copy of the
names whose folding changes them (partials/search-terms.html).
"""

import pathlib
import re
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


def index_site(site_dir):
    """Write the Pagefind index into `site_dir`/pagefind; raise IndexingFailed with
    Pagefind's own message when it fails (the caller then keeps the old site)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet"]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:
        raise IndexingFailed(f"search index: could not run Pagefind ({error}); run `make html` "
                             "to install it from requirements.txt") from error
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise IndexingFailed(f"search index: Pagefind failed (exit {result.returncode}): {output}")
    if not (pathlib.Path(site_dir) / "pagefind" / "pagefind-entry.json").is_file():
        raise IndexingFailed(f"search index: Pagefind wrote no index: {output}")
    for name in UNUSED:  # Pagefind's ready-made interfaces: the site has its own
        (pathlib.Path(site_dir) / "pagefind" / name).unlink(missing_ok=True)
    return output
