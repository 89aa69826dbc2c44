# bib_export.sh - `litsurvey bib` through its real consumers: bibtex with the standard and
# natbib styles, pdflatex, biber; determinism, filters, all-or-nothing output.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/bib
C="-c $F/catalog.yaml"
cd "$TMP" || exit 1

check "bib --help" sh -c "$LIT bib --help | grep -q 'usage: litsurvey bib'"
check_exit "bib: unknown option is a usage error" 2 "$LIT" bib $C --frobnicate
check_exit "bib: stray argument is a usage error" 2 "$LIT" bib $C extra

"$LIT" bib $C -o refs.bib 2>warn.txt
check "bib writes the file" test -s refs.bib
check "one entry per paper" sh -c "[ \$(grep -c '^@' refs.bib) -eq 8 ]"
check "warns for a character with no LaTeX form, naming the paper" \
  grep -q "catalog.yaml:[0-9]*:[0-9]*: warning: paper 'noyear-unknown': U+4E2D" warn.txt
check "output is ASCII" sh -c "! LC_ALL=C grep -q '[^ -~]' refs.bib"
check "types by venue kind" sh -c "grep -q '^@inproceedings{pipedream-sosp19,' refs.bib && grep -q '^@article{muller-tpds22,' refs.bib && grep -q '^@misc{megatron-arxiv19,' refs.bib"
check "arXiv entries carry eprint and archivePrefix" sh -c "grep -q 'eprint *= {1909.08053}' refs.bib && grep -q 'archivePrefix = {arXiv}' refs.bib"
check "titles: only acronyms, inner capitals and the system name braced (the style sets the case of the rest)" grep -q 'title *= {{PipeDream}: Generalized Pipeline Parallelism for {DNN} Training}' refs.bib
check "no n.d. year: an undated paper has no year field" sh -c "! grep -q 'n\\.d\\.' refs.bib && ! grep -A12 '^@misc{bare,' refs.bib | sed '/^}/q' | grep -q 'year'"
check "booktitle from the venue's full name" grep -q 'booktitle *= {Proceedings of the {ACM} Symposium on Operating Systems Principles ({SOSP})}' refs.bib

"$LIT" bib $C -o again.bib 2>/dev/null
check "same input, same bytes" cmp refs.bib again.bib
check "URLs kept as they are (verbatim for url.sty and biblatex)" grep -q 'url *= {https://www.usenix.org/system/files/osdi20-narayanan_deepak.pdf#page=2&x=50%25~y}' refs.bib
"$LIT" bib $C >stdout.bib 2>/dev/null
check "-o - / no -o writes stdout" cmp refs.bib stdout.bib
"$LIT" bib $C --venue OSDI -o osdi.bib 2>/dev/null
check "filters select the papers" sh -c "[ \$(grep -c '^@' osdi.bib) -eq 2 ] && grep -q gavel-osdi20 osdi.bib && ! grep -q pipedream osdi.bib"

# every standard style, plain LaTeX (OT1) and T1: bibtex and pdflatex without a warning
for enc in OT1 T1; do
  for style in plain abbrv alpha unsrt ieeetr acm siam apalike plainnat; do
    d=$TMP/$enc-$style; mkdir -p "$d"; cp refs.bib "$d/"
    pkg=""; [ "$style" = plainnat ] && pkg='\usepackage{url}\usepackage{natbib}'
    printf '\\documentclass{article}\n\\usepackage[%s]{fontenc}\n%s\n\\begin{document}\n\\nocite{*}\n\\bibliographystyle{%s}\n\\bibliography{refs}\n\\end{document}\n' "$enc" "$pkg" "$style" >"$d/doc.tex"
    (cd "$d" && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1); rc=$?
    (cd "$d" && bibtex doc >bibtex.out 2>&1); brc=$?
    # bibtex may exit 1 when it warned; the logs must not hold a warning either, but the
    # author-year styles' "empty year" for the two undated papers (no n.d. is written)
    case $style in apalike|plainnat)
      if [ "$(grep -c '^Warning--' "$d/doc.blg")" = 2 ] &&
         [ "$(grep -c '^Warning--empty year in \(bare\|noyear-unknown\)$' "$d/doc.blg")" = 2 ]; then
        brc=0; sed -i '/^Warning--empty year in /d; /^(There were 2 warnings)/d' "$d/doc.blg"
      fi;;
    esac
    [ $rc -eq 0 ] && (cd "$d" && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 &&
      pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1); rc=$((rc + $? + brc))
    if [ $rc -eq 0 ] && ! grep -q '^Warning--\|(There w' "$d/doc.blg" && ! grep -q 'Warning' "$d/doc.log" && \
       grep -q '^Database file #1: refs.bib' "$d/doc.blg"; then
      ok "bibtex+pdflatex $style $enc: no warnings"
    else
      not_ok "bibtex+pdflatex $style $enc (exit $rc)"
      grep -i 'warning\|error' "$d/doc.blg" "$d/doc.log" | head -5 | sed 's/^/#   /'
    fi
  done
