"""The value types of the content's fields (slugs, text, names, languages, dates, counts), the
checks each runs, and the markers a field carries: `Shown` (how the guide names its type),
`Ref` (what it references), `fact(...)` (language-independent) and `new=` (what `make new-…`
writes in a new file)."""

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Literal

import annotated_types
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    Strict,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError
from unidecode import unidecode

from ..text import deceptive

DEFAULT_LANGUAGES = ("ar", "en")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_SLUG = 80  # a slug is a folder name of the site: well under the 255 bytes of a file name
# The longest text a field takes, in characters: far above any real one (the longest name of
# the content is 27, headline 98, note 506), low enough that no text routine's cost matters.
MAX_NAME = 120  # names and aliases
MAX_LINE = 300  # one-line fields: headlines, roles, a publication's name, "when", …
MAX_TEXT = 3000  # summaries, notes, quotes, corrections
MAX_ALIASES = 30  # other names of one profile
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


NEW_VALUES = ("todo", "slug", "lang", "today", "name")


def marks(fact=False, new=None):
    """A field's `json_schema_extra`: `fact` (language-independent, see the module docstring)
    and `new`, how `make new-…` writes it in a new file when it is optional (a required field
    is always written): `"todo"`, a `TODO` placeholder; or filled in: `"slug"`, `"lang"`,
    `"today"` or `"name"` (the English name or title given to the command, in the English file)."""
    assert new in (None, *NEW_VALUES), new
    return {key: value for key, value in (("fact", fact), ("new", new)) if value}


def fact(description, new=None, **kwargs):
    """A language-independent field (see the module docstring)."""
    return Field(description=description, json_schema_extra=marks(fact=True, new=new), **kwargs)


def is_fact(info):
    return bool((info.json_schema_extra or {}).get("fact"))


def new_value(info):
    """How `make new-…` writes the field (see `marks`), or None when it leaves it out."""
    written = (info.json_schema_extra or {}).get("new")
    return written or ("todo" if info.is_required() else None)


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


def _checked_text(limit, name=False):
    """The check of a text field of at most `limit` characters (`name`: a name or alias)."""
    def check(value):
        if not value.strip():
            raise invalid("the text is empty", "write the text, or remove the line if the field is optional")
        if len(value) > limit:
            raise invalid(f"the text is {len(value):,} characters long, more than the limit of {limit:,}",
                          f"shorten it to {limit:,} characters at most")
        problem = deceptive(value, name=name)
        if problem:
            raise invalid(*problem)
        return value
    return check


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


def no_repeats(values):
    seen = set()
    for number, value in enumerate(values):
        if value in seen:
            raise invalid(f"`{value}` is listed twice", "list it once", field=number)
        seen.add(value)
    return values


Slug = Annotated[str, AfterValidator(_check_slug), Shown("slug", "a-z, 0-9 and `-`, e.g. `jane-doe`")]
Text = Annotated[str, AfterValidator(_checked_text(MAX_TEXT)), Shown("text", f"at most {MAX_TEXT:,} characters")]
Line = Annotated[str, AfterValidator(_checked_text(MAX_LINE)), Shown("text", f"at most {MAX_LINE} characters")]
# no zero-width characters
Name = Annotated[str, AfterValidator(_checked_text(MAX_NAME, name=True)), Shown("text", f"at most {MAX_NAME} characters")]
Language = Annotated[str, AfterValidator(_check_language), Shown("language code", "`LANGUAGES`")]
Date = Annotated[datetime.date, BeforeValidator(_parse_date), Shown("date", "`YYYY-MM-DD`")]
Translated = Annotated[
    dict[str, Text], AfterValidator(_check_translated),
    Shown("text in each language", "`{LANGUAGE_MAP}`"),
]
TranslatedLine = Annotated[  # one line in each language, at most MAX_LINE characters each
    dict[str, Line], AfterValidator(_check_translated),
    Shown("text in each language", f"`{{LANGUAGE_MAP}}`, at most {MAX_LINE} characters each"),
]
Count = Annotated[int, Strict(), annotated_types.Ge(1)]  # `yes` and "2" are refused
BriefSlug = Annotated[Slug, Ref("brief")]
PersonSlug = Annotated[Slug, Ref("person")]
CompanySlug = Annotated[Slug, Ref("company")]
Status = Literal["published", "draft"]
Basis = Literal["stated", "inferred"]


def basis_field(what):
    return Field("stated", description=f"`stated` when the brief says {what} (the default), `inferred` when we "
                 "conclude it from what the brief says; an inference needs a note saying why.")


def needs_note(basis, note, basis_field="basis", note_field="note"):
    """An inferred fact carries its reason: refused without `note_field`."""
    if basis == "inferred" and not note:
        raise invalid(f"`{basis_field}: inferred` needs a `{note_field}` saying why we infer it",
                      f"add `{note_field}: {{ar: …, en: …}}` with the reason, or write `{basis_field}: stated` "
                      "if the brief says it", field=basis_field)


def status_field():
    return Field(None, description="`draft` keeps it off the site (`make html DRAFTS=1` shows drafts).")


def slug_field():
    return Field(description="The item's address; the same in every language file, and the file name: `<slug>.<lang>.md`.",
                 json_schema_extra=marks(new="slug"))


def lang_field():
    return Field(description="The language of this file; must match the end of the file name.",
                 json_schema_extra=marks(new="lang"))
