"""Key points that land (issue 25): each key point of a brief states what its paragraphs say.

A brief's `key_points` (three to five, schema.parts.KeyPoint) are held to the rule of every
cited fact (checks/citations.py), with the same Arabic-aware matcher: the people and
companies a point names are its subjects; it must name at least one, each paragraph it cites
must name one of them, and each of them must be named in a paragraph it cites. A translation
gives as many points, in the same order, citing the same paragraphs. Anything else is an
error naming the file, the field and the paragraph, with the fix.
"""

from ..escaping import html as escape
from ..mentions import link_mentions
from .citations import PROFILES


def _numbers(numbers):
    return ", ".join(map(str, numbers))


def _paragraphs(numbers):
    """"paragraph 2", "paragraphs 3, 4 and 6"."""
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return f"paragraphs {_numbers(numbers[:-1])} and {numbers[-1]}"


def _slugs(subjects):
    return ", ".join(f"`{slug}`" for _, slug in sorted(subjects))


class KeyPoints:
    """Checks the key points of every brief of a `ContentValidator` (`check()`), reading the
    paragraphs through its `Citations` (each paragraph matched once)."""

    def __init__(self, validator, citations):
        self.validator, self.citations = validator, citations
        self.known = {}  # lang -> whether every profile's file in it gives its names

    def names_known(self, lang):
        """Whether every person and company has a file in `lang` that gives its names: else
        their own errors come first, and a point could seem to name no one."""
        if lang not in self.known:
            self.known[lang] = all(self.citations.named_in(versions.get(lang)) for kind in PROFILES
                                   for versions in self.validator.items.get(kind, {}).values())
        return self.known[lang]

    def check(self):
        default_lang = self.validator.default_lang
        for slug, versions in sorted(self.validator.items.get("brief", {}).items()):
            for lang, file in sorted(versions.items()):
                points = self.points(file)
                if points:
                    for number, point in enumerate(points):
                        self.check_point(file, slug, lang, number, point)
            default = versions.get(default_lang)
            if self.points(default) is not False:
                for lang, file in sorted(versions.items()):
                    if lang != default_lang and self.points(file) is not False:
                        self.compare(default, file)

    @staticmethod
    def points(file):
        """The file's key points ([] for none), or False when its front-matter is not valid."""
        if file is None or file.model is None:
            return False
        return file.model.key_points or []

    def subjects(self, text, lang):
        """The profiles a point's text names in `lang` ({(kind, slug)})."""
        ambiguous = []
        _, found = link_mentions(escape(text), self.citations.matcher(lang), {}, ambiguous)
        keys = [*found, *(key for _, keys in ambiguous for key in keys)]
        return {profile for key in keys for profile in key}

    def check_point(self, file, slug, lang, number, point):
        loc = ("key_points", number)
        spans = self.citations.spans(slug, lang)
        if spans is None or file.paragraphs is None:
            return  # the body's own error comes first
        for position, paragraph in enumerate(point.paragraphs):
            if paragraph > len(spans):
                self.validator.add(file.at(
                    (*loc, "paragraphs", position), f"this brief has {len(spans)} paragraphs, not {paragraph}",
                    f"use a number from 1 to {len(spans)}: count the paragraphs of the text, headings and lists excluded"))
                return
        if not self.names_known(lang):
            return
        subjects = self.subjects(point.text, lang)
        cited = _paragraphs(point.paragraphs)
        if not subjects:
            self.validator.add(file.at((*loc, "text"), "the point names no person or company", (
                f"name whom it is about as {cited} {'writes' if len(point.paragraphs) == 1 else 'write'} them: a point is held to its paragraphs "
                "by the names it shares with them")))
            return
        stated = True
        for position, paragraph in enumerate(point.paragraphs):
            if not subjects & self.citations.names_in(slug, lang, paragraph):
                stated = False
                self.validator.add(file.at(
                    (*loc, "paragraphs", position),
                    f"paragraph {paragraph} does not state the point: it names none of {_slugs(subjects)}",
                    f"cite the paragraph that states it, or write in the point only what paragraph {paragraph} says"))
        named = set().union(*(self.citations.names_in(slug, lang, p) for p in point.paragraphs))
        if stated and subjects - named:
            self.validator.add(file.at(
                (*loc, "text"), f"the point names {_slugs(subjects - named)}, but {cited} {'does' if len(point.paragraphs) == 1 else 'do'} not",
                "cite the paragraph that names them too, or take the name out of the point"))

    def compare(self, default, file):
        """A translation's points: as many as the default-language file's, citing the same paragraphs."""
        mine, theirs = self.points(file), self.points(default)
        if mine and not theirs:
            self.validator.add(file.at(("key_points",), f"{default.shown} gives no `key_points`",
                                       f"remove them here too, or give them in {default.shown} as well"))
        elif theirs and not mine:
            self.validator.add(file.about("key_points", 1, f"`key_points` is missing, but {default.shown} gives {len(theirs)}",
                                          f"add `key_points:` translated from {default.shown}, citing the same paragraphs"))
        elif len(mine) != len(theirs):
            self.validator.add(file.at(("key_points",), f"{len(mine)} key points here but {len(theirs)} in {default.shown}",
                                       "give the same points in both files, in the same order, citing the same paragraphs"))
        else:
            for number, (point, original) in enumerate(zip(mine, theirs)):
                if point.paragraphs != original.paragraphs:
                    self.validator.add(file.at(
                        ("key_points", number, "paragraphs"),
                        f"cites {_paragraphs(point.paragraphs)} here but {_paragraphs(original.paragraphs)} in {default.shown}",
                        f"a translated point cites the paragraphs of its original: write `paragraphs: [{_numbers(original.paragraphs)}]`"))
