# resolve.sh - `litsurvey resolve --from FILE`: a list-shaped catalog against a researcher's own
# .bib files (@string across files, crossref, DBLP and Scholar shapes), a Zotero CSL-JSON and a
# RIS export: what is filled, what is refused, what stays ambiguous, the user's keys, provenance,
# a second run that changes nothing, the summary, -v, --explain, --dry-run; then `bib` of the
# resolved catalog through bibtex and biber, and `check`'s counts.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/resolve
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
SRC="--from $F/mine.bib --from $F/chapter2.bib --from $F/library.json --from $F/library.ris"
cd "$TMP" || exit 1
cp "$F/catalog.yaml" cat.yaml

check "resolve --help" sh -c "$LIT resolve --help | grep -q 'usage: litsurvey resolve'"
check_err "no source is a usage error" 2 "no sources" "$LIT" resolve $V -c cat.yaml
check_err "an unknown option is a usage error" 2 "unknown option" "$LIT" resolve $V -c cat.yaml --frobnicate
check_err "a list is no bibliography" 1 "catalog.yaml: error: not a bibliography" "$LIT" resolve $V -c cat.yaml --from "$F/catalog.yaml"
check_err "a missing source is an I/O error" 3 "nosuch.bib" "$LIT" resolve $V -c cat.yaml --from nosuch.bib
check_err "--explain of a key the catalog lacks" 1 "no paper with the key 'nosuch'" "$LIT" resolve $V -c cat.yaml $SRC --explain nosuch
check "failed runs left the catalog as it was" cmp cat.yaml "$F/catalog.yaml"

"$LIT" resolve $V -c cat.yaml $SRC -n 2>dry.err
check "--dry-run writes nothing" cmp cat.yaml "$F/catalog.yaml"
check "--dry-run says so" grep -q '(dry run: nothing written)' dry.err

"$LIT" resolve $V -c cat.yaml $SRC 2>run.err
check "the summary line" grep -qx "cat.yaml: resolved 9 of 12 papers: 6 mine.bib, 2 library.json, 1 library.ris; 2 not found; 1 ambiguous (see -v); 1 statement of the lists kept against a record (see -v); 9 keys taken from your bibliography; 9 papers changed" run.err
check "what each paper became" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('cat.yaml'))['papers']}
assert sorted(p) == ['abadi2016tensorflow', 'bigtable-2007', 'gu2019tiresias', 'han2016deep', 'huang2019gpipe',
                     'mahajan2020themis', 'mapreduce-osdi04', 'moritz2018ray', 'narayanan2019pipedream', 'orpheus-socc18',
                     'sergeev2018horovod', 'xiao2018gandiva'], sorted(p)
d = p['narayanan2019pipedream']   # the user's key, the old one an alias; hand edits kept
assert d['aliases'] == ['pipedream-sosp19'] and d['status'] == 'reading' and d['notes'] == 'compare with GPipe', d
assert d['authors'][:2] == ['Deepak Narayanan', 'Aaron Harlap'] and len(d['authors']) == 8, d['authors']
assert (d['doi'], d['bibtype'], d['bib']['pages']) == ('10.1145/3341301.3359646', 'inproceedings', '1--15'), d
assert d['resolved'] == {'source': 'mine.bib', 'id': 'narayanan2019pipedream', 'score': 100}, d['resolved']
g = p['huang2019gpipe']   # an arXiv listing resolved to the published paper: its venue and year, the arXiv id kept
assert (g['venue'], g['year'], g['arxiv'], 'year_inferred' in g) == ('NeurIPS', 2019, '1811.06965', False), g
assert 'others' not in g['authors'] and len(g['authors']) == 10, g['authors']
t = p['abadi2016tensorflow']   # a DBLP homonym number is no part of a name
assert t['authors'][:2] == ['Martín Abadi', 'Paul Barham'], t['authors']
r = p['moritz2018ray']   # two chapters cite it: the first entry, not an ambiguity
assert r['resolved']['id'] == 'moritz2018ray' and 'et al.' not in r['authors'], r
x = p['xiao2018gandiva']   # PipeDream's DOI copied onto Gandiva by a list: refused, the title finds the paper
assert x['resolved']['id'] == 'xiao2018gandiva' and x['bib']['booktitle'].startswith('13th {USENIX}'), x
ti = p['gu2019tiresias']   # the list says OSDI, the record NSDI: the list's venue stays, no booktitle of another venue
assert ti['venue'] == 'OSDI' and 'bib' not in ti and len(ti['authors']) == 8, ti
h = p['han2016deep']   # a similar title (network/networks), from the CSL-JSON export
assert h['resolved']['score'] in range(90, 100) and h['authors'] == ['Song Han', 'Huizi Mao', 'William J. Dally'], h
assert p['mahajan2020themis']['resolved']['source'] == 'library.ris'
assert p['sergeev2018horovod']['arxiv'] == '1802.05799'
for k in ('bigtable-2007', 'mapreduce-osdi04', 'orpheus-socc18'):   # ambiguous, another year, same words other paper
    assert 'resolved' not in p[k] and 'authors' not in p[k], p[k]
