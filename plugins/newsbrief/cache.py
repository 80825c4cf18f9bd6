"""Build caches: what the last build learnt about each file, reused when the file is the same.

Everything lives under one folder, `.cache/` at the project root by default (`make clean`
removes it, `.gitignore` lists it; `--cache-path` or the CACHE_PATH override moves it),
in a subfolder named by a digest of everything else the cached results depend on: the
settings, the plugin's own code and the versions of Pelican, Markdown, PyYAML and pydantic.
A change of any of them starts a new, empty subfolder (only the last three are kept), so a
cached result is never used with other settings or code. Within a subfolder each entry is
keyed by the file's path and the SHA-1 of its bytes, never by its modification time.

- `ValidationCache`: the content check's result per file (`newsbrief.validate`). Only a
  file with no problem of its own is kept; its fields are validated again from the cached
  YAML data (cheap) and its YAML tree, needed only to give the line of a problem found
  across files, is parsed again only then. The checks across files always run.
- Pelican's content cache (`CACHE_CONTENT`, reader layer): each file's Markdown and
  front-matter as read, for every generator, ours included (`CachingGenerator`).
- `MentionCache`: each brief's text with its mentions linked, and the warnings of the
  mention check, by the brief's text, its lists and the names of every profile.
- `last build`: the digest of every input of the build (settings, code, theme, catalogues,
  content) and of the output it wrote. When nothing changed and the output is as the build
  left it, the build is skipped (its warnings are given again).
"""

import hashlib
import importlib.metadata
import logging
import os
import pickle
import shutil
from pathlib import Path

from .contentfile import ContentFile
from .report import display_path

PLUGIN = Path(__file__).resolve().parent
KEEP = 3  # cache folders kept, the current one included
PACKAGES = ("pelican", "markdown", "pyyaml", "pydantic", "jinja2", "babel", "nh3")


def file_digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha1(handle.read()).hexdigest()


def _stable(value):
    """A text for a setting's value that is the same from run to run (objects' addresses
    are left out), or None for a value that has none."""
    text = repr(value)
    return None if " at 0x" in text else text


def settings_digest(settings):
    """A digest of what cached results depend on besides the files themselves."""
    digest = hashlib.sha1()
    for key in sorted(settings):
        if key in ("OUTPUT_PATH", "CACHE_PATH"):  # the staging folder changes every build
            continue
        text = _stable(settings[key])
        if text is not None:
            digest.update(f"{key}={text}\n".encode())
    for name in PACKAGES:
        try:
            digest.update(f"{name} {importlib.metadata.version(name)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    for path in sorted(PLUGIN.rglob("*.py")):
        digest.update(path.name.encode() + file_digest(path).encode())
    return digest.hexdigest()[:16]


def _load(path, default):
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.PickleError, AttributeError, ImportError, ValueError):
        return default


def _save(path, value):
    """Write by rename, so that an interrupted build never leaves a torn cache file."""
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


