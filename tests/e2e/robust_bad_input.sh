# robust_bad_input.sh - every file of tests/bad-input/KIND/ through its reader: the exit code
# and message its NAME.expect names, FILE:LINE:COL, no crash, bounded time; generated huge
# inputs (100 MB lines, 200,000-deep nesting, 100,000 keys) in bounded time and memory.
#
# NAME.expect: line 1 the exit code ("any": only no crash, for fuzzer findings), line 2 an ERE that stderr must match, and optionally
# "noplace: WHY" when the message is known to lack a line or column (a TODO for the
# reader's owner, printed as such). UPDATE_GOLDEN=1 writes .expect files for new inputs.
. "$(dirname "$0")/../lib.sh"
BAD="$ROOT/tests/bad-input"
FIX="$ROOT/tests/fixtures/core"
: "${TOOLS:=$(dirname "$LIT")/tools}"
REL="$(dirname "$(dirname "$LIT")")/rel/litsurvey"   # the release binary, for memory figures
[ -x "$REL" ] || REL=$LIT
IMPORT="$TOOLS/robust_import"
W="$TMP/w"
mkdir -p "$W/reports" "$W/data" "$TMP/out"
cp "$FIX"/*.yaml "$W/data/"
cp "$BAD/catalog/year-too-big.yaml" "$W/data/bad-catalog.yaml"

# run KIND FILE [BIN [IMP]]: runs the reader of KIND over FILE with a 10 s limit (under $WRAP
# when set); stderr in $TMP/.err.
WRAP=
run() {
  kind=$1; f=$2; bin=${3:-$LIT}; imp=${4:-$IMPORT}
  case $kind in
    catalog) set -- "$bin" stats -c "$f" --venues "$FIX/venues.yaml" --topics "$FIX/topics.yaml" ;;
    venues)  set -- "$bin" stats -c "$FIX/catalog.yaml" --venues "$f" --topics "$FIX/topics.yaml" ;;
    topics)  set -- "$bin" stats -c "$FIX/catalog.yaml" --venues "$FIX/venues.yaml" --topics "$f" ;;
    style)   set -- "$bin" chart venues -c "$FIX/catalog.yaml" --venues "$FIX/venues.yaml" \
                    --topics "$FIX/topics.yaml" --style "$f" -o "$TMP/out/chart.pdf" ;;
    report)  cp "$f" "$W/reports/"; f="$W/reports/$(basename "$f")"; set -- "$bin" build -q "$f" ;;
    md)      set -- "$imp" list "$f" "$FIX/venues.yaml" "$FIX/topics.yaml" ;;
    bib)     set -- "$imp" bib "$f" "$FIX/venues.yaml" "$FIX/topics.yaml" ;;
  esac
  $WRAP timeout 10 "$@" >"$TMP/.out" 2>"$TMP/.err"
}

# crashed CODE: a signal, a hang or a sanitizer report is never an answer.
crashed() {
  [ "$1" -ge 124 ] || [ "$1" -eq 86 ] || grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:|Segmentation|Assertion' "$TMP/.err"
}

have_md=1
"$IMPORT" list /dev/null >/dev/null 2>&1; [ $? -eq 77 ] && have_md=0

for dir in "$BAD"/*/; do
  kind=$(basename "$dir")
  for f in "$dir"*; do
    case $f in *.expect|*/README*) continue ;; esac
    [ -f "$f" ] || continue
    name=$(basename "$f"); stem=${name%.*}; exp="$dir$stem.expect"
    if [ "$kind" = md ] && [ $have_md = 0 ]; then ok "md/$name # SKIP no Markdown importer in this build"; continue; fi
    run "$kind" "$f"; got=$?
    if crashed $got; then
      not_ok "$kind/$name: crash or hang (exit $got)"; head -15 "$TMP/.err" | sed 's/^/#   /'; continue
    fi
    if [ ! -f "$exp" ]; then
      if [ -n "${UPDATE_GOLDEN:-}" ]; then
        # record: exit code, and the message's place and first words
        first=$(grep -m1 -E ': (error|warning): ' "$TMP/.err" | sed "s|^.*$name|$name|" | cut -c1-90)
        printf '%s\n%s\n' "$got" "$(printf '%s' "$first" | sed 's/[][\\.*^$(){}+?|]/\\&/g')" >"$exp"
        ok "$kind/$name (expect recorded)"
      else
        not_ok "$kind/$name: no $stem.expect"
      fi
      continue
    fi
    want=$(sed -n 1p "$exp"); re=$(sed -n 2p "$exp"); todo=$(sed -n 's/^noplace: //p' "$exp")
    if [ "$want" = any ]; then ok "$kind/$name: exit $got without a crash"; continue; fi
    if [ "$got" -ne "$want" ]; then
      not_ok "$kind/$name: exit $got, want $want"; head -5 "$TMP/.err" | sed 's/^/#   /'; continue
    fi
    if [ -n "$re" ] && ! grep -Eq -- "$re" "$TMP/.err"; then
      not_ok "$kind/$name: stderr does not match $re"; head -5 "$TMP/.err" | sed 's/^/#   /'; continue
    fi
    if [ "$want" -ne 0 ]; then
      esc=$(printf '%s' "$name" | sed 's/[][\\.*^$(){}+?|]/\\&/g')
      if grep -Eq "$esc:[0-9]+:[0-9]+: error: " "$TMP/.err"; then ok "$kind/$name: exit $want at FILE:LINE:COL"
      elif [ -n "$todo" ]; then ok "$kind/$name: exit $want # TODO no line:col ($todo)"
      else not_ok "$kind/$name: no FILE:LINE:COL: error: naming the file"; head -5 "$TMP/.err" | sed 's/^/#   /'
      fi
    else
      ok "$kind/$name: accepted without a crash"
    fi
  done
