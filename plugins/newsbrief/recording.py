"""What the talent graph is made of and how its questions are recorded: a move, the
`recorded` decorator every question a template asks carries (newsbrief.memo reads what it
notes), and `version()`, an item in one language. Shared by graph.py and the mixins that
add questions to it (related.py, months.py)."""

import functools
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Move:
    person: str  # slug
    sequence: int  # 1-based order in which the article states this person's moves
    origin: str | None  # company slug the person left, if the article names one
    destination: str | None  # company slug the person joined, if any
    facts: dict = field(compare=False)  # the move as written: role, tenure, when, quote, note, basis, source

    @property
    def inferred(self):
        """True when we infer the move (`basis: inferred`); a note alone does not make it so."""
        return self.facts.get("basis") == "inferred"

    basis = property(lambda self: "inferred" if self.inferred else "stated")

    def text(self, name, lang):
        value = self.facts.get(name)
        return value.get(lang) if isinstance(value, dict) else value


def recorded(question):
    """A question templates ask the graph: while a page renders (`reads` is a set), the
    slugs asked about and answered with are noted, so that the page is rendered again
    when one of them changes (newsbrief.memo)."""
    @functools.wraps(question)
    def ask(self, *args):
        answer = question(self, *args)
        if self.reads is not None:
            note(self.reads, args)
            note(self.reads, answer)
            if not args:
                self.reads.add(EVERYTHING)
        return answer
    ask.recorded = True  # what a kept page may ask (newsbrief.memoguard)
    return ask


EVERYTHING = "*"  # the slug noted by a question about the whole archive


def note(slugs, value):
    """Add to `slugs` every slug `value` names: content, moves (their person, companies
    and brief), sources (`{article, paragraph}`), text (a slug asked for), in lists."""
    kind = type(value)
    if kind is str:  # the commonest first, by their exact type (a few million calls a build)
        slugs.add(value)
    elif kind is list or kind is tuple:
        for item in value:
            note(slugs, item)
    elif isinstance(value, str):
        slugs.add(value)
    elif isinstance(value, Move):
        source = value.facts.get("source") or {}
        slugs.update((value.person, value.origin, value.destination, source.get("article")))
    elif isinstance(value, dict):
        slugs.add(value.get("article"))
    elif isinstance(value, (list, tuple)):
        for item in value:
            note(slugs, item)
    elif hasattr(value, "translations") and isinstance(getattr(value, "slug", None), str):
        slugs.add(value.slug)


def version(item, lang):
    """`item` (a brief or profile) in `lang`: itself or one of its translations."""
    if item.lang == lang:
        return item
    return next((t for t in item.translations if t.lang == lang), item)
