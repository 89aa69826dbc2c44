#!/bin/sh
# xlsx_basic.sh - `litsurvey xlsx` read back by openpyxl and opened by LibreOffice: sheets,
# cells and their types, links, drop-downs, dates, frozen header, filter, heatmap rules,
# charts in the style's colours, formula-like text kept as text, Unicode, same bytes twice.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
F=tests/fixtures/xlsx
export SOURCE_DATE_EPOCH=1700000000

check_err "writes the workbook (and warns about a date that is not one)" 0 \
  "date 'next week' is not YYYY-MM-DD" \
  "$LIT" xlsx -c $F/catalog.yaml -o "$TMP/a.xlsx"
"$LIT" xlsx -q -c $F/catalog.yaml -o "$TMP/b.xlsx"
check "same input, same bytes" cmp "$TMP/a.xlsx" "$TMP/b.xlsx"
"$LIT" xlsx -q --constant-memory -c $F/catalog.yaml -o "$TMP/cm.xlsx"
"$LIT" xlsx -q --constant-memory -c $F/catalog.yaml -o "$TMP/cm2.xlsx"
check "constant-memory mode: same bytes twice" cmp "$TMP/cm.xlsx" "$TMP/cm2.xlsx"
mkdir "$TMP/only"
"$LIT" xlsx -q --constant-memory -c $F/catalog.yaml -o "$TMP/only/book.xlsx"
check "nothing but the workbook left in its folder" test "$(ls -A "$TMP/only")" = "book.xlsx"
"$LIT" xlsx -q -c $F/catalog.yaml -o - >"$TMP/stdout.xlsx"
check "-o - writes the same bytes to stdout" cmp "$TMP/a.xlsx" "$TMP/stdout.xlsx"

env -u SOURCE_DATE_EPOCH "$LIT" xlsx -q -c $F/catalog.yaml -o "$TMP/n1.xlsx"
env -u SOURCE_DATE_EPOCH "$LIT" xlsx -q -c $F/catalog.yaml -o "$TMP/n2.xlsx"
check "same bytes without SOURCE_DATE_EPOCH too" cmp "$TMP/n1.xlsx" "$TMP/n2.xlsx"
# src/out/xlsx_deflate.c reaches minizip: every member deflated at the fastest level (the
# zip flag bits 1-2 say 3, "super fast", for zlib level 1; 0 for the default level 6).
check "every zip member at zlib's fastest level" /usr/bin/python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = [i.filename for i in z.infolist() if i.compress_type != zipfile.ZIP_DEFLATED or (i.flag_bits >> 1) & 3 != 3]
sys.exit(1 if bad or not z.infolist() else 0)' "$TMP/a.xlsx"
check_err "a name without .xlsx gets a warning" 0 "does not end in .xlsx" \
  "$LIT" xlsx -c $F/catalog.yaml -o "$TMP/book.xls"

sed 's/status: skip/status: maybe/' $F/catalog.yaml >"$TMP/status.yaml"
check_err "a status outside the drop-down is a warning at its paper" 0 \
  "status.yaml:[0-9]+: warning: paper 'megatron-arxiv19': status 'maybe' is not one of" \
  "$LIT" xlsx -c "$TMP/status.yaml" --venues $F/venues.yaml --topics $F/topics.yaml -o "$TMP/status.xlsx"

# Filters reach the workbook: only 2019, with the catalog's total on the Summary.
"$LIT" xlsx -q -c $F/catalog.yaml --years 2019 --title "=Reading group 2019" -o "$TMP/y.xlsx"
cat >"$TMP/filter.py" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
keys = sorted(r[14].value for r in wb["Papers"].iter_rows(min_row=2))
sm = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2) if r[0].value}
bad = []
if keys != ["eq-sum-sosp19", "gpipe-neurips19", "megatron-arxiv19"]: bad.append("papers %s" % keys)
if sm.get("Papers") != 3 or sm.get("Papers in the catalog") != 7: bad.append("summary %s" % sm)
if wb["Summary"]["A1"].value != "=Reading group 2019" or wb["Summary"]["A1"].data_type != "s": bad.append("heading")
if wb.properties.title != "=Reading group 2019": bad.append("title property %r" % wb.properties.title)
if [c.value for c in wb["Topic x Year"][1]] != ["Topic", 2019, "Total"]: bad.append("years %s" % [c.value for c in wb["Topic x Year"][1]])
sys.exit("; ".join(bad) if bad else 0)
EOF
check "--years filters the papers and the statistics; --title is text" $PY "$TMP/filter.py" "$TMP/y.xlsx"

