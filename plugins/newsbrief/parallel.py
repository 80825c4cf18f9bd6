"""Work over the machine's cores, in forked copies of the build: the one way the build forks.

`Workers(label)` runs functions in copies of this process (multiprocessing's fork context:
a copy holds the site as read, nothing is pickled on the way in). Each copy sends its log
records (warning and above) through a queue (logging's QueueHandler there, a QueueListener
here), so the build's handlers count and print them as its own, and sends back the value
of its function or a one-line description of its error. Errors and Ctrl-C are handled
here, once:

- an error, in a copy or in this process's share, fails the build with one line,
  `<label> failed: UndefinedError: 'x' is undefined (…/person.html, line 2)`
  (`WorkerFailed`, whose `problems` the build prints);
- a copy ignores Ctrl-C (a terminal sends it to every process of the build); this process
  gets KeyboardInterrupt, ends every copy and waits for it (`stop()`, also on any other
  exception), and the build leaves `output/` as it was. Ctrl-C is held while a copy is
  forked, so it is never lost in an at-fork handler.

A process with more than one thread never forks (a thread holding a lock at the fork holds
it forever in the copy; Python 3.12+ warns): there (a test runner's worker, say) the
functions run here, one after the other, with the same result.

`share(...)` splits a list of items over the cores: profile and listing pages
(`write_pages`) and share cards (newsbrief.cards). The content checks run in one copy
while Pelican reads (newsbrief.build.Checks).
"""

import logging
import logging.handlers
import multiprocessing
import os
import signal
import threading
import traceback

from .state import state_of

FORK = multiprocessing.get_context("fork")
HELD = {signal.SIGINT, signal.SIGTERM}
RENDER_PARALLEL_MIN = 200


class WorkerFailed(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def describe(failure):
    """`UndefinedError: 'x' is undefined (…/templates/person.html, line 2)`: the error and
    the template line that raised it, if a template did."""
    frames = [f for f in traceback.extract_tb(failure.__traceback__) if f.filename.endswith(".html")]
    where = f" ({frames[-1].filename}, line {frames[-1].lineno})" if frames else ""
    return f"{type(failure).__name__}: {failure}{where}"


def single_threaded():
    """Whether this process runs one thread (Linux counts native threads too)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


class _Relog(logging.Handler):
    """Logs a copy's record here, through its logger's filters and this process's handlers."""

    def handle(self, record):
        logging.getLogger(record.name).handle(record)
        return True


def _run(function, args):
    try:
        return True, function(*args)
    except Exception as failure:  # described, and raised by results()
        return False, describe(failure)


def _in_copy(log, pipe, function, args):
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build's own process handles Ctrl-C
    signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
    root = logging.getLogger()
    for handler in root.handlers[:]:
        root.removeHandler(handler)
    sender = logging.handlers.QueueHandler(log)
    sender.setLevel(logging.WARNING)
    root.addHandler(sender)
    outcome = _run(function, args)
    try:
        pipe.send(outcome)
    except Exception as failure:  # a value that cannot be pickled
        pipe.send((False, describe(failure)))


class Workers:
    """Functions run in forked copies (see the module docstring); `results()` gives their
    values in order; used as a context manager, or `stop()`, ends any copy still running."""

    def __init__(self, label):
        self.label, self.log, self.copies, self.outcomes = label, FORK.Queue(), [], None

    def __enter__(self):
        return self

    def __exit__(self, *failure):
        self.stop()

    def start(self, function, *args):
        """function(*args) in a forked copy, or here when this process runs threads."""
        if not single_threaded():
            self.copies.append((None, _run(function, args)))
            return
        read, write = FORK.Pipe(duplex=False)
        copy = FORK.Process(target=_in_copy, args=(self.log, write, function, args), daemon=True)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
        try:
            copy.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            write.close()
        self.copies.append((copy, read))

    def here(self, function, *args):
        """function(*args) in this process, its error described as a copy's would be."""
        try:
            return function(*args)
        except Exception as failure:  # one line, as from a copy
            raise WorkerFailed([f"{self.label} failed: {describe(failure)}"]) from failure

    def results(self):
        """The copies' values, once each has ended; their log records logged here first.
        Raises WorkerFailed naming every copy that failed (again if called again)."""
        if self.outcomes is None:
            listener = logging.handlers.QueueListener(self.log, _Relog())
            listener.start()  # a thread, while nothing forks
            try:
                self.outcomes = [self._outcome(copy, read) for copy, read in self.copies]
            finally:
                listener.stop()
                self.stop()
        problems = [f"{self.label} failed: {value}" for done, value in self.outcomes if not done]
        if problems:
            raise WorkerFailed(problems)
        return [value for _, value in self.outcomes]

    @staticmethod
    def _outcome(copy, read):
        if copy is None:  # run here: `read` is its outcome
            return read
        try:
            outcome = read.recv()
        except EOFError:
            copy.join()
            return False, f"a process of the build ended (exit code {copy.exitcode})"
        copy.join()
        return outcome

    def stop(self):
        """End every copy still running and wait for it; close the log queue."""
        for copy, read in self.copies:
            if copy is not None:
                if copy.exitcode is None:
                    copy.kill()
                copy.join()
                read.close()
        self.log.close()
        self.log.join_thread()


def share(label, items, processes, function, in_copy=None):
    """function(part) for `processes` parts of `items` (every n-th from the k-th): the
    first here, the others in forked copies (which run `in_copy(part)` instead, if given);
    the copies' values, in order."""
    processes = processes if single_threaded() else 1
    with Workers(label) as workers:
        for k in range(1, processes):
            workers.start(in_copy or function, items[k::processes])
        workers.here(function, items[::processes])
        return workers.results()


def write_pages(writer, pages, settings):
    """`writer.write_file(*args, **kwargs)` for each (args, kwargs) of `pages`, over
    RENDER_PROCESSES processes (default: the number of cores) when there are at least
    RENDER_PARALLEL_MIN pages. A page is the same bytes whichever process renders it."""
    pages = list(pages)
    processes = settings.get("RENDER_PROCESSES") or os.cpu_count() or 1
    if len(pages) < settings.get("RENDER_PARALLEL_MIN", RENDER_PARALLEL_MIN):
        processes = 1
    memo = state_of(writer.settings).memo

    def write(part):
        for args, kwargs in part:
            writer.write_file(*args, **kwargs)

    def write_in_copy(part):  # and send back the pages it rendered and kept (newsbrief.memo)
        if memo is not None:
            memo.start_over()
        write(part)
        return memo.report() if memo is not None else None

    for report in share("rendering", pages, processes, write, write_in_copy):
        if report is not None:
            memo.merge(report)
