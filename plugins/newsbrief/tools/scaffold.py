"""Create the files of a new person, company or brief, in every language.

    python -m newsbrief.tools.scaffold person "Jane Doe" [--slug jane-doe] [--content content]
    python -m newsbrief.tools.scaffold company "Acme AI"
    python -m newsbrief.tools.scaffold brief "Acme AI hires a Globex researcher"

`make new-person NAME="…"`, `make new-company NAME="…"` and `make new-brief TITLE="…"`
run it. The name or title is the English one; the slug is made from it. The files are
written from the models (newsbrief.schema.scaffold): every required field, and `TODO: …`
placeholders that the checks refuse until they are filled in, so a forgotten placeholder
cannot be published. Existing files are never overwritten.
"""

import argparse
import datetime
import sys
from pathlib import Path

from ..checks.validator import MENTIONS
from ..schema.models import CONTENT_TYPES
from ..schema.scaffold import NewFile
from ..schema.values import SLUG, slugify

NEXT_STEPS = {
    **{kind: f"then add `{{slug}}` to the `{key}:` list of the brief that names {CONTENT_TYPES[kind].model.words['them']}, "
              "in both language files" for kind, key in MENTIONS.items()},
    "brief": "then list in `people:` and `companies:` everyone it names",
}


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message says what to do instead."""


class Scaffold:
    """Writes the files of new content into a content folder."""

    def __init__(self, content_path, settings, today=None):
        self.content = Path(content_path)
        self.settings = settings
        self.languages = tuple(settings["LANGUAGES"])
        self.default_lang = settings["DEFAULT_LANG"]
        self.today = today or datetime.date.today()

    def folder(self, kind):
        return self.content / self.settings[CONTENT_TYPES[kind].paths_setting][0]

    def files(self, kind, name, slug=None):
        """{path: text} of the files to create; nothing is written."""
        if kind not in NEXT_STEPS:
            raise ScaffoldError(f"cannot create a {kind}; choose one of {', '.join(NEXT_STEPS)}")
        if not name.strip():
            what = "TITLE" if kind == "brief" else "NAME"
            raise ScaffoldError(f'give the English {what.lower()}: make new-{kind} {what}="…"')
        slug = slug or slugify(name)
        if not SLUG.match(slug):
            raise ScaffoldError(f"`{slug}` is not a slug (a-z, 0-9 and single hyphens); give one with SLUG=…")
        files = {}
        for lang in self.languages:
            new = NewFile(CONTENT_TYPES[kind], lang, slug, name.strip(), self.today, self.languages, self.default_lang)
            files[self.folder(kind) / f"{slug}.{lang}.md"] = new.text()
        return files

    def create(self, kind, name, slug=None):
        """Write the files; return their paths. Refuses when any of them exists."""
        files = self.files(kind, name, slug)
        existing = [path for path in files if path.exists()]
        if existing:
            raise ScaffoldError(
                f"{existing[0]} already exists; edit it, or choose another slug with SLUG=…"
            )
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return list(files)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Create the language files of new content.")
    parser.add_argument("kind", choices=sorted(NEXT_STEPS))
    parser.add_argument("name", help="the English name (person, company) or title (brief)")
    parser.add_argument("--slug", default="", help="the slug, when the one made from the name will not do")
    parser.add_argument("--content", default="content")
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    from pelican.settings import get_settings_from_file

    scaffold = Scaffold(args.content, get_settings_from_file(args.settings))
    try:
        paths = scaffold.create(args.kind, args.name, args.slug or None)
    except ScaffoldError as error:
        print(f"Nothing created: {error}", file=sys.stderr)
        return 1
    slug = paths[0].name.split(".")[0]
    print("Created:")
    for path in paths:
        print(f"  {path}")
    print("Next: replace every TODO in these files (`make check` lists what is left), "
          + NEXT_STEPS[args.kind].format(slug=slug) + ". See docs/editing.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
