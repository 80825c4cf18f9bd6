"""A copy of the real content to change for one test build: `copy_content()` then `edit()`."""

import pathlib
import shutil

import yaml

from site_model import ROOT


def copy_content(tmp_dir):
    target = pathlib.Path(tmp_dir) / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def read(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


class _NoAliases(yaml.SafeDumper):
    """Writes a value used twice in full: content files may not use YAML aliases."""

    def ignore_aliases(self, data):
        return True


def write(path, front, body=""):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.dump(front, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def edit(path, body=None, replace=(), append="", prepend="", **fields):
    """Change a content file: front-matter `fields` (None removes one), the whole `body`,
    `replace` pairs in the body, text added before or after the body."""
    front, old_body = read(path)
    for name, value in fields.items():
        if value is None:
            front.pop(name, None)
        else:
            front[name] = value
    body = old_body if body is None else body
    for old, new in replace:
        assert old in body, f"{old!r} is not in {path}"
        body = body.replace(old, new)
    write(path, front, prepend + body + append)
