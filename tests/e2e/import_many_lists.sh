# import_many_lists.sh - one import of many lists whose heading trees are deep and overlap
# (the same headings under other parents, catch-alls at every depth, headings no taxonomy
# knows), run with the sanitizer build: twenty real lists in one command once crashed in
# topics_match.c (a pointer into the heading notes held while they grew). The sanitizer
# build moves small arrays at every growth (LIT_GROW_MOVES), so such a pointer fails here
# whatever the sizes.
. "$(dirname "$0")/../lib.sh"
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1

for seed in 1 2 3; do
  $PY "$ROOT/tests/tools/gen_lists.py" "s$seed" 24 "$seed"
  entries=$(cat "s$seed"/*.md | grep -c '\[\[Paper\]\]')
  check "seed $seed: 24 lists imported together, no sanitizer report" \
    "$LIT" import $V -q "s$seed"/*.md -o "s$seed.yaml"
  got=$(grep -c '^- key:' "s$seed.yaml")
  if [ "$got" -eq "$entries" ]; then ok "seed $seed: all $entries papers in the catalog"
  else not_ok "seed $seed: $got papers in the catalog, $entries listed"; fi
  # the same lists in the reverse order: the same catalog (topics and parents included)
  # shellcheck disable=SC2046
  check "seed $seed: reverse order, no sanitizer report" \
    "$LIT" import $V -q $(ls "s$seed"/*.md | sort -r) -o "s$seed.rev.yaml"
  check "seed $seed: the catalog does not depend on the order of the lists" cmp "s$seed.yaml" "s$seed.rev.yaml"
  check "seed $seed: the catalog loads and checks" "$LIT" check -q -c "s$seed.yaml" $V
done
# the same lists merged one at a time into a growing catalog (-m keeps the notes apart)
$PY "$ROOT/tests/tools/gen_lists.py" m 8 4
cp /dev/null log
"$LIT" import $V -q m/list00.md -o m.yaml
for f in m/list0[1-7].md; do "$LIT" import $V -q -m m.yaml "$f" 2>>log || echo "failed: $f" >>log; done
check "eight lists merged one by one with -m, no sanitizer report" test ! -s log
exit $failed
