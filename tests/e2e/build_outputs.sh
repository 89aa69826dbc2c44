# build_outputs.sh - `litsurvey build` never loses a user's file (issue 23, section 2): it
# replaces only what its manifest says an earlier build wrote, keeps every other file of the
# output folder, refuses inputs inside that folder and two outputs of one name at the spec's
# line, and swaps the new folder in whole: with SIGINT or SIGKILL injected at each rename
# (strace), the folder is the complete old or the complete new one with every user file, and
# the next build leaves no .NAME.* behind.
. "$(dirname "$0")/../lib.sh"
W="$TMP/w"; R="$W/reports"
mkdir -p "$W/data" "$R"
cp "$ROOT/tests/fixtures/report/"*.yaml "$W/data/"
O="$R/r"

# tree DIR: every entry below DIR (hidden ones too) with its type and bytes, one a line.
tree() { (cd "$1" && find . -mindepth 1 ! -name .litsurvey-outputs | LC_ALL=C sort | while read -r f; do
  if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; elif [ -d "$f" ]; then echo "$f/"; else echo "$f $(cksum <"$f")"; fi
done); }
# user_files DIR: the user's files of these tests, made in DIR.
user_files() {
  printf 'my notes\n' >"$1/notes.md"; printf 'hidden\n' >"$1/.todo"
  mkdir -p "$1/drafts/deep"; printf 'draft\n' >"$1/drafts/deep/a.tex"
  ln -sf notes.md "$1/notes-link"
}
spec() { printf 'catalog: ../data/catalog.yaml\n%s\n' "$1" >"$R/r.yaml"; }

# ---- 1. the user's files in the output folder survive a build
spec 'charts: [venues, years]
formats: [svg]
tables: [topics]
bib: refs.bib'
check "first build" "$LIT" build -q "$R/r.yaml"
user_files "$O"
tree "$O" >"$TMP/before"
check "rebuild with the user's files in the folder" "$LIT" build -q "$R/r.yaml"
tree "$O" >"$TMP/after"
check "every user file is still there, byte for byte (a folder, a link, a hidden file)" diff "$TMP/before" "$TMP/after"
check "the manifest lists the outputs and no user file" sh -c "grep -qx refs.bib '$O/.litsurvey-outputs' && ! grep -q notes '$O/.litsurvey-outputs'"
spec 'charts: [years]
formats: [svg]'
check "a build of fewer outputs" "$LIT" build -q "$R/r.yaml"
check "drops the outputs it no longer makes" sh -c "! test -e '$O/refs.bib' && ! test -e '$O/venues.svg' && ! test -e '$O/topics.tex' && test -f '$O/years.svg'"
check "and keeps the user's files" sh -c "test \"\$(cat '$O/notes.md')\" = 'my notes' && test -f '$O/drafts/deep/a.tex' && test -L '$O/notes-link' && test -f '$O/.todo'"

# ---- an input of the build inside the output folder: an error at its line, nothing written
tree "$O" >"$TMP/before"
cp "$W/data/catalog.yaml" "$O/catalog.yaml"
printf 'catalog: r/catalog.yaml\ncharts: [years]\n' >"$R/r.yaml"
check_err "a catalog in the output folder is an error at the spec's line" 1 "r.yaml:1:10: error: the catalog '.*r/catalog.yaml' is inside the output folder" "$LIT" build -q "$R/r.yaml"
check "the catalog is still there" cmp "$W/data/catalog.yaml" "$O/catalog.yaml"
rm "$O/catalog.yaml"; ln -s ../../data/catalog.yaml "$O/catalog.yaml"
cp "$W/data/venues.yaml" "$W/data/topics.yaml" "$O/"
check_err "venue and topic tables found beside a catalog in the output folder are an error" 1 \
  "r.yaml:1:10: error: the venue table .found beside the catalog. '.*r/venues.yaml' is inside the output folder" "$LIT" build -q "$R/r.yaml"
rm "$O/catalog.yaml" "$O/venues.yaml" "$O/topics.yaml"
printf 'base: talk\n' >"$O/mine.yaml"
printf 'catalog: ../data/catalog.yaml\nstyle: %s\ncharts: [years]\n' "$O/mine.yaml" >"$R/r.yaml"
check_err "a style in the output folder is an error at its line" 1 "r.yaml:2:8: error: the style '.*mine.yaml' is inside the output folder" "$LIT" build -q "$R/r.yaml"
check "the style is still there" test -f "$O/mine.yaml"
rm "$O/mine.yaml"
tree "$O" >"$TMP/after"
check "the refused builds changed nothing" diff "$TMP/before" "$TMP/after"

