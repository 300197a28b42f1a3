# 05-schedules -- SGD on section 5's regression under four learning-rate
# schedules: the mean squared distance to the minimum over 100 runs (left)
# and the rates themselves (right); the constant rate stalls at its noise
# ball, 1/t keeps converging.
# Data: schedules.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR).
# Usage: gnuplot -c plots/05-schedules.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 520
call dir."style.gp" ARG1 ARG2
file = data("schedules.dat")
eval value_of(file, "ball", 0, 1, "ball")

set multiplot layout 1, 2 margins 0.08, 0.98, 0.15, 0.80 spacing 0.09, 0 \
    title "{/:Bold Four learning-rate schedules from the rate 0.2, batch 4, 100 runs each}" \
    font font_big
names = "constant 1/t step cosine"
cols = "c_blue c_red c_green c_orange"
set xlabel "step t (log scale)"
set logscale xy
set format y "10^{%T}"
set xrange [1:20000]
set key bottom left font font_key

set title "mean |p_t − p*|^2: the constant rate stalls at its\nnoise ball, 1/t keeps falling"
set ylabel "mean squared distance (log scale)"
plot for [k = 1:4] file index "[runs]" using 1:(column(k + 1)) with lines lw 2.2 \
         lc rgb value(word(cols, k)) title word(names, k), \
     ball with lines lw 1.5 dt (8, 5) lc rgb c_ink title "noise ball tr C"

set title "the rates α_t"
set ylabel "learning rate (log scale)"
set yrange [1e-5:1]
set key bottom left
plot for [k = 1:4] file index "[runs]" using 1:(column(k + 5)) with lines lw 2.2 \
         lc rgb value(word(cols, k)) title word(names, k)
unset multiplot
