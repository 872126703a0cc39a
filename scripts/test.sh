#!/usr/bin/env bash
# Runs every test of the solution against real components (fonts, HarfBuzz, poppler, qpdf).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# The code stays as dotnet format writes it (.editorconfig): a file out of format fails the run, named.
dotnet format FormArchive.sln --verify-no-changes --no-restore
# Lines of every C# file under src/ stay within .editorconfig's max_line_length (160 characters, not bytes; dotnet
# format does not check it), named file:line. tests/ is not checked yet (it has lines over 160).
long=$(git ls-files 'src/*.cs' \
  | xargs -d '\n' -r env LC_ALL=C.UTF-8 perl -CSD -ne 'print "$ARGV:$.: line of ", length($_) - 1, " characters\n" if length($_) - 1 > 160; close ARGV if eof')
if [ -n "$long" ]; then echo "$long" >&2; echo "lines over 160 characters" >&2; exit 1; fi
log=$(mktemp)
set +e
dotnet test FormArchive.sln -c Release --no-restore --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain summary line that any CI reads: "N passed, N failed".
passed=$( (grep -Eo 'Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -Eo 'Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