# ---- an output over a file no build wrote: an error, the file kept
spec 'charts: [years]
formats: [svg]
markdown: notes.md'
check_err "an output named like a user's file is an error at its line" 1 "r.yaml:4:11: error: '.*r/notes.md' is not an output of an earlier build" "$LIT" build -q "$R/r.yaml"
check "the user's file is kept" test "$(cat "$O/notes.md")" = "my notes"
mkdir -p "$R/legacy"; printf 'made by hand\n' >"$R/legacy/refs.bib"
printf 'catalog: ../data/catalog.yaml\nbib: refs.bib\n' >"$R/legacy.yaml"
check_err "a folder without a manifest: its files are the user's" 1 "legacy.yaml:2:6: error: .*not an output of an earlier build" "$LIT" build -q "$R/legacy.yaml"
check "and stay as they were" test "$(cat "$R/legacy/refs.bib")" = "made by hand"

# ---- 2. two outputs of one name: an error at the later one, for every name a spec can share
for t in topics venue-year taxonomy catalog; do
  spec "tables: [$t]
latex: $t.tex"
  check_err "latex: $t.tex with tables: [$t]" 1 "r.yaml:3:8: error: '$t.tex' would be written twice: as table '$t' .line 2. and as the LaTeX document" "$LIT" build -q "$R/r.yaml"
done
spec 'tables: [topics]
latex: survey.tex'
check "latex: survey.tex with tables is the default name, not a clash" "$LIT" build -q "$R/r.yaml"
for k in venues years topic-trend topic-heatmap venue-heatmap timeline; do
  spec "charts: [$k]
pdf: $k.pdf"
  check_err "pdf: $k.pdf with the $k chart in pdf" 1 "r.yaml:3:6: error: '$k.pdf' would be written twice: as chart '$k' in pdf .line 2." "$LIT" build -q "$R/r.yaml"
done
spec 'pdf: years.pdf
charts: [years]
formats: [svg, png]'
check "pdf: years.pdf when the chart is only svg and png" "$LIT" build -q "$R/r.yaml"
spec 'pdf: years.pdf
charts: [venues, years]
formats: [png, pdf]'
check_err "the earlier key in the file is named, the later one is the error" 1 "r.yaml:3:18: error: 'years.pdf' would be written twice: as the PDF report .line 2. and as chart 'years' in pdf" "$LIT" build -q "$R/r.yaml"

# ---- 4. the swap: a signal at every rename leaves the old or the new folder whole
if ! command -v strace >/dev/null || ! strace -f -o /dev/null true 2>/dev/null; then
  not_ok "strace is needed for the signal-injection tests (make test-deps installs it)"; exit 1
fi
spec 'charts: [venues, years]
formats: [svg]
tables: [topics]
bib: refs.bib'
printf 'papers:\n  - {key: old-one, title: The Old Catalog Paper, venue: OSDI, year: 2015, topics: [scheduling]}\n' >"$W/data/old.yaml"
# set_old: the folder as an earlier build of old.yaml made it, with the user's files.
rm -rf "$O"
sed 's|catalog.yaml|old.yaml|' "$R/r.yaml" >"$R/r.old"; cp "$R/r.old" "$R/r.yaml"
"$LIT" build -q "$R/r.yaml" && user_files "$O" && cp -a "$O" "$TMP/old" && tree "$O" >"$TMP/old.tree"
spec 'charts: [venues, years]
formats: [svg]
tables: [topics]
bib: refs.bib'
cp "$R/r.yaml" "$R/r.new"
"$LIT" build -q "$R/r.yaml" && tree "$O" >"$TMP/new.tree"
check "old and new outputs differ (so that the checks below can tell them apart)" sh -c "! cmp -s '$TMP/old.tree' '$TMP/new.tree'"
set_old() { rm -rf "$O"; cp -a "$TMP/old" "$O"; }
leftovers() { ls -A "$R" | grep '^\.r\.' | tr '\n' ' '; }

