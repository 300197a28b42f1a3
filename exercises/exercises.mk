# exercises.mk -- the course's practice exercises, checked end to end;
# included by the top-level Makefile.
#
#   make exercises-check        every exercise in exercises/ (each directory
#                               with a spec.lua), one target per exercise,
#                               so `make -j` checks them in parallel:
#   make exercises-check-05-learning-rate      one of them
#
# For each exercise:
#   - solution.c and starter.c compile warning-free with the project's flags
#     (exercise.h included first, as the grader includes it);
#   - `grader check --hidden` passes solution.c on every case (exit 0);
#   - `grader check --hidden` fails starter.c (exit 1) with wrong answers
#     only: a crash, a time-out, a missing function or a compile error in
#     the starter (or exit 2/3, a spec or grader failure) fails the check.
#   - every edge rule the statement's table lists (rows "| E<k> | ... |
#     cases |") names existing cases, public or hidden as it says, and each
#     mutants/E<k>-*.patch (a diff to solution.c that breaks that rule alone) fails some of
#     the rule's cases and no other, all of them together (edge-rules.lua).
# In a student tree (no solution.c, no keys/hidden.txt, no mutants/) the
# solution is not checked, the starter is graded on the public cases only,
# and only the edge rules' public case numbers are checked.
# The answer keys themselves are compared with solution.c by
# `make grader-keys-check` (grader/grader.mk).  The grader's reports are
# kept in $(BUILD)/exercises/NAME.{solution,starter}.txt.

EXERCISES         = $(patsubst exercises/%/spec.lua,%,$(wildcard exercises/*/spec.lua))
EXERCISE_CHECKS   = $(EXERCISES:%=exercises-check-%)
EXERCISE_REPORTS  = $(BUILD)/exercises
EXERCISE_GRADE    = $(GRADER_BIN) check $* exercises/$*/$(1) $(2) --no-progress --exercises exercises

# The student distribution has no solution.c: the messages say so rather
# than report on solutions that are not there.
EXERCISE_SOLUTIONS = $(wildcard $(EXERCISES:%=exercises/%/solution.c))

.PHONY: exercises-check $(EXERCISE_CHECKS)
exercises-check: $(EXERCISE_CHECKS)
	@echo "exercises-check: $(words $(EXERCISES)) exercises: $(strip \
	  $(if $(filter $(words $(EXERCISES)),$(words $(EXERCISE_SOLUTIONS))), \
	    every solution passes$(comma) every starter fails cleanly, \
	  $(if $(EXERCISE_SOLUTIONS), \
	    every solution.c present passes ($(words $(EXERCISE_SOLUTIONS)))$(comma) every starter fails cleanly \
	    ($(words $(filter-out $(EXERCISE_SOLUTIONS:exercises/%/solution.c=%),$(EXERCISES))) have no solution.c), \
	    every starter fails cleanly (no reference solutions in this distribution)))); every edge rule is checked by its cases"

# $* is the exercise's directory name; `grader check` accepts it as is.
$(EXERCISE_CHECKS): exercises-check-%: $(GRADER_BIN)
	@mkdir -p $(EXERCISE_REPORTS)
	@for f in exercise.h spec.lua starter.c README.md keys/public.txt; do \
	   [ -f exercises/$*/$$f ] || { echo "exercises-check: $*: exercises/$*/$$f is missing" >&2; exit 1; }; \
	 done
	@for f in solution.c starter.c; do [ -f exercises/$*/$$f ] || continue; \
	   $(CC) -std=c17 $(WARN) -Werror -O2 -c -include exercises/$*/exercise.h \
	     exercises/$*/$$f -o /dev/null || { echo "exercises-check: $*: $$f does not compile cleanly" >&2; exit 1; }; \
	 done
	@r=$(EXERCISE_REPORTS)/$*.solution.txt; rm -f $$r; [ -f exercises/$*/solution.c ] || exit 0; \
	 [ -f exercises/$*/keys/hidden.txt ] || { echo "exercises-check: $*: keys/hidden.txt is missing" >&2; exit 1; }; \
	 rc=0; $(call EXERCISE_GRADE,solution.c,--hidden) > $$r 2>&1 || rc=$$?; \
	 if [ $$rc -ne 0 ]; then \
	   cat $$r >&2; echo "exercises-check: $*: solution.c: exit $$rc, want 0 (every case passes, hidden ones included)" >&2; exit 1; \
	 fi; \
	 if grep -q '^The compiler warns' $$r; then \
	   cat $$r >&2; echo "exercises-check: $*: solution.c: the grader's compiler warns" >&2; exit 1; \
	 fi
	@r=$(EXERCISE_REPORTS)/$*.starter.txt; rc=0; \
	 $(call EXERCISE_GRADE,starter.c,$$([ -f exercises/$*/keys/hidden.txt ] && echo --hidden)) > $$r 2>&1 || rc=$$?; \
	 if [ $$rc -ne 1 ]; then \
	   cat $$r >&2; echo "exercises-check: $*: starter.c: exit $$rc, want 1 (it runs and fails)" >&2; exit 1; \
	 fi; \
	 if ! grep -q '^Score: .* -- wrong answer' $$r; then \
	   cat $$r >&2; echo "exercises-check: $*: starter.c must fail with wrong answers only (no crash, time-out, missing function or compile error)" >&2; exit 1; \
	 fi; \
	 if grep -q '^The compiler warns' $$r; then \
	   cat $$r >&2; echo "exercises-check: $*: starter.c: the grader's compiler warns" >&2; exit 1; \
	 fi
	@luajit exercises/edge-rules.lua --grader $(GRADER_BIN) --exercises exercises $* > $(EXERCISE_REPORTS)/$*.edges.txt
	@starter=$$(sed -n 's/^Score: \([^ ]*\) -- .*/\1/p' $(EXERCISE_REPORTS)/$*.starter.txt); \
	 edges=$$(sed -n 's/^edge-rules: [^:]*: //p' $(EXERCISE_REPORTS)/$*.edges.txt); \
	 if [ -f $(EXERCISE_REPORTS)/$*.solution.txt ]; then \
	   echo "exercises-check: $*: $$(sed -n 's/^Score: \(.*\) -- passed$$/\1/p' $(EXERCISE_REPORTS)/$*.solution.txt) for solution.c, $$starter for starter.c; $$edges"; \
	 else echo "exercises-check: $*: starter fails cleanly, $$starter (no reference solution in this distribution); $$edges"; fi
