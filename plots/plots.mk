# plots/plots.mk -- the course's figures: gnuplot draws what the chapter
# programs compute.  Included by the top-level Makefile, whose BUILD,
# CHAPTERS and CHAPTER_BIN it uses.
#
#   make figures        run every chapter program with --data into
#                       $(BUILD)/figdata/NN, then render every figure
#   make figures-check  render every figure into a temporary directory and check
#                       each one (skipped, with a message, without gnuplot)
#
# A figure is one script, plots/NN-name.gp, run as
#     gnuplot -c plots/NN-name.gp DATADIR OUTFILE
# where NN names the chapter whose program writes the data (chapters/NN-*/).
# It is rendered next to the lesson that shows it, as
#     chapters/NN-chapter/figures/NN-name.svg   (the lessons link these)
#     chapters/NN-chapter/figures/NN-name.png   (quick viewing)
# or, for a script named NN-name-anim.gp, as one animated NN-name-anim.gif.
# The rendered files are committed, so a reader of lesson.md in a markdown
# viewer sees them; rerun `make figures` after changing a chapter's program.
# Adding a figure = its script here + one data block in its chapter's program.

GNUPLOT ?= gnuplot
FIG_DATA = $(BUILD)/figdata

# fig_num,SCRIPT: its chapter number NN; fig_chapter,SCRIPT: that chapter's
# directory name; fig_out,SCRIPT,EXT: where the figure goes.
fig_num     = $(firstword $(subst -, ,$(notdir $(1))))
fig_chapter = $(filter $(call fig_num,$(1))-%,$(CHAPTERS))
fig_out     = chapters/$(call fig_chapter,$(1))/figures/$(basename $(notdir $(1))).$(2)

# A script whose chapter has no program yet is left out, with a warning,
# rather than breaking every other target.
FIG_ALL    = $(sort $(wildcard plots/[0-9][0-9]-*.gp))
FIG_SRC    = $(foreach s,$(FIG_ALL),$(if $(call fig_chapter,$(s)),$(s)))
$(foreach s,$(filter-out $(FIG_SRC),$(FIG_ALL)),\
  $(warning plots: $(s) left out: no chapters/$(call fig_num,$(s))-*/ program yet))
FIG_STATIC = $(filter-out %-anim.gp,$(FIG_SRC))
FIG_ANIM   = $(filter %-anim.gp,$(FIG_SRC))

FIG_OUT = $(foreach s,$(FIG_STATIC),$(call fig_out,$(s),svg) $(call fig_out,$(s),png)) \
          $(foreach s,$(FIG_ANIM),$(call fig_out,$(s),gif))
FIG_NUMS = $(sort $(foreach s,$(FIG_SRC),$(call fig_num,$(s))))

.PHONY: figures figures-check
figures: $(FIG_OUT)
	@echo "figures: $(words $(FIG_OUT)) files under chapters/*/figures/"

# One run of a chapter program writes all of its figures' data; the stamp
# records that run, so each figure depends on its program through it.
define fig_data_rule
$(FIG_DATA)/$(1)/.stamp: $(BUILD)/bin/$(2)
	@mkdir -p $$(@D)
	$(BUILD)/bin/$(2) --data $$(@D) > /dev/null
	@touch $$@
endef
$(foreach n,$(FIG_NUMS),$(eval $(call fig_data_rule,$(n),$(filter $(n)-%,$(CHAPTERS)))))

# gnuplot writes into a temporary name first, so a failed render never leaves
# a half-written figure behind in the tree.
define fig_render_rule
$(call fig_out,$(1),$(2)): $(1) plots/style.gp $(FIG_DATA)/$(call fig_num,$(1))/.stamp | fig-gnuplot
	@mkdir -p $$(@D)
	$(GNUPLOT) -c $(1) $(FIG_DATA)/$(call fig_num,$(1)) $$(@D)/.tmp-$$(@F) \
	  || { rm -f $$(@D)/.tmp-$$(@F); exit 1; }
	@mv $$(@D)/.tmp-$$(@F) $$@
endef
$(foreach s,$(FIG_STATIC),$(eval $(call fig_render_rule,$(s),svg)))
$(foreach s,$(FIG_STATIC),$(eval $(call fig_render_rule,$(s),png)))
$(foreach s,$(FIG_ANIM),$(eval $(call fig_render_rule,$(s),gif)))

.PHONY: fig-gnuplot
fig-gnuplot:
	@command -v $(GNUPLOT) >/dev/null || { echo "figures: gnuplot not found" >&2; \
	  echo "HINT: run 'make deps' (Debian package gnuplot-nox)" >&2; exit 1; }

# Render everything afresh into a temporary directory, then check each file:
# present and non-empty, every SVG well-formed XML with plotted paths in it,
# every PNG and GIF with its format's signature; and every figure a lesson
# links exists in the tree.
figures-check: $(sort $(foreach n,$(FIG_NUMS),$(BUILD)/bin/$(filter $(n)-%,$(CHAPTERS))))
	@if ! command -v $(GNUPLOT) >/dev/null; then \
	   echo "figures-check: skipped, gnuplot is not installed (Debian package gnuplot-nox)"; \
	   exit 0; fi; \
	 tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	 for n in $(FIG_NUMS); do \
	   mkdir -p $$tmp/data/$$n && \
	   $(BUILD)/bin/$$(for c in $(CHAPTERS); do case $$c in $$n-*) echo $$c;; esac; done) \
	     --data $$tmp/data/$$n > /dev/null || exit 1; \
	 done && \
	 for s in $(FIG_SRC); do \
	   b=$$(basename $$s .gp); n=$${b%%-*}; \
	   case $$b in *-anim) exts=gif;; *) exts="svg png";; esac; \
	   for e in $$exts; do \
	     $(GNUPLOT) -c $$s $$tmp/data/$$n $$tmp/$$b.$$e 2> $$tmp/err || \
	       { cat $$tmp/err >&2; echo "figures-check: $$s failed to render $$b.$$e" >&2; exit 1; }; \
	   done; \
	 done && \
	 sh plots/check-figures.sh $$tmp $(FIG_SRC) && \
	 sh plots/check-links.sh chapters/[0-9]*/lesson.md
