# 05-ravine-zigzag -- gradient descent on the ravine L = w1^2 + 10 w2^2 at a
# rate just below its limit 2 / L (0.95 * 2 / L): the iterates swing from one
# wall of the ravine to the other while they creep along its floor.  Beside
# it, the run at 1 / L, which settles the steep direction in one step.
# Left: both paths over the contour ellipses; right: the zig-zag run's two
# coordinates against the step.
# Data: ravine-zigzag.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR).
# Usage: gnuplot -c plots/05-ravine-zigzag.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 660
call dir."style.gp" ARG1 ARG2
file = data("ravine-zigzag.dat")
stats [*:*][*:*] file index "[zigzag]" using 1 nooutput
steps = int(STATS_max)
eval value_of(file, "constants", 0, 1, "mu")
eval value_of(file, "constants", 0, 2, "L")
eval value_of(file, "constants", 0, 3, "eta_zig")
eval value_of(file, "constants", 0, 4, "eta_calm")

set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 4, 7, 10, 14
unset surface
set view map
set table $contours
splot file index "[L]" using 1:2:3 with lines
unset table
unset contour

set multiplot layout 1, 2 margins 0.07, 0.98, 0.2, 0.86 spacing 0.08, 0 \
    title sprintf("{/:Bold Gradient descent across the ravine L = w₁² + 10 w₂², %d steps from (2, 1)}", steps) \
    font font_big

set title sprintf("at α = %.3f (0.95 · 2/L) each step crosses the floor;\nat α = %.2f (1/L) the first step lands on it", \
                  eta_zig, eta_calm)
set size ratio -1
set xlabel sprintf("w₁ (along the floor, curvature %g)", mu)
set ylabel sprintf("w₂ (across, curvature %g)", L)
stats [*:*][*:*] file index "[L]" using 1:2 nooutput
set xrange [STATS_min_x:STATS_max_x]
set yrange [STATS_min_y:STATS_max_y]
unset xzeroaxis
set grid noxtics noytics
set key at screen 0.29, screen 0.01 center bottom maxrows 3 font font_key
plot $contours using 1:2 with lines lw 1 lc rgb "#9ab8d6" title "contours of L", \
     file index "[zigzag]" using 2:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb c_red \
         title sprintf("α = %.3f: zig-zag", eta_zig), \
     file index "[calm]" using 2:3 with linespoints lw 2 pt 5 ps 0.6 lc rgb c_sky \
         title sprintf("α = %.2f: down, then along", eta_calm), \
     file index "[zigzag]" every ::0::0 using 2:3 with points pt 7 ps 1.8 lc rgb c_ink \
         title "start", \
     "+" using (0):(0) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb c_ink title "minimum (0, 0)"

set title sprintf("the zig-zag run, coordinate by coordinate: w₂ changes sign\nevery step (factor %+.2f), w₁ creeps toward 0 (factor %+.2f)", \
                  1 - eta_zig * L, 1 - eta_zig * mu)
set size noratio
set xlabel "step t"
set ylabel "coordinate of w_t"
set xrange [0:steps]
set autoscale y
set grid xtics ytics
set xzeroaxis lc rgb c_grey lw 1 dt (4, 4)
set key at screen 0.77, screen 0.01 center bottom maxrows 2 font font_key
plot file index "[zigzag]" using 1:3 with linespoints lw 1.6 pt 7 ps 0.6 lc rgb c_red \
         title "w₂: across the ravine", \
     file index "[zigzag]" using 1:2 with linespoints lw 1.6 pt 5 ps 0.55 lc rgb c_purple \
         title "w₁: along the floor"
unset multiplot
