"""What a build reports: warnings about content (each names the file, as the editor knows
it, and the fix), and how long each of its steps took."""

import logging
import os
import time

from .state import state_of


def content_logger(name):
    """A logger whose warnings are reported every time they happen.

    Pelican's loggers drop a message that was already logged once in the same process
    (its LimitFilter): a rebuild in `make devserver`, or a second build in the tests,
    would then hide the warning. Ours name a file and a fix, so they are never dropped.
    """
    logger = logging.getLogger(name)
    if hasattr(logger, "disable_filter"):
        logger.disable_filter()
    return logger


def display_path(settings, source_path):
    """`content/articles/x.ar.md`: the path from the content folder's parent."""
    content = os.path.normpath(settings["PATH"])
    relative = os.path.relpath(source_path, content)
    if relative.startswith(".."):
        return source_path
    return os.path.join(os.path.basename(content), relative).replace(os.sep, "/")


class Records(logging.Handler):
    """Keeps (logger name, level, message) of every warning and error, to log again later
    for a page kept from the last build (newsbrief.memo)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


def wait_for_checks(settings):
    """Wait for the content checks of this build, if it runs them (newsbrief.build.Checks):
    raises when they found an error, so nothing is built from content they refuse."""
    checks = state_of(settings).checks
    if checks is not None:
        checks.wait()


def _cpu():
    """CPU seconds of this process and of the processes it has waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Steps(dict):
    """Seconds each step of one build took, in order, wall and CPU (`make html` and
    `make bench` print them): where to look first when a build is slow. `done(step)` ends
    a step. A forked copy's CPU counts in the step that waited for it."""

    def __init__(self):
        super().__init__()
        self.since, self.cpu_since, self.cpu = time.perf_counter(), _cpu(), {}

    def done(self, step):
        now, cpu = time.perf_counter(), _cpu()
        self[step] = self.get(step, 0.0) + now - self.since
        self.cpu[step] = self.cpu.get(step, 0.0) + cpu - self.cpu_since
        self.since, self.cpu_since = now, cpu

    def __str__(self):
        return "; ".join(f"{step} {seconds:.1f} s, CPU {self.cpu.get(step, 0.0):.1f} s"
                         for step, seconds in self.items())


def step_done(settings, step):
    """End a step of this build, if it counts them (newsbrief.build)."""
    steps = state_of(settings).steps
    if steps is not None:
        steps.done(step)
