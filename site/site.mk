# site/site.mk -- the course as a static website.  Included by the top-level
# Makefile, whose BUILD, CHAPTERS, LIB_SRC, LIB_HDR and CHAPTER_BIN it uses.
#
#   make site          render every page into $(BUILD)/site/ (open index.html)
#   make site-check    check the filter's rewrites on site/check/filter-cases.md,
#                      then open every page in headless Chromium and check it
#                      (console, requests, math, images, links, live figures,
#                      phone width), compare each live figure's readout with
#                      its chapter program, print the budgets, and save
#                      screenshots under $(BUILD)/site-check/
#
# The pages: index.html (README.md), NN-name.html (each lesson),
# exercise-NN-name.html (each exercise statement) and library.html (lib/*.h).
# pandoc renders them with our template, stylesheet and Lua filter; site/gen.lua
# writes the navigation and the library page.  The live figures call libslope
# compiled to WebAssembly ($(BUILD)/wasm/slope.wasm) from the same lib/*.c,
# embedded as base64 in a script so the site also works from file://.

SITE      = $(BUILD)/site
SITE_SRC  = $(BUILD)/site-src
SITE_SHOT = $(BUILD)/site-check
PANDOC   ?= pandoc
NODE     ?= node
CHROMIUM ?= chromium
WASM_CC  ?= clang
# The site's own Debian packages beyond those of the top-level DEPS: woff2
# (the math font as WOFF2) and gifsicle (the animations, optimized).
DEPS += woff2 gifsicle

SITE_EXERCISES = $(patsubst exercises/%/README.md,%,$(sort $(wildcard exercises/[0-9]*/README.md)))
SITE_IDS   = index $(CHAPTERS) $(SITE_EXERCISES:%=exercise-%) library
SITE_PAGES = $(SITE_IDS:%=$(SITE)/%.html)
SITE_ASSETS = $(SITE)/assets/style.css $(SITE)/assets/widgets.js $(SITE)/assets/slope-wasm.js \
              $(SITE)/assets/math.woff2
# The formulas' font, shipped with the site so every reader sees the same
# typesetting: TeX Gyre DejaVu Math (GUST Font License), from Debian's
# fonts-texgyre-math; it matches the text's DejaVu and has MathML's stretchy
# brackets and big operators.  Served as WOFF2 (woff2_compress, Debian's
# woff2: the same font, Brotli-compressed, 525 KB -> 266 KB), since every page
# with a formula loads it.
SITE_MATH_FONT ?= /usr/share/texmf/fonts/opentype/public/tex-gyre-math/texgyredejavu-math.otf
SITE_FILTER = site/filters/course.lua
SITE_TMPL   = site/template.html

# each page's source, by its id
site_src = $(if $(filter index,$(1)),README.md,$(if $(filter library,$(1)),$(SITE_SRC)/library.md,\
           $(if $(filter exercise-%,$(1)),exercises/$(1:exercise-%=%)/README.md,chapters/$(1)/lesson.md)))

PANDOC_FLAGS = -f markdown -t html5 --mathml --standalone --template $(SITE_TMPL) \
               --lua-filter $(SITE_FILTER) --toc --toc-depth 2 --wrap none

.PHONY: site site-pages site-check
# Timed: the budget is 30 s for the whole site on 2 cores.  Recorded in
# $(SITE_SRC)/full-build when every page was rebuilt: the wall clock and the
# CPU time of all the processes (on a shared machine the wall clock also
# counts the other users; CPU / 2 is what two idle cores need).
site: deps
	@mkdir -p $(SITE_SRC) && touch $(SITE_SRC)/.started && t0=$$(date +%s%N); \
	 $(MAKE) --no-print-directory -s -j$(or $(SITE_JOBS),2) site-pages || exit 1; \
	 t1=$$(date +%s%N); \
	 times > $(SITE_SRC)/times; \
	 cpu=$$(tail -n 1 $(SITE_SRC)/times | awk 'function s(t) { sub(/s$$/, "", t); split(t, a, "m"); return a[1] * 60 + a[2] } \
	                                 { printf "%d", 1000 * (s($$1) + s($$2)) }'); \
	 n=$$(find $(SITE) -name '*.html' -newer $(SITE_SRC)/.started | wc -l); \
	 ms=$$(( (t1 - t0) / 1000000 )); \
	 echo "site: $(words $(SITE_PAGES)) pages in $(SITE)/ ($$n rebuilt in $$ms ms, $$cpu ms of CPU); open $(SITE)/index.html"; \
	 if [ $$n = $(words $(SITE_PAGES)) ]; then echo "$$ms $$cpu" > $(SITE_SRC)/full-build; fi

