# records_roundtrip.sh - Zotero CSL-JSON and Mendeley RIS records keep their fields and
# types through the catalog: import -> CSL-JSON -> import gives every field back (python3
# json); the BibTeX export passes biber --validate-datamodel and pdflatex+bibtex without a
# warning; pandoc --citeproc prints the volumes and pages of the CSL-JSON export.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/records
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/zotero.json "$F"/mendeley.ris .

check "import the Zotero CSL-JSON" "$LIT" import $V -q zotero.json -o z.yaml
check "export it as CSL-JSON" "$LIT" bib -c z.yaml $V --format csl-json -o z.json
check "import the export" "$LIT" import $V -q z.json -o z2.yaml
check "export that again" "$LIT" bib -c z2.yaml $V --format csl-json -o z2.json
check "CSL-JSON -> catalog -> CSL-JSON -> catalog -> CSL-JSON: the same bytes" cmp z.json z2.json

# every field of every item comes back (matched by title: the keys are the catalog's)
check "every field of every Zotero item comes back" $PY -c "
import json, re
a = {x['title']: x for x in json.load(open('zotero.json'))}
b = {x['title']: x for x in json.load(open('z.json'))}
assert sorted(a) == sorted(b), set(a) ^ set(b)
def norm(k, v):
    if isinstance(v, list) and k in ('ISSN', 'ISBN'): v = ', '.join(v)
    if k == 'page': v = v.replace('\u2013', '-')
    if k in ('author', 'editor'): v = [(n.get('given'), n.get('non-dropping-particle'), n['family']) for n in v]
    if k == 'issued': v = [int(x) for x in v['date-parts'][0][:2]]   # year and month; the day is not kept
    if isinstance(v, str): v = ' '.join(v.split())
    return v
# what the catalog does not keep: Zotero's bookkeeping, places, extents, and the day of
# the date; container-title-short becomes the venue's id
skip = {'id', 'citation-key', 'source', 'accessed', 'event-place', 'publisher-place', 'number-of-pages', 'container-title-short'}
lost = [(t, k, norm(k, v), norm(k, b[t].get(k))) for t, x in a.items() for k, v in x.items()
        if k not in skip and norm(k, v) != norm(k, b[t].get(k))]
assert not lost, lost
assert b['Deep Learning']['id'] == 'goodfellow2016deep'   # a citation key is kept
"

check "import the Mendeley RIS" "$LIT" import $V -q mendeley.ris -o m.yaml
check "export it as CSL-JSON" "$LIT" bib -c m.yaml $V --format csl-json -o m.json
check "import the export" "$LIT" import $V -q m.json -o m2.yaml
check "export that again" "$LIT" bib -c m2.yaml $V --format csl-json -o m2.json
check "RIS -> catalog -> CSL-JSON -> catalog -> CSL-JSON: the same bytes" cmp m.json m2.json
check "the RIS fields and types as CSL-JSON" $PY -c "
import json
b = {x['title'].split(':')[0]: x for x in json.load(open('m.json'))}
want = {
  'Communication-Efficient Distributed Deep Learning': dict(type='article-journal', volume='33', issue='4', page='1017-1030',
      ISSN='1045-9219, 1558-2183', publisher='IEEE', language='English', DOI='10.1109/TPDS.2021.3104242',
      abstract='Distributed training spends much of its time communicating; this survey sorts the methods that cut it '
               'by what they compress, when they send & how often.',
      **{'container-title': 'IEEE Transactions on Parallel and Distributed Systems'}),
  'Tiresias': dict(type='paper-conference', page='485-500', ISBN='978-1-931971-49-2', publisher='USENIX Association', language='en'),
  'Programming Massively Parallel Processors': dict(type='book', ISBN='978-0-12-811986-0', publisher='Morgan Kaufmann'),
  'Collective Communication on Torus Networks': dict(type='chapter', page='301-317', ISBN='978-0-387-09765-7', publisher='Springer',
      editor=[{'family': 'Padua', 'given': 'David'}], **{'container-title': 'Encyclopedia of Parallel Computing'}),
  'Gradient Compression for Bandwidth-Limited Clusters': dict(type='thesis', genre=\"Master's thesis\", publisher='ETH Zurich',
      abstract='A thesis on compression.'),
  'Straggler Mitigation in Synchronous Data-Parallel Training': dict(type='report', page='1-18', publisher='INRIA'),
}
assert sorted(b) == sorted(want), sorted(b)
bad = [(t, k, v, b[t].get(k)) for t, w in want.items() for k, v in w.items() if b[t].get(k) != v]
assert not bad, bad
assert b['Communication-Efficient Distributed Deep Learning']['issued'] == {'date-parts': [[2022, 4]]}   # the month of DA
assert b['Tiresias']['issued'] == {'date-parts': [[2019]]}
"

