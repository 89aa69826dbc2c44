# markdown_lists.sh - a list round-trips: the catalog remembers each imported list's
# sections (order, headings as written, emoji and all); `litsurvey markdown` writes them
# back in that order, and --in-place into the list itself, then import, gives the same
# catalog and sections; titles with " by ", ", and", colons, quotes and emphasis come back
# exact; `import -m` reports each field a list states otherwise and --update takes it.
# Real awesome-lists fetched into ../realdata/anywhere are tried too when present.
. "$(dirname "$0")/../lib.sh"
FX=$ROOT/tests/fixtures/markdown
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
SAME="$PY $ROOT/tests/same_papers.py"
cd "$TMP" || exit 1
# same_lists A B: the same lists with the same sections (heading, level, topic); lines aside
cat >same_lists.py <<'EOF'
import sys, yaml
def lists(p):
    return [(l['file'], [(s['heading'], s['level'], s.get('topic')) for s in l['sections']])
            for l in yaml.safe_load(open(p)).get('lists') or []]
a, b = lists(sys.argv[1]), lists(sys.argv[2])
if a != b:
    for x, y in zip(a, b):
        if x != y: print(x, '\n!=\n', y)
    sys.exit(1)
EOF
SECTIONS="$PY same_lists.py"

cp "$FX/awesome.md" README.md
"$LIT" import $V -q README.md -o a.yaml
check "the catalog remembers the list's sections, in its order, headings as written" $PY -c "
import yaml
l = yaml.safe_load(open('a.yaml'))['lists']
assert [x['file'] for x in l] == ['README.md'], l
got = [(s['heading'], s['level']) for s in l[0]['sections']]
assert got == [('Awesome Counterfactual Systems', 1), ('📖 Toolkits', 2), ('ExplainKit', 3), ('📚 Surveys', 2),
               ('💡 Methods', 2), ('Model-Agnostic Methods', 3), ('CFRL by Seldon', 4), ('Gradient-Based Methods', 3),
               ('🧪 Experimental', 4), ('🚀 Serving and Inference', 2)], got
"
check "an old catalog without lists still loads" "$LIT" check -q -c "$ROOT/tests/fixtures/core/catalog.yaml"

# catalog -> Markdown -> catalog
"$LIT" markdown -c a.yaml $V -o out.md
check "sections in the list's order, not alphabetical or the taxonomy's" sh -c \
  "grep '^##* ' out.md | tr '\n' '|' | grep -qF '# Awesome Counterfactual Systems|## 📖 Toolkits|### ExplainKit|## 📚 Surveys|## 💡 Methods|### Model-Agnostic Methods|#### CFRL by Seldon|### Gradient-Based Methods|#### 🧪 Experimental|## 🚀 Serving and Inference|'"
check "papers in the list's order within a section" sh -c \
  "sed -n '/^## 🚀/,\$p' out.md | grep '^- ' | head -1 | grep -q Orca"
cp out.md again.md
"$LIT" import $V -q again.md -o b.yaml
check "import of the list written: the same papers" $SAME a.yaml b.yaml
sed 's/again.md/README.md/' b.yaml >b2.yaml
check "import of the list written: the same sections" $SECTIONS a.yaml b2.yaml
pandoc -f gfm -t html out.md | grep -o 'id="[^"]*"' | sed 's/^id="//; s/"$//' | sort >ids.txt
grep -o '](#[^)]*)' out.md | sed 's/^](#//; s/)$//' | sort >toc.txt
check "every contents link is a heading's GitHub anchor (emoji dropped, as pandoc's gfm)" sh -c "[ -s toc.txt ] && [ -z \"\$(comm -13 ids.txt toc.txt)\" ]"
check "--sort newest sorts within the sections" sh -c \
  "$LIT markdown -c a.yaml $V --sort newest | sed -n '/^## 🚀/,\$p' | grep '^- ' | head -1 | grep -q PagedAttention"
check "--group-by topic: the taxonomy's order" sh -c "$LIT markdown -c a.yaml $V --group-by topic | grep -q '^## Serving and inference'"
check_err "--group-by list: a catalog that remembers no list is a usage error" 2 "remembers no list" \
  "$LIT" markdown -c "$ROOT/tests/fixtures/core/catalog.yaml" --group-by list

# --in-place into the list itself: the text around the region stays, the sections above
# it are not written twice, and import gives the same catalog
cp README.md before.md
"$LIT" markdown -c a.yaml $V --in-place README.md 2>inplace.err
check "--in-place into the list imported: no warning (its region holds papers, sections, topic bullets, contents)" \
  sh -c "! grep -q warning inplace.err"
