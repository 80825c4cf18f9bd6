"""Mentions link themselves: the first mention of each person and company in a brief
becomes a link to their page, in the brief's language.

Names. A profile is known by the `name` and `aliases` of its version in the brief's
language (the Arabic profile may list Latin-script aliases such as "MSL", and they are
looked for in the Arabic brief too). Matching is exact and case-sensitive.

Words, not parts of words. Nothing that is a letter, digit or Arabic diacritic may stand
right before or after a match, so "Meta" is not found in "Metadata" but is in "Meta's",
and "ميتا" is not found in "ميتاها". An Arabic name may carry the proclitics written
joined to it: a conjunction و or ف, then a preposition ب، ل or ك and/or the article ال
(وميتا، فميتا، بميتا، لميتا، كميتا، الميتا، والميتا، بالميتا، وبالميتا…); for a name that
begins with ال the form after ل drops the alif (الذكاء → للذكاء، وللذكاء). The link covers
the written word with its proclitics (بميتا, لميتا), so joined letters are never split
between a link and the text around it; only a leading conjunction و, a letter that never
joins the next one, is left outside the link so that the link does not read "and …".

Which mention. The text is walked word by word in document order. At each word the
readings are tried from the shortest prefix up (as written, then without و, …): the first
prefix whose rest begins a listed name decides, so a name as written always beats a reading
with a proclitic («كريم حداد» is never «ك» + «ريم حداد» when «كريم …» is listed), and a
proclitic reading is taken only when the word as written begins no listed name. Of the names
starting there the longest the text holds wins ("Google DeepMind" over "Google"). When two
readings remain (the ل and the لل readings of one word), the word is left unlinked and the
check names both profiles. Each profile is linked once, at its first mention outside
headings, links and code. A name that is the whole text of a `<bdi>` (a Latin run in an
Arabic body) is linked by wrapping the `<bdi>` in the link, so the run stays isolated.
Names are looked up by their first word in a dictionary, so the cost per brief does not grow
with the number of profiles.

Check. The profiles found in the text are compared with the brief's front-matter
`people` and `companies`; each difference is a warning naming the file.
"""

import html
import re

