-- the returned table's figure has a field the grader does not know
case { call = "twice", args = { 2.385 } }
return { title = "t", chapter = 1, tolerance = { ulp = 0 }, figure = { x = 1, colour = "red" } }
