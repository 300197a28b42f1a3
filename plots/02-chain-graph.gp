# 02-chain-graph -- the computational graph of the backward pass by hand,
# w -> a = w x -> y = a^2 -> loss = (y - t)^2: each node with its forward
# value, each arrow with its local derivative, and the two ways of
# multiplying those along the chain: forward mode (d(node)/dw, left to right)
# above, reverse mode (dloss/d(node), right to left) below.
# Data: chain-graph.dat, written by chapters/02-differentiation-rules/rules.c
#       (build/bin/02-differentiation-rules --data DIR; --x, --w and --t
#       change the numbers).
# Usage: gnuplot -c plots/02-chain-graph.gp DATADIR OUT.{svg,png}

dir = ""; do for [i = 1:strlen(ARG0)] { if (ARG0[i:i] eq "/") { dir = ARG0[1:i] } }
fig_w = 1200; fig_h = 430
call dir."style.gp" ARG1 ARG2
file = data("chain-graph.dat")
eval value_of(file, "constants", 0, 1, "cx")
eval value_of(file, "constants", 0, 2, "ct")

# the chain's structure; the numbers all come from the data
array node[4] = ["w", "a", "y", "loss"]
array rule[4] = ["w", "a = w x", "y = a²", "loss = (y − t)²"]
array local[3] = ["da/dw = x", "dy/da = 2a", "dloss/dy = 2(y − t)"]
sp = 1.0          # distance between two nodes
bw = 0.52         # a node's box: width and height
bh = 0.4
y_fwd = 0.78      # the rows of forward mode (above) and reverse mode (below)
y_rev = -0.78
name(i) = node[int(i) + 1]
# a node's text: its rule and its value (w is only a value)
node_text(i, v) = int(i) == 0 ? sprintf("w = %g", v) : sprintf("%s\n= %g", rule[int(i) + 1], v)
font_node = font_size(15)
font_mode = font_size(14)

eval value_of(file, "nodes", 0, 2, "cw")
set title sprintf("{/:Bold The chain rule on a graph: x = %g, w = %g, t = %g}", cx, cw, ct) \
    font font_big
set label 1 "forward mode carries d(node)/dw from w to the loss: each arrow multiplies by its local derivative" \
    at 1.5 * sp, y_fwd + 0.22 center font font_small textcolor rgb c_purple
set label 2 "reverse mode carries dloss/d(node) from the loss back to w, multiplying by the same local derivatives" \
    at 1.5 * sp, y_rev - 0.22 center font font_small textcolor rgb c_green
unset border; unset tics; unset grid; unset key; unset xzeroaxis
set xrange [-0.45:3.45]
set yrange [-1.08:1.12]
set lmargin 2; set rmargin 2; set bmargin 1

plot file index "[nodes]" using ($1 * sp):(0):(bw / 2):(bh / 2) with boxxyerror \
         fs solid 1.0 border lc rgb c_ink fc rgb "#f4f4f4", \
     file index "[nodes]" using ($1 * sp):(int($1) == 0 ? 0 : 0.06):(node_text($1, $2)) \
         with labels font font_node, \
     file index "[edges]" using ($1 * sp + bw / 2):(0):(($2 - $1) * sp - bw):(0) \
         with vectors head filled size screen 0.012, 20 lw 2 lc rgb c_ink, \
     file index "[edges]" using (($1 + $2) * sp / 2):(0.3):(sprintf("%s\n= %g", local[int($1) + 1], $3)) \
         with labels font font_key, \
     file index "[nodes]" using ($1 * sp):(y_fwd):(sprintf("d%s/dw = %g", name($1), $3)) \
         with labels font font_mode textcolor rgb c_purple, \
     file index "[edges]" using ($1 * sp + 0.3):(y_fwd):(($2 - $1) * sp - 0.6):(0) \
         with vectors head filled size screen 0.01, 20 lw 1.5 dt (6, 4) lc rgb c_purple, \
     file index "[nodes]" using ($1 * sp):(y_rev):(sprintf("dloss/d%s = %g", name($1), $4)) \
         with labels font font_mode textcolor rgb c_green, \
     file index "[edges]" using ($2 * sp - 0.3):(y_rev):(($1 - $2) * sp + 0.6):(0) \
         with vectors head filled size screen 0.01, 20 lw 1.5 dt (6, 4) lc rgb c_green
