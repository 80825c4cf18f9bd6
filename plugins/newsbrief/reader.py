"""Markdown with YAML front-matter, for every content type of the site.

Pelican's own Markdown reader only knows `key: value` lines; our profiles carry nested
facts (moves, sources), so the front-matter is YAML, read by newsbrief.frontmatter (the
same reading the checks use). The body is Markdown, rendered once (newsbrief.rendering:
paragraph ids, the allow-list), then set in the house style; in right-to-left languages
Latin-script runs are isolated with `<bdi>`.

Front-matter values become `PlainText`: text that templates escape, never HTML; `summary`,
which Pelican treats as HTML, becomes the HTML of its text.
"""

import os

from pelican.readers import MarkdownReader

from .bidi import RTL_LANGUAGES, isolate_latin
from .escaping import html as escape
from .frontmatter import FrontMatterError
from .housestyle import typeset_html, typeset_value
from .rendering import render_source
from .report import content_logger, display_path, wait_for_checks
from .state import state_of
from .text import as_plain_text

logger = content_logger(__name__)


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
        sources = state_of(self.settings).sources
        shown = display_path(self.settings, source_path)
        if sources.checked is not None and source_path not in sources.checked \
                and os.path.realpath(source_path) not in sources.checked:  # the checks' paths are real paths
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
