/**
 * The baseline of bench/whole_run.sh: the steps of
 * {@code ./adagrad run --f "(1-x)^2+100*(y-x^2)^2" --x0 x=-1.5,y=2 --lr 0.001 --steps N --every N --format csv}
 * written by hand as a person would: central differences with the program's step rule (h = cbrt(eps)*max(1,|x|),
 * divided by the distance stepped), PyTorch's AdaGrad (lr 0.001, eps 1e-10), f after every step with the run's
 * finiteness checks, and the same CSV: header, row 0 and the last row. It prints the same bytes as the program.
 */
public final class HandWrittenRosenbrock {

    private static final double H = Math.cbrt(Math.ulp(1.0));

    static double f(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * (b * b);
    }

    public static void main(String[] args) {
        long steps = Long.parseLong(args[0]);
        double lr = 0.001;
        double eps = 1e-10;
        double x = -1.5;
        double y = 2;
        double gx = 0;
        double gy = 0;
        double sumX = 0;
        double sumY = 0;
        double rateX = 0;
        double rateY = 0;
        double updateX = 0;
        double updateY = 0;
        double fx = f(x, y);
        StringBuilder out = new StringBuilder("step,f,x,y,grad_x,grad_y,G_x,G_y,lr_x,lr_y,update_x,update_y\n");
        out.append("0,").append(fx).append(',').append(x).append(',').append(y).append(",,,,,,,,\n");
        long t = 0;
        while (t < steps) {
            double hx = H * Math.max(1.0, Math.abs(x));
            double forward = x + hx;
            double backward = x - hx;
            gx = (f(forward, y) - f(backward, y)) / (forward - backward);
            double hy = H * Math.max(1.0, Math.abs(y));
            forward = y + hy;
            backward = y - hy;
            gy = (f(x, forward) - f(x, backward)) / (forward - backward);
            if (!Double.isFinite(gx) || !Double.isFinite(gy)) {
                break;
            }
            sumX += gx * gx;
            rateX = lr / (Math.sqrt(sumX) + eps);
            updateX = gx == 0 ? 0.0 : rateX * gx;
            double nx = x - updateX;
            sumY += gy * gy;
            rateY = lr / (Math.sqrt(sumY) + eps);
            updateY = gy == 0 ? 0.0 : rateY * gy;
            double ny = y - updateY;
            double fNext = f(nx, ny);
            if (!Double.isFinite(nx) || !Double.isFinite(ny) || !Double.isFinite(fNext)) {
                break;
            }
            x = nx;
            y = ny;
            fx = fNext;
            t++;
        }
        out.append(t).append(',').append(fx).append(',').append(x).append(',').append(y).append(',').append(gx)
                .append(',').append(gy).append(',').append(sumX).append(',').append(sumY).append(',').append(rateX)
                .append(',').append(rateY).append(',').append(updateX).append(',').append(updateY);
        System.out.println(out);
    }
}
