# exercises/dist.mk -- the student distribution, included by the top-level
# Makefile (which defines BUILD, VERSION and GRADER_BIN).
#
#   make dist-student   $(BUILD)/slope-student-$(VERSION).tar.gz: chapters,
#                       lib, grader, lua, plots, tests, exercises with their
#                       statements, starters, specs and public keys; no
#                       solution.c and no keys/hidden.txt
#   make dist-check     build it, check that no answer is inside, unpack it
#                       in a temporary directory, build the grader there and
#                       grade a starter with it (it must run and fail) and a
#                       reference solution (it must pass the public cases);
#                       DIST_FULL=1 also runs `make check` in the unpacked tree

DIST_NAME    = slope-student-$(VERSION)
DIST_TARBALL = $(BUILD)/$(DIST_NAME).tar.gz

.PHONY: dist-student dist-check
dist-student:
	@sh exercises/dist-student.sh $(DIST_TARBALL) $(VERSION)

dist-check: dist-student
	@sh exercises/dist-check.sh $(DIST_TARBALL) $(DIST_NAME) $(if $(DIST_FULL),full,quick)
