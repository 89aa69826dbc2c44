# robust_text.sh - text that would break what it flows into (issue 23, section 3): control
# characters and noncharacters where text enters (lists, reference files, options; the
# YAML readers are in tests/bad-input), a Markdown list that a title cannot add entries
# to and whose links a browser cannot run, chart CSVs that a spreadsheet does not run as
# formulas (LibreOffice reads them), messages that a terminal does not obey.
. "$(dirname "$0")/../lib.sh"
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
# clean_text NAME CATALOG: no string of CATALOG holds a control character (but tab, line
# feed, carriage return) or a noncharacter, however the YAML writes it.
clean_text() {
  check "$1" $PY -c "
import sys, yaml
def bad(c):
    o = ord(c)
    return (o < 32 and c not in '\t\n\r') or 0x7f <= o <= 0x9f or 0xfdd0 <= o <= 0xfdef or (o & 0xfffe) == 0xfffe
def walk(v):
    if isinstance(v, str): assert not any(bad(c) for c in v), repr(v)
    elif isinstance(v, dict): [walk(x) for x in list(v) + list(v.values())]
    elif isinstance(v, list): [walk(x) for x in v]
walk(yaml.safe_load(open(sys.argv[1])))" "$2"
}

# ---- import: noncharacters and controls become U+FFFD, each with a located warning ----
printf '# Test\n\n## Sched\357\277\276uling\n\n- [OSDI'"'"'20] Ga\357\277\276vel: Heterogeneity-Aware Scheduling [[paper]](https://x.org/a)\n- [SOSP'"'"'19] Pipe\357\267\220Dream: Pipeline parallel training\n- [NSDI'"'"'19] Tiresias: a GPU \360\237\277\276 cluster manager\n- [ATC'"'"'20] Entities &#xFFFE; and &#27;c and a NEL \302\205 in a title\n' >nc.md
check_err "import: a noncharacter in a list is replaced, warned at its line and column" 0 \
  'nc\.md:5:15: warning: noncharacter U\+FFFE replaced by U\+FFFD' "$LIT" import $V nc.md -o nc.yaml
check "import: the warnings name every one (U+FDD0, U+1FFFE, the heading's, a C1 control)" sh -c \
  "grep -q 'nc.md:6:17: warning: noncharacter U+FDD0' $TMP/.err && grep -q 'nc.md:7:29: warning: noncharacter U+1FFFE' $TMP/.err &&
   grep -q 'nc.md:3:9: warning: noncharacter U+FFFE' $TMP/.err && grep -q 'nc.md:8:51: warning: control character U+0085' $TMP/.err"
check "import: every entry is a paper (4 papers)" sh -c "[ \$(grep -c '^- key:' nc.yaml) -eq 4 ]"
clean_text "import: the catalog holds no noncharacter or control (entities included)" nc.yaml
check "import: U+FFFD where they were" grep -q 'Ga\xEF\xBF\xBDvel\|Ga�vel' nc.yaml
check "check: the imported catalog loads" "$LIT" check -q -c nc.yaml $V
for k in timeline topic-trend topic-heatmap venues; do
  check "chart $k (PDF) of a list that held noncharacters: pango draws it" "$LIT" chart $k -c nc.yaml $V -o $k.pdf
done
check "pdffonts reads the timeline" pdffonts timeline.pdf

printf '[{"id":"a","title":"Esc\\u001bc and \\uFFFE in a title","author":[{"family":"Bell\\u0007"}],"issued":{"date-parts":[[2020]]}}]\n' >esc.json
check_err "CSL-JSON: escapes that make a control or noncharacter are replaced, with a warning" 0 \
  'esc\.json:1: warning: control character U\+001B in the title replaced by U\+FFFD' "$LIT" import $V esc.json -o esc.yaml
clean_text "CSL-JSON: the catalog holds neither" esc.yaml
printf 'TY  - JOUR\nTI  - RIS title \302\233 with a C1 control\nPY  - 2020\nER  - \n' >c1.ris
check_err "RIS: a C1 control (CSI) is replaced at its place" 0 'c1\.ris:2:17: warning: control character U\+009B' \
  "$LIT" import $V c1.ris -o c1.yaml
