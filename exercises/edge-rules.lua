-- edge-rules.lua -- every edge rule an exercise's statement publishes is
-- checked by a case, and a solution that breaks the rule fails that case.
--
-- A statement (README.md) lists its edge rules in a table whose rows start
-- with the rule's id and end with the cases that check it:
--
--   | E3 | `t < 0` | NaN | 9, 41 (hidden) |
--
-- Beside it, mutants/E3*.patch are changes to solution.c that break rule
-- E3 and nothing else (one or more per rule): unified diffs, each opening
-- with a paragraph that says what the change breaks, applied with patch(1)
-- to a copy of solution.c in a temporary folder.  For one exercise this checks that
--   - every rule names at least one case, each case exists in spec.lua and
--     is public or hidden as the row says;
--   - every rule has a mutant (when the tree has mutants: the student
--     distribution has none), and each mutant compiles and fails some of
--     its rule's cases and no other case;
--   - together, a rule's mutants fail every case the rule lists.
--
-- usage: luajit exercises/edge-rules.lua --grader BIN --exercises DIR NAME
-- Exit status: 0 all good, 1 a rule or a mutant is wrong, 2 bad usage or
-- the grader failed.

local function die(code, fmt, ...)
    io.stderr:write(string.format(fmt, ...), "\n")
    os.exit(code)
end

local function read_file(path)
    local fh = io.open(path, "rb")
    if not fh then return nil end
    local text = fh:read("*a")
    fh:close()
    return text
end

local function exists(path)
    local fh = io.open(path, "rb")
    if fh then fh:close() end
    return fh ~= nil
end

