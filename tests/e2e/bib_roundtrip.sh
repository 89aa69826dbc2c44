# bib_roundtrip.sh - BibTeX in and out: import a real .bib, export it, import the export;
# with --strict bad .bib files fail with FILE:LINE:COL and leave the catalog alone; by
# default a bad entry is skipped with a located warning.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/bib
T="--venues $F/venues.yaml --topics $F/topics.yaml"
cd "$TMP" || exit 1
cp "$F/venues.yaml" "$F/topics.yaml" .   # the catalogs below find their tables beside them

check "import a real .bib" "$LIT" import $T -q "$F/real.bib" -o cat1.yaml
check "11 papers (the @proceedings volume is none)" sh -c "[ \$(grep -c '^- key:' cat1.yaml) -eq 11 ]"
check "export it" "$LIT" bib -c cat1.yaml -o out1.bib
check "import the export" "$LIT" import $T -q out1.bib -o cat2.yaml
check "export again" "$LIT" bib -c cat2.yaml -o out2.bib
check "the second export is the first, byte for byte" cmp out1.bib out2.bib
# every field but provenance (and the inferred-year mark, which an export states as a year;
# the imported fields kept in bib: are tested in bib_import_files.sh, and here the second
# import also keeps what the first export wrote, such as a sort key)
strip() { grep -v '^  sources:\|^  - {list:\|year_inferred\|^  bib:\|^    ' "$1"; }
strip cat1.yaml >c1; strip cat2.yaml >c2
check "keys, titles, authors, venues, years, doi, arXiv ids survive" cmp c1 c2
check "the fields are there" $PY -c "
import yaml
ps = {p['key']: p for p in yaml.safe_load(open('cat2.yaml'))['papers']}
p = ps['wei-tpds']
assert p['title'] == 'A Study of Über-Fast Naïve Schedulers & Café GPUs — Part 2', p['title']
assert p['authors'][2] == 'María de la Cruz, Jr' and p['authors'][5] == 'Hans Straßer', p['authors']
assert p['venue'] == 'TPDS' and p['year'] == 2022 and p['doi'] == '10.1109/TPDS.2021.3094364', p
assert ps['gandiva-osdi18']['venue'] == 'OSDI' and ps['bytescheduler-nsdi19']['year'] == 2019
assert ps['megatron-arxiv']['arxiv'] == '1909.08053' and ps['megatron-arxiv']['venue'] == 'arXiv'
assert ps['pipedream-sosp19']['topics'] == ['pipeline-parallelism']
"

# bad input with --strict: a located error, exit 1, and the output catalog untouched
cp cat1.yaml keep.yaml
check_err "unbalanced braces: error at the opening brace" 1 "adversarial.bib:3:30: error: unbalanced braces" \
  "$LIT" import $T --strict "$F/adversarial.bib" -o keep.yaml
check "the catalog is untouched" cmp cat1.yaml keep.yaml
printf '@article{k, title = {x}}\n@string{a = b}\n' >undef.bib
check_err "undefined macro" 1 "undef.bib:2:13: error: undefined macro 'b'" "$LIT" import $T --strict undef.bib -o keep.yaml
check_err "by default it is a warning" 0 "undef.bib:2:13: warning: undefined macro 'b' \(its name is kept as the text\)" \
  "$LIT" import $T undef.bib -o undef.yaml
printf '@misc{k, title = {caf\351}}\n' >latin1.bib
check_err "invalid UTF-8" 1 "latin1.bib:1:22: error: invalid UTF-8" "$LIT" import $T latin1.bib -o keep.yaml
printf '@misc{k, title = {a\000b}}\n' >nul.bib
check_err "NUL byte" 1 "nul.bib:1:20: error: NUL byte" "$LIT" import $T nul.bib -o keep.yaml
head -c 65536 /dev/urandom >binary.bib 2>/dev/null
check_err "binary garbage" 1 "binary.bib(:[0-9]+:[0-9]+)?: error: " "$LIT" import $T binary.bib -o keep.yaml
check "still untouched" cmp cat1.yaml keep.yaml

# the default: the good entries in (and the one with an undefined macro), a warning for each bad one
"$LIT" import $T "$F/adversarial.bib" -o lenient.yaml 2>lenient.err
check "the good entries are imported" sh -c "[ \$(grep -c '^- key:' lenient.yaml) -eq 4 ]"
check "a warning per bad entry" sh -c "[ \$(grep -c 'adversarial.bib:[0-9]*:[0-9]*: warning: ' lenient.err) -eq 6 ]"

# a large file: linear time
$PY -c "
import sys
for i in range(50000):
    sys.stdout.write('@inproceedings{k%d,\n  author = {M{\\\\\"u}ller, J{\\\\\"o}rg and Ann van Doe},\n  title = {{Sys%d}: Fast {GPU} Things},\n  booktitle = {Proceedings of the 13th USENIX Symposium on Operating Systems Design and Implementation (OSDI 18)},\n  year = %d}\n' % (i, i, 2000 + i % 24))
" >big.bib
check "import 50,000 entries" "$LIT" import $T -q big.bib -o big.yaml
check "all of them, venues resolved" sh -c "[ \$(grep -c '^- key:' big.yaml) -eq 50000 ] && [ \$(grep -c '^  venue: OSDI' big.yaml) -eq 50000 ]"
# the other way: the project's catalog -> .bib -> catalog keeps every field BibTeX has
if [ -f "$ROOT/data/catalog.yaml" ]; then
  mkdir -p data && cp "$ROOT/data/venues.yaml" "$ROOT/data/topics.yaml" data/
  "$LIT" bib -c "$ROOT/data/catalog.yaml" -o project.bib 2>/dev/null
  check "project catalog -> .bib -> catalog" "$LIT" import -q --venues data/venues.yaml --topics data/topics.yaml project.bib -o data/back.yaml
  check "titles, system names, venues, years, authors, ids and topics all come back" $PY -c "
import yaml
a = {p['key']: p for p in yaml.safe_load(open('$ROOT/data/catalog.yaml'))['papers']}
b = {p['key']: p for p in yaml.safe_load(open('data/back.yaml'))['papers']}
assert set(a) == set(b), set(a) ^ set(b)
bad = [(k, f, a[k].get(f), b[k].get(f)) for k in a for f in ('title', 'short', 'venue', 'year', 'authors', 'doi', 'arxiv', 'topics') if a[k].get(f) != b[k].get(f)]
assert not bad, bad[:5]
"
fi
exit $failed
