"""Render only the pages whose inputs changed; write only the files whose bytes changed.

The build still makes a whole new site in a staging folder and swaps it in only when it
succeeded (newsbrief.build), so a failed build leaves `output/` as it was. What changes is
how the staging folder is filled, by `IncrementalWriter`, Pelican's writer with two steps
added when the build has a cache (newsbrief.cache):

1. A page of one brief, person, company or page has a *stamp*: the digest of the bytes of
   every file its page shows something of (below), of the theme (templates, catalogues)
   and of the settings and code (the cache folder's name). When the stamp is the one the
   page had in the last build, and that build's file in `output/` is untouched (same size
   and modification time as recorded), the file is hard-linked into the staging folder
   instead of being rendered again. Every other page (home, indexes, archives, feeds,
   sitemap) is always rendered.
2. A rendered file whose bytes equal the file of the same name in `output/` is hard-linked
   too, so its inode and modification time do not change; only different bytes are written.

What a page shows something of (its dependencies), by content item (every language file
of the item counts):
- a brief: itself; the people and companies it lists; every person whose facts cite it,
  and the companies of those facts; and the names of every profile, by which its mentions
  are linked;
- a person: itself; the briefs that list them or that their facts cite; the companies
  their facts name;
- a company: itself; its parent and children; the briefs that list it or that its facts
  cite; every person whose moves or affiliations name it, the companies at the other end
  of those moves and the briefs they cite;
- a page: itself.
An item that is not published (a draft, a missing file) is part of the stamp by its absence.
A template that shows more of another item must add it here; the tests compare cached
rebuilds with clean builds after each kind of edit.
"""

import hashlib
import io
import os
from collections import defaultdict

from pelican.contents import Article, Page
from pelican.writers import Writer

from .cache import profile_names_digest
from .contents import Company, Person

# The keyword by which each generator passes the content object of a page.
ITEM_KEYWORDS = ("article", "page", "person", "company")


def _versions(item):
    return (item, *getattr(item, "translations", ()))


def _sources(facts):
    """Brief slugs cited by a list of facts ({source: {article}}, or {article})."""
    for fact in facts or ():
        if isinstance(fact, dict):
            source = fact.get("source", fact)
            if isinstance(source, dict) and isinstance(source.get("article"), str):
                yield source["article"]


class Dependencies:
    """Each content item's dependencies (see the module docstring), from the context."""

    def __init__(self, context, digest, global_stamp):
        self.digest = digest
        self.global_stamp = global_stamp
        people = {p.slug: p for p in context.get("people", [])}
        companies = {c.slug: c for c in context.get("companies", [])}
        briefs = {b.slug: b for b in context.get("articles", [])}
        pages = {p.slug: p for p in context.get("pages", [])}
        self.items = {"person": people, "company": companies, "brief": briefs, "page": pages}
        self.deps = defaultdict(set)  # (kind, slug) -> {(kind, slug)}

        def add(a, b):
            self.deps[a].add(b)

        for slug, brief in briefs.items():
            for person in getattr(brief, "people", None) or []:
                add(("brief", slug), ("person", person))
                add(("person", person), ("brief", slug))
            for company in getattr(brief, "companies", None) or []:
                add(("brief", slug), ("company", company))
                add(("company", company), ("brief", slug))
        for slug, person in people.items():
            moves = getattr(person, "moves", None) or []
            affiliations = getattr(person, "affiliations", None) or []
            cited = set(_sources(moves)) | set(_sources(affiliations)) | set(_sources(getattr(person, "sources", None)))
            named = {m.get(end) for m in moves if isinstance(m, dict) for end in ("from", "to")}
            named |= {a.get("org") for a in affiliations if isinstance(a, dict)}
            named = {c for c in named if isinstance(c, str)}
            for brief in cited:
                add(("person", slug), ("brief", brief))
                add(("brief", brief), ("person", slug))
                for company in named:
                    add(("brief", brief), ("company", company))
            for company in named:
                add(("person", slug), ("company", company))
                add(("company", company), ("person", slug))
                for other in named:  # the other end of a move; the briefs citing it
                    add(("company", company), ("company", other))
                for brief in cited:
                    add(("company", company), ("brief", brief))
        for slug, company in companies.items():
            for brief in _sources(getattr(company, "sources", None)):
                add(("company", slug), ("brief", brief))
            parent = getattr(company, "parent", None)
            if isinstance(parent, str):
                add(("company", slug), ("company", parent))
                add(("company", parent), ("company", slug))
        # The names by which mentions are linked, in every language.
        self.names = profile_names_digest(people.values(), companies.values())
        self.stamps = {}

    def files(self, kind, slug):
        """(path, digest) of the item's files, or a mark of its absence."""
        item = self.items[kind].get(slug)
        if item is None:
            return [(f"absent {kind} {slug}", "")]
        return [(v.source_path, self.digest(v.source_path)) for v in _versions(item)]

    def stamp(self, kind, slug):
        if (kind, slug) not in self.stamps:
            self.stamps[(kind, slug)] = self._stamp(kind, slug)
        return self.stamps[(kind, slug)]

    def _stamp(self, kind, slug):
        digest = hashlib.sha1(self.global_stamp.encode())
        if kind == "brief":
            digest.update(self.names.encode())
        for dependency in sorted({(kind, slug)} | self.deps[(kind, slug)]):
            digest.update(repr((dependency, self.files(*dependency))).encode())
        return digest.hexdigest()


