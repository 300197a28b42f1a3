-- 06-adam: whole Adam trajectories on the ravine w1^2 + 10 w2^2, every
-- iterate compared.  adam_step cannot be called on its own here: its w, m
-- and v are read and written, and the grader fills output arrays with NaN.
-- So the cases call the harness defined in exercise.h, which runs the
-- student's adam_step step after step (adam_path, adam_ravine_loss) or once
-- on given state (adam_one_step).
local RAVINE = { 1, 10 }
local DEFAULTS_HINT = "m and v start at zero; t counts from 1; m_hat = m / (1 - beta1^t), " ..
                      "v_hat = v / (1 - beta2^t); w -= lr * m_hat / (sqrt(v_hat) + eps)"
-- Iterates approach 0, where a relative tolerance alone would demand more
-- than rounding allows: abs covers the last digits of values near zero.
local TOL = { rel = 1e-9, abs = 1e-12 }

local function path(w0, d, steps, lr, b1, b2, eps, fields)
    local n = #w0
    local c = { call = "adam_path", args = { out(n * (steps + 1)), w0, d, n, steps, lr, b1, b2, eps },
                compare = 1, tol = TOL, hint = DEFAULTS_HINT }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

local function one_step(w, g, m, v, t, lr, b1, b2, eps, fields)
    local n = #w
    local c = { call = "adam_one_step", args = { out(3 * n), w, g, m, v, n, t, lr, b1, b2, eps },
                compare = 1, tol = TOL, hint = DEFAULTS_HINT }
    for k, val in pairs(fields or {}) do c[k] = val end
    return case(c)
end

-- ---- public ------------------------------------------------------------------
-- 0 points: adam_step called directly, so that a file without it is told
-- "missing function adam_step" (its w, m and v arrive as NaN, so NaN is right).
case { call = "adam_step", args = { out(2), { 4, 20 }, out(2), out(2), 2, 1, 0.1, 0.9, 0.999, 1e-8 },
       compare = 1, points = 0, name = "adam_step is defined (called on NaN state: NaN out)",
       hint = "define adam_step with exactly the prototype of exercise.h" }
-- 2: the loss along the chapter's run from (2, 1).
case { call = "adam_ravine_loss", args = { out(61), { 2, 1 }, 60, 0.1, 0.9, 0.999, 1e-8 },
       compare = 1, tol = TOL, name = "loss along 60 steps on the ravine from (2, 1), lr 0.1",
       hint = DEFAULTS_HINT }
path({ 2, 1 }, RAVINE, 1, 0.1, 0.9, 0.999, 1e-8, {
    name = "first step on the ravine from (2, 1)",
    hint = "with bias correction the first step is -lr * sign(g) (up to eps): t must be 1 " ..
           "at the first call, and 1 - beta^t uses that t, not t - 1 or t + 1" })
-- 4: the figure's case, its path drawn over the contours of the ravine.
path({ 2, 1 }, RAVINE, 30, 0.1, 0.9, 0.999, 1e-8, {
    name = "30 steps on the ravine from (2, 1), lr 0.1 (the chapter's table)" })
path({ -1.5, 0.75 }, RAVINE, 50, 0.05, 0.9, 0.999, 1e-8, {
    name = "50 steps on the ravine from (-1.5, 0.75), lr 0.05" })
path({ 2, 1 }, RAVINE, 40, 0.5, 0.9, 0.999, 1e-8, {
    name = "40 steps with a large lr 0.5 (overshoots, then settles)" })
path({ 2, 1 }, RAVINE, 25, 0.1, 0.9, 0.999, 0.1, {
    name = "25 steps with eps = 0.1",
    hint = "eps is added to sqrt(v_hat), outside the square root, and after the bias " ..
           "correction: sqrt(v_hat + eps) or sqrt(v) + eps give other steps" })
path({ 2, 1 }, RAVINE, 25, 0.1, 0.0, 0.999, 1e-8, {
    name = "25 steps with beta1 = 0 (no momentum)",
    hint = "beta1 = 0 makes m the current gradient and 1 - beta1^t = 1: nothing special " ..
           "to do, but 0^t must not be computed as something else" })
one_step({ 2, 1 }, { 4, 20 }, { 0, 0 }, { 0, 0 }, 1, 0.1, 0.9, 0.999, 1e-8, {
    name = "one step at t = 1 from (2, 1): w, m and v after it",
    hint = "after the step, m and v hold the raw moments (not the bias-corrected ones), " ..
           "and w has moved by about -lr * sign(g)" })
