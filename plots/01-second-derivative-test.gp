# 01-second-derivative-test -- the second-derivative test on f(x) = x^3 - 3x:
# f shaded by its concavity, f' and f'' beside it, the critical points marked.
# Data: second-derivative-test.dat, written by chapters/01-derivatives/derivatives.c
#       (build/bin/01-derivatives --data DIR).
# Usage: gnuplot -c plots/01-second-derivative-test.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1280; fig_h = 500
call dir."style.gp" ARG1 ARG2
file = data("second-derivative-test.dat")

array xc[2]; array f2c[2]
do for [k = 1:2] {
    eval value_of(file, "critical points", k - 1, 1, "xc[k]")
    eval value_of(file, "critical points", k - 1, 4, "f2c[k]")
}
eval value_of(file, "inflection", 0, 1, "xi")
# a critical point is drawn in the colour of its verdict: blue minimum, red maximum
kind_colour(f2) = f2 > 0 ? c_blue : c_red
do for [k = 1:2] {
    set arrow k from xc[k], graph 0 to xc[k], graph 1 nohead lw 1 dt (2, 3) lc rgb kind_colour(f2c[k])
}

set multiplot layout 1, 3 margins 0.06, 0.97, 0.15, 0.78 spacing 0.07, 0 \
    title "{/:Bold The second-derivative test on f(x) = x³ − 3x}" font font_big
set xlabel "x"
set key font font_key

# ---- f, shaded by concavity ----------------------------------------------------------
set title "f'' > 0: concave up (a bowl); f'' < 0: concave down\n(a dome); f'' changes sign at the inflection point"
set ylabel "f(x)"
set yrange [-5:7.5]
set key top left
set arrow 3 from xi, graph 0 to xi, graph 1 nohead lw 1 dt (6, 4) lc rgb c_grey
plot file index "[x^3 - 3x]" using 1:(0):($4 > 0 ? $2 : 0) with filledcurves lc rgb c_blue \
         title "concave up", \
     file index "[x^3 - 3x]" using 1:(0):($4 < 0 ? $2 : 0) with filledcurves lc rgb c_red \
         title "concave down", \
     file index "[x^3 - 3x]" using 1:2 with lines lt 1 lw 2.5 title "f(x) = x³ − 3x", \
     file index "[critical points]" using 1:2:($4 > 0 ? ci_blue : ci_red) \
         with points pt 7 ps 1.3 lc rgb variable, \
     file index "[critical points]" using 1:($2 + ($4 > 0 ? -0.8 : 0.8)):\
         (sprintf("local %s, f'' = %+.0f", strcol(5), $4)) with labels font font_small, \
     file index "[inflection]" using 1:2 with points pt 6 ps 1.3 lw 2 lc rgb c_grey, \
     file index "[inflection]" using 1:2:("inflection") with labels left offset 1, 0.8 \
         font font_small textcolor rgb "#555555"
unset arrow 3

# ---- f' -----------------------------------------------------------------------------------
set title "f'(x) = 3x² − 3 (central difference):\nzero at the critical points"
set ylabel "f'(x)"
set yrange [*:*]
set key top center
plot file index "[x^3 - 3x]" using 1:(0):($3 > 0 ? $3 : 0) with filledcurves lc rgb c_blue \
         title "f' > 0: rising", \
     file index "[x^3 - 3x]" using 1:(0):($3 < 0 ? $3 : 0) with filledcurves lc rgb c_red \
         title "f' < 0: falling", \
     file index "[x^3 - 3x]" using 1:3 with lines lw 2.5 lc rgb c_green title "f'(x)", \
     file index "[critical points]" using 1:3:($4 > 0 ? ci_blue : ci_red) \
         with points pt 7 ps 1.3 lc rgb variable

# ---- f'' -----------------------------------------------------------------------------------
set title "f''(x) = 6x (second difference): its sign\nat a critical point gives the verdict"
set ylabel "f''(x)"
set key top left
plot file index "[x^3 - 3x]" using 1:(0):($4 > 0 ? $4 : 0) with filledcurves lc rgb c_blue \
         title "f'' > 0: minimum", \
     file index "[x^3 - 3x]" using 1:(0):($4 < 0 ? $4 : 0) with filledcurves lc rgb c_red \
         title "f'' < 0: maximum", \
     file index "[x^3 - 3x]" using 1:4 with lines lw 2.5 lc rgb c_orange title "f''(x)", \
     file index "[critical points]" using 1:4:($4 > 0 ? ci_blue : ci_red) \
         with points pt 7 ps 1.3 lc rgb variable, \
     file index "[critical points]" using ($1 + 0.35):4:(sprintf("%+.0f", $4)) \
         with labels font font_small
unset multiplot
