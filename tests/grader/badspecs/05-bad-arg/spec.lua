-- line 3 passes an array where twice takes a number
case { call = "twice", args = { 2.385 } }
case { call = "twice", args = { { 1.5, 2 } } }
return { title = "t", chapter = 1, tolerance = { ulp = 0 } }
