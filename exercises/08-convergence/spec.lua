-- 08-convergence: the strongly convex rate, the number of steps it
-- promises, and a measured trace of ||x_j|| on a diagonal quadratic.

local RATE_HINT = "the strongly convex bound with step 1/L: ||x_k - x*||^2 <= (1 - mu/L)^k ||x_0 - x*||^2"
local function rate(L, mu, fields)
    local c = { call = "gd_rate", args = { L, mu }, tol = { rel = 1e-15 }, hint = RATE_HINT }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

local ITER_HINT = "k = ceil((log(eps) - log(r0)) / log1p(-mu / L)), computed as written, once the " ..
                  "rows of the edge table (checked in their order) have not decided"
local function iters(L, mu, r0, eps, fields)
    local c = { call = "gd_iterations_needed", args = { L, mu, r0, eps }, tol = { ulp = 0 },
                hint = ITER_HINT }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

-- Iterating x <- x - eta d x and the closed form (1 - eta d)^j x0 differ by
-- a few roundings per step: 1e-10 leaves room for thousands of steps.
local TRACE_TOL = { rel = 1e-10 }
local TRACE_HINT = "out[0] is ||x0|| itself; out[j] is the distance after j steps, each " ..
                   "multiplying component i by 1 - eta d[i]; write all k + 1 numbers"
