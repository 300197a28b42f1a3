# 05-noise-ball -- the stationary spread of constant-rate SGD on section 5's
# regression: tr C = E |p - p*|^2 against the learning rate, one colour per
# batch size; the formula (gradient noise only) as a dashed curve, the exact
# covariance (with the curvature noise of a batch) as a solid curve, and the
# measured spread of the noise-ball table's runs as points.
# Data: noise-ball.dat, written by chapters/05-gradient-descent/descent.c
#       (build/bin/05-gradient-descent --data DIR).
# Usage: gnuplot -c plots/05-noise-ball.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 900; fig_h = 620
call dir."style.gp" ARG1 ARG2
file = data("noise-ball.dat")

set title "{/:Bold The noise ball of SGD: spread against learning rate and batch size}\n" . \
          "points: measured; solid: exact; dashed: gradient noise only" font font_big
set xlabel "learning rate α (log scale)"
set ylabel "tr C = E |p − p*|^2 (log scale)"
set logscale xy
set format y "10^{%T}"
set xrange [0.005:1]
set yrange [1e-5:1]
set key top left font font_key

cols = "c_blue c_orange c_green c_purple"
Bs = "1 4 16 64"
plot for [j = 1:4] file index "[curves]" using 1:(column(2 * j + 1)) with lines lw 2.2 \
         lc rgb value(word(cols, j)) title sprintf("B = %s", word(Bs, j)), \
     for [j = 1:4] file index "[curves]" using 1:(column(2 * j)) with lines lw 1.4 dt (6, 4) \
         lc rgb value(word(cols, j)) notitle, \
     for [j = 1:4] file index "[measured]" using 1:($2 == word(Bs, j) + 0 ? $3 : NaN) \
         with points pt 7 ps 1.3 lc rgb value(word(cols, j)) notitle
