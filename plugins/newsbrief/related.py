"""Briefs around a brief or a person, asked of the talent graph (a mixin of TalentGraph).

Related briefs come from the graph's inverted index of names (`_mentions`: each person or
company slug to the briefs that name it, newest first), never from comparing every pair of
briefs: a brief's related list costs the length of the lists of the names it holds.
"""

import functools
import heapq

from .recording import recorded

COMMON = 64  # a name in more briefs than this is scored by bit masks (`_common_names`)


class RelatedBriefs:
    """Questions about the briefs that share names with a brief or a person's companies.
    `related_shown` is how many a page lists (RELATED_BRIEFS_SHOWN, set by generators.connect)."""

    related_shown = 5

    @functools.cached_property
    def _newest_rank(self):
        """{brief slug: 0 for the newest brief, 1 for the next, …}."""
        newest = sorted(self.briefs.values(), key=lambda b: (b.date, b.slug), reverse=True)
        return {brief.slug: rank for rank, brief in enumerate(newest)}

    def names_of(self, brief_slug):
        """The slugs a brief names in its `people` and `companies` lists, people first."""
        brief = self.briefs[brief_slug]
        return list(dict.fromkeys((getattr(brief, "people", None) or [])
                                  + (getattr(brief, "companies", None) or [])))

    @functools.cached_property
    def _name_sets(self):
        return {slug: frozenset(self.names_of(slug)) for slug in self.briefs}

    @functools.cached_property
    def _common_names(self):
        """{slug: bit mask of the briefs (bit n: the brief of rank n)} of the names in more
        than COMMON briefs: a brief naming one is scored against them by bit arithmetic, not
        by walking thousands of briefs."""
        rank, masks = self._newest_rank, {}
        for name, briefs in self._mentions.items():
            if len(briefs) > COMMON:
                bits = bytearray(len(rank) // 8 + 1)
                for slug in briefs:
                    bits[rank[slug] // 8] |= 1 << rank[slug] % 8
                masks[name] = int.from_bytes(bits, "little")
        return masks

    def related_slugs(self, brief_slug):
        """[(other brief slug, [slugs both name])]: at most `related_shown`, the most shared
        names first, then the newest; never the brief itself. Kept once computed."""
        cache = self.__dict__.setdefault("_related_cache", {})
        if brief_slug not in cache:
            names = self.names_of(brief_slug) if brief_slug in self.briefs else []
            found = self._scored(brief_slug, names)
            best = heapq.nsmallest(self.related_shown, found)
            cache[brief_slug] = [(slug, [n for n in names if n in self._name_sets[slug]]) for _, _, slug in best]
        return cache[brief_slug]

    def _scored(self, brief_slug, names):
        """[(-shared names, rank, slug)] holding the best `related_shown` other briefs: every
        brief on the list of a name in few briefs, scored exactly, and for each number of
        shared common names the newest briefs that share exactly those and no rarer name."""
        own, rank, common = frozenset(names), self._newest_rank, self._common_names
        scores = {brief_slug: 0}
        for name in names:
            for other in () if name in common else self._mentions.get(name, ()):
                if other not in scores:
                    scores[other] = len(own & self._name_sets[other])
        found = [(-score, rank[slug], slug) for slug, score in scores.items() if slug != brief_slug]
        masks = [common[name] for name in names if name in common]
        at_least = [(1 << len(rank)) - 1] + [0] * (len(masks) + 1)  # [n]: briefs in n or more masks
        for mask in masks:
            for n in range(len(masks), 0, -1):
                at_least[n] |= at_least[n - 1] & mask
        by_rank = self._by_rank
        for n in range(1, len(masks) + 1):
            level, taken = at_least[n] & ~at_least[n + 1], 0
            while level and taken < self.related_shown:
                low = level & -level
                level ^= low
                slug = by_rank[low.bit_length() - 1]
                if slug not in scores:
                    found.append((-n, low.bit_length() - 1, slug))
                    taken += 1
        return found

    @functools.cached_property
    def _by_rank(self):
        return sorted(self._newest_rank, key=self._newest_rank.__getitem__)

    def derived(self, key):
        """What the page that noted `key` was shown (newsbrief.memo digests it): `related:<brief>`
        the brief's related briefs, `around:<person>` the briefs at their companies,
        `briefs:<slug>` the briefs that name a profile; None for any other key. The answers
        depend on other briefs than those they name: a page that shows only a profile's name
        is not rendered again when a new brief names it."""
        kind, _, slug = key.partition(":")
        if kind == "briefs":
            return self._mentions.get(slug, [])
        if kind == "related":
            return self.related_slugs(slug)
        if kind == "around":
            return [(brief.slug, [c.slug for c in names]) for brief, names in self.latest_at_companies(slug, None)]
        return None

    def note_derived(self, key):
        if self.reads is not None:
            self.reads.add(key)

    @recorded
    def related_briefs(self, brief_slug, lang):
        """[(brief in `lang`, [people and companies in `lang` it also names])] (see
        `related_slugs`); a name whose profile is not published is left out."""
        self.note_derived(f"related:{brief_slug}")
        return [(self.brief(slug, lang), self.named(names, lang)) for slug, names in self.related_slugs(brief_slug)]

    @recorded
    def named(self, slugs, lang):
        """The published people and companies of `slugs`, in `lang`."""
        found = (self.person(slug, lang) or self.company(slug, lang) for slug in slugs)
        return [item for item in found if item is not None]

    @recorded
    def companies_moved_between(self, person_slug):
        """The companies a person's moves leave or join, in the order of the moves."""
        ends = (end for move in self.moves_of(person_slug) for end in (move.origin, move.destination))
        return [slug for slug in dict.fromkeys(ends) if slug]

    @recorded
    def latest_at_companies(self, person_slug, lang):
        """[(brief in `lang`, [companies in `lang` it names])]: the `related_shown` newest
        briefs that name a company the person moved between and do not name the person (those
        are under "Mentioned in"). Walks the companies' lists newest first and stops there."""
        self.note_derived(f"around:{person_slug}")
        companies = self.companies_moved_between(person_slug)
        rank = self._newest_rank
        lists = (self._mentions.get(slug, ()) for slug in companies)
        found, seen = [], set()
        for slug in heapq.merge(*lists, key=rank.__getitem__):
            if slug not in seen and person_slug not in self.names_of(slug):
                seen.add(slug)
                names = [c for c in companies if c in self.names_of(slug)]
                found.append((self.brief(slug, lang), self.named(names, lang)))
                if len(found) == self.related_shown:
                    break
        return found
