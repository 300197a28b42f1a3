-- slope.lua -- libslope from LuaJIT, for exploring at the REPL and for
-- exercise specs that compute their inputs with the course's library.
--
--   $ LUA_PATH='lua/?.lua;;' luajit
--   > slope = require "slope"
--   > print(slope.deriv_central(slope.fn(math.sin), nil, 1.0, 1e-5))   -- cos(1)
--   > print(slope.linalg_dot(slope.doubles{1, 2, 3}, slope.doubles{4, 5, 6}, 3))
--
-- The declarations are the library's own headers (lib/*.h, or the installed
-- include/slope/), read at load time and given to ffi.cdef after the
-- preprocessor lines are removed and their numeric #defines substituted,
-- so the binding cannot drift from the C.  The grader's copy has them
-- embedded when it is built (`luajit lua/slope.lua --embed lib` prints this
-- file with them filled in) and reads no header at all.  The shared object is found by its
-- soname libslope.so.MAJOR, MAJOR taken from the headers: loading a library
-- of another major version fails here, before any call.
--
-- Where the headers and the shared object are looked for, first to last:
--   1. SLOPE_INCLUDE (the headers' directory) and SLOPE_LIB (the shared
--      object's path), when set;
--   2. in the source tree (this file is lua/slope.lua): ../lib and
--      ../build/lib;
--   3. in an installed copy (PREFIX/share/slope/lua/slope.lua): the
--      include and lib directories of the same installation, first relative
--      to this file (so a moved installation still finds its own library),
--      then at the absolute paths `make install` wrote below;
--   4. the system: /usr/local/include/slope, /usr/include/slope, and the
--      dynamic linker's own search for libslope.so.MAJOR.
-- package.cpath is not searched: it names Lua C modules, which libslope is not.
--
-- Every libslope function is reachable without its prefix
-- (slope.deriv_central is slope_deriv_central); slope.C is the raw namespace.
local ffi = require "ffi"

local M = {}

-- `make install` replaces the next line with the installation's directories
-- (include_rel and lib_rel relative to this file's directory, include and
-- lib absolute); in the source tree it stays nil.
local installed = nil

-- The grader's build replaces the next line with the declarations, read
-- from lib/*.h when the grader is built (`luajit lua/slope.lua --embed lib`),
-- so the copy inside the grader reads no file and works from any folder.
local embedded = nil

local function module_dir()
    local src = debug.getinfo(1, "S").source
    return src:match("^@(.*)/[^/]*$") or "."
end

local function read(path)
    local fp = io.open(path, "r")
    if not fp then return nil end
    local s = fp:read("*a")
    fp:close()
    return s
end

-- The candidates for one directory or file, in the order above; `tree` is
-- the source tree's, rel/abs the installation's, sys the system's.
local function candidates(env, tree, rel, abs, sys)
    local here, list = module_dir(), { os.getenv(env) or "" }
    if installed then
        list[#list + 1] = here .. "/" .. rel
        list[#list + 1] = abs
    else
        list[#list + 1] = here .. "/" .. tree
    end
    for _, s in ipairs(sys) do list[#list + 1] = s end
    return list
end

local function find_include()
    local i = installed or {}
    local tried = {}
    for _, dir in ipairs(candidates("SLOPE_INCLUDE", "../lib", i.include_rel, i.include,
                                    { "/usr/local/include/slope", "/usr/include/slope" })) do
        if dir ~= "" then
            if read(dir .. "/slope.h") then return dir end
            tried[#tried + 1] = dir
        end
    end
    error("slope: cannot find slope.h in " .. table.concat(tried, ", ") ..
          "\nHINT: set SLOPE_INCLUDE to the directory holding libslope's headers", 2)
end

-- Headers in include order (each once), as ffi.cdef text, plus the
-- numeric macros they define.
local function collect(dir, name, seen, parts, macros)
    if seen[name] then return end
    seen[name] = true
    local text = read(dir .. "/" .. name)
    if not text then error("slope: cannot read " .. dir .. "/" .. name, 3) end
    text = text:gsub("/%*.-%*/", ""):gsub("//[^\n]*", "")
    local body = {}
    for line in (text .. "\n"):gmatch("([^\n]*)\n") do
        local inc = line:match('^%s*#%s*include%s*"([^"]+)"')
        local mname, mval = line:match("^%s*#%s*define%s+([%w_]+)%s+(%S+)%s*$")
        if inc then
            collect(dir, inc, seen, parts, macros)
        elseif mname then
            macros[mname] = mval
        elseif not line:match("^%s*#") then
            body[#body + 1] = line
        end
    end
    parts[#parts + 1] = table.concat(body, "\n")
end

-- The declarations of the headers in `dir`: the ffi.cdef text (numeric
-- macros substituted) and the macros.
local function headers(dir)
    local parts, macros = {}, {}
    collect(dir, "slope.h", {}, parts, macros)
    local text = table.concat(parts, "\n"):gsub("[%a_][%w_]*", function(w)
        local v = macros[w]
        return v and tonumber(v) and v or nil
    end)
    return text, macros
end

local function declare(text)
    -- <stdio.h> is not read: FILE is only ever used through a pointer.
    pcall(ffi.cdef, "typedef struct _IO_FILE FILE;")
    ffi.cdef(text)
end

local function load_library(major)
    local so = "libslope.so." .. major
    local i = installed or {}
    local errors = {}
    for _, p in ipairs(candidates("SLOPE_LIB", "../build/lib/" .. so,
                                  i.lib_rel and i.lib_rel .. "/" .. so, i.lib and i.lib .. "/" .. so,
                                  { so })) do
        if p ~= "" then
            local ok, lib = pcall(ffi.load, p)
            if ok then return lib, p end
            errors[#errors + 1] = tostring(lib)
        end
    end
    error("slope: cannot load " .. so .. ":\n  " .. table.concat(errors, "\n  ") ..
          "\nHINT: build it with make (in the source tree), or set SLOPE_LIB to its path", 3)
end

-- `luajit lua/slope.lua --embed DIR`: print this file with the headers of
-- DIR embedded in place of `local embedded = nil`, on one line, so every
-- other line keeps its number in error messages.
local mode, embed_dir = ...
if mode == "--embed" then
    local text, macros = headers(embed_dir or "lib")
    local src = read(debug.getinfo(1, "S").source:sub(2)) or error("slope: cannot read myself", 0)
    local keys = {}
    for k, v in pairs(macros) do keys[#keys + 1] = string.format("[%q] = %q", k, v) end
    table.sort(keys)
    local line = string.format("local embedded = { cdef = %q, macros = { %s } }", text, table.concat(keys, ", "))
    line = line:gsub("\\\n", "\\n")
    local out, n = src:gsub("\nlocal embedded = nil\n", function() return "\n" .. line .. "\n" end)
    if n ~= 1 then error("slope: no line 'local embedded = nil' to fill in", 0) end
    io.write(out)
    return
end

local text, macros
if embedded then
    text, macros = embedded.cdef, embedded.macros
else
    text, macros = headers(find_include())
end
declare(text)
M.version = (macros.SLOPE_VERSION or '"?"'):gsub('"', "")
M.version_major = tonumber(macros.SLOPE_VERSION_MAJOR)
if not M.version_major then error("slope: slope.h defines no SLOPE_VERSION_MAJOR", 2) end
if M.version_major ~= 0 then error("slope: this binding speaks libslope 0.x, the headers say " .. M.version, 2) end
-- Inside a program that already links libslope (the grader does, and
-- exports it), use that copy; else load the shared object.
local linked = pcall(function() return ffi.C.slope_status_str end)
if linked then
    M.C, M.path = ffi.C, "(linked into this program)"
else
    M.C, M.path = load_library(M.version_major)
end

-- A Lua function x -> y as a slope_fn callback (params are ignored).  Keep
-- the returned object alive while C may call it; free it with :free().
function M.fn(f)
    return ffi.cast("slope_fn", function(x, _) return f(x) end)
end

-- A Lua list of numbers as a C double array (0-based).
function M.doubles(t)
    return ffi.new("double[?]", #t, t)
end

-- Raise a Lua error for a status other than SLOPE_OK.
function M.check(status)
    if status ~= M.C.SLOPE_OK then
        error("slope: " .. ffi.string(M.C.slope_status_str(status)), 2)
    end
    return status
end

return setmetatable(M, {
    __index = function(t, k)
        local ok, v = pcall(function() return t.C["slope_" .. k] end)
        if ok then
            rawset(t, k, v)
            return v
        end
        error("slope: no function slope_" .. tostring(k), 2)
    end,
})
