/*
 * optim.h -- first-order optimizers: SGD, momentum, Nesterov, RMSProp, Adam, AdamW.
 *
 * Each optimizer is a small state struct (its hyper-parameters plus pointers
 * to moment arrays that the CALLER owns), an init function that checks the
 * hyper-parameters and zeroes the moments, and a step function that updates
 * the parameters w[0..n-1] in place from a gradient g[0..n-1]:
 *
 *     slope_optim_adam opt;
 *     slope_optim_adam_init(&opt, m, v, n, 1e-3, 0.9, 0.999, 1e-8);
 *     for (...) { grad(g, w, n, params); slope_optim_adam_step(&opt, w, g, n); }
 *
 * Nothing here allocates, prints or keeps global state.  The step functions
 * are the hot path of training: one pass over the arrays, no allocation, the
 * per-step constants (bias corrections) computed once per call, so that a
 * step on a large n runs at memory speed.
 *
 * Shapes: n parameters; w, g and every moment array hold n doubles and must
 * not overlap (they are restrict-qualified).
 *
 * References:
 *   SGD        Robbins & Monro, "A stochastic approximation method" (1951).
 *   momentum   Polyak, "Some methods of speeding up the convergence of
 *              iteration methods" (1964) -- the heavy-ball form.
 *   Nesterov   Nesterov, "A method of solving a convex programming problem
 *              with convergence rate O(1/k^2)", Soviet Math. Dokl. 27
 *              (1983); Sutskever, Martens, Dahl & Hinton, "On the
 *              importance of initialization and momentum in deep
 *              learning", ICML 2013, eqs. (3)-(4) (the classical form);
 *              Bengio, Boulanger-Lewandowski & Pascanu, "Advances in
 *              optimizing recurrent networks", ICASSP 2013, section 3.5
 *              (the look-ahead form).
 *   RMSProp    Tieleman & Hinton, Coursera "Neural Networks for Machine
 *              Learning", lecture 6.5 (2012).
 *   Adam       Kingma & Ba, "Adam: a method for stochastic optimization",
 *              ICLR 2015, Algorithm 1.
 *   AdamW      Loshchilov & Hutter, "Decoupled weight decay regularization",
 *              ICLR 2019, Algorithm 2.
 *
 * Error contract, shared by every function here (nothing is written when a
 * status other than SLOPE_OK is returned, except where a function says so):
 *   SLOPE_EINVAL  a NULL pointer; n == 0; n different from the n given to
 *                 init; lr <= 0, NaN or infinite; a beta outside [0, 1) or
 *                 NaN; eps < 0, NaN or infinite; weight_decay < 0, NaN or
 *                 infinite; an unknown enum value.
 *   eps = 0 is accepted, but then RMSProp and Adam compute 0/0 = NaN for a
 *   coordinate whose gradient has been exactly zero so far (use eps > 0).
 *   The step functions check these O(1) conditions on every call (a caller
 *   may change a field between steps), but they do not scan w or g: a NaN in
 *   the gradient becomes a NaN parameter.  The driver slope_optim_run()
 *   detects that and returns SLOPE_EDIVERGED.
 */
#ifndef SLOPE_OPTIM_H
#define SLOPE_OPTIM_H

#include <stddef.h>

#include "fn.h"
#include "status.h"

/* ---- SGD ------------------------------------------------------------------ */

/* w <- w - lr * g */
typedef struct {
    double lr;
} slope_optim_sgd;

slope_status slope_optim_sgd_init(slope_optim_sgd *opt, double lr);
slope_status slope_optim_sgd_step(const slope_optim_sgd *opt, double *w,
                                  const double *g, size_t n);

/* ---- momentum --------------------------------------------------------------- */

/* The two forms found in the literature.  They trace the same w-trajectory
 * when lr_heavy_ball = lr_ema * (1 - beta); the velocities then differ by the
 * factor -lr_ema.
 *   SLOPE_MOMENTUM_EMA         v <- beta v + (1 - beta) g;  w <- w - lr v
 *                              (v is an exponential moving average of g)
 *   SLOPE_MOMENTUM_HEAVY_BALL  v <- beta v - lr g;          w <- w + v
 *                              (Polyak's heavy ball; v is a displacement) */
typedef enum {
    SLOPE_MOMENTUM_EMA = 0,
    SLOPE_MOMENTUM_HEAVY_BALL
} slope_momentum_form;

typedef struct {
    double lr, beta;
    slope_momentum_form form;
    double *v; /* velocity, n doubles, caller-owned */
    size_t n;
} slope_optim_momentum;

/* Stores the hyper-parameters and the caller's array v (n doubles), and sets
 * v to zero.  beta in [0, 1); beta = 0 is plain SGD. */
slope_status slope_optim_momentum_init(slope_optim_momentum *opt, double *v,
                                       size_t n, double lr, double beta,
                                       slope_momentum_form form);
