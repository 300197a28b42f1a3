-- weave.lua -- keep each lesson's tables and code excerpts equal to what the
-- programs print and what the sources say.
--
-- A lesson asks for material with markers, and the tool fills the space
-- between a marker and its closing comment:
--
--   <!-- table: NAME -->  ... <!-- /table -->   the table NAME that the
--        chapter program prints under --weave (lines "@@ table NAME")
--   <!-- code: PATH#NAME --> ... <!-- /code -->  from the C file PATH, the
--        region between "/* weave: NAME */" and "/* weave end */", or else
--        the definition of the function NAME (its line at column 0 through
--        the closing "}" at column 0)
--
-- usage:
--   luajit chapters/weave.lua [--check] --program BIN LESSON.md
--       rewrite LESSON.md in place (only if something changed), or with
--       --check report every marker whose text has drifted and exit 1
--   luajit chapters/weave.lua --seeds --program BIN SEEDS.txt
--       check that the numbers a seed printed appear, in order and at the
--       seed's precision, in our tables; SEEDS.txt lines: "TABLE FILE.out [FROM-TO]"
--       (FROM-TO: only those lines of FILE.out, 1-based, inclusive)
--   luajit chapters/weave.lua --prose LESSON.md...
--       check that a lesson stands on its own: outside HTML comments, no
--       line names a "widget", a "slider" or a "source page", and "seed"
--       only ever means a random-number seed (see prose_ok below)
--
-- Exit status: 0 all good, 1 drift, a seed mismatch or a prose violation,
-- 2 bad usage or a broken marker (unknown table or symbol, marker never
-- closed).

local function die(code, fmt, ...)
  io.stderr:write(string.format(fmt, ...), "\n")
  os.exit(code)
end

local function read_file(path)
  local fh, err = io.open(path, "rb")
  if not fh then die(2, "weave: cannot read %s (%s)", path, err) end
  local text = fh:read("*a")
  fh:close()
  return text
end

