"""Listing pages that grow with the archive: the archive and its months, all moves, the
people and companies indexes, and each company's full list of moves.

One generator per output family. Each plans its pages in `generate_context()` from indexes
built once (briefs by month, moves by brief and by company) and writes them in
`generate_output(writer)`; every page holds a bounded number of items, so no page grows
with the archive. The planned URLs are added to `context["listing_pages"]` for the sitemap.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

import babel.dates
from pelican.generators import Generator

from .collation import IndexOrder
from .generators import briefs_in, lang_prefix
from .graph import version
from .parallel import write_pages


@dataclass
class Pagination:
    """Page `number` of `count`; `urls` are the URLs of every page of the list."""

    number: int
    urls: list

    @property
    def count(self):
        return len(self.urls)

    def url(self, number):
        return self.urls[number - 1]

    @property
    def previous_url(self):
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self):
        return self.urls[self.number] if self.number < self.count else None

    def window(self, around=2):
        """Page numbers to show: the first, the last and those near this one; None for a gap."""
        shown = sorted({1, self.count, *range(self.number - around, self.number + around + 1)})
        numbers = []
        for n in (n for n in shown if 1 <= n <= self.count):
            if numbers and n - numbers[-1] > 1:
                numbers.append(None)
            numbers.append(n)
        return numbers


@dataclass
class Listing:
    """One page of a list in one language, ready to write."""

    lang: str
    url: str
    save_as: str
    items: list
    pagination: Pagination
    extra: dict = field(default_factory=dict)
    alternates: list = None  # [(lang, url)] of its twins; None: this page only


class ListingGenerator(Generator):
    """Plans pages from a route setting (`NAME_URL`/`NAME_SAVE_AS`, and `NAME_PAGE_URL`/
    `NAME_PAGE_SAVE_AS` for page 2 on) and writes them with one template."""

    template = None
    page_name = None

    def route(self, name, lang, **fields):
        fields["prefix"] = lang_prefix(self.settings, lang)
        return (self.settings[f"{name}_URL"].format(**fields),
                self.settings[f"{name}_SAVE_AS"].format(**fields))

    def paginate(self, name, lang, items, per_page, **fields):
        """[Listing] of `items`, `per_page` a page; an empty list still gets its first page."""
        chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
        routes = [self.route(name, lang, **fields) if n == 1 else
                  self.route(f"{name}_PAGE", lang, number=n, **fields)
                  for n in range(1, len(chunks) + 1)]
        urls = [url for url, _ in routes]
        return [Listing(lang, url, save_as, chunk, Pagination(n, urls))
                for n, ((url, save_as), chunk) in enumerate(zip(routes, chunks), start=1)]

    def twin(self, listings_by_lang):
        """Pair page N of every language: each page's alternates are its twins."""
        pages = list(zip(*listings_by_lang.values()))
        for twins in pages:
            alternates = [(page.lang, page.url) for page in twins]
            for page in twins:
                page.alternates = alternates
        return [page for twins in pages for page in twins]

    def plan(self):
        """[Listing] to write; overridden by each generator."""
        return []

    def generate_context(self):
        self.languages = self.settings["LANGUAGES"]

    def plan_pages(self):
        """Called by generators.connect once the talent graph is built."""
        self.talent = self.context["talent"]
        self.listings = self.plan()
        groups = self.context.setdefault("listing_pages", [])
        seen = set()
        for page in self.listings:
            if page.url in seen:
                continue
            group = dict(page.alternates or [(page.lang, page.url)])
            seen.update(group.values())
            groups.append(group)

    def generate_output(self, writer):
        template = self.get_template(self.template)
        write_pages(writer, (
            ((page.save_as, template, self.context), dict(
                relative_urls=self.settings["RELATIVE_URLS"], lang=page.lang, page_url=page.url,
                page_name=self.page_name, source_template=self.template,
                page_alternates=page.alternates or [(page.lang, page.url)],
                items=page.items, pagination=page.pagination, **page.extra,
            ))
            for page in self.listings
        ), self.settings)

    def briefs(self, lang):
        return briefs_in(self.context, lang)


class ArchiveGenerator(ListingGenerator):
    """`/articles/` 20 a page with the list of months, `/articles/2026/` per year (its months
    and how many briefs each holds: listing the briefs again would repeat the months' pages,
    about 3 KB of HTML per brief) and `/articles/2026/11/` per month."""

    template = "archive"
    page_name = "archive"

    def plan(self):
        per_page = self.settings["ARCHIVE_PAGINATION"]
        archive, months, years = {}, defaultdict(dict), defaultdict(dict)
        for lang in self.languages:
            briefs = self.briefs(lang)
            by_month, by_year = defaultdict(list), defaultdict(list)
            for brief in briefs:  # newest first, so each month's and year's list is too
                by_month[(brief.date.year, brief.date.month)].append(brief)
                by_year[brief.date.year].append(brief)
            month_links = []
            for (year, month), items in by_month.items():
                pages = self.paginate("ARCHIVE_MONTH", lang, items, per_page, year=year, month=month)
                date = pages[0].items[0].date
                name = babel.dates.format_skeleton("yMMMM", date, locale=lang)
                year_url = self.route("ARCHIVE_YEAR", lang, year=year)[0]
                for page in pages:
                    page.extra = {"month_name": name, "month_count": len(items), "year_url": year_url,
                                  "year_of_month": babel.dates.format_skeleton("y", date, locale=lang)}
                months[(year, month)][lang] = pages
                month_only = babel.dates.format_date(date, "LLLL", locale=lang)
                month_links.append((year, month_only, pages[0].url, len(items)))
            for year, items in by_year.items():
                pages = self.paginate("ARCHIVE_YEAR", lang, [], per_page, year=year)
                pages[0].extra = {"year_name": babel.dates.format_skeleton("y", items[0].date, locale=lang),
                                  "year_count": len(items), "months": [m for m in month_links if m[0] == year]}
                years[year][lang] = pages
            archive[lang] = self.paginate("ARCHIVE", lang, briefs, per_page)
            for page in archive[lang]:
                page.extra = {"total": len(briefs)}
            archive[lang][0].extra.update(months=month_links,
                                          year_urls={year: years[year][lang][0].url for year in by_year})
        listings = self.twin(archive)
        for group in (*years.values(), *months.values()):
            listings += self.twin(group)
        return listings


