# sheet_back.sh - the workbook round-trips: what a reading group edits in the Papers sheet
# (Status, Presenter, Date, Notes, columns it adds) comes back into the catalog with
# `import survey.xlsx -m catalog.yaml`, by key, whatever the sheet's order or filter, and
# the next `xlsx` writes it again. Edited by LibreOffice (headless, through UNO), by way
# of a CSV LibreOffice converts, and in the XML shapes Excel saves; bounded and located
# errors for workbooks that are not, or are too much.
. "$(dirname "$0")/../lib.sh"
cd "$TMP" || exit 1
cp "$ROOT/data/catalog.yaml" catalog.yaml
# a field written by hand at the top of an entry stays there; one the sheet clears goes
$PY - <<'EOF'
s = open('catalog.yaml').read()
def add(key, lines):   # at the end of the entry, where litsurvey writes hand-added fields
    global s
    at = s.index('\n- key: ', s.index('- key: %s\n' % key))
    s = s[:at] + lines + s[at:]
add('gandiva-osdi18', '\n  status: reading')
add('tiresias-nsdi19', '\n  reading:\n    presenter: Bo')
open('catalog.yaml', 'w').write(s)
EOF
"$LIT" xlsx -q -o survey.xlsx
check_exit "a workbook reads back only into a catalog (-m)" 2 "$LIT" import survey.xlsx -o x.yaml
"$LIT" import -q survey.xlsx -m catalog.yaml -o same.yaml
check "a workbook as written reads back to the same catalog, byte for byte" cmp catalog.yaml same.yaml

# ---- LibreOffice: cells edited, a column added, a key changed, sorted, filtered, saved ----
cat >edits.json <<'EOF'
{"cells": [["pipedream-sosp19", "Status", "done"], ["pipedream-sosp19", "Presenter", "Ann Lee"],
           ["pipedream-sosp19", "Date", "date:2024-03-05"], ["pipedream-sosp19", "Notes", "compare with GPipe;\nsee §3 — “bubbles”"],
           ["gpipe-neurips19", "Status", "reading"], ["gpipe-neurips19", "Votes", 3], ["gpipe-neurips19", "Room", "B-12"],
           ["gandiva-osdi18", "Status", "done"], ["tiresias-nsdi19", "Presenter", null],
           ["pollux-osdi21", "Status", "to read"], ["pollux-osdi21", "Notes", "=not a formula"]],
 "rekey": [["pollux-osdi21", "pollux-gone"]],
 "sort": "Title", "filter": ["Status", "done"]}
EOF
if $PY "$ROOT/tests/lo_edit.py" survey.xlsx lo.xlsx edits.json 2>lo.err; then
  check "LibreOffice saved the workbook with the sheet filtered (hidden rows)" sh -c "unzip -p lo.xlsx xl/workbook.xml | grep -q 'Papers' && unzip -p lo.xlsx 'xl/worksheets/sheet*.xml' | grep -q 'hidden=\"\(true\|1\)\"'"
  "$LIT" import lo.xlsx -m catalog.yaml -o lo.yaml 2>lo-import.err
  check "every LibreOffice edit is in the catalog" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('lo.yaml'))['papers']}
r = p['pipedream-sosp19']['reading']
assert r['status'] == 'done' and r['presenter'] == 'Ann Lee' and str(r['date']) == '2024-03-05', r
assert r['notes'] == 'compare with GPipe;\nsee §3 — “bubbles”', repr(r['notes'])
g = p['gpipe-neurips19']['reading']
assert g == {'status': 'reading', 'Votes': 3, 'Room': 'B-12'}, g
assert p['gandiva-osdi18']['status'] == 'done' and 'reading' not in p['gandiva-osdi18'], p['gandiva-osdi18']
assert 'reading' not in p['tiresias-nsdi19'], p['tiresias-nsdi19']
assert 'reading' not in p['pollux-osdi21'] and 'status' not in p['pollux-osdi21'], p['pollux-osdi21']
"
  check "a row whose key is gone is reported with its values, not lost" \
    grep -q "lo.xlsx: warning: sheet 'Papers', O[0-9]*: no paper 'pollux-gone' in the catalog: row [0-9]* not read back (Status 'to read', Notes '=not a formula')" lo-import.err
  check "the summary counts what came back" grep -q "lo.xlsx: read back 218 rows of sheet 'Papers' into 218 papers: 9 fields changed; 1 row whose key no paper has" lo-import.err
  "$LIT" xlsx -q -c lo.yaml -o next.xlsx
  check "the next workbook writes them again (a real date, numbers, the added columns)" $PY -c "
