"""Share cards: a 1200×630 PNG per brief, person and company (and one per language for
the site's other pages), drawn at build time in the page's language.

Arabic is shaped by HarfBuzz through Pillow's Raqm layout, so letters join and run right
to left; the card font (theme/cards/card-bold.ttf, `make fonts`) carries the Arabic and the
Latin letters, since one headline may hold both. A card is drawn once: it is cached under
`CACHE_PATH/cards/` by a hash of everything drawn on it, and copied from there afterwards.
"""

import hashlib
import os
import shutil

from PIL import Image, ImageDraw, ImageFont
from pelican.generators import Generator

from .bidi import RTL_LANGUAGES

SIZE = (1200, 630)
MARGIN = 80
VERSION = "1"  # bump when the drawing changes, so cached cards are redrawn
INK, PAPER, ACCENT = (0x1B, 0x1B, 0x1F), (0xFD, 0xFC, 0xF9), (0x9C, 0x1C, 0x1C)


def _ramp(start, end, steps):
    return [round(a + (b - a) * i / (steps - 1)) for i in range(steps) for a, b in zip(start, end)]


PALETTE = _ramp(INK, PAPER, 128) + _ramp(PAPER, ACCENT, 128)


def card_url(kind, slug, lang):
    return f"cards/{lang}/{kind}/{slug}.png" if slug else f"cards/{lang}/site.png"


class CardDrawer:
    def __init__(self, font_path, shaping=True):
        """`shaping=False` draws without HarfBuzz (letters unjoined): only to test that it matters."""
        self.font_path, self.shaping = font_path, shaping
        self.layout = ImageFont.Layout.RAQM if shaping else ImageFont.Layout.BASIC
        with open(font_path, "rb") as font:
            self.font_hash = hashlib.sha256(font.read()).hexdigest()
        self.fonts = {}

    def font(self, size):
        if size not in self.fonts:
            self.fonts[size] = ImageFont.truetype(self.font_path, size, layout_engine=self.layout)
        return self.fonts[size]

    def key(self, *parts):
        return hashlib.sha256("\x00".join((VERSION, self.font_hash, *parts)).encode()).hexdigest()

    def wrap(self, text, font, width, direction, max_lines):
        """Greedy line breaking on spaces, measured with the shaped text."""
        lines, line = [], ""
        for word in text.split():
            trial = f"{line} {word}".strip()
            if font.getlength(trial, direction=direction) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = lines[-1].rstrip("،,.") + "…"
        return lines

    def draw(self, path, lang, site, kicker, title):
        """Draw in two grey layers, then map them onto a 256-colour palette: 0–127 run from
        ink to paper, 128–255 from paper to the accent. Text stays antialiased and the PNG
        small, without the cost of quantizing a full-colour image."""
        rtl = lang in RTL_LANGUAGES
        direction = ("rtl" if rtl else "ltr") if self.shaping else None
        width, height = SIZE
        base = Image.new("L", SIZE, 127)  # paper, on the ink ramp
        accent = Image.new("L", SIZE, 0)  # nothing, on the accent layer
        ink, accents = ImageDraw.Draw(base), ImageDraw.Draw(accent)
        # The accent rule at the reading start, the site's name above, the kind as a kicker.
        accents.rectangle((width - 24, 0, width, height) if rtl else (0, 0, 24, height), fill=255)
        x, anchor = (width - MARGIN, "r") if rtl else (MARGIN, "l")
        ink.text((x, 70), site, font=self.font(34), fill=55, anchor=anchor + "t", direction=direction)
        if kicker:
            accents.text((x, 130), kicker, font=self.font(30), fill=255, anchor=anchor + "t", direction=direction)
        size = 68 if len(title) < 60 else 56
        font = self.font(size)
        y = 210
        for line in self.wrap(title, font, width - 2 * MARGIN - 24, direction, 4):
            ink.text((x, y), line, font=font, fill=0, anchor=anchor + "t", direction=direction)
            y += int(size * 1.45)
        start, end = (24 + MARGIN, width - MARGIN) if rtl else (MARGIN, width - MARGIN - 24)
        ink.line((start, height - 60, end, height - 60), fill=110, width=2)
        mask = accent.point(lambda a: 255 if a else 0)
        card = Image.composite(accent.point(lambda a: 128 + a // 2), base, mask)
        card = Image.frombytes("P", SIZE, card.tobytes())
        card.putpalette(PALETTE)
        card.save(path, format="PNG", compress_level=6)


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
        interface = self.settings["NEWSBRIEF_INTERFACE"]
        drawer = CardDrawer(os.path.join(self.settings["THEME"], "cards", "card-bold.ttf"))
        cache = os.path.join(self.settings.get("CACHE_PATH", "cache"), "cards")
        os.makedirs(cache, exist_ok=True)
        kickers = {"article": "Brief", "person": "Person", "company": "Company"}
        jobs = [(kind, item.slug, item.lang, str(item.title)) for kind, item in self.items()]
        jobs += [(None, None, lang, None) for lang in self.settings["LANGUAGES"]]
        for kind, slug, lang, title in jobs:
            tr = interface.catalogues[lang].ugettext
            site = tr("AI Talent Brief")
            # The site card (home, indexes, about): the site's name and what it tells.
            kicker = tr(kickers[kind]) if kind else ""
            title = title or tr("Who moved where")
            key = drawer.key(lang, site, kicker, title)
            cached = os.path.join(cache, key + ".png")
            if not os.path.exists(cached):
                partial = cached + ".tmp"
                drawer.draw(partial, lang, site, kicker, title)
                os.replace(partial, cached)
            target = os.path.join(self.output_path, card_url(kind, slug, lang))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(cached, target)


