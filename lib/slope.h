/*
 * slope.h -- libslope, the numerical library of the slope course.
 *
 * Include this one header to get every module.  Each module's own header is
 * its documentation: read deriv.h, linalg.h, ... for what each function
 * computes, its shapes and units, and its error contract.
 *
 * Link with -lslope -lm (or `pkg-config --libs slope`).
 */
#ifndef SLOPE_H
#define SLOPE_H

#define SLOPE_VERSION_MAJOR 0
#define SLOPE_VERSION_MINOR 1
#define SLOPE_VERSION_PATCH 0
#define SLOPE_VERSION "0.1.0"

#include "status.h"
#include "fn.h"
#include "deriv.h"
#include "linalg.h"
#include "integrate.h"
#include "auc.h"
#include "optim.h"
#include "mlp.h"
#include "softmax.h"
#include "curvature.h"
#include "schedule.h"
#include "mc.h"
#include "convergence.h"
#include "rng.h"
#include "table.h"

#endif
