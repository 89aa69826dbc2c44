# markdown.sh - `litsurvey markdown`: the catalog as an awesome-list. Import of the list
# gives the same catalog back (seed catalog, every import fixture); the marked region of
# a README is replaced leaving the rest byte-identical; pandoc (GitHub's Markdown) renders
# every entry, link and heading.
. "$(dirname "$0")/../lib.sh"
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
SEED=$ROOT/data/catalog.yaml
SAME="$PY $ROOT/tests/same_papers.py"
cd "$TMP" || exit 1

check "markdown --help" sh -c "$LIT markdown --help | grep -q 'usage: litsurvey markdown'"
check_exit "markdown: unknown --group-by is a usage error" 2 "$LIT" markdown -c "$SEED" --group-by colour
check_exit "markdown: -o with --in-place is a usage error" 2 "$LIT" markdown -c "$SEED" -o a.md --in-place b.md

# catalog -> markdown -> catalog: the seed catalog
"$LIT" markdown -c "$SEED" -o seed.md
"$LIT" import $V -q seed.md -o seed-rt.yaml
# (the seed catalog's keys were made by an older rule: a list carries no keys, and an
# import makes today's; the key rule is checked by the import tests)
check "seed catalog: import of the list gives the same papers (titles, names, authors, venues, years, topics, links)" \
  $SAME "$SEED" seed-rt.yaml --by title --fields title,short,authors,venue,year,year_inferred,topics,links,doi,arxiv
"$LIT" markdown -c "$SEED" -o again.md
check "same catalog, same bytes" cmp seed.md again.md
check "entries in the importer's shape: tag, bold system name, links" \
  grep -qF -e "- [SOSP'19] **PipeDream**: Generalized Pipeline Parallelism for DNN Training [[paper]](https://cs.stanford.edu/~matei/papers/2019/sosp_pipedream.pdf) [[slides]]" seed.md
check "topics in taxonomy order, subtopics nested" sh -c "grep -n '^##' seed.md | head -3 | tr '\n' ' ' | grep -q '## Distributed training.*### Data parallelism.*### Model and hybrid parallelism'"
check "newest first within a topic" sh -c "sed -n '/^## Serving and inference/,/^##* [^S]/p' seed.md | grep -o \"^- \[[A-Za-z]*'[0-9]*\" | sed \"s/.*'//\" | sort -c -r"
check "table of contents links every heading's GitHub anchor" sh -c \
  "[ \$(grep -c '^ *- \[.*\](#' seed.md) -eq \$(grep -c '^##' seed.md) ] && grep -q '(#ml-for-systems-and-video-analytics)' seed.md"

