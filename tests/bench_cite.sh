#!/bin/sh
# bench_cite.sh - the user's own bibliography against the catalog (issue 26), at 1x, 10x and
# 100x: a synthetic catalog of N papers (gen_catalog), half of it exported as the user's
# mine.bib (with their keys changed, as a user's own keys are), then `latex catalog --bib
# mine.bib` and `bib --missing-from mine.bib` timed with their peak memory. Growth between
# the sizes should stay near linear. BENCH_CITE_SIZES (default "1000 10000 100000").
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
B=${BUILDDIR:-build}
LIT="$ROOT/$B/rel/litsurvey"
GEN="$ROOT/$B/rel/tools/gen_catalog"
DIR=${BENCH_DIR:-build/bench}/cite
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000} LC_ALL=C
[ -x /usr/bin/time ] || { echo "bench_cite: /usr/bin/time is missing (make test-deps installs it)" >&2; exit 1; }
for t in "$LIT" "$GEN"; do [ -x "$t" ] || { echo "bench_cite: $t is missing (make all units)" >&2; exit 1; }; done
mkdir -p "$DIR" || exit 1
# timed NAME CMD...: prints "NAME wall_s peak_MiB" (GNU time), exits on failure
timed() {
  name=$1; shift
  /usr/bin/time -f '%e %M' -o "$DIR/.t" "$@" >/dev/null 2>"$DIR/.err" || { echo "bench_cite: $name failed:" >&2; head -3 "$DIR/.err" >&2; exit 1; }
  read -r wall kb <"$DIR/.t"
  printf '| %s | %s | %.0f |\n' "$name" "$wall" "$((kb / 1024))"
}
echo "| step | wall s | peak MiB |"
echo "| --- | ---: | ---: |"
for n in ${BENCH_CITE_SIZES:-1000 10000 100000}; do
  cat="$DIR/cat-$n.yaml"
  [ -s "$cat" ] || "$GEN" --venues data/venues.yaml --topics data/topics.yaml -o "$cat" "$n" || exit 1
  # the user's bibliography: every other paper, under keys of their own
  "$LIT" bib -q -c "$cat" -o "$DIR/all-$n.bib" || exit 1
  awk '/^@/ { keep = (++i % 2 == 0); if (keep) sub(/\{/, "{mine-") } keep' "$DIR/all-$n.bib" >"$DIR/mine-$n.bib"
  timed "latex catalog, $n papers" "$LIT" latex catalog -q -c "$cat" -o "$DIR/plain-$n.tex"
  timed "latex catalog --bib ($(grep -c '^@' "$DIR/mine-$n.bib") entries)" "$LIT" latex catalog -q -c "$cat" --bib "$DIR/mine-$n.bib" -o "$DIR/cited-$n.tex"
  timed "bib --missing-from, $n papers" "$LIT" bib -q -c "$cat" --missing-from "$DIR/mine-$n.bib" -o "$DIR/extra-$n.bib"
  mine=$(grep -o '\\cite{mine-[^}]*}' "$DIR/cited-$n.tex" | sort -u | wc -l)
  extra=$(grep -c '^@' "$DIR/extra-$n.bib")
  echo "|   cited from mine.bib: $mine; extra.bib: $extra entries | | |"
done
