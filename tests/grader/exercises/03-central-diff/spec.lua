-- 03-central-diff: f is libm's sin, or a Lua function turned into a C callback.
local on_sin = {}
for i = 0, 8 do
    case { call = "central_diff", args = { cfn "sin", 0.3 + 0.375 * i, 1e-5 },
           hint = "divide by 2h, and evaluate f on both sides of x" }
    on_sin[#on_sin + 1] = i + 1
end
local function cube(t) return t * t * t end
case { call = "central_diff", args = { cube, 1.5, 1e-3 }, tol = { rel = 1e-12 } }

return {
    title = "Central difference",
    chapter = 1,
    tolerance = { rel = 1e-12 },
    figure = { x = 2, y = "return", cases = on_sin, xlabel = "x", ylabel = "d/dx sin(x)",
               title = "central difference of sin" },
}
