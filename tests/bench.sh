#!/bin/sh
# bench.sh - `make bench`: synthetic catalogs of 500 to 1,000,000 papers through every stage.
#
# Generates the catalogs into $BENCH_DIR (default build/bench; cached until the generator
# or data/*.yaml change), then per size prints, for each stage (load, stats, charts, xlsx,
# LaTeX, their total, and dedupe) the wall time, the CPU time, the throughput and the peak
# resident memory, the ratio of load (+stats) to libyaml's bare event parse of the same
# file, and the wall time and peak memory of a whole `litsurvey build` of a spec with four
# charts in PDF and SVG, the spreadsheet and the topics and venue-year tables (for the
# keyword shape also a build of every output), and how build time grows from one size to
# the next (linear: the time grows as the papers do). Every figure
# is the best of $BENCH_RUNS runs (default 3; 1 for the million). The table also goes to
# $BENCH_DIR/results.md with the machine it was measured on.
#
#   BENCH_SIZES="500 10k"   sizes to run (default: 500 10k 100k 1M kw10k kw100k; "" for none); kwN is the
#                           shape of per-conference data: 2,762 keyword topics no table
#                           knows, 60% of papers at unknown venues (gen_catalog --keywords)
#   BENCH_RUNS=5            runs per figure
#   BUILDDIR=build/x        the build whose rel/ binaries to time
#   DEDUPE_TIMEOUT=300      seconds after which the dedupe stage is stopped (default 120)
#   BENCH_SHAPES="copies ris" the adversarial shapes of issue 23 to run after the sizes
#                           (default: copies title links chain ris cap; "" for none), each
#                           at 1x, 10x and 100x of its base size (BENCH_SHAPE_SCALES) so
#                           that growth shows: near-linear is 10x the time for 10x the input
#                           (only the shapes: BENCH_SIZES="" BENCH_DBLP=none)
#   BENCH_DBLP=full         the DBLP index at 75k, 750k and 7.5M records (tests/bench_dblp.sh;
#                           default 75k and 750k; none: skip it), and litsurvey resolve
#                           against it (tests/bench_resolve.sh)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 1
B=${BUILDDIR:-build}
REL="$B/rel"
LIT="$ROOT/$REL/litsurvey"
TOOLS="$ROOT/$REL/tools"
DIR=${BENCH_DIR:-build/bench}
SIZES=${BENCH_SIZES-500 10k 100k 1M kw10k kw100k}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
LC_ALL=C
export LC_ALL

for t in "$LIT" "$TOOLS/gen_catalog" "$TOOLS/gen_shapes" "$TOOLS/yaml_parse" "$TOOLS/bench_stages"; do
  [ -x "$t" ] || { echo "bench: $t is missing (make BUILDDIR=$B all units)" >&2; exit 1; }
done
mkdir -p "$DIR/specs" || exit 1
# venues.yaml and topics.yaml beside the catalogs, where every command looks for them.
for f in venues topics; do
  [ -f "data/$f.yaml" ] && cp "data/$f.yaml" "$DIR/$f.yaml"
done

