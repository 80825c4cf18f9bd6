"""What one build keeps for the next, under CACHE_PATH (`cache/`; `make clean` removes it,
`.gitignore` lists it). Nothing here is trusted by date: every entry is keyed by digests
of the bytes it was made from, so a stale entry is never used, only left unused.

- `BuildRecord` (`last-build.json`): the digest of every input of the last successful
  build (settings, plugin code, package versions, theme, content) and the state of the
  output it wrote. A build whose inputs are the same, into an output left as it was, is
  skipped: its warnings are given again and `output/` is not touched.
- `SourceStore` (`sources/`, newsbrief.store): each content file read, parsed and rendered
  (newsbrief.frontmatter), by the SHA-1 of its bytes and of the code and Markdown
  settings that read it. The reader takes an unchanged file's values and rendered body
  from it; the content checks, which read every file in every build, parse each file and
  compare, and a build whose reader was given values that are not what a file says starts
  again from the files (newsbrief.build.StoreMismatch).
- The page record (`pages.jsonl`, newsbrief.memo), bound to the site it describes.

The cache holds data, never code: JSON only (no pickle), every entry checked for its shape
when read; one that is not what this code writes is a miss. What comes from it is checked
as a fresh read would be, or bound to what it was made from: a stored file's text is split
and checked again and must give the stored front-matter and body, its values must be what
the checks parse from it, and its rendered body must be one the sanitiser leaves unchanged
(newsbrief.sanitize.is_clean, in the checks, which every build runs). The records
describe one site (its `output_state`) and are ignored when the output is another.
- Share cards (`cards/`, newsbrief.cards), by a digest of all that is drawn on them.
"""

import contextlib
import hashlib
import importlib.metadata
import json
import os
import stat
from pathlib import Path

from .store import cache_folder, open_data, typed

PLUGIN = Path(__file__).resolve().parent
PACKAGES = ("pelican", "markdown", "pyyaml", "pydantic", "jinja2", "babel", "nh3", "pillow", "pagefind")


def file_digest(path):
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()


def _canonical(value):
    """`value` with its sets sorted: a set's order changes from process to process."""
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    return value


def _stable(value):
    """A text for a setting's value that is the same from run to run, or None for a value
    that has none (an object shown by its address)."""
    text = repr(_canonical(value))
    return None if " at 0x" in text else text


def code_digest(extra=""):
    """The plugin's code and the versions of the packages it runs on."""
    digest = hashlib.sha1(extra.encode())
    for name in PACKAGES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
    for path in sorted(PLUGIN.rglob("*.py")):
        digest.update(f"{path.relative_to(PLUGIN)} {file_digest(path)}\n".encode())
    return digest.hexdigest()


def _tree(digest, folder):
    """Every entry under `folder`, by path and bytes; other kinds of entry by their kind
    (a pipe is never opened); an unreadable entry makes the digest unique."""
    for directory, folders, names in os.walk(folder, onerror=lambda error: digest.update(os.urandom(16))):
        folders.sort()
        for name in sorted(names + [f for f in folders if os.path.islink(os.path.join(directory, f))]):
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, folder)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                digest.update(f"{relative} -> {os.readlink(path)}\n".encode())
            elif stat.S_ISREG(info.st_mode) and not name.endswith(".pyc"):
                try:
                    digest.update(f"{relative} {file_digest(path)}\n".encode())
                except OSError:
                    digest.update(os.urandom(16))
            else:
                digest.update(f"{relative} mode {info.st_mode:o}\n".encode())


def settings_digest(settings):
    """The settings a build or a check depends on: all but where it writes (OUTPUT_PATH,
    CACHE_PATH). The settings hold settings only; what a build makes as it runs is in its
    state (newsbrief.state)."""
    digest = hashlib.sha1()
    for key in sorted(settings):
        text = _stable(settings[key]) if key not in ("OUTPUT_PATH", "CACHE_PATH") else None
        if text is not None:
            digest.update(f"{key}={text}\n".encode())
    return digest.hexdigest()


RECORD = {"inputs": str, "output": str, "warnings": list, "environment": str, "state": str}


class BuildRecord:
    """The last successful build's inputs and output (see the module docstring)."""

    def __init__(self, settings, settings_file):
        self.path = os.path.join(settings["CACHE_PATH"], "last-build.json")
        self.settings, self.settings_file = settings, settings_file

    def environment(self):
        """What every page depends on: the code, the settings and the theme (not the content)."""
        digest = hashlib.sha1((code_digest() + settings_digest(self.settings)).encode())
        # The settings file and those beside it that it may import (publishconf.py imports
        # pelicanconf.py): a function-valued setting has no stable value to compare.
        folder = os.path.dirname(os.path.abspath(self.settings_file))
        for path in sorted({os.path.abspath(self.settings_file), *map(str, Path(folder).glob("*conf.py"))}):
            digest.update(f"{os.path.basename(path)} {file_digest(path)}\n".encode())
        digest.update(f"\0{self.settings['THEME']}\0".encode())
        _tree(digest, self.settings["THEME"])
        return digest.hexdigest()

    def inputs(self, environment=None):
        digest = hashlib.sha1((environment or self.environment()).encode())
        digest.update(f"\0{self.settings['PATH']}\0".encode())
        _tree(digest, self.settings["PATH"])
        return digest.hexdigest()

    @staticmethod
    def output_state(output):
        """A digest of (path, size, modification time) of every file of the output."""
        digest, start = hashlib.sha1(), len(os.path.join(output, ""))
        for directory, folders, names in os.walk(output):
            folders.sort()
            for name in sorted(names):
                path = os.path.join(directory, name)
                info = os.lstat(path)
                digest.update(f"{path[start:]} {info.st_size} {info.st_mtime_ns}\n".encode())  # path from `output`
        return digest.hexdigest()

    def last(self, output):
        """The record of the last build, when `output` is as it left it; else {}."""
        try:
            with open_data(self.path) as handle:
                last = json.load(handle)
        except (OSError, ValueError, RecursionError):
            return {}
        if not typed(last, RECORD) or not all(type(w) is str for w in last["warnings"]) \
                or last["output"] != os.path.realpath(output) or not os.path.isdir(output) \
                or self.output_state(output) != last["state"]:
            return {}
        return last

    def unchanged(self, inputs, output, last=None):
        """The warnings of the last build when it had these inputs and `output` is as it
        left it; None when the site must be built."""
        last = self.last(output) if last is None else last
        return last.get("warnings", []) if last and last.get("inputs") == inputs else None

    def remember(self, inputs, output, warnings, environment, state):
        """Write the record of a build whose site (`state`: its output_state) is about to
        become `output`: written before the swap, it describes that site and no other."""
        cache_folder(os.path.dirname(self.path))
        record = {"inputs": inputs, "output": os.path.realpath(output), "warnings": list(warnings),
                  "environment": environment, "state": state}
        temporary = f"{self.path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(record, handle)
        os.replace(temporary, self.path)
