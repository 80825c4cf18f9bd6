"""Forked work (newsbrief.parallel): an error in a copy fails the build with its line, a copy's
warnings are the build's, Ctrl-C ends every copy and leaves the output as it was, and a
process running a thread forks nothing and builds the same site.

Each build runs in a fresh process (DRIVER), which runs one thread, so it forks (a test
runner's process may run threads, where the build would not fork); with
`-W error::DeprecationWarning`, so a fork that Python 3.12+ warns about fails the test."""

import json
import os
import pathlib
import signal
import subprocess
import sys
import time

from support import ROOT, Project, snapshot, tree

# Filters a test's template uses: `person.slug|<filter>` prints nothing, and notes the process.
DRIVER = r'''
import json, os, sys, threading, time
from newsbrief.build import BuildFailed, build_site
from newsbrief.report import content_logger

BUILD, forks = os.getpid(), []
os.register_at_fork(before=lambda: forks.append(1))
settings, output, overrides, notes, thread = json.loads(sys.argv[1])


def note(slug):
    with open(notes, "a") as out:
        out.write(f"{os.getpid()}\n")
    return ""


def warns(slug):  # a warning per page, from the process that renders it
    content_logger("newsbrief.test").warning("%s rendered by %s", slug, os.getpid())
    return note(slug)


def slow(slug):
    time.sleep(0.5)
    return note(slug)


def fails_in_a_copy(slug):
    if os.getpid() != BUILD:
        raise ValueError("not in the build's own process")
    return note(slug)


if thread:
    threading.Thread(target=threading.Event().wait, daemon=True).start()
overrides["JINJA_FILTERS"] = {"warns": warns, "slow": slow, "fails_in_a_copy": fails_in_a_copy}
try:
    warnings = build_site(settings, output, overrides)
except BuildFailed as failure:
    print(json.dumps({"problems": failure.problems}))
    sys.exit(1)
except KeyboardInterrupt:
    sys.exit(130)
print(json.dumps({"warnings": list(warnings), "build": BUILD, "forks": len(forks)}))
'''


class Run:
    def __init__(self, tmp_path, template_filter=None):
        self.project, self.notes = Project(tmp_path), tmp_path / "notes.txt"
        if template_filter:
            self.project.edit("theme/templates/person.html", "{% block kicker %}",
                              f"{{% block kicker %}}{{{{ person.slug|{template_filter} }}}}")

    def command(self, output, thread=False, **overrides):
        overrides = {"PATH": str(self.project.content), "THEME": str(self.project.theme),
                     "CACHE_PATH": str(self.project.cache), "RENDER_PARALLEL_MIN": 1, "SEARCH_INDEX": False,
                     **overrides}
        arguments = [str(ROOT / "pelicanconf.py"), str(output), overrides, str(self.notes), thread]
        return [sys.executable, "-W", "error::DeprecationWarning", "-c", DRIVER, json.dumps(arguments)]

    def build(self, output, **options):
        run = subprocess.run(self.command(output, **options), capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert "Traceback" not in run.stderr, run.stderr
        return run.returncode, json.loads(run.stdout.splitlines()[-1])

    def renderers(self):
        return self.notes.read_text().split()


def test_an_error_in_a_copy_fails_the_build_with_its_template_line(tmp_path):
    run = Run(tmp_path, "fails_in_a_copy")
    output = tmp_path / "output"
    assert run.build(output, RENDER_PROCESSES=1)[0] == 0  # the build's own process renders it
    before = snapshot(output)
    code, outcome = run.build(output, RENDER_PROCESSES=2)
    template = run.project.theme / "templates" / "person.html"
    assert code == 1 and outcome["problems"] == [
        f"rendering failed: ValueError: not in the build's own process ({template}, line 2)"]
    assert snapshot(output) == before


def test_the_warnings_of_every_copy_are_the_builds(tmp_path):
    run = Run(tmp_path, "warns")
    code, outcome = run.build(tmp_path / "output", RENDER_PROCESSES=3)
    renderers = run.renderers()  # a process id per page rendered
    assert code == 0 and len(renderers) == 4 and len(set(renderers)) == 3  # two people, two languages
    rendered = [w.split() for w in outcome["warnings"] if " rendered by " in w]
    assert sorted(words[-1] for words in rendered) == sorted(renderers)
    assert sorted(words[0] for words in rendered) == ["jane-doe", "jane-doe", "john-roe", "john-roe"]


def test_a_process_running_a_thread_forks_nothing_and_builds_the_same_site(tmp_path):
    run = Run(tmp_path, "warns")
    code, forked = run.build(tmp_path / "forked", RENDER_PROCESSES=3, CACHE_PATH=str(tmp_path / "c1"))
    assert code == 0 and forked["forks"] >= 3 and len(set(run.renderers())) == 3
    run.notes.unlink()
    code, threaded = run.build(tmp_path / "threaded", thread=True, RENDER_PROCESSES=3,
                               CACHE_PATH=str(tmp_path / "c2"))
    assert code == 0 and threaded["forks"] == 0 and set(run.renderers()) == {str(threaded["build"])}
    assert tree(tmp_path / "forked") == tree(tmp_path / "threaded")
    assert len(threaded["warnings"]) == len(forked["warnings"])


def processes_in_session(session):
    """The processes whose session is `session` (/proc/<pid>/stat: pid (name) state ppid pgrp session)."""
    found = []
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[3]) == session:
            found.append(stat.parent.name)
    return found


def test_ctrl_c_while_copies_render_ends_them_all_and_keeps_the_output(tmp_path):
    processes = 2
    run = Run(tmp_path, "slow")
    output = tmp_path / "output"
    assert run.build(output, RENDER_PROCESSES=1)[0] == 0
    before = snapshot(output)
    run.notes.unlink()
    process = subprocess.Popen(run.command(output, RENDER_PROCESSES=processes), cwd=ROOT, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (run.notes.exists() and len(set(run.renderers())) == processes):  # every process renders
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no page rendered after 120 s"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends Ctrl-C: to every process of the build
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr, (stdout, stderr)
    assert processes_in_session(process.pid) == []
    assert snapshot(output) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".build-", ".old-"))]
