-- 05-learning-rate: gradient descent on f(x) = x^2.  Three whole
-- trajectories (t = 0 .. 10) for the figure, the edge rates 0, 1/2 and 1, a
-- negative rate, t = 0, a negative t, long runs; gd_converges on both sides
-- of each boundary; gd_optimal_alpha.  Hidden: runs long enough to overflow,
-- x0 = 0 on a diverging rate, a million steps, starts at 1e-300 and 1e300
-- where (1 - 2 alpha)^t alone over- or underflows although x_t does not,
-- and alpha = 1e-20, whose rounded factor 1 - 2 alpha is exactly 1.
--
-- Each edge rule of the statement's table names the cases that a solution
-- breaking it fails; mutants/ holds one such solution per rule, and
-- `make exercises-check` runs them.  Adding or moving a case renumbers the
-- cases after it: update the table's last column.
--
-- Tolerance for gd_iterate: rel 1e-9 (a loop of t multiplications and a
-- closed form agree to about t units in the last place), or abs 1e-300
-- (below that, the two meet the subnormal range at different times).
local ITER_TOL = { rel = 1e-9, abs = 1e-300 }


local count = 0
local function register(c)
    case(c)
    count = count + 1
    return count
end

local function iterate(alpha, x0, t, fields)
    local c = fields or {}
    c.call, c.args = "gd_iterate", { alpha, x0, t }
    c.name = string.format("gd_iterate(%s, %s, %s)", show(alpha), show(x0), show(t))
    c.tol = c.tol or ITER_TOL
    c.hint = c.hint or "each step multiplies x by the same factor: x_t = (1 - 2 alpha)^t x0"
    return register(c)
end

local function converges(alpha, fields)
    local c = fields or {}
    c.call, c.args = "gd_converges", { alpha }
    c.name = string.format("gd_converges(%s)", show(alpha))
    c.tol = { abs = 0 }
    c.hint = c.hint or "x_t -> 0 from every x0 exactly when |1 - 2 alpha| < 1, that is 0 < alpha < 1"
    return register(c)
end

-- The figure's trajectories: a slow creep, a zig-zag that converges, and
-- one that diverges, each from x0 = 1 for t = 0 .. 10.
local RATES = { { 0.1, "alpha = 0.1" }, { 0.9, "alpha = 0.9" }, { 1.05, "alpha = 1.05" } }
local series = {}
for i, r in ipairs(RATES) do
    local cases = {}
    for t = 0, 10 do cases[#cases + 1] = iterate(r[1], 1.0, t, { points = 0.25 }) end
    series[i] = { title = r[2], cases = cases }
end

-- The edges of section 2.
iterate(0.0, 2.385, 7, { hint = "alpha = 0: the factor is 1 and x never moves, x_t = x0" })
iterate(0.5, 2.385, 1, { hint = "alpha = 1/2: the factor is 0, one step lands exactly on the minimum 0" })
iterate(0.5, -3.7, 5, { hint = "alpha = 1/2: every step after the first stays at 0" })
iterate(1.0, 2.385, 7, { hint = "alpha = 1: the factor is -1, x bounces between x0 and -x0 (odd t: -x0)" })
iterate(1.0, 2.385, 8, { hint = "alpha = 1: the factor is -1, x bounces between x0 and -x0 (even t: x0)" })
iterate(-0.1, 1.5, 20, { hint = "a negative rate climbs uphill: the factor 1.2 > 1 grows every step" })
iterate(0.3, 4.2, 0, { hint = "t = 0: no step taken, return x0" })
iterate(0.05, -1.0, 1000, { hint = "1000 steps with the factor 0.9: about -1.7e-46, small but not 0" })
iterate(0.3, 2.0, -1, { hint = "t < 0 is not a number of steps: return NaN (NAN from <math.h>)" })

converges(0.1)
converges(0.0, { hint = "alpha = 0: the factor is 1, x_t = x0 stays where it started" })
converges(0.5, { hint = "alpha = 1/2 reaches 0 in one step: it converges" })
converges(1.0, { hint = "alpha = 1: the factor is -1, x bounces forever without converging" })
converges(-0.1, { hint = "a negative rate walks uphill: it diverges" })
converges(0.999, { hint = "alpha = 0.999: the factor is -0.998, a slow zig-zag that still converges" })
converges(1.5, { hint = "alpha = 1.5: the factor is -2, the zig-zag grows" })

register({ call = "gd_optimal_alpha", args = {}, name = "gd_optimal_alpha()", tol = { abs = 0 },
           hint = "the fastest rate makes the factor |1 - 2 alpha| as small as possible" })

-- Hidden: overflow, a fixed point, long runs, and alphas at the edges of
-- what a double can say.
local OVERFLOW = "x_t overflows here: return +Inf or -Inf with the sign of (1 - 2 alpha)^t x0. Multiply by " ..
                 "the factor; x - 2 alpha x turns an infinite x into Inf - Inf = NaN"
iterate(1.5, 1.7, 1100, { hidden = true, hint = OVERFLOW })
iterate(1.5, 1.7, 1101, { hidden = true, hint = OVERFLOW })
iterate(-0.25, -3.0, 2000, { hidden = true, hint = OVERFLOW })
iterate(1.5, 0.0, 1100, { hidden = true,
        hint = "x0 = 0 is the minimum and stays 0 for every alpha; pow(1 - 2 alpha, t) overflows to Inf " ..
               "here and Inf * 0 is NaN" })
iterate(1e-7, 1.0, 1000000, { hidden = true,
        hint = "a million tiny steps: (1 - 2e-7)^1e6 is about exp(-0.2) = 0.8187; the factor must be " ..
               "computed once, accurately, and applied t times (or raised to the power t)" })
iterate(0.999999, 2.0, 500000, { hidden = true,
        hint = "the factor is -0.999998: half a million zig-zags, about 2 exp(-1) = 0.7358 at even t" })
iterate(1.5, 1e-300, 1100, { hidden = true,
        hint = "the factor is -2 and 2^1100 overflows, but x_t = 2^1100 * 1e-300, about 1.4e31, does not: " ..
               "pow(1 - 2 alpha, t) * x0 gives Inf; multiply step by step (or scale before you multiply)" })
iterate(0.25, 1e300, 1100, { hidden = true,
        hint = "the factor is 1/2 and 2^-1100 underflows to 0, but x_t = 1e300 / 2^1100, about 7.4e-32, " ..
               "does not: pow(1 - 2 alpha, t) * x0 gives 0; multiply step by step (or scale first)" })
converges(1e-20, { hidden = true,
          hint = "alpha = 1e-20 > 0 converges (very slowly); in doubles 1 - 2 alpha rounds to exactly 1, " ..
                 "so decide from alpha itself, 0 < alpha < 1, not from the rounded factor" })
converges(0 / 0, { hidden = true, hint = "a NaN rate converges nowhere: return 0 (every comparison with NaN is false)" })
converges(math.huge, { hidden = true, hint = "alpha = Inf: return 0" })
converges(0.9999999999999999, { hidden = true, hint = "the largest double below 1 still converges" })

return {
    title = "Learning-rate sensitivity",
    chapter = 5,
    figure = {
        x = 3, y = "return", series = series, key = "outside right top",
        xlabel = "step t", ylabel = "x_t", title = "Gradient descent on x^2 from x0 = 1",
    },
}
