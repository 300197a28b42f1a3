-- judge.lua -- compile a submission, run its cases in the sandbox, compare.
--
-- The order matters for the keys: the parent forks every runner child
-- before it reads a single key, so no child (and no student code) ever has
-- an answer in its memory.  Children receive the cases' inputs only (they
-- inherit the parsed spec) and stream one line per event on the results
-- pipe:
--   T ms           the sandbox is in place (a monotonic clock, for timing)
--   L              the shared object is loaded (constructors have run)
--   X name         the function `name` is missing
--   S k            case k starts
--   R k v,v v      case k's outputs, one comma list per compared output
--   E message      a Lua error (bad argument, out of memory)
--   D              every case ran
-- Nothing from that pipe is ever evaluated: it is split and read with
-- tonumber, so a submission that writes to it can at most fail itself.
local ffi = require "ffi"
local G = require "grader.c"
local S = require "grader.spec"

local M = {}

M.DEFAULTS = { time_limit = 2, mem_mb = 256, compile_timeout = 10, out_cap = 8192,
               opt = "-O2" }

-- ---- compile ----------------------------------------------------------------------

local function read_file(path)
    local fp = io.open(path, "rb")
    if not fp then return nil end
    local s = fp:read("*a")
    fp:close()
    return s
end
M.read_file = read_file

local function write_file(path, s)
    local fp = assert(io.open(path, "wb"))
    fp:write(s)
    fp:close()
end
M.write_file = write_file

local function which(prog)
    if prog:find("/") then return G.stat(prog) == "file" and prog or nil end
    for dir in (os.getenv("PATH") or "/usr/bin:/bin"):gmatch("[^:]+") do
        if G.stat(dir .. "/" .. prog) == "file" then return dir .. "/" .. prog end
    end
end
M.which = which

-- The messages name the student's own file, not the temp copy.
local function source_name(file)
    local base = file:match("([^/]+)$") or "submission.c"
    base = base:gsub("%.[^.]*$", ""):gsub("[^%w_.-]", "_")
    if base == "" then base = "submission" end
    return base .. ".c"
end

local function compile(tmp, src, opts)
    local cc = which(opts.cc or os.getenv("CC") or "cc")
    if not cc then error("no C compiler (" .. (opts.cc or "cc") .. ") on PATH", 0) end
    local argv = { cc, "-shared", "-fPIC", opts.opt, "-Wall", "-Wextra",
                   "-fdiagnostics-color=never", "-include", "exercise.h",
                   "-o", "submission.so", src, "-lm" }
    if cc:match("tcc$") then argv = { cc, "-shared", "-Wall", "-include", "exercise.h",
                                       "-o", "submission.so", src, "-lm" } end
    local r = G.compile(tmp, argv, { timeout_s = opts.compile_timeout, cpu_s = opts.compile_timeout,
                                     mem_mb = 2048, fsize_mb = 64, out_cap = 65536,
                                     unsafe = opts.unsafe })
    if r.res:match("^E sandbox") then error(r.res:gsub("^E ", ""), 0) end
    return r
end

-- ---- run (the child side) ------------------------------------------------------------

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
    return S.hex(v)
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

-- Runs in the sandboxed child: load the student's code, then cases first..n.
local function child_main(spec, so, first)
    G.emit(string.format("T %.3f\n", G.now_ms()))  -- the sandbox is in place
    local ok, lib = pcall(ffi.load, so)
    if not ok then
        G.emit("E cannot load the compiled code: " .. tostring(lib):gsub("\n", " ") .. "\n")
        return
    end
    G.emit("L\n")
    local missing = {}
    for _, c in ipairs(spec.cases) do
        if missing[c.call] == nil then
            missing[c.call] = not pcall(function() return lib[c.call] end)
            if missing[c.call] then G.emit("X " .. c.call .. "\n") end
        end
    end
    for k = first, #spec.cases do
        local c = spec.cases[k]
        if c.run and not missing[c.call] then
            G.emit("S " .. k .. "\n")
            local okc, line = pcall(run_case, lib, c)
            G.flush()
            if okc then
                G.emit("R " .. k .. " " .. line .. "\n")
            else
                G.emit("E " .. k .. " " .. tostring(line):gsub("\n", " ") .. "\n")
            end
        end
    end
    G.emit("D\n")
end

