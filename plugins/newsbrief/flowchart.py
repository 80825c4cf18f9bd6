"""The talent-flow graphic: who moved from where to where, drawn at build time.

A Sankey-like layout in up to three columns. Origins stand on the reading start side (the
right on Arabic pages, the left on English ones), destinations on the other; a company a
person passed through (left A for B, then B for C) stands in a middle column, so that a
person who moved twice is one path through it, in one colour. Each move is one band of equal
thickness, so a node is as tall as the number of people who left or joined it. Nodes link to
company pages, bands to person pages. What a brief does not name is a node of its own: "not
stated", or the words the brief uses for a destination that is not a company (a
newsletter), drawn dashed and not linked. Labels wrap, never shortened. A move inferred by
us (`basis: inferred`; before that field, a move with an editor's note) is dashed.

`FlowChart.blocks()` gives the same paths for phones as HTML: one block per origin, each
person's route stacked under it (partials/flow-stack.html). No script: plain markup, the
same bytes for the same moves.
"""

import itertools
from dataclasses import dataclass, field

from markupsafe import Markup

from .bidi import RTL_LANGUAGES
from .escaping import html as escape
from .flowtext import LINE, direction, label_lines, pill, text

WIDTH = 640  # viewBox units of a two-column chart; the CSS scales it to the column
VIA_WIDTH = 160  # added when a middle column is drawn
BAR = 10  # node bar thickness
LABEL = 170  # room for node labels outside the bars
BAND = 18  # one person
GAP = 3  # between two bands of one node
NODE_GAP = 16  # between two nodes of a column
TOP = 8
PALETTE = 8  # colour classes nb-flow--c0 … c7 (Okabe–Ito, in the stylesheet)


@dataclass
class Node:
    key: tuple  # (column, "company", slug) / (column, "other", text) / (column, "unknown")
    label: str
    url: str | None
    ins: list = field(default_factory=list)  # bands that end here
    outs: list = field(default_factory=list)  # bands that start here
    y: float = 0.0
    colour: int | None = None

    @property
    def column(self):
        return self.key[0]

    @property
    def count(self):
        """The people drawn through the node (the legend's number in brackets): a person's path
        comes in and goes out once, so the busier side has a band for each of them."""
        return max(len(self.ins), len(self.outs))

    @property
    def height(self):
        return self.count * BAND + (self.count - 1) * GAP

    @property
    def caption(self):
        return f"{self.label} ({self.count})" if self.count > 1 else self.label

    @property
    def slot(self):
        """The height the node takes in its column: its bar, or its label if that is taller."""
        return max(self.height, len(label_lines(self.caption)) * LINE)