done
if command -v pdftotext >/dev/null; then
  pdftotext "$TMP/OT1-plain/doc.pdf" - | $PY -c "import sys,unicodedata; sys.stdout.write(unicodedata.normalize('NFC', sys.stdin.read()))" >plain.txt
  check "the typeset bibliography has the accented names" sh -c "grep -q 'Jörg Müller' plain.txt && grep -q 'Øystein Grønli' plain.txt && grep -q 'de la Cruz, Jr' plain.txt"
  check "the typeset bibliography has the specials (and plain's sentence case)" grep -q '50% less \$ & #1 on x' plain.txt
  pdftotext "$TMP/OT1-plainnat/doc.pdf" - | tr -d '\n' >natbib.txt
  check "natbib typesets the URL with its _ # & % ~" grep -q 'osdi20-narayanan_deepak.pdf#page=2&x=50%25~y' natbib.txt
fi

# biber (biblatex's backend): the --biblatex form is accepted without a warning
if command -v biber >/dev/null; then
  "$LIT" bib $C --biblatex -o bl.bib 2>/dev/null
  check "--biblatex (kept for old scripts) writes the same file" cmp bl.bib refs.bib
  biber --tool --output-file="$TMP/bl-out.bib" bl.bib >biber.out 2>&1; rc=$?
  if [ $rc -eq 0 ] && ! grep -q 'WARN\|ERROR' biber.out; then ok "biber accepts the .bib without warnings"
  else not_ok "biber (exit $rc)"; grep 'WARN\|ERROR' biber.out | head -5 | sed 's/^/#   /'; fi
  "$LIT" bib $C --biblatex --years 1900- -o dated.bib 2>/dev/null
  biber --tool --validate-datamodel --output-file="$TMP/dated-out.bib" dated.bib >biber2.out 2>&1; rc=$?
  if [ $rc -eq 0 ] && ! grep -q 'WARN\|ERROR' biber2.out; then ok "biber --validate-datamodel: dated papers without warnings"
  else not_ok "biber --validate-datamodel (exit $rc)"; grep 'WARN\|ERROR' biber2.out | head -5 | sed 's/^/#   /'; fi
  # and a biblatex document typeset through biber (biblatex is in texlive-bibtex-extra)
  if kpsewhich biblatex.sty >/dev/null 2>&1; then
    mkdir -p bl && cp bl.bib bl/
    for enc in OT1 T1; do
      printf '\\documentclass{article}\n\\usepackage[%s]{fontenc}\n\\usepackage[backend=biber,style=%s]{biblatex}\n\\addbibresource{bl.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n' \
        "$enc" "$([ $enc = T1 ] && echo authoryear || echo numeric)" >bl/doc.tex
      (cd bl && pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 && biber doc >biber.out 2>&1 &&
        pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 &&
        pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1); rc=$?
      if [ $rc -eq 0 ] && ! grep -q 'WARN\|ERROR' bl/biber.out && ! grep -q 'Warning' bl/doc.log; then
        ok "biblatex+biber+pdflatex $enc: no warnings"
      else
        not_ok "biblatex+biber+pdflatex $enc (exit $rc)"
        grep -h 'WARN\|ERROR\|Warning' bl/biber.out bl/doc.log | head -5 | sed 's/^/#   /'
      fi
    done
  else
    ok "# SKIP biblatex not installed"
  fi
else
  ok "# SKIP biber not installed"
fi

# all or nothing: a bad catalog fails the run and leaves the old file
printf 'papers:\n  - key: "odd{key"\n    title: T\n' >badkey.yaml
cp refs.bib keep.bib
check_err "a bad catalog is an error with its place" 1 "badkey.yaml:2:[0-9]+: error: " "$LIT" bib -c badkey.yaml -o keep.bib
check "the old output is untouched" cmp refs.bib keep.bib
check "no temporary left behind" sh -c "[ \$(ls -a | grep -c '^\\.keep\\|keep.bib.') -eq 0 ]"
# a key with non-ASCII letters (a Chinese thesis's .bib): written, with one warning for bibtex
printf 'papers:\n  - key: "m\303\274ller19"\n    title: T\n    year: 2019\n' >utf8key.yaml
check_err "a key with UTF-8 letters is written, with a warning that bibtex cannot cite it" 0 \
  "1 key has non-ASCII letters [(].m.{1,2}ller19.[)]: biber cites it, bibtex cannot" "$LIT" bib -c utf8key.yaml -o utf8key.bib
check "...under its key" grep -q "^@misc{m.*ller19," utf8key.bib
check_exit "unwritable output is an I/O error" 3 "$LIT" bib $C -o "$TMP/no/such/dir/x.bib"
exit $failed
