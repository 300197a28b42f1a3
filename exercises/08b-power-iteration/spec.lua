-- 08b-power-iteration: lambda_max of a symmetric matrix from Hessian-vector
-- products only.  Each case hands the student's code a Lua function as the
-- hvp callback: it computes H v for a matrix the C code never sees (dense,
-- tridiagonal, or the Hessian of Rosenbrock's function by a difference of
-- gradients), so the matrix lives in the callback's closure, not behind a
-- params pointer.  The estimate and the final vector are both compared.
--
-- Tolerance: rel 1e-10, or 1e-12 absolute.  Power iteration damps every
-- direction but the dominant one, so a different order of operations (1/s
-- times w, a norm by hypot) stays within a few units in the last place; the
-- entries of v_out that decay to 0 reach rounding noise, which abs covers.
local TOL = { rel = 1e-10, abs = 1e-12 }
local HINT = "v = v0 / |v0|; then iters times: w = H v (one call hvp(v, w, n)), lambda = v . w, " ..
             "v = w / |w|; return lambda, and copy the final v into v_out"
local RAYLEIGH = "the estimate is the Rayleigh quotient lambda = v . (H v) with the v before normalising, " ..
                 "not |H v|: the two agree only once v has converged, and |H v| loses the sign"

-- A dense symmetric matrix, given by its rows.
local function dense(rows)
    return function(v, hv, n)
        for i = 0, n - 1 do
            local s = 0
            for j = 0, n - 1 do s = s + rows[i + 1][j + 1] * v[j] end
            hv[i] = s
        end
    end
end
-- The second-difference matrix tridiag(-1, 2, -1): eigenvalues
-- 2 - 2 cos(j pi / (n + 1)), j = 1 .. n.
local function tridiag(v, hv, n)
    for i = 0, n - 1 do
        local s = 2 * v[i]
        if i > 0 then s = s - v[i - 1] end
        if i < n - 1 then s = s - v[i + 1] end
        hv[i] = s
    end
end
-- Rosenbrock's Hessian at (1, 1) applied by a difference of gradients:
-- H v ~ (g(x + r v) - g(x - r v)) / (2 r), one extra gradient per product
-- (two here, centred).  The exact Hessian there is [[802, -400], [-400, 200]],
-- eigenvalues 501 +- sqrt(250601): 1001.6 and 0.3994.
local function rosen_grad(x1, x2)
    return -2 * (1 - x1) - 400 * x1 * (x2 - x1 * x1), 200 * (x2 - x1 * x1)
end
local function rosen_hvp(v, hv)
    local r = 1e-4
    local a1, a2 = rosen_grad(1 + r * v[0], 1 + r * v[1])
    local b1, b2 = rosen_grad(1 - r * v[0], 1 - r * v[1])
    hv[0] = (a1 - b1) / (2 * r)
    hv[1] = (a2 - b2) / (2 * r)
end

local function power(name, hvp, v0, iters, fields)
    local n = #v0
    local c = { call = "power_iteration", args = { hvp, v0, n, iters, out(n) },
                compare = { "return", 5 }, tol = TOL, hint = HINT, name = name }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

-- ---- public ------------------------------------------------------------------
power("diag(3, 1) from (1, 1), one iteration", dense { { 3, 0 }, { 0, 1 } }, { 1, 1 }, 1, {
    hint = "by hand: v = (1, 1)/sqrt 2, H v = (3, 1)/sqrt 2, lambda = v . Hv = 2, and v_out = (3, 1)/sqrt 10; " ..
           RAYLEIGH })
power("diag(3, 1) from (1, 1), 50 iterations: lambda_max = 3", dense { { 3, 0 }, { 0, 1 } }, { 1, 1 }, 50, {
    hint = HINT .. "; the error in v shrinks by 1/3 per iteration, and lambda reaches 3 to rounding" })
power("[[2, 1], [1, 3]] from (1, 0), 60 iterations: (5 + sqrt 5)/2", dense { { 2, 1 }, { 1, 3 } }, { 1, 0 }, 60, {
    hint = HINT .. "; lambda_max = (5 + sqrt 5)/2 = 3.6180, with eigenvector (0.5257, 0.8507)" })
