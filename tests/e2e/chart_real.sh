#!/bin/sh
# chart_real.sh - charts on the shapes of real catalogs (issue 28): years far from the rest
# fold into one column, a list's unfinished last year is marked partial, a topic every
# paper is in is left out, the timeline draws its most-listed systems first and keeps long
# names on the page, a paper figure keeps most of its height for the plot, and PNGs carry
# the resolution they were drawn at.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
W="$TMP/w"
mkdir -p "$W"
cp data/venues.yaml data/topics.yaml "$W/"
# 1806 and 1809 among 2015-2024, the last year unfinished; every paper in "fuzzing" and
# one other topic; systems in 1 to 3 lists, some with very long names
$PY - "$W/cat.yaml" <<'EOF'
import sys
out = open(sys.argv[1], "w")
out.write("papers:\n")
out.write("  - {key: legendre, title: Nouvelles methodes, year: 1806, topics: [fuzzing, directed]}\n")
out.write("  - {key: gauss, title: Theoria motus, year: 1809, topics: [fuzzing, kernel]}\n")
per = {2015: 4, 2016: 6, 2017: 9, 2018: 14, 2019: 20, 2020: 26, 2021: 30, 2022: 33, 2023: 35, 2024: 9}
i = 0
for year, n in per.items():
    for k in range(n):
        i += 1
        other = ["directed", "kernel", "protocols", "smart-contracts", "hybrid"][i % 5]
        name = ("ExtraordinarilyLongSystemNameThatNoPillCouldEverHoldInOneColumnOfAPaper%d" % i) if i % 17 == 0 else "Sys%d" % i
        lists = ", ".join("{list: l%d.md, line: %d}" % (j, i) for j in range(1 + i % 3))
        out.write("  - {key: p%d, title: Paper %d, short: %s, venue: OSDI, year: %d, topics: [fuzzing, %s], sources: [%s]}\n"
                  % (i, i, name, year, other, lists))
EOF
for k in years topic-heatmap topic-trend timeline; do
  "$LIT" chart "$k" -q -c "$W/cat.yaml" -o "$W/$k.pdf" --data "$W/$k.csv" || not_ok "$k draws"
done
check "years far from the rest fold into one first column, 'to 2014'" sh -c \
  "sed -n 2,3p '$W/years.csv' | tr '\n' ' ' | grep -q '^to 2014,2 2015,4 '"
check "the heatmaps and the trend share that axis" sh -c \
  "head -1 '$W/topic-heatmap.csv' | grep -q '^topic,to 2014,2015,' && sed -n 2p '$W/topic-trend.csv' | grep -q '^to 2014,'"
pdftotext "$W/years.pdf" - | tr '\n' ' ' >"$TMP/years.txt"
check "the note says what the first column holds and that 2024 is partial" sh -c \
  "grep -q '\"to 2014\": 2 papers from 1806 to 1809' '$TMP/years.txt' && grep -q '2024 is partial (under half the papers of the year before)' '$TMP/years.txt' && grep -q 'partial' '$TMP/years.txt'"
"$LIT" chart topic-heatmap -q -c "$W/cat.yaml" --years 2018-2024 -o "$W/heat-7.pdf"
pdftotext -bbox "$W/heat-7.pdf" "$TMP/heat.html"
check "a heatmap with room for level year labels has them level" $PY -c "
import re
ws = re.findall(r'<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">(20[12]\d)</word>', open('$TMP/heat.html').read())
assert len(ws) >= 7 and all(float(c) - float(a) > float(d) - float(b) for a, b, c, d, t in ws), ws[:3]
"
check "a topic every paper is in is left out of the topic charts, and the note says so" sh -c \
  "! head -1 '$W/topic-trend.csv' | grep -q fuzzing && ! grep -q '^fuzzing,' '$W/topic-heatmap.csv' && pdftotext '$W/topic-trend.pdf' - | tr '\n' ' ' | grep -q 'left out: fuzzing, the topic of nearly every paper'"
