-- figure.lua -- `grader check --figure OUT.svg|png`: the student's results
-- drawn over the reference's (the answer keys), with gnuplot.
--
-- The spec's figure table says what to draw:
--   figure = { x = 2, y = "return", xlabel = "x", ylabel = "f'(x)", title = "..." }
-- x is the index of a scalar argument (one point per case), or "index" to
-- draw one case's output array (figure.case, default the first) against
-- its index; y is "return" or the index of an out(n) argument; cases, a
-- list of case numbers, limits the points to those cases.  Optionally:
--   series = { { title = "forward", cases = {...}, map = fn }, ... }
--            several curves, each from its own cases (x must be an argument)
--   map = function(value, args) ... end   the number drawn for a value (for
--            instance its error against an exact answer); a series' own map
--            wins; args are the case's arguments as the spec wrote them
--   logx = true, logy = true              logarithmic axes (points <= 0 are
--            left out by gnuplot)
--   key = "bottom right"                  where the key goes (gnuplot's words)
-- The look comes from the course's plots/style.gp (called as every figure
-- script calls it, with the data directory and the output file), found in
-- the working tree or the installed share/slope/plots/; without it a plain
-- built-in look is used.
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

-- Rows of "x reference student" (student may be NaN when it failed) for
-- the cases listed in `cases` (every case when nil), values through `map`.
local function rows(result, fig, cases, map)
    local ycol = fig.y or "return"
    local out = {}
    local function item(rc, values)
        for j, what in ipairs(rc.case.compare) do
            if what == ycol then return values and values[j] end
        end
    end
    local function mapped(v, rc)
        if not map or v ~= v then return v end
        local ok, m = pcall(map, v, rc.case.args)
        return ok and type(m) == "number" and m or 0 / 0
    end
    if fig.x == "index" then
        local rc = result.cases[fig.case or 1]
        local want, got = item(rc, rc.expected) or {}, item(rc, rc.got) or {}
        for i = 1, #want do out[#out + 1] = { i - 1, mapped(want[i], rc), mapped(got[i] or 0 / 0, rc) } end
    else
        local only
        if cases then
            only = {}
            for _, k in ipairs(cases) do only[k] = true end
        end
        for _, rc in ipairs(result.cases) do
            local want, got = item(rc, rc.expected), item(rc, rc.got)
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

local function style_file()
    local exe = G.exe() or ""
    for _, p in ipairs({ "plots/style.gp", exe:gsub("/[^/]*/[^/]*$", "") .. "/share/slope/plots/style.gp" }) do
        if G.stat(p) == "file" then return p end
    end
end

-- The lines that choose the terminal and the look.
local function preamble(tmp, path, term)
    local style = style_file()
    if style then
        return "fig_w = 800; fig_h = 500\ncall " .. quote(style) .. " " .. quote(tmp) .. " " .. quote(path)
    end
    return "set terminal " .. term .. "\nset output " .. quote(path) .. "\n" .. FALLBACK_STYLE
end

function M.draw(result, path)
    local fig = result.spec.figure
    if not fig then error("this exercise has no figure", 0) end
    local ext = path:match("%.(%w+)$")
    local term = ({ svg = "svg size 640,400 dynamic enhanced", png = "pngcairo size 640,400 enhanced" })[ext]
    if not term then error("--figure wants a .svg or .png file name", 0) end
    local gnuplot = J.which("gnuplot")
    if not gnuplot then error("gnuplot is not installed (apt-get install gnuplot-nox)", 0) end
    local series = all_series(result, fig)
    local points = 0
    for _, sr in ipairs(series) do points = points + #sr.data end
    if points == 0 then error("nothing to draw (did every case fail to compile?)", 0) end
    local tmp = G.mkdtemp()
    local ok, err = pcall(function()
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
        J.write_file(tmp .. "/plot.gp", table.concat({
            preamble(tmp, path, term),
            "set title " .. quote(fig.title or result.spec.title),
            "set xlabel " .. quote(fig.xlabel or "x"),
            "set ylabel " .. quote(fig.ylabel or "y"),
            fig.key and ("set key " .. fig.key) or "",
            fig.logx and "set logscale x\nset format x '10^{%L}'" or "",
            fig.logy and "set logscale y\nset format y '10^{%L}'" or "",
            "plot " .. table.concat(plots, ", \\\n     "),
        }, "\n") .. "\n")
        G.spawn({ gnuplot, tmp .. "/plot.gp" }, tmp .. "/gnuplot.log")
        local _, status = G.wait()
        if status ~= 0 then error("gnuplot failed: " .. (J.read_file(tmp .. "/gnuplot.log") or ""), 0) end
    end)
    G.rmtree(tmp)
    if not ok then error(err, 0) end
end

return M
