"""One content file and its own checks: its front-matter against its model, its name, its
placeholders, its provenance, its body and its links. The validator (checks/validator.py)
reads each file into a `ContentFile`, calls `check()` and, once every file is read,
`check_links()`; then it checks the files together.
"""

import os
import re
from html import unescape
from urllib.parse import unquote, urlparse

import yaml
from pydantic import ValidationError

from ..frontmatter import FrontMatterError
from ..housestyle import us_spellings
from ..rendering import render_source
from ..sanitize import url_scheme
from ..schema.models import SOURCED
from ..schema.values import MAX_SLUG, SLUG, slugify
from ..text import (
    BIDI_FIX,
    CONTROL,
    CONTROL_FIX,
    DIRECTION,
    bidi_problem,
    char_name,
    with_references,
    written_as,
)
from .explain import Explainer, format_loc
from .written import Problem, WrittenFile

PLACEHOLDER = "TODO"
# The exact marker `make new-…` writes: `TODO` alone or `TODO: what to write`.
PLACEHOLDER_VALUE = re.compile(r"TODO(?::|\Z)")
PLACEHOLDER_IN_TEXT = re.compile(r"(?<![\w-])TODO(?::|\s*$)")
LINK_KINDS = {"static", "attach", "filename"}
# An image from another site: kept by the sanitiser (`https:`) or removed by it (`http:`, `//`).
IMAGE_SOURCE = re.compile(r'<img\b[^>]*?\bsrc="([^"]*)"', re.IGNORECASE)
REMOTE_IMAGE_REMOVED = re.compile(r"the (`https?:`|scheme-relative \(//\)) URL of <img src>")
REMOTE_IMAGE_FIX = ("put the image under content/ (e.g. content/images/) and link it relatively: "
                    "`![what it shows]({static}/images/name.png)` (a feed reader would load it from that site)")
# Pelican's intrasite links, in the attributes our allow-list keeps.
INTRASITE = re.compile(r"""<[^>]+?\b(?:href|src)\s*=\s*(["'])(?P<path>[{|](?P<what>.*?)[|}](?P<value>.*?))\1""")


