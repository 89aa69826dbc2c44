# report_build.sh - `litsurvey build`: every output through its real consumer, all-or-nothing, safe names.
. "$(dirname "$0")/../lib.sh"
W="$TMP/work"
mkdir -p "$W/data" "$W/reports"
cp "$ROOT/tests/fixtures/report/"*.yaml "$W/data/"
cp -r "$ROOT/styles" "$W/styles"
cat >"$W/reports/demo.yaml" <<'SPEC'
title: Demo survey with "quotes" & 100% special_chars
catalog: ../data/catalog.yaml
style: talk
years: 2012-2024
charts: [venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline]
formats: [pdf, svg, png]
spreadsheet: survey.xlsx
tables: [topics, venue-year, taxonomy, catalog]
bib: refs.bib
pdf: report.pdf
SPEC
cd "$TMP" || exit 1   # the build must not depend on the current folder
check "build succeeds" "$LIT" build -q "$W/reports/demo.yaml"
O="$W/reports/demo"
for k in venues years topic-trend topic-heatmap venue-heatmap timeline; do
  check "$k.pdf is a 16:9 PDF with embedded fonts" sh -c "pdfinfo '$O/$k.pdf' | grep -Eq 'Page size: *(959\.9|960)' && pdffonts '$O/$k.pdf' | awk 'NR>2 && \$5!=\"yes\"{bad=1} END{exit bad}'"
  check "$k.svg renders" rsvg-convert -o "$TMP/$k.png" "$O/$k.svg"
  check "$k.png decodes" $PY -c "import struct; d=open('$O/$k.png','rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n'; w,h=struct.unpack('>II',d[16:24]); assert w>1000 and h>500, (w,h)"
  check "$k.csv has the numbers" sh -c "test \$(wc -l <'$O/$k.csv') -gt 1"
done
check "the sheet's topic trend has the Cairo chart's numbers (topic-trend.csv)" $PY -c "
import csv, openpyxl
ws = openpyxl.load_workbook('$O/survey.xlsx')['Chart data']
rows = {}
for r in ws.iter_rows(min_row=2):   # the trend's table: up to its first empty row
    if not r[0].value: break
    rows[r[0].value] = [c.value for c in r[1:]]
c = list(csv.reader(open('$O/topic-trend.csv')))
for j, t in enumerate(c[0][1:]):
    want = [int(r[j + 1]) for r in c[1:]]
    got = rows.get(t) or (rows.get('Other topics') if t == '(other)' else None)
    assert got is not None and [int(v) for v in got[:len(want)]] == want, (t, got, want)
"
check "report.pdf is A4 portrait with embedded fonts" sh -c "pdfinfo '$O/report.pdf' | grep -Eq 'Page size: *595.28 x 841.89' && pdffonts '$O/report.pdf' | awk 'NR>2 && \$5!=\"yes\"{bad=1} END{exit bad}'"
pdftotext -layout "$O/report.pdf" "$TMP/report.txt"
pdftotext -f 1 -l 1 "$O/report.pdf" "$TMP/report-p1.txt"
check "report.pdf title page names the key figures" grep -q 'lists merged' "$TMP/report-p1.txt"
check "report.pdf title page says how papers are counted" grep -q 'count every paper once' "$TMP/report-p1.txt"
check "report.pdf title page says what check found" grep -q '4 are at 4 venues the venue table does not know: ACM-MM' "$TMP/report-p1.txt"
check "report.pdf title page: papers the year filter leaves out" grep -q 'leaves out the 2 papers' "$TMP/report-p1.txt"
check "report.pdf has contents with page numbers" sh -c "pdftotext -f 2 -l 2 '$O/report.pdf' - | grep -q '^Contents' && grep -Eq 'Figure 6\. Systems by topic and year +[0-9]+' '$TMP/report.txt'"
check "report.pdf: a page per chart with its caption and numbers" sh -c "test \$(grep -c 'Figure [1-6]\. ' '$TMP/report.txt') -eq 12 && test \$(grep -c 'The numbers (all of them in' '$TMP/report.txt') -eq 6"
check "report.pdf: the contents' page numbers are right" $PY -c "
import re, subprocess
toc = re.findall(r'^(Figure \d+\..*?|Table \d+\..*?|Papers by topic) {2,}(\d+)$', subprocess.run(['pdftotext', '-layout', '-f', '2', '-l', '2', '$O/report.pdf', '-'], capture_output=True, text=True).stdout, re.M)
assert len(toc) == 9, toc
for title, page in toc:
    t = subprocess.run(['pdftotext', '-f', page, '-l', page, '$O/report.pdf', '-'], capture_output=True, text=True).stdout
    assert title.strip() in t[:200], (title, page, t[:60])   # a turned axis title may come first
