#!/bin/sh
# latex_bib.sh - the tables cite the user's own bibliography: an awesome list (list.md)
# imported, a hand-written mine.bib in the shapes of DBLP, Google Scholar and Zotero
# exports (one key the list gives another paper), `latex TABLE --bib mine.bib` and
# `bib --missing-from mine.bib -o extra.bib`; the four tables \input into an article with
# \bibliography{mine,extra} under pdflatex+bibtex and under biblatex+biber; --standalone
# --bib; a report spec's bibs:; the taxonomy of a list of one level of headings.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/cite
TABLES="topics venue-year taxonomy catalog"
for tool in pdflatex bibtex biber; do
  command -v $tool >/dev/null 2>&1 || { not_ok "$tool is installed (make test-deps)"; exit 1; }
done
tex() { (cd "$1" && pdflatex -halt-on-error -no-shell-escape -interaction=nonstopmode "$2" >/dev/null 2>&1); }
# keys FILE: the entry keys of a .bib, one a line, lower case (bibtex ignores case)
keys() { sed -n 's/^[[:space:]]*@[A-Za-z]*[[:space:]]*{[[:space:]]*\([^,[:space:]]*\),.*/\1/p' "$1" | grep -v '^$' | tr 'A-Z' 'a-z' | sort; }
cited() { cat "$@" | grep -o '\\cite{[^}]*}' | sed 's/\\cite{\(.*\)}/\1/' | tr ',' '\n' | tr 'A-Z' 'a-z' | sort -u; }

W=$TMP/w
mkdir -p "$W"
cp "$F/mine.bib" "$W/mine.bib"
cd "$W" || exit 1
check "the list imports" "$LIT" import -q "$F/list.md" -o catalog.yaml
C="-c catalog.yaml"

# --- the tables cite mine.bib's keys, the rest the catalog's: one warning counts them ---
for t in $TABLES; do
  "$LIT" latex "$t" $C --bib mine.bib -o "$t.tex" 2>"$t.err"
  check "latex $t --bib mine.bib writes the table" test -s "$t.tex"
done
check "one warning counts the papers mine.bib lacks (8) and names the command that writes them" sh -c "
  test \$(grep -c 'not in mine.bib' topics.err) -eq 1 &&
  grep -q '8 papers are not in mine.bib: cited by their catalog keys; .litsurvey bib --missing-from mine.bib -o extra.bib. writes them' topics.err"
cited topics.tex venue-year.tex taxonomy.tex catalog.tex >cited.txt
keys mine.bib >mine.keys
# the six papers of the list mine.bib holds, each by the key it has there: by DBLP's title,
# arXiv id (CoRR), Zotero's DOI and braced title, Scholar's lower-case title
for k in dblp:conf/osdi/zhenglzzchwxzx22 dblp:journals/corr/abs-1910-02054 narayanan_pipedream_2019 \
         gu_tiresias_2019 shoeybi2019megatron huang2019gpipe; do
  check "a paper mine.bib holds is cited by its key there: $k" grep -qx "$k" cited.txt
done
n_mine=$(comm -12 cited.txt mine.keys | wc -l)
check "the tables cite 6 keys of mine.bib ($n_mine)" test "$n_mine" -eq 6
check "the fragment says whose keys it cites" grep -q '^% Citations use the keys of mine.bib where it holds the paper (6), else the catalog keys (8)' topics.tex
# a key of mine.bib that the list gives another paper: renamed, never cited for the wrong paper
check "the list's efficient2023sosp (another paper than mine.bib's) is cited as efficient2023sospa" sh -c "
  grep -qx efficient2023sospa cited.txt && ! grep -qx efficient2023sosp cited.txt && grep -q \"'efficient2023sosp' is cited as 'efficient2023sospa'\" catalog.err"

# --- extra.bib: exactly what mine.bib lacks, under the keys the tables cite ---
check "bib --missing-from mine.bib writes extra.bib" "$LIT" bib $C --missing-from mine.bib -o extra.bib
"$LIT" bib $C --missing-from mine.bib --biblatex -o extra-bl.bib 2>extra.err
keys extra.bib >extra.keys
comm -23 cited.txt mine.keys >want.keys
if cmp -s extra.keys want.keys; then ok "extra.bib holds exactly the cited papers mine.bib lacks ($(wc -l <extra.keys))"
else not_ok "extra.bib holds exactly the cited papers mine.bib lacks"; diff want.keys extra.keys | head | sed 's/^/#   /'; fi
check "no key of extra.bib is a key of mine.bib" test -z "$(comm -12 extra.keys mine.keys)"
check "--missing-from notes what mine.bib holds" grep -q '6 of 14 papers are in mine.bib' extra.err

