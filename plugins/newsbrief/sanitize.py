"""Raw HTML in Markdown bodies: only an allow-list survives, and every removal is reported.

Markdown lets an editor write HTML inside a body. The rendered body of every content file
(brief, profile, page) is cleaned with nh3 (a binding of the maintained Rust sanitiser
ammonia) before anything else is added to it, so what reaches a page is only:

    ALLOWED      the tags, and the attributes of each tag, listed below;
    URLs         links (`a href`) to https:, http:, mailto: or relative addresses;
                 images (`img src`) from https: or relative addresses only;
    link rel     every link in a body gets rel="noopener noreferrer" (nh3's link_rel).

Everything else is removed: `<script>`, `<style>`, `<iframe>` and the other elements of
REMOVED_WITH_CONTENT go with their content; any other tag outside the list is dropped but
its text is kept; attributes outside the list (event handlers such as `onclick`, `style`,
`class`, `target`…) are dropped; `javascript:` and `data:` URLs are dropped. HTML comments
are dropped silently. The allow-list applies to the rendered body, so Markdown features
that produce other markup (footnotes, table column alignment, fenced-code language classes,
`{: attribute lists}`) are cleaned and reported too.

`sanitize()` reports each removal so the reader can log a warning naming the file.
"""

import re
import secrets
from html.parser import HTMLParser

import nh3

# tag -> the attributes it may carry. Keep docs in step when this changes.
ALLOWED = {
    # text
    "p": {"id"},  # id: only the reader's own `p-N` (see sanitize_body); raw HTML ids are removed
    "br": set(),
    "hr": set(),
    "em": set(),
    "strong": set(),
    "sup": set(),
    "sub": set(),
    "abbr": {"title"},
    "code": set(),
    "pre": set(),
    "blockquote": set(),
    "a": {"href", "title"},
    "img": {"src", "alt"},
    # direction and language of a run of text
    "bdi": {"dir", "lang"},
    "span": {"dir", "lang"},
    # structure: h1 is the page's title, so a body starts at h2
    "h2": set(),
    "h3": set(),
    "h4": set(),
    "ul": set(),
    "ol": set(),
    "li": set(),
    "dl": set(),
    "dt": set(),
    "dd": set(),
    "table": set(),
    "caption": set(),
    "thead": set(),
    "tbody": set(),
    "tfoot": set(),
    "tr": set(),
    "th": {"scope"},
    "td": set(),
}
# Removed together with everything inside them.
VOID = {"embed", "img", "br", "hr", "input", "link", "meta", "source", "track", "wbr", "area", "base", "col", "param"}
REMOVED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript",
    "template", "svg", "math", "textarea", "select", "title",
}
LINK_SCHEMES = {"https", "http", "mailto"}
IMAGE_SCHEMES = {"https"}
URL_ATTRIBUTES = {"href", "src"}
# Replaced rather than removed: nh3 sets its own `rel` on every link.
REPLACED_ATTRIBUTES = {("a", "rel")}

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# What browsers ignore inside a URL: ASCII whitespace and control characters.
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


def url_scheme(value):
    """The scheme of a URL as a browser reads it ("javascript" for " java\tscript:…"),
    "" for a relative URL, "//" for a scheme-relative one."""
    value = IGNORED_IN_URL.sub("", value)
    if value.startswith("//"):
        return "//"
    match = SCHEME.match(value)
    return match.group(1).lower() if match else ""


def _url_allowed(tag, value):
    scheme = url_scheme(value)
    if tag == "img":
        return scheme == "" or scheme in IMAGE_SCHEMES
    return scheme in ("", "//") or scheme in LINK_SCHEMES


def _attribute_filter(tag, attribute, value, token=None):
    if tag == "img" and attribute == "src" and not _url_allowed(tag, value):
        return None
    if attribute == "id" and not (token and value.startswith(token)):
        return None  # no content may claim an id of ours (`p-3`, `main`)
    return value


def _list(names):
    return ", ".join(sorted(names)) or "none"


