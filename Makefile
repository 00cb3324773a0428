# The two commands of the README: `make build` builds the site into public/,
# `make test` runs every check and test. Both need only Go; the browser tests
# also use Chromium when it is installed (see .ci/run).

GO ?= go

.PHONY: build check test clean serve new status translated fuzz race bench bench-test

build:
	$(GO) run ./generator build

check:
	$(GO) run ./generator check

test:
	$(GO) vet ./...
	$(GO) test ./...

clean:
	rm -rf public

# The editors' commands (content/README.md explains them):
#   make serve [DRAFTS=1]                 preview at http://127.0.0.1:1313/, reloading on every save
#   make new SLUG=<slug> [SECTOR=<id>]    start a barrier in every language
#   make status                           which translations are missing or behind
#   make translated F=<file or slug>      record that a translation has caught up
serve:
	$(GO) run ./generator serve $(if $(DRAFTS),-drafts)

new:
	@test -n "$(SLUG)" || { echo "usage: make new SLUG=<slug> [SECTOR=<id>]" >&2; exit 2; }
	$(GO) run ./generator new $(SLUG) $(if $(SECTOR),-sector $(SECTOR))

status:
	$(GO) run ./generator status

translated:
	@test -n "$(F)" || { echo "usage: make translated F=<file or slug>" >&2; exit 2; }
	$(GO) run ./generator translated $(F)

# A short run of every fuzz target (FUZZTIME each); new failing inputs land
# in the package's testdata/fuzz, where they stay as regression cases.
# A count of executions, not a duration: Go 1.26's fuzzing coordinator can
# report "context deadline exceeded" as a failure when a duration runs out
# while a worker is busy, with no failing input at all.
FUZZTIME ?= 20000x
FUZZ_TARGETS = \
	FuzzFrontMatter:./generator/internal/content \
	FuzzFastFrontMatter:./generator/internal/content \
	FuzzFingerprint:./generator/internal/content \
	FuzzConvert:./generator/internal/markdown \
	FuzzLinks:./generator/internal/markdown \
	FuzzHeadingID:./generator/internal/markdown \
	FuzzCollapseSpace:./generator/internal/markdown \
	FuzzHighlight:./generator/internal/markdown \
	FuzzMarkLanguages:./generator/internal/render \
	FuzzScore:./generator/internal/search \
	FuzzTable:./generator/internal/search \
	FuzzEscapers:./generator/internal/tmplrun

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "$(GO) test -run='^$$' -fuzz='^$${t%%:*}$$' -fuzztime=$(FUZZTIME) $${t#*:}"; \
		$(GO) test -run='^$$' -fuzz="^$${t%%:*}\$$" -fuzztime=$(FUZZTIME) "$${t#*:}"; \
	done

# The tests under the race detector (needs a C compiler). -short skips the
# test that kills real builds: it runs no Go code of ours concurrently.
race:
	$(GO) test -race -short ./generator/...

# Measures the build against the floor and Hugo on synthetic corpora; takes
# minutes. BENCHMARKS.md explains it. Not part of `make test`.
BENCH_FLAGS ?=
bench:
	$(GO) run ./bench $(BENCH_FLAGS)

# The harness's own tests, with those that build the generator and run it
# the way the harness does (`make test` skips these).
bench-test:
	EXPLAINER_BENCH_TESTS=1 $(GO) test ./bench
