-- 04-hessian-classify: numerical_hessian on functions of 1 to 5 variables
-- (Lua functions passed as C callbacks), and classify_critical_point on
-- Hessians of 1 to 4 variables, among them the cases of chapter 04's
-- section 3.1 where an eigenvalue sits within the tolerance of zero.
--
-- numerical_hessian's tolerance: rel 1e-8, or an absolute eps |f| / h^2
-- times a margin.  Rounding in f grows like eps |f| / h^2 in the four-point
-- formula, and moving a coordinate as (x + h) + h or as x + 2h (both are the
-- formula) differs by that much; a second difference with step h on the
-- diagonal instead of 2h is off by h^2 f''''/4, which the h = 1e-2 cases see.
local EPS = 2 ^ -52

-- ---- functions for numerical_hessian (x is a C array, from 0) ------------------
local F = {}
F["x^2 + 4xy + y^2"] = function(x) return x[0] * x[0] + 4 * x[0] * x[1] + x[1] * x[1] end
F.rosenbrock = function(x) return (1 - x[0]) ^ 2 + 100 * (x[1] - x[0] * x[0]) ^ 2 end
F["x^2 + y^4"] = function(x) return x[0] * x[0] + x[1] ^ 4 end
F["x^4"] = function(x) return x[0] ^ 4 end
F["sin(a) cos(b) + exp(c/2)"] = function(x) return math.sin(x[0]) * math.cos(x[1]) + math.exp(x[2] / 2) end
F["log-sum-exp"] = function(x, n)
    local m = -math.huge
    for i = 0, n - 1 do m = math.max(m, x[i]) end
    local s = 0
    for i = 0, n - 1 do s = s + math.exp(x[i] - m) end
    return m + math.log(s)
end
F["a^3 + a b^2 - b c + c^4"] = function(x)
    return x[0] ^ 3 + x[0] * x[1] * x[1] - x[1] * x[2] + x[2] ^ 4
end
-- 0.5 x^T A x + b^T x with a fixed symmetric A: its Hessian is A itself.
local QA = { { 4, 1, 0, -2, 0.5 }, { 1, 3, 0.25, 0, 0 }, { 0, 0.25, -1, 1.5, 0 },
             { -2, 0, 1.5, 5, -1 }, { 0.5, 0, 0, -1, 2.5 } }
F.quadratic = function(x)
    local s = 0
    for i = 1, 5 do
        s = s + (0.1 * i) * x[i - 1]
        for j = 1, 5 do s = s + 0.5 * x[i - 1] * QA[i][j] * x[j - 1] end
    end
    return s
end



local function fabs_at(fname, x)
    local buf = {}
    for i = 1, #x do buf[i - 1] = x[i] end
    local v = F[fname](buf, #x)
    return v == v and math.abs(v) or 1
end

local HESS_HINT = "H[i*n + j] = (f(x+h e_i+h e_j) - f(x+h e_i-h e_j) - f(x-h e_i+h e_j) + f(x-h e_i-h e_j)) " ..
                  "/ (4 h^2), for every i and j, row-major"
local DIAG_HINT = HESS_HINT .. "; on the diagonal (i == j) the same formula steps by 2h: " ..
                  "(f(x+2h e_i) - 2 f(x) + f(x-2h e_i)) / (4 h^2), not the second difference with step h"

local function hessian(fname, x, h, fields)
    local c = fields or {}
    local n = c.n or #x
    c.n = nil
    c.call = "numerical_hessian"
    c.args = { F[fname], x, n, h, out(math.max(n * n, 1)) }
    c.compare = c.compare or 5
    c.name = string.format("numerical_hessian(%s, %s, %d, %s)", fname, show(x), n, show(h))
    if c.compare == 2 then c.name = c.name .. ": is x unchanged?" end
    if not c.tol then
        local hh = h > 0 and h or 1
        c.tol = { rel = 1e-8, abs = 256 * EPS * (fabs_at(fname, x) + 1) / (hh * hh) }
    end
    c.hint = c.hint or HESS_HINT
    return case(c)
end

-- Chapter 04's table: x^2 + 4xy + y^2 at (1, 0.5), exact Hessian [[2, 4], [4, 2]].
hessian("x^2 + 4xy + y^2", { 1.0, 0.5 }, 1e-4)
hessian("rosenbrock", { 1.0, 1.0 }, 1e-4,
        { hint = HESS_HINT .. "; at (1, 1) Rosenbrock's Hessian is [[802, -400], [-400, 200]]" })
hessian("rosenbrock", { -1.2, 1.0 }, 1e-3)
-- Section 3.1: the diagonal second difference of y^4 at 0 with step 2h is exactly 8 h^2.
hessian("x^2 + y^4", { 0.0, 0.0 }, 1e-4,
        { hint = DIAG_HINT .. "; here H[3] = 8 h^2 = 8e-8, the truncation error of the formula, not 0" })
hessian("x^4", { 1.5 }, 1e-2,
        { hint = DIAG_HINT .. "; for x^4 that is exactly 12 x^2 + 8 h^2 = 27.0008 here (step h would give 27.0002)" })
hessian("sin(a) cos(b) + exp(c/2)", { 0.3, -1.1, 0.8 }, 1e-3)
hessian("log-sum-exp", { 1.0, 2.0, -0.5, 0.25 }, 1e-4,
        { hint = HESS_HINT .. "; the Hessian of log-sum-exp is diag(p) - p p^T, p the softmax" })
hessian("a^3 + a b^2 - b c + c^4", { 0.7, -1.3, 0.4 }, 1e-2, { hint = DIAG_HINT })
hessian("rosenbrock", { -1.2, 1.0 }, 0.0, { hint = "h = 0 is not a step: fill H with NaN (NAN from <math.h>)" })
hessian("rosenbrock", { -1.2, 1.0 }, -1e-4, { hint = "a negative h is not a step: fill H with NaN (test !(h > 0))" })

-- ---- matrices for classify_critical_point ---------------------------------------

-- Q D Q^T for an orthogonal Q = (I - 2 u u^T / u^T u)(I - 2 v v^T / v^T v), a
-- product of two Householder reflections: a dense symmetric matrix whose
-- eigenvalues are exactly the entries of D, up to rounding.
local function reflect(M, v)
    local n, vv = #v, 0
    for i = 1, n do vv = vv + v[i] * v[i] end
    local R = {}
    for i = 1, n do
        R[i] = {}
        for j = 1, n do
            local s = 0
            for k = 1, n do s = s + ((i == k and 1 or 0) - 2 * v[i] * v[k] / vv) * M[k][j] end
            R[i][j] = s
        end
    end
    return R
end

local function with_eigenvalues(d, u, v)
    local n = #d
    local Q = {}
    for i = 1, n do
        Q[i] = {}
        for j = 1, n do Q[i][j] = i == j and 1 or 0 end
    end
    Q = reflect(reflect(Q, v), u)
    local H = {}
    for i = 1, n do
        for j = 1, n do
            local s = 0
            for k = 1, n do s = s + Q[i][k] * d[k] * Q[j][k] end
            H[(i - 1) * n + j] = s
        end
    end
    -- Exactly symmetric, as the four-point formula's mirrored H is.
    for i = 1, n do
        for j = i + 1, n do H[(j - 1) * n + i] = H[(i - 1) * n + j] end
    end
    return H
end

local CODE = { [1] = "1 (minimum)", [-1] = "-1 (maximum)", [0] = "0 (saddle)", [2] = "2 (inconclusive)" }

local function classify(H, n, tol, answer, fields)
    local c = fields or {}
    c.call = "classify_critical_point"
    c.args = { H, n, tol }
    c.tol = { abs = 0 }
    c.name = c.name or string.format("classify_critical_point(%s, %d, %s)", show(H), n, show(tol))
    c.hint = (c.hint and (c.hint .. "; ") or "") .. "the answer here is " .. CODE[answer]
    return case(c)
end

-- The three textbook shapes at the origin, and chapter 04's saddle-shaped surface.
classify({ 2, 0, 0, 2 }, 2, 1e-6, 1, { hint = "both eigenvalues are 2 > tol: a bowl" })
classify({ -2, 0, 0, -2 }, 2, 1e-6, -1, { hint = "both eigenvalues are -2 < -tol: a hilltop" })
classify({ 2, 0, 0, -2 }, 2, 1e-6, 0, { hint = "one eigenvalue of each sign" })
classify({ 2, 4, 4, 2 }, 2, 1e-6, 0, { hint = "the eigenvalues of [[2, 4], [4, 2]] are 6 and -2" })
classify({ 1, 3, 3, 1 }, 2, 1e-6, 0,
         { hint = "the diagonal is positive, but the eigenvalues are 4 and -2: the signs of the diagonal " ..
                  "entries do not decide, the eigenvalues do" })
-- Section 3.1: an eigenvalue within tol of zero.
classify({ 2, 0, 0, 8e-8 }, 2, 1e-6, 2,
         { hint = "8e-8 is within tol = 1e-6 of zero: the test cannot decide (x^2 + y^4 at the origin)" })
classify({ 2, 0, 0, -8e-8 }, 2, 1e-6, 2,
         { hint = "-8e-8 is within tol of zero, and no eigenvalue is below -tol: inconclusive, not a saddle" })
classify({ 2, 0, 0, 0 }, 2, 0, 2, { hint = "with tol = 0 an eigenvalue of exactly 0 still counts as " ..
                                           "within tol of zero (|lambda| <= tol)" })
classify({ 1, 2, 2, 4 }, 2, 1e-6, 2,
         { hint = "det = 0: the eigenvalues are 5 and 0 (computed as a rounding-sized number), so inconclusive" })
classify({ 2, 0, 0, -0.5 }, 2, 1, 2,
         { hint = "with tol = 1, the eigenvalue -0.5 counts as flat: compare with tol, not with 0" })
classify({ 3.5 }, 1, 1e-6, 1, { hint = "n = 1: the Hessian is f'' and its only eigenvalue is H[0]" })
classify({ -1e-9 }, 1, 1e-6, 2, { hint = "n = 1 with |f''| below tol: inconclusive" })
-- n = 3, dense: the saddle rule wins over a flat direction.
classify(with_eigenvalues({ 4, 1e-8, -3 }, { 1, 2, 2 }, { 2, -1, 1 }), 3, 1e-6, 0,
         { name = "classify_critical_point(Q diag(4, 1e-8, -3) Q^T, 3, 1e-06)",
           hint = "one eigenvalue > tol and one < -tol settle a saddle, even with a third within tol of zero" })
classify(with_eigenvalues({ 4, 1e-8, 3 }, { 1, 2, 2 }, { 2, -1, 1 }), 3, 1e-6, 2,
         { name = "classify_critical_point(Q diag(4, 1e-8, 3) Q^T, 3, 1e-06)",
           hint = "no eigenvalue below -tol and one within tol of zero: inconclusive" })
classify({ 4, 1, 0.5, 1, 3, 0.25, 0.5, 0.25, 2 }, 3, 1e-6, 1,
         { hint = "a dense positive definite matrix: compute the eigenvalues, not just the diagonal" })

-- Hidden: four variables, scales far from 1, near-repeated eigenvalues.
local U4, V4 = { 1, -1, 2, 1 }, { 3, 1, -1, 2 }
classify(with_eigenvalues({ 5, -2, 3e-7, 1 }, U4, V4), 4, 1e-6, 0, { hidden = true,
         name = "classify_critical_point(Q diag(5, -2, 3e-7, 1) Q^T, 4, 1e-06)",
         hint = "n = 4: one eigenvalue of each sign beyond tol is a saddle, whatever the flat one does" })
classify(with_eigenvalues({ 5, 2, 3e-7, 1 }, U4, V4), 4, 1e-6, 2, { hidden = true,
         name = "classify_critical_point(Q diag(5, 2, 3e-7, 1) Q^T, 4, 1e-06)",
         hint = "n = 4 with one eigenvalue within tol of zero and none below -tol" })
classify(with_eigenvalues({ -0.5, -2, -7, -1e-3 }, U4, V4), 4, 1e-6, -1, { hidden = true,
         name = "classify_critical_point(Q diag(-0.5, -2, -7, -1e-3) Q^T, 4, 1e-06)",
         hint = "every eigenvalue is below -tol, the smallest only just (-1e-3)" })
classify(with_eigenvalues({ 1, 1, 1 + 1e-12, -1e-3 }, U4, V4), 4, 1e-6, 0, { hidden = true,
         name = "classify_critical_point(Q diag(1, 1, 1+1e-12, -1e-3) Q^T, 4, 1e-06)",
         hint = "three nearly equal eigenvalues and one at -1e-3: your eigenvalue method must cope with repeated ones" })
classify(with_eigenvalues({ 1e6, 2e5, -1e-3 }, { 1, 2, 2 }, { 2, -1, 1 }), 3, 1e-6, 0, { hidden = true,
         name = "classify_critical_point(Q diag(1e6, 2e5, -1e-3) Q^T, 3, 1e-06)",
         hint = "entries near 1e6 and an eigenvalue of -1e-3: it is far above the rounding of the large ones" })
classify({ 1e-7, 1e-7, 1e-7, 1e-7 }, 2, 1e-6, 2, { hidden = true,
         hint = "both eigenvalues (0 and 2e-7) are within tol of zero" })
classify({ -4, 1, 0.5, 1, -3, 0.25, 0.5, 0.25, -2 }, 3, 0, -1, { hidden = true,
         hint = "a dense negative definite matrix, with tol = 0" })

classify({ 3.5 }, 0, 1e-6, 2, { hidden = true, name = "classify_critical_point({3.5}, 0, 1e-06): n = 0",
         hint = "n <= 0: there is no eigenvalue to read, return 2 (inconclusive) without touching H" })

-- Hidden numerical_hessian cases.
hessian("quadratic", { 0.3, -0.7, 1.1, 0.05, -2.0 }, 1e-3, { hidden = true,
        hint = HESS_HINT .. "; n = 5, and the Hessian of this quadratic is its constant matrix" })
hessian("sin(a) cos(b) + exp(c/2)", { 0.1, 1.2345e-7, -3.3e-8 }, 1e-4, { hidden = true, compare = 2,
        tol = { ulp = 0 }, hint = "x is read-only: build the shifted points in a copy, never in x" })
hessian("rosenbrock", { -1.2, 1.0 }, 1e-4, { hidden = true, n = 0, tol = { ulp = 0 },
        hint = "n = 0: write nothing into H" })
hessian("x^2 + y^4", { 0.5, -0.75 }, 0.0 / 0.0, { hidden = true,
        hint = "h is NaN: fill H with NaN (h <= 0 is false for a NaN, !(h > 0) is true)" })
hessian("a^3 + a b^2 - b c + c^4", { -2.5, 0.6, 1.75 }, 1e-2, { hidden = true, hint = DIAG_HINT })

return {
    title = "The Hessian and the second-derivative test",
    chapter = 4,
}
