-- the title is missing
case { call = "twice", args = { 2.385 } }
return { chapter = 1, tolerance = { ulp = 0 } }
