"""One build at a time on an output folder and on a cache folder.

Two builds into the same `output/` (or with the same `cache/`) would each swap in their own
site and write their own records, so the records could describe the other build's site.
A build holds two locks (`fcntl.flock`, released by the system when the process ends, even
after `kill -9`), always in this order: the folder that holds the output folder (locked
itself: no file is added beside the site, and builds into sibling folders take turns) and
`build.lock` in the cache folder (it holds the process id, for the message). A second build waits for the first, saying so once; after
`NEWSBRIEF_LOCK_WAIT` seconds (default 600) it stops with one line naming the other build.
"""

import contextlib
import fcntl
import logging
import os
import time

from .store import cache_folder

log = logging.getLogger(__name__)
WAIT = 600


class Busy(Exception):
    """Another build held the lock longer than the build would wait."""


def _holder(handle):
    if handle is None:
        return "another process"
    handle.seek(0)
    text = handle.read().strip()
    return f"process {text}" if text.isdigit() else "another process"


@contextlib.contextmanager
def locked(path, what, wait):
    """Hold the lock of `path`, a lock file or a folder (`what`: as the message names it)."""
    folder = os.path.isdir(path)
    handle = None if folder else open(path, "a+", encoding="utf-8")  # noqa: SIM115 (closed in finally below)
    descriptor = os.open(path, os.O_RDONLY) if folder else handle.fileno()
    try:
        deadline, told = time.monotonic() + wait, False
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(f"{what}: another build ({_holder(handle)}) is still running — wait for it "
                               f"to end, or stop it, then build again") from None
                if not told:
                    log.warning("%s: another build (%s) is running; waiting for it to end", what, _holder(handle))
                    told = True
                time.sleep(0.1)
        if handle is not None:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
        yield
    finally:  # closed, and so released
        if handle is not None:
            handle.close()
        else:
            os.close(descriptor)


@contextlib.contextmanager
def one_build(output, cache, wait=None):
    """Hold the locks of the output folder `output` (its real path) and of `cache`."""
    wait = WAIT if wait is None else wait
    cache_folder(cache)
    with locked(os.path.dirname(output), f"the output folder {output}/", wait), \
            locked(os.path.join(cache, "build.lock"), f"the cache {cache}/", wait):
        yield
