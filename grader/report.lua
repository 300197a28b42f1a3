-- report.lua -- one judgement, three ways to say it: text for a student at a
-- terminal, Gradescope's results.json, and TAP version 13.
--
-- Whatever the submission printed is shown apart from the verdicts and
-- escaped (control characters as \xHH, every line behind a "|" gutter in
-- text, a "#" comment in TAP, a JSON string in JSON), so it can never pass
-- for a verdict line.
local S = require "grader.spec"

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

local function stdout_block(result, prefix)
    local so = result.stdout
    if so.total == 0 then return nil end
    local lines = {}
    local head = string.format("Your code printed %d bytes%s (shown apart from the verdicts):", so.total,
                               so.total > #so.text and string.format(", the first %d kept", #so.text) or "")
    lines[1] = head
    for line in (escape_bytes(so.text) .. "\n"):gmatch("([^\n]*)\n") do
        lines[#lines + 1] = prefix .. line
    end
    if lines[#lines] == prefix then lines[#lines] = nil end
    return table.concat(lines, "\n")
end

local function case_inputs(c)
    local parts = {}
    for i, a in ipairs(c.args) do parts[i] = S.show_arg(a) end
    return table.concat(parts, ", ")
end

-- The few lines that explain one failed case.
local function case_detail(rc)
    local lines = { rc.detail }
    lines[#lines + 1] = "inputs: " .. case_inputs(rc.case)
    if rc.case.hint and rc.verdict ~= "passed" then lines[#lines + 1] = "hint: " .. rc.case.hint end
    return lines
end

-- ---- text ---------------------------------------------------------------------------

function M.text(result)
    local spec, out = result.spec, {}
    out[#out + 1] = string.format("%s -- %s (chapter %s)", spec.name, spec.title, tostring(spec.chapter))
    if result.verdict == "compile error" then
        out[#out + 1] = "COMPILE ERROR: your file does not compile. The compiler says:"
        for line in (escape_bytes(result.compiler) .. "\n"):gmatch("([^\n]*)\n") do out[#out + 1] = "  " .. line end
    elseif result.compiler ~= "" then
        out[#out + 1] = "The compiler warns:"
        for line in (escape_bytes(result.compiler) .. "\n"):gmatch("([^\n]*)\n") do out[#out + 1] = "  " .. line end
    end
    for _, rc in ipairs(result.cases) do
        if result.verdict ~= "compile error" then
            local mark = rc.verdict == "passed" and "PASS" or "FAIL"
            out[#out + 1] = string.format("  %s  case %d%s  %s  [%g/%g]", mark, rc.index,
                                          rc.hidden and " (hidden)" or "", rc.name, rc.score, rc.max)
            if rc.verdict ~= "passed" then
                for _, l in ipairs(case_detail(rc)) do out[#out + 1] = "        " .. l end
            end
        end
    end
    if result.note then out[#out + 1] = "note: " .. result.note end
    local verdict = result.verdict
    if result.first_failure then
        verdict = string.format("%s (first in case %d)", verdict, result.first_failure.index)
    end
    out[#out + 1] = string.format("Score: %g/%g -- %s", result.score, result.max_score, verdict)
    local so = stdout_block(result, "  | ")
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

function M.json(result)
    local tests = {}
    for _, rc in ipairs(result.cases) do
        local output = rc.verdict == "passed" and "passed" or table.concat(case_detail(rc), "\n")
        if rc.verdict == "compile error" then output = "compile error" end
        tests[#tests + 1] = string.format(
            '    {"name": %s, "score": %s, "max_score": %s, "status": %s, "output": %s, "visibility": %s}',
            json_string(string.format("case %d: %s", rc.index, rc.name)), json_number(rc.score),
            json_number(rc.max), json_string(rc.verdict == "passed" and "passed" or "failed"),
            json_string(output), json_string(rc.hidden and "hidden" or "visible"))
    end
    local summary = { string.format("%s: %s", result.spec.title, result.verdict) }
    if result.verdict == "compile error" or result.compiler ~= "" then summary[#summary + 1] = result.compiler end
    if result.note then summary[#summary + 1] = "note: " .. result.note end
    local so = stdout_block(result, "| ")
    if so then summary[#summary + 1] = so end
    return string.format('{\n  "score": %s,\n  "max_score": %s,\n  "output": %s,\n' ..
                         '  "extra_data": {"exercise": %s, "verdict": %s},\n  "tests": [\n%s\n  ]\n}\n',
                         json_number(result.score), json_number(result.max_score),
                         json_string(table.concat(summary, "\n")), json_string(result.spec.name),
                         json_string(result.verdict), table.concat(tests, ",\n"))
end

-- ---- TAP version 13 ---------------------------------------------------------------------

local function yaml_line(k, v)
    return string.format("  %s: %s", k, json_string(v))  -- a JSON string is a YAML string
end

function M.tap(result)
    local out = { "TAP version 13", "1.." .. #result.cases }
    for i, rc in ipairs(result.cases) do
        local ok = rc.verdict == "passed"
        out[#out + 1] = string.format("%s %d - case %d: %s", ok and "ok" or "not ok", i, rc.index,
                                      escape_bytes(rc.name):gsub("#", "\\#"))
        if not ok then
            out[#out + 1] = "  ---"
            out[#out + 1] = yaml_line("verdict", rc.verdict)
            out[#out + 1] = yaml_line("message", rc.detail or "")
            out[#out + 1] = yaml_line("inputs", case_inputs(rc.case))
            if rc.case.hint then out[#out + 1] = yaml_line("hint", rc.case.hint) end
            out[#out + 1] = "  ..."
        end
    end
    if result.verdict == "compile error" then
        for line in (escape_bytes(result.compiler) .. "\n"):gmatch("([^\n]*)\n") do out[#out + 1] = "# " .. line end
    end
    local so = stdout_block(result, "# | ")
    if so then out[#out + 1] = "# " .. so end
    out[#out + 1] = string.format("# score %g/%g: %s", result.score, result.max_score, result.verdict)
    return table.concat(out, "\n") .. "\n"
end

return M
