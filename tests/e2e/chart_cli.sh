# chart_cli.sh - `litsurvey chart`: options, usage and style errors, --data, golden files.
. "$(dirname "$0")/../lib.sh"
T="-c $ROOT/tests/fixtures/charts/tiny/catalog.yaml"
S="-c $ROOT/tests/fixtures/charts/sample.yaml"
G="$ROOT/tests/fixtures/charts/golden"

check "chart --help" sh -c "$LIT chart --help | grep -q 'usage: litsurvey chart KIND'"
check_err "unknown kind is a usage error" 2 "unknown chart 'pie'" "$LIT" chart pie $T -o "$TMP/x.pdf"
check_err "no kind is a usage error" 2 "which chart" "$LIT" chart $T -o "$TMP/x.pdf"
check_err "missing -o is a usage error" 2 "missing -o" "$LIT" chart venues $T
check_err "unknown extension is a usage error" 2 "cannot tell the format of 'x.jpg'" "$LIT" chart venues $T -o x.jpg
check_err "unknown style is a usage error" 2 "unknown style 'comic'" "$LIT" chart venues $T -o "$TMP/x.pdf" --style comic
check_err "bad --top" 2 "--top wants a number" "$LIT" chart venues $T -o "$TMP/x.pdf" --top 0
check_err "bad --stacked" 2 "--stacked is area or bars" "$LIT" chart topic-trend $T -o "$TMP/x.pdf" --stacked pie
check_err "two kinds" 2 "one chart at a time" "$LIT" chart venues years $T -o "$TMP/x.pdf"
check_err "missing catalog" 3 "cannot open" "$LIT" chart venues -c "$TMP/none.yaml" -o "$TMP/x.pdf"
check_err "unwritable output is an I/O error" 3 "no/such/dir/x.pdf" "$LIT" chart venues $T -o "$TMP/no/such/dir/x.pdf"
[ -e "$TMP/x.pdf" ] && not_ok "failed runs leave no output" || ok "failed runs leave no output"
check "styles are found from another folder" sh -c "cd '$TMP' && '$LIT' chart years $T --style paper-wide -o '$TMP/elsewhere.pdf'"

# style files: errors located as FILE:LINE:COL, nothing written, old output kept
printf 'base: paper\nsizes:\n  body: huge\n' >"$TMP/bad.yaml"
check_err "style error has its place" 1 "bad.yaml:3:9: error:" "$LIT" chart venues $T -o "$TMP/x.png" --style "$TMP/bad.yaml"
printf 'base: talk\ncolours: {}\n' >"$TMP/bad2.yaml"
check_err "unknown style key has its place" 1 "bad2.yaml:2:1: error: unknown key 'colours'" "$LIT" chart venues $T -o "$TMP/x.png" --style "$TMP/bad2.yaml"
echo keep >"$TMP/keep.png"
"$LIT" chart venues $T -o "$TMP/keep.png" --style "$TMP/bad.yaml" 2>/dev/null
check "a failed run keeps the old file" grep -q keep "$TMP/keep.png"
printf 'base: paper\npage: {width: 5in, height: 2in, dpi: 100}\n' >"$TMP/own.yaml"
"$LIT" chart years $T -o "$TMP/own.png" --style "$TMP/own.yaml"
check "a style file by path sets the page" $PY -c "import struct; b=open('$TMP/own.png','rb').read(24); assert struct.unpack('>II', b[16:24])==(500,200)"

# filters and options reach the chart
"$LIT" chart venues $S --years 2019 --data "$TMP/v2019.csv" -o "$TMP/v.svg"
check "--years filters the chart's numbers" sh -c "[ \$(awk -F, 'NR>1 {s+=\$2} END {print s}' '$TMP/v2019.csv') -eq 19 ]"
"$LIT" chart venues $S --top 4 --data "$TMP/top.csv" -o "$TMP/v.svg"
check "--top 4 names 4 venues and other" sh -c "[ \$(wc -l <'$TMP/top.csv') -eq 6 ] && grep -q '^(other),' '$TMP/top.csv'"
"$LIT" chart years $S --cumulative --data "$TMP/cum.csv" -o "$TMP/y.pdf"
check "--cumulative adds the running total" sh -c "head -1 '$TMP/cum.csv' | grep -q '^year,papers,cumulative$' && tail -1 '$TMP/cum.csv' | grep -q ',110$'"
"$LIT" chart topic-trend $S --stacked bars -o "$TMP/bars.png"
"$LIT" chart topic-trend $S -o "$TMP/area.png"
check "--stacked bars draws differently" sh -c "! cmp -s '$TMP/bars.png' '$TMP/area.png'"
check "--venue filter" "$LIT" chart venue-heatmap $S --venue OSDI,SOSP -o "$TMP/vh.pdf"
check "--title replaces the title" sh -c "$LIT chart years $T --title 'Growth of the field' -o '$TMP/t.pdf' && pdftotext '$TMP/t.pdf' - | grep -q 'Growth of the field'"
check "pdf text is extractable" sh -c "$LIT chart years $S -o '$TMP/y1.pdf' && pdftotext '$TMP/y1.pdf' - | grep -q 'Papers per year'"
check "--cumulative is a chart of its own, one axis" sh -c "pdftotext '$TMP/y.pdf' - >'$TMP/y.txt' && grep -q 'Papers so far' '$TMP/y.txt' && ! grep -q -e 'Papers per year' -e 'Total' -e 'right axis' '$TMP/y.txt'"
check "non-ASCII survives into the PDF" sh -c "$LIT chart timeline $T -o '$TMP/tl.pdf' && pdftotext '$TMP/tl.pdf' - | grep -q 'µBatch'"

# golden files: the numbers behind every kind, and two whole SVGs (make update-golden)
for kind in venues years topic-trend topic-heatmap venue-heatmap timeline; do
  "$LIT" chart $kind $T --style paper -o "$TMP/$kind.svg" --data "$TMP/$kind.csv"
  golden "golden $kind.csv" "$TMP/$kind.csv" "$G/$kind.csv"
done
golden "golden years.svg" "$TMP/years.svg" "$G/years.svg"
golden "golden topic-heatmap.svg" "$TMP/topic-heatmap.svg" "$G/topic-heatmap.svg"
exit $failed
