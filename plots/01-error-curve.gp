# 01-error-curve -- the error of the forward and central differences of sin
# against the step h, on log-log axes: the truncation arms of slope 1 and 2,
# the rounding arm of slope -1, and the default steps near the bottom of each V.
# Data: error-curve.dat, written by chapters/01-derivatives/derivatives.c
#       (build/bin/01-derivatives --data DIR; --curve-at moves the point).
# Usage: gnuplot -c plots/01-error-curve.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 900; fig_h = 580
call dir."style.gp" ARG1 ARG2
file = data("error-curve.dat")
eval value_of(file, "x", 0, 1, "x")

set title sprintf("{/:Bold Error of the difference quotients of sin at x = %g}\n", x).\
    "truncation falls with h, rounding grows as h shrinks: each error is a V"
set logscale xy
set format x "10^{%T}"
set format y "10^{%T}"
set xlabel "step h"
set ylabel "|quotient − cos x|"
set xrange [1e-15:1] reverse
set yrange [1e-14:1e4]
set mxtics 10
set key top center font font_key maxrows 3
plot file index "[errors]" using 1:2 with linespoints lw 2.5 pt 7 ps 0.55 lc rgb c_blue \
         title "forward  (f(x+h) − f(x))/h", \
     file index "[errors]" using 1:3 with linespoints lw 2.5 pt 5 ps 0.5 lc rgb c_red \
         title "central  (f(x+h) − f(x−h))/2h", \
     file index "[errors]" using 1:6 with lines lw 1.5 dt (8, 5) lc rgb c_ink \
         title "rounding  ε|f|/h  (slope −1)", \
     file index "[errors]" using 1:4 with lines lw 1.5 dt (3, 3) lc rgb c_blue \
         title "h|f''|/2  (slope 1)", \
     file index "[errors]" using 1:5 with lines lw 1.5 dt (3, 3) lc rgb c_red \
         title "h²|f'''|/6  (slope 2)", \
     file index "[default steps]" using 1:2:($0 == 0 ? ci_blue : ci_red) \
         with points pt 9 ps 1.6 lc rgb variable title "default steps √ε, ∛ε (×max(|x|,1))"
