# import_merge.sh - `litsurvey import -m EXISTING`: new lists merge into a catalog without
# duplicating anything or losing hand edits (notes, extra fields, topics, titles, keys).
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/import
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/*.md .   # sources name each file by the path given: here, its name

"$LIT" import $V -q "headings-links.md" -o base.yaml
# hand edits: a note and a status (fields the catalog does not know), a topic, a title
$PY - <<'PYEOF'
import re
s = open('base.yaml').read()
s = s.replace('- key: pipedream2019sosp\n', '- key: pipedream2019sosp\n  notes: "read in week 3: the 1F1B schedule"\n  status: done\n', 1)
s = s.replace('title: "Optimizing CNN Model Inference on CPUs"', 'title: "Optimizing CNN Model Inference on CPUs (NeoCPU)"', 1)
s = re.sub(r'(- key: tictac2019mlsys\n(?:  .*\n)*?)  topics: \[communication\]', r'\1  topics: [communication, scheduling]', s, 1)
open('base.yaml', 'w').write(s)
PYEOF
check "hand-edited catalog loads" "$LIT" check -q -c base.yaml $V
cp base.yaml base.orig
"$LIT" import $V -q -m base.yaml "headings-links.md" "gitbook.md" "authors.md" -o merged.yaml
check "-m with -o leaves the existing catalog as it was" cmp base.yaml base.orig
check "-m keeps hand edits and keys, adds new papers, duplicates nothing" $PY -c "
import yaml
B = {p['key']: p for p in yaml.safe_load(open('base.yaml'))['papers']}
M = {p['key']: p for p in yaml.safe_load(open('merged.yaml'))['papers']}
assert set(B) <= set(M), set(B) - set(M)
pd = M['pipedream2019sosp']
assert pd['notes'] == 'read in week 3: the 1F1B schedule' and pd['status'] == 'done', pd
assert [(s['list'], s['line']) for s in pd['sources']] == [('authors.md', 4), ('headings-links.md', 6)], pd['sources']
assert pd['authors'] == ['Deepak Narayanan', 'Aaron Harlap', 'Amar Phanishayee']
assert M['optimizing2019atc']['title'] == 'Optimizing CNN Model Inference on CPUs (NeoCPU)'
assert M['tictac2019mlsys']['topics'] == ['communication', 'scheduling'], M['tictac2019mlsys']
# GPipe was an arXiv preprint in the base; the gitbook list gives NeurIPS '19: the venue
# improves (peer-reviewed beats arXiv) but the key stays
g = M['gpipe2018arxiv']
assert g['venue'] == 'NeurIPS' and g['year'] == 2019 and 'year_inferred' not in g, g
assert 'gpipe2019neurips' not in M and 'huang2019gpipe' not in M
assert len(M) == len(B) + 12 + 6 - 2, len(M)  # GPipe and PipeDream were there already
for p in M.values():
    src = [(s['list'], s['line']) for s in p['sources']]
    assert len(src) == len(set(src)), p
"
"$LIT" import $V -q -m merged.yaml "headings-links.md" "gitbook.md" "authors.md" -o twice.yaml
check "merging the same lists again changes nothing" cmp merged.yaml twice.yaml
cp merged.yaml inplace.yaml
"$LIT" import $V -q -m inplace.yaml "tags.md"
check "-m without -o writes the existing catalog in place" grep -q 'key: shockwave2023nsdi' inplace.yaml
check "  and keeps its hand edits" grep -q 'status: done' inplace.yaml
printf 'papers:\n  - key: x\n    title: [unclosed\n' > broken.yaml
cp broken.yaml broken.orig
check_err "-m with a broken catalog: located error, nothing written" 1 '^broken.yaml:[0-9]+:[0-9]+: error' "$LIT" import $V -m broken.yaml "tags.md"
check "  the broken catalog is untouched" cmp broken.yaml broken.orig
exit $failed
