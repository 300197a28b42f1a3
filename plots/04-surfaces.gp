# 04-surfaces -- bowl, hill and saddle: the three shapes a critical point can
# have, each titled with the eigenvalues of its numerical Hessian at (0, 0).
# Data: surfaces.dat, written by chapters/04-jacobian-hessian/jacobian_hessian.c
#       (build/bin/04-jacobian-hessian --data DIR; --h sets the Hessian's step).
# Usage: gnuplot -c plots/04-surfaces.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1280; fig_h = 520
call dir."style.gp" ARG1 ARG2
file = data("surfaces.dat")

array name[3] = ["bowl", "hill", "saddle"]
array formula[3] = ["f = x² + y²", "f = −x² − y²", "f = x² − y²"]
array l1[3]; array l2[3]; array verdict[3]
do for [k = 1:3] {
    eval value_of(file, "eigenvalues", k - 1, 1, "l1[k]")
    eval value_of(file, "eigenvalues", k - 1, 2, "l2[k]")
    eval text_of(file, "eigenvalues", k - 1, 3, "verdict[k]")
}
# one colour scale for the three, symmetric about 0: red below, blue above
zmax = 0
do for [k = 1:3] {
    stats [*:*][*:*] file index "[".name[k]."]" using 3 nooutput
    zmax = abs(STATS_min) > zmax ? abs(STATS_min) : zmax
    zmax = STATS_max > zmax ? STATS_max : zmax
}

set multiplot layout 1, 3 \
    title "{/:Bold The signs of the Hessian's eigenvalues name the shape at a critical point}" \
    font font_big
set view 58, 32, 1.0, 1.0
set xyplane relative 0.05
set border 4095 lc rgb "#888888" lw 0.8
set xtics 1 offset 0, -0.3
set ytics 1 offset 0.3, -0.3
set ztics 4
set xlabel "x" offset 0, -0.5
set ylabel "y" offset 0, -0.5
stats [*:*][*:*] file index "[bowl]" using 1:2 nooutput
set xrange [STATS_min_x:STATS_max_x]
set yrange [STATS_min_y:STATS_max_y]
set zrange [-zmax:zmax]
set style fill solid 1.0
set cbrange [-zmax:zmax]
unset colorbox
unset key
set pm3d depthorder border lc rgb "#55555555" lw 0.4
set grid xtics ytics ztics lc rgb c_grid
unset xzeroaxis
# the contour lines drawn on the floor: circles for bowl and hill, hyperbolas for the saddle
set contour base
set cntrparam levels 9
set cntrlabel onecolor
do for [k = 1:3] {
    set title sprintf("%s: %s\nλ₁ = %g, λ₂ = %g  →  %s", name[k], formula[k], l1[k], l2[k], verdict[k]) \
        offset 0, 0.5
    splot file index "[".name[k]."]" using 1:2:3 with pm3d
}
unset multiplot
