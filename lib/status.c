#include "status.h"

const char *slope_status_str(slope_status s)
{
    switch (s) {
    case SLOPE_OK:           return "success";
    case SLOPE_EINVAL:       return "invalid argument";
    case SLOPE_EDOM:         return "input is NaN or infinite";
    case SLOPE_ENOMEM:       return "out of memory";
    case SLOPE_EMAXITER:     return "iteration limit reached before the tolerance";
    case SLOPE_ETOL:         return "tolerance cannot be reached (round-off)";
    case SLOPE_ESINGLECLASS: return "labels hold a single class: ROC/AUC undefined";
    case SLOPE_EDIVERGED:    return "iteration diverged to a non-finite value";
    case SLOPE_ESINGULAR:    return "matrix is singular to working precision";
    }
    return "unknown status";
}
