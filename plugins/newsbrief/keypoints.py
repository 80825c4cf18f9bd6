"""A brief's key points (issue 25), as its page, its feed entry and its share card show them.

The checks (checks/keypoints.py) made sure that each paragraph a point cites names someone
the point names. Here each link to a paragraph says whom it is about (`data-subject`, as every
paragraph link of the site does, for the provenance gate): the first profile the point names
that the paragraph names too, found by the build's own mention matcher (newsbrief.mentions).
"""

import re
from dataclasses import dataclass

from jinja2 import pass_context

from .escaping import html as escape

PARAGRAPH = re.compile(r'<p id="p-(\d+)">(.*?)</p>', re.DOTALL)
KINDS = {"people": "person", "companies": "company"}  # the mention matcher's keys → data-subject


@dataclass(frozen=True)
class KeyPoint:
    text: str
    links: tuple  # (paragraph number, "person:<slug>" or "company:<slug>") of each paragraph it cites


def key_points(brief, mentions):
    """The brief's key points ([] for none), each with the paragraphs it cites."""
    points = getattr(brief, "key_points", None) or []
    if not points:
        return []
    paragraphs = {int(n): text for n, text in PARAGRAPH.findall(str(brief.content))}
    out = []
    for point in points:
        text = str(point["text"])
        named = mentions.link(str(escape(text)), brief.lang)[1]
        links = []
        for number in point["paragraphs"]:
            there = mentions.link(paragraphs.get(number, ""), brief.lang)[1]
            key = next((key for key in named if key in there), None)
            links.append((number, f"{KINDS[key[0]]}:{key[1]}" if key else ""))
        out.append(KeyPoint(text, tuple(links)))
    return out


def feed_points(brief, mentions, link, gettext):
    """The HTML that leads a brief's feed entry: its key points, each with its ¶ links
    (absolute, to `link`, the brief's address)."""
    points = key_points(brief, mentions)
    if not points:
        return ""
    items = "".join(
        f"<li>{escape(point.text)} " + " ".join(
            f'<a href="{escape(link)}#p-{number}">¶{number}</a>' for number, _ in point.links) + "</li>"
        for point in points)
    return f"<p><strong>{escape(gettext('Key points'))}</strong></p><ul>{items}</ul>"


def install(generator):
    """The `key_points` filter (connected to generator_init): `article | key_points`."""
    @pass_context
    def points(ctx, brief):
        return key_points(brief, ctx["mentions"])

    generator.env.filters["key_points"] = points
