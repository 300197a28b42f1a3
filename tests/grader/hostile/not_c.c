def twice(x):
    """hostile: Python, not C.  expect: compile error"""
    return 2 * x
