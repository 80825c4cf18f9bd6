"""Markdown with YAML front-matter, for every content type of the site.

Pelican's own Markdown reader only knows `key: value` lines; our profiles carry nested
facts (moves, sources), so the front-matter is YAML. The body is Markdown; top-level
paragraphs get ids `p-1`, `p-2`, … so facts can link to the paragraph that states them.
The rendered body is then cleaned to the raw-HTML allow-list of `sanitize.py` (each removal
is a warning naming the file), and in right-to-left languages Latin-script runs are
isolated with `<bdi>`.
"""

import re
import xml.etree.ElementTree as etree

import yaml
from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from .bidi import RTL_LANGUAGES, isolate_latin
from .report import content_logger, display_path
from .sanitize import sanitize

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)

logger = content_logger(__name__)


class FrontMatterError(ValueError):
    """A content file whose front-matter cannot be read; the message names the fix."""

    def __init__(self, path, line, field, problem, fix):
        self.path, self.line, self.field = path, line, field
        self.problem, self.fix = problem, fix
        super().__init__(f"{path}:{line}: {field}: {problem} — {fix}")


def split_front_matter(text, path):
    """Return (metadata dict, body, line number where the body starts)."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise FrontMatterError(
            path, 1, "front-matter", "the file does not start with a `---` block",
            "put the YAML fields between two `---` lines at the top of the file",
        )
    try:
        metadata = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise FrontMatterError(
            path, line, "front-matter", f"malformed YAML ({problem})",
            "check indentation and quote values that contain `:` or start with `[`, `{`, `*`",
        ) from None
    if not isinstance(metadata, dict):
        raise FrontMatterError(
            path, 2, "front-matter", "the block is not a list of `field: value` lines",
            "write one `field: value` per line",
        )
    body_line = match.group(0).count("\n") + 1
    return metadata, text[match.end():], body_line


class _ParagraphIds(Treeprocessor):
    def run(self, root: etree.Element):
        number = 0
        for element in root:
            if element.tag == "p":
                number += 1
                element.set("id", f"p-{number}")


class ParagraphIds(Extension):
    """Number the top-level paragraphs so that a fact can cite `#p-N`."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_ParagraphIds(md), "newsbrief_paragraph_ids", 1)


class YamlMarkdownReader(MarkdownReader):
    """Reads `.md` files whose front-matter is YAML."""

    file_extensions = ["md"]

    def read(self, source_path):
        with pelican_open(source_path) as text:
            raw, body, _ = split_front_matter(text, source_path)
        metadata = {}
        for name, value in raw.items():
            name = str(name).lower()
            if name in ("date", "modified"):
                value = str(value)
            metadata[name] = self.process_metadata(name, value) if isinstance(value, str) else value
        if "title" not in metadata and "name" in metadata:
            metadata["title"] = metadata["name"]
        settings = dict(self.settings["MARKDOWN"])
        settings["extensions"] = [
            e for e in settings.get("extensions", []) if e != "markdown.extensions.meta"
        ] + [ParagraphIds()]
        content = Markdown(**settings).convert(body)
        # Clean before adding our own markup (`<bdi>`; the paragraph ids are allowed).
        content, removed = sanitize(content, display_path(self.settings, source_path))
        # Given when the content object is made (plugin: give_content_warnings), so that a
        # result from Pelican's content cache gives its warnings again.
        metadata["content_warnings"] = removed
        lang = metadata.get("lang", self.settings["DEFAULT_LANG"])
        if lang in RTL_LANGUAGES:
            content = isolate_latin(content)
        return content, metadata
