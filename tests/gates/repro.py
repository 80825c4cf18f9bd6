"""Reproducible builds: compare two output directories byte for byte.

    build(out_a); build(out_b)
    assert not compare_dirs(out_a, out_b), "\\n".join(compare_dirs(out_a, out_b))
"""

from __future__ import annotations

import difflib
import filecmp
import os
from pathlib import Path


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def compare_dirs(a: str | os.PathLike, b: str | os.PathLike) -> list[str]:
    """``"only in A: x"``, ``"only in B: x"``, ``"differs: x"`` lines, sorted (empty = identical)."""
    a, b = Path(a), Path(b)
    fa, fb = _files(a), _files(b)
    out = [f"only in {a}: {p}" for p in sorted(fa - fb)]
    out += [f"only in {b}: {p}" for p in sorted(fb - fa)]
    out += [f"differs: {p}" for p in sorted(fa & fb) if not filecmp.cmp(a / p, b / p, shallow=False)]
    return out


def first_difference(a: str | os.PathLike, b: str | os.PathLike, rel: str, context: int = 2, limit: int = 40) -> str:
    """A short unified diff of ``rel`` in both dirs (text), or the first differing byte offset."""
    da, db = (Path(a) / rel).read_bytes(), (Path(b) / rel).read_bytes()
    try:
        ta, tb = da.decode("utf-8").splitlines(), db.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        i = next((i for i, (x, y) in enumerate(zip(da, db)) if x != y), min(len(da), len(db)))
        return f"{rel}: first difference at byte {i} (sizes {len(da)} / {len(db)})"
    diff = list(difflib.unified_diff(ta, tb, f"a/{rel}", f"b/{rel}", n=context, lineterm=""))
    return "\n".join(diff[:limit])
