--[[
site/gen.lua -- the website's navigation and its library page.

    luajit site/gen.lua OUTDIR --chapters 01-derivatives ... \
        --exercises 01-finite-differences ... --headers lib/auc.h ...

Writes into OUTDIR, for pandoc (site/site.mk):
  ID.yaml      one per page (index, each chapter NN-name, each exercise as
               exercise-NN-name, library): the page list of the side bar with
               the current page marked, previous/next in reading order, and
               the chapter's exercises (or the exercise's chapter);
  library.md   the library page: every header of lib/, its opening comment
               as prose and its declarations, section by section, as C.
A file is rewritten only when its content changes, so make re-renders only
the pages whose navigation did.  Exit 0, or 2 with a HINT on bad usage.
]]

local function die(msg, hint)
  io.stderr:write("gen.lua: ", msg, "\nHINT: ", hint, "\n")
  os.exit(2)
end

-- ---- command line -------------------------------------------------------------
if arg[1] == "--help" then
  print("usage: luajit site/gen.lua OUTDIR --chapters NN-name... --exercises NN-name... --headers lib/X.h...")
  os.exit(0)
end
local outdir = arg[1]
if not outdir or outdir:sub(1, 2) == "--" then
  die("no output directory", "run it as make site does: luajit site/gen.lua OUTDIR --chapters ...")
