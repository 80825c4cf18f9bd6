"""Check the content without building: every problem at once, each with its fix.

    python -m newsbrief.tools.check [content] [--settings pelicanconf.py]   # or: make check
"""

import argparse
import os
import sys

from ..checks.validator import ContentValidator


def errors(problems):
    return [p for p in problems if p.severity == "error"]


def warnings(problems):
    return [p for p in problems if p.severity != "error"]


def report(problems, checked):
    """What `make check` prints."""
    lines = []
    for title, group in (("error", errors(problems)), ("warning", warnings(problems))):
        if group:
            lines.append(f"{len(group)} {title}{'s' if len(group) > 1 else ''}:")
            lines += [f"  - {problem}" for problem in group]
    if errors(problems):
        lines.append("Each line reads `file:line: field: what is wrong — how to fix it`. "
                     "Fix them and run `make check` again; docs/editing.md describes every field.")
    else:
        lines.append(f"The content is valid: {checked} files checked.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check the content without building the site.")
    parser.add_argument("content", nargs="?", default="content")
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    from pelican.settings import read_settings

    if not os.path.isdir(args.content):
        print(f"{args.content or 'CONTENT='}: no such folder — give the content folder, e.g. `CONTENT=content`", file=sys.stderr)
        return 2
    settings = read_settings(args.settings, override={"PATH": os.path.abspath(args.content)})
    validator = ContentValidator(settings["PATH"], settings)
    problems = validator.validate()
    print(report(problems, len(validator.files)), file=sys.stderr if errors(problems) else sys.stdout)
    return 1 if errors(problems) else 0


if __name__ == "__main__":
    sys.exit(main())
