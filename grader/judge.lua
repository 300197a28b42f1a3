-- judge.lua -- compile a submission, run its cases in the sandbox, compare.
--
-- The order matters for the keys: every case runs in slope-run (a separate
-- program, grader/runner.c) and every child has exited before a single key
-- is read, so no student code ever has an answer in its memory.  The
-- runner receives the cases' inputs only (DIR/job.lua, written here) and
-- answers in frames (grader/frame.h); nothing it sends is evaluated: a
-- result is split and read with tonumber, so a submission that writes to
-- the channel can at most fail itself.
--
-- Time: each case has its limit (case_limits below: --time-limit, or a
-- multiple of the reference solution's time recorded in keys/time.txt,
-- with a floor), the whole submission a budget, and after `timeouts` cases
-- ran out of time the rest are not run.
local ffi = require "ffi"
local G = require "grader.c"
local S = require "grader.spec"

local M = {}

-- The defaults come from the policy table (grader/policy.c).
M.DEFAULTS = { time_limit = G.limit("time_limit"), budget = G.limit("budget"), mem_mb = G.limit("mem_mb"),
               compile_timeout = G.limit("compile_timeout"), out_cap = G.limit("out_cap"), opt = "-O2" }

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

-- Set once a private filesystem view broke half-way in a child (a kernel
-- that allows user namespaces but not mounts in them): later children of
-- this grader go without it.  `no_view` is the reason shown in the report.
local VIEW = { broken = false, no_view = nil }

-- A child's "V why" / "N why" lines (compiler) or the handshake's
-- " no view: why" (runner): the report's note.
local function no_view(why)
    VIEW.no_view = VIEW.no_view or why
end

-- Start the compiler on tmp/src and return at once, with two functions:
-- wait() returns its result, cancel() kills it (an error in between).
--   -pipe   the compiler proper and the assembler run side by side, with
--           no file between them
--   no -lm  slope-run has libm loaded already (grader.mk links it in on
--           purpose), and the object's math calls bind to it when it is
--           loaded; linking against libm would cost the linker about 5 ms
--           of reading its symbol tables, for every submission
local function compile(tmp, src, opts)
    local cc = which(opts.cc or os.getenv("CC") or "cc")
    if not cc then error("no C compiler (" .. (opts.cc or "cc") .. ") on PATH", 0) end
    local argv = { cc, "-shared", "-fPIC", opts.opt, "-Wall", "-Wextra",
                   "-fdiagnostics-color=never", "-pipe", "-include", "exercise.h",
                   "-o", "submission.so", src }
    if cc:match("tcc$") then argv = { cc, "-shared", "-Wall", "-include", "exercise.h",
                                       "-o", "submission.so", src } end
    local function start()
        return G.compile(tmp, argv, { timeout_s = opts.compile_timeout, cpu_s = opts.compile_timeout,
                                      mem_mb = G.limit("compile_mem_mb"), fsize_mb = G.limit("compile_fsize_mb"),
                                      out_cap = G.limit("compile_out_cap"), unsafe = opts.unsafe or false,
                                      view = not VIEW.broken })
    end
    local job = start()
    local function wait()
        local r = job:wait()
        local broken = r.res:match("^N ([^\n]*)")
        if broken then
            VIEW.broken = true
            no_view(broken)
            job = start()
            r = job:wait()
        end
        local why = r.res:match("^V ([^\n]*)")
        if why then no_view(why) end
        local failed = ("\n" .. r.res):match("\nE (sandbox[^\n]*)")
        if failed then error(failed, 0) end
        return r
    end
    return wait, function() job:kill() end
end

-- ---- the job: what slope-run needs, and nothing else ---------------------------------

-- A Lua string literal that survives any bytes (bytecode included).
local function quote(str)
    return '"' .. str:gsub('[^%w %-%._:/]', function(c) return string.format("\\%03d", c:byte()) end) .. '"'
end

-- C functions an upvalue may hold, by name (the runner has the same globals).
local CNAMES = {}
for _, lib in ipairs({ "math", "string", "table" }) do
    for k, v in pairs(_G[lib]) do if type(v) == "function" then CNAMES[v] = lib .. "." .. k end end
end
for _, k in ipairs({ "ipairs", "pairs", "select", "tonumber", "tostring", "type", "unpack", "error", "assert" }) do
    CNAMES[_G[k]] = k
end

