# 05-lr-regimes -- four learning rates on L(w) = (w - 3)^2, as small
# multiples: the iterate w_t (top) and the loss (bottom, log scale) per step.
# Data: lr-regimes.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR; --x0 and --steps set the runs).
# Usage: gnuplot -c plots/05-lr-regimes.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1280; fig_h = 640
call dir."style.gp" ARG1 ARG2
file = data("lr-regimes.dat")

array lr[4]; array wmin[4]; array colour[4] = [c_sky, c_green, c_orange, c_red]
do for [k = 1:4] {
    eval value_of(file, sprintf("run %d", k - 1), 0, 4, "lr[k]")
    stats [*:*][*:*] file index sprintf("[curve %d]", k - 1) using 1:2 nooutput
    wmin[k] = STATS_pos_min_y
}
# what the factor 1 - 2 lr does to w - 3 at every step
regime(f) = abs(f) >= 1 ? "diverges" : (f < 0 ? "overshoots, converges" : \
            (f > 0.9 ? "creeps" : "converges"))
# one loss scale for the four runs, so their speeds compare
stats [*:*][*:*] file index "[run 0]" using 3 nooutput
lmax = STATS_max; lmin = STATS_min
do for [k = 2:4] {
    stats [*:*][*:*] file index sprintf("[run %d]", k - 1) using 3 nooutput
    lmax = STATS_max > lmax ? STATS_max : lmax
    lmin = STATS_min < lmin ? STATS_min : lmin
}
lmin = lmin > 0 ? lmin : 1e-300

set multiplot layout 2, 4 margins 0.07, 0.98, 0.11, 0.77 spacing 0.05, 0.09 \
    title "{/:Bold Gradient descent on L(w) = (w − 3)² at four learning rates}\n".\
          "each step multiplies w − 3 by 1 − 2α" font font_big
unset key
unset xzeroaxis
set offsets 0, 0, graph 0.08, graph 0.08
do for [k = 1:4] {
    f = 1 - 2 * lr[k]
    set title sprintf("α = %g: %s\n1 − 2α = %+.2f", lr[k], regime(f), f)
    set xlabel ""
    set ylabel k == 1 ? "w_t" : ""
    unset logscale y
    set format y "%g"
    set yrange [*:*]
    set offsets 0, 0, graph 0.08, graph 0.08
    plot wmin[k] with lines lw 1.2 dt (6, 4) lc rgb c_grey, \
         file index sprintf("[run %d]", k - 1) using 1:2 with linespoints lw 2 pt 7 ps 0.45 \
             lc rgb colour[k]
}
do for [k = 1:4] {
    unset title
    set offsets 0, 0, 0, 0
    set xlabel "step t"
    set ylabel k == 1 ? "L(w_t), log scale" : ""
    set logscale y
    set format y "10^{%T}"
    set yrange [lmin:lmax * 10]
    plot file index sprintf("[run %d]", k - 1) using 1:3 with linespoints lw 2 pt 7 ps 0.45 \
             lc rgb colour[k]
}
unset multiplot