one_step({ 2, 1 }, { 0, -3 }, { 0, 0 }, { 0, 0 }, 1, 0.1, 0.9, 0.999, 1e-8, {
    name = "one step at t = 1 with a zero gradient component",
    hint = "a zero gradient with zero moments gives m_hat = v_hat = 0 and a step of " ..
           "0 / (0 + eps) = 0: that weight must not move" })
one_step({ 1.2, -0.35 }, { 2.4, -7 }, { 1.7, -4.2 }, { 3.9, 61.5 }, 7, 0.1, 0.9, 0.999, 1e-8, {
    name = "one step at t = 7 with moments already under way",
    hint = "m = beta1 m + (1 - beta1) g and v = beta2 v + (1 - beta2) g^2 use the m and v " ..
           "passed in; correct with 1 - beta^7" })
path({ 1, -2, 0.3 }, { 0.5, 2.385, 40 }, 100, 0.02, 0.9, 0.999, 1e-8, {
    name = "100 steps in three dimensions, d = (0.5, 2.385, 40)",
    hint = "update all n weights: loop i from 0 to n - 1, each with its own m[i] and v[i]" })
path({ 3.5 }, { 1 }, 20, 0.25, 0.9, 0.999, 1e-8, {
    name = "20 steps in one dimension (n = 1)" })

-- ---- hidden ------------------------------------------------------------------
path({ 2.385, -1.25 }, RAVINE, 500, 0.01, 0.9, 0.999, 1e-8, {
    hidden = true, name = "500 steps on the ravine from (2.385, -1.25), lr 0.01",
    hint = "a long run: an error of one rounding per step is fine, a wrong formula is not" })
path({ 2, 1 }, RAVINE, 200, 0.05, 0.5, 0.9, 1e-8, {
    hidden = true, name = "200 steps with beta1 = 0.5, beta2 = 0.9",
    hint = "beta1 and beta2 are arguments: do not hard-code 0.9 and 0.999" })
path({ 2, 1 }, RAVINE, 30, 0.1, 0.9, 0.999, 0.0, {
    hidden = true, name = "30 steps with eps = 0",
    hint = "eps = 0 is allowed while the gradients are nonzero: the step is exactly " ..
           "lr * m_hat / sqrt(v_hat)" })
path({ 0.8, -0.6, 1.1, 2.5, -0.05 }, { 1, 10, 0.1, 3.3, 100 }, 150, 0.03, 0.9, 0.999, 1e-8, {
    hidden = true, name = "150 steps in five dimensions",
    hint = "update all n weights, each with its own moments" })
one_step({ 0.25, -0.5 }, { 0.5, -10 }, { 0.3, -8 }, { 0.1, 90 }, 10000, 0.001, 0.9, 0.999, 1e-8, {
    hidden = true, name = "one step at t = 10000 (the corrections are close to 1, not equal to it)",
    hint = "by t = 10000, beta1^t and beta2^t are below 1e-4: both corrections are close " ..
           "to 1 but not equal to it, so keep them" })
one_step({ 0.5, -1.5 }, { 1, -3 }, { 0.1, -0.3 }, { 1e-5, 9e-5 }, 3, 0.1, 0.9, 0.99999, 1e-8, {
    hidden = true, name = "one step at t = 3 with beta2 = 0.99999",
    hint = "with beta2 this close to 1, v is tiny and 1 - beta2^3 is about 3e-5: " ..
           "dividing v by it is what makes v_hat the size of g^2; skipping it " ..
           "makes the step hundreds of times too large" })

return {
    title = "One Adam step, run along whole trajectories",
    chapter = 6,
    tolerance = TOL,
    -- The path of case 4 over the contours of the ravine.
    figure = { x = "pairs", y = 1, case = 4,
               contour = function(w1, w2) return w1^2 + 10 * w2^2 end,
               levels = { 0.05, 0.2, 0.5, 1, 2, 4, 7, 11, 14 },
               xrange = { -1, 2.5 }, yrange = { -1.25, 1.25 },
               xlabel = "w_1", ylabel = "w_2",
               title = "Adam on the ravine w_1^2 + 10 w_2^2: 30 steps from (2, 1), lr 0.1" },
}
