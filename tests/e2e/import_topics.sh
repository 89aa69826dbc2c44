# import_topics.sh - section headings the taxonomy does not name: loose matches and new
# topics reported once with their counts, defined in the catalog (`topics:`) so that check,
# stats, charts and tables know them, written by --topics-out as a topics.yaml fragment
# that folds into the taxonomy, and loaded then saved unchanged.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/import
cd "$TMP" || exit 1
cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" .
V="--venues venues.yaml --topics topics.yaml"

"$LIT" import $V "$F/topics-headings.md" "$F/topics-field.md" -o cat.yaml --topics-out new.yaml 2>err.txt
check "import: exits 0 and writes the catalog" test -s cat.yaml
check "import: one summary line for the headings" test "$(grep -c '^topics: ' err.txt)" -eq 1
check "import: a loose match with its count" grep -q '^  loose  "LLM Inference Systems" -> inference (3 papers)$' err.txt
check "import: a new topic under its parent heading's topic" \
  grep -q '^  new    data-formats "Data formats" under data-processing (1 paper)$' err.txt
check "import: a list's title gives its papers a topic when no heading does" \
  grep -q '^  new    learned-database "Learned Database" from the list.s title (2 papers)$' err.txt
check "import: furniture, venue and year headings are never topics" \
  sh -c '! grep -Eq "\"(Contents|Table of Contents|General|OSDI 2024|2023|License|Contributing)\"" err.txt'
check "check: the catalog's own topics are known" "$LIT" check -q -c cat.yaml $V
check "stats: a new topic counts under its label" sh -c "\"$LIT\" stats -c cat.yaml $V --by topic --format csv | grep -q 'Query Optimization,1'"
check "stats: --topic selects a new topic with its subtopics" \
  sh -c "\"$LIT\" stats -c cat.yaml $V --topic query-optimization --by topic --format csv | grep -q 'Cardinality Estimation,1'"
check "latex: a new topic's label in the topics table" sh -c "\"$LIT\" latex topics -c cat.yaml $V | grep -q 'Learned Database'"
check "chart: a new topic in a chart" "$LIT" chart topic-heatmap -c cat.yaml $V -o heat.svg

# load then save: the same bytes, the topics list included
"$LIT" import $V -m cat.yaml -o round.yaml "$F/topics-field.md" -q
check "merge of the same list: the catalog is unchanged" cmp cat.yaml round.yaml
check "catalog: topics after the papers, with id, label and parent" $PY -c "
import yaml
c = yaml.safe_load(open('cat.yaml'))
t = {x['id']: x for x in c['topics']}
assert t['cardinality-estimation'] == {'id': 'cardinality-estimation', 'label': 'Cardinality Estimation', 'parent': 'query-optimization'}, t
assert 'inference' not in t and 'learned-database' in t, t
assert list(c) == ['papers', 'topics', 'lists'], list(c)   # then the list's sections
"

# the fragment folds into topics.yaml as it is: the next import finds every heading by name
check "--topics-out: a topics.yaml fragment" $PY -c "
import yaml
t = yaml.safe_load(open('new.yaml'))['topics']
assert {'id': 'inference', 'aliases': ['LLM Inference Systems']} in t, t
assert {'id': 'data-formats', 'label': 'Data formats', 'parent': 'data-processing'} in t, t
"
sed -n '/^topics:/,$p' new.yaml | tail -n +2 >>topics.yaml
"$LIT" import $V "$F/topics-headings.md" "$F/topics-field.md" -o folded.yaml 2>err2.txt
check "folded: topics.yaml still loads" "$LIT" check -q -c folded.yaml $V
check "folded: no heading is new or loose any more" sh -c '! grep -q "^topics: " err2.txt'
check "folded: the catalog defines no topics of its own" sh -c '! grep -q "^topics:" folded.yaml'
check "folded: the same topics for every paper" sh -c "grep '^  topics:' cat.yaml | sort >a; grep '^  topics:' folded.yaml | sort >b; cmp a b"

# a catalog's topic with an unknown parent is an error at its line
printf 'papers:\n- key: a\n  title: "A"\n  topics: [x]\ntopics:\n- id: x\n  parent: nowhere\n' >bad.yaml
check_err "check: a catalog topic with an unknown parent" 1 "bad.yaml:6:3: error: topic 'x' has unknown parent 'nowhere'" \
  "$LIT" check -c bad.yaml $V
exit $failed
