"""Pydantic's validation errors in an editor's words: what is wrong, and how to fix it.

`Explainer(model, languages).explain(error)` turns one error of
`model.model_validate(...)` into (location, message, fix). The location is pydantic's
`loc` (`("moves", 0, "to")`), extended to the field an error about a whole group is
about; `format_loc` writes it as an editor reads it: `moves[1].to`.
"""

import difflib
from typing import Literal, get_args, get_origin

import annotated_types

from ..schema.parts import Part
from ..schema.values import CONTENT_ERROR
from ..schema.walk import field_names, field_type, model_at, shape, unwrap

TYPE_WORDS = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a group of fields `{…}`",
    "model_type": "a group of fields `{…}`",
    "model_attributes_type": "a group of fields `{…}`",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
}


def format_loc(loc):
    """`("moves", 0, "to")` → `moves[1].to`: list items are counted from 1, as editors count."""
    text = ""
    for key in loc:
        text += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text or "front-matter"


def describe_value(value):
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (YAML reads yes, no, on, off, true and false as true or false)"
    if isinstance(value, (int, float)):
        return f"the number `{value}`"
    if isinstance(value, str):
        return f"the text `{value}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields `{…}`"
    return f"`{value}`"


class Explainer:
    """Explains the validation errors of one content model."""

    def __init__(self, model, languages):
        self.model = model
        self.languages = tuple(languages)

    def field_info(self, loc):
        """The pydantic FieldInfo of the field at `loc`, or None."""
        holder = model_at(self.model, loc)
        if holder is None or not loc or isinstance(loc[-1], int):
            return None
        return next((i for n, i in holder.model_fields.items() if (i.alias or n) == loc[-1]), None)

    def example(self, info):
        """An example value for a field, as the editor writes it."""
        annotation, metadata = field_type(info)
        if get_origin(annotation) is list:
            item, _ = unwrap(get_args(annotation)[0])
            if isinstance(item, type) and issubclass(item, Part):
                needed = any(isinstance(m, annotated_types.MinLen) for m in metadata)
                return f"[{shape(item)}]" if needed else "[]"
            return "[]"
        if isinstance(annotation, type) and issubclass(annotation, Part):
            return shape(annotation)
        if get_origin(annotation) is Literal:
            return str(get_args(annotation)[0])
        if get_origin(annotation) is dict:
            return "{" + ", ".join(f"{lang}: …" for lang in self.languages) + "}"
        if annotation.__name__ == "date":
            return "YYYY-MM-DD"
        return "…"

    def explain(self, error, written=None):
        """(loc, message, fix) of one pydantic error; `written` is the value as the file
        writes it, when it is a single value."""
        kind, loc, value = error["type"], tuple(error["loc"]), error.get("input")
        context = error.get("ctx") or {}
        if kind == CONTENT_ERROR:
            if "field" in context:
                loc = (*loc, context["field"])
            return loc, context["message"], context["fix"]
        name = loc[-1] if loc and isinstance(loc[-1], str) else None
        info = self.field_info(loc)
        item = model_at(self.model, loc) if loc and isinstance(loc[-1], int) else None
        if kind == "invalid_key":
            return (*loc[:-1], str(loc[-1])), f"`{loc[-1]}` is not a field name", "remove the line, or write the field's name"
        if kind == "missing":
            where = f" to this {model_at(self.model, loc).label}" if len(loc) > 1 else ""
            example = self.example(info) if info else "…"
            allowed = self.allowed(info)
            hint = f"one of {allowed}" if allowed else self.hint(info)
            hint = f" ({hint})" if hint else ""
            return loc, "required field is missing", f"add `{name}: {example}`{where}{hint}"
        if kind == "extra_forbidden":
            return loc, "unknown field", self.unknown_field_fix(loc)
        if value is None:
            required = info is None or info.is_required()
            fix = "write a value after the colon" + ("" if required else ", or remove the line")
            if info is not None and get_origin(field_type(info)[0]) is list:
                fix = f"write `{name}: []` for none, or the list" if required else fix
            return loc, "the field has no value", fix
        if kind == "literal_error":
            allowed = self.allowed(info) or context.get("expected", "")
            return loc, f"`{value}` is not allowed here", f"use one of {allowed}"
        if kind == "list_type":
            shown = value if not isinstance(value, dict) else "{…}"
            return loc, f"expected a list, got {describe_value(value)}", (
                f"write a list in square brackets: `{name}: [{shown}]`, or `{name}: []` for none"
            )
        if kind in TYPE_WORDS and TYPE_WORDS[kind].startswith("a group"):
            if name is None and isinstance(item, type) and issubclass(item, Part):
                fix = f"write each item as `{shape(item)}`"
            else:
                fix = f"write it as `{name}: {self.example(info) if info else '{…}'}`"
            return loc, f"expected a group of fields, got {describe_value(value)}", fix
        if kind == "string_type":
            quoted = f'"{written}"' if written is not None else '"…"'
            quoted = f"`{name}: {quoted}`" if name else f"`{quoted}`"
            return loc, f"expected text, got {describe_value(value)}", f"put the text in quotes: {quoted}"
        if kind in ("int_type", "int_parsing", "int_from_float"):
            return loc, f"expected a whole number, got {describe_value(value)}", "write a number without quotes, e.g. `3`"
        if kind == "greater_than_equal":
            return loc, f"`{value}` is too small", f"use {context.get('ge')} or more (counting starts at 1)"
        if kind == "too_short":
            least = context.get("min_length", 1)
            example = self.example(info) if info else "[…]"
            return loc, f"needs at least {least} item{'s' if least != 1 else ''}", f"add one: `{name}: {example}`"
        if kind == "too_long":
            most = context.get("max_length")
            return loc, f"has {context.get('actual_length')} items, more than the limit of {most}", (
                f"keep the {most} that matter most")
        return loc, error["msg"], "see the fields table in docs/editing.md"

    @staticmethod
    def hint(info):
        """The field's description, as a parenthesis: `what they do or did, as the brief says it`."""
        text = (info.description or "").split(";")[0].rstrip(".") if info else ""
        return text[:1].lower() + text[1:]

    def allowed(self, info):
        if info is None:
            return ""
        annotation, _ = field_type(info)
        if get_origin(annotation) is Literal:
            return ", ".join(f"`{v}`" for v in get_args(annotation))
        return ""

    def unknown_field_fix(self, loc):
        holder = model_at(self.model, loc)
        known = field_names(holder) if holder else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        if close:
            return f"did you mean `{close[0]}`?"
        return "remove it; the fields allowed here are " + ", ".join(f"`{k}`" for k in known)
