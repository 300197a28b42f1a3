-- test_slope.lua -- lua/slope.lua under plain luajit: the binding loads the
-- library through its headers and each call agrees with an analytic value.
--   SLOPE_LIB=build/lib/libslope.so.0 LUA_PATH='lua/?.lua;;' luajit tests/grader/test_slope.lua
local slope = require "slope"

local failures = 0
local function check(name, ok, detail)
    if not ok then
        failures = failures + 1
        io.stderr:write("FAIL " .. name .. ": " .. tostring(detail) .. "\n")
    end
end

check("version", slope.version:match("^0%.%d+%.%d+$"), slope.version)

-- d/dx sin at 2.385 is cos(2.385); the central difference errs by O(h^2).
local f = slope.fn(math.sin)
local d = slope.deriv_central(f, nil, 2.385, 1e-5)
check("deriv_central", math.abs(d - math.cos(2.385)) < 1e-9, d)
f:free()

-- (1.5, -2.25, 3.125) . (0.5, 4, -2) = 0.75 - 9 - 6.25 = -14.5 exactly.
local dot = slope.linalg_dot(slope.doubles{ 1.5, -2.25, 3.125 }, slope.doubles{ 0.5, 4, -2 }, 3)
check("linalg_dot", dot == -14.5, dot)

-- A documented error path comes back as a status, raised by slope.check.
local ok, err = pcall(slope.check, slope.C.SLOPE_EINVAL)
check("check raises", not ok and tostring(err):match("slope: "), err)
check("unknown name", not pcall(function() return slope.no_such_function end))

if failures > 0 then os.exit(1) end
print("slope.lua: all checks passed (libslope " .. slope.version .. " from " .. slope.path .. ")")