power("the ravine's Hessian diag(2, 20), 30 iterations: lambda_max = 20, eta < 0.1",
      dense { { 2, 0 }, { 0, 20 } }, { 1, 1 }, 30, {
    hint = HINT .. "; the Hessian of w1^2 + 10 w2^2 is diag(2, 20): lambda_max = 20, so gradient descent " ..
           "needs eta < 2/20 = 0.1" })
power("diag(1, -4) from (1, 1), 40 iterations: lambda = -4", dense { { 1, 0 }, { 0, -4 } }, { 1, 1 }, 40, {
    hint = RAYLEIGH .. "; here the dominant eigenvalue is -4 (largest in size), and v flips sign at every " ..
           "iteration" })
power("H v = 0: diag(3, 0) from (0, 1), 3 iterations", dense { { 3, 0 }, { 0, 0 } }, { 0, 1 }, 3, {
    hint = "v = (0, 1) is in the null space: H v = 0, lambda = 0, and |H v| = 0 cannot be divided by; " ..
           "return 0 at once and leave v_out = (0, 1)" })
power("iters = 0: NaN, v_out = v0 / |v0|", dense { { 3, 0 }, { 0, 1 } }, { 3, -4 }, 0, {
    hint = "no iteration gives no estimate: return NaN (NAN from <math.h>), with v_out = v0 / |v0| = (0.6, -0.8)" })
power("Rosenbrock's Hessian at (1, 1) by differences of gradients, 20 iterations", rosen_hvp, { 1, 0 }, 20, {
    hint = HINT .. "; the exact lambda_max is 501 + sqrt(250601) = 1001.6 (so eta < 0.002); the " ..
           "products come from differences of gradients, so call hvp exactly once per iteration" })
power("tridiag(-1, 2, -1), n = 4, 100 iterations: 2 + 2 cos(pi/5)", tridiag, { 1, 0, 0, 0 }, 100, {
    hint = HINT .. "; lambda_max = 2 + 2 cos(pi/5) = 3.6180" })

-- ---- hidden ------------------------------------------------------------------
power("tridiag(-1, 2, -1), n = 10, 400 iterations: 2 + 2 cos(pi/11)", tridiag,
      { 1, 0.5, -0.25, 0.125, 0, 0.3, -0.7, 0.2, 0.1, 1 }, 400, {
    hidden = true, hint = HINT .. "; lambda_max = 2 + 2 cos(pi/11) = 3.9190" })
power("tridiag(-1, 2, -1), n = 4, 3 iterations", tridiag, { 1, 0, 0, 0 }, 3, {
    hidden = true, hint = RAYLEIGH })
power("iters = -2: NaN", dense { { 3, 0 }, { 0, 1 } }, { 1, 1 }, -2, {
    hidden = true, hint = "a negative number of iterations is no iteration: return NaN, v_out = v0 / |v0|" })
power("H v = 0 at the first product: one iteration", dense { { 0, 0, 0 }, { 0, 5, 1 }, { 0, 1, 2 } },
      { 2, 0, 0 }, 1, {
    hidden = true, hint = "H v = 0: lambda = 0; do not divide by |H v| = 0, return with v_out = v = (1, 0, 0)" })
power("[[-3, 1], [1, 1]], 50 iterations: -1 - sqrt 5", dense { { -3, 1 }, { 1, 1 } }, { 0.2, 1 }, 50, {
    hidden = true, hint = RAYLEIGH .. "; the eigenvalue largest in size is -1 - sqrt 5 = -3.2361" })
power("v0 = 0: NaN", dense { { 3, 0 }, { 0, 1 } }, { 0, 0 }, 5, {
    hidden = true, hint = "a zero v0 has no direction: v0 / |v0| is 0/0, NaN, and so is everything after it" })

return {
    title = "Power iteration for lambda_max from Hessian-vector products",
    chapter = 8,
    tolerance = TOL,
}
