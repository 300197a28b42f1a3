-- 02-scale: an out-parameter array, and an input array.
local x = { 1.5, -2.25, 3.125, 0.5, 7.75 }
for _, a in ipairs({ 2.385, -0.5, 0 }) do
    case { call = "scale", args = { out(#x), x, #x, a }, compare = 1, points = 2,
           hint = "write all n outputs: out[i] = a * x[i]" }
end
case { call = "sum", args = { x, #x }, tol = { rel = 1e-12 } }
case { call = "sum", args = { { 0.1, 0.2, 0.3 }, 3 }, tol = { abs = 1e-15 }, hidden = true }
-- Inputs computed with the library: the sum of the cosines of a grid.
local slope = require "slope"
local grid = {}
for i = 1, 6 do grid[i] = math.cos(0.5 * i) * slope.linalg_norm2(slope.doubles{ 3, 4 }, 2) end
case { call = "sum", args = { grid, #grid }, tol = { rel = 1e-12 }, hidden = true }

return {
    title = "Scale a vector",
    chapter = 3,
    tolerance = { ulp = 0 },
}
