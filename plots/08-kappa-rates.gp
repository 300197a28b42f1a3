# 08-kappa-rates -- the experiment of section 5 at every step: the distance to the
# optimum of gradient descent (step 1/L) on 0.5 x^T diag(1, kappa) x for the
# two condition numbers, on a log scale, with the strongly convex bound of the
# lesson's section 4 (on the distance: its square root) and the tighter
# factor (1 - 1/kappa)^k that holds on a quadratic.
# Data: kappa-rates.dat, written by chapters/08-convexity-convergence/convergence.c
#       (build/bin/08-convexity-convergence --data DIR; --kappa1, --kappa2,
#       --x0, --y0, --steps).
# Usage: gnuplot -c plots/08-kappa-rates.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1240; fig_h = 580
call dir."style.gp" ARG1 ARG2
file = data("kappa-rates.dat")
eval value_of(file, "kappas", 0, 1, "k1")
eval value_of(file, "kappas", 0, 2, "k2")
stats [*:*][*:*] file index "[distances]" using 1 nooutput
steps = int(STATS_max)
eval value_of(file, "start", 0, 1, "x0")
eval value_of(file, "start", 0, 2, "y0")

set multiplot layout 1, 2 margins 0.08, 0.98, 0.23, 0.77 spacing 0.08, 0 \
    title "{/:Bold Distance to the optimum: the same descent, two condition numbers}\n".\
    sprintf("gradient descent with step 1/L on ½ xᵀ diag(1, κ) x from (%g, %g)", x0, y0) \
    font font_big
set xlabel "step k"
set xrange [0:steps]
# one key, under both panels: the line styles mean the same in both
set key at screen 0.5, screen 0.01 center bottom maxrows 2 font font_key width -3

set title sprintf("both runs, log scale: factor 1 − 1/κ = %g per step for κ = %g, %g for κ = %g", \
                  1 - 1/k1, k1, 1 - 1/k2, k2)
set logscale y
set format y "10^{%T}"
set ylabel "‖x_k − x*‖"
plot file index "[distances]" using 1:2 with linespoints lw 2.5 pt 7 ps 0.6 lc rgb c_blue \
         title sprintf("κ = %g, measured", k1), \
     file index "[distances]" using 1:5 with linespoints lw 2.5 pt 5 ps 0.55 lc rgb c_red \
         title sprintf("κ = %g, measured", k2), \
     file index "[distances]" using 1:4 with lines lw 1.8 dt (2, 3) lc rgb c_blue notitle, \
     file index "[distances]" using 1:7 with lines lw 1.8 dt (2, 3) lc rgb c_red notitle, \
     file index "[distances]" using 1:3 with lines lw 1.8 dt (9, 5) lc rgb c_blue notitle, \
     file index "[distances]" using 1:6 with lines lw 1.8 dt (9, 5) lc rgb c_red notitle, \
     NaN with lines lw 1.8 dt (2, 3) lc rgb c_ink title "(1 − 1/κ)^k ‖x₀‖: the factor on a quadratic", \
     NaN with lines lw 1.8 dt (9, 5) lc rgb c_ink title "√((1 − μ/L)^k) ‖x₀‖: the bound of section 4"

set title sprintf("κ = %g up close, linear scale: below both lines at every step", k2)
unset logscale y
set format y "%g"
set yrange [0:*]
unset key
plot file index "[distances]" using 1:5 with linespoints lw 2.5 pt 5 ps 0.55 lc rgb c_red, \
     file index "[distances]" using 1:7 with lines lw 1.8 dt (2, 3) lc rgb c_red, \
     file index "[distances]" using 1:6 with lines lw 1.8 dt (9, 5) lc rgb c_red
unset multiplot
