"""Text of the talent-flow graphic (flowchart.py): labels that wrap onto lines of a given
width instead of being shortened, each in its own direction inside the drawing."""

from .escaping import html as escape

EM = 14  # label font size, as in the stylesheet
ROOM = 158  # a node label's line width, in viewBox units
LINE = 19  # line height (room for the Naskh at 16 px)


def direction(text):
    return "rtl" if any("\u0600" <= ch <= "\u08ff" or "\ufb50" <= ch <= "\ufeff" for ch in text) else "ltr"


def width(text, size=EM):
    """A safe estimate of the drawn width: wide Latin capitals; Arabic, drawn at 16 px for
    the Latin 14 (site.css), as 0.6 of the Latin size."""
    return sum(size * (0.75 if ch.isupper() else 0.6 if "\u0600" <= ch <= "\u06ff" else 0.56) for ch in text)


def label_lines(text, room=ROOM):
    """`text` in lines of at most `room` (a word longer than that keeps a line of its own)."""
    lines = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def pill(x, y, label, align, size=EM, css="nb-flow__pill"):
    """An opaque ground of the page's colour under a label that lies over bands (`text` with
    the same x, y, label and align), so no band shows through its letters (WCAG 1.4.3)."""
    lines = label_lines(label)
    # `width` is safe for any face; Arabic is drawn in the site's own Naskh, which Chromium
    # measures at about 0.6 of it, so an Arabic ground takes 0.7 (Latin faces vary: all of it).
    fit = 0.7 if direction(label) == "rtl" else 1
    w, h = max(width(line, size) for line in lines) * fit + 8, len(lines) * LINE + 2
    left = x - w + 4 if align == "right" else x - 4
    return f'<rect class="{css}" x="{round(left)}" y="{round(y - h / 2)}" width="{round(w)}" height="{round(h)}" rx="4"/>'


def text(x, y, label, align, css, wrap=True):
    """A label centred on `y`, on as many lines as it needs, whose physical alignment
    (`left`/`right` of x) holds in either direction; its own `direction` (and
    `unicode-bidi: isolate` in the stylesheet) keeps a Latin name inside an Arabic page in its
    own order."""
    way = direction(label)
    anchor = {("right", "ltr"): "end", ("right", "rtl"): "start",
              ("left", "ltr"): "start", ("left", "rtl"): "end"}[(align, way)]
    lines = label_lines(label) if wrap else [label]
    if len(lines) == 1:
        body = escape(label)
    else:
        top = -(len(lines) - 1) * LINE / 2
        body = "".join(f'<tspan x="{round(x)}" dy="{round(top) if i == 0 else LINE}">{escape(line)}</tspan>'
                       for i, line in enumerate(lines))
    # centred on y by the stylesheet's `dominant-baseline: central` (one rule, not one attribute a label)
    return f'<text class="{css}" x="{round(x)}" y="{round(y)}" text-anchor="{anchor}" direction="{way}">{body}</text>'
