"""Alphabetical order and letter headings of the people and companies indexes.

Arabic pages follow the Arabic alphabet (names in Latin script come after), and a company's
leading «ال» does not count; English pages follow the English alphabet. Every letter has a
stable ASCII name for its URL (`/people/letter/ba/`, `/en/people/letter/b/`).
"""

import functools
import unicodedata

from pyuca import Collator

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
ARABIC_NAMES = (
    "alif", "ba", "ta", "tha", "jim", "hha", "kha", "dal", "dhal", "ra", "zay", "sin", "shin", "sad",
    "dad", "tta", "zza", "ain", "ghain", "fa", "qaf", "kaf", "lam", "mim", "nun", "ha", "waw", "ya",
)
# Letter variants filed under their base letter (أحمد under ا, ى under ي, ة under ه).
ARABIC_VARIANTS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه"}
VARIANT_TABLE = str.maketrans(ARABIC_VARIANTS)
OTHER = "#"


@functools.cache
def shared_collator():
    """The Unicode collation tables, loaded once per process (half a second each time): they
    never change, and every build of the process sorts with them."""
    return Collator()


class IndexOrder:
    """Letter and sort key of a name on an index page in one language."""

    def __init__(self, collator=None):
        self.collator = collator or shared_collator()

    @staticmethod
    def sort_name(name, lang, kind):
        name = name.strip()
        # «الشركة» is filed under ش: the article is not part of the alphabetical order.
        if lang == "ar" and kind == "companies" and name.startswith("ال") and len(name) > 3:
            name = name[2:]
        return name

    @staticmethod
    def letter(sort_name):
        first = sort_name[:1]
        first = ARABIC_VARIANTS.get(first, first)
        if first in ARABIC_LETTERS:
            return first
        base = unicodedata.normalize("NFKD", first)[:1].upper()
        return base if "A" <= base <= "Z" else OTHER

    @staticmethod
    def letter_rank(letter, lang):
        """Letters of the page's own script first, then the other script, then the rest."""
        arabic = ARABIC_LETTERS.find(letter)
        latin = ord(letter) - ord("A") if "A" <= letter <= "Z" else -1
        if arabic >= 0:
            return arabic + (0 if lang == "ar" else 100)
        if latin >= 0:
            return latin + (100 if lang == "ar" else 0)
        return 1000

    @staticmethod
    def slug(letter):
        """Stable ASCII name of a letter for URLs."""
        if letter in ARABIC_LETTERS:
            return ARABIC_NAMES[ARABIC_LETTERS.index(letter)]
        return letter.lower() if letter != OTHER else "other"

    def groups(self, profiles, lang, kind):
        """[(letter, [profiles])] in the order a reader of `lang` expects."""
        keyed = []
        for profile in profiles:
            name = self.sort_name(str(profile.title), lang, kind)
            letter = self.letter(name)
            # Hamza and other letter variants do not change the order (أحمد beside احمد);
            # they only break ties.
            plain = name.translate(VARIANT_TABLE)
            keyed.append(((self.letter_rank(letter, lang), self.collator.sort_key(plain),
                           self.collator.sort_key(name), profile.slug), letter, profile))
        keyed.sort(key=lambda item: item[0])
        groups = []
        for _, letter, profile in keyed:
            if not groups or groups[-1][0] != letter:
                groups.append((letter, []))
            groups[-1][1].append(profile)
        return groups
