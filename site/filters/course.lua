--[[
site/filters/course.lua -- the pandoc filter that turns a lesson, an exercise
statement, the README or the library page into one page of the website.

  - the first level-1 heading becomes the page title (the template prints it);
  - links and code spans that name a lesson, an exercise, the README or a
    header of lib/ point to that page (NN-name.html, exercise-NN-name.html,
    index.html, library.html#lib-NAME); a link to any other file of the tree
    has no page and keeps only its text;
  - a figure chapters/NN-name/figures/F is served as figures/NN-name/F, as an
    image with its description as alt text;
  - math: texmath (pandoc's TeX-to-MathML) knows \big and \Big but not
    \Bigl, \Bigr or \bigm; they are rewritten to the sizes it knows, and the
    site build fails on any formula still left as TeX;
  - the weave tool's markers (<!-- table: NAME -->, <!-- code: FILE#NAME -->)
    are dropped; a code block woven from a source file gets the file's name
    as a label; after the table NAME of a chapter that has a live figure for
    it (LIVE below), the figure's placeholder is inserted, for
    site/widgets.js to fill;
  - an exercise statement without a section on running the grader gets one.
]]

-- Live figures: chapter -> { table name -> figure names }.  A figure whose
-- table marker is missing (the lesson was rewritten) goes before the
-- chapter's "Exercise" section, with a warning, so no figure is lost.
local LIVE = {
  ["01-derivatives"] = { ["secant"] = { "secant" } },
  ["02-differentiation-rules"] = { ["neuron"] = { "neuron" } },
  ["03-gradients"] = { ["arrows"] = { "arrows" } },
  ["04-jacobian-hessian"] = { ["hessian"] = { "hessian" } },
  ["05-gradient-descent"] = { ["descent"] = { "descent" } },
  ["06-optimizers"] = { ["your-run"] = { "optimizers" } },
  ["07-backpropagation"] = { ["xor-training"] = { "xor" } },
  ["08-convexity-convergence"] = { ["rate-check"] = { "rates" } },
  ["09-integration-auc"] = { ["roc-auc"] = { "roc" } },
}

local input = (PANDOC_STATE.input_files or {})[1] or ""
local srcdir = input:match("^(.*)/[^/]*$") or "."
local page = input:match("^chapters/([^/]+)/lesson%.md$")
local exercise = input:match("^exercises/([^/]+)/README%.md$")

-- ---- paths of the tree -> pages of the site ------------------------------------------

-- Collapse "a/./b" and "a/x/../b"; nil when the path leaves the tree.
local function normalize(path)
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." then
      if #parts == 0 then return nil end
      parts[#parts] = nil
    elseif part ~= "." then
      parts[#parts + 1] = part
    end
  end
  return table.concat(parts, "/")
end

-- The page (and fragment) for a path of the tree, or nil when it has none.
local function page_for(path, frag)
  frag = frag or ""
  local p = path:gsub("/$", "")
  local ch = p:match("^chapters/(%d%d%-[%w%-]+)$") or p:match("^chapters/(%d%d%-[%w%-]+)/lesson%.md$")
  if ch then return ch .. ".html" .. frag end
  local ex = p:match("^exercises/(%d%d%l?%-[%w%-]+)$") or p:match("^exercises/(%d%d%l?%-[%w%-]+)/README%.md$")
  if ex then return "exercise-" .. ex .. ".html" .. frag end
  if p == "README.md" or p == "" then return "index.html" .. frag end
  if p == "lib" then return "library.html" .. frag end
  local h = p:match("^lib/([%w_]+)%.h$")
  if h then return "library.html#lib-" .. h end
  local fc, fname = p:match("^chapters/(%d%d%-[%w%-]+)/figures/([^/]+)$")
  if fc then return "figures/" .. fc .. "/" .. fname end
  return nil
end

local function is_external(target)
  return target:match("^%a[%w+.-]*:") ~= nil
end

-- A target relative to the source file -> the site's target, false for "no page".
local function rewrite(target)
  if target == "" or target:sub(1, 1) == "#" or is_external(target) then return target end
  local path, frag = target:match("^([^#]*)(#?.*)$")
  local norm = normalize(srcdir .. "/" .. path)
  if not norm then return false end
  return page_for(norm, frag) or false
end

-- ---- inline elements ---------------------------------------------------------------

local unknown_warned = {}

local function Link(el)
  local t = rewrite(el.target)
  if t == false then
    if not unknown_warned[el.target] then
      io.stderr:write("site: ", input, ": the link to ", el.target,
                      " has no page on the site; kept as text\n")
      unknown_warned[el.target] = true
    end
    return el.content
  end
  el.target = t
  return el
end

local function Image(el)
  local t = rewrite(el.src)
  if t then el.src = t end
  return el
end

-- `exercises/05-learning-rate/`, `lib/deriv.h`, ... as code linking to the page.
local function Code(el)
  local text = el.text
  if text:match("^exercises/%d%d%l?%-[%w%-]+/?$") or text:match("^exercises/%d%d%l?%-[%w%-]+/README%.md$")
      or text:match("^chapters/%d%d%-[%w%-]+/lesson%.md$") or text:match("^lib/[%w_]+%.h$") then
    local t = page_for(text)
    if t and not t:match("^figures/") then return pandoc.Link({ el }, t) end
  end
  return el
end

-- texmath 0.12 knows \big, \Big, \bigg, \Bigg, \bigl, \bigr, \biggl, \biggr,
-- \Biggl, \Biggr but not these; each gets the same size without the l/r/m
-- (the MathML keeps the fence's prefix/postfix form from its position).
local MATH_FIX = { Bigl = "Big", Bigr = "Big", Bigm = "Big", bigm = "big", biggm = "bigg", Biggm = "Bigg" }

local function Math(el)
  -- a sized closing fence carrying scripts, \Bigr]_a^b: the scripts go on an
  -- empty group after it, or the browser sizes the fence as a script base
  -- (which it does not stretch)
  el.text = el.text:gsub("(\\[bB]igg?[lrm]?%s*\\?[%]%)|%.}])(%s*[_^])", "%1{}%2")
  el.text = el.text:gsub("\\(%a+)", function(cmd)
    local to = MATH_FIX[cmd]
    return to and ("\\" .. to) or nil
  end)
  return el
end

-- Inline math whose closing $ follows a space ("$\\infty - \\infty = $ NaN"):
-- pandoc's markdown does not take it as math (GitHub's does), and leaves the
-- dollars as text with the commands as raw TeX, which HTML drops.  Rejoin
-- such a run into one formula.  A stray raw TeX command outside any dollars
-- becomes a formula too, with a warning, rather than vanishing.
local function Inlines(inl)
  local out, i = {}, 1
  while i <= #inl do
    local el = inl[i]
    local joined = nil
    if el.t == "Str" and el.text:match("^%$[^%$]*$") then
      local parts, j = { el.text:sub(2) }, i + 1
      while j <= #inl do
        local e = inl[j]
        if e.t == "Str" then
          local body, tail = e.text:match("^([^%$]*)%$([%p]*)$")
          if body and not tail:match("%$") then
            parts[#parts + 1] = body
            joined = { upto = j, text = table.concat(parts), tail = tail }
            break
          end
          if e.text:match("%$") then break end
          parts[#parts + 1] = e.text
        elseif e.t == "Space" or e.t == "SoftBreak" then
          parts[#parts + 1] = " "
        elseif e.t == "RawInline" and e.format == "tex" then
          parts[#parts + 1] = e.text
        else
          break
        end
        j = j + 1
      end
    end
    if joined and joined.text:match("%S") and not joined.text:match("^%d") then
      out[#out + 1] = pandoc.Math("InlineMath", (joined.text:gsub("^%s+", ""):gsub("%s+$", "")))
      if joined.tail ~= "" then out[#out + 1] = pandoc.Str(joined.tail) end
      i = joined.upto + 1
    else
      if el.t == "RawInline" and el.format == "tex" then
        io.stderr:write("site: ", input, ": TeX outside $...$ (", el.text, ") is set as a formula\n")
        el = pandoc.Math("InlineMath", el.text)
      end
      out[#out + 1] = el
      i = i + 1
    end
  end
  return out
end

-- ---- blocks --------------------------------------------------------------------------

local function html(s) return pandoc.RawBlock("html", s) end

local function escape_html(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

local function live_figure(name)
  return html('<div class="live" id="live-' .. name .. '" data-live="' .. name .. '">'
              .. '<p class="live-fallback">This figure is computed live by libslope compiled to '
              .. 'WebAssembly; it needs JavaScript.</p></div>')
end

-- A paragraph holding one image -> a figure; the description stays alt text.
local function figure(img)
  local alt = escape_html(pandoc.utils.stringify(img.caption))
  local src = escape_html(img.src)
  return html('<figure class="fig"><a href="' .. src .. '"><img src="' .. src .. '" alt="' .. alt
              .. '"></a></figure>')
end

local function grader_section(dir)
  -- 06-adam is `grader check 6`; 06b-nesterov is named in full.
  local n = dir:match("^%d%d%-") and tostring(tonumber(dir:sub(1, 2))) or dir
  return {
    pandoc.Header(2, "Run the grader", { "run-the-grader" }),
    pandoc.Para({ pandoc.Str("From the top of the course tree:") }),
    pandoc.CodeBlock(table.concat({
      "make grader",
      "cp exercises/" .. dir .. "/starter.c my.c",
      "build/bin/grader check " .. n .. " my.c",
      "build/bin/grader watch " .. n .. " my.c",
    }, "\n"), { "", { "sh" }, {} }),
  }
end

local function Pandoc(doc)
  local out, title = {}, nil
  local live = LIVE[page or ""] or {}
  local placed, table_name, has_grader, has_live = {}, nil, false, false
  local function place(names)
    for _, n in ipairs(names) do
      if not placed[n] then
        out[#out + 1] = live_figure(n)
        placed[n] = true
        has_live = true
      end
    end
  end
  for _, b in ipairs(doc.blocks) do
    if b.t == "Header" and b.level == 1 and not title then
      title = b.content
    elseif b.t == "RawBlock" and b.format == "html" and b.text:match("^%s*<!%-%-") then
      local t = b.text:match("^%s*<!%-%-%s*table:%s*([%w%-_]+)%s*%-%->")
      local code = b.text:match("^%s*<!%-%-%s*code:%s*(%S+)%s*%-%->")
      if t then
        table_name = t
      elseif b.text:match("^%s*<!%-%-%s*/table%s*%-%->") then
        if table_name and live[table_name] then place(live[table_name]) end
        table_name = nil
      elseif code then
        local file, fn = code:match("^([^#]+)#?(.*)$")
        local label = '<p class="source-label"><code>' .. escape_html(file) .. "</code>"
        if fn ~= "" then label = label .. " · " .. escape_html(fn) end
        out[#out + 1] = html(label .. "</p>")
      end
      -- every other comment is dropped
    elseif b.t == "Para" and #b.content == 1 and b.content[1].t == "Image" then
      out[#out + 1] = figure(b.content[1])
    else
      if b.t == "Header" and pandoc.utils.stringify(b.content):lower():match("grader") then
        has_grader = true
      end
      if b.t == "Header" and b.level == 2 and pandoc.utils.stringify(b.content) == "Exercise" then
        for _, names in pairs(live) do
          for _, n in ipairs(names) do
            if not placed[n] then
              io.stderr:write("site: ", input, ": no table marker for the live figure ", n,
                              "; it goes before the Exercise section\n")
            end
          end
          place(names)
        end
      end
      out[#out + 1] = b
    end
  end
  for _, names in pairs(live) do place(names) end
  if exercise and not has_grader then
    for _, b in ipairs(grader_section(exercise)) do out[#out + 1] = b end
  end
  if title then doc.meta.title = pandoc.MetaInlines(title) end
  if has_live then doc.meta.live = true end
  doc.blocks = out
  return doc
end

return {
  { Inlines = Inlines },
  { Math = Math, Link = Link, Image = Image, Code = Code },
  { Pandoc = Pandoc },
}
