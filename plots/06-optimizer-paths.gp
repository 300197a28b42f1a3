# 06-optimizer-paths -- SGD, momentum, RMSProp and Adam at the seed's settings
# on the ravine L = w1^2 + 10 w2^2 from (2, 1): their paths over the contours,
# and their losses against the step on a log scale.
# Data: optimizer-paths.dat, written by chapters/06-optimizers/optimizers.c
#       (build/bin/06-optimizers --data DIR).
# Usage: gnuplot -c plots/06-optimizer-paths.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1280; fig_h = 600
call dir."style.gp" ARG1 ARG2
file = data("optimizer-paths.dat")
stats [*:*][*:*] file index "[path sgd]" using 1 nooutput
steps = int(STATS_max)

array opt[4] = ["sgd", "momentum", "rmsprop", "adam"]
array label[4] = ["SGD  α = 0.05", "momentum  α = 0.05, β = 0.9", \
                  "RMSProp  α = 0.05, β = 0.9", "Adam  α = 0.1, β₁ = 0.9, β₂ = 0.999"]
array colour[4] = [c_blue, c_red, c_green, c_purple]
array marker[4] = [7, 5, 9, 13]

set contour base
set cntrparam levels discrete 0.05, 0.2, 0.5, 1, 2, 4, 7, 11, 14
unset surface
set view map
set table $contours
splot file index "[L]" using 1:2:3 with lines
unset table
unset contour

# one key for both panels, under them
set key at screen 0.5, screen 0.01 center bottom maxrows 2 font font_key width -2
set multiplot title sprintf("{/:Bold Four optimizers on the ravine L = w₁² + 10 w₂², %d steps from (2, 1)}", \
                            steps) font font_big

# left: the paths, on equal axes so the ravine keeps its shape
set size 0.56, 0.80
set origin 0.0, 0.12
set title "paths over the contours of L"
set size ratio -1
set xlabel "w₁"
set ylabel "w₂"
stats [*:*][*:*] file index "[L]" using 1:2 nooutput
set xrange [STATS_min_x:STATS_max_x]
set yrange [STATS_min_y:STATS_max_y]
unset xzeroaxis
set grid noxtics noytics
plot $contours using 1:2 with lines lw 1 lc rgb "#b5c9de", \
     for [k = 1:4] file index "[path ".opt[k]."]" using 2:3 with linespoints \
         lw 1.8 pt marker[k] ps 0.55 lc rgb colour[k] title label[k], \
     file index "[path sgd]" every ::0::0 using 2:3 with points pt 7 ps 1.8 lc rgb c_ink \
         title "start (2, 1)", \
     "+" using (0):(0) every ::0::0 with points pt 3 ps 2.2 lw 2 lc rgb c_ink \
         title "minimum (0, 0)"

# right: the losses on a log scale
set size 0.44, 0.80
set origin 0.56, 0.12
set size noratio
set title "loss against step (log scale)"
set xlabel "step t"
set ylabel "L(w_t)"
set xrange [0:steps]
set autoscale y
set logscale y
set format y "10^{%T}"
set grid xtics ytics
unset key
plot for [k = 1:4] file index "[path ".opt[k]."]" using 1:4 with linespoints \
         lw 1.8 pt marker[k] ps 0.45 lc rgb colour[k]
unset multiplot
