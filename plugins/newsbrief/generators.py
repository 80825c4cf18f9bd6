"""Generators of the site's own content types and site-level pages.

Like Pelican's own generators: `generate_context()` reads, `generate_output(writer)`
writes. People and companies are read by Pelican's readers, so front-matter, Markdown
and caching work for them as for articles.
"""

import os
from itertools import chain

from pelican.generators import Generator
from pelican.utils import process_translations

from .contents import Company, Person, freeze_urls
from .escaping import xml_attribute, xml_text
from .feeds import add_brief, new_feed, profile_feed_url
from .graph import TalentGraph
from .i18n import lang_prefix
from .keypoints import feed_points
from .memo import PageMemo
from .mentions import Mentions
from .parallel import write_pages
from .provenance import apply_corrections, warn_placeholder_address
from .report import step_done, wait_for_checks
from .state import state_of


def briefs_in(context, lang):
    """The published briefs in `lang`, newest first (sorted once per build and language)."""
    cache = context.setdefault("briefs_by_lang", {})
    if lang not in cache:
        everything = chain(context["articles"], *(a.translations for a in context["articles"]))
        cache[lang] = sorted((a for a in everything if a.lang == lang),
                             key=lambda a: (a.date, a.slug), reverse=True)
    return cache[lang]


def connect(generators):
    """The work across content types, once every generator has read its content (Pelican's
    `all_generators_finalized`): every URL is kept (contents.freeze_urls); the names of the
    profiles are gathered to link the briefs' mentions (mentions.Mentions, which warns
    about the briefs' lists), and the corrections are applied; the talent graph is
    built, and the record of which pages need rendering again (memo.PageMemo); then each
    generator that lists content plans its pages (`plan_pages()`)."""
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    wait_for_checks(settings)  # every file is read: nothing is built before the checks passed
    step_done(settings, "reading and checks")
    briefs, people, companies = (context.get(name, []) for name in ("articles", "people", "companies"))
    freeze_urls(generators)
    context["mentions"] = Mentions(people, companies, settings)
    context["mentions"].check(briefs)
    apply_corrections(briefs, settings)
    warn_placeholder_address(settings)
    context["talent"] = TalentGraph(people, companies, briefs)
    context["talent"].related_shown = settings["RELATED_BRIEFS_SHOWN"]
    state_of(settings).memo = PageMemo(settings, context)  # the writer's (memo.MemoWriter)
    for generator in generators:
        if hasattr(generator, "plan_pages"):
            generator.plan_pages()
    step_done(settings, "linking")


class ProfileGenerator(Generator):
    """Reads one kind of profile from `<KIND>_PATHS` and writes its pages."""

    content_class = None  # Person or Company
    context_name = None  # "people" or "companies"

    @property
    def kind(self):
        return self.content_class.__name__.upper()

    def generate_context(self):
        profiles = []
        for path in self.get_files(self.settings[f"{self.kind}_PATHS"]):
            profile = self.readers.read_file(
                base_path=self.path, path=path, content_class=self.content_class,
                context=self.context,
            )
            if profile.status == "draft":  # with SHOW_DRAFTS drafts are "published" (drafts.py)
                continue
            self.add_source_path(profile)
            profiles.append(profile)
        self.profiles, self.translations = process_translations(profiles, translation_id="slug")
        self.context[self.context_name] = self.profiles

    def page_arguments(self, profile):
        """What the profile's page shows besides the graph's answers (newsbrief.memoguard)."""
        kind = self.content_class.__name__.lower()
        return {kind: profile, "feed_url": profile_feed_url(self.settings, kind, profile)}

    def generate_output(self, writer):
        write_pages(writer, (
            ((profile.save_as, self.get_template(profile.template), self.context),
             {"relative_urls": self.settings["RELATIVE_URLS"], **self.page_arguments(profile)})
            for profile in chain(self.profiles, self.translations)
        ), self.settings)


class PeopleGenerator(ProfileGenerator):
    content_class = Person
    context_name = "people"


class CompaniesGenerator(ProfileGenerator):
    content_class = Company
    context_name = "companies"

    def page_arguments(self, profile):
        """The company, the address of all its moves when its page shows only the latest
        (listings.CompanyMovesGenerator), and its months of moves: [(month's name, URL of
        that month's moves, the company's moves in it)], newest first (listings.MovesGenerator)."""
        urls = self.context.get("company_moves_urls", {})
        months = self.context.get("moves_months", {}).get(profile.lang, {})
        by_month = [(*months[(year, month)][:2], count)
                    for year, month, count in self.context["talent"].company_months(profile.slug)]
        return {**super().page_arguments(profile), "all_moves_url": urls.get((profile.slug, profile.lang)),
                "months_of_moves": by_month}


