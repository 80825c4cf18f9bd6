"""Citations that land (issue 21): every paragraph a profile cites names the profile.

Each source of a profile (`sources`, `role_source`, `type_source`, `parent_source`, a move's,
an affiliation's or a stated count's `source`) points at a paragraph of a brief. In every
language where the profile and the brief both exist, that paragraph must name the profile:
its `name` or one of its `aliases` in that language, found by the site's own mention
matcher (newsbrief.matching, with the Arabic proclitics: «لميتا» names ميتا, «كريم» is
not «ريم» when «كريم» is a name). Where the brief refers to the profile only by context
(«الشركة», "also left"), the source says so, `{article: …, paragraph: 3, by: context}`, and
the page shows "by context" beside the link. Anything else is an error naming the file,
the field and the paragraph, with the fix.

Each brief's paragraphs are read once, when a profile first cites it: one pass of the
matcher over its text, whatever the number of profiles.
"""

import re

from ..matching import Matcher
from ..mentions import link_mentions
from ..rendering import render_source
from ..schema.parts import Source
from ..schema.walk import references
from .names import names_of

PARAGRAPH = re.compile(r'<p id="p-(\d+)">(.*?)</p>', re.DOTALL)
PROFILES = ("person", "company")


class Citations:
    """Checks the cited paragraphs of every profile of a `ContentValidator` (`check()`)."""

    def __init__(self, validator, language_name):
        self.validator, self.language = validator, language_name
        self.matchers = {}  # lang -> Matcher of every profile's names in that language
        self.paragraphs = {}  # (brief slug, lang) -> [(start, end)] of each paragraph in its HTML
        self.named = {}  # (brief slug, lang, paragraph) -> the profiles it names

    def matcher(self, lang):
        if lang not in self.matchers:
            names = {}  # a name two profiles write (an error of checks/names.py) names both
            for kind in PROFILES:
                for slug, versions in sorted(self.validator.items.get(kind, {}).items()):
                    file = versions.get(lang)
                    data = file.data if file is not None else {}
                    aliases = data.get("aliases") if isinstance(data.get("aliases"), list) else []
                    for name in [data.get("name"), *aliases]:
                        if isinstance(name, str):
                            names[name.strip()] = names.get(name.strip(), frozenset()) | {(kind, slug)}
            self.matchers[lang] = Matcher(names)
        return self.matchers[lang]

    def spans(self, slug, lang):
        """[(start, end)] of the text of each paragraph of a brief in `lang`, or None."""
        if (slug, lang) not in self.paragraphs:
            brief = self.validator.items.get("brief", {}).get(slug, {}).get(lang)
            spans = None
            if brief is not None and brief.readable and brief.source is not None:
                html = render_source(brief.source, self.validator.settings).html
                spans = [match.span(2) for match in PARAGRAPH.finditer(html)]
            self.paragraphs[(slug, lang)] = spans
        return self.paragraphs[(slug, lang)]

    def names_in(self, slug, lang, number):
        """The profiles that paragraph `number` of a brief names in `lang` (read once)."""
        if (slug, lang, number) not in self.named:
            brief = self.validator.items["brief"][slug][lang]
            start, end = self.spans(slug, lang)[number - 1]
            ambiguous = []
            html = render_source(brief.source, self.validator.settings).html[start:end]
            _, found = link_mentions(html, self.matcher(lang), {}, ambiguous)
            keys = [*found, *(key for _, keys in ambiguous for key in keys)]
            self.named[(slug, lang, number)] = {profile for key in keys for profile in key}
        return self.named[(slug, lang, number)]

    @staticmethod
    def named_in(file):
        """Whether a profile's file gives its names (else their own error comes first)."""
        return (file is not None and file.readable and isinstance(file.data.get("name"), str)
                and len(names_of(file)) == len(names_of(file, valid=False)))

    def check(self):
        for kind in PROFILES:
            for slug, versions in sorted(self.validator.items.get(kind, {}).items()):
                file = versions.get(self.validator.default_lang)
                if file is None or not file.readable:
                    continue
                found_all = file.references if file.references is not None else references(file.model_class, file.data)
                named = [lang for lang in self.validator.languages if self.named_in(versions.get(lang))]
                for found in found_all:
                    if found[0] == "part" and found[1] is Source:
                        self.check_source(file, (kind, slug), named, found[2], found[3])

    def check_source(self, file, subject, named, loc, source):
        """`named`: the languages whose file of the profile gives its names."""
        article, number, by = source.get("article"), source.get("paragraph"), source.get("by")
        if not isinstance(article, str) or type(number) is not int or number < 1:
            return  # the schema reports it
        checked, missing = [], []
        default = self.spans(article, self.validator.default_lang)
        for lang in named:
            paragraphs = self.spans(article, lang)
            if paragraphs is None or default is None or number > len(paragraphs) or len(paragraphs) != len(default):
                continue  # no such brief, translation or paragraph, or not paragraph by paragraph: reported elsewhere
            checked.append(lang)
            if subject not in self.names_in(article, lang, number):
                missing.append(lang)
        languages = " and ".join(map(self.language, missing))
        kind, slug = subject
        where = f"paragraph {number} of the brief `{article}`"
        if by == "context" and checked and not missing:
            self.validator.add(file.at((*loc, "by"), f"{where} names `{slug}` in every language",
                                       "remove `by: context`: the page says “by context” only where the name is not there",
                                       severity="warning"))
        elif by != "context" and missing:
            them = "it" if kind == "company" else "them"
            self.validator.add(file.at((*loc, "paragraph"), f"{where} does not name `{slug}` (in {languages})", (
                f"cite a paragraph that names {them}, or add the name as that paragraph writes it to "
                f"`aliases`; if it refers to {them} only by context (“the company”, “also left”), "
                f"write `{{article: {article}, paragraph: {number}, by: context}}`")))
