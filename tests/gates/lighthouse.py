"""Lighthouse (npm `lighthouse`, pinned in package.json) on Debian's Chromium.

    scores, failing = audit(url)   # {"performance": 1.0, …}, ["performance: speed-index 0.86 (3.6 s)", …]

Mobile preset (Lighthouse's default form factor and simulated throttling). Chromium is
found at $CHROME_PATH or /usr/bin/chromium and started headless; nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(url: str, categories=CATEGORIES) -> dict:
    """One Lighthouse run; the JSON report."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [str(BIN), url, "--quiet", "--output=json", f"--output-path={out}",
             "--chrome-flags=--headless --no-sandbox", f"--only-categories={','.join(categories)}"],
            env=env, check=True, capture_output=True, timeout=240,
        )
        return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict) -> list[str]:
    """The weighted audits that scored below 1, readable."""
    problems = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                problems.append(f"{category['id']}: {ref['id']} {audit['score']}{shown}")
    return problems


def audit(url: str, attempts: int = 5, categories=CATEGORIES) -> tuple[dict, list[str]]:
    """Each category's best score over up to `attempts` runs (stopping at all 100s), and the
    failing audits of the last run. Performance is measured on a shared machine, so one slow
    run does not fail the page; a page that never reaches 100 does. Without performance
    (`categories`), one run: the other categories do not depend on the machine's speed."""
    best, problems = {}, []
    for _ in range(attempts if "performance" in categories else 1):
        report = run(url, categories)
        for name in categories:
            best[name] = max(best.get(name, 0), report["categories"][name]["score"] or 0)
        problems = failing_audits(report)
        if all(best[name] == 1 for name in categories):
            break
    return best, problems