# the article: the packages the fragments ask for, every table, \bibliography{mine,extra}
preamble() { for t in $TABLES; do sed -n 's/^%   \(\\usepackage.*\)$/\1/p' "$t.tex"; done | sort -u; }
body() { for t in $TABLES; do printf '\\input{%s}\n\\clearpage\n' "$t"; done; }
mkdir -p bt bl
cp ./*.tex mine.bib extra.bib bt/
cp ./*.tex mine.bib bl/ && cp extra-bl.bib bl/extra.bib
{ printf '%s\n' '\documentclass{article}' '\usepackage[T1]{fontenc}' '\usepackage{url}'; preamble
  printf '%s\n' '\begin{document}'; body
  printf '%s\n' '\bibliographystyle{plain}' '\bibliography{mine,extra}' '\end{document}'; } >bt/paper.tex
tex bt paper; (cd bt && bibtex paper >bibtex.out 2>&1); tex bt paper; tex bt paper
check "pdflatex+bibtex: the article compiles" test -s bt/paper.pdf
check "bibtex: 0 repeated entries" sh -c "! grep -q 'Repeated entry' bt/paper.blg"
check "bibtex: 0 missing database entries" sh -c "! grep -q \"didn't find a database entry\" bt/paper.blg"
check "pdflatex: 0 undefined citations, 0 errors" sh -c "! grep -Eq 'Citation .* undefined|There were undefined|^!' bt/paper.log"
n_items=$(grep -c '^\\bibitem' bt/paper.bbl)
check "the references list the 14 papers once each ($n_items)" test "$n_items" -eq 14
# the user's entry wins: PipeDream's reference is mine.bib's (authors, DOI), not the list's
check "PipeDream's reference is mine.bib's entry (its authors)" grep -q 'Narayanan' bt/paper.bbl

{ printf '%s\n' '\documentclass{article}' '\usepackage[T1]{fontenc}'; preamble
  printf '%s\n' '\usepackage[backend=biber,style=numeric]{biblatex}' '\addbibresource{mine.bib}' \
    '\addbibresource{extra.bib}' '\begin{document}'; body
  printf '%s\n' '\printbibliography' '\end{document}'; } >bl/paper.tex
tex bl paper; (cd bl && biber paper >biber.out 2>&1); tex bl paper; tex bl paper
(cd bl && biber --validate-datamodel paper >validate.out 2>&1)
check "biblatex+biber: the article compiles" test -s bl/paper.pdf
check "biber: 0 duplicate keys, 0 errors" sh -c "! grep -Eq 'Duplicate entry key|ERROR -' bl/biber.out"
check "biblatex: 0 undefined citations" sh -c "! grep -Eq \"Citation '.*' on page .* undefined|There were undefined|^!\" bl/paper.log"
# the entries litsurvey wrote validate clean; the only warnings are about mine.bib's own
# DBLP shapes (timestamp, biburl, bibsource; CoRR's volume = {abs/1910.02054})
if grep 'WARN -' bl/validate.out | grep -v '(mine.bib)' | grep -q .; then
  not_ok "biber --validate-datamodel: 0 warnings about extra.bib"; grep 'WARN -' bl/validate.out | grep -v '(mine.bib)' | head -5 | sed 's/^/#   /'
else ok "biber --validate-datamodel: 0 warnings about extra.bib (mine.bib's DBLP fields: $(grep -c 'WARN -' bl/validate.out))"; fi
check "biber --validate-datamodel: mine.bib's warnings are DBLP's fields only" sh -c "
  ! grep 'WARN -' bl/validate.out | grep -Ev \"Field '(timestamp|biburl|bibsource)' invalid|Invalid value of field 'volume'\" | grep -q ."

# a page to look at (kept when LATEX_BIB_PNG names a folder)
if [ -n "${LATEX_BIB_PNG:-}" ] && command -v pdftoppm >/dev/null 2>&1; then
  mkdir -p "$LATEX_BIB_PNG" && pdftoppm -r 80 -png bt/paper.pdf "$LATEX_BIB_PNG/page"
fi

# --- two files: --bib mine.bib --bib more.bib ---
cat >more.bib <<'EOF'
@inproceedings{crankshaw2017clipper,
  title={Clipper: A $\{$Low-Latency$\}$ online prediction serving system},
  author={Crankshaw, Daniel and Wang, Xin and Zhou, Guilio and Franklin, Michael J and Gonzalez, Joseph E and Stoica, Ion},
  booktitle={14th USENIX Symposium on Networked Systems Design and Implementation (NSDI 17)},
  pages={613--627},
  year={2017}
}
EOF
"$LIT" latex topics $C --bib mine.bib --bib more.bib -o two.tex 2>two.err
check "--bib twice: a paper of the second file is cited by its key there" grep -q 'Clipper~\\cite{crankshaw2017clipper}' two.tex
check "--bib twice: the warning names both files (7 papers)" grep -q '7 papers are not in mine.bib or more.bib' two.err
"$LIT" bib $C --missing-from mine.bib --missing-from more.bib -o extra2.bib 2>/dev/null
check "--missing-from twice leaves out both files' papers (7 entries)" test "$(keys extra2.bib | wc -l)" -eq 7

# --- standalone: \bibliography{mine,...-extra}, the extra entries written by the document ---
mkdir -p sa
"$LIT" latex topics -c "$W/catalog.yaml" --bib mine.bib --standalone -o sa/topics.tex 2>/dev/null
check "standalone --bib names mine.bib from the document's folder and its own extra .bib" \
  grep -q '^\\bibliography{../mine,topics-extra}' sa/topics.tex
tex sa topics && (cd sa && bibtex topics >bibtex.out 2>&1); tex sa topics; tex sa topics
check "standalone --bib compiles with 0 undefined citations and 0 repeated entries" sh -c "
  test -s sa/topics.pdf && ! grep -Eq 'Citation .* undefined|^!' sa/topics.log && ! grep -q 'Repeated entry' sa/topics.blg"

# --- a report spec with bibs: extra.bib beside the tables, survey.tex cites both ---
mkdir -p rep/reports rep/refs
cp mine.bib rep/refs/mine.bib
printf 'title: Cited\ncatalog: ../../catalog.yaml\ntables: [topics, venue-year, taxonomy, catalog]\nbibs: [../refs/mine.bib]\n' >rep/reports/cited.yaml
check "build with bibs: succeeds" "$LIT" build -q rep/reports/cited.yaml
O=rep/reports/cited
check "the report writes extra.bib beside the tables" test -s $O/extra.bib
check "survey.tex cites \\bibliography{../../refs/mine,extra}" grep -q '^\\bibliography{../../refs/mine,extra}' $O/survey.tex
check "the report's tables cite mine.bib's keys" grep -q 'narayanan_pipedream_2019' $O/catalog.tex
tex $O survey && (cd $O && bibtex survey >bibtex.out 2>&1); tex $O survey; tex $O survey
check "the report's survey.tex compiles with 0 undefined citations and 0 repeated entries" sh -c "
  test -s $O/survey.pdf && ! grep -Eq 'Citation .* undefined|^!' $O/survey.log && ! grep -q 'Repeated entry' $O/survey.blg"

printf 'catalog: ../../catalog.yaml\ntables: [topics]\nbibs: [nothere.bib]\n' >rep/reports/bad.yaml
check_err "a spec's bibs: naming no file is an error at its line" 1 "bad.yaml:3:[0-9]+: error: cannot open the bibliography" \
  "$LIT" build -q rep/reports/bad.yaml

# --- the taxonomy of a list of one level of headings: counts, not one check per row ---
check "the one-level taxonomy has no check marks" sh -c "! grep -q checkmark taxonomy.tex"
check "the one-level taxonomy counts the topics' papers by venue kind" grep -q 'Surveyed papers by topic and venue kind' taxonomy.tex
check "...and says why" grep -q 'every paper is under one topic' taxonomy.err
printf '  gpu: yes\n' >facet.txt
awk '/^- key: alpa2022osdi/ { print; getline; print; print "  hardware: [GPU, TPU]"; next } /^- key: orca2022osdi/ { print; getline; print; print "  hardware: GPU"; next } { print }' catalog.yaml >facets.yaml
"$LIT" latex taxonomy -c facets.yaml --facets hardware -o facets.tex 2>facets.err
check "--facets hardware: the values are the columns" sh -c "grep -q '{GPU}' facets.tex && grep -q '{TPU}' facets.tex"
check "--facets hardware: a check per value, rows of the papers with one" test "$(grep -o checkmark facets.tex | wc -l)" -eq 3

# --- errors ---
check_err "--bib of a file that is not there is an I/O error" 3 "nothere.bib" "$LIT" latex topics $C --bib nothere.bib
check_err "--missing-from with csl-json is a usage error" 2 "missing-from" "$LIT" bib $C --format csl-json --missing-from mine.bib
check_err "--facets goes with the taxonomy" 2 "facets" "$LIT" latex topics $C --facets hardware
exit $failed
