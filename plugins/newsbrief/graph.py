"""Who moved where: the moves of every person, indexed by company.

One object built once per build from the profiles' facts; the person, company, home
and (later) talent-flow, timeline, JSON-LD and open-data pages all read from it.
"""

from collections import defaultdict

from .months import MovesByMonth
from .recording import EVERYTHING, Move, note, recorded, version  # noqa: F401 (what graph offers)
from .related import RelatedBriefs


class TalentGraph(RelatedBriefs, MovesByMonth):
    """Only published content is in the graph. A fact that names a draft (a move to a draft
    company, a source in a draft brief) is kept without that end: `person()`, `company()`,
    `brief()` and `source_url()` answer None for what is not published, a move's origin or
    destination is None, and templates leave the link out."""

    reads = None  # the slugs the page being rendered has read (newsbrief.memo), or None

    def __init__(self, people, companies, briefs):
        """Profiles and briefs in the default language (each with its translations)."""
        self.people = {p.slug: p for p in people}
        self.companies = {c.slug: c for c in companies}
        self.briefs = {b.slug: b for b in briefs}
        # Moves are listed in the order the briefs name the people, oldest brief first.
        order = {}
        for brief in sorted(briefs, key=lambda b: (b.date, b.slug)):
            for slug in getattr(brief, "people", None) or []:
                order.setdefault(slug, len(order))
        self.moves = []
        for person in sorted(people, key=lambda p: (order.get(p.slug, len(order)), p.slug)):
            for number, move in enumerate(getattr(person, "moves", None) or [], start=1):
                origin, destination = (
                    slug if slug in self.companies else None
                    for slug in (move.get("from"), move.get("to"))
                )
                self.moves.append(Move(person.slug, number, origin, destination, move))
        # Indexes built once, so that each page's lookups do not scan the whole archive. A
        # company's moves are its own and its parts' (a lab inside it): a move into the lab
        # joins the company too, unless it comes from inside the company.
        self._joined, self._left, self._moves_of = defaultdict(list), defaultdict(list), defaultdict(list)
        for move in self.moves:
            self._moves_of[move.person].append(move)
            inside, outside = self.within(move.destination), self.within(move.origin)
            for slug in inside:
                if slug not in outside:
                    self._joined[slug].append(move)
            for slug in outside:
                if slug not in inside:
                    self._left[slug].append(move)
        self._children = defaultdict(list)
        for company in companies:
            if getattr(company, "parent", None):
                self._children[company.parent].append(company)

    def within(self, slug):
        """`slug` and every company it is part of (its parent, theirs, …), innermost first."""
        found = []
        while slug in self.companies and slug not in found:
            found.append(slug)
            slug = getattr(self.companies[slug], "parent", None)
        return found

    @recorded
    def relation(self, company_slug, move):
        """("in" | "out" | None, the part of the company (not itself) the move joins or leaves, or None)."""
        inside, outside = self.within(move.destination), self.within(move.origin)
        if (company_slug in inside) == (company_slug in outside):
            return None, None
        end = move.destination if company_slug in inside else move.origin
        return ("in" if company_slug in inside else "out"), (end if end != company_slug else None)

    @recorded
    def facing(self, company_slug, moves, direction):
        """The `moves` that join (`in`) or leave (`out`) the company or a part of it."""
        return [m for m in moves if self.relation(company_slug, m)[0] == direction]

    @recorded
    def person(self, slug, lang):
        return version(self.people[slug], lang) if slug in self.people else None

    @recorded
    def company(self, slug, lang):
        return version(self.companies[slug], lang) if slug in self.companies else None

    @recorded
    def brief(self, slug, lang):
        return version(self.briefs[slug], lang) if slug in self.briefs else None

    @recorded
    def source_url(self, source, lang):
        """URL of the paragraph of the brief that states a fact: `{article, paragraph}`."""
        brief = self.brief(source["article"], lang)
        return f"{brief.url}#p-{source['paragraph']}" if brief else None

    @recorded
    def fact_source(self, item, name):
        """The source of a profile's fact `name` (`role`, `type`, `parent`): `{article, paragraph}`."""
        return getattr(item.facts, f"{name}_source", None)

    @recorded
    def stated_count(self, company_slug, of):
        """The number of people the brief gives as having joined or left (`of`), or None."""
        company = self.companies.get(company_slug)
        counts = getattr(company, "counts", None) or []
        return next((c for c in counts if c.get("of") == of), None)

    @recorded
    def cited(self, moves):
        """[(move, source)] with one move per cited paragraph, in order: a row about several
        moves links each paragraph once, naming the person of its first move."""
        seen, out = set(), []
        for move in moves:
            source = move.facts.get("source") or {}
            key = (source.get("article"), source.get("paragraph"))
            if key not in seen:
                seen.add(key)
                out.append((move, source))
        return out

    @recorded
    def moves_of(self, person_slug):
        return list(self._moves_of.get(person_slug, []))

    @recorded
    def joined(self, company_slug):
        """Moves into the company, in the order the article states them."""
        return self._joined.get(company_slug, [])

    @recorded
    def left(self, company_slug):
        return self._left.get(company_slug, [])

    @recorded
    def exchanges(self, company_slug):
        """[(other company slug, moves into it from here, moves from it to here)]."""
        pairs = defaultdict(lambda: ([], []))
        for move in self.left(company_slug):
            if move.destination:
                pairs[move.destination][0].append(move)
        for move in self.joined(company_slug):
            if move.origin:
                pairs[move.origin][1].append(move)
        return sorted(pairs.items(), key=lambda item: item[0])

    @recorded
    def children(self, company_slug):
        return list(self._children.get(company_slug, []))

    # --- Listings over a growing archive (issue 9): indexes built once, read per page. ----

    @recorded
    def brief_of(self, move):
        """Slug of the published brief that reports `move`, or None."""
        slug = (move.facts.get("source") or {}).get("article")
        return slug if slug in self.briefs else None

    @property
    def _listings(self):
        """Built on first use: moves by brief, and every move and each company's moves,
        newest brief first (moves of one brief in the order the briefs state them)."""
        if not hasattr(self, "_listing_cache"):
            by_brief = defaultdict(list)
            for move in self.moves:
                by_brief[self.brief_of(move)].append(move)
            newest = sorted(
                (b for b in self.briefs.values()), key=lambda b: (b.date, b.slug), reverse=True,
            )
            ordered = [m for b in newest for m in by_brief.get(b.slug, [])] + by_brief.get(None, [])
            by_company = defaultdict(list)
            for move in ordered:
                for slug in dict.fromkeys(self.within(move.origin) + self.within(move.destination)):
                    by_company[slug].append(move)
            self._listing_cache = by_brief, ordered, by_company
        return self._listing_cache

    @recorded
    def moves_in_brief(self, brief_slug):
        """The moves a brief reports, in the order the briefs state them."""
        return self._listings[0].get(brief_slug, [])

    @recorded
    def brief_moves_about(self, brief_slug, person, companies):
        """The moves a brief reports of `person` (a slug, or None) or into or out of one of
        `companies` (slugs): a page that shows only those is not about the brief's others."""
        return [m for m in self._listings[0].get(brief_slug, [])
                if m.person == person or {m.origin, m.destination} & set(companies)]

    @recorded
    def moves_newest_first(self):
        return self._listings[1]

    @recorded
    def company_moves(self, company_slug):
        """Moves into and out of a company or its parts, newest brief first."""
        return self._listings[2].get(company_slug, [])

    @recorded
    def group_by_brief(self, moves, lang):
        """[(brief in `lang` or None, [moves])], keeping the order of `moves`."""
        groups = []
        for move in moves:
            slug = self.brief_of(move)
            if not groups or groups[-1][0] != slug:
                groups.append((slug, []))
            groups[-1][1].append(move)
        return [(self.brief(slug, lang) if slug else None, items) for slug, items in groups]

    @property
    def _mentions(self):
        """{profile slug: [brief slugs]} newest first, built once."""
        if not hasattr(self, "_mentions_cache"):
            index = defaultdict(list)
            for brief in sorted(self.briefs.values(), key=lambda b: (b.date, b.slug), reverse=True):
                for slug in dict.fromkeys((getattr(brief, "people", None) or [])
                                          + (getattr(brief, "companies", None) or [])):
                    index[slug].append(brief.slug)
            self._mentions_cache = index
        return self._mentions_cache

    @recorded
    def latest_briefs_mentioning(self, slug, lang, limit):
        """The `limit` newest briefs, in `lang`, that name `slug` (from an index, not a scan)."""
        self.note_derived(f"briefs:{slug}")
        return [self.brief(b, lang) for b in self._mentions.get(slug, [])[:limit]]

    @recorded
    def count_briefs_mentioning(self, slug):
        self.note_derived(f"briefs:{slug}")
        return len(self._mentions.get(slug, []))

    @recorded
    def busiest_exchanges(self, company_slug, limit):
        """`exchanges()` of the `limit` companies with the most moves to or from this one."""
        pairs = self.exchanges(company_slug)
        pairs.sort(key=lambda item: -(len(item[1][0]) + len(item[1][1])))  # stable: slug order kept
        return pairs[:limit]
