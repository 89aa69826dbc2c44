# core_cli.sh - the command line: help, version, usage errors, stats formats, check.
. "$(dirname "$0")/../lib.sh"
C="-c $ROOT/tests/fixtures/core/catalog.yaml"

check "--version" sh -c "$LIT --version | grep -q '^litsurvey [0-9]'"
check "--help lists the commands" sh -c "$LIT --help | grep -q 'import' && $LIT --help | grep -q 'build'"
for cmd in import check stats chart xlsx latex bib build; do
  check "$cmd --help" sh -c "$LIT $cmd --help | grep -q 'usage: litsurvey $cmd'"
done
check_exit "no command is a usage error" 2 "$LIT"
check_exit "unknown command is a usage error" 2 "$LIT" frobnicate
check_exit "unknown option is a usage error" 2 "$LIT" stats --frobnicate
check_exit "bad --by is a usage error" 2 "$LIT" stats $C --by colour
check_exit "bad --years is a usage error" 2 "$LIT" stats $C --years 2020-2010
check_err "unknown venue filter" 2 "unknown venue 'XYZ'" "$LIT" stats $C --venue XYZ

"$LIT" stats $C --by venue >"$TMP/v.txt"
check "stats text counts OSDI" grep -Eq '^OSDI +2 +40\.0$' "$TMP/v.txt"
check "stats text counts papers without venue" grep -Eq '^\(none\) +1' "$TMP/v.txt"
check "stats text footer" grep -q '^5 papers; 1 without a year, 1 without a venue, 1 without a topic' "$TMP/v.txt"
"$LIT" stats $C --by topic-year --format csv -o "$TMP/ty.csv"
check "stats csv header" grep -q '^topic,2018,2019,total' "$TMP/ty.csv"
check "stats csv row" grep -q '^Cluster scheduling,1,1,2' "$TMP/ty.csv"
"$LIT" stats $C --by year --format json >"$TMP/y.json"
check "stats json parses" $PY -c "import json,sys; d=json.load(open('$TMP/y.json')); assert d['papers']==5 and d['rows'][1]=={'year':2019,'papers':3,'cumulative':4}, d"
"$LIT" stats $C --by venue --format md --years 2019 >"$TMP/v.md"
check "stats md table with filter" sh -c "grep -q '^| venue' '$TMP/v.md' && grep -q '^| OSDI ' '$TMP/v.md' && ! grep -q Gandiva '$TMP/v.md'"
"$LIT" stats $C --by venue --top 1 >"$TMP/top.txt"
check "stats --top folds the rest into other" grep -Eq '^other +2' "$TMP/top.txt"
for by in venue year topic topic-year venue-year kind area lists; do
  for f in text csv json md; do
    "$LIT" stats $C --by $by --format $f >"$TMP/o" 2>"$TMP/e" || not_ok "stats --by $by --format $f"
  done
done
ok "stats runs for every --by and --format"
check "every json output parses" sh -c "for by in venue year topic topic-year venue-year kind area lists; do $LIT stats $C --by \$by -f json | $PY -c 'import json,sys; json.load(sys.stdin)' || exit 1; done"

check_exit "check on a clean catalog" 0 "$LIT" check $C
check_err "check reports an alias venue with its place" 1 "catalog.yaml:[0-9]+:5: error: 'x': venue 'NIPS' is an alias: write 'NeurIPS'" \
  sh -c "cp '$ROOT/tests/fixtures/core/'*.yaml '$TMP/'; printf '  - key: x\n    title: t\n    venue: NIPS\n    year: 2019\n' >>'$TMP/catalog.yaml'; $LIT check -c '$TMP/catalog.yaml'"
check_err "check reports an unknown topic" 1 "unknown topic 'quantum'" \
  sh -c "cp '$ROOT/tests/fixtures/core/'*.yaml '$TMP/'; printf '  - key: x\n    title: t\n    topics: [quantum]\n' >>'$TMP/catalog.yaml'; $LIT check -c '$TMP/catalog.yaml'"
check_err "check --duplicates names both places" 1 "catalog.yaml:2 \"PipeDream.*catalog.yaml:[0-9]+ \"PipeDream: generalized.*same normalised title" \
  sh -c "cp '$ROOT/tests/fixtures/core/'*.yaml '$TMP/'; printf '  - key: dup\n    title: \"PipeDream: generalized pipeline parallelism for DNN training\"\n    venue: OSDI\n    year: 2019\n' >>'$TMP/catalog.yaml'; $LIT check --duplicates -c '$TMP/catalog.yaml'"
check_exit "check --duplicates on a catalog without duplicates" 0 "$LIT" check -d $C
check_err "missing catalog is an I/O error" 3 "cannot open" "$LIT" stats -c "$TMP/nope.yaml"
check_exit "a catalog without tables beside it reads with the shipped ones" 0 sh -c "mkdir -p '$TMP/lone'; cp '$ROOT/tests/fixtures/core/catalog.yaml' '$TMP/lone/'; cd '$TMP/lone' && $LIT stats -q -c catalog.yaml"
printf 'papers:\n  - key: a\n    title: x\n    year: 99999\n' >"$TMP/bad.yaml"
check_err "bad data is exit 1 with FILE:LINE:COL" 1 "bad.yaml:4:11: error: 99999 is out of range" "$LIT" stats -c "$TMP/bad.yaml" --venues "$ROOT/tests/fixtures/core/venues.yaml" --topics "$ROOT/tests/fixtures/core/topics.yaml"
printf 'papers:\n  - key: a\n    title: "\377\376"\n' >"$TMP/utf.yaml"
check_err "invalid UTF-8 has a place" 1 "utf.yaml:3:13: error: invalid leading UTF-8 octet" "$LIT" check -c "$TMP/utf.yaml"
head -c 3000 /dev/urandom >"$TMP/garbage.yaml"
check_err "binary garbage is a located error, not a crash" 1 "garbage.yaml(:[0-9]+:[0-9]+)?: error: " "$LIT" check -c "$TMP/garbage.yaml"
echo "old" >"$TMP/keep.txt"
"$LIT" stats -c "$TMP/bad.yaml" -o "$TMP/keep.txt" 2>/dev/null
check "a failed run leaves the old output in place" grep -qx old "$TMP/keep.txt"
check "no temporary files are left behind" sh -c "! ls -a '$TMP' | grep -q '^\.keep'"
exit $failed
