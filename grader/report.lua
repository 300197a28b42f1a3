-- report.lua -- one judgement, three ways to say it: text for a student at a
-- terminal, Gradescope's results.json, and TAP version 13 (M.FORMATS).
--
-- Whatever the submission printed is shown apart from the verdicts and
-- escaped (control characters as \xHH, every line behind a "|" gutter in
-- text, a "#" comment in TAP, a JSON string in JSON), so it can never pass
-- for a verdict line.
--
-- Every report may reach a student (Gradescope shows results.json, batch
-- hands its feedback files back), so a hidden case shows its name, pass or
-- fail and its hint only: no expected value, no received value, no inputs
-- beyond its name, not even its kind of failure, and nothing the code
-- printed while it ran.  The instructor's `--reveal-hidden` (report option
-- reveal) shows all of it.
local S = require "grader.spec"
local J = require "grader.judge"

local M = {}

-- The length of the well-formed UTF-8 sequence that starts at s[i], or nil.
-- The ranges are RFC 3629's table: they exclude overlong forms, the UTF-16
-- surrogates (ED A0..BF) and code points above U+10FFFF (F4 90.. and F5..FF).
local UTF8_SECOND = {  -- lead byte range -> the range its second byte must be in
    { 0xC2, 0xDF, 0x80, 0xBF, 2 }, { 0xE0, 0xE0, 0xA0, 0xBF, 3 }, { 0xE1, 0xEC, 0x80, 0xBF, 3 },
    { 0xED, 0xED, 0x80, 0x9F, 3 }, { 0xEE, 0xEF, 0x80, 0xBF, 3 }, { 0xF0, 0xF0, 0x90, 0xBF, 4 },
    { 0xF1, 0xF3, 0x80, 0xBF, 4 }, { 0xF4, 0xF4, 0x80, 0x8F, 4 },
}
local function utf8_length(s, i)
    local b, second = s:byte(i), s:byte(i + 1)
    if not second then return nil end
    for _, r in ipairs(UTF8_SECOND) do
        if b >= r[1] and b <= r[2] then
            if second < r[3] or second > r[4] then return nil end
            for k = i + 2, i + r[5] - 1 do
                local cb = s:byte(k)
                if not cb or cb < 0x80 or cb > 0xBF then return nil end
            end
            return r[5]
        end
    end
    return nil
end