check "the timeline's CSV: what is drawn first, most-listed then newest, then the rest" $PY -c "
import csv
rows = list(csv.reader(open('$W/timeline.csv')))[1:]
shown = [r for r in rows if r[5] == 'yes']
assert shown and rows[:len(shown)] == shown, 'drawn rows first'
key = [(-int(r[4]), -int(r[1])) for r in shown]
assert key == sorted(key), key[:8]
assert int(shown[0][4]) == 3, shown[0]
"
"$LIT" chart timeline -q -s paper -c "$W/cat.yaml" -o "$W/timeline-paper.pdf"
pdftotext -bbox "$W/timeline-paper.pdf" "$TMP/tl.html"
check "long system names stay on the page" $PY -c "
import re
h = open('$TMP/tl.html').read()
w, hh = (float(v) for v in re.search(r'<page width=\"([\d.]+)\" height=\"([\d.]+)\"', h).groups())
ws = [(float(a), float(c), t) for a, c, t in re.findall(r'<word xMin=\"(-?[\d.]+)\" yMin=\"[-\d.]+\" xMax=\"(-?[\d.]+)\" yMax=\"[-\d.]+\">([^<]*)</word>', h)]
out = [t for a, c, t in ws if a < 0 or c > w]
assert not out, out[:5]
"
# a paper figure keeps at least 55% of its height for the plot, the legend gives way first
"$LIT" chart topic-trend -q -s paper -o "$W/trend-paper.pdf"
pdftotext -bbox "$W/trend-paper.pdf" "$TMP/tp.html"
check "paper style: the topic trend's plot takes at least 55% of the figure's height" $PY -c "
import re
h = open('$TMP/tp.html').read()
ph = float(re.search(r'<page width=\"[\d.]+\" height=\"([\d.]+)\"', h).group(1))
ws = re.findall(r'<word xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">(\d+)</word>', h)
years = min(float(b) for a, b, c, d, t in ws if int(t) >= 1800)   # the year labels under the plot
# the tick labels: level numbers left of the plot, above the year labels
ticks = [(float(b) + float(d)) / 2 for a, b, c, d, t in ws
         if float(a) < 40 and int(t) < 1800 and float(b) < years - 1 and float(c) - float(a) > (float(d) - float(b)) * 0.4]
assert len(ticks) >= 3 and (max(ticks) - min(ticks)) / ph >= 0.55, (ticks, ph)
"
# PNGs say their resolution: a paper figure places at 3.33 in, not at 72 dpi's 13.9 in
"$LIT" chart years -q -s paper -o "$W/years-paper.png"
check "a PNG carries pHYs with the style's 300 dpi" $PY -c "
import struct, zlib
b = open('$W/years-paper.png', 'rb').read()
i, found = 8, None
while i < len(b):
    n, = struct.unpack('>I', b[i:i + 4]); t = b[i + 4:i + 8]
    if t == b'pHYs':
        assert zlib.crc32(b[i + 4:i + 8 + n]) == struct.unpack('>I', b[i + 8 + n:i + 12 + n])[0], 'crc'
        found = struct.unpack('>IIB', b[i + 8:i + 17])
    i += 12 + n
assert found == (11811, 11811, 1), found
"
if command -v pdflatex >/dev/null 2>&1; then
  cat >"$W/fig.tex" <<'EOF'
\documentclass{article}\usepackage{graphicx}\begin{document}
\sbox0{\includegraphics{years-paper.png}}\typeout{FIGWIDTH=\the\wd0}\end{document}
EOF
  (cd "$W" && pdflatex -interaction=nonstopmode fig.tex >/dev/null 2>&1)
  check "pdflatex places it at its intended 3.33 in (240 pt)" sh -c \
    "grep -o 'FIGWIDTH=[0-9.]*pt' '$W/fig.log' | awk -F'[=p]' '{exit !(\$2 > 238 && \$2 < 243)}'"
fi
exit $failed
