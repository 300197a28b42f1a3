# 06-ravine-turned -- Adam against tuned heavy-ball momentum on the ravine
# u^2 + 100 v^2, with (u, v) the coordinates (w1, w2) turned by 0 and by 45
# degrees, each started at (u, v) = (2, 1): Adam's per-coordinate scaling
# helps only while the ravine lies along the axes; momentum's path turns
# with the ravine.  Left and middle: the paths over the contours (clipped:
# the tuned heavy ball's first swings reach |w| = 3); right: the distance to
# the minimum against the step, where the two heavy-ball runs coincide.
# Data: ravine-lab.dat, written by chapters/06-optimizers/optimizers.c
#       (build/bin/06-optimizers --data DIR).
# Usage: gnuplot -c plots/06-ravine-turned.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1500; fig_h = 600
call dir."style.gp" ARG1 ARG2
file = data("ravine-lab.dat")

array angle[2] = ["0", "45"]
set contour base
set cntrparam levels discrete 0.5, 2, 5, 10, 25, 50, 100
unset surface
set view map
set table $c0
splot file index "[L 100 0]" using 1:2:3 with lines
unset table
set table $c45
splot file index "[L 100 45]" using 1:2:3 with lines
unset table
unset contour

set key at screen 0.5, screen 0.01 center bottom maxrows 1 font font_key width -2
set multiplot layout 1, 3 title "{/:Bold The same ravine u² + 100 v², 100 steps from (u, v) = (2, 1): aligned, and turned by 45°}" \
    font font_big margins 0.05, 0.98, 0.17, 0.86 spacing 0.07

set size ratio -1
set xrange [-2.6:2.6]
set yrange [-2.6:2.6]
set xlabel "w₁"
set ylabel "w₂"
set grid noxtics noytics
# one panel per angle; the contour tables are datablocks, named literally
panel(a) = sprintf("[lab 100 %s ", angle[a])
set title "aligned (turned by 0°)"
plot $c0 using 1:2 with lines lw 1 lc rgb "#b5c9de" notitle, \
     file index panel(1)."heavy]" using 2:3 with linespoints lw 1.6 pt 5 ps 0.45 lc rgb c_blue \
         title "heavy ball, tuned", \
     file index panel(1)."adam]" using 2:3 with linespoints lw 1.6 pt 13 ps 0.45 lc rgb c_purple \
         title "Adam  α = 0.1", \
     "+" using (0):(0) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb c_ink title "minimum"
set title "turned by 45°"
unset key
plot $c45 using 1:2 with lines lw 1 lc rgb "#b5c9de" notitle, \
     file index panel(2)."heavy]" using 2:3 with linespoints lw 1.6 pt 5 ps 0.45 lc rgb c_blue, \
     file index panel(2)."adam]" using 2:3 with linespoints lw 1.6 pt 13 ps 0.45 lc rgb c_purple, \
     "+" using (0):(0) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb c_ink
set title "distance to the minimum (log scale)"
set size noratio
set xrange [0:100]
set yrange [1e-6:10]
set logscale y
set format y "10^{%T}"
set xlabel "step t"
set ylabel "||w_t||"
set grid xtics ytics
set key inside bottom left font font_small maxrows 4 opaque
plot file index panel(1)."heavy]" using 1:4 with lines lw 3 lc rgb c_blue title "heavy ball, 0°", \
     file index panel(2)."heavy]" using 1:4 with lines lw 1.5 dt 2 lc rgb c_ink title "heavy ball, 45°", \
     file index panel(1)."adam]" using 1:4 with lines lw 2 lc rgb c_purple title "Adam, 0°", \
     file index panel(2)."adam]" using 1:4 with lines lw 2 dt 2 lc rgb c_purple title "Adam, 45°"
unset multiplot
