# robust_bounds.sh - bounded input and the adversarial shapes of issue 23 (section 4): the
# input limit on every kind of file (a sparse 2 GB file refused by its size, /dev/zero and
# pipes stopped at the limit, with the path, exit 3), and that the shapes that were
# quadratic give the right output (their time is measured in `make bench`, not here).
. "$(dirname "$0")/../lib.sh"
: "${TOOLS:=$(dirname "$LIT")/tools}"
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
SEED=$ROOT/data/catalog.yaml
cd "$TMP" || exit 1

# ---- the input limit ----
truncate -s 2G sparse.md sparse.yaml
check_err "import of a 2 GB file: refused by its size, before reading" 3 \
  '^sparse\.md: error: 2 GiB is larger than the input limit of 1 GiB \(--max-input SIZE raises it\)' "$LIT" import $V sparse.md -o out.yaml
check "nothing written" test ! -e out.yaml
check_err "import of /dev/zero: stopped at the limit, with the path" 3 \
  '^/dev/zero: error: more than the input limit of 1 MiB without an end: stopped reading there' "$LIT" import $V --max-input 1M /dev/zero -o out.yaml
check_err "import of /dev/urandom: the same" 3 '^/dev/urandom: error: more than the input limit of 2 MiB' \
  "$LIT" import $V --max-input 2M /dev/urandom -o out.yaml
check_err "a pipe that never ends: stopped at the limit" 3 '^<stdin>: error: more than the input limit of 256 KiB' \
  sh -c "yes -- '- [OSDI 20] A title' | '$LIT' import $V --max-input 256K - -o out.yaml"
check_err "a catalog over the limit" 3 '^sparse\.yaml: error: 2 GiB is larger than the input limit' "$LIT" check -c sparse.yaml $V
check_err "a catalog streamed past the limit (YAML is read as it comes)" 3 '^<stdin>: error: more than the input limit of 1 MiB' \
  sh -c "{ printf 'papers:\n  - key: a\n    title: '; yes abcdefghij | tr -d '\n'; } | '$LIT' stats --max-input 1M -c - $V"
check_err "venues over the limit" 3 '^sparse\.yaml: error: 2 GiB is larger' "$LIT" stats -c "$SEED" --venues sparse.yaml --topics "$ROOT/data/topics.yaml"
check_err "topics over the limit" 3 '^sparse\.yaml: error: 2 GiB is larger' "$LIT" stats -c "$SEED" --venues "$ROOT/data/venues.yaml" --topics sparse.yaml
check_err "a style over the limit" 3 '^\./sparse\.yaml: error: 2 GiB is larger' "$LIT" chart venues -c "$SEED" --style ./sparse.yaml -o c.svg
mkdir -p rep && truncate -s 2G rep/big.yaml
check_err "a report spec over the limit" 3 'big\.yaml: error: 2 GiB is larger' "$LIT" build rep/big.yaml
truncate -s 2G README.md
check_err "markdown --in-place of a README over the limit: refused" 3 '^README\.md: error: 2 GiB is larger' \
  "$LIT" markdown -c "$SEED" --in-place README.md
check "the README is untouched" sh -c "[ \$(stat -c %s README.md) -eq 2147483648 ]"
check_err "the seed catalog is over a 10 KiB limit" 3 'catalog\.yaml: error: .* is larger than the input limit of 10 KiB' \
  "$LIT" stats -c "$SEED" $V --max-input 10K
check "and under a 1 MiB one" "$LIT" stats -q -c "$SEED" $V --max-input 1M
check_err "--max-input that is no size: usage error" 2 "max-input wants a size such as 64M or 2G, not 'lots'" \
  "$LIT" import $V --max-input lots x.md
