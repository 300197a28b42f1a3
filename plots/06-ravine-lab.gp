# 06-ravine-lab -- the zig-zag of gradient descent at 0.95 * 2/L on the
# ravine L = w1^2 + 10 w2^2, against tuned heavy-ball momentum, tuned
# Nesterov (both forms) and Adam: left, the paths over the contour ellipses;
# right, the distance to the minimum against the step on a log scale.
# Data: ravine-lab.dat, written by chapters/06-optimizers/optimizers.c
#       (build/bin/06-optimizers --data DIR).
# Usage: gnuplot -c plots/06-ravine-lab.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1280; fig_h = 620
call dir."style.gp" ARG1 ARG2
file = data("ravine-lab.dat")

array key[5] = ["gd", "heavy", "nesterov", "lookahead", "adam"]
array label[5] = ["GD  0.95 · 2/L", "heavy ball, tuned", "Nesterov, classical (θ)", \
                  "Nesterov, look-ahead (φ)", "Adam  α = 0.1"]
array colour[5] = [c_red, c_blue, c_green, c_sky, c_purple]
array marker[5] = [7, 5, 9, 8, 13]

set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 4, 7, 11, 14
unset surface
set view map
set table $contours
splot file index "[L 10 0]" using 1:2:3 with lines
unset table
unset contour

set key at screen 0.5, screen 0.01 center bottom maxrows 2 font font_key width -2
set multiplot title "{/:Bold The zig-zag and its cures on the ravine L = w₁² + 10 w₂², from (2, 1)}" \
    font font_big

# left: the first 40 steps over the contours, on equal axes
set size 0.56, 0.80
set origin 0.0, 0.13
set title "paths over the contours of L (first 40 steps)"
set size ratio -1
set xlabel "w₁"
set ylabel "w₂"
set xrange [-0.9:2.4]
set yrange [-1.5:1.2]
set grid noxtics noytics
plot $contours using 1:2 with lines lw 1 lc rgb "#b5c9de" notitle, \
     for [k = 1:5] file index "[lab 10 0 ".key[k]."]" every ::0::40 using 2:3 with linespoints \
         lw 1.6 pt marker[k] ps 0.5 lc rgb colour[k] title label[k], \
     "+" using (0):(0) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb c_ink title "minimum (0, 0)"

# right: the distance to the minimum on a log scale
set size 0.44, 0.80
set origin 0.56, 0.13
set size noratio
set title "distance to the minimum ||w_t|| (log scale)"
set xlabel "step t"
set ylabel "||w_t||"
set xrange [0:100]
set yrange [1e-12:10]
set logscale y
set format y "10^{%T}"
set grid xtics ytics
unset key
plot for [k = 1:5] file index "[lab 10 0 ".key[k]."]" using 1:4 with lines \
         lw 1.8 lc rgb colour[k]
unset multiplot
