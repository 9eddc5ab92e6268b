package s3dx.synth;

/** Shapes MotionShapes draws, each defined in a local frame where its radius is 1. */
public enum Shape {
    CIRCLE(false), SQUARE(false), TRIANGLE(false), STAR(false), PENTAGON(false), HEXAGON(false),
    CROSS(false),
    /** Elongated shapes: their orientation is visible (and measurable by second moments). */
    ELLIPSE(true), RECTANGLE(true), ARROW(true);

    private final boolean elongated;
    private final double[] poly; // x0,y0,x1,y1,... or null for implicit shapes

    Shape(boolean elongated) {
        this.elongated = elongated;
        this.poly = polygon(this.name());
    }

    public boolean elongated() {
        return elongated;
    }

    /** Whether local point (u,v) lies inside the shape (u to the right, v down, radius 1). */
    boolean inside(double u, double v) {
        switch (this) {
            case CIRCLE:
                return u * u + v * v <= 1;
            case ELLIPSE:
                return u * u + (v * v) / 0.16 <= 1;               // 1 x 0.4
            case SQUARE:
                return Math.abs(u) <= 0.75 && Math.abs(v) <= 0.75;
            case RECTANGLE:
                return Math.abs(u) <= 1 && Math.abs(v) <= 0.38;
            case CROSS:
                return (Math.abs(u) <= 0.9 && Math.abs(v) <= 0.3) || (Math.abs(u) <= 0.3 && Math.abs(v) <= 0.9);
            default:
                return insidePolygon(poly, u, v);
        }
    }

    private static boolean insidePolygon(double[] p, double x, double y) {
        boolean in = false;
        int n = p.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
        }
        return in;
    }

    private static double[] regular(int n, double r, double phase) {
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = phase + 2 * Math.PI * i / n;
            p[2 * i] = r * StrictMath.cos(a);
            p[2 * i + 1] = r * StrictMath.sin(a);
        }
        return p;
    }

    private static double[] polygon(String name) {
        switch (name) {
            case "TRIANGLE":
                return regular(3, 1, -Math.PI / 2);
            case "PENTAGON":
                return regular(5, 1, -Math.PI / 2);
            case "HEXAGON":
                return regular(6, 1, 0);
            case "STAR": {
                double[] p = new double[20];
                for (int i = 0; i < 10; i++) {
                    double a = -Math.PI / 2 + Math.PI * i / 5, r = (i % 2 == 0) ? 1 : 0.45;
                    p[2 * i] = r * StrictMath.cos(a);
                    p[2 * i + 1] = r * StrictMath.sin(a);
                }
                return p;
            }
            case "ARROW": // pointing right along +u: shaft and head
                return new double[]{-1, -0.18, 0.25, -0.18, 0.25, -0.45, 1, 0, 0.25, 0.45, 0.25, 0.18, -1, 0.18};
            default:
                return null;
        }
    }
}