# One checker for both modes: what a reading group and a reviewer rely on.
cat >"$TMP/check.py" <<'EOF'
import datetime, re, sys, yaml, openpyxl
path, style, mode = sys.argv[1], sys.argv[2], sys.argv[3]
# openpyxl decodes OOXML's _xHHHH_ escapes in shared strings but not in the inline strings
# of constant-memory mode; Excel and LibreOffice decode both, as the standard says.
def text(v):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), v) if mode == "cm" else v
wb = openpyxl.load_workbook(path)
values = openpyxl.load_workbook(path, data_only=True)   # what a cell shows: a formula's stored result
bad = []
def want(cond, what):
    print(("ok - " if cond else "not ok - ") + what)
    if not cond: bad.append(what)

want(wb.sheetnames == ["Summary", "Papers", "Venues", "Years", "Topics", "Topic x Year", "Venue x Year", "Chart data"],
     "sheet names %s" % wb.sheetnames)
want(wb.properties.title == "Literature survey" and wb.properties.subject, "title and subject set")
want(wb.properties.created == datetime.datetime(2023, 11, 14, 22, 13, 20), "created from SOURCE_DATE_EPOCH")

ws = wb["Papers"]
head = [c.value for c in ws[1]]
want(head == ["Title", "Status", "Presenter", "Date", "Notes", "Venue", "Year", "Topics", "Short name", "Authors",
              "Code", "Slides", "Talk", "Lists", "Key"], "Papers header %s" % head)
col = {h: i for i, h in enumerate(head)}
rows = {r[col["Key"]].value: r for r in ws.iter_rows(min_row=2) if r[col["Key"]].value}
want(len(rows) == 7 and ws.max_row == 8, "one row per paper (%d)" % len(rows))
# reading order: by topic in taxonomy order (first topic), then year; no topic last
order_all = [t["label"] for t in yaml.safe_load(open("tests/fixtures/xlsx/topics.yaml"))["topics"]]
keys = [r[col["Key"]].value for r in ws.iter_rows(min_row=2)]
want(keys[-1] == "noyear-novenue", "a paper without a topic comes last (%s)" % keys)
tops = [min((list(order_all).index(t) for t in (r[col["Topics"]].value or "").split(", ") if t in order_all), default=99)
        for r in ws.iter_rows(min_row=2)]
want(tops == sorted(tops), "rows sorted by topic (%s)" % tops)
def cell(key, name): return rows[key][col[name]]
def shown(key, name): return values["Papers"][cell(key, name).coordinate].value
# a linked title is =HYPERLINK("url","title") (LibreOffice wraps no cell with a hyperlink);
# its stored result is the title, and the title is only ever a string constant in it
def title_link(key):
    c = cell(key, "Title")
    if c.hyperlink: return c.hyperlink.target
    m = re.fullmatch(r'=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)', c.value or "")
    return m and m.group(1).replace('""', '"')
def title_constant(key):
    m = re.fullmatch(r'=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)', cell(key, "Title").value or "")
    return m and m.group(1).replace('""', '"')

# a title that reads as a formula is a string cell, linked by a hyperlink (never a formula)
s = cell("eq-sum-sosp19", "Title")
want(s.value == "=SUM(A1)" and s.data_type == "s", "a title '=SUM(A1)' stays a string (%r, %s)" % (s.value, s.data_type))
s = cell("at-mention-osdi20", "Title")
want(s.value == "@x marks the spot" and s.data_type == "s", "a title '@x' stays a string")
want(title_constant("micro-unicode21") == "μ-Serve: Café 中文推理 at Scale", "another linked title is a HYPERLINK formula")
want(cell("eq-sum-sosp19", "Short name").value == "+plus" and cell("eq-sum-sosp19", "Short name").data_type == "s",
     "'+plus' stays a string")
want(cell("eq-sum-sosp19", "Notes").value == "-starts with a minus", "'-...' stays a string")
want(shown("micro-unicode21", "Title") == "μ-Serve: Café 中文推理 at Scale", "Unicode title round-trips")
want(cell("micro-unicode21", "Presenter").value == "Zoë 王", "Unicode presenter round-trips")
want(text(cell("micro-unicode21", "Notes").value) == "x_x0041_y stays as written", "a literal _x0041_ is not unescaped")

