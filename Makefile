# Straitwatch: `make run` serves the dashboard, `make serve` serves it in production, `make test` runs every test.
# Each creates .venv and installs the pinned dependencies on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8050
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run serve test browser layers layers-test dataset screenshot bench mutation clean font messages

run: $(VENV)/.runtime
	$(PY) app.py --host $(HOST) --port $(PORT)

# Production: waitress (buffers slow clients, drains in-flight requests on SIGTERM); see serve.py.
serve: $(VENV)/.runtime
	$(PY) serve.py --host $(HOST) --port $(PORT)

# Two pytest-xdist workers: the browser tests all on one, one at a time (tests/conftest.py), the rest spread.
test: $(VENV)/.dev browser
	$(PY) -m pytest -n 2

# Debian's chromium + chromedriver for the browser tests (nothing is downloaded by the tests).
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "installing Debian's chromium and chromium-driver"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	fi

# Rebuild data/layers/ from Natural Earth (npm world-atlas); needs npm, only for maintainers.
layers: $(VENV)/.dev
	$(PY) -m geo.build_layers

# Check that rebuilding the layers gives the committed files byte for byte (runs npm; maintainers).
layers-test: $(VENV)/.dev
	STRAITWATCH_REBUILD_LAYERS=1 $(PY) -m pytest -m rebuild_layers

# Rebuild assets/fonts/ (Noto Sans JP cut to the characters the page shows; npm pack once, maintainers).
font: $(VENV)/.dev
	$(PY) tools/font_subset.py

# Update the Japanese catalogue from the code's _()/N_() messages (new ones arrive untranslated).
messages: $(VENV)/.dev
	$(PY) tools/messages.py

# Rebuild data/sightings.csv from data/sources/ (news files, corrections, JSO releases).
dataset: $(VENV)/.dev
	$(PY) -m sightings.curate

# Benchmarks (bench/RESULTS.md): Straitwatch beside Datasette and a plain Dash app; about 25 min.
bench: $(VENV)/.bench browser
	$(PY) bench/run.py

$(VENV)/.bench: $(VENV)/.dev bench/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

# Mutation testing of the core modules (mutmut), at low priority, each module within its time budget;
# writes docs/mutation.md (its run time and the load average are there).
mutation: $(VENV)/.mutation
	nice -n 15 $(PY) bench/mutation.py

$(VENV)/.mutation: $(VENV)/.dev requirements-mutation.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

# Redraw docs/screenshot.png and docs/screenshot-phone.png (the README's pictures) in headless
# chromium; Japanese names show in the bundled font (assets/fonts/), nothing is installed.
screenshot: $(VENV)/.dev browser
	$(PY) docs/screenshot.py

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

clean:
	rm -rf $(VENV) .cache
