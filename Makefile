# litsurvey: literature-survey report generator.
# `make report` and `make test` are all a fresh Debian 12 machine needs: both install
# the Debian packages they miss (via sudo when not root) before building.

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS    := yaml-0.1 cairo pangocairo xlsxwriter minizip md4c libutf8proc jansson libxml-2.0 zlib libcurl
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_XOPEN_SOURCE=700 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
# V=1 shows the full compiler lines.
V ?= 0
ifeq ($(V),0)
  Q := @
endif
LDLIBS  += -lm

# Debian packages: build libraries, then the real consumers the tests check outputs with.
BUILD_DEBS := build-essential pkg-config libyaml-dev libcairo2-dev libpango1.0-dev \
              libxlsxwriter-dev libminizip-dev libmd4c-dev libutf8proc-dev libjansson-dev \
              libxml2-dev zlib1g-dev libcurl4-openssl-dev fonts-dejavu-core
TEST_DEBS  := poppler-utils librsvg2-bin python3-openpyxl python3-yaml texlive-latex-base \
              texlive-latex-recommended texlive-latex-extra lmodern libreoffice-calc-nogui \
              clang libclang-rt-14-dev valgrind biber texlive-bibtex-extra time unzip pandoc \
              strace python3-uno mandoc zsh
DEPS_STAMP = $(BUILDDIR)/.deps-build
TDEPS_STAMP = $(BUILDDIR)/.deps-test

# BUILDDIR lets several work trees of one checkout build side by side.
BUILDDIR ?= build
SANITIZE ?= 0
ifeq ($(SANITIZE),1)
  OUT := $(BUILDDIR)/asan
  CFLAGS += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  # arrays up to 64 KiB move at every lit_grow: a pointer held across a growth is caught (arena.c)
  CFLAGS += -DLIT_GROW_MOVES=65536
  LDFLAGS += -fsanitize=address,undefined
else
  OUT := $(BUILDDIR)/rel
endif
BIN := $(OUT)/litsurvey

