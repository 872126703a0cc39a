#!/usr/bin/env bash
# Applies renames-21.txt (issue 21's type renames) to the work tree: git mv the files, then the sed lines
# per scope. Idempotent: a second run changes nothing. Run from the repository root.
set -euo pipefail
spec=${1:-renames-21.txt}
declare -a scopes=() ; declare -A scripts=()
scope=.
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}; line=${line%"${line##*[![:space:]]}"}
  [[ -z $line ]] && continue
  read -r -a w <<<"$line"
  case ${w[0]} in
    @map) ;;
    @mv) if [[ -e ${w[1]} && ! -e ${w[2]} ]]; then git mv "${w[1]}" "${w[2]}"; fi ;;
    @scope) scope="${w[*]:1}"; [[ -v scripts[$scope] ]] || { scopes+=("$scope"); scripts[$scope]=""; } ;;
    s/*|/*) [[ -v scripts[$scope] ]] || { scopes+=("$scope"); scripts[$scope]=""; }; scripts[$scope]+="$line"$'\n' ;;
    *) echo "renames: cannot read: $line" >&2; exit 1 ;;
  esac
done <"$spec"
for s in "${scopes[@]}"; do
  if [[ $s == . ]]; then read -r -a paths <<<"src tests bench tools docs"; else read -r -a paths <<<"$s"; fi
  mapfile -t files < <(git ls-files -- "${paths[@]}" | grep -E '\.(cs|md|csproj|props)$' || true)
  ((${#files[@]})) && sed -E -i "${scripts[$s]}" "${files[@]}"
done
