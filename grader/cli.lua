-- cli.lua -- the grader's commands: check, list, watch, batch, keys, help.
--
-- Exit status (stable): 0 every case passed, 1 some case failed (compile
-- errors included), 2 usage or spec error, 3 the grader's own failure.
local G = require "grader.c"
local S = require "grader.spec"
local J = require "grader.judge"
local R = require "grader.report"

local EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

local HELP = {
    main = [[
usage: grader COMMAND [OPTIONS] ...

Compile a C solution to a practice exercise, run it in a sandbox and judge
it against the exercise's answer keys.

commands:
  list                         the exercises in course order, with your progress
  check EXERCISE FILE.c        grade one file (EXERCISE: 05-learning-rate or 5)
  watch EXERCISE FILE.c        re-grade FILE.c every time it is saved
  batch EXERCISE DIR -o CSV    grade a whole class (instructors)
  merge OUT.csv PART.csv...    join the gradebooks of batch --shard runs
  keys [EXERCISE]              regenerate answer keys from solution.c (instructors)
  help COMMAND                 more about one command (help policy: the limits)

options for every command:
  --exercises DIR   where the exercises live (default: $SLOPE_EXERCISES,
                    ./exercises, a folder exercises/ above FILE.c or above
                    the current folder, or the installed copy)
numbers (--time-limit, --budget, --memory-limit, -j) out of range are refused;
the ranges: `grader help policy`.
exit status: 0 all cases passed, 1 some failed, 2 usage or spec error,
3 the grader itself failed.
]],
    check = string.format([[
usage: grader check EXERCISE FILE.c [OPTIONS]
       grader check EXERCISE --submission DIR [OPTIONS]

Compile FILE.c with exercise.h, run every public case in a sandbox and
compare with the answer keys.  Exit 0 when all pass, 1 otherwise.

  --format %-15s text (default), Gradescope results.json, TAP 13;
                           json prints a valid results.json (score 0 and
                           the reason) even when nothing could be graded
  --submission DIR         grade the one .c file under DIR (Gradescope's
                           /autograder/submission); none or several is an
                           error that says which
  --first                  stop the report at the first failing case
  --hidden                 also run the hidden cases (needs keys/hidden.txt)
  --reveal-hidden          show the hidden cases' inputs, expected values
                           and output (instructors; otherwise a hidden case
                           shows passed or failed and its hint only)
  --figure OUT.svg|png     draw the exercise's figure with gnuplot (a bad name
                           or folder is refused before grading)
  --time-limit SECONDS     per case, wall clock (default: %g times the
                           reference solution's time, at least %g s; %g s
                           for a case without a recorded time)
  --budget SECONDS         every case together, wall clock (default %g); the
                           cases it leaves no time for are "not run"
  --memory-limit MB        address space for your code (default %g)
  --cc COMPILER            compile with COMPILER instead of cc
  --unsafe                 run without Landlock/seccomp (kernels without them)
  --no-progress            do not record progress (used by batch)
]], R.format_names("|"), G.limit("time_multiple"), G.limit("time_floor"), G.limit("time_limit"),
   G.limit("budget"), G.limit("mem_mb")),
    list = [[
usage: grader list

The exercises in course order, each with your progress in this course:
passed, attempted, failing (passed earlier, failing now) or not started
(kept per course in $XDG_STATE_HOME/slope/progress.txt, so two copies of
the course do not share it).
]],
    watch = [[
usage: grader watch EXERCISE FILE.c [check options]

Grade FILE.c now and again every time it is saved; Ctrl-C to stop.  Uses
tcc for a faster compile when it is installed (--cc cc to keep cc).  When
FILE.c does not exist yet, watch says so and waits for it to appear; a
folder that does not exist is exit 2.
]],
    batch = [[
usage: grader batch EXERCISE DIR -o GRADEBOOK.csv [-j N] [--hidden] [--shard I/N]
                    [check options]

Grade every submission in DIR (DIR/NAME.c or DIR/NAME/*.c) with N parallel
jobs (default: the number of cores).  Writes one CSV row per student and a
JSON feedback file per student, GRADEBOOK.feedback/NAME.json with NAME as
the gradebook shows it; a deleted submission's feedback file is removed.
Unchanged submissions (same content hash) are not graded again; every file
is written to a temporary name and renamed, so an interrupted run leaves no
half-written row.  On a terminal, a progress line (done/total, ETA).

  -o GRADEBOOK.csv   the gradebook (in a folder that exists)
  -j N               parallel gradings, a whole number >= 1
  --hidden           also run the hidden cases (columns caseK_hidden)
  --shard I/N        grade only shard I of N (1 <= I <= N): the students
                     whose name hashes to I; join the N gradebooks with
                     `grader merge`

The CSV follows RFC 4180 (LF line ends); a cell that begins with =, +, -,
@, TAB or CR gets a leading ' so no spreadsheet runs it as a formula; in a
name, control bytes and bytes that are not UTF-8 are written \xHH.  Two
entries with one name (alice.c and alice/) are not graded: the row says so.
]],
    merge = [[
usage: grader merge OUT.csv PART.csv...

Join the gradebooks of `grader batch ... --shard I/N` runs (every shard I
from 1 to N of one exercise, graded with the same options) into OUT.csv
and OUT.feedback/: the same bytes as one run without --shard.  Refuses
(exit 2) parts of different exercises or options, a student in two parts,
and a missing shard.
]],
    keys = [[
usage: grader keys [EXERCISE] [--check]

Run each exercise's solution.c on every case and write keys/public.txt and
keys/hidden.txt.  With --check, write nothing: check every exercise, name
each case (number and name, and its key file) whose committed key differs
from what the solution produces, and exit 1 at the end if any did.
]],
}

-- `grader help policy`: the limits of grader/policy.c, as the README shows them.
do
    local lines = { "The grader's limits and defaults (grader/policy.c):", "" }
    for _, p in ipairs(G.policy()) do
        lines[#lines + 1] = string.format("  %-16s %8.10g %-9s %s", p.name, p.value, p.unit, p.help)
    end
    HELP.policy = table.concat(lines, "\n") .. "\n"
end

local function eprintf(fmt, ...) io.stderr:write(string.format(fmt, ...)) end

-- ---- options --------------------------------------------------------------------

local VALUED = { format = true, figure = true, ["time-limit"] = true, ["memory-limit"] = true, budget = true,
                 cc = true, exercises = true, o = true, j = true, opt = true, submission = true,
                 shard = true }

local function parse_args(argv)
    local opts, pos = {}, {}
    local i = 1
    while i <= #argv do
        local a = argv[i]
        local long, val = a:match("^%-%-([%w-]+)=(.*)$")
        long = long or a:match("^%-%-([%w-]+)$")
        local short = a:match("^%-(%a)$")
        local key = long or short
        if a == "-h" then key = "help" end
        if key then
            if VALUED[key] and val == nil then
                i = i + 1
                val = argv[i]
                if val == nil then return nil, "option " .. a .. " needs a value" end
            end
            opts[key] = val or true
        else
            pos[#pos + 1] = a
        end
        i = i + 1
    end
    return opts, pos
end

-- The numeric options: what each holds and the range accepted, the upper
-- bounds from grader/policy.c.  A value outside it is exit 2, never a
-- silent default (--time-limit 0 would otherwise time out every case, and
-- --memory-limit 0 would lift the limit).
local NUMERIC = {
    ["time-limit"] = { what = "seconds", above = 0, max = G.limit("time_limit_max"), example = G.limit("time_limit") },
    budget = { what = "seconds", above = 0, max = G.limit("time_limit_max"), example = G.limit("budget") },
    ["memory-limit"] = { what = "MB", min = 1, max = G.limit("mem_mb_max"), example = G.limit("mem_mb") },
    j = { what = "parallel jobs", integer = true, min = 1, max = G.limit("jobs_max"), example = 2 },
}
local NUMERIC_ORDER = { "time-limit", "budget", "memory-limit", "j" }

local function option_name(key) return (#key == 1 and "-" or "--") .. key end

-- The range of a NUMERIC rule, in words.
local function range_text(rule)
    if rule.above then
        return string.format("a number of %s more than %g and at most %.10g", rule.what, rule.above, rule.max)
    end
    return string.format("%s of %s from %g to %.10g", rule.integer and "a whole number" or "a number",
                         rule.what, rule.min, rule.max)
end

-- nil when every numeric option in opts is in its range, else the message
-- naming the option, its value and the range, with a HINT line.
local function check_numbers(opts)
    for _, k in ipairs(NUMERIC_ORDER) do
        local rule, raw = NUMERIC[k], opts[k]
        local v = raw ~= nil and tonumber(raw)
        if raw ~= nil and not (v and v == v and v <= rule.max and (not rule.above or v > rule.above)
                               and (not rule.min or v >= rule.min) and (not rule.integer or v == math.floor(v))) then
            return string.format("%s '%s': expected %s\nHINT: for instance %s %.10g\n", option_name(k),
                                 tostring(raw), range_text(rule), option_name(k), rule.example)
        end
    end
end

local KNOWN = {
    check = { format = 1, hidden = 1, figure = 1, ["time-limit"] = 1, ["memory-limit"] = 1, budget = 1, cc = 1,
              unsafe = 1, ["no-progress"] = 1, exercises = 1, help = 1, opt = 1, submission = 1, first = 1,
              ["reveal-hidden"] = 1 },
    list = { exercises = 1, help = 1 },
    keys = { check = 1, exercises = 1, help = 1, unsafe = 1, cc = 1 },
}
-- watch and batch take check's options, but not --submission (they name
-- their FILE.c or DIR), and watch shows a student's own run: no --reveal-hidden.
KNOWN.watch = setmetatable({ submission = false, ["reveal-hidden"] = false }, { __index = KNOWN.check })
KNOWN.batch = setmetatable({ o = 1, j = 1, shard = 1, submission = false }, { __index = KNOWN.check })
KNOWN.merge = { help = 1 }

-- ---- exercises --------------------------------------------------------------------

local function list_exercises(root)
    local found = {}
    for _, name in ipairs(G.listdir(root) or {}) do
        if G.stat(root .. "/" .. name .. "/spec.lua") == "file" then found[#found + 1] = name end
    end
    return found
end

-- A course's exercises folder: DIR/exercises holding at least one exercise.
local function course_in(dir)
    local ex = (dir == "/" and "" or dir) .. "/exercises"
    if G.stat(ex) == "dir" and #list_exercises(ex) > 0 then return ex end
end

-- The exercises folder, from the first of: --exercises, $SLOPE_EXERCISES,
-- ./exercises, the folders above `near` (the submission, so a file inside a
-- copy of the course finds that course from anywhere), the folders above the
-- current one, the installed copy.  Returns the folder and how it was found,
-- or nil and the list of places searched.
local function exercises_root(opts, near)
    if opts.exercises then return opts.exercises, "given by --exercises" end
    local env = os.getenv("SLOPE_EXERCISES")
    if env and env ~= "" then return env, "given by SLOPE_EXERCISES" end
    if course_in(".") then return "exercises", "found in the current folder" end
    local searched, starts = {}, {}
    local here = G.realpath(".") or "."
    if near then
        local dir = G.realpath(near:match("^(.*)/[^/]*$") or ".")
        if dir and dir ~= here then starts[#starts + 1] = { dir, "the folder of " .. near } end
    end
    starts[#starts + 1] = { here, "the current folder" }
    for _, s in ipairs(starts) do
        local dir = s[1]
        while dir do
            local ex = course_in(dir)
            if ex then return ex, "found above " .. s[2] end
            dir = dir ~= "/" and (dir:match("^(.+)/[^/]+$") or "/") or nil
        end
        searched[#searched + 1] = string.format("%s and every folder above it (%s)", s[1], s[2])
    end
    local exe = G.exe()
    if exe then
        local installed = exe:gsub("/[^/]*/[^/]*$", "") .. "/share/slope/exercises"
        if #list_exercises(installed) > 0 then return installed, "the installed copy" end
        searched[#searched + 1] = installed .. " (the installed copy)"
    end
    return nil, searched
end

-- Say where no course was found, and how to point at one.
local function no_course(cmd, searched)
    eprintf("grader %s: no course found: looked for a folder exercises/ (with an exercise in it) in\n", cmd)
    for _, place in ipairs(searched) do eprintf("  %s\n", place) end
    eprintf("HINT: run from the course's folder, or point at its exercises: --exercises DIR or SLOPE_EXERCISES=DIR\n")
end

-- EXERCISE is a directory name (05-learning-rate), its number (5), or a path.
local function find_exercise(root, arg)
    if arg:find("/") then
        arg = arg:gsub("/+$", "")
        if G.stat(arg .. "/spec.lua") == "file" then return arg, arg:match("([^/]+)$") end
        return nil
    end
    local n = tonumber(arg)
    for _, name in ipairs(list_exercises(root)) do
        local num = tonumber(name:match("^(%d+)"))
        if name == arg or (n and num == n) then return root .. "/" .. name, name end
    end
end

-- The spec of exercise `arg`, the course found from `near` (the file
-- graded) when no option says where; nil after saying why.
local current_cmd = "check"  -- the command being run, for messages (set by main)

local function load_exercise(opts, arg, near, cmd)
    cmd = cmd or current_cmd
    if arg:find("/") then
        local dir, name = find_exercise(".", arg)
        if dir then return S.load(dir, name) end
        eprintf("grader %s: no exercise at %s (it has no spec.lua)\n", cmd, arg)
        eprintf("HINT: give an exercise's folder, or its number or name with --exercises DIR\n")
        return nil
    end
    local root, how = exercises_root(opts, near)
    if not root then
        no_course(cmd, how)
        return nil
    end
    local dir, name = find_exercise(root, arg)
    if not dir then
        local names = table.concat(list_exercises(root), ", ")
        eprintf("grader: no exercise '%s' in %s (%s)\n", arg, root, how)
        eprintf("HINT: run `grader list` (exercises: %s)%s\n", names ~= "" and names or "none",
                names == "" and "; point at the course with --exercises DIR or SLOPE_EXERCISES=DIR" or "")
        return nil
    end
    return S.load(dir, name)
end

-- ---- progress ---------------------------------------------------------------------
--
-- One line per course and exercise, "COURSE<TAB>EXERCISE<TAB>STATE": COURSE
-- is the real path of the course's exercises folder, so a test fixture and
-- a second copy of the course keep their own progress.  STATE is passed,
-- attempted, or failing (passed earlier, failing now).  Lines of the older
-- format, "EXERCISE STATE" (no course), are kept as they are and stand for
-- any course that has no line of its own for that exercise.

local function state_file()
    local base = os.getenv("XDG_STATE_HOME")
    if not base or base == "" then base = (os.getenv("HOME") or "/tmp") .. "/.local/state" end
    return base, base .. "/slope/progress.txt"
end

-- The course key of an exercises folder.
local function course_key(root) return G.realpath(root) or root end

local function read_progress()
    local _, path = state_file()
    local p = { keyed = {}, legacy = {} }
    local fp = io.open(path, "r")
    if fp then
        for line in fp:lines() do
            local course, name, st = line:match("^([^\t]+)\t([^\t]+)\t(%S+)$")
            if course then
                p.keyed[course .. "\t" .. name] = st
            else
                name, st = line:match("^(%S+) (%S+)$")
                if name then p.legacy[name] = st end
            end
        end
        fp:close()
    end
    return p
end

local function progress_of(p, course, name)
    return p.keyed[course .. "\t" .. name] or p.legacy[name]
end

local function record_progress(root, name, passed)
    local base, path = state_file()
    local p = read_progress()
    local course = course_key(root)
    local before = progress_of(p, course, name)
    local now = passed and "passed" or ((before == "passed" or before == "failing") and "failing" or "attempted")
    p.keyed[course .. "\t" .. name] = now
    G.mkdir(base:match("^(.*)/[^/]+$") or base)
    G.mkdir(base)
    if not G.mkdir(base .. "/slope") then return end
    local lines = {}
    for k in pairs(p.legacy) do lines[#lines + 1] = k .. " " .. p.legacy[k] end
    for k in pairs(p.keyed) do lines[#lines + 1] = k .. "\t" .. p.keyed[k] end
    table.sort(lines)
    local ok = pcall(J.write_file, path .. ".tmp", table.concat(lines, "\n") .. "\n")
    if ok then os.rename(path .. ".tmp", path) end
end

-- ---- commands ---------------------------------------------------------------------

local function sandbox_ok(opts)
    local ok, why = G.probe()
    if ok or opts.unsafe then return true end
    eprintf("grader: refusing to run untrusted code: %s\n", why)
    eprintf("HINT: use a kernel with Landlock and seccomp, or pass --unsafe on a machine you do not mind losing\n")
    return false
end

local function judge_opts(opts)
    local o = {}
    for k, v in pairs(J.DEFAULTS) do o[k] = v end
    o.time_limit = tonumber(opts["time-limit"]) or o.time_limit
    o.fixed_limit = opts["time-limit"] ~= nil  -- else per case, from keys/time.txt
    o.mem_mb = tonumber(opts["memory-limit"]) or o.mem_mb
    -- Without --budget, the budget is never less than budget_cases limits:
    -- a longer --time-limit must not leave fewer cases room to run.
    o.budget = tonumber(opts.budget) or math.max(o.budget, G.limit("budget_cases") * o.time_limit)
    o.cc, o.unsafe, o.hidden = opts.cc, opts.unsafe, opts.hidden
    if opts.opt then o.opt = opts.opt end
    return o
end

-- ---- check ------------------------------------------------------------------------

-- The .c files under dir and its folders (links are listed, never
-- followed; macOS's __MACOSX copies are left out), in sorted order.
local function c_files(dir, found, depth)
    found, depth = found or {}, depth or 0
    for _, name in ipairs(G.listdir(dir) or {}) do
        local path = dir .. "/" .. name
        local kind = G.lstat(path)
        if kind == "dir" then
            if depth < 8 and name ~= "__MACOSX" then c_files(path, found, depth + 1) end
        elseif name:match("%.c$") then
            found[#found + 1] = path
        end
    end
    return found
end

-- "3 .c files (a.c, lib/b.c, c.c)", the names relative to dir (default:
-- the first file's folder, when they all share it).
local function name_files(files, dir)
    dir = dir or files[1]:match("^(.*)/[^/]*$")
    for _, f in ipairs(files) do
        if dir and f:sub(1, #dir + 1) ~= dir .. "/" then dir = nil end
    end
    local names = {}
    for i, f in ipairs(files) do names[i] = dir and f:sub(#dir + 2) or f end
    return string.format("%d .c files (%s)", #files, table.concat(names, ", "))
end

local SEVERAL = "The grader grades exactly one .c file: hand in only the file that holds your solution " ..
                "(helpers go in that same file)."
local NONE = "Hand in your solution as one .c file (for example solution.c), not an archive or a folder " ..
             "without it."

-- The one .c file under dir (--submission), or nil and { code, why,
-- hint, student }: why and hint for the instructor, student for the student.
local function submission_in(dir)
    dir = dir:gsub("(.)/+$", "%1")
    if G.stat(dir) ~= "dir" then
        return nil, { code = EXIT_USAGE, why = "--submission " .. dir .. " is not a folder",
                      hint = "give the folder that holds the student's files (on Gradescope: " ..
                             "/autograder/submission)",
                      student = "Your submission could not be found, so it was not graded. " .. NONE }
    end
    local files = c_files(dir)
    if #files == 1 then return files[1] end
    if #files == 0 then
        return nil, { code = EXIT_USAGE, why = "no .c file in " .. dir,
                      hint = "the submission must hold one .c file",
                      student = "Your submission holds no .c file, so nothing was graded. " .. NONE }
    end
    local what = name_files(files, dir)
    return nil, { code = EXIT_USAGE, why = dir .. " holds " .. what .. ": which one is the solution?",
                  hint = "the submission must hold exactly one .c file",
                  student = "Your submission holds " .. what .. ", so nothing was graded. " .. SEVERAL }
end

-- The file to grade: FILE.c, or the one .c file under --submission DIR;
-- nil and what went wrong (as submission_in) when there is none.
local function submission_file(opts, pos)
    if opts.submission then
        if #pos ~= 1 then
            return nil, { code = EXIT_USAGE, why = "give EXERCISE and --submission DIR, without a FILE.c",
                          hint = "grader check EXERCISE --submission DIR" }
        end
        return submission_in(opts.submission)
    end
    if #pos > 2 then  -- a shell pattern such as submission/*.c matched several files
        local files = { unpack(pos, 2) }
        return nil, { code = EXIT_USAGE, why = "one FILE.c at a time, not " .. name_files(files),
                      hint = "--submission DIR finds the one .c file in DIR and names them all when there are several",
                      student = "Your submission holds " .. name_files(files) .. ", so nothing was graded. " ..
                                SEVERAL }
    end
    if #pos < 2 then
        return nil, { code = EXIT_USAGE, why = "need EXERCISE and FILE.c (or --submission DIR)",
                      hint = "grader check 5 mine.c" }
    end
    local kind = G.stat(pos[2])
    if kind == "dir" then
        return nil, { code = EXIT_USAGE, why = pos[2] .. " is a folder, not a .c file",
                      hint = "name the .c file inside it, or let --submission " .. pos[2] .. " find it",
                      student = "Your submission is a folder where a .c file was expected, so nothing " ..
                                "was graded. " .. NONE }
    end
    if kind ~= "file" then
        -- A shell pattern that matched nothing is passed on as written.
        local none = pos[2]:find("*", 1, true) ~= nil
        return nil, { code = EXIT_USAGE, why = "cannot read " .. pos[2],
                      hint = none and "no file matches that pattern: is there a .c file in the submission?"
                             or "check the file's name and folder",
                      student = none and "Your submission holds no .c file, so nothing was graded. " .. NONE
                                or "Your file could not be read, so nothing was graded. " .. NONE }
    end
    return pos[2]
end

-- The points a run of spec could give (public cases, and hidden ones with --hidden).
local function points(spec, opts)
    local n = 0
    for _, c in ipairs(spec.cases) do
        if not c.hidden or opts.hidden then n = n + c.points end
    end
    return n
end

-- After the report: the figure, the progress record, the timing line.
local function after_check(opts, spec, result)
    if opts.figure then
        local ok, ferr = pcall(require("grader.figure").draw, result, opts.figure)
        if not ok then eprintf("grader check: no figure: %s\n", tostring(ferr)) end
    end
    if not opts["no-progress"] and not opts.hidden then
        record_progress(spec.dir:match("^(.*)/[^/]+$") or ".", spec.name, result.passed)
    end
    if os.getenv("SLOPE_GRADER_TIMING") then
        local t = result.timing
        eprintf("timing: compile_ms=%.3f sandbox_ms=%.3f run_ms=%.3f runs=%d compare_ms=%.3f\n",
                t.compile_ms, t.sandbox_ms or 0, t.run_ms or 0, t.runs or 0,
                t.compare_ms or 0)
    end
    return result.passed and EXIT_OK or EXIT_FAIL
end

local function check_run(opts, pos, report, state)
    local function fail(p)
        if p.why then eprintf("grader check: %s\n", p.why) end
        if p.hint then eprintf("HINT: %s\n", p.hint) end
        state.failure = p
        return p.code
    end
    if #pos < 1 then
        return fail({ code = EXIT_USAGE, why = "need EXERCISE and FILE.c (or --submission DIR)",
                      hint = "grader check 5 mine.c" })
    end
    local spec = load_exercise(opts, pos[1], pos[2] or opts.submission)
    if not spec then
        return fail({ code = EXIT_USAGE, student = "The grader found no exercise '" .. tostring(pos[1]) ..
                      "': your submission was not graded. Tell your instructor (the autograder's set-up)." })
    end
    state.spec = spec
    local file, problem = submission_file(opts, pos)
    if not file then return fail(problem) end
    if not sandbox_ok(opts) then
        return fail({ code = EXIT_INTERNAL, student = "The grader cannot run code safely on this machine, " ..
                      "so your submission was not graded. Tell your instructor." })
    end
    local jo = judge_opts(opts)
    if opts.hidden and G.stat(S.key_path(spec.dir, true)) ~= "file" then
        return fail({ code = EXIT_USAGE, why = string.format("--hidden needs %s (instructors only)",
                                                             S.key_path(spec.dir, true)),
                      hint = "run `grader keys " .. spec.name .. "` where solution.c is, or leave out --hidden",
                      student = "The grader is not set up for the hidden cases, so your submission was not " ..
                                "graded. Tell your instructor." })
    end
    local result, err = J.check(spec, file, jo)
    if not result then
        return fail({ code = EXIT_USAGE, why = err, hint = "hand in a plain .c file",
                      student = "Your file was not graded: " .. err .. ". " .. NONE })
    end
    io.stdout:write(report(result, { reveal = opts["reveal-hidden"], first = opts.first }))
    state.written = true
    return after_check(opts, spec, result)
end

-- With --format json, every way of not grading still prints a valid
-- results.json (score 0, a reason the student can act on): Gradescope
-- shows nothing else.  A spec error or the grader's own failure is also
-- raised again for main() to report on stderr with its exit status.
local function cmd_check(opts, pos)
    local fmt = opts.format or "text"
    local report = R.format(fmt)
    if not report then
        eprintf("grader check: unknown --format '%s'\nHINT: the formats are %s\n", tostring(fmt), R.format_names(", "))
        return EXIT_USAGE
    end
    if opts.first and fmt ~= "text" then
        eprintf("grader check: --first shortens the text report; --format %s lists every case\n", fmt)
        eprintf("HINT: leave out --first, or --format %s\n", fmt)
        return EXIT_USAGE
    end
    local state = {}
    local ok, rc = pcall(check_run, opts, pos, report, state)
    if fmt == "json" and not state.written and (not ok or state.failure) then
        local spec, p = state.spec, state.failure
        local message = p and (p.student or p.why)
        if not ok then
            message = S.is_error(rc)
                and "The exercise's grading set-up is broken (not your code's fault), so your submission " ..
                    "was not graded. Tell your instructor."
                or "The grader failed (not your code's fault), so your submission was not graded. " ..
                   "Submit again, and tell your instructor if it happens again."
        end
        io.stdout:write(R.json_failure({ exercise = spec and spec.name or pos[1], verdict = "not graded",
                                         max_score = spec and points(spec, opts), message = message }))
    end
    if not ok then error(rc, 0) end
    return rc
end

local function cmd_list(opts)
    local root, how = exercises_root(opts)
    if not root then
        no_course("list", how)
        return EXIT_USAGE
    end
    local names = list_exercises(root)
    if #names == 0 then
        eprintf("grader list: no exercises in %s (%s)\n", root, how)
        eprintf("HINT: point at the course's exercises: --exercises DIR or SLOPE_EXERCISES=DIR\n")
        return EXIT_USAGE
    end
    local progress, course = read_progress(), course_key(root)
    local rc = EXIT_OK
    for _, name in ipairs(names) do
        local ok, spec = pcall(S.load, root .. "/" .. name, name)
        local title = ok and spec.title or "(spec error: " .. tostring(spec) .. ")"
        if not ok then rc = EXIT_USAGE end
        local st = progress_of(progress, course, name) or "not started"
        if st == "failing" then title = title .. " (passed earlier, failing now)" end
        io.stdout:write(string.format("%-12s %-26s %s\n", st, name, title))
    end
    return rc
end

-- A key file as { [case number] = { head = "case N name", text = its block } }.
local function key_blocks(text)
    local blocks, cur = {}, nil
    for line in text:gmatch("[^\n]+") do
        local k = tonumber(line:match("^case (%d+) "))
        if k then
            cur = { head = line, text = line }
            blocks[k] = cur
        elseif cur then
            cur.text = cur.text .. "\n" .. line
        end
    end
    return blocks
end

-- Compare a committed key file with what solution.c produced: one line per
-- differing case (by number and name), none when they match.  Only the key
-- files are compared; a reference's timings (machine-dependent) are not.
local function key_differences(path, committed, produced)
    if committed == produced then return {} end
    if committed == nil then return { path .. ": missing" } end
    local old, new, diffs, seen = key_blocks(committed), key_blocks(produced), {}, {}
    local numbers = {}
    for k in pairs(old) do numbers[#numbers + 1] = k; seen[k] = true end
    for k in pairs(new) do if not seen[k] then numbers[#numbers + 1] = k end end
    table.sort(numbers)
    for _, k in ipairs(numbers) do
        local o, n = old[k], new[k]
        if not n then
            diffs[#diffs + 1] = string.format("%s: %s: no longer a case of the spec", path, o.head)
        elseif not o then
            diffs[#diffs + 1] = string.format("%s: %s: missing from the committed file", path, n.head)
        elseif o.text ~= n.text then
            diffs[#diffs + 1] = string.format("%s: %s: %s", path, n.head,
                                              o.head ~= n.head and "named differently (was: " .. o.head .. ")"
                                              or "values differ")
        end
    end
    if #diffs == 0 then diffs[1] = path .. ": the header or layout differs (no case does)" end
    return diffs
end

-- One exercise's keys: written, or (check) compared.  Returns an exit status.
local function keys_of(opts, dir, name)
    local ok, spec = pcall(S.load, dir, name)
    if not ok and not S.is_error(spec) then error(spec, 0) end
    if not ok then
        eprintf("%s\ngrader keys: %s: the exercise's spec is broken\n", tostring(spec), name)
        return EXIT_USAGE
    end
    local keys, err = J.make_keys(spec, dir .. "/solution.c", judge_opts(opts))
    if not keys then
        eprintf("grader keys: %s: %s\n", name, err)
        return EXIT_INTERNAL
    end
    local diffs = {}
    for _, which in ipairs({ "public", "hidden" }) do
        local path = S.key_path(dir, which == "hidden")
        if opts.check then
            for _, d in ipairs(key_differences(path, J.read_file(path), keys[which])) do diffs[#diffs + 1] = d end
        else
            G.mkdir(dir .. "/keys")
            J.write_file(path .. ".tmp", keys[which])
            os.rename(path .. ".tmp", path)
        end
    end
    -- The reference's times depend on the machine: written, never checked.
    if not opts.check then J.write_file(J.time_path(dir), keys.time) end
    for _, d in ipairs(diffs) do eprintf("grader keys: %s\n", d) end
    if #diffs > 0 then
        eprintf("HINT: run `grader keys %s` and review the change\n", name)
        return EXIT_FAIL
    end
    io.stdout:write(string.format("keys: %s: %d cases %s\n", name, #spec.cases,
                                  opts.check and "match solution.c" or "written"))
    return EXIT_OK
end

-- Every exercise is done (or checked) before the exit status is decided.
local function cmd_keys(opts, pos)
    local root, how = exercises_root(opts)
    if not root and not (pos[1] and pos[1]:find("/")) then
        no_course("keys", how)
        return EXIT_USAGE
    end
    local list = {}
    if pos[1] then
        local dir, name = find_exercise(root or ".", pos[1])
        if not dir then
            eprintf("grader keys: no exercise '%s' in %s\n", pos[1], root or pos[1])
            eprintf("HINT: run `grader list`, or point at the course with --exercises DIR\n")
            return EXIT_USAGE
        end
        list[1] = { dir, name }
    else
        for i, n in ipairs(list_exercises(root)) do list[i] = { root .. "/" .. n, n } end
    end
    if not sandbox_ok(opts) then return EXIT_INTERNAL end
    local rc = EXIT_OK
    for _, e in ipairs(list) do rc = math.max(rc, keys_of(opts, e[1], e[2])) end
    return rc
end

local COMMANDS = { check = cmd_check, list = cmd_list, keys = cmd_keys }
COMMANDS.watch = function(opts, pos) return require("grader.batch").watch(opts, pos) end
COMMANDS.batch = function(opts, pos) return require("grader.batch").batch(opts, pos) end
COMMANDS.merge = function(opts, pos) return require("grader.batch").merge(opts, pos) end

-- Shared with grader/batch.lua.
local API = { eprintf = eprintf, HELP = HELP, load_exercise = load_exercise,
              exercises_root = exercises_root, sandbox_ok = sandbox_ok, judge_opts = judge_opts,
              EXIT = { OK = EXIT_OK, FAIL = EXIT_FAIL, USAGE = EXIT_USAGE, INTERNAL = EXIT_INTERNAL } }
package.loaded["grader.cli.api"] = API

local function main(argv)
    local cmd = table.remove(argv, 1)
    if cmd == nil or cmd == "--help" or cmd == "-h" then
        io.stdout:write(HELP.main)
        return cmd and EXIT_OK or EXIT_USAGE
    end
    if cmd == "help" then
        local topic = argv[1] or "main"
        if not HELP[topic] then
            local topics = {}
            for k in pairs(HELP) do if k ~= "main" then topics[#topics + 1] = k end end
            table.sort(topics)
            eprintf("grader help: no topic '%s'\nHINT: one of: %s\n", topic, table.concat(topics, ", "))
            return EXIT_USAGE
        end
        io.stdout:write(HELP[topic])
        return EXIT_OK
    end
    local fn = COMMANDS[cmd]
    current_cmd = cmd
    if not fn then
        eprintf("grader: unknown command '%s'\n%s", cmd, HELP.main)
        return EXIT_USAGE
    end
    local opts, pos = parse_args(argv)
    if not opts then
        eprintf("grader %s: %s\nHINT: `grader help %s` lists the options\n", cmd, pos, cmd)
        return EXIT_USAGE
    end
    if opts.help then
        io.stdout:write(HELP[cmd])
        return EXIT_OK
    end
    for k in pairs(opts) do
        if not KNOWN[cmd][k] then
            eprintf("grader %s: unknown option '%s'\n%s", cmd, k, HELP[cmd])
            return EXIT_USAGE
        end
    end
    local bad = check_numbers(opts)
    if not bad and type(opts.figure) == "string" then
        bad = require("grader.figure").check_output(opts.figure)
        bad = bad and bad .. "\nHINT: name a .svg or .png file in a folder you can write, e.g. --figure fig.svg\n"
    end
    if bad then
        eprintf("grader %s: %s", cmd, bad)
        return EXIT_USAGE
    end
    local ok, rc = pcall(fn, opts, pos)
    if ok then return rc end
    if S.is_error(rc) then
        eprintf("%s\ngrader: the exercise's spec is broken (exit 2)\n", tostring(rc))
        return EXIT_USAGE
    end
    eprintf("grader: internal error: %s\n", tostring(rc))
    return EXIT_INTERNAL
end

return main
