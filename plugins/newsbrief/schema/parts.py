"""The parts of a content file: groups of fields such as a move or a source, used by the
models of schema/models.py (a `Part` is named in the guide by its `label`)."""

from typing import Annotated, ClassVar, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .values import (
    Basis,
    BriefSlug,
    CompanySlug,
    Count,
    Date,
    Line,
    Shown,
    Translated,
    TranslatedLine,
    basis_field,
    invalid,
    marks,
    needs_note,
    no_repeats,
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
    by: Literal["context"] | None = Field(
        None, description="The paragraph must name the person or company (by name or alias, in every language); "
        "write `context` when it refers to them only by context (“the company”, “also left”): the page then shows "
        "“by context” beside its link.",
    )


class Tenure(Part):
    """How long they had been there, as the brief says it."""

    label: ClassVar[str] = "tenure"
    years: Count | None = Field(None, description="Whole years; give `years` or `months`, not both.")
    months: Count | None = Field(None, description="Whole months, when the brief counts in months.")
    qualifier: Literal["more-than"] | None = Field(None, description="`more-than` when the brief says “more than”.")

    @model_validator(mode="after")
    def years_or_months(self):
        if (self.years is None) == (self.months is None):
            raise invalid("a tenure needs `years` or `months`, one of the two", "write e.g. `tenure: {years: 5}`")
        return self


class MoveEntry(Part):
    """One move the brief reports: from a company, to a company or somewhere else."""

    label: ClassVar[str] = "move"
    from_: CompanySlug | None = Field(
        None, alias="from", description="The company they left; leave out when the brief does not say.",
        json_schema_extra=marks(new="todo"),
    )
    to: CompanySlug | None = Field(
        None, description="The company they joined; or give `to_other` instead.", json_schema_extra=marks(new="todo"),
    )
    to_other: TranslatedLine | None = Field(
        None, description="Instead of `to`: where they went when it is not a company with a profile (e.g. a newsletter).",
    )
    role: TranslatedLine | None = Field(None, description="Their role (position) where they went, as the brief says it.")
    working_on: TranslatedLine | None = Field(
        None, description="What they went there to work on (e.g. “Special initiatives”), when the brief says that rather than a role.",
    )
    tenure: Tenure | None = Field(None, description="How long they had been at the company they left.")
    when: TranslatedLine | None = Field(None, description="When, in the brief's own words (e.g. “in April”); never a date the brief does not give.")
    quote: Translated | None = Field(None, description="What they said about the move, as the brief reports it.")
    basis: Basis = basis_field("this move")
    note: Translated | None = Field(
        None, description="An editor's note: why we infer the move (`basis: inferred`), or what is ambiguous; a note alone does not make a move inferred.",
    )
    source: Source = Field(description="The paragraph that states this move (or that we infer it from).")

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
        needs_note(self.basis, self.note)
        return self


class Affiliation(Part):
    """A position the brief says someone holds, without a move."""

    label: ClassVar[str] = "affiliation"
    org: CompanySlug = Field(description="The company.")
    role: TranslatedLine = Field(description="Their position there.")
    basis: Basis = basis_field("this position")
    note: Translated | None = Field(None, description="Why we infer it (`basis: inferred`), or an editor's note.")
    source: Source = Field(description="The paragraph that states it.")

    @model_validator(mode="after")
    def inference_has_note(self):
        needs_note(self.basis, self.note)
        return self


MAX_URL = 2000  # what every browser and crawler takes


def _check_https(value):
    if len(value) > MAX_URL:
        raise invalid(f"the address is {len(value):,} characters long, more than the limit of {MAX_URL:,}",
                      "give the article's own address, without tracking parameters")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() or c == "\\" for c in value):
        raise invalid(f"`{value}` is not an https address", "give the article's full address, starting with `https://`")
    if "@" in parts.netloc:  # `https://reuters.com@evil.example/` leads to evil.example
        raise invalid(f"`{value}` has a user name before `@`, and leads to `{parts.netloc.rpartition('@')[2]}`",
                      "give the article's own address, with nothing between `https://` and its host name")
    return value


HttpsUrl = Annotated[str, AfterValidator(_check_https), Shown("address", "`https://…`")]


class BriefSource(Part):
    """The publication a brief is based on."""

    label: ClassVar[str] = "brief source"
    name: Line = Field(description="The publication's name, as it writes it.")
    url: HttpsUrl | None = Field(None, description="The address of the original article (https only); shown as a link on the brief and in feeds.")
    title: Line | None = Field(None, description="The original article's headline, as it writes it.")
    published: Date | None = Field(None, description="The day the original article was published, when it says so.")
    undated: Literal[True] | None = Field(
        None, description="`true` when the original article gives no date (e.g. only “12 hours ago”); instead of `published`.",
    )
    via: Line | None = Field(None, description="Where we read it, when not at its publisher (e.g. an aggregator's name).")
    retrieved: Date | None = Field(None, description="The day we read the original article.")

    @model_validator(mode="after")
    def dated_or_not(self):
        if self.published is not None and self.undated:
            raise invalid("the source has both `published` and `undated: true`",
                          "keep `published` if the article gives its date, else `undated: true`", field="undated")
        return self


class Correction(Part):
    """A correction published on a brief."""

    label: ClassVar[str] = "correction"
    date: Date = Field(description="The day the correction was made.")
    text: Translated = Field(description="What was wrong and what was corrected.")


class KeyPoint(Part):
    """One of a brief's key points: a sentence and the paragraphs of the brief it sums up."""

    label: ClassVar[str] = "key point"
    text: Line = Field(description="The point, one sentence in the file's language, naming whom it is about as its "
                       "paragraphs write them (the checks hold it to them by these names).")
    paragraphs: Annotated[list[Count], AfterValidator(no_repeats)] = Field(
        description="The paragraphs of this brief it sums up, counting from 1 (e.g. `[2]`); each names someone "
        "the point names. The same numbers in every language file.", min_length=1, max_length=3,
    )


class StatedCount(Part):
    """A number of people the brief gives, e.g. “at least eight employees left”."""

    label: ClassVar[str] = "stated count"
    of: Literal["joined", "left"] = Field(description="Whom the number counts: those who `joined` or `left` the company.")
    number: Count = Field(description="The number the brief gives.")
    qualifier: Literal["at-least", "more-than", "about"] | None = Field(None, description="How the brief qualifies the number.")
    source: Source = Field(description="The paragraph that gives the number.")
