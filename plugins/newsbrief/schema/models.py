"""The front-matter of every kind of content, declared once.

One pydantic model per content type (`Brief`, `Person`, `Company`, `Page`): its fields,
their types, which are required, the values allowed, what they reference (`Ref`) and a
`description`. `newsbrief.validate` checks the content against these models, and the
field tables of the editor's guide are rendered from them, so the two cannot drift:

    python -m newsbrief.schema --write docs/editing.md   # regenerate the tables
    python -m newsbrief.schema --check docs/editing.md   # exit 1 when they are stale

Facts (declared with `fact(...)`) are language-independent. A brief carries them in every
language file and they must agree; a profile carries them in the default-language
(Arabic) file only, and its translation is checked against `ContentType.translation`,
where they are optional and, when given, must equal the default-language file's.
"""

import argparse
import datetime
import re
import sys
import types
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal, Optional, Union, get_args, get_origin
from urllib.parse import urlsplit

import annotated_types
from pydantic import (
    AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationInfo,
    create_model, field_validator, model_validator,
)
from pydantic_core import PydanticCustomError
from unidecode import unidecode

from ..text import deceptive

DEFAULT_LANGUAGES = ("ar", "en")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_SLUG = 80  # a slug is a folder name of the site: well under the 255 bytes of a file name
DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
CONTENT_ERROR = "content"  # the pydantic error type of our own checks


def slugify(text):
    """ASCII kebab-case: `Chi-Hao Wu` → `chi-hao-wu`, `Jane_Doe` → `jane-doe`,
    `O’Neil` → `oneil`; cut at a hyphen to MAX_SLUG characters."""
    text = unidecode(str(text)).lower().replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG:  # a valid slug: whole words, at most MAX_SLUG characters
        slug = slug[: MAX_SLUG + 1].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG + 1] else slug[:MAX_SLUG]
    return slug


def invalid(message, fix, field=None):
    """An error in the editor's words. `field` names the field (or list position) that a
    check of a whole group is about, so that the error points at it."""
    context = {"message": message, "fix": fix}
    if field is not None:
        context["field"] = field
    return PydanticCustomError(CONTENT_ERROR, "{message} — {fix}", context)


# --- markers read by the validator and by the guide --------------------------------------

@dataclass(frozen=True)
class Shown:
    """How a type is named in the editor's guide, and the values it allows."""

    name: str
    allowed: str = ""


@dataclass(frozen=True)
class Ref:
    """The value is the slug of another piece of content of `kind`."""

    kind: str  # "brief", "person" or "company"


def fact(description, **kwargs):
    """A language-independent field (see the module docstring)."""
    return Field(description=description, json_schema_extra={"fact": True}, **kwargs)


def is_fact(info):
    return bool((info.json_schema_extra or {}).get("fact"))


# --- value types ---------------------------------------------------------------------------

def _languages(info: ValidationInfo):
    return tuple((info.context or {}).get("languages", DEFAULT_LANGUAGES))


def _check_slug(value):
    if len(value) > MAX_SLUG and SLUG.match(value):
        raise invalid(f"the slug is {len(value)} characters long",
                      f"keep it to {MAX_SLUG} characters, e.g. `{slugify(value)}`")
    if not SLUG.match(value):
        example = slugify(value) or "jane-doe"
        raise invalid(
            f"`{value}` is not an ASCII kebab-case slug",
            f"use lowercase letters a-z, digits and single hyphens, e.g. `{example}`",
        )
    return value


def _check_text(value, name=False):
    if not value.strip():
        raise invalid("the text is empty", "write the text, or remove the line if the field is optional")
    problem = deceptive(value, name=name)
    if problem:
        raise invalid(*problem)
    return value


def _check_name(value):
    return _check_text(value, name=True)


def _check_language(value, info: ValidationInfo):
    languages = _languages(info)
    if value not in languages:
        codes = ", ".join(f"`{lang}`" for lang in languages)
        raise invalid(
            f"`{value}` is not a language of the site",
            f"use one of {codes} (the code the file name ends with: `<slug>.<lang>.md`)",
        )
    return value