end
local lists, cur = { chapters = {}, exercises = {}, headers = {} }, nil
for i = 2, #arg do
  local key = arg[i]:match("^%-%-(%a+)$")
  if key then
    if not lists[key] then die("unknown option " .. arg[i], "the options are --chapters, --exercises, --headers") end
    cur = lists[key]
  elseif cur then
    cur[#cur + 1] = arg[i]
  else
    die("a value before any option: " .. arg[i], "put --chapters before the chapter names")
  end
end

local function read(path)
  local f, err = io.open(path, "rb")
  if not f then die("cannot read " .. path .. ": " .. err, "run it from the top of the course tree") end
  local s = f:read("*a")
  f:close()
  return s
end

-- Write PATH only when its content differs from TEXT.
local function write_if_changed(path, text)
  local f = io.open(path, "rb")
  if f then
    local old = f:read("*a")
    f:close()
    if old == text then return end
  end
  f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

-- The first "# " heading of a markdown file.
local function title_of(path)
  for line in read(path):gmatch("[^\n]*") do
    local t = line:match("^#%s+(.-)%s*$")
    if t then return t end
  end
  return path
end

-- "Chapter 01 — Derivatives" -> "Derivatives" (the part after the dash).
-- "Chapter 04: The Jacobian" -> "The Jacobian"; "Exercise 06b — Nesterov"
-- -> "Nesterov" (a chapter's second exercise); a title without such a
-- prefix is kept whole.
local function short(title)
  for _, sep in ipairs({ "%s+—%s+", "%s+%-%-?%s+", ":%s+", "%.%s+" }) do
    local rest = title:match("^%a+%s+%d+%l?" .. sep .. "(.+)$") or title:match("^%d+%l?" .. sep .. "(.+)$")
    if rest then return rest end
  end
  return title
end

-- ---- the pages, in reading order ---------------------------------------------------
-- A chapter's exercises share its two-digit prefix: 06-adam, then 06b-nesterov.
local exercises_of = {}
for _, e in ipairs(lists.exercises) do
  local k = e:sub(1, 2)
  exercises_of[k] = exercises_of[k] or {}
  table.insert(exercises_of[k], e)
end

local pages = { { id = "index", title = "slope: the course", label = "Start here", kind = "top" } }
for _, c in ipairs(lists.chapters) do
  local t = title_of("chapters/" .. c .. "/lesson.md")
  pages[#pages + 1] = { id = c, title = t, label = c:sub(1, 2) .. " " .. short(t), kind = "chapter" }
  local ci = #pages
  for _, e in ipairs(exercises_of[c:sub(1, 2)] or {}) do
    local et = title_of("exercises/" .. e .. "/README.md")
    pages[#pages + 1] = { id = "exercise-" .. e, title = et, label = "Exercise: " .. short(et),
                          kind = "exercise", dir = e, chapter = ci }
    pages[ci].exercises = pages[ci].exercises or {}
    table.insert(pages[ci].exercises, #pages)
  end
  exercises_of[c:sub(1, 2)] = nil
end
for _, e in ipairs(lists.exercises) do -- an exercise without a chapter still gets its page
  if exercises_of[e:sub(1, 2)] then
    local et = title_of("exercises/" .. e .. "/README.md")
    pages[#pages + 1] = { id = "exercise-" .. e, title = et, label = "Exercise: " .. short(et),
                          kind = "exercise", dir = e }
  end
end
pages[#pages + 1] = { id = "library", title = "The library", label = "The library (lib/)", kind = "top" }

-- ---- one metadata file per page ----------------------------------------------------
local function q(s) -- a YAML double-quoted string; pandoc reads it as markdown
  s = s:gsub("([\\`*_%[%]<>$#|])", "\\%1")
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local function link(p) return { "    href: " .. p.id .. ".html", "    title: " .. q(p.title) } end

for i, p in ipairs(pages) do
  local y = { "page: " .. p.id, "kind: " .. p.kind, "nav:" }
  for j, o in ipairs(pages) do
    y[#y + 1] = "  - href: " .. o.id .. ".html"
    y[#y + 1] = "    label: " .. q(o.label)
    y[#y + 1] = "    kind: " .. o.kind
    if i == j then y[#y + 1] = "    current: true" end
  end
  local function add(key, o)
    if o then
      y[#y + 1] = key .. ":"
      for _, l in ipairs(link(o)) do y[#y + 1] = l end
    end
  end
  add("prev", pages[i - 1])
  add("next", pages[i + 1])
  if p.exercises then -- every exercise of the chapter, in order (06, then 06b)
    y[#y + 1] = "exercises-label: " .. (#p.exercises > 1 and "\"This chapter's exercises:\"" or "\"This chapter's exercise:\"")
    y[#y + 1] = "exercises:"
    for _, e in ipairs(p.exercises) do
      local l = link(pages[e])
      l[1] = "  - " .. l[1]:sub(5)
      y[#y + 1] = l[1]
      y[#y + 1] = l[2]
    end
  end
  add("chapter", p.chapter and pages[p.chapter])
  if p.dir then
    y[#y + 1] = "grader:"
    -- `grader check 6` names 06-adam; a second exercise of a chapter
    -- (06b-nesterov) is named in full.
    y[#y + 1] = "  number: " .. q(p.dir:match("^%d%d%-") and tostring(tonumber(p.dir:sub(1, 2))) or p.dir)
    y[#y + 1] = "  dir: " .. q(p.dir)
  end
  write_if_changed(outdir .. "/" .. p.id .. ".yaml", table.concat(y, "\n") .. "\n")
end

-- ---- the library page, from the headers --------------------------------------------
-- Prose from a C comment: escape markdown, and set identifiers (names with an
-- underscore, calls, header names) as code.
local function prose(s)
  local out = {}
  local pos = 1
  while pos <= #s do
    local a, b = s:find("[%a_][%w_]*%.h%f[^%w_]", pos)
    local a2, b2 = s:find("[%a_][%w_]*_[%w_]*%(?%)?", pos)
    if a2 and (not a or a2 < a) then a, b = a2, b2 end
    if not a then
      out[#out + 1] = s:sub(pos):gsub("([\\`*_%[%]<>$#|~^])", "\\%1")
      break
    end
    out[#out + 1] = s:sub(pos, a - 1):gsub("([\\`*_%[%]<>$#|~^])", "\\%1")
    out[#out + 1] = "`" .. s:sub(a, b) .. "`"
    pos = b + 1
  end
  return table.concat(out)
end

-- The opening comment: paragraphs of prose; a paragraph with indented lines
-- (aligned lists, formulas) stays preformatted.
local function comment_to_md(lines)
  local md, para = {}, {}
  local function flush()
    if #para == 0 then return end
    local indented = false
    for _, l in ipairs(para) do if l:match("^%s") then indented = true end end
    if indented then
      md[#md + 1] = "```text\n" .. table.concat(para, "\n") .. "\n```"
    else
      md[#md + 1] = prose(table.concat(para, " "))
    end
    para = {}
  end
  for _, l in ipairs(lines) do
    if l:match("^%s*$") then flush() else para[#para + 1] = l end
  end
  flush()
  return table.concat(md, "\n\n")
end

local function header_md(path)
  local src = read(path)
  local name = path:match("([^/]+)%.h$")
  local comment, rest = src:match("^%s*/%*(.-)%*/(.*)$")
  if not comment then comment, rest = "", src end
  local lines = {}
  for l in (comment .. "\n"):gmatch("([^\n]*)\n") do
    lines[#lines + 1] = (l:gsub("^%s?%*%s?", "", 1))
  end
  while #lines > 0 and lines[1]:match("^%s*$") do table.remove(lines, 1) end
  local heading = name .. ".h"
  if lines[1] and lines[1]:match("^[%w_]+%.h%s+%-%-") then
    heading = lines[1]:gsub("%s+%-%-%s+", " — ", 1)
    table.remove(lines, 1)
  end
  local md = { "## " .. prose(heading) .. " {#lib-" .. name .. "}", "", comment_to_md(lines), "" }
  -- the declarations: drop the include guard and includes, cut at the banners
  local chunk, sections = {}, {}
  local title = nil
  local function flush()
    while #chunk > 0 and chunk[#chunk]:match("^%s*$") do chunk[#chunk] = nil end
    while #chunk > 0 and chunk[1]:match("^%s*$") do table.remove(chunk, 1) end
    if #chunk > 0 or title then sections[#sections + 1] = { title = title, code = table.concat(chunk, "\n") } end
    chunk = {}
  end
  for l in (rest .. "\n"):gmatch("([^\n]*)\n") do
    local banner = l:match("^/%*%s*%-%-%-%-+%s*(.-)%s*%-*%s*%*/%s*$")
    if banner then
      flush()
      title = banner
    elseif not (l:match("^#ifndef") or l:match("^#define%s+SLOPE_[%w_]*_H%s*$") or l:match("^#include")
                or l:match("^#endif")) then
      chunk[#chunk + 1] = l
    end
  end
  flush()
  for _, s in ipairs(sections) do
    if s.title then md[#md + 1] = "### " .. prose(s.title) .. "\n" end
    if s.code ~= "" then md[#md + 1] = "```c\n" .. s.code .. "\n```\n" end
  end
  return table.concat(md, "\n")
end

-- Headers in the order slope.h includes them; any others after.
local order, seen = {}, {}
local umbrella = nil
for _, h in ipairs(lists.headers) do if h:match("/slope%.h$") then umbrella = h end end
if umbrella then
  for inc in read(umbrella):gmatch('#include%s+"([%w_]+%.h)"') do
    for _, h in ipairs(lists.headers) do
      if h:match("/" .. inc:gsub("%.", "%%.") .. "$") and not seen[h] then
        order[#order + 1] = h
        seen[h] = true
      end
    end
  end
end
for _, h in ipairs(lists.headers) do
  if not seen[h] and h ~= umbrella then order[#order + 1] = h end
end

local lib = {
  "# The library",
  "",
  "libslope is the C library every chapter program stands on, and the live figures of the "
    .. "lessons run it too, compiled to WebAssembly. Each module is one header, and the header is "
    .. "its documentation: what each function computes, the shapes and units of its arguments, "
    .. "the reference it follows, and what it does with bad input. They are shown here as they "
    .. "are in `lib/`; include `slope.h` for all of them and link with `-lslope -lm`.",
  "",
}
for _, h in ipairs(order) do lib[#lib + 1] = header_md(h) end
write_if_changed(outdir .. "/library.md", table.concat(lib, "\n") .. "\n")
