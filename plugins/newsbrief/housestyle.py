"""The house style, applied when a file is read (docs/editing.md, "House style"): whatever
quotation marks an editor typed, a page shows those of its language, and a number stays on
the line of the word it counts.

- Arabic text: quotations in «…» (typed "…", “…” or ”…“ become «…»).
- English text: curly quotes and apostrophes ("…" -> “…”, Meta's -> Meta’s).
- Both: a no-break space between a number and the word after it («12 عاماً», "12 years").

`typeset(text, lang)` does a plain string, `typeset_html(html, lang)` the text of an HTML
fragment (never its tags, code or the inside of an element in `bidi.SKIP`: `bidi.map_text`), `typeset_value`
a front-matter value, whose `{ar: …, en: …}` pairs are each typeset in their own language.
Each is one pass over the text.
"""

import re

from .bidi import map_text

# A straight or curly double quote (as typed, or as an HTML entity).
DOUBLE = re.compile(r'"|&quot;|&#34;|“|”|„|″')
APOSTROPHE = re.compile(r"(?<=\w)'|(?<=\w)&#39;|(?<=\w)&#x27;")
SINGLE_OPEN = re.compile(r"(?<=[\s(\[—–])(?:'|&#39;|&#x27;)(?=\w)")
SINGLE_CLOSE = re.compile(r"'|&#39;|&#x27;")
NUMBER_NOUN = re.compile(r"(?<=\d) (?=[^\W\d_])")
MARKS = {"ar": ("«", "»"), "en": ("“", "”")}
BLOCKS = re.compile(r"</?(?:p|li|h[1-6]|blockquote|td|th|dd|dt|div|figcaption)\b", re.IGNORECASE)


class _Quotes:
    """Opening and closing marks in turn (a curly mark typed the wrong way round, as right-to-
    left editors often do, is turned too)."""

    def __init__(self, lang):
        self.opening, self.closing = MARKS.get(lang, MARKS["en"])
        self.open = False

    def __call__(self, match):
        self.open = not self.open
        return self.opening if self.open else self.closing


def _text(text, lang, quotes):
    text = DOUBLE.sub(quotes, text)
    if lang != "ar":
        text = SINGLE_CLOSE.sub("’", SINGLE_OPEN.sub("‘", APOSTROPHE.sub("’", text)))
    return NUMBER_NOUN.sub("\u00a0", text)


def typeset(text, lang):
    """A plain string in the house style of `lang`."""
    return _text(text, lang, _Quotes(lang))


def typeset_html(html, lang):
    """The text of an HTML fragment in the house style of `lang`; a quotation mark left
    open does not run past the end of its paragraph."""
    quotes = _Quotes(lang)

    def tag(part):
        if BLOCKS.match(part):
            quotes.open = False
    return map_text(html, lambda text: _text(text, lang, quotes), tag)


def typeset_value(value, lang, langs=("ar", "en")):
    """A front-matter value (a string, a list or a mapping) in the house style: a mapping
    keyed by language has each text in its own language's style; addresses (`url`) are kept."""
    if isinstance(value, str):
        return typeset(value, lang) if value else value
    if isinstance(value, dict):
        return {key: item if key == "url" else typeset_value(item, key if key in langs else lang, langs)
                for key, item in value.items()}
    if isinstance(value, list):
        return [typeset_value(item, lang, langs) for item in value]
    return value


# English is spelt the British way: the common American forms `make check` points out
# (the start of a word: "organiz" finds organize, organization, organizational).
US_SPELLINGS = {
    "organiz": "organis", "analyz": "analys", "specializ": "specialis", "recogniz": "recognis",
    "realiz": "realis", "emphasiz": "emphasis", "summariz": "summaris", "prioritiz": "prioritis",
    "categoriz": "categoris", "authoriz": "authoris", "finaliz": "finalis", "optimiz": "optimis",
    "apologiz": "apologis", "criticiz": "criticis", "minimiz": "minimis", "maximiz": "maximis",
    "utiliz": "utilis", "characteriz": "characteris", "standardiz": "standardis", "moderniz": "modernis",
    "color": "colour", "favor": "favour", "behavior": "behaviour", "labor": "labour", "honor": "honour",
    "center": "centre", "defense": "defence", "catalog": "catalogue", "traveled": "travelled",
}
US = re.compile(r"\b(" + "|".join(US_SPELLINGS) + r")(\w*)", re.IGNORECASE)


def us_spellings(text):
    """[(word, its British spelling)] of the American spellings in `text`."""
    found = []
    for match in US.finditer(text):
        stem, rest = match.groups()
        uk = US_SPELLINGS[stem.lower()]
        found.append((match.group(0), (uk.capitalize() if stem[0].isupper() else uk) + rest))
    return found
