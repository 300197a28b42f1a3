# 03-gradient-arrows -- the gradient field of the bowl L = w1^2 + w2^2: the
# negative gradient at a grid of points over the contour circles, and the
# uphill and downhill arrows at a chosen point.
# Data: gradient-arrows.dat, written by chapters/03-gradients/gradients.c
#       (build/bin/03-gradients --data DIR; --w1 and --w2 move the point).
# Usage: gnuplot -c plots/03-gradient-arrows.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 760; fig_h = 820
call dir."style.gp" ARG1 ARG2
file = data("gradient-arrows.dat")
eval value_of(file, "point", 0, 1, "w1")
eval value_of(file, "point", 0, 2, "w2")
eval value_of(file, "point", 0, 4, "g1")
eval value_of(file, "point", 0, 5, "g2")

# the contour lines of L, traced by gnuplot from the program's grid
set contour base
set cntrparam levels auto 8
unset surface
set view map
set table $contours
splot file index "[L]" using 1:2:3 with lines
unset table
unset contour

set title sprintf("{/:Bold The gradient of L = w₁² + w₂² points straight uphill}\n").\
    sprintf("at (%g, %g): ∇L = (%g, %g); −∇L aims at the minimum", w1, w2, g1, g2)
set size ratio -1
set xlabel "w₁"
set ylabel "w₂"
stats [*:*][*:*] file index "[L]" using 1:2 nooutput
set xrange [STATS_min_x:STATS_max_x]
set yrange [STATS_min_y:STATS_max_y]
set key at screen 0.5, screen 0.015 center bottom maxrows 3 font font_key
set bmargin 9
unset xzeroaxis
set grid noxtics noytics
plot $contours using 1:2 with lines lw 1 lc rgb "#9ab8d6" title "contours of L", \
     file index "[field]" using 1:2:3:4 with vectors head filled size screen 0.008, 25 lw 1.3 lc rgb c_green \
         title "−∇L on a grid (length ∝ |∇L|)", \
     file index "[point]" using 1:2:6:7 with vectors head filled size screen 0.016, 25 lw 3.5 lc rgb c_red title "∇L: steepest ascent", \
     file index "[point]" using 1:2:(-$6):(-$7) with vectors head filled size screen 0.016, 25 lw 3.5 lc rgb c_green \
         title "−∇L: steepest descent", \
     file index "[point]" using 1:2 with points pt 7 ps 1.2 lc rgb c_ink title "the chosen point", \
     file index "[point]" using (0):(0) with points pt 3 ps 2 lw 2 lc rgb c_ink title "minimum (0, 0)"
