"""A hostile or broken cache (newsbrief.cache, newsbrief.store, newsbrief.memo, newsbrief.cards):
it holds data, never code; an entry that is corrupt, truncated, swapped, replaced or of the
wrong types is a miss, never a traceback or a wrong page; a poisoned stored body never
reaches the output; one build at a time; every failure is one line."""

import fcntl
import json
import os
import pathlib
import random
import shutil
import threading
import time

import PIL.Image
import PIL.PngImagePlugin
import pytest
from newsbrief import cardpng, cards
from newsbrief.build import BuildFailed
from newsbrief.cardpng import SIZE, verified
from newsbrief.cards import CardDrawer
from newsbrief.cardtext import CardText
from newsbrief.tools import build as build_command
from support import ROOT, Project, old_site, snapshot, tree

FONT = ROOT / "theme" / "cards" / "card-bold.ttf"

EDIT = ("people/jane-doe.ar.md", "بعد ثلاث سنوات.\n", "بعد ثلاث سنوات. وعُدِّلت الصفحة.\n")


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The site of the mini corpus with EDIT applied, built with an empty cache."""
    folder = tmp_path_factory.mktemp("clean")
    project = Project(folder)
    project.edit(*EDIT)
    project.build(folder / "output")
    return tree(folder / "output")


def entries(cache):
    """Every file of the cache by kind: source entries, cards, the two records."""
    files = [p for p in sorted(cache.rglob("*")) if p.is_file()]
    return {"sources": [p for p in files if p.suffix == ".json" and "sources" in p.parts],
            "cards": [p for p in files if p.suffix == ".png"],
            "records": [cache / "pages.jsonl", cache / "last-build.json"]}


def _garbage(path, rng):
    path.write_bytes(rng.randbytes(200))


def _truncate(path, rng):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _empty(path, rng):
    path.write_bytes(b"")


def _deep(path, rng):
    path.write_text("[" * 100_000, encoding="utf-8")


def _wrong_types(path, rng):
    if path.suffix == ".png":
        return path.write_bytes(b"\x89PNG\r\n\x1a\n")
    lines = path.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[0])
    if isinstance(entry, dict) and "value" in entry:
        value = entry["value"]
        entry["value"] = {k: [v] for k, v in value.items()} if isinstance(value, dict) else "x"
    elif isinstance(entry, dict):
        entry = dict.fromkeys(entry, 1)
    path.write_text("\n".join([json.dumps(entry), *(json.dumps([1, 2, 3, 4]) for _ in lines[1:])]) + "\n")


def _pipe(path, rng):
    path.unlink()
    os.mkfifo(path)  # opening it would wait for ever


def _swap(paths, rng):
    """Each entry of a kind holds another's bytes (a rotation)."""
    data = [p.read_bytes() for p in paths]
    for path, other in zip(paths, data[1:] + data[:1]):
        path.write_bytes(other)


def _entry_key(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))["key"]
    except (ValueError, TypeError, KeyError, RecursionError):
        return None


TAMPER = {"garbage": _garbage, "truncated": _truncate, "empty": _empty, "deep": _deep,
          "wrong-types": _wrong_types, "pipe": _pipe, "swapped": None}


@pytest.mark.parametrize("kind", TAMPER)
def test_a_tampered_cache_gives_the_bytes_of_a_clean_build(kind, clean, tmp_path):
    """Every stored file and card is tampered with (and, but for two kinds, the records: with
    those kept, the pages of the last build are linked as they would be)."""
    project, output = Project(tmp_path), tmp_path / "output"
    project.build(output)
    rng = random.Random(kind)
    found = entries(project.cache)
    assert len(found["sources"]) > 20 and len(found["cards"]) > 10
    if kind in ("deep", "pipe"):
        del found["records"]
    for paths in found.values():
        if kind == "swapped":
            _swap(paths, rng)
        else:
            for path in paths:
                TAMPER[kind](path, rng)
    project.edit(*EDIT)
    assert not project.build(output).skipped
    assert tree(output) == clean
    # the entries read afresh were written again: none is left broken for the next build
    again = entries(project.cache)
    valid = [p for p in again["sources"] if _entry_key(p) == p.stem]  # those of the file before EDIT are left
    assert len(valid) >= len(found["sources"]), kind
    assert all(verified(card, card.stem) for card in again["cards"])


@pytest.mark.parametrize("folder", ["cards", "sources", "."])
def test_a_cache_folder_replaced_by_a_file_is_a_miss(folder, clean, tmp_path):
    """A file where the cache (or one of its folders) should be is not the cache's own: the
    build reads afresh, as with no cache, and gives a clean build's bytes."""
    project, output = Project(tmp_path), tmp_path / "output"
    project.build(output)
    shutil.rmtree(output)
    target = (project.cache / folder).resolve()
    shutil.rmtree(target)
    target.write_text("not a folder", encoding="utf-8")
    project.edit(*EDIT)
    project.build(output)
    assert tree(output) == clean
    assert (project.cache / "cards").is_dir() and (project.cache / "sources").is_dir()


