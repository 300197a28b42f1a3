-- 07-backprop: the loss and the four gradients of the 2-H-1 network, on XOR
-- with the chapter's seeded weights and on random batches.  Every case
-- compares the returned loss and all four gradient arrays.

-- numpy's seed 0, as the chapter draws them: W1 = randn(2, 4) * 0.5 (row
-- major) and W2 = randn(4, 1) * 0.5, each value written with 17 digits.
local W1_SEED = { 0.882026172983832, 0.20007860418361165, 0.4893689920528696, 1.120446599600729,
                  0.9337789950749837, -0.4886389399382055, 0.4750442087627947, -0.07567860414884894 }
local W2_SEED = { -0.05160942589677892, 0.20529925096918616, 0.072021785580439, 0.7271367534814875 }
local XOR_X = { 0, 0, 0, 1, 1, 0, 1, 1 }
local XOR_Y = { 0, 1, 1, 0 }

-- A small deterministic generator (Park and Miller's minimal standard,
-- exact in doubles), so the random batches are the same on every machine.
local state = 20240607
local function uniform(lo, hi)
    state = (state * 16807) % 2147483647
    return lo + (hi - lo) * (state / 2147483647)
end
local function fill(n, lo, hi)
    local t = {}
    for i = 1, n do t[i] = uniform(lo, hi) end
    return t
end
local function zeros(n)
    local t = {}
    for i = 1, n do t[i] = 0 end
    return t
end
local function scaled(t, s)
    local r = {}
    for i, v in ipairs(t) do r[i] = s * v end
    return r
end

-- Gradients of order 1e-2 summed over a batch carry rounding errors of
-- order 1e-17; abs covers entries that are themselves that small.
local TOL = { rel = 1e-9, abs = 1e-15 }
local HINT = "forward: Z1 = X W1 + b1, A1 = sigmoid(Z1), z2 = A1 W2 + b2, a2 = sigmoid(z2); " ..
             "loss = mean (a2 - y)^2; backward: dz2 = 2 (a2 - y) / N * a2 (1 - a2), " ..
             "dW2 = A1^T dz2, db2 = sum dz2, dz1 = dz2 W2^T * A1 (1 - A1), dW1 = X^T dz1, db1 = sum dz1"

local function net(name, X, y, H, W1, b1, W2, b2, fields)
    local N = #y
    local c = { call = "mlp_loss_and_grads",
                args = { X, y, N, H, W1, b1, W2, b2, out(2 * H), out(H), out(H), out(1) },
                compare = { "return", 9, 10, 11, 12 }, tol = TOL, name = name, hint = HINT }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

local function random_batch(name, N, H, xr, wr, fields)
    local X, y = fill(2 * N, -xr, xr), {}
    for r = 1, N do y[r] = uniform(0, 1) < 0.5 and 0 or 1 end
    return net(name, X, y, H, fill(2 * H, -wr, wr), fill(H, -wr, wr), fill(H, -wr, wr),
               uniform(-wr, wr), fields)
end

-- ---- public ------------------------------------------------------------------
net("XOR, the chapter's seeded weights, zero biases (loss 0.269103)", XOR_X, XOR_Y, 4,
    W1_SEED, zeros(4), W2_SEED, 0, {
        hint = "the chapter's backward table holds every number of this case: compare " ..
               "your dW1, db1, dW2, db2 with its last four lines.  " .. HINT })
net("XOR, seeded weights, nonzero biases", XOR_X, XOR_Y, 4,
    W1_SEED, { 0.1, -0.2, 0.3, -0.4 }, W2_SEED, 0.25, {
        hint = "the biases enter every row: db1[k] sums dz1 over the rows, db2 sums dz2.  " .. HINT })
net("XOR, seeded weights times 3", XOR_X, XOR_Y, 4,
    scaled(W1_SEED, 3), zeros(4), scaled(W2_SEED, 3), 0)
net("all weights zero: the first layer's gradients are exactly 0", XOR_X, XOR_Y, 3,
    zeros(6), zeros(3), zeros(3), 0, {
        hint = "with W2 = 0 no gradient reaches the first layer (dz1 = dz2 W2^T = 0).  Every a1 " ..
               "and a2 is 1/2, so dW2 = A1^T dz2 = sum(dz2) / 2, and on XOR's targets the errors " ..
               "a2 - y = 1/2, -1/2, -1/2, 1/2 add up to 0: dW2 and db2 are exactly 0 too; the loss is 1/4" })