"
check "report.pdf lists every topic and every paper of the report" $PY -c "
import yaml, re
txt = re.sub(r'\s+', ' ', open('$TMP/report.txt').read())
cat = yaml.safe_load(open('$W/data/catalog.yaml'))['papers']
topics = {t['id']: t['label'] for t in yaml.safe_load(open('$W/data/topics.yaml'))['topics']}
shown = [p for p in cat if 2012 <= p.get('year', 0) <= 2024]
missing = [p['key'] for p in shown if '[%s]' % p['key'] not in txt]
assert not missing, missing[:5]
used = {t for p in shown for t in p.get('topics', [])}
assert all(topics[t] in txt for t in used), [topics[t] for t in used if topics[t] not in txt]
"
printf 'title: Slides\ncatalog: ../data/catalog.yaml\ncharts: [venues, years]\npdf: r.pdf\npdf_page: slides\n' >"$W/reports/slides.yaml"
check "pdf_page: slides gives the 16:9 handout, a page per chart" sh -c "'$LIT' build -q '$W/reports/slides.yaml' && pdfinfo '$W/reports/slides/r.pdf' | grep -Eq '^Pages: +3$' && pdfinfo '$W/reports/slides/r.pdf' | grep -Eq 'Page size: *(959\.9|960)'"
printf 'title: Letter\ncatalog: ../data/catalog.yaml\ncharts: [years]\npdf: r.pdf\npdf_page: letter\n' >"$W/reports/letter.yaml"
check "pdf_page: letter" sh -c "'$LIT' build -q '$W/reports/letter.yaml' && pdfinfo '$W/reports/letter/r.pdf' | grep -Eq 'Page size: *612 x 792'"
check "report.pdf carries no clock" sh -c "pdfinfo '$O/report.pdf' | grep -q 'CreationDate:.*2023'"
check "spreadsheet reads back" $PY -c "
import openpyxl; wb=openpyxl.load_workbook('$O/survey.xlsx'); assert 'Papers' in wb.sheetnames, wb.sheetnames
ws=wb['Papers']; assert ws.max_row > 100, ws.max_row
t=wb['Summary']['A1'].value; assert t == 'Demo survey with \"quotes\" & 100% special_chars', t
assert wb.properties.title == t, wb.properties.title"
cd "$O" && pdflatex -interaction=nonstopmode -halt-on-error survey.tex >/dev/null 2>&1 && bibtex survey >"$TMP/bibtex.log" 2>&1 \
  && pdflatex -interaction=nonstopmode -halt-on-error survey.tex >/dev/null 2>&1 && pdflatex -interaction=nonstopmode -halt-on-error survey.tex >/dev/null 2>&1
check "survey.tex compiles with the bibliography" test -s "$O/survey.pdf"
check "no undefined citations or references" sh -c "! grep -Eq 'undefined|Citation .* undefined' '$O/survey.log'"
check "bibtex has no warnings" sh -c "! grep -q 'Warning--' '$TMP/bibtex.log'"
check "survey.tex: no overfull box, no float too large" sh -c "! grep -Eq '^Overfull|Float too large' '$O/survey.log'"
check "survey.tex: the tables in the spec's order" sh -c "pdftotext '$O/survey.pdf' - | tr -d '\f' | grep -E '^Table [0-9]+: ' | cut -d: -f1 | tr '\n' ' ' | grep -qx 'Table 1 Table 2 Table 3 Table 4 '"
cd "$TMP" || exit 1

# The same input gives the same bytes.
cp -r "$O" "$TMP/first"
check "rebuild succeeds" "$LIT" build -q "$W/reports/demo.yaml"
for f in venues.pdf timeline.svg years.png survey.xlsx report.pdf topics.tex refs.bib; do
  check "$f is byte-identical across builds" cmp "$TMP/first/$f" "$O/$f"
done

# A failed build leaves the earlier output as it was and no temporary folder.
sed 's|../data/catalog.yaml|../data/broken.yaml|' "$W/reports/demo.yaml" >"$W/reports/demo2.yaml"
printf 'papers:\n  - key: a\n    title: x\n    year: 1\n' >"$W/data/broken.yaml"
mkdir -p "$W/reports/demo2" && echo keep >"$W/reports/demo2/old.txt"
check_err "a bad catalog fails the build" 1 "broken.yaml:4:11: error:" "$LIT" build -q "$W/reports/demo2.yaml"
check "the earlier output is untouched" sh -c "test \"\$(ls '$W/reports/demo2')\" = old.txt"
check "no build folders are left behind" sh -c "! ls -a '$W/reports' | grep -q '^\.'| grep -v '^\.\.\?$'"