def test_nothing_in_the_cache_can_run_code(tmp_path):
    """After a build and a rebuild, every file of the cache is JSON (or JSON lines), a
    verified PNG card or the lock's process id: no pickle, nothing a load could run."""
    project, output = Project(tmp_path), tmp_path / "output"
    project.build(output)
    project.edit(*EDIT)
    project.build(output)
    kinds = set()
    for path in sorted(project.cache.rglob("*")):
        if path.is_dir():
            continue
        assert path.is_file() and not path.is_symlink(), path
        data = path.read_bytes()
        assert not data.startswith(b"\x80") and b"pickle" not in path.name.encode(), path
        if path.suffix == ".json":
            json.loads(data)
        elif path.suffix == ".jsonl":
            [json.loads(line) for line in data.splitlines()]
        elif path.suffix == ".png":
            assert verified(path, path.stem), path
        else:
            assert path.name == "build.lock" and data.decode().isdigit(), path
        kinds.add(path.suffix)
    assert kinds == {".json", ".jsonl", ".png", ".lock"}


def _poison(cache, name, change):
    for path in (cache / "sources").rglob("*.json"):
        entry = json.loads(path.read_text(encoding="utf-8"))
        value = entry["value"]
        if "html" in value and change(value, name):
            path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            return path
    raise AssertionError(f"no stored entry of {name}")


def test_a_poisoned_stored_body_never_reaches_the_output(clean, tmp_path):
    """An entry of the right shape, keyed right, whose rendered body carries a script (or
    HTML the sanitiser would change) is read afresh: the page is the clean build's."""
    project, output = Project(tmp_path), tmp_path / "output"
    project.build(output)

    def script(value, name):  # Jane Doe's own English file, which the reader takes from the store
        if "lang: en" not in value["front"] or not value["data"] or value["data"].get("name") != "Jane Doe":
            return False
        value["html"] += '<script src="https://evil.example/x.js"></script><img src=x onerror="alert(1)">'
        return True

    _poison(project.cache, "jane-doe.en.md", script)
    project.edit(*EDIT)
    project.build(output)
    assert tree(output) == clean
    assert not any(b"evil.example" in data or b"onerror" in data for data in tree(output).values())


def _forge_values(value, name):
    """The stored front-matter values of Jane Doe's English file say another name and role."""
    if "lang: en" not in value["front"] or not value["data"] or value["data"].get("name") != "Jane Doe":
        return False
    value["data"]["name"] = "Jane Forged"
    value["data"]["summary"] = "A forged summary."
    return True


@pytest.mark.parametrize("threads", ["forked", "one process"])
def test_forged_stored_values_never_reach_the_output(threads, clean, tmp_path):
    """An entry of the right shape, keyed right, whose front-matter values are not what its
    file says: the reader took them, but the checks, which parse every file, find that they
    differ, and the build starts again from the files (with a live thread the build does not
    fork: the checks run first, in the build's own process). The site is the clean build's,
    and the entry is written again with the file's values."""
    project, output = Project(tmp_path), tmp_path / "output"
    project.build(output)
    forged = _poison(project.cache, "jane-doe.en.md", _forge_values)
    project.edit(*EDIT)
    holder = threading.Event()
    thread = threading.Thread(target=holder.wait)
    if threads == "one process":
        thread.start()
    try:
        warnings = project.build(output)
    finally:
        holder.set()
    assert tree(output) == clean
    assert not any(b"Jane Forged" in data or b"forged summary" in data for data in tree(output).values())
    assert json.loads(forged.read_text(encoding="utf-8"))["value"]["data"]["name"] == "Jane Doe"
    assert not any("cache gave values" in w for w in warnings)  # said once, not a warning of the site
    project.edit(EDIT[0], EDIT[2], EDIT[1])
    project.build(output)  # and the next build takes the values from the store again
    project.edit(*EDIT)
    project.build(output)
    assert tree(output) == clean


@pytest.mark.parametrize("names", [("pages.jsonl",), ("last-build.json",), ("last-build.json", "pages.jsonl")])
def test_records_of_another_site_are_ignored(names, tmp_path):
    """An older page record (or build record) with a newer output, then an undo: the build
    neither says "nothing changed" nor keeps a stale page."""
    project, output = Project(tmp_path), tmp_path / "output"
    project.build(output)
    first = tree(output)
    records = {name: (project.cache / name).read_bytes() for name in names}
    project.edit(*EDIT)
    project.build(output)
    for name, data in records.items():  # the records of the first site, with the second as output
        (project.cache / name).write_bytes(data)
    project.edit(EDIT[0], EDIT[2], EDIT[1])  # undo
    assert not project.build(output).skipped
    assert tree(output) == first


def _hold(path):
    handle = os.open(path, os.O_RDONLY | (0 if os.path.isdir(path) else os.O_CREAT), 0o644)
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