class SiteGenerator(Generator):
    """The pages that belong to the site rather than to one piece of content:
    home, the people and companies indexes, feeds, 404, sitemap and robots.txt."""

    # (template, save-as setting) of the pages written once per language; the indexes,
    # archive and moves pages are written by the generators of listings.py.
    LANGUAGE_PAGES = (
        ("home", "HOME_SAVE_AS"), ("corrections", "CORRECTIONS_SAVE_AS"), ("search", "SEARCH_SAVE_AS"),
    )

    def page_context(self, template, lang):
        """What a language page needs besides the site: the home its lists, corrections the briefs."""
        if template == "home":
            return self.home(lang)
        if template == "corrections":
            return {"briefs": self.briefs(lang)}
        return {}

    def generate_context(self):
        self.languages = self.settings["LANGUAGES"]

    def save_as(self, setting, lang):
        return self.settings[setting].format(prefix=lang_prefix(self.settings, lang))

    def url(self, setting, lang):
        return self.save_as(setting, lang).removesuffix("index.html")

    def briefs(self, lang):
        return briefs_in(self.context, lang)

    def home(self, lang):
        """The home page's briefs (the lead and the next ones) and the moves they report."""
        briefs = self.briefs(lang)[: self.settings["HOME_BRIEFS"]]
        talent = self.context["talent"]
        moves = [m for brief in briefs for m in talent.moves_in_brief(brief.slug)]
        return {"briefs": briefs, "home_moves": moves[: self.settings["HOME_MOVES"]],
                "more_moves": len(moves) > self.settings["HOME_MOVES"]}

    def generate_output(self, writer):
        for template, setting in self.LANGUAGE_PAGES:
            alternates = [(lang, self.url(setting, lang)) for lang in self.languages]
            for lang in self.languages:
                writer.write_file(
                    self.save_as(setting, lang), self.get_template(template), self.context,
                    relative_urls=self.settings["RELATIVE_URLS"], lang=lang,
                    page_url=self.url(setting, lang), page_alternates=alternates,
                    page_name=template, **self.page_context(template, lang),
                )
        writer.write_file(
            self.settings["NOT_FOUND_SAVE_AS"], self.get_template("404"), self.context,
            relative_urls=False, lang=self.settings["DEFAULT_LANG"], page_name="404",
            page_url=self.settings["NOT_FOUND_SAVE_AS"], page_alternates=[],
        )
        for lang in self.languages:
            self.write_feed(lang)
        self.write_sitemaps()
        self.write_text(self.settings["ROBOTS_SAVE_AS"], self.robots())
        # GitHub Pages: serve every file as built (no Jekyll); a custom domain if set.
        self.write_text(".nojekyll", "")
        if self.settings.get("CNAME_DOMAIN"):
            self.write_text("CNAME", self.settings["CNAME_DOMAIN"] + "\n")

    def absolute(self, url):
        return f"{self.settings['SITEURL']}/{url}"

    def write_text(self, name, text):
        path = os.path.join(self.output_path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)

    def write_feed(self, lang):
        gettext = self.context["interface"].catalogues[lang].ugettext
        feed = new_feed(self.settings, gettext("AI Talent Brief"), self.url("HOME_SAVE_AS", lang),
                        self.url("FEED_SAVE_AS", lang), lang)
        for brief in self.briefs(lang)[: self.settings["FEED_MAX_ITEMS"]]:
            content = self.context["mentions"].link(brief.get_content(self.settings["SITEURL"]), lang)[0]
            points = feed_points(brief, self.context["mentions"], self.absolute(brief.url), gettext)
            add_brief(feed, brief, points + content, self.settings, gettext)
        self.write_text(self.save_as("FEED_SAVE_AS", lang), feed.writeString("utf-8"))

    def url_groups(self):
        """Every page of the site as {lang: url}, one dict per page and its translations."""
        groups = [
            {lang: self.url(setting, lang) for lang in self.languages}
            for _, setting in self.LANGUAGE_PAGES
        ]
        groups += self.context.get("listing_pages", [])
        for item in chain(
            self.context["articles"], self.context["pages"],
            self.context["people"], self.context["companies"],
        ):
            groups.append({version.lang: version.url for version in (item, *item.translations)})
        return groups

    def sitemap_entries(self):
        """One `<url>` element (as text) per page, with its hreflang alternates."""
        default = self.settings["DEFAULT_LANG"]
        for group in self.url_groups():
            links = [(lang, group[lang]) for lang in self.languages if lang in group]
            if default in group:
                links.append(("x-default", group[default]))
            alternates = "".join(
                f'\n    <xhtml:link rel="alternate" hreflang="{hreflang}"'
                f" href={xml_attribute(self.absolute(url))}/>"
                for hreflang, url in links
            )
            for lang in self.languages:
                if lang in group:
                    yield f"  <url><loc>{xml_text(self.absolute(group[lang]))}</loc>{alternates}\n  </url>\n"

    SITEMAP_HEAD = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    SITEMAP_TAIL = "</urlset>\n"

    def sitemap_files(self):
        """The `<url>` entries cut into files of at most SITEMAP_MAX_URLS entries and
        SITEMAP_MAX_BYTES bytes (the protocol's limits are 50,000 and 50 MB)."""
        max_urls, max_bytes = self.settings["SITEMAP_MAX_URLS"], self.settings["SITEMAP_MAX_BYTES"]
        overhead = len((self.SITEMAP_HEAD + self.SITEMAP_TAIL).encode())
        files, current, size = [], [], overhead
        for entry in self.sitemap_entries():
            length = len(entry.encode())
            if current and (len(current) >= max_urls or size + length > max_bytes):
                files.append(current)
                current, size = [], overhead
            current.append(entry)
            size += length
        return files + [current]

    def write_sitemaps(self):
        """`sitemap.xml` is a sitemap index naming every sitemap file."""
        index = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        ]
        for number, entries in enumerate(self.sitemap_files(), start=1):
            name = self.settings["SITEMAP_PART_SAVE_AS"].format(number=number)
            self.write_text(name, self.SITEMAP_HEAD + "".join(entries) + self.SITEMAP_TAIL)
            index.append(f"  <sitemap><loc>{xml_text(self.absolute(name))}</loc></sitemap>")
        index.append("</sitemapindex>")
        self.write_text(self.settings["SITEMAP_SAVE_AS"], "\n".join(index) + "\n")

    def robots(self):
        text = "User-agent: *\nAllow: /\n"
        if self.settings["SITEURL"].startswith("http"):
            text += f"Sitemap: {self.absolute(self.settings['SITEMAP_SAVE_AS'])}\n"
        return text
