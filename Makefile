# The few commands people type. Each target installs what it needs first.
#   make serve   preview on http://127.0.0.1:8000 (reloads on saving content or templates; restart after code changes)
#   make build   the complete site in site/ with the profile PDF (or nothing, if anything is wrong)
#   make voorbeeld PR=12   that site as pull request 12's preview, in voorbeeld/
#   make test    build the real site and run every test
#   make test-snel  the tests that need no browser and read no complete build (under 40 s)
#   make check   the build's verdict on all content, without publishing anything
#   make nieuwsbrief TITEL="..."   (or samenwerking, bijeenkomst) start new content
#   make lighthouse  benchmark: Lighthouse scores of three pages
#   make lock    refresh requirements*.lock after changing pyproject.toml
#   make beheer-bijwerken  the web editor's files in docs/beheer/ from the version package-lock.json pins

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# uv makes .venv from the locks (from its cache, in about a second). The workflows put it on
# PATH (astral-sh/setup-uv); a machine without it gets its own copy in .uv/, once.
UV     := $(or $(shell command -v uv 2>/dev/null),.uv/bin/uv)
# Material prints a notice about its successor on every build; editors need not see it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build voorbeeld test test-snel check lock clean browser java node lighthouse bench nieuwsbrief samenwerking bijeenkomst bouwdatum beheer-bijwerken

# uv from PyPI by the hashes in requirements-uv.lock, with the pip that comes with Python.
.uv/bin/uv: requirements-uv.lock
	@echo "uv ontbreekt op deze computer; make haalt het eenmalig van PyPI naar .uv/ (zie README)."
	rm -rf .uv
	PIP_ROOT_USER_ACTION=ignore $(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
	  --target .uv -r requirements-uv.lock

$(BIN)/python: | $(UV)
	$(UV) venv --quiet --python $(PYTHON) $(VENV)

# Stamp files record that the locked set is installed; they are redone when a lock changes.
# The project itself goes in editable (uv's build backend: a path file, no build). Where
# PYTHONDONTWRITEBYTECODE keeps Python from caching bytecode itself (some machines set it), it is
# compiled once here, or every later Python process, and a build starts several, compiles the
# libraries again (about 2 s each). Elsewhere (GitHub's runners) the first process caches what it
# imports, a part of the libraries: compiling all of them at install (about 2.5 s) costs more.
COMPILE := $(if $(PYTHONDONTWRITEBYTECODE),--compile-bytecode)
$(VENV)/.site-installed: requirements.lock pyproject.toml | $(BIN)/python
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes --no-deps $(COMPILE) -r requirements.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --editable .
	touch $@

$(VENV)/.test-installed: requirements-test.lock pyproject.toml | $(BIN)/python
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes --no-deps $(COMPILE) -r requirements-test.lock
	$(UV) pip install --quiet --python $(BIN)/python --no-deps --editable .
	touch $@ $(VENV)/.site-installed

serve: $(VENV)/.site-installed
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# The site and the profile PDF (printed by Chromium between two builds: publiceren/pdf.py).
build: $(VENV)/.test-installed browser
	$(BIN)/python -m cultuurregio.publiceren.pdf --site-dir site

# A pull request's preview, built for its address under voorbeeld/pr-N/ on the published site,
# with the profile PDF: make voorbeeld PR=12 (README, "Een voorbeeld van elke wijziging").
voorbeeld: $(VENV)/.test-installed browser
	@[ -n "$(PR)" ] || { echo "Geef het nummer van de pull request mee, bijvoorbeeld: make voorbeeld PR=12"; exit 2; }
	VOORBEELD="$(PR)" $(BIN)/python -m cultuurregio.publiceren.pdf --site-dir voorbeeld

# The build's verdict in seconds: every problem at once, as file:line: message.
# (CHECK_OPTIONS="--site-dir site" keeps the site it built, as the pull request check does.)
check: $(VENV)/.site-installed
	$(BIN)/python -m cultuurregio.redactie.check $(CHECK_OPTIONS)

# The build's moment as SOURCE_DATE_EPOCH=…, by the one rule (README, "Bouwdatum"); the
# workflows write it to $$GITHUB_ENV so every step of a job builds for the same day.
bouwdatum: $(VENV)/.site-installed
	@$(BIN)/python -m cultuurregio.site.common.dates

# Start new content: make nieuwsbrief TITEL="Ideeën uit Hengelo" (likewise samenwerking, bijeenkomst).
nieuwsbrief samenwerking bijeenkomst: $(VENV)/.site-installed
	$(BIN)/python -m cultuurregio.redactie.scaffold $@ "$(TITEL)"

# The W3C's Nu Html Checker (vnu.jar) for tests/test_html_validity.py and pa11y for
# tests/test_pa11y.py, pinned in package-lock.json. --ignore-scripts: their install scripts
# would download a Java runtime and a Chromium; the system's Java and Debian's Chromium serve.
node_modules/.installed: package.json package-lock.json | java node
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

node:
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Node.js (20 of nieuwer, met npm) ontbreekt voor de HTML-controle en pa11y."; \
	  echo "Installeer het via https://nodejs.org of het pakketbeheer van uw systeem."; \
	  exit 1; \
	}