printf '@inproceedings{k, title={Bib \357\277\277 title}, year={2020}, booktitle={OSDI}}\n' >nc.bib
check_err "BibTeX: U+FFFF is replaced at its place" 0 'nc\.bib:1:30: warning: noncharacter U\+FFFF' \
  "$LIT" import $V nc.bib -o nc-bib.yaml

# ---- text options: invalid text is a usage error, before anything is written ----
SEED=$ROOT/data/catalog.yaml
check_err "xlsx --title with a control character: usage error" 2 'xlsx: --title: control character U\+0001' \
  "$LIT" xlsx -c "$SEED" --title "$(printf 'My\001title')" -o t.xlsx
check_err "xlsx --title with invalid UTF-8: usage error, not an I/O error" 2 'xlsx: --title: invalid UTF-8 \(byte 0xFF\) at byte 3' \
  "$LIT" xlsx -c "$SEED" --title "$(printf 'My\377title')" -o t.xlsx
check "xlsx: nothing written" test ! -e t.xlsx
check_err "chart --title with a noncharacter: usage error" 2 'chart: --title: noncharacter U\+FFFE' \
  "$LIT" chart venues -c "$SEED" --title "$(printf 'A \357\277\276')" -o t.pdf
check_err "latex --caption with ESC: usage error" 2 'latex: --caption: control character U\+001B' \
  "$LIT" latex topics -c "$SEED" --caption "$(printf 'x\033c')" -o t.tex
check_err "--venue with a control character: usage error" 2 'venue: control character U\+0007' \
  "$LIT" stats -c "$SEED" --venue "$(printf 'OSDI\007')"
"$LIT" xlsx -c "$SEED" --title "$(printf 'Two\nlines\tand a tab')" -o lines.xlsx
check "xlsx --title with a line break and a tab: the workbook opens (openpyxl), core.xml parses" $PY -c "
import openpyxl, zipfile, xml.dom.minidom
wb = openpyxl.load_workbook('lines.xlsx')
assert wb.properties.title == 'Two\nlines\tand a tab', repr(wb.properties.title)
xml.dom.minidom.parseString(zipfile.ZipFile('lines.xlsx').read('docProps/core.xml'))"

# ---- Markdown: a title cannot make an entry, a heading or a link ----
cat >hostile.yaml <<'EOF'
papers:
- key: a-osdi20
  title: "Real paper one\n- [OSDI'20] Fake paper injected by a line break"
  venue: OSDI
  year: 2020
  topics: [scheduling]
  links: {paper: "javascript:alert(1)", code: "FILE:///etc/passwd", slides: "https://ok.org/s (1).pdf"}
- key: b-sosp19
  title: "1. Numbered like an ordered list"
  venue: SOSP
  year: 2019
  topics: [scheduling]
  links: {paper: "docs/b.pdf"}
- key: c-nsdi21
  title: "Two lines\r\n## Fake heading\r\n\r\n> a quote and <script>alert(1)</script>"
  venue: NSDI
  year: 2021
  topics: [scheduling]
  links: {paper: "data:text/html,<script>alert(1)</script>", web: "doi:10.1145/1"}
- key: d-atc22
  title: "Tabs\tand [a link](javascript:alert(1)) with `code` and *stars* &amp; an entity"
  venue: ATC
  year: 2022
  topics: [scheduling]
  doi: "10.1/x y)z"
- key: e-eurosys23
  title: "+ Plus sign\n\n---\n\n<img src=x onerror=alert(1)>"
  venue: EuroSys
  year: 2023
EOF
"$LIT" markdown -c hostile.yaml $V -o hostile.md
"$LIT" import $V -q hostile.md -o hostile-rt.yaml
check "markdown of hostile titles imports back as the same papers with the same titles" $PY -c "
import yaml, re
norm = lambda t: re.sub(r'\s+', ' ', t).strip()
a = {norm(p['title']) for p in yaml.safe_load(open('hostile.yaml'))['papers']}
b = [norm(p['title']) for p in yaml.safe_load(open('hostile-rt.yaml'))['papers']]
assert len(b) == len(a), (len(b), b)
assert set(b) == a, (sorted(a), sorted(b))"
check "markdown: one entry line per paper, no heading from a title" sh -c \
  "[ \$(grep -c \"^- \\[[A-Za-z]*'[0-9]\" hostile.md) -eq 5 ] && [ \$(grep -c '^#' hostile.md) -eq 2 ]"
