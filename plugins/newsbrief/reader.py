"""Markdown with YAML front-matter, for every content type of the site.

Pelican's own Markdown reader only knows `key: value` lines; our profiles carry nested
facts (moves, sources), so the front-matter is YAML, read by newsbrief.frontmatter (the
same reading the checks use). The body is Markdown, rendered once by `render()`:

- top-level text paragraphs get ids `p-1`, `p-2`, … so facts can cite them; raw HTML and
  comments never take a number, and no raw HTML can claim an id (`id` attributes of raw
  HTML are removed and reported: our ids carry a secret token until the body is clean);
- the HTML is cleaned to the allow-list of `sanitize.py`; every removal is reported (the
  checks turn them into warnings naming the file and line);
- in right-to-left languages Latin-script runs are isolated with `<bdi>`.

Front-matter values become `PlainText`: text that templates escape, never HTML; `summary`,
which Pelican treats as HTML, becomes the HTML of its text.
"""

import copy
import os
import re
import secrets
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pelican.readers import MarkdownReader

from .housestyle import typeset_html, typeset_value
from .bidi import RTL_LANGUAGES, isolate_latin
from .escaping import html as escape
from .frontmatter import FRONT_MATTER, FrontMatterError, parse, sources_of  # noqa: F401 (re-exported)
from .report import content_logger, display_path, wait_for_checks
from .sanitize import sanitize_body
from .text import as_plain_text

logger = content_logger(__name__)
RAW_HTML = re.compile(r"\s*(?:\x02wzxhzdk:\d+\x03\s*)+\Z")  # python-markdown's stash placeholders


def split_front_matter(text, path):
    """Return (metadata dict, body, line number where the body starts)."""
    data, _, body, body_line = parse(text, path)
    return data, body, body_line


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


def render(body, markdown_settings):
    return Renderer(markdown_settings).render(body)


def render_source(source, settings):
    """The rendered body of a Source, rendered once and kept."""
    if source.rendered is None:
        source.rendered = sources_of(settings).renderer(Renderer, settings["MARKDOWN"]).render(source.body)
    return source.rendered


class YamlMarkdownReader(MarkdownReader):
    """Reads `.md` files whose front-matter is YAML, only those the checks accepted."""

    file_extensions = ["md"]

    def read(self, source_path):
        try:
            return self._read(source_path)
        except Exception:
            wait_for_checks(self.settings)  # the checks' problem, with its fix, comes first
            raise

    def _read(self, source_path):
        sources = sources_of(self.settings)
        shown = display_path(self.settings, source_path)
        if sources.checked is not None and os.path.realpath(source_path) not in sources.checked:
            raise FrontMatterError(shown, 1, "file", "the checks did not accept this file",
                                   "run `make check` and fix what it reports")
        source = sources.load(source_path, shown, keep=False)  # its content object keeps what pages show
        metadata = {}
        lang = source.data.get("lang") or self.settings["DEFAULT_LANG"]
        for name, value in source.data.items():
            name = str(name).lower()
            value = value if name == "url" else typeset_value(value, lang)  # the house style
            if isinstance(value, str):
                value = self.process_metadata(name, value)
            # Pelican treats `summary` as HTML (and rewrites it as a plain string): give it
            # the HTML of the text; every other value is PlainText, which templates escape.
            metadata[name] = str(escape(value)) if name == "summary" and isinstance(value, str) else as_plain_text(value)
        if "title" not in metadata and "name" in metadata:
            metadata["title"] = metadata["name"]
        rendered = render_source(source, self.settings)
        if sources.checked is None:  # read without the checks: report removals here
            for what, why in rendered.removed:
                logger.warning("%s: removed %s — %s", shown, what, why)
        content = typeset_html(rendered.html, lang)
        if lang in RTL_LANGUAGES:
            content = isolate_latin(content)
        return content, metadata
