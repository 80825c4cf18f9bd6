"""Finding the content files: what is read, and what is refused before it is opened (hidden
files, symlinks, pipes and devices, types the site does not publish, files outside a content
type's folder); each file read becomes a `ContentFile` and runs its own checks."""

import difflib
import fnmatch
import hashlib
import os
import stat
from pathlib import Path

from ..cache import settings_digest
from ..schema.walk import references
from ..store import plain, typed
from .contentfile import ContentFile
from .written import Problem

CHECKED = {"problems": list, "placeholders": list, "valid": bool, "paragraphs": object}  # a file's own checks, stored
PROBLEM = {"path": str, "line": int, "field": str, "message": str, "fix": str, "severity": str}
# Files Pelican would read (with another reader than ours) or that look like content.
NOT_READ = {".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst", ".txt"}
# The only files besides Markdown that a content file may link (`{static}`, `{attach}`).
STATIC_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf"}
FILE_KINDS = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
              (stat.S_ISBLK, "a device")]


class ContentFiles:
    """The content files of a folder; mixed into ContentValidator (it uses `self.content`,
    `self.settings`, `self.folders`, `self.add` and `self.shown`)."""

    settings_key = None  # the digest of the settings, once a file's checks are looked up

    def content_files(self):
        """The paths of the Markdown files (and of files that look like content), refusing
        what must not be read: hidden files and folders, symlinks, pipes and other
        non-files, and types the site does not publish. Symlinks are never followed."""
        ignored = [p for p in self.settings.get("IGNORE_FILES", []) if p != ".*"]
        real_root = os.path.realpath(self.content)

        def unreadable(error):
            self.add(Problem(self.shown(Path(error.filename)), 1, "folder",
                             f"the folder cannot be read ({error.strerror})", "check that you may read it"))

        for folder, folders, names in os.walk(self.content, onerror=unreadable):
            folders.sort()
            for name in sorted(folders + names):
                path = Path(folder) / name
                refused = self.refused(path, name, real_root)
                if refused or (name in folders and path.is_symlink()):
                    if refused:
                        self.add(refused)
                    if name in folders:
                        folders.remove(name)
                    continue
                if name in folders:
                    continue
                relative = path.relative_to(self.content).as_posix()
                if any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in ignored):
                    continue
                suffix = path.suffix.lower()
                if path.suffix == ".md" or suffix in NOT_READ:
                    yield path
                elif suffix in STATIC_TYPES:
                    self.static.add(os.path.realpath(path))
                else:
                    self.add(Problem(
                        self.shown(path), 1, "file", f"`{path.suffix or name}` files are not published",
                        "delete it or move it out of the content folder: it holds Markdown (`.md`), "
                        "images (png, jpg, gif, webp, avif) and PDF files only",
                    ))

    def refused(self, path, name, real_root):
        """The problem with an entry of the content folder that is never read, or None."""
        shown = self.shown(path)
        if name.startswith("."):
            return Problem(shown, 1, "folder" if path.is_dir() and not path.is_symlink() else "file", "hidden files and folders (names starting with `.`) are not read",
                           "rename it without the leading `.`, or delete it")
        try:
            info = os.lstat(path)
        except OSError as error:
            return Problem(shown, 1, "file", f"the file cannot be read ({error.strerror})",
                           "check that it exists and that you may read it")
        if stat.S_ISLNK(info.st_mode):
            target = os.readlink(path)
            try:
                real = os.path.realpath(path, strict=True)
            except (OSError, RuntimeError) as error:
                why = ("it loops back on itself" if getattr(error, "errno", None) == 40 or isinstance(error, RuntimeError)
                       else "its target does not exist")
                return Problem(shown, 1, "file", f"a symlink to `{target}`, and {why}",
                               "delete the symlink; put the file itself in the content folder")
            where = ("inside" if real == real_root or real.startswith(real_root + os.sep) else "outside")
            return Problem(shown, 1, "file", f"a symlink to `{target}` ({where} the content folder) is not read",
                           "delete the symlink; put the file itself in the content folder")
        for test, kind in FILE_KINDS:
            if test(info.st_mode):
                return Problem(shown, 1, "file", f"this is {kind}, not a file", "delete it, or replace it with a file")
        return None

    def kind_of(self, relative):
        for folder, kind in self.folders.items():
            if relative.as_posix().startswith(folder.rstrip("/") + "/"):
                return kind
        return None

    def read(self, path):
        """The ContentFile of `path`, read and checked on its own; None when it is not read."""
        relative = path.relative_to(self.content)
        file = ContentFile(path, self.shown(path), self.kind_of(relative), self.languages, self.default_lang)
        if path.suffix != ".md":
            stem, _, lang = path.stem.rpartition(".")
            name = path.stem if stem and lang in self.languages else f"{path.stem}.{self.default_lang}"
            self.add(file.about(
                "file", 1, f"`{path.suffix}` files are not read as content",
                f"rename it to `{name}.md` (every content file is `<slug>.<lang>.md`)",
            ))
            return None
        if file.kind is None:
            self.add(self.misplaced(file, relative))
            return None
        if file.load(self.sources):  # an unreadable file still exists: its translation is not reported missing
            self.check_file(file)
        return file

    def check_file(self, file):
        """`file.check()`, or what it found in an earlier build: kept in the build's store
        (newsbrief.store.SourceStore, one folder per version of the code) by the digest of
        the file's bytes, its name and the settings, which are all a file's own checks read."""
        store, digest = self.sources.store, self.sources.digests.get(os.fspath(file.path))
        if store is None or digest is None:
            return file.check(self.settings)
        if self.settings_key is None:
            self.settings_key = settings_digest(self.settings)
        key = hashlib.sha1(f"checked {digest} {file.shown} {self.settings_key}".encode()).hexdigest()
        outcome = store.get(key)
        if self._stored_checks(file, outcome):
            return None
        if outcome is not None:  # not what this code writes: written again
            store.rejected.add(key)
        file.check(self.settings)
        file.references = list(references(file.model_class, file.data))
        store.put(key, {"problems": [[p.path, p.line, p.field, p.message, p.fix, p.severity] for p in file.problems],
                        "placeholders": [list(p) for p in file.placeholders], "valid": file.model is not None,
                        "paragraphs": file.paragraphs})
        return None

    def _stored_checks(self, file, outcome):
        """Take a file's own checks from the store (plain data, checked for its shape; its
        model and references made again from its values); False when there are none."""
        try:
            if not typed(outcome, CHECKED) or not (outcome["paragraphs"] is None or type(outcome["paragraphs"]) is int):
                return False
            problems = [Problem(*p) for p in outcome["problems"] if type(p) is list and typed(dict(zip(PROBLEM, p)), PROBLEM)]
            placeholders = [tuple(p) for p in outcome["placeholders"] if type(p) is list and plain(p)]
            if len(problems) != len(outcome["problems"]) or len(placeholders) != len(outcome["placeholders"]):
                return False
            model = file.model_class.model_validate(file.data, context={"languages": self.languages}) \
                if outcome["valid"] else None
        except (ValueError, TypeError):  # pydantic's ValidationError too: checked afresh
            return False
        file.problems.extend(problems)
        file.placeholders, file.model, file.paragraphs = placeholders, model, outcome["paragraphs"]
        file.references = list(references(file.model_class, file.data))
        return True

    def misplaced(self, file, relative):
        folders = sorted(self.folders)
        content = self.shown(self.content)
        if len(relative.parts) == 1:
            message = "files directly in the content folder are not read"
            close = []
        else:
            message = f"`{relative.parts[0]}/` is not a content folder"
            # what the editor may have meant: a folder, or the name of its content type
            meant = {**{f: f for f in folders}, **{kind.name: f for f, kind in self.folders.items()}}
            close = [meant[m] for m in difflib.get_close_matches(relative.parts[0], list(meant), n=1, cutoff=0.5)]
        fix = (f"move it to `{content}/{close[0]}/`" if close else
               "move it to one of " + ", ".join(f"`{content}/{f}/`" for f in folders))
        return file.about("file", 1, message, fix)
