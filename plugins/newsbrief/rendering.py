"""A brief's or profile's Markdown body as HTML: rendered once per file, for the checks
(newsbrief.checks) and the reader Pelican calls (newsbrief.reader) alike.

- top-level text paragraphs get ids `p-1`, `p-2`, … so facts can cite them; raw HTML and
  comments never take a number, and no raw HTML can claim an id (`id` attributes of raw
  HTML are removed and reported: our ids carry a secret token until the body is clean);
- the HTML is cleaned to the allow-list of `sanitize.py`; every removal is reported (the
  checks turn them into warnings naming the file and line).

The reader then sets it in the house style and isolates Latin runs on right-to-left pages.
"""

import copy
import re
import secrets
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .sanitize import sanitize_body
from .state import state_of

RAW_HTML = re.compile(r"\s*(?:\x02wzxhzdk:\d+\x03\s*)+\Z")  # python-markdown's stash placeholders


class _ParagraphIds(Treeprocessor):
    def __init__(self, md, prefix):
        super().__init__(md)
        self.prefix = prefix

    def run(self, root: etree.Element):
        number = 0
        for element in root:
            if element.tag != "p" or (len(element) == 0 and RAW_HTML.match(element.text or "")):
                continue  # raw HTML or a comment on its own: not a paragraph of text
            number += 1
            element.set("id", f"{self.prefix}{number}")


class ParagraphIds(Extension):
    """Number the top-level text paragraphs `<prefix>1`, `<prefix>2`, …"""

    def __init__(self, prefix="p-"):
        super().__init__()
        self.processor = None
        self.prefix = prefix

    def extendMarkdown(self, md):
        self.processor = _ParagraphIds(md, self.prefix)
        md.treeprocessors.register(self.processor, "newsbrief_paragraph_ids", 1)


@dataclass
class Rendered:
    html: str
    paragraphs: int  # how many text paragraphs are numbered
    removed: list  # [(what, why)] the allow-list removed


class Renderer:
    """One Markdown converter, set up once (from the MARKDOWN setting, as Pelican's
    reader completes it) and reset for each body."""

    def __init__(self, markdown_settings):
        settings = copy.deepcopy(markdown_settings)
        extensions = [e for e in settings.get("extensions", []) if e != "markdown.extensions.meta"]
        extensions += [e for e in settings.get("extension_configs", {}) if e not in extensions]
        self.ids = ParagraphIds()
        settings["extensions"] = extensions + [self.ids]
        self.markdown = Markdown(**settings)

    def render(self, body):
        """The body as clean HTML, its text paragraphs numbered `p-1`, `p-2`, …"""
        token = f"nb{secrets.token_hex(8)}-"  # raw HTML cannot guess it, so cannot forge our ids
        self.ids.processor.prefix = token
        html = self.markdown.reset().convert(body)
        html, removed, paragraphs = sanitize_body(html, token)
        return Rendered(html, paragraphs, removed)


def render_source(source, settings):
    """The rendered body of a Source (newsbrief.frontmatter), rendered once and kept, by
    the build's one Renderer."""
    if source.rendered is None:
        state = state_of(settings)
        if state.renderer is None:
            state.renderer = Renderer(settings["MARKDOWN"])
        source.rendered = state.renderer.render(source.body)
    return source.rendered
