-- 01-finite-differences: forward_diff and central_diff over libm's sin, exp,
-- log and tanh, and two Lua functions (x^2 and the sigmoid), at steps from
-- 1e-1 down to 1e-10; then the edges of the contract.
--
-- Tolerances.  The answer is the quotient itself, not f'(x), so a correct
-- file reproduces the reference to a few units in the last place: rel 1e-12.
-- Where f is a libm function, the student's machine may round f one unit
-- differently from the machine that made the keys, and the quotient turns
-- that unit into about eps |f| / h; `abs` allows four such units.
local EPS = 2 ^ -52

local function noise_tol(fval, h)
    return { rel = 1e-12, abs = 4 * EPS * math.abs(fval) / h }
end

local function square(t) return t * t end
local function sigmoid(t) return 1 / (1 + math.exp(-t)) end

local FN = {
    sin = { arg = cfn "sin", f = math.sin, libm = true },
    exp = { arg = cfn "exp", f = math.exp, libm = true },
    log = { arg = cfn "log", f = math.log, libm = true },
    tanh = { arg = cfn "tanh", f = math.tanh, libm = true },
    ["x^2"] = { arg = square, f = square, libm = false },
    sigmoid = { arg = sigmoid, f = sigmoid, libm = true },  -- math.exp is libm's
}

-- A short rendering of a number for case names: -30, not -3e+01.

-- One case of `call` on the function named `fname`; returns its number.
local count = 0
local function quotient(call, fname, x, h, fields)
    local fn = FN[fname]
    local c = fields or {}
    c.call = call
    c.args = { fn.arg, x, h }
    c.name = c.name or string.format("%s(%s, %s, %s)", call, fname, show(x), show(h))
    if not c.tol then
        local fx = fn.f(x)
        c.tol = (fn.libm and fx == fx and h > 0) and noise_tol(fx, h) or { rel = 1e-12 }
    end
    case(c)
    count = count + 1
    return count
end

local FORWARD_HINT = "forward_diff returns (f(x + h) - f(x)) / h with the h it is given; " ..
                     "a wrong value at large h means a wrong formula (is it the forward one?)"
local CENTRAL_HINT = "central_diff returns (f(x + h) - f(x - h)) / (2 h): both points, and 2 h below"

-- The figure: both quotients of sin at x = 1 for h = 1e-1 ... 1e-10.  (The
-- steps are literals: 10 ^ -k would depend on the machine's pow.)
local STEPS = { 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10 }
local forward_cases, central_cases = {}, {}
for k, h in ipairs(STEPS) do
    forward_cases[k] = quotient("forward_diff", "sin", 1.0, h, { hint = FORWARD_HINT })
end
for k, h in ipairs(STEPS) do
    central_cases[k] = quotient("central_diff", "sin", 1.0, h, { hint = CENTRAL_HINT })
end

-- Other functions and points, ordinary steps.
quotient("forward_diff", "exp", 0.5, 1e-4, { hint = FORWARD_HINT })
quotient("central_diff", "exp", -1.25, 1e-3, { hint = CENTRAL_HINT })
quotient("forward_diff", "log", 2.5, 1e-6, { hint = FORWARD_HINT })
quotient("central_diff", "log", 0.3, 1e-5, { hint = CENTRAL_HINT })
quotient("forward_diff", "x^2", 1.5, 1e-2,
         { hint = "for x^2 the forward difference is exactly 2x + h: 3.01 here, not 3" })
quotient("central_diff", "x^2", -2.385, 1e-3,
         { hint = "for x^2 the central difference is 2x up to rounding: -4.77 here" })
quotient("forward_diff", "tanh", 0.75, 1e-7, { hint = FORWARD_HINT })
quotient("central_diff", "tanh", -2.0, 1e-5, { hint = CENTRAL_HINT })
quotient("forward_diff", "sigmoid", 0.0, 1e-8, { hint = FORWARD_HINT })
quotient("central_diff", "sigmoid", 3.5, 1e-4, { hint = CENTRAL_HINT })

-- The contract's edges.
local NAN_STEP = "a step must be positive: return NaN (NAN from <math.h>) when h <= 0 or h is NaN"
quotient("forward_diff", "sin", 1.0, 0.0, { hint = NAN_STEP })
quotient("central_diff", "sin", 1.0, -1e-3,
         { hint = NAN_STEP .. "; a negative h would silently flip the difference around" })
quotient("forward_diff", "tanh", math.huge, 1e-3,
         { hint = "return NaN when x is not finite (isfinite from <math.h>): tanh(inf + h) - tanh(inf) " ..
                  "is 0, but there is no slope at infinity" })

-- Hidden: more edges, and what rounding does to the quotient.
quotient("central_diff", "log", 1e-3, 1e-2, { hidden = true,
         hint = "x - h = -0.009 is outside log's domain, so log(x - h) is NaN and so is the answer: " ..
                "return the quotient as the formula gives it, do not patch it" })
quotient("forward_diff", "log", 1e-3, 1e-2, { hidden = true,
         hint = "the forward difference only looks right of x, so it stays inside log's domain here" })
quotient("forward_diff", "x^2", 1e8, 1e-10, { hidden = true,
         hint = "x + h rounds to x at x = 1e8 (h is below half a unit in the last place of x), so the " ..
                "quotient is exactly 0: use the h you are given, exactly as the formula says" })
quotient("central_diff", "exp", 0.0 / 0.0, 1e-5, { hidden = true, name = "central_diff(exp, nan, 1e-05)",
         hint = "x is NaN: return NaN" })
quotient("forward_diff", "exp", 1.0, 0.0 / 0.0, { hidden = true, name = "forward_diff(exp, 1, nan)",
         hint = NAN_STEP .. " (a NaN fails every comparison: test !(h > 0), not h <= 0)" })
quotient("central_diff", "sigmoid", -30.0, 1e-6, { hidden = true,
         hint = "deep in the sigmoid's tail both values are tiny, but their difference is still a " ..
                "plain subtraction: (f(x + h) - f(x - h)) / (2 h)" })
quotient("forward_diff", "sin", -1e6, 1e-7, { hidden = true,
         hint = "a step far too small for |x| = 1e6: the quotient is mostly rounding, which is the " ..
                "point; return the formula's value" })

local cos1 = math.cos(1.0)
return {
    title = "Forward and central differences",
    chapter = 1,
    figure = {
        x = 3, logx = true, logy = true, key = "top center",
        xlabel = "step h", ylabel = "|quotient - cos(1)|",
        title = "Error of the difference quotients of sin at x = 1",
        map = function(v) return math.abs(v - cos1) end,
        series = { { title = "forward", cases = forward_cases },
                   { title = "central", cases = central_cases } },
    },
}
