-- batch.lua -- `grader batch` (a whole class, in parallel) and `grader watch`
-- (re-grade on save).
--
-- Both run `grader check` as a separate process per grading: every
-- submission is judged by a fresh grader that has never held another
-- student's results or a previous run's keys, and a crash of one grading
-- cannot take the others with it.
--
-- batch keeps a cache keyed by a content hash of the submission together
-- with the exercise (spec, header, keys) and the options, so re-running
-- skips what is already graded and byte-identical submissions are graded
-- once.  Every file is written under a temporary name and renamed, so an
-- interrupted run (Ctrl-C, kill -9) leaves complete files only.
local G = require "grader.c"
local S = require "grader.spec"
local J = require "grader.judge"
local API = package.loaded["grader.cli.api"]

local M = {}

local function atomic_write(path, text)
    J.write_file(path .. ".tmp", text)
    assert(os.rename(path .. ".tmp", path))
end

-- DIR/NAME.c or DIR/NAME/*.c -> { name = ..., source = ... }, sorted by name.
-- Every file is read safely (G.read_source: no links, regular files only,
-- inside the student's own file or folder, at most source_cap bytes in
-- all); a student whose files fail that gets { rejected = reason } and the
-- batch goes on for everyone else.
local function submissions(dir)
    local subs, cap = {}, G.limit("source_cap")
    for _, entry in ipairs(G.listdir(dir) or {}) do
        local path = dir .. "/" .. entry
        local kind = G.lstat(path)
        local name = entry:gsub("%.c$", "")
        if kind == "link" and (entry:match("%.c$") or G.stat(path) == "dir") then
            subs[#subs + 1] = { name = name, rejected = "links are not accepted (" .. entry .. ")" }
        elseif kind == "file" and entry:match("%.c$") then
            local source, why = G.read_source(path, path, cap)
            subs[#subs + 1] = { name = name, source = source,
                                rejected = why and string.format("%s (%s)", why, entry) }
        elseif kind == "other" and entry:match("%.c$") then
            subs[#subs + 1] = { name = name, rejected = "not a regular file (" .. entry .. ")" }
        elseif kind == "dir" then
            local parts, rejected, size = {}, nil, 0
            for _, f in ipairs(G.listdir(path) or {}) do
                if f:match("%.c$") and not rejected then
                    local text, why = G.read_source(path .. "/" .. f, path, cap - size)
                    if text then
                        size = size + #text
                        -- Several files become one translation unit; #line keeps
                        -- the compiler's messages pointing into the right file.
                        parts[#parts + 1] = string.format('#line 1 "%s"\n', f) .. text
                    else
                        rejected = string.format("%s (%s/%s)", why, entry, f)
                    end
                end
            end
            if rejected then
                subs[#subs + 1] = { name = entry, rejected = rejected }
            elseif #parts > 0 then
                subs[#subs + 1] = { name = entry, source = table.concat(parts, "\n") }
            end
        end
    end
    return subs
end

-- Read back the fields of our own results.json (one test per line).
local function parse_result(text)
    local r = { cases = {} }
    r.score = tonumber(text:match('^{\n  "score": ([%d.e+-]+)'))
    r.max = tonumber(text:match('\n  "extra_data": {[^\n]*"max_score": ([%d.e+-]+)'))
    r.verdict = text:match('\n  "extra_data": {[^\n]*"verdict": "([^"]*)"}')
    for line in text:gmatch('\n    {"name": [^\n]*') do
        r.cases[#r.cases + 1] = tonumber(line:match('"score": ([%d.e+-]+), "max_score"'))
    end
    return r
end

local function csv_field(s)
    s = tostring(s)
    if s:find('[",\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
    return s
end

local function write_csv(path, spec, subs, results, ncases)
    local header = { "name", "score", "max", "verdict" }
    for i = 1, ncases do header[#header + 1] = "case" .. i end
    local rows = { table.concat(header, ",") }
    for _, s in ipairs(subs) do
        local r = results[s.hash]
        if r then
            local row = { csv_field(s.name), r.score or "", r.max or "", csv_field(r.verdict or "grader error") }
            for i = 1, ncases do row[#row + 1] = r.cases[i] or (r.rejected and 0 or "") end
            rows[#rows + 1] = table.concat(row, ",")
        end
    end
    atomic_write(path, table.concat(rows, "\n") .. "\n")
end

local function progress_bar(done, total, tty)
    if not tty then return end
    local width = 30
    local fill = total > 0 and math.floor(width * done / total) or width
    io.stderr:write(string.format("\r[%s%s] %d/%d", string.rep("#", fill), string.rep("-", width - fill), done, total))
    if done == total then io.stderr:write("\n") end
end

-- The options a grading depends on, passed through to `grader check`.
local function check_args(opts, spec, root)
    local args = { "--format", "json", "--no-progress", "--exercises", root }
    for _, k in ipairs({ "time-limit", "memory-limit", "budget", "cc", "opt" }) do
        if opts[k] then args[#args + 1] = "--" .. k; args[#args + 1] = opts[k] end
    end
    if opts.unsafe then args[#args + 1] = "--unsafe" end
    if opts["reveal-hidden"] then args[#args + 1] = "--reveal-hidden" end
    if G.stat(S.key_path(spec.dir, true)) == "file" then args[#args + 1] = "--hidden" end
    return args
end

local function fingerprint(spec, args)
    local parts = { table.concat(args, " ") }
    for _, f in ipairs({ "spec.lua", "exercise.h", "keys/public.txt", "keys/hidden.txt", "keys/time.txt" }) do
        parts[#parts + 1] = J.read_file(spec.dir .. "/" .. f) or ""
    end
    parts[#parts + 1] = J.read_file(G.exe() or "") or ""
    return G.hash(table.concat(parts, "\0"))
end

-- The feedback file of a student whose files were not accepted.
local function rejected_json(spec, s, max_score)
    return require("grader.report").json_failure({
        exercise = spec.name, max_score = max_score, verdict = s.rejected,
        message = "your submission was not graded: " .. s.rejected .. ". Hand in plain .c files, not links or special files." })
end

function M.batch(opts, pos)
    local E = API.EXIT
    if #pos ~= 2 or type(opts.o) ~= "string" then
        API.eprintf("grader batch: need EXERCISE DIR -o GRADEBOOK.csv\n%s", API.HELP.batch)
        return E.USAGE
    end
    local spec = API.load_exercise(opts, pos[1])
    if not spec then return E.USAGE end
    if G.stat(pos[2]) ~= "dir" then
        API.eprintf("grader batch: %s is not a directory\n", pos[2])
        return E.USAGE
    end
    if not API.sandbox_ok(opts) then return E.INTERNAL end
    local jobs = tonumber(opts.j) or G.ncpu()
    local csv = opts.o
    local feedback = csv:gsub("%.csv$", "") .. ".feedback"
    local cache = feedback .. "/.cache"
    G.mkdir(feedback)
    G.mkdir(cache)
    local root = spec.dir:match("^(.*)/[^/]+$") or "."
    local args = check_args(opts, spec, root)
    local fp = fingerprint(spec, args)
    local subs = submissions(pos[2])
    local results, todo, seen = {}, {}, {}
    local max_score = 0
    for _, c in ipairs(spec.cases) do
        if not c.hidden or args[#args] == "--hidden" then max_score = max_score + c.points end
    end
    for _, s in ipairs(subs) do
        s.hash = G.hash(fp .. "\0" .. (s.source or ("rejected\0" .. s.name .. "\0" .. s.rejected)))
        local cached = J.read_file(cache .. "/" .. s.hash .. ".json")
        if s.rejected then
            results[s.hash] = { score = 0, max = max_score, verdict = s.rejected, cases = {}, rejected = true }
            atomic_write(feedback .. "/" .. s.name .. ".json", rejected_json(spec, s, max_score))
        elseif cached then
            results[s.hash] = parse_result(cached)
        elseif not seen[s.hash] then
            seen[s.hash] = true
            todo[#todo + 1] = s
        end
    end
    local ncases = 0
    for _, c in ipairs(spec.cases) do
        if not c.hidden or args[#args] == "--hidden" then ncases = ncases + 1 end
    end
    local exe = G.exe()
    -- This run's own scratch names: the guardian of an earlier, killed run
    -- may still be removing its own while this one starts.
    local run_tag = "." .. G.getpid()
    local running, nrun, done, tty = {}, 0, #subs - #todo, G.isatty(2)
    local function finish(pid, status)
        local s = running[pid]
        running[pid], nrun = nil, nrun - 1
        local base = cache .. "/" .. s.hash
        G.rmtree(base .. run_tag .. ".src")
        G.guard("-d", base .. run_tag .. ".src")
        if status == 0 or status == 1 then
            os.rename(base .. run_tag .. ".json.tmp", base .. ".json")
            results[s.hash] = parse_result(J.read_file(base .. ".json") or "")
        else
            results[s.hash] = { verdict = string.format("grader error (exit %d)", status), cases = {} }
            os.remove(base .. run_tag .. ".json.tmp")
        end
        G.guard("-d", base .. run_tag .. ".json.tmp")
        for _, t in ipairs(subs) do
            if t.hash == s.hash then
                done = done + (t == s and 1 or 0)
                local text = J.read_file(base .. ".json")
                if text then atomic_write(feedback .. "/" .. t.name .. ".json", text) end
            end
        end
        write_csv(csv, spec, subs, results, ncases)
        progress_bar(done, #subs, tty)
    end
    progress_bar(done, #subs, tty)
    for _, s in ipairs(todo) do
        while nrun >= jobs do finish(G.wait()) end
        local base = cache .. "/" .. s.hash
        -- Registered first: a batch killed now leaves neither behind.
        G.guard("+d", base .. run_tag .. ".src")
        G.guard("+d", base .. run_tag .. ".json.tmp")
        G.mkdir(base .. run_tag .. ".src")
        J.write_file(base .. run_tag .. ".src/submission.c", s.source)
        local argv = { exe, "check", spec.dir, base .. run_tag .. ".src/submission.c" }
        for _, a in ipairs(args) do argv[#argv + 1] = a end
        running[G.spawn(argv, base .. run_tag .. ".json.tmp")] = s
        nrun = nrun + 1
    end
    while nrun > 0 do finish(G.wait()) end
    -- Duplicates and cached ones get their feedback file too.
    for _, s in ipairs(subs) do
        local text = J.read_file(cache .. "/" .. s.hash .. ".json")
        local path = feedback .. "/" .. s.name .. ".json"
        if text and J.read_file(path) ~= text then atomic_write(path, text) end
    end
    write_csv(csv, spec, subs, results, ncases)
    local nrejected = 0
    for _, s in ipairs(subs) do if s.rejected then nrejected = nrejected + 1 end end
    io.stdout:write(string.format("batch: %d submissions (%d graded, %d from the cache or duplicates%s) -> %s\n",
                                  #subs, #todo, #subs - #todo - nrejected,
                                  nrejected > 0 and string.format(", %d not accepted", nrejected) or "", csv))
    return E.OK
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
