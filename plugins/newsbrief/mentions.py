"""Mentions link themselves: the first mention of each person and company in a brief
becomes a link to their page, in the brief's language.

How names are found (words, proclitics, which mention wins) is newsbrief.matching.

Check. The profiles found in the text are compared with the brief's front-matter
`people` and `companies`; each difference is a warning naming the file (`Mentions.check`).
"""

import hashlib
import html
import re

from jinja2 import pass_context
from markupsafe import Markup

from .escaping import html as escape
from .graph import version
from .matching import Ambiguous, Matcher
from .report import content_logger, display_path

logger = content_logger(__name__)

# Elements whose text is never linked (a mention there still counts as found)…
NO_LINK = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "script", "style"}
# …and elements whose text is not prose at all (a name there is not a mention).
NOT_PROSE = {"code", "pre", "kbd", "samp", "script", "style"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# A tag (quoted attribute values may hold `>`), or a comment.
TOKEN = re.compile(r"""<!--.*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL)
TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")


def _tokens(fragment):
    """[(is_tag, raw, tag name, is_end)] of an HTML fragment."""
    out, position = [], 0
    for match in TOKEN.finditer(fragment):
        if match.start() > position:
            out.append((False, fragment[position:match.start()], "", False))
        raw = match.group(0)
        name = TAG_NAME.match(raw)
        out.append((True, raw, name.group(1).lower() if name else "", raw.startswith("</")))
        position = match.end()
    if position < len(fragment):
        out.append((False, fragment[position:], "", False))
    return out


def link_mentions(fragment, matcher, urls, ambiguous=None, hits=None):
    """Link the first mention of each key of `matcher` whose url is in `urls`.

    Return (html, found), `found` being {key: the text of its first mention} of every key
    mentioned in prose, linked or not, in the order of first mention. A word that may name
    two profiles is left as it is and, when `ambiguous` is a list, added to it as
    (its text, the `Ambiguous` keys). When `hits` is a list, every name found is added to
    it as (index of its run of text, start, end, key): with the fragment, all that the
    result depends on besides the keys' urls.
    """
    tokens = _tokens(fragment)
    out, stack, found, linked = [], [], {}, set()
    close_after = None  # index of the `</bdi>` token after which a wrapping link closes
    for index, (is_tag, raw, name, is_end) in enumerate(tokens):
        if is_tag:
            if not name or raw.startswith("<!"):
                pass
            elif is_end:
                if name in stack:
                    while stack and stack.pop() != name:
                        pass
            elif name not in VOID and not raw.endswith("/>"):
                stack.append(name)
            out.append(raw)
            if index == close_after:
                out.append("</a>")
            continue
        if any(n in NOT_PROSE for n in stack):
            out.append(raw)
            continue
        may_link = not any(n in NO_LINK for n in stack)
        pieces, position = [], 0
        for start, end, key in matcher.finditer(raw):
            if hits is not None:
                hits.append((index, start, end, key))
            if isinstance(key, Ambiguous):
                if ambiguous is not None:
                    ambiguous.append((html.unescape(raw[start:end]), key))
                continue
            found.setdefault(key, html.unescape(raw[start:end]))
            if not may_link or key in linked or key not in urls:
                continue
            linked.add(key)
            link = f'<a class="nb-mention" href="{escape(urls[key])}">'
            whole_bdi = (
                stack and stack[-1] == "bdi" and start == 0 and end == len(raw)
                and out and out[-1].lower().startswith("<bdi")
                and index + 1 < len(tokens) and tokens[index + 1][2] == "bdi" and tokens[index + 1][3]
            )
            if whole_bdi:
                out.insert(len(out) - 1, link)
                close_after = index + 1
                continue
            pieces += [raw[position:start], link, raw[start:end], "</a>"]
            position = end
        pieces.append(raw[position:])
        out.append("".join(pieces))
    return "".join(out), found


def _profiles_in(profiles, lang):
    """{slug: the profile's version in `lang`} of the profiles that have one."""
    versions = {}
    for profile in profiles:
        translated = version(profile, lang)
        if translated.lang == lang:
            versions[profile.slug] = translated
    return versions


def _names(profile):
    names = [getattr(profile, "name", None) or profile.title]
    names += [str(alias) for alias in getattr(profile, "aliases", None) or []]
    return names


def _listed(brief, field):
    """The brief's `people` or `companies`, from its default-language version if it has none."""
    value = getattr(brief, field, None)
    if value is None:
        value = next((getattr(t, field, None) for t in brief.translations if t.in_default_lang), None)
    return list(value or [])


class Mentions:
    """The names of every published person and company, per language, and the links they
    make in a brief's text. Made once per build, when every profile is read
    (generators.connect); a brief's body is linked when its page or feed entry is written
    (`link()`, the templates' `link_mentions` filter), so no content object is changed.
    `check(briefs)` gives the warnings of every brief once."""

    def __init__(self, people, companies, settings):
        self.people, self.companies, self.settings = people, companies, settings
        self.matchers, self.uses = {}, {}

    def matcher(self, lang):
        """(Matcher of every name in `lang`, {key: url}): every name is claimed by one
        profile, the first that lists it."""
        if lang not in self.matchers:
            profiles = {("people", slug): p for slug, p in _profiles_in(self.people, lang).items()}
            profiles.update({("companies", slug): c for slug, c in _profiles_in(self.companies, lang).items()})
            names = {}
            for key, profile in profiles.items():
                for name in _names(profile):
                    names.setdefault(name, key)
            urls = {key: f"{self.settings['SITEURL']}/{profile.url}" for key, profile in profiles.items()}
            self.matchers[lang] = (Matcher(names), urls, names)
        return self.matchers[lang]

    def link(self, fragment, lang, ambiguous=None, hits=None):
        """(the HTML with mentions linked, {key: text of its first mention})."""
        matcher, urls, _ = self.matcher(lang)
        return link_mentions(fragment, matcher, urls, ambiguous, hits)

    def digest(self, brief):
        """What the pages of `brief` (one language's version) take from the table of names,
        beside its own text (newsbrief.memo): every name found in its body and key points,
        where, and the url of each. A rename changes the digest of the briefs that show the
        old or the new name, and no other."""
        key = (brief.slug, brief.lang)
        if key not in self.uses:
            self._find(brief, brief.get_content(self.settings["SITEURL"]))
        return self.uses[key]

    def _find(self, brief, body, ambiguous=None):
        """{key: first mention} of the names in `body`, noting the brief's digest."""
        hits = []
        _, found = self.link(body, brief.lang, ambiguous, hits)
        points = [list(self.matcher(brief.lang)[0].finditer(str(escape(point["text"]))))
                  for point in getattr(brief, "key_points", None) or ()]
        keys = {key for *_, key in hits + [hit for found_in in points for hit in found_in]}
        urls = self.matcher(brief.lang)[1]  # an ambiguous word links nowhere
        text = repr((hits, points, sorted((key, urls[key]) for key in keys if not isinstance(key, Ambiguous))))
        self.uses[(brief.slug, brief.lang)] = hashlib.sha1(text.encode()).hexdigest()
        return found

    def check(self, briefs):
        """Warn about every brief (and translation) whose mentions differ from its lists."""
        for brief in briefs:
            for item in (brief, *brief.translations):
                ambiguous = []
                found = self._find(item, item.get_content(self.settings["SITEURL"]), ambiguous)
                check(item, found, self.matcher(item.lang)[1], self.settings, ambiguous)


def install(generator):
    """The `link_mentions` filter (connected to generator_init): `article.content |
    link_mentions(article)` links the first mention of each profile in the brief's text."""
    @pass_context
    def link(ctx, fragment, item):
        return Markup(ctx["mentions"].link(str(fragment), item.lang)[0])

    generator.env.filters["link_mentions"] = link


def check(brief, found, known, settings, ambiguous=()):
    """Warn about each profile listed but not named, or named but not listed, and about
    each word that may name two profiles (left unlinked)."""
    path = display_path(settings, brief.source_path)
    unsure = {key for _, keys in ambiguous for key in keys}
    for text, keys in ambiguous:
        logger.warning(
            "%s: mentions: “%s” may name %s — it is left unlinked; write the name"
            " without the joined prefix, or rephrase", path, text,
            " or ".join(f"{slug} ({field})" for field, slug in keys),
        )
    for field in ("people", "companies"):
        listed = _listed(brief, field)
        for slug in listed:
            if (field, slug) in known and (field, slug) not in found and (field, slug) not in unsure:
                logger.warning(
                    "%s: mentions: %s is listed in `%s` but its name does not appear in the text"
                    " — add the name to the text or to the profile's aliases", path, slug, field,
                )
        for (kind, slug), text in found.items():
            if kind == field and slug not in listed:
                logger.warning(
                    "%s: mentions: the text names %s (“%s”) but `%s` does not list it"
                    " — add %s to `%s`", path, slug, text, field, slug, field,
                )
