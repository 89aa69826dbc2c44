# install.sh - litsurvey installed like a tool: `make install` into a temporary PREFIX (and
# a DESTDIR) puts the program, its tables, styles, manual page and shell completion in
# place; from a folder outside the clone the installed program imports, checks, builds,
# writes Markdown and diffs with no data file copied; the manual page passes mandoc -Tlint
# and man --warnings and names every command and option; bash and zsh complete commands,
# options, chart kinds, tables, styles and values as --help states them; make uninstall.
. "$(dirname "$0")/../lib.sh"
BDIR=$(dirname "$(dirname "$LIT")")     # the build folder of the program under test
SAN=$([ "$(basename "$(dirname "$LIT")")" = asan ] && echo 1 || echo 0)
P=$TMP/prefix
MAKE="make -s -C $ROOT BUILDDIR=$BDIR SANITIZE=$SAN"
check "make install PREFIX=..." $MAKE install PREFIX="$P"
for f in bin/litsurvey share/litsurvey/data/venues.yaml share/litsurvey/data/topics.yaml share/litsurvey/styles/talk.yaml \
         share/litsurvey/styles/paper.yaml share/man/man1/litsurvey.1 share/bash-completion/completions/litsurvey \
         share/zsh/site-functions/_litsurvey; do
  check "installed: $f" test -s "$P/$f"
done
I=$P/bin/litsurvey

# ---- from a folder outside the clone, with nothing copied ----
W=$TMP/work
mkdir -p "$W/lists/sys" "$W/reports" && cd "$W" || exit 1
cp "$ROOT/tests/fixtures/markdown/awesome.md" lists/sys/README.md
cp "$ROOT/tests/fixtures/import/wild.md" lists/wild.md
check_exit "import" 0 "$I" import -q lists/sys/README.md lists/wild.md -o catalog.yaml
"$I" check 2>check.err; rc=$?
check "check reads the installed tables" sh -c "grep -q '^venues: [0-9]* from $P/share/litsurvey/data/venues.yaml\$' check.err && grep -q '^topics: [0-9]* from $P/share/litsurvey/data/topics.yaml\$' check.err"
check "check: exit 0 or 1 (problems in the data), never a missing table" sh -c "[ $rc -le 1 ] && ! grep -q 'cannot find' check.err"
cat >reports/survey.yaml <<'EOF'
title: Counterfactual systems
catalog: ../catalog.yaml
style: paper
charts: [venues, years, topic-heatmap]
formats: [svg, png]
spreadsheet: survey.xlsx
tables: [topics, venue-year]
bib: refs.bib
markdown: README.md
EOF
check_exit "build (an installed style, the installed tables)" 0 "$I" build -q reports/survey.yaml
check "build wrote its outputs" sh -c "test -s reports/survey/venues.svg && test -s reports/survey/survey.xlsx && test -s reports/survey/topics.tex && test -s reports/survey/README.md"
check_exit "markdown" 0 sh -c "'$I' markdown -q -o list.md && grep -q '^## ' list.md"
cp catalog.yaml old.yaml
"$I" import -q lists/wild.md -m catalog.yaml 2>/dev/null
check_exit "diff" 0 sh -c "'$I' diff old.yaml catalog.yaml | grep -q 'added'"
git init -q . && git add catalog.yaml && git -c user.name=t -c user.email=t@example.org commit -qm c
check_exit "diff --since, the default catalog of this folder" 0 sh -c "'$I' diff --since HEAD | grep -q '^HEAD:catalog.yaml -> catalog.yaml: 0 added'"
check "no data file was copied into the folder" sh -c "! ls -R | grep -q 'venues.yaml\|topics.yaml\|talk.yaml'"
cd "$TMP" || exit 1

# ---- DESTDIR: the staged program finds its staged tables ----
check "make install DESTDIR=... PREFIX=/usr" $MAKE install DESTDIR="$TMP/stage" PREFIX=/usr
check "the staged program reads the staged tables" sh -c \
  "'$TMP/stage/usr/bin/litsurvey' check -c '$W/catalog.yaml' 2>&1 | grep -q 'from $TMP/stage/usr/share/litsurvey/data/venues.yaml'"

