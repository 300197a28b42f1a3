-- figure.lua -- `grader check --figure OUT.svg|png`: the student's results
-- drawn over the reference's (the answer keys), with gnuplot.
--
-- The spec's figure table says what to draw:
--   figure = { x = 2, y = "return", xlabel = "x", ylabel = "f'(x)", title = "..." }
-- x is the index of a scalar argument (one point per case), "index" to
-- draw one case's output array (figure.case, default the first) against
-- its index, or "pairs" to draw it as a path in the plane (below); y is
-- "return" or the index of an out(n) argument; cases, a list of case
-- numbers, limits the points to those cases.  Optionally:
--   series = { { title = "forward", cases = {...}, map = fn }, ... }
--            several curves, each from its own cases (x must be an argument)
--   map = function(value, args) ... end   the number drawn for a value (for
--            instance its error against an exact answer); a series' own map
--            wins; args are the case's arguments as the spec wrote them
--   logx = true, logy = true              logarithmic axes (points <= 0 are
--            left out by gnuplot)
--   key = "bottom right"                  where the key goes (gnuplot's words)
--
-- A path (x = "pairs"): the array y of case figure.case is read as the
-- points (a[1], a[2]), (a[3], a[4]), ...; the reference's path is a line,
-- the student's open markers over it, on equal axes, optionally over the
-- contour lines of a function of the plane:
--   contour = function(x, y) return x^2 + 10 * y^2 end
--   levels = { 0.1, 0.5, 2 } or 10        the contour values, or how many
--   xrange = { a, b }, yrange = { c, d }  the window (default: around the
--            reference's path; the student's points outside it are cut off)
-- The contour function is the spec's own Lua, evaluated here on a grid:
-- no student code runs in this process.
--
-- The look comes from the course's plots/style.gp (called as every figure
-- script calls it, with the data directory and the output file), found
-- beside the course's exercises, in the installed share/slope/plots/ or in
-- the grader's source tree, never relative to the current folder; without
-- it a plain built-in look is used.
local G = require "grader.c"
local J = require "grader.judge"

local M = {}

local FALLBACK_STYLE = [[
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out scale 0.6 textcolor rgb "#444444"
set grid lc rgb "#dddddd" lw 1
set key top left box opaque
set linetype 1 lc rgb "#1a1a1a" lw 2 pt 7 ps 0.6
set linetype 3 lc rgb "#D55E00" lw 1.5 pt 6 ps 1.1
]]

local function quote(s)
    return '"' .. tostring(s or ""):gsub('[\\"]', "\\%0"):gsub("%c", " ") .. '"'
end

-- The values of the compared item `what` among a case's results.
local function item(rc, values, what)
    for j, w in ipairs(rc.case.compare) do
        if w == what then return values and values[j] end
    end
end

-- The result of case number k (nil when it did not run, e.g. a hidden one).
local function find_case(result, k)
    for _, rc in ipairs(result.cases) do
        if rc.index == k then return rc end
    end
end

