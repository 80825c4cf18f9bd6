"""Isolate Latin-script runs inside right-to-left text.

Inside Arabic text a Latin name followed by punctuation ("(MSL)،", "GPU") lets the
Unicode bidi algorithm move the punctuation to the wrong side. Wrapping each run in
`<bdi>` isolates it, so the run keeps its own direction and the punctuation stays put.
"""

import re

from markupsafe import Markup

from .escaping import html as escape

# Languages written right to left: their pages get dir="rtl" and isolated Latin runs.
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}
# A run of Latin words; never the inside of an entity such as `&amp;` or `&#x27;`.
LATIN_RUN = re.compile(r"(?<![\w&#])[A-Za-z][A-Za-z0-9]*(?:[.\-'’/]?[ ]?[A-Za-z0-9]+)*")
TAG = re.compile(r"(<[^>]+>)")
# Elements whose text is already isolated or must not be touched.
SKIP = {"bdi", "bdo", "code", "pre", "kbd", "samp", "script", "style", "svg", "time"}


def _wrap(text):
    return LATIN_RUN.sub(lambda m: f"<bdi>{m.group(0)}</bdi>", text)


def map_text(html, change, tag=None):
    """`html` with `change(text)` applied to its text, never to its tags or the inside of a
    SKIP element; `tag(part)`, if given, sees every tag on the way."""
    out, skipping = [], []
    for part in TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            name = name.group(1).lower() if name else ""
            if name in SKIP and not part.endswith("/>"):
                if part.startswith("</"):
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                else:
                    skipping.append(name)
            if tag:
                tag(part)
            out.append(part)
        elif skipping or not part:
            out.append(part)
        else:
            out.append(change(part))
    return "".join(out)


def isolate_latin(html):
    """Wrap Latin runs of the text (not the tags) of an HTML fragment in `<bdi>`."""
    return map_text(html, _wrap)


def isolate_text(value):
    """Escape plain text and isolate its Latin runs; for front-matter values in templates."""
    return Markup(_wrap(str(escape(value))))