random_batch("random batch, N = 8, H = 3", 8, 3, 2, 1.5)
random_batch("random batch, N = 16, H = 5", 16, 5, 2, 1.5)
net("one row (N = 1), H = 2", { 0.7, -1.3 }, { 1 }, 2,
    { 0.4, -0.9, 1.1, 0.25 }, { 0.05, -0.15 }, { 0.8, -1.2 }, 0.3, {
        hint = "with N = 1 the mean is the row itself: loss = (a2 - y)^2, dL/da2 = 2 (a2 - y).  " .. HINT })
net("one hidden unit (H = 1)", XOR_X, XOR_Y, 1, { 0.6, -0.45 }, { 0.2 }, { 1.3 }, -0.1, {
    hint = "W1 is 2 x H row-major: with H = 1 it is { W1[0][0], W1[1][0] }, and dW1 has the same shape" })
net("targets between 0 and 1", { 0.5, 0.5, -1, 2, 1.5, -0.25 }, { 0.3, 0.85, 0.05 }, 2,
    { 1.2, -0.7, 0.35, 0.9 }, { 0, 0.1 }, { -0.6, 1.4 }, 0.05, {
        hint = "y need not be 0 or 1: the error is a2 - y whatever y is" })
random_batch("random batch with large inputs (|x| up to 5), N = 12, H = 4", 12, 4, 5, 1)
random_batch("random batch, N = 32, H = 8", 32, 8, 2, 1.5, {
    hint = "W1[j H + k] is the weight from input j to hidden unit k (row-major 2 x H): " ..
           "mixing up j H + k and 2 k + j only shows once H differs from 2.  " .. HINT })

-- ---- hidden ------------------------------------------------------------------
net("XOR with the targets reversed (1, 0, 0, 1)", XOR_X, { 1, 0, 0, 1 }, 4,
    W1_SEED, zeros(4), W2_SEED, 0, { hidden = true })
random_batch("random batch, N = 100, H = 10", 100, 10, 3, 2, { hidden = true })
net("saturated units: weights times 20", XOR_X, XOR_Y, 4,
    scaled(W1_SEED, 20), { 1, -2, 0.5, 3 }, scaled(W2_SEED, 20), -5, {
        hidden = true,
        hint = "with large weights the sigmoids saturate and a (1 - a) becomes tiny: use the " ..
               "activations you computed (a (1 - a)), and a sigmoid that does not overflow exp " ..
               "for large |z|" })
net("XOR rows repeated three times (N = 12)",
    { 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1 },
    { 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0 }, 4, W1_SEED, zeros(4), W2_SEED, 0, {
        hidden = true,
        hint = "repeating every row leaves the mean, and so every gradient, as it was for N = 4: " ..
               "divide by N, not by 4" })
net("a very negative output bias (a2 near 1e-18)", XOR_X, XOR_Y, 2,
    { 0.5, -0.5, 0.25, 0.75 }, { 0, 0 }, { 0.3, -0.2 }, -40, {
        hidden = true,
        hint = "a2 = sigmoid(-40) is about 4e-18: it is not zero, and neither is its gradient; " ..
               "1 - a2 rounds to 1, which is fine" })
random_batch("random batch, N = 7, H = 6, one odd size after another", 7, 6, 1, 0.8, { hidden = true })
net("all weights zero, targets (1, 1, 1, 0): dW2 is not zero", XOR_X, { 1, 1, 1, 0 }, 3,
    zeros(6), zeros(3), zeros(3), 0, {
        hidden = true,
        hint = "W2 = 0 still stops every gradient of the first layer, but these errors " ..
               "a2 - y = -1/2, -1/2, -1/2, 1/2 do not cancel: dz2 sums to -1/8, so " ..
               "db2 = -1/8 and every dW2[k] = -1/16; compute them, do not assume zeros" })

return {
    title = "Backpropagation through a 2-H-1 network",
    chapter = 7,
    tolerance = TOL,
}
