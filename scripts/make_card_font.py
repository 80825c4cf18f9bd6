"""Make the share cards' font: Noto Naskh Arabic Bold and Noto Serif Bold in one file.

Pillow draws a line with one font, and an Arabic headline can hold a Latin run ("(MSL)"),
so the card font carries both scripts: the Arabic face (all of its layout features, which
Arabic needs for joining) plus the Latin letters of Noto Serif scaled to the same em.
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
LATIN = list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) + [0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00AB, 0x00BB]


def subset_to(path, unicodes, out, drop_latin_features=False):
    font = TTFont(path)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    return font


def main():
    with tempfile.TemporaryDirectory() as tmp:
        arabic = subset_to(SOURCE / "NotoNaskhArabic-Bold.ttf", ARABIC, None)
        # Characters both fonts have (space, digits, punctuation) are taken from the first font.
        latin = subset_to(SOURCE / "NotoSerif-Bold.ttf", [u for u in LATIN], None)
        scale_upem(latin, arabic["head"].unitsPerEm)
        paths = []
        for name, font in (("arabic.ttf", arabic), ("latin.ttf", latin)):
            path = pathlib.Path(tmp) / name
            font.save(path)
            paths.append(str(path))
        merged = merge.Merger().merge(paths)
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        merged.save(TARGET)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
