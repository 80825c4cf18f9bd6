"""Make the share cards' font: Noto Naskh Arabic Bold, Noto Serif Bold and two arrows of
Noto Sans Symbols Bold in one file.

Pillow draws a line with one font, and an Arabic headline can hold a Latin run ("(MSL)"),
so the card font carries every script a name may be written in: the Arabic face (all of its
layout features, which Arabic needs for joining) plus Noto Serif's Latin (with Latin
Extended-A and -B and the Vietnamese letters of Latin Extended Additional), Greek and
Cyrillic, scaled to the same em, and the arrows of a move ("Meta → Anthropic"). A character
none of them has is a build warning (newsbrief.cards), never a box on a card.
Used only at build time (theme/cards/ is not published). Source: Debian's fonts-noto-core
(OFL-1.1, see theme/static/fonts/OFL.txt).

    python scripts/make_card_font.py   # or: make fonts
"""

import pathlib
import tempfile

from fontTools import merge, subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/truetype/noto")
TARGET = ROOT / "theme" / "cards" / "card-bold.ttf"
ARABIC = list(range(0x0600, 0x0700)) + list(range(0x0750, 0x0780)) + [0x200C, 0x200D, 0x200E, 0x200F, 0x060C, 0x061B, 0x061F]
LATIN = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x250)) + list(range(0x2B0, 0x370))  # Latin-1, Extended-A/B, modifiers, combining marks
         + list(range(0x370, 0x400)) + list(range(0x400, 0x530))  # Greek, Cyrillic and its supplement
         + list(range(0x1E00, 0x1F00)) + list(range(0x2000, 0x2070)) + [0x20AC, 0x2122])  # Latin Extended Additional, punctuation
ARROWS = [0x2190, 0x2192]


def subset_to(path, unicodes, out, drop_latin_features=False):
    font = TTFont(path)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # drawn at 30 px and more: hinting changes nothing visible, and the file is a tenth smaller
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def main():
    with tempfile.TemporaryDirectory() as tmp:
        arabic = subset_to(SOURCE / "NotoNaskhArabic-Bold.ttf", ARABIC, None)
        # Characters both fonts have (space, digits, punctuation) are taken from the first font.
        latin = subset_to(SOURCE / "NotoSerif-Bold.ttf", LATIN, None)
        arrows = subset_to(SOURCE / "NotoSansSymbols-Bold.ttf", ARROWS, None)
        for font in (latin, arrows):
            scale_upem(font, arabic["head"].unitsPerEm)
        paths = []
        for name, font in (("arabic.ttf", arabic), ("latin.ttf", latin), ("arrows.ttf", arrows)):
            path = pathlib.Path(tmp) / name
            font.save(path)
            paths.append(str(path))
        merged = merge.Merger().merge(paths)
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        merged.save(TARGET)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