class _Scanner(HTMLParser):
    """Lists what the allow-list will remove from an HTML fragment, in document order."""

    def __init__(self, token=None):
        super().__init__(convert_charrefs=True)
        self.token = token  # the prefix of the reader's own paragraph ids
        self.removed = []  # (what, why)
        self.inside = []  # open elements removed with their content

    def report(self, what, why):
        if (what, why) not in self.removed:
            self.removed.append((what, why))

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs)
        if tag in REMOVED_WITH_CONTENT and tag not in VOID:  # <embed> has no end tag
            self.inside.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs)

    def handle_endtag(self, tag):
        if self.inside and self.inside[-1] == tag:
            self.inside.pop()

    def _start(self, tag, attrs):
        if self.inside:
            return
        if tag in REMOVED_WITH_CONTENT:
            self.report(f"<{tag}> and its content", "raw HTML allows only the tags " + _tags())
            return
        if tag not in ALLOWED:
            self.report(f"<{tag}> (its text is kept)", "raw HTML allows only the tags " + _tags())
            return
        for name, value in attrs:
            if (tag, name) in REPLACED_ATTRIBUTES:
                continue
            if name == "id" and name in ALLOWED[tag]:
                if not (self.token and (value or "").startswith(self.token)):
                    self.report(f"the `id` attribute of <{tag}>",
                                "ids are the site's own (paragraphs are numbered `p-1`, `p-2`… by the site)")
            elif name not in ALLOWED[tag]:
                if name.startswith("on"):
                    self.report(f"the event-handler attribute `{name}` of <{tag}>",
                                "raw HTML never allows event handlers")
                else:
                    self.report(f"the `{name}` attribute of <{tag}>",
                                f"<{tag}> allows only the attributes: {_list(ALLOWED[tag])}")
            elif name in URL_ATTRIBUTES and value is not None and not _url_allowed(tag, value):
                scheme = url_scheme(value)
                shown = "scheme-relative (//)" if scheme == "//" else f"`{scheme}:`"
                if tag == "img":
                    why = "images allow only https: and relative sources"
                else:
                    why = "links allow only " + ", ".join(f"{s}:" for s in sorted(LINK_SCHEMES)) + " and relative URLs"
                self.report(f"the {shown} URL of <{tag} {name}>", why)


def _tags():
    return ", ".join(sorted(ALLOWED)) + " (see ALLOWED in plugins/newsbrief/sanitize.py)"


def removals(html, token=None):
    """[(what, why)] that `clean()` removes from `html`."""
    scanner = _Scanner(token)
    scanner.feed(html)
    scanner.close()
    return scanner.removed


_ATTRIBUTES = {tag: set(names) for tag, names in ALLOWED.items()}


def clean(html, token=None):
    return nh3.clean(
        html,
        tags=set(ALLOWED),
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=lambda tag, attribute, value: _attribute_filter(tag, attribute, value, token),
        url_schemes=LINK_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def sanitize(html, source_path):
    """Clean `html`; return (clean html, ["<path>: removed … — why", …])."""
    messages = [f"{source_path}: removed {what} — {why}" for what, why in removals(html)]
    return clean(html), messages


def sanitize_body(html, token):
    """Clean a rendered body whose own paragraph ids are `<token>N`; return (clean html
    with ids `p-N`, [(what, why)] removed, number of paragraphs)."""
    removed = removals(html, token)
    cleaned = clean(html, token)
    ours = f'id="{token}'
    return cleaned.replace(ours, 'id="p-'), removed, cleaned.count(ours)


def is_clean(html, paragraphs):
    """Whether a stored body (newsbrief.store.SourceStore) is as `sanitize_body` leaves one:
    cleaning it again changes nothing, and it has `paragraphs` ids `p-N`. One that is not
    was not written by this code, and is rendered afresh."""
    token = f"nb{secrets.token_hex(8)}-"
    ours = html.replace('id="p-', f'id="{token}')
    cleaned = clean(ours, token)
    return cleaned == ours and cleaned.count(f'id="{token}') == paragraphs