check "--in-place: the text before and after the region is byte-identical" $PY -c "
old, new = open('before.md', 'rb').read(), open('README.md', 'rb').read()
b = old.index(b'<!-- litsurvey:begin -->'); b = old.index(b'\n', b) + 1
e = old.rindex(b'\n', 0, old.index(b'<!-- litsurvey:end -->')) + 1
assert new.startswith(old[:b]) and new.endswith(old[e:])
assert new.count(b'# Awesome Counterfactual Systems') == 1, 'the title above the region written again'
"
# an item the import took for no paper (a repository, as real lists link them) inside the
# region: --in-place warns that it leaves it out; sections, topic bullets, contents and a
# paper's own links are no such item, and a list that moved on since the import says nothing
$PY - <<'EOF'
s = open('before.md').read()
at = s.index('- Benchmarking and Survey')
open('tools.md', 'w').write(s[:at] + '- [DiCE-Lib](https://github.com/example/dice-lib): a library of counterfactual tools\n' + s[at:])
EOF
cp tools.md tools-orig.md
"$LIT" import $V -q tools.md -o t.yaml
L=$(grep -n 'DiCE-Lib' tools.md | cut -d: -f1)
"$LIT" markdown -c t.yaml $V --in-place tools.md 2>tools.err
check "--in-place warns of the item it leaves out, at its line, and of nothing else" sh -c "grep -c warning tools.err | grep -qx 1 &&
  grep -q \"^tools.md:$L:1: warning: '\\[DiCE-Lib\\](https://github.com/example/dice-lib): a library of counterfac' is no paper of the catalog: --in-place leaves it out\" tools.err"
{ echo 'A new first line.'; cat tools-orig.md; } >tools.md
"$LIT" markdown -c t.yaml $V --in-place tools.md 2>moved.err
check "--in-place into a list that moved on since the import: no warning" sh -c "! grep -q warning moved.err"
"$LIT" import $V -q README.md -o c.yaml
check "in place, then import: the same papers" $SAME a.yaml c.yaml
check "in place, then import: the same sections" $SECTIONS a.yaml c.yaml
cp README.md once.md
"$LIT" markdown -c c.yaml $V --in-place README.md
check "in place again from the new catalog: the same bytes" cmp README.md once.md
"$LIT" import $V -m c.yaml README.md -o d.yaml 2>merge.err
check "import -m of the list written: nothing stated otherwise" sh -c "! grep -q 'warning' merge.err"

# titles that must come back exact
"$LIT" markdown -c "$FX/titles.yaml" $V -o titles.md
"$LIT" import $V -q titles.md -o titles-rt.yaml
check "titles with ' by ', ', and', colons, quotes, bars, brackets and emphasis characters come back exact" \
  $SAME "$FX/titles.yaml" titles-rt.yaml --by title --fields title,short,authors,venue,year,topics
check "a title the importer could cut is written in emphasis" grep -qF -- "- [ICML'20] *Understanding Deep Networks Misled by Noisy Labels*" titles.md

# import -m: what a list states otherwise is reported; --update takes it; diff shows it
cp "$FX/awesome.md" list.md
"$LIT" import $V -q list.md -o base.yaml
sed -i 's/Efficient Memory Management for Large Language Model Serving/Efficient Memory Management for Large-Language-Model Serving/;
        s/\[OSDI 2022\] \*\*Orca\*\*/[OSDI 2023] **Orca**/;
        s|https://example.org/geco.pdf|https://example.org/geco-v2.pdf|' list.md
"$LIT" import $V -m base.yaml list.md -o kept.yaml 2>kept.err
check "a changed title is reported at the list's line" grep -q "^list.md:52: warning: 'efficient2023sosp': title 'Efficient Memory Management for Large-Language-Model Serving .*' here, 'Efficient Memory Management for Large Language Model Serving .*' in the catalog (kept; --update takes this one)" kept.err
check "a changed year is reported" grep -q "^list.md:51: warning: 'orca2022osdi': year '2023' here, '2022' in the catalog" kept.err
check "a changed URL is reported" grep -q "^list.md:43: warning: '.*': link paper 'https://example.org/geco-v2.pdf' here, 'https://example.org/geco.pdf'" kept.err
check "without --update the catalog keeps its fields" sh -c "grep -q 'Large Language Model Serving' kept.yaml && ! grep -q 'Large-Language' kept.yaml"
"$LIT" import $V -m base.yaml --update list.md -o updated.yaml 2>upd.err
check "--update takes the list's title, year and URL" sh -c \
  "grep -q 'Large-Language-Model' updated.yaml && grep -q 'geco-v2.pdf' updated.yaml && grep -q '(updated)' upd.err"
"$LIT" diff base.yaml updated.yaml >diff.txt
check "diff shows them as changed" sh -c "grep -q '0 added, 0 removed, 3 changed' diff.txt && grep -q 'orca2022osdi: year 2022 -> 2023' diff.txt"
check_exit "--update without -m is a usage error" 2 "$LIT" import $V --update list.md

# real awesome-lists (fetched into ../realdata/anywhere, outside the repository)
REAL=$ROOT/../realdata/anywhere
for f in "$REAL"/*README.md; do
  [ -f "$f" ] || { ok "# SKIP no real lists in $REAL"; break; }
  n=$(basename "$f" .md)
  mkdir -p "real/$n" && awk 'NR == 1 { print; next } !done && /^## / { print "<!-- litsurvey:begin -->"; done = 1 } { print } END { print "<!-- litsurvey:end -->" }' "$f" >"real/$n/README.md"
  (cd "real/$n" && "$LIT" import $V -q README.md -o a.yaml && "$LIT" markdown -c a.yaml $V --in-place README.md &&
   "$LIT" import $V -q README.md -o b.yaml)
  check "real list $n: catalog -> markdown --in-place -> import, the same papers" $SAME "real/$n/a.yaml" "real/$n/b.yaml"
  check "real list $n: the same sections in the same order" $SECTIONS "real/$n/a.yaml" "real/$n/b.yaml"
done
exit $failed
