#!/usr/bin/env bash
# Runs every test of the solution against real components (fonts, HarfBuzz, poppler, qpdf).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
# The code stays as dotnet format writes it (.editorconfig): a file out of format fails the run, named. Format checks
# what the build cannot: whitespace and the order of usings. The style and CA rules are the build's (below): format's
# own pass over every analyzer cost as much again (--diagnostics IDE0055 leaves it out; docs/measurements.md, CI time).
dotnet format FormArchive.sln --verify-no-changes --no-restore --diagnostics IDE0055
# Lines of every C# file under src/ stay within .editorconfig's max_line_length (160 characters, not bytes; dotnet
# format does not check it), named file:line. tests/ is not checked yet (it has lines over 160).
long=$(git ls-files 'src/*.cs' \
  | xargs -d '\n' -r env LC_ALL=C.UTF-8 perl -CSD -ne 'print "$ARGV:$.: line of ", length($_) - 1, " characters\n" if length($_) - 1 > 160; close ARGV if eof')
if [ -n "$long" ]; then echo "$long" >&2; echo "lines over 160 characters" >&2; exit 1; fi
# Built once, with the analyzers: the style and CA rules of .editorconfig are enforced here (warnings are errors).
dotnet build FormArchive.sln -c Release --no-restore
# Then the test projects, as many at once as there are cores (as dotnet test of the solution ran them) but longest
# first and none waiting for a build, so that the long ones do not start last (docs/measurements.md, CI time). A
# project not named here (a new one) runs after them. Each project's output is printed whole when it ends.
longest_first=(Api Cli Web Templates Archive Renderer Casework Ingest Domain)
projects=$( { for p in "${longest_first[@]}"; do echo "tests/FormArchive.$p.Tests/FormArchive.$p.Tests.csproj"; done
              git ls-files 'tests/*.csproj'; } | awk '!seen[$0]++' | while read -r p; do if [ -f "$p" ]; then echo "$p"; fi; done)
results=$(mktemp -d)
run_tests() { # PROJECT [dotnet test arguments…]
  local log status
  log="$results/$(basename "$1" .csproj).log"
  dotnet test "$1" -c Release --no-build --logger "console;verbosity=normal" "${@:2}" > "$log" 2>&1
  status=$?
  flock "$results" cat "$log"
  return "$status"
}
export -f run_tests
export results
set +e
printf '%s\n' "$projects" | xargs -d '\n' -P "$(nproc)" -I{} bash -c 'run_tests "$@"' run_tests {} "$@"
status=$?  # xargs: 123 when a project failed
set -e
if [ "$status" -ne 0 ]; then status=1; fi
# One plain summary line that any CI reads: "N passed, N failed".
passed=$( (cat "$results"/*.log | grep -Eo 'Passed: +[0-9]+' || true) | awk '{s+=$2} END {print s+0}')
failed=$( (cat "$results"/*.log | grep -Eo 'Failed: +[0-9]+' || true) | awk '{s+=$2} END {print s+0}')
rm -rf "$results"
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
exit "$status"
