# slope -- a literate course in calculus and optimization for machine learning.
#
#   make demo            install missing deps, build everything, print a chapter
#   make check           install missing deps, build with -Werror, run every suite
#   make check SAN=1     the same under AddressSanitizer + UBSan (into build/san)
#   make bench           benchmarks with side-by-side numpy/scikit-learn peers
#   make run CH=5        one chapter's program (CH=5, 05 or 05-gradient-descent)
#   make install PREFIX=/usr/local DESTDIR=
#   make deps            install the Debian packages the course needs
#   make figures         redraw every lesson figure into chapters/*/figures/
#   make site            the course as a website in build/site/ (open index.html)
#   make site-check      every page in headless Chromium: links, math, widgets
#   make keys            regenerate the exercises' answer keys (instructors)
#   make clean           remove build/ (the only place products go)
#
# Options: CC=clang, SAN=1, NATIVE=1 (opt-in -march=native), WERROR=1,
# CK_RUN_SUITE=rng (run one suite), CK_FORK=no (run suites under gdb/valgrind).

.SUFFIXES:
.DELETE_ON_ERROR:

PREFIX  ?= /usr/local
DESTDIR ?=
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include/slope
BINDIR  ?= $(PREFIX)/bin
SHAREDIR ?= $(PREFIX)/share/slope

VERSION = 0.1.0
SOMAJOR = 0
# A literal comma, for $(if ...) arguments (no comment after it: make would
# keep the spaces before the comment in its value).
comma  := ,

# --- flags: one explicit list ------------------------------------------------
WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wundef -Wcast-qual -Wvla
OPT  = -O2
ifeq ($(SAN),1)
BUILD    ?= build/san
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
OPT       = -O1 -g
else
BUILD ?= build
endif
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifeq ($(NATIVE),1)
OPT += -march=native
endif

CFLAGS  ?= $(OPT)
# -ffp-contract=off: no fused multiply-adds behind our back, so results stay
# bit-identical to numpy's on every CPU (clang would fuse a*b + c with -march).
ALL_CFLAGS  = -std=c17 $(WARN) -ffp-contract=off $(CFLAGS) $(SANFLAGS) -Ilib -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)
LDLIBS_M    = -lm

# Lazily expanded: pkg-config is asked only once `make deps` has run.
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS   = $(shell pkg-config --libs check)

# Objects depend on the flags they were built with, so switching WERROR or CC
# rebuilds instead of silently reusing stale objects.
FLAGS_STAMP = $(BUILD)/.flags
FLAGS_NOW   = $(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS)
# The same for the installation's directories, which the installed slope.pc
# and Lua binding name.
INSTALL_STAMP = $(BUILD)/.install-dirs
INSTALL_NOW   = $(PREFIX) $(LIBDIR) $(INCDIR) $(SHAREDIR)
ifeq ($(filter clean deps,$(MAKECMDGOALS)),)
$(shell mkdir -p $(BUILD) && echo '$(FLAGS_NOW)' | cmp -s - $(FLAGS_STAMP) \
          || echo '$(FLAGS_NOW)' > $(FLAGS_STAMP))
$(shell echo '$(INSTALL_NOW)' | cmp -s - $(INSTALL_STAMP) || echo '$(INSTALL_NOW)' > $(INSTALL_STAMP))
endif

# --- Debian packages ----------------------------------------------------------
DEPS = build-essential pkg-config check luajit libluajit-5.1-dev gnuplot-nox \
       libseccomp-dev patch \
       pandoc fonts-texgyre-math chromium nodejs clang lld wasi-libc libclang-rt-dev-wasm32
# (patch applies the exercises' mutants, exercises/edge-rules.lua; the last
# line is the website, site/site.mk: pandoc renders the pages with
# a math font of TeX Gyre, clang
# and lld with wasi-libc compile libslope to WebAssembly for the live figures,
# node drives headless Chromium over every page in make site-check)

