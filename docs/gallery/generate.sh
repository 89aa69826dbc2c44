#!/bin/sh
# generate.sh - regenerates the README gallery: every chart kind as PNG (talk style, plus the
# paper style for two of them) from the committed catalog, with the numbers beside each one.
# usage: docs/gallery/generate.sh [LITSURVEY] [CATALOG]   (run from anywhere; `make gallery`)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
lit=${1:-$root/litsurvey}
catalog=${2:-$root/data/catalog.yaml}
out=$root/docs/gallery
[ -x "$lit" ] || { echo "generate.sh: no litsurvey binary at '$lit' (run make first)" >&2; exit 2; }
[ -f "$catalog" ] || { echo "generate.sh: no catalog at '$catalog'" >&2; exit 2; }
# a fixed date keeps the files byte-identical between runs (PNG has none, but be safe)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
for kind in venues years topic-trend topic-heatmap venue-heatmap timeline; do
  "$lit" chart "$kind" -q -c "$catalog" --style talk -o "$out/$kind.png" --data "$out/$kind.csv"
done
"$lit" chart years -q -c "$catalog" --style talk --cumulative -o "$out/years-cumulative.png"
"$lit" chart topic-trend -q -c "$catalog" --style talk --stacked bars -o "$out/topic-trend-bars.png"
"$lit" chart venues -q -c "$catalog" --style dark -o "$out/venues-dark.png"
"$lit" chart topic-heatmap -q -c "$catalog" --style paper -o "$out/topic-heatmap-paper.png"
"$lit" chart timeline -q -c "$catalog" --style paper-wide -o "$out/timeline-paper-wide.png"
echo "wrote $(ls "$out"/*.png | wc -l) charts to $out"
