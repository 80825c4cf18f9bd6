"""New content files written from the models (`make new-person`, newsbrief.tools.scaffold).

A new file holds every required field of its model and the optional ones marked `new=`
(schema/values.py `marks`), in the model's order. A value the command knows is filled in
(the slug, the language, today's date, the English name in the English file); every other
one is a `TODO: …` placeholder that says what to write: the field's description, with the
allowed values of a choice and "the slug of" before a reference. Lists and groups are
written with one item of placeholders (or `[]` for a list of names or slugs), under their
description as a comment. The checks refuse every `TODO` until it is replaced.
"""

import json
from typing import Literal, get_args, get_origin

from babel import Locale

from .models import CONTENT_TYPES
from .parts import Part
from .values import Ref, is_fact, new_value
from .walk import field_type, unwrap

NAME_LANGUAGE = "en"  # the language of the name or title given to `make new-…`


def language_name(code):
    return Locale.parse(code).english_name


def sentence(text):
    """A description as a placeholder's hint: `The headline.` → `the headline`."""
    text = (text or "").strip().rstrip(".")
    return text[:1].lower() + text[1:]


def todo(hint):
    return json.dumps(f"TODO: {hint}", ensure_ascii=False)


def is_part(annotation):
    return isinstance(annotation, type) and issubclass(annotation, Part)


def written(model):
    """(key, FieldInfo, how it is written) of the fields a new file holds, in order."""
    for name, info in model.model_fields.items():
        how = new_value(info)
        if how is not None:
            yield info.alias or name, info, how


class NewFile:
    """The text of one new file: `NewFile(kind, lang, …).text()`."""

    def __init__(self, kind, lang, slug, name, today, languages, default_lang):
        self.kind, self.lang, self.slug, self.name = kind, lang, slug, name
        self.today, self.languages, self.default_lang = today, tuple(languages), default_lang
        self.default = lang == default_lang
        self.model = kind.model if self.default else kind.translation

    def text(self):
        lines = ["---", *self.header()]
        for key, info, how in written(self.model):
            lines += self.field(key, info, how)
        optional = [info.alias or name for name, info in self.model.model_fields.items()
                    if new_value(info) is None and (self.kind.facts_in_every_language or not is_fact(info))]
        if optional:
            lines.append(f"# Optional, see docs/editing.md: {', '.join(optional)}.")
        return "\n".join([*lines, "---", "", self.body(), ""])

    def header(self):
        language, default = language_name(self.lang), f"{self.slug}.{self.default_lang}.md"
        lines = [f"# The {language} file of a new {self.kind.name}: replace every TODO with what it asks for "
                 f"(text in {language})."]
        facts = [info.alias or name for name, info in self.model.model_fields.items() if is_fact(info)]
        if not self.default and facts:
            lines.append(f"# Its facts are the same as in {default}: {', '.join(facts)}."
                         if self.kind.facts_in_every_language else
                         f"# Its facts ({', '.join(facts)}) are written in {default} only.")
        return lines

    def body(self):
        if self.default:
            return f"TODO: {sentence(self.model.body)}."
        return (f"TODO: the text of {self.slug}.{self.default_lang}.md in {language_name(self.lang)}, "
                "translated paragraph by paragraph.")

    def field(self, key, info, how):
        """The lines of a top-level field."""
        annotation, metadata = field_type(info)
        known = self.known(how)
        if known is not None:
            return [f"{key}: {known}"]
        comment = f"# {info.description}"
        if get_origin(annotation) is list:
            item, item_metadata = unwrap(get_args(annotation)[0])
            if is_part(item):
                return [comment, f"{key}:", *self.item(item, "  ")]
            ref = next((m for m in item_metadata if isinstance(m, Ref)), None)
            command = CONTENT_TYPES[ref.kind].new_command if ref else ""
            return [comment + (f" A new one: `{command}`." if command else ""), f"{key}: []"]
        if is_part(annotation):
            return [comment, *self.part(key, annotation, "")]
        return [f"{key}: {self.value(annotation, metadata, info)}"]

    def known(self, how):
        """The value the command knows for a field, or None for a placeholder."""
        if how == "name" and self.lang == NAME_LANGUAGE:
            return json.dumps(self.name, ensure_ascii=False)
        return {"slug": self.slug, "lang": self.lang, "today": self.today.isoformat()}.get(how)

    def value(self, annotation, metadata, info):
        """A placeholder for a single value."""
        hint = sentence(info.description)
        if get_origin(annotation) is Literal:
            hint = "one of " + ", ".join(f"`{v}`" for v in get_args(annotation)) + ": " + hint
        elif any(isinstance(m, Ref) for m in metadata):
            hint = "the slug of " + hint
        elif get_origin(annotation) is dict:
            return "{" + ", ".join(f"{lang}: {todo(f'{hint}, in {language_name(lang)}')}" for lang in self.languages) + "}"
        return todo(hint)

    def flow(self, part):
        """A group of single values as `{a: …, b: …}`; None when it holds a list or a group."""
        fields = list(written(part))
        if any(self.nested(info) for _, info, _ in fields):
            return None
        return "{" + ", ".join(f"{key}: {self.value(*field_type(info), info)}" for key, info, _ in fields) + "}"

    def part(self, key, part, indent):
        flow = self.flow(part)
        return [f"{indent}{key}: {flow}"] if flow else [f"{indent}{key}:", *self.block(part, indent + "  ")]

    def item(self, part, indent):
        """One item of a list of groups, as `- …`."""
        flow = self.flow(part)
        if flow:
            return [f"{indent}- {flow}"]
        # the `-` goes on a required field: deleting an optional line never breaks the list
        fields = sorted(written(part), key=lambda field: not field[1].is_required())[:1]
        first, *rest = self.block(part, indent + "  ", first=fields)
        return [f"{indent}- {first.lstrip()}", *rest]

    def block(self, part, indent, first=()):
        lines = []
        for key, info, _ in [*first, *(field for field in written(part) if field not in first)]:
            annotation, metadata = field_type(info)
            if is_part(annotation):
                lines += self.part(key, annotation, indent)
            else:
                lines.append(f"{indent}{key}: {self.value(annotation, metadata, info)}")
        return lines

    @staticmethod
    def nested(info):
        annotation, _ = field_type(info)
        return is_part(annotation) or get_origin(annotation) is list