class FlowChart:
    """Lays out `moves` (graph.Move) for one page; `svg()` draws it, `blocks()` lists it."""

    def __init__(self, moves, lang, names, labels, id_prefix):
        """`names(kind, slug)` → (title, url) or None; `labels`: translated strings
        `title`, `desc`, `not_stated`, `noted`, `person_move` (with {person}, {origin}, {destination})."""
        self.lang, self.names, self.labels, self.id = lang, names, labels, id_prefix
        self.rtl = lang in RTL_LANGUAGES
        people = {}
        for move in sorted(moves, key=lambda m: (m.person, m.sequence)):
            person = names("person", move.person)
            if person is not None:
                people.setdefault(move.person, (person, []))[1].append(move)
        # A company a person left right after joining it is a stop on their path.
        self.via = {a.destination for _, legs in people.values() for a, b in itertools.pairwise(legs)
                    if a.destination and a.destination == b.origin and b.sequence == a.sequence + 1}
        self.nodes, self.bands = {}, []
        for slug, (person, legs) in sorted(people.items(), key=lambda item: item[1][0][0]):
            for move in legs:
                start = self._node(1 if move.origin in self.via else 0, move.origin, None)
                column = 1 if move.destination in self.via and start.column == 0 else 2
                end = self._node(column, move.destination, move.text("to_other", lang))
                band = {"move": move, "person": person, "slug": slug, "start": start, "end": end}
                start.outs.append(band)
                end.ins.append(band)
                self.bands.append(band)
        self.columns = [self._order(c) for c in range(3)]
        self.width = WIDTH + (VIA_WIDTH if self.columns[1] else 0)
        self._layout()

    def _node(self, column, slug, other):
        """The node of a company in `column`, or of what the brief says in its place."""
        if slug:
            key, (label, url) = (column, "company", slug), self.names("company", slug)
        elif other:
            key, label, url = (column, "other", other), other, None
        else:
            key, label, url = (column, "unknown"), self.labels["not_stated"], None
        return self.nodes.setdefault(key, Node(key, label, url))

    def _order(self, column):
        # Biggest first; ties by label, so the output does not depend on input order.
        nodes = [n for n in self.nodes.values() if n.column == column]
        return sorted(nodes, key=lambda n: (-n.count, n.key[1] != "company", n.label))

    def _layout(self):
        colours = 0
        for column in self.columns:
            y = TOP
            for node in column:
                node.y = y + (node.slot - node.height) / 2
                y += node.slot + NODE_GAP
                if node.outs:
                    node.colour, colours = colours % PALETTE, colours + 1
        self.height = max(n.y + n.slot for n in self.nodes.values()) + TOP if self.nodes else 0
        rank = {id(n): (n.column, i) for column in self.columns for i, n in enumerate(column)}
        # A person's path keeps the colour of where it starts; at a stop, those passing
        # through come first on both faces, so their path runs straight through it.
        first = {}
        for band in self.bands:
            first.setdefault(band["slug"], band["start"].colour)
            band["colour"] = first[band["slug"]]
        passing = {b["slug"] for b in self.bands if b["start"].column == 1} & {b["slug"] for b in self.bands
                                                                                if b["end"].column == 1}
        for node in self.nodes.values():
            node.outs.sort(key=lambda b: (b["slug"] not in passing, rank[id(b["end"])], b["person"][0]))
            node.ins.sort(key=lambda b: (b["slug"] not in passing, rank[id(b["start"])], b["person"][0]))
            for face in ("outs", "ins"):
                for i, band in enumerate(getattr(node, face)):
                    band["y0" if face == "outs" else "y1"] = node.y + i * (BAND + GAP)

    def bar_x(self, column):
        """The physical x of a column's bar: mirrored for right-to-left pages."""
        x = {0: LABEL, 1: (self.width - BAR) / 2, 2: self.width - LABEL - BAR}[column]
        return self.width - BAR - x if self.rtl else x

    def svg(self):
        """One drawing whose shapes are its links: each band a link to the person, each company
        a link to its page, named in words by its `<title>` (also the mouse's tooltip), so that
        keyboard and screen-reader users reach every person and company the drawing shows. The
        whole is a group (not `role="img"`, whose parts could not be links) named by the
        graphic's title and described by its description. Each path is drawn once."""
        if not self.bands:
            return Markup("")
        parts = [self._band(band) for band in self.bands]
        # Then the grounds of every label that lies over bands (people's names, the stops'
        # labels), then the names: no band and no other label's ground is drawn over a name.
        # Hidden from screen readers and the pointer: each band's link already names its person.
        stops = [(node.caption, *self._label_at(node)) for node in self.columns[1]]
        # A name's ground is edged in its band's colour: it shows which band the name ends.
        names = [(band["person"][0], *self._name_at(band), band["colour"]) for band in self.bands if self._named_here(band)]
        grounds = "".join([pill(x, y, label, align, 16 if direction(label) == "rtl" else 14) for label, x, y, align in stops]
                          + [pill(x, y, label, align, css=f"nb-flow__pill nb-flow__pill--person nb-flow--c{colour}")
                             for label, x, y, align, colour in names])
        letters = "".join(text(x, y, label, align, "nb-flow__person") for label, x, y, align, _ in names)
        parts.append(f'<g class="nb-flow__names" aria-hidden="true">{grounds}{letters}</g>')
        parts += [self._bar(node) for column in self.columns for node in column]
        return Markup("\n".join((
            f'<svg class="nb-flow__svg" viewBox="0 0 {self.width} {self.height:.0f}" xmlns="http://www.w3.org/2000/svg"'
            f' role="group" aria-labelledby="{self.id}-title" aria-describedby="{self.id}-desc">',
            f'<title id="{self.id}-title">{escape(self.labels["title"])}</title>',
            f'<desc id="{self.id}-desc">{escape(self.labels["desc"])}</desc>', *parts, "</svg>")))

    def _band(self, band):
        start, end, move = band["start"], band["end"], band["move"]
        # From the end face of the start bar to the start face of the end bar.
        a = self.bar_x(start.column) + (0 if self.rtl else BAR)
        b = self.bar_x(end.column) + (BAR if self.rtl else 0)
        m, y0, y1 = round((a + b) / 2), round(band["y0"]), round(band["y1"])
        a, b = round(a), round(b)
        path = (f"M{a} {y0}C{m} {y0} {m} {y1} {b} {y1}V{y1 + BAND}"
                f"C{m} {y1 + BAND} {m} {y0 + BAND} {a} {y0 + BAND}Z")
        title, url = band["person"]
        description = self.labels["person_move"].format(
            person=title, origin=start.label, destination=end.label)
        css = f"nb-flow__link nb-flow__band nb-flow--c{band['colour']}"
        if move.inferred:  # a move we infer (`basis: inferred`): dashed, and said; a note alone is not
            css += " nb-flow__band--inferred"
            description = f"{description} ({self.labels['noted']})"
        return (f'<a class="{css}" href="{escape(url)}" data-person="{escape(band["slug"])}"'
                f' data-basis="{move.basis}">'
                f'<title>{escape(description)}</title><path d="{path}"/></a>')

    def _named_here(self, band):
        """A person is named once, at the end of their path (not at a stop they pass)."""
        end = band["end"]
        return not any(b is not band and b["slug"] == band["slug"] and b["start"] is end for b in end.outs)

    def _name_at(self, band):
        """Where a person's name stands: inside the flow area, before the bar their path ends at."""
        edge = self.bar_x(band["end"].column) + (BAR if self.rtl else 0)
        x, align = (edge + 6, "left") if self.rtl else (edge - 6, "right")
        return x, round(band["y1"]) + BAND / 2, align

    def _label_at(self, node):
        """Where a node's label stands: origins' and destinations' outside the flow; a stop's
        on its end side, over the bands that leave it (on a ground drawn by `svg`)."""
        x = self.bar_x(node.column)
        physical_left = self.rtl if node.column == 1 else (node.column == 0) != self.rtl
        at, align = (x - 6, "right") if physical_left else (x + BAR + 6, "left")
        return at, node.y + node.height / 2, align

    def _bar(self, node):
        x = self.bar_x(node.column)
        at, mid, align = self._label_at(node)
        physical_left = align == "right"
        label = text(at, mid, node.caption, align, "nb-flow__label")
        side_name = ("origin", "stop", "destination")[node.column]
        css = f"nb-flow__node nb-flow__node--{'company' if node.url else 'unknown'}" + (
            f" nb-flow--c{node.colour}" if node.colour is not None else "")
        rect = f'<rect class="nb-flow__bar" x="{round(x)}" y="{round(node.y)}" width="{BAR}" height="{round(node.height)}"/>'
        if not node.url:
            return f'<g class="{css}" data-side="{side_name}"><title>{escape(node.label)}</title>{rect}{label}</g>'
        # The link's target, under the bar and the label, covers both: easy to hit, and it
        # draws the focus ring.
        area = x - LABEL if physical_left else x
        target = (f'<rect class="nb-flow__target" x="{round(area)}" y="{round(node.y) - 2}" width="{LABEL + BAR}"'
                  f' height="{round(node.height) + 4}" rx="3"/>')
        return (f'<a class="nb-flow__link {css}" href="{escape(node.url)}" data-side="{side_name}">'
                f'<title>{escape(node.caption)}</title>{target}{rect}{label}</a>')

    def blocks(self):
        """For phones: one block per place where paths start, each person's route under it.
        [{"node": Node, "rows": [{"route": [Node], "people": [(title, url, inferred)]}]}]"""
        paths = {}
        for band in self.bands:
            path = paths.setdefault(band["slug"], {"route": [band["start"]], "person": band["person"], "inferred": False})
            path["route"].append(band["end"])
            path["inferred"] = path["inferred"] or band["move"].inferred
        blocks = {}
        for path in paths.values():
            start, rest = path["route"][0], tuple(path["route"][1:])
            rows = blocks.setdefault(id(start), (start, {}))[1]
            rows.setdefault(tuple(map(id, rest)), {"route": list(rest), "people": []})["people"].append(
                (*path["person"], path["inferred"]))
        ordered = sorted(blocks.values(), key=lambda b: (-sum(len(r["people"]) for r in b[1].values()),
                                                          b[0].key[1] != "company", b[0].label))
        return [{"node": node, "count": sum(len(r["people"]) for r in rows.values()),
                 "rows": sorted(rows.values(), key=lambda r: (-len(r["people"]), [n.label for n in r["route"]]))}
                for node, rows in ordered]


def flow_chart(moves, lang, names, labels, id_prefix="flow"):
    return FlowChart(list(moves), lang, names, labels, id_prefix).svg()
