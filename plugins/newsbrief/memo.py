"""Pages not rendered again when nothing they show has changed.

While a page renders, the talent graph notes every slug it is asked about or answers
with (`graph.recorded`), and the page's own arguments (its brief or profile, its list of
items, its pagination) are noted too. A successful build keeps, per page file, a digest
of those arguments (its *shape*), the slugs it read and the warnings its rendering
logged (`pages.jsonl` under CACHE_PATH, bound to the site it describes), with one digest per slug of all a page can
see of it:

- every language's front-matter as read, URL, and whether it has its own share card;
- under the key `text:<slug>`, which only the item's own page notes (OWN_PAGES): its body
  as shown (links resolved) and key points, and for a brief the names the build's matcher
  finds in them and where each links (newsbrief.mentions), not the whole table of names:
  renaming a person renders again the pages that show the old or the new name only;
- what the graph says of it: a person's moves, a company's moves in and out and its labs,
  a brief's moves;
- for a key of an answer about other briefs (`related:<brief>`, `around:<person>`,
  `briefs:<slug>`: the briefs that name a profile; newsbrief.related), that answer.

The next build renders a page only when its shape or the digest of one of its slugs
differs; otherwise the current site's file is linked into the new one, and its warnings
are logged again. Every page is rendered when the code, theme, catalogues or settings
changed, or when the output folder is not as the last build left it (the caller passes
the build's state a `previous_site` only then, newsbrief.state). Only templates whose content reaches them through
their arguments and the graph are kept (PAGE_TEMPLATES); the site-level pages (home,
corrections, search, 404) read the whole archive and are always rendered. With
NEWSBRIEF_STRICT_MEMO, a kept page that reads anything else fails (newsbrief.memoguard).
"""

import dataclasses
import datetime
import functools
import hashlib
import json
import logging
import os
import shutil

from pelican.writers import Writer

from . import memoguard
from .graph import EVERYTHING, Move, note
from .report import Records
from .state import state_of
from .store import cache_folder, open_data, typed

TEXT = "text:"  # "text:<slug>": the key of an item's text (`_text`), which only its own page shows
OWN_FIELDS = {"key_points"}  # front-matter only the item's own page shows (with its text)
OWN_PAGES = {"article", "page", "person", "company"}  # templates named as the argument of the item they show
PAGE_TEMPLATES = {"article", "page", "person", "company", "archive", "moves", "company-moves", "index",
                  "person-feed", "company-feed"}  # the last two: newsbrief.feeds.ProfileFeed


class Unsignable(Exception):
    """A page argument with no stable text: the page is always rendered."""


def move_signature(talent, move):
    return (move.person, move.sequence, move.origin, move.destination, talent.brief_of(move))


