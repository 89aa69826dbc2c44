# lib.sh - helpers for end-to-end tests (sourced by tests/e2e/*.sh).
# Each check prints "ok - NAME" or "not ok - NAME"; tests/run.sh counts the lines.
# $LIT is the litsurvey binary under test, $ROOT the project, $TMP a fresh folder.
: "${ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${LIT:=$ROOT/build/asan/litsurvey}"
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0

ok()      { echo "ok - $*"; }
not_ok()  { echo "not ok - $*"; failed=1; }
# check NAME CMD...: passes when CMD exits 0; shows its output when it does not.
check() {
  name=$1; shift
  if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name"; printf '%s\n' "$out" | head -20 | sed 's/^/#   /'; fi
}
# check_exit NAME CODE CMD...: passes when CMD exits with CODE.
check_exit() {
  name=$1; want=$2; shift 2
  out=$("$@" 2>&1); got=$?
  if [ "$got" -eq "$want" ]; then ok "$name"; else not_ok "$name (exit $got, want $want)"; printf '%s\n' "$out" | head -20 | sed 's/^/#   /'; fi
}
# check_err NAME CODE REGEX CMD...: exits CODE and stderr matches REGEX (grep -E).
check_err() {
  name=$1; want=$2; re=$3; shift 3
  "$@" >"$TMP/.out" 2>"$TMP/.err"; got=$?
  if [ "$got" -eq "$want" ] && grep -Eq -- "$re" "$TMP/.err"; then ok "$name"
  else not_ok "$name (exit $got, want $want; stderr must match $re)"; head -10 "$TMP/.err" | sed 's/^/#   /'; fi
}
# golden NAME FILE EXPECTED: FILE must equal EXPECTED (UPDATE_GOLDEN=1 rewrites it).
golden() {
  name=$1; got=$2; want=$3
  if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$got" "$want"; ok "$name (golden updated)"; return; fi
  if cmp -s "$got" "$want"; then ok "$name"; else not_ok "$name (differs from $want)"; diff -u "$want" "$got" | head -30 | sed 's/^/#   /'; fi
}
