# 05-bowl-path -- gradient descent at learning rate 0.1 on the elliptical bowl
# L = (w1 - 2)^2 + 4 (w2 - 1)^2, drawn over its contour ellipses.
# Data: bowl-path.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR).
# Usage: gnuplot -c plots/05-bowl-path.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 820; fig_h = 640
call dir."style.gp" ARG1 ARG2
file = data("bowl-path.dat")
eval value_of(file, "path", 0, 2, "a1")
eval value_of(file, "path", 0, 3, "a2")
stats [*:*][*:*] file index "[path]" using 1 nooutput
steps = int(STATS_max)

set contour base
set cntrparam levels auto 10
unset surface
set view map
set table $contours
splot file index "[L]" using 1:2:3 with lines
unset table
unset contour

set title sprintf("{/:Bold Gradient descent on the elliptical bowl L = (w₁ − 2)² + 4(w₂ − 1)²}\n").\
    sprintf("%d steps at α = 0.1 from (%g, %g): down the steep walls first, then along the floor", \
            steps, a1, a2)
set size ratio -1
set xlabel "w₁"
set ylabel "w₂"
stats [*:*][*:*] file index "[L]" using 1:2 nooutput
set xrange [STATS_min_x:STATS_max_x]
set yrange [STATS_min_y:STATS_max_y]
unset xzeroaxis
set grid noxtics noytics
set key at screen 0.5, screen 0.015 center bottom maxrows 2 font font_key
set bmargin 7.5
plot $contours using 1:2 with lines lw 1 lc rgb "#9ab8d6" title "contours of L", \
     file index "[path]" using 2:3 with linespoints lw 2.2 pt 7 ps 0.8 lc rgb c_red \
         title "w_t, one point per step", \
     file index "[path]" every ::0::0 using 2:3 with points pt 7 ps 1.8 lc rgb c_ink \
         title "start", \
     file index "[minimum]" using 1:2 with points pt 3 ps 2.2 lw 2 lc rgb c_ink \
         title "minimum (2, 1)"
