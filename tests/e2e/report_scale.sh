# report_scale.sh - a build of every output on the shape of per-conference keyword data
# (thousands of papers, hundreds of keyword topics no table knows, most venues unknown):
# each output shows what it can and says what it leaves out.
. "$(dirname "$0")/../lib.sh"
if [ ! -x "${TOOLS:-}/gen_catalog" ]; then ok "# SKIP gen_catalog not built"; exit 0; fi
W="$TMP/w"
mkdir -p "$W"
cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" "$W/"
"$TOOLS/gen_catalog" --venues "$W/venues.yaml" --topics "$W/topics.yaml" --keywords 600 --unknown-venues 60 \
  -o "$W/cat.yaml" 4000 || exit 1
cat >"$W/kw.yaml" <<'SPEC'
title: Keyword survey
catalog: cat.yaml
style: paper
charts: [venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline]
formats: [pdf, png]
spreadsheet: survey.xlsx
tables: [topics, venue-year, taxonomy, catalog]
bib: refs.bib
pdf: report.pdf
markdown: README.md
SPEC
O="$W/kw"
check "build of every output succeeds" "$LIT" build "$W/kw.yaml"
"$LIT" build "$W/kw.yaml" 2>"$TMP/err" >/dev/null
check "build says what check found, numbers with thousands separated" grep -q "check: Of the catalog's 4,000 papers, [0-9,]* are at [0-9,]* venues the venue table does not know" "$TMP/err"
check "per-paper warnings: at most 10 of a kind, then one closing line" sh -c \
  "[ \$(grep -c 'pdflatex cannot typeset' '$TMP/err') -le 11 ] && grep -q 'papers with characters pdflatex cannot typeset: [0-9]* warnings in all, the first 10 listed above' '$TMP/err'"
check "a warning is said once, not once per format or for the report's own charts" sh -c \
  "[ \$(grep -c 'venues chart:' '$TMP/err') -eq 1 ]"

for k in topic-trend topic-heatmap timeline; do
  pdftotext "$O/$k.pdf" - | tr '\n' ' ' >"$TMP/$k.txt"   # the note wraps anywhere
  check "$k says how many of the 600 topics it shows and how much they cover" \
    grep -Eq "[0-9]+ of [0-9,]+ topics shown, covering [0-9]+% of (papers|systems)" "$TMP/$k.txt"
  check "$k.png renders" $PY -c "import struct; d=open('$O/$k.png','rb').read(); assert d[:8]==b'\x89PNG\r\n\x1a\n'"
done
check "topic-trend leaves out an 'other' band larger than the shown topics, and says so" sh -c \
  "grep -q '[0-9,]* papers of the smaller topics not drawn' '$TMP/topic-trend.txt' && ! grep -q '(other)' '$O/topic-trend.csv'"
check "the timeline does not name hundreds of left-out topics" sh -c "! grep -Eq 'topics [a-z-]+[0-9]* \([0-9]+\)' '$TMP/timeline.txt'"

pdftotext "$O/report.pdf" - | tr '\n' ' ' >"$TMP/report.txt"
check "report.pdf: the topics table keeps the 60 largest (a tie at the cut whole) and says what it leaves out" \
  grep -Eq "The (60 largest of [0-9,]* topics are shown|[0-9]+ largest of [0-9,]* topics are shown \([0-9]+ topics tie at [0-9]+ papers: (all|none) shown\)), covering" "$TMP/report.txt"
pdftotext "$O/report.pdf" "$TMP/report-lines.txt"
check "report.pdf: papers by topic lists every topic, with 'and N more' under the long ones" sh -c \
  "grep -q 'A topic lists at most 3;' '$TMP/report.txt' && grep -Eq 'and [0-9,]+ more' '$TMP/report.txt' && [ \$(grep -Ec ' \([0-9,]+\)\$' '$TMP/report-lines.txt') -ge 600 ]"
# every one of the 601 topics with its newest papers: about 70 pages of the list
check "report.pdf stays short (under 100 pages)" sh -c "[ \$(pdfinfo '$O/report.pdf' | awk '/^Pages:/{print \$2}') -lt 100 ]"
check "report.pdf: the title page's figures with thousands separated" sh -c "pdftotext -f 1 -l 1 '$O/report.pdf' - | grep -q '^4,000'"

