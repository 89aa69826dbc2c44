#!/bin/sh
# report_story.sh - one survey, one story (issue 28): the charts, tables, sheet and report.pdf
# of a build name the same venues and topics in every style, never cut a tie, and the
# numbers under each figure are its CSV's; the report links and bookmarks its parts.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
W="$TMP/w"
mkdir -p "$W"
cp data/catalog.yaml data/venues.yaml data/topics.yaml "$W/"
for style in talk paper; do
  cat >"$W/r-$style.yaml" <<SPEC
title: Story $style
catalog: catalog.yaml
style: $style
years: 2012-2024
charts: [venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline]
formats: [png]
spreadsheet: survey.xlsx
tables: [topics, venue-year]
pdf: report.pdf
SPEC
  "$LIT" build -q "$W/r-$style.yaml" || not_ok "build in $style"
done

# the names a chart's CSV gives its rows (venues, heatmap rows) or columns (topic trend)
cat >"$TMP/names.py" <<'EOF'
import csv, sys
def rows(p): return [r[0] for r in list(csv.reader(open(p)))[1:] if r[0] != "(other)"]
def trend(p): return [c for c in next(csv.reader(open(p)))[1:] if c != "(other)"]
def shown(p): return sorted({r[0] for r in list(csv.reader(open(p)))[1:] if r[5] == "yes"})
what, path = sys.argv[1], sys.argv[2]
print("\n".join(sorted({"rows": rows, "trend": trend, "shown": shown}[what](path))))
EOF
names() { $PY "$TMP/names.py" "$1" "$2"; }
for style in talk paper; do
  O="$W/r-$style"
  check "$style: the venues chart and the venue heatmap name the same venues" \
    sh -c "[ \"\$($PY '$TMP/names.py' rows '$O/venues.csv')\" = \"\$($PY '$TMP/names.py' rows '$O/venue-heatmap.csv')\" ]"
  check "$style: the topic trend and the topic heatmap name the same topics" \
    sh -c "[ \"\$($PY '$TMP/names.py' trend '$O/topic-trend.csv')\" = \"\$($PY '$TMP/names.py' rows '$O/topic-heatmap.csv')\" ]"
  names rows "$O/topic-heatmap.csv" >"$TMP/$style-topics"
  check "$style: the timeline's rows are named topics" \
    sh -c "[ \$($PY '$TMP/names.py' shown '$O/timeline.csv' | grep -cvxF -f '$TMP/$style-topics') = 0 ]"
  check "$style: the sheet's Topics chart names the topic heatmap's topics, with their numbers" $PY -c "
import csv, openpyxl
wb = openpyxl.load_workbook('$O/survey.xlsx')
for sheet in ('Topics', 'Summary'):
    s = [ch for ch in wb[sheet]._charts if ch.series[0].cat is not None and 'Chart data' in (ch.series[0].cat.strRef.f if ch.series[0].cat.strRef else '') and ch.grouping != 'stacked'][0].series[0]
    a, b = s.cat.strRef.f.split('!')[1].replace('\$', '').split(':')
    c, d = s.val.numRef.f.split('!')[1].replace('\$', '').split(':')
    bars = dict(zip([r[0].value for r in wb['Chart data'][a:b]], [r[0].value for r in wb['Chart data'][c:d]]))
    heat = {r[0]: int(r[-1]) for r in list(csv.reader(open('$O/topic-heatmap.csv')))[1:] if r[0] != '(other)'}
    topics = {r[0].value: r[3].value for r in wb['Topics'].iter_rows(min_row=2) if r[0].value}
    assert sorted(bars) == sorted(heat), (sheet, sorted(bars), sorted(heat))
    assert all(bars[t] == topics[t] for t in bars), (bars, topics)