want(title_link("eq-sum-sosp19") == "https://example.org/sum.pdf", "title linked to its paper")
want(cell("eq-sum-sosp19", "Title").alignment.wrap_text, "a linked title wraps")
for name, url in (("Code", "https://github.com/example/sum"), ("Slides", "https://example.org/sum-slides.pdf"),
                  ("Talk", "https://example.org/sum-talk")):
    c = cell("eq-sum-sosp19", name)
    want(c.value == name.lower() and c.hyperlink and c.hyperlink.target == url, "%s link %s shown as its kind (%r)" % (name, url, c.value))
c = cell("micro-unicode21", "Talk")
want(c.hyperlink and c.hyperlink.target == "https://example.org/talk?a=1&b=2", "query string kept in a link")
c = cell("micro-unicode21", "Slides")
want(c.value == "slides" and c.hyperlink and c.hyperlink.target == "https://example.org/%CE%BC-slides",
     "non-ASCII link: linked percent-encoded (%r)" % (c.hyperlink and c.hyperlink.target))
want(title_link("megatron-arxiv19") == "https://arxiv.org/abs/1909.08053", "arXiv id links the title")
want(cell("noyear-novenue", "Title").hyperlink is None and not title_link("noyear-novenue"), "no link without a URL")

y = cell("eq-sum-sosp19", "Year")
want(y.value == 2019 and y.data_type == "n", "year is a number")
want(cell("noyear-novenue", "Year").value is None, "unknown year left empty")
want(cell("eq-sum-sosp19", "Lists").value == 3, "lists counted (3)")
want(cell("gandiva-osdi18", "Lists").value == 2, "lists counted (2)")
want(cell("gpipe-neurips19", "Topics").value == "Pipeline parallelism, Distributed training", "topic labels")

d = cell("eq-sum-sosp19", "Date")
want(d.is_date and d.value == datetime.datetime(2024, 3, 5) and "yy" in d.number_format, "date is a real date (%r %s)" % (d.value, d.number_format))
want(cell("noyear-novenue", "Date").value == datetime.datetime(2024, 4, 1), "date from a reading: mapping")
want(cell("noyear-novenue", "Presenter").value == "Cy", "presenter from a reading: mapping")
want(cell("gpipe-neurips19", "Date").value == "next week", "a date that is not one is kept as text")
want(cell("gandiva-osdi18", "Status").value == "done" and cell("eq-sum-sosp19", "Presenter").value == "Ana",
     "status and presenter pre-filled")

want(ws.freeze_panes == "B2", "header and titles frozen (%s)" % ws.freeze_panes)
want(ws.auto_filter.ref == "A1:O8", "autofilter over the papers (%s)" % ws.auto_filter.ref)
dvs = {dv.type: dv for dv in ws.data_validations.dataValidation}
want("list" in dvs and dvs["list"].formula1 == '"to read,reading,done,skip"' and "B2" in dvs["list"].sqref,
     "status drop-down on B2...")
want("date" in dvs and "D2" in dvs["date"].sqref, "date validation on D2...")
want("$A$1:$H$8" in str(ws.print_area) and ws.page_setup.orientation == "landscape"
     and ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1) and ws.print_title_rows == "$1:$1",
     "printed: title to topics, landscape, one page wide, header repeated (%s %s)" % (ws.print_area, ws.print_title_rows))
