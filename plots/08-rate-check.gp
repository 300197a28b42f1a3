# 08-rate-check -- the three rate bounds of the lesson's section 4 against
# gradient descent with step 1/L, at every step: f - f* on the convex
# r^4/(1 + r^2), the squared distance on the strongly convex ravine
# 0.5 x^T diag(1, kappa2) x, and the smallest squared gradient so far on the
# non-convex sin(x) + y^2/20, each beside its bound, on a log scale.
# Data: rate-check.dat, written by chapters/08-convexity-convergence/convergence.c
#       (build/bin/08-convexity-convergence --data DIR; --x0, --y0, --steps,
#       --step-factor, --kappa2).
# Usage: gnuplot -c plots/08-rate-check.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1320; fig_h = 500
call dir."style.gp" ARG1 ARG2
file = data("rate-check.dat")
eval value_of(file, "settings", 0, 1, "x0")
eval value_of(file, "settings", 0, 2, "y0")
eval value_of(file, "settings", 0, 3, "factor")
eval value_of(file, "settings", 0, 4, "kappa2")
eval value_of(file, "worst", 0, 1, "w1")
eval value_of(file, "worst", 0, 2, "w2")
eval value_of(file, "worst", 0, 3, "w3")
stats [*:*][*:*] file index "[steps]" using 1 nooutput
steps = int(STATS_max)

set multiplot layout 1, 3 margins 0.06, 0.98, 0.22, 0.80 spacing 0.06, 0 \
    title "{/:Bold Three rate bounds against the runs they bound, at every step}\n".\
    sprintf("gradient descent with step %g/L from (%g, %g); the worst ratio measured / bound is in each title", \
            factor, x0, y0) font font_big
set xlabel "step k"
set xrange [0:steps]
set logscale y
set format y "10^{%T}"
# one key, under the three panels: the line styles mean the same in each
set key at screen 0.5, screen 0.01 center bottom maxrows 1 font font_key width 2

set title sprintf("convex: f − f* on r⁴/(1 + r²)\nworst ratio %.3g", w1)
plot file index "[steps]" using 1:2 with linespoints lw 2.5 pt 7 ps 0.5 lc rgb c_ink, \
     file index "[steps]" using 1:3 with lines lw 1.8 dt (9, 5) lc rgb c_ink, \
     NaN with linespoints lw 2.5 pt 7 ps 0.5 lc rgb c_ink title "measured", \
     NaN with lines lw 1.8 dt (9, 5) lc rgb c_ink title "its bound (section 4)"
unset key
set title sprintf("strongly convex: ‖x − x*‖² on ½ xᵀ diag(1, %g) x\nworst ratio %.3g", kappa2, w2)
plot file index "[steps]" using 1:4 with linespoints lw 2.5 pt 7 ps 0.5 lc rgb c_ink, \
     file index "[steps]" using 1:5 with lines lw 1.8 dt (9, 5) lc rgb c_ink
set title sprintf("non-convex: smallest ‖∇f‖² so far on sin x + y²/20\nworst ratio %.3g", w3)
plot file index "[steps]" using 1:6 with linespoints lw 2.5 pt 7 ps 0.5 lc rgb c_ink, \
     file index "[steps]" using 1:7 with lines lw 1.8 dt (9, 5) lc rgb c_ink
unset multiplot
