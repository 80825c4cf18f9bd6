"""Walking a model: the type under a field's annotations, where the references of a file
are, the model at a location of an error, and how a part is written."""

import types
from typing import Annotated, Union, get_args, get_origin

from pydantic import (
    BaseModel,
)

from .parts import Part
from .values import SLUG, Ref

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
    kind, what = _plan(annotation, metadata)
    if kind is list:
        if isinstance(value, list):
            for number, item in enumerate(value):
                yield from _walk(what, (), item, (*loc, number))
        return
    if kind is Part:
        if isinstance(value, dict):
            yield ("part", what, loc, value)
            yield from references(what, value, loc)
        return
    if what and isinstance(value, str) and SLUG.match(value):
        yield ("ref", what, loc, value)


_PLANS = {}  # (id of an annotation, ids of its metadata) -> (annotation, metadata, plan)


def _plan(annotation, metadata):
    """What `_walk` does with a value of this annotation: (list, the items' annotation),
    (Part, the part's class), or (None, its Ref or None). Worked out once per annotation
    (the typing calls were a tenth of the checks' time), which the table keeps alive."""
    key = (id(annotation), *map(id, metadata))
    found = _PLANS.get(key)
    if found is None:
        bare, extra = unwrap(annotation, metadata)
        if get_origin(bare) is list:
            plan = (list, get_args(bare)[0])
        elif isinstance(bare, type) and issubclass(bare, Part):
            plan = (Part, bare)
        else:
            plan = (None, next((m for m in extra if isinstance(m, Ref)), None))
        found = _PLANS[key] = (annotation, metadata, plan)
    return found[2]


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
