# grader.mk -- the exercise grader, included by the top-level Makefile.
#
#   make grader          build $(BUILD)/bin/grader and $(BUILD)/bin/slope-run
#   make grader-e2e      the grader's end-to-end tests (run by make check)
#   make grader-keys     regenerate every exercise's answer keys
#   make grader-keys-check   fail when a committed key differs from solution.c
#   make check-loaded    the grader's suite and end-to-end tests while two
#                        CPU-bound processes keep both cores busy: no test
#                        may depend on a machine being idle
#
# The grader is C with LuaJIT embedded; its Lua sources are compiled to
# bytecode headers (luajit -b) so the binary needs no files beside it.

GRADER_BIN  = $(BUILD)/bin/grader
RUNNER_BIN  = $(BUILD)/bin/slope-run
GRADER_C    = grader/main.c grader/sandbox.c grader/proc.c grader/policy.c
GRADER_H    = grader/sandbox.h grader/proc.h grader/policy.h grader/frame.h
GRADER_LUA  = cli spec judge report batch figure
GRADER_GEN  = $(GRADER_LUA:%=$(BUILD)/gen/grader/%_lua.h) $(BUILD)/gen/grader/slope_lua.h
GRADER_OBJ  = $(GRADER_C:grader/%.c=$(BUILD)/obj/grader/%.o)
# The runner: student code is loaded by this program only.  No libslope,
# no grader code, no --export-dynamic: a submission that calls slope_* or
# any grader symbol fails to load with "undefined symbol".
# It is never built with sanitizers, even under SAN=1: it hosts the student's
# code, and AddressSanitizer's shadow memory would defeat the memory limit and
# its signal handler would turn a student's crash into system calls the
# sandbox forbids, so the verdicts would be ASan's instead of the sandbox's.
RUNNER_OBJ    = $(BUILD)/obj/runner/runner.o $(BUILD)/obj/runner/sandbox.o $(BUILD)/obj/runner/policy.o
RUNNER_CFLAGS = $(filter-out $(SANFLAGS),$(ALL_CFLAGS))

# Lazily expanded: pkg-config is asked only once `make deps` has run.
LUAJIT_CFLAGS  = $(shell pkg-config --cflags luajit)
LUAJIT_LIBS    = $(shell pkg-config --libs luajit)
SECCOMP_CFLAGS = $(shell pkg-config --cflags libseccomp)
SECCOMP_LIBS   = $(shell pkg-config --libs libseccomp)

# The exercises the grader's own tests use (independent of the course's).
GRADER_FIXTURES = tests/grader/exercises

.PHONY: grader grader-e2e grader-keys grader-keys-check check-loaded
grader: $(GRADER_BIN) $(RUNNER_BIN)

$(BUILD)/gen/grader/%_lua.h: grader/%.lua
	@mkdir -p $(@D)
	luajit -b -g -n $* $< $@

# lua/slope.lua is embedded too, so specs can `require "slope"`, with the
# declarations of lib/*.h filled in now: the grader reads no header at run
# time, from whatever folder it runs.  Compiled from lua/slope.lua under
# gen/grader, so its error messages name lua/slope.lua.
$(BUILD)/gen/grader/lua/slope.lua: lua/slope.lua $(LIB_HDR)
	@mkdir -p $(@D)
	luajit lua/slope.lua --embed lib > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/grader/slope_lua.h: $(BUILD)/gen/grader/lua/slope.lua
	cd $(BUILD)/gen/grader && luajit -b -g -n slope lua/slope.lua slope_lua.h

# main.c and runner.c include the generated headers.
$(BUILD)/obj/grader/main.o: $(GRADER_GEN)
$(BUILD)/obj/runner/runner.o: $(BUILD)/gen/grader/runner_lua.h

$(BUILD)/obj/grader/%.o: grader/%.c $(GRADER_H) $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LUAJIT_CFLAGS) $(SECCOMP_CFLAGS) -I$(BUILD)/gen/grader -c $< -o $@

# --export-dynamic and --whole-archive: specs and callbacks reach libslope
# and libm through the ffi's C namespace of the running binary.
$(GRADER_BIN): $(GRADER_OBJ) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -Wl,--export-dynamic -o $@ $(GRADER_OBJ) \
	  -Wl,--whole-archive $(LIB_A) -Wl,--no-whole-archive \
	  $(LUAJIT_LIBS) $(SECCOMP_LIBS) -lm

# The grader finds slope-run beside itself (or at $$SLOPE_RUNNER).
$(GRADER_BIN): | $(RUNNER_BIN)

$(BUILD)/obj/runner/%.o: grader/%.c $(GRADER_H) $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(RUNNER_CFLAGS) $(LUAJIT_CFLAGS) $(SECCOMP_CFLAGS) -I$(BUILD)/gen/grader -c $< -o $@

# libm is a dependency of slope-run itself, used or not (--no-as-needed):
# student objects are linked without -lm and bind to this copy (judge.lua).
$(RUNNER_BIN): $(RUNNER_OBJ)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(RUNNER_OBJ) $(LUAJIT_LIBS) $(SECCOMP_LIBS) -Wl,--no-as-needed -lm -Wl,--as-needed

grader-e2e: $(GRADER_BIN) $(RUNNER_BIN) $(LIB_SO)
	SLOPE_GRADER=$(GRADER_BIN) sh tests/grader/e2e.sh

grader-keys: $(GRADER_BIN)
	@if ls exercises/*/spec.lua >/dev/null 2>&1; then $(GRADER_BIN) keys --exercises exercises; fi
	$(GRADER_BIN) keys --exercises $(GRADER_FIXTURES)

# A student tree has no solution.c: its exercises' keys cannot be checked.
grader-keys-check: $(GRADER_BIN)
	@for d in exercises/[0-9]*/; do d=$${d%/}; [ -f $$d/spec.lua ] || continue; \
	   if [ -f $$d/solution.c ]; then $(GRADER_BIN) keys --check --exercises exercises $${d#exercises/} || exit 1; \
	   else echo "keys: $$d: no solution.c (a student tree): not checked"; fi; \
	 done
	$(GRADER_BIN) keys --check --exercises $(GRADER_FIXTURES)

# Two busy loops for the length of the run (killed however it ends).
check-loaded: $(TEST_BIN) $(GRADER_BIN) $(RUNNER_BIN) $(LIB_SO)
	@sh -c 'while :; do :; done' & a=$$!; sh -c 'while :; do :; done' & b=$$!; \
	 trap 'kill $$a $$b 2>/dev/null' EXIT INT TERM; \
	 echo "check-loaded: two busy loops ($$a, $$b) load the cores"; \
	 SLOPE_TESTDATA=tests/golden SLOPE_GRADER=$(GRADER_BIN) CK_RUN_SUITE=grader $(TEST_BIN) && \
	 SLOPE_GRADER=$(GRADER_BIN) sh tests/grader/e2e.sh && echo "check-loaded: passed under load"
