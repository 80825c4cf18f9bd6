"""Production settings: `make publish`, with SITEURL from the environment.

    SITEURL=https://owner.github.io/repo make publish
"""

import os
from urllib.parse import urlsplit

from pelican.settings import get_settings_from_file

# Every setting of pelicanconf.py (read from beside this file, wherever the build runs).
globals().update(get_settings_from_file(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pelicanconf.py")))

SITEURL = os.environ.get("SITEURL", "").strip().rstrip("/")
_url = urlsplit(SITEURL)
if _url.scheme != "https" or not _url.netloc:
    allowed_local = _url.scheme == "http" and _url.hostname in ("localhost", "127.0.0.1")
    if not allowed_local:
        raise SystemExit(
            "publishconf.py: SITEURL must be set to the site's https address, e.g. "
            "SITEURL=https://owner.github.io/repo make publish "
            f"(got {SITEURL!r}; http is accepted only for localhost previews)."
        )
RELATIVE_URLS = False
SITEPATH = _url.path  # in-page links: root-relative under the subpath (see pelicanconf.py)
FEED_DOMAIN = SITEURL
CORRECTIONS_EMAIL_REQUIRED = True  # the build warns while CORRECTIONS_EMAIL is the placeholder
# A custom domain for GitHub Pages: set CNAME_DOMAIN (e.g. news.example.org) and SITEURL
# to https://news.example.org; a CNAME file is written into the site.
CNAME_DOMAIN = os.environ.get("CNAME_DOMAIN", "").strip()
DELETE_OUTPUT_DIRECTORY = True
