"""Local build settings. `publishconf.py` imports these and adds what production needs."""

import os

SITEURL = ""
# In-page links start with the site's path (SITEURL without scheme and host, e.g. /newsbrief):
# root-relative, so they work at any depth under a project subpath, the 404 included, and are
# shorter than SITEURL's full address. Canonical, hreflang, share metadata, JSON-LD, feeds and
# sitemaps keep SITEURL.
SITEPATH = ""
RELATIVE_URLS = False
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"
# Languages the site is published in; the first is the default and lives at `/`.
LANGUAGES = ("ar", "en")
DEFAULT_DATE_FORMAT = "medium"  # a Babel date format, applied in the page's language

THEME = "theme"
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]

PLUGINS = ["newsbrief"]  # installed into .venv as a package (pyproject.toml)

JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
}
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
    },
    "output_format": "html5",
}

# Briefs. Pelican's default ARTICLE_PATHS is the whole content folder: keep profiles out.
ARTICLE_PATHS = ["articles"]
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/articles/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/articles/{slug}/index.html"
ARTICLE_TRANSLATION_ID = "slug"

PAGE_PATHS = ["pages"]
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
PAGE_TRANSLATION_ID = "slug"

# Profiles: content types of their own (plugins/newsbrief).
PERSON_PATHS = ["people"]
PERSON_URL = "people/{slug}/"
PERSON_SAVE_AS = "people/{slug}/index.html"
PERSON_LANG_URL = "{lang}/people/{slug}/"
PERSON_LANG_SAVE_AS = "{lang}/people/{slug}/index.html"
COMPANY_PATHS = ["companies"]
COMPANY_URL = "companies/{slug}/"
COMPANY_SAVE_AS = "companies/{slug}/index.html"
COMPANY_LANG_URL = "{lang}/companies/{slug}/"
COMPANY_LANG_SAVE_AS = "{lang}/companies/{slug}/index.html"

# Site-level pages, written by the newsbrief plugin in every language:
# `{prefix}` is "" for the default language and "en/" for English.
HOME_SAVE_AS = "{prefix}index.html"
PEOPLE_INDEX_SAVE_AS = "{prefix}people/index.html"
COMPANIES_INDEX_SAVE_AS = "{prefix}companies/index.html"
PEOPLE_INDEX_URL = "{prefix}people/"
COMPANIES_INDEX_URL = "{prefix}companies/"
CORRECTIONS_SAVE_AS = "{prefix}corrections/index.html"
CORRECTIONS_URL = "{prefix}corrections/"
SEARCH_SAVE_AS = "{prefix}search/index.html"
SEARCH_INDEX = True  # Pagefind's index of the built site (newsbrief.search); off in tests that do not search
FEED_SAVE_AS = "{prefix}feeds/atom.xml"
FEED_MAX_ITEMS = 20  # the latest briefs in each language's feed
# A feed per person and per company (plugins/newsbrief/feeds.py): the newest briefs that
# name them, with the moves each states about them. Empty: no such feeds.
PERSON_FEED_ATOM = "{prefix}people/{slug}/feed.xml"
COMPANY_FEED_ATOM = "{prefix}companies/{slug}/feed.xml"
PROFILE_FEED_MAX_ITEMS = 10
HOME_BRIEFS = 10  # the lead and the next nine
HOME_MOVES = 20  # at most this many rows of "latest moves" on the home page

