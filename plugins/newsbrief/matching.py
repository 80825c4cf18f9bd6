"""Finding names in text: the matcher behind mention linking (newsbrief.mentions) and
the provenance gate.

Names. A profile is known by the `name` and `aliases` of its version in the brief's
language (the Arabic profile may list Latin-script aliases such as "MSL", and they are
looked for in the Arabic brief too). Matching is exact and case-sensitive, except that a
Persian letter matches its Arabic form and ى matches ي («کریم» is «كريم»; text.fold_letters).

Words, not parts of words. Nothing that is a letter, digit or Arabic diacritic may stand
right before or after a match, so "Meta" is not found in "Metadata" but is in "Meta's",
and "ميتا" is not found in "ميتاها". An Arabic name may carry the proclitics written
joined to it: a conjunction و or ف, then a preposition ب، ل or ك and/or the article ال
(وميتا، فميتا، بميتا، لميتا، كميتا، الميتا، والميتا، بالميتا، وبالميتا…); for a name that
begins with ال the form after ل drops the alif (الذكاء → للذكاء، وللذكاء). The link covers
the written word with its proclitics (بميتا, لميتا), so joined letters are never split
between a link and the text around it; only a leading conjunction و, a letter that never
joins the next one, is left outside the link so that the link does not read "and …".

Which mention. The text is walked word by word in document order. At each word the
readings are tried from the shortest prefix up (as written, then without و, …): the first
prefix whose rest begins a listed name decides, so a name as written always beats a reading
with a proclitic («كريم حداد» is never «ك» + «ريم حداد» when «كريم …» is listed), and a
proclitic reading is taken only when the word as written begins no listed name. Of the names
starting there the longest the text holds wins ("Google DeepMind" over "Google"). When two
readings remain (the ل and the لل readings of one word), the word is left unlinked and the
check names both profiles. Each profile is linked once, at its first mention outside
headings, links and code. A name that is the whole text of a `<bdi>` (a Latin run in an
Arabic body) is linked by wrapping the `<bdi>` in the link, so the run stays isolated.
Names are looked up by their first word in a dictionary, so the cost per brief does not grow
with the number of profiles.
"""

import html
import re

from .text import fold_letters

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
DIACRITICS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED"
# A word: letters, digits and Arabic diacritics. A name starts and ends at a word's edges.
WORD = re.compile(rf"[\w{DIACRITICS}]+")
WORD_CHAR = re.compile(rf"[\w{DIACRITICS}]")
# The proclitics written joined to a name, in reading order: و/ف, then ب/ك with or without
# ال, or ال, or ل. Each entry is one reading's prefix; "" is the word as written.
PROCLITICS = frozenset(c + p for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل", "ال", "بال", "كال"))
LONGEST_PROCLITIC = max(map(len, PROCLITICS))
# "لل" is ل + ال before a name that begins with ال (الذكاء → للذكاء); its prefix is the ل.
LAM_AL = ("ل", "ول", "فل")


class Ambiguous(tuple):
    """The keys of two or more profiles that one written word may name."""


class Matcher:
    """Finds the names of a set of profiles in text, as described above.

    Names are indexed by their first word, so the cost per text is a few dictionary
    look-ups per word, whatever the number of names. At each word the readings are tried
    from the shortest prefix up: as written, then without و, and so on. The first prefix
    whose rest is the first word of a listed name decides (a name as written always
    beats a reading with a proclitic: «كريم» is never «ك» + «ريم» when «كريم …» is
    listed); of the names starting there the longest that the text holds wins. When, at
    that prefix, both the ل reading and the لل reading name someone, the word is
    ambiguous: `finditer` yields an `Ambiguous` key and it is not linked."""

    def __init__(self, names):
        """`names`: {name: key}; a name may be in Arabic or Latin script."""
        self.keys = {}  # escaped name → key
        self.by_first_word = {}  # first word → [escaped names, longest first]
        for name, key in names.items():
            name = name.strip()
            if not name:
                continue
            escaped = html.escape(fold_letters(name), quote=False)  # the text is matched as HTML
            first = WORD.match(escaped)
            if not first or escaped in self.keys:
                continue
            self.keys[escaped] = key
            self.by_first_word.setdefault(first.group(0), []).append(escaped)
        for found in self.by_first_word.values():
            found.sort(key=lambda n: (-len(n), n))
        # Every written form that may begin a name (a first word with its proclitics), so
        # that most words of a text are passed over with one look-up.
        self.starts = set()
        for first in self.by_first_word:
            if not ARABIC.match(first):
                self.starts.add(first)
                continue
            self.starts.update(prefix + first for prefix in PROCLITICS)
            if first.startswith("ال"):
                self.starts.update(lam + first[1:] for lam in LAM_AL)

    def _longest(self, text, at, first_word, skip=0):
        """The longest name whose first word is `first_word` written at `at` (its first
        `skip` characters not written: the ا of ال after لل)."""
        for name in self.by_first_word.get(first_word, ()):
            end = at + len(name) - skip
            if text.startswith(name[skip:], at) and not WORD_CHAR.match(text, end):
                return name, end
        return None

    def readings(self, text, start, word):
        """(span start, end, key) of the name written at the word `word` starting at `start`."""
        for length in range(min(LONGEST_PROCLITIC, len(word) - 1) + 1):
            prefix = word[:length]
            if prefix not in PROCLITICS:
                continue
            rest = word[length:]
            lam_al = prefix in LAM_AL and rest.startswith("ل") and ("ا" + rest) in self.by_first_word
            if rest not in self.by_first_word and not lam_al:
                continue
            if prefix and not ARABIC.match(rest):
                return None  # Latin names take no Arabic proclitics
            found = []
            plain = self._longest(text, start + len(prefix), rest)
            if plain:
                found.append((plain[1], self.keys[plain[0]]))
            if lam_al:
                joined = self._longest(text, start + len(prefix) + 1, "ا" + rest, skip=2)
                if joined:
                    found.append((joined[1], self.keys[joined[0]]))
            if not found:
                return None
            span = start + 1 if prefix.startswith("و") else start
            if len({key for _, key in found}) > 1:
                return span, max(end for end, _ in found), Ambiguous(sorted({key for _, key in found}))
            return span, found[0][0], found[0][1]
        return None

    def finditer(self, text):
        """(start, end, key) of every name in `text`, left to right, longest first;
        the span is what to link: the word without a leading conjunction و. Persian letters
        and ى match their Arabic letters (`fold_letters`, which keeps every position)."""
        text = fold_letters(text)
        if self.starts.isdisjoint(WORD.findall(text)):
            return  # no word here begins a name (one pass in C)
        position = 0
        starts = self.starts
        for word in WORD.finditer(text):
            written = word.group(0)
            if written not in starts:
                continue
            start = word.start()
            if start < position or (start and text[start - 1] in "&#"):
                continue  # inside the previous name, or an entity such as &amp;
            found = self.readings(text, start, written)
            if found:
                position = found[1]
                yield found
