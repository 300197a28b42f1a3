-- 06b-nesterov: whole trajectories of Nesterov's accelerated gradient
-- (classical form) on quadratics sum_i d[i] theta_i^2, every iterate
-- compared; a case that checks theta0 is left alone; the edges.
--
-- Tolerance: rel 1e-9, or 1e-12 absolute for iterates near zero.  One
-- rounding per step drifts far less than that over a few hundred steps; the
-- heavy ball (gradient at theta instead of theta + beta v) differs from the
-- second step on by a factor close to 1 - beta times the step.
local RAVINE = { 1, 10 }
local TOL = { rel = 1e-9, abs = 1e-12 }
local HINT = "v = beta v - eta * 2 d[i] (theta[i] + beta v[i]), then theta[i] += v; v starts at 0, " ..
             "and path row t is theta after t steps (row 0 is theta0)"
local AHEAD = "the gradient is taken at the look-ahead point theta + beta v (with the old v), not at " ..
              "theta: that is the heavy ball"

local function path(theta0, d, steps, eta, beta, fields)
    local n = #theta0
    local c = { call = "nesterov_path",
                args = { out(math.max(n * (steps + 1), 1)), theta0, d, n, steps, eta, beta },
                compare = 1, tol = TOL, hint = HINT }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

-- ---- public ------------------------------------------------------------------
-- 1: one step: v_0 = 0, so the look-ahead point is theta0 and this is a
-- gradient-descent step, the same for every momentum method.
path({ 2, 1 }, RAVINE, 1, 0.04, 0.9, {
    name = "one step on the ravine from (2, 1), eta 0.04, beta 0.9",
    hint = "v starts at 0, so the first step is theta0 - eta * 2 d[i] theta0[i] = (1.84, 0.2); " ..
           "path holds theta0 first, then the new theta" })
-- 2: two steps, the first where the look-ahead point matters.
path({ 2, 1 }, RAVINE, 2, 0.04, 0.9, {
    name = "two steps on the ravine from (2, 1), eta 0.04, beta 0.9",
    hint = AHEAD .. "; here the second step must reach (1.56032, -0.104); the heavy ball reaches (1.5488, -0.68)" })
-- 3: the figure's case: 40 steps that swing across the ravine and settle.
path({ 2, 1 }, RAVINE, 40, 0.04, 0.8, {
    name = "40 steps on the ravine from (2, 1), eta 0.04, beta 0.8",
    hint = AHEAD })
path({ -1.5, 0.75 }, RAVINE, 60, 0.02, 0.9, {
    name = "60 steps on the ravine from (-1.5, 0.75), eta 0.02, beta 0.9",
    hint = AHEAD })
path({ 2, 1 }, RAVINE, 30, 0.045, 0.0, {
    name = "30 steps with beta = 0 (gradient descent)",
    hint = "beta = 0 makes v = -eta * gradient: plain gradient descent, nothing special to do" })
path({ 1, -2, 0.3 }, { 0.5, 2.385, 40 }, 80, 0.01, 0.8, {
    name = "80 steps in three dimensions, d = (0.5, 2.385, 40)",
    hint = HINT .. "; update all n coordinates, each with its own velocity v[i]" })
path({ 3.5 }, { 1 }, 25, 0.25, 0.5, {
    name = "25 steps in one dimension (n = 1)" })
-- 8: theta0 is const: read back after the call, bit for bit.
path({ 0.1, 1.2345e-7, -2.385 }, { 1, 10, 3 }, 12, 0.03, 0.9, {
    compare = 2, tol = { ulp = 0 }, name = "12 steps in three dimensions: is theta0 unchanged?",
    hint = "theta0 is read only: keep the moving theta in path (or in your own copy), never in theta0" })
path({ 2, 1 }, RAVINE, 0, 0.04, 0.9, {
    name = "steps = 0: the path is theta0 alone",
    hint = "steps = 0 is a run of no steps: path holds theta0 (n numbers) and nothing else" })

-- ---- hidden ------------------------------------------------------------------
path({ 2.385, -1.25 }, RAVINE, 400, 0.01, 0.95, {
    hidden = true, name = "400 steps on the ravine from (2.385, -1.25), eta 0.01, beta 0.95",
    hint = AHEAD .. "; a long run: one rounding per step is fine, another method is not" })
path({ 0.8, -0.6, 1.1, 2.5, -0.05 }, { 1, 10, 0.1, 3.3, 100 }, 150, 0.004, 0.9, {
    hidden = true, name = "150 steps in five dimensions",
    hint = AHEAD .. "; every coordinate has its own velocity" })
path({ 1, 1 }, { 1, 100 }, 30, 0.0045, 0.9, {
    hidden = true, name = "30 steps at eta just under 1/L = 0.005 on d = (1, 100)",
    hint = AHEAD })
path({ 4, -3, 2 }, { 2, 0.5, 8 }, 20, 0.05, 0.7, {
    compare = 2, tol = { ulp = 0 }, hidden = true, name = "20 steps: is theta0 unchanged?",
    hint = "theta0 is read only: keep the moving theta in path, never in theta0" })
path({ 2, 1 }, RAVINE, 0, 0.01, 0.0, {
    hidden = true, name = "steps = 0 with beta = 0",
    hint = "steps = 0: path holds theta0 and nothing else" })
path({ 2, 1 }, RAVINE, -1, 0.04, 0.9, {
    hidden = true, tol = { ulp = 0 }, name = "steps = -1: nothing is written",
    hint = "a negative number of steps is not a run: write nothing at all into path" })

return {
    title = "Nesterov's accelerated gradient, run along whole trajectories",
    chapter = 6,
    tolerance = TOL,
    figure = { x = "pairs", y = 1, case = 3,
               contour = function(w1, w2) return w1^2 + 10 * w2^2 end,
               levels = { 0.05, 0.2, 0.5, 1, 2, 4, 7, 11, 14 },
               xrange = { -1, 2.5 }, yrange = { -1.25, 1.25 },
               xlabel = "theta_1", ylabel = "theta_2",
               title = "Nesterov on the ravine theta_1^2 + 10 theta_2^2: 40 steps from (2, 1)" },
}
