#!/bin/sh
# bench_dblp.sh - the DBLP index in `make bench`: dumps in DBLP's format of 75k, 750k (and,
# with BENCH_DBLP=full, 7.5M: the size of the full DBLP) records drawn from the word and
# name counts of real records (tests/tools/gen_dblp.c), each indexed and queried.
#
# Per size: the build's wall and CPU time and peak memory (/usr/bin/time -v), the index
# size, and the candidates of a 10,000- and a 100,000-paper catalog of the dump's titles
# as lists cite them (exact, recased, a word dropped, with DOI or arXiv id, 10% not in
# DBLP): their time (the index opened once; catalog loading apart) and recall (the paper
# the title came from among the candidates). Dumps are kept in $BENCH_DIR/dblp-SIZE until
# the generator or its model change. Appends its table to $BENCH_DIR/results.md.
#
#   BENCH_DBLP="75k 750k"   sizes (the default); BENCH_DBLP=full adds 7.5M (the dump takes
#                           about 10 minutes to generate, 1 GB gzip); BENCH_DBLP=none skips
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
B=${BUILDDIR:-build}
TOOLS="$ROOT/$B/rel/tools"
DIR=${BENCH_DIR:-build/bench}
case "${BENCH_DBLP:-}" in
  none) exit 0 ;;
  full) SIZES="75k 750k 7.5M" ;;
  "") SIZES="75k 750k" ;;
  *) SIZES=$BENCH_DBLP ;;
esac
for t in "$TOOLS/gen_dblp" "$TOOLS/dblp_bench" /usr/bin/time; do
  [ -x "$t" ] || { echo "bench_dblp: $t is missing (make BUILDDIR=$B all units; apt-get install time)" >&2; exit 1; }
done
mkdir -p "$DIR" || exit 1
res="$DIR/results.md"
stamp=$(cat tests/tools/gen_dblp.c tests/tools/dblp_model.txt | cksum | cut -d' ' -f1)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

line() { echo "$1"; echo "$1" >>"$res"; }
line ""
line "## DBLP index (dumps in DBLP's format from the counts of 2.9M real records; load average $(cut -d' ' -f1-3 /proc/loadavg))"
line ""
line "| records | dump .gz MB | XML MB | build wall s | build CPU s | peak RSS MiB | index MiB | 10k queries s (CPU) | 100k queries s (CPU) | us/query | recall 100k | first |"
line "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for size in $SIZES; do
  d="$DIR/dblp-$size"
  if [ ! -f "$d/stamp" ] || [ "$(cat "$d/stamp")" != "$stamp" ]; then
    rm -rf "$d"
    echo "generating the $size dump in $d ..." >&2
    "$TOOLS/gen_dblp" -m tests/tools/dblp_model.txt -q "10k:$d/q10k.yaml" -q "100k:$d/q100k.yaml" "$d" "$size" || exit 1
    echo "$stamp" >"$d/stamp"
  fi
  rm -f "$d/dblp.idx"
  /usr/bin/time -v "$TOOLS/dblp_bench" build "$d/dblp.xml.gz" "$d/dblp.idx" >"$tmp/build" 2>&1 || { cat "$tmp/build"; exit 1; }
  "$TOOLS/dblp_bench" query "$d/dblp.idx" "$d/q10k.yaml" >"$tmp/q10k" || exit 1
  "$TOOLS/dblp_bench" query "$d/dblp.idx" "$d/q100k.yaml" >"$tmp/q100k" || exit 1
  gz=$(stat -c %s "$d/dblp.xml.gz")
  xml=$(gzip -l "$d/dblp.xml.gz" | awk 'NR == 2 { print $2 }')   # mod 4 GiB for a larger dump
  [ "$gz" -gt 400000000 ] && xml=$(zcat "$d/dblp.xml.gz" | wc -c)
  idx=$(stat -c %s "$d/dblp.idx")
  awk -v gz="$gz" -v xml="$xml" -v idx="$idx" -v out="$res" '
    FILENAME ~ /build$/ && /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    FILENAME ~ /build$/ && /User time/ { cpu += $NF }
    FILENAME ~ /build$/ && /System time/ { cpu += $NF }
    FILENAME ~ /build$/ && /Maximum resident/ { rss = $NF / 1024 }
    FILENAME ~ /q10k$/ { match($0, /candidates [0-9.]+ s wall, [0-9.]+ s CPU/); split(substr($0, RSTART, RLENGTH), a, " "); q10 = a[2]; q10c = a[5] }
    FILENAME ~ /q100k$/ {
      match($0, /against [0-9]+ records/); split(substr($0, RSTART, RLENGTH), r, " "); recs = r[2]
      match($0, /candidates [0-9.]+ s wall, [0-9.]+ s CPU \([0-9.]+ us/); split(substr($0, RSTART, RLENGTH), a, " "); q100 = a[2]; q100c = a[5]; us = substr(a[8], 2)
      match($0, /recall [0-9.]+%/); rec = substr($0, RSTART + 7, RLENGTH - 7)
      match($0, /first [0-9.]+%/); first = substr($0, RSTART + 6, RLENGTH - 6) }
    END {
      s = sprintf("| %d | %.0f | %.0f | %.1f | %.1f | %.0f | %.0f | %.2f (%.2f) | %.2f (%.2f) | %s | %s | %s |", recs, gz / 1e6, xml / 1e6,
                  wall, cpu, rss, idx / 1048576, q10, q10c, q100, q100c, us, rec, first)
      print s; print s >>out }' "$tmp/build" "$tmp/q10k" "$tmp/q100k"
done
line ""
line "Build: dblp_bench build (lit_dblp_index_build: the dump parsed by one thread per core, indexed in the calling one). Queries: lit_dblp_index_candidates with 5 fuzzy candidates at most, per paper of the catalog. Targets at 7.5M: build under 3 min and 2 GiB, index under 2 GiB, 10k queries under 2 s and 100k under 10 s with the rest of resolve."
