# 09-area -- area between curves: the region between f(x) = x (on top) and
# g(x) = x^2 on [0, 1], shaded, with its area; and the signed against the total area of
# cos x on [0, 2], whose part below the axis counts negative in the integral.
# Data: area.dat, written by chapters/09-integration-auc/integration.c
#       (build/bin/09-integration-auc --data DIR).
# Usage: gnuplot -c plots/09-area.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 560
call dir."style.gp" ARG1 ARG2
file = data("area.dat")
eval value_of(file, "between", 0, 1, "between")
eval value_of(file, "cos areas", 0, 1, "signed")
eval value_of(file, "cos areas", 0, 2, "total")
eval value_of(file, "cos areas", 0, 3, "cross")

set multiplot layout 1, 2 margins 0.07, 0.98, 0.13, 0.80 spacing 0.08, 0 \
    title "{/:Bold Area between curves, and signed against total area}" font font_big
set xlabel "x"
set key top left font font_key

set title sprintf("between f(x) = x and g(x) = x² on [0, 1]:\n∫₀¹ (f − g) dx = ∫₀¹ (x − x²) dx = %.8f  (exactly 1/6)", between)
set xrange [-0.25:1.25]
set yrange [-0.3:1.3]
inside(x) = (x >= 0 && x <= 1) ? 1 : NaN
plot file index "[x and x^2]" using 1:(inside($1) * $2):3 with filledcurves lc rgb c_blue \
         title "the area between the curves", \
     file index "[x and x^2]" using 1:2 with lines lw 2.5 lc rgb c_ink title "f(x) = x (upper on [0, 1])", \
     file index "[x and x^2]" using 1:3 with lines lw 2.5 lc rgb c_orange title "g(x) = x² (lower on [0, 1])", \
     "+" using (0):(0) every ::0::0 with points pt 7 ps 1.2 lc rgb c_ink notitle, \
     "+" using (1):(1) every ::0::0 with points pt 7 ps 1.2 lc rgb c_ink notitle

set title sprintf("cos x on [0, 2]: signed integral %.8f,\ntotal area %.8f (split at π/2)", signed, total)
set xrange [-0.25:2.25]
set yrange [-1.1:1.1]
set key bottom left
set arrow 1 from cross, -1.1 to cross, 1.1 nohead lc rgb c_grey dt (4, 4) lw 1
set label 1 "π/2" at cross, 1.0 offset 0.5, 0 font font_small tc rgb "#555555"
plot file index "[cos]" using 1:($1 >= 0 && $1 <= cross ? $2 : NaN) with filledcurves y=0 \
         lc rgb c_blue title "counted +", \
     file index "[cos]" using 1:($1 >= cross && $1 <= 2 ? $2 : NaN) with filledcurves y=0 \
         lc rgb c_red title "counted −", \
     file index "[cos]" using 1:2 with lines lw 2.5 lc rgb c_ink title "cos x", \
     file index "[cos]" using 1:($1 >= 0 && $1 <= 2 ? $3 : NaN) with lines lw 1.5 dt (6, 4) \
         lc rgb c_green title "|cos x|: area = total"
unset multiplot
