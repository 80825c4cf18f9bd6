"""A page memo that fails loudly (newsbrief.memo).

A page the memo may keep is rendered again only when something it read changed, so it
must read only what the memo records: its own arguments, the talent graph's `@recorded`
questions, the settings, and the data of the interface helpers (`_()`, `link_mentions`,
`share_image`, …: each part of the memo's digests). A template that reads anything else
from the context (`articles`, `pages`, …) would serve a stale page after an edit, with no
test failing.

With `NEWSBRIEF_STRICT_MEMO` true (a setting, or an environment variable of that name: the
tests set it), such a page is rendered with every other value of the context replaced by
`Unrecorded`, and the graph by `RecordedOnly`: any use of them raises `UnrecordedRead`,
naming the page's template, the value read and the fix, and the build fails.
"""

import os

# The data of the interface helpers (newsbrief.i18n, mentions.link_mentions,
# story.share_image), and Pelican's own per-page values.
HELPERS = frozenset({"interface", "mentions", "share_card_profiles", "localsiteurl", "output_file"})


class UnrecordedRead(RuntimeError):
    """A template read, while the memo was on, what the memo does not record."""


def is_on(settings):
    """Whether NEWSBRIEF_STRICT_MEMO is true, in the settings or in the environment."""
    value = os.environ.get("NEWSBRIEF_STRICT_MEMO", "")
    return bool(settings.get("NEWSBRIEF_STRICT_MEMO")) or value.lower() not in ("", "0", "false", "no")


def _refusal(template, what):
    return UnrecordedRead(
        f"{template}: reads {what}, which the page memo does not record (newsbrief.memo), so the"
        " page would not be rendered again when it changes — pass it to the page as an argument,"
        " or ask the talent graph through a @recorded question (newsbrief.graph)")


class Unrecorded:
    """A value of the context a kept page may not read: any use of it raises."""

    __slots__ = ("_name", "_template")

    def __init__(self, template, name):
        object.__setattr__(self, "_template", template)
        object.__setattr__(self, "_name", name)

    def _refuse(self, *args, **kwargs):
        raise _refusal(self._template, f"`{self._name}` from the context")

    __getattr__ = __getitem__ = __iter__ = __len__ = __bool__ = __str__ = __html__ = __contains__ = _refuse
    __call__ = __setattr__ = _refuse

    def __repr__(self):
        return f"<unrecorded {self._name}>"


class RecordedOnly:
    """The talent graph as a kept page sees it: its @recorded questions, nothing else."""

    __slots__ = ("_graph", "_template")

    def __init__(self, graph, template):
        self._graph, self._template = graph, template

    def __getattr__(self, name):
        if getattr(getattr(type(self._graph), name, None), "recorded", False):
            return getattr(self._graph, name)
        raise _refusal(self._template, f"`talent.{name}`, not a @recorded question of the graph")


def page_context(context, settings, arguments, template):
    """The context a kept page is rendered with: what it may read, and the rest refused."""
    page = {}
    for key, value in context.items():
        if key in settings or key in HELPERS or key in arguments:
            page[key] = value
        elif key == "talent":
            page[key] = RecordedOnly(value, template)
        else:
            page[key] = Unrecorded(template, key)
    return page
