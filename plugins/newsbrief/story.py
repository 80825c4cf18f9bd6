"""The story in other forms, for templates: the talent-flow graphic, JSON-LD and the
share-card meta of the page being rendered. `install()` adds them to a generator's Jinja
environment, next to the interface language (i18n.py)."""

import functools

from babel.core import Locale, get_global
from jinja2 import pass_context
from markupsafe import Markup

from .cardpng import SIZE as CARD_SIZE
from .cards import card_url
from .flowchart import FlowChart
from .i18n import HOUSE_LOCALES
from .structured import StructuredData, script_tag

# The section index each kind of page belongs to, for breadcrumbs: (label, site URL path).
SECTIONS = {"person": ("People", "people/"), "company": ("Companies", "companies/")}
CARD_KINDS = {"article": "article", "person": "person", "company": "company"}


@functools.cache  # Locale.parse costs 2 ms; pages ask 14,000 times at 1,000 briefs
def og_locale(lang):
    """`ar` → `ar_EG`, `en` → `en_GB` (the house style's English): OpenGraph wants a language
    and a territory."""
    lang = HOUSE_LOCALES.get(lang, lang)
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{likely.language}_{likely.territory}" if likely.territory else lang


def install(env, interface, settings):
    siteurl = settings["SITEURL"]

    def absolute(url):
        return f"{siteurl}/{url}"

    def home_url(lang):
        return "" if lang == interface.default_lang else f"{lang}/"

    def translate(lang, message):
        return interface.catalogues[lang].ugettext(message)

    @pass_context
    def flow(ctx, moves, id_prefix, title, desc, not_stated, noted, person_move):
        talent, lang = ctx["talent"], interface.page_lang(ctx)

        def names(kind, slug):
            item = talent.person(slug, lang) if kind == "person" else talent.company(slug, lang)
            return (str(item.title), absolute(item.url)) if item else None

        labels = {"title": title, "desc": desc, "not_stated": not_stated, "noted": noted, "person_move": person_move}
        return FlowChart(list(moves), lang, names, labels, id_prefix)

    @pass_context
    def structured_data(ctx, name=""):
        lang = interface.page_lang(ctx)
        item, kind = interface.current_item(ctx), ctx.get("page_name") or None
        if kind is None and item is not None:
            kind = type(item).__name__.lower()
        data = StructuredData(ctx["talent"], absolute, lambda lg: translate(lg, "AI Talent Brief"),
                              interface.default_lang)
        trail = [(translate(lang, "AI Talent Brief"), home_url(lang))]
        url = ctx.get("page_url") if ctx.get("page_url") is not None else getattr(item, "url", "")
        if kind in SECTIONS:
            label, path = SECTIONS[kind]
            trail.append((translate(lang, label), home_url(lang) + path))
        if kind != "home":
            # An index page has no item: its name is its <title> without the site's name.
            title = str(getattr(item, "title", "") or name.split(" — ")[0]).strip()
            trail.append((Markup(title).striptags() or translate(lang, "AI Talent Brief"), url))
        return script_tag(data.page(kind, item, lang, home_url(lang), trail))

    @pass_context
    def share_image(ctx):
        item = interface.current_item(ctx)
        kind = CARD_KINDS.get(type(item).__name__.lower()) if item is not None else None
        lang = interface.page_lang(ctx)
        if not settings.get("SHARE_CARDS", True):
            return None
        own = kind == "article" or (kind, getattr(item, "slug", None)) in ctx.get("share_card_profiles", ())
        if kind is None or not own:  # the site card (cards.py: which profiles get their own)
            return absolute(card_url(None, None, lang))
        return absolute(card_url(kind, item.slug, lang))

    env.globals.update(flow_chart=flow, structured_data=structured_data, share_image=share_image,
                       og_locale=og_locale, card_size=CARD_SIZE)
