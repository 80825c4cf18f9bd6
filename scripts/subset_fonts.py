"""Subset the Arabic web font to the characters the site uses.

Reads every content file, template and catalogue, keeps the Arabic letters, digits and
punctuation they contain (plus the whole basic Arabic block, so a new name in a new
brief still renders), and writes woff2 files with all OpenType layout features, which
Arabic needs for joining and marks. Source: Debian's fonts-noto-core (OFL-1.1).

    python scripts/subset_fonts.py   # or: make fonts
"""

import pathlib

from fontTools import subset

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = pathlib.Path("/usr/share/fonts/truetype/noto")
TARGET = ROOT / "theme" / "static" / "fonts"
FACES = {"NotoNaskhArabic-Regular.ttf": "noto-naskh-arabic.woff2",
         "NotoNaskhArabic-Bold.ttf": "noto-naskh-arabic-bold.woff2"}
# The basic Arabic block, Arabic punctuation, the joiners and the quotation marks of Arabic
# text (« », drawn by the Naskh, not a Latin fallback); our texts add the rest.
BASE = set(range(0x0600, 0x0700)) | {0x200C, 0x200D, 0x200E, 0x200F, 0x00AB, 0x00BB}


def used_characters():
    text = ""
    for pattern in ("content/**/*.md", "theme/templates/**/*.html", "theme/translations/**/*.po"):
        for path in sorted(ROOT.glob(pattern)):
            text += path.read_text(encoding="utf-8")
    return {ord(c) for c in text if ord(c) >= 0x0600}


def main():
    unicodes = sorted(BASE | used_characters())
    for source, target in FACES.items():
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]  # keep the copyright and licence records
        options.notdef_outline = True
        font = subset.load_font(str(SOURCE / source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(TARGET / target), options)
        print(f"{target}: {(TARGET / target).stat().st_size} bytes, {len(unicodes)} code points")


if __name__ == "__main__":
    main()
