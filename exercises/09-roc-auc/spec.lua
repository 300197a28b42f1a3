-- 09-roc-auc: the exact AUC, with ties, edge cases and a million scores.

-- A small deterministic generator (Park and Miller's minimal standard,
-- exact in doubles), so the data are the same on every machine.
local state = 97531
local function uniform()
    state = (state * 16807) % 2147483647
    return state / 2147483647
end

-- n scores with labels drawn so that higher scores are more often
-- positive; `levels` > 0 rounds the scores to that many values (ties).
local function data(n, levels, first_state)
    state = first_state
    local s, l = {}, {}
    for i = 1, n do
        local u = uniform()
        if levels > 0 then u = math.floor(u * levels) / levels end
        s[i] = u
        l[i] = uniform() < 0.25 + 0.5 * u and 1 or 0
    end
    return s, ints(l)
end

-- The AUC is a count of pairs divided by P N: exact summation gives it to
-- the last bit, a floating sum of rates to about 1e-13.
local TOL = { abs = 1e-12 }
local HINT = "sort by score, walk from the highest: each negative adds (positives above it) / (P N), " ..
             "a group of tied scores adds the trapezoid dfp (2 tp + dtp) / (2 P N)"

local function auc(name, scores, labels, fields)
    local n = #(labels.values or labels)
    if not labels.kind then labels = ints(labels) end
    local c = { call = "roc_auc", args = { scores, labels, n }, tol = TOL, name = name, hint = HINT }
    for k, v in pairs(fields or {}) do c[k] = v end
    return case(c)
end

-- ---- public ------------------------------------------------------------------
auc("perfect ranking: AUC 1", { 0.9, 0.8, 0.7, 0.3, 0.2, 0.1 }, { 1, 1, 1, 0, 0, 0 }, {
    hint = "every positive above every negative: the curve goes straight up, then right.  " .. HINT })
auc("reversed ranking: AUC 0", { 0.9, 0.8, 0.7, 0.3, 0.2, 0.1 }, { 0, 0, 0, 1, 1, 1 })
auc("a small mixed example (8 of 9 pairs right)", { 0.95, 0.85, 0.6, 0.55, 0.4, 0.2 },
    { 1, 1, 0, 1, 0, 0 }, {
        hint = "count the (positive, negative) pairs: here 8 of the 9 have the positive higher.  " .. HINT })
auc("scores not sorted on input", { 0.4, 0.95, 0.2, 0.55, 0.85, 0.6 }, { 0, 1, 0, 1, 1, 0 }, {
    hint = "the input order is arbitrary: sort (a copy of) the scores, and keep each label with its score" })
auc("one tie between a positive and a negative", { 0.9, 0.5, 0.5, 0.1 }, { 1, 1, 0, 0 }, {
    hint = "a tied positive and negative are one diagonal step: the pair counts 1/2, " ..
           "whichever order your sort leaves them in" })
auc("all scores equal: AUC 1/2", { 0.3, 0.3, 0.3, 0.3, 0.3 }, { 1, 0, 1, 0, 0 }, {
    hint = "one group of ties is one diagonal from (0, 0) to (1, 1): area 1/2" })
auc("one class only (all positive): NaN", { 0.2, 0.7, 0.4 }, { 1, 1, 1 }, {
    hint = "with no negatives the false positive rate is 0/0: return NAN (from math.h)" })
auc("one class only (all negative): NaN", { 0.2, 0.7, 0.4 }, { 0, 0, 0 }, {
    hint = "with no positives the true positive rate is 0/0: return NAN" })
auc("n = 2, one of each", { -1.5, 2.25 }, { 1, 0 })
auc("negative scores and infinities", { -1e300, -math.huge, 3.5, math.huge, -2, 0 },
    { 0, 0, 1, 1, 0, 1 }, {
        hint = "scores are any doubles, infinities included; only their order matters" })
do
    local s, l = data(200, 10, 12345)
    auc("200 scores on 10 levels (many ties)", s, l)
end
do
    local s, l = data(1000, 0, 2468)
    auc("1000 distinct scores", s, l)
end

-- ---- hidden ------------------------------------------------------------------
do
    local s, l = data(5000, 3, 1357)
    auc("heavy ties: 5000 scores on 3 levels", s, l, {
        hidden = true,
        hint = "a group of tied scores must be taken as a whole: dfp (2 tp + dtp) / 2, " ..
               "not one point per score" })
end
do
    local s, l = {}, {}
    for i = 1, 4000 do s[i] = 0.625; l[i] = i % 3 == 0 and 1 or 0 end
    auc("all 4000 scores equal", s, l, { hidden = true,
        hint = "one group of ties: area 1/2, whatever the order of the labels" })
end
auc("a single score: NaN", { 0.5 }, { 1 }, { hidden = true,
    hint = "one example is one class: NaN" })
auc("a NaN score: NaN", { 0.5, 0 / 0, 0.25 }, { 1, 0, 0 }, { hidden = true,
    hint = "NaN compares false with everything, so no sort can place it: return NAN" })
auc("-0.0 and 0.0 are tied", { 0.0, -0.0, 1 }, { 1, 0, 1 }, { hidden = true,
    hint = "-0.0 == 0.0 in C: they are one group of ties" })
do
    local n = 1000000
    local s, l = data(n, 0, 424242)
    -- Some ties in the million too: every 7th score copied from its neighbour.
    for i = 8, n, 7 do s[i] = s[i - 1] end
    auc("n = 10^6 under the normal time limit", s, l, {
        hidden = true, tol = { abs = 1e-10 },
        hint = "a time-out: a loop over all pairs makes 2.5e11 comparisons, far beyond the time " ..
               "limit; sort once (qsort or a merge sort) and walk once, about a tenth of a second.  " ..
               "A wrong value: every 7th score is tied with the one before it, so take each group of " ..
               "tied scores as one diagonal step, and sum the trapezoids in integer counts " ..
               "(unsigned long long, 2 P N is about 5e11) before dividing once" })
end
auc("a label that is neither 0 nor 1: NaN", { 0.9, 0.4, 0.7, 0.1 }, { 1, 0, 2, 0 }, { hidden = true,
    hint = "labels are 0 or 1; any other value (2 here) makes the input invalid: return NAN, " ..
           "do not count it as a positive" })
auc("n = 0: NaN", { 0.5 }, { 1 }, { hidden = true, args = { { 0.5 }, ints { 1 }, 0 },
    hint = "n < 1: no examples, no curve: return NAN without reading the arrays" })

return {
    title = "The exact area under the ROC curve",
    chapter = 9,
    tolerance = TOL,
}
