-- spec.lua -- an exercise as data: loading and validating spec.lua, reading
-- the prototypes of exercise.h, and reading and writing answer keys.
--
-- An exercise directory holds exercise.h (the C boundary), spec.lua (title,
-- chapter, cases), solution.c and keys/{public,hidden}.txt.  A spec is plain
-- Lua run in a small environment that offers, besides math/string/table:
--
--   case { call = "f", args = {...}, compare = "return" | k | {...},
--          tol = { abs = | rel = | ulp = }, points = 1, hint = "...",
--          hidden = false, name = "..." }      -- registers one case, in order
--   (compare = k names an out(n) argument, or an input array {...}/ints{...}:
--   its contents after the call, to check that a function left it alone)
--   out(n)        an output array of n doubles (an out-parameter)
--   ints{...}     an input array of C ints (plain {...} is an array of doubles)
--   cfn "sin"     a C function from libm passed as a function pointer
--   (a Lua function passed as an argument becomes a C callback)
--   require "slope"   libslope through lua/slope.lua, to compute inputs
--   show(v)       a number or array written as the grader writes case names
--                 (60, 1e-05, nan, {1.5, -2, ... (6 values)})
--
-- and returns { title = ..., chapter = N, tolerance = {...}, figure = {...} }
-- (figure: see figure.lua; a path figure, x = "pairs", must draw a public
-- case that compares its array y, of an even length).
-- Every mistake is raised as a spec error carrying file and line, which the
-- command line prints and turns into exit status 2.
local ffi = require "ffi"

local M = {}

local SpecError = {}
SpecError.__index = SpecError
SpecError.__tostring = function(e)
    return string.format("%s:%s: %s", e.file, e.line or "?", e.msg)
end

local function fail(file, line, fmt, ...)
    error(setmetatable({ file = file, line = line, msg = string.format(fmt, ...) }, SpecError), 0)
end
M.fail = fail

function M.is_error(e)
    return getmetatable(e) == SpecError
end

-- Unary libm functions a spec may pass with cfn "name".
local LIBM = { "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
               "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "cbrt",
               "fabs", "erf", "erfc", "floor", "ceil", "round", "trunc" }
local libm_set = {}
for _, name in ipairs(LIBM) do
    libm_set[name] = true
    pcall(ffi.cdef, "double " .. name .. "(double);")
end

-- ---- exercise.h ---------------------------------------------------------------