# --- the library --------------------------------------------------------------
LIB_SRC  = $(wildcard lib/*.c)
LIB_HDR  = $(wildcard lib/*.h)
LIB_OBJ  = $(LIB_SRC:lib/%.c=$(BUILD)/obj/lib/%.o)
LIB_A    = $(BUILD)/lib/libslope.a
LIB_SO   = $(BUILD)/lib/libslope.so.$(VERSION)

# --- tests: one suite per module, tests/check_<module>.c ----------------------
TEST_SRC    = $(filter-out tests/check_main.c,$(wildcard tests/check_*.c))
TEST_SUITES = $(TEST_SRC:tests/check_%.c=%)
TEST_OBJ    = $(TEST_SRC:tests/%.c=$(BUILD)/obj/tests/%.o) $(BUILD)/obj/tests/check_main.o \
              $(BUILD)/obj/tests/testutil.o $(CHAPTER_SHARED_OBJ)
TEST_BIN    = $(BUILD)/bin/check_slope
SUITES_INC  = $(BUILD)/gen/suites.inc

# --- benchmarks: bench/bench_<module>.c, each its own program -----------------
BENCH_SRC  = $(wildcard bench/bench_*.c)
BENCH_BIN  = $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
BENCH_PEER = $(wildcard bench/peer_*.py)

# --- chapter programs: chapters/NN-name/*.c -> build/bin/NN-name --------------
CHAPTERS    = $(patsubst chapters/%/,%,$(sort $(dir $(wildcard chapters/[0-9]*/*.c))))
CHAPTER_BIN = $(CHAPTERS:%=$(BUILD)/bin/%)
# The chapter-local files that print a table both the program and a live
# figure of the website show (site/site.mk): one way to compute each such
# table.  The test binary links them too (tests/check_chapters.c).
CHAPTER_SHARED = chapters/03-gradients/arrows.c chapters/04-jacobian-hessian/shape.c \
                 chapters/05-gradient-descent/downhill.c chapters/06-optimizers/race.c \
                 chapters/07-backpropagation/xor.c chapters/08-convexity-convergence/rates.c \
                 chapters/09-integration-auc/roc.c
CHAPTER_SHARED_OBJ = $(CHAPTER_SHARED:chapters/%.c=$(BUILD)/obj/chapters/%.o)

.PHONY: all lib tests demo check test bench install uninstall clean deps
all: lib tests $(CHAPTER_BIN) grader

lib: $(LIB_A) $(LIB_SO)

tests: $(TEST_BIN)

$(BUILD)/obj/lib/%.o: lib/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $^

$(LIB_SO): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -shared -Wl,-soname,libslope.so.$(SOMAJOR) -o $@ $^ $(LDLIBS_M)
	ln -sf libslope.so.$(VERSION) $(BUILD)/lib/libslope.so.$(SOMAJOR)
	ln -sf libslope.so.$(SOMAJOR) $(BUILD)/lib/libslope.so

# The runner learns the suite list from the file names, so adding a module's
# suite never means editing a shared file.
$(SUITES_INC): $(FLAGS_STAMP) $(TEST_SRC)
	@mkdir -p $(@D)
	printf 'SLOPE_SUITE(%s)\n' $(TEST_SUITES) > $@

$(BUILD)/obj/tests/%.o: tests/%.c $(SUITES_INC) $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Itests -I$(BUILD)/gen $(TEST_INC) -c $< -o $@
# Only the chapters' suite sees the chapters' headers.
$(BUILD)/obj/tests/check_chapters.o: TEST_INC = $(addprefix -I,$(dir $(CHAPTER_SHARED)))

$(BUILD)/obj/chapters/%.o: chapters/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(TEST_BIN): $(TEST_OBJ) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $(TEST_OBJ) $(LIB_A) $(CHECK_LIBS) $(LDLIBS_M)

# Suites read golden files relative to the tree's root.
test: all readme-deps-check weave-check chapters-cli-check run-check headers-check install-check figures-check grader-e2e grader-keys-check \
      exercises-check dist-check site-check
	SLOPE_TESTDATA=tests/golden SLOPE_GRADER=$(GRADER_BIN) $(TEST_BIN)

# The README names every package `make deps` installs (in the paragraph
# that says so), so a reader knows what the course puts on the machine.
.PHONY: readme-deps-check
readme-deps-check:
	@para=$$(sed -n '/^Both start with `make deps`/,/^$$/p' README.md); \
	 missing=""; for p in $(DEPS); do \
	   echo "$$para" | tr ' `(),' '\n\n\n\n\n' | grep -qxF -- "$$p" || missing="$$missing $$p"; \
	 done; \
	 if [ -n "$$missing" ]; then \
	   echo "readme-deps-check: README.md does not name:$$missing"; \
	   echo "HINT: list them in README.md's paragraph 'Both start with \`make deps\`'"; exit 1; fi; \
	 echo "readme-deps-check: README.md names all $(words $(DEPS)) packages of make deps"

