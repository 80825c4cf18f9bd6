"""Reading a content file: the one place where its bytes become front-matter and body.

The checks (newsbrief.checks) and the reader Pelican calls (newsbrief.reader) both read
through `Sources.load()`, so they see the same values; each file is read and parsed once
per process (the build's `Sources`, in its state (newsbrief.state), keeps them by path,
size and mtime).

Reading is bounded, whatever the file holds:
- a file larger than `NEWSBRIEF_MAX_FILE_SIZE` bytes (default 1 MB) is refused unread;
- YAML aliases (`&a` … `*a`, the "billion laughs") and merge keys (`<<:`) are refused,
  and nesting deeper than `MAX_DEPTH` is refused, all before anything is built from the
  YAML (a pass over libyaml's events, which never recurses);
- control characters (a form feed pasted from a PDF, a NUL byte) are refused with their
  line and column; a second `---` block after the fields is refused.

Values are built by libyaml (CSafeLoader) when it is there, dates are kept as written (the
schema explains `2026-13-40`), and every string is NFC with Arabic presentation forms
folded (newsbrief.text.fold).
"""

import hashlib
import os
import re
from dataclasses import dataclass, field

import yaml

from .text import CONTROL_FIX, char_name, control_characters, fold, fold_all

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)
OPENING = re.compile(r"---[ \t]*\n")
EMPTY_FIELDS = re.compile(r"---[ \t]*\n\s*---[ \t]*(?:\n|\Z)")
CLOSING = re.compile(r"\n---[ \t]*(?:\n|\Z)")
SECOND_BLOCK = re.compile(r"\A\s*---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.DOTALL)
MAX_FILE_SIZE = 1_000_000
MAX_DEPTH = 20

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TextDatesLoader(_Base):
    """Safe YAML (libyaml when available) that keeps dates as written."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class FrontMatterError(ValueError):
    """A content file that cannot be read; the message names the line, field and fix."""

    def __init__(self, path, line, field, problem, fix):
        self.path, self.line, self.field = path, line, field
        self.problem, self.fix = problem, fix
        super().__init__(f"{path}:{line}: {field}: {problem} — {fix}")


@dataclass
class Source:
    """A content file, read: `data` (front-matter values), `front` (their YAML text),
    `body` (Markdown) and the line where the body starts. `nodes()` gives the YAML nodes
    (for line numbers and values as written)."""

    path: str
    shown: str
    data: dict = field(default_factory=dict)
    front: str = ""
    body: str = ""
    body_line: int = 1
    rendered: object = None  # set by the reader: the body as HTML, once
    # The nodes made by the parse, until the file's own checks ran (`forget_nodes`): they
    # took ten times the memory of the text, 1.3 GB at 10,000 briefs, and are rarely needed after.
    tree: object = field(default=None, repr=False)

    def nodes(self):
        """The YAML nodes of the front-matter: kept from the parse, or composed again."""
        if self.tree is not None or not self.front:
            return self.tree
        loader = TextDatesLoader(self.front)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()


def _scan(source, max_depth, fail):
    """Refuse aliases, merge keys and deep nesting from libyaml's events, before any
    value is built."""
    depth = 0
    for event in yaml.parse(source, Loader=TextDatesLoader):
        line = event.start_mark.line + 2 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            fail(line, "front-matter", f"YAML alias `*{event.anchor}`",
                 "write the value out in full: aliases (`&name`, `*name`) are not allowed")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > max_depth:
                fail(line, "front-matter", f"the fields are nested more than {max_depth} levels deep",
                     "write the fields flat, as docs/editing.md shows")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            fail(line, "front-matter", "YAML merge key `<<`",
                 "write every field out in full: merge keys are not allowed")


def _python_error(source):
    """The error PyYAML's own parser gives for `source` (which libyaml refused), or None.
    The scan has already bounded the nesting up to the error, so this cannot recurse far."""
    try:
        yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    return None


def split(text, shown):
    """(front, body as written, body_line) of a file's text, after every check of the text
    itself (not of its YAML); raise FrontMatterError. Cheap: a stored file is checked so too."""

    def fail(line, field, problem, fix):
        raise FrontMatterError(shown, line, field, problem, fix)

    if not text.strip():
        fail(1, "file", "the file is empty",
             "start it with its fields between two `---` lines (`make new-…` writes them)")
    if EMPTY_FIELDS.match(text):
        fail(1, "front-matter", "there are no fields between the `---` lines",
             "write the fields, one `field: value` per line")
    if OPENING.match(text) and not CLOSING.search(text):
        fail(1, "front-matter", "the fields have no closing `---` line",
             "add a line with only `---` after the last field, before the text")
    match = FRONT_MATTER.match(text)
    if not match:
        fail(1, "front-matter", "the file does not start with a `---` block",
             "put the YAML fields between two `---` lines at the top of the file")
    body_line = match.group(0).count("\n") + 1
    for offset, char in control_characters(text):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        fail(line, "body" if line >= body_line else "front-matter",
             f"control character {char_name(char)} at column {column}",
             CONTROL_FIX)
    return match.group("yaml"), text[match.end():], body_line


def check_body(body, body_line, shown):
    """Refuse a second `---` block after the fields."""
    second = SECOND_BLOCK.match(body)
    if second:
        line = body_line + body[: second.start() + len(second.group(0)) - len(second.group(0).lstrip())].count("\n")
        raise FrontMatterError(shown, line, "body", "a second `---` block after the fields",
                               "move its fields into the first block and delete the second `---` lines")


def parse(text, shown, max_depth=MAX_DEPTH):
    """(data, front, tree, body, body_line) of a file's text; raise FrontMatterError."""

    def fail(line, field, problem, fix):
        raise FrontMatterError(shown, line, field, problem, fix)

    source, body, body_line = split(text, shown)
    try:
        _scan(source, max_depth, fail)
        loader = TextDatesLoader(source)
        try:
            tree = loader.get_single_node()
            data = loader.construct_document(tree) if tree is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        error = _python_error(source) or error  # libyaml's words differ; PyYAML's are clearer
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        fail(line, "front-matter", f"malformed YAML ({problem})",
             "check indentation and quote values that contain `:` or start with `[`, `{`, `*`")
    if not isinstance(data, dict):
        fail(2, "front-matter", "the block is not a list of `field: value` lines",
             "write one `field: value` per line")
    check_body(body, body_line, shown)
    return fold_all(data), source, tree, fold(body), body_line


class Sources:
    """The content files read in this process, each read and parsed once."""

    def __init__(self, settings):
        self.max_size = settings.get("NEWSBRIEF_MAX_FILE_SIZE", MAX_FILE_SIZE)
        self.cache = {}
        self.checked = None  # the set of paths the checks accepted, once they ran
        self.store = None  # a newsbrief.store.SourceStore: files read by earlier builds
        self.verify = False  # parse every file, comparing with the store's values (the checks do)
        self.digests = {}  # path -> SHA-1 of the bytes read

    def save(self):
        """Keep every file read in this build, rendered, for the next build's store."""
        if self.store is None:
            return
        for source in self.cache.values():
            if isinstance(source, Source) and source.rendered is not None and source.path in self.digests:
                self.store.put_source(self.digests[source.path], source)

    def load(self, path, shown, keep=True):
        """The Source of `path`; raise FrontMatterError when it cannot be read. `keep=False`:
        forgotten once given (Pelican's reader reads each file once)."""
        path = os.fspath(path)
        try:
            info = os.stat(path)
        except OSError as error:
            raise FrontMatterError(shown, 1, "file", f"the file cannot be read ({error.strerror})",
                                   "check that it exists and that you may read it") from None
        key = (path, info.st_size, info.st_mtime_ns)
        cached = self.cache.get(key)
        if isinstance(cached, FrontMatterError):
            raise cached
        if cached is not None:
            if not keep:
                del self.cache[key]
            return cached
        try:
            source = self._read(path, shown, info)
        except FrontMatterError as error:
            self.cache[key] = error
            raise
        if keep:
            self.cache[key] = source
        return source

    def _read(self, path, shown, info):
        if info.st_size > self.max_size:
            raise FrontMatterError(
                shown, 1, "file", f"the file is {info.st_size:,} bytes, more than the limit of {self.max_size:,}",
                "split it, or remove what was pasted by mistake (the limit is NEWSBRIEF_MAX_FILE_SIZE)",
            )
        try:
            with open(path, "rb") as handle:
                raw = handle.read(self.max_size + 1)
        except OSError as error:
            raise FrontMatterError(shown, 1, "file", f"the file cannot be read ({error.strerror})",
                                   "check that you may read it (chmod u+r)") from None
        try:
            text = raw.decode("utf-8-sig")  # as Pelican reads: a byte-order mark is dropped
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise FrontMatterError(
                shown, line, "file", f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
                "save it with the UTF-8 encoding (in your editor: Save with Encoding, UTF-8)",
            ) from None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self.store is not None:
            digest = self.digests[path] = hashlib.sha1(raw).hexdigest()
            stored = self.store.source(digest, Source(path, shown), text, self.verify)
            if stored is not None:  # parsed and rendered by an earlier build, its text checked again
                return stored
        data, front, tree, body, body_line = parse(text, shown)
        return Source(path, shown, data, front, body, body_line, tree=tree)