# Lists that grow with the archive: page 1 at NAME_URL, page N at NAME_PAGE_URL.
ARCHIVE_PAGINATION = 20
ARCHIVE_URL = "{prefix}articles/"
ARCHIVE_SAVE_AS = "{prefix}articles/index.html"
ARCHIVE_PAGE_URL = "{prefix}articles/page/{number}/"
ARCHIVE_PAGE_SAVE_AS = "{prefix}articles/page/{number}/index.html"
ARCHIVE_YEAR_URL = "{prefix}articles/{year}/"
ARCHIVE_YEAR_SAVE_AS = "{prefix}articles/{year}/index.html"
ARCHIVE_MONTH_URL = "{prefix}articles/{year}/{month:02d}/"
ARCHIVE_MONTH_SAVE_AS = "{prefix}articles/{year}/{month:02d}/index.html"
ARCHIVE_MONTH_PAGE_URL = "{prefix}articles/{year}/{month:02d}/page/{number}/"
ARCHIVE_MONTH_PAGE_SAVE_AS = "{prefix}articles/{year}/{month:02d}/page/{number}/index.html"
MOVES_PAGINATION = 50
MOVES_URL = "{prefix}moves/"
MOVES_SAVE_AS = "{prefix}moves/index.html"
# A month of moves: those reported by the briefs of that month (a move's month is its brief's).
MOVES_MONTH_URL = "{prefix}moves/{year}/{month:02d}/"
MOVES_MONTH_SAVE_AS = "{prefix}moves/{year}/{month:02d}/index.html"
MOVES_MONTH_PAGE_URL = "{prefix}moves/{year}/{month:02d}/page/{number}/"
MOVES_MONTH_PAGE_SAVE_AS = "{prefix}moves/{year}/{month:02d}/page/{number}/index.html"
# A company page lists its latest moves (as many as its graphic draws, FLOW_MAX_PEOPLE), so
# it stays the same size however many moves the company has; past that, all of them are on
# pages of their own.
COMPANY_MOVES_SHOWN = 20
COMPANY_EXCHANGES_SHOWN = 20  # "Moves with other companies": the busiest pairs
COMPANY_EXCHANGE_SOURCES_SHOWN = 3  # the paragraphs each of those rows links
PROFILE_BRIEFS_SHOWN = 10  # "Mentioned in": the newest briefs naming a person or company
# "Related briefs" under a brief (the most names shared, then the newest), and on a person's
# page the newest briefs about the companies they moved between.
RELATED_BRIEFS_SHOWN = 5
COMPANY_MONTHS_SHOWN = 24  # "Moves by month" on a company page: its latest months
COMPANY_MOVES_URL = "{prefix}companies/{slug}/moves/"
COMPANY_MOVES_SAVE_AS = "{prefix}companies/{slug}/moves/index.html"
COMPANY_MOVES_PAGE_URL = "{prefix}companies/{slug}/moves/page/{number}/"
COMPANY_MOVES_PAGE_SAVE_AS = "{prefix}companies/{slug}/moves/page/{number}/index.html"
# Past INDEX_SPLIT_AT entries, an index splits into one page per letter (`{letter}` is ASCII).
INDEX_SPLIT_AT = 300
INDEX_PAGINATION = 300
PEOPLE_LETTER_URL = "{prefix}people/letter/{letter}/"
PEOPLE_LETTER_SAVE_AS = "{prefix}people/letter/{letter}/index.html"
PEOPLE_LETTER_PAGE_URL = "{prefix}people/letter/{letter}/page/{number}/"
PEOPLE_LETTER_PAGE_SAVE_AS = "{prefix}people/letter/{letter}/page/{number}/index.html"
COMPANIES_LETTER_URL = "{prefix}companies/letter/{letter}/"
COMPANIES_LETTER_SAVE_AS = "{prefix}companies/letter/{letter}/index.html"
COMPANIES_LETTER_PAGE_URL = "{prefix}companies/letter/{letter}/page/{number}/"
COMPANIES_LETTER_PAGE_SAVE_AS = "{prefix}companies/letter/{letter}/page/{number}/index.html"
NOT_FOUND_SAVE_AS = "404.html"
# The sitemap is an index of sitemap files, each within the protocol's limits.
SITEMAP_SAVE_AS = "sitemap.xml"
SITEMAP_PART_SAVE_AS = "sitemaps/sitemap-{number}.xml"
SITEMAP_MAX_URLS = 50000
SITEMAP_MAX_BYTES = 50 * 1000 * 1000
ROBOTS_SAVE_AS = "robots.txt"