check "markdown: no javascript:, file: or data: link" sh -c "! grep -Eiq '[^\\]\]\((javascript|file|data):' hostile.md"
check "markdown: http(s), doi and relative links kept" sh -c \
  "grep -qF '(https://ok.org/s%20\(1\).pdf)' hostile.md && grep -qF '(docs/b.pdf)' hostile.md && grep -qF '(doi:10.1145/1)' hostile.md"
pandoc --wrap=none -f gfm -t html hostile.md -o hostile.html
check "pandoc gfm: no element from a title (script, img, blockquote, h1-h3 beyond the two, hr)" sh -c \
  "! grep -Eiq '<(script|img|blockquote|hr)' hostile.html && [ \$(grep -c '<h[1-6]' hostile.html) -eq 2 ]"
check "pandoc gfm: every entry an item, every link an http(s), doi or relative one" sh -c \
  "[ \$(grep -c '<li>' hostile.html) -eq 7 ] && ! grep -Eiq 'href=\"(javascript|file|data):' hostile.html"

# ---- chart CSVs: a name that starts like a formula stays text, numbers stay numbers ----
cat >inj.yaml <<'EOF'
papers:
- key: a
  title: A paper at a formula venue
  venue: '=HYPERLINK("http://evil.example","click")'
  year: 2020
  topics: [injected]
- key: b
  title: Another paper
  venue: "+1+cmd|' /C calc'\x21A0"
  year: 2021
  topics: [injected, "@SUM(1)"]
- key: c
  title: A third paper
  venue: "-2+3"
  year: 2021
  topics: ["-1"]
topics:
- id: injected
  label: "=1+1"
EOF
mkdir csv && cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" csv/ && mv inj.yaml csv/
"$LIT" chart venues -c csv/inj.yaml -o csv/v.png --data csv/venues.csv
"$LIT" chart topic-heatmap -c csv/inj.yaml -o csv/h.png --data csv/heatmap.csv
printf 'title: CSV\ncatalog: inj.yaml\ncharts: [venues, topic-heatmap]\nformats: [svg]\n' >csv/r.yaml
"$LIT" build -q csv/r.yaml
check "build writes KIND.csv beside each chart" test -s csv/r/topic-heatmap.csv
for f in csv/venues.csv csv/heatmap.csv csv/r/venues.csv csv/r/topic-heatmap.csv; do
  (cd "$(dirname "$f")" && timeout 120 soffice --headless --convert-to xlsx "$(basename "$f")" >/dev/null 2>&1)
  check "LibreOffice reads $f: no formula, the names as text, the counts as numbers" $PY -c "
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1]).active
cells = [c for r in ws.iter_rows() for c in r if c.value is not None]
assert not [c.value for c in cells if c.data_type == 'f'], 'formulas: %r' % [c.value for c in cells if c.data_type == 'f']
names = [c.value for c in ws['A'][1:]]
assert any(str(n).lstrip(\"'\").startswith(('=', '+', '@')) for n in names), names
assert all(c.data_type == 'n' for c in ws[2][1:] if c.value is not None), [c.value for c in ws[2]]" "${f%.csv}.xlsx"
done

# ---- messages: a file's text never reaches the terminal as an escape ----
check_err "an unknown command with ESC is printed escaped" 2 "unknown command '\\\\x1b\\]0;x\\\\x07'" "$LIT" "$(printf '\033]0;x\007')"
"$LIT" check -c "$(printf 'cat\033[2J.yaml')" 2>esc.err
check "a file name with ESC is printed escaped" sh -c "grep -qF 'cat\\x1b[2J.yaml' esc.err && ! grep -q \"\$(printf '\\033')\" esc.err"
exit $failed
