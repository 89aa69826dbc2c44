#!/bin/sh
# run.sh - runs every unit test (release and sanitizer builds) and every end-to-end
# script (with the sanitizer binary), then prints one line "N passed, N failed".
# BUILDDIR (default build) picks the build; TESTS=PATTERN runs only tests whose name
# contains PATTERN.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
export ROOT
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86"
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export SOURCE_DATE_EPOCH=1700000000
log=$(mktemp); trap 'rm -f "$log"' EXIT
pass=0; fail=0
B=${BUILDDIR:-build}
want() { [ -z "${TESTS:-}" ] || case "$(basename "$1")" in *"$TESTS"*) return 0;; *) return 1;; esac; }

tally() { # NAME EXIT: count the ok/not ok lines of $log; a crash or a bad exit is a failure
  p=$(grep -c '^ok' "$log"); f=$(grep -c '^not ok' "$log")
  grep '^not ok' "$log" | sed "s|^|$1: |"
  [ "$f" -gt 0 ] && grep '^#' "$log" | head -40
  if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$1: exited with $2"; tail -15 "$log" | sed 's/^/#   /'; fi
  pass=$((pass + p)); fail=$((fail + f))
}

for build in rel asan; do
  for t in "$B"/$build/tests/test_*; do
    [ -x "$t" ] && want "$t" || continue
    "$t" >"$log" 2>&1; tally "$build/$(basename "$t")" $?
  done
done
for s in tests/e2e/*.sh; do
  [ -f "$s" ] && want "$s" || continue
  LIT="$ROOT/$B/asan/litsurvey" TOOLS="$ROOT/$B/asan/tools" sh "$s" >"$log" 2>&1
  tally "$(basename "$s")" $?
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
