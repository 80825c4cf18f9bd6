"""Text as an editor typed it: one normal form, and checks for characters that deceive.

- `fold_letters()`: Persian letters (ک ی گ پ …) and ى as the Arabic letters, for search
  and mentions; the same length.
- `fold()`: NFC, with Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) folded to
  the letters they draw, so that a name pasted from a PDF matches the name typed by hand.
  The reader applies it to every value and body it reads; the mention matcher can call it.
- `PlainText`: a front-matter value is text, never HTML. Jinja escapes it, and `striptags`
  (which unescapes) gives the text back unchanged: "<$100M or >$1B" and "&amp;" are shown
  as typed.
- `control_characters()`, `deceptive()`: what the checks refuse, with positions and fixes.
"""

import re
import unicodedata

from .escaping import html as escape

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
# Control characters other than tab and newline (C0, DEL, C1): form feeds from a PDF,
# NUL bytes; XML (feeds, sitemaps) cannot carry them.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u061c\u180e]")
OVERRIDES = "\u202d\u202e"  # LEFT-TO-RIGHT / RIGHT-TO-LEFT OVERRIDE
OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
           "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
CLOSERS = {"\u202c", "\u2069"}
DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cn"}


def fold(text):
    """NFC, with Arabic presentation forms folded to plain letters."""
    text = PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return unicodedata.normalize("NFC", text)


# Letters a name may be typed with on a Persian keyboard (ک ی گ پ چ ژ), and ى for ي: folded
# to the Arabic letter for search and mentions (newsbrief.search, newsbrief.matching), never
# for display. One letter for one letter, so positions in the folded text are the text's.
LETTER_VARIANTS = str.maketrans({"ک": "ك", "ی": "ي", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز", "ى": "ي",
                                 "ې": "ي", "ۍ": "ي", "ە": "ه", "ہ": "ه", "ۀ": "ه"})


def fold_letters(text):
    """`text` with Persian letters and ى as their Arabic letters: «کریم» -> «كريم»."""
    return text.translate(LETTER_VARIANTS)


def fold_all(value):
    """`fold()` every string of a front-matter value (dicts, lists)."""
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, list):
        return [fold_all(v) for v in value]
    if isinstance(value, dict):
        return {fold_all(k) if isinstance(k, str) else k: fold_all(v) for k, v in value.items()}
    return value


class PlainText(str):
    """A string that is text: `{{ value }}` escapes it and `{{ value | striptags }}`
    returns it as typed (Jinja's striptags reads `__html__`)."""

    __slots__ = ()

    def __html__(self):
        return str(escape(str(self)))


def as_plain_text(value):
    if isinstance(value, str):
        return PlainText(value)
    if isinstance(value, list):
        return [as_plain_text(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain_text(v) for k, v in value.items()}
    return value


CONTROL_NAMES = {"\x00": "null", "\x01": "start of heading", "\x08": "backspace", "\x0b": "vertical tab",
                 "\x0c": "form feed", "\x1b": "escape", "\x7f": "delete", "\x85": "next line"}


def char_name(char):
    name = CONTROL_NAMES.get(char) or unicodedata.name(char, "control character").lower()
    return f"U+{ord(char):04X} ({name})"


def control_characters(text):
    """[(offset, character)] of the control characters in `text`."""
    return [(m.start(), m.group(0)) for m in CONTROL.finditer(text)]


BIDI_FIX = "retype the text without direction controls; the site sets the direction itself"
CONTROL_FIX = "delete it (it often comes with text pasted from a PDF)"
# A numeric character reference in HTML (`&#x202E;`, `&#1;`): what a browser shows for it.
NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,9}));?")


def with_references(html):
    """`html` with its numeric character references written as the characters they name
    (tags and named entities left as they are), so that the checks see `&#x202E;` as the
    override it draws and `&#1;` as the control character."""
    def char(match):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        return chr(code) if code <= 0x10FFFF else match.group(0)
    return NUMERIC_REFERENCE.sub(char, html)


def written_as(char):
    """A regex for `char` as a Markdown file may write it: itself or a numeric reference."""
    code = ord(char)
    return rf"{re.escape(char)}|&#0*{code};?|&#x0*{code:x};?"


def has_visible(text):
    return any(unicodedata.category(c) not in INVISIBLE_CATEGORIES for c in text)


def bidi_problem(text):
    """What is wrong with the direction controls of `text`, or None."""
    for char in text:
        if char in OVERRIDES:
            return f"it contains the direction override {char_name(char)}, which reverses the text"
    stack = []
    for char in text:
        if char in OPENERS:
            stack.append(OPENERS[char])
        elif char in CLOSERS:
            if not stack or stack[-1] != char:
                return f"the direction control {char_name(char)} closes nothing"
            stack.pop()
    if stack:
        return "a direction control (U+202A–U+202E, U+2066–U+2068) is never closed"
    return None


def deceptive(text, name=False):
    """(what is wrong, fix) for text that holds a control character, would show nothing or
    reverse, or None. `name`: names and aliases also refuse zero-width characters."""
    control = CONTROL.search(text)
    if control:  # a YAML escape in double quotes (`"\x01"`, `"\e"`, `"\b"`) writes one
        return (f"control character {char_name(control.group(0))}", CONTROL_FIX)
    if not has_visible(text):
        return ("the text has no visible character", "write the text, or remove the line if the field is optional")
    problem = bidi_problem(text)
    if problem:
        return (problem, BIDI_FIX)
    if name:
        zero = ZERO_WIDTH.search(text)
        if zero:
            return (f"the name contains the invisible character {char_name(zero.group(0))}",
                    "retype the name without it")
    return None
