# 08-chord -- the chord test of convexity: the convex logistic loss stays under
# its chord across the segment [a, b]; the tilted double well rises above it
# over the hump between its two minima.
# Data: chord.dat, written by chapters/08-convexity-convergence/convergence.c
#       (build/bin/08-convexity-convergence --data DIR; --a and --b move the segment).
# Usage: gnuplot -c plots/08-chord.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 570
call dir."style.gp" ARG1 ARG2
file = data("chord.dat")
eval value_of(file, "segment", 0, 1, "a")
eval value_of(file, "segment", 0, 2, "b")

array fn[2] = ["logistic", "well"]
array heading[2] = ["convex: the logistic loss log(1 + e^{−m})\nnever rises above its chord", \
                    "not convex: the double well x⁴/4 − x³/3 − x²\nbulges above its chord over the hump"]

set multiplot layout 1, 2 margins 0.07, 0.98, 0.24, 0.78 spacing 0.08, 0 \
    title sprintf("{/:Bold The chord test on the segment from a = %g to b = %g}", a, b) font font_big
set xlabel "x"
set key at screen 0.5, screen 0.01 center bottom maxrows 2 font font_key
do for [k = 1:2] {
    set title heading[k]
    set ylabel k == 1 ? "f(x)" : ""
    stats [*:*][*:*] file index "[curve ".fn[k]."]" using 1 nooutput
    set xrange [STATS_min:STATS_max]
    if (k == 2) { unset key }
    plot file index "[chord ".fn[k]."]" using 2:4:3 with filledcurves above lc rgb c_blue \
             title "chord above the graph (allowed)", \
         file index "[chord ".fn[k]."]" using 2:4:3 with filledcurves below lc rgb c_red \
             title "graph above the chord (not convex)", \
         file index "[curve ".fn[k]."]" using 1:2 with lines lw 2.5 lc rgb c_ink title "f", \
         file index "[chord ".fn[k]."]" using 2:4 with lines lw 2 dt (8, 4) lc rgb c_ink \
             title "chord λf(a) + (1 − λ)f(b)", \
         file index "[chord ".fn[k]."]" every 200::0 using 2:3 with points pt 7 ps 1.4 \
             lc rgb c_ink title "(a, f(a)) and (b, f(b))"
}
unset multiplot