# inject LABEL SIGNAL OPTIONS...: for N = 1, 2, ... until a run gets no signal, an old folder
# and a build of the new catalog under strace with SIGNAL at the Nth call; the folder must
# then be whole (old or new, with the user's files), the next build complete and clean.
inject() {
  label=$1; sig=$2; shift 2
  n=1; bad=0
  while [ $n -le 40 ]; do
    set_old
    # shellcheck disable=SC2068
    # (LeakSanitizer cannot run under ptrace)
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -o "$TMP/strace" $(printf -- "$*" $n) "$LIT" build -q "$R/r.yaml" >/dev/null 2>"$TMP/err"; rc=$?
    hit=$(grep -Ec -- '--- SIG[A-Z]+ .*SI_KERNEL|killed by SIGKILL' "$TMP/strace")
    if grep -Eq 'Sanitizer|runtime error' "$TMP/err"; then not_ok "$label N=$n: sanitizer report"; head -5 "$TMP/err" | sed 's/^/#   /'; bad=1; break; fi
    if [ "$hit" -eq 0 ]; then [ $rc -eq 0 ] || { not_ok "$label N=$n: exit $rc without a signal"; bad=1; }; break; fi
    if [ -d "$O" ]; then
      tree "$O" >"$TMP/got.tree"
      if ! cmp -s "$TMP/got.tree" "$TMP/old.tree" && ! cmp -s "$TMP/got.tree" "$TMP/new.tree"; then
        not_ok "$label N=$n (exit $rc): the folder is neither the old nor the new one"; diff "$TMP/old.tree" "$TMP/got.tree" | head -10 | sed 's/^/#   /'; bad=1
      fi
    elif [ "$sig" != KILL ]; then
      not_ok "$label N=$n (exit $rc): no reports/r at all"; bad=1
    fi
    if ! "$LIT" build -q "$R/r.yaml" 2>"$TMP/err2"; then not_ok "$label N=$n: the next build fails"; head -5 "$TMP/err2" | sed 's/^/#   /'; bad=1
    elif ! tree "$O" | cmp -s - "$TMP/new.tree"; then not_ok "$label N=$n: the next build is not the new folder with the user's files"; bad=1
    elif [ -n "$(leftovers)" ]; then not_ok "$label N=$n: the next build left $(leftovers)"; bad=1; fi
    n=$((n + 1))
  done
  if [ $n -eq 1 ]; then not_ok "$label: strace injected nothing"
  elif [ $bad = 0 ]; then ok "$label: whole at each of the $((n - 1)) calls"; fi
}
inject "SIGINT at each rename" INT "-e trace=rename -e inject=rename:signal=INT:when=%d"
inject "SIGINT at the exchange (renameat2)" INT "-e trace=renameat2 -e inject=renameat2:signal=INT:when=%d"
inject "SIGINT at each link of a user's file" INT "-e trace=linkat -e inject=linkat:signal=INT:when=%d"
inject "SIGTERM at each mkdir" TERM "-e trace=mkdir -e inject=mkdir:signal=TERM:when=%d"
# a file system that refuses RENAME_EXCHANGE: the two-rename fallback, a signal at each rename
inject "fallback swap, SIGINT at each rename" INT "-e trace=rename,renameat2 -e inject=renameat2:error=EINVAL -e inject=rename:signal=INT:when=%d"
# SIGKILL cannot be caught: what it leaves, the next build cleans (and brings a folder back
# that a kill between the fallback's two renames left aside)
inject "SIGKILL at each rename" KILL "-e trace=rename -e inject=rename:signal=KILL:when=%d"
inject "SIGKILL at the exchange" KILL "-e trace=renameat2 -e inject=renameat2:signal=KILL:when=%d"
inject "fallback swap, SIGKILL at each rename" KILL "-e trace=rename,renameat2 -e inject=renameat2:error=EINVAL -e inject=rename:signal=KILL:when=%d"
check "the user's files are still the ones first written" sh -c "test \"\$(cat '$O/notes.md')\" = 'my notes' && test \"\$(cat '$O/drafts/deep/a.tex')\" = draft"

# Leftovers of builds made before the manifest (a stage and an old folder without one) go too.
mkdir -p "$R/.r.new-AbC123" "$R/.r.old-XyZ789"
printf 'partial' >"$R/.r.new-AbC123/.venues.svg.Qw3rTy"; printf 'whole' >"$R/.r.new-AbC123/venues.svg"
ln "$O/notes.md" "$R/.r.old-XyZ789/notes.md"
check "a build removes leftovers of interrupted builds" "$LIT" build -q "$R/r.yaml"
check "none is left" test -z "$(leftovers)"
# A leftover holding a file found nowhere else is kept, with a warning naming it.
mkdir -p "$R/.r.old-Keep01"; printf 'only here\n' >"$R/.r.old-Keep01/lonely.txt"
check_err "a leftover with a file found nowhere else is kept, with a warning" 0 "warning: kept '.*\.r\.old-Keep01'" "$LIT" build "$R/r.yaml"
check "its file is still there" test -f "$R/.r.old-Keep01/lonely.txt"
exit $failed