# a row is as tall as its wrapped text, so that LibreOffice does not overprint the next one
# (tests/e2e/xlsx_rows.sh measures the rows LibreOffice draws)
want(all((ws.row_dimensions[r[0].row].height or 15) >= 15 * (1 + len(shown(r[col["Key"]].value, "Title") or "") // 100)
         for r in ws.iter_rows(min_row=2)), "rows tall enough for their wrapped titles")
rules = [r.type for rng in ws.conditional_formatting for r in rng.rules]
want("expression" in rules and "cellIs" in rules, "banding and status colours (%s)" % rules)
widths = {k: v.width for k, v in ws.column_dimensions.items()}
want(20 <= widths["A"] <= 61.8 and cell("gpipe-neurips19", "Title").alignment.wrap_text, "title column capped and wrapped (%s)" % widths["A"])
want(widths["O"] >= len("gpipe-neurips19") and widths["O"] < 40, "key column fits its keys (%s)" % widths["O"])
want(all(widths[c] <= 10 for c in "KLM"), "link columns narrow (%s)" % [widths[c] for c in "KLM"])

pal = [c.lstrip("#").upper() for c in yaml.safe_load(open(style))["palette"]]
# colours as the Cairo charts give them: by size (most papers first, ties in taxonomy order)
tcount = {r[0].value: r[3].value for r in wb["Topics"].iter_rows(min_row=2) if r[0].value}
ranked = sorted(order_all, key=lambda t: (-tcount.get(t, 0), order_all.index(t)))
order = {t: ranked.index(t) for t in order_all}
ty = wb["Topic x Year"]
want([c.value for c in ty[1]] == ["Topic", 2018, 2019, 2020, 2021, "Total"], "topic x year header")
m = {r[0].value: [c.value for c in r[1:]] for r in ty.iter_rows(min_row=2)}
want(m["Distributed training"] == [0, 3, 0, 0, 3] and m["Inference serving"] == [0, 0, 0, 1, 2], "topic x year counts as numbers")
sty = yaml.safe_load(open(style))
def heat_rules(sheet):   # value range -> fill, from the cell rules of a heatmap sheet
    return [(float(r.formula[0]), float(r.formula[-1]), r.dxf.fill.bgColor.rgb[-6:].upper())
            for rng in sheet.conditional_formatting for r in rng.rules if r.type == "cellIs"]
hr = heat_rules(ty)
mx = max(v for row in m.values() for v in row[:-1])
want(hr and hr[0] == (0, 0, sty["colors"]["empty"].lstrip("#").upper()), "0 in the style's empty colour (%s)" % hr[:1])
want(hr and hr[-1][1] == mx and hr[-1][2] == sty["sequential"][-1].lstrip("#").upper(),
     "the most papers at the top of the sequential scale (%s)" % hr[-1:])
seq = [c.lstrip("#").upper() for c in sty["sequential"]]
def near_scale(hexc):   # on the scale's piecewise-linear path, not an RGB blend of its ends
    c = [int(hexc[i:i + 2], 16) for i in (0, 2, 4)]
    pts = [[int(h[i:i + 2], 16) for i in (0, 2, 4)] for h in seq]
    best = 1e9
    for a, b in zip(pts, pts[1:]):
        for k in range(101):
            q = [a[j] + (b[j] - a[j]) * k / 100 for j in range(3)]
            best = min(best, sum((q[j] - c[j]) ** 2 for j in range(3)) ** 0.5)
    return best < 3
want(all(near_scale(c) for lo, hi, c in hr[1:]), "every heat colour lies on the style's sequential scale (%s)" % hr)
want(m["Distributed training"] and ty["B2"].number_format == "0;-0;;@", "zero counts hidden as in the charts")
vy = wb["Venue x Year"]
want(len(heat_rules(vy)) > 1, "heat colours on venue x year")

def fill(sp):
    gp = sp.graphicalProperties
    if gp is None: return None
    if gp.solidFill is not None: return gp.solidFill.srgbClr
    if gp.line is not None and gp.line.solidFill is not None: return gp.line.solidFill.srgbClr
for sheet in ("Topic x Year", "Summary"):
    stacked = [ch for ch in wb[sheet]._charts if getattr(ch, "grouping", "") == "stacked"]
    want(len(stacked) == 1, "%s: one stacked topic chart" % sheet)
    for sr in stacked[0].series if stacked else []:
        label = wb["Chart data"][sr.tx.strRef.f.split("!")[1].replace("$", "")].value
        want(fill(sr) == pal[order[label]], "%s: %s in its palette colour %s (got %s)" % (sheet, label, pal[order[label]], fill(sr)))
    names = [wb["Chart data"][sr.tx.strRef.f.split("!")[1].replace("$", "")].value for sr in stacked[0].series] if stacked else []
    want(names == ["Distributed training", "Cluster scheduling", "Inference serving", "Pipeline parallelism"],
         "%s: the Cairo chart's series, largest topic at the bottom %s" % (sheet, names))
counts = {s: len(wb[s]._charts) for s in wb.sheetnames}
want(counts == {"Summary": 4, "Papers": 0, "Venues": 1, "Years": 1, "Topics": 1, "Topic x Year": 1, "Venue x Year": 0,
                "Chart data": 0},
     "charts present %s" % counts)
tc = wb["Topics"]._charts[0].series[0]
first, last = (tc.cat.strRef or tc.cat.numRef).f.split("!")[1].replace("$", "").split(":")
bars = [c[0].value for c in wb["Chart data"][first:last]]
want([p.graphicalProperties.solidFill.srgbClr for p in tc.dPt] == [pal[order[t]] for t in bars], "topic bars in topic colours")

sm = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2) if r[0].value}
want(sm.get("Papers") == 7 and sm.get("Venues") == 4 and sm.get("Lists merged") == 3, "key figures %s" % sm)
want(sm.get("Papers with code") == 2 and sm.get("Papers with slides or a talk") == 2, "papers with code, slides or talk")
want(cell("gandiva-osdi18", "Authors").value == "Wencong Xiao, Romil Bhardwaj", "authors joined")
want(sm.get("Papers without a year") == 1 and sm.get("Papers without a venue") == 1, "papers without year/venue")
want(str(sm.get("Years covered", "")).startswith("2018"), "years covered")
v = {r[0].value: r[4].value for r in wb["Venues"].iter_rows(min_row=2)}
want(v == {"NeurIPS": 2, "OSDI": 2, "SOSP": 1, "arXiv": 1}, "venue counts %s" % v)
sys.exit(1 if bad else 0)
EOF
for f in a cm; do
  $PY "$TMP/check.py" "$TMP/$f.xlsx" styles/talk.yaml $f >"$TMP/check.out" 2>&1
  rc=$?
  sed "s/^\(not \)\{0,1\}ok - /&[$f] /" "$TMP/check.out" | grep -E '^(not )?ok'
  [ $rc -eq 0 ] || { not_ok "[$f] checker ran"; grep -v '^ok' "$TMP/check.out" | head -20 | sed 's/^/#   /'; }
