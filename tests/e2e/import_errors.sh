# import_errors.sh - bad input to `litsurvey import`: a bad file is a located error
# (FILE:LINE), exit 1 and the output catalog untouched; a bad entry costs only itself (a
# warning), or the whole import with --strict; --lenient also skips bad lines and files.
. "$(dirname "$0")/../lib.sh"
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1

printf 'papers: []\n' > out.yaml
cp out.yaml out.orig
printf '# ok\n\n- [OSDI '"'"'20] A Good Paper About Things\n' > good.md
printf '# x\n\n- [OSDI 20] Title of \377\376 paper\n' > badutf8.md
printf '[OSDI '"'"'20] A b c\000 d\n' > nul.txt
head -c 4096 "$LIT" > binary.md
printf '# T\n\n- [OSDI '"'"'20] A Good Paper About Things\n- [NSDI '"'"'21 Title Without A Closing Bracket\n' > unbalanced.md
printf '# Only a heading\n\nSome prose about papers (with a stray bracket.\n' > nopapers.md
: > empty.txt

check_err "invalid UTF-8: error at its line and column" 1 '^badutf8.md:3:22: error: invalid UTF-8' "$LIT" import $V good.md badutf8.md -o out.yaml
check "invalid UTF-8: output untouched" cmp out.yaml out.orig
check_err "NUL byte: located error" 1 '^nul.txt:1:17: error: NUL byte' "$LIT" import $V nul.txt -o out.yaml
check_err "binary file: located error" 1 '^binary.md:1:1: error: ' "$LIT" import $V binary.md -o out.yaml
# one control character pasted into a long text file is a warning, not a binary file
$PY -c "
open('ctl.md', 'w').write('# T\\n\\n' + ''.join('- [OSDI \\'%02d] Paper number %d on things\\n' % (i % 30, i) for i in range(50)) + '- [SOSP \\'19] A title with a \\x02 in it\\n')
"
check_err "a stray control character: a warning at its place" 0 '^ctl.md:53:29: warning: control character 0x02 read as a space' "$LIT" import $V ctl.md -o ctl.yaml
check_err "--strict: a stray control character is an error" 1 '^ctl.md:53:29: error: control character' "$LIT" import $V --strict ctl.md -o ctl.yaml
check_err "--strict: unbalanced bracket is an error at the entry's line" 1 "^unbalanced.md:4:3: error: unbalanced '\\['" "$LIT" import $V --strict unbalanced.md -o out.yaml
check "--strict: output untouched" cmp out.yaml out.orig
# by default the bad entry is skipped with one warning and counted in the summary
"$LIT" import $V unbalanced.md good.md -o default.yaml 2>default.err
check "default: the bad entry skipped, the file imported" sh -c "grep -c '^- key:' default.yaml | grep -qx 1"
check "default: one located warning for it" sh -c "[ \$(grep -c \"^unbalanced.md:4:3: warning: unbalanced '\\[' in entry (skipped)\$\" default.err) -eq 1 ]"
check "default: the summary counts it" grep -q 'imported 1 paper from 3 entries in 2 files; 1 skipped, 1 merged, 0 pairs left apart (see warnings)' default.err
printf '# T\n\n- [Contents](#contents) (see below\n- Course: step 1) read [the notes](https://x.org/n)\n- [OSDI '"'"'20] A Good Paper About Things\n' > stray.md
check_err "--strict: a stray bracket in a non-paper line is not an error" 0 "imported 1 paper from 1 entry in 1 file; 0 skipped" "$LIT" import $V --strict stray.md -o stray.yaml
check_err "a file without papers is an error" 1 "^nopapers.md:1:1: error: no papers found in 'nopapers.md'" "$LIT" import $V nopapers.md -o out.yaml
check_err "an empty file is an error" 1 "^empty.txt:1:1: error: no papers" "$LIT" import $V empty.txt -o out.yaml
check_err "a missing file is an I/O error" 3 "missing.md" "$LIT" import $V missing.md -o out.yaml
# formats the importers do not read: an error that says which they read, never a list read from markup
printf '* TODO read [[https://x.org/p.pdf][A Paper]]\n' > notes.org
printf '<ul><li>A Paper About Things (OSDI 2020)</li></ul>\n' > list.html
printf 'PK\003\004' > sheet.ods
for f in notes.org list.html sheet.ods; do
  check_err "$f: an error naming the formats read" 1 "^$f: error: cannot read '\.${f##*.}' files: litsurvey imports Markdown .* BibTeX \(\.bib\), CSL-JSON \(\.json\) and RIS \(\.ris\)" "$LIT" import $V "$f" -o out.yaml
done
check_err "--lenient: an unread format is skipped with a warning" 0 "^notes.org: warning: skipped" "$LIT" import $V --lenient notes.org good.md -o lenient2.yaml
# a file whose list items mostly yield nothing says so, and -v names each of them
printf '# Notes\n\n- [OSDI '"'"'20] A Good Paper About Things\n- reads the logs first\n- then the traces\n- keeps the numbers\n- writes them down\n- and asks again\n' > mostly.md
check_err "mostly not papers: a warning with the count" 0 "^mostly.md: warning: 1 of 6 list items imported; the others were not read as papers: see -v" "$LIT" import $V mostly.md -o mostly.yaml
check_err "-v: each item not read as a paper" 0 "^mostly.md:5:3: note: not read as a paper: 'then the traces'" "$LIT" import $V -v mostly.md -o mostly.yaml
check "after every failure the output is untouched" cmp out.yaml out.orig
check_exit "no input files is a usage error" 2 "$LIT" import $V -o out.yaml
check_exit "unknown option is a usage error" 2 "$LIT" import $V --frobnicate good.md
check "import --help" sh -c "'$LIT' import --help | grep -q 'usage: litsurvey import'"

# --lenient: each bad entry skipped with a warning; good entries kept
"$LIT" import $V --lenient unbalanced.md badutf8.md good.md -o lenient.yaml 2>lenient.err
check "--lenient: exit 0 and a catalog" test -s lenient.yaml
check "--lenient: warning for the unbalanced entry" grep -q "^unbalanced.md:4:3: warning: unbalanced '\[' in entry (skipped)" lenient.err
check "--lenient: warning for the invalid UTF-8 line" grep -q '^badutf8.md:3:22: warning: invalid UTF-8; line skipped' lenient.err
check "--lenient: good entries kept" $PY -c "
import yaml
c = yaml.safe_load(open('lenient.yaml'))
t = sorted(p['title'] for p in c['papers'])
assert t == ['A Good Paper About Things'], t
assert len(c['papers'][0]['sources']) == 2
"
check_err "--lenient: nothing importable is still an error" 1 "no papers imported" "$LIT" import $V --lenient nopapers.md -o out.yaml

# A long line and many entries: no crash, no hang (time is not asserted)
$PY -c "
open('long.md', 'w').write('- [OSDI 20] ' + 'word ' * 100000 + '\n- [OSDI 20] A Short Real Title Here\n')
open('longer.md', 'w').write('- [OSDI 20] A Real Title Before It\n- ' + '[a](https://x.org/a) ' * 100000 + '\n- [OSDI 20] A Short Real Title Here\n')
open('many.txt', 'w').write(''.join('[OSDI \'%02d] Paper number %d on things\n' % (i % 30, i) for i in range(20000)))
"
check_err "--strict: a 500 KB entry is a located error" 1 '^long.md:1:3: error: entry of 500009 bytes is too long for a paper' "$LIT" import $V --strict long.md -o long.yaml
check_err "default: the 500 KB entry skipped with a warning" 0 '^long.md:1:3: warning: entry of 500009 bytes is too long for a paper \(skipped\)' "$LIT" import $V long.md -o long.yaml
check "default: the rest of that file imported" grep -q 'A Short Real Title Here' long.yaml
# a line longer than 1 MiB (a 2 MB line of links) is skipped before Markdown parses it
check_err "--strict: a 2 MB line is a located error" 1 '^longer.md:2:1: error: line of 2100002 bytes is too long for a paper list' "$LIT" import $V --strict longer.md -o longer.yaml
check_err "default: the 2 MB line skipped with a warning" 0 '^longer.md:2:1: warning: line of 2100002 bytes is too long for a paper list \(skipped\)' "$LIT" import $V longer.md -o longer.yaml
check "default: the papers around it imported" sh -c "grep -q 'A Short Real Title Here' longer.yaml && grep -q 'A Real Title Before It' longer.yaml"
check "20000 entries import" sh -c "'$LIT' import $V -q many.txt -o many.yaml && [ \$(grep -c '^- key:' many.yaml) -eq 20000 ]"
exit $failed