# ---- the manual page ----
M=$P/share/man/man1/litsurvey.1
check "mandoc -Tlint: no message" sh -c "[ -z \"\$(mandoc -Tlint '$M' 2>&1)\" ]"
check "man --warnings: no warning" sh -c "[ -z \"\$(man --warnings=all -l '$M' 2>&1 >/dev/null)\" ]"
check "man finds it under PREFIX" sh -c "MANPATH='$P/share/man' man -w litsurvey | grep -q '$M'"
commands=$("$I" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
check "--help lists the commands" test -n "$commands"
for c in $commands; do
  sec=$(sed -n "/^\.SS $c\$/,/^\.S[SH]/p" "$M")
  check "man page: a section for '$c'" test -n "$sec"
  for o in $("$I" "$c" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*'); do
    oo=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
    # an option is described in its command's section, or among the common options
    if ! printf '%s' "$sec" | grep -q -- "$oo" && ! sed -n '/^\.SH OPTIONS/,/^\.SH FILES/p' "$M" | grep -q -- "$oo"; then
      not_ok "man page: '$c $o' is not described"
    fi
  done
done
ok "man page: every option of every command's --help is described (failures listed above)"

# ---- every option --help names is one the command takes ----
mkdir -p "$TMP/empty" && cd "$TMP/empty" || exit 1
for c in $commands; do
  for o in $("$I" "$c" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z0-9-]*( [A-Z])?' | sed 's/^ *//; s/^-[A-Za-z], //; s/ [A-Z]$/=x/'); do
    case $o in --help) continue ;; esac
    if "$I" "$c" "$o" </dev/null 2>&1 | grep -q "unrecognized option\|unknown option"; then not_ok "'$c $o' is in --help but not taken"; fi
  done
done
ok "every option --help names is taken (failures listed above)"
cd "$TMP" || exit 1

# ---- bash completion ----
B=$P/share/bash-completion/completions/litsurvey
comp() {   # comp WORD...: what bash completes for the last word
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _litsurvey; printf "%s\n" "${COMPREPLY[@]}"' _ "$B" "$@"
}
check "bash -n" bash -n "$B"
comp litsurvey ch >b-cmd.txt
comp litsurvey chart '' >b-kinds.txt
comp litsurvey latex '' >b-tables.txt
comp litsurvey chart venues --style '' >b-styles.txt
comp litsurvey xlsx --style d >b-style-d.txt
comp litsurvey stats --by topic >b-by.txt
comp litsurvey markdown --group-by '' >b-group.txt
comp litsurvey chart --stacked '' >b-stacked.txt
(cd "$W" && comp litsurvey check -c cat) >b-file.txt
check "bash: commands" test "$(sort b-cmd.txt | tr '\n' ' ')" = "chart check "
check "bash: chart kinds" sh -c "grep -qx topic-heatmap b-kinds.txt && grep -qx timeline b-kinds.txt"
check "bash: LaTeX tables" test "$(sort b-tables.txt | tr '\n' ' ')" = "catalog taxonomy topics venue-year "
check "bash: styles" sh -c "grep -qx paper-wide b-styles.txt && grep -qx dark b-style-d.txt"
check "bash: option values" sh -c "grep -qx topic-year b-by.txt && grep -qx list b-group.txt && grep -qx bars b-stacked.txt"
check "bash: a file after an option that takes one" grep -qx catalog.yaml b-file.txt
for c in $commands; do
  want=$("$I" "$c" --help | grep -oE '^ +(-[A-Za-z], )?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*' | sort | tr '\n' ' ')
  got=$(comp litsurvey "$c" -- | sort | tr '\n' ' ')
  check "bash: the options of '$c' are those of its --help" test "$want" = "$got"
done

# ---- zsh completion (its completion functions stubbed: what it offers is printed) ----
Z=$P/share/zsh/site-functions/_litsurvey
check "zsh -n" zsh -n "$Z"
zcomp() {   # zcomp WORD...: what zsh's _litsurvey offers for the last word
  zsh -f -c 'compadd() { while [ $# -gt 0 ] && [ "$1" != "--" ]; do shift; done; shift; print -l -- "$@"; }
             _describe() { local -a a; a=("${(@P)${@[-1]}}"); print -l -- "${a[@]%%:*}"; }
             _files() { print -- FILES; }
             fpath=("${1:h}" $fpath); autoload -Uz _litsurvey   # as compinit loads it
             shift; words=("$@"); CURRENT=$#; PREFIX="${words[CURRENT]}"
             _litsurvey' _ "$Z" "$@" 2>&1
}
zcomp litsurvey '' >z-cmd.txt
zcomp litsurvey chart '' >z-kinds.txt
zcomp litsurvey markdown -- >z-opts.txt
zcomp litsurvey chart -s '' >z-styles.txt
zcomp litsurvey bib --format '' >z-values.txt
check "zsh: commands" sh -c "grep -qx markdown z-cmd.txt && grep -qx build z-cmd.txt"
check "zsh: chart kinds" grep -qx venue-heatmap z-kinds.txt
check "zsh: options of markdown" sh -c "grep -qx -- --in-place z-opts.txt && grep -qx -- --group-by z-opts.txt"
check "zsh: styles" grep -qx poster z-styles.txt
check "zsh: option values" grep -qx csl-json z-values.txt

# ---- make uninstall ----
check "make uninstall" $MAKE uninstall PREFIX="$P"
check "nothing of litsurvey is left under PREFIX" test -z "$(find "$P" -type f)"
exit $failed