done

# The seed catalog (22 topics): the trend charts show the 8 biggest, and not "Other topics",
# which outgrows each of them, counting each paper once, as the Cairo chart does, in the
# style's colours.
if [ -f data/catalog.yaml ]; then
  check "the seed catalog's workbook" "$LIT" xlsx -q -o "$TMP/seed.xlsx"
  cat >"$TMP/seed.py" <<'EOF'
import sys, yaml, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
sty = yaml.safe_load(open(sys.argv[2]))
other = sty["colors"]["other"].lstrip("#").upper()
cd = wb["Chart data"]
stacked = [ch for ch in wb["Topic x Year"]._charts if ch.grouping == "stacked"][0]
names = [cd[sr.tx.strRef.f.split("!")[1].replace("$", "")].value for sr in stacked.series]
cols = [sr.graphicalProperties.solidFill.srgbClr for sr in stacked.series]
size = {r[0].value: r[3].value for r in wb["Topics"].iter_rows(min_row=2) if r[0].value}
top = sorted(size.values(), reverse=True)[:8]
bad = []
# "Other topics" (the 14 smaller ones) outgrows each named topic: on Chart data, not drawn
rows = {r[0].value: sum(c.value or 0 for c in r[1:] if isinstance(c.value, int)) for r in cd.iter_rows(min_row=2, max_row=10)}
if len(names) != 8 or "Other topics" in names: bad.append("series %s %s" % (names, cols))
if rows.get("Other topics", 0) <= max(v for k, v in rows.items() if k != "Other topics"): bad.append("other %s" % rows)
if [size[n] for n in names] != top: bad.append("not the 8 biggest: %s" % names)
# each paper once, under the largest of its topics: the rows add up to the dated papers with a topic
cat = yaml.safe_load(open("data/catalog.yaml"))["papers"]
dated = sum(1 for p in cat if p.get("year") and p.get("topics"))
if sum(c.value or 0 for r in cd.iter_rows(min_row=2, max_row=10) for c in r[1:] if isinstance(c.value, int)) != dated:
    bad.append("rows do not add up to the %d dated papers with a topic" % dated)
if wb["Papers"].max_row != 1 + wb["Summary"]["B3"].value: bad.append("rows")
sys.exit("; ".join(bad) if bad else 0)
EOF
  check "seed: the 8 biggest topics, Other topics on Chart data but not drawn, as in the Cairo chart" $PY "$TMP/seed.py" "$TMP/seed.xlsx" styles/talk.yaml
fi

