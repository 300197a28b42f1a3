# 07-bce-vs-mse -- the XOR network trained twice from the same initial weights:
# sigmoid output + MSE, and a linear output with binary cross-entropy on the
# logit.  Left: each run's training loss, every epoch (log scale), with the
# loss of the constant answer 1/2 for each; the BCE run's squared error puts
# it on the MSE run's scale.  Right: the size of the output layer's gradient.
# Data: bce.dat, written by chapters/07-backpropagation/backprop.c
#       (build/bin/07-backpropagation --data DIR; --lr, --epochs, --hidden, --seed).
# Usage: gnuplot -c plots/07-bce-vs-mse.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1240; fig_h = 560
call dir."style.gp" ARG1 ARG2
file = data("bce.dat")
eval value_of(file, "settings", 0, 1, "lr")
eval value_of(file, "settings", 0, 2, "epochs")
eval value_of(file, "settings", 0, 4, "seed")
eval value_of(file, "solved", 0, 1, "solved_mse")
eval value_of(file, "solved", 0, 2, "solved_bce")
eval value_of(file, "solved", 0, 3, "se_solved")

set multiplot title sprintf("{/:Bold The same XOR network, two losses: sigmoid + MSE against cross-entropy on the logit (η = %g, random seed %d)}", \
                            lr, seed) font font_big

set size 0.5, 0.88
set origin 0.0, 0.0
set title "training loss of every epoch (log scale); the BCE run's\nsquared error puts it on the MSE run's scale"
set xlabel "epoch"
set ylabel "loss"
set logscale y
set format y "10^{%T}"
set xrange [0:epochs]
set yrange [1e-5:1.2]
set key bottom left font font_key
set label 1 "ln 2" at graph 0.98, first log(2) * 1.25 right font font_small tc rgb c_grey
set label 2 "¼" at graph 0.98, first 0.25 * 1.25 right font font_small tc rgb c_grey
if (solved_mse >= 0) { set arrow 1 from solved_mse, graph 0 to solved_mse, graph 1 nohead dt (3, 4) lw 1.2 lc rgb c_sky }
if (solved_bce >= 0) { set arrow 2 from solved_bce, graph 0 to solved_bce, graph 1 nohead dt (3, 4) lw 1.2 lc rgb c_purple }
plot file index "[epochs]" using 1:2 with lines lw 2.5 lc rgb c_sky title "MSE network: its loss = squared error", \
     file index "[epochs]" using 1:5 with lines lw 2.5 lc rgb c_purple title "BCE network: its loss (cross-entropy)", \
     file index "[epochs]" using 1:6 with lines lw 2 dt (8, 4) lc rgb c_purple title "BCE network: its squared error", \
     0.25 with lines lw 1.5 dt (10, 6) lc rgb c_grey title "¼ and ln 2: each loss of the constant answer ½", \
     log(2) with lines lw 1.5 dt (10, 6) lc rgb c_grey notitle, \
     NaN with lines dt (3, 4) lw 1.2 lc rgb c_grey title sprintf("first epoch with squared error < %g, per run", se_solved)
unset arrow 1
unset arrow 2
unset label 1
unset label 2

set size 0.5, 0.88
set origin 0.5, 0.0
set title "the output layer's gradient, every epoch (log scale):\n‖∂L/∂W₂‖ solid, ‖∂L/∂z₂‖ dashed"
set ylabel "Euclidean norm"
set yrange [1e-3:1]
set key top right font font_key
plot file index "[epochs]" using 1:4 with lines lw 2.5 lc rgb c_sky title "MSE network, ‖∂L/∂W₂‖", \
     file index "[epochs]" using 1:8 with lines lw 2.5 lc rgb c_purple title "BCE network, ‖∂L/∂W₂‖", \
     file index "[epochs]" using 1:3 with lines lw 1.5 dt (8, 4) lc rgb c_sky title "MSE network, ‖∂L/∂z₂‖", \
     file index "[epochs]" using 1:7 with lines lw 1.5 dt (8, 4) lc rgb c_purple title "BCE network, ‖∂L/∂z₂‖"
unset multiplot