# Spec errors: each at FILE:LINE:COL.
spec() { printf 'catalog: ../data/catalog.yaml\n%s\n' "$1" >"$W/reports/bad.yaml"; }
spec 'pdf: ../escape.pdf';        check_err "'..' is refused" 1 "bad.yaml:2:6: error: '../escape.pdf' leaves the report's folder" "$LIT" build "$W/reports/bad.yaml"
spec 'pdf: /tmp/abs.pdf';         check_err "absolute paths are refused" 1 "bad.yaml:2:6: error: '/tmp/abs.pdf' is an absolute path" "$LIT" build "$W/reports/bad.yaml"
spec 'bib: sub/refs.bib';         check_err "folders are refused" 1 "bad.yaml:2:6: error: 'sub/refs.bib' names a folder" "$LIT" build "$W/reports/bad.yaml"
spec 'spreadsheet: s.csv';        check_err "wrong extension" 1 "bad.yaml:2:14: error: 's.csv' must end in .xlsx" "$LIT" build "$W/reports/bad.yaml"
spec 'charts: [venues, pie]';     check_err "unknown chart kind" 1 "bad.yaml:2:18: error: unknown chart kind 'pie'" "$LIT" build "$W/reports/bad.yaml"
spec 'tables: [topics, cloud]';   check_err "unknown table" 1 "bad.yaml:2:18: error: unknown table 'cloud'" "$LIT" build "$W/reports/bad.yaml"
spec 'colour: blue';              check_err "unknown key" 1 "bad.yaml:2:1: error: unknown key 'colour'" "$LIT" build "$W/reports/bad.yaml"
spec 'top: many';                 check_err "wrong type" 1 "bad.yaml:2:6: error: expected an integer" "$LIT" build "$W/reports/bad.yaml"
spec 'charts: {a: 1}';            check_err "wrong shape" 1 "bad.yaml:2:9: error: expected a list" "$LIT" build "$W/reports/bad.yaml"
spec 'years: 2024-2012';          check_err "bad years" 1 "bad.yaml:2:8: error: invalid years" "$LIT" build "$W/reports/bad.yaml"
spec 'pdf_page: a3';              check_err "unknown pdf page" 1 "bad.yaml:2:11: error: unknown pdf page 'a3' .a4, letter, slides." "$LIT" build "$W/reports/bad.yaml"
spec 'style: neon';               check_err "unknown style" 1 "unknown style 'neon'" "$LIT" build "$W/reports/bad.yaml"
printf 'catalog: ../data/nope.yaml\npdf: r.pdf\n' >"$W/reports/bad.yaml"
check_err "missing catalog names the spec line" 1 "bad.yaml:1:10: error: cannot open catalog" "$LIT" build "$W/reports/bad.yaml"
printf 'catalog: ../data/catalog.yaml\ncatalog: x\n' >"$W/reports/bad.yaml"
check_err "duplicate key" 1 "bad.yaml:2:1: error: duplicate key 'catalog'" "$LIT" build "$W/reports/bad.yaml"
# build prints what check finds; --strict fails on a problem, at its catalog line.
printf 'papers:\n  - {key: a, title: A Paper, venue: NOPE, year: 2020}\n' >"$W/data/unknown.yaml"
printf 'catalog: ../data/unknown.yaml\nbib: refs.bib\n' >"$W/reports/unknown.yaml"
check_err "build says what check found" 0 "check: Of the catalog's 1 paper, 1 is at 1 venue the venue table does not know: NOPE .1." \
  "$LIT" build "$W/reports/unknown.yaml"
check_err "build --strict fails on a check problem, at its line" 1 "unknown.yaml:2:5: error: 'a': unknown venue 'NOPE'" \
  "$LIT" build --strict "$W/reports/unknown.yaml"
check_err "build --strict names the spec's catalog line" 1 "reports/unknown.yaml:1:10: error: --strict: check found 1 problems" \
  "$LIT" build --strict "$W/reports/unknown.yaml"
# The output folder may not be a link that leads elsewhere.
mkdir -p "$TMP/elsewhere" && ln -s "$TMP/elsewhere" "$W/reports/linked"
printf 'catalog: ../data/catalog.yaml\nbib: refs.bib\n' >"$W/reports/linked.yaml"
check_err "a linked output folder is refused" 1 "not a folder" "$LIT" build -q "$W/reports/linked.yaml"
check "nothing was written through the link" sh -c "test -z \"\$(ls '$TMP/elsewhere')\""
# A big catalog's spreadsheet is written by a second process: same bytes as the command's.
if [ -x "$TOOLS/gen_catalog" ]; then
  mkdir -p "$W/big/reports"
  cp "$W/data/venues.yaml" "$W/data/topics.yaml" "$W/big/"
  "$TOOLS/gen_catalog" --venues "$W/big/venues.yaml" --topics "$W/big/topics.yaml" -o "$W/big/catalog.yaml" 6000
  printf 'catalog: ../catalog.yaml\ncharts: [years]\nspreadsheet: survey.xlsx\ntables: [venue-year]\n' >"$W/big/reports/big.yaml"
  check "a 6000-paper build with the spreadsheet beside the rest" "$LIT" build -q "$W/big/reports/big.yaml"
  "$LIT" xlsx -q -c "$W/big/catalog.yaml" -o "$TMP/big.xlsx"
  check "its spreadsheet is the one litsurvey xlsx writes" cmp "$TMP/big.xlsx" "$W/big/reports/big/survey.xlsx"
  check "and it reads back" $PY -c "
import openpyxl; wb=openpyxl.load_workbook('$W/big/reports/big/survey.xlsx', read_only=True); assert wb['Papers'].max_row == 6001, wb['Papers'].max_row"
fi
check_exit "no spec is a usage error" 2 "$LIT" build
exit $failed
