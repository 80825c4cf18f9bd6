"""Text written into another language: one helper per context, and every writer of that
context goes through it.

- HTML text and attribute values (templates, the flow chart's SVG, mention links):
  `html`, which is markupsafe's `escape`, Jinja's autoescape (`<`, `>`, `&`, `"`, `'`).
- JSON inside `<script>` (the JSON-LD of every page): `script_json`. Escaping `</` is not
  enough: a browser reading a script looks for `<!--` and `<script` too (the "escaped
  script" state; "(<!--) and <script> tags" in a summary made the rest of the page script).
  `<`, `>` and `&` are written `\\u003c`, `\\u003e`, `\\u0026`, and U+2028/U+2029 (line
  separators to older JavaScript) `\\u2028`, `\\u2029`: the same JSON, no markup.
- XML text and attribute values (sitemaps; feeds are written by feedgenerator's XML
  writer, which escapes): `xml_text`, `xml_attribute`.
- A CSV cell (open data): `csv_cell`, which also keeps a spreadsheet from running a formula.
"""

import json
from xml.sax.saxutils import escape as _xml_escape
from xml.sax.saxutils import quoteattr

from markupsafe import escape as html

__all__ = ["csv_cell", "html", "script_json", "xml_attribute", "xml_text"]

SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                             "\u2028": "\\u2028", "\u2029": "\\u2029"})
# What a spreadsheet reads as the start of a formula (after any leading blanks it skips).
FORMULA = ("=", "+", "-", "@")
BLANKS = " \t\r\n"


def script_json(data):
    """`data` as JSON text that can stand inside any `<script>` element as it is."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).translate(SCRIPT_SAFE)


def xml_text(value):
    return _xml_escape(str(value))


def xml_attribute(value):
    """The value with its quotes: `href="…"`."""
    return quoteattr(str(value))


def csv_cell(value):
    """A spreadsheet never runs a cell as a formula: a cell whose first character, after
    spaces, tabs, CR or LF, is `=`, `+`, `-` or `@` gets a leading quote."""
    text = str(value)
    return "'" + text if text.lstrip(BLANKS)[:1] in FORMULA else text
