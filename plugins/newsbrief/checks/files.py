"""Each file's own checks: read it, check its front-matter against its model, its name,
its placeholders, its provenance, its body and its links to other files."""

import difflib
import os
import re
from urllib.parse import unquote, urlparse

import yaml
from pydantic import ValidationError

from .contentfile import ContentFile, Problem
from ..frontmatter import FrontMatterError
from .explain import Explainer, format_loc
from ..reader import render_source
from ..schema.models import SOURCED
from ..schema.values import MAX_SLUG, SLUG, slugify

PLACEHOLDER = "TODO"
# The exact marker `make new-…` writes: `TODO` alone or `TODO: what to write`.
PLACEHOLDER_VALUE = re.compile(r"TODO(?::|\Z)")
PLACEHOLDER_IN_TEXT = re.compile(r"(?<![\w-])TODO(?::|\s*$)")
LINK_KINDS = {"static", "attach", "filename"}
# Pelican's intrasite links, in the attributes our allow-list keeps.
INTRASITE = re.compile(r"""<[^>]+?\b(?:href|src)\s*=\s*(["'])(?P<path>[{|](?P<what>.*?)[|}](?P<value>.*?))\1""")


class FileChecks:
    """The checks of one file; mixed into ContentValidator (which holds the settings, the
    problems and the other files)."""

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
