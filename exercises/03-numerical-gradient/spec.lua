-- 03-numerical-gradient: central-difference gradients of functions of 1 to
-- 12 variables (Lua functions passed as C callbacks), a case that checks
-- x is exactly unchanged after the call, and the contract's edges.
--
-- Tolerance: rel 1e-8 (a forward difference, at h = 1e-5, is off by about
-- h f''/2 = 5e-6 relative, and a diagonal step by far more), or an absolute
-- eps |f| / h times a margin: moving a coordinate back by subtracting h
-- instead of copying it, or a libm that rounds f one unit differently, moves
-- the quotient by about that much.
local EPS = 2 ^ -52

-- ---- the functions (x is a C array, indexed from 0) ---------------------------
local F = {}
F["x^2 y + 3 y^2"] = function(x) return x[0] * x[0] * x[1] + 3 * x[1] * x[1] end
F.rosenbrock = function(x) return (1 - x[0]) ^ 2 + 100 * (x[1] - x[0] * x[0]) ^ 2 end
F["sum of squares"] = function(x, n)
    local s = 0
    for i = 0, n - 1 do s = s + x[i] * x[i] end
    return s
end
F["x^3"] = function(x) return x[0] * x[0] * x[0] end
F["sin(a) cos(b) + exp(c/2)"] = function(x) return math.sin(x[0]) * math.cos(x[1]) + math.exp(x[2] / 2) end
F["log-sum-exp"] = function(x, n)
    local m = -math.huge
    for i = 0, n - 1 do m = math.max(m, x[i]) end
    local s = 0
    for i = 0, n - 1 do s = s + math.exp(x[i] - m) end
    return m + math.log(s)
end
-- A chain of products: every partial depends on the neighbours' values, so a
-- shift that is not undone before the next coordinate shows at once.
F.chain = function(x, n)
    local s = 0
    for i = 0, n - 2 do s = s + x[i] * x[i + 1] + 0.5 * x[i] * x[i] * x[i + 1] end
    return s + x[n - 1] ^ 3
end
F["sqrt(a) + b"] = function(x) return math.sqrt(x[0]) + x[1] end
-- The logistic loss of a linear model with weights x on four fixed examples.
local EX = { { 1.0, -0.5, 1 }, { 0.3, 2.0, 0 }, { -1.2, 0.7, 1 }, { 2.2, 1.4, 0 } }
F["logistic loss"] = function(x)
    local s = 0
    for _, e in ipairs(EX) do
        local z = x[0] * e[1] + x[1] * e[2] + x[2]
        local p = 1 / (1 + math.exp(-z))
        s = s - (e[3] == 1 and math.log(p) or math.log(1 - p))
    end
    return s / #EX
end

-- ---- cases ----------------------------------------------------------------------



