# The two commands of the README: `make build` builds the site into public/,
# `make test` runs every check and test. Both need only Go; the browser tests
# also use Chromium when it is installed (see .ci/run). `make help` lists
# every target.
#
# make itself exits with code 2 whenever a command fails; the targets that
# run the generator say its own exit code (1: problems in the content or
# templates; 2: a command typed wrongly).

GO ?= go

.DEFAULT_GOAL := build

# The generator is built once per target into a file git ignores and run
# directly, not through `go run`: its exit code is then its own, and a
# signal to make reaches it (make passes SIGTERM on to the command it runs;
# Ctrl-C reaches every process of the terminal's job).
GEN := generator/generator

# run builds the generator and runs it with the arguments $(1); when it
# fails, it says with which exit code.
define run
	@$(GO) build -o $(GEN) ./generator
	@$(GEN) $(1) || { code=$$?; echo "make: generator $(firstword $(1)) exited with code $$code" >&2; exit $$code; }
endef

.PHONY: help build check test clean serve new status translated fuzz race bench bench-test screenshots

help: ## list the targets
	@echo "usage: make <target> [VARIABLE=value ...]"
	@awk -F':.*## ' '/^[a-z-]+:.*## / { printf "  make %-12s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

build: ## build the site into public/
	$(call run,build)

check: ## check content and templates; writes nothing
	$(call run,check)

# The browser tests run after the other packages, not beside them: Chromium
# alone keeps two cores busy, and sharing them made the whole run take a
# fifth longer (on two cores, 110 s and 212 s of CPU against 90 s and 171 s).
# Both runs happen even when the first fails, so one run shows every failure.
BROWSER_TESTS := ./generator/internal/browsertest
OTHER_PACKAGES = $(filter-out %/browsertest,$(shell $(GO) list ./...))

test: ## go vet and every test
	$(GO) vet ./...
	@status=0; \
	echo "$(GO) test (every package but the browser tests)"; \
	$(GO) test $(OTHER_PACKAGES) || status=$$?; \
	echo "$(GO) test $(BROWSER_TESTS)"; \
	$(GO) test $(BROWSER_TESTS) || status=$$?; \
	exit $$status

clean: ## remove public/ and the built generator
	rm -rf public $(GEN)

# The editors' commands (content/README.md explains them).
PORT ?= 1313
ADDR ?= 127.0.0.1:$(PORT)

serve: ## preview at http://127.0.0.1:1313/, reloading on every save [PORT=1313] [ADDR=host:port] [DRAFTS=1]
	@$(GO) build -o $(GEN) ./generator
	@exec $(GEN) serve -addr $(ADDR) $(if $(DRAFTS),-drafts)

new: ## start a barrier in every language: SLUG=<slug> [SECTOR=<id>]
	@test -n "$(SLUG)" || { echo "usage: make new SLUG=<slug> [SECTOR=<id>]" >&2; exit 2; }
	$(call run,new $(SLUG) $(if $(SECTOR),-sector $(SECTOR)))

status: ## which translations are missing or behind, and what changed [STRICT=1]
	$(call run,status $(if $(STRICT),-strict))

translated: ## record that a translation has caught up: F=<file or slug>
	@test -n "$(F)" || { echo "usage: make translated F=<file or slug>" >&2; exit 2; }
	$(call run,translated $(F))

# A short run of every fuzz target (FUZZTIME each); new failing inputs land
# in the package's testdata/fuzz, where they stay as regression cases.
# A count of executions, not a duration: Go 1.26's fuzzing coordinator can
# report "context deadline exceeded" as a failure when a duration runs out
# while a worker is busy, with no failing input at all.
FUZZTIME ?= 20000x
FUZZ_TARGETS = \
	FuzzFrontMatter:./generator/internal/content \
	FuzzFingerprint:./generator/internal/content \
	FuzzConvert:./generator/internal/markdown \
	FuzzLinks:./generator/internal/markdown \
	FuzzHeadingID:./generator/internal/markdown \
	FuzzMarkLanguages:./generator/internal/render \
	FuzzAVIFSize:./generator/internal/picture

fuzz: ## a short run of every fuzz target [FUZZTIME=20000x]
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "$(GO) test -run='^$$' -fuzz='^$${t%%:*}$$' -fuzztime=$(FUZZTIME) $${t#*:}"; \
		$(GO) test -run='^$$' -fuzz="^$${t%%:*}\$$" -fuzztime=$(FUZZTIME) "$${t#*:}"; \
	done

# The tests under the race detector (needs a C compiler). -short skips the
# test that kills real builds: it runs no Go code of ours concurrently.
race: ## the tests under the race detector (needs gcc)
	$(GO) test -race -short ./generator/...

# Measures the build against the floor and each Hugo installed on synthetic
# corpora; takes minutes. BENCHMARKS.md explains it. Not part of `make test`.
BENCH_FLAGS ?=
bench: ## measure against Hugo; minutes (BENCHMARKS.md) [BENCH_FLAGS=...]
	$(GO) run ./bench $(BENCH_FLAGS)

# The harness's own tests, with those that build the generator and run it
# the way the harness does (`make test` skips these).
bench-test: ## the benchmark harness's own tests, with those that build and run the generator
	EXPLAINER_BENCH_TESTS=1 $(GO) test ./bench

# Full-page pictures of the main pages for people to look at; `make test`
# leaves them out (they check nothing the browser tests do not).
screenshots: ## photograph the main pages in both languages into testdata/screenshots/ (needs Chromium)
	EXPLAINER_SCREENSHOTS=1 $(GO) test -count=1 -run Screenshots ./generator/internal/browsertest
