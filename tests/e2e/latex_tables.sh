#!/bin/sh
# latex_tables.sh - every LaTeX table through pdflatex and bibtex: fragments inside a test
# document whose preamble is the fragment's own package comment, --standalone documents,
# golden files, the adversarial catalog, and the command's errors.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/latex
G=$F/golden
C="-c $F/catalog.yaml"
A="-c $F/adversarial/catalog.yaml"
TABLES="topics venue-year taxonomy catalog"

if ! command -v pdflatex >/dev/null 2>&1 || ! command -v bibtex >/dev/null 2>&1; then
  not_ok "pdflatex and bibtex are installed (make test-deps)"; exit 1
fi

# (printf, never echo: dash's echo reads \b as a backspace)
# tex DIR NAME: pdflatex as a venue's build would run it; never any shell escape.
tex() { (cd "$1" && pdflatex -halt-on-error -no-shell-escape -interaction=nonstopmode "$2" >/dev/null 2>&1); }
# log_clean NAME LOG [MAXPT]: no TeX error, no undefined citation or reference, no float
# or box too tall for its page, no box more than MAXPT (default 0) points too wide.
log_clean() {
  name=$1; log=$2; max=${3:-0}
  bad=$(grep -E '^!|Citation .* undefined|There were undefined|Runaway argument|Float too large|^Overfull \\vbox' "$log" | head -5)
  wide=$(sed -n 's/^Overfull \\hbox (\([0-9.]*\)pt too wide).*/\1/p' "$log" | awk -v m="$max" '$1 > m' | head -3)
  if [ -z "$bad" ] && [ -z "$wide" ]; then ok "$name"
  else not_ok "$name"; printf '%s\n%s\n' "$bad" "$wide" | sed 's/^/#   /'; grep -B2 -A4 '^!' "$log" | head -12 | sed 's/^/#   /'; fi
}
# log_errors NAME LOG: no TeX error (citations may be undefined: no .bib).
log_errors() {
  if grep -Eq '^!|Runaway argument' "$2"; then not_ok "$1"; grep -A4 '^!' "$2" | head -10 | sed 's/^/#   /'
  else ok "$1"; fi
}
# doc DIR FRAGMENT... : a test article that \inputs the fragments, with the packages
# their leading comments ask for, and a bibliography from refs.bib.
doc() {
  dir=$1; shift
  { printf '%s\n' '\documentclass{article}'
    for f in "$@"; do sed -n 's/^%   \(\\usepackage.*\)$/\1/p' "$dir/$f.tex"; done | sort -u
    printf '%s\n' '\begin{document}'
    for f in "$@"; do printf '\\input{%s}\n\\clearpage\n' "$f"; done
    printf '%s\n' '\bibliographystyle{plain}' '\bibliography{refs}' '\end{document}'; } >"$dir/doc.tex"
}
# full DIR: pdflatex, bibtex, pdflatex twice (longtable widths and citations settle).
full() { tex "$1" doc && (cd "$1" && bibtex doc >bibtex.out 2>&1) && tex "$1" doc && tex "$1" doc; }

# --- fragments in a document, with the fixture's .bib ---
mkdir -p "$TMP/frag"
cp "$F/refs.bib" "$TMP/frag/refs.bib"
for t in $TABLES; do
  check "latex $t writes a fragment" "$LIT" latex "$t" $C -o "$TMP/frag/$t.tex"
