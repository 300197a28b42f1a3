# 04-newton-saddle -- Newton's method and gradient descent from the same start
# on the double well f(x, y) = (x^2 - 1)^2 + y^2: Newton's step goes to the
# nearest stationary point, here the saddle at the origin; gradient descent
# goes downhill, to the minimum at (1, 0).
# Data: newton.dat, written by chapters/04-jacobian-hessian/jacobian_hessian.c
#       (build/bin/04-jacobian-hessian --data DIR; --well-x, --well-y, --well-lr).
# Usage: gnuplot -c plots/04-newton-saddle.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1000; fig_h = 760
call dir."style.gp" ARG1 ARG2
file = data("newton.dat")
eval value_of(file, "settings", 0, 1, "sx")
eval value_of(file, "settings", 0, 2, "sy")
eval value_of(file, "settings", 0, 3, "lr")

set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 1.5, 2, 3, 4, 6
unset surface
set view map
set table $contours
splot file index "[grid]" using 1:2:3 with lines
unset table
unset contour
set surface

set title sprintf("{/:Bold Newton's method stops at the saddle; gradient descent reaches a minimum}\n{/=14 f(x, y) = (x² − 1)² + y², both from (%g, %g), gradient descent at η = %g}", \
                  sx, sy, lr) font font_big
set xlabel "x"
set ylabel "y"
set size ratio -1
set xrange [-1.5:1.5]
set yrange [-1:1]
set key at screen 0.5, screen 0.015 center bottom horizontal maxrows 2 font font_key
set bmargin 8
set grid noxtics noytics
plot $contours using 1:2 with lines lw 1 lc rgb "#b5c9de" notitle, \
     file index "[paths]" every ::0::100 using 4:5 with linespoints lw 2 pt 7 ps 0.6 lc rgb c_green \
         title "gradient descent, 100 steps", \
     file index "[paths]" every ::0::5 using 2:3 with linespoints lw 2.2 pt 5 ps 1.1 lc rgb c_orange \
         title "Newton's method, 5 steps", \
     "+" using (0):(0) every ::0::0 with points pt 3 ps 3 lw 2.5 lc rgb c_red title "saddle (0, 0)", \
     "+" using (-1):(0) every ::0::0 with points pt 6 ps 2.5 lw 2.5 lc rgb c_blue title "minima (±1, 0)", \
     "+" using (1):(0) every ::0::0 with points pt 6 ps 2.5 lw 2.5 lc rgb c_blue notitle, \
     "+" using (sx):(sy) every ::0::0 with points pt 7 ps 1.8 lc rgb c_ink title "the start"