site-pages: $(SITE_PAGES) site-figures $(SITE_ASSETS)

# The navigation (one metadata file per page) and the library page; gen.lua
# rewrites a file only when its content changes, so a page is re-rendered
# only when its own navigation did.
SITE_GEN_IN = site/gen.lua README.md $(CHAPTERS:%=chapters/%/lesson.md) \
              $(SITE_EXERCISES:%=exercises/%/README.md) $(LIB_HDR)
$(SITE_SRC)/.gen: $(SITE_GEN_IN)
	@mkdir -p $(@D)
	luajit site/gen.lua $(SITE_SRC) --chapters $(CHAPTERS) --exercises $(SITE_EXERCISES) \
	  --headers $(LIB_HDR)
	@touch $@
$(SITE_SRC)/library.md $(SITE_IDS:%=$(SITE_SRC)/%.yaml): $(SITE_SRC)/.gen
	@:

# One page: pandoc, then refuse any formula that did not become MathML (pandoc
# leaves it as TeX in a span.math and only warns).
define site_page_rule
$(SITE)/$(1).html: $(call site_src,$(1)) $(SITE_SRC)/$(1).yaml $(SITE_FILTER) $(SITE_TMPL)
	@mkdir -p $$(@D)
	$(PANDOC) $(PANDOC_FLAGS) --metadata-file $(SITE_SRC)/$(1).yaml -o $$@ $$< 2> $(SITE_SRC)/$(1).log; \
	  r=$$$$?; cat $(SITE_SRC)/$(1).log >&2; [ $$$$r = 0 ] || { rm -f $$@; exit 1; }
	@# \big ... \Bigg: pandoc sizes the fence as minsize="1.8" stretchy="false",
	@# which MathML Core ignores; a stretchy fence with sizes in em keeps them.
	sed -i 's/minsize="\([0-9.]*\)" maxsize="\([0-9.]*\)" stretchy="false"/minsize="\1em" maxsize="\2em" stretchy="true"/g' $$@
	@if grep -q 'class="math' $$@; then \
	   echo "site: $$<: a formula is left as raw TeX (pandoc could not convert it):" >&2; \
	   grep -o 'class="math[^>]*>[^<]*' $$@ | head -3 >&2; \
	   echo "HINT: rewrite it with commands texmath knows, or teach site/filters/course.lua to" >&2; \
	   rm -f $$@; exit 1; fi
endef
$(foreach p,$(SITE_IDS),$(eval $(call site_page_rule,$(p))))

# chapters/NN-name/figures/F -> figures/NN-name/F (the filter rewrites the
# links).  Copied when newer, not by a rule per file: plots/plots.mk knows how
# to redraw the figures, and the site must show them as committed, not redraw
# them.  An SVG goes through site/svgmin.lua (gnuplot's repeated groups
# merged, drawn the same: chapter 04's surfaces 810 KB -> 573 KB); an
# animated GIF goes through gifsicle -O3 (Debian's gifsicle): gnuplot
# writes every frame whole, gifsicle keeps only what changes from the frame
# before, losslessly (chapter 05's animation: 603 KB -> 84 KB).
.PHONY: site-figures
site-figures:
	@for c in $(CHAPTERS); do [ -d chapters/$$c/figures ] || continue; \
	   mkdir -p $(SITE)/figures/$$c && \
	   for f in chapters/$$c/figures/*.svg; do t=$(SITE)/figures/$$c/$${f##*/}; \
	     [ -e "$$f" ] || continue; [ "$$t" -nt "$$f" ] && [ "$$t" -nt site/svgmin.lua ] && continue; \
	     luajit site/svgmin.lua "$$f" "$$t" || exit 1; done; \
	   for f in chapters/$$c/figures/*.gif; do t=$(SITE)/figures/$$c/$${f##*/}; \
	     [ -e "$$f" ] || continue; [ "$$t" -nt "$$f" ] && continue; \
	     gifsicle -O3 "$$f" -o "$$t" || exit 1; done; \
	 done

