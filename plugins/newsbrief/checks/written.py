"""A content file as written: its front-matter (with the line where each field is written)
and its body; and `Problem`, what the checks report about it.

A problem reads `path:line: field: what is wrong — how to fix it`; `WrittenFile.at()`
finds the line of a field from its location in the YAML (`("moves", 0, "to")`). The file's
own checks are those of `ContentFile` (checks/contentfile.py), built on this class.
"""

import re
from dataclasses import dataclass

import yaml

from .explain import format_loc


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project, e.g. content/people/jane-doe.ar.md
    line: int
    field: str
    message: str  # what is wrong
    fix: str  # how to fix it
    severity: str = "error"  # or "warning", which does not fail the build

    def __str__(self):
        line = f"{self.path}:{self.line}: {self.field}: {self.message} — {self.fix}"
        # one line, read as written: control, format and bidi characters (in a file name
        # or a quoted value) are shown as `\u202e`, never obeyed by the terminal
        return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in line)


class WrittenFile:
    """One Markdown file of the content: its front-matter, the line of each field, its body."""

    def __init__(self, path, shown):
        self.path, self.shown = path, shown
        self.data, self._tree = {}, None
        self.body, self.body_line = "", 1
        self.source = None  # the newsbrief.frontmatter.Source, once read

    def use(self, source):
        """Take the front-matter and body read by newsbrief.frontmatter."""
        self.source = source
        self.data = source.data
        self.body, self.body_line = source.body, source.body_line

    def line_of(self, needle=None, pattern=None):
        """The line of the body where `needle` (or the regex `pattern`) is first written;
        the body's first line if nowhere."""
        if pattern is not None:
            found = re.search(pattern, self.body, re.IGNORECASE)
            position = found.start() if found else -1
        else:
            position = self.body.find(needle) if needle else -1
        return self.body_line + (self.body.count("\n", 0, position) if position >= 0 else 0)

    def text(self, key):
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    @property
    def slug(self):
        return self.text("slug")

    @property
    def lang(self):
        return self.text("lang")

    @property
    def name_parts(self):
        """(stem, language) of `<slug>.<lang>.md`; language is None without one."""
        stem, _, lang = self.path.name.removesuffix(".md").rpartition(".")
        return (stem, lang) if stem else (lang, None)

    @property
    def is_draft(self):
        return self.data.get("status") == "draft"

    @property
    def tree(self):
        """The YAML nodes of the front-matter (newsbrief.frontmatter.Source.nodes)."""
        if self._tree is None and self.source is not None:
            self._tree = self.source.nodes()
        return self._tree

    def forget_tree(self):
        """Drop the nodes (composed again if a problem needs a line): a check holds every file."""
        self._tree = None
        if self.source is not None:
            self.source.tree = None

    def line(self, loc):
        """The line of the field at `loc` (or of the nearest group that holds it)."""
        node, line = self.tree, 1
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == key), None)
                if pair is None:
                    break
                line, node = pair[0].start_mark.line + 2, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                line = node.start_mark.line + 2
            else:
                break
        return line

    def node(self, loc):
        node = self.tree
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
            else:
                return None
        return node

    def scalar(self, loc):
        """The value at `loc` exactly as written (`no`, not False), or None."""
        node = self.node(loc)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def at(self, loc, message, fix, severity="error"):
        """A problem with the field at `loc`."""
        return Problem(self.shown, self.line(loc), format_loc(loc), message, fix, severity)

    def about(self, field, line, message, fix, severity="error"):
        """A problem with the file itself (`file`, `body`, `translation`)."""
        return Problem(self.shown, line, field, message, fix, severity)