# Each header is documentation and must compile on its own.
.PHONY: headers-check install-check
headers-check:
	@for h in $(LIB_HDR); do \
	   printf '#include "%s"\n' $$h | $(CC) $(ALL_CFLAGS) -fsyntax-only -x c - || exit 1; \
	 done; echo "headers: $(words $(LIB_HDR)) headers compile on their own"

# Install into a staging DESTDIR and into a scratch non-system PREFIX, and
# use each from outside the tree with no LD_LIBRARY_PATH: a program built
# with pkg-config, the Lua binding (tests/install-check.sh says how).
install-check: lib grader
	@MAKE='$(MAKE)' BUILD='$(BUILD)' CC='$(CC)' SANFLAGS='$(SANFLAGS)' sh tests/install-check.sh

check: deps
	@$(MAKE) --no-print-directory WERROR=1 test

# Every suite in one process (no fork), then every chapter program writing
# its figure data, under valgrind's memcheck.
.PHONY: valgrind
valgrind: deps
	@$(MAKE) --no-print-directory WERROR=1 all
	SLOPE_TESTDATA=tests/golden SLOPE_GRADER=$(GRADER_BIN) CK_FORK=no valgrind -q --error-exitcode=1 \
	  --leak-check=full --errors-for-leak-kinds=definite $(TEST_BIN)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && for c in $(CHAPTERS); do \
	   valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	     $(BUILD)/bin/$$c --data $$d > /dev/null || { echo "valgrind: $$c" >&2; exit 1; }; \
	 done; echo "valgrind: $(words $(CHAPTERS)) chapter programs clean"

# The build is quiet here (warnings still show) so the tables are what a
# new student sees.
demo: deps
	@echo "demo: building libslope, the chapter programs and the grader into $(BUILD)/ ..."
	@$(MAKE) --no-print-directory -s all
	@$(BUILD)/bin/01-derivatives
	@echo
	@echo "demo: that was chapter 01's program; its lesson is chapters/01-derivatives/lesson.md."
	@echo "demo: next: 'make run CH=02' for chapter 02, '$(BUILD)/bin/grader list' for the exercises,"
	@echo "demo:       'make check' to run every test."

