"""The theme's stylesheets as served: without comments and runs of blanks.

`theme/static/css/site.css` is written for people (a comment on each accessibility
decision); a reader's phone needs none of that. Minified once the site is written, the
stylesheet of every page is 40 % smaller gzipped, and a brief's first screen (its HTML and
CSS) fits the 14 KB of one round trip. Strings (`"Noto Naskh Arabic"`, `url("…")`) are kept
as they are written.
"""

import os
import re

import jinja2

from .cssbundles import write_bundles

# A string, a comment, a run of blanks, or blanks around punctuation that needs none.
TOKEN = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/|\s*([{};,])\s*|\s+""", re.S)


def minify_css(text):
    """`text` without comments, and blanks only where they separate words."""
    return TOKEN.sub(lambda m: m.group(1) or m.group(2) or (" " if m.group(0).isspace() else ""), text).strip()


def minify_stylesheets(pelican):
    """Rewrite every `.css` file the theme copied into the output, and the bundles of
    `site.css` (newsbrief.cssbundles), minified (Pelican's `finalized`)."""
    folder = os.path.join(pelican.settings["OUTPUT_PATH"], pelican.settings.get("THEME_STATIC_DIR", "theme"))
    write_bundles(os.path.join(folder, "css"))
    for directory, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".css"):
                path = os.path.join(directory, name)
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(minify_css(text) + "\n")


# A page as served: the indentation of the templates and blank lines dropped. A run of blanks
# that holds a line break becomes that one line break, which a browser shows as the one space
# it showed before (between inline elements too); <pre>, <textarea> and <script> are kept as
# they are. About a tenth of every page was indentation.
KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
BLANKS = re.compile(r"[ \t]*\n[ \t\r\n]*")  # ASCII blanks only: a no-break space is text


def compact_html(text):
    parts = KEPT.split(text)  # [outside, kept, tag name, outside, …]
    return "".join(BLANKS.sub("\n", part) if i % 3 == 0 else part if i % 3 == 1 else ""
                   for i, part in enumerate(parts))


class CompactTemplate(jinja2.Template):
    def render(self, *args, **kwargs):
        return compact_html(super().render(*args, **kwargs))


def compact_pages(generator):
    """Pelican's `generator_init`: every page this generator renders is served compact."""
    generator.env.template_class = CompactTemplate