count() { # 500 -> 500, 10k -> 10000, 1M -> 1000000, kw10k -> 10000
  set -- "${1#kw}"
  case "$1" in
    *k|*K) echo $(( ${1%?} * 1000 )) ;;
    *m|*M) echo $(( ${1%?} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}
runs_for() { # fewer runs of the big ones: they take long and share the machine
  if [ -n "${BENCH_RUNS:-}" ]; then echo "$BENCH_RUNS"
  elif [ "$(count "$1")" -ge 1000000 ]; then echo 1
  else echo 3; fi
}
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# The generator's inputs: a change to any of them makes new catalogs.
stamp=$( { cat tests/tools/gen_catalog.c; cat data/venues.yaml data/topics.yaml 2>/dev/null; } | cksum | cut -d' ' -f1)

machine() {
  cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
  mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  echo "$(nproc) cores ($cpu), $mem RAM, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
res="$DIR/results.md"
{
  echo "# litsurvey benchmark"
  echo
  echo "Machine: $(machine)."
  echo "Build: $REL (CFLAGS of the Makefile), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src 2>/dev/null || echo ' + local changes'), $(date -u +%Y-%m-%d)."
  echo "Best of several runs per figure (the machine is shared: wall times vary; CPU time is steadier)."
  echo
} >"$res"

printf '%s\n' "Machine: $(machine)"

# time_build SPEC: the best wall and CPU time and the highest peak of $runs builds, into
# build_best, build_cpu, build_rss (or build_note when it failed).
time_build() {
  build_best=; build_rss=; build_cpu=; build_note=
  i=0
  while [ $i -lt "$runs" ]; do
    if /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$LIT" build -q "$1" >/dev/null 2>"$tmp/build.err"; then
      set -- $(tail -1 "$tmp/time")
      build_best=$(awk -v a="$build_best" -v b="$1" 'BEGIN { print (a == "" || b < a) ? b : a }')
      build_cpu=$(awk -v a="$build_cpu" -v b="$2" -v c="$3" 'BEGIN { print (a == "" || b + c < a) ? b + c : a }')
      build_rss=$(awk -v a="$build_rss" -v b="$4" 'BEGIN { print (a == "" || b > a) ? b : a }')
    else
      build_note="build failed: $(head -3 "$tmp/build.err" | tr '\n' ' ')"
      break
    fi
    i=$((i + 1))
  done
}

for size in $SIZES; do
  n=$(count "$size")
  cat="$DIR/cat-$size.yaml"
  if [ ! -f "$cat" ] || [ "$(cat "$cat.stamp" 2>/dev/null)" != "$stamp" ]; then
    printf 'generating %s papers into %s ... ' "$n" "$cat"
    shape=; case "$size" in kw*) shape="--keywords 2762 --unknown-venues 60" ;; esac
    "$TOOLS/gen_catalog" $shape -o "$cat.tmp" "$n" && mv "$cat.tmp" "$cat" && echo "$stamp" >"$cat.stamp" || exit 1
    echo done
  fi
  bytes=$(wc -c <"$cat")
  runs=$(runs_for "$size")

  # libyaml's bare event parse: the floor for a loader built on it.
  best_parse=; best_parse_cpu=; best_read=
  i=0
  while [ $i -lt "$runs" ]; do
    "$TOOLS/yaml_parse" "$cat" >"$tmp/parse" || exit 1
    p=$(sed -n 's/^parse_s=//p' "$tmp/parse"); c=$(sed -n 's/^parse_cpu_s=//p' "$tmp/parse"); r=$(sed -n 's/^read_s=//p' "$tmp/parse")
    best_parse=$(awk -v a="$best_parse" -v b="$p" 'BEGIN { print (a == "" || b < a) ? b : a }')
    best_parse_cpu=$(awk -v a="$best_parse_cpu" -v b="$c" 'BEGIN { print (a == "" || b < a) ? b : a }')
    best_read=$(awk -v a="$best_read" -v b="$r" 'BEGIN { print (a == "" || b < a) ? b : a }')
    i=$((i + 1))
  done

  # Each stage in one process; per stage the best time of the runs and the highest peak.
  loadavg=$(cut -d' ' -f1 /proc/loadavg)
  : >"$tmp/stages"
  i=0
  while [ $i -lt "$runs" ]; do
    "$TOOLS/bench_stages" --stages load,stats,charts,xlsx,latex -o "$tmp/out" "$cat" >"$tmp/run" 2>"$tmp/diag" ||
      { echo "bench_stages failed:"; cat "$tmp/diag"; exit 1; }
    grep -v '^#' "$tmp/run" >>"$tmp/stages"
    i=$((i + 1))
  done
  rm -rf "$tmp/out"
  warnings=$(grep -c 'warning:' "$tmp/diag")
  # Dedupe (an import stage) in a run of its own, stopped if it takes too long.
  dt=${DEDUPE_TIMEOUT:-120}
  if timeout "$dt" "$TOOLS/bench_stages" --stages dedupe "$cat" >"$tmp/run" 2>/dev/null; then
    grep '^dedupe' "$tmp/run" >>"$tmp/stages"
  elif grep -q '^dedupe' "$tmp/run"; then
    grep '^dedupe' "$tmp/run" >>"$tmp/stages"
  else
    printf 'dedupe\tn/a\tn/a\tn/a\t%s\n' "$(grep -q '^load' "$tmp/run" && echo "stopped after ${dt} s (DEDUPE_TIMEOUT)" || echo "failed")" >>"$tmp/stages"
  fi

  # The whole build, as a user runs it.
  spec="$DIR/specs/bench-$size.yaml"
  cat >"$spec" <<EOF
# written by tests/bench.sh: the build that \`make bench\` times
title: Benchmark, $n synthetic papers
catalog: ../cat-$size.yaml
style: talk
charts: [venues, years, topic-trend, topic-heatmap]
formats: [pdf, svg]
spreadsheet: survey.xlsx
tables: [topics, venue-year]
EOF
  time_build "$spec"
  # the keyword shape: every output a report can name, too (taxonomy, catalog table,
  # timeline, report.pdf, .bib, README), to show they stay bounded and linear
  full_best=; full_cpu=; full_rss=; full_note=; full_bytes=0
  case "$size" in kw*)
    full="$DIR/specs/bench-$size-full.yaml"
    cat >"$full" <<EOF
