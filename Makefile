# brochure: `make` builds every brochure into out/, `make test` runs the
# tests. Both need only Go; the tools the tests use to read PDFs
# (poppler-utils, qpdf, python3-pdfminer) are installed with apt-get when
# missing.

SHELL   := /bin/bash
GO      ?= go
BIN     := bin/brochure
OUT     := out
PDFTOOLS := pdftotext:poppler-utils pdffonts:poppler-utils pdfinfo:poppler-utils \
            pdftoppm:poppler-utils qpdf:qpdf pdf2txt:python3-pdfminer

.PHONY: all brochures binary test bench lint tools licenses clean

all: brochures

binary:
	$(GO) build -o $(BIN) ./cmd/brochure

brochures: binary
	./$(BIN) build --for screen,print --out $(OUT)

test: tools
	$(GO) test ./...

# Go benchmarks (time and allocations per brochure), the whole command on
# the real content (median of 15 runs), and a batch of 200 brochures made
# by the benchmark (cold, warm, peak RSS).
bench: binary
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./internal/build ./internal/typeset ./internal/font ./internal/hyphen ./internal/typography
	@tmp=$$(mktemp -d); \
	for i in $$(seq 15); do \
		s=$$(date +%s%N); ./$(BIN) build --force --out $$tmp/out >/dev/null || exit 1; e=$$(date +%s%N); \
		echo $$(( (e - s) / 1000000 )); \
	done | sort -n | awk '{ t[NR] = $$1 } END { printf "brochure build --force (all outputs): median %d ms, min %d ms, max %d ms over %d runs\n", t[int((NR+1)/2)], t[1], t[NR], NR }'; \
	rm -rf $$tmp
	$(GO) test -run '^$$' -bench 'Batch200|Recipients500' -benchtime 3x ./cmd/brochure

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

# tools installs the PDF tools the tests use, when they are missing.
tools:
	@missing=""; for pair in $(PDFTOOLS); do \
		cmd=$${pair%%:*}; pkg=$${pair##*:}; \
		command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		missing=$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' '); \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# licenses writes THIRD_PARTY_LICENSES, for release archives: the licence
# texts of Go's standard library and of every module compiled into the
# binary. A module without a licence file stops it.
licenses:
	@{ echo "Licences of the Go code compiled into brochure besides its own (LICENSE)."; echo; \
	echo "== Go standard library $$($(GO) env GOVERSION)"; cat "$$($(GO) env GOROOT)/LICENSE"; echo; \
	$(GO) list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/brochure | sort -u | \
	while read -r path version dir; do \
		echo "== $$path $$version"; found=; \
		for f in "$$dir"/LICEN[CS]E* "$$dir"/COPYING* "$$dir"/NOTICE*; do \
			[ -f "$$f" ] && { cat "$$f"; echo; found=1; }; \
		done; \
		[ -n "$$found" ] || { echo "$$path: no licence file" >&2; exit 1; }; \
	done; } > THIRD_PARTY_LICENSES.tmp && mv THIRD_PARTY_LICENSES.tmp THIRD_PARTY_LICENSES

clean:
	rm -rf bin $(OUT) THIRD_PARTY_LICENSES
