# brochure: `make` builds every brochure into out/, `make test` runs the
# tests. Both need only Go; the tools the tests use to read PDFs
# (poppler-utils, qpdf, python3-pdfminer, ghostscript), to rasterise SVGs (librsvg2-bin)
# the browser the web page's tests drive (chromium) and a fallback font
# with Chinese, Japanese and Korean (fonts-droid-fallback) are installed
# with apt-get when missing.

SHELL   := /bin/bash
GO      ?= go
BIN     := bin/brochure
OUT     := out
# VERSION names the build: PDFs carry it as their Creator and the manifest
# records it. It comes from git describe; without git, the binary falls
# back on Go's build information.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
# LINUX is set on Linux, where the program's segments start on 2 MiB and
# hugetext (below) rewrites it.
LINUX   := $(filter Linux,$(shell uname -s))
LDFLAGS := -ldflags "$(if $(LINUX),-R=0x200000) $(if $(VERSION),-X github.com/brochure-dev/brochure/internal/version.stamp=$(VERSION))"
# The binary is static (no dynamic loader at each start: nothing needs
# cgo) and leaves out the CLI library's man-page and Markdown generators,
# whose Markdown parser compiles regular expressions at every start.
TAGS    := urfave_cli_no_docs
BUILDFLAGS := -trimpath -tags $(TAGS) $(LDFLAGS)
PDFTOOLS := pdftotext:poppler-utils pdffonts:poppler-utils pdfinfo:poppler-utils \
            pdftoppm:poppler-utils pdfimages:poppler-utils qpdf:qpdf pdf2txt:python3-pdfminer gs:ghostscript \
            rsvg-convert:librsvg2-bin chromium:chromium \
            /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf:fonts-droid-fallback

.PHONY: all brochures binary test bench bench-check bench-counts valgrind lint tools pictures licenses clean

all: brochures

# hugetext writes the program $(1) again so that Linux maps it with huge
# pages where it can: every start takes 2 to 4 ms less on the virtual
# machines brochure is measured on (internal/hugetext; README,
# "Start-up"). Elsewhere it changes nothing.
hugetext = $(if $(LINUX),$(GO) run ./internal/hugetext $(1),true)

# brochure and brochure-serve, which "brochure serve" runs: the server is
# a program of its own so that the other commands do not initialise the
# HTTP stack at every start. Install them side by side.
binary:
	CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o $(dir $(BIN)) ./cmd/brochure ./cmd/brochure-serve
	$(call hugetext,$(BIN))

brochures: binary
	./$(BIN) build --for screen,print --out $(OUT)

test: tools
	$(GO) test ./...

# Go benchmarks (time and allocations per brochure), the whole command on
# the real content for --help, one brochure, the same for print and every
# output (bench/wall: medians of 21 rounds, the commands taking turns, with
# the floors of starting /bin/true and an empty static Go program, and
# brochure built to exit before main, given one brochure's command line:
# what starting it costs before a command runs), a batch
# of 400 distinct brochures made by the benchmark (cold, warm, peak RSS),
# and the instruction counts that bench-check compares.
bench: binary valgrind
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./internal/build ./internal/pdf ./internal/typeset ./internal/font ./internal/hyphen ./internal/typography ./internal/svg ./internal/design
	@tmp=$$(mktemp -d); \
	CGO_ENABLED=0 $(GO) build -o $$tmp/floor ./bench/floor && \
	CGO_ENABLED=0 $(GO) build -trimpath -tags $(TAGS),startonly $(LDFLAGS) -o $$tmp/start ./cmd/brochure && \
	$(call hugetext,$$tmp/start) && \
	$(GO) run ./bench/wall -n 21 /bin/true $$tmp/floor \
		"$$tmp/start build sre --lang fr --layout a4 --force --out $$tmp/one" "./$(BIN) --help" \
		"./$(BIN) build sre --lang fr --layout a4 --force --out $$tmp/one" \
		"./$(BIN) build sre --lang fr --layout a4 --for print --force --out $$tmp/print" \
		"./$(BIN) build --for screen,print --force --out $$tmp/out"; \
	status=$$?; rm -rf $$tmp; exit $$status
	$(GO) test -run '^$$' -bench 'Batch400|Recipients500|Serve' -benchtime 3x ./cmd/brochure
	sh bench/counts.sh $(BIN) | tee bench/last.txt
	@sh bench/check.sh bench/instructions.txt bench/last.txt || true

