-- runner.lua -- the Lua half of slope-run (grader/runner.c): read the job,
-- load the student's object, run one case per command, send framed results.
--
-- The job (DIR/job.lua, with its long arrays in DIR/job.bin) is Lua written by the grader (judge.lua's
-- write_job): the exercise's prototypes, the libm functions the cases pass,
-- and for each case to run its function, arguments and compared outputs.
-- Lua functions given as arguments travel as bytecode with their upvalues;
-- they run here with the spec's safe globals (math, string, table, ...).
-- Nothing here knows an answer.
local ffi = require "ffi"
local R = require "run.c"

local M = {}
local job

local SAFE = {
    math = math, string = string, table = table, ipairs = ipairs, pairs = pairs,
    select = select, tonumber = tonumber, tostring = tostring, type = type,
    unpack = unpack, error = error, assert = assert, print = function() end,
}

-- A C function an upvalue held (math.sin, ipairs, ...), by its dotted name.
local function cfunc(name)
    local v = SAFE
    for part in name:gmatch("[^.]+") do v = v and v[part] end
    return v
end

local function slurp(path)
    local fp = assert(io.open(path, "rb"))
    local text = fp:read("*a")
    fp:close()
    return text
end

-- DIR/job.lua and DIR/job.bin (the long arrays, as raw doubles).
function M.prepare(dir)
    local bin = slurp(dir .. "/job.bin")
    local doubles = ffi.cast("const double *", bin)
    local chunk = assert(loadstring(slurp(dir .. "/job.lua"), "=job"))
    setfenv(chunk, {
        fn = function(bc)
            local f = assert(loadstring(bc))
            return setfenv(f, SAFE)
        end,
        up = function(f, i, v) debug.setupvalue(f, i, v) end,
        cf = cfunc,
        arr = function(off, n)
            local t = {}
            for i = 1, n do t[i] = doubles[off + i - 1] end
            return t
        end,
    })
    job = chunk()
    ffi.cdef(job.header)
    for _, name in ipairs(job.libm) do pcall(ffi.cdef, "double " .. name .. "(double);") end
end

local function make_arg(a)
    if type(a) == "number" or type(a) == "function" then return a end
    if a.kind == "out" then
        local buf = ffi.new("double[?]", a.n)
        for i = 0, a.n - 1 do buf[i] = 0 / 0 end  -- unwritten outputs show as NaN
        return buf
    end
    if a.kind == "cfn" then return ffi.C[a.name] end
    if a.kind == "ints" then return ffi.new("int[?]", #a.values, a.values) end
    return ffi.new("double[?]", #a, a)
end

local function render(v)
    if type(v) == "cdata" then v = tonumber(v) end
    if type(v) == "boolean" then v = v and 1 or 0 end
    if type(v) ~= "number" then return "?" end
    if v ~= v then return "nan" end
    return string.format("%a", v)
end

local function run_case(lib, c)
    local args = {}
    for i, a in ipairs(c.args) do args[i] = make_arg(a) end
    local ret = lib[c.call](unpack(args, 1, #c.args))
    local items = {}
    for j, what in ipairs(c.compare) do
        if what == "return" then
            items[j] = render(ret)
        else
            -- An out(n) argument, or an input array read back after the call.
            local a, vals, buf = c.args[what], {}, args[what]
            local n = a.kind == "out" and a.n or #(a.values or a)
            for k = 0, n - 1 do vals[k + 1] = render(buf[k]) end
            items[j] = table.concat(vals, ",")
        end
    end
    return table.concat(items, " ")
end

-- After the handshake: load the object (its constructors run now, inside
-- the sandbox), name the missing functions, then serve the commands.
function M.main(so)
    local err = R.bind_now(so)
    if err then
        R.send("E", "cannot load the compiled code: " .. err:gsub("\n", " "))
        return
    end
    local ok, lib = pcall(ffi.load, so)
    if not ok then
        R.send("E", "cannot load the compiled code: " .. tostring(lib):gsub("\n", " "))
        return
    end
    local missing, names = {}, {}
    for _, name in ipairs(job.calls) do
        missing[name] = not pcall(function() return lib[name] end)
        if missing[name] then names[#names + 1] = name end
    end
    R.send("L", table.concat(names, " "))
    while true do
        local k = R.command()
        local c = job.cases[k]
        if c == nil then return end
        local okc, line = pcall(run_case, lib, c)
        R.flush()
        if okc then
            R.send("R", k .. " " .. line)
        else
            R.send("E", k .. " " .. tostring(line):gsub("\n", " "))
        end
    end
end

return M
