-- batch.lua -- `grader batch` (a whole class, in parallel), `grader merge`
-- (the gradebooks of a class graded in shards, joined into one) and
-- `grader watch` (re-grade on save).
--
-- Both batch and watch run `grader check` as a separate process per
-- grading: every submission is judged by a fresh grader that has never held
-- another student's results or a previous run's keys, and a crash of one
-- grading cannot take the others with it.
--
-- batch keeps a cache keyed by a content hash of the submission together
-- with the exercise (spec, header, keys) and the options, so re-running
-- skips what is already graded and byte-identical submissions are graded
-- once.  Every file is written under a temporary name and renamed, so an
-- interrupted run (Ctrl-C, kill -9) leaves complete files only.
--
-- The gradebook is CSV (RFC 4180 with LF line ends): a field holding a
-- comma, a quote, CR or LF (or a semicolon or a tab, which other readers
-- split on) is quoted, and a text cell that begins with =, +, -, @, TAB or
-- CR gets a leading ' (OWASP's advice against CSV injection), so no
-- spreadsheet reads a student's name as a formula.  A student's name is
-- their file or folder name without ".c", with control bytes and bytes
-- that are not UTF-8 written \xHH; the same name, as the gradebook shows
-- it, names their feedback file.
local G = require "grader.c"
local S = require "grader.spec"
local J = require "grader.judge"
local R = require "grader.report"
local API = package.loaded["grader.cli.api"]

local M = {}

-- Write a file whole or not at all; a file that already holds `text` is
-- left alone, so a rerun changes no byte (and no time stamp) it need not.
local function update_file(path, text)
    if J.read_file(path) == text then return end
    J.write_file(path .. ".tmp", text)
    assert(os.rename(path .. ".tmp", path))
end

-- "grader CMD: message" and a HINT line; returns the usage exit status.
local function usage(cmd, hint, fmt, ...)
    API.eprintf("grader %s: %s\nHINT: %s\n", cmd, string.format(fmt, ...), hint)
    return API.EXIT.USAGE
end

-- GRADEBOOK.csv -> GRADEBOOK.feedback
local function feedback_dir(csv)
    return (csv:gsub("%.csv$", "")) .. ".feedback"
end

-- ---- names --------------------------------------------------------------------------

-- A file name as text that breaks no line and no cell: control bytes, DEL,
-- bytes outside well-formed UTF-8, the C1 controls and U+2028/U+2029 (line
-- breaks to some readers) are written \xHH.
local function show_name(raw)
    local function hex(c)
        return (c:gsub(".", function(b) return string.format("\\x%02X", b:byte()) end))
    end
    local s = R.escape_bytes(raw):gsub("[\t\n]", hex)
    s = s:gsub("\194[\128-\159]", hex):gsub("\226\128[\168\169]", hex)
    return s
end

-- A text cell with a leading ' when a spreadsheet would read it as a
-- formula (OWASP, "CSV Injection": =, +, -, @, TAB, CR).
local function neutralise(s)
    if s:find("^[=+%-@\t\r]") then return "'" .. s end
    return s
end

-- The name a student's row and feedback file carry.
local function row_name(stem)
    return neutralise(show_name(stem))
end