# one catalog of both, as BibTeX: the fields under their BibTeX names, in the right types
"$LIT" import $V -q zotero.json mendeley.ris -o all.yaml
check "bib export of both" "$LIT" bib -c all.yaml $V -o refs.bib
check "BibTeX types and fields" $PY -c "
import re
text = open('refs.bib').read()
e = {}
for m in re.finditer(r'@(\w+)\{([^,]+),\n(.*?)\n\}', text, re.S):
    f = dict(re.findall(r'^  (\w+) *= \{(.*)\},?$', m.group(3), re.M))
    e[f['title']] = (m.group(1), f)
def get(prefix):
    hit = [v for k, v in e.items() if k.replace('{', '').replace('}', '').startswith(prefix)]
    assert len(hit) == 1, (prefix, list(e))
    return hit[0]
t, f = get('Distributed Training at Facebook Scale')
assert t == 'article' and (f['volume'], f['number'], f['pages'], f['issn'], f['language']) == ('54', '3', '123--145', '0360-0300', 'en'), f
assert f['title'] == 'Distributed Training at Facebook Scale: {GPUs}, 50\\\\% Less Memory \\\\& Fewer Stalls', f['title']   # no {Facebook}
assert f['abstract'].startswith('We survey how 1,024 GPUs') and 'publisher' not in f, f   # biblatex: no publisher in an article
t, f = get('Gandiva')
assert t == 'inproceedings' and (f['pages'], f['isbn'], f['publisher']) == ('595--610', '978-1-939133-08-3', 'USENIX Association'), f
assert get('Deep Learning')[0] == 'book' and get('Deep Learning')[1]['isbn'] == '978-0-262-03561-3'
t, f = get('Parallel Programming Models')
assert t == 'incollection' and f['editor'] == 'Sanguthevar Rajasekaran and John Reif' and f['booktitle'] == 'Handbook of Parallel Computing', f
t, f = get('Scheduling Deep Learning Jobs')
assert t == 'phdthesis' and f['school'] == 'Stanford University', f
assert get('Gradient Compression')[0] == 'mastersthesis'
t, f = get('Efficient Checkpointing')
assert t == 'techreport' and f['institution'] == 'University of California, Berkeley', f
t, f = get('Introducing the Fully Sharded')
assert t == 'misc' and f['howpublished'] == 'PyTorch Blog' and 'language' in f, f
assert get('Communication-Efficient')[1]['abstract'].endswith('when they send \\\\& how often.')
assert 'n.d.' not in text
"

# biber: the data model validator and a biblatex document, without a warning
mkdir bl && cp refs.bib bl/
printf '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[backend=biber,style=authoryear]{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n' >bl/doc.tex
(cd bl && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 &&
  biber --validate-datamodel doc >biber.out 2>&1 && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 &&
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1); rc=$?
if [ $rc -eq 0 ] && ! grep -q 'WARN\|ERROR' bl/biber.out && ! grep -q 'Warning' bl/doc.log; then
  ok "biber --validate-datamodel + biblatex + pdflatex: 0 warnings"
else
  not_ok "biber --validate-datamodel + biblatex (exit $rc)"; grep -h 'WARN\|ERROR\|Warning' bl/biber.out bl/doc.log | head -8 | sed 's/^/#   /'
fi
if command -v pdftotext >/dev/null; then
  pdftotext bl/doc.pdf - | tr '\n' ' ' >bl.txt
  check "biblatex prints the volume, number and pages" grep -Eq 'Surveys +54\.3, pp\. 123.?145' bl.txt
fi

# bibtex with the standard and natbib styles, without a warning
for style in plain plainnat; do
  d=$TMP/bt-$style; mkdir -p "$d"; cp refs.bib "$d/"
  pkg=""; [ $style = plainnat ] && pkg='\usepackage{url}\usepackage{natbib}'
  printf '\\documentclass{article}\n\\usepackage[T1]{fontenc}\n%s\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{%s}\n\\bibliography{refs}\n\\end{document}\n' "$pkg" $style >"$d/doc.tex"
  (cd "$d" && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 && bibtex doc >bibtex.out 2>&1 &&
    pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 &&
    pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1); rc=$?
  if [ $rc -eq 0 ] && ! grep -q '^Warning--\|(There w' "$d/doc.blg" && ! grep -q 'Warning' "$d/doc.log"; then
    ok "bibtex+pdflatex $style: 0 warnings"
  else
    not_ok "bibtex+pdflatex $style (exit $rc)"; grep -h -i 'warning\|error' "$d/doc.blg" "$d/doc.log" | head -5 | sed 's/^/#   /'
  fi
