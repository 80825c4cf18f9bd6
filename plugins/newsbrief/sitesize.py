"""The size of the finished site against GitHub Pages' limit on a published site.

Pages publishes a site of at most 1 GB (`PAGES_SIZE_LIMIT`, in bytes); a larger one stops
deploying. The build warns, in one line, once the site's files pass 80 % of the limit, so
the editors hear of it years before a deploy fails (`make bench` says how many briefs fit).
"""

import os

from .report import content_logger

log = content_logger(__name__)
WARN_AT = 0.8  # of PAGES_SIZE_LIMIT


def site_bytes(folder):
    """The bytes of every file under `folder` (a hard-linked file counts each time, as Pages does)."""
    total = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            total += os.lstat(os.path.join(directory, name)).st_size
    return total


def warn_near_limit(folder, settings):
    """Log one warning when the site in `folder` is past WARN_AT of PAGES_SIZE_LIMIT."""
    limit = settings.get("PAGES_SIZE_LIMIT")
    if not limit:
        return
    size = site_bytes(folder)
    if size > WARN_AT * limit:
        log.warning("The site is %s MB, %d %% of PAGES_SIZE_LIMIT (%s MB, GitHub Pages' limit on a "
                    "published site): past the limit Pages stops deploying — make the site smaller "
                    "(SHARE_CARDS_PROFILE_BRIEFS draws fewer share cards) or raise PAGES_SIZE_LIMIT "
                    "if your host allows more", f"{size / 1e6:,.1f}", 100 * size // limit, f"{limit / 1e6:,.1f}")
