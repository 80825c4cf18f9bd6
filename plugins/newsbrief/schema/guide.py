"""The editor's guide: Markdown tables of the fields of every content type, rendered from
the models into docs/editing.md (`make docs`; newsbrief.tools.guide is the command)."""

import re
from typing import Literal, get_args, get_origin

import annotated_types

from .models import CONTENT_TYPES
from .parts import Part
from .values import DEFAULT_LANGUAGES, Ref, Shown, is_fact
from .walk import field_type, unwrap

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
            block = f"{start}\n<!-- generated from plugins/newsbrief/schema/ by `make docs`; do not edit -->\n\n{self.render(kind)}\n\n{end}"
            text = pattern.sub(lambda _, block=block: block, text)
        return text
