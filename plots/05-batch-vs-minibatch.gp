# 05-batch-vs-minibatch -- the full-data loss of a linear regression after each
# epoch: batch gradient descent (one update per epoch) against mini-batch SGD
# (batches of 32, seven updates per epoch), and how far each stays above the
# best loss reachable (batch GD after many epochs).
# Data: batch-vs-minibatch.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR).
# Usage: gnuplot -c plots/05-batch-vs-minibatch.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 520
call dir."style.gp" ARG1 ARG2
file = data("batch-vs-minibatch.dat")
eval value_of(file, "floor", 0, 2, "floor")
eval value_of(file, "floor", 0, 1, "floor_epochs")
stats [*:*][*:*] file index "[losses]" using 1 nooutput
epochs = STATS_max

set multiplot layout 1, 2 margins 0.08, 0.98, 0.15, 0.80 spacing 0.09, 0 \
    title "{/:Bold Batch GD against mini-batch SGD (B = 32) on the same regression, α = 0.1}" \
    font font_big
set xlabel "epoch"
set logscale y
set xrange [0:epochs + 1]
set key top right font font_key

set title "full-data loss: mini-batches reach the floor within\na few epochs, batch GD only after about twenty"
set ylabel "mean squared error (log scale)"
set format y "%g"
plot file index "[losses]" using 1:2 with linespoints lw 2.2 pt 7 ps 0.8 lc rgb c_blue \
         title "batch GD: 1 update per epoch", \
     file index "[losses]" using 1:3 with linespoints lw 2.2 pt 5 ps 0.75 lc rgb c_orange \
         title "mini-batch: 7 updates per epoch", \
     floor with lines lw 1.5 dt (8, 5) lc rgb c_ink \
         title sprintf("floor (batch GD, %g epochs)", floor_epochs)

set title "the same, minus the floor: batch GD keeps creeping down,\nmini-batch SGD wanders at the level of its gradient noise"
set ylabel "loss − floor (log scale)"
set format y "10^{%T}"
plot file index "[losses]" using 1:($2 - floor) with linespoints lw 2.2 pt 7 ps 0.8 lc rgb c_blue \
         title "batch GD", \
     file index "[losses]" using 1:($3 - floor) with linespoints lw 2.2 pt 5 ps 0.75 \
         lc rgb c_orange title "mini-batch SGD"
unset multiplot