# --- chapters ---------------------------------------------------------------------
# Each chapters/NN-name/ holds lesson.md, the program's *.c, and seeds.txt
# (which of its tables must carry which seed's printed numbers).
CHAPTER_COMMON = chapters/common/chapter.c chapters/common/chapter.h
WEAVE = luajit chapters/weave.lua
define chapter_rule
$(BUILD)/bin/$(1): $(wildcard chapters/$(1)/*.c) $(CHAPTER_COMMON) $(LIB_A) $(FLAGS_STAMP)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) -Ichapters/common $$(ALL_LDFLAGS) -o $$@ $(wildcard chapters/$(1)/*.c) chapters/common/chapter.c $(LIB_A) $$(LDLIBS_M)
endef
$(foreach c,$(CHAPTERS),$(eval $(call chapter_rule,$(c))))

.PHONY: chapters run weave weave-check
chapters: $(CHAPTER_BIN)

# make run CH=05 [ARGS="--lr 0.95"]: one chapter's program with its defaults.
# CH is the chapter's number (5 or 05) or its full name (05-gradient-descent);
# anything that names no single chapter is refused with the list.
CH_NAME = $(filter $(CH) $(CH)-% 0$(CH)-%,$(CHAPTERS))
run: deps
	@test "$(words $(CH_NAME))" = 1 || { \
	   echo "run: $(if $(CH),no chapter '$(CH)',CH is not set); the chapters are:" >&2; \
	   printf '  %s\n' $(CHAPTERS) >&2; \
	   echo "HINT: make run CH=5, CH=05 or CH=05-gradient-descent (add ARGS=\"--help\" for its options)" >&2; exit 2; }
	@$(MAKE) --no-print-directory -s $(BUILD)/bin/$(CH_NAME)
	@$(BUILD)/bin/$(CH_NAME) $(ARGS)

# `make run` finds a chapter by its number with or without the leading zero
# or by its full name, and refuses the rest with the list and a HINT.  The
# first and last chapters stand for all (each run is two makes: seconds).
.PHONY: run-check
run-check: $(CHAPTER_BIN)
	@for c in $(firstword $(CHAPTERS)) $(lastword $(CHAPTERS)); do n=$${c%%-*}; \
	   for ch in "$$n" "$${n#0}" "$$c"; do \
	     out=$$($(MAKE) --no-print-directory -s BUILD=$(BUILD) run CH="$$ch" ARGS=--help 2>&1); \
	     [ "$$(printf '%s\n' "$$out" | head -n 1)" = "usage: $(BUILD)/bin/$$c [options]" ] || \
	       { printf 'run-check: make run CH=%s does not run %s:\n%s\n' "$$ch" "$$c" "$$out" >&2; exit 1; }; \
	   done; \
	 done
	@for ch in 0 99 x 5-gradient-descent %; do \
	   $(MAKE) --no-print-directory -s BUILD=$(BUILD) run CH="$$ch" >/dev/null 2>$(BUILD)/run.err; r=$$?; \
	   [ $$r = 2 ] && grep -q "no chapter '$$ch'" $(BUILD)/run.err && grep -qx '  $(lastword $(CHAPTERS))' $(BUILD)/run.err \
	     && grep -q HINT $(BUILD)/run.err || \
	     { echo "run-check: make run CH=$$ch: exit $$r, want 2 with the chapters and a HINT:" >&2; cat $(BUILD)/run.err >&2; exit 1; }; \
	 done; echo "run: make run takes CH=5, CH=05 or the full name, and refuses an unknown one with the list"

weave: $(CHAPTER_BIN)
	@for c in $(CHAPTERS); do $(WEAVE) --program $(BUILD)/bin/$$c chapters/$$c/lesson.md || exit 1; done

# Every chapter program keeps the command-line contract: --help exits 0 with
# a usage line and leaves out the build's --weave, which still works; an
# unknown option or a malformed value exits 2 with a HINT.
.PHONY: chapters-cli-check
chapters-cli-check: $(CHAPTER_BIN)
	@for c in $(CHAPTERS); do b=$(BUILD)/bin/$$c; \
	   $$b --help > $(BUILD)/cli.out && grep -q '^usage: ' $(BUILD)/cli.out || { echo "$$c: --help prints no usage" >&2; exit 1; }; \
	   ! grep -q -- '--weave' $(BUILD)/cli.out || { echo "$$c: --help lists --weave, a build option" >&2; exit 1; }; \
	   $$b --weave | grep -q '^@@ table ' || { echo "$$c: --weave prints no '@@ table' marker" >&2; exit 1; }; \
	   opt=$$($$b --help | sed -n 's/^  --\([a-z0-9-]*\) .*(default .*/\1/p' | head -n 1); \
	   for bad in "--no-such-option" "--$$opt=not-a-number"; do \
	     $$b "$$bad" >/dev/null 2>$(BUILD)/cli.err; r=$$?; \
	     [ $$r = 2 ] && grep -q HINT $(BUILD)/cli.err || \
	       { echo "$$c $$bad: exit $$r with no HINT, want exit 2 and a HINT" >&2; exit 1; }; \
	   done; \
	 done; echo "chapters: $(words $(CHAPTERS)) programs answer --help (without the build's --weave) and reject bad options with exit 2"
	@# An integer option takes the whole range of a C int, as chapter 09's --seed promises.
	@b=$(BUILD)/bin/09-integration-auc; $$b --seed 2147483647 > /dev/null && ! $$b --seed 2147483648 > /dev/null 2>&1 \
	  || { echo "09-integration-auc: --seed does not take 0 to 2147483647 and nothing past it" >&2; exit 1; }