from .graph import version
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

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
DIACRITICS = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED"
# A word: letters, digits and Arabic diacritics. A name starts and ends at a word's edges.
WORD = re.compile(rf"[\w{DIACRITICS}]+")
WORD_CHAR = re.compile(rf"[\w{DIACRITICS}]")
# The proclitics written joined to a name, in reading order: و/ف, then ب/ك with or without
# ال, or ال, or ل. Each entry is one reading's prefix; "" is the word as written.
PROCLITICS = frozenset(c + p for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل", "ال", "بال", "كال"))
LONGEST_PROCLITIC = max(map(len, PROCLITICS))
# "لل" is ل + ال before a name that begins with ال (الذكاء → للذكاء); its prefix is the ل.
LAM_AL = ("ل", "ول", "فل")


class Ambiguous(tuple):
    """The keys of two or more profiles that one written word may name."""


class Matcher:
    """Finds the names of a set of profiles in text, as described above.

    Names are indexed by their first word, so the cost per text is a few dictionary
    look-ups per word, whatever the number of names. At each word the readings are tried
    from the shortest prefix up: as written, then without و, and so on. The first prefix
    whose rest is the first word of a listed name decides (a name as written always
    beats a reading with a proclitic: «كريم» is never «ك» + «ريم» when «كريم …» is
    listed); of the names starting there the longest that the text holds wins. When, at
    that prefix, both the ل reading and the لل reading name someone, the word is
    ambiguous: `finditer` yields an `Ambiguous` key and it is not linked."""

    def __init__(self, names):
        """`names`: {name: key}; a name may be in Arabic or Latin script."""
        self.keys = {}  # escaped name → key
        self.by_first_word = {}  # first word → [escaped names, longest first]
        for name, key in names.items():
            name = name.strip()
            if not name:
                continue
            escaped = html.escape(name, quote=False)  # the text is matched as HTML
            first = WORD.match(escaped)
            if not first or escaped in self.keys:
                continue
            self.keys[escaped] = key
            self.by_first_word.setdefault(first.group(0), []).append(escaped)
        for found in self.by_first_word.values():
            found.sort(key=lambda n: (-len(n), n))
        # Every written form that may begin a name (a first word with its proclitics), so
        # that most words of a text are passed over with one look-up.
        self.starts = set()
        for first in self.by_first_word:
            if not ARABIC.match(first):
                self.starts.add(first)
                continue
            self.starts.update(prefix + first for prefix in PROCLITICS)
            if first.startswith("ال"):
                self.starts.update(lam + first[1:] for lam in LAM_AL)

    def _longest(self, text, at, first_word, skip=0):
        """The longest name whose first word is `first_word` written at `at` (its first
        `skip` characters not written: the ا of ال after لل)."""
        for name in self.by_first_word.get(first_word, ()):
            end = at + len(name) - skip
            if text.startswith(name[skip:], at) and not WORD_CHAR.match(text, end):
                return name, end
        return None

    def readings(self, text, start, word):
        """(span start, end, key) of the name written at the word `word` starting at `start`."""
        for length in range(min(LONGEST_PROCLITIC, len(word) - 1) + 1):
            prefix = word[:length]
            if prefix not in PROCLITICS:
                continue
            rest = word[length:]
            lam_al = prefix in LAM_AL and rest.startswith("ل") and ("ا" + rest) in self.by_first_word
            if rest not in self.by_first_word and not lam_al:
                continue
            if prefix and not ARABIC.match(rest):
                return None  # Latin names take no Arabic proclitics
            found = []
            plain = self._longest(text, start + len(prefix), rest)
            if plain:
                found.append((plain[1], self.keys[plain[0]]))
            if lam_al:
                joined = self._longest(text, start + len(prefix) + 1, "ا" + rest, skip=2)
                if joined:
                    found.append((joined[1], self.keys[joined[0]]))
            if not found:
                return None
            span = start + 1 if prefix.startswith("و") else start
            if len({key for _, key in found}) > 1:
                return span, max(end for end, _ in found), Ambiguous(sorted({key for _, key in found}))
            return span, found[0][0], found[0][1]
        return None

    def finditer(self, text):
        """(start, end, key) of every name in `text`, left to right, longest first;
        the span is what to link: the word without a leading conjunction و."""
        if self.starts.isdisjoint(WORD.findall(text)):
            return  # no word here begins a name (one pass in C)
        position = 0
        starts = self.starts
        for word in WORD.finditer(text):
            written = word.group(0)
            if written not in starts:
                continue
            start = word.start()
            if start < position or (start and text[start - 1] in "&#"):
                continue  # inside the previous name, or an entity such as &amp;
            found = self.readings(text, start, written)
            if found:
                position = found[1]
                yield found


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


def link_mentions(fragment, matcher, urls, ambiguous=None):
    """Link the first mention of each key of `matcher` whose url is in `urls`.

    Return (html, found), `found` being {key: the text of its first mention} of every key
    mentioned in prose, linked or not, in the order of first mention. A word that may name
    two profiles is left as it is and, when `ambiguous` is a list, added to it as
    (its text, the `Ambiguous` keys).
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
            if isinstance(key, Ambiguous):
                if ambiguous is not None:
                    ambiguous.append((html.unescape(raw[start:end]), key))
                continue
            found.setdefault(key, html.unescape(raw[start:end]))
            if not may_link or key in linked or key not in urls:
                continue
            linked.add(key)
            link = f'<a class="nb-mention" href="{html.escape(urls[key])}">'
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


def link_briefs(briefs, people, companies, settings):
    """Link the mentions of every brief (and translation) in `briefs`; warn on differences
    between the names found and the front-matter lists."""
    siteurl = settings["SITEURL"]
    matchers = {}
    for brief in briefs:
        for item in (brief, *brief.translations):
            lang = item.lang
            if lang not in matchers:
                profiles = {
                    ("people", slug): p for slug, p in _profiles_in(people, lang).items()
                }
                profiles.update(
                    {("companies", slug): c for slug, c in _profiles_in(companies, lang).items()}
                )
                names = {}
                # Every name is claimed by one profile: the first that lists it.
                for key, profile in profiles.items():
                    for name in _names(profile):
                        names.setdefault(name, key)
                urls = {key: f"{siteurl}/{profile.url}" for key, profile in profiles.items()}
                matchers[lang] = (Matcher(names), urls)
            matcher, urls = matchers[lang]
            ambiguous = []
            item._content, found = link_mentions(item._content, matcher, urls, ambiguous)
            check(item, found, urls, settings, ambiguous)


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
