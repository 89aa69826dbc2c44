#!/bin/sh
# xlsx_rows.sh - the Papers sheet as LibreOffice prints it: linked titles wrap like the
# others (none is cut at the column's edge), and every row is as tall as the lines it
# shows, no line more or less. Measured on the PDF LibreOffice makes of the seed sheet.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
command -v soffice >/dev/null 2>&1 || { ok "# SKIP no LibreOffice"; exit 0; }
export SOURCE_DATE_EPOCH=1700000000
# the papers with a year: each row then has a year that shows where it starts
"$LIT" xlsx -q --years 1800-2100 -o "$TMP/sheet.xlsx" || not_ok "the seed sheet is written"
(cd "$TMP" && timeout 300 soffice -env:UserInstallation=file://$TMP/profile --headless --convert-to pdf \
   --outdir "$TMP" "$TMP/sheet.xlsx" >/dev/null 2>&1)
check "LibreOffice prints the sheet" test -s "$TMP/sheet.pdf"
pdftotext -bbox "$TMP/sheet.pdf" "$TMP/words.html"
"$LIT" bib --years 1800-2100 --format csl-json -o "$TMP/papers.json"

cat >"$TMP/rows.py" <<'EOF'
import json, re, sys
from collections import defaultdict
html, papers = open(sys.argv[1]).read(), json.load(open(sys.argv[2]))
pages = re.findall(r'<page [^>]*>(.*?)</page>', html, re.S)
word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
title_words, bad_rows, rows_seen, measured = set(), [], 0, []
for page in pages:
    ws = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in word.findall(page)]
    head = {t: (x0, y0) for x0, y0, x1, y1, t in ws if t in ("Title", "Status", "Venue", "Year", "Topics")}
    if len(head) < 5 or head["Title"][1] > 60:
        continue   # not a page of the Papers sheet
    top = head["Title"][1] + 1
    body = [w for w in ws if w[1] > top]
    title_x1 = head["Status"][0]
    title_words.update(w[4] for w in body if w[0] < title_x1)
    # a row starts where its venue or its year is (one line each)
    anchors = sorted({round(w[1], 1) for w in body
                      if head["Venue"][0] - 1 <= w[0] < head["Topics"][0] - 1})
    merged = []
    for y in anchors:
        if not merged or y - merged[-1] > 1:
            merged.append(y)
    for a, b in zip(merged, merged[1:]):
        ys = sorted(w[1] for w in body if a - 0.5 <= w[1] < b - 0.5)
        lines = sum(1 for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] > 2)   # fonts sit a point apart
        text = " ".join(w[4] for w in body if a - 0.5 <= w[1] < a + 0.5 and w[0] < title_x1)
        measured.append((b - a, lines, text))
pitch = min(m[0] for m in measured) if measured else 1   # a row of one line: the sheet prints at one scale
for h, lines, text in measured:
    rows_seen += 1
    if round(h / pitch) != lines:
        bad_rows.append("%r: %.1f lines high, %d shown" % (text[:50], h / pitch, lines))
titled = [p for p in papers if p.get("title")]
cut = [p["title"] for p in titled if re.sub(r"[^\w-]+$", "", p["title"].split()[-1]) not in
       {re.sub(r"[^\w-]+$", "", w) for w in title_words}]
print(("ok" if len(titled) > 150 and not cut else "not ok") + " - every title, linked or not, shows its last word "
      "(%d titles; cut: %s)" % (len(titled), cut[:3]))
print(("ok" if rows_seen > 150 and not bad_rows else "not ok") +
      " - every row is as tall as the lines it shows (%d rows measured; %s)" % (rows_seen, bad_rows[:4]))
EOF
$PY "$TMP/rows.py" "$TMP/words.html" "$TMP/papers.json"
exit $failed
