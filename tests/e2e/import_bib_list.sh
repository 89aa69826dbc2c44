# import_bib_list.sh - a user's .bib and an awesome-list of the same papers imported into
# one catalog: the overlapping papers keep the .bib's key, title and authors with the
# list's label as the short name; list-only papers get typed keys (authorYEARword,
# shortYEARvenue); a DOI the list copied wrongly keeps two papers apart, said where; and
# the catalog's .bib compiles under pdflatex + bibtex with every key cited.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/biblist
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/mine.bib "$F"/list.md .   # sources name each file by the path given: here, its name

"$LIT" import $V mine.bib list.md -o one.yaml 2>one.err
"$LIT" import $V -q list.md mine.bib -o two.yaml
check "a .bib and a list: same catalog whatever the order of the files" cmp one.yaml two.yaml
check "the .bib's entries win where both hold a paper; the list's labels name the systems" $PY -c "
import re, yaml
P = {p['key']: p for p in yaml.safe_load(open('one.yaml'))['papers']}
bib = open('mine.bib').read()
keys = re.findall(r'^@\w+\{([^,]+),', bib, re.M)
assert len(keys) == 6 and all(k in P for k in keys), [k for k in keys if k not in P]   # every key as the user wrote it
want = {   # key: (short as the list labels it, the .bib's title without its braces, first author, authors)
    'narayanan2019pipedream': ('PipeDream', 'PipeDream: Generalized Pipeline Parallelism for DNN Training', 'Deepak Narayanan', 8),
    'huang2019gpipe': ('GPipe', 'GPipe: Efficient Training of Giant Neural Networks using Pipeline Parallelism', 'Yanping Huang', 10),
    'shoeybi2019megatron': ('Megatron-LM', 'Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism', 'Mohammad Shoeybi', 6),
    'Rajbhandari:2020:ZeRO': ('ZeRO', 'ZeRO: Memory Optimizations Toward Training Trillion Parameter Models', 'Samyam Rajbhandari', 4),
    'DBLP:conf/osdi/XiaoBRSKHPPZZYZ18': ('Gandiva', 'Gandiva: Introspective Cluster Scheduling for Deep Learning', 'Wencong Xiao', 12),
}
for k, (short, title, first, n) in want.items():
    p = P[k]
    assert sorted({s['list'] for s in p['sources']}) == ['list.md', 'mine.bib'], (k, p['sources'])
    assert (p.get('short'), p['title'], p['authors'][0], len(p['authors'])) == (short, title, first, n), (k, p)
    assert p['bibtype'] in ('inproceedings', 'article'), p
    assert 'aliases' not in p, p   # the list gave no key of its own
assert P['narayanan2019pipedream']['doi'] == '10.1145/3341301.3359646'   # the .bib's DOI
assert P['narayanan2019pipedream']['arxiv'] == '1806.03377'              # and what the list adds
assert 'links' not in P['narayanan2019pipedream'], P['narayanan2019pipedream']   # the arXiv copy is no URL of the .bib's paper
assert P['huang2019gpipe']['links']['code'] == 'https://github.com/tensorflow/lingvo'
assert P['DBLP:conf/osdi/XiaoBRSKHPPZZYZ18']['links']['paper'] == 'https://www.usenix.org/conference/osdi18/presentation/xiao'
assert 'vaswani2017attention' in P and [s['list'] for s in P['vaswani2017attention']['sources']] == ['mine.bib']
"
check "list-only papers: authorYEARword with authors, shortYEARvenue without; labels are no title text" $PY -c "
import yaml
P = {p['key']: p for p in yaml.safe_load(open('one.yaml'))['papers']}
a = P['alpa2022osdi']   # 'Alpa - Automating ...'
assert (a['short'], a['title']) == ('Alpa', 'Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning'), a
v = P['athlur2022varuna']   # the list names the authors
assert v['authors'][0] == 'Sanjith Athlur' and v['short'] == 'Varuna', v
c = P['capuchin2020asplos']   # '[Capuchin] Capuchin: ...'
assert c['short'] == 'Capuchin', c
assert len(P) == 10, sorted(P)
"
check "a DOI the list copied from another entry: two papers, and a warning that says where" sh -c \
  "grep -q '^unsure, kept apart: list.md:27 \"A GPU Cluster Manager for Distributed Deep Learning\" and mine.bib:3 \"PipeDream: .*\": same DOI, but the titles share no word' one.err &&
   grep -q 'key: tiresias2019\$' one.yaml"
"$LIT" import $V -q -m one.yaml list.md mine.bib -o again.yaml
check "importing both again into the catalog changes nothing (keys stay)" cmp one.yaml again.yaml

# the real consumer: every key cited from the catalog's .bib, pdflatex + bibtex
"$LIT" bib -c one.yaml $V -o refs.bib 2>bib.err
keys=$($PY -c "
import yaml
print(','.join(p['key'] for p in yaml.safe_load(open('one.yaml'))['papers']))")
printf '\\documentclass{article}\n\\begin{document}\n\\cite{%s}\n\\bibliographystyle{plain}\n\\bibliography{refs}\n\\end{document}\n' "$keys" >doc.tex
if command -v pdflatex >/dev/null && command -v bibtex >/dev/null; then
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1; bibtex doc >bibtex.out 2>&1
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1; pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1
  check "pdflatex + bibtex: every key found, no repeated entry" sh -c \
    "[ -s doc.pdf ] && ! grep -qi 'undefined' doc.log && ! grep -q \"didn't find a database entry\" bibtex.out &&
     ! grep -q 'Repeated entry' bibtex.out && [ \$(grep -c '^\\\\bibitem' doc.bbl) -eq 10 ]"
else
  ok "# SKIP pdflatex or bibtex not installed"
fi
exit $failed