-- ---- run (the parent side) ------------------------------------------------------------

local SIGNAL_TEXT = { SEGV = "segmentation fault: a bad pointer or a stack overflow",
                      BUS = "bus error", FPE = "arithmetic exception (integer division by zero?)",
                      ABRT = "abort() was called (a failed assert?)", ILL = "illegal instruction",
                      TRAP = "trap" }

-- What ended a child early, in the vocabulary students act on.
local function classify(r, opts, during)
    local mem_kb = opts.mem_mb * 1024
    if r.timed_out or r.signame == "XCPU" or (r.signame == "KILL" and not r.timed_out) then
        return "time limit", string.format("time limit (%.3g s) %s", opts.time_limit, during)
    end
    if r.signame == "SYS" then
        return "forbidden operation",
            "forbidden operation " .. during .. ": a system call the sandbox does not allow " ..
            "(fork, exec, sockets, signals to other processes, changing limits, ...)"
    end
    if r.signal then
        if r.maxrss_kb > 0.8 * mem_kb then
            return "memory limit", string.format("memory limit (%d MB) %s", opts.mem_mb, during)
        end
        return "crashed", string.format("crashed with SIG%s %s (%s)", r.signame or r.signal, during,
                                       SIGNAL_TEXT[r.signame] or "killed by a signal")
    end
    return "crashed", string.format("exited with status %d %s: exit() must not be called by the graded function",
                                   r.exit or -1, during)
end

