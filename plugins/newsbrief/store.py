"""The store of content files read, parsed and rendered by earlier builds, and of each
file's own checks (`CACHE_PATH/sources/`, see newsbrief.cache): data only, never code."""

import contextlib
import errno
import json
import math
import os
import shutil
import stat
import tempfile

from .frontmatter import check_body, parse, split
from .rendering import Rendered
from .sanitize import is_clean
from .text import fold


def cache_folder(path):
    """`path`, a folder of the cache, made where missing. Whatever stands in its place or in
    that of a folder above it (a file, a pipe, a link to nothing) is not the cache's own and is
    removed: a foreign cache is a miss, never a failed build."""
    path = os.path.normpath(path)
    parent = os.path.dirname(path)
    if parent and parent != path and not os.path.isdir(parent):
        cache_folder(parent)
    if os.path.lexists(path) and not os.path.isdir(path):
        os.remove(path)
    os.makedirs(path, exist_ok=True)
    return path


class SourceStore:
    """Content files read, parsed and rendered by an earlier build, by the digest of their
    bytes and of what read them (`key`), and each file's own checks (newsbrief.checks.discovery):
    one JSON file per entry under CACHE_PATH/sources/. Data only, never code: an entry is
    checked for its shape when read, and one that is not what this code writes (truncated,
    garbage, another key's, of another type) is a miss, written again once read afresh."""

    KEEP = 2  # folders kept: this code's and the one before (a branch switched back)

    def __init__(self, folder, key):
        root = os.path.join(folder, "sources")
        self.folder, self.key = os.path.join(root, key[:16]), key
        self.saved, self.rejected = set(), set()
        self.mismatched = set()  # paths whose stored values are not what their text gives
        cache_folder(self.folder)
        os.utime(self.folder)
        others = sorted((os.path.join(root, entry) for entry in os.listdir(root)), key=os.path.getmtime)
        for old in others[: -self.KEEP]:  # what older code read: never used again
            shutil.rmtree(old, ignore_errors=True)
        for legacy in ("pages.pickle", "pages.pickle.new"):  # what code before JSON wrote: never read
            with contextlib.suppress(OSError):
                os.remove(os.path.join(folder, legacy))

    def _path(self, digest):
        return os.path.join(self.folder, digest[:2], digest + ".json")

    def get(self, digest):
        """The value stored under `digest`, or None (a miss)."""
        try:
            with open_data(self._path(digest)) as handle:
                entry = json.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, RecursionError):
            entry = None
        if isinstance(entry, dict) and entry.get("key") == digest and entry.get("code") == self.key \
                and "value" in entry:
            return entry["value"]
        self.rejected.add(digest)
        return None

    def put(self, digest, value):
        """Keep `value` (plain data) under `digest`; a cache that cannot be written is not kept."""
        path = self._path(digest)
        if digest in self.saved or (digest not in self.rejected and os.path.exists(path)):
            return
        temporary = None
        try:
            cache_folder(os.path.dirname(path))
            handle, temporary = tempfile.mkstemp(suffix=".tmp", dir=os.path.dirname(path))
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"key": digest, "code": self.key, "value": value}, out, ensure_ascii=False,
                          allow_nan=False, separators=(",", ":"))
            os.replace(temporary, path)
        except (OSError, ValueError, TypeError):
            if temporary:
                with contextlib.suppress(OSError):
                    os.remove(temporary)
            return
        self.saved.add(digest)

    def put_source(self, digest, source):
        """Keep a file read, parsed and rendered (a newsbrief.frontmatter.Source); its values
        only when they are plain data (else, a YAML set or number key, they are parsed afresh)."""
        rendered = source.rendered
        value = {"front": source.front, "body": source.body, "body_line": source.body_line,
                 "html": rendered.html, "paragraphs": rendered.paragraphs, "removed": [list(r) for r in rendered.removed],
                 "data": source.data if plain(source.data) else None}
        if plain(value):
            self.put(digest, value)

    def source(self, digest, source, text, verify=False):
        """`source` (its path and name only) completed from the store, or None (a miss). Its
        text is always split and checked afresh (control characters, a second block) and must
        give the stored front-matter and body. Its values come from the store, or, with
        `verify` (the content checks, which read every file in every build) or when none were
        stored, from parsing the text. With `verify`, its rendered body must also be one the
        sanitiser leaves unchanged (a second pass of the sanitiser over every file: the
        reader, without `verify`, leaves it to the checks); a stored value that is not what
        the text gives, or a body that is not clean, marks the entry `mismatched` (the build
        then reads again, verifying every entry itself: newsbrief.build)."""
        value = self.get(digest)
        try:
            if value is None or not typed(value, SOURCE):
                raise ValueError(digest)
            front, body, body_line = split(text, source.shown)
            check_body(body, body_line, source.shown)
            body = fold(body)
            stored = value["data"]
            removed = [tuple(r) for r in value["removed"]]
            if (front, body, body_line) != (value["front"], value["body"], value["body_line"]) \
                    or not plain(value) or not (stored is None or type(stored) is dict) \
                    or any(len(r) != 2 or not all(type(x) is str for x in r) for r in removed):
                raise ValueError(digest)
            data = stored
            if verify or stored is None:
                data = parse(text, source.shown)[0]
            if verify and not is_clean(value["html"], value["paragraphs"]):
                self.mismatched.add(source.path)  # the reader took it as it is (below): read again
                raise ValueError(digest)
            if verify and stored is not None and as_json(data) != as_json(stored):
                self.mismatched.add(source.path)
                raise ValueError(digest)
        except ValueError:  # FrontMatterError too: read afresh, it is reported as always
            if value is not None:
                self.rejected.add(digest)
            return None
        source.data, source.front, source.body, source.body_line = data, front, body, body_line
        source.rendered = Rendered(value["html"], value["paragraphs"], removed)
        return source


def as_json(value):
    """`value` as JSON text: equal only for values of the same types (1 is not 1.0 nor true)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def open_data(path, limit=64_000_000):
    """A file of the cache, opened as text only if it is a regular file of at most `limit`
    bytes (none this code writes is near it): never a pipe (which would wait for ever), a
    device or a link. Raises OSError (FileNotFoundError when there is none)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(descriptor)
        raise OSError(errno.EINVAL, "not a file of the cache", path)
    return os.fdopen(descriptor, encoding="utf-8")


SOURCE = {"front": str, "body": str, "body_line": int, "html": str, "paragraphs": int, "removed": list,
          "data": object}


def typed(value, fields):
    """Whether `value` is a dict of exactly `fields` (name: type, `object` for any; bool is not an int)."""
    return type(value) is dict and value.keys() == fields.keys() and \
        all(kind is object or type(value[name]) is kind for name, kind in fields.items())


def plain(value, depth=0):
    """Whether `value` is plain data (what JSON gives back as it was): text, numbers,
    booleans, None, lists and dicts with text keys, not nested absurdly deep."""
    if value is None or type(value) in (str, bool, int):
        return True
    if type(value) is float:
        return math.isfinite(value)
    if depth > 100:
        return False
    if type(value) is list:
        return all(plain(v, depth + 1) for v in value)
    if type(value) is dict:
        return all(type(k) is str and plain(v, depth + 1) for k, v in value.items())
    return False
