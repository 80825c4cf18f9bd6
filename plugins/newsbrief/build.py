"""Build the site safely: into a fresh folder, swapped in only when the build succeeded.
`build_site()` is the build; its command line is newsbrief.tools.build (`make html`).

The content is checked (newsbrief.checks, in a forked copy while Pelican reads it: `Checks`):
an error in it stops the build before anything is built from it, and only the checks'
lines are reported. Pelican logs a file it cannot read and carries on; here any error
(and any warning, with --strict) fails the build, the problems are printed as a list,
and `output/` stays exactly as it was. So does Ctrl-C.

The output folder is the build's alone (newsbrief.outputdir): one that is, contains or
lies inside the project, the content, the theme or `.git` is refused. An `output`
symlink stays a symlink: the site is built beside its target and swapped in there.
Staging folders left by killed builds are removed when the next build starts.
"""

import gc
import logging
import os
import shutil
import signal
import tempfile

from pelican import Pelican
from pelican.settings import read_settings

from .cache import BuildRecord, code_digest
from .checks.validator import ContentValidator
from .lock import Busy, one_build
from .outputdir import keep_unchanged, refusal, stale_folders
from .parallel import Workers
from .report import Steps, content_logger, wait_for_checks
from .search import IndexingFailed, index_site
from .sitesize import warn_near_limit
from .state import release, state_of
from .store import SourceStore

log = content_logger(__name__)  # never drops a warning it already gave in an earlier build


class BuildFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


class Warnings(list):
    """The warnings of a build; `skipped` when no input changed since the last build and
    its output was as it left it, so nothing was built (newsbrief.cache.BuildRecord)."""

    skipped = False
    rendered = kept = 0  # pages rendered, and pages kept from the last build (newsbrief.memo)
    steps = None  # how long each step took (report.Steps)


class _Collector(logging.Handler):
    """Keeps every warning and error Pelican and our plugin log during a build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def messages(self, level):
        return [r.getMessage() for r in self.records if r.levelno >= level]


def build_site(settings_file, output, overrides=None, strict=False):
    """Build into `output`; return the warnings (a `Warnings` list). Raise BuildFailed and
    leave `output` untouched when anything went wrong (KeyboardInterrupt too). When nothing
    changed since the last build into `output`, nothing is built. One build at a time holds
    `output` and the cache (newsbrief.lock); a failure of any kind, an OSError of the search
    index or of the cache too, is a BuildFailed of one line, never a traceback."""
    settings = read_settings(settings_file, override=dict(overrides or {}))
    root = os.path.dirname(os.path.abspath(settings_file))
    problem = refusal(output, root, settings["PATH"], settings.get("THEME"))
    if problem:
        raise BuildFailed([problem])
    target = os.path.realpath(output)  # an `output` symlink: build beside its target
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with one_build(target, settings["CACHE_PATH"], settings.get("NEWSBRIEF_LOCK_WAIT")):
            try:
                return _build(settings_file, settings, target, overrides, strict)
            except StoreMismatch as mismatch:
                log.warning("the cache gave values that are not what %d file(s) say (e.g. %s): "
                            "building again from the files themselves", len(mismatch.paths), mismatch.paths[0])
                return _build(settings_file, settings, target, overrides, strict, trust_store=False)
    except BuildFailed:
        raise
    except Busy as busy:
        raise BuildFailed([str(busy)]) from None
    except Exception as error:  # whatever it is, output/ was left as it was
        raise BuildFailed(getattr(error, "problems", None) or [f"{type(error).__name__}: {error}"]) from error


def _build(settings_file, settings, target, overrides, strict, trust_store=True):
    steps = Steps()
    parent = os.path.dirname(target)
    for stale in stale_folders(parent):
        shutil.rmtree(stale, ignore_errors=True)
    record = BuildRecord(settings, settings_file)
    environment = record.environment()
    inputs, last = record.inputs(environment), record.last(target)
    last_warnings = record.unchanged(inputs, target, last)
    if last_warnings is not None and not (strict and last_warnings):
        for message in last_warnings:  # given again, as the build that had them gave them
            logging.getLogger(__name__).warning("%s", message)
        result = Warnings(last_warnings)
        result.skipped = True
        return result
    steps.done("digest of the inputs")
    staging = checks = state = None
    collector = _Collector()
    logging.getLogger().addHandler(collector)
    collections = gc.get_threshold()
    # Python's cycle collector runs after every 700 new objects and walks the objects that
    # survived; a build makes millions that live until it ends (every file read, every
    # page object), so it spent most of its time there: 2 of the 3 s of reading 6,500 cached
    # files at 1,000 briefs. During a build it runs after every 50,000.
    gc.set_threshold(50_000, 20, 20)
    try:
        staging = tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=parent)
        # Pages that show nothing changed are linked from the current site (newsbrief.memo),
        # when it is as the last build left it and was built by the same code and theme.
        previous = target if last and last.get("environment") == environment else None
        settings = read_settings(settings_file, override={**(overrides or {}), "OUTPUT_PATH": staging})
        state = state_of(settings)  # what this build makes as it runs (newsbrief.state)
        state.previous_site, state.previous_state, state.steps = previous, last.get("state"), steps
        state.sources.store = SourceStore(settings["CACHE_PATH"], code_digest(
            repr((settings["MARKDOWN"], state.sources.max_size))))
        state.sources.verify = not trust_store  # else the reader takes values and bodies from the store, the checks verify them
        checks = state.checks = Checks(settings)  # while Pelican reads
        try:
            _run_pelican(settings, collector, strict)
        except ContentRefused as refused:
            raise BuildFailed(refused.problems) from None
        steps.done("writing")
        # Post-build steps that work on the finished site in `staging` go here,
        # before the swap (so that their failure leaves `output` as it was).
        keep_unchanged(staging, target)  # the files whose bytes did not change stay as they were
        steps.done("comparing with the last site")
        try:  # the search index, over the staging folder: a failure keeps the old site
            indexed = index_site(staging, settings, previous)
        except IndexingFailed as error:
            raise BuildFailed([str(error)]) from error
        for folder in indexed:  # and so do the files of each index written again
            keep_unchanged(os.path.join(staging, folder), os.path.join(target, folder))
        steps.done("search index")
        warn_near_limit(staging, settings)  # GitHub Pages' limit on a published site
        # The records describe the new site (its state: the swap renames it, files keep
        # their times), written before the swap: a build stopped before it, or a swap that
        # failed, leaves records of a site that is not the output, which the next build ignores.
        output_state = BuildRecord.output_state(staging)
        warnings = Warnings(collector.messages(logging.WARNING))
        if state.memo is not None:
            state.memo.save(output_state)
            warnings.rendered, warnings.kept = state.memo.rendered, state.memo.reused
        record.remember(inputs, target, warnings, environment, output_state)
        _swap(staging, target)
    except BaseException:
        if checks is not None:
            checks.stop()
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if state is not None:
            release(settings)
        logging.getLogger().removeHandler(collector)
        gc.set_threshold(*collections)
    steps.done("swap and records")
    warnings.steps = steps
    return warnings


class ContentRefused(BaseException):
    """The checks found errors. Raised inside Pelican (by Checks.wait), it is a
    BaseException so that Pelican neither logs it nor goes on."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


