# ris.sh - RIS (Zotero, Mendeley, EndNote exports): import with venue mapping, provenance,
# resilience (bad entries skipped with a located warning; --strict fails) and the same
# papers as the CSL-JSON of the same library.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/ris
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/*.ris "$ROOT/tests/fixtures/csl/library.json" .   # sources name each file by the path given: here, its name

"$LIT" import $V -q "library.ris" -o lib.yaml
check "import library.ris (BOM, CRLF, wrapped values): fields, venues, keys, provenance" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('lib.yaml'))['papers']}
assert sorted(p) == ['muller2022uberfast', 'narayanan2019pipedream', 'narayanan2020heterogeneityaware', 'narayanan2021efficient'], sorted(p)
d = p['narayanan2019pipedream']
assert (d['venue'], d['year'], d['short'], d['doi'], d['topics']) == ('SOSP', 2019, 'PipeDream', '10.1145/3341301.3359646', ['pipeline-parallelism']), d
assert d['authors'] == ['Deepak Narayanan', 'Aaron Harlap', 'Amar Phanishayee'], d['authors']
assert d['links'] == {'paper': 'https://doi.org/10.1145/3341301.3359646'} and d['sources'] == [{'list': 'library.ris', 'line': 1}], d
u = p['muller2022uberfast']   # JF journal, DOI in M3, 'Last,First' names with a suffix
assert (u['venue'], u['year'], u['doi']) == ('TPDS', 2022, '10.1109/TPDS.2021.3094364'), u
assert u['authors'] == ['Jörg Müller', 'María de la Cruz, Jr'], u['authors']
e = p['narayanan2021efficient']   # a preprint: publisher arXiv, the id in AN
assert (e['venue'], e['arxiv'], e['year'], e['year_inferred']) == ('arXiv', '2104.04473', 2021, True), e
g = p['narayanan2020heterogeneityaware']   # the short venue name in J2, the system name in ST
assert (g['venue'], g['year'], g['short'], g['topics']) == ('OSDI', 2020, 'Gavel', ['scheduling']), g
"
check "the catalog loads and checks" "$LIT" check -q -c lib.yaml $V

"$LIT" import $V "bad.ris" -o bad.yaml 2>bad.err
check "bad entries: the good ones are imported" sh -c "[ \$(grep -c '^- key:' bad.yaml) -eq 3 ] && grep -q 'key: tiresias2019nsdi' bad.yaml && grep -q 'key: gandiva2018osdi' bad.yaml"
check "bad entries: each problem a warning at its line" sh -c "
  grep -q \"bad.ris:1:1: warning: text outside an entry\" bad.err &&
  grep -q \"bad.ris:2:1: warning: entry is not closed by 'ER  - ' before the next 'TY' (read up to there)\" bad.err &&
  grep -q 'bad.ris:6:1: warning: entry has no title (TI or T1) (skipped)' bad.err &&
  grep -q 'bad.ris:13:7: warning: year outside 1800-2100 (left out)' bad.err &&
  grep -q 'bad.ris:16:26: warning: invalid UTF-8 or a control character (skipped)' bad.err"
check "the output is valid UTF-8 and loads" "$LIT" check -q -c bad.yaml $V
check_err "--strict: the first problem is an error" 1 "bad.ris:1:1: error: text outside an entry" \
  "$LIT" import $V --strict "bad.ris" -o strict.yaml
check "--strict: nothing written" test ! -e strict.yaml
printf 'TY  - JOUR\nAU  - Nobody, A\nER  - \n' >notitle.ris
check_err "no paper in the file is an error" 1 "notitle.ris:1:1: error: no papers found" "$LIT" import $V notitle.ris -o x.yaml
printf 'TY  - CONF\nTI  - PipeDream: Generalized Pipeline Parallelism for DNN Training\nT2  - SOSP\nPY  - 2019\nER  - \n' >sniff.txt
"$LIT" import $V -q sniff.txt -o sniff.yaml
check "RIS is recognised by its content whatever the extension" grep -q 'key: pipedream2019sosp' sniff.yaml

# the same library from RIS and from CSL-JSON: one paper each after the merge
"$LIT" import $V -q "library.ris" library.json -o both.yaml
check "RIS and CSL-JSON of the same papers merge" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('both.yaml'))['papers']}
d = p['narayanan2019pipedream']
assert sorted(s['list'] for s in d['sources']) == ['library.json', 'library.ris'], d['sources']
assert sum(1 for x in p.values() if x['title'].startswith('Efficient Large-Scale')) == 1
"
exit $failed
