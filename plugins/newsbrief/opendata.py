"""Open data: the moves, people and companies as JSON and CSV under `/data/`, each with a
JSON Schema, made from the same talent graph as the pages (so they hold exactly what the
pages show). Names come in both languages; every move carries the URL of the paragraph
that reports it and its basis: `stated` by the brief or `inferred` by us (with a note why);
so do a person's role and a company's type and parent.
"""

import csv
import functools
import io
import json
import os

from pelican.generators import Generator

from .escaping import csv_cell
from .graph import version

SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema"
TRANSLATED = {"type": ["object", "null"], "additionalProperties": {"type": "string"}}
BASIS = {"type": "string", "enum": ["stated", "inferred"],
         "description": "`stated` by the brief, or `inferred` by us from what it says (the note says why)."}
MAYBE_BASIS = {**BASIS, "type": ["string", "null"], "enum": ["stated", "inferred", None]}
REF = {"type": ["object", "null"], "required": ["slug", "name", "url"], "additionalProperties": False,
       "properties": {"slug": {"type": "string"}, "name": {"$ref": "#/$defs/translated"},
                      "url": {"$ref": "#/$defs/translated"}}}
MOVE_FIELDS = {
    "person": {**REF, "type": "object"},
    "from": REF, "to": REF,
    "to_other": TRANSLATED, "role": TRANSLATED, "working_on": TRANSLATED, "when": TRANSLATED, "note": TRANSLATED,
    "basis": BASIS,
    "tenure": {"type": ["object", "null"], "additionalProperties": False, "properties": {
        "years": {"type": "integer"}, "months": {"type": "integer"},
        "qualifier": {"type": "string", "enum": ["more-than"]}}},
    "brief": {**REF, "type": "object"},
    "paragraph": {"type": "integer", "minimum": 1},
    "source_url": {"$ref": "#/$defs/translated"},
}
CSV_COLUMNS = [
    "person", "person_ar", "person_en", "from", "from_ar", "from_en", "to", "to_ar", "to_en",
    "to_other_ar", "to_other_en", "role_ar", "role_en", "working_on_ar", "working_on_en", "when_ar", "when_en",
    "tenure", "basis", "note_ar", "note_en", "brief", "paragraph", "source_url_ar", "source_url_en",
]


def schema(title, item_properties, required, licence):
    return {
        "$schema": SCHEMA_ID, "title": title, "type": "object",
        "required": ["licence", "items"], "additionalProperties": False,
        "properties": {
            "licence": {"type": "string", "const": licence},
            "items": {"type": "array", "items": {
                "type": "object", "required": required, "additionalProperties": False,
                "properties": item_properties}},
        },
        "$defs": {"translated": {"type": "object", "additionalProperties": {"type": "string"}}},
    }


