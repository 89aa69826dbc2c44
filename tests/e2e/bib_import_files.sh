# bib_import_files.sh - .bib files as people write them: one bibliography in several files,
# entries bibtex shrugs off, every field kept and written back, keys kept through merges.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/bib
T="--venues $F/venues.yaml --topics $F/topics.yaml"
cd "$TMP" || exit 1
cp "$F"/*.bib "$F"/split/*.bib .   # sources name each file by the path given: here, its name

# one import, many files: strings, entries and crossref targets as three files import as
# their concatenation does (the places differ: the file names and lines in sources)
check "three files: strings, entries, crossref targets" "$LIT" import $T -q "strings.bib" "entries.bib" "crossref.bib" -o three.yaml
cat "strings.bib" "entries.bib" "crossref.bib" >all.bib
check "their concatenation" "$LIT" import $T -q all.bib -o one.yaml
grep -v '^  - {list:' three.yaml >three.cmp; grep -v '^  - {list:' one.yaml >one.cmp
check "the same catalog, byte for byte but the sources" sh -c "test -s three.cmp && cmp three.cmp one.cmp"
check "the sources name each file" sh -c "grep -q '{list: entries.bib, line: 2}' three.yaml && grep -q '{list: all.bib, line: 8}' one.yaml"
check "macros and crossrefs resolved across files" $PY -c "
import yaml
ps = {p['key']: p for p in yaml.safe_load(open('three.yaml'))['papers']}
assert ps['gandiva-osdi18']['venue'] == 'OSDI' and ps['gandiva-osdi18']['bib']['publisher'] == 'USENIX Association', ps['gandiva-osdi18']
p = ps['pipedream-sosp19']
assert p['venue'] == 'SOSP' and p['year'] == 2019 and p['bib']['isbn'] == '978-1-4503-6873-5' and p['bib']['editor'] == 'Tim Brecht and Carey Williamson', p
assert ps['tiresias-sosp19']['venue'] == 'SOSP', ps['tiresias-sosp19']
assert ps['wei-tpds22']['venue'] == 'TPDS' and 'sosp19' not in ps, ps.keys()
"
check "a file of @strings alone is no error" "$LIT" import $T -q "strings.bib" "entries.bib" -o two.yaml
check_err "in the wrong order the macros are undefined (as for bibtex)" 0 "entries.bib:5:15: warning: undefined macro 'osdi'" \
  "$LIT" import $T "entries.bib" "strings.bib" -o wrong.yaml
check_err "a crossref target in none of the files is a warning" 0 "entries.bib:15:14: warning: crossref 'sosp19' of 'pipedream-sosp19' is in none of the .bib files" \
  "$LIT" import $T "strings.bib" "entries.bib" -o two.yaml
check_err "--strict: strings-only files still fine, an undefined macro is an error" 1 "entries.bib:5:15: error: undefined macro 'osdi'" \
  "$LIT" import $T --strict "entries.bib" "strings.bib" -o wrong.yaml
check_exit "--strict and --lenient exclude each other" 2 "$LIT" import $T --strict --lenient "entries.bib"

# resilient by default: what bibtex recovers from is recovered, the rest skipped with a warning
"$LIT" import $T wild.bib -o wild.yaml 2>wild.err
check "wild.bib imports by default" test -s wild.yaml
check "8 of its 12 entries (broken, untitled, duplicate key and a %-line are not)" sh -c "[ \$(grep -c '^- key:' wild.yaml) -eq 8 ] && ! grep -q commented-out wild.yaml"
for w in "20:3: warning: missing ',' after key 'no-comma-after-key'" \
         "27:3: warning: missing ',' after the value of 'title'" \
         "49:15: warning: undefined macro 'Addison-Wesley' \\(its name is kept as the text\\)" \
         "61:11: warning: unbalanced braces: .* \\(skipped\\)" \
         "71:1: warning: entry 'no-title' has no title \\(skipped\\)" \
         "76:1: warning: duplicate key 'upper-type' \\(first at line 11\\) \\(skipped\\)"; do
  check "warns: $w" grep -Eq "^wild.bib:$w" wild.err
done
check "the recovered entries have their fields" $PY -c "
import yaml
ps = {p['key']: p for p in yaml.safe_load(open('wild.yaml'))['papers']}
assert ps['no-comma-between']['year'] == 2012 and ps['no-comma-after-key']['year'] == 2011, ps
assert ps['undefined-macro']['bib']['publisher'] == 'Addison-Wesley' and ps['unknown-type']['bibtype'] == 'webpage', ps
assert ps['upper-type']['title'] == 'Upper-Case Types and Field Names' and ps['upper-type']['bibtype'] == 'article'
assert ps['parenthesised']['year'] == 2016 and ps['trailing-comma']['bib']['publisher'] == 'Comma Press'
"
check_err "--strict: all or nothing" 1 "wild.bib:20:3: error: expected ',' after key 'no-comma-after-key'" \
  "$LIT" import $T --strict wild.bib -o strict.yaml
check "--strict wrote nothing" test ! -e strict.yaml

# nothing lost: every field of every entry comes back from `litsurvey bib`, twice over
cp "$F/venues.yaml" "$F/topics.yaml" .
check "import every standard field" "$LIT" import $T -q fields.bib -o f1.yaml
check "export" "$LIT" bib -c f1.yaml -o f1.bib
check "import the export" "$LIT" import $T -q f1.bib -o f2.yaml
check "export again" "$LIT" bib -c f2.yaml -o f2.bib
check "the second export is the first" cmp f1.bib f2.bib
check "every entry with every field and the same values" $PY -c "
import re
def entries(path):
    e, cur = {}, None
    for line in open(path):
        m = re.match(r'@(\w+)[{(]([^,]+),', line)
        if m: cur = e.setdefault(m.group(2), {'@type': m.group(1).lower()}); continue
        m = re.match(r'\s*(\w+)\s*=\s*(.*?),?\s*$', line)
        if m and cur is not None: cur[m.group(1).lower()] = m.group(2)
    return e
a, b = entries('$F/fields.bib'), entries('f1.bib')
assert set(a) == set(b), set(a) ^ set(b)
lost = [(k, f) for k in a for f in a[k] if f not in b[k] and f != 'subtitle']
assert not lost, lost
# biblatex's subtitle is the rest of the title: the catalog's title (what every output and bibtex show)
assert b['online-biblatex']['title'] == '{Linux Kernel Mailing List Post: On Schedulers}', b['online-biblatex']
types = [(k, a[k]['@type'], b[k]['@type']) for k in a if a[k]['@type'] != b[k]['@type']]
assert not types, types
norm = lambda v: re.sub(r'[{}\"\s]', '', {'pub': 'Fixture Press'}.get(v, v)).lower()   # the one @string
same = ['pages', 'volume', 'number', 'publisher', 'editor', 'series', 'address', 'school', 'institution', 'note', 'isbn',
        'date', 'journaltitle', 'eprint', 'eprinttype', 'urldate', 'booktitle', 'journal', 'edition', 'chapter', 'type']
diff = [(k, f, a[k][f], b[k][f]) for k in a for f in same if f in a[k] and norm(a[k][f]) != norm(b[k][f])]
assert not diff, diff
assert b['art-full']['month'] == 'mar' and b['book-full']['publisher'] == '{Fixture Press}', b['book-full']
"
check "bibtex reads the export, warning only about biblatex's types and fields" sh -c "
  printf '\\\\documentclass{article}\\n\\\\begin{document}\\n\\\\nocite{*}\\n\\\\bibliographystyle{plain}\\n\\\\bibliography{f1}\\n\\\\end{document}\\n' >doc.tex &&
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 && bibtex doc >bibtex.out 2>&1; grep -q 'Warning--' bibtex.out && ! grep 'Warning--' bibtex.out | grep -v 'biblatex-\\|online-biblatex'"

# keys never disappear: two entries of one paper merge (a shared DOI), both keys are cited
"$LIT" import $T -v aliases.bib -o al.yaml 2>al.err
check "the two PipeDream entries are one paper with an alias" $PY -c "
import yaml
ps = {p['key']: p for p in yaml.safe_load(open('al.yaml'))['papers']}
p = ps['narayanan2019pipedream']
assert p['aliases'] == ['pipedream-sosp19'] and 'pipedream-sosp19' not in ps, ps.keys()
assert p['bib']['pages'] == '1--15' and p['bib']['publisher'] == 'ACM', p['bib']   # the fields of both
"
check "a book and an article alike in title stay apart" sh -c "grep -q '^- key: distributed-book' al.yaml && grep -q '^- key: distributed-article' al.yaml"
check "... and the pair is reported" grep -q 'kept apart: aliases.bib:21 "Distributed Systems" and aliases.bib:29' al.err
check "bib writes both keys" sh -c "'$LIT' bib -c al.yaml $T -o al.bib && grep -q '^@inproceedings{narayanan2019pipedream,' al.bib && grep -q '^@inproceedings{pipedream-sosp19,' al.bib"
check "a cite of either key resolves, bibtex without a warning" sh -c "
  mkdir -p cite && cp al.bib cite/ && cd cite &&
  printf '\\\\documentclass{article}\\n\\\\begin{document}\\n\\\\cite{narayanan2019pipedream} \\\\cite{pipedream-sosp19}\\n\\\\bibliographystyle{plain}\\n\\\\bibliography{al}\\n\\\\end{document}\\n' >doc.tex &&
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 && bibtex doc >bibtex.out 2>&1 &&
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 &&
  pdflatex -interaction=nonstopmode -halt-on-error doc >/dev/null 2>&1 && ! grep -i warning bibtex.out && ! grep -q 'Citation.*undefined' doc.log"
exit $failed
