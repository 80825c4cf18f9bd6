"""Check the content before anything is built: every problem at once, each with its fix.

    python -m newsbrief.tools.check [content]   # or: make check [--settings pelicanconf.py]

Prints one line per problem, `path:line: field: what is wrong — how to fix it`, and exits
1 when there is an error (warnings alone do not fail). `make check` runs it, and the
build (newsbrief.build) runs `ContentValidator` before Pelican and refuses to build on an
error. Each file checks itself against its content type in newsbrief.schema (`ContentFile`,
checks/contentfile.py); then the files are checked together: slugs, translations, references,
links and mentions.
"""

import datetime
import difflib
import os
from pathlib import Path

from babel import Locale

from ..schema.models import CONTENT_TYPES, SOURCED
from ..schema.parts import Source
from ..schema.values import MAX_SLUG, SLUG, is_fact
from ..schema.walk import references
from ..state import state_of
from .citations import Citations
from .discovery import ContentFiles
from .keypoints import KeyPoints
from .names import NameOwners
from .reserved import ReservedSlugs
from .written import Problem

# The list of a brief that mentions each kind of profile.
MENTIONS = {"person": "people", "company": "companies"}


def language_name(code):
    try:
        return Locale.parse(code).english_name
    except (ValueError, LookupError):
        return f"`{code}`"


def codes(values):
    return ", ".join(f"`{v}`" for v in values)


class ContentValidator(ContentFiles):
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
        self.sources = state_of(settings).sources  # the reading shared with the build's reader
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
        reserved = ReservedSlugs(self.settings, CONTENT_TYPES)
        for file in self.files:
            self.problems += filter(None, [reserved.problem(file)])
            self.check_references(file)
            file.check_links(self.content, self.sources.checked, self.static, self.settings)
        self.check_parents()
        self.check_mentions()
        NameOwners(self).check()
        citations = Citations(self, language_name)
        citations.check()
        KeyPoints(self, citations).check()
        unique = dict.fromkeys(self.problems + [p for file in self.files for p in file.problems])
        return sorted(unique, key=lambda p: (p.severity != "error", p.path, p.line, p.field, p.message))

    def add(self, problem):
        self.problems.append(problem)

    def shown(self, path):
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

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
        if file.references is None:  # kept: the citations walk them again (checks/citations.py)
            file.references = list(references(file.model_class, file.data))
        for found in file.references:
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
        """A source's paragraph exists in its brief (the front-matter key `article:` names the brief)."""
        slug, paragraph = source.get("article"), source.get("paragraph")
        brief = self.items.get("brief", {}).get(slug, {}).get(self.default_lang)
        if brief is None or brief.paragraphs is None or type(paragraph) is not int:
            return
        if paragraph > brief.paragraphs:
            self.add(file.at(
                (*loc, "paragraph"), f"the brief `{slug}` has {brief.paragraphs} paragraphs, not {paragraph}",
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
                    f"add `{slug}` to the `{key}:` list of the brief that names {CONTENT_TYPES[kind].model.words['them']}, in both language files",
                    severity="warning",
                ))
