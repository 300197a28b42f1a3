--[[
site/svgmin.lua -- a lesson figure (gnuplot's SVG) for the website, smaller
and drawn the same.

    luajit site/svgmin.lua IN.svg OUT.svg

gnuplot wraps every line it draws in a group of its own that repeats the same
presentation attributes (fill, color, stroke, stroke-width, stroke-linecap,
stroke-linejoin), and leaves many such groups empty; a surface plot holds
thousands of them.  This drops the empty ones and merges each run of adjacent
groups with identical attributes into one.  Those attributes are inherited
properties, and a group that sets nothing else (no id, opacity, filter,
clip-path, mask or transform) adds no compositing of its own, so its children
render exactly as before.  Anything else is copied as it is.  Exit 0, 1 when a
file cannot be read or written, 2 on bad usage (with a HINT).
]]

local function die(code, msg, hint)
  io.stderr:write("svgmin.lua: ", msg, "\n", hint and ("HINT: " .. hint .. "\n") or "")
  os.exit(code)
end

if arg[1] == "--help" then
  print("usage: luajit site/svgmin.lua IN.svg OUT.svg")
  os.exit(0)
end
if not arg[1] or not arg[2] then
  die(2, "two arguments are needed", "run it as make site does: luajit site/svgmin.lua IN.svg OUT.svg")
end

local f, err = io.open(arg[1], "rb")
if not f then die(1, "cannot read " .. err) end
local src = f:read("*a")
f:close()

-- A group's attribute text that only sets the six inherited properties.
local function mergeable(attrs)
  local rest = attrs
  for _, name in ipairs({ "fill", "color", "stroke", "stroke%-width", "stroke%-linecap", "stroke%-linejoin" }) do
    rest = rest:gsub("%f[%w%-]" .. name .. '="[^"]*"', "", 1)
  end
  return rest:match("^%s*$") ~= nil
end

local out = {}        -- the lines written
local stack = {}      -- per open group: its attributes if mergeable, else false
local closed = nil    -- attributes of a mergeable group whose "</g>" ends out[#out]
for line in (src:gsub("\n?$", "\n")):gmatch("([^\n]*)\n") do
  local attrs = line:match("^<g (.-)>$")
  if attrs and mergeable(attrs) and closed == attrs then
    -- the same group again right after the last one closed: reopen that one
    out[#out] = out[#out]:gsub("</g>$", "")
    if out[#out] == "" then out[#out] = nil end
    stack[#stack + 1] = attrs
    closed = nil
  elseif attrs and mergeable(attrs) then
    out[#out + 1] = line
    stack[#stack + 1] = attrs
    closed = nil
  else
    closed = nil
    local opens = select(2, line:gsub("<g[%s>]", ""))
    local closes = select(2, line:gsub("</g>", ""))
    if line:match("^</g>$") and stack[#stack] and out[#out] == "<g " .. stack[#stack] .. ">" then
      out[#out] = nil -- an empty mergeable group: drop it
      stack[#stack] = nil
    else
      out[#out + 1] = line
      if opens == 0 and closes == 1 and line:match("</g>$") and stack[#stack] then
        closed = stack[#stack]
      end
      for _ = 1, opens do stack[#stack + 1] = false end
      for _ = 1, closes do stack[#stack] = nil end
    end
  end
end

f, err = io.open(arg[2], "wb")
if not f then die(1, "cannot write " .. err) end
f:write(table.concat(out, "\n"), "\n")
f:close()