check_err "--max-input 0: usage error" 2 "max-input wants a size" "$LIT" build --max-input 0 rep/big.yaml
# a build folder's manifest is read within the limit too: a link to /dev/zero there is no
# manifest (the build refuses to replace what it cannot show it wrote), never an endless read
mkdir -p man/data man/reports && cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" "$SEED" man/data/
printf 'title: M\ncatalog: ../data/catalog.yaml\ncharts: [venues]\nformats: [svg]\n' >man/reports/m.yaml
"$LIT" build -q man/reports/m.yaml
echo mine >man/reports/m/notes.txt && ln -sf /dev/zero man/reports/m/.litsurvey-outputs
check_err "a manifest that is a link to /dev/zero: the build ends, refusing at the spec's line" 1 \
  "m\.yaml:3:10: error: .*venues\.svg' is not an output of an earlier build" timeout 60 "$LIT" build -q man/reports/m.yaml
check "the user's file is kept" grep -qx mine man/reports/m/notes.txt
# git show's output is an input too
mkdir repo && cp "$SEED" repo/catalog.yaml && cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" repo/
git -C repo init -q && git -C repo add catalog.yaml && git -C repo -c user.name=t -c user.email=t@t commit -qm c
check_err "diff --since: git's output over the limit is refused, named by revision" 3 \
  '^HEAD:\./catalog\.yaml: error: more than the input limit of 20 KiB' "$LIT" diff --max-input 20K --since HEAD repo/catalog.yaml
check "diff --since under the limit works" "$LIT" diff -q --since HEAD repo/catalog.yaml

# ---- the shapes that were quadratic: the output is right ----
"$TOOLS/gen_shapes" copies 2000 copies.md
"$LIT" import $V copies.md -o copies.yaml 2>copies.err
check "2,000 copies of one entry merge into one paper with 2,000 sources" sh -c \
  "[ \$(grep -c '^- key:' copies.yaml) -eq 1 ] && [ \$(grep -c '{list: copies.md, line: ' copies.yaml) -eq 2000 ]"
check "the summary counts them" grep -q 'imported 1 paper from 2000 entries in 1 file; 0 skipped, 1999 merged' copies.err

"$TOOLS/gen_shapes" title 3 titles.yaml && cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" .
printf 'title: Long titles\ncatalog: titles.yaml\ncharts: [timeline]\nformats: [svg]\npdf: report.pdf\n' >titles-spec.yaml
check "report.pdf of 40,000-character titles without a space builds" "$LIT" build -q titles-spec.yaml
pdftotext titles-spec/report.pdf titles.txt
check "each title is cut with an ellipsis and its key stays" sh -c \
  "[ \$(grep -c '…' titles.txt) -ge 3 ] && grep -q 'p0-osdi20\]' titles.txt && grep -q 'p2-osdi20\]' titles.txt"
check "the report's pages hold them (pdfinfo)" sh -c "pdfinfo titles-spec/report.pdf | grep -q 'Pages: *[0-9]'"

"$TOOLS/gen_shapes" chain 5000 chain.yaml
check "a chain of 5,000 topics loads (check)" "$LIT" check -q -c chain.yaml
"$LIT" markdown -c chain.yaml -o chain.md
check "markdown: a heading per topic on the way to a paper, nested no deeper than ######" sh -c \
  "[ \$(grep -c '^##' chain.md) -eq 4991 ] && ! grep -q '^#######' chain.md && ! grep -q '^          - \[' chain.md"
check "stats --topic t0 selects the whole chain (500 papers)" sh -c \
  "'$LIT' stats -c chain.yaml --topic t0 --format csv --by year | awk -F, 'NR > 1 { n += \$2 } END { exit n != 500 }'"
{ cat chain.yaml; printf -- '- id: loop-a\n  parent: loop-b\n- id: loop-b\n  parent: loop-a\n'; } >cycle.yaml
check_err "a cycle after a long chain is found, at a topic on it" 1 "^cycle\.yaml:[0-9]+:[0-9]+: error: topic 'loop-a' is its own ancestor" \
  "$LIT" check -c cycle.yaml

"$TOOLS/gen_shapes" ris 1000 ty.ris
check_err "RIS: 1,000 broken entries print 10 warnings of each kind and a count" 1 \
  'entry has no title \(TI or T1\): 1000 warnings in all, the first 10 listed above' "$LIT" import $V ty.ris -o ty.yaml
check "RIS: no more than that" sh -c "[ \$(grep -c 'warning:' $TMP/.err) -le 25 ]"
exit $failed