done
doc "$TMP/frag" topics venue-year taxonomy catalog
if full "$TMP/frag"; then ok "fragments compile in a test document (pdflatex, bibtex, pdflatex x2)"
else not_ok "fragments compile in a test document"; grep -A5 '^!' "$TMP/frag/doc.log" | head -20 | sed 's/^/#   /'; fi
log_clean "fragments: no errors, no undefined citations, no overfull boxes" "$TMP/frag/doc.log"
if grep -q 'Warning--' "$TMP/frag/doc.blg" 2>/dev/null; then not_ok "bibtex ran without warnings"; grep Warning "$TMP/frag/doc.blg" | head -5 | sed 's/^/#   /'
else ok "bibtex ran without warnings"; fi
# every catalog paper is cited by its catalog key, and nothing else is
grep -o '\\cite{[^}]*}' "$TMP/frag/catalog.tex" | sed 's/\\cite{\(.*\)}/\1/' | sort -u >"$TMP/cited"
sed -n 's/^  - key: *//p' "$F/catalog.yaml" | tr -d '"' | sort -u >"$TMP/keys"
if cmp -s "$TMP/cited" "$TMP/keys"; then ok "the catalog table cites exactly the catalog keys"
else not_ok "the catalog table cites exactly the catalog keys"; diff "$TMP/keys" "$TMP/cited" | head | sed 's/^/#   /'; fi
pages=$(grep -c '^\\bibitem' "$TMP/frag/doc.bbl" 2>/dev/null)
check "bibtex resolved all 13 keys ($pages)" test "$pages" -eq 13

