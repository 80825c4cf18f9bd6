"""One stylesheet written, a smaller one served per page type.

`theme/static/css/site.css` stays one file for people to edit; a comment line at its top level

    /* @bundles brief profile */

says which bundles the rules after it (up to the next such line) belong to; `all` (and the rules
before the first marker) go into every bundle. Once the site is written, each bundle is served
as `theme/css/<bundle>.css` (minified), and a page links the bundle its type names in
`CSS_BUNDLES` ({page kind: bundle}); a page type that names none links the whole `site.css`,
so a new page type looks right before anyone sorts its rules. A brief then carries no rule of
the lists or the indexes: about 40 % less CSS on its first screen.
"""

import os
import re

MARKER = re.compile(r"^/\* @bundles ([\w -]+?) \*/$", re.M)
SOURCE = "site.css"


class BundleError(ValueError):
    pass


def parse(text, path=SOURCE):
    """[(bundle names or None for all, text)] in the order of the file; a marker inside a
    block (its braces not closed before it) is an error naming its line."""
    parts, start, names = [], 0, None
    for match in MARKER.finditer(text):
        before = re.sub(r"/\*.*?\*/", "", text[:match.start()], flags=re.S)
        if before.count("{") != before.count("}"):
            raise BundleError(f"{path}:{text.count(chr(10), 0, match.start()) + 1}: a `/* @bundles … */` marker "
                              "inside a block — put markers only between rules, at the top level (not inside @media)")
        parts.append((names, text[start:match.start()]))
        names = None if match.group(1).split() == ["all"] else frozenset(match.group(1).split())
        start = match.end()
    parts.append((names, text[start:]))
    return parts


def names(parts):
    return sorted({name for bundle, _ in parts if bundle for name in bundle})


def bundle(parts, name):
    """The text of bundle `name`: every part for all, and every part naming it."""
    return "".join(chunk for bundle, chunk in parts if bundle is None or name in bundle)


def write_bundles(folder):
    """Write `<bundle>.css` beside `site.css` in `folder` (newsbrief.minify then minifies them)."""
    path = os.path.join(folder, SOURCE)
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        parts = parse(handle.read(), path)
    for name in names(parts):
        with open(os.path.join(folder, f"{name}.css"), "w", encoding="utf-8") as handle:
            handle.write(bundle(parts, name))


def install(generator):
    """Pelican's `generator_init`: `stylesheet(kind)` gives the path of a page type's bundle."""
    settings = generator.settings
    chosen = settings.get("CSS_BUNDLES") or {}
    static = settings.get("THEME_STATIC_DIR", "theme")

    def stylesheet(kind):
        return f"{static}/css/{chosen.get(kind, 'site')}.css"

    generator.env.globals["stylesheet"] = stylesheet