class StoreMismatch(BaseException):
    """Files whose stored values (newsbrief.store) are not what their text gives: a cache
    changed by hand or broken. Raised inside Pelican before anything is written (as
    ContentRefused is); the build starts again without the store's values, whose entries the
    checks wrote again."""

    def __init__(self, paths):
        super().__init__(paths)
        self.paths = paths


class Checks:
    """The content checks (newsbrief.checks), run in a forked copy of the build while Pelican
    reads the content (newsbrief.parallel.Workers). They hold every file, its model and its
    nodes at once (700 MB at 10,000 briefs), and that memory is the system's again when they
    end. The files they read, parsed and rendered go to the build's store
    (newsbrief.store.SourceStore), where Pelican's reader finds them from the next build on.

    Nothing is built from the content before they passed: `wait()` is called once every
    file is read (generators.connect), and by the reader when a file cannot be read, so
    that an error is reported by the checks, with its fix, never by Pelican."""

    def __init__(self, settings):
        validator = ContentValidator(settings["PATH"], settings)
        # Pelican reads only the files the checks read (newsbrief.reader refuses any other)
        state_of(settings).sources.checked = {os.path.realpath(p) for p in validator.content_files()}
        self.process, self.errors = Workers("the content checks"), None
        self.process.start(_validate, settings)

    def wait(self):
        """Raise ContentRefused when the checks found an error; log their warnings once."""
        if self.errors is None:
            ((problems, mismatched),) = self.process.results()
            if mismatched:  # the reader took them from the store: read again, parsing every file
                raise StoreMismatch(mismatched)
            self.errors = [str(p) for p in problems if p.severity == "error"]
            for problem in [] if self.errors else problems:  # warnings alone: logged, and collected
                log.warning("%s", problem)
        if self.errors:
            raise ContentRefused(self.errors)

    def stop(self):
        self.process.stop()


def _validate(settings):
    """The problems of the content, and the files whose stored values are not what their
    text gives (each file is parsed here, the store's values compared: newsbrief.store);
    the files read kept in the store, those written again."""
    sources = state_of(settings).sources
    sources.verify = True
    problems = ContentValidator(settings["PATH"], settings).validate()
    sources.save()  # every file was read, parsed and rendered by the checks
    return problems, sorted(sources.store.mismatched) if sources.store is not None else []


def _run_pelican(settings, collector, strict):
    try:
        Pelican(settings).run()
    except Exception as error:  # an unexpected failure: report, don't swap
        wait_for_checks(settings)  # unless the checks explain it
        problems = getattr(error, "problems", None) or [f"{type(error).__name__}: {error}"]
        raise BuildFailed(problems) from error
    wait_for_checks(settings)
    failures = collector.messages(logging.WARNING if strict else logging.ERROR)
    if failures:
        raise BuildFailed(failures)


def _swap(staging, output):
    """Replace `output` with `staging` by two renames, so no half-written site is ever
    seen (the first is undone when the second fails); Ctrl-C waits until both are done.
    Nothing after them can fail the build: the old site is removed, or left for the next
    build to remove (outputdir.stale_folders)."""
    os.chmod(staging, 0o755)
    old = None
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        if os.path.exists(output):
            old = tempfile.mkdtemp(prefix=f".old-{os.getpid()}-", dir=os.path.dirname(output))
            os.rename(output, os.path.join(old, "site"))
        try:
            os.rename(staging, output)
        except OSError:
            if old:
                os.rename(os.path.join(old, "site"), output)
                os.rmdir(old)
            raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    if old:
        shutil.rmtree(old, ignore_errors=True)