"
done
for f in venues.csv venue-heatmap.csv topic-trend.csv topic-heatmap.csv; do
  check "talk and paper name the same in $f (styles change sizes, not names)" \
    sh -c "[ \"\$($PY '$TMP/names.py' $( [ $f = topic-trend.csv ] && echo trend || echo rows) '$W/r-talk/$f')\" = \"\$($PY '$TMP/names.py' $( [ $f = topic-trend.csv ] && echo trend || echo rows) '$W/r-paper/$f')\" ]"
done

# report.pdf: the table under each figure holds its CSV's numbers (all of them in X.csv)
O="$W/r-talk"
check "report.pdf: the venues under Figure 1 are venues.csv's, with its numbers" $PY -c "
import csv, re, subprocess
t = subprocess.run(['pdftotext', '-layout', '-f', '3', '-l', '3', '$O/report.pdf', '-'], capture_output=True, text=True).stdout
body = t.split('The numbers (all of them in venues.csv)')[1]
got = [re.split(r' {2,}', l.strip()) for l in body.splitlines() if re.search(r'\d+ +[\d.]+$', l)]
want = [r for r in list(csv.reader(open('$O/venues.csv')))[1:]]
assert [g[0] for g in got] == [w[0] for w in want] and [g[1] for g in got] == [w[1] for w in want], (got, want)
"
check "report.pdf: Table 2 holds the venues the charts name, then the others in one row" $PY -c "
import csv, re, subprocess
t = subprocess.run(['pdftotext', '-layout', '$O/report.pdf', '-'], capture_output=True, text=True).stdout
table = t.split('Table 2. Papers per venue and year')[-1].split('Papers by topic')[0]
got = [l.split()[0] for l in table.splitlines() if re.search(r' \d+$', l.strip()) and not l.strip().startswith(('Venue', 'to '))]
want = [r[0] for r in list(csv.reader(open('$O/venues.csv')))[1:] if r[0] != '(other)']
assert got[:len(want)] == want and 'Other venues' in table, (got, want)
"

