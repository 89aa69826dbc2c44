# chart_scale.sh - hundreds of venues: top N and one "other" row, with a warning that says so.
. "$(dirname "$0")/../lib.sh"
cp "$ROOT/tests/fixtures/core/topics.yaml" "$TMP/"
$PY - "$TMP" <<'PYEOF'
import sys
d = sys.argv[1]
v = open(d + '/venues.yaml', 'w'); v.write('venues:\n')
c = open(d + '/catalog.yaml', 'w'); c.write('papers:\n')
for i in range(150):
    v.write(f'  - {{id: V{i:03d}, name: Venue {i}, kind: conference, area: systems}}\n')
    for j in range(1 + (150 - i) // 30):
        c.write(f'  - {{key: p{i}-{j}, title: "Paper {i} {j}", venue: V{i:03d}, year: {2010 + (i + j) % 14}}}\n')
PYEOF
check_err "venues chart warns what it folded" 0 "warning: venues chart: the [0-9]+ largest of 150 venues are named and the other [0-9]+ summed" \
  "$LIT" chart venues -c "$TMP/catalog.yaml" -o "$TMP/v.svg"
check_err "venue heatmap warns what it folded" 0 "warning: venue heatmap: the [0-9]+ largest of 150 venues are named" \
  "$LIT" chart venue-heatmap -c "$TMP/catalog.yaml" -o "$TMP/vh.svg"
check "the folded chart still renders" rsvg-convert -o "$TMP/v.png" "$TMP/v.svg"
check "-q silences the warning" sh -c "$LIT chart venues -q -c '$TMP/catalog.yaml' -o '$TMP/v.svg' 2>'$TMP/q.err' && ! grep -q warning '$TMP/q.err'"
# a tie is never cut: 30 venues share the second place with 5 papers, so --top 5 names only the first
check "--top 5 names the first venue: the 30 that tie at 5 papers are all left out" sh -c "$LIT chart venues -q --top 5 -c '$TMP/catalog.yaml' -o '$TMP/v.svg' --data '$TMP/v.csv' && test \$(grep -c '^V' '$TMP/v.csv') -eq 1 && grep -q '^(other)' '$TMP/v.csv'"
check "--top 40 names the 31 venues with 5 papers or more: the tie at 4 would pass the limit" sh -c "$LIT chart venues -q --top 40 -c '$TMP/catalog.yaml' -o '$TMP/v.svg' --data '$TMP/v.csv' && test \$(grep -c '^V' '$TMP/v.csv') -eq 31"
check "the note says a tie was left out" sh -c "$LIT chart venues -q --top 5 -c '$TMP/catalog.yaml' -o '$TMP/v.pdf' && pdftotext '$TMP/v.pdf' - | tr '\n' ' ' | grep -q '30 venues tie at 5 papers: none shown'"
exit $failed