# src/ holds the core; each pipeline stage has its folder (import, stats, chart, out, cmd).
SRCDIRS := src $(sort $(patsubst %/,%,$(dir $(wildcard src/*/*.c))))
SRC     := $(sort $(wildcard $(addsuffix /*.c,$(SRCDIRS))))
INCS    := $(addprefix -I,$(SRCDIRS))
LIBSRC  := $(filter-out src/main.c,$(SRC))
OBJ     := $(SRC:src/%.c=$(OUT)/%.o)
LIBOBJ  := $(LIBSRC:src/%.c=$(OUT)/%.o)
UNITSRC := $(sort $(wildcard tests/unit/test_*.c))
UNITBIN := $(UNITSRC:tests/unit/%.c=$(OUT)/tests/%)
TOOLSRC := $(sort $(wildcard tests/tools/*.c))
TOOLBIN := $(TOOLSRC:tests/tools/%.c=$(OUT)/tools/%)

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

.PHONY: all completions deps test-deps report test unit e2e bench install uninstall clean catalog \
        update-golden fuzz fuzz-build memcheck lint
all: $(BIN)
ifeq ($(SANITIZE)$(BUILDDIR),0build)
all: litsurvey
litsurvey: $(BIN)
	cp $(BIN) $@
endif

# Install what is missing, once; the stamp records that the check passed (checked again
# when the Makefile, and so perhaps the package lists, changes).
$(DEPS_STAMP): Makefile
	@sh tests/install-debs.sh $(BUILD_DEBS)
	@mkdir -p $(@D) && touch $@
$(TDEPS_STAMP): Makefile
	@sh tests/install-debs.sh $(BUILD_DEBS) $(TEST_DEBS)
	@mkdir -p $(@D) && touch $@
deps: $(DEPS_STAMP)
test-deps: $(TDEPS_STAMP)

$(OUT)/%.o: src/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(CFLAGS) $(INCS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BIN): $(OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS) $(LDLIBS)

$(OUT)/tests/%: tests/unit/%.c tests/unit/check.h $(LIBOBJ)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CCLD    $@")
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) $(INCS) $(LDFLAGS) -o $@ $< $(LIBOBJ) $(PKG_LIBS) $(LDLIBS)

$(OUT)/tools/%: tests/tools/%.c $(LIBOBJ)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CCLD    $@")
	$(Q)$(CC) $(CFLAGS) $(PKG_CFLAGS) $(INCS) $(LDFLAGS) -o $@ $< $(LIBOBJ) $(PKG_LIBS) $(LDLIBS)

units: $(UNITBIN) $(TOOLBIN)

-include $(OBJ:.o=.d)

# Regenerates data/catalog.yaml from the seed lists, when they are present; imported in
# their folder, so that each source names its list by its file name.
SEEDS ?= ../shared/seeds
catalog: all
	@if ls $(SEEDS)/*.txt >/dev/null 2>&1; then cd $(SEEDS) && $(CURDIR)/$(BIN) import *.txt -o $(CURDIR)/data/catalog.yaml; \
	else echo "catalog: no seed lists in $(SEEDS); data/catalog.yaml left as it is"; fi

# The default report over data/catalog.yaml.
report: all
	$(BIN) build reports/mlsys.yaml

# Unit tests under the release and the sanitizer build; end-to-end tests run the
# sanitizer binary and check every output with its real consumer.
test: $(TDEPS_STAMP)
	@$(MAKE) --no-print-directory all units
	@$(MAKE) --no-print-directory SANITIZE=1 all units
	@BUILDDIR=$(BUILDDIR) sh tests/run.sh

# The README's gallery: PNGs of the charts of data/catalog.yaml.
gallery: all
	sh docs/gallery/generate.sh $(BIN)

# Regenerate golden files after a deliberate output change; review the diff.
update-golden: all
	@$(MAKE) --no-print-directory SANITIZE=1 all units
	@BUILDDIR=$(BUILDDIR) UPDATE_GOLDEN=1 sh tests/run.sh

# Benchmarks (issue 8): synthetic catalogs of 500 to 1M papers in build/bench/, every stage
# timed with its peak memory; BENCH_SIZES="500 10k" picks sizes. Prints a table and
# writes build/bench/results.md; then bench_cite.sh times latex --bib and bib --missing-from
# (issue 26) at 1k, 10k and 100k papers.
bench: all units
	@BUILDDIR=$(BUILDDIR) sh tests/bench.sh
	@BUILDDIR=$(BUILDDIR) sh tests/bench_cite.sh

# Shell completion, generated from what the program's --help prints (docs/completions.sh),
# so that it names the commands, options, chart kinds, tables and styles the program has.
COMPL := $(OUT)/completions
$(COMPL)/litsurvey: $(BIN) docs/completions.sh $(wildcard styles/*.yaml)
	@$(if $(Q),echo "  GEN     $(COMPL)")
	$(Q)sh docs/completions.sh $(BIN) styles $(COMPL)
completions: $(COMPL)/litsurvey

# The program finds its tables and styles from its own folder (PREFIX/share/litsurvey
# beside PREFIX/bin), so an install works under any PREFIX and DESTDIR.
SHARE := $(DESTDIR)$(PREFIX)/share
install: $(BIN) $(COMPL)/litsurvey
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/litsurvey/styles $(SHARE)/litsurvey/data $(SHARE)/man/man1 \
	  $(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/litsurvey
	install -m 644 styles/*.yaml $(SHARE)/litsurvey/styles/
	install -m 644 data/venues.yaml data/topics.yaml $(SHARE)/litsurvey/data/
	install -m 644 docs/litsurvey.1 $(SHARE)/man/man1/litsurvey.1
	install -m 644 $(COMPL)/litsurvey $(SHARE)/bash-completion/completions/litsurvey
	install -m 644 $(COMPL)/_litsurvey $(SHARE)/zsh/site-functions/_litsurvey

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/litsurvey $(SHARE)/man/man1/litsurvey.1 \
	  $(SHARE)/bash-completion/completions/litsurvey $(SHARE)/zsh/site-functions/_litsurvey
	rm -rf $(SHARE)/litsurvey

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 --inline-suppr $(shell pkg-config --cflags-only-I $(PKGS)) $(INCS) src
	clang-tidy --quiet $(SRC) -- $(CFLAGS) $(INCS) $(PKG_CFLAGS)

# libFuzzer targets (fuzz/fuzz_*.c) built with clang into $(BUILDDIR)/fuzz; `make fuzz`
# runs each for FUZZ_SECONDS, one after the other, from the seeds in tests/fuzz-corpus/NAME
# (new inputs go to $(BUILDDIR)/fuzz/corpus/NAME, findings to $(BUILDDIR)/fuzz/crash-*).
FUZZ_SECONDS ?= 60
FUZZ_CC     ?= clang
FUZZDIR     := $(BUILDDIR)/fuzz
FUZZ_CFLAGS := -g -O1 -std=c11 -D_XOPEN_SOURCE=700 -fno-omit-frame-pointer \
               -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
               -DLIT_GROW_MOVES=65536 -DFUZZ_ROOT='"$(CURDIR)"'
FUZZOBJ     := $(LIBSRC:src/%.c=$(FUZZDIR)/obj/%.o)
# fuzz_md needs the Markdown importer; skip it in a tree that does not have it yet.
FUZZSRC     := $(sort $(filter-out $(if $(wildcard src/import/import_md.c),,fuzz/fuzz_md.c),$(wildcard fuzz/fuzz_*.c)))
FUZZBIN     := $(FUZZSRC:fuzz/%.c=$(FUZZDIR)/%)

$(FUZZDIR)/obj/%.o: src/%.c | $(TDEPS_STAMP)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZCC  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(INCS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(FUZZDIR)/%: fuzz/%.c fuzz/fuzz.h $(FUZZOBJ)
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) $(INCS) -o $@ $< $(FUZZOBJ) $(PKG_LIBS) $(LDLIBS)

-include $(FUZZOBJ:.o=.d)
.SECONDARY: $(FUZZOBJ)

fuzz-build: $(FUZZBIN)
fuzz: $(FUZZBIN)
	@for t in $(FUZZBIN); do n=$$(basename $$t); \
	  mkdir -p $(FUZZDIR)/corpus/$$n; \
	  echo "== $$n ($(FUZZ_SECONDS) s)"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	      -print_final_stats=1 -artifact_prefix=$(FUZZDIR)/crash-$$n- \
	      $(FUZZDIR)/corpus/$$n tests/fuzz-corpus/$$n 2>$(FUZZDIR)/$$n.log \
	    || { tail -60 $(FUZZDIR)/$$n.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' $(FUZZDIR)/$$n.log; \
	done

# valgrind over the release binary: the report build and a few commands; leaks in our
# code or any memory error fail (tests/valgrind.supp holds fontconfig/pango/glib caches).
memcheck: all
	@BUILDDIR=$(BUILDDIR) LIT=$(CURDIR)/$(BIN) sh tests/memcheck.sh

clean:
	rm -rf $(BUILDDIR)/rel $(BUILDDIR)/asan $(BUILDDIR)/fuzz litsurvey