class BuildCache:
    """The cache folder of one set of settings and code."""

    def __init__(self, root, settings):
        self.root = Path(root).absolute()
        self.folder = self.root / settings_digest(settings)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.utime(self.folder)
        # Keep the folders of the last few settings (another content folder, drafts on or
        # off); older ones are of settings or code gone by.
        others = sorted((p for p in self.root.iterdir() if p.is_dir() and p != self.folder),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for other in others[KEEP - 1:]:
            shutil.rmtree(other, ignore_errors=True)
        self.digests = {}
        self.theme = settings["THEME"]
        self.writer = None  # the IncrementalWriter of the build, if any

    def digest(self, path):
        """The SHA-1 of a file's bytes, computed once per build."""
        key = str(path)
        if key not in self.digests:
            self.digests[key] = file_digest(path)
        return self.digests[key]

    def pelican_settings(self, settings):
        """Turn on Pelican's content cache, in this folder, checked by content hash."""
        settings.update(
            CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CONTENT_CACHING_LAYER="reader",
            CHECK_MODIFIED_METHOD="sha1", GZIP_CACHE=False, CACHE_PATH=str(self.folder / "pelican"),
        )
        return settings

    # --- the whole build ----------------------------------------------------------------

    def inputs_digest(self, settings, settings_file):
        """Everything a build reads: settings file, theme, plugin, content."""
        digest = hashlib.sha1(self.folder.name.encode())
        folders = [settings["THEME"], str(PLUGIN), settings["PATH"]]
        files = [settings_file] + [os.path.join(os.path.dirname(os.path.abspath(settings_file)), name)
                                   for name in ("pelicanconf.py", "publishconf.py")]
        for path in files:
            if os.path.isfile(path):
                digest.update(f"{path} {self.digest(path)}\n".encode())
        for folder in folders:
            for directory, subfolders, names in os.walk(folder):
                subfolders.sort()
                for name in sorted(names):
                    if name.endswith((".pyc", ".tmp")):
                        continue
                    path = os.path.join(directory, name)
                    digest.update(f"{path} {self.digest(path)}\n".encode())
        return digest.hexdigest()

    @staticmethod
    def output_state(output):
        """(path, size, modification time) of every file of the output folder."""
        state = []
        for directory, subfolders, names in os.walk(output):
            subfolders.sort()
            for name in sorted(names):
                stat = os.stat(os.path.join(directory, name))
                state.append((os.path.relpath(os.path.join(directory, name), output), stat.st_size, stat.st_mtime_ns))
        return state

    def unchanged(self, inputs, output):
        """The warnings of the last build when it had the same inputs and its output is
        untouched; None when the site must be built."""
        last = _load(self.folder / "last-build.pickle", None)
        if not last or last["inputs"] != inputs or last["output"] != os.path.abspath(output):
            return None
        if not os.path.isdir(output) or self.output_state(output) != last["state"]:
            return None
        return last["warnings"]

    def remember(self, inputs, output, warnings):
        _save(self.folder / "last-build.pickle", {
            "inputs": inputs, "output": os.path.abspath(output), "warnings": list(warnings),
            "state": self.output_state(output),
        })

    def global_stamp(self):
        """A digest of what every page depends on: settings, code (this folder) and theme."""
        digest = hashlib.sha1(self.folder.name.encode())
        for directory, subfolders, names in os.walk(self.theme):
            subfolders.sort()
            for name in sorted(names):
                path = os.path.join(directory, name)
                digest.update(f"{os.path.relpath(path, self.theme)} {self.digest(path)}\n".encode())
        return digest.hexdigest()

    def previous_pages(self, output):
        """{name: (stamp, size, mtime)} of the pages of the last build into `output`."""
        last = _load(self.folder / "pages.pickle", None)
        if not last or last["output"] != os.path.abspath(output):
            return {}
        return last["pages"]

    def remember_pages(self, output, pages):
        _save(self.folder / "pages.pickle", {"output": os.path.abspath(output), "pages": pages})

    def forget(self):
        try:
            os.remove(self.folder / "last-build.pickle")
        except FileNotFoundError:
            pass


class ValidationCache:
    """The content check's result per file, by the SHA-1 of its bytes (see the module)."""

    FIELDS = ("data", "body_line", "paragraphs", "placeholders")

    def __init__(self, build_cache):
        self.build_cache = build_cache
        self.path = build_cache.folder / "validate.pickle"
        self.entries = _load(self.path, {})
        self.seen = {}
        self.hits = 0

    def read(self, validator, path):
        """`validator.read(path)`, or its result from the cache."""
        digest = self.build_cache.digest(path)
        entry = self.entries.get(str(path))
        if entry is not None and entry["digest"] == digest:
            file = self._restore(validator, path, entry)
            if file is not None:
                self.hits += 1
                self.seen[str(path)] = entry
                return file
        before = len(validator.problems)
        file = validator.read(path)
        if file is not None and file.readable and file.model is not None and len(validator.problems) == before:
            entry = {"digest": digest, **{name: getattr(file, name) for name in self.FIELDS}}
            self.seen[str(path)] = entry
        return file

    @staticmethod
    def _restore(validator, path, entry):
        kind = validator.kind_of(path.relative_to(validator.content))
        if kind is None:
            return None
        file = CachedFile(path, validator.shown(path), kind)
        for name in ValidationCache.FIELDS:
            setattr(file, name, entry[name])
        file.readable = True
        model = kind.model if validator.is_default(file) else kind.translation
        file.model = model.model_validate(file.data, context={"languages": validator.languages})
        return file

    def save(self):
        _save(self.path, self.seen)  # files no longer in the content are dropped


class CachedFile(ContentFile):
    """A file whose check came from the cache: its YAML tree, needed only for the line of
    a problem found across files, is parsed from the file when first asked for."""

    @property
    def tree(self):
        if self.__dict__.get("_tree") is None:
            text = self.path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            fresh = ContentFile(self.path, self.shown, self.kind)
            fresh.parse(text)
            self.__dict__["_tree"] = fresh.tree
        return self.__dict__["_tree"]

    @tree.setter
    def tree(self, value):
        self.__dict__["_tree"] = value


def profile_names_digest(people, companies):
    """A digest of every profile's names, aliases and address, in every language: what
    mentions are found and linked by."""
    digest = hashlib.sha1()
    for kind, profiles in (("person", people), ("company", companies)):
        for profile in sorted(profiles, key=lambda p: p.slug):
            for version in (profile, *profile.translations):
                digest.update(repr((
                    kind, profile.slug, version.lang, getattr(version, "name", None) or version.title,
                    [str(a) for a in getattr(version, "aliases", None) or []], version.url,
                )).encode())
    return digest.hexdigest()


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


class MentionCache:
    """`mentions.link_briefs` for the briefs whose text, lists or profiles' names changed;
    the others get their linked text and their warnings from the last build."""

    def __init__(self, build_cache):
        self.path = build_cache.folder / "mentions.pickle"
        self.entries = _load(self.path, {})

    def link(self, link_briefs, briefs, people, companies, settings):
        logger = logging.getLogger(link_briefs.__module__)
        names = profile_names_digest(people, companies)
        seen, todo = {}, []
        for brief in briefs:
            items = (brief, *brief.translations)
            key = hashlib.sha1(names.encode() + repr([
                (item.source_path, item.lang, item._content, getattr(item, "people", None),
                 getattr(item, "companies", None)) for item in items
            ]).encode()).hexdigest()
            entry = self.entries.get(key)
            if entry is None or len(entry["contents"]) != len(items):
                todo.append((key, brief, items))
                continue
            for item, content in zip(items, entry["contents"]):
                item._content = content
            for message in entry["warnings"]:
                logger.warning("%s", message)
            seen[key] = entry
        if todo:
            capture = _Capture()
            logger.addHandler(capture)
            try:
                link_briefs([brief for _, brief, _ in todo], people, companies, settings)
            finally:
                logger.removeHandler(capture)
            claimed = set()
            for key, brief, items in todo:
                paths = tuple(display_path(settings, item.source_path) + ":" for item in items)
                mine = [m for m in capture.messages if m.startswith(paths)]
                claimed.update(mine)
                seen[key] = {"contents": [item._content for item in items], "warnings": mine}
            if not set(capture.messages) <= claimed:  # a warning of no one brief: keep nothing new
                seen = {key: entry for key, entry in seen.items() if key in self.entries}
        _save(self.path, seen)


def link_briefs_cached(link_briefs, briefs, people, companies, settings):
    """`link_briefs(briefs, people, companies, settings)`, through the build's cache if any."""
    cache = settings.get("NEWSBRIEF_CACHE")
    if cache is None:
        return link_briefs(briefs, people, companies, settings)
    return MentionCache(cache).link(link_briefs, briefs, people, companies, settings)
