"""The front-matter of every kind of content, declared once.

One pydantic model per content type: `BriefMatter`, `PersonMatter`, `CompanyMatter` (the
fields these two share are declared once, in `ProfileMatter`) and `PageMatter` hold the
front-matter of a file (distinct from the page objects of
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

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from .parts import Affiliation, BriefSource, Correction, KeyPoint, MoveEntry, Source, StatedCount
from .values import (
    MAX_ALIASES,
    Basis,
    CompanySlug,
    Date,
    Language,
    Line,
    Name,
    PersonSlug,
    Slug,
    Status,
    Text,
    Translated,
    fact,
    invalid,
    is_fact,
    lang_field,
    marks,
    needs_note,
    no_repeats,
    slug_field,
    status_field,
)

# --- content types -------------------------------------------------------------------------

KEY_POINTS = (3, 5)  # the fewest and the most key points of a brief


def three_to_five(points):
    fewest, most = KEY_POINTS
    if len(points) < fewest:
        raise invalid(f"{len(points)} key point{'s' if len(points) != 1 else ''}, but a brief gives {fewest} to {most}",
                      "add a point for each thing a reader must know, citing the paragraph that states it, "
                      "or remove `key_points`")
    if len(points) > most:
        raise invalid(f"{len(points)} key points, but a brief gives {fewest} to {most}", f"keep the {most} that matter most")
    return points


class FrontMatter(BaseModel):
    """The front-matter of one content file."""

    model_config = ConfigDict(extra="forbid")
    body: ClassVar[str] = "The text."  # what the Markdown below the front-matter holds


class BriefMatter(FrontMatter):
    """A brief: one news story."""

    body: ClassVar[str] = "The text of the brief: one paragraph per block, a blank line between paragraphs."
    title: Line = Field(description="The headline.", json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    date: Date = fact("The day the brief is published on this site (its publication date), not the day of the events.", new="today")
    modified: Date | None = Field(None, description="The day it was last corrected, if it was.")
    summary: Text = Field(description="The standfirst: one or two sentences, shown under the headline and in feeds.")
    source: BriefSource = fact("The publication the brief is based on: `{name: …}`, with `published: YYYY-MM-DD` or `undated: true`.")
    people: Annotated[list[PersonSlug], AfterValidator(no_repeats)] = fact(
        "Every person the brief names; each has a profile in `content/people/`."
    )
    companies: Annotated[list[CompanySlug], AfterValidator(no_repeats)] = fact(
        "Every company or lab the brief names; each has a profile in `content/companies/`."
    )
    key_points: Annotated[list[KeyPoint], AfterValidator(three_to_five)] | None = Field(
        None, description="Three to five points a reader must know, shown first on the brief page, in its feed entry "
        "and on its share card: `[{text: …, paragraphs: [2]}]`. Every language file gives as many, in the same "
        "order, citing the same paragraphs.",
    )
    translator_note: Text | None = Field(None, description="A note from the translator, shown under the text.")
    editor_note: Text | None = Field(None, description="A note from the editors about the text, shown under it (in any language).")
    corrections: list[Correction] | None = fact(
        "Corrections made since publication, oldest first; shown at the end of the brief and on the corrections page. "
        "`modified` must be the latest correction's date (the build sets it when left out).",
        default=None,
    )
    status: Status | None = status_field()


class ProfileMatter(FrontMatter):
    """What a person's and a company's files share; `words` fill the descriptions' `{Their}`,
    `{them}` and `{alias}` for each (“Their name”, “Its name”)."""

    words: ClassVar[dict]  # each subclass gives its own
    name: Name = Field(description="{Their} name as the brief writes it, in the file's language and script.",
                       json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    summary: Text = Field(description="One sentence: what the brief says about {them}; shown in lists.")
    aliases: list[Name] = Field(description="Other names the brief uses for {them} (e.g. {alias}); `[]` for none.",
                                max_length=MAX_ALIASES)
    sources: list[Source] = fact("The paragraphs that state facts about {them}; at least one.", min_length=1)
    not_the_same_as: Annotated[list[Slug], AfterValidator(no_repeats)] | None = fact(
        "Slugs of other people or companies whose name looks like {their_lc} name (the checks refuse look-alike "
        "names, such as a Latin a and a Cyrillic а, or a Persian ک and an Arabic ك), when the brief means someone else.",
        default=None,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs):
        super().__pydantic_init_subclass__(**kwargs)
        for name, shared in ProfileMatter.model_fields.items():  # each subclass holds copies of them
            cls.model_fields[name].description = shared.description.format(**cls.words)

    @model_validator(mode="after")
    def inferences_have_notes(self):
        """`<fact>_basis: inferred` needs `<fact>_note` (see SOURCED)."""
        for name, _ in SOURCED.get(self.kind, ()):
            needs_note(getattr(self, f"{name}_basis", None), getattr(self, f"{name}_note", None),
                       f"{name}_basis", f"{name}_note")
        return self


def basis_of(what):
    return fact(f"`stated` when the brief says {what} (the default), `inferred` when we conclude it; "
                f"an inference needs a note saying why.", default=None)


def note_of(what):
    return fact(f"Why we infer {what} (with `inferred`), in each language: `{{ar: …, en: …}}`.", default=None)


class PersonMatter(ProfileMatter):
    """A person named in a brief."""

    body: ClassVar[str] = "A short biography, saying only what the brief says."
    words: ClassVar[dict] = {"Their": "Their", "their_lc": "their", "them": "them", "alias": "the surname alone"}
    kind: ClassVar[str] = "person"
    role: Line | None = Field(
        None, description="What they do or did, as the brief says it; leave out when the brief does not say (the page shows “not stated”).",
        json_schema_extra=marks(new="todo"),
    )
    role_source: Source | None = fact("The paragraph that states the role; required with `role`.", default=None, new="todo")
    role_basis: Basis | None = basis_of("the role")
    role_note: Translated | None = note_of("the role")
    moves: list[MoveEntry] = fact("Every move the brief reports for them, in the order it states them; `[]` for none.")
    affiliations: list[Affiliation] | None = fact("Positions the brief says they hold, without a move.", default=None)
    status: Status | None = status_field()


class CompanyMatter(ProfileMatter):
    """A company or lab named in a brief."""

    body: ClassVar[str] = "A short description, saying only what the brief says."
    words: ClassVar[dict] = {"Their": "Its", "their_lc": "its", "them": "it", "alias": "an abbreviation"}
    kind: ClassVar[str] = "company"
    type: Literal["company", "lab", "startup"] | None = fact(
        "What kind of organisation the brief says it is; leave out when the brief does not say (the page shows “not stated”).",
        default=None, new="todo",
    )
    type_source: Source | None = fact("The paragraph that states the type; required with `type`.", default=None, new="todo")
    type_basis: Basis | None = basis_of("the type")
    type_note: Translated | None = note_of("the type")
    parent: CompanySlug | None = fact("The company it is part of (a lab inside a company), as the brief says it or as we infer it.", default=None)
    parent_source: Source | None = fact("The paragraph that states the parent (or that we infer it from); required with `parent`.", default=None)
    parent_basis: Basis | None = basis_of("the parent")
    parent_note: Translated | None = note_of("the parent")
    counts: list[StatedCount] | None = fact(
        "Numbers of people the brief gives for it (e.g. “at least eight left”), shown beside the people named.",
        default=None,
    )
    status: Status | None = status_field()

    @field_validator("parent")
    @classmethod
    def not_its_own_parent(cls, parent, info: ValidationInfo):
        if parent is not None and parent == info.data.get("slug"):
            raise invalid("a company cannot be its own parent", "remove `parent`, or name the company it belongs to")
        return parent


class PageMatter(FrontMatter):
    """A page of the site, such as About."""

    body: ClassVar[str] = "The text of the page."
    title: Line = Field(description="The page's title.", json_schema_extra=marks(new="name"))
    slug: Slug = slug_field()
    lang: Language = lang_field()
    summary: Text = Field(description="One sentence about the page, for search results.")
    status: Status | None = status_field()


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
            fields[name] = (Optional[annotation], Field(  # noqa: UP045 (a runtime type)
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