def signature(value, slugs):
    """A stable, comparable form of a page argument; the slugs it names go to `slugs`."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Move):
        note(slugs, value)
        return ("move", value.person, value.sequence)
    if isinstance(value, (list, tuple)):
        return tuple(signature(v, slugs) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(k), signature(v, slugs)) for k, v in value.items()))
    if hasattr(value, "translations") and isinstance(getattr(value, "slug", None), str):
        slugs.add(value.slug)
        return (type(value).__name__, value.slug, getattr(value, "lang", None))
    if dataclasses.is_dataclass(value):
        return (type(value).__name__,) + tuple(
            signature(getattr(value, f.name), slugs) for f in dataclasses.fields(value))
    text = repr(value)
    if " at 0x" in text:
        raise Unsignable(text)
    return (type(value).__name__, text)


class PageMemo:
    """The pages of the last build (see the module docstring), and this build's."""

    def __init__(self, settings, context):
        self.settings, self.context = settings, context
        self.path = self.record_path(settings["CACHE_PATH"])
        state = state_of(settings)
        self.previous_site, self.sources = state.previous_site, state.sources
        self.pages, self.digests = {}, {}
        if self.previous_site:
            self.pages, self.digests = self.load(self.path, state.previous_state)
        self.fresh = {}  # file -> (shape, slugs, warnings) of the pages rendered by this build
        self.kept = {}  # the same, of the pages kept from the last build
        self._now = {}
        self.rendered = self.reused = 0
        self.strict = memoguard.is_on(settings)  # refuse what a page reads unrecorded

    # --- What any page can see of a slug, in this build. ---------------------------------

    @functools.cached_property
    def static_pages(self):
        return {page.slug: page for page in self.context.get("pages", [])}

    def digest(self, slug):
        if slug not in self._now:
            self._now[slug] = self._digest(slug)
        return self._now[slug]

    def _digest(self, slug):
        talent = self.context["talent"]
        own = slug.startswith(TEXT)  # the key of an item's text, noted by its own page only
        derived = None if own else talent.derived(slug)
        if derived is not None:  # an answer that depends on other briefs (newsbrief.related)
            return hashlib.sha1(repr(derived).encode()).hexdigest()
        slug = slug.removeprefix(TEXT)
        parts = []
        if slug == EVERYTHING:
            parts.append([move_signature(talent, m) for m in talent.moves_newest_first()])
        for kind, table in (("brief", talent.briefs), ("person", talent.people),
                            ("company", talent.companies), ("page", self.static_pages)):
            item = table.get(slug)
            if item is not None:
                parts += [self._text(kind, v) if own else self._shown(kind, slug, v) for v in (item, *item.translations)]
                parts.append(None if own else self._graph(kind, slug, talent))
        return hashlib.sha1(repr(parts).encode()).hexdigest() if parts else ""

    def _shown(self, kind, slug, version):
        """What any page can show of one version of an item: its front-matter as read (but
        OWN_FIELDS), url, summary, lists and whether it has a share card; not its text (`_text`)."""
        fields = repr(sorted((k, v) for k, v in getattr(version, "metadata", {}).items() if k not in OWN_FIELDS))
        if " at 0x" in fields:  # a value with no stable text: the file's bytes stand for it
            fields = self.sources.digests.get(version.source_path)
        return (kind, version.lang, fields, version.url, version.save_as, str(getattr(version, "summary", "")),
                repr(getattr(version, "people", None)), repr(getattr(version, "companies", None)),
                (kind, slug) in self.context.get("share_card_profiles", ()))

    def _text(self, kind, version):
        """The text of one version of an item as its own page shows it: a brief's with the
        names found in it and where they link (newsbrief.mentions)."""
        return (version.get_content(self.settings["SITEURL"]), repr(getattr(version, "key_points", None)),
                self.context["mentions"].digest(version) if kind == "brief" else None)

    @staticmethod
    def _graph(kind, slug, talent):
        """What the graph says of `slug`: every answer a template can get about it."""
        def moves(found):
            return [move_signature(talent, m) for m in found]
        if kind == "person":
            return moves(talent.moves_of(slug))
        if kind == "company":
            return (moves(talent.company_moves(slug)), moves(talent.joined(slug)), moves(talent.left(slug)),
                    [c.slug for c in talent.children(slug)])
        if kind == "brief":
            return moves(talent.moves_in_brief(slug))
        return None

    # --- One page. ---------------------------------------------------------------------

    def shape(self, name, template, arguments):
        """(digest of the page's arguments, the slugs they name); Unsignable if one has no
        stable form."""
        slugs = set()
        text = repr((name, template.name, signature(arguments, slugs)))
        return hashlib.sha1(text.encode()).hexdigest(), slugs

    def reusable(self, name, shape):
        """The last build's file of page `name`, when nothing it shows has changed."""
        last = self.pages.get(name)
        if not last or last[0] != shape:
            return None
        if any(self.digests.get(slug) != self.digest(slug) for slug in last[1]):
            return None
        path = os.path.join(self.previous_site, name)
        return path if os.path.isfile(path) and not os.path.islink(path) else None

    def keep(self, name):
        self.kept[name] = self.pages[name]
        self.reused += 1
        for logger, level, message in self.pages[name][2]:
            logging.getLogger(logger).log(level, "%s", message)

    def remember(self, name, shape, slugs, warnings):
        self.fresh[name] = (shape, frozenset(s for s in slugs if s), tuple(warnings))
        self.rendered += 1

    def start_over(self):
        """In a rendering process: note only the pages it renders (`report()` sends them)."""
        self.fresh, self.kept, self.rendered, self.reused = {}, {}, 0, 0

    def report(self):
        return self.fresh, self.kept, self.rendered, self.reused

    def merge(self, report):
        fresh, kept, rendered, reused = report
        self.fresh.update(fresh)
        self.kept.update(kept)
        self.rendered += rendered
        self.reused += reused

    # --- After the build. --------------------------------------------------------------

    def save(self, state):
        """Write the record of this build's pages, for the site whose output_state is
        `state` (newsbrief.cache.BuildRecord): one JSON line per page (memory stays flat),
        after a first line with that state and the digest of every slug the pages read."""
        pages = {**self.kept, **self.fresh}
        slugs = set().union(*(page[1] for page in pages.values())) if pages else set()
        digests = {slug: self.digest(slug) for slug in slugs}
        cache_folder(os.path.dirname(self.path))
        temporary = f"{self.path}.{os.getpid()}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"state": state, "digests": digests}) + "\n")
            for name, (shape, slugs, warnings) in pages.items():
                handle.write(json.dumps([name, shape, sorted(slugs), [list(w) for w in warnings]]) + "\n")
        os.replace(temporary, self.path)

    @staticmethod
    def load(path, state):
        """(pages, digests) of the record at `path` when it describes the site whose
        output_state is `state`; ({}, {}) when it does not, or is not what `save` writes."""
        pages = {}
        try:
            with open_data(path, limit=1 << 30) as handle:
                head = json.loads(handle.readline())
                if not typed(head, {"state": str, "digests": dict}) or head["state"] != state \
                        or not all(type(v) is str for v in head["digests"].values()):
                    return {}, {}
                for line in handle:
                    name, shape, slugs, warnings = json.loads(line)
                    if not (type(name) is type(shape) is str and type(slugs) is type(warnings) is list
                            and all(type(s) is str for s in slugs) and all(
                                type(w) is list and len(w) == 3 and type(w[0]) is type(w[2]) is str
                                and type(w[1]) is int for w in warnings)):
                        return {}, {}
                    pages[name] = (shape, frozenset(slugs), tuple(map(tuple, warnings)))
        except (OSError, ValueError, TypeError, RecursionError):  # a line of the wrong length, too
            return {}, {}
        return pages, head["digests"]

    @staticmethod
    def record_path(cache_path):
        return os.path.join(cache_path, "pages.jsonl")


