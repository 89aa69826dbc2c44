#!/bin/sh
# latex_pages.sh - every LaTeX table at every size, standalone and in the survey.tex a
# build writes, on the seed catalog and on a generated one of 10,000 papers: pdflatex
# reports no overfull box and no float too large for its page, the tables come in the
# order the spec names, and the PDF's text holds every topic and every paper
# (tests/tools/pdf_has_rows.py).
. "$(dirname "$0")/../lib.sh"
if ! command -v pdflatex >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  not_ok "pdflatex and pdftotext are installed (make test-deps)"; exit 1
fi
TABLES="topics venue-year taxonomy catalog"
HAS="$PY $ROOT/tests/tools/pdf_has_rows.py"

tex() { (cd "$1" && pdflatex -halt-on-error -no-shell-escape -interaction=nonstopmode "$2" >/dev/null 2>&1); }
# clean NAME LOG: no error, no overfull box of any size, no float taller than its page.
clean() {
  bad=$(grep -E '^!|^Overfull|Float too large|Citation .* undefined' "$2" | head -5)
  if [ -z "$bad" ] && [ -f "${2%.log}.pdf" ]; then ok "$1"; else not_ok "$1"; printf '%s\n' "$bad" | sed 's/^/#   /'; fi
}

# setup NAME CATALOG: the catalog with the project's venues and topics in $TMP/NAME/data,
# and what litsurvey counts in it (topics and venues as the tables name them).
setup() {
  D=$TMP/$1
  mkdir -p "$D/data" "$D/reports"
  cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" "$D/data/"
  [ "$2" = "$D/data/catalog.yaml" ] || cp "$2" "$D/data/catalog.yaml"
  "$LIT" stats -c "$D/data/catalog.yaml" --by topic --format csv >"$D/topics.csv"
  "$LIT" stats -c "$D/data/catalog.yaml" --by venue --format csv >"$D/venues.csv"
}
has() { $HAS "$D/data/catalog.yaml" "$D/data/topics.yaml" "$D/topics.csv" "$D/venues.csv" "$@"; }

# run NAME: each table standalone, then survey.tex with every table and the bibliography.
run() {
  n=$1
  mkdir -p "$D/sa"
  jobs=""
  for t in $TABLES; do
    "$LIT" latex "$t" -q -c "$D/data/catalog.yaml" --standalone -o "$D/sa/$t.tex"
    tex "$D/sa" "$t" && tex "$D/sa" "$t"
    clean "$n: standalone $t compiles with no overfull box" "$D/sa/$t.log"
    pdftotext -raw "$D/sa/$t.pdf" "$D/sa/$t.txt" 2>/dev/null
    jobs="$jobs $t:$D/sa/$t.txt:keys"   # (keys: printed where the table cites)
  done
  check "$n: standalone tables show every topic and paper (names, titles, keys)" has $jobs

  printf '%s\n' 'title: Tables' 'catalog: ../data/catalog.yaml' 'tables: [topics, venue-year, taxonomy, catalog]' \
    'bib: refs.bib' >"$D/reports/s.yaml"
  check "$n: build writes survey.tex" "$LIT" build -q "$D/reports/s.yaml"
  O=$D/reports/s
  tex "$O" survey && (cd "$O" && bibtex survey >bibtex.out 2>&1); tex "$O" survey && tex "$O" survey
  clean "$n: survey.tex compiles with no overfull box" "$O/survey.log"
  if grep -q 'Warning--' "$O/survey.blg" 2>/dev/null; then
    echo "# note: $n: bibtex warns $(grep -c 'Warning--' "$O/survey.blg") times ($(grep -m1 'Warning--' "$O/survey.blg"))"
  fi
  pdftotext -raw "$O/survey.pdf" "$O/survey.txt" 2>/dev/null
  check "$n: survey.pdf shows every topic and paper" has "survey:$O/survey.txt"
  # captions in the spec's order: no float drifts past the next table
  tr -d '\f' <"$O/survey.txt" | grep -E '^Table [0-9]+: ' >"$O/order.txt"   # (a page starts with \f)
  check "$n: survey.pdf has the tables in the spec's order ($(cut -c1-24 "$O/order.txt" | tr '\n' ';'))" \
    awk 'NR == 1 && !/^Table 1: Surveyed systems/ || NR == 2 && !/^Table 2: Papers per venue/ ||
         NR == 3 && !/^Table 3: Taxonomy/ || NR == 4 && !/^Table 4: Catalog/ { exit 1 } END { if (NR != 4) exit 1 }' "$O/order.txt"
}

# --- the seed catalog ---
setup seed "$ROOT/data/catalog.yaml"
run seed
# every system of every topic, not only the first 20 (the longest rows are split)
"$LIT" latex topics -q -c "$D/data/catalog.yaml" --max-cites 0 --standalone -o "$D/sa/all.tex"
tex "$D/sa" all && tex "$D/sa" all
clean "seed: topics --max-cites 0 compiles with no overfull box" "$D/sa/all.log"
pdftotext -raw "$D/sa/all.pdf" "$D/sa/all.txt" 2>/dev/null
check "seed: topics --max-cites 0 shows every paper of every topic" has "topics:$D/sa/all.txt:all:keys"
# standalone with a .bib: the table first, then the references
"$LIT" bib -q -c "$D/data/catalog.yaml" -o "$D/sa/refs.bib" 2>/dev/null
for t in topics taxonomy; do
  "$LIT" latex "$t" -q -c "$D/data/catalog.yaml" --standalone --bib "$D/sa/refs.bib" -o "$D/sa/bib-$t.tex"
  tex "$D/sa" "bib-$t" && (cd "$D/sa" && bibtex "bib-$t" >/dev/null 2>&1); tex "$D/sa" "bib-$t" && tex "$D/sa" "bib-$t"
  clean "seed: standalone $t --bib compiles with no overfull box" "$D/sa/bib-$t.log"
  check "seed: standalone $t --bib opens with the table, not the references" sh -c "
    pdftotext -f 1 -l 1 '$D/sa/bib-$t.pdf' - | grep -q '^Table 1: ' && ! pdftotext -f 1 -l 1 '$D/sa/bib-$t.pdf' - | grep -q '^References'"
done
# the taxonomy's header is one row of short labels, whatever the number of pages
p1=$(pdftotext -raw "$O/survey.pdf" - | grep -c 'Table 3 (continued)')
check "seed: the taxonomy takes at most 6 pages ($((p1 + 1)))" test "$p1" -le 5

# --- 10,000 generated papers ---
if [ -x "${TOOLS:-}/gen_catalog" ]; then
  mkdir -p "$TMP/big/data"
  "$TOOLS/gen_catalog" --venues "$ROOT/data/venues.yaml" --topics "$ROOT/data/topics.yaml" \
    -o "$TMP/big/data/catalog.yaml" 10000
  setup big "$TMP/big/data/catalog.yaml"
  run 10k
else
  ok "# SKIP gen_catalog not built"
fi
exit $failed