# a tie is never cut: three venues with 3 papers share the third place
cat >"$W/tie.yaml" <<'EOF'
papers:
EOF
i=0
for v in OSDI:5 SOSP:4 NSDI:3 ATC:3 EuroSys:3 MLSys:1; do
  n=${v#*:}; v=${v%:*}
  while [ "$n" -gt 0 ]; do
    i=$((i + 1)); n=$((n - 1))
    printf '  - {key: p%d, title: Paper %d, venue: %s, year: %d, topics: [scheduling]}\n' "$i" "$i" "$v" $((2018 + i % 4)) >>"$W/tie.yaml"
  done
done
"$LIT" chart venues -q -c "$W/tie.yaml" --top 3 -o "$TMP/tie.pdf" --data "$TMP/tie.csv"
"$LIT" chart venue-heatmap -q -c "$W/tie.yaml" --top 3 -o "$TMP/tie-h.pdf" --data "$TMP/tie-h.csv"
check "--top 3 with three venues tied for third: all three are named" \
  sh -c "[ \"\$($PY '$TMP/names.py' rows '$TMP/tie.csv')\" = \"\$(printf 'ATC\nEuroSys\nNSDI\nOSDI\nSOSP')\" ]"
check "the venue heatmap names the same five" \
  sh -c "[ \"\$($PY '$TMP/names.py' rows '$TMP/tie-h.csv')\" = \"\$($PY '$TMP/names.py' rows '$TMP/tie.csv')\" ]"
check "the note says so" sh -c "pdftotext '$TMP/tie.pdf' - | tr '\n' ' ' | grep -q '3 venues tie at 3 papers: all shown'"
"$LIT" latex venue-year -q -c "$W/tie.yaml" --top 3 -o "$TMP/tie.tex"
check "the LaTeX venue-year table never folds part of a tie: the three at 3 papers go to the other row together" sh -c \
  "grep -q '^OSDI' '$TMP/tie.tex' && grep -q '^SOSP' '$TMP/tie.tex' && ! grep -Eq '^(NSDI|ATC|EuroSys)' '$TMP/tie.tex' && grep -q 'with all the venues that tie at the cut' '$TMP/tie.tex'"

# links and bookmarks
check "report.pdf: contents entries and figure/table references are links within it; titles with an address link out; an outline" $PY -c "
import re, yaml
b = open('$O/report.pdf', 'rb').read()
inner = len(re.findall(rb'/Subtype\s*/Link[^>]*?/Dest|/Dest\s*\[', b)) + len(re.findall(rb'/S\s*/GoTo', b))
uris = set(re.findall(rb'/URI\s*\(([^)]*)\)', b))
titles = set(re.findall(rb'/Title\s*\(([^)]*)\)', b))
cat = yaml.safe_load(open('$W/catalog.yaml'))['papers']
with_url = [p for p in cat if 2012 <= p.get('year', 0) <= 2024 and ((p.get('links') or {}).get('paper', '').startswith('http') or p.get('doi') or p.get('arxiv'))]
assert inner >= 9 + 6, inner
assert len(uris) >= len(with_url) * 0.95, (len(uris), len(with_url))
for want in (b'Contents', b'Figure 1. Papers per venue', b'Table 2. Papers per venue and year', b'Papers by topic', b'Distributed training', b'Recommendation models'):
    assert want in titles, (want, sorted(titles)[:12])
"
# the cover: figures readable (WCAG 4.5:1), the lists it rests on, a date
pdftocairo -svg -f 1 -l 1 "$O/report.pdf" "$TMP/cover.svg"
check "report.pdf cover: every text colour at 4.5:1 contrast or more on the page" $PY -c "
import re
def lum(c):
    c = [v / 100 for v in c]
    c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
fills = {tuple(float(x) for x in m) for m in re.findall(r'fill:rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)', open('$TMP/cover.svg').read())}
bg = max(fills, key=lum)
low = [f for f in fills if f != bg and (lum(bg) + 0.05) / (lum(f) + 0.05) < 4.5]
assert not low, low
"
pdftotext -f 1 -l 1 "$O/report.pdf" - | tr '\n' ' ' >"$TMP/cover.txt"
check "report.pdf cover: the date (SOURCE_DATE_EPOCH) and the lists it was built from" sh -c \
  "grep -q '14 November 2023' '$TMP/cover.txt' && grep -Eq 'Built from 5 lists: [^ ]+ \\([0-9]+ papers\\)' '$TMP/cover.txt'"

# without SOURCE_DATE_EPOCH the cover's date is the catalog's (when its file last changed),
# never the day of the build: the same catalog gives the same bytes at any time
mkdir -p "$W/dated"
cp "$W/catalog.yaml" "$W/venues.yaml" "$W/topics.yaml" "$W/dated/"
printf 'title: Dated\ncatalog: catalog.yaml\ncharts: [years]\nformats: [png]\npdf: report.pdf\n' >"$W/dated/r.yaml"
touch -d '2021-03-04 12:00:00 UTC' "$W/dated/catalog.yaml"
env -u SOURCE_DATE_EPOCH "$LIT" build -q "$W/dated/r.yaml" && cp "$W/dated/r/report.pdf" "$TMP/dated1.pdf"
sleep 1
env -u SOURCE_DATE_EPOCH "$LIT" build -q "$W/dated/r.yaml"
check "report.pdf without SOURCE_DATE_EPOCH: two builds a moment apart give the same bytes" \
  cmp "$TMP/dated1.pdf" "$W/dated/r/report.pdf"
check "report.pdf without SOURCE_DATE_EPOCH: the cover is dated by the catalog file" sh -c \
  "pdftotext -f 1 -l 1 '$W/dated/r/report.pdf' - | tr '\n' ' ' | grep -q 'as of 4 March 2021'"
touch -d '2022-05-06 12:00:00 UTC' "$W/dated/catalog.yaml"
env -u SOURCE_DATE_EPOCH "$LIT" build -q "$W/dated/r.yaml"
check "report.pdf: a catalog changed later gives a later date, and SOURCE_DATE_EPOCH overrides it" sh -c \
  "pdftotext -f 1 -l 1 '$W/dated/r/report.pdf' - | grep -q 'as of 6 May 2022' &&
   '$LIT' build -q '$W/dated/r.yaml' && pdftotext -f 1 -l 1 '$W/dated/r/report.pdf' - | grep -q 'as of 14 November 2023'"

# Table 1 nests a topic only under its real ancestors
cat >"$W/nest-topics.yaml" <<'EOF'
topics:
  - {id: alpha, label: Alpha topic}
  - {id: parent-b, label: Parent B}
  - {id: child-b, label: Child of B, parent: parent-b}
  - {id: gamma, label: Gamma topic}
  - {id: child-g, label: Child of Gamma, parent: gamma}
EOF
cat >"$W/nest.yaml" <<'EOF'
papers:
  - {key: a1, title: Alpha paper, venue: OSDI, year: 2020, topics: [alpha]}
  - {key: b1, title: Child paper, venue: OSDI, year: 2021, topics: [child-b]}
  - {key: g1, title: Gamma paper, venue: SOSP, year: 2021, topics: [gamma]}
  - {key: g2, title: Gamma child paper, venue: SOSP, year: 2022, topics: [child-g]}
EOF
cat >"$W/nest-spec.yaml" <<'EOF'
catalog: nest.yaml
charts: [venues]
formats: [png]
tables: [topics]
pdf: report.pdf
EOF
mkdir -p "$W/nest" && cp "$W/nest.yaml" "$W/nest-spec.yaml" "$W/venues.yaml" "$W/nest/" && cp "$W/nest-topics.yaml" "$W/nest/topics.yaml"
"$LIT" build -q "$W/nest/nest-spec.yaml"
pdftotext -bbox "$W/nest/nest-spec/report.pdf" "$TMP/nest.html"
check "Table 1: a topic whose parent has no papers starts at the margin; a child of the topic above is indented" $PY -c "
import re
pages = re.findall(r'<page [^>]*>(.*?)</page>', open('$TMP/nest.html').read(), re.S)
page = [p for p in pages if '>Systems</word>' in p][0]   # the table's header
xs = [(w, float(a)) for a, w in re.findall(r'<word xMin=\"([\d.]+)\"[^>]*>(Alpha|Child|Gamma)</word>', page)]
x = {}
[x.setdefault(w, a) for w, a in xs if w != 'Child']
child = [a for w, a in xs if w == 'Child']
assert len(child) == 2 and abs(child[0] - x['Alpha']) < 0.5 and child[1] > x['Gamma'] + 2, xs
"
# a topic is named by its label everywhere; one no table knows is a warning in every command
sed 's/topics: \[scheduling\]/topics: [made-up-topic]/' "$W/tie.yaml" >"$W/unknown.yaml"
for cmd in "stats --by topic" "chart venues -o $TMP/u.svg" "xlsx -o $TMP/u.xlsx" "latex topics -o $TMP/u.tex" \
           "markdown -o $TMP/u.md" "bib -o $TMP/u.bib"; do
  # shellcheck disable=SC2086
  check_err "litsurvey ${cmd%% *} warns about a topic no table knows" 0 \
    "warning: 1 topic that .*topics.yaml does not know: 'made-up-topic' \(19 papers\)" "$LIT" $cmd -c "$W/unknown.yaml"
done
printf 'papers:\n  - {key: a, title: A paper, year: 2020, topics: [memory]}\n' >"$W/old.yaml"
printf 'papers:\n  - {key: a, title: A paper, year: 2020, topics: [memory, serverless]}\n' >"$W/catalog-new.yaml"
check "diff names a changed topic by its label" sh -c \
  "'$LIT' diff '$W/old.yaml' '$W/catalog-new.yaml' | grep -q 'topics +Serverless ML'"
exit $failed
