"""The objects one build makes and shares while it runs, beside its settings.

Pelican hands every reader, generator and writer the same settings dict; the build's
runtime objects are not settings, so they live here, one `BuildState` per settings object
(`state_of(settings)`), and the settings hold only what the settings files and the
overrides say (so their digest, newsbrief.cache.settings_digest, needs no exclusions).

- `sources`: the content files read in this process (newsbrief.frontmatter.Sources),
  shared by the checks and the reader;
- `renderer`: the Markdown renderer, made once (newsbrief.rendering.render_source);
- `checks`: the content checks running beside Pelican (newsbrief.build.Checks);
- `steps`: how long each step took (newsbrief.report.Steps);
- `memo`: the pages of the last build and of this one (newsbrief.memo.PageMemo);
- `previous_site`, `previous_state`: the current site, when pages may be kept from it,
  and its output_state (newsbrief.cache.BuildRecord).

A forked process of the build inherits the state with the settings. `release(settings)`
ends a build's state (newsbrief.build does, when the build ends).
"""

from .frontmatter import Sources


class BuildState:
    def __init__(self, settings):
        self.sources = Sources(settings)
        self.renderer = None
        self.checks = None
        self.steps = None
        self.memo = None
        self.previous_site = None
        self.previous_state = None


_states = {}  # id(settings) -> (settings, its BuildState): the settings kept, so the id is not reused


def state_of(settings):
    """The BuildState of `settings` (made on first use)."""
    held = _states.get(id(settings))
    if held is None or held[0] is not settings:
        held = _states[id(settings)] = (settings, BuildState(settings))
    return held[1]


def release(settings):
    """Forget the state of `settings` (and the files, pages and records it holds)."""
    _states.pop(id(settings), None)
