/* hostile: exercise 01 answered by the course library's own functions,
 * called by name (they are the model answers).  expect: every case fails
 * with "undefined symbol slope_deriv_...": slope-run links no libslope. */
typedef double (*slope_fn)(double x, void *params);
double slope_deriv_forward(slope_fn f, void *params, double x, double h);
double slope_deriv_central(slope_fn f, void *params, double x, double h);

struct unary { double (*f)(double); };

static double call(double x, void *params)
{
    return ((struct unary *)params)->f(x);
}

double forward_diff(double (*f)(double), double x, double h)
{
    struct unary u = { f };
    return slope_deriv_forward(call, &u, x, h);
}

double central_diff(double (*f)(double), double x, double h)
{
    struct unary u = { f };
    return slope_deriv_central(call, &u, x, h);
}
