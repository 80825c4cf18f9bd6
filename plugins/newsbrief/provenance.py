"""Where every fact comes from, on the page: paragraph numbers in the brief's margin, the
edit link of each page's own source file, corrections and the brief's source; and how a
reader reports an error (`CORRECTIONS_EMAIL`, and a GitHub issue form with `REPO_URL`).

`install(env, settings)` adds the template filter and globals; the generators call
`apply_corrections()` so that `modified` follows the latest correction.
"""

import datetime
import functools
import os
import re
import unicodedata
from urllib.parse import quote, urlencode

from jinja2 import Undefined
from markupsafe import Markup
from pelican.utils import set_date_tzinfo

from .escaping import html as escape
from .report import content_logger

PARAGRAPH = re.compile(r'<p id="p-(\d+)">')


def number_paragraphs(content, label):
    """Give each numbered paragraph a margin link to itself. The number is CSS generated
    content (`data-n`), so it is not copied with the text; screen readers hear `label`
    ("paragraph 5"), given with `{n}` where the number goes."""
    def margin(match):
        n = match.group(1)
        name = escape(label.replace("{n}", n))
        return f'{match.group(0)}<a class="nb-paranum" href="#p-{n}" data-n="{n}" aria-label="{name}"></a>'

    return Markup(PARAGRAPH.sub(margin, str(content)))


def edit_url(settings, item=None, page_name=None):
    """The GitHub edit page of the file a page is made from (its content file, or the
    template of a site page); "" without `REPO_URL`."""
    repo = (settings.get("REPO_URL") or "").rstrip("/")
    if not repo:
        return ""
    branch = settings.get("REPO_BRANCH") or "main"
    if item is not None and not isinstance(item, Undefined) and getattr(item, "source_path", None):
        root = os.path.dirname(os.path.abspath(settings["PATH"]))
        path = os.path.relpath(os.path.abspath(item.source_path), root)
    elif page_name and not isinstance(page_name, Undefined):
        path = f"theme/templates/{page_name}.html"
    else:
        return ""
    return f"{repo}/edit/{branch}/{path.replace(os.sep, '/')}"


def corrections(brief):
    """The brief's corrections, newest first, as dicts with a `date` (datetime.date)."""
    found = getattr(brief, "corrections", None) or []
    return sorted(found, key=lambda c: str(c.get("date")), reverse=True)


def as_date(value):
    """A date of the front-matter (a date, or its YYYY-MM-DD text) as a datetime.date."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def correction_date(correction):
    return as_date(correction.get("date"))


def apply_corrections(briefs, settings):
    """`modified` of each corrected brief (and its translations) is its latest correction."""
    for brief in briefs:
        for item in (brief, *brief.translations):
            found = corrections(item)
            if not found:
                continue
            latest = max(correction_date(c) for c in found)
            modified = set_date_tzinfo(datetime.datetime.combine(latest, datetime.time()), settings["TIMEZONE"])
            current = getattr(item, "modified", None)
            if current is None or current.date() < latest:
                item.modified = modified
                item.locale_modified = latest.isoformat()


def all_corrections(briefs):
    """[(date, brief, correction)] of every brief in `briefs`, newest first."""
    found = [(correction_date(c), brief, c) for brief in briefs for c in corrections(brief)]
    return sorted(found, key=lambda item: (item[0], item[1].date, item[1].slug), reverse=True)


def feed_extras(brief, lang, gettext):
    """HTML added to a brief's feed entry: its notes, its corrections and the credit line."""
    parts = []
    for text, label in ((getattr(brief, "editor_note", None), "Editor’s note"),
                        (getattr(brief, "translator_note", None), "Translator’s note")):
        if text:
            parts.append(f"<p><strong>{escape(gettext(label))}:</strong> {escape(text)}</p>")
    for correction in corrections(brief):
        text = (correction.get("text") or {}).get(lang, "")
        parts.append(f"<p><strong>{escape(gettext('Corrections'))} ({correction_date(correction).isoformat()}):</strong> {escape(text)}</p>")
    source = getattr(brief, "source", None) or {}
    name = escape(source.get("name", ""))
    if source.get("url"):
        title = escape(source.get("title") or gettext("an article"))
        link = f'<a href="{escape(source["url"])}">{title}</a>'
        credit = escape(gettext("Based on %(title)s from %(source)s")) % {"title": Markup(link), "source": name}
    else:
        credit = escape(gettext("Based on an article from %(source)s")) % {"source": name} if name else ""
    if credit:  # in an f-string: "<p>" + Markup would escape the tag itself
        parts.append(f"<p>{credit}</p>")
    return "".join(str(p) for p in parts)


CORRECTIONS_EMAIL_PLACEHOLDER = "corrections@example.org"
ISSUE_FORM = "report-an-error.yml"  # .github/ISSUE_TEMPLATE/


def _iri_quote(text):
    """`text` for a mailto IRI: every ASCII character but a letter or digit percent-encoded
    (`&`, `=`, `#`, `?`, spaces and newlines: RFC 6068), and so is any control or format
    character; letters of other scripts stay as they are (an HTML attribute holds them, and
    the browser encodes them when it opens the link): an Arabic letter is 2 bytes, not 6."""
    return "".join(map(_iri_character, text))


@functools.cache  # every page's footer quotes its title and address: a few hundred distinct characters
def _iri_character(c):
    return c if (ord(c) > 127 and unicodedata.category(c)[0] not in "CZ") else quote(c, safe="")


def report_mailto(settings, subject, body):
    """A `mailto:` to `CORRECTIONS_EMAIL` with its subject and body filled in."""
    address = quote(settings.get("CORRECTIONS_EMAIL") or CORRECTIONS_EMAIL_PLACEHOLDER, safe="@")
    return f"mailto:{address}?subject={_iri_quote(str(subject))}&body={_iri_quote(str(body))}"


def report_issue(settings, title, page):
    """The repository's issue form for an error, with the page filled in; "" without `REPO_URL`."""
    repo = (settings.get("REPO_URL") or "").rstrip("/")
    if not repo:
        return ""
    return f"{repo}/issues/new?" + urlencode({"template": ISSUE_FORM, "title": str(title), "page": str(page)})


def warn_placeholder_address(settings):
    """`make publish` (CORRECTIONS_EMAIL_REQUIRED) warns while readers' reports go nowhere."""
    if settings.get("CORRECTIONS_EMAIL_REQUIRED") and settings.get("CORRECTIONS_EMAIL") in (None, "", CORRECTIONS_EMAIL_PLACEHOLDER):
        content_logger(__name__).warning(  # said at every build, never dropped as a repeat
            "CORRECTIONS_EMAIL is still the placeholder %s: the “Report an error” link of every page "
            "writes to it — set CORRECTIONS_EMAIL=<the editors' address> when you publish", CORRECTIONS_EMAIL_PLACEHOLDER)


def install(env, settings):
    env.globals["report_mailto"] = lambda subject, body: report_mailto(settings, subject, body)
    env.globals["report_issue"] = lambda title, page: report_issue(settings, title, page)
    env.globals["all_corrections"] = all_corrections
    env.filters["number_paragraphs"] = number_paragraphs
    env.filters["as_date"] = as_date
    env.globals["edit_url"] = lambda item=None, page_name=None: edit_url(settings, item, page_name)
    env.globals["corrections_of"] = corrections
    env.globals["correction_date"] = correction_date