slope_status slope_optim_momentum_step(slope_optim_momentum *opt, double *w,
                                       const double *g, size_t n);

/* ---- Nesterov's accelerated gradient ----------------------------------------- */

/* One method, two bookkeepings.  Both keep a velocity v (a displacement,
 * as in the heavy ball) and differ in which point w holds:
 *
 *   SLOPE_NESTEROV_CLASSICAL   w is theta (Sutskever et al.'s eqs. (3)-(4),
 *                              with their mu written beta here):
 *         v <- beta v - lr grad f(theta + beta v);   theta <- theta + v
 *       The gradient is taken at the look-ahead point theta + beta v, not
 *       at w: get that point from slope_optim_nesterov_lookahead().
 *
 *   SLOPE_NESTEROV_LOOKAHEAD   w is phi = theta + beta v, the look-ahead
 *                              point itself (Bengio et al.'s form):
 *         g = grad f(phi);   v <- beta v - lr g;   phi <- phi + beta v - lr g
 *       (the second beta v is the NEW v).  The gradient is taken at w, as
 *       for every other optimizer here, which is why deep-learning
 *       libraries implement this form: PyTorch's SGD(nesterov=True) is it
 *       with its buffer b = -v / lr.
 *
 * Substituting phi = theta + beta v into the classical update gives the
 * look-ahead one, so from the same start (v = 0, phi_0 = theta_0) and the
 * same lr and beta the two runs satisfy, at every step t,
 *         phi_t = theta_t + beta v_t,   with the same v_t in both.
 * As v -> 0 near a minimum the two iterates coincide.
 *
 * beta in [0, 1); beta = 0 is plain SGD in both forms.  The rate this
 * method achieves with tuned lr and beta is in convergence.h. */
typedef enum {
    SLOPE_NESTEROV_CLASSICAL = 0,
    SLOPE_NESTEROV_LOOKAHEAD
} slope_nesterov_form;

typedef struct {
    double lr, beta;
    slope_nesterov_form form;
    double *v; /* velocity, n doubles, caller-owned */
    size_t n;
} slope_optim_nesterov;

/* Stores the hyper-parameters and the caller's array v (n doubles), and
 * sets v to zero. */
slope_status slope_optim_nesterov_init(slope_optim_nesterov *opt, double *v,
                                       size_t n, double lr, double beta,
                                       slope_nesterov_form form);
/* x = the look-ahead point phi = theta + beta v, where the next step needs
 * the gradient: w + beta v in the CLASSICAL form, a copy of w in the
 * LOOKAHEAD form.  x (n doubles) must not overlap w. */
slope_status slope_optim_nesterov_lookahead(const slope_optim_nesterov *opt,
                                            double *x, const double *w,
                                            size_t n);
/* x = theta, the classical iterate: a copy of w in the CLASSICAL form,
 * w - beta v in the LOOKAHEAD form (the change of variables undone). */
slope_status slope_optim_nesterov_theta(const slope_optim_nesterov *opt,
                                        double *x, const double *w, size_t n);
/* One step; g MUST be grad f at the look-ahead point (see above). */
slope_status slope_optim_nesterov_step(slope_optim_nesterov *opt, double *w,
                                       const double *g, size_t n);

/* ---- RMSProp ---------------------------------------------------------------- */

/* Where eps enters the denominator.  Both appear in teaching material: the
 * common code form divides by sqrt(s) + eps (the default, and what most
 * frameworks do); the formula often written in prose divides by
 * sqrt(s + eps).  For s >> eps^2 (resp. s >> eps) they agree; they differ
 * when a coordinate's gradient history is tiny: the default caps the step at
 * lr*|g|/eps, the other at lr*|g|/sqrt(eps). */
typedef enum {
    SLOPE_RMSPROP_EPS_OUTSIDE = 0, /* w <- w - lr / (sqrt(s) + eps) * g */
    SLOPE_RMSPROP_EPS_INSIDE       /* w <- w - lr / sqrt(s + eps) * g */
} slope_rmsprop_eps;

/* s <- beta s + (1 - beta) g^2, then the update above. */
typedef struct {
    double lr, beta, eps;
    slope_rmsprop_eps eps_mode; /* init sets SLOPE_RMSPROP_EPS_OUTSIDE */
    double *s; /* running mean of g^2, n doubles, caller-owned */
    size_t n;
} slope_optim_rmsprop;

/* Stores the hyper-parameters and the caller's array s, sets s to zero and
 * eps_mode to SLOPE_RMSPROP_EPS_OUTSIDE (assign the field to change it). */
slope_status slope_optim_rmsprop_init(slope_optim_rmsprop *opt, double *s,
                                      size_t n, double lr, double beta,
                                      double eps);
slope_status slope_optim_rmsprop_step(slope_optim_rmsprop *opt, double *w,
                                      const double *g, size_t n);

