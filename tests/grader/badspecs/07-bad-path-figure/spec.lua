-- a path figure whose contour function returns no number (reported at its line)
case { call = "twice", args = { 2.385 } }
local function height(x, y)
    return x < y
end
return { title = "t", chapter = 1, tolerance = { ulp = 0 },
         figure = { x = "pairs", y = 1, contour = height } }
