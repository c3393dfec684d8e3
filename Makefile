# Every target installs what it needs: on a fresh machine `make test` is enough.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements/dev.lock
STAMP := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help install generate check-generated lint format test test-slow bench demo sandbox contract adopt-drift lock clean

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

lint: $(STAMP) ## ruff (lint and format) on the hand-written code; mypy --strict on wrapper/, sandbox/, tests/, tools/, examples/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy wrapper/pilotstatus sandbox/pilotstatus_sandbox tests tools examples

format: $(STAMP) ## Apply ruff's fixes and formatting to the hand-written code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) ## Run every test but the proofs, on every core (a test file runs whole in one worker): under 3 minutes on 2 cores
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder -m "not proof"

test-slow: $(STAMP) ## The proofs (minutes): copies of the project, make contract and make bench's tools run end to end, the largest samples
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder -m proof

bench: $(STAMP) ## Ratios: wrapper vs generated layer vs raw httpx, memory, sandbox page, import time, the calls and history walks vs the official SDK (about 3 minutes)
	$(BIN)/python tools/bench.py

demo: $(STAMP) ## On the embedded sandbox: list and page through every call, walk a call's and a message's life with their signed webhooks, catch typed errors
	$(BIN)/python examples/demo.py

sandbox: $(STAMP) ## Serve the sandbox on http://127.0.0.1:8080 (PORT=, CALLS=, SEED= to change), until Ctrl-C
	$(BIN)/pilotstatus sandbox --port $(or $(PORT),8080) --calls $(or $(CALLS),5000) --seed $(or $(SEED),7)

# The key is read from the environment (PILOT_STATUS_API_KEY or PILOT_STATUS_API_KEY_ID), never from this recipe,
# which make prints.
contract: $(STAMP) ## The contract suite against a deployment: make contract BASE_URL=https://... [ALLOW=calls.create,... TO=+55...] (key from the environment)
	$(BIN)/python tools/contract.py --base-url "$(BASE_URL)" --report "$(or $(REPORT),reports/contract-junit.xml)"

# Only additions are applied, each labelled "Observed on <date>, not documented upstream."; nothing is written when
# the patch is refused (exit 2) or the patched spec does not generate.
adopt-drift: $(STAMP) ## Apply the drift patch of `make contract` to openapi.json, regenerate generated/, print both diffs [PATCH=reports/drift.patch.json]
	$(BIN)/python tools/adopt_drift.py --patch "$(or $(PATCH),reports/drift.patch.json)"

lock: ## Re-resolve requirements/dev.lock from pyproject.toml (then review and commit it)
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --editable '.[dev]'
	{ echo "# Every package of the dev environment, pinned: \`make lock\` writes this file."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v -i -E '^(pilotstatus|setuptools|wheel)=='; } > $(LOCK)
	rm -rf .lock-venv

clean: ## Remove .venv, caches and reports
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis reports
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