/* ---- Adam and AdamW ----------------------------------------------------------- */

/* One step t = t + 1 (t counts from 1) of
 *     m <- beta1 m + (1 - beta1) g
 *     v <- beta2 v + (1 - beta2) g^2
 *     m_hat = m / (1 - beta1^t),  v_hat = v / (1 - beta2^t)
 *     w <- w - lr * (m_hat / (sqrt(v_hat) + eps) + weight_decay * w_old)
 * The bias corrections undo the zero start of m and v; they make the first
 * step -lr * g / (|g| + eps), about -lr * sign(g) whatever the scale of g.
 *
 * weight_decay = 0 is Adam.  weight_decay > 0 is AdamW: the decay acts on
 * the parameters directly instead of being added to g, so it is not divided
 * by sqrt(v_hat).  Scaling the decay by lr is Loshchilov & Hutter's
 * Algorithm 2 with schedule multiplier eta_t = lr and alpha = 1, the
 * convention of the common deep-learning frameworks. */
typedef struct {
    double lr, beta1, beta2, eps, weight_decay;
    size_t t;    /* steps taken so far; init sets 0 */
    double *m;   /* first moment, n doubles, caller-owned */
    double *v;   /* second moment, n doubles, caller-owned */
    size_t n;
} slope_optim_adam;

/* Adam: weight_decay = 0.  Zeroes m and v and sets t = 0. */
slope_status slope_optim_adam_init(slope_optim_adam *opt, double *m, double *v,
                                   size_t n, double lr, double beta1,
                                   double beta2, double eps);
/* AdamW: as slope_optim_adam_init with a decoupled weight decay >= 0. */
slope_status slope_optim_adamw_init(slope_optim_adam *opt, double *m, double *v,
                                    size_t n, double lr, double beta1,
                                    double beta2, double eps,
                                    double weight_decay);
/* One Adam (or AdamW, by opt->weight_decay) step; increments opt->t. */
slope_status slope_optim_adam_step(slope_optim_adam *opt, double *w,
                                   const double *g, size_t n);

/* ---- any optimizer, and the driver ----------------------------------------- */

typedef enum {
    SLOPE_OPTIM_SGD = 0,
    SLOPE_OPTIM_MOMENTUM,
    SLOPE_OPTIM_RMSPROP,
    SLOPE_OPTIM_ADAM, /* also AdamW */
    SLOPE_OPTIM_NESTEROV
} slope_optim_kind;

/* A chosen optimizer: set `kind`, then init the matching member, e.g.
 *     slope_optim o = { .kind = SLOPE_OPTIM_ADAM };
 *     slope_optim_adam_init(&o.adam, m, v, n, 0.1, 0.9, 0.999, 1e-8); */
typedef struct {
    slope_optim_kind kind;
    union {
        slope_optim_sgd sgd;
        slope_optim_momentum momentum;
        slope_optim_rmsprop rmsprop;
        slope_optim_adam adam;
        slope_optim_nesterov nesterov;
    };
} slope_optim;

/* One step of whichever optimizer `opt` holds.  For SGD, n may be any n > 0;
 * for the others it must match init.  For Nesterov, g is the gradient at
 * the look-ahead point (slope_optim_nesterov_lookahead). */
slope_status slope_optim_step(slope_optim *opt, double *w, const double *g,
                              size_t n);

/* Runs k steps of `opt` from x0 on the objective f and its gradient grad:
 *     x_0 = x0;  x_{i+1} = step(x_i, grad(x_i)),  i = 0 .. k-1,
 * except that Nesterov's classical form takes the gradient at its
 * look-ahead point x_i + beta v_i (row i+1 of traj holds that point while
 * grad runs).
 * Outputs:
 *   traj        (k+1) x n, row-major: row i is x_i (row 0 is a copy of x0).
 *   loss        k+1 doubles, loss[i] = f(x_i); may be NULL (then f is not
 *               called and may be NULL).
 *   steps_done  number of steps that produced a finite iterate; may be NULL.
 * State: opt, already initialised (its moments are continued, not reset).
 * Workspace: work, n doubles (holds the gradient).  k == 0 only records x0.
 *
 * Errors: SLOPE_EINVAL for a NULL traj/opt/grad/x0/work, loss != NULL with
 * f == NULL, n == 0, or any condition of slope_optim_step (checked before
 * anything is written); SLOPE_EDOM when x0 holds a NaN or Inf (nothing
 * written).  SLOPE_EDIVERGED when step i+1 yields a non-finite parameter:
 * the run stops there with *steps_done = i, rows 0..i of traj and
 * loss[0..i] valid, and row i+1 holding the non-finite iterate. */
slope_status slope_optim_run(double *traj, double *loss, size_t *steps_done,
                             slope_optim *opt, slope_fn_n f,
                             slope_grad_fn grad, void *params,
                             const double *x0, double *work, size_t n,
                             size_t k);

#endif