-- Run the chapter program under --weave and cut its output into tables.
local function program_tables(bin)
  local fh = io.popen(string.format("'%s' --weave 2>&1", bin:gsub("'", "'\\''")))
  local out = fh:read("*a")
  local ok, _, code = fh:close()
  if ok ~= true and ok ~= 0 then
    die(2, "weave: %s --weave failed (exit %s):\n%s", bin, tostring(code), out)
  end
  local tables, order, name = {}, {}, nil
  for line in (out .. "\n"):gmatch("(.-)\n") do
    local t = line:match("^@@ table (%S+)$")
    if t then
      name = t
      if tables[t] then die(2, "weave: %s prints table %s twice", bin, t) end
      tables[t] = {}
      order[#order + 1] = t
    elseif name then
      table.insert(tables[name], line)
    end
  end
  for _, t in ipairs(order) do    -- drop the blank lines a table ends with
    local lines = tables[t]
    while #lines > 0 and lines[#lines] == "" do lines[#lines] = nil end
    tables[t] = table.concat(lines, "\n") .. "\n"
  end
  return tables
end

-- The lines of a region or function definition named `name` in C source.
local function code_excerpt(path, name)
  local lines = {}
  for line in (read_file(path) .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = line end
  for i, line in ipairs(lines) do
    if line:match("^%s*/%* weave: " .. name:gsub("%p", "%%%0") .. " %*/%s*$") then
      for j = i + 1, #lines do
        if lines[j]:match("^%s*/%* weave end %*/%s*$") then
          return table.concat(lines, "\n", i + 1, j - 1) .. "\n"
        end
      end
      return nil, "region " .. name .. " is never closed by /* weave end */"
    end
  end
  local pat = "[%s%*]" .. name:gsub("%p", "%%%0") .. "%("
  for i, line in ipairs(lines) do
    if line:match("^%S") and (" " .. line):match(pat) and not line:match(";%s*$") then
      for j = i + 1, #lines do
        if lines[j]:match("^}") then return table.concat(lines, "\n", i, j) .. "\n" end
      end
    end
  end
  return nil, "no function or region named " .. name
end

local function line_at(text, pos)
  return select(2, text:sub(1, pos):gsub("\n", "")) + 1
end

-- The text a marker stands for, or a fatal error naming lesson:line.
local function marker_body(where, kind, arg, tables)
  if kind == "table" then
    if not tables[arg] then die(2, "%s: the program prints no table named '%s'", where, arg) end
    return "```text\n" .. tables[arg] .. "```\n"
  end
  local path, name = arg:match("^([^#]+)#(.+)$")
  if not path then die(2, "%s: code marker '%s' must be PATH#NAME", where, arg) end
  local excerpt, why = code_excerpt(path, name)
  if not excerpt then die(2, "%s: %s: %s", where, path, why) end
  return "```c\n" .. excerpt .. "```\n"
end

-- Rebuild the lesson text; collect the markers whose text drifted.
local function weave(lesson, text, tables)
  local out, drift, pos = {}, {}, 1
  while true do
    local s, e, kind, arg = text:find("<!%-%- (%a+): (%S+) %-%->\n", pos)
    if not s then break end
    local where = lesson .. ":" .. line_at(text, s)
    if kind ~= "table" and kind ~= "code" then
      die(2, "%s: unknown marker '%s' (use table: or code:)", where, kind)
    end
    local close = "<!-- /" .. kind .. " -->"
    local cs = text:find(close, e + 1, true)
    if not cs then die(2, "%s: marker %s: %s is never closed by %s", where, kind, arg, close) end
    local body = marker_body(where, kind, arg, tables)
    if text:sub(e + 1, cs - 1) ~= body then drift[#drift + 1] = where .. ": " .. kind .. ": " .. arg end
    out[#out + 1] = text:sub(pos, e) .. body
    pos = cs
  end
  out[#out + 1] = text:sub(pos)
  return table.concat(out), drift
end

-- Numbers a reader compares: tokens with a decimal point or an exponent.
local function numbers(text)
  local list = {}
  for line in (text .. "\n"):gmatch("(.-)\n") do
    for tok in line:gmatch("[-+]?%d*%.?%d+[eE][-+]?%d+") do list[#list + 1] = { tok, line } end
    local stripped = line:gsub("[-+]?%d*%.?%d+[eE][-+]?%d+", " ")
    for tok in stripped:gmatch("[-+]?%d+%.%d*") do list[#list + 1] = { tok, line } end
  end
  return list
end

local function same(seed_tok, ours)
  if seed_tok == ours then return true end
  local a, b = tonumber(seed_tok), tonumber(ours)
  return a ~= nil and a == b
end

local function check_seeds(spec, tables)
  local failed = 0
  for line in (read_file(spec) .. "\n"):gmatch("(.-)\n") do
    local tname, file, from, to = line:match("^(%S+)%s+(%S+)%s*(%d*)%-?(%d*)")
    if tname and not line:match("^#") then
      if not tables[tname] then die(2, "%s: the program prints no table named '%s'", spec, tname) end
      local seed, n = {}, 0
      for l in (read_file(file) .. "\n"):gmatch("(.-)\n") do
        n = n + 1
        if n >= (tonumber(from) or 1) and n <= (tonumber(to) or tonumber(from) or math.huge) then
          seed[#seed + 1] = l
        end
      end
      local ours, k = numbers(tables[tname]), 1
      for _, want in ipairs(numbers(table.concat(seed, "\n"))) do
        while k <= #ours and not same(want[1], ours[k][1]) do k = k + 1 end
        if k > #ours then
          io.stderr:write(string.format("%s: table %s lacks %s (seed line: %s)\n", spec, tname, want[1], want[2]))
          failed = failed + 1
          break
        end
        k = k + 1
      end
    end
  end
  return failed
end

-- ---- prose: a lesson names no document the reader cannot see ------------------

-- Words that only make sense next to the material the course grew from.
local PROSE_WORDS = { "seed", "widget", "slider", "source page" }

-- The text with every HTML comment blanked (newlines kept, so line numbers
-- stay right); nil and the comment's line when one is never closed.
local function strip_comments(text)
  local out, pos = {}, 1
  while true do
    local s = text:find("<!--", pos, true)
    if not s then break end
    local _, e = text:find("-->", s + 4, true)
    if not e then return nil, line_at(text, s) end
    out[#out + 1] = text:sub(pos, s - 1)
    out[#out + 1] = (text:sub(s, e):gsub("[^\n]", ""))
    pos = e + 1
  end
  out[#out + 1] = text:sub(pos)
  return table.concat(out)
end

-- Is the "seed" found at byte `at` of the lower-cased `line` a random-number
-- seed?  Yes when the line speaks of randomness (random, rng, RandomState),
-- or the word is --seed, seed(, seeded, or seed with a number ("seed 0",
-- "seed=42", "seed(7)").
local function seed_ok(line, at)
  if line:find("random", 1, true) or line:find("rng", 1, true) then return true end
  local before, after = line:sub(1, at - 1), line:sub(at + 4)
  return before:sub(-2) == "--" or after:match("^%(") ~= nil or after:match("^ed") ~= nil
      or after:match("^[ =(]?%d") ~= nil
end

-- The forbidden words on one line (lower case), in order of appearance.
local function prose_words(line)
  local found, low = {}, line:lower()
  for _, w in ipairs(PROSE_WORDS) do
    local at = 1
    while true do
      local s = low:find(w, at, true)
      if not s then break end
      if w ~= "seed" or not seed_ok(low, s) then found[#found + 1] = { s, line:sub(s, s + #w - 1) } end
      at = s + 1
    end
  end
  table.sort(found, function(a, b) return a[1] < b[1] end)
  return found
end

-- Report file:line: 'word' for every violation; returns their number.
local function check_prose(file)
  local text, open_line = strip_comments(read_file(file))
  if not text then
    io.stderr:write(string.format("%s:%d: an HTML comment opened here is never closed\n" ..
                                  "HINT: close it with -->\n", file, open_line))
    return 1
  end
  local n, lineno = 0, 0
  for line in (text .. "\n"):gmatch("(.-)\n") do
    lineno = lineno + 1
    for _, f in ipairs(prose_words(line)) do
      local excerpt = line:gsub("^%s+", ""):gsub("%s+$", "")
      if #excerpt > 72 then excerpt = excerpt:sub(1, 69) .. "..." end
      io.stderr:write(string.format("%s:%d: '%s' in: %s\n", file, lineno, f[2], excerpt))
      n = n + 1
    end
  end
  if n > 0 then
    io.stderr:write("HINT: a lesson must stand on its own: state the claim or show the code in the lesson " ..
                    "itself and examine it there (a Pitfall box quoting it); name the material the course " ..
                    "grew from only in the README's Sources section; in a lesson, 'seed' means a " ..
                    "random-number seed (write 'random seed', 'seed 0', '--seed', 'rng')\n")
  end
  return n
end

local function main(args)
  local mode, bin, file, files = "write", nil, nil, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "--check" then mode = "check"
    elseif a == "--seeds" then mode = "seeds"
    elseif a == "--prose" then mode = "prose"
    elseif a == "--program" then i = i + 1; bin = args[i]
    elseif a == "--help" then
      print("usage: weave.lua [--check | --seeds] --program BIN FILE\n"
        .. "       weave.lua --prose LESSON.md...\n"
        .. "  rewrite a lesson's woven tables and code, verify them (--check),\n"
        .. "  compare a program's tables with a seed's printed numbers (--seeds),\n"
        .. "  or check that lessons name no document the reader cannot see (--prose)")
      os.exit(0)
    elseif a:sub(1, 2) == "--" then die(2, "weave: unknown option %s (see --help)", a)
    else files[#files + 1] = a; file = file or a end
    i = i + 1
  end
  if mode == "prose" then
    if bin or #files == 0 then die(2, "weave: --prose takes lesson files and no --program (see --help)") end
    local failed = 0
    for _, f in ipairs(files) do failed = failed + check_prose(f) end
    if failed > 0 then os.exit(1) end
    return
  end
  if #files > 1 then die(2, "weave: one FILE at a time, except with --prose (see --help)") end
  if not bin or not file then die(2, "weave: need --program BIN and a FILE (see --help)") end
  local tables = program_tables(bin)
  if mode == "seeds" then
    local failed = check_seeds(file, tables)
    if failed > 0 then os.exit(1) end
    return
  end
  local text = read_file(file)
  local new, drift = weave(file, text, tables)
  if mode == "check" then
    for _, d in ipairs(drift) do
      io.stderr:write(d, ": differs from what the sources say now; run 'make weave'\n")
    end
    if #drift > 0 then os.exit(1) end
  elseif new ~= text then
    local fh = assert(io.open(file, "wb"))
    fh:write(new)
    fh:close()
    print("weave: updated " .. file)
  end
end

main(arg)
