# 02-activations -- the sigmoid and tanh beside their derivatives, as the
# library's backward functions compute them: sigma' peaks at 1/4, tanh' at 1,
# and both fade to almost nothing a few units from 0; the neuron of the
# lesson's section 2 sits on the sigmoid with its tangent of slope sigma'(z).
# Data: activations.dat, written by chapters/02-differentiation-rules/rules.c
#       (build/bin/02-differentiation-rules --data DIR; --neuron-w, --neuron-b
#       and --neuron-x move the neuron's point).
# Usage: gnuplot -c plots/02-activations.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 500
call dir."style.gp" ARG1 ARG2
file = data("activations.dat")
eval value_of(file, "neuron", 0, 1, "zn")
eval value_of(file, "neuron", 0, 2, "yn")
eval value_of(file, "neuron", 0, 3, "dn")
stats [*:*][*:*] file index "[curves]" using 1:3 nooutput
ds_max = STATS_max_y; z_ds_max = STATS_pos_max_y
stats [*:*][*:*] file index "[curves]" using 1:5 nooutput
dt_max = STATS_max_y; z_dt_max = STATS_pos_max_y

set multiplot layout 1, 2 margins 0.07, 0.97, 0.14, 0.8 spacing 0.08, 0 \
    title "{/:Bold The slopes a backward pass multiplies by}" font font_big
set xlabel "z"
set xrange [-6:6]
set xtics 2
set key top left font font_key

# ---- the sigmoid -------------------------------------------------------------
set title "σ(z) = 1/(1 + e^{−z}) and σ'(z) = σ(1 − σ): the slope never exceeds 1/4"
set yrange [-0.05:1.12]
set ytics 0.25
# the neuron's tangent: through (z, sigma(z)) with slope sigma'(z), 1.5 each side
set arrow 1 from zn - 1.5, yn - 1.5 * dn to zn + 1.5, yn + 1.5 * dn nohead \
    lw 1.5 dt (6, 4) lc rgb c_green
set arrow 2 from zn, graph 0 to zn, yn nohead lw 1 dt (2, 3) lc rgb c_grey
set label 1 sprintf("neuron: z = %.2f\ntangent slope σ'(z) = %.3f", zn, dn) at zn + 0.3, yn - 0.14 \
    left font font_small
set label 2 sprintf("σ'(0) = %.2f", ds_max) at z_ds_max, ds_max - 0.1 center font font_small \
    textcolor rgb c_green
set label 3 "" at z_ds_max, ds_max point pt 6 ps 1.3 lw 2 lc rgb c_green
plot file index "[curves]" using 1:2 with lines lt 1 lw 2.5 title "σ(z)", \
     file index "[curves]" using 1:3 with lines lw 2.5 lc rgb c_green title "σ'(z)", \
     file index "[neuron]" using 1:2 with points pt 7 ps 1.2 lc rgb c_ink notitle, \
     file index "[neuron]" using 1:3 with points pt 7 ps 1.2 lc rgb c_green notitle
unset arrow; unset label

# ---- tanh ----------------------------------------------------------------------
set key bottom right
set title "tanh z and tanh' z = 1 − tanh² z: steeper at 0, flat sooner"
set yrange [-1.1:1.25]
set ytics 0.5
set label 2 sprintf("tanh'(0) = %.2f", dt_max) at z_dt_max, dt_max + 0.1 center font font_small \
    textcolor rgb c_green
set label 3 "" at z_dt_max, dt_max point pt 6 ps 1.3 lw 2 lc rgb c_green
plot file index "[curves]" using 1:4 with lines lt 1 lw 2.5 title "tanh z", \
     file index "[curves]" using 1:5 with lines lw 2.5 lc rgb c_green title "tanh' z", \
     file index "[curves]" using 1:3 with lines lw 1.5 dt (6, 4) lc rgb c_green \
         title "σ'(z), for comparison"
unset multiplot
