package s3dx.evidence;

import s3dx.tensor.Tensor;

/** Frame-level edits of [N,3,T,H,W] clip tensors, shared by the probes. */
final class Clips {
    private Clips() {}

    static int frames(Tensor clip) {
        return (int) clip.dim(2);
    }

    static int plane(Tensor clip) {
        return (int) (clip.dim(3) * clip.dim(4));
    }

    static void requireOneClip(Tensor clip) {
        if (clip.rank() != 5 || clip.dim(0) != 1 || clip.dim(1) != 3) {
            throw new IllegalArgumentException("need one clip [1,3,T,H,W], got " + clip.shapeString());
        }
    }

    /** {@code n} items of T frames each, item i's frame t taken from source frame {@code orders[i][t]}. */
    static Tensor gather(Tensor source, int[][] orders) {
        int s = frames(source), plane = plane(source), t = orders[0].length;
        float[] src = source.data(), out = new float[orders.length * 3 * t * plane];
        for (int i = 0; i < orders.length; i++) {
            for (int c = 0; c < 3; c++) {
                for (int f = 0; f < t; f++) {
                    int from = orders[i][f];
                    if (from < 0 || from >= s) throw new IllegalArgumentException("frame " + from + " of " + s);
                    System.arraycopy(src, (c * s + from) * plane, out, ((i * 3 + c) * t + f) * plane, plane);
                }
            }
        }
        return new Tensor(new long[]{orders.length, 3, t, source.dim(3), source.dim(4)}, out);
    }

    /** The first {@code t} frames of a clip. */
    static Tensor firstFrames(Tensor source, int t) {
        int[] order = new int[t];
        for (int i = 0; i < t; i++) order[i] = i;
        return gather(source, new int[][]{order});
    }

    /** Row {@code item} of a [N,K] output. */
    static float[] row(Tensor t, int item) {
        int k = (int) t.dim(1);
        float[] r = new float[k];
        System.arraycopy(t.data(), item * k, r, 0, k);
        return r;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }
}
