# import_contents.sh - lists with a table of contents (tests/fixtures/contents/*.md, in the
# shapes of real awesome-lists): links into the page are no papers, a "## Contents" heading
# holds no section (the "###" headings below it and their papers are read), and the bullets
# that say how papers were chosen ("**2014** : +400 citations", "Before 2012") are no papers.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/contents
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/*.md .

"$LIT" import $V nested.md -o nested.yaml 2>nested.err
check "nested: import exits 0" test -s nested.yaml
check "nested: the papers under '### ' headings below '## Contents' are read, each in its section" $PY -c "
import yaml
p = yaml.safe_load(open('nested.yaml'))['papers']
got = sorted((s['line'], s['section'], x['title']) for x in p for s in x['sources'])
want = [
 (33, 'Recognition / Detection', 'Spatial pyramid pooling in deep convolutional networks for visual recognition'),
 (34, 'Recognition / Detection', 'Rich feature hierarchies for accurate object detection and semantic segmentation'),
 (35, 'Recognition / Detection', '3D ShapeNets: A deep representation for volumetric shapes'),
 (38, 'Sequence Models', 'Sequence to sequence learning with neural networks'),
 (39, 'Sequence Models', '100,000 podcasts: A spoken English document corpus'),
 (42, 'Old Papers', 'Gradient-based learning applied to document recognition'),
 (43, 'Old Papers', 'Learning mid-level engines for recognition'),
 (46, 'Appendix', 'Deep learning of representations for unsupervised and transfer learning'),
]
assert got == want, got
"
check "nested: a plain title with '(2010), Y. Boureau' after it has that year and author, as a bold one" $PY -c "
import yaml
p = [x for x in yaml.safe_load(open('nested.yaml'))['papers'] if x['title'].startswith('Learning mid-level')][0]
assert p['year'] == 2010 and p['authors'] == ['Y. Boureau'], p
"
check "nested: no criteria line is a paper, no 'Contents' topic or section" $PY -c "
import yaml
c = yaml.safe_load(open('nested.yaml'))
for x in c['papers']:
    assert 'citation' not in x['title'] and 'months' not in x['title'] and '2012' not in x['title'], x
    assert 'contents' not in x.get('topics', []), x
heads = [s['heading'] for l in c['lists'] for s in l['sections']]
assert heads == ['Awesome Classic Vision Papers', 'Recognition / Detection', 'Sequence Models', 'Old Papers', 'Appendix'], heads
"
check "nested: one summary line, eight papers" grep -q "imported 8 papers from 8 entries" nested.err
"$LIT" markdown -c nested.yaml $V -o back.md 2>/dev/null
check "nested: written back, the sections are the list's, without a Contents part" \
  sh -c "grep -q '^## Recognition / Detection$' back.md && ! grep -qi '^#* *contents' back.md"
"$LIT" import $V -q back.md -o back.yaml
check "nested: the written list reads back to the same eight papers" $PY -c "
import yaml
t = lambda f: sorted(x['title'] for x in yaml.safe_load(open(f))['papers'])
assert t('nested.yaml') == t('back.yaml'), (t('nested.yaml'), t('back.yaml'))
"

"$LIT" import $V toc-shapes.md -o toc.yaml 2>toc.err
check "toc-shapes: import exits 0" test -s toc.yaml
check "toc-shapes: a contents list without a heading, and anchor lines titled like papers, are no papers" $PY -c "
import yaml
p = yaml.safe_load(open('toc.yaml'))['papers']
got = sorted((s['line'], s['section'], x['title']) for x in p for s in x['sources'])
want = [
 (18, 'Potential Outcomes', 'Causal Inference Using Potential Outcomes'),
 (24, 'Interference', 'Causal Inference with Interference and Noncompliance in Two-Stage Randomized Experiments'),
 (29, 'CCS 2020', 'Squirrel: Testing Database Management Systems with Language Validity and Coverage Feedback'),
]
assert got == want, got
sq = [x for x in p if x['title'].startswith('Squirrel')][0]
assert sq['venue'] == 'CCS' and sq['year'] == 2020, sq
"
exit $failed