@pytest.mark.parametrize("held", ["cache", "output"])
def test_a_second_build_stops_with_one_line_while_another_holds_the_lock(held, tmp_path):
    project = Project(tmp_path)
    output = old_site(tmp_path)
    project.cache.mkdir()
    handle = _hold(project.cache / "build.lock" if held == "cache" else tmp_path)
    before = snapshot(output)
    try:
        with pytest.raises(BuildFailed) as failure:
            project.build(output, NEWSBRIEF_LOCK_WAIT=0.3)
    finally:
        os.close(handle)
    assert len(failure.value.problems) == 1, failure.value.problems
    line = failure.value.problems[0]
    assert line.startswith(f"the cache {project.cache}/: " if held == "cache" else f"the output folder {output}/: ")
    assert "another build" in line and "is still running — wait for it to end, or stop it" in line
    assert snapshot(output) == before
    project.build(output)  # once it ended
    assert (output / "people" / "jane-doe" / "index.html").is_file()


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path, caplog):
    project, output = Project(tmp_path), tmp_path / "output"
    project.cache.mkdir()
    handle = _hold(project.cache / "build.lock")
    threading.Timer(1.0, os.close, [handle]).start()
    started = time.monotonic()
    warnings = project.build(output)
    assert time.monotonic() - started >= 1.0 and (output / "index.html").is_file()
    assert any("another build" in r.getMessage() and "waiting for it to end" in r.getMessage()
               for r in caplog.records)
    assert not any("waiting" in w for w in warnings)


def test_the_card_key_covers_the_drawing_code_the_font_and_pillow(tmp_path, monkeypatch):
    drawer = CardDrawer(str(FONT))
    key = drawer.key("ar", "site", "kicker", "title")
    assert CardDrawer(str(FONT)).key("ar", "site", "kicker", "title") == key
    other_font = tmp_path / "font.ttf"
    other_font.write_bytes(FONT.read_bytes() + b"\0")
    assert CardDrawer(str(other_font)).key("ar", "site", "kicker", "title") != key
    with monkeypatch.context() as patch:
        patch.setattr("PIL.__version__", "0.0.0")
        assert CardDrawer(str(FONT)).key("ar", "site", "kicker", "title") != key
    code = tmp_path / "cards.py"  # the drawing changed, VERSION not bumped
    code.write_text(pathlib.Path(cards.__file__).read_text(encoding="utf-8").replace("fill=110", "fill=111"))
    monkeypatch.setattr(cards, "__file__", str(code))
    assert CardDrawer(str(FONT)).key("ar", "site", "kicker", "title") != key


def test_a_truncated_or_swapped_card_is_never_linked(tmp_path):
    drawer = CardDrawer(str(FONT))
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    drawer.draw(str(one), "ar", "الموقع", CardText("موجز", "عنوان"), key="one")
    drawer.draw(str(two), "en", "Site", CardText("Brief", "Title"), key="two")
    assert verified(one, "one") and verified(two, "two")
    assert not verified(one, "two")  # a card swapped for another's
    data = one.read_bytes()
    for cut in (len(data) - 1, len(data) - 12, len(data) // 2, 8, 0):
        one.write_bytes(data[:cut])
        assert not verified(one, "one"), cut
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 1
    one.write_bytes(bytes(flipped))
    assert not verified(one, "one")
    wrong = tmp_path / "wrong.png"  # a whole PNG of another size, carrying the key
    PIL.Image.new("L", (SIZE[0], SIZE[1] + 1)).save(wrong, pnginfo=_key_info("wrong"))
    assert not verified(wrong, "wrong")
    PIL.Image.new("L", SIZE).save(wrong, pnginfo=_key_info("wrong"))
    assert verified(wrong, "wrong")


def _key_info(key):
    info = PIL.PngImagePlugin.PngInfo()
    info.add_text(cardpng.KEY_CHUNK, key)
    return info


def test_an_os_error_while_indexing_is_one_line_and_keeps_the_output(tmp_path, monkeypatch, capsys):
    project = Project(tmp_path)
    output = old_site(tmp_path)
    before = snapshot(output)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("newsbrief.search._run", full)
    code = build_command.main(["--settings", str(ROOT / "pelicanconf.py"), "--content", str(project.content),
                               "--output", str(output), "--cache-path", str(project.cache)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"The build failed; {output}/ was left as it was." in err
    assert "  - search index: No space left on device — free space or fix the folder's permissions" in err
    assert snapshot(output) == before


def test_a_swap_that_fails_puts_the_old_site_back(tmp_path, monkeypatch):
    """The second rename of the swap fails (a full disk): the old site is renamed back, the
    failure is one line, and nothing of the build is left beside the output."""
    project = Project(tmp_path)
    output = old_site(tmp_path)
    before = snapshot(output)
    rename = os.rename

    def failing(source, target):
        if os.path.basename(source).startswith(".build-"):
            raise OSError(28, "No space left on device")
        return rename(source, target)

    monkeypatch.setattr(os, "rename", failing)
    with pytest.raises(BuildFailed) as failure:
        project.build(output)
    assert failure.value.problems == ["OSError: [Errno 28] No space left on device"]
    assert snapshot(output) == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith((".build-", ".old-"))]
