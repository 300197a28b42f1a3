-- 04-unchanged: compare = 1 reads the input array back after the call; the
-- figure draws |sum - 0.5| against h in two series, log-log.
local x = { 0.1, 1.2345e-7, 0.7 }
local first, second = {}, {}
for k, h in ipairs({ 1e-1, 1e-2, 1e-3, 1e-4 }) do
    case { call = "shifted_sum", args = { x, #x, h }, hint = "add h to each x[i], then square" }
    if k <= 2 then first[#first + 1] = k else second[#second + 1] = k end
end
case { call = "shifted_sum", args = { x, #x, 1e-5 }, compare = 1, tol = { ulp = 0 },
       name = "shifted_sum: is x unchanged?", hint = "x is read-only: do not write into it" }
case { call = "shifted_sum", args = { { 2.5, -1 }, 2, 1e-3 }, compare = { "return", 1 }, hidden = true }

return {
    title = "Leave the input alone",
    chapter = 4,
    tolerance = { rel = 1e-12 },
    figure = { x = 3, logx = true, logy = true, key = "top left", xlabel = "h", ylabel = "|sum - 0.5|",
               map = function(v) return math.abs(v - 0.5) end,
               series = { { title = "large h", cases = first }, { title = "small h", cases = second } } },
}
