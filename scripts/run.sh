#!/usr/bin/env bash
# Runs the FormArchive service on embedded defaults (http://127.0.0.1:5080; data under ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec dotnet run --project src/FormArchive.Api -c Release -- --urls "${FORMARCHIVE_URLS:-http://127.0.0.1:5080}" "$@"
