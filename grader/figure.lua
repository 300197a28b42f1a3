-- figure.lua -- `grader check --figure OUT.svg|png`: the student's results
-- drawn over the reference's (the answer keys), with gnuplot.
--
-- The spec's figure table says what to draw:
--   figure = { x = 2, y = "return", xlabel = "x", ylabel = "f'(x)", title = "..." }
-- x is the index of a scalar argument (one point per case), or "index" to
-- draw one case's output array (figure.case, default the first) against
-- its index; y is "return" or the index of an out(n) argument; cases, a
-- list of case numbers, limits the points to those cases.
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

-- Rows of "x reference student" (student may be NaN when it failed).
local function rows(result, fig)
    local ycol = fig.y or "return"
    local out = {}
    local function item(rc, values)
        for j, what in ipairs(rc.case.compare) do
            if what == ycol then return values and values[j] end
        end
    end
    if fig.x == "index" then
        local rc = result.cases[fig.case or 1]
        local want, got = item(rc, rc.expected) or {}, item(rc, rc.got) or {}
        for i = 1, #want do out[#out + 1] = { i - 1, want[i], got[i] or 0 / 0 } end
    else
        local only
        if fig.cases then
            only = {}
            for _, k in ipairs(fig.cases) do only[k] = true end
        end
        for _, rc in ipairs(result.cases) do
            local want, got = item(rc, rc.expected), item(rc, rc.got)
            local x = rc.case.args[fig.x]
            if want and type(x) == "number" and (not only or only[rc.index]) then
                out[#out + 1] = { x, want[1], got and got[1] or 0 / 0 }
            end
        end
        table.sort(out, function(a, b) return a[1] < b[1] end)
    end
    return out
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
    local term = ({ svg = "svg size 640,400 dynamic", png = "pngcairo size 640,400" })[ext]
    if not term then error("--figure wants a .svg or .png file name", 0) end
    local gnuplot = J.which("gnuplot")
    if not gnuplot then error("gnuplot is not installed (apt-get install gnuplot-nox)", 0) end
    local data = rows(result, fig)
    if #data == 0 then error("nothing to draw (did every case fail to compile?)", 0) end
    local tmp = G.mkdtemp()
    local ok, err = pcall(function()
        local lines = {}
        for _, r in ipairs(data) do lines[#lines + 1] = string.format("%.17g %.17g %.17g", r[1], r[2], r[3]) end
        J.write_file(tmp .. "/data.txt", table.concat(lines, "\n") .. "\n")
        J.write_file(tmp .. "/plot.gp", table.concat({
            preamble(tmp, path, term),
            "set title " .. quote(fig.title or result.spec.title),
            "set xlabel " .. quote(fig.xlabel or "x"),
            "set ylabel " .. quote(fig.ylabel or "y"),
            "plot " .. quote(tmp .. "/data.txt") .. " using 1:2 with linespoints lt 1 title 'reference', \\",
            "     " .. quote(tmp .. "/data.txt") .. " using 1:3 with points lt 3 pt 6 ps 1.4 title 'yours'",
        }, "\n") .. "\n")
        G.spawn({ gnuplot, tmp .. "/plot.gp" }, tmp .. "/gnuplot.log")
        local _, status = G.wait()
        if status ~= 0 then error("gnuplot failed: " .. (J.read_file(tmp .. "/gnuplot.log") or ""), 0) end
    end)
    G.rmtree(tmp)
    if not ok then error(err, 0) end
end

return M
