"""Share cards: a 600×315 PNG per brief, person and company (and one per language for
the site's other pages), drawn at build time in the page's language (what each says: cardtext).

Arabic is shaped by HarfBuzz through Pillow's Raqm layout; the card font (theme/cards/
card-bold.ttf, `make fonts`) carries Arabic, Latin, Greek and Cyrillic letters. A card is drawn
once, cached under `CACHE_PATH/cards/` by a hash of everything that makes it (its text, the font,
this code, Pillow's and its text libraries' versions), carried in a text chunk, and linked into
the site once verified (a whole PNG of the right size carrying its key), else drawn again."""

import hashlib
import io
import os
import re
import shutil
import unicodedata

import PIL
from fontTools.ttLib import TTFont
from pelican.generators import Generator
from PIL import Image, ImageDraw, ImageFont, features

from . import cardpng
from .bidi import RTL_LANGUAGES
from .cardpng import SIZE, png4, verified
from .cardtext import CARDS, site_card
from .parallel import share
from .report import content_logger, display_path
from .store import cache_folder

logger = content_logger(__name__)

VERSION = "6"  # part of the key, with this file's own bytes (so a change of the drawing redraws)
INK, PAPER, ACCENT = (0x1B, 0x1B, 0x1F), (0xFD, 0xFC, 0xF9), (0x9C, 0x1C, 0x1C)


def _ramp(start, end, steps):
    return [round(a + (b - a) * i / (steps - 1)) for i in range(steps) for a, b in zip(start, end)]


# A card is drawn as one grey layer in which 0–127 runs from ink to paper and 127–255
# from paper to the accent, so antialiased text of either colour blends into the paper
# (127) along its own ramp. It is stored on 16 colours (a 4-bit PNG, a third smaller
# than 256): 8 steps from ink to paper, 8 more from paper to the accent.
STEPS = 8
PALETTE = _ramp(INK, PAPER, STEPS) + _ramp(PAPER, ACCENT, STEPS + 1)[3:]
LEVELS = [round(v * (STEPS - 1) / 127) if v <= 127 else STEPS - 1 + round((v - 127) * STEPS / 128)
          for v in range(256)]
PAPER_GREY, INK_GREY, ACCENT_GREY = 127, 0, 255


def card_url(kind, slug, lang):
    return f"cards/{lang}/{kind}/{slug}.png" if slug else f"cards/{lang}/site.png"




def px(length):
    """A length of the card's design (drawn for 1200 px wide) on the card's SIZE. At 600 px a
    card is two thirds the bytes of 800 and a quarter of 1200 (less antialiased text). 600×315
    is the least Facebook shows as a large link preview (X's large card needs 300×157, LinkedIn
    200×200; all ask 1200×630 for sharpness on high-density screens), and about the width a feed
    shows it at (500–550 px), so its 14-px footer and 17-px text are read at about that size."""
    return round(length * SIZE[0] / 1200)


# The card's grid: text between the margins (and clear of the accent rule), the title and
# what follows it between TOP and BOTTOM, a rule (at RULE_Y) above the footer.
MARGIN, RULE, TOP, BOTTOM, RULE_Y, FOOTER = px(80), px(24), px(190), px(528), px(550), px(596)
TITLE_SIZES, TEXT_SIZE, LEADING, GAP = tuple(map(px, (72, 64, 56, 50, 44, 40))), px(34), 1.32, px(18)
INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}  # controls and format characters (ZWJ, bidi marks): never drawn