local function parse_events(res)
    local ev = {}
    for line in res:gmatch("([^\n]*)\n") do ev[#ev + 1] = line end
    return ev
end

-- Run every selected case, rerunning after a crash in a fresh child.
-- outcome[k] = { values = {...} } or { verdict = ..., detail = ... }.
local function run_all(spec, tmp, opts)
    local outcome, stdout, total_out, runs = {}, {}, 0, 0
    local timing = { run_ms = 0 }
    local so = tmp .. "/submission.so"
    local function child(first) child_main(spec, so, first) end
    local first = 1
    while first <= #spec.cases do
        while first <= #spec.cases and not spec.cases[first].run do first = first + 1 end
        if first > #spec.cases then break end
        local r = G.run(tmp, first, child, { timeout_s = opts.time_limit,
                                             cpu_s = opts.time_limit * (#spec.cases - first + 1) + 1,
                                             mem_mb = opts.mem_mb, fsize_mb = 0,
                                             out_cap = opts.out_cap, unsafe = opts.unsafe })
        runs = runs + 1
        timing.run_ms = timing.run_ms + r.wall_ms
        stdout[#stdout + 1] = r.out
        total_out = total_out + r.out_total
        local loaded, done, current = false, false, nil
        for _, line in ipairs(parse_events(r.res)) do
            local tag, rest = line:match("^(%u) ?(.*)$")
            if tag == "T" and runs == 1 then
                timing.sandbox_ms = (tonumber(rest) or r.t_fork) - r.t_fork
            elseif tag == "L" then loaded = true
            elseif tag == "D" then done = true
            elseif tag == "S" then current = tonumber(rest)
            elseif tag == "X" then
                for _, c in ipairs(spec.cases) do
                    if c.call == rest and c.run then
                        outcome[c.index] = { verdict = "missing function",
                                             detail = "missing function " .. rest .. ": define it in your file" }
                    end
                end
            elseif tag == "R" then
                local k, vals = rest:match("^(%d+) ?(.*)$")
                k = tonumber(k)
                if k and spec.cases[k] and k == current then
                    local items = {}
                    for item in vals:gmatch("%S+") do items[#items + 1] = S.parse_values(item) or false end
                    outcome[k] = { items = items }
                    current = nil
                end
            elseif tag == "E" then
                if rest:match("^sandbox") then error("the sandbox could not be set up: " .. rest, 0) end
                local k, msg = rest:match("^(%d+) (.*)$")
                k = tonumber(k)
                if k and k == current then
                    local mem = msg:match("not enough memory")
                    outcome[k] = { verdict = mem and "memory limit" or "crashed",
                                   detail = mem and string.format("memory limit (%d MB) in this case", opts.mem_mb)
                                            or ("error while calling your function: " .. msg) }
                    current = nil
                elseif not loaded then
                    outcome.load_error = rest
                end
            end
        end
        if done then break end
        if not loaded then
            -- The code did not get as far as the first case: a constructor
            -- looped or crashed, or the object could not be loaded.
            local verdict, detail
            if outcome.load_error then
                verdict, detail = "crashed", outcome.load_error
            else
                verdict, detail = classify(r, opts, "while loading your code (before any case: a constructor?)")
            end
            for k = first, #spec.cases do
                if spec.cases[k].run and not outcome[k] then outcome[k] = { verdict = verdict, detail = detail } end
            end
            break
        end
        if current == nil then
            -- Died between cases (e.g. the end of a constructor-free exit):
            -- blame the case after the last one reported.
            current = first
            while current <= #spec.cases and (outcome[current] or not spec.cases[current].run) do
                current = current + 1
            end
            if current > #spec.cases then break end
        end
        local verdict, detail = classify(r, opts, "in this case")
        outcome[current] = { verdict = verdict, detail = detail }
        first = current + 1
    end
    timing.runs = runs
    timing.sandbox_ms = timing.sandbox_ms or 0
    return outcome, table.concat(stdout), total_out, timing
end

-- ---- compare ---------------------------------------------------------------------------

local function ulp_distance(a, b)
    local u = ffi.new("union { double d[2]; int64_t i[2]; }")
    u.d[0], u.d[1] = a, b
    local ia, ib = u.i[0], u.i[1]
    -- Map the sign-magnitude bits onto a monotonic integer line.
    if ia < 0 then ia = -9223372036854775807LL - 1 - ia end
    if ib < 0 then ib = -9223372036854775807LL - 1 - ib end
    local d = ia - ib
    if d < 0 then d = -d end
    return tonumber(d)
end

-- Does got match want under tol?  NaN matches only NaN; infinities only
-- themselves; otherwise any one of abs, rel, ulp suffices.
local function close(got, want, tol)
    if want ~= want or got ~= got then return want ~= want and got ~= got end
    if want == got then return true end
    if want == math.huge or want == -math.huge or got == math.huge or got == -math.huge then return false end
    local d = math.abs(got - want)
    if tol.abs and d <= tol.abs then return true end
    if tol.rel and d <= tol.rel * math.abs(want) then return true end
    if tol.ulp and ulp_distance(got, want) <= tol.ulp then return true end
    return false
end
M.close = close

local function tol_text(tol)
    local parts = {}
    for _, k in ipairs({ "abs", "rel", "ulp" }) do
        if tol[k] then parts[#parts + 1] = string.format("%s %g", k, tol[k]) end
    end
    return table.concat(parts, " or ")
end

local function num(v) return S.shortest(v) end

-- Compare one case's outputs with its key; nil when it passes, else a detail.
local function compare_case(c, items, key)
    for j, what in ipairs(c.compare) do
        local got, want = items[j], key[j]
        local label = what == "return" and "return value" or string.format("argument %d", what)
        -- An input array compared after the call: say so, it is not an output.
        local after = what ~= "return" and c.args[what].kind ~= "out" and " (an input array, after the call)" or ""
        if not got or #got ~= #want then
            return string.format("%s: the output could not be read", label)
        end
        for i = 1, #want do
            if not close(got[i], want[i], c.tol) then
                local where = (#want > 1 and string.format("%s[%d]", label, i - 1) or label) .. after
                return string.format("%s: expected %s, got %s (difference %.3g, tolerance %s)",
                                     where, num(want[i]), num(got[i]), math.abs(got[i] - want[i]), tol_text(c.tol))
            end
        end
    end
end

-- ---- the whole judgement ---------------------------------------------------------------------

local VERDICT_ORDER = { "compile error", "missing function", "crashed", "time limit", "memory limit",
                        "forbidden operation", "wrong answer" }

local function overall(result)
    for _, v in ipairs(VERDICT_ORDER) do
        for _, c in ipairs(result.cases) do
            if c.verdict == v then return v, c end
        end
    end
    return "passed"
end

-- Mark the cases this run covers (public, plus hidden with --hidden).
local function select_cases(spec, opts)
    local n = 0
    for _, c in ipairs(spec.cases) do
        c.run = opts.all or not c.hidden or opts.hidden
        if c.run then n = n + 1 end
    end
    return n
end

-- Compile and run; returns the outputs (no keys involved).  Used by both
-- `check` and `keys`.
function M.execute(spec, file, opts)
    local source = read_file(file)
    if source == nil then return nil, "cannot read " .. file end
    local tmp = G.mkdtemp()
    local ok, a, b, c, d, e = pcall(function()
        local t0 = G.now_ms()
        local src = source_name(file)
        write_file(tmp .. "/" .. src, source)
        write_file(tmp .. "/exercise.h", assert(read_file(spec.dir .. "/exercise.h")))
        local cr = compile(tmp, src, opts)
        local t1 = G.now_ms()
        local timing = { compile_ms = t1 - t0 }
        if cr.exit ~= 0 then return false, cr, timing end
        local outcome, stdout, total, rt = run_all(spec, tmp, opts)
        timing.run_ms, timing.runs, timing.sandbox_ms = rt.run_ms, rt.runs, rt.sandbox_ms
        return true, cr, timing, outcome, { text = stdout, total = total }
    end)
    G.rmtree(tmp)
    if not ok then error(a, 0) end
    return { compiled = a, compile = b, timing = c, outcome = d, stdout = e }
end

-- Trim compiler messages to what a student reads first.
local function trim_messages(s, max_lines)
    local lines = {}
    for line in s:gmatch("[^\n]+") do lines[#lines + 1] = line end
    if #lines > max_lines then
        local n = #lines
        for i = n, max_lines + 1, -1 do lines[i] = nil end
        lines[#lines + 1] = string.format("... (%d more lines)", n - max_lines)
    end
    return table.concat(lines, "\n")
end

function M.check(spec, file, opts)
    select_cases(spec, opts)
    local ex, err = M.execute(spec, file, opts)
    if not ex then return nil, err end
    local t0 = G.now_ms()
    local result = { spec = spec, file = file, cases = {}, score = 0, max_score = 0,
                     timing = ex.timing, stdout = ex.stdout or { text = "", total = 0 },
                     compiler = trim_messages(ex.compile.out, 40) }
    if ex.compile.timed_out then result.compiler = "the compiler ran out of time (10 s)\n" .. result.compiler end
    -- Only now, with every child gone, are the keys read.
    local keys = S.load_keys(spec, opts.hidden)
    local source = read_file(file) or ""
    for _, c in ipairs(spec.cases) do
        if c.run then
            local o = ex.outcome and ex.outcome[c.index]
            local rc = { case = c, index = c.index, name = c.name, hidden = c.hidden, max = c.points, score = 0 }
            if not ex.compiled then
                rc.verdict, rc.detail = "compile error", "your file does not compile (see the compiler's messages)"
            elseif not o then
                rc.verdict, rc.detail = "crashed", "no result for this case"
            elseif o.items then
                rc.detail = compare_case(c, o.items, keys[c.index])
                rc.verdict = rc.detail and "wrong answer" or "passed"
                rc.got = o.items
            else
                rc.verdict, rc.detail = o.verdict, o.detail
            end
            rc.expected = keys[c.index]
            if rc.verdict == "passed" then rc.score = c.points end
            result.score = result.score + rc.score
            result.max_score = result.max_score + c.points
            result.cases[#result.cases + 1] = rc
        end
    end
    if source:match("%f[%w_]main%s*%(") then
        result.note = "your file defines main(): the grader calls your functions directly and never runs main"
    end
    result.verdict, result.first_failure = overall(result)
    result.passed = result.verdict == "passed"
    result.timing.compare_ms = G.now_ms() - t0
    return result
end

-- Run the reference solution on every case and return the key files' text.
function M.make_keys(spec, file, opts)
    for _, c in ipairs(spec.cases) do c.run = true end
    local ex, err = M.execute(spec, file, opts)
    if not ex then return nil, err end
    if not ex.compiled then return nil, "the reference solution does not compile:\n" .. ex.compile.out end
    local outputs = {}
    for _, c in ipairs(spec.cases) do
        local o = ex.outcome[c.index]
        if not o or not o.items then
            return nil, string.format("the reference solution failed case %d (%s): %s", c.index, c.name,
                                      o and o.detail or "no result")
        end
        for j = 1, #c.compare do
            if not o.items[j] then return nil, string.format("case %d: unreadable output", c.index) end
        end
        outputs[c.index] = o.items
    end
    return { public = S.format_keys(spec, outputs, false), hidden = S.format_keys(spec, outputs, true) }
end

return M
