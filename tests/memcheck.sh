#!/bin/sh
# memcheck.sh - `make memcheck`: the end-to-end report build and a few commands (and their
# error paths) under valgrind --leak-check=full on the release binary. Any memory error or
# definite/indirect leak fails; tests/valgrind.supp holds the font and GLib caches.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${LIT:=$ROOT/build/rel/litsurvey}"
export SOURCE_DATE_EPOCH=1700000000
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
    --error-exitcode=99 --track-origins=yes --suppressions=$ROOT/tests/valgrind.supp --num-callers=30"
pass=0; fail=0
W="$TMP/w"; mkdir -p "$W/data" "$W/reports"
cp "$ROOT/tests/fixtures/report/"*.yaml "$W/data/"
cp -r "$ROOT/styles" "$W/styles"
cat >"$W/reports/demo.yaml" <<'SPEC'
title: Memcheck survey
catalog: ../data/catalog.yaml
style: talk
charts: [venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline]
formats: [pdf, svg, png]
spreadsheet: survey.xlsx
tables: [topics, venue-year, taxonomy, catalog]
bib: refs.bib
pdf: report.pdf
SPEC
C="-c $W/data/catalog.yaml"
printf 'papers:\n  - key: a\n    title: x\n    year: 1\n' >"$W/bad.yaml"

# vg NAME WANT CMD...: CMD under valgrind exits WANT (99 = valgrind found something);
# WANT "same" takes the exit code of a plain run.
vg() {
  name=$1; want=$2; shift 2
  if [ "$want" = same ]; then "$@" >/dev/null 2>&1; want=$?; fi
  $VG "$@" >"$TMP/out" 2>"$TMP/err"; got=$?
  if [ "$got" -eq "$want" ] && ! grep -q '^==[0-9]*==' "$TMP/err"; then
    echo "ok - $name"; pass=$((pass + 1))
  else
    echo "not ok - $name (exit $got, want $want)"; grep -A25 '^==[0-9]*==' "$TMP/err" | head -60 | sed 's/^/#   /'
    fail=$((fail + 1))
  fi
}
vg "build (every output)" 0 "$LIT" build -q "$W/reports/demo.yaml"
vg "stats" 0 "$LIT" stats $C --by topic-year
vg "check" same "$LIT" check $C
vg "chart timeline png (paper style)" 0 "$LIT" chart timeline $C --style paper -o "$TMP/t.png"
vg "chart topic-trend svg" 0 "$LIT" chart topic-trend $C -o "$TMP/t.svg"
vg "xlsx" 0 "$LIT" xlsx $C -o "$TMP/s.xlsx"
vg "latex catalog" 0 "$LIT" latex catalog $C -o "$TMP/c.tex"
vg "bib" 0 "$LIT" bib $C -o "$TMP/r.bib"
vg "bad catalog (error path)" 1 "$LIT" stats -c "$W/bad.yaml"
vg "bad style (error path)" 1 "$LIT" chart venues $C --style "$ROOT/tests/bad-input/style/bad-color.yaml" -o "$TMP/x.pdf"
vg "bad spec (error path)" 1 "$LIT" build "$ROOT/tests/bad-input/report/dotdot.yaml"
for f in "$ROOT"/tests/bad-input/bib/string-self.bib "$ROOT"/tests/bad-input/bib/truncated.bib "$ROOT"/tests/fixtures/bib/real.bib; do
  if "$LIT" import --help >/dev/null 2>&1; then
    vg "import $(basename "$f")" "$( [ "${f#*fixtures}" != "$f" ] && echo 0 || echo 1)" "$LIT" import "$f" -o "$TMP/i.yaml"
  fi
done
if "$LIT" import --help >/dev/null 2>&1; then
  for f in "$ROOT"/tests/fuzz-corpus/fuzz_md/*.md "$ROOT"/tests/bad-input/md/oxford-comma.md; do
    vg "import $(basename "$f")" same "$LIT" import -q "$f" -o "$TMP/m.yaml"
  done
  vg "import -m (merge into a catalog)" same "$LIT" import -q "$ROOT/tests/fixtures/bib/real.bib" -m "$W/data/catalog.yaml" -o "$TMP/m.yaml"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
