"""Addresses the site writes itself, which no content's slug may take: `/search/`, `/data/`,
`/people/letter/`, `/pagefind/`… A slug that took one would be overwritten, or would
overwrite the site's own page (a cached rebuild kept a search bundle in a page's folder).

They are derived, not listed: from every route setting (`*_URL`, `*_SAVE_AS`, `*_FEED_ATOM`), the folders
the build writes itself (share cards, search bundles, the theme's files) and the languages,
so that a route added to the settings is reserved as soon as it exists. For each kind, the
names reserved are the first segment after the kind's own folder (`people/` for people,
none for pages) of every other route there; a route whose next segment is a number
(`articles/{year}/`) reserves the slugs made of digits.
"""

from ..cards import card_url
from ..search import BUNDLE_PREFIX

NUMBERS = ("{year", "{month", "{number", "{page", "{day")


def _routes(settings):
    """(what, route) of every address the site writes, without `{prefix}` and `{lang}/`."""
    for key, value in settings.items():
        if key.endswith(("_URL", "_SAVE_AS", "_FEED_ATOM")) and isinstance(value, str) and value:
            yield f"`{key}`", value.replace("{prefix}", "").replace("{lang}/", "")
    yield "the share cards", card_url("kind", "slug", "lang")
    yield "the theme's files", settings.get("THEME_STATIC_DIR", "theme") + "/"
    for lang in settings["LANGUAGES"]:
        yield "the pages in each language", f"{lang}/"


class ReservedSlugs:
    """Which slugs each kind of content may not take, and the problem of a file that does."""

    def __init__(self, settings, kinds):
        """`kinds`: newsbrief.schema.CONTENT_TYPES."""
        routes = list(_routes(settings))
        self.kinds = {}  # kind name -> (its folder, {name: what writes it}, whether digits are taken)
        for kind in kinds.values():
            own = kind.paths_setting.removesuffix("_PATHS") + "_"
            folder = settings[own + "SAVE_AS"].replace("{lang}/", "").partition("{slug}")[0]
            names, digits = {}, False
            for what, route in routes:
                if what.startswith(f"`{own}") or not route.startswith(folder):
                    continue
                segment = route[len(folder):].split("/")[0]
                if segment.startswith(NUMBERS):
                    digits = True
                elif segment and "{" not in segment:
                    names.setdefault(segment, what)
            self.kinds[kind.name] = (folder, names, digits)

    def problem(self, file):
        """The problem of `file` when its slug is reserved, or None."""
        slug = file.slug
        if not slug or file.kind is None:
            return None
        folder, names, digits = self.kinds[file.kind.name]
        if slug in names:
            what = names[slug]
        elif not folder and slug.startswith(BUNDLE_PREFIX):
            what = "the search index (`pagefind…`)"
        elif digits and slug.isdigit():
            what = "the pages numbered by year or page"
        else:
            return None
        return file.at(("slug",), f"`{slug}` is reserved: the site writes `/{folder}{slug}/` itself, for {what}",
                       "choose another slug, and rename the file to match")
