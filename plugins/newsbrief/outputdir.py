"""The output folder is the build's alone: which folders may be replaced by a build.

A build replaces its output folder wholesale, so `OUTPUT=content` or `OUTPUT=.` would
delete the content or the whole project. Inside the project, only a new or empty folder,
or one holding a site (an `index.html`), may be an output folder (so not `OUTPUT=docs`). `refusal()` names what an output folder would
destroy; `stale_folders()` finds staging folders left by killed builds. Standard library
only, so that `make clean` can run it before `.venv` exists:

    python3 plugins/newsbrief/outputdir.py clean OUTPUT [--root .] [--content content] [--theme theme]
"""

import os
import re
import shutil
import sys

# `.build-<pid>-…` and `.old-<pid>-…` (or, from older builds, without the pid)
STAGING = re.compile(r"\.(?:build|old)-(?:(\d+)-)?[A-Za-z0-9_]+\Z")


def _inside(path, folder):
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def protected(root, content=None, theme=None):
    """[(real path, what it is, whether the output may not lie inside it)]."""
    root = os.path.realpath(root)
    found = [(root, "the project folder", False), (os.path.join(root, ".git"), "the project's `.git`", True),
             (os.path.join(root, "plugins"), "the plugins folder", True)]
    if content:
        found.append((os.path.realpath(content), "the content folder", True))
    if theme:
        found.append((os.path.realpath(theme), "the theme", True))
    home = os.path.expanduser("~")
    if home and home != "/":
        found.append((os.path.realpath(home), "the home folder", False))
    return found


def refusal(output, root, content=None, theme=None):
    """Why `output` must not be replaced by a build (one line, with the fix), or None."""
    real = os.path.realpath(output)
    fix = "build into a folder of its own, e.g. OUTPUT=output"
    if os.path.lexists(output) and not os.path.isdir(output):
        return f"{output}: the output folder is a file — delete it, or {fix}"
    if real == os.sep:
        return f"{output}: the output folder is the root folder — {fix}"
    for folder, what, not_inside in protected(root, content, theme):
        if real == folder:
            return f"{output}: the output folder is {what}, which a build would delete — {fix}"
        if _inside(folder, real):
            return f"{output}: the output folder contains {what}, which a build would delete — {fix}"
        if not_inside and _inside(real, folder):
            return f"{output}: the output folder lies inside {what} — {fix}"
    if _inside(real, os.path.realpath(root)) and os.path.isdir(real) and os.listdir(real) \
            and not os.path.isfile(os.path.join(real, "index.html")):
        return (f"{output}: the output folder is a folder of the project that holds no site "
                f"(no index.html), which a build would delete — {fix}")
    return None


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stale_folders(parent):
    """Staging folders in `parent` whose build is no longer running."""
    try:
        names = os.listdir(parent)
    except OSError:
        return []
    stale = []
    for name in sorted(names):
        match = STAGING.match(name)
        path = os.path.join(parent, name)
        if match and os.path.isdir(path) and not os.path.islink(path):
            pid = match.group(1)
            if pid is None or (int(pid) != os.getpid() and not _alive(int(pid))):
                stale.append(path)
    return stale


def keep_unchanged(new, old):
    """Where a file of the finished build `new` has the bytes of the same file in the
    current site `old`, put the old file in its place (a hard link), so a rebuild writes
    only what changed: unchanged pages keep their inode and modification time, for
    `rsync`, a browser's cache and the live reload of `make devserver`. `old` is only read;
    `new` is swapped in whole afterwards. Returns (files kept, files written)."""
    kept = written = 0
    if not os.path.isdir(old):
        return kept, written
    start = len(os.path.join(new, ""))
    for folder, _, names in os.walk(new):
        for name in names:
            path = os.path.join(folder, name)
            previous = os.path.join(old, path[start:])
            try:
                info, before = os.lstat(path), os.lstat(previous)
                if info.st_ino == before.st_ino:  # linked already (newsbrief.memo)
                    kept += 1
                    continue
                same = (info.st_size == before.st_size
                        and os.path.isfile(previous) and not os.path.islink(previous)
                        and _same_bytes(path, previous))
                if same:
                    temporary = path + ".kept"
                    os.link(previous, temporary)
                    os.replace(temporary, path)
            except OSError:  # another file system, a folder in the way: keep the new file
                same = False
            kept, written = (kept + 1, written) if same else (kept, written + 1)
    return kept, written


def _same_bytes(a, b, block=1 << 20):
    with open(a, "rb") as one, open(b, "rb") as two:
        while True:
            x, y = one.read(block), two.read(block)
            if x != y:
                return False
            if not x:
                return True


def clean(output, root, content=None, theme=None):
    """`make clean`: remove the output folder (the target of an `output` symlink is
    emptied, the symlink kept), after the same checks as a build."""
    problem = refusal(output, root, content, theme)
    if problem:
        return problem
    real = os.path.realpath(output)
    for stale in stale_folders(os.path.dirname(real)):
        shutil.rmtree(stale, ignore_errors=True)
    if os.path.islink(output):
        for name in os.listdir(real) if os.path.isdir(real) else []:
            path = os.path.join(real, name)
            shutil.rmtree(path) if os.path.isdir(path) and not os.path.islink(path) else os.unlink(path)
    elif os.path.isdir(output):
        shutil.rmtree(output)
    return None


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description="Remove the output folder, safely.")
    parser.add_argument("command", choices=["clean"])
    parser.add_argument("output")
    parser.add_argument("--root", default=".")
    parser.add_argument("--content", default="content")
    parser.add_argument("--theme", default="theme")
    args = parser.parse_args(argv)
    problem = clean(args.output, args.root, args.content, args.theme)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
