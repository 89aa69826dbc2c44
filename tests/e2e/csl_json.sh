# csl_json.sh - CSL-JSON (Zotero, Mendeley, pandoc): import with venue mapping, provenance,
# located warnings and errors; export with `litsurvey bib --format csl-json`, read back to
# the same catalog, and rendered by a real consumer, pandoc --citeproc.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/csl
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
SEED=$ROOT/data/catalog.yaml
SAME="$PY $ROOT/tests/same_papers.py"
cd "$TMP" || exit 1
cp "$F"/*.json .   # sources name each file by the path given: here, its name

"$LIT" import $V -q "library.json" -o lib.yaml
check "import library.json: fields, venues, keys, provenance" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('lib.yaml'))['papers']}
# an id typed as a key is kept; a bare word ('gavel') could be any word: authorYEARword
assert sorted(p) == ['Q3nB7dXw', 'muller2022', 'narayanan2019pipedream', 'narayanan2020heterogeneityaware', 'shoeybi2019megatron', 'workshop-no-table'], sorted(p)
d = p['narayanan2019pipedream']   # citation-key wins over a Zotero URL id
assert (d['venue'], d['year'], d['short'], d['doi']) == ('SOSP', 2019, 'PipeDream', '10.1145/3341301.3359646'), d
assert d['authors'] == ['Deepak Narayanan', 'Aaron Harlap', 'Amar Phanishayee'] and d['topics'] == ['pipeline-parallelism'], d
assert d['sources'] == [{'list': 'library.json', 'line': 2}], d['sources']
g = p['narayanan2020heterogeneityaware']
assert (g['venue'], g['year'], g['short'], g['topics']) == ('OSDI', 2020, 'Gavel', ['scheduling']), g
m = p['shoeybi2019megatron']   # a Zotero preprint: publisher arXiv, the id in number; arXiv's DOI is no DOI
assert (m['venue'], m['arxiv'], m['year'], 'doi' in m) == ('arXiv', '1909.08053', 2020, False), m
q = p['Q3nB7dXw']   # Semantic Scholar via Manubot: the id in volume, no date
assert (q['venue'], q['arxiv'], q['year'], q['year_inferred']) == ('arXiv', '2104.04473', 2021, True), q
u = p['muller2022']
assert u['venue'] == 'TPDS' and u['year'] == 2022, u
assert u['authors'] == ['Jörg Müller', 'María de la Cruz, Jr', 'Ludwig van Beethoven', 'Barnes and Noble, Inc.'], u['authors']
assert p['workshop-no-table']['venue'] == 'Some Workshop Nobody Lists'   # kept for check to report
"

# resilience: bad items skipped with a located warning, bad fields left out; --strict fails
"$LIT" import $V "bad-items.json" -o bad.yaml 2>bad.err
check "bad items: the good ones are imported" sh -c "[ \$(grep -c '^- key:' bad.yaml) -eq 3 ] && grep -q 'key: ok-two' bad.yaml && grep -q 'key: bad-fields' bad.yaml"
check "bad items: each skipped item is a warning at its place" sh -c \
  "grep -q 'bad-items.json:5:3: warning: item is not an object (item skipped)' bad.err &&
   grep -q 'bad-items.json:6:3: warning: item has no title (item skipped)' bad.err &&
   grep -q \"bad-items.json:7:3: warning: 'title' is not a text (item skipped)\" bad.err"
check "bad fields: a warning at the field, the field left out" sh -c \
  "grep -q \"bad-items.json:9:31: warning: 'author' is not a list of names; left out\" bad.err &&
   grep -q \"bad-items.json:9:56: warning: 'issued' 3019 is not a year from 1800 to 2100; left out\" bad.err &&
   grep -q \"bad-items.json:10:4: warning: 'DOI' is not a text; left out\" bad.err"
check "event gives the venue when there is no container" grep -A4 'key: ok-two' bad.yaml
check_err "--strict: the first bad item is an error" 1 "bad-items.json:5:3: error: item is not an object" \
  "$LIT" import $V --strict "bad-items.json" -o strict.yaml
check "--strict: nothing written" test ! -e strict.yaml
check_err "a JSON syntax error is located" 1 "syntax.json:5:3: error: ']' expected" "$LIT" import $V "syntax.json" -o x.yaml
check_err "invalid UTF-8 is located" 1 "utf8.json:1:27: error: unable to decode byte 0xff" "$LIT" import $V "utf8.json" -o x.yaml
check_err "a file that is not a list of items is an error" 1 "scalar.json:1:1[0-9]*: error: " "$LIT" import $V "scalar.json" -o x.yaml
printf '[]\n' >empty.json
check_err "an empty list is an error" 1 "empty.json:1:1: error: no papers found" "$LIT" import $V empty.json -o x.yaml

# export, and back: CSL-JSON -> catalog -> CSL-JSON -> catalog
check_exit "bib: unknown --format is a usage error" 2 "$LIT" bib -c lib.yaml $V --format ris
"$LIT" bib -c lib.yaml $V --format csl-json -o lib.json
"$LIT" import $V -q lib.json -o lib2.yaml
# (a year inferred from an arXiv id is written as the year: CSL cannot say it was inferred)
check "CSL-JSON -> catalog -> CSL-JSON -> catalog: the same papers" $SAME lib.yaml lib2.yaml \
  --fields key,title,short,authors,venue,year,topics,links,doi,arxiv
check "the export keeps the items' fields" $PY -c "
import json
a = {x.get('citation-key', x['id']): x for x in json.load(open('$F/library.json'))}
a['narayanan2020heterogeneityaware'] = a.pop('gavel')   # a bare word is no key
b = {x['id']: x for x in json.load(open('lib.json'))}
assert sorted(b) == sorted(k for k in a), (sorted(a), sorted(b))
name = lambda n: n.get('literal') or ' '.join(v for v in (n.get('given'), n.get('non-dropping-particle'), n['family']) if v) + (', ' + n['suffix'] if n.get('suffix') else '')
for k, x in a.items():
    y = b[k]
    assert x['title'] == y['title'], k
    assert [name(n) for n in x.get('author', [])] == [name(n) for n in y.get('author', [])], (k, y.get('author'))
    if 'DOI' in x and '10.48550' not in x['DOI']: assert x['DOI'] == y['DOI'], k
    if 'URL' in x: assert x['URL'] == y['URL'], k
m = b['muller2022']['author'][1]
assert (m['given'], m['non-dropping-particle'], m['family'], m['suffix']) == ('María', 'de la', 'Cruz', 'Jr'), m
assert b['narayanan2019pipedream']['type'] == 'paper-conference' and b['muller2022']['type'] == 'article-journal'
assert b['shoeybi2019megatron']['number'] == 'arXiv:1909.08053' and b['shoeybi2019megatron']['type'] == 'article'
"
"$LIT" bib -c "$SEED" --format csl-json -o seed.json
"$LIT" import $V -q seed.json -o seed-rt.yaml
check "seed catalog -> CSL-JSON -> catalog: the same titles, authors, venues, years, DOIs, arXiv ids and topics" \
  $SAME "$SEED" seed-rt.yaml --by title --fields title,short,authors,venue,year,doi,arxiv,topics
# the export writes the key as the item's id: one typed as a key comes back; a bare word
# (an old catalog's 'horizontal') could be any word and is made anew
check "  and the same keys, but bare words" $PY -c "
import re, yaml
a = sorted(p['key'] for p in yaml.safe_load(open('$SEED'))['papers'])
b = sorted(p['key'] for p in yaml.safe_load(open('seed-rt.yaml'))['papers'])
word = lambda k: re.fullmatch('[A-Za-z]+', k) is not None
assert [k for k in a if not word(k)] == [k for k in b if k in a and not word(k)], set(a) ^ set(b)
assert len(a) == len(b) and all(word(k) for k in set(a) - set(b)), set(a) - set(b)
"
"$LIT" bib -c "$SEED" --format csl-json -o again.json
check "same catalog, same bytes" cmp seed.json again.json

# the real consumer: pandoc's citeproc renders a bibliography of every paper, without a warning
for f in seed lib; do
  printf -- '---\nbibliography: %s.json\nnocite: "@*"\n---\n' $f >$f-doc.md
  pandoc --wrap=none --citeproc -t plain $f-doc.md -o $f-doc.txt 2>$f-pandoc.err
  check "pandoc --citeproc renders $f.json without a warning" sh -c "[ -s $f-doc.txt ] && [ ! -s $f-pandoc.err ]"
  check "pandoc --citeproc: every paper in the bibliography" $PY -c "
import json, sys
text = ' '.join(open('$f-doc.txt').read().split()).casefold()
items = json.load(open('$f.json'))
miss = [x['title'] for x in items if ' '.join(x['title'].split()).casefold() not in text]
assert not miss, miss[:5]
assert text.count('“') >= len(items) - 3
"
done
check "pandoc --citeproc: authors, venue names and years" grep -q 'Narayanan, Deepak, Aaron Harlap, and Amar Phanishayee. 2019.*ACM Symposium on Operating Systems Principles' lib-doc.txt
printf '[\n  {"id": "x", "title": "PipeDream: Generalized Pipeline Parallelism for DNN Training", "event": "SOSP 2019"}\n]\n' >sniff.txt
"$LIT" import $V -q sniff.txt -o sniff.yaml
check "CSL-JSON is recognised by its content whatever the extension" grep -q 'venue: SOSP' sniff.yaml
exit $failed
