# 07-xor -- training the 2-4-1 sigmoid network on XOR: the loss of every
# epoch on a log scale (the plateau at 1/4, then the fall), and what the trained
# network answers over the whole unit square, with the four training rows.
# Data: xor.dat, written by chapters/07-backpropagation/backprop.c
#       (build/bin/07-backpropagation --data DIR; --lr, --epochs, --hidden, --seed).
# Usage: gnuplot -c plots/07-xor.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1240; fig_h = 560
call dir."style.gp" ARG1 ARG2
file = data("xor.dat")
eval value_of(file, "settings", 0, 1, "lr")
eval value_of(file, "settings", 0, 2, "epochs")
eval value_of(file, "settings", 0, 3, "hidden")
eval value_of(file, "settings", 0, 4, "seed")
stats [*:*][*:*] file index "[loss]" using 2 nooutput
last_loss = STATS_max
eval value_of(file, "loss", int(epochs) - 1, 2, "last_loss")

# the decision boundary, output = 1/2, as a curve for the heat map
set contour base
set cntrparam levels discrete 0.5
unset surface
set view map
set table $boundary
splot file index "[output]" using 1:2:3 with lines
unset table
unset contour
set surface

set multiplot title sprintf("{/:Bold Backpropagation learns XOR: a 2 → %d → 1 sigmoid network, η = %g, random seed %d}", \
                            hidden, lr, seed) font font_big

# left: the loss of every epoch
set size 0.5, 0.88
set origin 0.0, 0.0
set title "MSE over the four rows, every epoch (log scale):\na long plateau at the constant answer ½, then the fall"
set xlabel "epoch"
set ylabel "loss"
set logscale y
set format y "%g"
set xrange [0:epochs]
set yrange [*:0.5]
set key bottom left font font_key
plot file index "[loss]" using 1:2 with lines lw 2.5 lc rgb c_ink title "loss of each epoch", \
     0.25 with lines lw 1.5 dt (8, 5) lc rgb c_grey title "¼: the loss of answering ½ everywhere", \
     file index "[loss]" every ::(int(epochs) - 1)::(int(epochs) - 1) using 1:2 with points \
         pt 7 ps 1.4 lc rgb c_red title sprintf("epoch %d: %.6f", epochs - 1, last_loss)

# right: the trained network's answer over the unit square
set size 0.5, 0.88
set origin 0.5, 0.0
unset logscale y
set format y "%g"
set title "the trained network's output a₂ over the unit square,\nwith the dashed line where a₂ = ½"
set xlabel "x₁"
set ylabel "x₂"
set size ratio -1
set xrange [-0.06:1.06]
set yrange [-0.06:1.06]
set xtics 0.2
set ytics 0.2
set grid noxtics noytics
unset xzeroaxis
set cbrange [0:1]
set cbtics 0.25
set colorbox user origin 0.935, 0.14 size 0.015, 0.6
set cblabel "a₂"
unset key
set style fill solid 1.0
set style textbox opaque fillcolor rgb "white" border lc rgb "#999999"
# each row's target and the network's answer, next to its point
plot file index "[output]" using 1:2:3 with image, \
     $boundary using 1:2 with lines lw 2 dt (6, 4) lc rgb c_ink, \
     file index "[rows]" using 1:2 with points pt 7 ps 2.6 lc rgb "white", \
     file index "[rows]" using 1:2:($3 > 0.5 ? ci_blue : ci_red) with points pt 7 ps 2 \
         lc rgb variable, \
     file index "[rows]" using ($1 < 0.5 ? $1 + 0.08 : NaN):2:(sprintf("y = %g, a₂ = %.3f", $3, $4)) \
         with labels left font font_key tc rgb c_ink boxed, \
     file index "[rows]" using ($1 > 0.5 ? $1 - 0.08 : NaN):2:(sprintf("y = %g, a₂ = %.3f", $3, $4)) \
         with labels right font font_key tc rgb c_ink boxed
unset multiplot
