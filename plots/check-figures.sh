#!/bin/sh
# check-figures.sh DIR SCRIPT... -- check the figures that the scripts rendered
# into DIR (plots/plots.mk's figures-check does the rendering): each one is
# present and non-empty; an SVG is well-formed XML (xmllint when installed,
# else its first and last tags) and draws data, i.e. one of gnuplot's plot
# groups (<g id="gnuplot_plot_...">) holds a path with line segments; a PNG or
# GIF starts with its format's signature.  Prints one line per problem and
# exits 1 if there was any.
dir=$1
shift
bad=0
fail() { echo "figures-check: $1" >&2; bad=1; }

check_svg() {
    if command -v xmllint >/dev/null 2>&1; then
        xmllint --noout "$1" 2>/dev/null || fail "$1 is not well-formed XML"
    else
        head -c 200 "$1" | grep -q '<svg\|<?xml' && tail -c 20 "$1" | grep -q '</svg>' \
            || fail "$1 does not look like a complete SVG document"
    fi
    # depth counts the <g> groups open inside the current plot group
    awk '/<g id="gnuplot_plot_/ { inplot = 1; depth = 0 }
         inplot && /<path/ && / d=.*L/ { drawn++ }
         inplot { line = $0; depth += gsub(/<g[ >]/, "", line) - gsub(/<\/g>/, "", line)
                  if (depth <= 0) inplot = 0 }
         END { exit drawn > 0 ? 0 : 1 }' "$1" || fail "$1 has no plotted paths"
}

for script in "$@"; do
    base=$(basename "$script" .gp)
    case $base in
        *-anim) outs="$dir/$base.gif" ;;
        *) outs="$dir/$base.svg $dir/$base.png" ;;
    esac
    for f in $outs; do
        if [ ! -s "$f" ]; then
            fail "$script made no $(basename "$f"), or an empty one"
            continue
        fi
        case $f in
            *.svg) check_svg "$f" ;;
            *.png) [ "$(head -c 4 "$f" | tail -c 3)" = PNG ] || fail "$f is not a PNG image" ;;
            *.gif) [ "$(head -c 6 "$f")" = GIF89a ] || fail "$f is not a GIF image" ;;
        esac
    done
done
[ $bad = 0 ] && echo "figures-check: $# figure scripts render, every output checked"
exit $bad