import openpyxl, datetime
ws = openpyxl.load_workbook('next.xlsx')['Papers']
h = [c.value for c in ws[1]]
assert h[-2:] == ['Votes', 'Room'], h
rows = {r[h.index('Key')]: dict(zip(h, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[h.index('Key')]}
a = rows['pipedream-sosp19']
assert (a['Status'], a['Presenter'], a['Date']) == ('done', 'Ann Lee', datetime.datetime(2024, 3, 5)), a
assert rows['gpipe-neurips19']['Votes'] == 3 and rows['gpipe-neurips19']['Room'] == 'B-12', rows['gpipe-neurips19']
assert rows['gandiva-osdi18']['Status'] == 'done'
"
  "$LIT" import -q next.xlsx -m lo.yaml -o lo2.yaml
  check "and reading that one back changes nothing" cmp lo.yaml lo2.yaml
else
  not_ok "LibreOffice could not edit the workbook"; sed 's/^/#   /' lo.err | head
fi

# ---- by way of a CSV: the Papers sheet exported, edited, sorted, converted back ----
LO="soffice --headless -env:UserInstallation=file://$TMP/lo-profile"
$LO --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2' --outdir csv survey.xlsx >/dev/null 2>&1
$PY - <<'EOF'
import csv
rows = list(csv.reader(open('csv/survey-Papers.csv', encoding='utf-8')))
h = rows[0]
for r in rows[1:]:
    if r[h.index('Key')] == 'pipedream-sosp19':
        r[h.index('Status')], r[h.index('Date')], r[h.index('Notes')] = 'skip', '2024-11-02', 'from the CSV'
h.append('Slides ready')
for r in rows[1:]:
    r.append('yes' if r[h.index('Key')] == 'gpipe-neurips19' else '')
rows = [h] + sorted(rows[1:], key=lambda r: r[h.index('Year')])
csv.writer(open('edited.csv', 'w', encoding='utf-8', newline='')).writerows(rows)
EOF
$LO --infilter='Text - txt - csv (StarCalc):44,34,76,1' --convert-to xlsx --outdir csv edited.csv >/dev/null 2>&1
check "LibreOffice converted the edited CSV into a workbook of one sheet" sh -c "unzip -p csv/edited.xlsx xl/workbook.xml | grep -q 'name=\"edited\"'"
"$LIT" import csv/edited.xlsx -m catalog.yaml -o csv.yaml 2>csv.err
check "the CSV edits are in the catalog (the sheet found by its Key column)" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('csv.yaml'))['papers']}
r = p['pipedream-sosp19']['reading']
assert r['status'] == 'skip' and str(r['date']) == '2024-11-02' and r['notes'] == 'from the CSV', r
assert p['gpipe-neurips19']['reading'] == {'Slides ready': 'yes'}, p['gpipe-neurips19']
assert p['gandiva-osdi18']['status'] == 'reading', 'an untouched field stays'
"

# ---- Excel's XML shapes: shared strings, rich text, escapes, both date systems ----
cat >rows.json <<'EOF'
[{"Title": "", "Status": "", "Presenter": "", "Date": "", "Notes": "", "Key": "", "Score": ""},
 {"Title": "PipeDream", "Status": "done", "Presenter": "Ann|Lee", "Date": "date:2024-03-05", "Notes": "line one\r\nline two", "Key": "pipedream-sosp19", "Score": 4.5},
 {"Title": "GPipe", "Status": "inline:reading", "Presenter": "formula:Bo", "Date": "date:2023-12-31", "Notes": "  padded  ", "Key": "gpipe-neurips19", "Score": true},
 {"Title": "Gandiva", "Status": "skip", "Key": "gandiva-osdi18"},
 {"Title": "Gone", "Status": "done", "Notes": "keep me", "Key": "no-such-paper"}]
EOF
for sys in 1900 1904; do
  $PY "$ROOT/tests/xlsx_shapes.py" edited excel-$sys.xlsx rows.json $sys
  "$LIT" import excel-$sys.xlsx -m catalog.yaml -o excel-$sys.yaml 2>excel-$sys.err
  check "Excel's shapes, $sys date system: every cell read back" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('excel-$sys.yaml'))['papers']}
r = p['pipedream-sosp19']['reading']
assert r == {'status': 'done', 'presenter': 'AnnLee', 'date': __import__('datetime').date(2024, 3, 5), 'notes': 'line one\nline two', 'Score': 4.5}, r
g = p['gpipe-neurips19']['reading']
assert g == {'status': 'reading', 'presenter': 'Bo', 'date': __import__('datetime').date(2023, 12, 31), 'notes': '  padded  ', 'Score': 'TRUE'}, g
assert p['gandiva-osdi18']['status'] == 'skip'
"
  check "Excel's shapes, $sys: the gone row reported with its values" grep -q "no paper 'no-such-paper' in the catalog: row [0-9]* not read back (Status 'done', Notes 'keep me')" excel-$sys.err
done

# ---- workbooks that are not, or are too much: located errors, the catalog untouched ----
cp catalog.yaml keep.yaml
printf 'not a zip\n' >text.xlsx
check_err "not a zip file: an error" 1 "text.xlsx: error: not an .xlsx workbook \(not a zip file\)" "$LIT" import text.xlsx -m catalog.yaml
$PY "$ROOT/tests/xlsx_shapes.py" bomb bomb.xlsx
check_err "a part that inflates 1000x: refused as a zip bomb" 1 "bomb.xlsx: error: the part 'xl/worksheets/sheet2.xml' inflates more than 200x \(a zip bomb\?\): not read" \
  "$LIT" import bomb.xlsx -m catalog.yaml