# Nothing that nobody links to: no categories, tags, authors, archives, Pelican feeds.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
# Drafts (`status: draft`) are never written by a published build; `make html DRAFTS=1`
# (SHOW_DRAFTS) writes them at their normal URLs with a banner (plugins/newsbrief/drafts.py).
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_ATOM = None
FEED_RSS = None
DEFAULT_PAGINATION = False
SLUGIFY_SOURCE = "basename"
# Content reads only content (newsbrief.checks lists the files; the reader refuses any
# other): only our Markdown reader, no HTML or reStructuredText reader; hidden files and
# folders skipped; no static folder (a brief links images and PDFs with `{static}`).
READERS = {"html": None, "htm": None, "rst": None}
IGNORE_FILES = [".*"]
NEWSBRIEF_MAX_FILE_SIZE = 1_000_000  # bytes per content file; a larger file is refused
STATIC_PATHS = []
OUTPUT_SOURCES = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True
# The build must not depend on the build machine's clock (reproducible output).
DEFAULT_DATE = None

# "Report an error": the foot of every page has a mailto: link to this address, with the
# page's address and title filled in (and, with REPO_URL, a link to the repository's issue
# form, .github/ISSUE_TEMPLATE/report-an-error.yml). `make publish` warns while it is this
# placeholder: set CORRECTIONS_EMAIL in the environment (or here) to the editors' address.
CORRECTIONS_EMAIL = os.environ.get("CORRECTIONS_EMAIL", "").strip() or "corrections@example.org"
CORRECTIONS_EMAIL_REQUIRED = False  # publishconf.py: True

# "Suggest a correction": every page links to the GitHub edit page of its own source file.
# The Pages workflow sets REPO_URL (https://github.com/<owner>/<repo>) from the repository it
# runs in; without it, no link is shown.
REPO_URL = os.environ.get("REPO_URL", "").strip().rstrip("/")
if not REPO_URL.startswith("https://"):
    REPO_URL = ""  # only an https repository address becomes a link
REPO_BRANCH = os.environ.get("REPO_BRANCH", "").strip() or "main"
# Open data (plugins/newsbrief/opendata.py): /data/moves.json, moves.csv, people.json,
# companies.json and a JSON Schema for each; the licence line goes into every file.
DATA_SAVE_AS = "data/{name}"
DATA_LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# Share cards (plugins/newsbrief/cards.py): a 1200×630 PNG per brief, person and company,
# cached under CACHE_PATH/cards so an unchanged card is never redrawn.
SHARE_CARDS = True
# Every brief has its card; a person or company has one when named in one of the newest
# SHARE_CARDS_PROFILE_BRIEFS briefs, and shows the site card otherwise (bounded output).
SHARE_CARDS_PROFILE_BRIEFS = 100
CACHE_PATH = "cache"
# The stylesheet each page type links: theme/css/<bundle>.css, made of the blocks of
# theme/static/css/site.css marked `/* @bundles <bundle> … */` and those marked `all`
# (plugins/newsbrief/cssbundles.py). A page type not named here links the whole site.css.
CSS_BUNDLES = {"article": "brief", "person": "profile", "company": "profile",
               **dict.fromkeys(("home", "archive", "moves", "company-moves", "people", "companies",
                                "corrections"), "list"),
               **dict.fromkeys(("page", "404", "search"), "page")}
# GitHub Pages publishes a site of at most 1 GB: the build warns past 80 % of this (bytes).
PAGES_SIZE_LIMIT = 1_000_000_000
# The page whose end describes the open data (its "Data" section).
DATA_PAGE = "about"
# The talent-flow graphic draws at most this many people (the newest moves of the page);
# the table or lists beside it hold every move of the page.
FLOW_MAX_PEOPLE = 20
