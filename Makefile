# The two commands of the README: `make build` builds the site into public/,
# `make test` runs every check and test. Both need only Go; the browser tests
# also use Chromium when it is installed (see .ci/run).

GO ?= go

.PHONY: build check test clean fuzz race

build:
	$(GO) run ./generator build

check:
	$(GO) run ./generator check

test:
	$(GO) vet ./...
	$(GO) test ./...

clean:
	rm -rf public

# A short run of every fuzz target (FUZZTIME each); new failing inputs land
# in the package's testdata/fuzz, where they stay as regression cases.
FUZZTIME ?= 10s
FUZZ_TARGETS = \
	FuzzFrontMatter:./generator/internal/content \
	FuzzConvert:./generator/internal/markdown \
	FuzzLinks:./generator/internal/markdown \
	FuzzHeadingID:./generator/internal/markdown

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "$(GO) test -run='^$$' -fuzz='^$${t%%:*}$$' -fuzztime=$(FUZZTIME) $${t#*:}"; \
		$(GO) test -run='^$$' -fuzz="^$${t%%:*}\$$" -fuzztime=$(FUZZTIME) "$${t#*:}"; \
	done

# The tests under the race detector (needs a C compiler). -short skips the
# test that kills real builds: it runs no Go code of ours concurrently.
race:
	$(GO) test -race -short ./generator/...
