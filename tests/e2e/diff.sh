# diff.sh - `litsurvey diff`: papers added, removed and changed between two catalogs, or
# since a git revision; text, Markdown (rendered by pandoc) and CSV (read by Python's csv).
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/diff
cd "$TMP" || exit 1

check "diff --help" sh -c "$LIT diff --help | grep -q 'usage: litsurvey diff OLD NEW'"
check_exit "diff: one catalog without --since is a usage error" 2 "$LIT" diff "$F/old.yaml"
check_exit "diff: unknown --format is a usage error" 2 "$LIT" diff "$F/old.yaml" "$F/new.yaml" --format html
check_exit "diff: a revision starting with '-' is refused" 2 "$LIT" diff --since=--output=x "$F/new.yaml"

"$LIT" diff "$F/old.yaml" "$F/new.yaml" >out.txt
check "text: the summary line" grep -q 'old.yaml -> .*new.yaml: 1 added, 1 removed, 2 changed (4 -> 4 papers)' out.txt
check "text: added and removed papers" sh -c "grep -q '^  + pollux-osdi21  \[OSDI 2021\] Pollux' out.txt && grep -q '^  - retired-paper' out.txt"
check "text: venue, topics and links changes" grep -q '^  ~ gavel-arxiv20: venue arXiv -> OSDI; topics +Workload and trace analysis; links ~paper +code$' out.txt
check "a paper whose key changed is paired by DOI, not added and removed" grep -q '^  ~ pipedream-sosp19: key pipedream -> pipedream-sosp19; short (none) -> PipeDream$' out.txt
check "an unchanged paper is not listed" sh -c "! grep -q tiresias out.txt"
"$LIT" diff "$F/new.yaml" "$F/new.yaml" >same.txt
check "the same catalog: nothing added, removed or changed" sh -c "grep -q '0 added, 0 removed, 0 changed' same.txt && [ \$(wc -l <same.txt) -eq 1 ]"

"$LIT" diff "$F/old.yaml" "$F/new.yaml" --format csv -o out.csv
check "csv: one row per added, removed paper and changed field, quoted where needed" $PY -c "
import csv
rows = list(csv.reader(open('out.csv')))
assert rows[0] == ['change', 'key', 'field', 'old', 'new', 'title'], rows[0]
assert ['removed', 'retired-paper', '', '', '', 'A Paper the List Dropped, \"quoted\", with a comma'] in rows, rows
assert ['changed', 'gavel-arxiv20', 'venue', 'arXiv', 'OSDI', 'Heterogeneity-Aware Cluster Scheduling Policies for Deep Learning Workloads'] in rows
assert len(rows) == 1 + 1 + 1 + 5, len(rows)
"
"$LIT" diff "$F/old.yaml" "$F/new.yaml" --format md -o out.md
pandoc --wrap=none -f gfm -t html out.md -o out.html
check "md: sections and entries in the list's shape, rendered by pandoc" sh -c \
  "grep -q '<h3 id=\"added-1\">Added (1)</h3>' out.html && grep -q '<li>\[OSDI’21\] <strong>Pollux</strong>\|<li>\[OSDI.21\] <strong>Pollux</strong>' out.html && grep -q 'venue arXiv → OSDI' out.html"

# --since REV: the old catalog read from git
mkdir repo && cd repo && git init -q . && mkdir data && cp "$F/old.yaml" data/catalog.yaml &&
  git add data/catalog.yaml && git -c user.name=t -c user.email=t@example.org commit -qm old && cp "$F/new.yaml" data/catalog.yaml
"$LIT" diff --since HEAD >since.txt 2>since.err
check "--since HEAD: compares with the committed catalog" grep -q '^HEAD:data/catalog.yaml -> data/catalog.yaml: 1 added, 1 removed, 2 changed' since.txt
(cd data && "$LIT" diff --since HEAD catalog.yaml >../since2.txt 2>&1)
check "--since from another folder: git finds the file beside the catalog" grep -q '1 added, 1 removed, 2 changed' since2.txt
check_err "--since a revision git does not know: an error naming it" 3 "data/catalog.yaml: error: cannot read it at revision 'nosuch'" \
  "$LIT" diff --since nosuch
cd .. || exit 1
mkdir norepo && cp "$F/new.yaml" norepo/c.yaml
check_err "--since outside a git repository: an error" 3 "cannot read it at revision 'HEAD'" "$LIT" diff --since HEAD norepo/c.yaml
printf 'papers:\n  - key: x\n    year: 3000\n' >bad.yaml
check_err "a bad catalog is a located error" 1 "bad.yaml:3:11: error:" "$LIT" diff bad.yaml "$F/new.yaml"
exit $failed
