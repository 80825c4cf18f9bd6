"""Render the field tables of the editor's guide from the schema.

    python -m newsbrief.tools.guide --write docs/editing.md   # regenerate the tables (make docs)
    python -m newsbrief.tools.guide --check docs/editing.md   # exit 1 when they are stale
"""

import argparse
import sys

from ..schema import CONTENT_TYPES, FieldTables


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render the field tables of the editor's guide from the schema.")
    parser.add_argument("guide", nargs="?", default="docs/editing.md")
    parser.add_argument("--settings", default="pelicanconf.py")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="rewrite the tables in the guide")
    action.add_argument("--check", action="store_true", help="exit 1 when the guide's tables are out of date")
    args = parser.parse_args(argv)
    from pelican.settings import get_settings_from_file

    settings = get_settings_from_file(args.settings)
    folders = {name: settings[kind.paths_setting][0] for name, kind in CONTENT_TYPES.items()}
    tables = FieldTables(settings["LANGUAGES"], folders)
    with open(args.guide, encoding="utf-8") as guide:
        text = guide.read()
    updated = tables.update(text)
    if args.check:
        if updated != text:
            print(f"{args.guide}: the field tables are out of date; run `make docs`", file=sys.stderr)
            return 1
        print(f"{args.guide}: the field tables match the schema")
        return 0
    if updated != text:
        with open(args.guide, "w", encoding="utf-8") as guide:
            guide.write(updated)
        print(f"{args.guide}: field tables regenerated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
