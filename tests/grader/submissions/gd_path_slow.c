/* The y gradient without its factor 4: a path that leaves the ravine too slowly. */
void gd_path(double *path, double x0, double y0, int steps, double lr)
{
    double x = x0, y = y0;
    path[0] = x;
    path[1] = y;
    for (int k = 1; k <= steps; k++) {
        x -= lr * 2.0 * x;
        y -= lr * 2.0 * y;
        path[2 * k] = x;
        path[2 * k + 1] = y;
    }
}