# Lessons equal what programs print and sources say; tables carry the seeds' numbers;
# and each lesson stands on its own (--prose: no "seed" but a random seed, no
# "widget", "slider" or "source page").
weave-check: $(CHAPTER_BIN)
	@$(WEAVE) --prose $(CHAPTERS:%=chapters/%/lesson.md)
	@for c in $(CHAPTERS); do \
	   $(WEAVE) --check --program $(BUILD)/bin/$$c chapters/$$c/lesson.md || exit 1; \
	   if [ -f chapters/$$c/seeds.txt ]; then \
	     $(WEAVE) --seeds --program $(BUILD)/bin/$$c chapters/$$c/seeds.txt || exit 1; fi; \
	 done; echo "weave: $(words $(CHAPTERS)) lessons stand on their own and match their programs, sources and seeds"

# --- benchmarks -----------------------------------------------------------------
$(BUILD)/bench/%: bench/%.c bench/harness.c bench/harness.h $(LIB_A) $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Ibench -o $@ $< bench/harness.c $(LIB_A) $(LDLIBS_M)

# C benchmarks print their lines into results.txt; each bench/peer_*.py then
# times the same work in numpy/scikit-learn and prints the side-by-side ratio.
BENCH_RESULTS = $(BUILD)/bench/results.txt
bench: deps
	@$(MAKE) --no-print-directory $(BENCH_BIN) $(GRADER_BIN) $(LIB_SO)
	@: > $(BENCH_RESULTS)
	@for b in $(BENCH_BIN); do SLOPE_GRADER=$(GRADER_BIN) $$b | tee -a $(BENCH_RESULTS) || exit 1; done
	@if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then \
	   for p in $(BENCH_PEER); do BENCH_RESULTS=$(BENCH_RESULTS) /usr/bin/python3 $$p || exit 1; done; \
	 else echo "bench: skipped the numpy/scikit-learn comparison (install python3-numpy python3-sklearn)"; fi

# --- figures and the grader: their own fragments ---------------------------------
include plots/plots.mk
include grader/grader.mk
include exercises/exercises.mk
include exercises/dist.mk
include site/site.mk

.PHONY: keys
keys: grader-keys

# --- install --------------------------------------------------------------------
# Two installed files name the installation's directories: slope.pc and the
# Lua binding.  They are rebuilt whenever a directory changes (INSTALL_STAMP,
# written at the top of this file, as FLAGS_STAMP is).
#
# slope.pc's Libs carry an rpath (a RUNPATH, so LD_LIBRARY_PATH still
# overrides it) unless LIBDIR is one the dynamic linker searches on its own:
# /lib, /usr/lib and their multiarch directories (`ld.so --help` lists them).
# /usr/local/lib is not one of them -- it is found only through ld.so.cache,
# after a root `ldconfig` -- so an install under /usr/local gets the rpath
# too, and a program built against it runs at once, from any prefix.  The
# rpath is written out, not as ${libdir}: pkg-config prefixes variables with
# PKG_CONFIG_SYSROOT_DIR, and a program built against a staging tree must
# look for the library where it will be installed, not in the staging tree.
MULTIARCH   = $(shell $(CC) -print-multiarch 2>/dev/null)
LINKER_DIRS = /lib /usr/lib $(if $(MULTIARCH),/lib/$(MULTIARCH) /usr/lib/$(MULTIARCH))
PC_RPATH    = $(if $(filter $(LINKER_DIRS),$(patsubst %/,%,$(LIBDIR))),,-Wl$(comma)-rpath$(comma)$(LIBDIR) -Wl$(comma)--enable-new-dtags)

