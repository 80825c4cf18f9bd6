"""Build the site: `make html` and `make publish` run this.

    python -m newsbrief.tools.build [--settings pelicanconf.py] [--content content] [--output output]
                                    [--drafts] [--strict] [--cache-path cache]

The build itself (checks, Pelican, search index, the swap, the cache) is
newsbrief.build.build_site; this prints its outcome, how long it took and its peak memory.
"""

import argparse
import logging
import os
import resource
import sys
import time

from ..build import BuildFailed, build_site


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    parser.add_argument("--output", default="output")
    parser.add_argument("--drafts", action="store_true", help="show drafts, with a banner")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--cache-path", help="the build cache folder (default: CACHE_PATH, `cache/`)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = {"SHOW_DRAFTS": True} if args.drafts else {}
    if args.content is not None:
        overrides["PATH"] = os.path.abspath(args.content)
    if args.cache_path:
        overrides["CACHE_PATH"] = os.path.abspath(args.cache_path)
    if args.content is not None and not os.path.isdir(args.content or "\0"):
        print(f"{args.content or 'CONTENT='}: there is no such content folder — give the content folder, "
              "e.g. `CONTENT=content`; output/ is unchanged", file=sys.stderr)
        return 1
    try:
        warnings = build_site(args.settings, args.output, overrides, strict=args.strict)
    except KeyboardInterrupt:
        print(f"\nstopped; {args.output}/ is unchanged", file=sys.stderr)
        return 130
    except BuildFailed as failure:
        print(f"\nThe build failed; {args.output}/ was left as it was.", file=sys.stderr)
        for problem in failure.problems:
            print(f"  - {problem}", file=sys.stderr)
        print("Each line reads `file:line: field: what is wrong — how to fix it`; "
              "docs/editing.md describes every field.", file=sys.stderr)
        return 1
    done = "Nothing changed since the last build: kept" if warnings.skipped else "Built"
    print(f"{done} {args.output}/" + (f" with {len(warnings)} warning(s)" if warnings else "")
          + f" in {time.perf_counter() - started:.1f} s" + ("" if warnings.skipped else "; " + peak_memory()))
    if warnings.steps:
        print(f"Steps: {warnings.steps}")
    if warnings.kept:
        print(f"Pages: {warnings.rendered:,} rendered, {warnings.kept:,} kept from the last build "
              "(nothing they show changed)")
    return 0


def peak_memory():
    """The largest resident size of this process and of any process it ran (the checks,
    Pagefind, the card and page workers), as `make bench` reads it."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    others = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"peak memory: the build {own:.0f} MB, its other processes {others:.0f} MB"


if __name__ == "__main__":
    sys.exit(main())