done

# an undated record: no year field (no n.d.); natbib and biber still run (a typed id: a bare word is no key)
printf '[{"id": "kim-undated", "type": "article-journal", "title": "A Note Without a Date", "container-title": "Notes", "volume": "2", "author": [{"family": "Kim", "given": "Ara"}]}]\n' >undated.json
"$LIT" import $V -q undated.json -o u.yaml
"$LIT" bib -c u.yaml $V -o u.bib
check "an undated record has no year field" sh -c "! grep -q 'year\|n\\.d\\.' u.bib && grep -q '^@article{kim-undated,' u.bib"
mkdir un && cp u.bib un/
printf '\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n\\citet{kim-undated}\n\\bibliographystyle{plainnat}\n\\bibliography{u}\n\\end{document}\n' >un/doc.tex
(cd un && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1; bibtex doc >bibtex.out 2>&1;
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1)
check "natbib (plainnat) typesets it, its only warnings the empty year" sh -c \
  "[ -s un/doc.pdf ] && grep -q '^Warning--empty year in kim-undated' un/doc.blg && ! grep '^Warning--' un/doc.blg | grep -vq 'empty year in kim-undated' && ! grep -q 'Citation.*undefined' un/doc.log"
(cd un && biber --tool --validate-datamodel --output-file=out.bib u.bib >biber.out 2>&1); rc=$?
check "biber reads it; the validator's only word is the date it lacks" sh -c \
  "[ $rc -eq 0 ] && [ \$(grep -c '^WARN' un/biber.out) -eq 1 ] && grep -q \"Missing mandatory field - one of 'date, year'\" un/biber.out"

# a .bib: a standalone @proceedings is kept (one that is only a crossref target is not a
# paper), and a title's own braces are written back as they were
cat >own.bib <<'EOF'
@proceedings{mlsys20,
  editor    = {Inderjit S. Dhillon and Dimitris S. Papailiopoulos and Vivienne Sze},
  title     = {Proceedings of Machine Learning and Systems 2020, {MLSys} 2020},
  publisher = {mlsys.org},
  year      = {2020}
}
@proceedings{nsdi19,
  title     = {16th {USENIX} Symposium on Networked Systems Design and Implementation},
  year      = {2019}
}
@inproceedings{bytescheduler,
  author    = {Yanghua Peng and Yibo Zhu},
  title     = {A Generic Communication Scheduler for Distributed {DNN} Training Acceleration},
  crossref  = {nsdi19}
}
@article{bert,
  author    = {Jacob Devlin and Ming-Wei Chang},
  title     = {{BERT}: Pre-training of Deep Bidirectional {Transformers} for Language Understanding},
  journal   = {CoRR},
  volume    = {abs/1810.04805},
  year      = {2018}
}
EOF
"$LIT" import $V -q own.bib -o own.yaml
check "a standalone @proceedings is a paper; a crossref target is not" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('own.yaml'))['papers']}
assert sorted(p) == ['bert', 'bytescheduler', 'mlsys20'], sorted(p)
assert p['mlsys20']['bibtype'] == 'proceedings' and p['bytescheduler']['year'] == 2019, p
"
"$LIT" bib -c own.yaml $V -o own-out.bib
check "the title's own braces as written" grep -q 'title *= {{BERT}: Pre-training of Deep Bidirectional {Transformers} for Language Understanding}' own-out.bib
check "the @proceedings written back" sh -c "grep -q '^@proceedings{mlsys20,' own-out.bib && grep -q 'editor *= {Inderjit S. Dhillon' own-out.bib"

# pandoc --citeproc: the CSL-JSON export rendered with its volumes and pages
"$LIT" bib -c all.yaml $V --format csl-json -o all.json
printf -- '---\nbibliography: all.json\nnocite: "@*"\n---\n' >doc.md
pandoc --wrap=none --citeproc -t plain doc.md -o doc.txt 2>pandoc.err
check "pandoc --citeproc renders the export without a warning" sh -c "[ -s doc.txt ] && [ ! -s pandoc.err ]"
check "pandoc --citeproc: volume, issue and pages of the articles" sh -c \
  "grep -q 'ACM Computing Surveys 54 (3): 123.45' doc.txt && grep -q 'Distributed Systems 33 (4): 1017.30' doc.txt"
check "pandoc --citeproc: pages, publishers and theses" sh -c \
  "grep -q '595.610' doc.txt && grep -q 'MIT Press' doc.txt && grep -q 'PhD thesis, Stanford University' doc.txt && grep -q 'edited by Sanguthevar Rajasekaran and John Reif, 27.56' doc.txt"
exit $failed
