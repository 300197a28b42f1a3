-- 02-chain-rule-bce: dL/dw and dL/db of one sigmoid neuron under the binary
-- cross-entropy.  Public cases: ordinary neurons, both labels, a soft label,
-- x = 0, z = 0 and a few saturated units.  Hidden cases: |w x + b| from 36
-- to 40, where y_hat rounds to exactly 1 (or to a few times 1e-18) and the
-- chain-rule factors taken one by one give Inf * 0 = NaN.
--
-- Tolerance: rel 1e-12, or an absolute error of a few units of 2^-52 times
-- |x|.  That is what computing y_hat = 1 / (1 + e^-z) and then y_hat - y
-- costs when y_hat is close to y, so the plain simplified formula passes
-- everywhere; only a NaN, an Inf or a wrong formula fails.
local EPS = 2 ^ -52

local function tol_for(x)
    return { rel = 1e-12, abs = 8 * EPS * math.max(1, math.abs(x)) }
end

local GRAD_W_HINT = "dL/dw = dL/dy_hat * dy_hat/dz * dz/dw: multiply the three factors out on paper; " ..
                    "most of it cancels"
local GRAD_B_HINT = "dL/db is the same chain as dL/dw with dz/db = 1 in place of dz/dw = x"

-- A short rendering of a number for case names: 10, not 1e+01.

local function grad(call, w, b, x, y, fields)
    local c = fields or {}
    c.call, c.args = call, { w, b, x, y }
    c.name = string.format("%s(%s, %s, %s, %s)", call, show(w), show(b), show(x), show(y))
    c.tol = c.tol or tol_for(call == "bce_grad_w" and x or 1)
    c.hint = c.hint or (call == "bce_grad_w" and GRAD_W_HINT or GRAD_B_HINT)
    return case(c)
end

-- The neuron of chapter 02, section 2 (w = 0.5, b = 0.1, x = 2), both labels.
grad("bce_grad_w", 0.5, 0.1, 2.0, 1.0)
grad("bce_grad_b", 0.5, 0.1, 2.0, 1.0)
grad("bce_grad_w", 0.5, 0.1, 2.0, 0.0)
grad("bce_grad_b", -1.2, 0.35, 0.8, 0.0)
grad("bce_grad_w", 2.385, -0.75, -1.5, 1.0)
grad("bce_grad_b", 2.385, -0.75, -1.5, 1.0)
grad("bce_grad_w", 0.7, 0.05, -4.5, 0.0)
-- x = 0: the weight has no influence on z, so its gradient is 0.
grad("bce_grad_w", 0.3, -0.2, 0.0, 1.0,
     { hint = "dz/dw = x, so with x = 0 the weight cannot change the loss: dL/dw must be 0" })
grad("bce_grad_b", 0.3, -0.2, 0.0, 1.0)
-- z = 0 exactly (y_hat = 1/2) with a soft label y = 0.25.
grad("bce_grad_w", 1.5, -3.0, 2.0, 0.25,
     { hint = "z = 1.5 * 2 - 3 = 0 gives y_hat = 1/2; the label may be any y in [0, 1], not only 0 or 1" })
grad("bce_grad_b", 1.5, -3.0, 2.0, 0.25,
     { hint = "z = 0 gives y_hat = 1/2, so dL/db = 1/2 - y" })
-- Saturated but still representable: y_hat within 1e-6 ... 1e-9 of the label.
grad("bce_grad_w", 4.0, 2.0, 3.0, 1.0)
grad("bce_grad_b", -4.0, -2.0, 3.0, 0.0)
grad("bce_grad_b", 3.0, 1.0, 6.0, 1.0)

-- Hidden: |w x + b| from 36 to 40.
local SATURATED = "here z = w x + b is between 37 and 40, so y_hat = sigmoid(z) rounds to exactly 1.0: " ..
                  "then 1 - y_hat is 0, dL/dy_hat divides by it (Inf, or 0/0 = NaN), dy_hat/dz = " ..
                  "y_hat (1 - y_hat) is 0, and Inf * 0 is NaN. Multiplied out on paper the three factors " ..
                  "are (y_hat - y) x, which stays finite: compute that instead"
grad("bce_grad_w", 10.0, 0.0, 4.0, 0.0, { hidden = true, hint = SATURATED })
grad("bce_grad_b", 10.0, 0.0, 4.0, 1.0, { hidden = true, hint = SATURATED })
grad("bce_grad_w", -8.0, 2.0, -4.5, 1.0, { hidden = true, hint = SATURATED })
grad("bce_grad_w", 2.0, 0.5, 18.75, 0.0, { hidden = true, hint = SATURATED })
grad("bce_grad_w", -20.0, 0.0, -2.0, 0.5, { hidden = true, hint = SATURATED })
grad("bce_grad_b", 1.0, 37.0, 0.0, 1.0, { hidden = true, hint = SATURATED })
grad("bce_grad_b", 5.0, -2.5, -7.5, 0.0, { hidden = true,
     hint = "z = -40: y_hat is about 4.2e-18, tiny but not 0; dL/db = y_hat - y is that tiny number" })
grad("bce_grad_w", -9.0, 4.0, 4.0, 1.0, { hidden = true,
     hint = "z = -32: y_hat is about 1.3e-14 and y = 1, so dL/dw = (y_hat - 1) x is very nearly -x" })

return {
    title = "The chain rule: gradient of the binary cross-entropy",
    chapter = 2,
}
