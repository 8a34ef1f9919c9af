#!/bin/sh
# update.sh VERSION: replaces this copy of codeberg.org/go-pdf/fpdf with
# the package files of VERSION (its tests, examples, tools and
# contributed packages left out), then applies nogob.patch. Run it from
# the repository's root, then set VERSION in go.mod's require line and
# run make test. If the patch no longer applies, redo by hand what
# README.md in this folder says it does, and write the patch anew:
#   git diff -- third_party/fpdf ':!third_party/fpdf/nogob.patch' > third_party/fpdf/nogob.patch
# after committing the unpatched files.
set -eu
version=$1
here=third_party/fpdf
src=$(go mod download -json "codeberg.org/go-pdf/fpdf@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$src" ] || { echo "update.sh: codeberg.org/go-pdf/fpdf@$version not downloaded" >&2; exit 1; }
find "$here" -maxdepth 1 -name '*.go' -delete
rm -rf "$here/font_embed"
for f in "$src"/*.go; do
	case $f in *_test.go) ;; *) cp "$f" "$here/" ;; esac
done
cp -r "$src/font_embed" "$src/LICENSE" "$here/"
chmod -R u+w "$here"
git apply "$here/nogob.patch"
echo "codeberg.org/go-pdf/fpdf $version copied and patched; now set it in go.mod and run make test"
