# 05-descent-anim -- the seed's animation: a ball rolling down L(w) = (w - 3)^2
# by gradient descent at four learning rates, one frame per step.
# Data: lr-regimes.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR; --x0 and --steps set the runs).
# Usage: gnuplot -c plots/05-descent-anim.gp DATADIR OUT.gif   (an animated GIF)

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 860; fig_h = 620; fig_delay = 15
call dir."style.gp" ARG1 ARG2
file = data("lr-regimes.dat")

array lr[4]; array last[4]; array colour[4] = [c_sky, c_green, c_orange, c_red]
array xlo[4]; array xhi[4]; array ytop[4]
do for [k = 1:4] {
    run = sprintf("[run %d]", k - 1)
    eval value_of(file, sprintf("run %d", k - 1), 0, 4, "lr[k]")
    stats [*:*][*:*] file index run using 1 nooutput
    last[k] = int(STATS_max)
    stats [*:*][*:*] file index sprintf("[curve %d]", k - 1) using 1:2 nooutput
    xlo[k] = STATS_min_x; xhi[k] = STATS_max_x; ytop[k] = STATS_max_y
}
frames = last[1]
do for [k = 2:4] { frames = last[k] > frames ? last[k] : frames }
regime(f) = abs(f) >= 1 ? "diverges" : (f < 0 ? "overshoots, converges" : \
            (f > 0.9 ? "creeps" : "converges"))

unset key
unset xzeroaxis
set format y "%.0s%c"
do for [t = 0:frames] {
    set multiplot layout 2, 2 margins 0.08, 0.98, 0.08, 0.86 spacing 0.08, 0.14 \
        title sprintf("{/:Bold Gradient descent on L(w) = (w − 3)²}   step %d", t) font font_big
    do for [k = 1:4] {
        tk = t < last[k] ? t : last[k]
        set title sprintf("α = %g: %s", lr[k], regime(1 - 2 * lr[k]))
        set xrange [xlo[k]:xhi[k]]
        set yrange [-0.06 * ytop[k]:ytop[k]]
        set xlabel "w"
        set ylabel "L(w)"
        run = sprintf("[run %d]", k - 1)
        plot file index sprintf("[curve %d]", k - 1) using 1:2 with lines lt 1 lw 2, \
             file index run every ::0::tk using 2:3 with linespoints lw 1.2 pt 7 ps 0.5 \
                 lc rgb colour[k], \
             file index run every ::tk::tk using 2:3 with points pt 7 ps 2.2 lc rgb colour[k]
    }
    unset multiplot
}
