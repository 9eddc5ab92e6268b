package s3dx.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import s3dx.infer.OnnxSession;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.tensor.Tensor;

/**
 * Occlusion sensitivity of one clip: hide one (time, region) cell at a time and measure how much the target class's
 * probability drops. Cells are {@code cellFrames} frames by {@code cellPixels} x {@code cellPixels} of the model's
 * input (the last row, column and time cell may be smaller). The time strip hides whole frames, one time cell at a
 * time: "which frames mattered". Occluded clips go through ONNX Runtime {@code batch} at a time along the model's
 * batch dimension, asking only for {@code probs}.
 */
public final class Occlusion {

    /**
     * What a hidden cell holds, in the model's input space. ZERO is the preprocessing's mean colour (Kinetics'
     * mean for the torchvision recipe and the demo models; mid-grey for x*2/255-1 models). CLIP_MEAN is the
     * clip's own per-channel mean, closer to a plain background.
     */
    public enum Fill { ZERO, CLIP_MEAN }

    /**
     * @param targetClass the class whose probability is measured, or -1 for the clip's top-1
     * @param batch       occluded clips per forward pass
     */
    public record Options(int cellFrames, int cellPixels, int targetClass, Fill fill, int batch) {
        public Options {
            if (cellFrames < 1 || cellPixels < 1) throw new IllegalArgumentException("cell size must be at least 1 frame and 1 pixel");
            if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }

        /** 4 time cells and a 4x4 grid for any clip size, the clip's top-1, zero fill, 16 clips a batch. */
        public static Options defaults(int frames, int cropSize) {
            return new Options(Math.max(1, frames / 4), Math.max(1, cropSize / 4), -1, Fill.ZERO, 16);
        }

        public Options withCell(int frames, int pixels) {
            return new Options(frames, pixels, targetClass, fill, batch);
        }

        public Options withTarget(int c) {
            return new Options(cellFrames, cellPixels, c, fill, batch);
        }

        public Options withFill(Fill f) {
            return new Options(cellFrames, cellPixels, targetClass, f, batch);
        }

        public Options withBatch(int n) {
            return new Options(cellFrames, cellPixels, targetClass, fill, n);
        }
    }

    /** The cells of a T x H x W clip; cell (t, y, x) covers frames [t*cf, ...), rows [y*cp, ...), columns [x*cp, ...). */
    public record Grid(int frames, int height, int width, int cellFrames, int cellPixels) {
        public int timeCells() {
            return ceilDiv(frames, cellFrames);
        }

        public int rowCells() {
            return ceilDiv(height, cellPixels);
        }

        public int columnCells() {
            return ceilDiv(width, cellPixels);
        }

        public int cells() {
            return timeCells() * rowCells() * columnCells();
        }

        /** First and one-past-last frame of time cell t. */
        public int[] frameRange(int t) {
            return new int[]{t * cellFrames, Math.min(frames, (t + 1) * cellFrames)};
        }

        /** First and one-past-last row of row cell y (columns: the same with x and width). */
        public int[] rowRange(int y) {
            return new int[]{y * cellPixels, Math.min(height, (y + 1) * cellPixels)};
        }

        public int[] columnRange(int x) {
            return new int[]{x * cellPixels, Math.min(width, (x + 1) * cellPixels)};
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }

    /**
     * @param drop      [timeCells, rowCells, columnCells]: probability without occlusion minus with that cell hidden
     * @param timeStrip [timeCells]: the drop when the time cell's whole frames are hidden
     */
    public record Result(int targetClass, float probability, Grid grid, Fill fill, Tensor drop, float[] timeStrip) {
        public float drop(int t, int y, int x) {
            return drop.data()[(t * grid.rowCells() + y) * grid.columnCells() + x];
        }
    }

    private record Box(int t0, int t1, int y0, int y1, int x0, int x1) {}

    private Occlusion() {}

    /** Occlusion map of one clip [1,3,T,H,W]; throws {@link CancellationException} when {@code progress} says so. */
    public static Result run(OnnxSession session, Tensor clip, Options o, ProbeProgress progress) {
        Clips.requireOneClip(clip);
        Grid g = new Grid(Clips.frames(clip), (int) clip.dim(3), (int) clip.dim(4), o.cellFrames(), o.cellPixels());
        float[] base = probs(session, clip, 1)[0];
        int target = o.targetClass() < 0 ? Clips.argmax(base) : o.targetClass();
        if (target >= base.length) throw new IllegalArgumentException("class " + target + " but the model has " + base.length);
        float[] fill = fillValues(clip, o.fill());

        List<Box> boxes = new ArrayList<>();
        for (int t = 0; t < g.timeCells(); t++) {
            int[] tr = g.frameRange(t);
            for (int y = 0; y < g.rowCells(); y++) {
                int[] yr = g.rowRange(y);
                for (int x = 0; x < g.columnCells(); x++) {
                    int[] xr = g.columnRange(x);
                    boxes.add(new Box(tr[0], tr[1], yr[0], yr[1], xr[0], xr[1]));
                }
            }
        }
        for (int t = 0; t < g.timeCells(); t++) {
            int[] tr = g.frameRange(t);
            boxes.add(new Box(tr[0], tr[1], 0, g.height(), 0, g.width()));
        }

        float[] drops = new float[boxes.size()];
        int item = clip.data().length;
        for (int start = 0; start < boxes.size(); start += o.batch()) {
            if (progress.cancelled()) throw new CancellationException("occlusion cancelled");
            int n = Math.min(o.batch(), boxes.size() - start);
            float[] batch = new float[n * item];
            for (int i = 0; i < n; i++) {
                System.arraycopy(clip.data(), 0, batch, i * item, item);
                hide(batch, i * item, g, boxes.get(start + i), fill);
            }
            long[] shape = clip.shape();
            shape[0] = n;
            float[][] p = probs(session, new Tensor(shape, batch), n);
            for (int i = 0; i < n; i++) drops[start + i] = base[target] - p[i][target];
            progress.update(start + n, boxes.size());
        }
        float[] cells = new float[g.cells()], strip = new float[g.timeCells()];
        System.arraycopy(drops, 0, cells, 0, cells.length);
        System.arraycopy(drops, cells.length, strip, 0, strip.length);
        return new Result(target, base[target], g, o.fill(),
                new Tensor(new long[]{g.timeCells(), g.rowCells(), g.columnCells()}, cells), strip);
    }

    private static float[][] probs(OnnxSession session, Tensor batch, int n) {
        Tensor p = session.run(batch, Set.of(OnnxModelBuilder.PROBS)).get(OnnxModelBuilder.PROBS);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = Clips.row(p, i);
        return out;
    }

    private static float[] fillValues(Tensor clip, Fill fill) {
        float[] v = new float[3];
        if (fill == Fill.CLIP_MEAN) {
            int per = clip.data().length / 3;
            for (int c = 0; c < 3; c++) {
                double sum = 0;
                for (int i = c * per; i < (c + 1) * per; i++) sum += clip.data()[i];
                v[c] = (float) (sum / per);
            }
        }
        return v;
    }

    private static void hide(float[] data, int offset, Grid g, Box b, float[] fill) {
        int plane = g.height() * g.width();
        for (int c = 0; c < 3; c++) {
            for (int t = b.t0(); t < b.t1(); t++) {
                int frame = offset + (c * g.frames() + t) * plane;
                for (int y = b.y0(); y < b.y1(); y++) {
                    int row = frame + y * g.width();
                    java.util.Arrays.fill(data, row + b.x0(), row + b.x1(), fill[c]);
                }
            }
        }
    }
}
