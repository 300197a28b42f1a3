/* hostile: exercise 06's Adam step taken from the course library by name.
 * expect: "undefined symbol slope_optim_adam_init" for every case. */
typedef struct {
    double lr, beta1, beta2, eps, weight_decay;
    double *m, *v;
    int n, t;
    double pad[8];
} borrowed_adam;

int slope_optim_adam_init(borrowed_adam *opt, double *m, double *v, int n, double lr,
                          double beta1, double beta2, double eps);
int slope_optim_adam_step(borrowed_adam *opt, double *w, const double *g);

void adam_step(double *w, const double *g, double *m, double *v, int n,
               int t, double lr, double beta1, double beta2, double eps)
{
    borrowed_adam opt;
    slope_optim_adam_init(&opt, m, v, n, lr, beta1, beta2, eps);
    opt.t = t - 1;
    slope_optim_adam_step(&opt, w, g);
}
