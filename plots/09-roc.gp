# 09-roc -- the ROC curve of the lesson's classifier (100 Beta(5, 2) scores,
# noisy labels): the exact curve, a staircase, with the area under it shaded
# (the trapezoid rule over its vertices is exact), the curve of a grid of
# thresholds against it, and a close-up of where the two part.
# Data: roc.dat, written by chapters/09-integration-auc/integration.c
#       (build/bin/09-integration-auc --data DIR; --seed, --thresholds).
# Usage: gnuplot -c plots/09-roc.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1240; fig_h = 720
call dir."style.gp" ARG1 ARG2
file = data("roc.dat")
eval value_of(file, "auc", 0, 1, "exact")
eval value_of(file, "auc", 0, 2, "grid")
eval value_of(file, "auc", 0, 3, "nt")

set multiplot title sprintf("{/:Bold ROC curve of 100 random scores: AUC = %.4f exact, %.4f from the %d-threshold grid}", \
                            exact, grid, nt) font font_big
set key at screen 0.5, screen 0.01 center bottom maxrows 2 font font_key width -2
set xlabel "false-positive rate FPR"
set ylabel "true-positive rate TPR"
set size ratio -1
set grid noxtics noytics
unset xzeroaxis

set size 0.5, 0.84
set origin 0.0, 0.09
set title "the exact curve is a staircase; the trapezoids under it\nadd up to the exact area"
set xrange [0:1]
set yrange [0:1]
set xtics 0.2
set ytics 0.2
plot file index "[exact]" using 1:2 with filledcurves y=0 lc rgb c_blue \
         title sprintf("area under the exact curve = %.8f", exact), \
     x with lines lw 1.5 dt (6, 4) lc rgb c_grey title "chance (area ½)", \
     file index "[exact]" using 1:2 with lines lw 2.2 lc rgb c_blue title "exact ROC", \
     file index "[grid]" using 2:3 with lines lw 1.6 lc rgb c_red \
         title sprintf("ROC on the grid of %d thresholds: AUC %.8f", nt, grid)

# the close-up: the lower left, where the high scores and their shared bins lie
set size 0.5, 0.84
set origin 0.5, 0.09
set title "close-up: where a bin of the grid holds a positive and a negative,\nits curve cuts a diagonal across the staircase"
unset key
set xrange [0:0.35]
set yrange [0:0.55]
set xtics 0.05
set ytics 0.05
plot file index "[exact]" using 1:2 with filledcurves y=0 lc rgb c_blue notitle, \
     file index "[exact]" using 1:2 with linespoints lw 2.2 pt 7 ps 0.6 lc rgb c_blue notitle, \
     file index "[grid]" using 2:3 with linespoints lw 1.6 pt 6 ps 1.1 lc rgb c_red notitle
unset multiplot