class CardDrawer:
    def __init__(self, font_path, shaping=True):
        """`shaping=False` draws without HarfBuzz (letters unjoined): only to test that it matters."""
        self.font_path, self.shaping = font_path, shaping
        self.layout_engine = ImageFont.Layout.RAQM if shaping else ImageFont.Layout.BASIC
        with open(font_path, "rb") as font:
            data = font.read()
        self.font_hash = hashlib.sha256(data).hexdigest()
        self.covered = frozenset(TTFont(io.BytesIO(data)).getBestCmap())
        code = hashlib.sha256()  # the drawing, its file, and what draws the letters
        for source in (__file__, cardpng.__file__):
            with open(source, "rb") as handle:
                code.update(handle.read())
        code.update(repr((PIL.__version__, *(features.version(f) for f in (
            "raqm", "fribidi", "harfbuzz", "freetype2", "zlib")))).encode())
        self.code_hash = code.hexdigest()
        self.fonts = {}

    def font(self, size):
        if size not in self.fonts:
            self.fonts[size] = ImageFont.truetype(self.font_path, size, layout_engine=self.layout_engine)
        return self.fonts[size]

    def key(self, *parts):  # a CardText is keyed by its repr: every text on the card
        return hashlib.sha256("\x00".join((VERSION, self.font_hash, self.code_hash, *map(repr, parts))).encode()).hexdigest()

    def missing(self, text):
        """The characters of `text` the card font has no glyph for (controls aside)."""
        return sorted({c for c in text if ord(c) not in self.covered and unicodedata.category(c) not in INVISIBLE
                       and not c.isspace()})

    def drawable(self, text):
        """`text` without what the font cannot draw: a box would be worse than nothing (the
        build warns, see ShareCardGenerator)."""
        kept = "".join(c for c in text if ord(c) in self.covered or (c.isspace() and unicodedata.category(c) not in INVISIBLE))
        return re.sub(r"  +", " ", kept).strip()

    def _fits(self, text, font, width, direction):
        return font.getlength(text, direction=direction) <= width

    def wrap(self, text, font, width, direction):
        """Greedy line breaking at spaces (a no-break space holds), measured with the shaped
        text; a word longer than a line is broken where the line ends."""
        lines, line = [], ""
        for word in re.split(r"[ \t\n]+", text.strip()):
            while not self._fits(word, font, width, direction):
                low, high = 1, len(word) - 1  # the longest start of the word that fits
                while low < high:
                    middle = (low + high + 1) // 2
                    low, high = (middle, high) if self._fits(word[:middle], font, width, direction) else (low, middle - 1)
                if line:
                    lines.append(line)
                lines.append(word[:low])
                line, word = "", word[low:]
            trial = f"{line} {word}" if line else word
            if not line or self._fits(trial, font, width, direction):
                line = trial
            else:
                lines.append(line)
                line = word
        return lines + [line] if line else lines

    def cut(self, lines, count, font, width, direction):
        """The first `count` lines; when text is left over, the last ends in "…"."""
        if count <= 0:
            return []
        if len(lines) <= count:
            return lines
        last = lines[count - 1].rstrip("،,.:;")
        while last and not self._fits(last + "…", font, width, direction):
            last = last[:-1].rstrip()
        return lines[: count - 1] + [last + "…"] if count else []

    def layout(self, lang, site, card):
        """[(text, size, baseline, grey)]: every line of the card, fitted between TOP and
        BOTTOM: the title at the largest size its lines fit, then at TEXT_SIZE `card.points`,
        each whole, as many as fit in order, or (when the first does not) each of `card.lines`,
        cut with "…" where the room ends."""
        direction = ("rtl" if lang in RTL_LANGUAGES else "ltr") if self.shaping else None
        width = SIZE[0] - 2 * MARGIN - RULE
        out = [(site, px(32), px(100), 55)] + ([(card.kicker, px(30), px(148), ACCENT_GREY)] if card.kicker else [])
        font, text_step = self.font(TEXT_SIZE), round(TEXT_SIZE * LEADING)
        wrapped = [self.wrap(text, font, width, direction) for text in (*card.points, *card.lines)]
        reserved = min(2, sum(map(len, wrapped)))  # the title leaves room for two lines of text
        room = BOTTOM - TOP - (reserved * text_step + GAP if reserved else 0)
        for size in TITLE_SIZES:
            title_step = round(size * LEADING)
            title = self.wrap(card.title, self.font(size), width, direction)
            if len(title) * title_step <= room:
                break
        baseline = TOP + size
        for line in self.cut(title, max(1, room // title_step), self.font(size), width, direction):
            out.append((line, size, baseline, INK_GREY))
            baseline += title_step
        baseline += GAP - title_step + text_step  # below the title's last line: a gap, then the text
        points = 0  # the key points drawn: in order, each whole, until one does not fit
        for number, lines in enumerate(wrapped, -len(card.points)):
            rows = (BOTTOM - baseline) // text_step + 1
            if (number < 0 and (len(lines) > rows or points < number + len(card.points))) or (number >= 0 and points):
                continue
            points += number < 0
            for line in self.cut(lines, rows, font, width, direction):
                out.append((line, TEXT_SIZE, baseline, INK_GREY if number in card.strong else 40))
                baseline += text_step
        if card.footer:
            out.append((card.footer, px(28), FOOTER, 55))
        return out

    def draw(self, path, lang, site, card, key=""):
        """The card as a 16-colour PNG at `path` (see LEVELS above; cardpng.png4), carrying `key`."""
        rtl = lang in RTL_LANGUAGES
        direction = ("rtl" if rtl else "ltr") if self.shaping else None
        width, height = SIZE
        grey = Image.new("L", SIZE, PAPER_GREY)
        pen = ImageDraw.Draw(grey)
        # The accent rule at the reading start; lines sit on baselines, so a tall letter (أ) moves none.
        pen.rectangle((width - RULE, 0, width, height) if rtl else (0, 0, RULE, height), fill=ACCENT_GREY)
        x, anchor = (width - MARGIN, "rs") if rtl else (MARGIN, "ls")
        for text, size, baseline, fill in self.layout(lang, site, card):
            pen.text((x, baseline), text, font=self.font(size), fill=fill, anchor=anchor, direction=direction)
        start, end = (RULE + MARGIN, width - MARGIN) if rtl else (MARGIN, width - MARGIN - RULE)
        pen.line((start, RULE_Y, end, RULE_Y), fill=110, width=2)
        with open(path, "wb") as out:
            out.write(png4(Image.frombytes("P", SIZE, grey.point(LEVELS).tobytes()), PALETTE, key))


class ShareCardGenerator(Generator):
    """Writes the cards of every brief, person and company and the site card per language."""

    def generate_context(self):
        """Which profiles get a card of their own: those named in the newest
        SHARE_CARDS_PROFILE_BRIEFS briefs (the ones readers share now). Every other page
        shows its language's site card, so the number of cards stays bounded as the archive
        grows (at 10,000 briefs a card per profile would be 45,000 more images)."""
        newest = sorted(self.context.get("articles", []), key=lambda b: (b.date, b.slug), reverse=True)
        named = set()
        for brief in newest[: self.settings.get("SHARE_CARDS_PROFILE_BRIEFS", 100)]:
            for kind, field in (("person", "people"), ("company", "companies")):
                named.update((kind, slug) for slug in getattr(brief, field, None) or [])
        self.context["share_card_profiles"] = named

    def items(self):
        named = self.context["share_card_profiles"]
        for item in self.context.get("articles", []):
            for version in (item, *item.translations):
                yield "article", version
        for kind, name in (("person", "people"), ("company", "companies")):
            for item in self.context.get(name, []):
                if (kind, item.slug) in named:
                    for version in (item, *item.translations):
                        yield kind, version

    def generate_output(self, writer):
        if not self.settings.get("SHARE_CARDS", True):
            return
        interface, talent = self.context["interface"], self.context["talent"]
        drawer = CardDrawer(os.path.join(self.settings["THEME"], "cards", "card-bold.ttf"))
        cache = cache_folder(os.path.join(self.settings.get("CACHE_PATH", "cache"), "cards"))
        jobs = [(kind, item, item.lang) for kind, item in self.items()]
        jobs += [(None, None, lang) for lang in self.settings["LANGUAGES"]]
        cards, missing = [], {}
        for kind, item, lang in jobs:
            catalogue = interface.catalogues[lang]
            site = catalogue.ugettext("AI Talent Brief")
            # The site card (home, indexes, about): the site's name and what it tells.
            card = CARDS[kind](item, talent, catalogue) if kind else site_card(catalogue)
            lacking = drawer.missing("".join(card.parts()))
            if lacking:  # said at every build, drawn or cached
                logger.warning("%s: share card: no font has %s; the card leaves %s out — write %s with"
                               " letters of the Latin, Greek, Cyrillic or Arabic alphabets",
                               display_path(self.settings, item.source_path) if item else "theme/translations", " ".join(
                                   f"“{c}” (U+{ord(c):04X})" for c in lacking),
                               "it" if len(lacking) == 1 else "them", "the name or title")
                card = card.drawn_with(drawer.drawable)
            cached = os.path.join(cache, drawer.key(lang, site, card) + ".png")
            if not verified(cached, os.path.basename(cached)[:-4]):
                missing[cached] = (lang, site, card)
            cards.append((cached, os.path.join(self.output_path, card_url(kind, item and item.slug, lang))))
        draw_all(drawer, missing, self.settings.get("SHARE_CARDS_PROCESSES") or os.cpu_count() or 1)
        for cached, target in cards:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            link_or_copy(cached, target)


def _draw(drawer, cached, parts):
    partial = f"{cached}.{os.getpid()}.tmp"
    drawer.draw(partial, *parts, key=os.path.basename(cached)[:-4])
    os.replace(partial, cached)


def draw_all(drawer, missing, processes):
    """Draw the cards the cache lacks, over `processes` forked copies of the build
    (newsbrief.parallel) when there are enough to pay (a card takes about 20 ms); a card is
    the same bytes whichever process draws it."""
    def draw(part):
        for cached, parts in part:
            _draw(drawer, cached, parts)

    share("drawing the share cards", list(missing.items()), processes if len(missing) >= 50 else 1, draw)


def link_or_copy(source, target):
    """A cached card linked into the site (no second copy) where they share a file system, else copied."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
