# Every target installs what it needs: on a fresh machine `make test` is enough.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help install generate check-generated lint format test bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv: the project (editable) and the dev tools, at the versions pinned in requirements/dev.lock

$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --constraint $(LOCK) pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --constraint $(LOCK) --build-constraint $(LOCK) \
		--editable '.[dev]'
	@touch $@

generate: $(STAMP) ## Regenerate generated/pilotstatus_api from openapi.json (fails on any generator warning)
	$(BIN)/python tools/generate.py

check-generated: $(STAMP) ## Fail, with the diff, when generated/ is not what openapi.json generates
	$(BIN)/python tools/generate.py --check

lint: $(STAMP) ## ruff (lint and format) on the hand-written code; mypy --strict on wrapper/, tests/ and tools/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy wrapper/pilotstatus tests tools

format: $(STAMP) ## Apply ruff's fixes and formatting to the hand-written code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) ## Run every test
	$(BIN)/python -m pytest

bench: $(STAMP) ## Measure the wrapper against the generated layer and raw httpx, and its memory (ratios; about a minute)
	$(BIN)/python tools/bench.py

lock: ## Re-resolve requirements/dev.lock from pyproject.toml (then review and commit it)
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --editable '.[dev]'
	{ echo "# Every package of the dev environment, pinned: \`make lock\` writes this file."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v -i -E '^(pilotstatus|setuptools|wheel)=='; } > $(LOCK)
	rm -rf .lock-venv

clean: ## Remove .venv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
