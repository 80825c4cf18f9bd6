"""The talent-flow graphic: who moved from where to where, drawn at build time as SVG.

A two-column Sankey-like layout. Origins stand on the reading start side (the right on
Arabic pages, the left on English ones), destinations on the other; each person is one
band of equal thickness from their origin to their destination, so a node is as tall as
the number of people who left or joined it. Nodes link to company pages, bands to person
pages. What a brief does not name is a node of its own: "not stated", or the words the
brief uses for a destination that is not a company (a newsletter), drawn dashed and not
linked. No script: the output is plain markup, the same bytes for the same moves.
"""

from dataclasses import dataclass, field

from markupsafe import Markup

from .bidi import RTL_LANGUAGES
from .escaping import html as escape

WIDTH = 640  # viewBox units; the CSS gives the figure a minimum width and scrolls it
BAR = 10  # node bar thickness
LABEL = 170  # room for node labels outside the bars
BAND = 18  # one person
GAP = 3  # between two bands of one node
NODE_GAP = 16  # between two nodes of a column
TOP = 8
PALETTE = 8  # colour classes nb-flow--c0 … c7 (Okabe–Ito, in the stylesheet)
LABEL_ROOM = LABEL - 12  # label width before it is shortened (the full text stays in <title>)
EM = 13  # label font size, as in the stylesheet


@dataclass
class Node:
    key: tuple  # ("company", slug) / ("other", text) / ("unknown",)
    label: str
    url: str | None
    bands: list = field(default_factory=list)
    y: float = 0.0

    @property
    def height(self):
        return len(self.bands) * BAND + (len(self.bands) - 1) * GAP


def _direction(text):
    return "rtl" if any("\u0600" <= ch <= "\u08ff" or "\ufb50" <= ch <= "\ufeff" for ch in text) else "ltr"


def _width(text, size=EM):
    """A safe estimate of the drawn width: wide Latin capitals, narrower Arabic."""
    return sum(size * (0.75 if ch.isupper() else 0.5 if "\u0600" <= ch <= "\u06ff" else 0.56) for ch in text)


def _short(text, room=LABEL_ROOM):
    """`text`, or its longest start that fits `room` with "…" after it. One pass that stops
    where the label is full: linear in what is shown, whatever the length of `text`."""
    ellipsis, total, fits = _width("…"), 0.0, 0
    for end, char in enumerate(text, start=1):
        total += _width(char)
        if total > room:
            return text[:fits].rstrip() + "…"
        if total + ellipsis <= room:
            fits = end
    return text


def _text(x, y, text, align, css):
    """A label whose physical alignment (`left`/`right` of x) holds in either direction;
    its own `direction` (and `unicode-bidi: isolate` in the stylesheet) keeps a Latin name
    inside an Arabic page in its own order."""
    direction = _direction(text)
    anchor = {("right", "ltr"): "end", ("right", "rtl"): "start",
              ("left", "ltr"): "start", ("left", "rtl"): "end"}[(align, direction)]
    shown = _short(text)
    return (f'<text class="{css}" x="{round(x)}" y="{round(y)}" text-anchor="{anchor}" direction="{direction}"'
            f' dominant-baseline="central">{escape(shown)}</text>')