for k in far-row far-col bad-xml bad-string long-cell; do $PY "$ROOT/tests/xlsx_shapes.py" $k $k.xlsx; done
check_err "a row past Excel's last row" 1 "far-row.xlsx: error: sheet 'Papers': row 1048577 is past Excel's last row" "$LIT" import far-row.xlsx -m catalog.yaml
check_err "a cell past Excel's last column" 1 "far-col.xlsx: error: sheet 'Papers', row 2: a cell past Excel's last column" "$LIT" import far-col.xlsx -m catalog.yaml
check_err "XML that is not well-formed: its part and line" 1 "bad-xml.xlsx: error: the part 'xl/worksheets/sheet2.xml' is not well-formed XML \(line 2" "$LIT" import bad-xml.xlsx -m catalog.yaml
check_err "a shared string the table does not have" 1 "bad-string.xlsx: error: sheet 'Papers', cell A2: shared string '7' is not in the table" "$LIT" import bad-string.xlsx -m catalog.yaml
check_err "a cell longer than Excel holds" 1 "long-cell.xlsx: error: sheet 'Papers', cell A2: more than 65536 bytes" "$LIT" import long-cell.xlsx -m catalog.yaml
# ---- the input limit and the text rules hold for a workbook as for any input ----
$PY -c "
import json, random
r = random.Random(1)
text = lambda: ''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') for _ in range(60000))
print(json.dumps([{'Title': '', 'Notes': '', 'Key': ''}] + [{'Title': 'T', 'Notes': text(), 'Key': 'k%d' % i} for i in range(3)]))" >big.json
$PY -c "
import json
print(json.dumps([{'Title': '', 'Notes': '', 'Key': ''}] + [{'Title': 'T', 'Notes': str(i) + 'x' * 60000, 'Key': 'k%d' % i} for i in range(5)]))" >wide.json
$PY "$ROOT/tests/xlsx_shapes.py" edited big.xlsx big.json
$PY "$ROOT/tests/xlsx_shapes.py" edited wide.xlsx wide.json
check_err "a workbook larger than --max-input: refused by its size (I/O, exit 3)" 3 \
  "big.xlsx: error: [0-9.]* KiB is larger than the input limit of 120 KiB" "$LIT" import --max-input 120K big.xlsx -m catalog.yaml
check "a small file whose parts inflate to 300 KB" sh -c "[ \$(wc -c <wide.xlsx) -lt 20000 ]"
check_err "a part that inflates past --max-input: refused (exit 3)" 3 \
  "wide.xlsx: error: the part 'xl/sharedStrings.xml' inflates to more than the input limit" "$LIT" import --max-input 200K wide.xlsx -m catalog.yaml
mkfifo fifo.xlsx
check_err "a FIFO named .xlsx: refused, not waited on" 3 "fifo.xlsx: error: not a regular file" timeout 10 "$LIT" import fifo.xlsx -m catalog.yaml
cat >text.json <<'EOF'
[{"Title": "", "Status": "", "Presenter": "", "Notes": "", "Key": ""},
 {"Title": "PipeDream", "Status": "done _xFFFE_", "Presenter": "Ann \u0085 Lee", "Notes": "a \ufdd0 b _xD800_ c _xD83D__xDE80_", "Key": "pipedream-sosp19"}]
EOF
$PY "$ROOT/tests/xlsx_shapes.py" edited text-rules.xlsx text.json
"$LIT" import text-rules.xlsx -m catalog.yaml -o text.yaml 2>text.err
check "noncharacters, C1 controls and lone surrogates in cells become U+FFFD; a pair of surrogates, its character" $PY -c "
import yaml
r = {x['key']: x for x in yaml.safe_load(open('text.yaml'))['papers']}['pipedream-sosp19']['reading']
assert r == {'status': 'done \ufffd', 'presenter': 'Ann \ufffd Lee', 'notes': 'a \ufffd b \ufffd c \U0001F680'}, r
"
check "each with a warning at its cell" sh -c "grep -q \"text-rules.xlsx: warning: sheet 'Papers', cell B2: noncharacter U+FFFE replaced by U+FFFD\" text.err &&
  grep -q 'cell C2: control character U+0085 replaced' text.err && grep -q 'cell D2: noncharacter U+FDD0 replaced' text.err"
printf '[{"Title": "", "Status": ""}, {"Title": "A", "Status": "done"}]' >nokey.json
$PY "$ROOT/tests/xlsx_shapes.py" edited nokey.xlsx nokey.json 2>/dev/null
check_err "a Papers sheet without a Key column" 1 "nokey.xlsx: error: sheet 'Papers' has no Key column" "$LIT" import nokey.xlsx -m catalog.yaml
check "after every error the catalog is as it was" cmp catalog.yaml keep.yaml
exit $failed
