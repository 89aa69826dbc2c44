# catalog_lock.sh - two `import -m` into one catalog at once take turns (issue 23): every paper of
# both lists ends in the catalog, 20 rounds out of 20; a holder that does not let go makes the
# other wait with a message, then fail with a clear error, the catalog as it was.
. "$(dirname "$0")/../lib.sh"
FIX="$ROOT/tests/fixtures/core"
T="--venues $FIX/venues.yaml --topics $FIX/topics.yaml"
cd "$TMP" || exit 1
# two lists of 150 papers each, no title shared: a catalog with both has 300 + the seed's one
for k in alpha beta; do
  i=1; while [ $i -le 150 ]; do
    echo "- Scheduling $k workloads with method $i on shared clusters (OSDI'2$((i % 4)))"; i=$((i + 1))
  done >"$k.md"
done
printf '%s\n' "# Pipeline" "" "- PipeDream: Generalized Pipeline Parallelism for DNN Training (SOSP'19)" >seed.md
count() { grep -c '^- key:' "$1"; }
lost=0; round=1
while [ $round -le 20 ]; do
  "$LIT" import -q seed.md -o cat.yaml $T || { not_ok "round $round: the seed catalog"; break; }
  "$LIT" import -q alpha.md -m cat.yaml $T 2>a.err & a=$!
  "$LIT" import -q beta.md -m cat.yaml $T 2>b.err & b=$!
  wait $a; ra=$?; wait $b; rb=$?
  n=$(count cat.yaml)
  if [ $ra -ne 0 ] || [ $rb -ne 0 ] || [ "$n" -ne 301 ]; then
    lost=$((lost + 1)); echo "# round $round: exits $ra $rb, $n papers of 301"; head -3 a.err b.err | sed 's/^/#   /'
  fi
  round=$((round + 1))
done
check "20 rounds of two imports at once into one catalog keep every paper of both" test $lost -eq 0
check "no lock file is left beside the catalog" test -z "$(ls -A | grep '\.lock$')"

# A holder that does not let go (flock(1) on the lock file): the import says it waits, then fails.
"$LIT" import -q seed.md -o cat.yaml $T; cp cat.yaml cat.before
# held: waits until flock(1) holds it (a try of our own then fails)
held() { i=0; while [ $i -lt 400 ] && flock -n .cat.yaml.lock true; do sleep 0.05; i=$((i + 1)); done; }
( flock 9 && exec sleep 30 ) 9>.cat.yaml.lock & holder=$!   # one process holds it: kill ends it
held
LITSURVEY_LOCK_WAIT=0.3 "$LIT" import alpha.md -m cat.yaml $T >/dev/null 2>lock.err; rc=$?
kill $holder 2>/dev/null; wait $holder 2>/dev/null
check "an import waits for a held lock and says so" grep -q "waiting for the lock on 'cat.yaml' held by another litsurvey" lock.err
check "then gives up with exit 3 and a clear error" sh -c "[ $rc -eq 3 ] && grep -q \"^cat.yaml: error: cannot lock: another litsurvey.* still holds it after 0.3 s\" lock.err"
check "the catalog is as it was" cmp cat.before cat.yaml
# A lock its holder no longer holds (a killed import left the file) is free.
: >.cat.yaml.lock
check "a stale lock file does not block" "$LIT" import -q alpha.md -m cat.yaml $T
check "and is removed" test ! -e .cat.yaml.lock
# -o through a link locks the file the link names: the two names take turns too.
ln -s cat.yaml other.yaml
( flock 9 && exec sleep 30 ) 9>.cat.yaml.lock & holder=$!   # one process holds it: kill ends it
held
LITSURVEY_LOCK_WAIT=0.1 "$LIT" import -q beta.md -m other.yaml $T 2>/dev/null; rc=$?
kill $holder 2>/dev/null; wait $holder 2>/dev/null
check "a link to the catalog waits for the catalog's lock" test $rc -eq 3
exit $failed
