# 08-edge-of-stability -- full-batch gradient descent on a 1 -> 16 -> 1 tanh
# network fitting sin(3x): the sharpness (lambda_max of the Hessian, by
# power iteration on Hessian-vector products) rises during training until it
# reaches 2/eta, and then hovers there while the loss keeps falling,
# unevenly.  Left: sharpness for three rates, with their lines 2/eta;
# middle: the losses; right: a rate too large for the start, reached at
# once (it diverges) or by a linear warm-up, with the moving line 2/eta_t.
# Data: edge-of-stability.dat, written by chapters/08-convexity-convergence/convergence.c
#       (build/bin/08-convexity-convergence --data DIR).
# Usage: gnuplot -c plots/08-edge-of-stability.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1500; fig_h = 600
call dir."style.gp" ARG1 ARG2
file = data("edge-of-stability.dat")
array eta[4]
do for [i = 1:4] { eval value_of(file, "rates", 0, i, sprintf("eta[%d]", i)) }
array colour[3] = [c_blue, c_green, c_red]

set multiplot layout 1, 3 title "{/:Bold Sharpness during full-batch training of a small tanh network: the edge of stability}" \
    font font_big margins 0.05, 0.98, 0.14, 0.86 spacing 0.07

set title "sharpness λ_{max} and the lines 2/η"
set xlabel "step"
set ylabel "λ_{max} of the Hessian"
set xrange [0:6000]
set yrange [0:22]
set grid xtics ytics
set key bottom right font font_key
plot for [i = 1:3] file index sprintf("[eos %d]", i) using 1:2 with lines lw 1.8 lc rgb colour[i] \
         title sprintf("η = %g", eta[i]), \
     for [i = 1:3] 2 / eta[i] with lines lw 1.2 dt 2 lc rgb colour[i] notitle

set title "loss (log scale)"
set ylabel "mean squared error"
set logscale y
set format y "10^{%T}"
set yrange [1e-5:1]
unset key
plot for [i = 1:3] file index sprintf("[eos %d]", i) using 1:3 with lines lw 1.5 lc rgb colour[i]

set title sprintf("η = %g at once, or warmed up over 1000 steps", eta[4])
set xrange [0:2000]
unset logscale y
set format y "%g"
set yrange [0:20]
set ylabel "λ_{max} of the Hessian"
set key top right font font_key
plot file index "[warmup]" using 1:(2 / $2) with lines lw 1.2 dt 2 lc rgb c_ink title "2/η_t (warm-up)", \
     file index "[warmup]" using 1:5 with lines lw 1.8 lc rgb c_purple title "sharpness, warm-up", \
     file index "[warmup]" using 1:3 with linespoints lw 1.8 pt 7 ps 0.5 lc rgb c_red \
         title "sharpness, constant η (diverges)"
unset multiplot