-- An array of numbers long enough to travel as raw doubles.
local function number_array(t)
    local n = #t
    if n < 8 then return false end
    local count = 0
    for _, x in pairs(t) do
        if type(x) ~= "number" then return false end
        count = count + 1
    end
    return count == n
end

-- Lua source that rebuilds `root` in slope-run: numbers exactly (hex), tables
-- (cycles included) and Lua functions as bytecode with their upvalues.
-- Long arrays of numbers go as raw doubles into the second result (the
-- source says arr(offset, n)).
local function serialize(root)
    local ids, out, n = {}, {}, 0
    local arrays, ndoubles = {}, 0
    local visit
    local function atom(v)
        if type(v) == "table" and not ids[v] and number_array(v) then
            arrays[#arrays + 1] = v
            ndoubles = ndoubles + #v
            return string.format("arr(%d,%d)", ndoubles - #v, #v)
        end
        local t = type(v)
        if t == "number" then
            if v ~= v then return "(0/0)" end
            if v == math.huge then return "(1/0)" end
            if v == -math.huge then return "(-1/0)" end
            return string.format("%a", v)
        elseif t == "string" then return quote(v)
        elseif t == "boolean" then return tostring(v)
        elseif t == "table" then return "V[" .. visit(v) .. "]"
        elseif t == "function" then
            if CNAMES[v] then return "cf(" .. quote(CNAMES[v]) .. ")" end
            local ok = pcall(string.dump, v)
            if not ok then return "nil" end
            return "V[" .. visit(v) .. "]"
        end
        return "nil"  -- cdata, userdata: nothing a callback may rely on
    end
    visit = function(v)
        if ids[v] then return ids[v] end
        n = n + 1
        local id = n
        ids[v] = id
        if type(v) == "table" then
            out[#out + 1] = string.format("V[%d]={}", id)
            for k, x in pairs(v) do
                local line = string.format("V[%d][%s]=%s", id, atom(k), atom(x))
                out[#out + 1] = line  -- after the lines that build x
            end
        else
            out[#out + 1] = string.format("V[%d]=fn(%s)", id, quote(string.dump(v)))
            for i = 1, math.huge do
                local name, x = debug.getupvalue(v, i)
                if not name then break end
                local line = string.format("up(V[%d],%d,%s)", id, i, atom(x))
                out[#out + 1] = line
            end
        end
        return id
    end
    local top = atom(root)
    -- A function holds at most 65536 constants: one per 1000 lines.
    local parts = { "local V={}" }
    for i = 1, #out, 1000 do
        parts[#parts + 1] = ";(function()\n" .. table.concat(out, "\n", i, math.min(i + 999, #out)) .. "\nend)()"
    end
    parts[#parts + 1] = "return " .. top .. "\n"
    local bin = ffi.new("double[?]", math.max(ndoubles, 1))
    local off = 0
    for _, a in ipairs(arrays) do
        for i = 1, #a do bin[off + i - 1] = a[i] end
        off = off + #a
    end
    return table.concat(parts, "\n"), ffi.string(bin, 8 * ndoubles)
end

-- Interpreted, not traced: it runs once per submission, so the JIT gains
-- nothing here, and a SIGSEGV inside a trace of this function was once
-- seen with LuaJIT 2.1 as Debian 12 ships it (about one `grader check
-- 06-adam` in six, on a tree that has since changed; not reproduced in
-- 300 runs of every exercise since).  The interpreter removes the doubt.
jit.off(serialize, true)

-- DIR/job.lua: the prototypes, the libm names, and the selected cases'
-- calls, arguments and compared outputs (no names, hints, tolerances, keys).
local function write_job(spec, tmp)
    local cases, calls, seen, libm = {}, {}, {}, {}
    for _, c in ipairs(spec.cases) do
        if not seen[c.call] then seen[c.call] = true; calls[#calls + 1] = c.call end
        if c.run then cases[c.index] = { call = c.call, args = c.args, compare = c.compare } end
        for _, a in ipairs(c.args) do
            if type(a) == "table" and a.kind == "cfn" then libm[#libm + 1] = a.name end
        end
    end
    local header = S.read_header(spec.dir .. "/exercise.h")
    local src, bin = serialize({ header = header, calls = calls, cases = cases, libm = libm })
    write_file(tmp .. "/job.lua", src)
    write_file(tmp .. "/job.bin", bin)
end

-- ---- run (the parent side) ------------------------------------------------------------

local SIGNAL_TEXT = { SEGV = "segmentation fault: a bad pointer or a stack overflow",
                      BUS = "bus error", FPE = "arithmetic exception (integer division by zero?)",
                      ABRT = "abort() was called (a failed assert?)", ILL = "illegal instruction",
                      TRAP = "trap" }

-- What ended a child early, in the vocabulary students act on.
local function classify(r, opts, during, limit)
    local mem_kb = opts.mem_mb * 1024
    if r.timed_out or r.signame == "XCPU" or (r.signame == "KILL" and not r.timed_out) then
        return "time limit", string.format("time limit (%.3g s) %s", limit or opts.time_limit, during)
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
    if r.exit == 124 then
        return "forbidden operation", "your code closed or replaced the grader's channel (descriptor 3 or 4) " .. during
    end
    return "crashed", string.format("exited with status %d %s: exit() must not be called by the graded function",
                                   r.exit or -1, during)
end

local CHANNEL = "your code wrote to the grader's channel (descriptor 3), which only the grader may use"

-- The most bytes one case's results frame can take: every compared value
-- as a hex float (at most 24 characters and a separator), or a message.
local function frame_caps(spec)
    local msg = G.limit("message_cap")
    local frame, total = msg + 64, msg + 64
    for _, c in ipairs(spec.cases) do
        if c.run then
            local n = 0
            for _, what in ipairs(c.compare) do
                local a = c.args[what]
                n = n + (what == "return" and 1 or a.kind == "out" and a.n or #(a.values or a))
            end
            local bytes = math.max(n * 25 + 32, msg + 32)
            frame = math.max(frame, bytes)
            total = total + bytes + 8
        end
    end
    return frame, total
end

-- Start slope-run on the job in tmp: { h = session, t_start = ms }.  It
-- sets itself up, shakes hands and waits to be told to load the object.
local function runner_start(spec, tmp, opts)
    local frame_cap, total_cap = frame_caps(spec)
    local h, t_start = G.runner_start(tmp, { runner = opts.runner, mem_mb = opts.mem_mb,
                                             cpu_s = math.ceil(opts.budget) + 1, unsafe = opts.unsafe or false,
                                             view = not VIEW.broken, out_cap = opts.out_cap,
                                             frame_cap = frame_cap, total_cap = total_cap })
    return { h = h, t_start = t_start }
end

-- One runner's life: start it (or take the one started beside the
-- compiler), shake hands, load, then run queue[qi...] one case per
-- command, each under min(its limit, what is left of the budget).  Fills
-- outcome; returns the next queue index.
local function session(spec, tmp, opts, queue, qi, outcome, st, started)
    local runner = started or runner_start(spec, tmp, opts)
    local h, t_start = runner.h, runner.t_start
    st.runs = st.runs + 1
    -- What the runner prints is told apart by case (a hidden case's output
    -- must not reach a student): from bounds[i].at on, it is bounds[i].case's
    -- (nil: while loading).  The runner flushes before each result frame.
    local bounds = { { at = 0 } }
    local function stop(grace)
        local r = h:finish(grace or 0)
        st.stdout[#st.stdout + 1] = r.out
        st.total_out = st.total_out + r.out_total
        for i, b in ipairs(bounds) do
            local to = bounds[i + 1] and bounds[i + 1].at or r.out_total
            if to > b.at then
                st.segments[#st.segments + 1] = { case = b.case, total = to - b.at,
                                                  text = r.out:sub(b.at + 1, math.min(to, #r.out)) }
            end
        end
        return r
    end
    -- Before the handshake only slope-run speaks: trusted, and a failure
    -- here is the grader's.  The set-up gets the whole budget.
    local ev, tag, payload = h:recv(st.budget_end)
    if ev == "timeout" then
        -- What is left of the budget went on starting a runner (a loaded
        -- machine): the cases left are not run, as after any time-out.
        stop()
        local first = st.first_timeout or queue[qi]
        for i = qi, #queue do
            outcome[queue[i]] = { verdict = "time limit",
                                  detail = string.format("not run: time budget spent (first time-out in case %d)", first) }
        end
        return #queue + 1
    end
    if ev == "frame" and tag == "N" then
        -- The view broke half-way: this runner is gone; the next goes without.
        stop(1000)
        VIEW.broken = true
        no_view(payload)
        return qi
    end
    if ev ~= "frame" or tag ~= "H" then
        local r = stop(1000)
        if ev == "frame" and tag == "F" then error("the sandbox could not be set up: " .. payload, 0) end
        error(string.format("the runner failed before loading your code (%s%s)", r.out:gsub("\n+$", ""),
                            r.exit and (", exit " .. r.exit) or ""), 0)
    end
    local hello_ms, why = payload:match("^(%S+) no view: (.*)$")
    if why then no_view(why) end
    st.sandbox_ms = st.sandbox_ms or (tonumber(hello_ms or payload) or t_start) - t_start
    h:load()
    -- From here on the student's code runs in that process: nothing it
    -- says is believed beyond the next expected frame.
    -- k: the case being run, nil while the object was being loaded.
    local function tamper(k, r)
        local where = k and string.format("in case %d", k) or "while your code was being loaded"
        for _, c in ipairs(spec.cases) do
            if c.run then
                outcome[c.index] = { verdict = "forbidden operation",
                                     detail = c.index == k and CHANNEL .. ": every case fails"
                                              or string.format("not judged: %s (%s)", CHANNEL, where) }
            end
        end
        return #queue + 1, r
    end
    local function budget_spent(k)
        local first = st.first_timeout or k
        st.first_timeout = first
        for i = qi, #queue do
            local j = queue[i]
            outcome[j] = { verdict = "time limit",
                           detail = string.format("not run: time budget spent (first time-out in case %d)", first) }
        end
    end
    -- Case k ran out of its time: after `timeouts` such cases, the rest
    -- are not run (an endless loop costs a few limits, not the budget).
    -- Returns the next queue index.
    local function timed_out(k)
        st.first_timeout = st.first_timeout or k
        st.timeouts = st.timeouts + 1
        if st.timeouts < G.limit("timeouts") then return qi + 1 end
        for i = qi + 1, #queue do
            if not outcome[queue[i]] then
                outcome[queue[i]] = { verdict = "time limit",
                                      detail = string.format("not run: %d %s out of time (first: case %d)",
                                                             st.timeouts, st.timeouts == 1 and "case ran" or "cases ran",
                                                             st.first_timeout) }
            end
        end
        return #queue + 1
    end
    -- Loading (the object's constructors) has a limit of its own: starting
    -- LuaJIT and reading the job is no part of a case's time.
    local load_limit = math.max(opts.time_limit, G.limit("load_limit"))
    local full = G.now_ms() + load_limit * 1e3
    local deadline = math.min(full, st.budget_end)
    ev, tag, payload = h:recv(deadline)
    local first_k = queue[qi]  -- the case blamed for a time budget spent while loading
    if ev == "frame" and tag == "E" and payload:match("^cannot load the compiled code: ") then
        stop(1000)
        local detail = payload
        local sym = payload:match("undefined symbol: ([%w_]+)")
        local verdict = sym and "undefined symbol" or "crashed"
        if sym then
            detail = string.format("undefined symbol %s: your code calls a function that is neither in your file " ..
                                   "nor in the C library (the course's library is not available to your code)", sym)
        end
        for i = qi, #queue do outcome[queue[i]] = { verdict = verdict, detail = detail } end
        return #queue + 1
    elseif ev == "frame" and tag == "L" then
        for name in payload:gmatch("%S+") do
            for _, c in ipairs(spec.cases) do
                if c.call == name and c.run then
                    outcome[c.index] = { verdict = "missing function",
                                         detail = "missing function " .. name .. ": define it in your file" }
                end
            end
        end
    elseif ev == "frame" or ev == "bad" then
        return tamper(nil, stop())
    else
        -- A constructor looped, crashed or exited.
        local r = stop(ev == "eof" and 1000 or 0)
        if ev == "timeout" and deadline < full then
            budget_spent(first_k)
            return #queue + 1
        end
        local verdict, detail = classify(r, opts, "while loading your code (before any case: a constructor?)",
                                         load_limit)
        for i = qi, #queue do outcome[queue[i]] = { verdict = verdict, detail = detail } end
        return #queue + 1
    end
    while qi <= #queue do
        local k = queue[qi]
        if outcome[k] then
            qi = qi + 1   -- a missing function: nothing to call
        else
            if G.now_ms() >= st.budget_end then
                stop()
                budget_spent(k)
                return #queue + 1
            end
            bounds[#bounds + 1] = { at = h:out_total(), case = k }
            h:send(k)
            local limit = opts.case_limit[k]
            local t_sent = G.now_ms()
            full = t_sent + limit * 1e3
            deadline = math.min(full, st.budget_end)
            ev, tag, payload = h:recv(deadline)
            if ev == "frame" and (tag == "R" or tag == "E") then
                local got, rest = payload:match("^(%d+) (.*)$")
                if tonumber(got) ~= k then return tamper(k, stop()) end
                if tag == "R" then
                    local items = {}
                    for item in rest:gmatch("%S+") do items[#items + 1] = S.parse_values(item) or false end
                    outcome[k] = { items = items, ms = G.now_ms() - t_sent }
                else
                    local mem = rest:match("not enough memory")
                    outcome[k] = { verdict = mem and "memory limit" or "crashed",
                                   detail = mem and string.format("memory limit (%d MB) in this case", opts.mem_mb)
                                            or ("error while calling your function: " .. rest) }
                end
                qi = qi + 1
            elseif ev == "frame" or ev == "bad" then
                return tamper(k, stop())
            elseif ev == "timeout" then
                stop()
                if deadline < full then
                    budget_spent(k)
                    return #queue + 1
                end
                local detail = string.format("time limit (%.3g s) in this case", limit)
                outcome[k] = { verdict = "time limit", detail = detail }
                return timed_out(k)
            else
                -- The runner died in case k: a crash, a signal, exit().
                local r = stop(1000)
                local verdict, detail = classify(r, opts, "in this case", limit)
                outcome[k] = { verdict = verdict, detail = detail }
                if verdict == "time limit" then return timed_out(k) end
                return qi + 1
            end
        end
    end
    h:send(0)
    local r = stop(1000)
    if r.timed_out or (r.exit ~= 0 and r.exit ~= nil) or r.signal then
        -- It did not stop when told: its last case's code is to blame.
        local k = queue[#queue]
        if outcome[k] and outcome[k].items then
            local verdict, detail = classify(r, opts, "after this case returned")
            outcome[k] = { verdict = verdict, detail = detail }
        end
    end
    return qi
end

-- Run every selected case: one runner while it lives (the first one is
-- `started`, set up beside the compiler), a fresh one after a crash or a
-- time-out, all within the submission's time budget.
-- outcome[k] = { items = {...} } or { verdict = ..., detail = ... }.
local function run_all(spec, tmp, opts, started)
    local queue = {}
    for _, c in ipairs(spec.cases) do if c.run then queue[#queue + 1] = c.index end end
    local outcome = {}
    local t0 = G.now_ms()
    local st = { runs = 0, stdout = {}, total_out = 0, segments = {}, timeouts = 0,
                 budget_end = t0 + opts.budget * 1e3 }
    local qi = 1
    while qi <= #queue do
        qi = session(spec, tmp, opts, queue, qi, outcome, st, started)
        started = nil
    end
    local timing = { run_ms = G.now_ms() - t0, runs = st.runs, sandbox_ms = st.sandbox_ms or 0 }
    return outcome, { text = table.concat(st.stdout), total = st.total_out, segments = st.segments }, timing
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

local VERDICT_ORDER = { "compile error", "undefined symbol", "missing function", "crashed", "time limit", "memory limit",
                        "forbidden operation", "wrong answer" }

local function overall(result)
    for _, v in ipairs(VERDICT_ORDER) do
        for _, c in ipairs(result.cases) do
            if c.verdict == v then return v, c end
        end
    end
    for _, c in ipairs(result.cases) do
        if c.verdict ~= "passed" then return c.verdict, c end  -- never "passed" by omission
    end
    return "passed"
end
M.overall = overall  -- report.lua states the public cases' verdict with it

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
-- slope-run: $SLOPE_RUNNER, or beside the grader's own binary.
local function runner_path()
    local env = os.getenv("SLOPE_RUNNER")
    if env and env ~= "" then return env end
    local exe = G.exe() or "grader"
    return (exe:match("^(.*)/[^/]*$") or ".") .. "/slope-run"
end

-- keys/time.txt: the reference solution's wall time per case, in ms
-- ("k ms" lines), as `grader keys` measured it on its machine.
local function time_path(dir) return dir .. "/keys/time.txt" end

local function read_times(dir)
    local times = {}
    for k, ms in (read_file(time_path(dir)) or ""):gmatch("(%d+) ([%d.eE+-]+)") do
        times[tonumber(k)] = tonumber(ms)
    end
    return times
end

function M.format_times(spec, outcome)
    local lines = { "# The reference solution's wall time per case, ms, on the machine that ran `grader keys`.",
                    "# The limit of a case is max(time_floor, time_multiple x this); `grader keys --check`",
                    "# does not compare this file (it depends on the machine)." }
    for _, c in ipairs(spec.cases) do
        lines[#lines + 1] = string.format("%d %.3f", c.index, outcome[c.index].ms or 0)
    end
    return table.concat(lines, "\n") .. "\n"
end
M.time_path = time_path

-- Each selected case's limit, seconds: --time-limit for every case when it
-- was given; else max(time_floor, time_multiple x the reference's time),
-- or time_limit for a case keys/time.txt does not list.
local function case_limits(spec, opts)
    local limits, times = {}, opts.fixed_limit and {} or read_times(spec.dir)
    local floor, mult = G.limit("time_floor"), G.limit("time_multiple")
    for _, c in ipairs(spec.cases) do
        local ms = times[c.index]
        limits[c.index] = ms and math.max(floor, mult * ms / 1e3) or opts.time_limit
    end
    return limits
end

function M.execute(spec, file, opts)
    opts.runner = opts.runner or runner_path()
    opts.case_limit = case_limits(spec, opts)
    -- No links, no special files, a size cap: see G.read_source.
    local source, why = G.read_source(file, file, G.limit("source_cap"))
    if source == nil then return nil, string.format("cannot read %s: %s", file, why) end
    local tmp = G.mkdtemp()
    local early, cancel
    local ok, a, b, c, d, e = pcall(function()
        local t0 = G.now_ms()
        local src = source_name(file)
        write_file(tmp .. "/" .. src, source)
        write_file(tmp .. "/exercise.h", assert(read_file(spec.dir .. "/exercise.h")))
        local compiled
        compiled, cancel = compile(tmp, src, opts)
        -- While the compiler works: the job, and the first runner's
        -- start-up (exec, LuaJIT, the job, the sandbox) on another core.
        write_job(spec, tmp)
        early = runner_start(spec, tmp, opts)
        local cr = compiled()
        cancel = nil
        local t1 = G.now_ms()
        local timing = { compile_ms = t1 - t0 }
        if cr.exit ~= 0 then return false, cr, timing end
        local started = early
        early = nil
        local outcome, stdout, rt = run_all(spec, tmp, opts, started)
        timing.run_ms, timing.runs, timing.sandbox_ms = rt.run_ms, rt.runs, rt.sandbox_ms
        return true, cr, timing, outcome, stdout
    end)
    if cancel then cancel() end           -- an error while it compiled
    if early then early.h:finish(0) end  -- no object to load: it never ran any
    G.rmtree(tmp)
    if not ok then error(a, 0) end
    return { compiled = a, compile = b, timing = c, outcome = d, stdout = e, source = source,
             no_view = VIEW.no_view }
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
                     timing = ex.timing, stdout = ex.stdout or { text = "", total = 0, segments = {} },
                     compiler = trim_messages(ex.compile.out, 40) }
    if ex.compile.timed_out then
        result.compiler = string.format("the compiler ran out of time (%g s)\n", opts.compile_timeout) .. result.compiler
    end
    -- Only now, with every child gone, are the keys read.
    local keys = S.load_keys(spec, opts.hidden)
    local source = ex.source
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
    if ex.no_view and not opts.unsafe then
        local note = "the sandbox ran without its private filesystem view (" .. ex.no_view ..
                     "): Landlock and seccomp only"
        result.note = result.note and (result.note .. "\nnote: " .. note) or note
    end
    result.verdict, result.first_failure = overall(result)
    result.passed = result.verdict == "passed"
    result.timing.compare_ms = G.now_ms() - t0
    return result
end

-- Run the reference solution on every case and return the key files' text.
function M.make_keys(spec, file, opts)
    opts.budget = G.limit("keys_budget")
    opts.fixed_limit = true  -- the reference is being timed, not judged
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
    return { public = S.format_keys(spec, outputs, false), hidden = S.format_keys(spec, outputs, true),
             time = M.format_times(spec, ex.outcome) }
end

return M
