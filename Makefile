# brochure: `make` builds every brochure into out/, `make test` runs the
# tests. Both need only Go; the tools the tests use to read PDFs
# (poppler-utils, qpdf, python3-pdfminer) are installed with apt-get when
# missing.

GO      ?= go
BIN     := bin/brochure
OUT     := out
# VERSION names the build: PDFs carry it as their Creator and the manifest
# records it. It comes from git describe; without git, the binary falls
# back on Go's build information.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
LDFLAGS := $(if $(VERSION),-ldflags "-X github.com/brochure-dev/brochure/internal/version.stamp=$(VERSION)")
# The binary is static (no dynamic loader at each start: nothing needs
# cgo) and leaves out the CLI library's man-page and Markdown generators,
# whose Markdown parser compiles regular expressions at every start.
BUILDFLAGS := -trimpath -tags urfave_cli_no_docs $(LDFLAGS)
PDFTOOLS := pdftotext:poppler-utils pdffonts:poppler-utils pdfinfo:poppler-utils \
            pdftoppm:poppler-utils qpdf:qpdf pdf2txt:python3-pdfminer

.PHONY: all brochures binary test bench lint tools clean

all: brochures

binary:
	CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o $(BIN) ./cmd/brochure

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
	$(GO) test -run '^$$' -bench Batch200 -benchtime 3x ./cmd/brochure

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

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

clean:
	rm -rf bin $(OUT)
