-- a syntax error on line 3
case { call = "twice", args = { 2.385 } }
case { call = "twice" args = { 1.5 } }
return { title = "t", chapter = 1, tolerance = { ulp = 0 } }
