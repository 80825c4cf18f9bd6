"""Writing many pages over the machine's cores.

`write_pages(writer, pages, settings)` renders pages with forked copies of the build
(`os.fork`, after every generator has read its content, so each copy holds the same site):
copy k renders every n-th page from the k-th. The log records a copy emits (warning and
above) are sent back and logged by the build itself, so warnings, `--strict` and the
build's list of problems are the same as in one process; an error in a copy fails the
build. A page is the same bytes whichever process renders it.

RENDER_PROCESSES (default: the number of cores) sets how many; 1 renders in order in the
build's own process, as does a list of fewer than RENDER_PARALLEL_MIN pages.
"""

import logging
import os
import pickle
import traceback

from .report import Records

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


def _write(writer, pages):
    for args, kwargs in pages:
        writer.write_file(*args, **kwargs)


def _render_in_child(writer, pages, pipe):
    """In a forked copy: render, send back (log records, error), and exit."""
    root = logging.getLogger()
    for handler in root.handlers[:]:  # the build prints and collects what is sent back
        root.removeHandler(handler)
    keep = Records()
    root.addHandler(keep)
    memo = writer.settings.get("NEWSBRIEF_PAGE_MEMO")
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
            pid = os.fork()
            if pid == 0:
                os.close(read)
                _render_in_child(writer, pages[k::processes], write)
            os.close(write)
            children.append((pid, read))
        _write(writer, pages[0::processes])
    finally:
        problems = []
        for pid, read in children:
            with os.fdopen(read, "rb") as report:
                data = report.read()
            _, status = os.waitpid(pid, 0)
            records, error, memo = pickle.loads(data) if data else ([], f"a rendering process ended ({status})", None)
            if memo is not None:  # the pages it rendered, and those it kept (newsbrief.memo)
                writer.settings["NEWSBRIEF_PAGE_MEMO"].merge(memo)
            for name, level, message in records:
                logging.getLogger(name).log(level, "%s", message)
            if error:
                problems.append(f"rendering failed: {error}")
    if problems:
        raise RenderFailed(problems)
