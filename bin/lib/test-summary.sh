#!/usr/bin/env bash
# Prints the totals of every Surefire (unit) and Failsafe (*IT) report under the checkout; with a
# second argument (a file), only of reports written after that file, so that modules a failed build
# skipped (and therefore did not clean) do not add an earlier run's results.
root="${1:-.}"
since="${2:-}"
newer=()
[ -n "$since" ] && [ -e "$since" ] && newer=(-newer "$since")

totals() { # <reports folder name> -> "tests failures errors skipped"
  find "$root" -path "*/target/$1/TEST-*.xml" "${newer[@]}" -print0 2>/dev/null |
    xargs -0 -r grep -h -o '<testsuite [^>]*>' |
    awk '
      function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
      { t += attr("tests"); f += attr("failures"); e += attr("errors"); s += attr("skipped") }
      END { printf "%d %d %d %d\n", t, f, e, s }'
}

read -r ut uf ue us <<<"$(totals surefire-reports)"
read -r it if_ ie is <<<"$(totals failsafe-reports)"
echo
echo "Unit tests (Surefire):        Tests run: $ut, Failures: $uf, Errors: $ue, Skipped: $us"
echo "Integration tests (Failsafe): Tests run: $it, Failures: $if_, Errors: $ie, Skipped: $is"
failed=$((uf + ue + if_ + ie))
echo "$((ut + it - failed - us - is)) passed, $failed failed, $((us + is)) skipped"
[ -z "$since" ] || echo "(reports written by this run only: modules it skipped are not counted)"