"

cp cat.yaml once.yaml
"$LIT" resolve $V -c cat.yaml $SRC 2>again.err
check "a second run changes nothing" cmp cat.yaml once.yaml
check "... and says so" grep -q '; 0 papers changed$' again.err
"$LIT" resolve $V -c cat.yaml --from "$F/chapter2.bib" --from "$F/mine.bib" --from "$F/library.ris" --from "$F/library.json" -q
check "the same sources in another order change nothing either" cmp cat.yaml once.yaml

cp "$F/catalog.yaml" v.yaml
"$LIT" resolve $V -c v.yaml $SRC -v 2>v.err
check "-v: the conflict at the paper's line" grep -q "v.yaml:[0-9]*:3: note: 'tiresias-osdi19': venue 'OSDI' kept; mine.bib gu2019tiresias says 'NSDI'" v.err
check "-v: the ambiguous paper with both candidates" sh -c "grep -q \"'bigtable-2007' is ambiguous, not taken\" v.err &&
  grep -q 'mine.bib DBLP:conf/osdi/ChangDGHWBCFG06: .*(OSDI 2006)' v.err && grep -q 'mine.bib DBLP:journals/tocs/ChangDGHWBCFG08: .*(TOCS 2008)' v.err"
check "-v: a refused candidate says why" grep -q 'DBLP:journals/cacm/DeanG08: .*refused: years too far apart' v.err
check "-v: the summary no longer points at -v" sh -c "tail -1 v.err | grep -qv 'see -v'"

cp "$F/catalog.yaml" e.yaml
"$LIT" resolve $V -c e.yaml $SRC --explain gandiva-osdi18 -n -q >e.out 2>&1
check "--explain: candidates, scores, reasons, the one taken" sh -c "
  grep -q \"^'gandiva-osdi18' \" e.out &&
  grep -q -- '-> 100  mine.bib xiao2018gandiva: .*same title' e.out &&
  grep -q 'mine.bib narayanan2019pipedream: .*same DOI; refused: its title shares no word' e.out &&
  grep -q '^  taken: mine.bib xiao2018gandiva' e.out"

# bib of the resolved catalog: entries with authors and their types, clean under bibtex and biber
"$LIT" bib $V -c cat.yaml -o refs.bib 2>bib.err
check "resolved papers are @inproceedings with authors" sh -c "
  grep -q '^@inproceedings{narayanan2019pipedream,' refs.bib && grep -q '^@inproceedings{huang2019gpipe,' refs.bib &&
  grep -A2 '^@inproceedings{mahajan2020themis,' refs.bib | grep -q 'author *= {Kshiteej Mahajan and'"
check "the old keys stay citable" grep -q '^@inproceedings{pipedream-sosp19,' refs.bib
printf '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{url}\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n' >doc.tex
(pdflatex -interaction=nonstopmode -halt-on-error doc && bibtex doc && pdflatex -interaction=nonstopmode doc &&
  pdflatex -interaction=nonstopmode doc) >latex.out 2>&1
