-- 05-path: the figure draws case 2's output as a path (x = "pairs") over
-- the contours of the bowl, a Lua function of the spec.
case { call = "gd_path", args = { out(2), 1.5, -0.75, 0, 0.1 }, compare = 1, name = "no step" }
case { call = "gd_path", args = { out(2 * 21), 2.385, 1.25, 20, 0.1 }, compare = 1,
       hint = "the gradient of x^2 + 4 y^2 is (2 x, 8 y)" }
case { call = "gd_path", args = { out(2 * 6), -1, 0.5, 5, 0.2 }, compare = 1, hidden = true }

return {
    title = "A descent path",
    chapter = 5,
    tolerance = { rel = 1e-12, abs = 1e-300 },
    figure = { x = "pairs", y = 1, case = 2, xlabel = "x", ylabel = "y",
               contour = function(x, y) return x^2 + 4 * y^2 end, levels = 6,
               xrange = { -0.5, 2.75 }, yrange = { -1.5, 1.5 } },
}
