# Regiekamer: `make run` sets up and serves the demo; `make test` runs the checks and tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Test processes (pytest-xdist): one per core.
TEST_JOBS ?= auto
# Bytecode caches on: with PYTHONDONTWRITEBYTECODE set (some container images set it) every
# process recompiles the project and pytest rewrites all ~100 test modules again: 8 s per test
# process, for each process of every run.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test lint format deps e2e-deps syscheck demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q ".[dev]"
	touch $@

deps: $(VENV)/.installed

# The browser tests inject axe-core from the npm registry. Without npm or Chromium they skip,
# saying so; CI installs both and there they must run.
e2e-deps: tests/e2e/node_modules/.package-lock.json

tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/e2e --no-audit --no-fund --silent; \
	else echo "LET OP: npm ontbreekt; de browsertests (tests/e2e) worden overgeslagen."; fi

# WeasyPrint needs Pango; without libharfbuzz-subset0 it still works, but 8x slower.
syscheck: deps
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || { \
	  echo "FOUT: WeasyPrint kan Pango niet laden. Installeer de systeempakketten:"; \
	  echo "  sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"; \
	  exit 1; }
	@/sbin/ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || \
	  echo "LET OP: libharfbuzz-subset0 ontbreekt; PDF's worden traag. Installeer: sudo apt-get install libharfbuzz-subset0"

demo: syscheck
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py laad_demo

run: demo
	@echo "Regiekamer draait op http://$(HOST)/ (demogebruikers: zie README.md)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

# ruff, and the layers (pyproject.toml, [tool.importlinter]): an upward import fails here.
lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: syscheck lint e2e-deps
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(TEST_JOBS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache tests/e2e/node_modules