local function trace(d, x0, eta, k, fields)
    local c = { call = "gd_quadratic_trace", args = { d, #d, x0, eta, k, out(k + 1) },
                compare = 6, tol = TRACE_TOL, hint = TRACE_HINT }
    for key, v in pairs(fields or {}) do c[key] = v end
    return case(c)
end

-- ---- public ------------------------------------------------------------------
trace({ 1, 50 }, { 5, 5 }, 0.02, 50, {
    name = "the chapter's run: diag(1, 50) from (5, 5), eta = 1/L = 0.02, 50 steps",
    hint = "the chapter's kappa = 50 column: 7.0711 at j = 0, 4.9 at j = 1, 1.8208 at j = 50.  " ..
           TRACE_HINT })
trace({ 1, 2 }, { 5, 5 }, 0.5, 20, {
    name = "diag(1, 2) from (5, 5), eta = 1/L = 0.5, 20 steps (halves every step)" })
trace({ 1, 50 }, { 5, 5 }, 0.04, 30, {
    name = "eta = 2/L exactly: the stiff component bounces forever",
    hint = "1 - eta d = -1 for d = 50: that component flips sign and keeps its size, " ..
           "so the distance tends to 5, not 0" })
trace({ 1, 50 }, { 5, 5 }, 0.044, 50, {
    name = "eta = 1.1 * 2/L: the trace grows",
    hint = "|1 - eta d| = 1.2 > 1 for d = 50: nothing stops the growth, and the trace must show it" })
trace({ 1, 50 }, { 3, -4 }, 0.02, 0, {
    name = "k = 0: only the start",
    hint = "k = 0 means one number, out[0] = ||x0|| = 5 here" })
trace({ 2.385, -0.5, 10 }, { 1, 1.5, -0.2 }, 0.05, 40, {
    name = "three dimensions with a negative curvature (a saddle): the trace grows",
    hint = "d = -0.5 gives 1 - eta d > 1: that component grows although the others shrink" })
rate(2, 1, { name = "gd_rate(2, 1): kappa = 2" })
rate(50, 1, { name = "gd_rate(50, 1): kappa = 50" })
rate(3.7, 3.7, { name = "gd_rate with mu = L", hint = "mu = L gives rate 0: one step of 1/L solves a round bowl" })
rate(3.7, 0, { name = "gd_rate with mu = 0 (convex, not strongly)", hint = "mu = 0 is allowed: the rate is 1, no contraction" })
rate(1, 2, { name = "gd_rate with mu > L is NaN",
             hint = "mu > L is impossible (mu is the smallest curvature, L the largest): return NAN" })
rate(0, 0, { name = "gd_rate with L = 0 is NaN", hint = "L must be positive: return NAN for L <= 0" })
iters(2, 1, 50, 1e-6, { name = "kappa = 2 from r0 = 50 to eps = 1e-6" })
iters(50, 1, 50, 1e-6, { name = "kappa = 50 from r0 = 50 to eps = 1e-6" })
iters(7.5, 7.5, 50, 1e-6, {
    name = "mu = L: one step",
    hint = "with mu = L the rate is 0, and log(0) = -inf: the answer is 1 step (r0 > eps), " ..
           "which the logarithm formula does not give" })
iters(2, 1, 1e-7, 1e-6, { name = "already there: r0 <= eps", hint = "r0 <= eps needs 0 steps" })
iters(1, 0, 1, 1e-3, { name = "mu = 0: never", hint = "rate 1 never shrinks r0: return -1" })
iters(1, 2, 1, 1e-3, { name = "mu > L: invalid", hint = "invalid arguments (gd_rate is NaN): return -1" })

-- ---- hidden ------------------------------------------------------------------
iters(1e12, 1, 1, 1e-12, {
    hidden = true, tol = { rel = 1e-9 }, name = "kappa = 1e12: about 2.8e13 steps",
    hint = "the contract's formula uses log1p(-mu / L): 1 - 1e-12 rounded to a double keeps only " ..
           "about 4 significant digits of mu/L = 1e-12 (it loses about 12), so log(1 - mu/L) and " ..
           "the k built on it are wrong from the 5th digit (27631632375153 instead of 27631021115915)" })
iters(2, 1, 1e300, 1e-300, {
    hidden = true, name = "r0 = 1e300, eps = 1e-300",
    hint = "eps / r0 = 1e-600 underflows to 0 and log(0) = -inf: use log(eps) - log(r0)" })
iters(1, 1e-18, 1, 1e-9, {
    hidden = true, name = "k too large for a long",
    hint = "about 2e19 steps do not fit in a long (at most 9.2e18): return -1 rather than " ..
           "converting an out-of-range double (undefined behaviour)" })
iters(2, 1, 1, 0, { hidden = true, name = "eps = 0 is invalid", hint = "eps must be > 0: return -1" })
rate(1, 0 / 0, { hidden = true, name = "gd_rate with mu = NaN", hint = "NaN arguments give NaN" })
rate(-2, -1, { hidden = true, name = "gd_rate with L < 0 (and mu < 0) is NaN",
               hint = "L must be positive and mu >= 0: 1 - mu/L = 0.5 here means nothing, return NAN" })
rate(math.huge, 1, { hidden = true, name = "gd_rate with L = inf is NaN",
                     hint = "both arguments must be finite: 1 - 1/inf = 1 means nothing, return NAN" })
iters(2, 1, -1, 1e-6, { hidden = true, name = "r0 < 0 is invalid, although r0 <= eps",
    hint = "the invalid-argument row comes first: r0 < 0 returns -1, not the 0 of r0 <= eps" })
iters(2, 1, 0, 0, { hidden = true, name = "eps = 0 is invalid, although r0 = 0 <= eps",
    hint = "the invalid-argument row comes first: eps <= 0 returns -1, not the 0 of r0 <= eps" })
trace({ 1, 50 }, { 3e200, 4e200 }, 0.02, 10, {
    hidden = true, name = "a start near 1e200: squares overflow",
    hint = "(4e200)^2 overflows to inf although the norm 5e200 does not: scale by the " ..
           "largest |component| before squaring (or use hypot for n = 2)" })
trace({ 1, 50 }, { 3e-200, 4e-200 }, 0.02, 10, {
    hidden = true, name = "a start near 1e-200: squares underflow",
    hint = "(3e-200)^2 underflows to 0: scale by the largest |component| before squaring" })
trace({ 1, 50 }, { 5, 5 }, 0.02, 2000, {
    hidden = true, name = "2000 steps of the chapter's run" })
trace({ 1, 50 }, { 5, 5 }, 0.044, 5000, {
    hidden = true, name = "the diverging run until it overflows",
    hint = "once an iterate overflows the distance is +inf; x - eta d x is then inf - inf = NaN, " ..
           "while (1 - eta d) x stays infinite" })
case { call = "gd_quadratic_trace", args = { { 1, 50 }, 0, { 3, -4 }, 0.02, 3, out(4) }, compare = 6,
       tol = TRACE_TOL, hidden = true, name = "n = 0: write nothing",
       hint = "n < 1: leave out untouched (no distance of an empty vector is asked for)" }
trace({ 100, 1 }, { 0, 1 }, 0.1, 400, {
    hidden = true, name = "a zero component with an unstable factor",
    hint = "a component that starts at 0 stays 0, even if (1 - eta d)^j overflows: " ..
           "0 * inf is NaN" })

return {
    title = "Convergence rates of gradient descent",
    chapter = 8,
    tolerance = { ulp = 0 },
}
