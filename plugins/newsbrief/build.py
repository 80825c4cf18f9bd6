"""Build the site safely: into a fresh folder, swapped in only when the build succeeded.

    python -m newsbrief.build [--settings pelicanconf.py] [--content content] [--output output] [--drafts]
                              [--cache-path .cache | --no-cache]

The content is validated first (newsbrief.validate): an error in it stops the build
before Pelican runs. Pelican logs a file it cannot read and carries on; here any error
(and any warning, with --strict) fails the build, the problems are printed as a list,
and `output/` stays exactly as it was.

With a cache folder (the command's default: `.cache/` beside the settings file), what the
last build learnt is reused when nothing it depends on changed (newsbrief.cache): the
check of each unchanged file, Pelican's reading of it, and the whole build when no input
changed at all.
"""

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time

from pelican import Pelican
from pelican.settings import read_settings

from .cache import BuildCache, ValidationCache
from .incremental import page_record
from .report import content_logger
from .validate import ContentValidator

log = content_logger(__name__)  # never drops a warning it already gave in an earlier build


class BuildFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


class _Collector(logging.Handler):
    """Keeps every warning and error Pelican and our plugin log during a build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def messages(self, level):
        return [r.getMessage() for r in self.records if r.levelno >= level]


def build_site(settings_file, output, overrides=None, strict=False, cache_path=None):
    """Build into `output`; return the warnings. Raise BuildFailed and leave `output`
    untouched when anything went wrong. `cache_path`: the cache folder (None: no cache)."""
    output = os.path.abspath(output)
    if cache_path is not None:
        settings = read_settings(settings_file, override=dict(overrides or {}))
        cache = BuildCache(cache_path, settings)
        inputs = cache.inputs_digest(settings, settings_file)
        warnings = cache.unchanged(inputs, output)
        if warnings is not None:
            for message in warnings:
                log.warning("%s", message)
            if strict and warnings:
                raise BuildFailed(warnings)
            return warnings
        cache.forget()
        warnings = _build(settings_file, output, overrides, strict, cache)
        cache.remember(inputs, output, warnings)
        return warnings
    return _build(settings_file, output, overrides, strict, None)


def _build(settings_file, output, overrides, strict, cache):
    parent = os.path.dirname(output)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".build-", dir=parent)
    collector = _Collector()
    logging.getLogger().addHandler(collector)
    try:
        settings = read_settings(
            settings_file, override={**(overrides or {}), "OUTPUT_PATH": staging}
        )
        if cache is not None:
            cache.pelican_settings(settings)
            settings["NEWSBRIEF_CACHE"] = cache
            settings["NEWSBRIEF_PREVIOUS_OUTPUT"] = output  # pages to reuse (newsbrief.incremental)
        validation_cache = ValidationCache(cache) if cache is not None else None
        problems = ContentValidator(settings["PATH"], settings, cache=validation_cache).validate()
        content_errors = [str(p) for p in problems if p.severity == "error"]
        if content_errors:
            raise BuildFailed(content_errors)
        for problem in problems:  # only warnings are left: logged, and collected below
            log.warning("%s", problem)
        try:
            Pelican(settings).run()
        except Exception as error:  # an unexpected failure: report, don't swap
            problems = getattr(error, "problems", None) or [f"{type(error).__name__}: {error}"]
            raise BuildFailed(problems) from error
        failures = collector.messages(logging.WARNING if strict else logging.ERROR)
        if failures:
            raise BuildFailed(failures)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger().removeHandler(collector)
    _swap(staging, output)
    if cache is not None and cache.writer is not None:
        cache.remember_pages(output, page_record(cache.writer.stamps, output))
    return collector.messages(logging.WARNING)


def _swap(staging, output):
    """Replace `output` with `staging` by two renames, so no half-written site is ever seen."""
    os.chmod(staging, 0o755)
    old = None
    if os.path.exists(output):
        old = tempfile.mkdtemp(prefix=".old-", dir=os.path.dirname(output))
        os.rename(output, os.path.join(old, "site"))
    os.rename(staging, output)
    if old:
        shutil.rmtree(old)


def default_cache_path(settings_file):
    """`.cache/` beside the settings file: the project's root, which `make clean` empties."""
    return os.path.join(os.path.dirname(os.path.abspath(settings_file)), ".cache")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    parser.add_argument("--output", default="output")
    parser.add_argument("--drafts", action="store_true", help="show drafts, with a banner")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--cache-path", help="the cache folder (default: .cache beside the settings file)")
    parser.add_argument("--no-cache", action="store_true", help="build everything from scratch")
    args = parser.parse_args(argv)
    cache_path = None if args.no_cache else (args.cache_path or default_cache_path(args.settings))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = {"SHOW_DRAFTS": True} if args.drafts else {}
    if args.content:
        overrides["PATH"] = os.path.abspath(args.content)
    start = time.perf_counter()
    try:
        warnings = build_site(args.settings, args.output, overrides, strict=args.strict, cache_path=cache_path)
    except BuildFailed as failure:
        print(f"\nThe build failed; {args.output}/ was left as it was.", file=sys.stderr)
        for problem in failure.problems:
            print(f"  - {problem}", file=sys.stderr)
        print("Each line reads `file:line: field: what is wrong — how to fix it`; "
              "docs/editing.md describes every field.", file=sys.stderr)
        return 1
    print(f"Built {args.output}/" + (f" with {len(warnings)} warning(s)" if warnings else "")
          + f" in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
