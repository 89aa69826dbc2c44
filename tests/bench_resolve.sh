#!/bin/sh
# bench_resolve.sh - `litsurvey resolve` in `make bench`: the 10,000- and 100,000-paper query
# catalogs of bench_dblp.sh's dumps (gen_dblp: records of the dump as lists cite them, each with
# `expect:` the record it came from, 10% of no record) resolved against the dump's index by the
# whole command (load, candidates, judge, fill, save). Per catalog: wall and CPU time, peak
# memory, and what came out: resolved, wrong (another record than the expected one: the bar is
# 0), taken for a paper of no record, ambiguous, not found. Run after bench_dblp.sh (it makes the
# dumps and indexes); appends its table to $BENCH_DIR/results.md.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
B=${BUILDDIR:-build}
LIT="$ROOT/$B/rel/litsurvey"
DIR=${BENCH_DIR:-build/bench}
case "${BENCH_DBLP:-}" in
  none) exit 0 ;;
  full) SIZES="75k 750k 7.5M" ;;
  "") SIZES="75k 750k" ;;
  *) SIZES=$BENCH_DBLP ;;
esac
[ -x "$LIT" ] && [ -x /usr/bin/time ] || { echo "bench_resolve: $LIT or /usr/bin/time is missing" >&2; exit 1; }
res="$DIR/results.md"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"

line() { echo "$1"; echo "$1" >>"$res"; }
line ""
line "## litsurvey resolve against the DBLP index (the whole command: load, match, fill, save; load average $(cut -d' ' -f1-3 /proc/loadavg))"
line ""
line "| records | papers | wall s | CPU s | peak RSS MiB | resolved | wrong | no record, taken | ambiguous | not found | us/paper |"
line "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SIZES; do
  d="$DIR/dblp-$size"
  [ -f "$d/dblp.idx" ] || { echo "bench_resolve: $d/dblp.idx is missing (run tests/bench_dblp.sh first)" >&2; exit 1; }
  for q in q10k q100k; do
    cp "$d/$q.yaml" "$tmp/cat.yaml"
    /usr/bin/time -v "$LIT" resolve $V -c "$tmp/cat.yaml" --from "$d/dblp.idx" >"$tmp/out" 2>&1 || { cat "$tmp/out"; exit 1; }
    # one line per paper: its expected record (or -) and the record it was resolved to (or -)
    awk '
      function flush() { if (n) print (want == "" ? "-" : want), (got == "" ? "-" : got) }
      /^- key:/ { flush(); n = 1; want = ""; got = ""; inres = 0; next }
      /^  expect:/ { want = $2; gsub(/"/, "", want); next }
      /^  resolved:/ { inres = 1; next }
      inres && /^    id:/ { got = $2; gsub(/"/, "", got); next }
      /^  [a-z]/ { inres = 0 }
      END { flush() }' "$tmp/cat.yaml" >"$tmp/pairs"
    summary=$(grep 'resolved [0-9,]* of' "$tmp/out" | tail -1)
    awk -v recs="$size" -v summary="$summary" -v out="$res" '
      FILENAME ~ /out$/ && /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
      FILENAME ~ /out$/ && /User time/ { cpu += $NF }
      FILENAME ~ /out$/ && /System time/ { cpu += $NF }
      FILENAME ~ /out$/ && /Maximum resident/ { rss = $NF / 1024 }
      FILENAME ~ /pairs$/ { papers++; if ($2 != "-") { done++; if ($1 == "-") fp++; else if ($1 != $2) wrong++ } }
      END {
        match(summary, /[0-9,]+ ambiguous/); amb = substr(summary, RSTART, RLENGTH); sub(/ ambiguous/, "", amb)
        match(summary, /[0-9,]+ not found/); nf = substr(summary, RSTART, RLENGTH); sub(/ not found/, "", nf)
        s = sprintf("| %s | %d | %.2f | %.2f | %.0f | %d | %d | %d | %s | %s | %.0f |", recs, papers, wall, cpu, rss, done,
                    wrong, fp, amb, nf, papers ? wall * 1e6 / papers : 0)
        print s; print s >>out }' "$tmp/out" "$tmp/pairs"
  done
done
line ""
line "Papers: gen_dblp's query catalogs (the title as DBLP has it 45%, recased and repunctuated 15%, a word dropped 15%, with the DOI 10%, with a preprint's arXiv id 5%, of no record 10%). Wrong: resolved to another record than the one the paper came from. Targets at 7.5M records: 10k papers under 2 s, 100k under 10 s."
