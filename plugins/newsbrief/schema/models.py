"""The front-matter of every kind of content, declared once.

One pydantic model per content type: `BriefMatter`, `PersonMatter`, `CompanyMatter` and
`PageMatter` hold the front-matter of a file (distinct from the page objects of
newsbrief.contents and from the talent graph's nodes and `Move`s): its fields, their types,
which are required, the values allowed, what they reference (`Ref`) and a `description`.
The checks (newsbrief.checks) validate the content against these models and the field
tables of the editor's guide (schema/guide.py) are rendered from them, so the two cannot
drift; and `make new-…` (schema/scaffold.py) writes new files from them: every required
field, the optional ones marked `new=`, each description as its `TODO: …` placeholder.

Facts (declared with `fact(...)`) are language-independent. A brief carries them in every
language file and they must agree; a profile carries them in the default-language
(Arabic) file only, and its translation is checked against `ContentType.translation`,
where they are optional and, when given, must equal the default-language file's.
"""

from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal, Optional
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo,
    create_model, field_validator, model_validator,
)

from .values import (
    BriefSlug, CompanySlug, Count, Date, Language, Name, PersonSlug, Shown, Slug, Status, Text, Translated,
    fact, invalid, is_fact, lang_field, marks, no_repeats, slug_field, status_field,
)

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


class MoveEntry(Part):
    """One move the brief reports: from a company, to a company or somewhere else."""

    label: ClassVar[str] = "move"
    from_: Optional[CompanySlug] = Field(
        None, alias="from", description="The company they left; leave out when the brief does not say.",
        json_schema_extra=marks(new="todo"),
    )
    to: Optional[CompanySlug] = Field(
        None, description="The company they joined; or give `to_other` instead.", json_schema_extra=marks(new="todo"),
    )
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
    name: Text = Field(description="The publication's name, as it writes it.")
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

class FrontMatter(BaseModel):
    """The front-matter of one content file."""

    model_config = ConfigDict(extra="forbid")
    body: ClassVar[str] = "The text."  # what the Markdown below the front-matter holds


class BriefMatter(FrontMatter):
    """A brief: one news story."""

    body: ClassVar[str] = "The text of the brief: one paragraph per block, a blank line between paragraphs."
    title: Text = Field(description="The headline.", json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    date: Date = fact("The day the brief is published on this site, not the day of the events.", new="today")
    modified: Optional[Date] = Field(None, description="The day it was last corrected, if it was.")
    summary: Text = Field(description="The standfirst: one or two sentences, shown under the headline and in feeds.")
    source: BriefSource = fact("The publication the brief is based on: `{name: …}`.")
    people: Annotated[list[PersonSlug], AfterValidator(no_repeats)] = fact(
        "Every person the brief names; each has a profile in `content/people/`."
    )
    companies: Annotated[list[CompanySlug], AfterValidator(no_repeats)] = fact(
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


class PersonMatter(FrontMatter):
    """A person named in a brief."""

    body: ClassVar[str] = "A short biography, saying only what the brief says."
    name: Name = Field(description="Their name as the brief writes it, in the file's language and script.",
                       json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    role: Optional[Text] = Field(
        None, description="What they do or did, as the brief says it; leave out when the brief does not say (the page shows “not stated”).",
        json_schema_extra=marks(new="todo"),
    )
    role_source: Optional[Source] = fact("The paragraph that states the role; required with `role`.", default=None, new="todo")
    summary: Text = Field(description="One sentence: what the brief says about them; shown in lists.")
    aliases: list[Name] = Field(description="Other names the brief uses for them (e.g. the surname alone); `[]` for none.")
    sources: list[Source] = fact("The paragraphs that state facts about them; at least one.", min_length=1)
    moves: list[MoveEntry] = fact("Every move the brief reports for them, in the order it states them; `[]` for none.")
    affiliations: Optional[list[Affiliation]] = fact("Positions the brief says they hold, without a move.", default=None)
    status: Optional[Status] = status_field()


class CompanyMatter(FrontMatter):
    """A company or lab named in a brief."""

    body: ClassVar[str] = "A short description, saying only what the brief says."
    name: Name = Field(description="Its name as the brief writes it, in the file's language and script.",
                       json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    type: Optional[Literal["company", "lab", "startup"]] = fact(
        "What kind of organisation the brief says it is; leave out when the brief does not say (the page shows “not stated”).",
        default=None, new="todo",
    )
    type_source: Optional[Source] = fact("The paragraph that states the type; required with `type`.", default=None, new="todo")
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


class PageMatter(FrontMatter):
    """A page of the site, such as About."""

    body: ClassVar[str] = "The text of the page."
    title: Text = Field(description="The page's title.", json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    summary: Text = Field(description="One sentence about the page, for search results.")
    status: Optional[Status] = status_field()


# Facts that are shown with a link to their paragraph: (field, the field holding its source).
SOURCED = {"person": (("role", "role_source"),), "company": (("type", "type_source"), ("parent", "parent_source"))}


def translation_of(model):
    """The model of a profile's translation: the facts become optional (they live in the
    default-language file; when given here, the validator checks they are equal) and a new
    translation is written without them."""
    fields = {}
    for name, info in model.model_fields.items():
        if is_fact(info):
            annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            fields[name] = (Optional[annotation], Field(
                None, alias=info.alias, description=info.description, json_schema_extra=marks(fact=True),
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
    "brief": ContentType("brief", BriefMatter, BriefMatter, "ARTICLE_PATHS", True, 'make new-brief TITLE="…"'),
    "person": ContentType("person", PersonMatter, translation_of(PersonMatter), "PERSON_PATHS", False, 'make new-person NAME="…"'),
    "company": ContentType("company", CompanyMatter, translation_of(CompanyMatter), "COMPANY_PATHS", False, 'make new-company NAME="…"'),
    "page": ContentType("page", PageMatter, PageMatter, "PAGE_PATHS", True),
}