class MovesGenerator(ListingGenerator):
    """`/moves/`: the newest 50 moves, newest brief first, and the list of months, where
    every older move is; `/moves/2026/11/`: the moves the briefs of a month report, 50 a
    page. (Pages 2, 3… of all moves would repeat the months' pages, move for move: about
    7 KB of HTML per brief.) The months' names and URLs go to `context["moves_months"]`
    for the company pages."""

    template = "moves"
    page_name = "moves"

    def plan(self):
        moves = self.talent.moves_newest_first()
        per_page = self.settings["MOVES_PAGINATION"]
        listings = {lang: self.paginate("MOVES", lang, moves[:per_page], per_page) for lang in self.languages}
        for lang in self.languages:
            listings[lang][0].extra["total"] = len(moves)
        names = self.context["moves_months"] = {lang: {} for lang in self.languages}
        months = []
        for (year, month), items in self.talent.moves_by_month().items():
            by_lang = {}
            for lang in self.languages:
                name = babel.dates.format_skeleton("yMMMM", datetime.date(year, month, 1), locale=lang)
                by_lang[lang] = self.paginate("MOVES_MONTH", lang, items, per_page, year=year, month=month)
                for page in by_lang[lang]:
                    page.extra = {"month_name": name, "month_count": len(items),
                                  "all_url": listings[lang][0].url}
                names[lang][(year, month)] = (name, by_lang[lang][0].url, len(items))
            months += self.twin(by_lang)
        for lang in self.languages:
            listings[lang][0].extra["months"] = [
                (year, babel.dates.format_date(datetime.date(year, month, 1), "LLLL", locale=lang), url, count)
                for (year, month), (_, url, count) in names[lang].items()]
        return self.twin(listings) + months


class CompanyMovesGenerator(ListingGenerator):
    """`/companies/<slug>/moves/`: all of a company's moves, for companies whose page shows
    only the latest `COMPANY_MOVES_SHOWN`."""

    template = "company-moves"
    page_name = "company-moves"

    def plan(self):
        shown, per_page = self.settings["COMPANY_MOVES_SHOWN"], self.settings["MOVES_PAGINATION"]
        urls = self.context["company_moves_urls"] = {}
        listings = []
        for company in self.context.get("companies", []):
            moves = self.talent.company_moves(company.slug)
            if len(moves) <= shown:
                continue
            by_lang = {}
            for lang in self.languages:
                by_lang[lang] = self.paginate("COMPANY_MOVES", lang, moves, per_page, slug=company.slug)
                for page in by_lang[lang]:
                    page.extra = {"company": None, "listed_company": version(company, lang),
                                  "total": len(moves)}
                urls[(company.slug, lang)] = by_lang[lang][0].url
            listings += self.twin(by_lang)
        return listings


class IndexGenerator(ListingGenerator):
    """The people and companies indexes, in each language's alphabetical order under letter
    headings. Past `INDEX_SPLIT_AT` entries an index becomes a page of letters, each letter
    with its own pages (`INDEX_PAGINATION` entries a page) at a stable ASCII URL."""

    kind = None  # "people" or "companies"; the route names are PEOPLE_… or COMPANIES_…

    template = "index"  # one template for both; it reads `page_name` for the wording

    @property
    def page_name(self):
        return self.kind

    def plan(self):
        order = IndexOrder(self.context["interface"].collator)
        name = self.kind.upper()
        profiles = self.context.get(self.kind, [])
        split = len(profiles) > self.settings["INDEX_SPLIT_AT"]
        index, letter_pages = {}, []
        for lang in self.languages:
            groups = order.groups([version(p, lang) for p in profiles], lang, self.kind)
            url, save_as = self.route(f"{name}_INDEX", lang)
            letters = []
            for letter, items in groups:
                slug = order.slug(letter)
                if split:
                    pages = self.paginate(f"{name}_LETTER", lang, items, self.settings["INDEX_PAGINATION"],
                                          letter=slug)
                    target = pages[0].url
                    for page in pages:
                        page.extra = {"letter": letter, "total": len(profiles), "switch_to": None}
                    letter_pages += pages
                else:
                    target = f"{url}#letter-{slug}"
                letters.append({"letter": letter, "slug": slug, "url": target, "count": len(items)})
            index[lang] = Listing(lang, url, save_as, [] if split else groups, Pagination(1, [url]),
                                  {"letters": letters, "total": len(profiles), "split": split})
            for page in letter_pages:
                if page.lang == lang:
                    page.extra["letters"] = letters
        for page in letter_pages:  # a letter has no twin: the switcher leads to the other index
            page.extra["switch_to"] = [(lang, index[lang].url) for lang in self.languages if lang != page.lang]
        return self.twin({lang: [page] for lang, page in index.items()}) + letter_pages


class PeopleIndexGenerator(IndexGenerator):
    kind = "people"


class CompaniesIndexGenerator(IndexGenerator):
    kind = "companies"
