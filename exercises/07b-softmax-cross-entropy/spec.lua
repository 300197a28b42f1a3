-- 07b-softmax-cross-entropy: the mean cross-entropy of a batch of logits
-- and its gradient (p - y) / batch, both compared in every case; logits of
-- +-1000, where exp overflows and underflows; the contract's edges.
--
-- Tolerance: rel 1e-12, or 1e-14 absolute.  Correct orders of operations
-- (m + log s - z_y, or (m - z_y) + log s; exp(z - m) / s, or
-- exp(z - m - log s)) differ by a few units in the last place of numbers of
-- size up to about 1000, and p - 1 for p close to 1 by about 1e-16.
local TOL = { rel = 1e-12, abs = 1e-14 }
local HINT = "loss = mean over rows of log(sum_j exp(z_j)) - z_label; grad = (softmax(z) - onehot(label)) / batch"
local STABLE = "subtract the row's largest logit m before exp: exp(1000) overflows to inf and exp(-1000) " ..
               "underflows to 0, exp(z - m) does neither, and softmax and log-sum-exp are unchanged by the shift"
local LOGSUMEXP = "compute the loss as (m - z_label) + log(sum_j exp(z_j - m)), not as -log(p_label): " ..
                  "p_label underflows to 0 when z_label is far below the others, and -log(0) is inf"
local MEAN = "the loss is a mean over the batch, so its gradient is (p - y) / batch: divide every entry"

local function xent(z, labels, batch, k, fields)
    local c = { call = "softmax_cross_entropy",
                args = { z, ints(labels), batch, k, out(math.max(batch * k, 1)) },
                compare = { "return", 5 }, tol = TOL, hint = HINT }
    for key, v in pairs(fields or {}) do c[key] = v end
    return case(c)
end

-- ---- public ------------------------------------------------------------------
-- 1: one row: p = (0.65900, 0.24243, 0.09857), loss -log p_0 = 0.41703.
xent({ 2, 1, 0.1 }, { 0 }, 1, 3, {
    name = "one row z = (2, 1, 0.1), label 0",
    hint = "p = softmax(z) = (0.65900, 0.24243, 0.09857); the loss is -log(0.65900) = 0.41703 and " ..
           "the gradient p - y = (-0.34100, 0.24243, 0.09857)" })
-- 2: a batch of four rows of three classes.
xent({ 2, 1, 0.1,  -0.5, 0.3, 1.2,  0, 0, 0,  3.5, -2, 0.25 }, { 0, 2, 1, 1 }, 4, 3, {
    name = "a batch of 4 rows, 3 classes",
    hint = HINT .. "; " .. MEAN })
-- 3: a confident, correct row at +-1000.
xent({ 1000, 0, -1000 }, { 0 }, 1, 3, {
    name = "z = (1000, 0, -1000), label 0: loss 0 to within 1e-434",
    hint = STABLE .. "; here p = (1, e^-1000, 0) and the loss is log(1 + e^-1000 + e^-2000), 0 in doubles" })
-- 4: three equal logits at 1000.
xent({ 1000, 1000, 1000 }, { 1 }, 1, 3, {
    name = "z = (1000, 1000, 1000), label 1: loss log 3",
    hint = STABLE .. "; equal logits give p = (1/3, 1/3, 1/3), loss log 3 = 1.0986 and gradient " ..
           "(1/3, -2/3, 1/3)" })
-- 5: confidently wrong: loss 2000, gradient (-1, 1).
xent({ -1000, 1000 }, { 0 }, 1, 2, {
    name = "z = (-1000, 1000), label 0: loss 2000",
    hint = LOGSUMEXP .. "; here p = (e^-2000, 1) = (0, 1) in doubles, the loss is 2000 and the gradient (-1, 1)" })
-- 6: a batch mixing both.
xent({ 1000, -1000, 0,  0.5, -1000, 1000 }, { 1, 2 }, 2, 3, {
    name = "a batch of 2 rows at +-1000, one of them confidently wrong",
    hint = STABLE .. "; " .. LOGSUMEXP .. "; " .. MEAN })
-- 7: one class: p = 1 always.
xent({ 4.25, -3 }, { 0, 0 }, 2, 1, {
    name = "k = 1: one class, loss 0 and gradient 0",
    hint = "with one class softmax is 1 whatever the logit: the loss is 0 and the gradient 0" })
-- 8: all logits equal: loss log k.
xent({ -7, -7, -7, -7, -7 }, { 4 }, 1, 5, {
    name = "five equal logits: loss log 5",
    hint = HINT .. "; equal logits give p_j = 1/5 and a loss of log 5 = 1.6094" })
-- 9: an empty batch.
xent({ 1, 2 }, { 0 }, 0, 2, {
    name = "batch = 0: NaN, nothing written",
    hint = "an empty batch has no mean: return NaN (NAN from <math.h>) and write nothing into grad" })
-- 10: a label that is not a class.
xent({ 0.5, 1.5, -1,  2, 0, 1 }, { 3, 0 }, 2, 3, {
    name = "label 3 with k = 3: NaN loss and NaN gradient",
    hint = "the classes are 0 .. k-1: label k is outside them (check labels[b] >= k, not > k); " ..
           "return NaN and set every grad entry to NaN" })

-- ---- hidden ------------------------------------------------------------------
xent({ 0.3, -1.2, 2.2, 0.7, -0.1, 1.9, -2.5, 0.05, 1.1, -0.6,
       -0.4, 0.9, 0.2, -1.7, 2.8, 0.0, 1.3, -0.9, 0.6, -2.1,
       1.5, 1.5, -0.3, 0.4, -1.1, 2.0, -0.7, 0.8, -1.4, 0.1 },
     { 2, 4, 9 }, 3, 10, {
    hidden = true, name = "3 rows of 10 classes",
    hint = HINT .. "; " .. MEAN })
xent({ 1000, -1000, 999, -1000, 1000, -999, 0, 0, 1000, -1000, -1000, -1000 }, { 2, 0, 1, 1 }, 4, 3, {
    hidden = true, name = "4 rows of logits near +-1000",
    hint = STABLE .. "; " .. LOGSUMEXP .. "; " .. MEAN })
xent({ 0, 0, -1000, 0 }, { 2 }, 1, 4, {
    hidden = true, name = "z = (0, 0, -1000, 0), label 2: loss 1000 + log 3",
    hint = LOGSUMEXP .. "; here the loss is 1000 + log 3 = 1001.0986, though p_2 = 0 in doubles" })
xent({ 1, 2, 3 }, { 0 }, 1, 0, {
    hidden = true, name = "k = 0: NaN, nothing written",
    hint = "with no classes there is no softmax: return NaN and write nothing into grad" })
xent({ 0.5, 1.5, -1, 2, 0, 1 }, { 0, -1 }, 2, 3, {
    hidden = true, name = "label -1: NaN loss and NaN gradient",
    hint = "the classes are 0 .. k-1: a negative label is outside them; return NaN and set every " ..
           "grad entry to NaN" })
xent({ 745, -745, 700, -700 }, { 1, 1 }, 2, 2, {
    hidden = true, name = "rows (745, -745) and (700, -700), both confidently wrong",
    hint = STABLE .. "; " .. LOGSUMEXP .. "; " .. MEAN })

return {
    title = "The softmax cross-entropy and its gradient p - y, stable at +-1000",
    chapter = 7,
    tolerance = TOL,
}