# written by tests/bench.sh: every output, on the keyword shape
title: Benchmark, $n synthetic keyword papers, every output
catalog: ../cat-$size.yaml
style: talk
charts: [venues, years, topic-trend, topic-heatmap, venue-heatmap, timeline]
formats: [pdf, svg, png]
spreadsheet: survey.xlsx
tables: [topics, venue-year, taxonomy, catalog]
bib: refs.bib
pdf: report.pdf
markdown: README.md
EOF
    sb=$build_best sc=$build_cpu sr=$build_rss sn=$build_note
    time_build "$full"
    full_best=$build_best full_cpu=$build_cpu full_rss=$build_rss full_note=$build_note
    full_bytes=$(du -sb "$DIR/specs/bench-$size-full" 2>/dev/null | cut -f1)
    rm -rf "$DIR/specs/bench-$size-full"
    build_best=$sb build_cpu=$sc build_rss=$sr build_note=$sn
    ;;
  esac
  [ -n "$build_best" ] && printf '%s %s %s\n' "$size" "$n" "$build_best" >>"$tmp/builds"
  [ -n "$full_best" ] && printf '%s-full %s %s\n' "$size" "$n" "$full_best" >>"$tmp/builds"
  rm -rf "$DIR/specs/bench-$size"

  awk -F'\t' -v n="$n" -v bytes="$bytes" -v size="$size" -v parse="$best_parse" -v parse_cpu="$best_parse_cpu" \
      -v readt="$best_read" -v build="$build_best" -v build_cpu="$build_cpu" -v build_rss="$build_rss" \
      -v build_note="$build_note" -v full="$full_best" -v full_cpu="$full_cpu" -v full_rss="$full_rss" \
      -v full_note="$full_note" -v full_bytes="${full_bytes:-0}" -v warnings="$warnings" -v res="$res" -v loadavg="$loadavg" '
    function line(s) { print s; print s >>res }
    function mib(kb) { return sprintf("%.0f MiB", kb / 1024) }
    {
      st = $1
      if (!(st in seen)) { seen[st] = 1; order[++ns] = st; t[st] = $2; c[st] = $3; m[st] = $4; note[st] = $5 }
      else if ($2 != "n/a") { if ($2 + 0 < t[st] + 0) t[st] = $2; if ($3 + 0 < c[st] + 0) c[st] = $3; if ($4 + 0 > m[st] + 0) m[st] = $4 }
    }
    END {
      line("")
      line(sprintf("## %s papers (%s, %.1f MB; load average %s when it started)", size, n, bytes / 1e6, loadavg))
      line("")
      line("| stage | wall s | CPU s | papers/s | MB/s | peak RSS | note |")
      line("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
      line(sprintf("| read file | %.3f | | | %.0f | | bytes only |", readt, readt > 0 ? bytes / 1e6 / readt : 0))
      line(sprintf("| libyaml parse | %.3f | %.3f | %.0f | %.1f | | events only, nothing kept |", parse, parse_cpu, parse > 0 ? n / parse : 0, parse > 0 ? bytes / 1e6 / parse : 0))
      for (k = 1; k <= ns; k++) {
        st = order[k]
        if (t[st] == "n/a") { line(sprintf("| %s | n/a | | | | | %s |", st, note[st])); continue }
        mbs = (st == "load" || st == "total") ? sprintf("%.1f", t[st] > 0 ? bytes / 1e6 / t[st] : 0) : ""
        line(sprintf("| %s | %.3f | %.3f | %.0f | %s | %s | %s |", st, t[st], c[st], t[st] > 0 ? n / t[st] : 0, mbs, mib(m[st]), note[st]))
      }
      if (build != "")
        line(sprintf("| litsurvey build | %.3f | %.3f | %.0f | %.1f | %s | whole process: 4 charts x PDF+SVG, xlsx, 2 tables |", build, build_cpu, n / build, bytes / 1e6 / build, mib(build_rss)))
      else
        line(sprintf("| litsurvey build | n/a | | | | | %s |", build_note != "" ? build_note : "not run"))
      if (full != "")
        line(sprintf("| litsurvey build, every output | %.3f | %.3f | %.0f | %.1f | %s | 6 charts x PDF+SVG+PNG, xlsx, 4 tables, .bib, report.pdf, README: %.0f MB written |", full, full_cpu, n / full, bytes / 1e6 / full, mib(full_rss), full_bytes / 1e6))
      else if (full_note != "")
        line(sprintf("| litsurvey build, every output | n/a | | | | | %s |", full_note))
      line("")
      ls = t["load"] + (t["stats"] == "n/a" ? 0 : t["stats"]); lc = c["load"] + c["stats"]
      line(sprintf("load+stats / libyaml parse: %.2fx wall, %.2fx CPU (target: 1.3x at 1M).", parse > 0 ? ls / parse : 0, parse_cpu > 0 ? lc / parse_cpu : 0))
      # The pandas route (PyYAML + pandas + matplotlib + xlsxwriter) for the same build, as
      # measured for issue 8 on a machine whose libyaml parses at about 75 MB/s.
      ref = n == 500 ? 2 : n == 100000 ? 41 : n == 1000000 ? 400 : 0
      mbs = parse > 0 ? bytes / 1e6 / parse : 0
      if (ref > 0 && build != "" && build > 0)
        line(sprintf("Whole build vs the pandas route (%d s): %.0fx faster (target: 20x).", ref, ref / build))
      if (ref > 0 && build != "" && n >= 100000)   # a shared machine has slow days: a yardstick
        line(sprintf("libyaml parsed at %.0f MB/s here, 75 MB/s on the machine the pandas route was timed on: scaled to it, the build takes about %.2f s.", mbs, build * mbs / 75))
      if (warnings > 0) line(sprintf("Warnings from the stages: %d (see below).", warnings))
    }' "$tmp/stages"
  if [ "$warnings" -gt 0 ]; then
    grep 'warning:' "$tmp/diag" | sed 's/^/    /' | tee -a "$res"
  fi
done
# Linear? Each build's time per paper, and how it changes with size.
if [ -s "$tmp/builds" ]; then
  awk -v res="$res" '
    function line(s) { print s; print s >>res }
    { shape = ($1 ~ /^kw/) ? "kw" ($1 ~ /-full$/ ? "-full" : "") : "plain"
      if (shape in n0)
        line(sprintf("Build time, %s against %s: %.1fx the papers, %.1fx the time (%.3f against %.3f ms a paper).",
                     $1, prev[shape], $2 / n0[shape], $3 / t0[shape], 1000 * $3 / $2, 1000 * t0[shape] / n0[shape]))
      n0[shape] = $2; t0[shape] = $3; prev[shape] = $1 }
  ' "$tmp/builds"
fi
# ---- adversarial shapes (issue 23, section 4): each at 1x, 10x and 100x of its base ----
SHAPES=${BENCH_SHAPES-copies title links chain ris cap}
SCALES=${BENCH_SHAPE_SCALES:-1 10 100}
if [ -n "$SHAPES" ]; then
  mkdir -p "$DIR/shapes" || exit 1
  sd=$(cd "$DIR/shapes" && pwd)
  tabs="--venues $sd/venues.yaml --topics $sd/topics.yaml"
  cp "$DIR/venues.yaml" "$DIR/topics.yaml" "$sd/" 2>/dev/null
  {
    echo
    echo "## Adversarial shapes (issue 23): 1x, 10x, 100x"
    echo
    echo "| shape | size | command | wall s | CPU s | peak RSS | CPU vs 1x | exit |"
    echo "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |"
  } | tee -a "$res"
  for shape in $SHAPES; do
    base=
    for x in $SCALES; do
      # base sizes: copies of one entry, 40,000-character titles, MB of one line of links,
      # topics in one chain, RIS TY lines, MB read from /dev/zero before the limit stops it
      case $shape in
        copies) n=$((1000 * x)); what="$n copies of one entry" ;;
        title)  n=$x; what="$n titles of 40,000 chars, no space" ;;
        links)  n=$x; what="one line of $n MB of links" ;;
        chain)  n=$((1000 * x)); what="$n topics in a chain" ;;
        ris)    n=$((10000 * x)); what="$n TY lines" ;;
        cap)    n=$((10 * x)); what="/dev/zero, --max-input ${n}M" ;;
        *) echo "bench: unknown shape '$shape'" >&2; continue ;;
      esac
      f="$sd/$shape-$x"
      case $shape in
        copies|links) "$TOOLS/gen_shapes" "$shape" "$n" "$f.md" || exit 1
                      set -- import -q $tabs "$f.md" -o /dev/null; cmd="import" ;;
        ris)    "$TOOLS/gen_shapes" ris "$n" "$f.ris" || exit 1
                set -- import $tabs "$f.ris" -o /dev/null; cmd="import, warnings on" ;;
        title)  "$TOOLS/gen_shapes" title "$n" "$f.yaml" || exit 1
                printf 'title: Long titles\ncatalog: %s\ncharts: []\npdf: report.pdf\n' "$(basename "$f.yaml")" >"$f-spec.yaml"
                set -- build -q "$f-spec.yaml"; cmd="build (report.pdf)" ;;
        chain)  "$TOOLS/gen_shapes" chain "$n" "$f.yaml" || exit 1
                printf 'title: Chain\ncatalog: %s\ncharts: [topic-heatmap, topic-trend]\nformats: [svg]\ntables: [topics]\nmarkdown: README.md\n' \
                  "$(basename "$f.yaml")" >"$f-spec.yaml"
                set -- build -q "$f-spec.yaml"; cmd="build (heatmap, trend, topics table, README)" ;;
        cap)    set -- import -q $tabs --max-input "${n}M" /dev/zero -o /dev/null; cmd="import" ;;
      esac
      (cd "$sd" && /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$LIT" "$@" >/dev/null 2>"$tmp/shape.err")
      code=$?
      set -- $(tail -1 "$tmp/time")
      cpu=$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a + b }')
      [ -z "$base" ] && base=$cpu
      growth=$(awk -v a="$cpu" -v b="$base" 'BEGIN { if (b > 0.005) printf "%.1fx", a / b; else print "-" }')
      printf '| %s | %s | %s | %.2f | %s | %.0f MiB | %s | %s |\n' "$shape" "$what" "$cmd" "$1" "$cpu" \
        "$(awk -v k="$4" 'BEGIN { print k / 1024 }')" "$growth" "$code" | tee -a "$res"
      rm -rf "$f"* "$sd/$shape-$x-spec"
    done
  done
  echo "Exit codes: 1 for the RIS file (no papers in it), 3 for /dev/zero (the input limit stops it): the shapes are hostile." | tee -a "$res"
fi
# The DBLP index (issue 24): BENCH_DBLP=none skips it, BENCH_DBLP=full adds the full size.
BENCH_DIR=$DIR BUILDDIR=$B sh tests/bench_dblp.sh || exit 1
# litsurvey resolve, the whole command, on the same dumps' query catalogs (wrong matches counted)
BENCH_DIR=$DIR BUILDDIR=$B sh tests/bench_resolve.sh || exit 1
echo
echo "results written to $res"
