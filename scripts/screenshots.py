"""Chromium screenshots of the main pages, Arabic and English, at 360, 390 and 1280 px, and
in the dark colour scheme at 390 px.

    python scripts/screenshots.py output test-artifacts/screenshots   # or: make screenshots
"""

import pathlib
import sys

from gates.browser import launch, screenshot
from gates.server import serve

PAGES = {
    "home": "", "archive": "articles/", "year": "articles/2026/", "month": "articles/2026/11/", "moves": "moves/",
    "moves-month": "moves/2026/11/",
    "brief": "articles/meta-superintelligence-departures/",
    "person": "people/bert-maher/", "company": "companies/meta/",
    "people": "people/", "companies": "companies/", "about": "about/",
    "person-not-stated": "people/rishabh-agarwal/", "corrections": "corrections/", "not-found": "404.html",
}
SHOTS = ((360, "light"), (390, "light"), (1280, "light"), (390, "dark"))


def main(site, target):
    target = pathlib.Path(target)
    target.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, launch() as browser:
        for width, scheme in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
            suffix = "" if scheme == "light" else f"-{scheme}"
            for name, path in PAGES.items():
                for lang, prefix in (("ar", ""), ("en", "en/")):
                    page.goto(f"{base}/{prefix}{path}")
                    print(screenshot(page, f"{name}-{lang}-{width}{suffix}", target))
            page.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
