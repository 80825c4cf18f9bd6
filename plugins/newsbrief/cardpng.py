"""A share card as a file: the 4-bit PNG of its palette indices (`png4`), and whether a cached
card is whole and its own (`verified`)."""

import os
import stat
import zlib

PNG, KEY_CHUNK = b"\x89PNG\r\n\x1a\n", "newsbrief-card"
SIZE = (600, 315)  # every card's, in pixels: 1.91:1, Facebook's minimum for a large preview (cards.px)


def _chunk(kind, data):
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def png4(card, palette, key):
    """The 4-bit PNG of `card` (a "P" image of at most 16 colours: `palette`), carrying `key`. Written here rather than
    by Pillow, which filters every row (Paeth, Up) even at 4 bits: on text over a flat paper,
    rows left unfiltered and deflated at level 8 are 15 % smaller, for 9 ms more a card."""
    (width, height), packed = card.size, card.tobytes("raw", "P;4")
    row = (width + 1) // 2
    rows = b"".join(b"\0" + packed[y * row:(y + 1) * row] for y in range(height))  # filter 0: none
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((4, 3, 0, 0, 0))
    return b"".join((PNG, _chunk(b"IHDR", header), _chunk(b"PLTE", bytes(palette)),
                     _chunk(b"tEXt", f"{KEY_CHUNK}\0{key}".encode()), _chunk(b"IDAT", zlib.compress(rows, 8)),
                     _chunk(b"IEND", b"")))


def verified(path, key):
    """Whether the cached card at `path` is whole and its own: a regular file, a PNG whose
    chunks all end where the file does and whose checksums are right, of SIZE, carrying `key`."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > 1 << 22:
            return False
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    offset, chunks = len(PNG), []
    while data.startswith(PNG) and offset + 12 <= len(data):
        length, kind = int.from_bytes(data[offset:offset + 4], "big"), data[offset + 4:offset + 8]
        end = offset + 12 + length
        if end > len(data) or zlib.crc32(data[offset + 4:end - 4]) != int.from_bytes(data[end - 4:end], "big"):
            return False
        chunks.append((kind, data[offset + 8:end - 4]))
        offset = end
    size = b"".join(n.to_bytes(4, "big") for n in SIZE)
    return (offset == len(data) and len(chunks) > 2 and chunks[0][0] == b"IHDR" and chunks[0][1][:8] == size
            and chunks[-1] == (b"IEND", b"") and (b"tEXt", f"{KEY_CHUNK}\0{key}".encode()) in chunks)

