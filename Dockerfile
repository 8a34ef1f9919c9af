# A container with the brochure binaries (brochure, and brochure-serve for
# "brochure serve") and nothing else, for CI:
#
#   docker build -t brochure --build-arg VERSION=$(git describe --tags) .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" -e SOURCE_DATE_EPOCH brochure build
#
# The working folder /work holds the content (brochures/), and layouts/,
# fonts/ and team.toml when they override the built-in ones; out/ is
# written there. The built-in layouts, brand and fonts are in the binary.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
# go.mod replaces fpdf with this folder (see third_party/fpdf/README.md).
COPY third_party/fpdf/go.mod third_party/fpdf/
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -ldflags "-s -w -X github.com/brochure-dev/brochure/internal/version.stamp=${VERSION}" -o /out/ ./cmd/brochure ./cmd/brochure-serve

FROM scratch
# brochure-serve beside brochure: "brochure serve" runs it.
COPY --from=build /out/brochure /out/brochure-serve /
# No root by default (the nobody of distroless images); run it with
# --user as above so that it may write out/ in the mounted folder.
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/brochure"]
