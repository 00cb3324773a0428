# The two commands of the README: `make build` builds the site into public/,
# `make test` runs every check and test. Both need only Go; the browser tests
# also use Chromium when it is installed (see .ci/run).

GO ?= go

.PHONY: build check test clean bench

build:
	$(GO) run ./generator build

check:
	$(GO) run ./generator check

test:
	$(GO) vet ./...
	$(GO) test ./...

clean:
	rm -rf public

# Measures the build against the floor and Hugo on synthetic corpora; takes
# minutes. BENCHMARKS.md explains it. Not part of `make test`.
BENCH_FLAGS ?=
bench:
	$(GO) run ./bench $(BENCH_FLAGS)
