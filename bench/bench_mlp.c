/*
 * bench_mlp.c -- the course's XOR network: 3000 full-batch epochs of the
 * 2-4-1 sigmoid network (MSE, lr 0.5), from numpy's seed-0 initial weights.
 *
 * Prints `bench: xor_train_3000 median_ms=X`; bench/peer_mlp.py times the
 * same loop written in numpy and prints the ratio.  The network is rebuilt
 * before every repeat, outside the timed region, so each repeat trains from
 * the same starting point; training itself never allocates.
 */
#include "harness.h"
#include "mlp.h"

#include <stdio.h>

#define EPOCHS 3000
#define LR 0.5
#define HIDDEN 4
#define REPS 51

/* 0.5 * randn(2,4) then 0.5 * randn(4,1) under numpy's seed 0 (the values of
 * tests/golden/mlp/xor_init.txt, written by tests/oracle/xor_oracle.py). */
static const double W1[2 * HIDDEN] = {
    0.882026172983832, 0.20007860418361165, 0.4893689920528696, 1.120446599600729,
    0.9337789950749837, -0.4886389399382055, 0.4750442087627947, -0.07567860414884894};
static const double W2[HIDDEN] = {-0.05160942589677892, 0.20529925096918616,
                                  0.072021785580439, 0.7271367534814875};

int main(void)
{
    static double losses[EPOCHS];
    double t[REPS], check = 0.0;
    for (int r = 0; r < REPS; r++) {
        slope_mlp_net net;
        slope_status st = slope_mlp_xor_init(&net, W1, W2, HIDDEN);
        double t0 = bench_now_ms();
        if (st == SLOPE_OK)
            st = slope_mlp_train(losses, &net, slope_mlp_xor_x, slope_mlp_xor_t, LR, EPOCHS);
        t[r] = bench_now_ms() - t0;
        slope_mlp_free(&net);
        if (st != SLOPE_OK) {
            fprintf(stderr, "bench_mlp: training failed: %s\n", slope_status_str(st));
            return 1;
        }
        check += losses[EPOCHS - 1];
    }
    bench_sink(check);
    bench_report("xor_train_3000", bench_median(t, REPS), NULL, 0.0, -1.0);
    return 0;
}