-- Rows of "x reference student" (student may be NaN when it failed) for
-- the cases listed in `cases` (every case when nil), values through `map`.
local function rows(result, fig, cases, map)
    local ycol = fig.y or "return"
    local out = {}
    local function mapped(v, rc)
        if not map or v ~= v then return v end
        local ok, m = pcall(map, v, rc.case.args)
        return ok and type(m) == "number" and m or 0 / 0
    end
    if fig.x == "index" then
        local rc = fig.case and find_case(result, fig.case) or (not fig.case and result.cases[1])
        if not rc then return out end
        local want, got = item(rc, rc.expected, ycol) or {}, item(rc, rc.got, ycol) or {}
        for i = 1, #want do out[#out + 1] = { i - 1, mapped(want[i], rc), mapped(got[i] or 0 / 0, rc) } end
    else
        local only
        if cases then
            only = {}
            for _, k in ipairs(cases) do only[k] = true end
        end
        for _, rc in ipairs(result.cases) do
            local want, got = item(rc, rc.expected, ycol), item(rc, rc.got, ycol)
            local x = rc.case.args[fig.x]
            if want and type(x) == "number" and (not only or only[rc.index]) then
                out[#out + 1] = { x, mapped(want[1], rc), mapped(got and got[1] or 0 / 0, rc) }
            end
        end
        table.sort(out, function(a, b) return a[1] < b[1] end)
    end
    return out
end

-- The curves to draw: the spec's series, or one made of figure.cases.
local function all_series(result, fig)
    local list = {}
    for i, sr in ipairs(fig.series or { { cases = fig.cases } }) do
        list[i] = { title = sr.title, data = rows(result, fig, sr.cases, sr.map or fig.map) }
    end
    return list
end

-- The course's plots/style.gp, never one relative to the current folder:
-- beside the course's exercises folder (spec.dir is COURSE/exercises/NN),
-- then the installation's share/slope/plots (the grader in PREFIX/bin), then
-- the source tree the grader was built in (BUILD/bin/grader, where BUILD
-- may be nested: build/san, build/clang).
local function style_file(spec_dir)
    local exe = G.exe() or ""
    local prefix = exe:gsub("/[^/]*/[^/]*$", "")
    local tries = { spec_dir .. "/../../plots/style.gp", prefix .. "/share/slope/plots/style.gp" }
    local up = prefix
    for _ = 1, 3 do
        up = up:gsub("/[^/]*$", "")
        if up == "" then break end
        tries[#tries + 1] = up .. "/plots/style.gp"
    end
    for _, p in ipairs(tries) do
        if G.stat(p) == "file" then return p end
    end
end

-- The lines that choose the terminal and the look.
local function preamble(tmp, path, term, spec_dir)
    local style = style_file(spec_dir)
    if style then
        return "fig_w = 800; fig_h = 500\ncall " .. quote(style) .. " " .. quote(tmp) .. " " .. quote(path)
    end
    return "set terminal " .. term .. "\nset output " .. quote(path) .. "\n" .. FALLBACK_STYLE
end

-- ---- curves: one point per case, or one case's array against its index ----------

-- The plot command and the data files of the curves; nil when empty.
local function curves_script(result, fig, tmp)
    local series = all_series(result, fig)
    local points = 0
    for _, sr in ipairs(series) do points = points + #sr.data end
    if points == 0 then return nil end
    local plots = {}
    for i, sr in ipairs(series) do
        local lines = {}
        for _, r in ipairs(sr.data) do
            lines[#lines + 1] = string.format("%.17g %.17g %.17g", r[1], r[2], r[3])
        end
        local file = string.format("%s/data%d.txt", tmp, i)
        J.write_file(file, table.concat(lines, "\n") .. "\n")
        -- One series keeps the original look: reference in ink, yours in red.
        local ref_lt, your_lt = 1, 3
        local prefix = sr.title and (sr.title .. ", ") or ""
        if #series > 1 then ref_lt, your_lt = i + 1, i + 1 end
        -- Yours as large open circles, so the reference's dots show through.
        plots[#plots + 1] = string.format("%s using 1:2 with linespoints lt %d ps 0.6 title %s",
                                          quote(file), ref_lt, quote(prefix .. "reference"))
        plots[#plots + 1] = string.format("%s using 1:3 with points lt %d pt 6 ps 1.6 lw 1.5 title %s",
                                          quote(file), your_lt, quote(prefix .. "yours"))
    end
    return table.concat({
        fig.logx and "set logscale x\nset format x '10^{%L}'" or "",
        fig.logy and "set logscale y\nset format y '10^{%L}'" or "",
        "plot " .. table.concat(plots, ", \\\n     "),
    }, "\n")
end

-- ---- a path in the plane over contour lines -----------------------------------------

-- Grid points per axis for the contour function: 121^2 calls of a small Lua
-- function take milliseconds, and gnuplot's linear contours on this grid
-- are smooth at figure size.
local CONTOUR_GRID = 121

-- The points of the path: { x, y, your x, your y }, yours NaN when
-- missing; and the case's result.
local function path_rows(result, fig)
    local rc = find_case(result, fig.case or 1)
    local out = {}
    if not rc then return out end
    local want, got = item(rc, rc.expected, fig.y) or {}, item(rc, rc.got, fig.y) or {}
    for i = 1, #want - 1, 2 do
        out[#out + 1] = { want[i], want[i + 1], got[i] or 0 / 0, got[i + 1] or 0 / 0 }
    end
    return out, rc
end

local function finite(v)
    return v == v and v ~= math.huge and v ~= -math.huge
end

-- Notes for the key under "yours", saying why points are missing from the
-- picture (a NaN path, or one that left the window, draws nothing).
local function missing_notes(rc, data, lo, hi)
    if not rc.got then return { "no result: " .. rc.verdict } end
    local bad, outside = 0, 0
    for _, r in ipairs(data) do
        if not (finite(r[3]) and finite(r[4])) then
            bad = bad + 1
        elseif r[3] < lo[1] or r[3] > hi[1] or r[4] < lo[2] or r[4] > hi[2] then
            outside = outside + 1
        end
    end
    local notes = {}
    if bad > 0 then notes[#notes + 1] = string.format("%d of %d not finite", bad, #data) end
    if outside > 0 then notes[#notes + 1] = string.format("%d of %d off the plot", outside, #data) end
    return notes
end

-- The window: the spec's ranges, else the reference's path with a margin
-- of a tenth of its extent (or of 1 when it has none along an axis).
local function window(fig, data)
    local lo, hi = { math.huge, math.huge }, { -math.huge, -math.huge }
    for _, r in ipairs(data) do
        for a = 1, 2 do
            if finite(r[a]) then lo[a], hi[a] = math.min(lo[a], r[a]), math.max(hi[a], r[a]) end
        end
    end
    local ranges = { fig.xrange, fig.yrange }
    for a = 1, 2 do
        if ranges[a] then
            lo[a], hi[a] = ranges[a][1], ranges[a][2]
        elseif lo[a] > hi[a] then
            lo[a], hi[a] = -1, 1
        else
            local pad = hi[a] > lo[a] and 0.1 * (hi[a] - lo[a]) or math.max(1, math.abs(lo[a]))
            lo[a], hi[a] = lo[a] - pad, hi[a] + pad
        end
    end
    return lo, hi
end

-- fig.contour on a grid over the window, in gnuplot's grid layout (a blank
-- line after each row); a value that is not finite is left undefined.
local function write_grid(file, fig, lo, hi)
    local lines = {}
    for i = 0, CONTOUR_GRID - 1 do
        local x = lo[1] + (hi[1] - lo[1]) * i / (CONTOUR_GRID - 1)
        for j = 0, CONTOUR_GRID - 1 do
            local y = lo[2] + (hi[2] - lo[2]) * j / (CONTOUR_GRID - 1)
            local ok, z = pcall(fig.contour, x, y)
            if not ok or type(z) ~= "number" then
                error(string.format("figure.contour(%.6g, %.6g) %s", x, y,
                                    ok and ("returned " .. type(z) .. ", not a number") or ("failed: " .. tostring(z))), 0)
            end
            lines[#lines + 1] = string.format("%.17g %.17g %s", x, y, finite(z) and string.format("%.17g", z) or "NaN")
        end
        lines[#lines + 1] = ""
    end
    J.write_file(file, table.concat(lines, "\n") .. "\n")
end

-- The commands that compute the contour lines into $contours.
local function contour_table(fig, grid)
    local levels = fig.levels or 10
    if type(levels) == "table" then
        local parts = {}
        for i, v in ipairs(levels) do parts[i] = string.format("%.17g", v) end
        levels = "discrete " .. table.concat(parts, ", ")
    else
        levels = "auto " .. levels
    end
    return table.concat({
        "set contour base", "set cntrparam linear", "set cntrparam levels " .. levels,
        "unset surface", "set view map",
        "set table $contours", "splot " .. quote(grid) .. " using 1:2:3 with lines notitle",
        "unset table", "unset contour", "set surface",
    }, "\n")
end

-- The plot command and the data files of a path figure; nil when empty.
local function path_script(result, fig, tmp)
    local data, rc = path_rows(result, fig)
    if #data == 0 then return nil end
    local lines = {}
    for _, r in ipairs(data) do
        lines[#lines + 1] = string.format("%.17g %.17g %.17g %.17g", r[1], r[2], r[3], r[4])
    end
    local file = tmp .. "/path.txt"
    J.write_file(file, table.concat(lines, "\n") .. "\n")
    local lo, hi = window(fig, data)
    local script, plots = {}, {}
    if fig.contour then
        write_grid(tmp .. "/grid.txt", fig, lo, hi)
        script[#script + 1] = contour_table(fig, tmp .. "/grid.txt")
        plots[#plots + 1] = '$contours using 1:2 with lines lw 1 lc rgb "#9ab8d6" title "contours"'
    end
    -- The start under the paths, so that your first marker shows on it; the
    -- reference as a line with small dots (one per step), yours as large open
    -- circles over it, so that agreement reads as dots in rings.
    plots[#plots + 1] = string.format('%s every ::0::0 using 1:2 with points pt 7 ps 1.6 lc rgb "#1a1a1a" title %s',
                                      quote(file), quote(string.format("start (%.4g, %.4g)", data[1][1], data[1][2])))
    plots[#plots + 1] = string.format("%s using 1:2 with linespoints lt 1 lw 1.5 pt 7 ps 0.45 title %s",
                                      quote(file), quote("reference"))
    plots[#plots + 1] = string.format("%s using 3:4 with points lt 3 pt 6 ps 1.5 lw 1.5 title %s",
                                      quote(file), quote("yours"))
    -- Key lines without a sample: one entry a note keeps the key narrow.
    for _, note in ipairs(missing_notes(rc, data, lo, hi)) do
        plots[#plots + 1] = "keyentry title " .. quote(note)
    end
    script[#script + 1] = table.concat({
        -- Equal axes, so that round contours look round and a step's length
        -- reads the same in both directions.
        "set size ratio -1",
        string.format("set xrange [%.17g:%.17g]", lo[1], hi[1]),
        string.format("set yrange [%.17g:%.17g]", lo[2], hi[2]),
        "unset xzeroaxis", "set grid noxtics noytics",
        -- Equal axes leave room beside the plot: the key goes there, off the
        -- path, unless the spec places it.
        fig.key and "" or "set key outside right top",
        "plot " .. table.concat(plots, ", \\\n     "),
    }, "\n")
    return table.concat(script, "\n")
end

local TERMINALS = { svg = "svg size 640,400 dynamic enhanced", png = "pngcairo size 640,400 enhanced" }

local ffi = require "ffi"
pcall(ffi.cdef, "int access(const char *path, int mode);")
local W_OK, X_OK = 2, 1

-- nil when `path` can take a figure (a .svg or .png name in a folder that
-- exists and can be written), else why not: checked before grading, so a
-- bad name never costs a grading.
function M.check_output(path)
    local ext = path:match("%.(%w+)$")
    if not ext or not TERMINALS[ext:lower()] then
        return string.format("--figure %s: the figure must be a .svg or .png file", path)
    end
    local dir = path:match("^(.*)/[^/]*$") or "."
    if dir == "" then dir = "/" end
    if G.stat(dir) ~= "dir" then return string.format("--figure %s: there is no folder %s", path, dir) end
    if ffi.C.access(dir, W_OK + X_OK) ~= 0 then
        return string.format("--figure %s: the folder %s cannot be written", path, dir)
    end
    if G.stat(path) == "dir" then return string.format("--figure %s: is a folder", path) end
end

function M.draw(result, path)
    local fig = result.spec.figure
    if not fig then error("this exercise has no figure", 0) end
    local bad = M.check_output(path)
    if bad then error(bad, 0) end
    local term = TERMINALS[path:match("%.(%w+)$"):lower()]
    local gnuplot = J.which("gnuplot")
    if not gnuplot then error("gnuplot is not installed (apt-get install gnuplot-nox)", 0) end
    local tmp = G.mkdtemp()
    local ok, err = pcall(function()
        local body = (fig.x == "pairs" and path_script or curves_script)(result, fig, tmp)
        if not body then error("nothing to draw (did every case fail to compile?)", 0) end
        J.write_file(tmp .. "/plot.gp", table.concat({
            preamble(tmp, path, term, result.spec.dir),
            "set title " .. quote(fig.title or result.spec.title),
            "set xlabel " .. quote(fig.xlabel or "x"),
            "set ylabel " .. quote(fig.ylabel or "y"),
            fig.key and ("set key " .. fig.key) or "",
            body,
        }, "\n") .. "\n")
        G.spawn({ gnuplot, tmp .. "/plot.gp" }, tmp .. "/gnuplot.log")
        local _, status = G.wait()
        if status ~= 0 then error("gnuplot failed: " .. (J.read_file(tmp .. "/gnuplot.log") or ""), 0) end
    end)
    G.rmtree(tmp)
    if not ok then error(err, 0) end
end

return M