check "the spreadsheet keeps every paper and lists many topics by papers, most first" $PY -c "
import openpyxl
wb = openpyxl.load_workbook('$O/survey.xlsx', read_only=True)
assert sum(1 for _ in wb['Papers'].iter_rows(min_row=2)) == 4000
n = [r[3] for r in wb['Topics'].iter_rows(min_row=2, values_only=True) if r[1]]
assert len(n) > 500 and n == sorted(n, reverse=True), n[:10]
"
check "README.md: topics no table knows by name, every paper listed" $PY -c "
import re, yaml
md = open('$O/README.md').read()
heads = [h for h in re.findall(r'^## (.*)$', md, re.M) if h != 'Without a topic']
urls = [p['links']['paper'] for p in yaml.safe_load(open('$W/cat.yaml'))['papers'] if 'paper' in p.get('links', {})]
unknown = [h for h in heads if re.match(r'^[a-z-]+(-[0-9]+)?$', h)]
assert unknown == sorted(unknown) and len(unknown) > 500, unknown[:5]
missing = [u for u in urls if u not in md]
assert len(urls) > 2800   # about 3 in 4 of 4,000: the draw moves with the venue table's size
assert not missing, missing[:5]
"
# the taxonomy: the topic columns that fit across the text, the largest, with a note that compiles
check "taxonomy.tex keeps the largest topics and says so under the table" \
  grep -Eq "[0-9]+ of 60[0-9] topics shown \(the largest\), covering [0-9,]+ of 4,000 papers" "$O/taxonomy.tex"
check "taxonomy.tex stays small (under 2 MB)" sh -c "[ \$(wc -c <'$O/taxonomy.tex') -lt 2000000 ]"
mkdir -p "$TMP/tax" && cd "$TMP/tax" || exit 1
"$LIT" latex taxonomy --standalone --top 12 -c "$W/cat.yaml" -q -o tax.tex
check "taxonomy --top 12: twelve columns" grep -q "12 of 60[0-9] topics shown" tax.tex
pdflatex -interaction=nonstopmode -halt-on-error tax.tex >/dev/null 2>&1
check "taxonomy --top 12 compiles with no overfull box" sh -c "[ -s tax.pdf ] && ! grep -q 'Overfull' tax.log"
check "its note is in the PDF" sh -c "pdftotext tax.pdf - | tr '\\n' ' ' | grep -q '12 of 60[0-9] topics shown (the largest)'"
# venue-year: the venues that fit a page and one row for the rest; it compiles to one page
check "venue-year.tex sums the venues that do not fit in one row and says so" sh -c \
  "grep -Eq '^\\\\textit\\{[0-9,]+ other venues\\}' '$O/venue-year.tex' && grep -q 'venues with the most papers are shown' '$O/venue-year.tex'"
"$LIT" latex venue-year --standalone -c "$W/cat.yaml" -q -o vy.tex
pdflatex -interaction=nonstopmode -halt-on-error vy.tex >/dev/null 2>&1
check "venue-year compiles to one page with no overfull box" sh -c \
  "[ \$(pdfinfo vy.pdf | awk '/^Pages:/{print \$2}') -eq 1 ] && ! grep -q 'Overfull' vy.log"
# topics: hundreds of keywords by name under their initials; --top keeps the largest with a note
check "topics.tex lists the keyword topics under initial letters, by name" $PY -c "
import re
rows = re.findall(r'^(?:\\\\multicolumn\{3\}\{@\{\}l\}\{\\\\textbf\{([A-Z]|Other)\}\}|([a-z][a-z0-9-]*) &)', open('$O/topics.tex').read(), re.M)
heads = [h for h, _ in rows if h]
assert len(heads) >= 5 and heads == sorted(heads), heads
names = [n for _, n in rows if n]
assert len(names) > 500 and names == sorted(names), names[:5]
head = None
for h, n in rows:
    head = h or head
    assert not n or n[0].upper() == head, (head, n)
"
"$LIT" latex topics --standalone --top 20 -c "$W/cat.yaml" -q -o topics.tex
pdflatex -interaction=nonstopmode -halt-on-error topics.tex >/dev/null 2>&1
check "topics --top 20 compiles with no overfull box, its note in the PDF" sh -c \
  "[ -s topics.pdf ] && ! grep -q 'Overfull' topics.log && pdftotext topics.pdf - | tr '\\n' ' ' | grep -q 'The 20 topics with the most papers are shown, of 60[0-9]'"
# the catalog: every paper, under a heading per year
check "catalog.tex has a heading for each year of the catalog" $PY -c "
import re, yaml
years = {p['year'] for p in yaml.safe_load(open('$W/cat.yaml'))['papers'] if p.get('year')}
heads = re.findall(r'^\\\\multicolumn\{4\}\{@\{\}l\}\{\\\\textbf\{([0-9]{4})\}\}', open('$O/catalog.tex').read(), re.M)
assert heads == sorted(str(y) for y in years), (heads, sorted(years))
"
cd "$TMP" || exit 1
exit $failed