# bench-check fails when an instruction count in bench/instructions.txt
# grew by more than 10 %, or a page fault count by more than 25 % (see
# bench/check.sh). It is not part of make test: it takes a minute.
bench-check: binary valgrind
	sh bench/counts.sh $(BIN) > bench/last.txt
	sh bench/check.sh bench/instructions.txt bench/last.txt

# bench-counts records the current instruction counts; commit the file.
bench-counts: binary valgrind
	sh bench/counts.sh $(BIN) > bench/instructions.txt
	cat bench/instructions.txt

# valgrind installs valgrind (for callgrind) and GNU time (for page
# faults) when they are missing.
valgrind:
	@command -v valgrind >/dev/null 2>&1 && [ -x /usr/bin/time ] || { \
		echo "installing: valgrind time"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq valgrind time >/dev/null; }

# actionlint checks the workflow in docs/ci.md (its yaml block, the other
# lines blanked so that line numbers are the file's); it is installed with
# go install when missing.
ACTIONLINT_VERSION := v1.7.12

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@bin=$$(command -v actionlint || true); \
	if [ -z "$$bin" ]; then \
		gobin=$$($(GO) env GOBIN); bin=$${gobin:-$$($(GO) env GOPATH)/bin}/actionlint; \
		[ -x "$$bin" ] || { echo "installing actionlint $(ACTIONLINT_VERSION)"; \
			$(GO) install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION) || exit 1; }; \
	fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	awk '/^```yaml$$/ { on = 1; print ""; next } /^```$$/ { on = 0 } { print on ? $$0 : "" }' docs/ci.md > $$tmp/ci.yml; \
	grep -q '^jobs:' $$tmp/ci.yml || { echo "docs/ci.md: no workflow in a yaml block"; exit 1; }; \
	"$$bin" -pyflakes= $$tmp/ci.yml | sed -E 's|^[^:]*ci\.yml:|docs/ci.md:|'; \
	exit $${PIPESTATUS[0]}

# tools installs the PDF and SVG tools the tests use, when they are
# missing, and Mozilla's pdf.js (npm ci, from package-lock.json), which a
# test reads tagged PDFs with, when Node is there and pdf.js is not.
PDFJS := internal/pdf/testdata/pdfjs

tools:
	@missing=""; for pair in $(PDFTOOLS); do \
		cmd=$${pair%%:*}; pkg=$${pair##*:}; \
		{ command -v $$cmd >/dev/null 2>&1 || [ -e "$$cmd" ]; } || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		missing=$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' '); \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@if [ ! -d $(PDFJS)/node_modules ] && command -v npm >/dev/null 2>&1; then \
		echo "installing: pdfjs-dist (npm ci in $(PDFJS))"; \
		cd $(PDFJS) && npm ci --omit=optional --no-audit --no-fund --loglevel=error >/dev/null; \
	fi

# pictures draws the README's page pictures into docs/pages/ with
# `brochure build --format svg` (the builds are listed in
# cmd/brochure/pictures_test.go, which checks that they are up to date).
pictures:
	$(GO) test ./cmd/brochure -run '^TestREADMEPictures$$' -count 1 -args -update

# licenses writes THIRD_PARTY_LICENSES, for release archives: the licence
# texts of Go's standard library and of every module compiled into the
# binaries. A module without a licence file stops it.
licenses:
	@{ echo "Licences of the Go code compiled into brochure and brochure-serve besides their own (LICENSE)."; echo; \
	echo "== Go standard library $$($(GO) env GOVERSION)"; cat "$$($(GO) env GOROOT)/LICENSE"; echo; \
	$(GO) list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/brochure ./cmd/brochure-serve | sort -u | \
	while read -r path version dir; do \
		echo "== $$path $$version"; found=; \
		for f in "$$dir"/LICEN[CS]E* "$$dir"/COPYING* "$$dir"/NOTICE*; do \
			[ -f "$$f" ] && { cat "$$f"; echo; found=1; }; \
		done; \
		[ -n "$$found" ] || { echo "$$path: no licence file" >&2; exit 1; }; \
	done; } > THIRD_PARTY_LICENSES.tmp && mv THIRD_PARTY_LICENSES.tmp THIRD_PARTY_LICENSES

clean:
	rm -rf bin $(OUT) THIRD_PARTY_LICENSES