# Another style, other colours: the charts follow it.
"$LIT" xlsx -q --style dark -c $F/catalog.yaml -o "$TMP/dark.xlsx"
cat >"$TMP/colours.py" <<'EOF'
import sys, yaml, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
pal = [c.lstrip("#").upper() for c in yaml.safe_load(open(sys.argv[2]))["palette"]]
got = [p.graphicalProperties.solidFill.srgbClr for p in wb["Topics"]._charts[0].series[0].dPt]
rows = [r[0].value for r in wb["Topics"].iter_rows(min_row=2) if r[0].value]
want = pal[:len(rows)]   # the bars by size, most papers first: the palette in its order
if got != want: sys.exit("got %s, want %s" % (got, want))
# openpyxl drops the chart area's fill: read the chart parts themselves
import zipfile
sty = yaml.safe_load(open(sys.argv[2]))
bg = sty["colors"]["background"].lstrip("#").upper()
z = zipfile.ZipFile(sys.argv[1])
charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
plain = [n for n in charts if ('<c:chartSpace' in z.read(n).decode() and 'val="%s"' % bg not in z.read(n).decode())]
sys.exit("charts without the style's background %s: %s" % (bg, plain) if plain or not charts else 0)
EOF
if grep -q '^palette' styles/dark.yaml; then
  check "--style dark: topic colours and chart background from styles/dark.yaml" $PY "$TMP/colours.py" "$TMP/dark.xlsx" styles/dark.yaml
fi

# LibreOffice opens it, and reads formula-like titles as text (a formula would show its value).
if command -v soffice >/dev/null 2>&1; then
  for f in a cm; do
    mkdir -p "$TMP/lo"
    (cd "$TMP/lo" && timeout 120 soffice -env:UserInstallation=file://$TMP/lo/profile --headless \
       --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
       --outdir "$TMP/lo" "$TMP/$f.xlsx" >/dev/null 2>&1)
    csv="$TMP/lo/$f-Papers.csv"
    check "[$f] LibreOffice converts the Papers sheet to CSV" test -s "$csv"
    check "[$f] LibreOffice keeps '=SUM(A1)' as text" grep -q '^"=SUM(A1)",\|^=SUM(A1),' "$csv"
    check "[$f] LibreOffice reads the Unicode title" grep -q 'μ-Serve: Café 中文推理 at Scale' "$csv"
    check "[$f] LibreOffice sees the date as a date" grep -q '2024-03-05' "$csv"
    check "[$f] LibreOffice keeps a literal _x0041_" grep -q 'x_x0041_y stays as written' "$csv"
    check "[$f] LibreOffice reads the heatmap numbers" grep -q '^Distributed training,0,3,0,0,3' "$TMP/lo/$f-Topic x Year.csv"
  done
else
  ok "# SKIP LibreOffice not installed"
fi

# Errors: usage, unknown style, unwritable folder; the target is never half-written.
check "--help prints the usage" sh -c "'$LIT' xlsx --help | grep -q 'usage: litsurvey xlsx -o FILE.xlsx'"
check_err "an argument is a usage error" 2 "unexpected argument 'extra'" "$LIT" xlsx -c $F/catalog.yaml -o "$TMP/x.xlsx" extra
check_err "missing -o is a usage error" 2 "missing -o" "$LIT" xlsx -c $F/catalog.yaml
check_err "unknown style is a usage error" 2 "unknown style" "$LIT" xlsx -c $F/catalog.yaml --style nosuch -o "$TMP/x.xlsx"
check "no output after a usage error" test ! -e "$TMP/x.xlsx"
check_err "unwritable folder is an I/O error" 3 "cannot write" "$LIT" xlsx -q -c $F/catalog.yaml -o "$TMP/no/such/dir/x.xlsx"
printf 'papers:\n  - key: [broken\n' >"$TMP/bad.yaml"
cp "$TMP/a.xlsx" "$TMP/keep.xlsx"
check_exit "bad catalog exits 1" 1 "$LIT" xlsx -c "$TMP/bad.yaml" --venues $F/venues.yaml --topics $F/topics.yaml -o "$TMP/keep.xlsx"
check "an existing target is untouched after a failure" cmp "$TMP/a.xlsx" "$TMP/keep.xlsx"
check "no temporary left behind" sh -c "! ls -A '$TMP' | grep -q '^\.keep'"
exit $failed