$(SITE)/assets/math.woff2: $(SITE_MATH_FONT)
	@mkdir -p $(@D)
	@rm -f $(SITE_SRC)/math.otf $(SITE_SRC)/math.woff2
	cp $< $(SITE_SRC)/math.otf
	woff2_compress $(SITE_SRC)/math.otf > $(SITE_SRC)/woff2.log 2>&1 || { cat $(SITE_SRC)/woff2.log >&2; exit 1; }
	mv $(SITE_SRC)/math.woff2 $@

$(SITE)/assets/%: site/%
	@mkdir -p $(@D)
	cp $< $@

# --- libslope in WebAssembly ---------------------------------------------------
# The same sources and -ffp-contract=off as the native library, for wasm32 with
# wasi-libc; a "reactor" module (no main) exporting the functions of
# site/wasm/widgets.c.  The browser loads it from base64 in slope-wasm.js,
# because file:// pages may not fetch().
WASM        = $(BUILD)/wasm/slope.wasm
# lib/ is held to -Werror by the native build; here its warnings show, and
# only this directory's own code must be free of them.
WASM_CFLAGS = --target=wasm32-wasi -std=c17 $(filter-out -Werror,$(WARN)) -ffp-contract=off -O2 -Ilib
WASM_LDFLAGS = -mexec-model=reactor -Wl,--strip-all -Wl,--gc-sections
# The chapter-local files that print a table both the program and a live
# figure show (the Makefile lists them once).
WASM_SHARED = $(CHAPTER_SHARED)
WASM_SHARED_HDR = $(WASM_SHARED:.c=.h)
WASM_OBJ    = $(LIB_SRC:lib/%.c=$(BUILD)/wasm/obj/%.o) $(BUILD)/wasm/obj/widgets.o \
              $(patsubst %.c,$(BUILD)/wasm/obj/ch/%.o,$(notdir $(WASM_SHARED)))
$(BUILD)/wasm/obj/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -c $< -o $@
$(BUILD)/wasm/obj/widgets.o: site/wasm/widgets.c $(LIB_HDR) $(WASM_SHARED_HDR)
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -Werror $(addprefix -I,$(dir $(WASM_SHARED))) -c $< -o $@
# held to -Werror: the native build holds them to it too
define wasm_shared_rule
$(BUILD)/wasm/obj/ch/$(notdir $(1:.c=.o)): $(1) $(1:.c=.h) $(LIB_HDR)
	@mkdir -p $$(@D)
	$$(WASM_CC) $$(WASM_CFLAGS) -Werror -c $$< -o $$@
endef
$(foreach f,$(WASM_SHARED),$(eval $(call wasm_shared_rule,$(f))))
$(WASM): $(WASM_OBJ)
	$(WASM_CC) --target=wasm32-wasi $(WASM_LDFLAGS) -o $@ $^ -lm

$(SITE)/assets/slope-wasm.js: $(WASM)
	@mkdir -p $(@D)
	{ printf '/* libslope compiled to WebAssembly (site/wasm/widgets.c), base64 */\nvar SLOPE_WASM_BASE64 = "'; \
	  base64 -w0 $<; printf '";\n'; } > $@

# --- the browser check -----------------------------------------------------------
# Skipped under SAN=1 (the sanitizers do not reach the browser or the wasm).
ifeq ($(SAN),1)
site-check:
	@echo "site-check: skipped under SAN=1 (run plain make check for the browser checks)"
else
site-check: site $(CHAPTER_BIN)
	@sh site/check/filter-cases.sh $(PANDOC) $(SITE_FILTER)
	@rm -rf $(SITE_SHOT) && mkdir -p $(SITE_SHOT)
	$(NODE) site/check/site-check.js --site $(SITE) --bin $(BUILD)/bin --out $(SITE_SHOT) \
	  --chromium $(CHROMIUM) --wasm $(WASM) --build-file $(SITE_SRC)/full-build
endif