class MemoWriter(Writer):
    """Pelican's writer, which keeps a page from the last build when nothing it shows
    changed (PageMemo), and notes what each page it renders reads."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None, **kwargs):
        memo, talent = state_of(self.settings).memo, context.get("talent")
        render = functools.partial(super().write_file, name, template, context, relative_urls, paginated, **kwargs)
        if memo is None or talent is None or paginated or not name or \
                template.name.removesuffix(".html") not in PAGE_TEMPLATES:
            return render()
        try:
            shape, slugs = memo.shape(name, template, (relative_urls, kwargs))
        except Unsignable:
            return render()
        kind = template.name.removesuffix(".html")
        own = kwargs.get(kind) if kind in OWN_PAGES else None
        if getattr(own, "slug", None):  # the page of a brief or profile shows its text
            slugs.add(TEXT + own.slug)
        old = memo.reusable(name, shape)
        if old:
            path = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            try:
                os.link(old, path)
            except OSError:  # another file system
                shutil.copy2(old, path)
            return memo.keep(name)
        catch = Records()
        logging.getLogger().addHandler(catch)
        talent.reads = slugs
        try:
            if memo.strict:
                page = memoguard.page_context(context, self.settings, kwargs, template.name)
                super().write_file(name, template, page, relative_urls, paginated, **kwargs)
                if page.get("localsiteurl"):  # as Pelican's writer keeps it
                    context["localsiteurl"] = page["localsiteurl"]
            else:
                render()
        finally:
            talent.reads = None
            logging.getLogger().removeHandler(catch)
        memo.remember(name, shape, slugs, catch.records)


def writer_class(pelican):
    """Pelican's `get_writer` signal."""
    return MemoWriter
