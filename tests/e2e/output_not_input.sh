# output_not_input.sh - no command writes over one of its own inputs (issue 23): `-o` (or
# --data, --topics-out) naming an input is a usage error before anything is written, found by
# file identity (./x.md, a symbolic link, a hard link, the venue table found beside the
# catalog); two outputs of one command that are one file too. import -m CAT -o CAT and
# markdown --in-place rewrite their input on purpose and stay allowed.
. "$(dirname "$0")/../lib.sh"
cd "$TMP" || exit 1
mkdir data
cp "$ROOT/tests/fixtures/core/"*.yaml data/
printf '%s\n' "# Pipeline" "" "- PipeDream: Generalized Pipeline Parallelism for DNN Training (SOSP'19)" >x.md
ln -s catalog.yaml data/link.yaml
ln data/catalog.yaml data/hard.yaml
printf 'base: talk\n' >mine.yaml
printf 'papers: []\n' >empty.yaml
C="-c data/catalog.yaml"
snapshot() { for f in x.md data/*.yaml mine.yaml empty.yaml; do cksum <"$f"; done; }
snapshot >before
# refused CMD...: exit 2, "is the input" or "are one file" on stderr.
refused() { check_err "$*" 2 "the output '.*' is the input '|are one file: two outputs cannot share it" "$LIT" "$@"; }
refused import -q x.md -o x.md
refused import -q x.md -o ./x.md
refused import -q x.md -o "$TMP/x.md"
refused import -q x.md -o data/venues.yaml
refused import -q x.md -m data/catalog.yaml -o data/topics.yaml
refused import -q x.md -m data/catalog.yaml -o x.md
refused import -q x.md -o new.yaml --topics-out x.md
refused import -q x.md -o new.yaml --topics-out ./new.yaml
refused bib -q $C -o data/catalog.yaml
refused bib -q $C -o data/link.yaml
refused bib -q $C -o data/hard.yaml
refused bib -q $C -o data/venues.yaml
refused chart years -q $C -o data/catalog.yaml --format svg
refused chart years -q $C -o y.svg --data data/topics.yaml
refused chart years -q $C --style mine.yaml -o mine.yaml --format svg
refused chart years -q $C -o y.svg --data ./y.svg
refused xlsx -q $C -o data/catalog.yaml
refused xlsx -q $C --style "$TMP/mine.yaml" -o mine.yaml
refused latex topics -q $C -o data/catalog.yaml
refused stats -q $C -o data/link.yaml
refused markdown -q $C -o data/catalog.yaml
refused diff data/catalog.yaml empty.yaml -o empty.yaml
refused diff data/catalog.yaml empty.yaml -o ./data/catalog.yaml
snapshot >after
check "no refused command changed a file" cmp before after
check "and none left a file" test ! -e new.yaml -a ! -e y.svg
# What rewrites its input on purpose, and distinct files, still work.
check "import -m CAT -o CAT merges into the catalog" "$LIT" import -q x.md -m data/catalog.yaml -o ./data/catalog.yaml
check "import -m CAT (the output is CAT) too" "$LIT" import -q x.md -m data/catalog.yaml
check "chart with --data beside it" "$LIT" chart years -q $C -o y.svg --data y.csv
printf '# List\n\n<!-- litsurvey:begin -->\nold\n<!-- litsurvey:end -->\n' >README.md
"$LIT" markdown -q $C --in-place README.md 2>err; rc=$?
check "markdown --in-place rewrites its README" sh -c "[ $rc -eq 0 ] || ! grep -q 'is the input' err"
exit $failed
