"""Where a built site's bytes go: files and bytes by kind of file, HTML by page type.

    python scripts/sitebytes.py OUTPUT   # prints a Markdown table

Sizes in KB and MB of 1,024 (as `make bench`'s other figures). An HTML page's type is the one its body names (`nb-page--<kind>`); every other file is
sorted by where it lies (cards, search index, feeds, sitemaps, open data, theme). `make bench`
adds this table for its cold build.
"""

import os
import re
import sys
from collections import Counter

KIND = re.compile(rb'<body class="nb-page nb-page--([\w-]+)')
WHERE = [  # (pattern of the path, kind), the first that matches
    (r"(^|/)cards/", "share cards (PNG)"),
    (r"(^|/)pagefind[^/]*/", "search index (Pagefind)"),
    (r"(^|/)feeds/", "feeds (Atom)"),
    (r"^sitemap", "sitemaps"),
    (r"^data/", "open data (JSON, CSV)"),
    (r"^theme/", "theme (CSS, fonts, icons)"),
    (r"\.json$", "other JSON"),
]


def kind_of(path, head):
    if path.endswith(".html"):
        match = KIND.search(head)
        return f"HTML: {match.group(1).decode()}" if match else "HTML: other"
    for pattern, kind in WHERE:
        if re.search(pattern, path):
            return kind
    return "other"


def breakdown(folder):
    """{kind: (files, bytes)} of every file under `folder`."""
    files, sizes = Counter(), Counter()
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            head = b""
            if name.endswith(".html"):
                with open(path, "rb") as handle:
                    head = handle.read(16384)
            kind = kind_of(relative, head)
            files[kind] += 1
            sizes[kind] += os.path.getsize(path)
    return {kind: (files[kind], sizes[kind]) for kind in sorted(sizes, key=sizes.get, reverse=True)}


def rows(folder, briefs=None):
    """The table's lines: each kind's files, bytes, share, and bytes per brief."""
    found = breakdown(folder)
    total = sum(size for _, size in found.values()) or 1
    out = ["| kind of file | files | bytes | share |" + (" bytes per brief |" if briefs else ""),
           "| --- | ---: | ---: | ---: |" + (" ---: |" if briefs else "")]
    for kind, (count, size) in found.items():
        out.append(f"| {kind} | {count:,} | {size / 2**20:.2f} MB | {100 * size / total:.1f} % |"
                   + (f" {size / briefs / 2**10:.1f} KB |" if briefs else ""))
    return out


if __name__ == "__main__":
    print("\n".join(rows(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)))