# the import fixtures: list -> catalog -> markdown -> catalog
for list in "$ROOT"/tests/fixtures/import/*.md "$ROOT"/tests/fixtures/import/*.txt; do
  fx=$(basename "$list")
  "$LIT" import $V -q "$list" -o a.yaml
  "$LIT" markdown -c a.yaml $V -o a.md
  "$LIT" import $V -q a.md -o b.yaml 2>b.err
  check "round trip of $fx: the same papers" $SAME a.yaml b.yaml
done

# GitHub's Markdown (pandoc's gfm reader): every entry an item, every link a link, no stray syntax
pandoc --wrap=none -f gfm -t html seed.md -o seed.html
n_items=$(grep -c '^ *- ' seed.md)
check "pandoc gfm: every entry and contents line is a list item" sh -c "[ \$(grep -c '<li>' seed.html) -eq $n_items ]"
check "pandoc gfm: every link is a link" sh -c "[ \$(grep -o '](' seed.md | wc -l) -eq \$(grep -o '<a href=' seed.html | wc -l) ]"
check "pandoc gfm: no Markdown syntax left in the text" sh -c "! sed 's/<[^>]*>//g' seed.html | grep -q '\*\*\|\[\['"
check "pandoc gfm: escaped specials come out as text" sh -c "grep -q 'μs-scale Preemption' seed.html"

# other groupings keep titles, venues and years
for g in venue year venue-year; do
  "$LIT" markdown -c "$SEED" --group-by $g -o $g.md
  "$LIT" import $V -q $g.md -o $g.yaml
  check "--group-by $g: import gives the same titles, venues and years" $SAME "$SEED" $g.yaml --by title --fields title,short,venue,year,links
done
check "--group-by venue-year: venue headings with year subheadings" sh -c "grep -q '^## OSDI\$' venue-year.md && grep -q '^### 2022\$' venue-year.md"
"$LIT" markdown -c "$SEED" --sort oldest --group-by year -o oldest.md
check "--sort oldest: years ascending" sh -c "grep '^## [0-9]' oldest.md | sed 's/## //' | sort -c -n"
"$LIT" markdown -c "$SEED" --table -o table.md
pandoc --wrap=none -f gfm -t html table.md -o table.html
check "--table: a table per topic" sh -c "[ \$(grep -c '<table>' table.html) -eq \$(grep -c '^##' table.md) ]"
"$LIT" import $V -q table.md -o table.yaml
check "--table: import of the tables gives the same titles, venues and years" $SAME "$SEED" table.yaml --by title --fields title,venue,year

mkdir charts && "$LIT" chart venues -c "$SEED" -o charts/venues.png && "$LIT" chart years -c "$SEED" -o charts/years.png
"$LIT" markdown -c "$SEED" --charts charts -o charts.md
check "--charts embeds the PNGs found, with alt text" sh -c \
  "grep -qxF '![Papers per venue](charts/venues.png)' charts.md && grep -qxF '![Papers per year](charts/years.png)' charts.md && ! grep -q heatmap charts.md"

# the marked region of a README
cp "$ROOT/tests/fixtures/markdown/readme.md" README.md
"$LIT" markdown -c "$SEED" --venue OSDI --in-place README.md
check "--in-place: the text before and after the region is byte-identical" $PY -c "
import sys
old, new = open(sys.argv[1], 'rb').read(), open('README.md', 'rb').read()
b = old.index(b'<!-- litsurvey:begin -->'); b = old.index(b'\\n', b) + 1
e = old.rindex(b'\\n', 0, old.index(b'<!-- litsurvey:end -->')) + 1
assert new.startswith(old[:b]), 'before'
assert new.endswith(old[e:]), 'after'
assert not new.endswith(b'\\n')
" "$ROOT/tests/fixtures/markdown/readme.md"
check "--in-place: the old entry is replaced by the selected papers" sh -c \
  "! grep -q 'An old entry' README.md && grep -q '^- \[OSDI' README.md && ! grep -q '^- \[SOSP' README.md"
cp README.md once.md
"$LIT" markdown -c "$SEED" --venue OSDI --in-place README.md
check "--in-place twice: the same bytes" cmp README.md once.md
"$LIT" import $V -q README.md -o readme.yaml
"$LIT" markdown -c "$SEED" --venue OSDI -o osdi.md && "$LIT" import $V -q osdi.md -o osdi.yaml
check "--in-place: import of the README gives the region's papers" $SAME osdi.yaml readme.yaml

printf 'intro\n<!-- litsurvey:begin -->\nx\n' >nomark.md; cp nomark.md nomark.orig
check_err "--in-place: a missing end marker is an error naming it" 1 "nomark.md: error: no '<!-- litsurvey:end -->' marker" \
  "$LIT" markdown -c "$SEED" --in-place nomark.md
check "--in-place: the README is left as it was after an error" cmp nomark.md nomark.orig
printf 'a\n<!-- litsurvey:begin -->\nb\n<!-- litsurvey:begin -->\n<!-- litsurvey:end -->\n' >two.md
check_err "--in-place: a second begin marker is an error at its line" 1 "two.md:4:1: error: a second" \
  "$LIT" markdown -c "$SEED" --in-place two.md
printf '<!-- litsurvey:end -->\n<!-- litsurvey:begin -->\n' >order.md
check_err "--in-place: markers out of order are an error at the end marker" 1 "order.md:1:1: error: '<!-- litsurvey:end -->' must be on a line after" \
  "$LIT" markdown -c "$SEED" --in-place order.md
check_err "--in-place: a missing README is an I/O error" 3 "missing.md" "$LIT" markdown -c "$SEED" --in-place missing.md
# topics no table knows (keyword data): sections by name, after the taxonomy's; a topic
# written twice lists the paper once
cat >kw.yaml <<'EOF'
papers:
- {key: a, title: Alpha Systems Paper, venue: OSDI, year: 2020, topics: [zeta-kw, alpha-kw, zeta-kw]}
- {key: b, title: Beta Systems Paper, venue: OSDI, year: 2021, topics: [mid-kw, data-parallelism]}
EOF
"$LIT" markdown -c kw.yaml $V -q -o kw.md
check "unknown topics by name, after the taxonomy's" sh -c "grep '^## ' kw.md | tr '\n' '|' | grep -q '^## Distributed training|## alpha-kw|## mid-kw|## zeta-kw|'"
check "a topic written twice lists its paper once" sh -c "[ \$(sed -n '/^## zeta-kw/,\$p' kw.md | grep -c 'Alpha Systems Paper') -eq 1 ]"
exit $failed