# slope.pc and the binding name these directories from anywhere: they must
# be absolute.
.PHONY: install-dirs-check
install-dirs-check:
	@for d in '$(PREFIX)' '$(LIBDIR)' '$(INCDIR)' '$(BINDIR)' '$(SHAREDIR)'; do case "$$d" in /*) ;; *) \
	   echo "install: '$$d' is not an absolute path" >&2; \
	   echo "HINT: give an absolute PREFIX, e.g. make install PREFIX=\$$HOME/.local" >&2; exit 2;; esac; \
	 done

$(BUILD)/install/slope.pc: $(INSTALL_STAMP) Makefile | install-dirs-check
	@mkdir -p $(@D)
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(LIBDIR)' 'includedir=$(INCDIR)' '' \
	  'Name: slope' 'Description: calculus and optimization for machine learning' \
	  'Version: $(VERSION)' 'Libs: -L$${libdir} $(PC_RPATH) -lslope' 'Libs.private: -lm' \
	  'Cflags: -I$${includedir}' > $@

# The installed lua/slope.lua learns where its headers and library went:
# relative to its own directory (a moved installation still finds its own
# library) and absolute (a copy of the file elsewhere still finds them).
$(BUILD)/install/slope.lua: lua/slope.lua $(INSTALL_STAMP) Makefile | install-dirs-check
	@mkdir -p $(@D)
	INC_REL=$$(realpath -s -m --relative-to=$(SHAREDIR)/lua $(INCDIR)) \
	LIB_REL=$$(realpath -s -m --relative-to=$(SHAREDIR)/lua $(LIBDIR)) INC='$(INCDIR)' LIB='$(LIBDIR)' \
	  awk 'BEGIN { n = 0 } \
	       /^local installed = nil$$/ { n++; printf "local installed = { include_rel = [==[%s]==], lib_rel = [==[%s]==],\n    include = [==[%s]==], lib = [==[%s]==] }\n", \
	                                    ENVIRON["INC_REL"], ENVIRON["LIB_REL"], ENVIRON["INC"], ENVIRON["LIB"]; next } \
	       { print } END { exit n != 1 }' $< > $@ \
	  || { echo "install: lua/slope.lua has no line 'local installed = nil' to fill in" >&2; exit 1; }

install: lib grader $(BUILD)/install/slope.pc $(BUILD)/install/slope.lua | install-dirs-check
	install -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) $(DESTDIR)$(BINDIR)
	install -m 755 $(GRADER_BIN) $(RUNNER_BIN) $(DESTDIR)$(BINDIR)/
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf libslope.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libslope.so.$(SOMAJOR)
	ln -sf libslope.so.$(SOMAJOR) $(DESTDIR)$(LIBDIR)/libslope.so
	install -m 644 $(LIB_HDR) $(DESTDIR)$(INCDIR)/
	install -m 644 $(BUILD)/install/slope.pc $(DESTDIR)$(LIBDIR)/pkgconfig/
	@# What the installed grader reads: the exercises as a student gets them
	@# (no solution.c, no hidden keys; the reference's times per case, from
	@# which the per-case limits come) and the figure style; and the Lua
	@# binding, for luajit (the grader embeds its own copy).
	install -d $(DESTDIR)$(SHAREDIR)/plots $(DESTDIR)$(SHAREDIR)/lua
	install -m 644 plots/style.gp $(DESTDIR)$(SHAREDIR)/plots/
	install -m 644 $(BUILD)/install/slope.lua $(DESTDIR)$(SHAREDIR)/lua/
	for d in exercises/[0-9]*/; do e=$$(basename $$d); \
	  install -d $(DESTDIR)$(SHAREDIR)/exercises/$$e/keys && \
	  install -m 644 $$d/exercise.h $$d/spec.lua $$d/starter.c $$d/README.md \
	    $(DESTDIR)$(SHAREDIR)/exercises/$$e/ && \
	  install -m 644 $$d/keys/public.txt $$d/keys/time.txt $(DESTDIR)$(SHAREDIR)/exercises/$$e/keys/ || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libslope.* $(DESTDIR)$(LIBDIR)/pkgconfig/slope.pc $(DESTDIR)$(BINDIR)/grader $(DESTDIR)$(BINDIR)/slope-run
	rm -rf $(DESTDIR)$(INCDIR) $(DESTDIR)$(SHAREDIR)

# --- Debian packages: a no-op when everything is present --------------------------
deps:
	@missing=""; for p in $(DEPS); do \
	   dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	 done; \
	 if [ -z "$$missing" ]; then exit 0; fi; \
	 if ! command -v apt-get >/dev/null; then \
	   echo "deps: missing:$$missing -- this course expects Debian (apt-get); install them by hand" >&2; exit 1; fi; \
	 if [ "$$(id -u)" = 0 ]; then \
	   echo "deps: installing$$missing"; \
	   apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$$missing >/dev/null \
	   || { echo "deps: apt-get failed; see its messages above" >&2; exit 1; }; \
	 else \
	   echo "deps: missing Debian packages:$$missing" >&2; \
	   echo "HINT: run   sudo apt-get install$$missing   then re-run make" >&2; exit 1; \
	 fi

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