-- |f(x)| computed here, for the noise term of the tolerance.
local function fabs_at(fname, x)
    local buf = {}
    for i = 1, #x do buf[i - 1] = x[i] end
    local v = F[fname](buf, #x)
    return v == v and math.abs(v) or 1
end

local HINT = "grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h): move only coordinate i, by +h and by -h, " ..
             "and divide by 2h"

local function gradient(fname, x, h, fields)
    local c = fields or {}
    local n = c.n or #x
    c.n = nil
    c.call = "numerical_gradient"
    c.args = { F[fname], x, n, h, out(math.max(n, 1)) }
    c.compare = c.compare or 5
    c.name = string.format("numerical_gradient(%s, %s, %d, %s)", fname, show(x), n, show(h))
    if c.compare == 2 then c.name = c.name .. ": is x unchanged?" end
    if not c.tol then
        local hh = h > 0 and h or 1
        c.tol = { rel = 1e-8, abs = 256 * EPS * (fabs_at(fname, x) + 1) / hh }
    end
    c.hint = c.hint or HINT
    return case(c)
end

-- Chapter 03's example: the gradient of x^2 y + 3 y^2 at (2, 1) is (4, 10).
gradient("x^2 y + 3 y^2", { 2.0, 1.0 }, 1e-5)
gradient("x^2 y + 3 y^2", { -1.5, 0.25 }, 1e-3,
         { hint = HINT .. "; f(x + h e_0) must use x[1] unchanged, not x[1] shifted by an earlier step" })
gradient("rosenbrock", { -1.2, 1.0 }, 1e-6)
gradient("rosenbrock", { 1.0, 1.0 }, 1e-5,
         { hint = "at Rosenbrock's minimum (1, 1) the gradient is 0 up to rounding: a few 1e-10, not exactly 0" })
-- A large step: the central difference of x^3 is 3x^2 + h^2, here 6.75 + 0.01.
gradient("x^3", { 1.5 }, 0.1,
         { hint = "for x^3 the central difference is exactly 3x^2 + h^2 = 6.76 here; 6.75 would be the exact " ..
                  "derivative, 7.0 the forward difference" })
gradient("sum of squares", { 0.5, -1.25, 2.385, 0.0, -3.5 }, 1e-3,
         { hint = HINT .. "; for a sum of squares the answer is 2 x[i] up to rounding" })
gradient("sin(a) cos(b) + exp(c/2)", { 0.3, -1.1, 0.8 }, 1e-5)
gradient("log-sum-exp", { 1.0, 2.0, -0.5, 0.25 }, 1e-5,
         { hint = HINT .. "; the gradient of log-sum-exp is the softmax, so its entries add up to 1" })
gradient("chain", { 0.9, -0.4, 1.3, 0.2, -0.75, 1.1 }, 1e-4,
         { hint = HINT .. "; after coordinate i, put x[i] back before you move coordinate i + 1" })
gradient("logistic loss", { 0.5, -0.25, 0.1 }, 1e-5)
-- x is read-only: checked exactly, value for value, after the call.
local RESTORE = "x must be exactly as it was when your function returns: do not write into x (build the " ..
                "shifted points in a copy); adding h and then subtracting h again does not always give " ..
                "back the same double"
gradient("chain", { 0.1, 1.2345e-7, 0.7, -3.3e-8, 2.385 }, 1e-5,
         { compare = 2, tol = { ulp = 0 }, hint = RESTORE })
-- The edges.
gradient("rosenbrock", { -1.2, 1.0 }, 0.0,
         { hint = "h = 0 is not a step: fill grad with NaN (NAN from <math.h>)" })
gradient("rosenbrock", { -1.2, 1.0 }, -1e-4,
         { hint = "a negative h is not a step either: fill grad with NaN (test !(h > 0))" })

-- Hidden.
gradient("logistic loss", { 2.5, -1.75, 0.6 }, 1e-5, { compare = 2, tol = { ulp = 0 }, hidden = true,
         hint = RESTORE })
gradient("x^2 y + 3 y^2", { 1e-7, -2.2e-8 }, 1e-5, { compare = 2, tol = { ulp = 0 }, hidden = true,
         hint = RESTORE })
gradient("chain", { 0.5, -0.5, 0.25, -0.25, 0.125, -0.125, 1.5, -1.5, 2.0, -2.0, 0.75, -0.75 }, 1e-5,
         { hidden = true, hint = HINT .. "; n = 12 here: every coordinate, and only n of them" })
gradient("sqrt(a) + b", { 4e-6, 3.0 }, 1e-5, { hidden = true,
         hint = "x[0] - h < 0 is outside sqrt's domain, so grad[0] is NaN; grad[1] is still 1: each " ..
                "coordinate stands on its own, do not patch or skip it" })
gradient("sum of squares", { 3.0 }, 0.0 / 0.0, { hidden = true,
         hint = "h is NaN: fill grad with NaN; h <= 0 is false for a NaN, !(h > 0) is true" })
gradient("rosenbrock", { -1.2, 1.0 }, 1e-5, { hidden = true, n = 0, tol = { ulp = 0 },
         hint = "n = 0: write nothing into grad (and do not call f with a bad size)" })
gradient("rosenbrock", { 1e6, -2e5 }, 1e-2, { hidden = true,
         hint = HINT .. "; large coordinates, so the step is moderate: the values are large but the formula " ..
                "is the same" })

return {
    title = "The numerical gradient",
    chapter = 3,
}