local function quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- The rules of README.md: { id = "E3", line = 57, cases = { {n = 9}, {n = 41, hidden = true} } }.
local function readme_rules(path)
    local text = read_file(path)
    if not text then return nil, path .. " is missing" end
    local rules, seen, lineno = {}, {}, 0
    for line in (text .. "\n"):gmatch("(.-)\n") do
        lineno = lineno + 1
        local id = line:match("^|%s*(E%d+)%s*|")
        if id then
            if seen[id] then return nil, string.format("%s:%d: rule %s listed twice", path, lineno, id) end
            seen[id] = true
            local last = line:match("|([^|]*)|%s*$")
            local r = { id = id, line = lineno, cases = {} }
            for item in (last or ""):gmatch("[^,]+") do
                local n, rest = item:match("^%s*(%d+)%s*(.-)%s*$")
                if not n or (rest ~= "" and rest ~= "(hidden)") then
                    return nil, string.format("%s:%d: rule %s: '%s' is not a case number " ..
                                              "(write 7 or 7 (hidden))", path, lineno, id, item:match("^%s*(.-)%s*$"))
                end
                r.cases[#r.cases + 1] = { n = tonumber(n), hidden = rest == "(hidden)" }
            end
            if #r.cases == 0 then
                return nil, string.format("%s:%d: rule %s names no case: its last column must " ..
                                          "list the cases that check it", path, lineno, id)
            end
            rules[#rules + 1] = r
        end
    end
    if #rules == 0 then
        return nil, path .. " has no edge-rule table (rows '| E1 | ... | cases |')"
    end
    return rules
end

-- Grade FILE with the grader's JSON report; returns the cases
-- { [k] = { failed = bool, hidden = bool } }, their count and the verdict.
-- A mutant breaks a value, never the speed, so it runs under a clock ten
-- times the default: on a busy machine its verdict must not race the time
-- limit of a large case (09's n = 10^6).
local TIME_LIMIT = 20

local function grade(grader, dir, name, file, hidden)
    local cmd = string.format("%s check %s %s --format json --no-progress --time-limit %d --exercises %s%s 2>&1",
                              quote(grader), quote(name), quote(file), TIME_LIMIT, quote(dir), hidden and " --hidden" or "")
    local fh = io.popen(cmd)
    local out = fh:read("*a")
    local ok, _, code = fh:close()   -- LuaJIT without 5.2 compatibility: true, no status
    code = (ok == true or ok == 0) and 0 or code
    if code ~= 0 and code ~= 1 then
        die(2, "edge-rules: %s: %s exited %s:\n%sHINT: run that command to see what the grader says",
            name, cmd, tostring(code), out)
    end
    local cases, count = {}, 0
    for line in out:gmatch("[^\n]+") do
        local k = line:match('^%s*{"name": "case (%d+): ')
        if k then
            local status = line:match('"status": "(%a+)"')
            local vis = line:match('"visibility": "(%a+)"}%s*,?%s*$')
            cases[tonumber(k)] = { failed = status ~= "passed", hidden = vis == "hidden" }
            count = count + 1
        end
    end
    local verdict = out:match('"verdict": "([^"]*)"}') or "?"
    if count == 0 then
        die(2, "edge-rules: %s: no case in the grader's report on %s:\n%sHINT: run `grader check %s %s` " ..
               "to see what the grader says", name, file, out, name, file)
    end
    return cases, count, verdict
end

-- The mutants of the exercise, sorted: { { file = "E3-x.patch", rule = "E3" } }.
-- Anything else in mutants/ is reported, not skipped: a stray E3-x.c would
-- otherwise look like a mutant that is checked and is not.
local function mutants(dir, name, problem)
    local list = {}
    local fh = io.popen(string.format("ls %s 2>/dev/null", quote(dir .. "/" .. name .. "/mutants")))
    for f in fh:read("*a"):gmatch("[^\n]+") do
        if f:match("%.patch$") then
            list[#list + 1] = { file = f, rule = f:match("^(E%d+)[-.]") }
        else
            problem("mutants/%s is not a .patch: a mutant is a diff against solution.c " ..
                    "(diff -u --label solution.c --label solution.c solution.c mine.c)", f)
        end
    end
    fh:close()
    table.sort(list, function(a, b) return a.file < b.file end)
    return list
end

-- Apply mutants/FILE to a copy of solution.c in TMP; returns the mutant's
-- path, or nil and patch's own words when the diff no longer applies.
local function apply(ex, tmp, file)
    local text = read_file(ex .. "/mutants/" .. file) or ""
    if not text:find("\n@@ ") then return nil, "changes nothing" end
    local out = tmp .. "/" .. file:gsub("%.patch$", ".c")
    -- popen's close gives no exit status in LuaJIT: the shell reports it.
    local cmd = string.format("patch --silent --batch --no-backup-if-mismatch -r - -o %s %s %s 2>&1; " ..
                              "echo \"exit $?\"", quote(out), quote(ex .. "/solution.c"), quote(ex .. "/mutants/" .. file))
    local fh = io.popen(cmd)
    local words, code = fh:read("*a"):match("^(.-)exit (%d+)%s*$")
    fh:close()
    if code == "0" then return out end
    return nil, words and words ~= "" and words or "patch failed"
end

local function temp_dir()
    local fh = io.popen("mktemp -d")
    local tmp = fh:read("*l")
    fh:close()
    if not tmp then die(2, "edge-rules: mktemp -d failed\nHINT: is TMPDIR writable?") end
    return tmp
end

-- Grade mutant FILE of rule R: it must compile, fail some case, and fail
-- only cases R lists; the cases it fails are marked in FAILED.
local function check_mutant(grader, dir, name, tmp, file, r, failed, problem)
    local src, why = apply(dir .. "/" .. name, tmp, file)
    if why == "changes nothing" then
        problem("mutants/%s changes nothing: it has no hunk (@@) of diff -u", file)
        return
    elseif not src then
        problem("mutants/%s no longer applies to solution.c (%s): apply it to the old solution.c " ..
                "and make it again with diff -u against the new one", file, (why:gsub("%s+$", "")))
        return
    end
    local got, _, verdict = grade(grader, dir, name, src, true)
    if verdict == "compile error" then
        problem("mutants/%s does not compile", file)
        return
    end
    local listed, fails = {}, {}
    for _, c in ipairs(r.cases) do listed[c.n] = true end
    for k, c in pairs(got) do if c.failed then fails[#fails + 1] = k end end
    table.sort(fails)
    for _, k in ipairs(fails) do
        failed[k] = true
        if not listed[k] then
            problem("mutants/%s fails case %d, which %s (README.md:%d) does not list: the mutant " ..
                    "breaks more than its rule, or the row is missing a case", file, k, r.id, r.line)
        end
    end
    if #fails == 0 then
        problem("mutants/%s breaks %s, yet it passes every case: no case checks the rule", file, r.id)
    end
end

local function main(args)
    local grader, dir, name
    local i = 1
    while i <= #args do
        local a = args[i]
        if a == "--grader" then i = i + 1; grader = args[i]
        elseif a == "--exercises" then i = i + 1; dir = args[i]
        elseif a == "--help" then
            print("usage: edge-rules.lua --grader BIN --exercises DIR NAME\n" ..
                  "  check that each edge rule of DIR/NAME/README.md names existing cases, and that\n" ..
                  "  each mutant DIR/NAME/mutants/E<k>*.patch, applied to solution.c, fails its rule's\n" ..
                  "  cases and no other")
            os.exit(0)
        elseif a:sub(1, 2) == "--" then die(2, "edge-rules: unknown option %s\nHINT: see --help", a)
        else name = a end
        i = i + 1
    end
    if not (grader and dir and name) then
        die(2, "edge-rules: need --grader BIN --exercises DIR NAME\nHINT: make exercises-check runs it for every exercise")
    end
    local ex = dir .. "/" .. name
    local problems = {}
    local function problem(fmt, ...) problems[#problems + 1] = string.format(fmt, ...) end

    local rules, err = readme_rules(ex .. "/README.md")
    if not rules then die(1, "edge-rules: %s\nHINT: give the statement a table of its edge rules, " ..
                             "one row per rule: | E1 | input | what to return | cases |", err) end

    -- The cases: from the reference solution in an instructor's tree (every
    -- case, hidden ones too), from the starter in a student's (public only).
    local full = exists(ex .. "/solution.c") and exists(ex .. "/keys/hidden.txt")
    local cases, count = grade(grader, dir, name, ex .. "/" .. (full and "solution.c" or "starter.c"), full)
    local by_id = {}
    for _, r in ipairs(rules) do
        by_id[r.id] = r
        for _, c in ipairs(r.cases) do
            local got = cases[c.n]
            if not got and (full or not c.hidden) then
                problem("README.md:%d: %s names case %d, but the spec has %d %scases", r.line, r.id, c.n,
                        count, full and "" or "public ")
            elseif got and got.hidden ~= c.hidden then
                problem("README.md:%d: %s: case %d is %s, but the row says %s", r.line, r.id, c.n,
                        got.hidden and "hidden" or "public", c.hidden and "hidden" or "public")
            end
        end
    end

    local list = mutants(dir, name, problem)
    if full then
        local tmp = temp_dir()
        local failed_by = {}
        for _, r in ipairs(rules) do failed_by[r.id] = {} end
        for _, m in ipairs(list) do
            local r = m.rule and by_id[m.rule]
            if not r then
                problem("mutants/%s: its name must start with the id of a rule of README.md (E1-...)", m.file)
            else
                check_mutant(grader, dir, name, tmp, m.file, r, failed_by[r.id], problem)
            end
        end
        os.execute("rm -rf " .. quote(tmp))
        for _, r in ipairs(rules) do
            local have = false
            for _, m in ipairs(list) do have = have or m.rule == r.id end
            if not have then
                problem("README.md:%d: %s has no mutant: add mutants/%s-WHAT.patch, a change to solution.c " ..
                        "that breaks this rule only", r.line, r.id, r.id)
            else
                for _, c in ipairs(r.cases) do
                    if not failed_by[r.id][c.n] then
                        problem("README.md:%d: %s lists case %d, but no mutant of %s fails it", r.line,
                                r.id, c.n, r.id)
                    end
                end
            end
        end
    end

    if #problems > 0 then
        for _, p in ipairs(problems) do io.stderr:write("edge-rules: ", name, ": ", p, "\n") end
        io.stderr:write("HINT: the last column of each E<k> row lists exactly the cases that check the rule " ..
                        "(7, or 7 (hidden)); mutants/E<k>-*.patch break that rule alone\n")
        os.exit(1)
    end
    print(string.format("edge-rules: %s: %d rules, each checked by its cases%s", name, #rules,
                        full and string.format(" and failed by its %d mutants", #list) or
                                 " (a student tree: public case numbers checked, no mutants)"))
end

main(arg)
