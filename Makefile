# Two commands do everything on a fresh Debian 12 + Python 3.11 machine: `make run` and `make test`.
# Each step leaves a stamp so a second run only does what changed.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-print-directory

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMPS := out/.stamps
SYSTEM_STAMP := $(STAMPS)/system-packages
VENV_STAMP := $(VENV)/.installed
DEMO_DB := out/demo.db
DEMO_PACKAGE := resources/demo
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)
XVFB_FIRST ?= 97

# Debian packages Qt (xcb/offscreen), VTK (EGL/OSMesa), CJK text and the test servers need.
SYSTEM_PACKAGES := xvfb libgl1-mesa-dri libglx-mesa0 libegl-mesa0 libegl1 libgbm1 libosmesa6 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libdbus-1-3 libfontconfig1 fonts-noto-cjk \
	mosquitto postgresql postgresql-15-postgis-3 chromium chromium-driver

.PHONY: run test setup lint typecheck pytest translations demo-db clean screenshots

run: setup $(DEMO_DB)
	@if [[ -z "$${DISPLAY:-}" && -z "$${WAYLAND_DISPLAY:-}" && -z "$${QT_QPA_PLATFORM:-}" ]]; then \
		echo "make run: no display found (DISPLAY and WAYLAND_DISPLAY are unset)." >&2; \
		echo "  Run it from a desktop session, or on a headless machine: xvfb-run -a make run" >&2; \
		exit 1; \
	fi
	@if [[ -f $(DEMO_DB) ]]; then db=$(DEMO_DB); else db=$(DEMO_DB).missing; fi; \
		exec $(BIN)/python main.py --db "$$db" --package $(DEMO_PACKAGE)

test: setup lint typecheck pytest

setup: $(SYSTEM_STAMP) $(VENV_STAMP) translations

# --- system packages: installed once, only the missing ones, without starting any service -----------
$(SYSTEM_STAMP):
	@missing=(); for p in $(SYSTEM_PACKAGES); do \
		dpkg -s "$$p" >/dev/null 2>&1 || missing+=("$$p"); done; \
	if (( $${#missing[@]} )); then \
		echo "Installing system packages: $${missing[*]}"; \
		sudo=""; if [[ $$(id -u) != 0 ]]; then sudo="sudo"; fi; \
		policy=/usr/sbin/policy-rc.d; made_policy=0; \
		if [[ ! -e $$policy ]]; then printf '#!/bin/sh\nexit 101\n' | $$sudo tee $$policy >/dev/null; \
			$$sudo chmod +x $$policy; made_policy=1; fi; \
		apt=($$sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -qq); \
		status=0; { "$${apt[@]}" update && "$${apt[@]}" install -y --no-install-recommends "$${missing[@]}"; } \
			>out/apt.log 2>&1 || status=$$?; \
		if (( made_policy )); then $$sudo rm -f $$policy; fi; \
		if (( status )); then tail -n 30 out/apt.log >&2; exit $$status; fi; \
	fi
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS) out:
	@mkdir -p $@

$(SYSTEM_STAMP): | $(STAMPS)

# --- Python virtual environment ----------------------------------------------------------------------
# pip's own chatter goes to out/pip.log and is shown only when the install fails.
$(VENV_STAMP): pyproject.toml | out
	@[[ -x $(BIN)/python ]] || $(PYTHON) -m venv $(VENV)
	@echo "Installing Python packages into $(VENV) (log: out/pip.log)"
	@{ $(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip && \
		$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'; } >out/pip.log 2>&1 \
		|| { tail -n 40 out/pip.log >&2; exit 1; }
	@touch $@

# --- translations: .ts sources → .qm (built, not committed) ------------------------------------------
translations: $(QM_FILES)

resources/translations/%.qm: resources/translations/%.ts $(VENV_STAMP)
	@$(BIN)/pyside6-lrelease -silent $< -qm $@

# --- demo database -----------------------------------------------------------------------------------
demo-db: $(DEMO_DB)

$(DEMO_DB): $(VENV_STAMP) $(shell find $(DEMO_PACKAGE) -type f 2>/dev/null) | out
	@if [[ -f $(DEMO_PACKAGE)/manifest.json ]]; then \
		rm -f $@ $@-wal $@-shm; \
		echo "Importing $(DEMO_PACKAGE) into $@"; \
		$(BIN)/python main.py import $(DEMO_PACKAGE) --db $@ >/dev/null; \
	else echo "No demo package at $(DEMO_PACKAGE) yet: the window opens empty." >&2; fi

# --- checks --------------------------------------------------------------------------------------------
lint: $(VENV_STAMP)
	@$(BIN)/ruff check -q .
	@$(BIN)/ruff format --check -q .
	@$(BIN)/lint-imports --no-cache >out/lint-imports.log 2>&1 || { cat out/lint-imports.log >&2; exit 1; }

typecheck: $(VENV_STAMP)
	@$(BIN)/mypy --no-error-summary

# Qt widgets run on the offscreen platform; tests marked `vtk` need a real X server, so they run in a
# second session under Xvfb when there is no display. The last pytest run must execute tests (exit 5 =
# nothing collected fails the build).
pytest: $(VENV_STAMP) translations
	@n=$$($(BIN)/pytest -q --collect-only -m vtk -p no:cacheprovider 2>/dev/null | grep -c '::' || true); \
	if (( n > 0 )); then \
		if [[ -z "$${DISPLAY:-}" ]]; then \
			d=$(XVFB_FIRST); while [[ -e /tmp/.X$$d-lock ]]; do d=$$((d + 1)); done; \
			Xvfb :$$d -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$$!; \
			trap 'kill $$xvfb 2>/dev/null; wait $$xvfb 2>/dev/null || true' EXIT; sleep 1; export DISPLAY=:$$d; \
		fi; \
		QT_QPA_PLATFORM=xcb $(BIN)/pytest -q -m vtk; \
	fi
	@QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -m "not vtk" --durations=12

# --- screenshots for the README (docs/screenshots/{zh,en}/*.png) ------------------------------------
# Under Xvfb when there is no display: the 3D pane (VTK) draws black on the offscreen platform.
screenshots: $(VENV_STAMP) translations
	@if [[ -z "$${DISPLAY:-}" ]]; then \
		d=$(XVFB_FIRST); while [[ -e /tmp/.X$$d-lock ]]; do d=$$((d + 1)); done; \
		Xvfb :$$d -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$$!; \
		trap 'kill $$xvfb 2>/dev/null; wait $$xvfb 2>/dev/null || true' EXIT; sleep 1; export DISPLAY=:$$d; \
	fi; \
	for lang in zh_CN en; do QT_QPA_PLATFORM=xcb $(BIN)/python -m tools.screenshots --lang $$lang; done

clean:
	rm -rf out resources/translations/*.qm .mypy_cache .ruff_cache .pytest_cache
