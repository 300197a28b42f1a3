# 08-accel-kappa -- iterations to shrink the distance to the optimum by 1e-8
# against the condition number kappa, for gradient descent (step 1/L),
# tuned heavy-ball momentum and Nesterov's method, on quadratics with 8
# eigenvalues log-spaced in [1, kappa]; on log-log axes, with the fitted
# power laws c kappa^p.
# Data: accel-kappa.dat, written by chapters/08-convexity-convergence/convergence.c
#       (build/bin/08-convexity-convergence --data DIR).
# Usage: gnuplot -c plots/08-accel-kappa.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 900; fig_h = 640
call dir."style.gp" ARG1 ARG2
file = data("accel-kappa.dat")
eval value_of(file, "fit", 0, 1, "p_gd")
eval value_of(file, "fit", 0, 2, "c_gd")
eval value_of(file, "fit", 1, 1, "p_hb")
eval value_of(file, "fit", 1, 2, "c_hb")
eval value_of(file, "fit", 2, 1, "p_nag")
eval value_of(file, "fit", 2, 2, "c_nag")

set title "{/:Bold Iterations to 10^{-8} against the condition number}" font font_big
set logscale xy
set format x "10^{%T}"
set format y "10^{%T}"
set xrange [7:14000]
set yrange [10:500000]
set xlabel "κ = L / μ"
set ylabel "iterations until ||x_k|| ≤ 10^{-8} ||x_0||"
set grid xtics ytics mxtics mytics
set key top left font font_key
plot file index "[iterations]" using 1:2 with points pt 7 ps 1.3 lc rgb c_red \
         title sprintf("gradient descent, step 1/L:  fitted slope %.3f", p_gd), \
     c_gd * x**p_gd with lines lw 1.5 dt 2 lc rgb c_red notitle, \
     file index "[iterations]" using 1:3 with points pt 5 ps 1.2 lc rgb c_blue \
         title sprintf("heavy ball, tuned:  fitted slope %.3f", p_hb), \
     c_hb * x**p_hb with lines lw 1.5 dt 2 lc rgb c_blue notitle, \
     file index "[iterations]" using 1:4 with points pt 9 ps 1.4 lc rgb c_green \
         title sprintf("Nesterov, tuned:  fitted slope %.3f", p_nag), \
     c_nag * x**p_nag with lines lw 1.5 dt 2 lc rgb c_green notitle
