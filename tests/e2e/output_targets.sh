#!/bin/sh
# output_targets.sh - every output command (issue 18) writes to what is not a regular file:
# /dev/null, /dev/stdout (also appended to a file), a pipe, a FIFO, a link to a device,
# the same bytes as to a file; /dev/full, a closed stdout and `-o -` into /dev/full are a
# located I/O error (exit 3); a folder as -o is one too. `litsurvey build` on a disk that
# fills up (ulimit -f) and into a report folder that is a link or a FIFO. A crash or a
# sanitizer report is a failure of its case whatever the exit code.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
CAT=data/catalog.yaml   # 219 papers: every output is larger than a stdio buffer
export TMPDIR="$TMP/tmpdir"   # where the workbook for a stream is made: checked empty at the end
mkdir "$TMPDIR"

# One function per command, the output file as $1.
out_xlsx()      { "$LIT" xlsx -q -c $CAT -o "$1"; }
out_chart_pdf() { "$LIT" chart timeline -q -c $CAT --format pdf -o "$1"; }
out_chart_svg() { "$LIT" chart venues -q -c $CAT --format svg -o "$1"; }
out_chart_png() { "$LIT" chart topic-heatmap -q -c $CAT --format png -o "$1"; }
out_chart_csv() { "$LIT" chart years -q -c $CAT -o "$TMP/years.pdf" --data "$1"; }
out_latex()     { "$LIT" latex catalog -q -c $CAT -o "$1"; }
out_bib()       { "$LIT" bib -q -c $CAT -o "$1"; }
out_stats()     { "$LIT" stats -q -c $CAT --by topic-year --format csv -o "$1"; }
out_import()    { "$LIT" import -q tests/fixtures/import/*.md -o "$1"; }
CMDS="xlsx chart_pdf chart_svg chart_png chart_csv latex bib stats import"
REL=$(dirname "$LIT")/../rel/litsurvey

# crashed RC: the last run died of a signal or a sanitizer spoke ($TMP/err holds its stderr).
crashed() {
  [ "$1" -ge 128 ] || [ "$1" -eq 86 ] || grep -Eq 'runtime error|Sanitizer|SEGV' "$TMP/err"
}
# case_ok NAME RC WANT_RC [REGEX]: the exit code, no crash, stderr matching REGEX.
case_ok() {
  name=$1; rc=$2; want=$3; re=${4:-}
  if crashed "$rc"; then not_ok "$name (crashed: exit $rc)"; head -5 "$TMP/err" | sed 's/^/#   /'
  elif [ "$rc" -ne "$want" ]; then not_ok "$name (exit $rc, want $want)"; head -5 "$TMP/err" | sed 's/^/#   /'
  elif [ -n "$re" ] && ! grep -Eq -- "$re" "$TMP/err"; then not_ok "$name (stderr must match $re)"; head -5 "$TMP/err" | sed 's/^/#   /'
  else ok "$name"; fi
}
same() { # NAME FILE: FILE has the bytes of the regular-file run
  if cmp -s "$TMP/ref" "$2"; then ok "$1: same bytes as a file"; else not_ok "$1: bytes differ from a file"; fi
}

# targets CMD NAME [all]: the command against the issue's four targets (/dev/null,
# /dev/stdout, a pipe, /dev/full), and with "all" against the other non-regular ones.
targets() {
  c=$1; n=$2
  out_$c "$TMP/ref" 2>"$TMP/err"; case_ok "$n: a regular file" $? 0
  out_$c /dev/null 2>"$TMP/err"; case_ok "$n: /dev/null" $? 0
  printf 'kept\n' >"$TMP/app"
  out_$c /dev/stdout >>"$TMP/app" 2>"$TMP/err"; case_ok "$n: /dev/stdout appended to a file" $? 0
  { printf 'kept\n'; cat "$TMP/ref"; } >"$TMP/want-app"
  check "$n: /dev/stdout appends the bytes of a file to what the file held" cmp "$TMP/want-app" "$TMP/app"
  # a pipe: the exit code goes through a file, the bytes through cat
  { out_$c /dev/stdout 2>"$TMP/err"; echo $? >"$TMP/rc"; } | cat >"$TMP/piped"
  case_ok "$n: /dev/stdout into a pipe" "$(cat "$TMP/rc")" 0
  same "$n: a pipe" "$TMP/piped"
  out_$c /dev/full 2>"$TMP/err"; case_ok "$n: /dev/full" $? 3 "^/dev/full: error: cannot write.*: No space left on device"
  [ "${3:-}" = all ] || return 0

  out_$c "$TMP/null-link" 2>"$TMP/err"; case_ok "$n: a link to /dev/null" $? 0
  check "$n: the link to /dev/null is still a link" test -L "$TMP/null-link" -a -c /dev/null
  timeout 60 cat "$TMP/fifo" >"$TMP/fifo-out" & reader=$!
  out_$c "$TMP/fifo" 2>"$TMP/err"; rc=$?
  wait $reader
  case_ok "$n: a FIFO" $rc 0
  same "$n: a FIFO" "$TMP/fifo-out"
  check "$n: the FIFO is still a FIFO" test -p "$TMP/fifo"
  out_$c - >/dev/full 2>"$TMP/err"; case_ok "$n: -o - into /dev/full" $? 3 "^<stdout>: error: cannot write"
  out_$c "$TMP/fd1-link" >&- 2>"$TMP/err"; case_ok "$n: a link to a closed stdout" $? 3 "fd1-link: error: cannot write: Bad file descriptor"
  check "$n: the link to the closed stdout is still a link" test -L "$TMP/fd1-link"
  out_$c "$TMP/folder" 2>"$TMP/err"; case_ok "$n: a folder" $? 3 "folder: error: cannot write: is a folder"
  check "$n: nothing left in the folder or beside the outputs" test -z "$(ls -A "$TMP/folder")" -a \
    -z "$(ls -A "$TMP" | grep '^\.')"
}
mkdir "$TMP/folder"
ln -s /dev/null "$TMP/null-link"
ln -s /proc/self/fd/1 "$TMP/fd1-link"
mkfifo "$TMP/fifo"
ASAN=$LIT
for c in $CMDS; do targets $c "asan $c" all; done
# the release build too, where a crash is a signal rather than a report
if [ -x "$REL" ]; then
  LIT=$REL
  for c in $CMDS; do targets $c "release $c"; done
  LIT=$ASAN
else
  ok "# SKIP no release build beside $LIT"
fi
check "no temporaries left in TMPDIR" test -z "$(ls -A "$TMPDIR")"

# A chart's format comes from its name, or --format; a name without it is a usage error.
"$LIT" chart years -q -c $CAT -o /dev/null 2>"$TMP/err"; case_ok "chart: /dev/null without --format" $? 2 "give --format"
"$LIT" chart years -q -c $CAT --format gif -o /dev/null 2>"$TMP/err"; case_ok "chart: --format gif" $? 2 "pdf, svg or png"
"$LIT" chart years -q -c $CAT --format svg -o - >"$TMP/years.svg" 2>"$TMP/err"; case_ok "chart: -o - with --format svg" $? 0
check "chart: the SVG on stdout renders" rsvg-convert -o "$TMP/years-svg.png" "$TMP/years.svg"
"$LIT" xlsx -c $CAT -o /dev/null 2>"$TMP/err"; case_ok "xlsx: no .xlsx warning for a device" $? 0
check "xlsx: stderr is quiet for /dev/null" test ! -s "$TMP/err"

# build: every output is a file in a fresh folder, so a device cannot be named; a disk
# that fills up (ulimit -f, SIGXFSZ ignored: writes fail with EFBIG) fails the build
# with exit 3 and leaves the earlier report as it was.
W="$TMP/work"
mkdir -p "$W/reports"
spec() { # NAME "KEY: VALUE"...: writes reports/NAME.yaml
  f=$W/reports/$1.yaml; shift
  { echo "title: Targets"; echo "catalog: $ROOT/$CAT"; for l in "$@"; do echo "$l"; done; } >"$f"
}
spec all "charts: [venues, timeline]" "formats: [pdf, svg, png]" "spreadsheet: survey.xlsx" \
  "tables: [topics, catalog]" "bib: refs.bib" "pdf: report.pdf"
"$LIT" build -q "$W/reports/all.yaml" 2>"$TMP/err"; case_ok "build: a complete build" $? 0
(cd "$W/reports/all" && ls -lR && cat ./*.tex ./*.bib ./*.csv) >"$TMP/before" 2>&1
filling() { # BLOCKS CMD...: CMD may write BLOCKS blocks to a file; stderr through a pipe
  # into $TMP/err (a file of its own would be limited too), the exit code into $TMP/rc
  { (trap '' XFSZ; ulimit -f "$1"; shift; exec "$@") 2>&1 >/dev/null; echo $? >"$TMP/rc"; } | cat >"$TMP/err"
}
for blocks in 1 8 64; do
  filling $blocks "$LIT" build -q "$W/reports/all.yaml"
  case_ok "build: the disk fills up after $blocks blocks" "$(cat "$TMP/rc")" 3 "all/[^:]*: error: cannot write"
  (cd "$W/reports/all" && ls -lR && cat ./*.tex ./*.bib ./*.csv) >"$TMP/after" 2>&1
  check "build: after $blocks blocks the earlier report is as it was" cmp "$TMP/before" "$TMP/after"
  check "build: after $blocks blocks no temporary folder is left" test -z "$(ls -A "$W/reports" | grep '^\.')"
done
# each kind of output alone, so that each writer meets the full disk
for only in "charts: [timeline]|formats: [png]" "charts: [years]|formats: [svg]" "spreadsheet: survey.xlsx" \
            "tables: [catalog]" "bib: refs.bib" "pdf: report.pdf"; do
  IFS='|'; set -- $only; unset IFS
  spec one "$@"
  filling 1 "$LIT" build -q "$W/reports/one.yaml"
  case_ok "build ($only) on a full disk" "$(cat "$TMP/rc")" 3 "one/[^:]*: error: cannot write"
  check "build ($only): nothing left" test ! -e "$W/reports/one" -a -z "$(ls -A "$W/reports" | grep '^\.')"
done
# from 5000 papers a second process writes the spreadsheet: its failure fails the build
if [ -x "${TOOLS:-}/gen_catalog" ]; then
  "$TOOLS/gen_catalog" -o "$W/big.yaml" 6000 2>/dev/null
  { echo "title: Big"; echo "catalog: ../big.yaml"; echo "spreadsheet: survey.xlsx"; echo "bib: refs.bib"; } >"$W/reports/big.yaml"
  filling 40 "$LIT" build -q "$W/reports/big.yaml"
  case_ok "build: the spreadsheet's own process meets a full disk" "$(cat "$TMP/rc")" 3 "big/survey.xlsx: error: cannot write"
  check "build: nothing left of the big report" test ! -e "$W/reports/big" -a -z "$(ls -A "$W/reports" | grep '^\.')"
else
  ok "# SKIP gen_catalog not built"
fi

spec linked "bib: refs.bib"
ln -s /dev/null "$W/reports/linked"
"$LIT" build -q "$W/reports/linked.yaml" 2>"$TMP/err"; case_ok "build: the report folder is a link to /dev/null" $? 1 \
  "linked.yaml: error: '.*linked' exists and is not a folder"
check "build: the link is left as it was" test -L "$W/reports/linked" -a -c /dev/null
spec piped "bib: refs.bib"
mkfifo "$W/reports/piped"
"$LIT" build -q "$W/reports/piped.yaml" 2>"$TMP/err"; case_ok "build: the report folder is a FIFO" $? 1 "is not a folder"
check "build: the FIFO is left as it was" test -p "$W/reports/piped"
exit $failed
