# Telegent Portal task runner. The README's quick start is `make run` and
# `make test`; both install what is missing first and are safe to repeat.

SHELL := /usr/bin/env bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
export PATH := $(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

CARGO_LEPTOS_VERSION := 0.3.7
# binaryen 116 from crates.io; Debian's binaryen 108 breaks the bundle (see README).
WASM_OPT_VERSION := 0.116.1
# The wasm-bindgen CLI must equal the crate version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

.PHONY: help run run-release build-release bundle-budget test check fmt lint unit unit-postgres e2e e2e-debug bench \
        setup setup-run setup-test rust-target cargo-leptos wasm-bindgen wasm-opt system-packages npm-packages clean-data

help:
	@echo "make run          set up (first time only) and serve the portal at http://127.0.0.1:3000"
	@echo "make test         set up (first time only) and run every check and test"
	@echo "make run-release  build and serve the production build"
	@echo "make lint | unit | unit-postgres | e2e | e2e-debug    parts of make test"
	@echo "make bench        figures: upstream calls per operation, bundle size, req/s, Lighthouse"
	@echo "make clean-data   forget the local database and sandbox state (demo data is reseeded)"

# ---- the two quick-start commands -------------------------------------------------

run: setup-run
	cargo leptos serve

test: setup-test
	$(MAKE) lint
	$(MAKE) unit
	$(MAKE) unit-postgres
	$(MAKE) build-release
	$(MAKE) bundle-budget
	$(MAKE) e2e

# ---- parts ----------------------------------------------------------------------------

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude telegent-frontend --all-targets -- -D warnings
	cargo clippy -p telegent-frontend --target wasm32-unknown-unknown -- -D warnings

# One test at a time: with two test runtimes alive at once the integration
# binary hangs now and then since 2026-12-02 (a test that never ends; not seen
# with one thread in 500+ test runs). Under investigation, see README "Known
# issues"; the cost is ~20 s.
TEST_THREADS ?= 1

unit:
	cargo test --workspace --exclude telegent-frontend -- --test-threads=$(TEST_THREADS)

# The server's integration tests again, on PostgreSQL instead of the embedded
# SQLite (a throwaway server; every test portal gets its own database).
unit-postgres: system-packages
	server/scripts/with-postgres cargo test --workspace --exclude telegent-frontend --test '*' -- --test-threads=$(TEST_THREADS)

# --precompress: the site's files also as .br and .gz, served to browsers that take them.
build-release: setup-run wasm-opt
	cargo leptos build --release --precompress

# The browser bundle (wasm + JS, gzipped) within its budget; fails with the measured size.
bundle-budget:
	server/scripts/bundle-budget target/site/pkg $(TARGET_DIR)/release/hash.txt

run-release: build-release
	LEPTOS_SITE_ROOT=target/site $(TARGET_DIR)/release/telegent-portal serve

# Browser tests against the release build (what CI runs).
e2e: npm-packages
	cd end2end && PORTAL_PROFILE=release npx playwright test

# Browser tests against a debug build (faster to rebuild while developing).
e2e-debug: setup-run npm-packages
	cargo leptos build
	cd end2end && PORTAL_PROFILE=debug npx playwright test

# Measured figures, not pass/fail: upstream calls per portal operation (portal
# client vs a naive one), then the phone budget: bundle size, wrk req/s against
# signed-in pages and /healthz, Lighthouse mobile scores (see server/scripts/bench-web).
bench: build-release
	cargo bench -p telegent-portal --bench upstream_calls --profile dev
	cargo bench -p telegent-portal --bench read_model --profile dev
	server/scripts/bench-web

clean-data:
	rm -rf data

# ---- set-up: each step checks before it installs ---------------------------------

setup-run: rust-target cargo-leptos wasm-bindgen

setup-test: setup-run wasm-opt system-packages npm-packages

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

cargo-leptos:
	@cargo leptos --version 2>/dev/null | grep -q " $(CARGO_LEPTOS_VERSION)$$" || \
	  cargo install cargo-leptos --version $(CARGO_LEPTOS_VERSION) --locked

# No --locked: the CLI's own lockfile names a crate the registry lacks.
wasm-bindgen:
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$" || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

wasm-opt:
	@wasm-opt --version 2>/dev/null | grep -q "version 116" || \
	  cargo install wasm-opt --version $(WASM_OPT_VERSION) --locked

system-packages:
	@missing=""; \
	for p in chromium mold; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver mold postgresql; \
	fi

npm-packages:
	@cd end2end && { [ -d node_modules/@playwright/test ] && [ node_modules/.package-lock.json -nt package-lock.json ]; } || \
	  npm ci --no-audit --no-fund
