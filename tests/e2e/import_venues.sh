# import_venues.sh - venues in `litsurvey import`: booktitles map to venue ids; a venue the
# table does not know is kept as written and listed once, with its count, at the end; a URL
# or a month is never a venue.
. "$(dirname "$0")/../lib.sh"
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
F="$ROOT/tests/fixtures/venues"
cd "$TMP" || exit 1

"$LIT" import $V "$F/unknown.bib" -o out.yaml 2>err.txt
check "import exits 0" test -s out.yaml
check "venues: known, kept as written, none" $PY -c "
import yaml
v = {p['key']: p.get('venue') for p in yaml.safe_load(open('out.yaml'))['papers']}
want = {'known1': 'SOSP', 'known2': 'OSDI', 'unknown1': 'Journal of Water Tables', 'unknown2': 'Journal of Water Tables',
        'unknown3': 'Proceedings of the 1st Workshop on Tiny Things co-located with EuroSys 2021', 'web': None, 'month': None}
assert v == want, v
"
check "one block lists the unknown venues with their counts" $PY -c "
e = open('err.txt').read()
assert e.count('not in') == 1, e
assert '2 venues not in' in e and '(3 entries)' in e, e
lines = [l.split(None, 1) for l in e.splitlines() if l.startswith('  ')]
assert lines == [['2', 'Journal of Water Tables'], ['1', 'Proceedings of the 1st Workshop on Tiny Things co-located with EuroSys 2021']], lines
"
check "no warning per entry" sh -c "! grep -q 'unknown venue' err.txt"
"$LIT" import -q $V "$F/unknown.bib" -o q.yaml 2>q.err
check "-q: no block" test ! -s q.err
check_err "check reports a venue kept as written, at its paper" 1 "unknown venue 'Journal of Water Tables'" "$LIT" check $V -c out.yaml

# in a list: a month is a date, not a venue; a workshop tag is the workshop venue
printf '# Papers\n\n- A Paper Dated With Its Month Only (Feb 2023)\n- A Paper at a Workshop of NeurIPS (NeurIPS 2019 Workshop)\n' > month.md
"$LIT" import -q $V month.md -o month.yaml
check "list: (Feb 2023) gives the year and no venue; a workshop tag its venue" $PY -c "
import yaml
p = {q['title']: (q.get('venue'), q.get('year')) for q in yaml.safe_load(open('month.yaml'))['papers']}
assert p == {'A Paper Dated With Its Month Only': (None, 2023), 'A Paper at a Workshop of NeurIPS': ('NeurIPS-W', 2019)}, p
"
exit $failed
