# 01-derivative-geometry -- what the first derivative looks like: secants of
# x^2 turning into the tangent at x0, sin x shaded by the sign of its slope,
# and x^3/3 - x drawn beside its derivative.
# Data: derivative-geometry.dat, written by chapters/01-derivatives/derivatives.c
#       (build/bin/01-derivatives --data DIR).
# Usage: gnuplot -c plots/01-derivative-geometry.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1280; fig_h = 500
call dir."style.gp" ARG1 ARG2
file = data("derivative-geometry.dat")

array h[4]; array s[4]
do for [k = 1:4] {
    eval value_of(file, "secants", k - 1, 1, "h[k]")
    eval value_of(file, "secants", k - 1, 2, "s[k]")
}
eval value_of(file, "tangent", 0, 1, "x0")
eval value_of(file, "tangent", 0, 3, "t0")
array sec_colour[4] = [c_orange, c_purple, c_sky, c_green]

set multiplot layout 1, 3 margins 0.06, 0.95, 0.15, 0.78 spacing 0.08, 0 \
    title "{/:Bold The first derivative is the slope of the tangent}" font font_big

# ---- secants -> tangent ----------------------------------------------------------
set title sprintf("Secants of x² through x₀ = %g turn\ninto the tangent as h → 0", x0)
set xlabel "x"
set ylabel "f(x)"
set key top left
stats [*:*][*:*] file index "[x^2]" using 1:2 nooutput
set xrange [STATS_min_x:STATS_max_x]
set yrange [STATS_min_y - 0.3:STATS_max_y]
set key top left font font_key
plot file index "[x^2]" using 1:2 with lines lt 1 lw 2.5 title "f(x) = x²", \
     for [k = 1:4] file index "[secants]" every ::k-1::k-1 using 5:6:($7 - $5):($8 - $6) \
         with vectors nohead dt (8, 5) lw 2 lc rgb sec_colour[k] \
         title sprintf("h = %g, slope %.2f", h[k], s[k]), \
     for [k = 1:4] file index "[secants]" every ::k-1::k-1 using 3:4 \
         with points pt 7 ps 1.1 lc rgb sec_colour[k], \
     file index "[tangent]" using 4:5:($6 - $4):($7 - $5) with vectors nohead lw 3 lc rgb c_red \
         title sprintf("tangent, slope %.4g", t0), \
     file index "[tangent]" using 1:2 with points pt 7 ps 1.3 lc rgb c_red

# ---- sin: rising where f' > 0, falling where f' < 0 ------------------------------
set title "sin x rises where f' > 0, falls where\nf' < 0, and turns where f' = 0"
set xrange [0:3 * pi]
set yrange [-1.3:2.3]
set xtics ("0" 0, "π/2" pi/2, "π" pi, "3π/2" 3*pi/2, "2π" 2*pi, "5π/2" 5*pi/2, "3π" 3*pi)
set key top center
set ytics -1, 0.5, 1
plot file index "[sin]" using 1:(0):($3 > 0 ? $2 : 0) with filledcurves lc rgb c_blue \
         title "f' > 0: rising", \
     file index "[sin]" using 1:(0):($3 < 0 ? $2 : 0) with filledcurves lc rgb c_red \
         title "f' < 0: falling", \
     file index "[sin]" using 1:2 with lines lt 1 lw 2.5 title "sin x", \
     file index "[sin extrema]" using 1:2 with points pt 7 ps 1.2 lc rgb c_ink \
         title "f' = 0", \
     file index "[sin extrema]" using 1:($2 > 0 ? $2 + 0.22 : $2 - 0.22):(strcol(5)) \
         with labels font font_small
set xtics autofreq
set ytics autofreq

# ---- x^3/3 - x and its derivative on a second axis ------------------------------
# both axes are symmetric about 0, so f' = 0 is drawn on f's zero line:
# filled dots mark the max and min of f, hollow circles the zeros of f' below
# and above them
set title "f = x³/3 − x turns exactly where\nf' = x² − 1 (right axis) crosses zero"
stats [*:*][*:*] file index "[x^3/3 - x]" using 2:3 nooutput
fmax = 1.5 * (abs(STATS_min_x) > STATS_max_x ? abs(STATS_min_x) : STATS_max_x)
dmax = 1.5 * (abs(STATS_min_y) > STATS_max_y ? abs(STATS_min_y) : STATS_max_y)
set xrange [*:*]
set yrange [-fmax:fmax]
set y2range [-dmax:dmax]
set ylabel "f(x)" textcolor rgb c_ink
set y2label "f'(x)" textcolor rgb c_green
set y2tics nomirror out scale 0.6 textcolor rgb c_green
set key top center maxrows 4
do for [k = 0:1] {
    eval value_of(file, "x^3/3 - x extrema", k, 1, "xc")
    set arrow from xc, graph 0 to xc, graph 1 nohead lc rgb c_red lw 1 dt (2, 3)
}
plot file index "[x^3/3 - x]" using 1:2 with lines lt 1 lw 2.5 title "f(x)", \
     file index "[x^3/3 - x]" using 1:3 axes x1y2 with lines lw 2 dt (8, 3, 2, 3) lc rgb c_green \
         title "f'(x)", \
     file index "[x^3/3 - x extrema]" using 1:2 with points pt 7 ps 1.2 lc rgb c_red \
         title "max, min of f", \
     file index "[x^3/3 - x extrema]" using 1:3 axes x1y2 with points pt 6 ps 1.4 lw 2 lc rgb c_red \
         title "f' = 0", \
     file index "[x^3/3 - x extrema]" using 1:($2 > 0 ? $2 + 0.12 * fmax : $2 - 0.12 * fmax):(strcol(5)) \
         with labels font font_small
unset multiplot
