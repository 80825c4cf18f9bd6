"""Check the content before anything is built: every problem at once, each with its fix.

    python -m newsbrief.validate [content] [--settings pelicanconf.py]

Prints one line per problem, `path:line: field: what is wrong — how to fix it`, and exits
1 when there is an error (warnings alone do not fail). `make check` runs it, and the
build (newsbrief.build) runs `ContentValidator` before Pelican and refuses to build on an
error. Each file is checked against its content type in newsbrief.schema; then the files
are checked together: slugs, translations, references and mentions.
"""

import argparse
import copy
import datetime
import difflib
import fnmatch
import os
import re
import sys
from pathlib import Path

import yaml
from babel import Locale
from markdown import Markdown
from pydantic import ValidationError

from .contentfile import ContentFile, Problem
from .messages import Explainer, format_loc
from .reader import FrontMatterError, ParagraphIds, YamlMarkdownReader, split_front_matter
from .schema import CONTENT_TYPES, SLUG, Source, is_fact, references

PLACEHOLDER = "TODO"
# Files Pelican would read (with another reader than ours) or that look like content.
NOT_READ = {".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst", ".txt"}
# The list of a brief that mentions each kind of profile.
MENTIONS = {"person": "people", "company": "companies"}
PRONOUNS = {"person": "them", "company": "it"}
OPENING = re.compile(r"---[ \t]*\n")
EMPTY_FIELDS = re.compile(r"---[ \t]*\n\s*---[ \t]*(?:\n|\Z)")
CLOSING = re.compile(r"\n---[ \t]*(?:\n|\Z)")
PARAGRAPH_ID = re.compile(r"""<p\b[^>]*\bid=["']p-\d+["']""")


def language_name(code):
    try:
        return Locale.parse(code).english_name
    except (ValueError, LookupError):
        return f"`{code}`"


def codes(values):
    return ", ".join(f"`{v}`" for v in values)


class ContentValidator:
    """Checks a content folder; `validate()` returns every problem found, sorted."""

    def __init__(self, content_path, settings, root=None, cache=None):
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
        reader_settings = dict(settings, MARKDOWN=copy.deepcopy(settings["MARKDOWN"]))
        self.reader = YamlMarkdownReader(reader_settings)
        self.problems, self.files, self.items = [], [], {}
        self.cache = cache  # a newsbrief.cache.ValidationCache: each file's own check, by content hash

    # --- the run ---------------------------------------------------------------------------

    def validate(self):
        self.problems = []
        read = self.read if self.cache is None else lambda path: self.cache.read(self, path)
        self.files = [f for f in map(read, self.content_files()) if f is not None]
        if self.cache is not None:
            self.cache.save()
        self.items = self.index()
        for kind, items in self.items.items():
            for slug, versions in items.items():
                self.check_translations(CONTENT_TYPES[kind], slug, versions)
        for file in self.files:
            self.check_references(file)
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
        ignored = self.settings.get("IGNORE_FILES", [])
        for path in sorted(self.content.rglob("*")):
            relative = path.relative_to(self.content)
            if not path.is_file() or any(part.startswith(".") for part in relative.parts):
                continue
            if any(fnmatch.fnmatch(relative.as_posix(), pattern) for pattern in ignored):
                continue
            if path.suffix == ".md" or path.suffix in NOT_READ:
                yield path

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
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")  # as Pelican reads: a byte-order mark is dropped
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            self.add(file.about(
                "file", line, f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
                "save it with the UTF-8 encoding (in your editor: Save with Encoding, UTF-8)",
            ))
            return file  # unreadable, but it exists: its translation is not reported missing
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            self.add(file.about(
                "file", 1, "the file is empty",
                "start it with its fields between two `---` lines (`make new-…` writes them)",
            ))
            return file
        if EMPTY_FIELDS.match(text):
            self.add(file.about("front-matter", 1, "there are no fields between the `---` lines",
                                "write the fields, one `field: value` per line"))
            return file
        if OPENING.match(text) and not CLOSING.search(text):
            self.add(file.about(
                "front-matter", 1, "the fields have no closing `---` line",
                "add a line with only `---` after the last field, before the text",
            ))
            return file
        try:
            split_front_matter(text, file.shown)  # the reader's own checks, in its words
        except FrontMatterError as error:
            self.add(Problem(file.shown, error.line, error.field, error.problem, error.fix))
            return file
        except ValueError:
            pass  # a value YAML cannot build, such as an impossible date: the schema explains it
        file.parse(text)
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
        elif isinstance(value, str) and value.startswith(PLACEHOLDER):
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
            fix = f"write `lang: {lang}`" + ("" if renamed.exists() else f", or rename the file to `{renamed.name}`")
            self.add(file.at(("lang",), f"`lang: {file.lang}` does not match the file name `{file.path.name}`", fix))
        if file.slug and SLUG.match(file.slug) and stem != file.slug:
            renamed = file.path.with_name(f"{file.slug}.{lang}.md")
            fix = f"write `slug: {stem}`" + ("" if renamed.exists() else f", or rename the file to `{renamed.name}`")
            self.add(file.at(("slug",), f"`slug: {file.slug}` does not match the file name `{file.path.name}`", fix))

    def check_body(self, file):
        if not file.body.strip():
            self.add(file.about(
                "body", file.body_line, "the text is empty",
                "write the text in Markdown below the closing `---` line",
            ))
            return
        for number, line in enumerate(file.body.split("\n"), start=file.body_line):
            position = line.find(PLACEHOLDER)
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
        """Top-level paragraphs of the body, numbered by the same Markdown set-up as the
        reader's (`p-1`, `p-2`, …). Rendered here rather than by `reader.read()`, whose
        warnings (removed HTML) the build reports once, when Pelican reads the file."""
        settings = dict(self.reader.settings["MARKDOWN"])
        settings["extensions"] = [
            e for e in settings.get("extensions", []) if e != "markdown.extensions.meta"
        ] + [ParagraphIds()]
        return len(PARAGRAPH_ID.findall(Markdown(**settings).convert(file.body)))

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
        slug = next((s for s in (file.slug, stem) if s and SLUG.match(s)), None)
        lang = next((l for l in (name_lang, file.lang) if l in self.languages), None)
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
        if default is None or default.model is None:
            return
        for lang, file in versions.items():
            if file is default or file.model is None:
                continue
            self.compare_facts(kind, default, file)
            if default.paragraphs is not None and file.paragraphs not in (None, default.paragraphs):
                self.add(file.about(
                    "body", file.body_line,
                    f"the text has {file.paragraphs} paragraphs but {default.shown} has {default.paragraphs}",
                    "translate paragraph by paragraph, so that sources point to the same paragraph in both",
                ))

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
        print(f"{args.content}: no such folder — give the content folder, e.g. `content`", file=sys.stderr)
        return 2
    settings = read_settings(args.settings, override={"PATH": os.path.abspath(args.content)})
    validator = ContentValidator(settings["PATH"], settings)
    problems = validator.validate()
    print(report(problems, len(validator.files)), file=sys.stderr if errors(problems) else sys.stdout)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
