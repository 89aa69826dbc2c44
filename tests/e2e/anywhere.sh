# anywhere.sh - litsurvey in a folder of its own: the tables it ships are found from the
# program's folder (no venues.yaml or topics.yaml copied beside the catalog); a table in
# the catalog's folder adds to them or overrides entries, or stands alone with
# `replace: true`, and `check` says which; a missing default catalog and a --since
# without git say which path they tried.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/import
W=$TMP/papers
mkdir -p "$W/lists/a" "$W/lists/b" && cd "$W" || exit 1
cp "$F/wild.md" lists/a/README.md
cp "$F/headings-links.md" lists/b/README.md

check_exit "import into a catalog in a folder without tables" 0 "$LIT" import -q lists/a/README.md -o "$W/catalog.yaml"
check "the catalog is written" test -s catalog.yaml
check "no table was copied beside it" test ! -e venues.yaml -a ! -e topics.yaml
"$LIT" check -c catalog.yaml 2>check.err
check "check names the shipped tables it read" sh -c "grep -q '^venues: [0-9]* from $ROOT/data/venues.yaml\$' check.err && grep -q '^topics: [0-9]* from $ROOT/data/topics.yaml\$' check.err"
check_exit "stats, chart, xlsx, latex, bib, markdown read it with the shipped tables" 0 sh -c \
  "$LIT stats -q >/dev/null && $LIT chart venues -q -o v.svg && $LIT xlsx -q -o s.xlsx && $LIT latex topics -q >/dev/null && $LIT bib -q >/dev/null && $LIT markdown -q >/dev/null"
check "the default catalog is catalog.yaml in the current folder" sh -c "$LIT stats --by year 2>&1 | grep -q 2019"

# a venues.yaml beside the catalog extends the shipped table and overrides an entry
cat >venues.yaml <<'EOF'
venues:
  - id: HotPapers
    name: Workshop on Hot Papers
    kind: workshop
    area: systems
  - id: OSDI
    name: USENIX Symposium on Operating Systems Design and Implementation
    kind: conference
    area: operating-systems
    aliases: [OSDI-Conf]
EOF
printf 'papers:\n  - key: hot1\n    title: A Hot Paper\n    venue: HotPapers\n    year: 2024\n  - key: os1\n    title: An OS Paper\n    venue: OSDI\n    year: 2024\n' >mine.yaml
"$LIT" check -c mine.yaml 2>check2.err; rc=$?
check "a venue of the table beside the catalog is known" sh -c "[ $rc -eq 0 ] && ! grep -q 'unknown venue' check2.err"
NV=$($PY -c "import yaml; print(len(yaml.safe_load(open('$ROOT/data/venues.yaml'))['venues']) + 1)")   # the shipped ones and HotPapers
check "check says the shipped table is extended: what is added and what overridden" \
  grep -q "^venues: $NV from $ROOT/data/venues.yaml, extended by venues.yaml: 1 added (HotPapers), 1 overridden (OSDI)\$" check2.err
"$LIT" stats -c mine.yaml --by area -f csv >area.csv
check "the overriding entry counts (OSDI's area)" grep -q '^operating-systems,' area.csv
check_err "an alias the overriding entry adds finds the venue" 1 "venue 'OSDI-Conf' is an alias: write 'OSDI'" \
  sh -c "sed 's/venue: OSDI\$/venue: OSDI-Conf/' mine.yaml >alias.yaml && $LIT check -c alias.yaml"
cat >bad-venues.yaml <<'EOF'
venues:
  - id: MyNips
    name: Not NeurIPS
    aliases: [NIPS]
EOF
mkdir -p bad && cp mine.yaml bad/catalog.yaml && cp bad-venues.yaml bad/venues.yaml
check_err "an entry of the table beside the catalog that clashes with a shipped one: an error at its line" 1 \
  "bad/venues.yaml:4:14: error: 'NIPS' already names venue 'NeurIPS'" "$LIT" check -c bad/catalog.yaml

# replace: true -- the table beside the catalog stands alone
printf 'replace: true\nvenues:\n  - {id: HotPapers, name: Workshop on Hot Papers, kind: workshop, area: systems}\n' >venues.yaml
"$LIT" check -c mine.yaml 2>check3.err
check "replace: true stands alone, and check says so" sh -c "grep -q '^venues: 1 from venues.yaml\$' check3.err && grep -q \"unknown venue 'OSDI' (add it to venues.yaml)\" check3.err"
rm venues.yaml

# a topics.yaml beside the catalog: an alias added to a shipped topic drives the import
printf '# Lists\n\n## Hot Stuff\n\n- [OSDI 2020] A Paper About Hot Stuff In Systems\n' >hot.md
"$LIT" import -q hot.md -o hot.yaml
check "without the table: the heading becomes a topic of the catalog's own" grep -q 'id: hot-stuff' hot.yaml
printf 'topics:\n  - id: scheduling\n    aliases: [Hot Stuff]\n' >topics.yaml
"$LIT" import -q hot.md -o hot.yaml
check "with the table beside the output: the heading is the shipped topic it names" sh -c "grep -q 'topics: \[scheduling\]' hot.yaml && ! grep -q hot-stuff hot.yaml"
"$LIT" check -c hot.yaml 2>check4.err
check "check says which topic the table beside the catalog overrides" grep -q "extended by topics.yaml: 0 added, 1 overridden (scheduling)" check4.err
rm topics.yaml

# sources name each list by its path as given: eleven READMEs are eleven lists
"$LIT" import -q lists/a/README.md lists/b/README.md -o two.yaml
check "each source names its list by the path given" sh -c "grep -q '{list: lists/a/README.md, line: ' two.yaml && grep -q '{list: lists/b/README.md, line: ' two.yaml"
"$LIT" xlsx -q -c two.yaml -o two.xlsx
check "'Lists merged' counts files, not names (two README.md)" $PY -c "
import openpyxl
ws = openpyxl.load_workbook('two.xlsx')['Summary']
row = [r for r in ws.iter_rows(values_only=True) if r and r[0] == 'Lists merged']
assert row and row[0][1] == 2, row
"
"$LIT" import -v lists/a/README.md lists/b/README.md -o two.yaml 2>explain.err
check "messages name a list by its path" sh -c "grep -q 'lists/a/README.md:[0-9]' explain.err && ! grep -q '^README.md:' explain.err"

# a missing default catalog says where it looked and that -c exists
mkdir -p "$TMP/empty" && cd "$TMP/empty" || exit 1
check_err "no catalog here: where it looked, and -c" 3 \
  "error: no catalog here: neither 'catalog.yaml' nor 'data/catalog.yaml' is in '$TMP/empty' \(name one with -c CATALOG" "$LIT" check
check_err "the same for diff --since without a catalog" 3 "no catalog here: .* is in '$TMP/empty'" "$LIT" diff --since HEAD
cp "$W/catalog.yaml" .
"$LIT" diff --since HEAD >/dev/null 2>since.err
check "diff --since outside git: the path tried, not git's message" sh -c \
  "grep -q \"^catalog.yaml: error: cannot read it at revision 'HEAD': its folder is not in a git repository\" since.err && ! grep -q fatal since.err"
check_err "diff --since with a catalog that is not there: its path" 3 "^nope/catalog.yaml: error: cannot open: No such file" \
  "$LIT" diff --since HEAD nope/catalog.yaml
exit $failed