-- Printable ASCII, tab, newline and well-formed UTF-8 stay; every other byte
-- becomes \xHH, so the result is always valid UTF-8 whatever was printed.
local function escape_bytes(s)
    local out, i, n = {}, 1, #s
    while i <= n do
        local b = s:byte(i)
        local len = b >= 0x80 and utf8_length(s, i)
        if len then
            out[#out + 1] = s:sub(i, i + len - 1)
            i = i + len
        else
            if (b >= 0x20 and b < 0x7F) or b == 0x0A or b == 0x09 then
                out[#out + 1] = string.char(b)
            else
                out[#out + 1] = string.format("\\x%02X", b)
            end
            i = i + 1
        end
    end
    return table.concat(out)
end
M.escape_bytes = escape_bytes

-- ---- what a report may show --------------------------------------------------------

-- Is everything about case rc shown?  Public cases always; hidden ones
-- only to an instructor who asked.
local function open_case(rc, ropts)
    return not rc.hidden or ropts.reveal
end

-- The verdict a report may state, with the case it comes from: the
-- judgement's own, unless that names a hidden case's failure the report
-- keeps closed; then the public cases' verdict, or "failed hidden cases".
local function shown_verdict(result, ropts)
    local ff = result.first_failure
    if not ff or open_case(ff, ropts) or result.verdict == "compile error" then
        return result.verdict, ff
    end
    local public = {}
    for _, rc in ipairs(result.cases) do
        if open_case(rc, ropts) then public[#public + 1] = rc end
    end
    local verdict, first = J.overall({ cases = public })
    if verdict == "passed" then return "failed hidden cases", nil end
    return verdict, first
end

-- "; 3 of 12 cases failed" (nothing when every case passed).
local function failed_count(result)
    local failed = 0
    for _, rc in ipairs(result.cases) do
        if rc.verdict ~= "passed" then failed = failed + 1 end
    end
    if failed == 0 then return "" end
    return string.format("; %d of %d case%s failed", failed, #result.cases, #result.cases == 1 and "" or "s")
end

-- What the code printed that the report may show: the text kept, the
-- bytes printed, and the bytes printed while closed hidden cases ran
-- (neither shown nor counted in the first two).  case_index, when given,
-- selects that one case's output.
local function printed(result, ropts, case_index)
    local so = result.stdout
    local closed = {}
    for _, rc in ipairs(result.cases) do closed[rc.index] = not open_case(rc, ropts) end
    local any_closed = false
    for _, seg in ipairs(so.segments or {}) do
        if seg.case and closed[seg.case] then any_closed = true end
    end
    if not case_index and not any_closed then return so.text, so.total, 0 end
    local text, total, withheld = {}, 0, 0
    for _, seg in ipairs(so.segments or {}) do
        if case_index then
            if seg.case == case_index then
                text[#text + 1] = seg.text
                total = total + seg.total
            end
        elseif seg.case and closed[seg.case] then
            withheld = withheld + seg.total
        else
            text[#text + 1] = seg.text
            total = total + seg.total
        end
    end
    return table.concat(text), total, withheld
end

local function stdout_block(result, ropts, prefix, case_index)
    local text, total, withheld = printed(result, ropts, case_index)
    local lines = {}
    if total > 0 then
        lines[1] = string.format("Your code printed %d bytes%s (shown apart from the verdicts):", total,
                                 total > #text and string.format(", the first %d kept", #text) or "")
        for line in (escape_bytes(text) .. "\n"):gmatch("([^\n]*)\n") do
            lines[#lines + 1] = prefix .. line
        end
        if lines[#lines] == prefix then lines[#lines] = nil end
    end
    if withheld > 0 then
        lines[#lines + 1] = string.format("Your code printed %d bytes while the hidden cases ran (not shown).",
                                          withheld)
    end
    if #lines == 0 then return nil end
    return table.concat(lines, "\n")
end

local function case_inputs(c)
    local parts = {}
    for i, a in ipairs(c.args) do parts[i] = S.show_arg(a) end
    return table.concat(parts, ", ")
end

-- The few lines that explain one failed case; a closed hidden case gets
-- its hint alone.
local function case_detail(rc, ropts)
    local lines = {}
    if open_case(rc, ropts) then
        lines[1] = rc.detail
        lines[2] = "inputs: " .. case_inputs(rc.case)
    end
    if rc.case.hint and rc.verdict ~= "passed" then lines[#lines + 1] = "hint: " .. rc.case.hint end
    return lines
end

local function compiler_lines(out, text, indent)
    for line in (escape_bytes(text) .. "\n"):gmatch("([^\n]*)\n") do out[#out + 1] = indent .. line end
end

-- ---- text ---------------------------------------------------------------------------

-- ropts: reveal (show hidden cases in full), first (stop after the first
-- failing case, counting the rest).
function M.text(result, ropts)
    ropts = ropts or {}
    local spec, out = result.spec, {}
    out[#out + 1] = string.format("%s -- %s (chapter %s)", spec.name, spec.title, tostring(spec.chapter))
    if result.verdict == "compile error" then
        out[#out + 1] = "COMPILE ERROR: your file does not compile. The compiler says:"
        compiler_lines(out, result.compiler, "  ")
    elseif result.compiler ~= "" then
        out[#out + 1] = "The compiler warns:"
        compiler_lines(out, result.compiler, "  ")
    end
    local stopped_at
    for i, rc in ipairs(result.cases) do
        if result.verdict == "compile error" then break end
        local mark = rc.verdict == "passed" and "PASS" or "FAIL"
        out[#out + 1] = string.format("  %s  case %d%s  %s  [%g/%g]", mark, rc.index,
                                      rc.hidden and " (hidden)" or "", rc.name, rc.score, rc.max)
        if rc.verdict ~= "passed" then
            for _, l in ipairs(case_detail(rc, ropts)) do out[#out + 1] = "        " .. l end
            if ropts.first then stopped_at = i; break end
        end
    end
    if stopped_at and stopped_at < #result.cases then
        local failed, passed = 0, 0
        for i = stopped_at + 1, #result.cases do
            if result.cases[i].verdict == "passed" then passed = passed + 1 else failed = failed + 1 end
        end
        out[#out + 1] = string.format("  ... and %d more case%s not shown: %d failed, %d passed " ..
                                      "(without --first to see them)", failed + passed,
                                      failed + passed == 1 and "" or "s", failed, passed)
    end
    if result.note then out[#out + 1] = "note: " .. result.note end
    local verdict, first = shown_verdict(result, ropts)
    if first then verdict = string.format("%s (first in case %d)", verdict, first.index) end
    if result.verdict ~= "compile error" then verdict = verdict .. failed_count(result) end
    out[#out + 1] = string.format("Score: %g/%g -- %s", result.score, result.max_score, verdict)
    local so = stdout_block(result, ropts, "  | ")
    if so then out[#out + 1] = so end
    return table.concat(out, "\n") .. "\n"
end

-- ---- JSON (Gradescope results.json) ----------------------------------------------------

local function json_string(s)
    s = escape_bytes(s)  -- valid UTF-8 from here on
    s = s:gsub('[%c"\\]', function(c)
        local map = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r" }
        return map[c] or string.format("\\u%04x", c:byte())
    end)
    return '"' .. s .. '"'
end
M.json_string = json_string

local function json_number(x)
    if x ~= x or x == math.huge or x == -math.huge then return "null" end
    if x == math.floor(x) and math.abs(x) < 2 ^ 53 then return string.format("%d", x) end
    return string.format("%.17g", x)
end

-- The fields of Gradescope's results.json (its "Autograder Specifications",
-- "Output format") that we write, in order, top level then per test.
-- "extra_data" is Gradescope's "extra data to be stored", not shown to
-- students: the exercise, the most points the run could give (results.json
-- has no top-level max_score) and the run's verdict word, for `grader batch`
-- and exercises/edge-rules.lua.  Every other top-level field is safe to
-- show a student: the score, the time, the public cases' summary and what
-- the code printed outside the hidden cases.
local function results_json(f)
    local extra = string.format('{"exercise": %s, "max_score": %s, "verdict": %s}', json_string(f.exercise),
                                f.max_score and json_number(f.max_score) or "null", json_string(f.verdict))
    local fields = { string.format('  "score": %s', json_number(f.score)) }
    if f.seconds then fields[#fields + 1] = string.format('  "execution_time": %.3f', f.seconds) end
    fields[#fields + 1] = '  "output": ' .. json_string(f.output)
    fields[#fields + 1] = '  "output_format": "text"'
    fields[#fields + 1] = '  "visibility": "visible"'
    fields[#fields + 1] = '  "stdout_visibility": "hidden"'
    fields[#fields + 1] = '  "extra_data": ' .. extra
    local tests = #f.tests > 0 and "[\n" .. table.concat(f.tests, ",\n") .. "\n  ]" or "[]"
    fields[#fields + 1] = '  "tests": ' .. tests
    return "{\n" .. table.concat(fields, ",\n") .. "\n}\n"
end

-- A results.json with score 0 for a submission the grader could not judge
-- (no file, several, a spec or grader failure): message is what the
-- student reads.  info: exercise, max_score (may be nil), verdict, message.
function M.json_failure(info)
    return results_json({ score = 0, output = info.message, exercise = info.exercise or "",
                          max_score = info.max_score, verdict = info.verdict, tests = {} })
end

local function json_test(rc, result, ropts)
    local output
    if rc.verdict == "compile error" then
        output = "compile error"
    elseif rc.verdict == "passed" then
        output = "passed"
    elseif open_case(rc, ropts) then
        output = table.concat(case_detail(rc, ropts), "\n")
    else
        output = table.concat({ "failed", unpack(case_detail(rc, ropts)) }, "\n")
    end
    if rc.hidden and ropts.reveal then
        local so = stdout_block(result, ropts, "| ", rc.index)
        if so then output = output .. "\n" .. so end
    end
    return string.format(
        '    {"name": %s, "score": %s, "max_score": %s, "status": %s, "output": %s, "visibility": %s}',
        json_string(string.format("case %d: %s", rc.index, rc.name)), json_number(rc.score),
        json_number(rc.max), json_string(rc.verdict == "passed" and "passed" or "failed"),
        json_string(output), json_string(rc.hidden and "hidden" or "visible"))
end

-- The top-level output: the public cases' summary, the compiler's words,
-- the note, what the code printed outside the hidden cases.
local function json_summary(result, ropts)
    local public, passed, nhidden = 0, 0, 0
    for _, rc in ipairs(result.cases) do
        if rc.hidden then nhidden = nhidden + 1
        else
            public = public + 1
            if rc.verdict == "passed" then passed = passed + 1 end
        end
    end
    local lines = {}
    if result.verdict == "compile error" then
        lines[1] = string.format("%s: your file does not compile, so no case ran. The compiler says:",
                                 result.spec.title)
        lines[2] = result.compiler
    else
        local verdict, first = shown_verdict(result, ropts)
        lines[1] = string.format("%s: %s%s; %d of %d public cases passed", result.spec.title, verdict,
                                 first and string.format(" (first in case %d)", first.index) or "",
                                 passed, public)
        if nhidden > 0 then
            lines[#lines + 1] = string.format("%d hidden case%s graded too (%s only passed or failed, " ..
                                              "and a hint)", nhidden, nhidden == 1 and " is" or "s are",
                                              nhidden == 1 and "its test shows" or "their tests show")
        end
        if result.compiler ~= "" then lines[#lines + 1] = "The compiler warns:\n" .. result.compiler end
    end
    if result.note then lines[#lines + 1] = "note: " .. result.note end
    local so = stdout_block(result, ropts, "| ")
    if so then lines[#lines + 1] = so end
    return table.concat(lines, "\n")
end

function M.json(result, ropts)
    ropts = ropts or {}
    local tests = {}
    for _, rc in ipairs(result.cases) do tests[#tests + 1] = json_test(rc, result, ropts) end
    local t = result.timing or {}
    return results_json({ score = result.score, seconds = ((t.compile_ms or 0) + (t.run_ms or 0)) / 1e3,
                          output = json_summary(result, ropts), exercise = result.spec.name,
                          max_score = result.max_score, verdict = result.verdict, tests = tests })
end

-- ---- TAP version 13 ---------------------------------------------------------------------

local function yaml_line(k, v)
    return string.format("  %s: %s", k, json_string(v))  -- a JSON string is a YAML string
end

function M.tap(result, ropts)
    ropts = ropts or {}
    local out = { "TAP version 13", "1.." .. #result.cases }
    for i, rc in ipairs(result.cases) do
        local ok = rc.verdict == "passed"
        out[#out + 1] = string.format("%s %d - case %d: %s", ok and "ok" or "not ok", i, rc.index,
                                      escape_bytes(rc.name):gsub("#", "\\#"))
        if not ok then
            out[#out + 1] = "  ---"
            if open_case(rc, ropts) then
                out[#out + 1] = yaml_line("verdict", rc.verdict)
                out[#out + 1] = yaml_line("message", rc.detail or "")
                out[#out + 1] = yaml_line("inputs", case_inputs(rc.case))
            else
                out[#out + 1] = yaml_line("verdict", "failed")
            end
            if rc.case.hint then out[#out + 1] = yaml_line("hint", rc.case.hint) end
            out[#out + 1] = "  ..."
        end
    end
    if result.verdict == "compile error" then compiler_lines(out, result.compiler, "# ") end
    local so = stdout_block(result, ropts, "# | ")
    if so then out[#out + 1] = "# " .. so:gsub("\n([^#])", "\n# %1") end
    local verdict = shown_verdict(result, ropts)
    if result.verdict ~= "compile error" then verdict = verdict .. failed_count(result) end
    out[#out + 1] = string.format("# score %g/%g: %s", result.score, result.max_score, verdict)
    return table.concat(out, "\n") .. "\n"
end

-- ---- the formats --------------------------------------------------------------------------

-- `--format NAME`: the only names there are, in the order --help lists them.
M.FORMATS = {
    { name = "text", fn = M.text },  -- for a student at a terminal (the default)
    { name = "json", fn = M.json },  -- Gradescope's results.json
    { name = "tap", fn = M.tap },    -- TAP version 13
}

-- The report function of a format name, or nil.
function M.format(name)
    for _, f in ipairs(M.FORMATS) do
        if f.name == name then return f.fn end
    end
    return nil
end

-- "text, json, tap" (with sep ", "): the names, for --help and errors.
function M.format_names(sep)
    local names = {}
    for i, f in ipairs(M.FORMATS) do names[i] = f.name end
    return table.concat(names, sep)
end

return M
