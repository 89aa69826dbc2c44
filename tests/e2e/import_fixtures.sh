# import_fixtures.sh - `litsurvey import` on lists in each dialect the project writes itself
# (tests/fixtures/import/*.md, *.txt), each compared with its expected catalog; then the
# same lists together: merged across files, independent of input order.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/import
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/*.md "$F"/*.txt .   # sources name each list by the path given: here, its file name

for list in *.md *.txt; do
  fx=$list
  stem=${fx%.*}
  "$LIT" import $V -q "$list" -o "$stem.yaml" 2>"$stem.err"
  check "import $fx exits 0" test -s "$stem.yaml"
  golden "import $fx gives the expected catalog" "$stem.yaml" "$F/expected/$stem.yaml"
  check "import $fx: the catalog loads and checks" "$LIT" check -q -c "$stem.yaml" $V
done

# Every fixture together: duplicates across lists merge, whatever the order of the files.
"$LIT" import $V -q *.md *.txt -o all.yaml
"$LIT" import $V -q $(ls *.md *.txt | sort -r) -o rev.yaml
check "all fixtures: same bytes whatever the input order" cmp all.yaml rev.yaml
"$LIT" import $V -q *.md *.txt -o again.yaml
check "all fixtures: same input, same bytes" cmp all.yaml again.yaml
check "all fixtures: PipeDream from three lists is one paper with three sources" \
  $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('all.yaml'))['papers']}
d = p['narayanan2019pipedream']
assert [(s['list'], s['line']) for s in d['sources']] == [('authors.md', 4), ('headings-links.md', 6), ('untagged.md', 4), ('wild.md', 5)], d['sources']
assert d['authors'] == ['Deepak Narayanan', 'Aaron Harlap', 'Amar Phanishayee'], d
assert d['links']['slides'].endswith('pd.pdf') and d['links']['code'] == 'https://github.com/msr-fiddle/pipedream', d['links']
g = p['huang2019gpipe']
assert g['venue'] == 'NeurIPS' and g['year'] == 2019 and 'year_inferred' not in g, g
assert {s['list'] for s in g['sources']} == {'headings-links.md', 'gitbook.md', 'plain.txt', 'untagged.md', 'wild.md'}, g['sources']
assert len(p) == 204, len(p)
"
# -v prints every merge with its reason
"$LIT" import $V -v *.md *.txt -o all2.yaml 2>explain.txt
check "--explain: merges with their reasons" grep -q "merged into 'huang2019gpipe': .*: same normalised title" explain.txt
check "--explain: summary line" grep -q "entries in 28 files; 1 skipped" explain.txt
exit $failed