class FlowChart:
    """Lays out `moves` (graph.Move) for one page and renders the SVG."""

    def __init__(self, moves, lang, names, labels, id_prefix):
        """`names(kind, slug)` → (title, url) or None; `labels`: translated strings
        `title`, `desc`, `not_stated`, `noted`, `links`, `person_move` (with {person}, {origin}, {destination})."""
        self.lang, self.names, self.labels, self.id = lang, names, labels, id_prefix
        self.rtl = lang in RTL_LANGUAGES
        self.sources, self.targets = {}, {}
        for move in moves:
            person = names("person", move.person)
            if person is None:
                continue
            band = {"move": move, "person": person}
            self._node(self.sources, self._end(move.origin, None), band)
            band["target"] = self._node(self.targets, self._end(move.destination, move.text("to_other", lang)), band)
        self.columns = [self._order(self.sources), self._order(self.targets)]
        self._layout()

    def _end(self, slug, other):
        if slug:
            title, url = self.names("company", slug)
            return ("company", slug), title, url
        if other:
            return ("other", other), other, None
        return ("unknown",), self.labels["not_stated"], None

    @staticmethod
    def _node(column, end, band):
        key, label, url = end
        node = column.setdefault(key, Node(key, label, url))
        node.bands.append(band)
        return node

    @staticmethod
    def _order(column):
        # Biggest first; ties by label, so the output does not depend on input order.
        return sorted(column.values(), key=lambda n: (-len(n.bands), n.key[0] != "company", n.label))

    def _layout(self):
        for column in self.columns:
            y = TOP
            for node in column:
                node.y = y
                y += node.height + NODE_GAP
        self.height = max((max((n.y + n.height for n in c), default=0) for c in self.columns), default=0) + TOP
        # Bands leave their origin in the order of their destinations, and the reverse.
        rank = {id(n): i for i, n in enumerate(self.columns[1])}
        source_of = {}
        for node in self.columns[0]:
            node.bands.sort(key=lambda b: (rank[id(b["target"])], b["person"][0]))
            for i, band in enumerate(node.bands):
                source_of[id(band)] = (node, node.y + i * (BAND + GAP))
        order = {id(n): i for i, n in enumerate(self.columns[0])}
        self.bands = []
        for node in self.columns[1]:
            node.bands.sort(key=lambda b: (order[id(source_of[id(b)][0])], b["person"][0]))
            for i, band in enumerate(node.bands):
                origin, y0 = source_of[id(band)]
                self.bands.append((band, origin, y0, node, node.y + i * (BAND + GAP)))

    def x(self, value):
        """Mirror a left-to-right x for right-to-left pages."""
        return WIDTH - value if self.rtl else value

    def render(self):
        """Two layers in one box: the drawing, `role="img"` with a title and a description
        (an image has no interactive parts), and over it the same shapes as links, each
        named in words, so that keyboard and screen-reader users reach every person and
        company the drawing shows."""
        if not self.bands:
            return Markup("")
        colours = {id(n): i % PALETTE for i, n in enumerate(self.columns[0])}
        start, end = LABEL + BAR, WIDTH - LABEL - BAR
        parts = [self._band(band, colours[id(origin)], start, y0, end, y1)
                 for band, origin, y0, target, y1 in self.bands]
        parts += [self._bar(node, side, colours.get(id(node)))
                  for side, column in enumerate(self.columns) for node in column]
        box = f'viewBox="0 0 {WIDTH} {self.height:.0f}" xmlns="http://www.w3.org/2000/svg"'
        drawing = [
            f'<svg class="nb-flow__svg" {box} role="img" aria-labelledby="{self.id}-title {self.id}-desc">',
            f'<title id="{self.id}-title">{escape(self.labels["title"])}</title>',
            f'<desc id="{self.id}-desc">{escape(self.labels["desc"])}</desc>',
            *(drawn for drawn, _ in parts), "</svg>",
        ]
        links = [f'<svg class="nb-flow__svg nb-flow__links" {box} aria-label="{escape(self.labels["links"])}">',
                 *(link for _, link in parts if link), "</svg>"]
        return Markup("\n".join(drawing + links))

    def _band(self, band, colour, x0, y0, x1, y1):
        title, url = band["person"]
        mid = (x0 + x1) / 2
        a, b, m = self.x(x0), self.x(x1), self.x(mid)
        a, b, m = round(a), round(b), round(m)  # whole units: a page may hold 50 bands
        y0, y1 = round(y0), round(y1)
        path = (f"M{a} {y0}C{m} {y0} {m} {y1} {b} {y1}V{y1 + BAND}"
                f"C{m} {y1 + BAND} {m} {y0 + BAND} {a} {y0 + BAND}Z")
        # The person's name sits at the destination end of the band, inside the flow area.
        label = _text(self.x(x1 - 6), y1 + BAND / 2, title, "left" if self.rtl else "right", "nb-flow__person")
        move = band["move"]
        description = self.labels["person_move"].format(
            person=title, origin=self._name(move.origin, None),
            destination=self._name(move.destination, move.text("to_other", self.lang)),
        )
        css = f"nb-flow__band nb-flow--c{colour}"
        if move.inferred:  # a move we infer (`basis: inferred`): dashed, and said; a note alone is not
            css += " nb-flow__band--inferred"
            description = f"{description} ({self.labels['noted']})"
        # The link is named by its <title> (which is also the mouse's tooltip).
        drawn = f'<g class="{css}" data-basis="{move.basis}"><path d="{path}"/>{label}</g>'
        link = (f'<a class="nb-flow__link" href="{escape(url)}" data-person="{escape(move.person)}" data-basis="{move.basis}">'
                f'<title>{escape(description)}</title><path class="nb-flow__target" d="{path}"/></a>')
        return drawn, link

    def _name(self, slug, other):
        if slug:
            return self.names("company", slug)[0]
        return other or self.labels["not_stated"]

    def _bar(self, node, side, colour):
        # Origins stand at the reading start: the left on LTR pages, the right on RTL ones.
        physical_left = (side == 0) != self.rtl
        area = 0 if physical_left else WIDTH - LABEL - BAR
        bar_x = LABEL if physical_left else area
        count = len(node.bands)
        caption = f"{node.label} ({count})" if count > 1 else node.label
        if physical_left:
            label = _text(LABEL - 6, node.y + node.height / 2, caption, "right", "nb-flow__label")
        else:
            label = _text(area + BAR + 6, node.y + node.height / 2, caption, "left", "nb-flow__label")
        kind = "company" if node.url else "unknown"
        side_name = "origin" if side == 0 else "destination"
        css = f"nb-flow__node nb-flow__node--{kind}" + (f" nb-flow--c{colour}" if colour is not None else "")
        rect = f'<rect class="nb-flow__bar" x="{bar_x}" y="{round(node.y)}" width="{BAR}" height="{round(node.height)}"/>'
        full = f"<title>{escape(node.label)}</title>"
        drawn = f'<g class="{css}" data-side="{side_name}">{full}{rect}{label}</g>'
        if not node.url:
            return drawn, None
        # The link's target covers the label and the bar: easy to hit, and it draws the focus ring.
        link = (f'<a class="nb-flow__link" href="{escape(node.url)}" data-side="{side_name}">'
                f'<title>{escape(caption)}</title><rect class="nb-flow__target" x="{area}" y="{round(node.y) - 2}"'
                f' width="{LABEL + BAR}" height="{round(node.height) + 4}" rx="3"/></a>')
        return drawn, link


def flow_chart(moves, lang, names, labels, id_prefix="flow"):
    return FlowChart(list(moves), lang, names, labels, id_prefix).render()
