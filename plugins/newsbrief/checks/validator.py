"""Check the content before anything is built: every problem at once, each with its fix.

    python -m newsbrief.validate [content] [--settings pelicanconf.py]

Prints one line per problem, `path:line: field: what is wrong — how to fix it`, and exits
1 when there is an error (warnings alone do not fail). `make check` runs it, and the
build (newsbrief.build) runs `ContentValidator` before Pelican and refuses to build on an
error. Each file is checked against its content type in newsbrief.schema; then the files
are checked together: slugs, translations, references and mentions.
"""

import argparse
import datetime
import difflib
import fnmatch
import os
import re
import stat
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml
from babel import Locale
from pydantic import ValidationError

from .contentfile import ContentFile, Problem
from ..frontmatter import FrontMatterError, sources_of
from .explain import Explainer, format_loc
from ..reader import render_source
from ..schema import CONTENT_TYPES, MAX_SLUG, SLUG, SOURCED, Source, is_fact, references, slugify

PLACEHOLDER = "TODO"
# The exact marker `make new-…` writes: `TODO` alone or `TODO: what to write`.
PLACEHOLDER_VALUE = re.compile(r"TODO(?::|\Z)")
PLACEHOLDER_IN_TEXT = re.compile(r"(?<![\w-])TODO(?::|\s*$)")
# Files Pelican would read (with another reader than ours) or that look like content.
NOT_READ = {".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst", ".txt"}
# The only files besides Markdown that a content file may link (`{static}`, `{attach}`).
STATIC_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf"}
LINK_KINDS = {"static", "attach", "filename"}
# Pelican's intrasite links, in the attributes our allow-list keeps.
INTRASITE = re.compile(r"""<[^>]+?\b(?:href|src)\s*=\s*(["'])(?P<path>[{|](?P<what>.*?)[|}](?P<value>.*?))\1""")
FILE_KINDS = [(stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
              (stat.S_ISBLK, "a device")]
# The list of a brief that mentions each kind of profile.
MENTIONS = {"person": "people", "company": "companies"}
PRONOUNS = {"person": "them", "company": "it"}


def language_name(code):
    try:
        return Locale.parse(code).english_name
    except (ValueError, LookupError):
        return f"`{code}`"


def codes(values):
    return ", ".join(f"`{v}`" for v in values)


class ContentValidator:
    """Checks a content folder; `validate()` returns every problem found, sorted."""

    def __init__(self, content_path, settings, root=None):
        self.content = Path(content_path).absolute()
        # Paths are shown relative to the project (the working directory, as `make` runs),
        # or to the folder that holds the content when it lies elsewhere.
        cwd = Path.cwd()
        default_root = cwd if self.content.is_relative_to(cwd) else self.content.parent
        self.root = Path(root).absolute() if root else default_root
        self.settings = settings
        self.languages = tuple(settings["LANGUAGES"])
        self.default_lang = settings["DEFAULT_LANG"]
        self.folders = {
            folder: kind for kind in CONTENT_TYPES.values() for folder in settings[kind.paths_setting]
        }
        self.sources = sources_of(settings)  # the reading shared with the build's reader
        self.problems, self.files, self.items = [], [], {}
        self.static = set()  # real paths of the images and PDFs in the content folder

    # --- the run ---------------------------------------------------------------------------

    def validate(self):
        self.problems, self.static = [], set()
        if not self.content.is_dir():
            self.add(Problem(self.shown(self.content), 1, "content", "there is no such folder",
                             "give the content folder, e.g. `CONTENT=content`"))
            return self.problems
        paths = list(self.content_files())
        if not paths and not self.problems:
            self.add(Problem(self.shown(self.content), 1, "content", "the content folder has no content files",
                             "give the folder that holds articles/, people/, companies/ and pages/"))
        self.files = [f for f in map(self.read, paths) if f is not None]
        # Pelican reads only these files (newsbrief.reader refuses any other)
        self.sources.checked = {os.path.realpath(p) for p in paths}
        self.items = self.index()
        for kind, items in self.items.items():
            for slug, versions in items.items():
                self.check_translations(CONTENT_TYPES[kind], slug, versions)
        for file in self.files:
            self.check_references(file)
            self.check_links(file)
        self.check_parents()
        self.check_mentions()
        unique = dict.fromkeys(self.problems)
        return sorted(unique, key=lambda p: (p.severity != "error", p.path, p.line, p.field, p.message))

    def add(self, problem):
        self.problems.append(problem)

    def shown(self, path):
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

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
                if refused or name in folders and path.is_symlink():
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

    def is_default(self, file):
        """Whether the file is in the default language (and so carries the facts)."""
        _, lang = file.name_parts
        if lang in self.languages:
            return lang == self.default_lang
        return file.lang in (None, self.default_lang)

    # --- one file --------------------------------------------------------------------------

    def read(self, path):
        relative = path.relative_to(self.content)
        file = ContentFile(path, self.shown(path), self.kind_of(relative))
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
        try:
            file.use(self.sources.load(path, file.shown))
        except FrontMatterError as error:
            self.add(Problem(file.shown, error.line, error.field, error.problem, error.fix))
            return file  # unreadable, but it exists: its translation is not reported missing
        file.readable = True
        self.check_file(file)
        return file

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

    def check_file(self, file):
        kind = file.kind
        self.check_repeated_keys(file, file.tree)
        file.placeholders = placeholders = self.check_placeholders(file, file.data, ())
        model = kind.model if self.is_default(file) else kind.translation
        explainer = Explainer(model, self.languages)
        try:
            file.model = model.model_validate(file.data, context={"languages": self.languages})
        except ValidationError as failure:
            for error in failure.errors():
                loc, message, fix = explainer.explain(error, file.scalar(error["loc"]))
                if not any(loc[: len(p)] == p for p in placeholders):
                    self.add(file.at(loc, message, fix))
        self.check_file_name(file)
        self.check_body(file)
        if kind.name == "page" and file.slug in self.reserved_slugs():
            self.add(file.at(("slug",), f"`/{file.slug}/` is already an address of the site",
                             "choose another slug for this page"))
        if kind.name == "brief":
            file.paragraphs = self.count_paragraphs(file)
        self.check_rendered(file)
        self.check_provenance(file)

    def check_provenance(self, file):
        """Every fact shown on a page links the paragraph that states it; a brief's
        `modified` is not older than its latest correction."""
        if self.is_default(file):
            filled = [name for name, _ in SOURCED.get(file.kind.name, ())
                      if not any(p[0] in (name, f"{name}_source") for p in file.placeholders)]
            for name, source in SOURCED.get(file.kind.name, ()):
                if name not in filled:
                    continue
                if file.data.get(name) not in (None, "") and file.data.get(source) is None:
                    self.add(file.at((name,), f"`{name}` is shown on the page but has no source", (
                        f"add `{source}: {{article: …, paragraph: …}}` (the paragraph that states it), "
                        f"or remove `{name}` if the brief does not state it: the page then says “not stated”"
                    )))
        corrections = getattr(file.model, "corrections", None) or []
        modified = getattr(file.model, "modified", None)
        if corrections and modified is not None:
            latest = max(c.date for c in corrections)
            if modified < latest:
                self.add(file.at(("modified",), f"`{modified}` is older than the latest correction ({latest})",
                                 f"write `modified: {latest}`, or leave `modified` out and the build sets it"))

    def check_repeated_keys(self, file, node, loc=()):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key, value in node.value:
                if key.value in seen:
                    self.add(file.about(
                        format_loc((*loc, key.value)), key.start_mark.line + 2,
                        f"the field is given twice (also on line {seen[key.value]})", "keep only one of them",
                    ))
                seen.setdefault(key.value, key.start_mark.line + 2)
                self.check_repeated_keys(file, value, (*loc, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                self.check_repeated_keys(file, item, (*loc, number))

    def check_placeholders(self, file, value, loc):
        """Report every `TODO…` value left from `make new-…`; return their locations."""
        found = []
        if isinstance(value, dict):
            for key, item in value.items():
                found += self.check_placeholders(file, item, (*loc, key))
        elif isinstance(value, list):
            for number, item in enumerate(value):
                found += self.check_placeholders(file, item, (*loc, number))
        elif isinstance(value, str) and PLACEHOLDER_VALUE.match(value):
            self.add(file.at(loc, "placeholder not filled in", self.placeholder_fix(value)))
            found.append(loc)
        return found

    @staticmethod
    def placeholder_fix(text):
        wanted = text[len(PLACEHOLDER):].lstrip(" :").strip()
        return f"replace it with: {wanted}" if wanted else f"replace `{PLACEHOLDER}` with the real value"

    def check_file_name(self, file):
        stem, lang = file.name_parts
        if lang is None:
            self.add(file.about(
                "file", 1, f"the file name `{file.path.name}` does not say its language",
                f"rename it to `{file.slug or stem}.{file.lang or self.default_lang}.md`",
            ))
            return
        if file.lang in self.languages and lang != file.lang:
            renamed = file.path.with_name(f"{stem}.{file.lang}.md")
            fix = f"write `lang: {lang}`" + ("" if os.path.lexists(renamed) else f", or rename the file to `{renamed.name}`")
            self.add(file.at(("lang",), f"`lang: {file.lang}` does not match the file name `{file.path.name}`", fix))
        if file.slug and SLUG.match(file.slug) and len(file.slug) <= MAX_SLUG and stem != file.slug:
            renamed = file.path.with_name(f"{file.slug}.{lang}.md")
            fixes = ([f"write `slug: {stem}`"] if SLUG.match(stem) else []) + (
                [] if os.path.lexists(renamed) else [f"rename the file to `{renamed.name}`"])
            other = slugify(stem) or "new-slug"
            fix = ", or ".join(fixes) or f"rename the file to `{other}.{lang}.md` and write `slug: {other}`"
            self.add(file.at(("slug",), f"`slug: {file.slug}` does not match the file name `{file.path.name}`", fix))

    def check_body(self, file):
        if not file.body.strip():
            self.add(file.about(
                "body", file.body_line, "the text is empty",
                "write the text in Markdown below the closing `---` line",
            ))
            return
        for number, line in enumerate(file.body.split("\n"), start=file.body_line):
            found = PLACEHOLDER_IN_TEXT.search(line)
            position = found.start() if found else -1
            if position >= 0:
                self.add(file.about("body", number, "placeholder not filled in",
                                    self.placeholder_fix(line[position:])))

    def reserved_slugs(self):
        """Top-level addresses the site already uses: a page with such a slug would clash."""
        reserved = set(self.languages) | {self.settings.get("THEME_STATIC_DIR", "theme")}
        for key, value in self.settings.items():
            if key.endswith(("_URL", "_SAVE_AS")) and not key.startswith("PAGE") and isinstance(value, str):
                first = value.replace("{prefix}", "").replace("{lang}/", "").split("/")[0]
                if first and "{" not in first:
                    reserved.add(first)
        return reserved

    def count_paragraphs(self, file):
        """Text paragraphs of the body, numbered `p-1`, `p-2`, … by the reader's own
        rendering (done once: the build's reader uses it)."""
        return render_source(file.source, self.settings).paragraphs

    def check_rendered(self, file):
        """Report what the HTML allow-list removes from the body (the build never shows
        more than this)."""
        for what, why in render_source(file.source, self.settings).removed:
            self.add(file.about("body", file.line_of(pattern=self.removal_pattern(what)),
                                f"removed {what}", why, severity="warning"))

    @staticmethod
    def removal_pattern(what):
        """Where in the Markdown a removal (as `sanitize.removals()` words it) was written."""
        attribute = re.match(r"the (?:event-handler attribute `([\w:-]+)`|`([\w:-]+)` attribute) of <(\w+)>", what)
        if attribute:
            return rf"<{attribute.group(3)}\b[^>]*\b{attribute.group(1) or attribute.group(2)}\s*="
        url = re.match(r"the (?:`([\w+.-]+):`|scheme-relative \(//\)) URL of <(\w+) (\w+)>", what)
        if url:
            return re.escape(url.group(1) + ":") if url.group(1) else r"\(\s*//|=\s*[\"']?\s*//"
        tag = re.match(r"<(\w+)>", what)
        return rf"<{tag.group(1)}\b" if tag else None

    def check_links(self, file):
        """`{static}`, `{attach}` and `{filename}` links must reach a file of the content
        folder that the site may publish; other link kinds are refused."""
        if file.source is None or not file.readable:
            return
        real_root = os.path.realpath(self.content)
        for match in INTRASITE.finditer(render_source(file.source, self.settings).html):
            what, value = match.group("what"), match.group("value")
            line = file.line_of(match.group("path"))
            if what not in LINK_KINDS:
                self.add(file.about("body", line, f"`{{{what}}}` links are not supported",
                                    "link with `{filename}` to a content file or `{static}` to an image or PDF"))
                continue
            path = unquote(urlparse(value).path)
            base = real_root if path.startswith("/") else os.path.dirname(os.path.realpath(file.path))
            target = os.path.realpath(os.path.join(base, path.lstrip("/")))
            written = match.group("path")
            shown = written if len(written) <= 60 else written[:57] + "…"
            if not (target.startswith(real_root + os.sep)):
                self.add(file.about("body", line, f"the link `{shown}` points outside the content folder",
                                    "link only to files inside the content folder"))
            elif what == "filename":
                if not (target in self.sources.checked and target.endswith(".md")):
                    self.add(file.about("body", line, f"the link `{shown}` reaches no content file",
                                        "give the path of a `.md` file of the content folder, e.g. `{filename}/people/jane-doe.en.md`"))
            elif target not in self.static:
                self.add(file.about("body", line, f"the link `{shown}` reaches no image or PDF of the content folder",
                                    "link to an image (png, jpg, gif, webp, avif) or a PDF that is in the content folder"))

    def check_parents(self):
        companies = self.items.get("company", {})

        def parent(slug):
            file = companies.get(slug, {}).get(self.default_lang)
            value = file.data.get("parent") if file is not None else None
            return value if isinstance(value, str) else None

        for slug in sorted(companies):
            chain, current = [slug], parent(slug)
            while current is not None and current not in chain:
                chain.append(current)
                current = parent(current)
            if current == slug and len(chain) > 1:
                file = companies[slug][self.default_lang]
                self.add(file.at(("parent",), "the parents go round in a circle: " + " → ".join(chain + [slug]),
                                 "remove `parent` from the one that is not part of the other"))

    # --- the files together ----------------------------------------------------------------

    def index(self):
        """{kind: {slug: {lang: file}}}; reports two files with the same slug and language."""
        items = {}
        # a file named after its slug keeps it; a copy under another name is the duplicate
        for file in sorted(self.files, key=lambda f: f.name_parts[0] != f.slug):
            slug, lang = self.identity(file)
            if slug is None or lang is None:
                continue
            versions = items.setdefault(file.kind.name, {}).setdefault(slug, {})
            if lang in versions:
                self.add(file.at(
                    ("slug",), f"`{slug}` in `{lang}` is also the slug of {versions[lang].shown}",
                    "give each item its own slug, and name its files `<slug>.<lang>.md`",
                ))
                continue
            versions[lang] = file
        return items

    def identity(self, file):
        """(slug, language) the file stands for; the file name decides when the front-matter
        cannot (an invalid slug, a language that disagrees), so that one mistake is reported once."""
        stem, name_lang = file.name_parts
        slug = next((s for s in (file.slug, stem) if s and SLUG.match(s) and len(s) <= MAX_SLUG), None)
        lang = next((lg for lg in (name_lang, file.lang) if lg in self.languages), None)
        return slug, lang

    def check_translations(self, kind, slug, versions):
        default = versions.get(self.default_lang)
        anchor = default or next(iter(versions.values()))
        for lang in self.languages:
            if lang not in versions:
                missing = self.shown(anchor.path.parent / f"{slug}.{lang}.md")
                self.add(anchor.about(
                    "translation", 1, f"there is no {language_name(lang)} version of this {kind.name}",
                    f"create `{missing}` with `slug: {slug}` and `lang: {lang}`",
                ))
        statuses = {lang: ("draft" if f.is_draft else "published") for lang, f in versions.items()}
        if len(set(statuses.values())) > 1:
            for _lang, file in versions.items():
                if file.is_draft:
                    others = ", ".join(versions[o].shown for o in versions if not versions[o].is_draft)
                    self.add(file.at(("status",), f"this file is a draft but {others} is published",
                                     "write the same `status` in every language file of it"))
        if default is None or default.model is None:
            return
        for _lang, file in versions.items():
            if file is default or file.model is None:
                continue
            self.compare_facts(kind, default, file)
            self.compare_sourced_text(kind, default, file)
            if default.paragraphs is not None and file.paragraphs not in (None, default.paragraphs):
                self.add(file.about(
                    "body", file.body_line,
                    f"the text has {file.paragraphs} paragraphs but {default.shown} has {default.paragraphs}",
                    "translate paragraph by paragraph, so that sources point to the same paragraph in both",
                ))

    def compare_sourced_text(self, kind, default, file):
        """A translated fact with a source (a person's `role`) is given in every file or in none."""
        for name, _ in SOURCED.get(kind.name, ()):
            if is_fact(kind.model.model_fields[name]):
                continue
            mine, theirs = getattr(file.model, name, None), getattr(default.model, name, None)
            if mine is not None and theirs is None:
                self.add(file.at((name,), f"{default.shown} gives no `{name}` (the brief does not state it)",
                                 f"remove `{name}` here too, or give it in {default.shown} with its source"))
            elif mine is None and theirs is not None:
                self.add(file.about(name, 1, f"`{name}` is missing, but {default.shown} gives it",
                                    f"add `{name}:` translated from {default.shown}"))

    def compare_facts(self, kind, default, file):
        for name, info in kind.model.model_fields.items():
            key = info.alias or name
            if not is_fact(info) or (not kind.facts_in_every_language and key not in file.data):
                continue
            mine, theirs = getattr(file.model, name), getattr(default.model, name)
            if mine == theirs or any(p[0] == key for p in file.placeholders + default.placeholders):
                continue
            if kind.facts_in_every_language:
                fix = f"write the same `{key}` in both files: it is a fact, not translated text"
            else:
                fix = (f"remove `{key}` from this file: facts are written once, "
                       f"in the {language_name(self.default_lang)} file")
            self.add(file.at((key,), self.difference(mine, theirs, default.shown), fix))

    @staticmethod
    def difference(mine, theirs, other):
        if isinstance(mine, list) and isinstance(theirs, list) and all(
            isinstance(x, str) for x in mine + theirs
        ):
            extra = [x for x in mine if x not in theirs]
            missing = [x for x in theirs if x not in mine]
            said = ([f"lists {codes(extra)}"] if extra else []) + (
                [f"leaves out {codes(missing)}"] if missing else [])
            return f"{' and '.join(said) or 'lists the same in another order'}, unlike {other}"
        if isinstance(mine, (str, int, datetime.date)):
            return f"is `{mine}` here but `{theirs}` in {other}"
        return f"differs from {other}"

    def check_references(self, file):
        model = file.kind.model if self.is_default(file) else file.kind.translation
        for found in references(model, file.data):
            if found[0] == "ref":
                _, ref, loc, slug = found
                self.check_reference(file, ref.kind, loc, slug)
            elif found[1] is Source:
                self.check_paragraph(file, found[2], found[3])

    def check_reference(self, file, kind, loc, slug):
        items = self.items.get(kind, {})
        if slug not in items:
            close = difflib.get_close_matches(slug, sorted(items), n=1)
            new = CONTENT_TYPES[kind].new_command
            if close:
                fix = f"did you mean `{close[0]}`?"
            elif new:
                fix = f"correct the slug, or create the {kind} with `{new}`"
            else:
                fix = f"correct the slug: it is the file name of a {kind} without `.<lang>.md`"
            self.add(file.at(loc, f"there is no {kind} `{slug}`", fix))
            return
        target = items[slug].get(self.default_lang) or next(iter(items[slug].values()))
        if self.settings.get("SHOW_DRAFTS") or not target.is_draft or file.is_draft:
            return
        self.add(file.at(
            loc, f"the {kind} `{slug}` is a draft, so this published page leaves it out",
            f"publish it (remove `status: draft` from {target.shown} and its translation), or remove it here",
            severity="warning",
        ))

    def check_paragraph(self, file, loc, source):
        article, paragraph = source.get("article"), source.get("paragraph")
        brief = self.items.get("brief", {}).get(article, {}).get(self.default_lang)
        if brief is None or brief.paragraphs is None or type(paragraph) is not int:
            return
        if paragraph > brief.paragraphs:
            self.add(file.at(
                (*loc, "paragraph"), f"the brief `{article}` has {brief.paragraphs} paragraphs, not {paragraph}",
                f"use a number from 1 to {brief.paragraphs}: count the paragraphs of {brief.shown}, "
                "headings and lists excluded",
            ))

    def check_mentions(self):
        if any(f.kind.name == "brief" and not f.readable for f in self.files):
            return  # an unreadable brief may mention anyone; its own error comes first
        mentioned = {kind: set() for kind in MENTIONS}
        for file in self.files:
            if file.kind.name == "brief":
                for kind, key in MENTIONS.items():
                    values = file.data.get(key)
                    if isinstance(values, list):
                        mentioned[kind].update(v for v in values if isinstance(v, str))
        for kind, key in MENTIONS.items():
            for slug, versions in self.items.get(kind, {}).items():
                if slug in mentioned[kind]:
                    continue
                anchor = versions.get(self.default_lang) or next(iter(versions.values()))
                self.add(anchor.at(
                    ("slug",), f"no brief mentions this {kind}",
                    f"add `{slug}` to the `{key}:` list of the brief that names {PRONOUNS[kind]}, in both language files",
                    severity="warning",
                ))


def errors(problems):
    return [p for p in problems if p.severity == "error"]


def warnings(problems):
    return [p for p in problems if p.severity != "error"]


def report(problems, checked):
    """What `make check` prints."""
    lines = []
    for title, group in (("error", errors(problems)), ("warning", warnings(problems))):
        if group:
            lines.append(f"{len(group)} {title}{'s' if len(group) > 1 else ''}:")
            lines += [f"  - {problem}" for problem in group]
    if errors(problems):
        lines.append("Each line reads `file:line: field: what is wrong — how to fix it`. "
                     "Fix them and run `make check` again; docs/editing.md describes every field.")
    else:
        lines.append(f"The content is valid: {checked} files checked.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check the content without building the site.")
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    from pelican.settings import read_settings

    if not os.path.isdir(args.content):
        print(f"{args.content or 'CONTENT='}: no such folder — give the content folder, e.g. `CONTENT=content`", file=sys.stderr)
        return 2
    settings = read_settings(args.settings, override={"PATH": os.path.abspath(args.content)})
    validator = ContentValidator(settings["PATH"], settings)
    problems = validator.validate()
    print(report(problems, len(validator.files)), file=sys.stderr if errors(problems) else sys.stdout)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
