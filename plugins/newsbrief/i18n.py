"""Interface language: gettext catalogues and Babel formatting, chosen per page.

Every Pelican generator has its own Jinja environment; `install()` gives each one a
`_()` that looks at the page being rendered and answers in that page's language, so a
single build writes Arabic and English pages with the right catalogue.
"""

import functools
import io
import os
from datetime import datetime

import babel.dates
from babel.core import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import pass_context
from jinja2.utils import missing
from markupsafe import Markup

from .bidi import RTL_LANGUAGES, isolate_text
from .collation import shared_collator
from .escaping import html as escape
from .graph import version


def load_catalogue(directory, lang):
    """Read `translations/<lang>/LC_MESSAGES/messages.po` straight from the source,
    so a build never uses a stale compiled `.mo` file."""
    path = os.path.join(directory, lang, "LC_MESSAGES", "messages.po")
    if not os.path.exists(path):
        return NullTranslations()
    with open(path, "rb") as po_file:
        catalog = read_po(po_file, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as `pybabel compile` does
    compiled.seek(0)
    return Translations(compiled)


def lang_prefix(settings, lang):
    """URL prefix of a language: "" for the default language, "en/" for English."""
    return "" if lang == settings["DEFAULT_LANG"] else f"{lang}/"


ITEM_NAMES = ("article", "page", "person", "company")


# The house style's English is British (docs/editing.md): "28 November 2026", not "November 28, 2026".
HOUSE_LOCALES = {"en": "en_GB"}


@functools.lru_cache(maxsize=4096)  # an archive shows the same days on many pages
def _format_date(value, format, lang):
    return babel.dates.format_date(value, format=format, locale=HOUSE_LOCALES.get(lang, lang))


class Interface:
    """The interface strings and formats of every language the site is built in."""

    def __init__(self, settings):
        self.default_lang = settings["DEFAULT_LANG"]
        self.languages = tuple(settings.get("LANGUAGES", (self.default_lang,)))
        directory = os.path.join(settings["THEME"], "translations")
        self.catalogues = {lang: load_catalogue(directory, lang) for lang in self.languages}
        self.collator = shared_collator()

    @staticmethod
    def current_item(ctx):
        """The brief, page or profile being rendered, if any."""
        for name in ITEM_NAMES:  # resolve_or_missing: no KeyError raised for each name absent
            value = ctx.resolve_or_missing(name)
            if value is not missing and value is not None:
                return value
        return None

    def page_lang(self, ctx):
        """The language of the page being rendered (asked ~90 times a page)."""
        lang = ctx.resolve_or_missing("lang")
        if lang is not missing and lang:
            return lang
        return getattr(self.current_item(ctx), "lang", None) or self.default_lang

    def alternates(self, ctx):
        """[(lang, url)] of this page in every language it exists in, in site order."""
        if ctx.get("page_alternates") is not None:
            return ctx["page_alternates"]
        item = self.current_item(ctx)
        versions = {v.lang: v.url for v in (item, *item.translations)}
        return [(lang, versions[lang]) for lang in self.languages if lang in versions]

    def install(self, env):
        interface = self

        @pass_context
        def gettext(ctx, message):
            return interface.catalogues[interface.page_lang(ctx)].ugettext(message)

        @pass_context
        def ngettext(ctx, singular, plural, n):
            return interface.catalogues[interface.page_lang(ctx)].ungettext(singular, plural, n)

        env.install_gettext_callables(gettext, ngettext, newstyle=True)

        @pass_context
        def format_date(ctx, value, format="long"):
            if isinstance(value, datetime):
                value = value.date()
            return _format_date(value, format, interface.page_lang(ctx))

        @pass_context
        def collate(ctx, items, attribute="title"):
            return sorted(items, key=lambda i: interface.collator.sort_key(str(getattr(i, attribute))))

        @pass_context
        def bidi(ctx, value):
            """Isolate Latin runs of a plain-text value on right-to-left pages."""
            if interface.page_lang(ctx) in RTL_LANGUAGES:
                return isolate_text(value)
            return value

        @pass_context
        def in_lang(ctx, text):
            """Pick the page's language from a `{ar: …, en: …}` value."""
            return text[interface.page_lang(ctx)] if isinstance(text, dict) else text

        @pass_context
        def page_lang(ctx):
            return interface.page_lang(ctx)

        @pass_context
        def page_dir(ctx, lang=None):
            """The direction of the page's language, or of `lang`."""
            return "rtl" if (lang or interface.page_lang(ctx)) in RTL_LANGUAGES else "ltr"

        @pass_context
        def current_url(ctx):
            return ctx.get("page_url") if ctx.get("page_url") is not None else interface.current_item(ctx).url

        @pass_context
        def page_kind(ctx):
            """home, people, companies, 404, article, page, person or company."""
            item = interface.current_item(ctx)
            return ctx.get("page_name") or type(item).__name__.lower()

        @pass_context
        def alternates(ctx):
            return interface.alternates(ctx)

        @pass_context
        def named_in(ctx, brief):
            """The published people, then companies, that a brief names, in the page's language."""
            talent, lang = ctx["talent"], interface.page_lang(ctx)
            found = [talent.person(s, lang) for s in getattr(brief, "people", None) or []]
            found += [talent.company(s, lang) for s in getattr(brief, "companies", None) or []]
            return [profile for profile in found if profile]

        @pass_context
        def switch_links(ctx):
            """[(lang, url)] the language switcher offers: this page's twins, or for a page
            without twins (an index letter) the given pages of the other languages."""
            if ctx.get("switch_to") is not None:
                return ctx["switch_to"]
            return [(lang, url) for lang, url in interface.alternates(ctx) if lang != interface.page_lang(ctx)]

        @pass_context
        def lang_url(ctx, path="", lang=None):
            """A site-level URL (home, indexes, feed) in the page's language, or in `lang`."""
            lang = lang or interface.page_lang(ctx)
            return ("" if lang == interface.default_lang else f"{lang}/") + path

        def gettext_in(lang, message, **variables):
            """A string in a given language, for the one page that holds both (404)."""
            text = interface.catalogues[lang].ugettext(message)
            return Markup(escape(text) % variables) if variables else Markup(escape(text))

        env.filters.update(
            format_date=format_date, collate=collate,
            bidi=bidi, in_lang=in_lang, version=version,
        )
        env.globals.update(
            page_lang=page_lang, page_dir=page_dir, current_url=current_url, page_kind=page_kind, alternates=alternates,
            switch_links=switch_links, named_in=named_in,
            lang_url=lang_url, gettext_in=gettext_in, LANGUAGES=self.languages, DEFAULT_LANG=self.default_lang,
        )
        env.globals["language_name"] = lambda lang: Locale.parse(lang).get_display_name(lang)
