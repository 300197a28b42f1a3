# 09-mc-dimension -- the integral of a product of e^x over the cube [0, 1]^d,
# d = 1, 2, 4, 8: the error of the midpoint rule on a k^d grid (solid lines)
# and of Monte Carlo (points: the actual error; dashed: its standard error)
# against the number of calls of the integrand.
# Data: mc-dimension.dat, written by chapters/09-integration-auc/integration.c
#       (build/bin/09-integration-auc --data DIR).
# Usage: gnuplot -c plots/09-mc-dimension.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 900; fig_h = 640
call dir."style.gp" ARG1 ARG2
file = data("mc-dimension.dat")

set title "{/:Bold Monte Carlo against a grid rule as the dimension d grows}\n" . \
          "solid: midpoint rule on a k^d grid; points: Monte Carlo; dashed: its standard error" \
          font font_big
set xlabel "calls of the integrand n (log scale)"
set ylabel "|error| (log scale)"
set logscale xy
set format x "10^{%T}"
set format y "10^{%T}"
set xrange [1:2e6]
set yrange [1e-8:1]
set key bottom left font font_key

cols = "c_blue c_orange c_green c_purple"
ds = "1 2 4 8"
plot for [j = 1:4] file index "[midpoint]" every :::(j - 1)::(j - 1) using 3:4 with lines lw 2.4 \
         lc rgb value(word(cols, j)) title sprintf("d = %s", word(ds, j)), \
     for [j = 1:4] file index "[monte carlo]" every :::(j - 1)::(j - 1) using 2:4 with lines \
         lw 1.4 dt (6, 4) lc rgb value(word(cols, j)) notitle, \
     for [j = 1:4] file index "[monte carlo]" every :::(j - 1)::(j - 1) using 2:3 with points \
         pt 7 ps 1.1 lc rgb value(word(cols, j)) notitle