-- One CSV field (RFC 4180).
local function csv_field(s)
    s = tostring(s)
    if s:find('[",;\t\r\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
    return s
end

-- NAME.json in the feedback folder.  A file name has at most 255 bytes, so
-- a longer NAME keeps its first NAME_KEEP bytes (never half a UTF-8
-- sequence) and a hash of the whole, which keeps it unique; the room left
-- is for ".json.tmp" and the hash.
local NAME_KEEP = 200
local function feedback_file(name)
    if #name <= NAME_KEEP then return name .. ".json" end
    local cut = NAME_KEEP
    while cut > 1 and name:byte(cut + 1) >= 0x80 and name:byte(cut + 1) < 0xC0 do cut = cut - 1 end
    return name:sub(1, cut) .. "~" .. G.hash(name):sub(1, 8) .. ".json"
end

-- ---- submissions ------------------------------------------------------------------------

-- The .c files of a student's folder as one translation unit (#line keeps
-- the compiler's messages pointing into the right file): text, or nil and
-- why it was not accepted, or nothing when the folder holds no .c file.
local function read_folder(path, shown, cap)
    local parts, size = {}, 0
    for _, f in ipairs(G.listdir(path) or {}) do
        if f:match("%.c$") then
            local text, why = G.read_source(path .. "/" .. f, path, cap - size)
            if not text then return nil, string.format("%s (%s/%s)", why, shown, show_name(f)) end
            size = size + #text
            parts[#parts + 1] = string.format('#line 1 "%s"\n', f) .. text
        end
    end
    if #parts > 0 then return table.concat(parts, "\n") end
end

-- DIR/NAME.c or DIR/NAME/*.c -> { name = row name, entry = "NAME.c" or
-- "NAME/" as shown, source = ... }.  Every file is read safely
-- (G.read_source: no links, regular files only, inside the student's own
-- file or folder, at most source_cap bytes in all); a student whose files
-- fail that gets { rejected = reason } and the batch goes on for everyone
-- else.
local function scan(dir)
    local subs, cap = {}, G.limit("source_cap")
    for _, entry in ipairs(G.listdir(dir) or {}) do
        local path, shown = dir .. "/" .. entry, show_name(entry)
        local kind, c_file = G.lstat(path), entry:match("%.c$") ~= nil
        local s = { name = row_name((entry:gsub("%.c$", ""))), entry = shown }
        if kind == "link" and (c_file or G.stat(path) == "dir") then
            s.rejected = "links are not accepted (" .. shown .. ")"
        elseif kind == "file" and c_file then
            local why
            s.source, why = G.read_source(path, path, cap)
            s.rejected = why and string.format("%s (%s)", why, shown)
        elseif kind == "other" and c_file then
            s.rejected = "not a regular file (" .. shown .. ")"
        elseif kind == "dir" then
            s.name, s.entry = row_name(entry), shown .. "/"
            s.source, s.rejected = read_folder(path, shown, cap)
            if not s.source and not s.rejected then s = nil end
        else
            s = nil
        end
        if s then subs[#subs + 1] = s end
    end
    return subs
end

-- One submission per name, sorted by name.  Entries that show as one name
-- (alice.c beside a folder alice/, or names that differ only in bytes
-- written \xHH) are not graded: which one to grade is the instructor's
-- call, so that row says which entries clash.
local function by_name(entries)
    local groups, subs = {}, {}
    for _, s in ipairs(entries) do
        local g = groups[s.name]
        if g then g[#g + 1] = s else groups[s.name] = { s }; subs[#subs + 1] = s end
    end
    for i, s in ipairs(subs) do
        local g = groups[s.name]
        if #g > 1 then
            local list = {}
            for k, t in ipairs(g) do list[k] = t.entry end
            subs[i] = { name = s.name, clash = true,
                        rejected = string.format("%d submissions under one name (%s): keep one and grade again",
                                                 #g, table.concat(list, ", ")) }
        end
    end
    table.sort(subs, function(a, b) return a.name < b.name end)
    return subs
end

-- Shard i of n holds the names whose hash is i - 1 modulo n: a student's
-- shard depends on their name alone, never on who else is in the folder or
-- on its order.  (The high 32 bits of the 64-bit FNV-1a hash: its low bits
-- mix poorly.)
local function in_shard(name, shard)
    return tonumber(G.hash(name):sub(1, 8), 16) % shard.n == shard.i - 1
end

-- ---- reading back results.json -------------------------------------------------------------

local function utf8_char(cp)
    if cp < 0x80 then return string.char(cp) end
    if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 0x40), 0x80 + cp % 0x40) end
    if cp < 0x10000 then
        return string.char(0xE0 + math.floor(cp / 0x1000), 0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
    end
    return string.char(0xF0 + math.floor(cp / 0x40000), 0x80 + math.floor(cp / 0x1000) % 0x40,
                       0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
end

local JSON_ESC = { b = "\b", f = "\f", n = "\n", r = "\r", t = "\t", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" }
local JSON_WORD = { ["true"] = true, ["false"] = false }

-- A JSON text (RFC 8259) -> a Lua value (null is nil), or nil when it is
-- malformed: enough to read back `grader check --format json` whatever the
-- order and spacing of its fields.
local function json_decode(text)
    local pos, value = 1, nil
    local function fail() error("malformed JSON", 0) end
    local function at() pos = text:find("[^ \t\r\n]", pos) or #text + 1; return text:sub(pos, pos) end
    local function str()
        local out = {}
        pos = pos + 1
        while true do
            local q = text:find('["\\]', pos) or fail()
            out[#out + 1] = text:sub(pos, q - 1)
            local e = text:sub(q + 1, q + 1)
            if text:sub(q, q) == '"' then pos = q + 1; return table.concat(out) end
            if e == "u" then
                local cp = tonumber(text:sub(q + 2, q + 5):match("^%x%x%x%x$") or fail(), 16)
                pos = q + 6
                local lo = text:match("^\\u(%x%x%x%x)", pos)
                if cp >= 0xD800 and cp < 0xDC00 and lo then  -- a surrogate pair
                    cp, pos = 0x10000 + (cp - 0xD800) * 0x400 + (tonumber(lo, 16) - 0xDC00), pos + 6
                end
                out[#out + 1] = utf8_char(cp)
            else
                out[#out + 1] = JSON_ESC[e] or fail()
                pos = q + 2
            end
        end
    end
    local function list(close, item)
        pos = pos + 1
        if at() == close then pos = pos + 1; return end
        repeat
            item()
            local sep = at()
            pos = pos + 1
        until sep ~= ","
        if text:sub(pos - 1, pos - 1) ~= close then fail() end
    end
    function value()
        local c = at()
        if c == '"' then return str() end
        if c == "{" then
            local t = {}
            list("}", function()
                if at() ~= '"' then fail() end
                local k = str()
                if at() ~= ":" then fail() end
                pos = pos + 1
                t[k] = value()
            end)
            return t
        end
        if c == "[" then
            local t, n = {}, 0
            list("]", function() n = n + 1; t[n] = value() end)
            return t
        end
        local word = text:match("^[%w.+-]+", pos) or fail()
        pos = pos + #word
        if JSON_WORD[word] ~= nil then return JSON_WORD[word] end
        if word == "null" then return nil end
        return tonumber(word) or fail()
    end
    local ok, v = pcall(function()
        local v = value()
        if at() ~= "" then fail() end
        return v
    end)
    if ok then return v end
end

-- The fields of a grading's results.json the gradebook needs, or nil.
local function parse_result(text)
    local j = text and json_decode(text)
    if type(j) ~= "table" or type(j.score) ~= "number" then return nil end
    local extra = type(j.extra_data) == "table" and j.extra_data or {}
    -- results.json has no top-level max_score: extra_data holds it.
    local r = { score = j.score, max = extra.max_score or j.max_score, verdict = extra.verdict, cases = {} }
    for k, t in ipairs(type(j.tests) == "table" and j.tests or {}) do r.cases[k] = t.score end
    return r
end

-- ---- the gradebook ------------------------------------------------------------------------

-- The cases a batch runs, the gradebook's header and the most points: the
-- public cases and, with --hidden, the hidden ones too (caseK_hidden).
local function columns(spec, hidden)
    local cases, header, max = {}, { "name", "score", "max", "verdict" }, 0
    for _, c in ipairs(spec.cases) do
        if hidden or not c.hidden then
            cases[#cases + 1] = c
            header[#header + 1] = "case" .. c.index .. (c.hidden and "_hidden" or "")
            max = max + c.points
        end
    end
    return { cases = cases, header = table.concat(header, ","), max = max }
end

local function csv_row(name, r, ncases)
    local row = { csv_field(name), r.score or "", r.max or "", csv_field(neutralise(r.verdict or "grader error")) }
    for i = 1, ncases do row[#row + 1] = r.cases[i] or (r.rejected and 0 or "") end
    return table.concat(row, ",")
end

-- Rows in name order (the order `grader merge` restores): a student whose
-- grading has not finished yet has no row.
local function write_csv(path, cols, subs, results)
    local rows = { cols.header }
    for _, s in ipairs(subs) do
        local r = results[s.hash]
        if r then rows[#rows + 1] = csv_row(s.name, r, #cols.cases) end
    end
    update_file(path, table.concat(rows, "\n") .. "\n")
end

-- GRADEBOOK.feedback/.gradebook says what a batch graded, for `grader merge`:
--   exercise NAME HASH   (HASH: of its spec, header, keys and case times)
--   options ...          (the options the grades depend on)
--   shard I/N
local MANIFEST = ".gradebook"

local function manifest_text(exercise, options, shard)
    return string.format("exercise %s\noptions %s\nshard %d/%d\n", exercise, show_name(options), shard.i, shard.n)
end

local function exercise_id(spec)
    local parts = {}
    for _, f in ipairs({ "spec.lua", "exercise.h", "keys/public.txt", "keys/hidden.txt", "keys/time.txt" }) do
        parts[#parts + 1] = J.read_file(spec.dir .. "/" .. f) or ""
    end
    return spec.name .. " " .. G.hash(table.concat(parts, "\0"))
end

-- Remove the feedback files of students no longer in the gradebook
-- (a deleted submission, a renamed one).  Only in a folder a batch made
-- before (it has the manifest): a folder of someone else's files is never
-- emptied.
local function prune(dir, keep, ours)
    if not ours then return 0 end
    local n = 0
    for _, f in ipairs(G.listdir(dir) or {}) do
        if (f:match("%.json$") or f:match("%.json%.tmp$")) and not keep[f] and G.lstat(dir .. "/" .. f) == "file" then
            if os.remove(dir .. "/" .. f) then n = n + 1 end
        end
    end
    return n
end

-- ---- progress -------------------------------------------------------------------------------

local function clock(s)
    s = math.floor(s + 0.5)
    return string.format("%d:%02d", math.floor(s / 60), s % 60)
end

-- On a terminal, one line rewritten in place ("\r"): done/total, the time
-- since the start and the time left at the rate of the gradings so far.
-- Quiet when stderr is not a terminal (a log, a pipe, a cluster job).
local function progress_start(total, done)
    return { tty = G.isatty(2) and total > 0, t0 = G.now_ms(), total = total, done0 = done, width = 0 }
end

local function progress(p, done)
    if not p.tty then return end
    local elapsed = (G.now_ms() - p.t0) / 1000
    local graded = done - p.done0
    local eta = done == p.total and "0:00" or graded > 0 and clock(elapsed / graded * (p.total - done)) or "--:--"
    local line = string.format("batch: %d/%d done, %s elapsed, ETA %s", done, p.total, clock(elapsed), eta)
    p.width = math.max(p.width, #line)
    io.stderr:write("\r" .. line .. string.rep(" ", p.width - #line))
    if done == p.total then io.stderr:write("\n") end
    io.stderr:flush()
end

-- ---- batch ----------------------------------------------------------------------------------

-- The options a grading depends on: passed to `grader check`, written in
-- the manifest (so `grader merge` refuses parts graded differently) and
-- part of the cache's key.
local PASSED = { "time-limit", "memory-limit", "budget", "cc", "opt" }
local FLAGS = { "unsafe", "hidden", "reveal-hidden" }

local function grading_options(opts)
    local args = {}
    for _, k in ipairs(PASSED) do
        if opts[k] then args[#args + 1] = "--" .. k; args[#args + 1] = opts[k] end
    end
    for _, k in ipairs(FLAGS) do
        if opts[k] then args[#args + 1] = "--" .. k end
    end
    return args
end

local function check_args(opts, spec)
    local root = spec.dir:match("^(.*)/[^/]+$") or "."
    local args = { "--format", "json", "--no-progress", "--exercises", root }
    for _, a in ipairs(grading_options(opts)) do args[#args + 1] = a end
    return args
end

local function fingerprint(spec, args)
    local parts = { table.concat(args, " "), exercise_id(spec) }
    parts[#parts + 1] = J.read_file(G.exe() or "") or ""
    return G.hash(table.concat(parts, "\0"))
end

-- The feedback file of a student with no score: score 0, a message the
-- student can act on, the verdict for the gradebook, no tests.
local function unscored_json(spec, verdict, message, max_score)
    return R.json_failure({ exercise = spec.name, max_score = max_score, verdict = verdict, message = message })
end

local function rejected_json(spec, s, max_score)
    local advice = s.clash and "Your instructor received more than one submission under your name; " ..
                                "they will grade the one you say is yours."
                            or "Hand in plain .c files, not links or special files."
    return unscored_json(spec, s.rejected, "your submission was not graded: " .. s.rejected .. ". " .. advice,
                         max_score)
end

local BATCH_HINT = "grader batch 5 class/ -o grades.csv [-j 4] [--hidden] [--shard 1/4]"

-- Check what can be checked before the exercise is loaded: the operands,
-- -o and --shard (-j is checked with the other numeric options, in cli.lua).  Returns the shard ({ i = 1, n = 1 } without one), or
-- nil and the exit status.
local function batch_usage(opts, pos)
    if #pos ~= 2 then
        return nil, usage("batch", BATCH_HINT, "need EXERCISE and DIR (got %d operands)", #pos)
    end
    if type(opts.o) ~= "string" or opts.o == "" then
        return nil, usage("batch", BATCH_HINT, "-o GRADEBOOK.csv is required: where to write the gradebook")
    end
    if not opts.shard then return { i = 1, n = 1 } end
    local i, n = tostring(opts.shard):match("^(%d+)/(%d+)$")
    i, n = tonumber(i), tonumber(n)
    if not i or i < 1 or i > n then
        return nil, usage("batch", "--shard 1/4, 2/4, 3/4 and 4/4 grade a quarter of the class each; " ..
                          "then `grader merge grades.csv PART.csv...`",
                          "--shard must be I/N with 1 <= I <= N (got '%s')", tostring(opts.shard))
    end
    return { i = i, n = n }
end

-- DIR, the gradebook's folder, the hidden keys.  Returns the feedback
-- folder, or nil and the exit status.
local function batch_paths(opts, dir, spec)
    if G.stat(dir) ~= "dir" then
        return nil, usage("batch", "DIR holds the class: DIR/NAME.c or DIR/NAME/*.c, one per student",
                          "%s is not a directory", dir)
    end
    local csv = opts.o
    local parent = csv:match("^(.*)/[^/]*$") or "."
    if parent == "" then parent = "/" end
    if csv:match("/$") or G.stat(csv) == "dir" then
        return nil, usage("batch", "name a file: -o " .. csv:gsub("/+$", "") .. "/grades.csv",
                          "-o %s is a folder, not a gradebook file", csv)
    end
    if G.stat(parent) ~= "dir" then
        return nil, usage("batch", string.format("create it first (mkdir -p %s) or pick another -o", parent),
                          "-o %s: there is no folder %s", csv, parent)
    end
    if opts.hidden and G.stat(S.key_path(spec.dir, true)) ~= "file" then
        return nil, usage("batch", "leave out --hidden, or run `grader keys " .. spec.name .. "` where solution.c is",
                          "--hidden needs %s (instructors only)", S.key_path(spec.dir, true))
    end
    local feedback = feedback_dir(csv)
    G.mkdir(feedback)
    G.mkdir(feedback .. "/.cache")
    local probe = io.open(feedback .. "/.cache/probe." .. G.getpid(), "wb")
    local csv_probe = probe and io.open(csv .. ".tmp", "wb")
    if probe then probe:close(); os.remove(feedback .. "/.cache/probe." .. G.getpid()) end
    if csv_probe then csv_probe:close(); os.remove(csv .. ".tmp") end
    if not (probe and csv_probe) then
        return nil, usage("batch", "pick an -o in a folder you can write to",
                          "cannot write %s and %s/", csv, feedback)
    end
    return feedback
end

-- Grade the submissions `todo` in parallel, `jobs` at a time; `on_done(s,
-- status, json_tmp)` for each as it finishes.
local function run_all(todo, jobs, cache, argv0, on_done)
    -- This run's own scratch names: the guardian of an earlier, killed run
    -- may still be removing its own while this one starts.
    local run_tag = "." .. G.getpid()
    local running, nrun = {}, 0
    local function finish(pid, status)
        local s = running[pid]
        running[pid], nrun = nil, nrun - 1
        local base = cache .. "/" .. s.hash
        G.rmtree(base .. run_tag .. ".src")
        G.guard("-d", base .. run_tag .. ".src")
        on_done(s, status, base .. run_tag .. ".json.tmp")
        G.guard("-d", base .. run_tag .. ".json.tmp")
    end
    for _, s in ipairs(todo) do
        while nrun >= jobs do finish(G.wait()) end
        local base = cache .. "/" .. s.hash
        -- Registered first: a batch killed now leaves neither behind.
        G.guard("+d", base .. run_tag .. ".src")
        G.guard("+d", base .. run_tag .. ".json.tmp")
        G.mkdir(base .. run_tag .. ".src")
        J.write_file(base .. run_tag .. ".src/submission.c", s.source)
        local argv = { argv0[1], "check", argv0[2], base .. run_tag .. ".src/submission.c" }
        for k = 3, #argv0 do argv[#argv + 1] = argv0[k] end
        running[G.spawn(argv, base .. run_tag .. ".json.tmp")] = s
        nrun = nrun + 1
    end
    while nrun > 0 do finish(G.wait()) end
end

-- Each submission's hash and feedback file; the rejected ones' rows and
-- files, the cached ones' results; the rest to grade (one per hash).
local function plan(b, subs)
    local results, todo, seen, keep = {}, {}, {}, {}
    for _, s in ipairs(subs) do
        s.file = b.feedback .. "/" .. feedback_file(s.name)
        keep[feedback_file(s.name)] = true
        s.hash = G.hash(b.fp .. "\0" .. (s.source or ("rejected\0" .. s.name .. "\0" .. s.rejected)))
        if s.rejected then
            results[s.hash] = { score = 0, max = b.cols.max, verdict = s.rejected, cases = {}, rejected = true }
            update_file(s.file, rejected_json(b.spec, s, b.cols.max))
        else
            results[s.hash] = parse_result(J.read_file(b.cache .. "/" .. s.hash .. ".json"))
            if not results[s.hash] and not seen[s.hash] then
                seen[s.hash] = true
                todo[#todo + 1] = s
            end
        end
    end
    return results, todo, keep
end

-- Grade `todo`, keeping the gradebook, the feedback files and the
-- progress line up to date as each grading finishes.
local function grade(b, subs, results, todo, jobs)
    local done = #subs - #todo
    local bar = progress_start(#subs, done)
    progress(bar, done)
    local argv0 = { G.exe(), b.spec.dir }
    for _, a in ipairs(b.args) do argv0[#argv0 + 1] = a end
    run_all(todo, jobs, b.cache, argv0, function(s, status, tmp)
        local base = b.cache .. "/" .. s.hash
        if status == 0 or status == 1 then
            os.rename(tmp, base .. ".json")
            results[s.hash] = parse_result(J.read_file(base .. ".json"))
                              or { verdict = "grader error (unreadable results)", cases = {} }
        else
            results[s.hash] = { verdict = string.format("grader error (exit %d)", status), cases = {} }
            os.remove(tmp)
        end
        -- A grading that failed leaves no stale feedback from an earlier version.
        local text = J.read_file(base .. ".json") or
                     unscored_json(b.spec, results[s.hash].verdict, "the grader could not grade your submission " ..
                                   "(" .. results[s.hash].verdict .. "); your instructor will look into it.",
                                   b.cols.max)
        for _, t in ipairs(subs) do
            if t.hash == s.hash and text then update_file(t.file, text) end
        end
        done = done + 1
        write_csv(b.csv, b.cols, subs, results)
        progress(bar, done)
    end)
end

local function summary(shard, subs, ngraded, removed, csv)
    local nrejected = 0
    for _, s in ipairs(subs) do if s.rejected then nrejected = nrejected + 1 end end
    io.stdout:write(string.format("batch: %s%d submissions (%d graded, %d from the cache or duplicates%s%s) -> %s\n",
                                  shard.n > 1 and string.format("shard %d/%d: ", shard.i, shard.n) or "",
                                  #subs, ngraded, #subs - ngraded - nrejected,
                                  nrejected > 0 and string.format(", %d not accepted", nrejected) or "",
                                  removed > 0 and string.format(", %d stale feedback file%s removed", removed,
                                                                removed > 1 and "s" or "") or "",
                                  csv))
end

function M.batch(opts, pos)
    local E = API.EXIT
    local shard, rc = batch_usage(opts, pos)
    if not shard then return rc end
    local spec = API.load_exercise(opts, pos[1])
    if not spec then return E.USAGE end
    local feedback, prc = batch_paths(opts, pos[2], spec)
    if not feedback then return prc end
    if not API.sandbox_ok(opts) then return E.INTERNAL end
    local b = { spec = spec, csv = opts.o, feedback = feedback, cache = feedback .. "/.cache",
                cols = columns(spec, opts.hidden), args = check_args(opts, spec) }
    b.fp = fingerprint(spec, b.args)
    local ours = G.stat(feedback .. "/" .. MANIFEST) == "file"
    update_file(feedback .. "/" .. MANIFEST,
                manifest_text(exercise_id(spec), table.concat(grading_options(opts), " "), shard))
    local subs = {}
    for _, s in ipairs(by_name(scan(pos[2]))) do
        if in_shard(s.name, shard) then subs[#subs + 1] = s end
    end
    local results, todo, keep = plan(b, subs)
    grade(b, subs, results, todo, tonumber(opts.j) or G.ncpu())
    -- Duplicates and cached ones get their feedback file too.
    for _, s in ipairs(subs) do
        local text = J.read_file(b.cache .. "/" .. s.hash .. ".json")
        if text then update_file(s.file, text) end
    end
    write_csv(b.csv, b.cols, subs, results)
    summary(shard, subs, #todo, prune(feedback, keep, ours), b.csv)
    return E.OK
end

-- ---- merge ------------------------------------------------------------------------------

-- The records of a CSV text (RFC 4180), each { cells = {...}, raw = its
-- bytes, line end included }; or nil and what is wrong.
local function csv_records(text)
    local records, pos, n = {}, 1, #text
    while pos <= n do
        local start, cells = pos, {}
        repeat
            if text:sub(pos, pos) == '"' then
                local buf, p = {}, pos + 1
                while true do
                    local q = text:find('"', p, true)
                    if not q then return nil, "a quoted field is never closed" end
                    buf[#buf + 1] = text:sub(p, q - 1)
                    if text:sub(q + 1, q + 1) ~= '"' then pos = q + 1; break end
                    buf[#buf + 1], p = '"', q + 2
                end
                cells[#cells + 1] = table.concat(buf)
            else
                local e = text:find("[,\r\n]", pos) or n + 1
                cells[#cells + 1], pos = text:sub(pos, e - 1), e
            end
            local sep = text:sub(pos, pos)
            if sep == "," then pos = pos + 1 end
        until sep ~= ","
        local eol = text:match("^\r?\n", pos) or text:match("^\r", pos)
        if not eol and pos <= n then return nil, "a quoted field followed by more text" end
        pos = pos + #(eol or "")
        records[#records + 1] = { cells = cells, raw = text:sub(start, pos - 1) }
    end
    return records
end

local MERGE_HINT = "grader merge grades.csv parts/grades-1.csv parts/grades-2.csv ... " ..
                   "(the gradebooks of `grader batch ... --shard I/N`, every I from 1 to N)"

-- A part: its manifest's fields, header and rows, or nil and why not.
local function read_part(path)
    local text = J.read_file(path)
    if not text then return nil, string.format("cannot read %s", path) end
    local dir = feedback_dir(path)
    local m = J.read_file(dir .. "/" .. MANIFEST)
    local ex, options, i, n = (m or ""):match("^exercise ([^\n]*)\noptions ([^\n]*)\nshard (%d+)/(%d+)\n$")
    if not ex then
        return nil, string.format("%s is not a gradebook written by `grader batch` (no %s/%s)", path, dir, MANIFEST)
    end
    local records, why = csv_records(text)
    if not records or #records == 0 then
        return nil, string.format("%s is not a gradebook: %s", path, why or "it is empty")
    end
    local header = table.remove(records, 1)
    return { path = path, dir = dir, exercise = ex, options = options, i = tonumber(i), n = tonumber(n),
             header = header.raw, rows = records }
end

-- The parts agree (one exercise, one set of options and columns, one N),
-- no student is in two, and every shard 1..N is there: nil, or what is not.
local function merge_conflict(parts)
    local p1, owner, have = parts[1], {}, {}
    for _, p in ipairs(parts) do
        if p.exercise ~= p1.exercise then
            local n1, n = p1.exercise:match("^%S+"), p.exercise:match("^%S+")
            return n1 ~= n and string.format("%s grades %s but %s grades %s: parts of different exercises " ..
                                             "cannot be joined", p1.path, n1, p.path, n)
                            or string.format("%s and %s grade different versions of %s (its spec or keys " ..
                                             "changed between the runs)", p1.path, p.path, n)
        end
        if p.options ~= p1.options or p.header ~= p1.header then
            return string.format("%s was graded with options '%s' but %s with '%s'", p1.path, p1.options,
                                 p.path, p.options)
        end
        if p.n ~= p1.n then
            return string.format("%s is shard %d/%d but %s is shard %d/%d", p1.path, p1.i, p1.n, p.path, p.i, p.n)
        end
        for _, row in ipairs(p.rows) do
            local name = row.cells[1]
            if owner[name] then
                return string.format("student %s is in both %s and %s", name, owner[name], p.path)
            end
            owner[name] = p.path
        end
        have[p.i] = true
    end
    for i = 1, p1.n do
        if not have[i] then return string.format("shard %d/%d is missing", i, p1.n) end
    end
end

-- Copy a part's feedback files (and its cache, so a later run on the
-- merged gradebook grades nothing again) into the merged folder.
local function merge_files(p, out_dir, keep)
    for _, row in ipairs(p.rows) do
        local f = feedback_file(row.cells[1])
        local text = J.read_file(p.dir .. "/" .. f)
        if not text then return string.format("%s has no feedback file %s (an interrupted run?)", p.dir, f) end
        update_file(out_dir .. "/" .. f, text)
        keep[f] = true
    end
    for _, f in ipairs(G.listdir(p.dir .. "/.cache") or {}) do
        if f:match("^%x+%.json$") then update_file(out_dir .. "/.cache/" .. f, J.read_file(p.dir .. "/.cache/" .. f)) end
    end
end

function M.merge(opts, pos)
    if #pos < 2 then return usage("merge", MERGE_HINT, "need OUT.csv and at least one PART.csv") end
    local out, parts = pos[1], {}
    for k = 2, #pos do
        if pos[k] == out then return usage("merge", MERGE_HINT, "OUT.csv %s is also a part", out) end
        local p, why = read_part(pos[k])
        if not p then return usage("merge", MERGE_HINT, "%s", why) end
        parts[#parts + 1] = p
    end
    local conflict = merge_conflict(parts)
    if conflict then return usage("merge", MERGE_HINT, "%s", conflict) end
    local parent = out:match("^(.*)/[^/]*$") or "."
    if G.stat(parent ~= "" and parent or "/") ~= "dir" or out:match("/$") or G.stat(out) == "dir" then
        return usage("merge", "name a file in a folder that exists", "cannot write the gradebook %s", out)
    end
    local dir, keep, rows = feedback_dir(out), {}, {}
    local ours = G.stat(dir .. "/" .. MANIFEST) == "file"
    G.mkdir(dir)
    G.mkdir(dir .. "/.cache")
    local probe = io.open(out .. ".tmp", "wb")
    if probe then probe:close(); os.remove(out .. ".tmp") end
    if not probe or G.stat(dir .. "/.cache") ~= "dir" then
        return usage("merge", "pick an OUT.csv in a folder you can write to", "cannot write %s and %s/", out, dir)
    end
    for _, p in ipairs(parts) do
        local why = merge_files(p, dir, keep)
        if why then return usage("merge", "run that shard's `grader batch` again, then merge", "%s", why) end
        for _, row in ipairs(p.rows) do rows[#rows + 1] = row end
    end
    table.sort(rows, function(a, b) return a.cells[1] < b.cells[1] end)
    update_file(dir .. "/" .. MANIFEST, manifest_text(parts[1].exercise, parts[1].options, { i = 1, n = 1 }))
    local text = { parts[1].header }
    for _, row in ipairs(rows) do text[#text + 1] = row.raw end
    update_file(out, table.concat(text))
    prune(dir, keep, ours)
    io.stdout:write(string.format("merge: %d students from %d parts -> %s\n", #rows, #parts, out))
    return API.EXIT.OK
end

-- ---- watch ------------------------------------------------------------------------------

function M.watch(opts, pos)
    local E = API.EXIT
    if #pos ~= 2 then
        API.eprintf("grader watch: need EXERCISE and FILE.c\n%s", API.HELP.watch)
        return E.USAGE
    end
    local file = pos[2]
    local spec = API.load_exercise(opts, pos[1], file, "watch")
    if not spec then return E.USAGE end
    local dir = file:match("^(.*)/[^/]*$") or "."
    local name = file:match("([^/]+)$")
    if dir == "" then dir = "/" end
    if not name or G.stat(file) == "dir" then
        API.eprintf("grader watch: %s is a folder, not a FILE.c\n", file)
        API.eprintf("HINT: give the path of your FILE.c, e.g. grader watch %s mine.c\n", pos[1])
        return E.USAGE
    end
    -- A file not written yet is waited for (a student may start watch
    -- first); a folder that does not exist never gets it: exit 2.
    if G.stat(dir) ~= "dir" then
        API.eprintf("grader watch: there is no folder %s to watch for %s\n", dir, name)
        API.eprintf("HINT: create the folder first, or give the path of your FILE.c\n")
        return E.USAGE
    end
    local argv = { G.exe(), "check", spec.dir, file, "--exercises", spec.dir:match("^(.*)/[^/]+$") or "." }
    for _, k in ipairs({ "time-limit", "memory-limit", "budget", "format", "opt" }) do
        if opts[k] then argv[#argv + 1] = "--" .. k; argv[#argv + 1] = opts[k] end
    end
    if opts.unsafe then argv[#argv + 1] = "--unsafe" end
    if opts.first then argv[#argv + 1] = "--first" end
    -- tcc compiles a small file in a few ms: instant feedback while editing.
    local cc = opts.cc or (J.which("tcc") and "tcc")
    if cc then argv[#argv + 1] = "--cc"; argv[#argv + 1] = cc end
    local runs, max_runs = 0, tonumber(os.getenv("SLOPE_WATCH_RUNS"))
    while true do
        if G.stat(file) ~= "file" then
            io.stdout:write(string.format("-- %s does not exist yet: waiting for it to appear, Ctrl-C to stop\n", file))
            io.stdout:flush()
        else
            local t0 = G.now_ms()
            G.spawn(argv, nil)
            local _, status = G.wait()
            io.stdout:write(string.format("-- graded in %.0f ms%s (exit %d); watching %s, Ctrl-C to stop\n",
                                          G.now_ms() - t0, cc and (" with " .. cc) or "", status, file))
            io.stdout:flush()
        end
        runs = runs + 1
        if max_runs and runs >= max_runs then return E.OK end
        G.watch(dir, name, -1)
    end
end

return M
