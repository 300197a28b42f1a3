# plots/style.gp -- the one look of every figure of the course.
#
# A figure script, run as `gnuplot -c plots/NN-name.gp DATADIR OUTFILE`, sets
# its size and hands its two arguments on to this file first:
#
#     fig_w = 1200; fig_h = 420           # pixels (an animation: also fig_delay)
#     call dir."style.gp" ARG1 ARG2
#
# OUTFILE's extension picks the terminal (.svg for the lessons and the web,
# .png for quick viewing, .gif for an animation), and data(NAME) names the file
# NAME of DATADIR.  The grader's figures use this file the same way.
#
# Colours: the eight of Okabe and Ito ("Color Universal Design", 2002), which
# stay distinct under the common colour-vision deficiencies and in grey print.
# They carry the same meaning in every chapter:
#   c_ink     the function itself, f or the loss L
#   c_green   its first derivative f', gradients pointing downhill
#   c_orange  its second derivative f'', curvature
#   c_blue    "up": rising, concave up, a minimum, positive
#   c_red     "down": falling, concave down, a maximum, negative; divergence
#   c_sky, c_purple, c_yellow   further series (runs, optimizers, batches)

if (ARGC < 2 || strlen(ARG1) == 0 || strlen(ARG2) < 5) {
    print "usage: gnuplot -c plots/NN-name.gp DATADIR OUTFILE.{svg,png,gif}"
    exit status 2
}
fig_data = ARG1
fig_out = ARG2

set encoding utf8

c_ink    = "#1a1a1a"
c_blue   = "#0072B2"
c_red    = "#D55E00"
c_green  = "#009E73"
c_orange = "#E69F00"
c_sky    = "#56B4E9"
c_purple = "#CC79A7"
c_yellow = "#F0E442"
c_grey   = "#8c8c8c"
c_grid   = "#e3e3e3"
# the same colours as numbers, for `lc rgb variable` (a colour chosen per point)
ci_blue = 0x0072B2; ci_red = 0xD55E00; ci_green = 0x009E73; ci_ink = 0x1a1a1a

# ---- the terminal, from OUTFILE's extension -----------------------------------
# Sizes are given in SVG pixels; cairo and libgd measure fonts in points at
# 96 dpi, so their sizes are scaled by 0.75 to print text the same size.
if (!exists("fig_w")) fig_w = 800
if (!exists("fig_h")) fig_h = 500
if (!exists("fig_delay")) fig_delay = 12
fig_ext = fig_out[strlen(fig_out) - 3:]
fig_font_scale = fig_ext eq ".svg" ? 1.0 : 0.75
# font_size(N): a font of N SVG pixels, as `font (font_size(N))`; and the
# usual three: figure titles, keys, labels written into a plot
font_size(n) = sprintf(",%g", n * fig_font_scale)
font_big = font_size(17)
font_key = font_size(13)
font_small = font_size(12)
if (fig_ext eq ".svg") {
    # a white background keeps the figure readable in a viewer's dark mode
    set terminal svg size fig_w, fig_h enhanced font "sans-serif,15" \
        linewidth 1.2 background rgb "white"
} else {
    if (fig_ext eq ".png") {
        set terminal pngcairo size fig_w, fig_h enhanced font "sans,11.25" pointscale 1.3 \
            linewidth 1.2 background rgb "white"
    } else {
        if (fig_ext eq ".gif") {
            set terminal gif animate delay fig_delay loop 0 optimize \
                size fig_w, fig_h enhanced font "DejaVuSans,11.25" background rgb "white"
        } else {
            print "error: ".fig_out.": the output must end in .svg, .png or .gif"
            exit status 2
        }
    }
}
set output fig_out

# data(NAME): the data file NAME written by the chapter program into DATADIR
data(name) = fig_data."/".name

# value_of(FILE, BLOCK, ROW, COL, VAR): a command that sets VAR to the number
# in column COL of row ROW (from 0) of the block "[BLOCK]"; run it with eval.
value_of(f, b, r, c, v) = sprintf('stats [*:*][*:*] "%s" index "[%s]" every ::%d::%d using %d nooutput; %s = STATS_max', \
                                  f, b, r, r, c, v)
# text_of: the same for a word in the data (a verdict such as "min").
text_of(f, b, r, c, v) = sprintf('stats [*:*][*:*] "%s" index "[%s]" every ::%d::%d using (%s = strcol(%d), 0) nooutput', \
                                 f, b, r, r, v, c)

# ---- lines, text, grid ----------------------------------------------------------
set linetype 1 lc rgb c_ink    lw 2 pt 7 ps 0.9
set linetype 2 lc rgb c_blue   lw 2 pt 7 ps 0.9
set linetype 3 lc rgb c_red    lw 2 pt 7 ps 0.9
set linetype 4 lc rgb c_green  lw 2 pt 7 ps 0.9
set linetype 5 lc rgb c_orange lw 2 pt 7 ps 0.9
set linetype 6 lc rgb c_sky    lw 2 pt 7 ps 0.9
set linetype 7 lc rgb c_purple lw 2 pt 7 ps 0.9
set linetype 8 lc rgb c_yellow lw 2 pt 7 ps 0.9
set linetype cycle 8

set border 3 lc rgb "#555555" lw 1
set tics nomirror out scale 0.6 textcolor rgb "#333333"
set grid xtics ytics lc rgb c_grid lw 1 dt solid
set grid back
set key noautotitle box lc rgb "#cccccc" opaque Left reverse samplen 2.5 spacing 1.15 \
    textcolor rgb "#222222"
set style fill transparent solid 0.22 noborder
set style arrow 1 head filled size screen 0.012, 20 lw 2
set title textcolor rgb "#111111"
set xzeroaxis lc rgb c_grey lw 1 dt (4, 4)
# diverging colours for heights: below zero red, above blue (surfaces, heat maps)
set palette defined (0 c_red, 0.5 "#f7f7f7", 1 c_blue)
# (stats takes the ranges [*:*][*:*] in every call above and in the scripts,
# so a range set for the previous panel never filters the data being read)