def _kind_of(item):
    """The kind of a content object; None for anything else (a paginator's page, say)."""
    for cls, kind in ((Article, "brief"), (Page, "page"), (Person, "person"), (Company, "company")):
        if isinstance(item, cls):
            return kind
    return None


class IncrementalWriter(Writer):
    """Pelican's writer, filling the staging folder as the module docstring says."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.cache = settings["NEWSBRIEF_CACHE"]
        self.previous_output = settings["NEWSBRIEF_PREVIOUS_OUTPUT"]
        self.previous = self.cache.previous_pages(self.previous_output)
        self.stamps = {}  # name -> stamp of the pages of this build
        self.dependencies = None
        self.rendered = self.reused = self.unchanged = 0
        self.cache.writer = self  # the build records the stamps once the site is swapped in

    def _previous_file(self, name):
        """The file of that name in the last build's output, if it is as that build left it."""
        record = self.previous.get(name)
        path = os.path.join(self.previous_output, name)
        try:
            stat = os.stat(path)
        except OSError:
            return None
        if record is None or (stat.st_size, stat.st_mtime_ns) != record[1:]:
            return None
        return path

    def _link(self, source, name):
        target = os.path.join(self.output_path, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(source, target)
        self._written_files.add(target)

    def write_file(self, name, template, context, *args, **kwargs):
        item = next((kwargs[k] for k in ITEM_KEYWORDS if kwargs.get(k) is not None), None)
        kind = _kind_of(item) if item is not None else None
        if name and kind and not kwargs.get("paginated"):
            if self.dependencies is None:
                self.dependencies = Dependencies(context, self.cache.digest, self.cache.global_stamp())
            stamp = self.dependencies.stamp(kind, item.slug)
            self.stamps[name] = stamp
            previous = self._previous_file(name)
            if previous is not None and self.previous[name][0] == stamp:
                self._link(previous, name)
                self.reused += 1
                return
        return super().write_file(name, template, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        """Check as Pelican does, then write only when the bytes differ from output/'s."""
        if filename in self._written_files and not override:
            return super()._open_w(filename, encoding, override)  # Pelican's error
        self._written_files.add(filename)
        return _ChangedOnly(self, filename)

    def written(self, filename, text):
        self.rendered += 1
        data = text.encode("utf-8")
        name = os.path.relpath(filename, self.output_path)
        old = os.path.join(self.previous_output, name)
        try:
            same = os.path.getsize(old) == len(data) and open(old, "rb").read() == data
        except OSError:
            same = False
        if os.path.lexists(filename):
            os.remove(filename)
        if same:
            os.link(old, filename)
            self.unchanged += 1
        else:
            with open(filename, "wb") as handle:
                handle.write(data)


class _ChangedOnly(io.StringIO):
    def __init__(self, writer, filename):
        super().__init__()
        self.writer, self.filename = writer, filename

    def close(self):
        if not self.closed:
            self.writer.written(self.filename, self.getvalue())
        super().close()


def get_writer(pelican):
    if pelican.settings.get("NEWSBRIEF_CACHE") is not None and pelican.settings.get("NEWSBRIEF_PREVIOUS_OUTPUT"):
        return IncrementalWriter
    return None


def page_record(writer_stamps, output):
    """{name: (stamp, size, mtime)} of the pages of a build, read after the swap."""
    record = {}
    for name, stamp in writer_stamps.items():
        try:
            stat = os.stat(os.path.join(output, name))
        except OSError:
            continue
        record[name] = (stamp, stat.st_size, stat.st_mtime_ns)
    return record