def _check_translated(value, info: ValidationInfo):
    languages = _languages(info)
    for key in value:
        if key not in languages:
            codes = ", ".join(f"`{lang}`" for lang in languages)
            raise invalid(f"`{key}` is not a language of the site", f"give the text in {codes} only", field=key)
    for lang in languages:
        if lang not in value:
            raise invalid(f"the `{lang}` text is missing", f"add `{lang}: …` between the braces", field=lang)
    return value


def _parse_date(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if value is None:
        raise invalid("the date is empty", "write it as YYYY-MM-DD, e.g. `2026-11-28`")
    text = str(value)
    if DATE.match(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    raise invalid(f"`{text}` is not a valid date", "write a real date as YYYY-MM-DD, e.g. `2026-11-28`")


def _no_repeats(values):
    seen = set()
    for number, value in enumerate(values):
        if value in seen:
            raise invalid(f"`{value}` is listed twice", "list it once", field=number)
        seen.add(value)
    return values


Slug = Annotated[str, AfterValidator(_check_slug), Shown("slug", "a-z, 0-9 and `-`, e.g. `jane-doe`")]
Text = Annotated[str, AfterValidator(_check_text), Shown("text")]
Name = Annotated[str, AfterValidator(_check_name), Shown("text")]  # no zero-width characters
Language = Annotated[str, AfterValidator(_check_language), Shown("language code", "`LANGUAGES`")]
Date = Annotated[datetime.date, BeforeValidator(_parse_date), Shown("date", "`YYYY-MM-DD`")]
Translated = Annotated[
    dict[str, Text], AfterValidator(_check_translated),
    Shown("text in each language", "`{LANGUAGE_MAP}`"),
]
Count = Annotated[int, Strict(), annotated_types.Ge(1)]  # `yes` and "2" are refused
BriefSlug = Annotated[Slug, Ref("brief")]
PersonSlug = Annotated[Slug, Ref("person")]
CompanySlug = Annotated[Slug, Ref("company")]
Status = Literal["published", "draft"]


def status_field():
    return Field(None, description="`draft` keeps it off the site (`make html DRAFTS=1` shows drafts).")


def slug_field():
    return Field(description="The item's address; the same in every language file, and the file name: `<slug>.<lang>.md`.")


def lang_field():
    return Field(description="The language of this file; must match the end of the file name.")


# --- parts: groups of fields inside a content file ------------------------------------------

class Part(BaseModel):
    """A group of fields inside a content file, such as a move or a source."""

    model_config = ConfigDict(extra="forbid")
    label: ClassVar[str]


class Source(Part):
    """Where a brief states a fact."""

    label: ClassVar[str] = "source"
    article: BriefSlug = Field(description="The brief that states the fact.")
    paragraph: Count = Field(
        description="The paragraph of that brief, counting from 1; headings, lists and quotes are not counted."
    )


class Tenure(Part):
    """How long they had been there, as the brief says it."""

    label: ClassVar[str] = "tenure"
    years: Optional[Count] = Field(None, description="Whole years; give `years` or `months`, not both.")
    months: Optional[Count] = Field(None, description="Whole months, when the brief counts in months.")
    qualifier: Optional[Literal["more-than"]] = Field(None, description="`more-than` when the brief says “more than”.")

    @model_validator(mode="after")
    def years_or_months(self):
        if (self.years is None) == (self.months is None):
            raise invalid("a tenure needs `years` or `months`, one of the two", "write e.g. `tenure: {years: 5}`")
        return self


class Move(Part):
    """One move the brief reports: from a company, to a company or somewhere else."""

    label: ClassVar[str] = "move"
    from_: Optional[CompanySlug] = Field(None, alias="from", description="The company they left; leave out when the brief does not say.")
    to: Optional[CompanySlug] = Field(None, description="The company they joined.")
    to_other: Optional[Translated] = Field(
        None, description="Instead of `to`: where they went when it is not a company with a profile (e.g. a newsletter).",
    )
    role: Optional[Translated] = Field(None, description="Their role where they went.")
    tenure: Optional[Tenure] = Field(None, description="How long they had been at the company they left.")
    when: Optional[Translated] = Field(None, description="When, in the brief's own words (e.g. “in April”); never a date the brief does not give.")
    quote: Optional[Translated] = Field(None, description="What they said about the move, as the brief reports it.")
    note: Optional[Translated] = Field(None, description="An editor's note, e.g. when the brief is ambiguous.")
    source: Source = Field(description="The paragraph that states this move.")

    @field_validator("to")
    @classmethod
    def goes_elsewhere(cls, to, info: ValidationInfo):
        if to is not None and to == info.data.get("from_"):
            raise invalid(
                f"the move goes from `{to}` to `{to}`",
                "`from` and `to` must be different companies; leave `from` out if the brief does not say it",
            )
        return to

    @model_validator(mode="after")
    def has_destination(self):
        if self.to is None and self.to_other is None:
            raise invalid(
                "the move has no destination",
                "add `to: <company slug>`, or `to_other: {ar: …, en: …}` when it is not a company with a profile",
                field="to",
            )
        if self.to is not None and self.to_other is not None:
            raise invalid(
                "the move has both `to` and `to_other`",
                "keep `to` for a company with a profile, or `to_other` for anywhere else, not both",
                field="to_other",
            )
        return self


class Affiliation(Part):
    """A position the brief says someone holds, without a move."""

    label: ClassVar[str] = "affiliation"
    org: CompanySlug = Field(description="The company.")
    role: Translated = Field(description="Their position there.")
    source: Source = Field(description="The paragraph that states it.")


def _check_https(value):
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in value):
        raise invalid(f"`{value}` is not an https address", "give the article's full address, starting with `https://`")
    return value


HttpsUrl = Annotated[str, AfterValidator(_check_https), Shown("address", "`https://…`")]


class BriefSource(Part):
    """The publication a brief is based on."""

    label: ClassVar[str] = "brief source"
    name: Text = Field(description="Its name, as it writes it.")
    url: Optional[HttpsUrl] = Field(None, description="The address of the original article (https only); shown as a link on the brief and in feeds.")
    title: Optional[Text] = Field(None, description="The original article's headline, as it writes it.")


class Correction(Part):
    """A correction published on a brief."""

    label: ClassVar[str] = "correction"
    date: Date = Field(description="The day the correction was made.")
    text: Translated = Field(description="What was wrong and what was corrected.")


class StatedCount(Part):
    """A number of people the brief gives, e.g. “at least eight employees left”."""

    label: ClassVar[str] = "stated count"
    of: Literal["joined", "left"] = Field(description="Whom the number counts: those who `joined` or `left` the company.")
    number: Count = Field(description="The number the brief gives.")
    qualifier: Optional[Literal["at-least", "more-than", "about"]] = Field(None, description="How the brief qualifies the number.")
    source: Source = Field(description="The paragraph that gives the number.")


# --- content types -------------------------------------------------------------------------

class Content(BaseModel):
    """The front-matter of one content file."""

    model_config = ConfigDict(extra="forbid")


class Brief(Content):
    """A brief: one news story."""

    title: Text = Field(description="The headline.")
    slug: Slug = slug_field()
    lang: Language = lang_field()
    date: Date = fact("The day the brief is published on this site, not the day of the events.")
    modified: Optional[Date] = Field(None, description="The day it was last corrected, if it was.")
    summary: Text = Field(description="The standfirst: one or two sentences, shown under the headline and in feeds.")
    source: BriefSource = fact("The publication the brief is based on: `{name: …}`.")
    people: Annotated[list[PersonSlug], AfterValidator(_no_repeats)] = fact(
        "Every person the brief names; each has a profile in `content/people/`."
    )
    companies: Annotated[list[CompanySlug], AfterValidator(_no_repeats)] = fact(
        "Every company or lab the brief names; each has a profile in `content/companies/`."
    )
    translator_note: Optional[Text] = Field(None, description="A note from the translator, shown under the text.")
    editor_note: Optional[Text] = Field(None, description="A note from the editors about the text, shown under it (in any language).")
    corrections: Optional[list[Correction]] = fact(
        "Corrections made since publication, oldest first; shown at the end of the brief and on the corrections page. "
        "`modified` must be the latest correction's date (the build sets it when left out).",
        default=None,
    )
    status: Optional[Status] = status_field()


class Person(Content):
    """A person named in a brief."""

    name: Name = Field(description="Their name as the brief writes it, in the file's language and script.")
    slug: Slug = slug_field()
    lang: Language = lang_field()
    role: Optional[Text] = Field(None, description="What they do or did, as the brief says it; leave out when the brief does not say (the page shows “not stated”).")
    role_source: Optional[Source] = fact("The paragraph that states the role; required with `role`.", default=None)
    summary: Text = Field(description="One sentence: what the brief says about them; shown in lists.")
    aliases: list[Name] = Field(description="Other names the brief uses for them (e.g. the surname alone); `[]` for none.")
    sources: list[Source] = fact("The paragraphs that state facts about them; at least one.", min_length=1)
    moves: list[Move] = fact("Every move the brief reports for them, in the order it states them; `[]` for none.")
    affiliations: Optional[list[Affiliation]] = fact("Positions the brief says they hold, without a move.", default=None)
    status: Optional[Status] = status_field()


class Company(Content):
    """A company or lab named in a brief."""

    name: Name = Field(description="Its name as the brief writes it, in the file's language and script.")
    slug: Slug = slug_field()
    lang: Language = lang_field()
    type: Optional[Literal["company", "lab", "startup"]] = fact(
        "What kind of organisation the brief says it is; leave out when the brief does not say (the page shows “not stated”).",
        default=None,
    )
    type_source: Optional[Source] = fact("The paragraph that states the type; required with `type`.", default=None)
    parent: Optional[CompanySlug] = fact("The company it is part of, only if the brief says so.", default=None)
    parent_source: Optional[Source] = fact("The paragraph that states the parent; required with `parent`.", default=None)
    counts: Optional[list[StatedCount]] = fact(
        "Numbers of people the brief gives for it (e.g. “at least eight left”), shown beside the people named.",
        default=None,
    )
    summary: Text = Field(description="One sentence: what the brief says about it; shown in lists.")
    aliases: list[Name] = Field(description="Other names the brief uses for it (e.g. an abbreviation); `[]` for none.")
    sources: list[Source] = fact("The paragraphs that state facts about it; at least one.", min_length=1)
    status: Optional[Status] = status_field()

    @field_validator("parent")
    @classmethod
    def not_its_own_parent(cls, parent, info: ValidationInfo):
        if parent is not None and parent == info.data.get("slug"):
            raise invalid("a company cannot be its own parent", "remove `parent`, or name the company it belongs to")
        return parent


class Page(Content):
    """A page of the site, such as About."""

    title: Text = Field(description="The page's title.")
    slug: Slug = slug_field()
    lang: Language = lang_field()
    summary: Text = Field(description="One sentence about the page, for search results.")
    status: Optional[Status] = status_field()


# Facts that are shown with a link to their paragraph: (field, the field holding its source).
SOURCED = {"person": (("role", "role_source"),), "company": (("type", "type_source"), ("parent", "parent_source"))}


def translation_of(model):
    """The model of a profile's translation: the facts become optional (they live in the
    default-language file; when given here, the validator checks they are equal)."""
    fields = {}
    for name, info in model.model_fields.items():
        if is_fact(info):
            annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            fields[name] = (Optional[annotation], Field(
                None, alias=info.alias, description=info.description, json_schema_extra=info.json_schema_extra,
            ))
    return create_model(f"{model.__name__}Translation", __base__=model, __doc__=model.__doc__, **fields)


@dataclass(frozen=True)
class ContentType:
    """A kind of content: its models, its folders' setting and how the guide names it."""

    name: str  # "person"
    model: type  # the default-language file
    translation: type  # a file in another language
    paths_setting: str  # the Pelican setting that lists its folders
    facts_in_every_language: bool  # briefs: yes; profiles: the default-language file only
    new_command: str = ""  # the make target that creates one


CONTENT_TYPES = {
    "brief": ContentType("brief", Brief, Brief, "ARTICLE_PATHS", True, 'make new-brief TITLE="…"'),
    "person": ContentType("person", Person, translation_of(Person), "PERSON_PATHS", False, 'make new-person NAME="…"'),
    "company": ContentType("company", Company, translation_of(Company), "COMPANY_PATHS", False, 'make new-company NAME="…"'),
    "page": ContentType("page", Page, Page, "PAGE_PATHS", True),
}


# --- walking a model: where are the references ------------------------------------------------

def unwrap(annotation, metadata=()):
    """(the type without Annotated and Optional, the metadata collected on the way)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata = (*metadata, *extra)
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation, tuple(metadata)


def field_type(info):
    return unwrap(info.annotation, info.metadata)


def references(model, data, loc=()):
    """Walk raw front-matter `data` along `model`; yield ("ref", Ref, loc, slug) for every
    well-formed slug that references other content and ("part", Part class, loc, dict)
    for every group of fields. Values of the wrong shape are skipped (the schema reports them)."""
    if not isinstance(data, dict):
        return
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in data:
            yield from _walk(info.annotation, info.metadata, data[key], (*loc, key))


def _walk(annotation, metadata, value, loc):
    annotation, metadata = unwrap(annotation, metadata)
    if get_origin(annotation) is list:
        if isinstance(value, list):
            for number, item in enumerate(value):
                yield from _walk(get_args(annotation)[0], (), item, (*loc, number))
        return
    if isinstance(annotation, type) and issubclass(annotation, Part):
        if isinstance(value, dict):
            yield ("part", annotation, loc, value)
            yield from references(annotation, value, loc)
        return
    ref = next((m for m in metadata if isinstance(m, Ref)), None)
    if ref and isinstance(value, str) and SLUG.match(value):
        yield ("ref", ref, loc, value)


def model_at(model, loc):
    """The model (content type or part) that holds the field at `loc`, or None."""
    for key in loc[:-1]:
        if isinstance(key, int):
            continue
        info = next((i for n, i in model.model_fields.items() if (i.alias or n) == key), None)
        if info is None:
            return None
        model, _ = field_type(info)
        while get_origin(model) is list:
            model, _ = unwrap(get_args(model)[0])
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
    return model


def field_names(model):
    return [info.alias or name for name, info in model.model_fields.items()]


def shape(part):
    """How a part is written: `{article: …, paragraph: …}` (its required fields, or its
    first field when none is required: `{years: …}`)."""
    names = [info.alias or name for name, info in part.model_fields.items()]
    required = [name for name, info in zip(names, part.model_fields.values()) if info.is_required()]
    return "{" + ", ".join(f"{name}: …" for name in required or names[:1]) + "}"


# --- the editor's guide: field tables ----------------------------------------------------------

class FieldTables:
    """Markdown tables of the fields of every content type, for docs/editing.md."""

    FOLDERS = {"brief": "articles", "person": "people", "company": "companies", "page": "pages"}

    def __init__(self, languages=DEFAULT_LANGUAGES, folders=None):
        self.languages = tuple(languages)
        self.folders = {**self.FOLDERS, **(folders or {})}

    def describe(self, annotation, metadata=()):
        """(type, allowed values, references) of a field, in words."""
        annotation, metadata = unwrap(annotation, metadata)
        shown = next((m for m in metadata if isinstance(m, Shown)), None)
        ref = next((m for m in metadata if isinstance(m, Ref)), None)
        least = next((m.min_length for m in metadata if isinstance(m, annotated_types.MinLen)), 0)
        low = next((m.ge for m in metadata if isinstance(m, annotated_types.Ge)), None)
        if get_origin(annotation) is list:
            item, _ = unwrap(get_args(annotation)[0])
            kind, allowed, refers = self.describe(get_args(annotation)[0])
            allowed = "; ".join(x for x in (allowed, f"at least {least} item" if least else "") if x)
            plural = "" if isinstance(item, type) and issubclass(item, Part) else "s"
            return f"list of {kind}{plural}", allowed, refers
        if get_origin(annotation) is Literal:
            return "text", ", ".join(f"`{value}`" for value in get_args(annotation)), ""
        if isinstance(annotation, type) and issubclass(annotation, Part):
            return f"*{annotation.label}*", "", ""
        if ref:
            return f"{ref.kind} slug", "", f"a {ref.kind}: `content/{self.folders[ref.kind]}/<slug>.*.md`"
        if shown:
            allowed = shown.allowed.replace("`LANGUAGES`", ", ".join(f"`{lg}`" for lg in self.languages))
            allowed = allowed.replace("{LANGUAGE_MAP}", "{" + ", ".join(f"{lg}: …" for lg in self.languages) + "}")
            return shown.name, allowed, ""
        if annotation is int:
            return "number", f"{low} or more" if low is not None else "", ""
        return annotation.__name__, "", ""

    def row(self, cells):
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    def content_table(self, kind):
        default, *others = self.languages
        other = others[0] if others else default
        headers = ["field", "type", "allowed values", "references", f"in `.{default}.md`", f"in `.{other}.md`", "what it is"]
        lines = [self.row(headers), self.row(["---"] * len(headers))]
        for name, info in kind.model.model_fields.items():
            key = info.alias or name
            type_, allowed, refers = self.describe(info.annotation, info.metadata)
            here = "required" if info.is_required() else "optional"
            if is_fact(info) and kind.facts_in_every_language:
                there = f"{here}, same as `.{default}.md`"
            elif is_fact(info):
                there = "leave out"
            else:
                there = here
            lines.append(self.row([f"`{key}`", type_, allowed, refers, here, there, info.description or ""]))
        return lines

    def part_table(self, part):
        headers = ["field", "type", "allowed values", "references", "required", "what it is"]
        lines = [f"*{part.label}*: {part.__doc__.strip()}", "",
                 self.row(headers), self.row(["---"] * len(headers))]
        for name, info in part.model_fields.items():
            type_, allowed, refers = self.describe(info.annotation, info.metadata)
            required = "required" if info.is_required() else "optional"
            lines.append(self.row([f"`{info.alias or name}`", type_, allowed, refers, required, info.description or ""]))
        return lines

    def parts(self, model, found=None):
        """The parts a model uses, depth first, each once."""
        found = [] if found is None else found
        for info in model.model_fields.values():
            annotation, _ = field_type(info)
            while get_origin(annotation) is list:
                annotation, _ = unwrap(get_args(annotation)[0])
            if isinstance(annotation, type) and issubclass(annotation, Part) and annotation not in found:
                found.append(annotation)
                self.parts(annotation, found)
        return found

    def render(self, kind):
        lines = self.content_table(kind)
        for part in self.parts(kind.model):
            lines += ["", *self.part_table(part)]
        return "\n".join(lines)

    def update(self, text):
        """`text` with every `<!-- fields:<type>:start -->…<!-- fields:<type>:end -->` block regenerated."""
        for name, kind in CONTENT_TYPES.items():
            start, end = f"<!-- fields:{name}:start -->", f"<!-- fields:{name}:end -->"
            pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
            if not pattern.search(text):
                raise ValueError(f"the guide has no `{start}` … `{end}` block")
            block = f"{start}\n<!-- generated from plugins/newsbrief/schema.py by `make docs`; do not edit -->\n\n{self.render(kind)}\n\n{end}"
            text = pattern.sub(lambda _, block=block: block, text)
        return text


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render the field tables of the editor's guide from the schema.")
    parser.add_argument("guide", nargs="?", default="docs/editing.md")
    parser.add_argument("--settings", default="pelicanconf.py")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="rewrite the tables in the guide")
    action.add_argument("--check", action="store_true", help="exit 1 when the guide's tables are out of date")
    args = parser.parse_args(argv)
    from pelican.settings import get_settings_from_file

    settings = get_settings_from_file(args.settings)
    folders = {name: settings[kind.paths_setting][0] for name, kind in CONTENT_TYPES.items()}
    tables = FieldTables(settings["LANGUAGES"], folders)
    with open(args.guide, encoding="utf-8") as guide:
        text = guide.read()
    updated = tables.update(text)
    if args.check:
        if updated != text:
            print(f"{args.guide}: the field tables are out of date; run `make docs`", file=sys.stderr)
            return 1
        print(f"{args.guide}: the field tables match the schema")
        return 0
    if updated != text:
        with open(args.guide, "w", encoding="utf-8") as guide:
            guide.write(updated)
        print(f"{args.guide}: field tables regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