# --- the same with the .bib that `litsurvey bib` writes (the keys must agree) ---
mkdir -p "$TMP/withbib"
cp "$TMP"/frag/*.tex "$TMP/withbib/"
if "$LIT" bib $C -q -o "$TMP/withbib/refs.bib" 2>/dev/null; then
  doc "$TMP/withbib" topics venue-year taxonomy catalog
  full "$TMP/withbib"
  log_clean "fragments with litsurvey bib's .bib: every citation resolves" "$TMP/withbib/doc.log"
else
  ok "# SKIP litsurvey bib not available"
fi

# --- standalone documents ---
mkdir -p "$TMP/sa"
for t in $TABLES; do
  "$LIT" latex "$t" $C --standalone -o "$TMP/sa/$t.tex"
  tex "$TMP/sa" "$t" && tex "$TMP/sa" "$t"
  check "standalone $t compiles alone" test -s "$TMP/sa/$t.pdf"
  log_clean "standalone $t: clean log" "$TMP/sa/$t.log"
done
cp "$F/refs.bib" "$TMP/sa/refs.bib"
(cd "$TMP/sa" && "$LIT" latex topics $C --standalone --bib refs.bib -o bibbed.tex 2>/dev/null)
(cd "$TMP/sa" && pdflatex -halt-on-error -no-shell-escape -interaction=nonstopmode bibbed >/dev/null 2>&1 &&
  bibtex bibbed >/dev/null 2>&1 && pdflatex -interaction=nonstopmode -halt-on-error bibbed >/dev/null 2>&1 &&
  pdflatex -interaction=nonstopmode -halt-on-error bibbed >/dev/null 2>&1)
log_clean "standalone --bib: citations resolve with bibtex" "$TMP/sa/bibbed.log"
check "standalone --bib: the bibliography lists the cited papers" grep -q 'bibitem{pipedream-sosp19}' "$TMP/sa/bibbed.bbl"

# --- --cite-command: natbib's \citep, standalone with plainnat, and without a .bib ---
(cd "$TMP/sa" && "$LIT" latex topics $C --standalone --bib refs.bib --cite-command citep -o natbib.tex 2>/dev/null)
(cd "$TMP/sa" && pdflatex -halt-on-error -no-shell-escape -interaction=nonstopmode natbib >/dev/null 2>&1 &&
  bibtex natbib >/dev/null 2>&1 && pdflatex -interaction=nonstopmode -halt-on-error natbib >/dev/null 2>&1 &&
  pdflatex -interaction=nonstopmode -halt-on-error natbib >/dev/null 2>&1)
check "--cite-command citep writes \\citep" grep -q 'PipeDream~\\citep{pipedream-sosp19}' "$TMP/sa/natbib.tex"
log_clean "--cite-command citep --standalone --bib: natbib resolves every citation" "$TMP/sa/natbib.log"
"$LIT" latex catalog $C --standalone --cite-command textcite -o "$TMP/sa/keys.tex"
tex "$TMP/sa" keys
log_errors "--cite-command textcite --standalone without .bib compiles (keys printed)" "$TMP/sa/keys.log"
check_err "--cite-command parencite with --standalone --bib needs biblatex" 2 "biblatex" \
  "$LIT" latex topics $C --standalone --bib "$TMP/sa/refs.bib" --cite-command parencite
check_err "--cite-command must be a command name" 2 "cite-command" "$LIT" latex topics $C --cite-command 'cite}x'

# --- golden files ---
for t in $TABLES; do golden "golden $t" "$TMP/frag/$t.tex" "$G/$t.tex"; done
"$LIT" latex venue-year $C --group-by area -o "$TMP/vy-area.tex"
golden "golden venue-year --group-by area" "$TMP/vy-area.tex" "$G/venue-year-area.tex"
"$LIT" latex catalog $C --group-by topic --caption 'All papers & more' --label tab:all -o "$TMP/cat-topic.tex"
golden "golden catalog --group-by topic --caption --label" "$TMP/cat-topic.tex" "$G/catalog-topic.tex"
golden "golden standalone taxonomy" "$TMP/sa/taxonomy.tex" "$G/taxonomy-standalone.tex"
"$LIT" latex catalog $C -o "$TMP/again.tex"
check "same input, same bytes" cmp "$TMP/again.tex" "$TMP/frag/catalog.tex"

# --- options ---
"$LIT" latex topics $C --max-cites 1 -o "$TMP/capped.tex" 2>"$TMP/capped.err"
check "--max-cites 1 caps lists with 'and N more'" grep -q 'GPipe~\\cite{gpipe-neurips19}, and 2 more' "$TMP/capped.tex"
check "--max-cites says what it did" grep -q 'max-cites' "$TMP/capped.err"
"$LIT" latex topics $C --group-by none -o "$TMP/flat.tex"
check "--group-by none: no indented child rows" sh -c "! grep -qF 'setlength{\\leftskip}{1em}' '$TMP/flat.tex'"
check "--group-by parent (default): child rows indented" grep -qF 'setlength{\leftskip}{1em}Data parallelism' "$TMP/frag/topics.tex"
"$LIT" latex topics $C --years 2019-2019 --venue OSDI,SOSP -o "$TMP/filtered.tex"
check "filters apply: only the 2019 OSDI/SOSP paper" sh -c "grep -c 'cite{' '$TMP/filtered.tex' | grep -qx 1 && grep -q pipedream '$TMP/filtered.tex'"
check "-o - writes to stdout" sh -c "'$LIT' latex venue-year $C -o - | grep -q 'begin{tabular}'"
check "--help" sh -c "'$LIT' latex --help | grep -q 'venue-year'"

# --- --wide: table* floats in a two-column paper ---
mkdir -p "$TMP/wide"
cp "$F/refs.bib" "$TMP/wide/"
for t in topics venue-year taxonomy; do "$LIT" latex "$t" $C --wide -o "$TMP/wide/$t.tex"; done
check "--wide writes table*" grep -q 'begin{table\*}' "$TMP/wide/taxonomy.tex"
doc "$TMP/wide" topics venue-year taxonomy
sed -i 's/^\\documentclass{article}$/\\documentclass[twocolumn]{article}/' "$TMP/wide/doc.tex"
full "$TMP/wide"
log_clean "--wide tables compile in a two-column paper" "$TMP/wide/doc.log"
check_err "--wide refuses the catalog longtable" 2 "onecolumn" "$LIT" latex catalog --wide $C

# --- --links: titles link through \href, with the URL escaped so the PDF gets it exactly ---
mkdir -p "$TMP/links"
"$LIT" latex catalog $C --links -o "$TMP/links/cat.tex"
check "--links asks for hyperref" grep -q '^%   \\usepackage{.*hyperref}' "$TMP/links/cat.tex"
{ printf '%s\n' '\pdfobjcompresslevel=0' '\pdfcompresslevel=0' '\documentclass{article}'
  sed -n 's/^%   \(\\usepackage.*\)$/\1/p' "$TMP/links/cat.tex"
  printf '%s\n' '\begin{document}' '\input{cat}' '\end{document}'; } >"$TMP/links/d.tex"
tex "$TMP/links" d
log_errors "--links: the catalog compiles with hyperref" "$TMP/links/d.log"
grep -ao '/URI *([^)]*)' "$TMP/links/d.pdf" | sort -u >"$TMP/links/uris"
check "--links: a paper link with space, %, # and ~ arrives intact" \
  grep -qxF '/URI(https://example.org/alpa%20paper%2F#sec%7E2)' "$TMP/links/uris"
check "--links: DOI and arXiv links" sh -c "grep -qF 'https://doi.org/10.5555/3488766.3488792' '$TMP/links/uris' && grep -qF 'https://arxiv.org/abs/1909.08053' '$TMP/links/uris'"
check "--links: no javascript: link" sh -c "! grep -q javascript '$TMP/links/uris' '$TMP/links/cat.tex'"
check_err "--links only for the catalog" 2 "links" "$LIT" latex topics --links $C

# --- a hostile caption and label survive \listoftables, \ref and hyperref ---
mkdir -p "$TMP/cap"
"$LIT" latex venue-year $C --caption "$(printf '\303\234ber \316\274\302\262 \342\200\224 \\input{y} 50%% & $ # _ { } ~ ^ \304\205 [a] *b')" \
  --label 'tab:a&b_c' -o "$TMP/cap/t.tex"
printf '%s\n' '\documentclass{article}' '\usepackage[T1]{fontenc}' '\usepackage{booktabs,graphicx,hyperref}' \
  '\begin{document}' '\listoftables' '\input{t}' 'See Table~\ref{tab:a&b_c}.' '\end{document}' >"$TMP/cap/d.tex"
tex "$TMP/cap" d; tex "$TMP/cap" d
log_clean "a caption with every special character, with \\listoftables and hyperref" "$TMP/cap/d.log"
check "the caption reaches the list of tables" sh -c "pdftotext '$TMP/cap/d.pdf' - | grep -q '50% & \\$ # _'"

# --- errors ---
check_err "unknown table is a usage error" 2 "unknown table 'nope'" "$LIT" latex nope $C
check_err "no table is a usage error" 2 "which table" "$LIT" latex $C
check_err "grouping a table cannot take" 2 "cannot be grouped" "$LIT" latex taxonomy --group-by area $C
check_err "bad --max-cites" 2 "max-cites" "$LIT" latex topics --max-cites x $C
check_err "bad --label" 2 "label" "$LIT" latex topics --label 'a b' $C
check_err "--bib of a file that is not there" 3 "nothere.bib" "$LIT" latex topics --bib "$TMP/nothere.bib" $C
check_err "missing catalog" 3 "missing.yaml" "$LIT" latex topics -c "$TMP/missing.yaml"
echo keep >"$TMP/kept.tex"
check_err "unwritable output is an I/O error" 3 "nodir" "$LIT" latex topics $C -o "$TMP/nodir/x.tex"
check_err "bad catalog: data error, output untouched" 1 "error" "$LIT" latex topics -c "$F/adversarial/topics.yaml" -o "$TMP/kept.tex"
check "the existing output stays as it was" grep -qx keep "$TMP/kept.tex"

# --- a catalog of 150 generated papers: the longtables break across pages, headers repeat ---
if [ -x "${TOOLS:-}/gen_catalog" ]; then
  mkdir -p "$TMP/long"
  cp "$F/venues.yaml" "$F/topics.yaml" "$TMP/long/"
  "$TOOLS/gen_catalog" --venues "$F/venues.yaml" --topics "$F/topics.yaml" -o "$TMP/long/cat.yaml" 150
  "$LIT" latex catalog -c "$TMP/long/cat.yaml" -o "$TMP/long/catalog.tex"
  "$LIT" latex taxonomy -c "$TMP/long/cat.yaml" -o "$TMP/long/taxonomy.tex"
  check "150 papers: the taxonomy becomes a longtable" grep -q 'begin{longtable}' "$TMP/long/taxonomy.tex"
  doc "$TMP/long" catalog taxonomy
  sed -i 's/^\\bibliography{refs}$//; s/^\\bibliographystyle{plain}$//; s/^\\begin{document}$/\\usepackage{lmodern}\n&/' "$TMP/long/doc.tex"
  tex "$TMP/long" doc; tex "$TMP/long" doc
  log_errors "150 papers: the longtables compile" "$TMP/long/doc.log"
  wide=$(sed -n 's/^Overfull \\hbox (\([0-9.]*\)pt too wide).*/\1/p' "$TMP/long/doc.log" | awk '$1 > 0' | head -3)
  check "150 papers: no overfull box ($wide)" test -z "$wide"
  pages=$(pdfinfo "$TMP/long/doc.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  check "150 papers: several pages ($pages)" test "${pages:-0}" -gt 4
  check "150 papers: the header repeats on the next page" sh -c "pdftotext -f 2 -l 2 '$TMP/long/doc.pdf' - | grep -q 'continued'"
else
  ok "# SKIP gen_catalog not built"
fi

# --- an empty selection still gives tables that compile ---
mkdir -p "$TMP/empty"
for t in $TABLES; do
  "$LIT" latex "$t" $C --years 1990-1991 -o "$TMP/empty/$t.tex"
done
doc "$TMP/empty" topics venue-year taxonomy catalog
sed -i 's/^\\bibliography{refs}$//; s/^\\bibliographystyle{plain}$//' "$TMP/empty/doc.tex"
tex "$TMP/empty" doc; tex "$TMP/empty" doc
log_clean "tables of no papers compile" "$TMP/empty/doc.log"

# --- adversarial catalog: specials, accents, symbols, scripts pdflatex lacks, injections ---
mkdir -p "$TMP/adv"
cp "$F/refs.bib" "$TMP/adv/refs.bib"
for t in $TABLES; do "$LIT" latex "$t" $A -o "$TMP/adv/$t.tex" 2>>"$TMP/adv.err"; done
check "adversarial: the paper with CJK, emoji and Cyrillic is named in a located warning" \
  grep -Eq "adversarial/catalog.yaml:[0-9]+:[0-9]+: warning: paper 'cjk-5'" "$TMP/adv.err"
check "adversarial: nothing else is warned about" sh -c "! grep -v cjk-5 '$TMP/adv.err' | grep -q ."
golden "golden adversarial catalog" "$TMP/adv/catalog.tex" "$G/adversarial-catalog.tex"
golden "golden adversarial topics" "$TMP/adv/topics.tex" "$G/adversarial-topics.tex"
check "adversarial: output is ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' $TMP/adv/*.tex"
check "adversarial: no title became a command" \
  sh -c "! cat $TMP/adv/*.tex | grep -v '^%' | grep -Eq '\\\\(input|write|immediate|def|csname|endcsname)|end\\{document'"
doc "$TMP/adv" topics venue-year taxonomy catalog
if "$LIT" bib $A -q -o "$TMP/adv/refs.bib" 2>/dev/null; then
  full "$TMP/adv"
  # over-wide cells are expected here (an unbreakable 30-character key), errors are not
  log_clean "adversarial fragments with litsurvey bib's .bib: compile, every citation resolves" "$TMP/adv/doc.log"
else
  sed -i 's/^\\bibliography{refs}$//; s/^\\bibliographystyle{plain}$//' "$TMP/adv/doc.tex"
  tex "$TMP/adv" doc; tex "$TMP/adv" doc
  log_errors "adversarial fragments compile" "$TMP/adv/doc.log"
fi
check "adversarial fragments made a PDF" test -s "$TMP/adv/doc.pdf"
for t in $TABLES; do
  "$LIT" latex "$t" $A -q --standalone -o "$TMP/adv/sa-$t.tex"
  tex "$TMP/adv" "sa-$t"; tex "$TMP/adv" "sa-$t"
  log_clean "adversarial standalone $t compiles" "$TMP/adv/sa-$t.log"
done
if command -v pdffonts >/dev/null 2>&1; then
  check "adversarial standalone: vector fonts only (lmodern with T1), no Type 3" \
    sh -c "pdffonts '$TMP/adv/sa-catalog.pdf' | tail -n +3 | grep -q . && ! pdffonts '$TMP/adv/sa-catalog.pdf' | grep -q 'Type 3'"
fi
check "no shell escape ran" test ! -e "$TMP/adv/pwned"
exit $failed
