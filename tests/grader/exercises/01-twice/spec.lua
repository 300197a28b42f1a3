-- 01-twice: one scalar function, public and hidden cases from a loop.
for i, x in ipairs({ 2.385, -0.75, 1e300, 0 / 0, 3.5e-310 }) do
    case {
        call = "twice", args = { x },
        hint = "multiply by 2.0 (a double), not by an int-truncated value",
        hidden = i == 5,
    }
end

return {
    title = "Double a number",
    chapter = 1,
    tolerance = { ulp = 0 },
}
