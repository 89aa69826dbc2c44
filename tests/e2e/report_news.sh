# report_news.sh - a report spec's new_since: REV (a git revision of the catalog) adds a
# "New since" page to report.pdf (read by pdftotext), a New sheet to the spreadsheet (read
# by openpyxl) and a "What is new" section to the README.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/diff
cd "$TMP" || exit 1
git init -q w && cd w && mkdir data reports && cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" data/ &&
  cp "$F/old.yaml" data/catalog.yaml && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm old &&
  cp "$F/new.yaml" data/catalog.yaml
printf 'title: News\ncharts: [venues, years]\nformats: [png]\nspreadsheet: s.xlsx\npdf: report.pdf\nmarkdown: README.md\nnew_since: HEAD\n' >reports/n.yaml
check "build with new_since" "$LIT" build -q reports/n.yaml
pdftotext reports/n/report.pdf all.txt
check "report.pdf: a 'New since HEAD' section with the added and changed papers" sh -c \
  "grep -q '^New since HEAD\$' all.txt && grep -q 'Since revision HEAD of the catalog: 1 added, 2 changed, 1 removed.' all.txt &&
   grep -q '+ \[OSDI 2021\] Pollux' all.txt && grep -q 'venue arXiv.*OSDI' all.txt"
check "report.pdf: the contents list it" sh -c "[ \$(grep -c 'New since HEAD' all.txt) -ge 2 ]"
check "spreadsheet: a New sheet, one row per added, changed, removed paper" $PY -c "
import openpyxl
wb = openpyxl.load_workbook('reports/n/s.xlsx')
assert wb.sheetnames[-1] == 'New', wb.sheetnames
rows = list(wb['New'].iter_rows(values_only=True))
assert rows[0] == ('Change', 'Key', 'Title', 'Venue', 'Year', 'What changed'), rows[0]
assert [r[0] for r in rows[1:]] == ['added', 'changed', 'changed', 'removed'], rows
assert rows[2][1] == 'gavel-arxiv20' and rows[2][5] == 'venue arXiv -> OSDI; topics +Workload and trace analysis; links ~paper +code', rows[2]
"
check "README: a What is new section" sh -c "grep -q '^## What is new' reports/n/README.md && grep -q 'Pollux' reports/n/README.md"
printf 'title: News\npdf: report.pdf\nnew_since: nosuch\n' >reports/bad.yaml
check_err "new_since a revision git does not know: an error at the spec's line" 3 "bad.yaml:3:12: error: new_since: cannot read the catalog at 'nosuch'" \
  "$LIT" build -q reports/bad.yaml
check "a failed build writes no folder" test ! -e reports/bad
printf 'title: News\nnew_since: -x\n' >reports/opt.yaml
check_err "new_since that looks like an option is refused" 1 "opt.yaml:2:12: error: invalid git revision '-x'" "$LIT" build -q reports/opt.yaml
exit $failed
