-- an unknown tolerance kind on line 4
case { call = "twice", args = { 2.385 } }
case { call = "twice", args = { 1.5 },
       tol = { relative = 1e-9 } }
return { title = "t", chapter = 1, tolerance = { ulp = 0 } }
