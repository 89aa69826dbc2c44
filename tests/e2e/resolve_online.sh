# resolve_online.sh - `litsurvey resolve --online` against arXiv's, Crossref's, DBLP's and OpenAlex's
# recorded answers served on loopback (tests/tools/fake_api.py, tests/fixtures/online): what each
# service resolves and in which order, the requests (counted in the server's log), the cache (a
# second run asks nothing and gives the same bytes; --offline; --refresh; damaged entries), each
# network fault as one warning per service with exit 4, and no socket without --online.
. "$(dirname "$0")/../lib.sh"
F=$ROOT/tests/fixtures/online
V="--venues $ROOT/data/venues.yaml --topics $ROOT/data/topics.yaml"
cd "$TMP" || exit 1
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY='*' no_proxy='*'
# no waits between requests on loopback, short backoffs, the same jitter every run
export LITSURVEY_ARXIV_INTERVAL=0 LITSURVEY_CROSSREF_INTERVAL=0 LITSURVEY_DBLP_INTERVAL=0 LITSURVEY_OPENALEX_INTERVAL=0
export LITSURVEY_BACKOFF=0.05 LITSURVEY_SEED=7 LITSURVEY_MAILTO=survey@example.org
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$TMP"' EXIT

# serve LOG [--fault SERVICE:MODE]...: the recorded answers on a free port, the base URLs set to it
serve() {
  [ -n "$pid" ] && { kill $pid; wait $pid 2>/dev/null; }
  log=$1; shift
  rm -f port; : >"$log"
  $PY "$ROOT/tests/tools/fake_api.py" --root "$F" --log "$log" --port-file port --lifetime 600 "$@" & pid=$!
  i=0; while [ ! -s port ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  P=$(cat port)
  export LITSURVEY_ARXIV_URL=http://127.0.0.1:$P/arxiv/api/query LITSURVEY_CROSSREF_URL=http://127.0.0.1:$P/crossref \
         LITSURVEY_DBLP_URL=http://127.0.0.1:$P/dblp/search/publ/api LITSURVEY_OPENALEX_URL=http://127.0.0.1:$P/openalex
}
requests() { wc -l <"$1" | tr -d ' '; }
# inet_sockets TRACE: sockets and connections to the network an strace log shows
inet_sockets() { grep -cE 'socket\(AF_INET6?,|connect\(.*AF_INET6?' "$1"; }

# ---- nothing leaves the machine unasked ----
cp "$F/catalog.yaml" cat.yaml
ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=socket,connect -o none.trace \
  "$LIT" resolve $V -c cat.yaml --from "$ROOT/tests/fixtures/resolve/mine.bib" 2>none.err
check "resolve without --online runs (strace)" grep -q 'resolved 0 of 12 papers' none.err
check "... and opens no network socket" test "$(inet_sockets none.trace)" -eq 0
mkdir -p w/data w/reports
cp "$ROOT/tests/fixtures/report/"*.yaml w/data/
printf 'title: T\ncatalog: ../data/catalog.yaml\ncharts: [venues]\nformats: [svg]\nbib: refs.bib\n' >w/reports/r.yaml
ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=socket,connect -o build.trace "$LIT" build -q w/reports/r.yaml
check "build runs (strace)" test -s w/reports/r/refs.bib
check "... and opens no network socket" test "$(inet_sockets build.trace)" -eq 0
check_err "--refresh without --online is a usage error" 2 "go with --online" "$LIT" resolve $V -c cat.yaml --from "$ROOT/tests/fixtures/resolve/mine.bib" --refresh
check_err "--offline --refresh is a usage error" 2 "--refresh asks the network" "$LIT" resolve $V -c cat.yaml --offline --refresh
check_err "a bad setting is a usage error" 2 "LITSURVEY_TIMEOUT: not a number of seconds: 'soon'" env LITSURVEY_TIMEOUT=soon "$LIT" resolve $V -c cat.yaml --online
check "failed runs left the catalog as it was" cmp cat.yaml "$F/catalog.yaml"

# ---- the recorded answers ----
serve first.log
"$LIT" resolve $V -c cat.yaml --online --cache cache -v 2>first.err; rc=$?
check "the first run exits 0" test $rc -eq 0
check "the summary: papers resolved per service" grep -qx "cat.yaml: resolved 9 of 12 papers: 4 Crossref, 2 DBLP search, 2 arXiv, 1 OpenAlex; 3 not found; 0 ambiguous; 9 papers changed" first.err
check "the requests made" grep -qx "litsurvey: note: online: 29 requests (arXiv 3, Crossref 12, DBLP search 8, OpenAlex 6); 0 answers taken from the cache (cache)" first.err
check "... as the server counted them" test "$(requests first.log)" -eq 29
check "what each paper became" $PY -c "
import yaml
p = {x['key']: x for x in yaml.safe_load(open('cat.yaml'))['papers']}
h = p['heatbath-arxiv16']   # arXiv by id (no published version found elsewhere)
assert h['authors'] == ['Caprice Stanley', 'Tobias Windisch'] and (h['venue'], h['year']) == ('arXiv', 2016), h
assert h['resolved'] == {'source': 'arxiv', 'id': '1605.08386', 'score': 100}, h['resolved']
assert p['hot-jupiters-arxiv06']['resolved']['id'] == 'astro-ph/0601001'
w = p['wireless-losses-icdcsw03']   # Crossref by DOI; its record has no year: the list's stays
assert w['authors'] == ['V. Arya', 'T. Turletti'] and w['year'] == 2003 and w['bibtype'] == 'inproceedings', w
assert w['bib'] == {'booktitle': '23rd International Conference on Distributed Computing Systems Workshops, 2003. Proceedings.', 'pages': '877--882', 'publisher': 'IEEE'}, w['bib']
d = p['drl-conservation22']   # Crossref by title, first author and year: one of 4 items of a list
assert d['doi'] == '10.1111/2041-210x.13954' and d['authors'][-1] == 'Carl Boettiger', d
g = p['dispersal-attenuation16']   # the journal article, not its bioRxiv preprint of 2015
assert (g['doi'], g['venue'], g['year']) == ('10.1002/ece3.2314', 'Ecology and Evolution', 2016), g
t = p['test-cost-ats05']   # DBLP's search (authors as strings)
assert t['resolved'] == {'source': 'dblp', 'id': 'conf/ats/ShinogiYHTY05', 'score': 100} and len(t['authors']) == 5, t
m = p['multimodal-cai17']   # DBLP's search (authors as objects), its DOI as DBLP writes it
assert m['doi'] == '10.4149/CAI_2017_4_908' and m['bib']['number'] == '4', m
b = p['bibliometrix-joi17']   # OpenAlex
assert b['resolved']['id'] == 'W2755950973' and b['bib']['pages'] == '959--975' and b['authors'] == ['Massimo Aria', 'Corrado Cuccurullo'], b
for k in ('lost-arxiv08', 'nn-monitoring16', 'state-of-oa12'):
    assert 'resolved' not in p[k] and 'authors' not in p[k], p[k]
"
check "a record the rules refuse is reported, not taken (the same title, another year)" grep -q 'W2741809807: "The state of OA.*refused: years too far apart' first.err
check "... and similar titles of other papers" grep -q 'conf/new2an/SavelievSVBS16.*refused: title too different' first.err
check "a paper resolved by Crossref's DOI answer is not asked of the services after it" sh -c "! grep -Eq '(dblp|openalex) .*accurate' first.log"
check "a preprint's paper is asked of the next services for its published version" grep -q 'dblp .*heat%20bath' first.log
check "every request names the tool, its version and the contact" sh -c "! grep -v 'litsurvey/[0-9.]* (literature-survey tool; mailto:survey@example.org)' first.log"
check "Crossref and OpenAlex get the contact as mailto=, arXiv and DBLP do not" sh -c "grep -E '^[0-9.]+ (crossref|openalex) ' first.log | grep -v -c 'mailto=survey@example.org' | grep -qx 0 && ! grep -E '^[0-9.]+ (arxiv|dblp) ' first.log | grep -q 'mailto='"
entry=$(grep -rl '^query: /works?query.bibliographic=deep' cache/crossref | head -1)
check "a cache entry holds its query, date and status" sh -c "grep -q '^query: /works?query.bibliographic=deep%20reinforcement' '$entry' && grep -Eq '^date: 20[0-9]{2}-[0-9]{2}-[0-9]{2}T' '$entry' && grep -qx 'status: 200' '$entry'"

cp cat.yaml once.yaml
"$LIT" resolve $V -c cat.yaml --online --cache cache 2>second.err; rc=$?
check "the second run asks nothing" test "$(requests first.log)" -eq 29
check "... says so" grep -q 'online: 0 requests; 19 answers taken from the cache' second.err
check "... and gives the same bytes" cmp cat.yaml once.yaml
check "... exit 0, 0 papers changed" sh -c "test $rc -eq 0 && grep -q '; 0 papers changed$' second.err"

cp "$F/catalog.yaml" tty.yaml
check "a progress line on a terminal only" sh -c "! grep -q 'resolving ' first.err &&
  script -qc '$LIT resolve $V -c tty.yaml --online --cache tty.cache' /dev/null | tr '\\r' '\\n' | grep -qx 'resolving 3/3 with arXiv ....*'"
kill $pid; wait $pid 2>/dev/null; pid=""
ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=socket,connect -o offline.trace "$LIT" resolve $V -c cat.yaml --offline --cache cache 2>offline.err
check "--offline answers from the cache with the server gone" sh -c "cmp cat.yaml once.yaml && grep -q 'resolved 9 of 12 papers' offline.err"
check "... and opens no network socket" test "$(inet_sockets offline.trace)" -eq 0
cp "$F/catalog.yaml" fresh.yaml
check_err "--offline with an empty cache: exit 4, and how many papers it could not resolve" 4 "warning: offline: 12 papers not resolved: 39 questions have no answer in the cache" "$LIT" resolve $V -c fresh.yaml --offline --cache empty-cache
check "... the catalog as it was" cmp fresh.yaml "$F/catalog.yaml"

serve refresh.log
"$LIT" resolve $V -c cat.yaml --online --cache cache --refresh 2>refresh.err
check "--refresh asks again what the cache holds" sh -c "test $(requests refresh.log) -eq 19 && cmp cat.yaml once.yaml"

# ---- damaged cache entries: a warning and a new request, never a wrong record ----
entry=$(grep -rl 'query: /works?query.bibliographic=deep' cache/crossref | head -1)
head -c $(($(wc -c <"$entry") - 100)) "$entry" >cut && cat cut >"$entry"
: >refresh.log
"$LIT" resolve $V -c cat.yaml --online --cache cache 2>damaged.err
check "a truncated cache entry is a warning" grep -q "$entry: warning: damaged cache entry (it is truncated): not used" damaged.err
check "... and one new request, the same bytes" sh -c "test $(requests refresh.log) -eq 1 && cmp cat.yaml once.yaml"
$PY -c "
d = open('$entry', 'rb').read(); i = d.index(b'Boettiger')
open('$entry', 'wb').write(d[:i] + b'Boettigar' + d[i + 9:])"
"$LIT" resolve $V -c cat.yaml --online --cache cache 2>damaged.err
check "a changed byte in a cache entry is a warning (checksum)" grep -q "damaged cache entry (its checksum does not match its body)" damaged.err
head -c 5000000 /dev/zero >"$entry"
"$LIT" resolve $V -c cat.yaml --online --cache cache 2>damaged.err
check "a cache entry larger than any answer is a warning" grep -q "damaged cache entry (larger than any answer kept)" damaged.err
check "... and the catalog stays right" sh -c "cmp cat.yaml once.yaml && test $(requests refresh.log) -eq 3"

# ---- network faults: one located warning per service, the rest resolved, exit 4 ----
# fault NAME SERVICE:MODE|- [VAR=VALUE]...: a run of a fresh catalog and cache; its stderr in NAME.err
# (@PORT@ in a value is the server's port)
fault() {
  name=$1; f=$2; shift 2
  if [ "$f" = - ]; then serve "$name.log"; else serve "$name.log" --fault "$f"; fi
  cp "$F/catalog.yaml" "$name.yaml"
  env $(printf '%s\n' "$@" | sed "s/@PORT@/$P/g") "$LIT" resolve $V -c "$name.yaml" --online --cache "$name.cache" -v \
    2>"$name.err"; frc=$?
}
# one_warning NAME SERVICE REGEX: exit 4 and exactly one warning about SERVICE, matching REGEX
one_warning() {
  n=$(grep -c "warning: $2:" "$1.err")
  if [ $frc -eq 4 ] && [ "$n" -eq 1 ] && grep -Eq "warning: $2: $3" "$1.err"; then ok "$1: one warning for $2, exit 4"
  else not_ok "$1: one warning for $2, exit 4 (exit $frc, $n warnings)"; grep -E 'warning|resolved' "$1.err" | head -5 | sed 's/^/#   /'; fi
}

fault f429 crossref:429
check "429 with Retry-After: asked again, all resolved, exit 0" sh -c "test $frc -eq 0 && grep -q 'resolved 9 of 12' f429.err"
check "... after the second it asked for" $PY -c "
r = [l.split() for l in open('f429.log') if ' crossref ' in l]
t = [float(x[0]) for x in r if x[2] == r[0][2]]
assert len(r) == 13 and len(t) == 2 and t[1] - t[0] >= 1.0, t"
check "... and -v says so" grep -q 'note: HTTP 429 (too many requests): asking again in 1\.[0-9]* s (as Retry-After asks)' f429.err
fault f503 dblp:503
one_warning f503 "DBLP search" "HTTP 503 \(4 tries\); 8 papers not answered, the service left out for the rest of this run"
check "... 4 requests, backing off" test "$(grep -c ' dblp ' f503.log)" -eq 4
check "... the catalog written with what the others resolved" grep -q 'resolved 7 of 12 papers: 4 Crossref, 2 arXiv, 1 OpenAlex' f503.err
check "... and how many stay unresolved for it" grep -q 'warning: 5 papers not resolved because a service could not be asked' f503.err
fault fstall openalex:stall LITSURVEY_TIMEOUT=1
one_warning fstall OpenAlex "no complete answer within 1 s \(a slow or stalled server\)"
fault fcut crossref:truncated
one_warning fcut Crossref "answer cut short \(4 tries\) \(and 2 more faults\); 12 papers not answered"
fault fjson dblp:invalid
one_warning fjson "DBLP search" "malformed JSON at line 1, column [0-9]+"
fault fxml arxiv:invalid
one_warning fxml arXiv "malformed XML at line [0-9]+"
fault fhuge openalex:huge
one_warning fhuge OpenAlex "answer over the 4 MiB limit"
fault fchunked openalex:huge-chunked
one_warning fchunked OpenAlex "answer over the 4 MiB limit"
fault floop crossref:redirect-loop
one_warning floop Crossref "more than 5 redirects \(a redirect loop\?\)"
closed=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fault frefused - LITSURVEY_DBLP_URL=http://127.0.0.1:$closed/dblp
one_warning frefused "DBLP search" "cannot connect \(connection refused"
check "... located at the URL it failed on" grep -q "^http://127.0.0.1:$closed/dblp?q=.*: warning: DBLP search:" frefused.err
fault ftls - LITSURVEY_OPENALEX_URL=https://127.0.0.1:@PORT@/openalex
one_warning ftls OpenAlex "TLS handshake failed"
check "after a fault, the next run asks only what failed and resolves it" sh -c "
  '$LIT' resolve $V -c ftls.yaml --online --cache ftls.cache 2>again.err && grep -q 'online: 4 requests (OpenAlex 4); 17 answers' again.err &&
  grep -q 'resolved 9 of 12' again.err"
if unshare -rn true 2>/dev/null; then
  cp "$F/catalog.yaml" nonet.yaml
  unshare -rn env -u LITSURVEY_ARXIV_URL -u LITSURVEY_CROSSREF_URL -u LITSURVEY_DBLP_URL -u LITSURVEY_OPENALEX_URL \
    "$LIT" resolve $V -c nonet.yaml --online --cache nonet.cache 2>nonet.err; frc=$?
  for s in arXiv Crossref "DBLP search" OpenAlex; do one_warning nonet "$s" "cannot resolve the host name \(no network or no DNS\)"; done
else
  ok "no network namespace here: the no-network case is left to the refused and TLS cases (skipped)"
fi
exit $failed
