package s3dx.train;

import java.util.stream.IntStream;

/**
 * Conv3d (no bias, no dilation, one group) and its two gradients as plain loops over NCTHW float arrays: the
 * reference {@link EngineCheck} holds the engine to. In double precision, for clips of a few hundred values.
 */
record ReferenceConv(int n, int in, int[] size, int out, int[] kernel, int[] stride, int[] pad) {

    int[] outputExtent() {
        int[] o = new int[3];
        for (int a = 0; a < 3; a++) o[a] = (size[a] + 2 * pad[a] - kernel[a]) / stride[a] + 1;
        return o;
    }

    int outputSize() {
        int[] o = outputExtent();
        return n * out * o[0] * o[1] * o[2];
    }

    /** {output, d(sum g*output)/dx, d(sum g*output)/dw}; output channels in parallel, then input channels for dx. */
    float[][] run(float[] x, float[] w, float[] g) {
        double[] y = new double[outputSize()], gx = new double[x.length], gw = new double[w.length];
        IntStream.range(0, out).parallel().forEach(oc -> accumulate(oc, oc + 1, 0, in, false, x, w, g, y, gx, gw));
        IntStream.range(0, in).parallel().forEach(ic -> accumulate(0, out, ic, ic + 1, true, x, w, g, y, gx, gw));
        return new float[][]{toFloat(y), toFloat(gx), toFloat(gw)};
    }

    /** Adds the terms of output channels [oc0, oc1) and input channels [ic0, ic1) to y and gw, or to gx only. */
    private void accumulate(int oc0, int oc1, int ic0, int ic1, boolean inputGradient, float[] x, float[] w, float[] g,
                            double[] y, double[] gx, double[] gw) {
        int[] o = outputExtent();
        int T = size[0], H = size[1], W = size[2];
        for (int b = 0; b < n; b++) for (int oc = oc0; oc < oc1; oc++)
            for (int ot = 0; ot < o[0]; ot++) for (int oh = 0; oh < o[1]; oh++) for (int ow = 0; ow < o[2]; ow++) {
                int yi = (((b * out + oc) * o[0] + ot) * o[1] + oh) * o[2] + ow;
                for (int ic = ic0; ic < ic1; ic++) for (int kt = 0; kt < kernel[0]; kt++) for (int kh = 0; kh < kernel[1]; kh++) for (int kw = 0; kw < kernel[2]; kw++) {
                    int t = ot * stride[0] - pad[0] + kt, h = oh * stride[1] - pad[1] + kh, v = ow * stride[2] - pad[2] + kw;
                    if (t < 0 || h < 0 || v < 0 || t >= T || h >= H || v >= W) continue;
                    int xi = (((b * in + ic) * T + t) * H + h) * W + v, wi = (((oc * in + ic) * kernel[0] + kt) * kernel[1] + kh) * kernel[2] + kw;
                    if (inputGradient) {
                        gx[xi] += g[yi] * (double) w[wi];
                    } else {
                        y[yi] += x[xi] * (double) w[wi];
                        gw[wi] += g[yi] * (double) x[xi];
                    }
                }
            }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