done

# Nothing was written by the failed builds and styles: no report folder, no temporaries.
check "failed builds left no folders or temporaries" sh -c "test -z \"\$(ls -A '$W/reports' | grep -v '\.yaml$')\""
check "failed charts left no output" sh -c "test -z \"\$(ls -A '$TMP/out')\""

# ---- generated huge inputs: time limit 10 s (asan binary), memory measured on the release one.
G="$TMP/gen"; mkdir -p "$G"
$PY - "$G" <<'EOF'
import sys, os
g = sys.argv[1]
mb = 100 * 1024 * 1024
def w(name, s): open(os.path.join(g, name), 'w').write(s)
w('long-line.yaml', 'a' * mb)                                   # one 100 MB scalar line
w('long-title.yaml', 'papers:\n  - key: a\n    title: "' + 'x' * mb + '"\n')
w('long-line.bib', '@article{a,\n  title = {' + 'x' * mb + '},\n  year = 2020\n}\n')
w('long-line.md', '# Pipeline\n\n- ' + 'Word ' * (mb // 5) + "(OSDI'20)\n")
w('deep-seq.yaml', 'papers:\n  - key: a\n    title: b\n    notes: ' + '[' * 200000 + ']' * 200000 + '\n')
w('deep-map.yaml', '{a: ' * 200000 + '1' + '}' * 200000 + '\n')
w('deep-block.yaml', ''.join(' ' * i + 'a:\n' for i in range(0, 2000)))
w('deep.bib', '@article{a,\n  title = ' + '{' * 200000 + 'x' + '}' * 200000 + ',\n  year = 2020\n}\n')
w('deep.md', '# T\n\n' + '>' * 200000 + " Title (OSDI'20)\n" + '[' * 200000 + 'x' + ']' * 200000 + '\n')
w('many-keys.yaml', 'papers:\n  - key: a\n    title: b\n' + ''.join('    x%d: 1\n' % i for i in range(100000)))
w('many-links.yaml', 'papers:\n  - key: a\n    title: b\n    links:\n' + ''.join('      x%d: u\n' % i for i in range(100000)))
w('many-style-keys.yaml', ''.join('k%d: 1\n' % i for i in range(100000)))
w('many-fields.bib', '@article{a,\n' + ''.join('  f%d = {x},\n' % i for i in range(100000)) + '  title = {t}, year = 2020}\n')
w('many-strings.bib', ''.join('@string{m%d = "v%d"}\n' % (i, i) for i in range(100000)) + '@article{k, title = m99999, year = 2020}\n')
EOF
# huge KIND FILE WANT MAXMB: exit WANT (0 or 1) in 10 s with the asan binary, with a place when
# 1, and under MAXMB of resident memory with the release binary.
huge() {
  kind=$1; f="$G/$2"; want=$3; maxmb=$4; todo=${5:-}
  if [ "$kind" = md ] && [ $have_md = 0 ]; then ok "$2 # SKIP no Markdown importer"; return; fi
  run "$kind" "$f"; got=$?
  if crashed $got; then not_ok "$2: crash or hang (exit $got)"; head -5 "$TMP/.err" | cut -c1-200 | sed 's/^/#   /'; return; fi
  if [ "$got" -ne "$want" ]; then not_ok "$2: exit $got, want $want"; head -3 "$TMP/.err" | cut -c1-200 | sed 's/^/#   /'; return; fi
  if [ "$want" -ne 0 ] && ! grep -Eq "$2:[0-9]+:[0-9]+: error: " "$TMP/.err"; then
    if [ -n "$todo" ] && grep -Eq "$2:[0-9]+: error: " "$TMP/.err"; then ok "$2: exit $got # TODO no column ($todo)"; return; fi
    not_ok "$2: no FILE:LINE:COL: error:"; head -3 "$TMP/.err" | cut -c1-200 | sed 's/^/#   /'; return
  fi
  relimp=$(dirname "$REL")/tools/robust_import; [ -x "$relimp" ] || relimp=$IMPORT
  WRAP="/usr/bin/time -f %M -o $TMP/.rss"; run "$kind" "$f" "$REL" "$relimp"; WRAP=
  kb=$(tail -1 "$TMP/.rss"); mb=$((kb / 1024))
  if [ "$mb" -le "$maxmb" ]; then ok "$2: exit $got, $mb MB resident (limit $maxmb MB)"
  else not_ok "$2: $mb MB resident, more than $maxmb MB"; fi
}
huge catalog long-line.yaml 1 400
huge catalog long-title.yaml 0 400
huge bib long-line.bib 1 400
huge md long-line.md 1 200 "a whole-file problem at line 1"
huge catalog deep-seq.yaml 1 50
huge catalog deep-map.yaml 1 50
huge catalog deep-block.yaml 1 50
huge bib deep.bib 0 50
huge md deep.md 1 100 "a whole-file problem at line 1"
huge catalog many-keys.yaml 0 100
huge catalog many-links.yaml 0 100
huge style many-style-keys.yaml 1 100
huge bib many-fields.bib 0 100
huge bib many-strings.bib 0 200
exit $failed