java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else \
	    echo "Java ontbreekt voor de HTML-controle. Installeer het pakket 'default-jre-headless'"; \
	    echo "(Debian/Ubuntu: sudo apt-get install default-jre-headless)."; \
	    exit 1; \
	  fi; \
	}

# Tests make and remove many short-lived files (an environment per workflow job, copies of the
# project): in memory (/dev/shm) where it has room, which spares the disk's slow deletes.
TEST_TMPDIR := $(shell [ -w /dev/shm ] && [ "$$(df -Pk /dev/shm | awk 'NR==2 {print $$4}')" -gt 8000000 ] \
  2>/dev/null && echo /dev/shm)

# On every core; a file's tests stay on one worker, so its expensive fixtures are built once.
# Files go out in the order tests/conftest.py gives (longest first); without
# --no-loadscope-reorder pytest-xdist hands out the files with the most tests first, and a long
# file of one test started last. (A third worker on two cores: 617 s against 515 s, 2026-12-05.)
test: $(VENV)/.test-installed browser node_modules/.installed
	$(if $(TEST_TMPDIR),TMPDIR=$(TEST_TMPDIR) )$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder

# While working: everything that needs no Chromium and builds no complete site.
test-snel: $(VENV)/.test-installed
	$(BIN)/python -m pytest -m "not browser and not slow" -n auto

# Browser tests use Debian's Chromium (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || [ -n "$$CHROMIUM" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium ontbreekt voor de browsertests. Installeer het pakket 'chromium'"; \
	    echo "(Debian/Ubuntu: sudo apt-get install chromium) of zet CHROMIUM=/pad/naar/chromium."; \
	    exit 1; \
	  fi; \
	}

# Benchmark, not a test: prints Lighthouse's scores for three pages (needs Node.js/npm).
lighthouse: $(VENV)/.site-installed browser
	$(BIN)/python -m cultuurregio.meten.lighthouse

# Benchmark, not a test: build time, memory, sizes and a first visit as the archive grows.
bench: $(VENV)/.test-installed browser
	$(BIN)/python -m cultuurregio.meten.bench

# uv keeps the versions already in a lock unless pyproject.toml asks for others; the last lock
# is uv itself, at the version the test lock holds, for machines that do not have it yet.
LOCK := $(UV) pip compile --quiet --generate-hashes
# The web editor (Sveltia CMS) is served from the site: its files in docs/beheer/ are made from
# the npm package at the version and sha512 package-lock.json pins (README, "De webeditor").
# To update: npm install --save-exact --save-dev --ignore-scripts @sveltia/cms@<versie>, then this.
beheer-bijwerken: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/python -m cultuurregio.redactie.web_editor

lock: | $(UV)
	$(LOCK) -o requirements.lock pyproject.toml
	$(LOCK) --extra test -o requirements-test.lock pyproject.toml
	grep -o '^uv==[^ ]*' requirements-test.lock | $(LOCK) -o requirements-uv.lock -

clean:
	rm -rf site .site-* .cache .uv $(VENV)
