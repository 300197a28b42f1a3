#!/bin/sh
# site/check/filter-cases.sh PANDOC FILTER -- render site/check/filter-cases.md
# with the site's Lua filter and check every rewrite it must make.  Exit 0
# when all hold, 1 naming the first that does not.
set -u
pandoc=${1:?usage: filter-cases.sh PANDOC FILTER}
filter=${2:?usage: filter-cases.sh PANDOC FILTER}
out=$("$pandoc" -f markdown -t html5 --mathml --wrap none --lua-filter "$filter" site/check/filter-cases.md 2>/dev/null) || {
    echo "filter-cases: pandoc failed on site/check/filter-cases.md" >&2; exit 1; }
n=0
want() { # want DESCRIPTION FIXED-STRING
    n=$((n + 1))
    printf '%s' "$out" | grep -qF -- "$2" || {
        echo "filter-cases: $1: no '$2' in the HTML" >&2
        echo "HINT: pandoc $filter site/check/filter-cases.md -t html5 --mathml shows the output" >&2
        exit 1; }
}
unwanted() { # unwanted DESCRIPTION FIXED-STRING
    n=$((n + 1))
    if printf '%s' "$out" | grep -qF -- "$2"; then
        echo "filter-cases: $1: '$2' is in the HTML" >&2; exit 1; fi
}
unwanted "every formula is MathML" 'class="math'
want "\\Bigl[ ... \\Bigr]_a^b becomes stretchy fences" 'minsize="1.8" maxsize="1.8"'
want "a formula closed after a space" '<annotation encoding="application/x-tex">\infty - \infty =</annotation>'
want "money stays text" '$5 and $6 stay money'
want "a lesson's link" 'href="01-derivatives.html"'
want "an exercise's link keeps its anchor" 'href="exercise-05-learning-rate.html#the-edges"'
want "a chapter's second exercise has its page" 'href="exercise-06b-nesterov.html"'
want "the README is the index" 'href="index.html"'
unwanted "a file with no page is not linked" 'check_main.c"'
want "a code span naming an exercise links it" '<a href="exercise-05-learning-rate.html"><code>exercises/05-learning-rate/</code></a>'
want "a code span naming a second exercise links it" '<a href="exercise-08b-power-iteration.html"><code>exercises/08b-power-iteration/</code></a>'
want "a code span naming a header links the library" '<a href="library.html#lib-deriv"><code>lib/deriv.h</code></a>'
want "a figure is served from figures/" 'src="figures/01-derivatives/01-error-curve.svg"'
unwanted "the title heading leaves the body" '<h1'
echo "filter-cases: $n rewrites of the site's filter hold"
