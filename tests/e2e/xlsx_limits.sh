#!/bin/sh
# xlsx_limits.sh - what Excel cannot hold is a warning, never a corrupt file: cells over
# 32,767 characters are cut (counted in UTF-16 units, as Excel does), links stop at
# libxlsxwriter's 65,530 per sheet; the file still opens in openpyxl and LibreOffice.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
F=tests/fixtures/xlsx
export SOURCE_DATE_EPOCH=1700000000
T="--venues $F/venues.yaml --topics $F/topics.yaml"

# Over-long cells: ASCII, CJK (3 bytes each) and emoji (two UTF-16 units each).
$PY - "$TMP/long.yaml" <<'EOF'
import sys, yaml
papers = [
    {"key": "ascii", "title": "=" + "a" * 39999, "venue": "OSDI", "year": 2020},
    {"key": "cjk", "title": "中" * 40000, "venue": "OSDI", "year": 2020},
    {"key": "emoji", "title": "\U0001F600" * 20000, "venue": "OSDI", "year": 2021, "notes": "ok " * 20000},
    {"key": "longurl", "title": "A paper with a very long code link", "venue": "OSDI", "year": 2021,
     "links": {"code": "https://example.org/" + "x" * 3000, "slides": "ftp://example.org/s.pdf",
               "talk": "javascript:alert(1)"}},
]
yaml.safe_dump({"papers": papers}, open(sys.argv[1], "w"), allow_unicode=True, width=1 << 30)
EOF
check_err "over-long cells are cut with a warning" 0 "cut to Excel's limit of 32767 characters" \
  "$LIT" xlsx -c "$TMP/long.yaml" $T -o "$TMP/long.xlsx"
cat >"$TMP/long.py" <<'EOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Papers"]
t = {r[14].value: r[0].value for r in ws.iter_rows(min_row=2)}   # Key is column O, Title A
notes = {r[14].value: r[4].value for r in ws.iter_rows(min_row=2)}
bad = []
if t["ascii"] != "=" + "a" * 32766: bad.append("ascii: %d" % len(t["ascii"]))
if t["cjk"] != "中" * 32767: bad.append("cjk: %d" % len(t["cjk"]))
if t["emoji"] != "\U0001F600" * 16383: bad.append("emoji: %d code points" % len(t["emoji"]))
row = {r[14].value: r for r in ws.iter_rows(min_row=2)}["longurl"]
code = row[10]   # Code, Slides, Talk are K, L, M
if code.value != "https://example.org/" + "x" * 3000 or code.hyperlink is not None: bad.append("long URL linked")
if row[11].hyperlink is None or row[11].hyperlink.target != "ftp://example.org/s.pdf": bad.append("ftp not linked")
if row[12].value != "javascript:alert(1)" or row[12].hyperlink is not None: bad.append("javascript: linked")
if len(notes["emoji"]) != 32767 or not notes["emoji"].startswith("ok ok"): bad.append("notes: %d" % len(notes["emoji"]))
sys.exit("; ".join(bad) if bad else 0)
EOF
check "a link over Excel's 2079 characters is a warning" grep -q "code link longer than Excel's 2079 characters" "$TMP/.err"
check "cut cells hold exactly Excel's limit (UTF-16 units); only web links are linked" $PY "$TMP/long.py" "$TMP/long.xlsx"

# More links than a sheet can hold: 22,000 papers with three link cells each (code, slides,
# talk; titles link by a HYPERLINK formula, which is no hyperlink of the sheet).
$PY - "$TMP/links.yaml" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("papers:\n")
    for i in range(22000):
        u = "https://example.org/p%05d" % i
        f.write('  - key: p%05d\n    title: "Paper %d"\n    venue: OSDI\n    year: %d\n'
                '    links: {paper: "%s.pdf", code: "%s/code", slides: "%s/slides", talk: "%s/talk"}\n'
                % (i, i, 2015, u, u, u, u))   # one year: rows stay in key order
EOF
check_err "too many links: a warning" 0 "more than 65530 hyperlinks" \
  "$LIT" xlsx -c "$TMP/links.yaml" $T -o "$TMP/links.xlsx"
# openpyxl resolves each link with a linear search (minutes for 65,000): read the sheet's
# XML with the standard library instead.
cat >"$TMP/links.py" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
sheet = z.read("xl/worksheets/sheet2.xml").decode()
rels = z.read("xl/worksheets/_rels/sheet2.xml.rels").decode()
strings = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in names else ""
refs = re.findall(r'<hyperlink ref="[A-Z]+(\d+)"', sheet)
rows = sorted({int(r) for r in refs})
bad = []
if len(refs) != 65529: bad.append("links %d (want 65529: whole rows up to 65530)" % len(refs))
if rels.count("<Relationship ") != len(refs): bad.append("relationships %d" % rels.count("<Relationship "))
if rows and (rows[0] != 2 or rows[-1] != 21844 or len(rows) != 21843): bad.append("linked rows %d..%d" % (rows[0], rows[-1]))
if '<row r="22001"' not in sheet: bad.append("last paper row missing")
if "https://example.org/p21999/code" not in sheet + strings: bad.append("unlinked URL not kept as text")
if not re.search(r'<f>HYPERLINK\((&quot;|")https://example.org/p21999\.pdf(&quot;|"),(&quot;|")Paper 21999(&quot;|")\)</f>', sheet):
    bad.append("a title past the limit is still linked")
sys.exit("; ".join(bad) if bad else 0)
EOF
check "links stop at whole rows below the limit; the rest is text" $PY "$TMP/links.py" "$TMP/links.xlsx"
if command -v soffice >/dev/null 2>&1; then
  (cd "$TMP" && timeout 300 soffice -env:UserInstallation=file://$TMP/profile --headless \
     --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2' \
     --outdir "$TMP" "$TMP/long.xlsx" >/dev/null 2>&1)
  check "LibreOffice opens the workbook with cut cells" grep -q '^=aaaa.*,ascii$' "$TMP/long-Papers.csv"
fi
exit $failed
