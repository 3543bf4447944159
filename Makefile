# Straitwatch: `make run` serves the dashboard, `make test` runs every test.
# Both create .venv and install the pinned dependencies on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8050
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test browser layers dataset screenshot bench mutation clean

run: $(VENV)/.runtime
	$(PY) app.py --host $(HOST) --port $(PORT)

test: $(VENV)/.dev browser
	$(PY) -m pytest

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

# Rebuild data/sightings.csv from data/sources/ (news files, corrections, JSO releases).
dataset: $(VENV)/.dev
	$(PY) -m sightings.curate

# Benchmarks (bench/RESULTS.md): Straitwatch beside Datasette and a plain Dash app; about 25 min.
bench: $(VENV)/.bench browser
	$(PY) bench/run.py

$(VENV)/.bench: $(VENV)/.dev bench/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

# Mutation testing of the core modules (mutmut); writes docs/mutation.md (its run time is there).
mutation: $(VENV)/.mutation
	$(PY) bench/mutation.py

$(VENV)/.mutation: $(VENV)/.dev requirements-mutation.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutation.txt
	touch $@

# Redraw docs/screenshot.png (the README's picture) from the running app in headless chromium.
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