class ContentFile(WrittenFile):
    """A content file of a kind (newsbrief.schema.ContentType), with the problems its own
    checks find (`problems`)."""

    def __init__(self, path, shown, kind, languages, default_lang):
        super().__init__(path, shown)
        self.kind, self.languages, self.default_lang = kind, tuple(languages), default_lang
        self.model = None  # the validated front-matter
        self.paragraphs = None  # top-level paragraphs of the body, for briefs
        self.readable = False  # whether the front-matter could be read
        self.placeholders = []  # where `TODO…` values are left
        self.references = None  # schema.walk.references of its front-matter, once checked
        self.problems = []

    def add(self, problem):
        self.problems.append(problem)

    @property
    def is_default(self):
        """Whether the file is in the default language (and so carries the facts)."""
        _, lang = self.name_parts
        if lang in self.languages:
            return lang == self.default_lang
        return self.lang in (None, self.default_lang)

    @property
    def model_class(self):
        """The model of its front-matter: its kind's, or its kind's translation's."""
        return self.kind.model if self.is_default else self.kind.translation

    def load(self, sources):
        """Read the file through `sources` (newsbrief.frontmatter, shared with the build's
        reader); False, with the problem, when it cannot be read."""
        try:
            self.use(sources.load(self.path, self.shown))
        except FrontMatterError as error:
            self.add(Problem(self.shown, error.line, error.field, error.problem, error.fix))
            return False
        self.readable = True
        return True

    def check(self, settings):
        """Every check of the file on its own, once it is read."""
        self.check_repeated_keys(self.tree)
        self.placeholders = self.check_placeholders(self.data, ())
        model = self.model_class
        explainer = Explainer(model, self.languages)
        try:
            self.model = model.model_validate(self.data, context={"languages": self.languages})
        except ValidationError as failure:
            for error in failure.errors():
                loc, message, fix = explainer.explain(error, self.scalar(error["loc"]))
                if not any(loc[: len(p)] == p for p in self.placeholders):
                    self.add(self.at(loc, message, fix))
        self.check_file_name()
        self.check_body()
        self.check_spelling()
        rendered = render_source(self.source, settings)
        if self.kind.name == "brief":
            # numbered `p-1`, `p-2`, … by the one rendering (newsbrief.rendering; the build's reader uses it)
            self.paragraphs = rendered.paragraphs
        self.check_rendered(rendered)
        self.check_provenance()
        self.forget_tree()

    def check_provenance(self):
        """Every fact shown on a page links the paragraph that states it; a brief's
        `modified` is not older than its latest correction."""
        if self.is_default:
            filled = [name for name, _ in SOURCED.get(self.kind.name, ())
                      if not any(p[0] in (name, f"{name}_source") for p in self.placeholders)]
            for name, source in SOURCED.get(self.kind.name, ()):
                if name not in filled:
                    continue
                if self.data.get(name) not in (None, "") and self.data.get(source) is None:
                    self.add(self.at((name,), f"`{name}` is shown on the page but has no source", (
                        f"add `{source}: {{article: …, paragraph: …}}` (the paragraph that states it), "
                        f"or remove `{name}` if the brief does not state it: the page then says “not stated”"
                    )))
        corrections = getattr(self.model, "corrections", None) or []
        modified = getattr(self.model, "modified", None)
        if corrections and modified is not None:
            latest = max(c.date for c in corrections)
            if modified < latest:
                self.add(self.at(("modified",), f"`{modified}` is older than the latest correction ({latest})",
                                 f"write `modified: {latest}`, or leave `modified` out and the build sets it"))

    def check_repeated_keys(self, node, loc=()):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key, value in node.value:
                if key.value in seen:
                    self.add(self.about(
                        format_loc((*loc, key.value)), key.start_mark.line + 2,
                        f"the field is given twice (also on line {seen[key.value]})", "keep only one of them",
                    ))
                seen.setdefault(key.value, key.start_mark.line + 2)
                self.check_repeated_keys(value, (*loc, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value):
                self.check_repeated_keys(item, (*loc, number))

    def check_placeholders(self, value, loc):
        """Report every `TODO…` value left from `make new-…`; return their locations."""
        found = []
        if isinstance(value, dict):
            for key, item in value.items():
                found += self.check_placeholders(item, (*loc, key))
        elif isinstance(value, list):
            for number, item in enumerate(value):
                found += self.check_placeholders(item, (*loc, number))
        elif isinstance(value, str) and PLACEHOLDER_VALUE.match(value):
            self.add(self.at(loc, "placeholder not filled in", self.placeholder_fix(value)))
            found.append(loc)
        return found

    @staticmethod
    def placeholder_fix(text):
        wanted = text[len(PLACEHOLDER):].lstrip(" :").strip()
        return f"replace it with: {wanted}" if wanted else f"replace `{PLACEHOLDER}` with the real value"

    def check_file_name(self):
        stem, lang = self.name_parts
        if lang is None:
            self.add(self.about(
                "file", 1, f"the file name `{self.path.name}` does not say its language",
                f"rename it to `{self.slug or stem}.{self.lang or self.default_lang}.md`",
            ))
            return
        if self.lang in self.languages and lang != self.lang:
            renamed = self.path.with_name(f"{stem}.{self.lang}.md")
            fix = f"write `lang: {lang}`" + ("" if os.path.lexists(renamed) else f", or rename the file to `{renamed.name}`")
            self.add(self.at(("lang",), f"`lang: {self.lang}` does not match the file name `{self.path.name}`", fix))
        if self.slug and SLUG.match(self.slug) and len(self.slug) <= MAX_SLUG and stem != self.slug:
            renamed = self.path.with_name(f"{self.slug}.{lang}.md")
            fixes = ([f"write `slug: {stem}`"] if SLUG.match(stem) else []) + (
                [] if os.path.lexists(renamed) else [f"rename the file to `{renamed.name}`"])
            other = slugify(stem) or "new-slug"
            fix = ", or ".join(fixes) or f"rename the file to `{other}.{lang}.md` and write `slug: {other}`"
            self.add(self.at(("slug",), f"`slug: {self.slug}` does not match the file name `{self.path.name}`", fix))

    def check_body(self):
        if not self.body.strip():
            self.add(self.about(
                "body", self.body_line, "the text is empty",
                "write the text in Markdown below the closing `---` line",
            ))
            return
        for number, line in enumerate(self.body.split("\n"), start=self.body_line):
            found = PLACEHOLDER_IN_TEXT.search(line)
            position = found.start() if found else -1
            if position >= 0:
                self.add(self.about("body", number, "placeholder not filled in",
                                    self.placeholder_fix(line[position:])))

    def check_spelling(self):
        """English in British spelling (docs/editing.md, "House style"): a warning per word."""
        english = self.lang == "en"
        for first, text in ((2, self.source.front), (self.body_line, self.body if english else "")):
            for number, line in enumerate(text.split("\n"), start=first):
                for word, uk in us_spellings(line) if english or "en:" in line else ():  # or an `en:` value
                    self.add(self.about("spelling", number, f"“{word}” is American spelling",
                                        f"write “{uk}”: the site spells English the British way", severity="warning"))

    def check_rendered(self, rendered):
        """Report what the HTML allow-list removes from the body (the build never shows
        more than this)."""
        for what, why in rendered.removed:
            line = self.line_of(pattern=self.removal_pattern(what))
            remote = REMOTE_IMAGE_REMOVED.match(what)
            if remote:  # an `http:` or `//` image: the sanitiser drops it, the checks refuse it
                self.add(self.about("body", line, f"the image's {remote.group(1)} address is on another site",
                                    REMOTE_IMAGE_FIX))
            else:
                self.add(self.about("body", line, f"removed {what}", why, severity="warning"))
        for image in IMAGE_SOURCE.finditer(rendered.html):  # `https:`: kept on the site, where the CSP
            url = unescape(image.group(1))  # blocks it, but feed readers would load it
            if url_scheme(url) == "https":  # as a browser reads it (" HTTPS:", "ht\ttps:")
                shown = url if len(url) <= 60 else url[:57] + "…"
                self.add(self.about("body", self.line_of(url.strip()), f"the image `{shown.strip()}` is on another site",
                                    REMOTE_IMAGE_FIX))
        self.check_shown_characters(rendered.html)

    def check_shown_characters(self, html):
        """Control and direction characters in the body as shown, however written: typed,
        or as a numeric reference (`&#x202E;`, `&#1;`) that the check of the raw file
        (newsbrief.frontmatter) cannot see."""
        shown = with_references(html)
        control = CONTROL.search(shown)
        if control:
            self.add(self.about("body", self.line_of(pattern=written_as(control.group(0))),
                                f"control character {char_name(control.group(0))}", CONTROL_FIX))
        elif bidi_problem(shown):
            self.add(self.about("body", self.line_of(pattern=written_as(DIRECTION.search(shown).group(0))),
                                bidi_problem(shown), BIDI_FIX))

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

    def check_links(self, content, readable, static, settings):
        """`{static}`, `{attach}` and `{filename}` links must reach a file of the `content`
        folder that the site may publish (the real paths of the files the checks read,
        `readable`, and of its images and PDFs, `static`); other link kinds are refused."""
        if self.source is None or not self.readable:
            return
        real_root = os.path.realpath(content)
        for match in INTRASITE.finditer(render_source(self.source, settings).html):
            what, value = match.group("what"), match.group("value")
            line = self.line_of(match.group("path"))
            if what not in LINK_KINDS:
                self.add(self.about("body", line, f"`{{{what}}}` links are not supported",
                                    "link with `{filename}` to a content file or `{static}` to an image or PDF"))
                continue
            path = unquote(urlparse(value).path)
            base = real_root if path.startswith("/") else os.path.dirname(os.path.realpath(self.path))
            target = os.path.realpath(os.path.join(base, path.lstrip("/")))
            written = match.group("path")
            shown = written if len(written) <= 60 else written[:57] + "…"
            if not (target.startswith(real_root + os.sep)):
                self.add(self.about("body", line, f"the link `{shown}` points outside the content folder",
                                    "link only to files inside the content folder"))
            elif what == "filename":
                if not (target in readable and target.endswith(".md")):
                    self.add(self.about("body", line, f"the link `{shown}` reaches no content file",
                                        "give the path of a `.md` file of the content folder, e.g. `{filename}/people/jane-doe.en.md`"))
            elif target not in static:
                self.add(self.about("body", line, f"the link `{shown}` reaches no image or PDF of the content folder",
                                    "link to an image (png, jpg, gif, webp, avif) or a PDF that is in the content folder"))
