"""Atom feeds: the entry of a brief (shared by the site's feed and the profiles' feeds), and
a feed per person and per company in every language.

A profile's feed (`PERSON_FEED_ATOM`, `COMPANY_FEED_ATOM`) holds the newest
`PROFILE_FEED_MAX_ITEMS` briefs that name it, each entry opening with the moves that brief
states about the profile, then its summary and the credit line of the site's feed. It is
written through the writer like a page (`ProfileFeed` is the "template" whose `render()`
builds it), so the page memo keeps a feed nothing of which changed (a rebuild writes only
the feeds of the profiles a change touches) and `parallel.write_pages` spreads the feeds over
the cores. Everything it shows is asked of the talent graph through recorded questions.
"""

import datetime
from itertools import chain

from feedgenerator import Atom1Feed, get_tag_uri
from pelican.generators import Generator
from pelican.utils import set_date_tzinfo

from .escaping import html as escape
from .i18n import lang_prefix
from .parallel import write_pages
from .provenance import feed_extras

FEED_KINDS = {"person": "PERSON_FEED_ATOM", "company": "COMPANY_FEED_ATOM"}


def absolute(settings, url):
    return f"{settings['SITEURL']}/{url}"


class Feed(Atom1Feed):
    """An Atom feed whose `updated`, while it has no entry, is a fixed date rather than the
    build machine's clock (feedgenerator's), so that a build is the same bytes whenever it runs."""

    NO_ENTRY = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)

    def latest_post_date(self):
        return super().latest_post_date() if self.items else self.NO_ENTRY


def new_feed(settings, title, page_url, feed_url, lang):
    return Feed(title=title, link=absolute(settings, page_url), feed_url=absolute(settings, feed_url),
                description="", language=lang)


def add_brief(feed, brief, content, settings, gettext, summary=True):
    """One entry: the brief's title, link, summary (unless `content` holds it already) and
    dates; `content` (HTML) followed by its notes, corrections and the credit of its source
    (provenance.feed_extras)."""
    link = absolute(settings, brief.url)
    modified = getattr(brief, "modified", None)
    feed.add_item(
        title=brief.title, link=link, description=brief.summary if summary else None,
        content=content + feed_extras(brief, brief.lang, gettext),
        unique_id=get_tag_uri(link, brief.date),
        pubdate=set_date_tzinfo(brief.date, settings["TIMEZONE"]),
        updateddate=set_date_tzinfo(modified, settings["TIMEZONE"]) if modified else None,
    )


def profile_feed_url(settings, kind, profile):
    """The address of a profile's feed (`kind`: "person" or "company"), in its language."""
    route = settings.get(FEED_KINDS[kind])
    return route.format(prefix=lang_prefix(settings, profile.lang), slug=profile.slug) if route else None


class ProfileFeed:
    """The "template" of a profile's feed: `render(context)` gives the Atom document of the
    person or company in the context (MemoWriter and write_pages take it as a page's)."""

    def __init__(self, kind, settings, interface):
        self.kind, self.settings, self.interface = kind, settings, interface
        self.name = f"{kind}-feed"  # memo.PAGE_TEMPLATES: kept when nothing it shows changed

    def about(self, talent, slug):
        """(person, companies) whose moves the feed lists: the person's own; the moves into or
        out of the company or one of its labs (theirs too, as on the company's page), found
        through the graph's recorded questions, so that a new lab renders the feed again."""
        if self.kind == "person":
            return slug, ()
        parts, todo = set(), [slug]
        while todo:
            company = todo.pop()
            if company not in parts:
                parts.add(company)
                todo += [lab.slug for lab in talent.children(company)]
        return None, tuple(sorted(parts))

    def move_item(self, move, talent, lang, gettext):
        """A move as the brief states it: who, from where to where, the role, and a link
        to the paragraph that says so."""
        def company(slug, other=None):
            found = talent.company(slug, lang) if slug else None
            return found.title if found else (other or gettext("Not stated"))
        person = talent.person(move.person, lang)
        text = gettext("%(person)s: from %(origin)s to %(destination)s") % {
            "person": person.title if person else move.person, "origin": company(move.origin),
            "destination": company(move.destination, move.text("to_other", lang))}
        parts = [escape(text)]
        if move.text("role", lang):
            parts.append(f"{escape(gettext('Role'))}: {escape(move.text('role', lang))}")
        source = move.facts.get("source") or {}
        url = talent.source_url(source, lang) if talent.brief_of(move) else None
        if url:
            label = gettext("paragraph %(number)s") % {"number": source.get("paragraph")}
            parts.append(f'<a href="{escape(absolute(self.settings, url))}">{escape(label)}</a>')
        return "<li>" + " · ".join(parts) + "</li>"

    def render(self, context):
        profile, talent = context[self.kind], context["talent"]
        lang, settings = profile.lang, self.settings
        gettext = self.interface.catalogues[lang].ugettext
        title = gettext("%(page)s — %(site)s") % {"page": profile.title, "site": gettext("AI Talent Brief")}
        feed = new_feed(settings, title, profile.url, profile_feed_url(settings, self.kind, profile), lang)
        about = self.about(talent, profile.slug)
        for brief in talent.latest_briefs_mentioning(profile.slug, lang, settings["PROFILE_FEED_MAX_ITEMS"]):
            moves = "".join(self.move_item(m, talent, lang, gettext)
                            for m in talent.brief_moves_about(brief.slug, *about))
            # the summary is HTML already (reader.py escapes it)
            summary = f"<p>{brief.summary}</p>" if getattr(brief, "summary", None) else ""
            add_brief(feed, brief, (f"<ul>{moves}</ul>" if moves else "") + summary, settings, gettext, summary=False)
        return feed.writeString("utf-8")


class ProfileFeedGenerator(Generator):
    """Writes the feed of every person and company, in every language (none when its
    `*_FEED_ATOM` setting is empty)."""

    def generate_context(self):
        self.kinds = {kind: context for kind, context in (("person", "people"), ("company", "companies"))
                      if self.settings.get(FEED_KINDS[kind])}

    def generate_output(self, writer):
        interface = self.context["interface"]
        pages = []
        for kind, name in self.kinds.items():
            template = ProfileFeed(kind, self.settings, interface)
            for profile in self.context.get(name, []):
                for version in chain((profile,), profile.translations):
                    pages.append(((profile_feed_url(self.settings, kind, version), template, self.context),
                                  {kind: version}))
        write_pages(writer, pages, self.settings)