check "bibtex reads the resolved entries without a warning" sh -c "! grep -q '^Warning--' doc.blg && grep -q 'Database file #1: refs.bib' doc.blg"
"$LIT" bib $V -c cat.yaml --biblatex -o bl.bib 2>/dev/null
biber --tool --validate-datamodel --output-file="$TMP/bl-out.bib" bl.bib >biber.out 2>&1
check "biber --validate-datamodel: no warning" sh -c "! grep -q 'WARN\|ERROR' biber.out"

# DBLP: an index of real records (tests/fixtures/dblp), asked after the user's files
check_err "--index needs -o" 2 "needs -o" "$LIT" resolve --index "$ROOT/tests/fixtures/dblp/dblp.xml"
check_err "--index does not resolve" 2 "another run" "$LIT" resolve --index "$ROOT/tests/fixtures/dblp/dblp.xml" -o x.idx --from "$F/mine.bib"
check "--index writes the index" "$LIT" resolve --index "$ROOT/tests/fixtures/dblp/dblp.xml" -o dblp.idx
cp "$F/dblp-catalog.yaml" d.yaml
"$LIT" resolve $V -c d.yaml --from dblp.idx --from "$F/mine.bib" 2>d.err
check "DBLP: the summary" grep -qx "d.yaml: resolved 3 of 3 papers: 2 DBLP, 1 mine.bib; 0 not found; 0 ambiguous; 2 statements of the lists kept against a record (see -v); 1 key taken from your bibliography; 3 papers changed" d.err
check "DBLP: what each paper became" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('d.yaml'))['papers']}
assert p['narayanan2019pipedream']['resolved']['source'] == 'mine.bib'   # the user's files first
m = p['multi-acl23']
assert m['resolved'] == {'source': 'dblp', 'id': 'conf/acl/ChangSRM23', 'score': 100}, m
assert (m['doi'], m['bibtype'], m['bib']) == ('10.18653/v1/2023.acl-long.48', 'inproceedings', {'pages': '821--854'}), m
assert m['authors'] == ['Haw-Shiuan Chang', 'Ruei-Yao Sun', 'Kathryn Ricci', 'Andrew McCallum'], m['authors']
s = p['spectre-sp19']   # DBLP's informal 2018 record: authors taken (no homonym numbers), venue and year kept
assert (s['venue'], s['year'], 'doi' in s, 'bib' in s) == ('S&P', 2019, False, False), s
assert 'Thomas Prescher' in s['authors'] and 'Michael Schwarz' in s['authors'], s['authors']
"
cp d.yaml d1.yaml
"$LIT" resolve $V -c d.yaml --from "$F/mine.bib" --from dblp.idx -q
check "DBLP: a second run changes nothing" cmp d.yaml d1.yaml
cp "$F/dblp-catalog.yaml" d.yaml
"$LIT" resolve $V -c d.yaml --from dblp.idx --explain pipedream-sosp19 -n -q >dx.out 2>&1
check "DBLP: --explain shows the published record taken and its preprint" sh -c "
  grep -q -- '-> 100  DBLP conf/sosp/NarayananHPSDGGZ19: .*(SOSP 2019)' dx.out &&
  grep -q 'DBLP journals/corr/abs-1806-03377: \"PipeDream: Fast and Efficient Pipeline Parallel DNN Training\" (CoRR 2018).*its preprint' dx.out"
head -c 300 dblp.idx >cut.idx
check_err "a truncated index is an error" 1 "cut.idx" "$LIT" resolve $V -c d.yaml --from cut.idx
check "... and the catalog is as it was" cmp d.yaml "$F/dblp-catalog.yaml"

"$LIT" check $V -c cat.yaml 2>check.err
check "check counts papers without authors and without a record" grep -q 'Papers without authors: 3; without a bibliographic record: 3 (litsurvey resolve' check.err
exit $failed