-- The header without comments, preprocessor lines and function bodies (a
-- header may define a grading harness that calls the student's functions:
-- the ffi needs only its prototype), with line structure kept so the ffi's
-- "at line N" still points into the file.
local function strip_header(text)
    local function blank(c) return (c:gsub("[^\n]", " ")) end
    text = text:gsub("/%*.-%*/", blank)
    text = text:gsub("//[^\n]*", "")
    text = text:gsub("\\\n", " \n")
    text = text:gsub("(%b())(%s*)(%b{})", function(params, space, body)
        return params .. ";" .. space .. blank(body):sub(2)
    end)
    local lines = {}
    for line in (text .. "\n"):gmatch("([^\n]*)\n") do
        lines[#lines + 1] = line:match("^%s*#") and "" or line
    end
    return table.concat(lines, "\n")
end

-- Split a parameter list on its top-level commas.
local function split_params(s)
    local params, depth, start = {}, 0, 1
    for i = 1, #s do
        local c = s:sub(i, i)
        if c == "(" then depth = depth + 1
        elseif c == ")" then depth = depth - 1
        elseif c == "," and depth == 0 then
            params[#params + 1] = s:sub(start, i - 1)
            start = i + 1
        end
    end
    params[#params + 1] = s:sub(start)
    if #params == 1 and (params[1]:match("^%s*void%s*$") or params[1]:match("^%s*$")) then
        return {}
    end
    return params
end

-- What kind of argument a parameter declaration takes.
local function param_kind(p)
    if p:match("%(%s*%*") then return "fnptr" end
    if p:match("%*") then return p:match("const") and "in" or "out" end
    return "scalar"
end

-- Functions declared in the header: name -> { params = {kind...}, ret = text }.
local function parse_functions(text)
    local funcs = {}
    for decl in text:gmatch("[^;{}]+") do
        decl = decl:gsub("%s+", " ")
        if not decl:match("^%s*typedef") and not decl:match("^%s*$") then
            local ret, name, rest = decl:match("^%s*(.-)%s*([%a_][%w_]*)%s*(%b())%s*$")
            if name then
                local kinds = {}
                for i, p in ipairs(split_params(rest:sub(2, -2))) do kinds[i] = param_kind(p) end
                funcs[name] = { params = kinds, ret = ret }
            end
        end
    end
    return funcs
end

-- exercise.h as the ffi reads it (what slope-run declares).
function M.read_header(path)
    local fp = io.open(path, "r")
    if not fp then fail(path, 1, "cannot read the exercise header") end
    local text = strip_header(fp:read("*a"))
    fp:close()
    return text
end

-- Read exercise.h, declare it to the ffi, return its functions.
function M.load_header(path)
    local fp = io.open(path, "r")
    if not fp then fail(path, 1, "cannot read the exercise header") end
    local text = strip_header(fp:read("*a"))
    fp:close()
    local ok, err = pcall(ffi.cdef, text)
    if not ok then
        local line = tostring(err):match("line (%d+)")
        fail(path, line or 1, "the ffi cannot declare this header: %s", tostring(err))
    end
    return parse_functions(text)
end

-- ---- spec.lua ------------------------------------------------------------------

local function marker(kind, fields)
    fields.kind = kind
    return fields
end

local function spec_env(cases, file)
    local env = {
        math = math, string = string, table = table, ipairs = ipairs, pairs = pairs,
        select = select, tonumber = tonumber, tostring = tostring, type = type,
        unpack = unpack, error = error, assert = assert, print = function() end,
    }
    env.out = function(n) return marker("out", { n = n }) end
    env.ints = function(t) return marker("ints", { values = t }) end
    env.cfn = function(name) return marker("cfn", { name = name }) end
    -- show(v): a number or an array as the grader writes it in case names.
    env.show = function(a) return M.show_arg(a) end
    env.case = function(t)
        local info = debug.getinfo(2, "l")
        if type(t) ~= "table" then fail(file, info.currentline, "case{} takes a table") end
        t.line = info.currentline
        cases[#cases + 1] = t
        return t
    end
    -- The numerical library, to compute inputs: require "slope".
    env.require = function(name)
        if name ~= "slope" then error("a spec can only require \"slope\"", 2) end
        return require "slope"
    end
    return env
end

local TOP_FIELDS = { title = "string", chapter = "number", tolerance = "table",
                     figure = "table", cases = "table", functions = "table" }
local CASE_FIELDS = { call = true, args = true, compare = true, tol = true, points = true,
                      hint = true, hidden = true, name = true, line = true }
local TOL_KINDS = { abs = true, rel = true, ulp = true }

local function check_tol(file, line, tol)
    if type(tol) ~= "table" then fail(file, line, "a tolerance is a table such as { rel = 1e-12 }") end
    local any = false
    for k, v in pairs(tol) do
        if not TOL_KINDS[k] then
            fail(file, line, "unknown tolerance kind '%s' (use abs, rel or ulp)", tostring(k))
        end
        if type(v) ~= "number" or v < 0 or v ~= v then
            fail(file, line, "tolerance %s must be a number >= 0", k)
        end
        any = true
    end
    if not any then fail(file, line, "empty tolerance: give abs, rel or ulp") end
end

-- A number as a reader wants it in a case name: nan and inf by name, whole
-- numbers below a million as integers (60, not 6e+01), anything else in the
-- shortest %g form that reads back to the same double.
function M.shortest(x)
    if x ~= x then return "nan" end
    if x == math.huge or x == -math.huge then return x > 0 and "inf" or "-inf" end
    if x == math.floor(x) and math.abs(x) < 1e6 then return string.format("%d", x) end
    for digits = 1, 17 do
        local s = string.format("%." .. digits .. "g", x)
        if tonumber(s) == x or x ~= x then return s end
    end
end

-- A short, readable rendering of one argument (for case names and reports).
local function show_arg(a)
    if type(a) == "number" then return M.shortest(a) end
    if type(a) == "function" then return "<function>" end
    if a.kind == "out" then return string.format("out[%d]", a.n) end
    if a.kind == "cfn" then return a.name end
    local vals = a.kind == "ints" and a.values or a
    local parts = {}
    for i = 1, math.min(#vals, 4) do      -- exact when short, else 6 digits
        local v = M.shortest(vals[i])
        parts[i] = #v <= 10 and v or string.format("%.6g", vals[i])
    end
    if #vals > 4 then parts[#parts + 1] = string.format("... (%d values)", #vals) end
    return "{" .. table.concat(parts, ", ") .. "}"
end
M.show_arg = show_arg

local function check_arg(file, c, i, a, kind)
    local line = c.line
    local t = type(a)
    local want = { scalar = "a number", ["in"] = "an array {...}", out = "out(n)",
                   fnptr = "cfn \"name\" or a Lua function" }
    local ok
    if kind == "scalar" then ok = t == "number"
    elseif kind == "fnptr" then
        ok = t == "function" or (t == "table" and a.kind == "cfn")
        if ok and t == "table" and not libm_set[a.name] then
            fail(file, line, "cfn \"%s\": not a known libm function", tostring(a.name))
        end
    elseif kind == "out" then ok = t == "table" and a.kind == "out"
        if ok and (type(a.n) ~= "number" or a.n < 1 or a.n % 1 ~= 0) then
            fail(file, line, "out(n) needs a positive whole n")
        end
    else
        ok = t == "table" and (a.kind == nil or a.kind == "ints")
        if ok then
            for _, v in ipairs(a.values or a) do
                if type(v) ~= "number" then ok = false end
            end
        end
    end
    if not ok then
        fail(file, line, "%s: argument %d should be %s", c.call, i, want[kind])
    end
end

local function check_case(file, c, funcs, default_tol, index)
    local line = c.line
    for k in pairs(c) do
        if not CASE_FIELDS[k] then fail(file, line, "unknown case field '%s'", tostring(k)) end
    end
    if type(c.call) ~= "string" then fail(file, line, "case without 'call' (the function to test)") end
    local f = funcs[c.call]
    if not f then fail(file, line, "'%s' is not declared in exercise.h", c.call) end
    c.args = c.args or {}
    if type(c.args) ~= "table" then fail(file, line, "'args' must be a list") end
    if #c.args ~= #f.params then
        fail(file, line, "%s takes %d arguments, the case gives %d", c.call, #f.params, #c.args)
    end
    for i, kind in ipairs(f.params) do check_arg(file, c, i, c.args[i], kind) end
    local cmp = c.compare or "return"
    if type(cmp) ~= "table" then cmp = { cmp } end
    for _, what in ipairs(cmp) do
        if what == "return" then
            if f.ret:match("^%s*void%s*$") then fail(file, line, "%s returns void: compare an out(n) argument", c.call) end
        elseif type(what) ~= "number" or (f.params[what] ~= "out" and f.params[what] ~= "in") then
            fail(file, line, "compare: %s is neither \"return\" nor the index of an out(n) or input array argument",
                 tostring(what))
        end
    end
    c.compare = cmp
    c.tol = c.tol or default_tol
    if c.tol == nil then fail(file, line, "no tolerance: give tol = {...} or a spec-wide tolerance") end
    check_tol(file, line, c.tol)
    c.points = c.points or 1
    if type(c.points) ~= "number" or c.points < 0 then fail(file, line, "points must be a number >= 0") end
    if c.hint ~= nil and type(c.hint) ~= "string" then fail(file, line, "hint must be a string") end
    c.hidden = c.hidden and true or false
    if c.name == nil then
        local parts = {}
        for i, a in ipairs(c.args) do parts[i] = show_arg(a) end
        c.name = string.format("%s(%s)", c.call, table.concat(parts, ", "))
    end
    c.index = index
end

local FIGURE_FIELDS = { x = true, y = true, case = true, cases = true, series = true, map = true,
                        logx = true, logy = true, key = true, xlabel = true, ylabel = true, title = true,
                        contour = true, levels = true, xrange = true, yrange = true }
-- The fields of a path figure (x = "pairs") alone, and those it cannot take.
local PATH_ONLY = { "contour", "levels", "xrange", "yrange" }
local NOT_FOR_PATH = { "cases", "series", "map", "logx", "logy" }

local function check_case_list(file, line, list, ncases, what)
    if type(list) ~= "table" then fail(file, line, "%s must be a list of case numbers", what) end
    for _, k in ipairs(list) do
        if type(k) ~= "number" or k < 1 or k > ncases or k % 1 ~= 0 then
            fail(file, line, "%s: %s is not a case number (1..%d)", what, tostring(k), ncases)
        end
    end
end

-- A path figure's window and contours.  Mistakes in the contour function
-- point at the line that defines it.
local function check_range(file, line, r, what)
    if type(r) ~= "table" or #r ~= 2 or type(r[1]) ~= "number" or type(r[2]) ~= "number"
       or not (r[1] < r[2]) or r[1] == -math.huge or r[2] == math.huge then
        fail(file, line, "figure.%s must be { low, high } with finite numbers low < high", what)
    end
end

local function check_levels(file, line, levels)
    if type(levels) == "number" then
        -- gnuplot's automatic levels: a handful reads well, hundreds is a mistake.
        if levels < 1 or levels > 100 or levels % 1 ~= 0 then
            fail(file, line, "figure.levels: a number of levels is a whole number from 1 to 100")
        end
    elseif type(levels) == "table" and #levels > 0 then
        for i, v in ipairs(levels) do
            if type(v) ~= "number" or v ~= v or v == math.huge or v == -math.huge then
                fail(file, line, "figure.levels[%d] must be a finite number", i)
            end
        end
    else
        fail(file, line, "figure.levels is a list of contour values { ... } or a number of levels")
    end
end

local function check_path_figure(file, line, fig)
    for _, k in ipairs(NOT_FOR_PATH) do
        if fig[k] ~= nil then fail(file, line, "figure.%s does not apply to a path (x = \"pairs\")", k) end
    end
    if type(fig.y) ~= "number" then
        fail(file, line, "a path figure (x = \"pairs\") needs y = <index of the array argument holding the points>")
    end
    if fig.xrange ~= nil then check_range(file, line, fig.xrange, "xrange") end
    if fig.yrange ~= nil then check_range(file, line, fig.yrange, "yrange") end
    if fig.contour == nil then
        if fig.levels ~= nil then fail(file, line, "figure.levels without figure.contour") end
        return
    end
    if type(fig.contour) ~= "function" then
        fail(file, line, "figure.contour must be a function(x, y) returning the height to draw contours of")
    end
    local fline = debug.getinfo(fig.contour, "S").linedefined
    if fline and fline > 0 then line = fline end
    if fig.levels ~= nil then check_levels(file, line, fig.levels) end
    -- One trial call in the window (at the origin without one): the figure
    -- is drawn after grading, too late for a file:line.
    local x = fig.xrange and (fig.xrange[1] + fig.xrange[2]) / 2 or 0
    local y = fig.yrange and (fig.yrange[1] + fig.yrange[2]) / 2 or 0
    local ok, z = pcall(fig.contour, x, y)
    if not ok then
        fail(file, line, "figure.contour(%.6g, %.6g) failed: %s", x, y, tostring(z))
    elseif type(z) ~= "number" then
        fail(file, line, "figure.contour(%.6g, %.6g) returned %s, not a number", x, y, type(z))
    end
end

-- The case a path figure draws: public (students draw the figure without
-- the hidden keys), comparing array y, of an even length.
local function check_path_case(file, line, fig, cases)
    local c = cases[fig.case or 1]
    if c.hidden then
        fail(file, line, "figure.case %d is hidden: a figure draws a public case", fig.case or 1)
    end
    local compared = false
    for _, what in ipairs(c.compare) do compared = compared or what == fig.y end
    if not compared then
        fail(file, line, "figure.y = %d: case %d does not compare argument %d, so it has no points to draw",
             fig.y, c.index, fig.y)
    end
    local a = c.args[fig.y]
    local n = a.kind == "out" and a.n or #(a.values or a)
    if n < 2 or n % 2 ~= 0 then
        fail(file, line, "figure: argument %d of case %d holds %d numbers, not (x, y) pairs", fig.y, c.index, n)
    end
end

-- The optional parts of a figure: several series, a map of the values
-- drawn, logarithmic axes.
local function check_figure(file, line, fig, ncases)
    for k in pairs(fig) do
        if not FIGURE_FIELDS[k] then fail(file, line, "unknown figure field '%s'", tostring(k)) end
    end
    if fig.case ~= nil and (type(fig.case) ~= "number" or fig.case < 1 or fig.case > ncases or fig.case % 1 ~= 0) then
        fail(file, line, "figure.case: %s is not a case number (1..%d)", tostring(fig.case), ncases)
    end
    if fig.x == "pairs" then
        check_path_figure(file, line, fig)
    else
        for _, k in ipairs(PATH_ONLY) do
            if fig[k] ~= nil then fail(file, line, "figure.%s is for a path in the plane (x = \"pairs\")", k) end
        end
    end
    for _, k in ipairs({ "logx", "logy" }) do
        if fig[k] ~= nil and type(fig[k]) ~= "boolean" then fail(file, line, "figure.%s must be true or false", k) end
    end
    if fig.key ~= nil and (type(fig.key) ~= "string" or not fig.key:match("^[%a ]+$")) then
        fail(file, line, "figure.key is gnuplot's placement in words, such as \"bottom right\"")
    end
    if fig.map ~= nil and type(fig.map) ~= "function" then
        fail(file, line, "figure.map must be a function(value, args) returning the number to draw")
    end
    if fig.cases ~= nil then check_case_list(file, line, fig.cases, ncases, "figure.cases") end
    if fig.series ~= nil then
        if type(fig.series) ~= "table" or #fig.series == 0 or fig.x == "index" then
            fail(file, line, "figure.series is a non-empty list of { title = ..., cases = {...} } (with x = <argument index>)")
        end
        for i, sr in ipairs(fig.series) do
            if type(sr) ~= "table" then fail(file, line, "figure.series[%d] must be a table", i) end
            check_case_list(file, line, sr.cases, ncases, string.format("figure.series[%d].cases", i))
            if sr.title ~= nil and type(sr.title) ~= "string" then
                fail(file, line, "figure.series[%d].title must be a string", i)
            end
            if sr.map ~= nil and type(sr.map) ~= "function" then
                fail(file, line, "figure.series[%d].map must be a function", i)
            end
        end
    end
end

-- Load dir/spec.lua and dir/exercise.h; return the validated exercise.
function M.load(dir, name)
    local file = dir .. "/spec.lua"
    local funcs = M.load_header(dir .. "/exercise.h")
    local chunk, err = loadfile(file)
    if not chunk then
        local line, msg = tostring(err):match(":(%d+): (.*)$")
        fail(file, line, "%s", msg or tostring(err))
    end
    local cases = {}
    setfenv(chunk, spec_env(cases, file))
    local ok, spec = pcall(chunk)
    if not ok then
        if M.is_error(spec) then error(spec, 0) end
        local line, msg = tostring(spec):match(":(%d+): (.*)$")
        fail(file, line, "%s", msg or tostring(spec))
    end
    -- Whole-spec mistakes point at the `return` that builds the table.
    local ret_line
    local n = 0
    for l in io.lines(file) do
        n = n + 1
        if l:match("^%s*return") then ret_line = n end
    end
    if type(spec) ~= "table" then fail(file, ret_line or n, "spec.lua must return a table") end
    for k in pairs(spec) do
        if TOP_FIELDS[k] == nil then fail(file, ret_line, "unknown field '%s'", tostring(k)) end
    end
    for k, t in pairs(TOP_FIELDS) do
        if spec[k] ~= nil and type(spec[k]) ~= t then fail(file, ret_line, "field '%s' must be a %s", k, t) end
    end
    if spec.title == nil then fail(file, ret_line, "missing field 'title'") end
    if spec.chapter == nil then fail(file, ret_line, "missing field 'chapter'") end
    if spec.tolerance then check_tol(file, ret_line, spec.tolerance) end
    if #cases == 0 then fail(file, ret_line, "no cases: add case{...}") end
    local fig = spec.figure
    if fig and not ((type(fig.x) == "number" or fig.x == "index" or fig.x == "pairs") and
                    (fig.y == nil or fig.y == "return" or type(fig.y) == "number")) then
        fail(file, ret_line, "figure needs x = <argument index>, \"index\" or \"pairs\", " ..
                             "and y = \"return\" or <argument index>")
    end
    if fig then check_figure(file, ret_line, fig, #cases) end
    for i, c in ipairs(cases) do check_case(file, c, funcs, spec.tolerance, i) end
    if fig and fig.x == "pairs" then check_path_case(file, ret_line, fig, cases) end
    spec.cases, spec.funcs, spec.dir, spec.name, spec.file = cases, funcs, dir, name, file
    return spec
end

-- ---- answer keys ---------------------------------------------------------------
--
-- keys/public.txt and keys/hidden.txt, one block per case:
--   case 3 twice(2.385)
--   return 0x1.3147ae147ae14p+2
--   arg1 0x1p+0,0x1.8p+1
-- Numbers are C99 hex floats, so a key is the reference's exact bits.

function M.key_path(dir, hidden)
    return dir .. "/keys/" .. (hidden and "hidden" or "public") .. ".txt"
end

-- Render the outputs of the given cases (outputs[i] = list of value lists).
function M.format_keys(spec, outputs, hidden)
    local lines = { string.format("# answer keys for %s (%s cases): generated by `grader keys` from solution.c",
                                  spec.name or spec.title, hidden and "hidden" or "public") }
    for i, c in ipairs(spec.cases) do
        if c.hidden == hidden then
            lines[#lines + 1] = string.format("case %d %s", i, c.name)
            for j, what in ipairs(c.compare) do
                local vals = {}
                for k, v in ipairs(outputs[i][j]) do vals[k] = M.hex(v) end
                local label = what == "return" and "return" or ("arg" .. what)
                lines[#lines + 1] = label .. " " .. table.concat(vals, ",")
            end
        end
    end
    return table.concat(lines, "\n") .. "\n"
end

function M.hex(v)
    if v ~= v then return "nan" end
    return string.format("%a", v)
end

-- Parse "a,b,c" strictly; nil when anything is not a number.
function M.parse_values(s)
    local vals = {}
    for tok in (s .. ","):gmatch("([^,]*),") do
        local v = tonumber(tok)
        if v == nil then return nil end
        vals[#vals + 1] = v
    end
    return vals
end

-- Read the keys of the selected cases into keys[i][j] = values.
function M.load_keys(spec, with_hidden)
    local keys = {}
    for _, hidden in ipairs(with_hidden and { false, true } or { false }) do
        local path = M.key_path(spec.dir, hidden)
        local fp = io.open(path, "r")
        local current, n = nil, 0
        for line in fp and fp:lines() or function() end do
            n = n + 1
            local idx, name = line:match("^case (%d+) (.*)$")
            if idx then
                idx = tonumber(idx)
                local c = spec.cases[idx]
                if not c or c.name ~= name or c.hidden ~= hidden then
                    fail(path, n, "key for case %d '%s' matches no case of spec.lua: run `grader keys`", idx, name)
                end
                current = idx
                keys[idx] = {}
            elseif line:match("^%w+ ") and current then
                local label, vals = line:match("^(%w+) (.*)$")
                local parsed = M.parse_values(vals)
                if not parsed then fail(path, n, "unreadable numbers") end
                keys[current][#keys[current] + 1] = parsed
            elseif not line:match("^#") and not line:match("^%s*$") then
                fail(path, n, "unreadable line")
            end
        end
        if fp then fp:close() end
        for i, c in ipairs(spec.cases) do
            if c.hidden == hidden and (not keys[i] or #keys[i] ~= #c.compare) then
                fail(spec.file, c.line, "case %d '%s' has no key in %s: run `grader keys`", i, c.name, path)
            end
        end
    end
    return keys
end

return M
