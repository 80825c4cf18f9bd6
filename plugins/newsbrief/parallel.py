"""Writing many pages over the machine's cores.

`write_pages(writer, pages, settings)` renders pages with forked copies of the build
(`os.fork`, after every generator has read its content, so each copy holds the same site):
copy k renders every n-th page from the k-th. The log records a copy emits (warning and
above) are sent back and logged by the build itself, so warnings, `--strict` and the
build's list of problems are the same as in one process; an error in a copy fails the
build. A page is the same bytes whichever process renders it.

RENDER_PROCESSES (default: the number of cores) sets how many; 1 renders in order in the
build's own process, as does a list of fewer than RENDER_PARALLEL_MIN pages.

`Forked(function)` runs one step of the build in a forked copy while the build goes on
(the content checks, while Pelican reads the content: newsbrief.build.Checks).
"""

import logging
import os
import pickle
import signal
import traceback

from .report import Records
from .state import state_of

RENDER_PARALLEL_MIN = 200


class RenderFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def describe(failure):
    """`UndefinedError: 'x' is undefined (…/templates/person.html, line 2)`: the error and
    the template line that raised it, if a template did."""
    frames = [f for f in traceback.extract_tb(failure.__traceback__) if f.filename.endswith(".html")]
    where = f" ({frames[-1].filename}, line {frames[-1].lineno})" if frames else ""
    return f"{type(failure).__name__}: {failure}{where}"


def _fork():
    """os.fork(), with Ctrl-C held until it has returned. A SIGINT that arrives during a fork
    is raised in an at-fork handler (logging's), where Python ignores it: the build would go
    on as if Ctrl-C had not been pressed. Held, it is raised here, after the fork."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        return os.fork()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _records_only():
    """In a forked copy: its log goes to a Records handler alone, whose records are sent
    back; the build prints and collects them."""
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    keep = Records()
    root.addHandler(keep)
    return keep


def _write(writer, pages):
    for args, kwargs in pages:
        writer.write_file(*args, **kwargs)


def _render_in_child(writer, pages, pipe):
    """In a forked copy: render, send back (log records, error), and exit."""
    keep = _records_only()
    memo = state_of(writer.settings).memo
    if memo is not None:
        memo.start_over()
    error = None
    try:
        _write(writer, pages)
    except BaseException as failure:  # noqa: BLE001 (Ctrl-C too: reported, and the build stops)
        error = describe(failure)
    try:
        with os.fdopen(pipe, "wb") as out:
            out.write(pickle.dumps((keep.records, error, memo.report() if memo is not None else None)))
    finally:
        os._exit(1 if error else 0)


def write_pages(writer, pages, settings):
    """`writer.write_file(*args, **kwargs)` for each (args, kwargs) of `pages`."""
    pages = list(pages)
    processes = settings.get("RENDER_PROCESSES") or os.cpu_count() or 1
    if processes < 2 or len(pages) < settings.get("RENDER_PARALLEL_MIN", RENDER_PARALLEL_MIN):
        return _write(writer, pages)
    children = []
    try:
        for k in range(1, processes):
            read, write = os.pipe()
            pid = _fork()
            if pid == 0:
                os.close(read)
                _render_in_child(writer, pages[k::processes], write)
            os.close(write)
            children.append((pid, read))
        _write(writer, pages[0::processes])
    except BaseException:  # the build stops (Ctrl-C, an error here): end the copies, don't wait
        for pid, _ in children:
            os.kill(pid, signal.SIGKILL)
        raise
    finally:
        problems = []
        for pid, read in children:
            with os.fdopen(read, "rb") as report:
                data = report.read()
            _, status = os.waitpid(pid, 0)
            records, error, memo = pickle.loads(data) if data else ([], f"a rendering process ended ({status})", None)
            if memo is not None:  # the pages it rendered, and those it kept (newsbrief.memo)
                state_of(writer.settings).memo.merge(memo)
            for name, level, message in records:
                logging.getLogger(name).log(level, "%s", message)
            if error:
                problems.append(f"rendering failed: {error}")
    if problems:
        raise RenderFailed(problems)


class Forked:
    """function() run in a forked copy of the process while this one goes on. `result()`
    waits for it and gives its value (pickled back), its warnings logged here, or raises its
    exception again here (RenderFailed describing it, when it cannot be sent); `stop()`
    ends it. The memory it used is the system's again when it ends."""

    def __init__(self, function):
        read, write = os.pipe()
        self.pid = _fork()
        if self.pid == 0:
            os.close(read)
            self._child(function, write)
        os.close(write)
        self.pipe = read

    @staticmethod
    def _child(function, write):
        keep = _records_only()
        try:
            try:
                outcome = (True, function())
            except BaseException as failure:  # noqa: BLE001 (Ctrl-C too: the build stops)
                outcome = (False, failure)
            try:
                data = pickle.dumps((keep.records, outcome))
            except Exception:  # noqa: BLE001 (an exception that cannot be pickled)
                data = pickle.dumps((keep.records, (False, RenderFailed([describe(outcome[1])]))))
            with os.fdopen(write, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)

    def result(self):
        pipe, self.pipe = self.pipe, None
        try:
            with os.fdopen(pipe, "rb") as report:
                data = report.read()
        except BaseException:  # Ctrl-C while waiting: end it rather than wait for it
            self.stop()
            raise
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not data:
            raise RenderFailed([f"a process of the build ended ({status})"])
        records, (done, value) = pickle.loads(data)
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if not done:
            raise value
        return value

    def stop(self):
        """End it if it still runs (the build failed, or was stopped, meanwhile)."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self.pid = None
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
