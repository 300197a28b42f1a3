-- case 2 (line 4) has no key: keys/public.txt was made before it was added
case { call = "twice", args = { 2.385 } }
case { call = "twice", args = { 1.5 } }
return { title = "t", chapter = 1, tolerance = { ulp = 0 } }
