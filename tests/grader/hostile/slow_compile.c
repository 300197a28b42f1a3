/* hostile: a file that keeps the compiler busy for seconds (a macro that
 * doubles at every level: 2^15 statements in one function at -O2), for the
 * test that kills a batch while its compiler runs.
 * expect: no process and no temp file outlive the grader. */
#define S0 x = x * 1.0000001 + 1e-9;
#define S1 S0 S0
#define S2 S1 S1
#define S3 S2 S2
#define S4 S3 S3
#define S5 S4 S4
#define S6 S5 S5
#define S7 S6 S6
#define S8 S7 S7
#define S9 S8 S8
#define S10 S9 S9
#define S11 S10 S10
#define S12 S11 S11
#define S13 S12 S12
#define S14 S13 S13
#define S15 S14 S14

double twice(double x)
{
    volatile double y = x;
    x = y;
    S15
    return 2.0 * y + 0.0 * x;
}
