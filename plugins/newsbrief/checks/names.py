"""Names belong to one profile (issue 23): no profile may take another's name, as written
or as a look-alike.

A brief's mentions are linked by name (newsbrief.matching): whoever lists a name takes its
links. So every `name` and `aliases` entry of every profile, in every language file, is
reduced to a key, and two profiles may not share one:

- the key is Unicode's confusable skeleton (UTS #39, ICU's SpoofChecker) of the name with
  its Arabic letter variants and Persian letters folded (`fold`: أ إ آ ٱ → ا, ى → ي,
  ة → ه, ک → ك, ی → ي, no diacritics or tatweel), lower-cased: "Mаrk" (Cyrillic а) and
  "Mark", «مارک» and «مارك», "META" and "Meta" have one key;
- the same name written the same way by two profiles is an error naming both files;
- a look-alike (one key, written differently) is an error unless one of the two profiles
  says they are different (`not_the_same_as: [slug]`, newsbrief.schema.ProfileMatter);
- a word that mixes scripts ("Mаrk": Latin and Cyrillic) is an error by itself.

The keys are kept in one dictionary: the cost grows with the number of names, not its square.
"""

import difflib

from icu import Script, SpoofChecker

from ..matching import WORD
from ..search import LETTERS, MARKS
from ..text import char_name, fold_letters
from .explain import format_loc

PROFILES = ("person", "company")
# Scripts written together in one word by Chinese, Japanese and Korean: not a mix.
HAN_WITH = {"Hani", "Hira", "Kana", "Hang", "Bopo"}
NEUTRAL = {"Zyyy", "Zinh", "Zzzz"}  # common (digits, punctuation), inherited (marks), unknown


class NameKeys:
    """The key of a name (see the module docstring), with one SpoofChecker for the run."""

    def __init__(self):
        self.checker = SpoofChecker()

    @staticmethod
    def fold(name):
        return fold_letters(MARKS.sub("", name).translate(LETTERS))

    def key(self, name):
        return self.checker.getSkeleton(0, self.fold(name)).lower()


def mixed_word(name):
    """(word, its scripts) of the first word of `name` written in more than one script."""
    for word in WORD.findall(name):
        scripts = {Script.getScript(char).getShortName() for char in word} - NEUTRAL
        if len(scripts - HAN_WITH) + bool(scripts & HAN_WITH) > 1:
            return word, sorted({Script.getScript(char).getName() for char in word} - {"Common", "Inherited", "Unknown"})
    return None


def names_of(file, valid=True):
    """[(loc, name)] of a profile file's `name` and `aliases`; `valid`: only those without an
    error of their own (a placeholder, a direction override…), which is reported first."""
    found = [(("name",), file.data.get("name"))]
    aliases = file.data.get("aliases")
    if isinstance(aliases, list):
        found += [(("aliases", number), alias) for number, alias in enumerate(aliases)]
    wrong = {p.field for p in file.problems if p.severity == "error"} if valid else set()
    return [(loc, name.strip()) for loc, name in found
            if isinstance(name, str) and name.strip() and format_loc(loc) not in wrong and "aliases" not in wrong]


def different(file):
    """[(position, slug)] of a profile file's `not_the_same_as`."""
    value = file.data.get("not_the_same_as")
    return [(n, s) for n, s in enumerate(value) if isinstance(s, str)] if isinstance(value, list) else []


class NameOwners:
    """Checks the names of every profile of a `ContentValidator` (`check()`)."""

    def __init__(self, validator):
        self.validator = validator
        self.keys = NameKeys()
        self.owners = {}  # key -> (profile, file, loc, name) of the first profile that wrote it
        self.apart = set()  # frozensets of two profiles said to be different

    def profiles(self):
        """[((kind, slug), {lang: file})] of every profile, in a steady order."""
        items = self.validator.items
        return [((kind, slug), items[kind][slug]) for kind in PROFILES for slug in sorted(items.get(kind, {}))]

    def check(self):
        profiles = self.profiles()
        known = {slug for (_, slug), _ in profiles}
        for (kind, slug), versions in profiles:
            for file in versions.values():
                for number, other in different(file):
                    if other not in known or other == slug:
                        close = difflib.get_close_matches(other, sorted(known - {slug}), n=1)
                        self.validator.add(file.at(("not_the_same_as", number), f"there is no other profile `{other}`",
                                                   f"did you mean `{close[0]}`?" if close else
                                                   "give the slug of the person or company whose name looks like this one's"))
                    self.apart.add(frozenset(((kind, slug), other)))
        for profile, versions in profiles:
            for lang in sorted(versions):
                for loc, name in names_of(versions[lang]):
                    self.check_name(profile, versions[lang], loc, name)

    def said_apart(self, one, other):
        return frozenset((one, other[1])) in self.apart or frozenset((other, one[1])) in self.apart

    def check_name(self, profile, file, loc, name):
        mixed = mixed_word(name)
        if mixed:
            word, scripts = mixed
            self.validator.add(file.at(loc, f"the word `{word}` mixes scripts ({', '.join(scripts)})",
                                       "retype the name in one script, the file's language's, as the brief writes it"))
        key = self.keys.key(name)
        first = self.owners.setdefault(key, (profile, file, loc, name))
        owner, other, other_loc, written = first
        if owner == profile:
            return
        # the claim is the alias (or the later file) when the other is its profile's name
        claimant, claimed = ((file, loc, name, profile), (other, other_loc, written, owner))
        if loc[0] == "name" and other_loc[0] != "name":
            claimant, claimed = claimed, claimant
        file, loc, name, profile = claimant
        other, other_loc, written, owner = claimed
        what = "the name" if other_loc[0] == "name" else "an alias"
        if name == written:
            self.validator.add(file.at(loc, f"`{name}` is also {what} of {other.shown}", (
                f"a name belongs to one profile: remove it here or there (if both are one {profile[0]}, "
                f"keep one profile and list this name in its `aliases`)")))
        elif not self.said_apart(profile, owner):
            unlike = sorted(set(name) - set(written)) or sorted(set(written) - set(name))
            shown = ", ".join(char_name(c) for c in unlike[:3])
            them = "people" if profile[0] == "person" else "organisations"
            self.validator.add(file.at(loc, f"`{name}` looks like `{written}`, {what} of {other.shown}, "
                                       f"but writes {shown}", (
                f"write the name as the brief does, in the script of its language; if they are different "
                f"{them}, write `not_the_same_as: [{owner[1]}]` in "
                f"{self.validator.shown(file.path.with_name(f'{profile[1]}.{self.validator.default_lang}.md'))}")))
