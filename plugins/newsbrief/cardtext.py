"""What a share card says (newsbrief.cards draws it): the story of its page in a few lines.

- a brief: its headline, its key points where they fit whole (else the start of its
  standfirst), its date;
- a person: the name, the role where the brief states one, the latest move ("Meta →
  Anthropic") and the date of the brief that reports it;
- a company: the name, its type where a brief states it (else the word for any
  organisation), how many joined and how many left;
- any other page: the site's name and what it tells.
"""

import html
import re
from dataclasses import dataclass, replace

from .bidi import RTL_LANGUAGES
from .i18n import _format_date


@dataclass(frozen=True)
class CardText:
    kicker: str  # the kind, in the accent colour
    title: str  # the headline or name, as large as it fits
    lines: tuple = ()  # what follows the title, each a paragraph of its own, cut to fit
    footer: str = ""  # under the rule: a date
    strong: tuple = ()  # which of `lines` are in ink (the others in grey)
    points: tuple = ()  # a brief's key points, before `lines`: each drawn only whole, and `lines` only when none is

    def parts(self):
        """Every text drawn, in order (the cache key and the glyph check read these)."""
        return (self.kicker, self.title, *self.points, *self.lines, self.footer)

    def drawn_with(self, drawable):
        """The card with only what `drawable` keeps of each text (what the font can draw)."""
        return replace(self, kicker=drawable(self.kicker), title=drawable(self.title), footer=drawable(self.footer),
                       lines=tuple(map(drawable, self.lines)), points=tuple(map(drawable, self.points)))


def company_type(company, catalogue):
    """The type of a company as a card names it: "Lab", "Startup" or "Company" only where a
    paragraph states it (not inferred), "Organisation" otherwise. (partials/company-type.html says it on the page.)"""
    tr = catalogue.ugettext
    labels = {"lab": tr("Lab"), "startup": tr("Start-up"), "company": tr("Company")}
    facts = company.facts
    stated = getattr(facts, "type_source", None) and getattr(facts, "type_basis", None) != "inferred"
    return (labels.get(getattr(facts, "type", None)) if stated else None) or tr("Organisation")


def plain(text):
    """Text without markup, entities or runs of spaces (a summary is held as HTML)."""
    return re.sub(r"[ \t\n]+", " ", html.unescape(re.sub(r"<[^>]+>", "", str(text or "")))).strip()


def _date(day, lang):
    return _format_date(day.date() if hasattr(day, "date") else day, "long", lang) if day else ""


def brief_card(brief, talent, catalogue):
    tr = catalogue.ugettext
    points = tuple(f"• {plain(point['text'])}" for point in getattr(brief, "key_points", None) or ())
    return CardText(tr("Brief"), plain(brief.title), (plain(brief.summary),), _date(brief.date, brief.lang), points=points)


def person_card(person, talent, catalogue):
    tr, lang, lines, footer = catalogue.ugettext, person.lang, [], ""
    if getattr(person, "role", None):
        lines.append(plain(person.role))
    moves = talent.moves_of(person.slug)
    if moves:
        move = moves[-1]  # the latest the briefs state
        ends = []
        for slug, other in ((move.origin, None), (move.destination, move.text("to_other", lang))):
            company = talent.company(slug, lang) if slug else None
            ends.append(plain(company.title) if company else plain(other) or tr("Not stated"))
        arrow = "←" if lang in RTL_LANGUAGES else "→"  # from the origin, in the reading direction
        lines.append(f" {arrow} ".join(ends))
        brief = talent.brief(talent.brief_of(move), lang) if talent.brief_of(move) else None
        footer = _date(brief.date, lang) if brief else ""
    return CardText(tr("Person"), plain(person.title), tuple(lines), footer, (len(lines) - 1,) if moves else ())


def company_card(company, talent, catalogue):
    joined, left = len(talent.joined(company.slug)), len(talent.left(company.slug))
    counts = " · ".join((catalogue.ungettext("Joined: %(num)d person", "Joined: %(num)d people", joined) % {"num": joined},
                         catalogue.ungettext("Left: %(num)d person", "Left: %(num)d people", left) % {"num": left}))
    return CardText(company_type(company, catalogue), plain(company.title), (counts,))


def site_card(catalogue):
    tr = catalogue.ugettext
    return CardText("", tr("Who moved where"))


CARDS = {"article": brief_card, "person": person_card, "company": company_card}