def one_item_a_line(document):
    """The document as compact JSON with each item on a line of its own: 40 % smaller than
    indented, and still read (and diffed) an item at a time."""
    compact = functools.partial(json.dumps, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    items = ",\n".join(map(compact, document["items"]))
    return f'{{"items":[\n{items}\n],"licence":{compact(document["licence"])}}}\n'


class OpenDataGenerator(Generator):
    """Writes `/data/moves.{json,csv}`, `/data/people.json`, `/data/companies.json` and
    `/data/<name>.schema.json`."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        talent = self.context["talent"]
        self.languages = self.settings["LANGUAGES"]
        self.siteurl = self.settings["SITEURL"]
        licence = "{name} ({url})".format(**self.settings["DATA_LICENCE"])
        moves = [self.move(talent, m) for m in talent.moves]
        people = [self.person(p) for p in sorted(talent.people.values(), key=lambda p: p.slug)]
        companies = [self.company(talent, c) for c in sorted(talent.companies.values(), key=lambda c: c.slug)]
        self.write("moves", moves, MOVE_FIELDS, list(MOVE_FIELDS), licence)
        self.write("people", people, self.person_fields(), ["slug", "name", "url"], licence)
        self.write("companies", companies, self.company_fields(), ["slug", "name", "url"], licence)
        self.write_csv(moves, licence)

    def translated(self, item, attribute="title"):
        return {lang: str(getattr(version(item, lang), attribute)) for lang in self.languages
                if version(item, lang).lang == lang and getattr(version(item, lang), attribute, None)}

    def urls(self, item, fragment=""):
        return {lang: f"{self.siteurl}/{version(item, lang).url}{fragment}" for lang in self.languages
                if version(item, lang).lang == lang}

    def ref(self, item):
        if item is None:
            return None
        return {"slug": item.slug, "name": self.translated(item), "url": self.urls(item)}

    def move(self, talent, move):
        source = move.facts.get("source") or {}
        brief = talent.briefs.get(source.get("article"))
        paragraph = source.get("paragraph")
        return {
            "person": self.ref(talent.people[move.person]),
            "from": self.ref(talent.companies.get(move.origin)),
            "to": self.ref(talent.companies.get(move.destination)),
            "to_other": move.facts.get("to_other"),
            "role": move.facts.get("role"),
            "working_on": move.facts.get("working_on"),
            "basis": move.basis,
            "when": move.facts.get("when"),
            "tenure": move.facts.get("tenure"),
            "note": move.facts.get("note"),
            "brief": self.ref(brief) if brief else None,
            "paragraph": paragraph,
            "source_url": self.urls(brief, f"#p-{paragraph}") if brief else {},
        }

    def person(self, person):
        role = self.translated(person, "role") or None
        return {"slug": person.slug, "name": self.translated(person), "url": self.urls(person),
                "role": role, "role_basis": _basis(person.facts, "role") if role else None}

    @staticmethod
    def person_fields():
        return {"slug": {"type": "string"}, "name": {"$ref": "#/$defs/translated"},
                "url": {"$ref": "#/$defs/translated"}, "role": TRANSLATED, "role_basis": MAYBE_BASIS}

    def company(self, talent, company):
        facts = company.facts
        parent = talent.companies.get(getattr(facts, "parent", None))
        kind = getattr(facts, "type", None)
        return {"slug": company.slug, "name": self.translated(company), "url": self.urls(company),
                "type": kind if isinstance(kind, str) else None,
                "type_basis": _basis(facts, "type") if isinstance(kind, str) else None,
                "parent": self.ref(parent) if parent else None,
                "parent_basis": _basis(facts, "parent") if parent else None}

    @staticmethod
    def company_fields():
        return {"slug": {"type": "string"}, "name": {"$ref": "#/$defs/translated"},
                "url": {"$ref": "#/$defs/translated"}, "type": {"type": ["string", "null"]},
                "type_basis": MAYBE_BASIS, "parent": REF, "parent_basis": MAYBE_BASIS}

    def data_path(self, name):
        path = os.path.join(self.output_path, self.settings["DATA_SAVE_AS"].format(name=name))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return path

    def write(self, name, items, properties, required, licence):
        document = {"licence": licence, "items": items}
        with open(self.data_path(f"{name}.json"), "w", encoding="utf-8") as out:
            out.write(one_item_a_line(document))
        with open(self.data_path(f"{name}.schema.json"), "w", encoding="utf-8") as out:
            json.dump(schema(f"{name}.json", properties, required, licence), out, ensure_ascii=False, indent=1, sort_keys=True)
            out.write("\n")

    def write_csv(self, moves, licence):
        """UTF-8 with a byte-order mark, so spreadsheets read the Arabic; one row per move."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for move in moves:
            row = {
                "person": move["person"]["slug"], "brief": (move["brief"] or {}).get("slug", ""),
                "paragraph": move["paragraph"],
                "tenure": _tenure(move["tenure"]), "basis": move["basis"],
                "from": (move["from"] or {}).get("slug", ""), "to": (move["to"] or {}).get("slug", ""),
            }
            for lang in self.languages:
                row[f"person_{lang}"] = move["person"]["name"].get(lang, "")
                for end in ("from", "to"):
                    row[f"{end}_{lang}"] = ((move[end] or {}).get("name") or {}).get(lang, "")
                for field in ("to_other", "role", "working_on", "when", "note"):
                    row[f"{field}_{lang}"] = (move[field] or {}).get(lang, "")
                row[f"source_url_{lang}"] = move["source_url"].get(lang, "")
            writer.writerow([csv_cell(row.get(column, "")) for column in CSV_COLUMNS])
        with open(self.data_path("moves.csv"), "w", encoding="utf-8-sig", newline="") as out:
            out.write(buffer.getvalue())
        with open(self.data_path("LICENCE.txt"), "w", encoding="utf-8") as out:
            out.write(licence + "\n")


def _basis(facts, name):
    return "inferred" if getattr(facts, f"{name}_basis", None) == "inferred" else "stated"


def _tenure(tenure):
    if not tenure:
        return ""
    amount = f"{tenure['years']} years" if tenure.get("years") else f"{tenure.get('months')} months"
    return ("more than " if tenure.get("qualifier") == "more-than" else "") + amount

