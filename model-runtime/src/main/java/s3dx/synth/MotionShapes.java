package s3dx.synth;

import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;
import s3dx.video.FrameResizer;
import s3dx.video.RgbFrame;
import s3dx.video.VideoException;
import s3dx.video.VideoWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * MotionShapes: procedural clips of one shape (circle, square, triangle, star, ...) doing one of ten
 * {@link MotionClass motions} over a flat, graded or textured noisy background with optional smaller distractor
 * shapes, varied per clip in size, speed, colour, fill, blur, partial exit and phase ({@link Settings}).
 *
 * <p>Every clip is a scene: per-frame states of each shape plus a per-frame noise seed. The first class of
 * each pair is generated directly; its partner is the same scene with all per-frame states in reverse order,
 * so {@code clip(seed, c).reversed()} equals {@code clip(seed, c.partner())} byte for byte. Same seed, same
 * options: identical bytes (StrictMath and SplittableRandom only). Rendering is our own rasteriser (2x2
 * supersampled coverage, alpha blending) on byte RGB; no AWT.
 */
public final class MotionShapes {

    /**
     * The generator settings a clip is drawn from. Models train on {@code TRAINING}; {@code HELD_OUT} draws the
     * main shape, its colour, the background, the speed, the size and the noise from ranges training never
     * uses, to test whether a model learned the motion rather than the look of the clips:
     * <ul>
     * <li>shapes: hexagon, cross, rectangle (the one elongated shape, so every held-out rotating clip is a
     *     rectangle); training: circle, square, triangle, star, pentagon, ellipse, arrow</li>
     * <li>main-shape hue 160-220 degrees (cyan to azure); training: every other hue, and greys</li>
     * <li>background: a checkerboard; training: flat, gratings, a linear gradient</li>
     * <li>speed: moving 0.58-0.72 of the frame per clip (training 0.32-0.55, a quarter of clips 0.78-0.9),
     *     growing 2.9-3.4x (training 2.0-2.8x or 3.6-4.2x), fading through 55-70% of full opacity (training
     *     80-100% or 35-50%), rotating 170-230 degrees (training 50-160; at most 30 degrees a frame, so no
     *     band above)</li>
     * <li>size: 0.65-0.8x the training scale (training 0.85-1.3x or 0.5-0.6x)</li>
     * <li>noise: 1.6-2.2x the options' amplitude (training 0-1.5x or 2.4-3x)</li>
     * </ul>
     * Speed, size and noise are held out between training's two bands ({@link Knob}): a model is tested on values it
     * never saw inside the span it learned, as a user's clips would be. Shapes, hue and background are new kinds.
     * Both draw distractors, striped fills, blur, partial exit from the frame and clip phase (the motion
     * starting late, ending early, easing in and out) the same way.
     */
    public enum Settings {
        TRAINING, HELD_OUT;

        boolean heldOut() {
            return this == HELD_OUT;
        }
    }

    /**
     * The generator's version, recorded with every sweep: a change to what clips a seed draws makes results of
     * another version incomparable. 2: training also draws bands beyond the held-out speed, size and noise ranges.
     */
    public static final int GENERATOR = 2;

    /**
     * @param noise          amplitude of per-frame uniform noise added to every channel (0 = none)
     * @param maxDistractors up to this many smaller distractor shapes drifting slowly
     * @param variety        vary noise, fill, blur, partial exit and clip phase per clip (off: linear motion
     *                       fully in frame, flat fills, the given noise, training's first ranges only)
     */
    public record Options(int width, int height, int frames, boolean texture, int noise, int maxDistractors,
                          boolean variety, Settings settings) {
        public Options {
            if (width < 16 || height < 16) throw new IllegalArgumentException("frames must be at least 16x16, got " + width + "x" + height);
            if (width > 4096 || height > 4096) throw new IllegalArgumentException("frames too large: " + width + "x" + height);
            if (frames < 2) throw new IllegalArgumentException("a clip needs at least 2 frames, got " + frames);
            if (noise < 0 || maxDistractors < 0) throw new IllegalArgumentException("negative noise or distractors");
            if (settings == null) throw new IllegalArgumentException("no generator settings");
        }

        /** Training settings with variety. */
        public Options(int width, int height, int frames, boolean texture, int noise, int maxDistractors) {
            this(width, height, frames, texture, noise, maxDistractors, true, Settings.TRAINING);
        }

        /** Square frames, textured backgrounds, noise up to 15, up to 2 distractors, training settings. */
        public static Options defaults(int size, int frames) {
            return new Options(size, size, frames, true, 10, 2);
        }

        /** Plain background, no noise, no distractors, no variety: for measuring what the motion does. */
        public Options clean() {
            return new Options(width, height, frames, false, 0, 0, false, settings);
        }

        public Options withSettings(Settings s) {
            return new Options(width, height, frames, texture, noise, maxDistractors, variety, s);
        }
    }

    /** A rendered clip and its class. */
    public record Clip(MotionClass label, long seed, List<RgbFrame> frames) {
        public Clip {
            frames = List.copyOf(frames);
        }

        /** The clip played backwards: its label is the partner class. */
        public Clip reversed() {
            List<RgbFrame> r = new ArrayList<>(frames);
            Collections.reverse(r);
            return new Clip(label.partner(), seed, r);
        }
    }

    /** A training batch: video [N,3,T,H,W] and labels[N] (class indices). */
    public record Batch(Tensor video, int[] labels) {
        public Batch {
            labels = labels.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    private record State(double cx, double cy, double radius, double angle, double alpha) {
    }

    /** {@code stripes}: stripe frequency across the shape's local x (0 = flat fill). */
    private record Sprite(Shape shape, int r, int g, int b, double stripes, State[] states) {
    }

    private record Scene(byte[] background, Sprite[] sprites, long[] noiseSeeds, int noise, boolean blur) {
    }

    private final Options options;

    public MotionShapes(Options options) {
        this.options = options;
    }

    /**
     * A generator whose frames are what {@code pre} keeps: rendered at max(resizeShortSide, cropSize) square, so
     * the resize is the identity and the crop takes the centre; {@code pre.frames()} frames (at least 2).
     */
    public static MotionShapes forTraining(Preprocessing pre) {
        return forTraining(pre, Settings.TRAINING);
    }

    /** {@link #forTraining(Preprocessing)} with other generator settings (held-out ones for testing). */
    public static MotionShapes forTraining(Preprocessing pre, Settings settings) {
        int size = Math.max(pre.resizeShortSide(), pre.cropSize());
        return new MotionShapes(Options.defaults(size, Math.max(2, pre.frames())).withSettings(settings));
    }

    public Options options() {
        return options;
    }

    /** The class a random clip with this seed gets. */
    public static MotionClass classFor(long seed) {
        return MotionClass.of((int) Math.floorMod(new SplittableRandom(seed ^ 0x5DEECE66DL).nextLong(), 10L));
    }

    /** A clip of a class drawn from the seed. */
    public Clip clip(long seed) {
        return clip(seed, classFor(seed));
    }

    /** A clip of class {@code c}; the partner class with the same seed gives the same frames reversed. */
    public Clip clip(long seed, MotionClass c) {
        Scene s = scene(seed, c);
        int t = options.frames;
        List<RgbFrame> frames = new ArrayList<>(t);
        for (int i = 0; i < t; i++) frames.add(render(s, i));
        return new Clip(c, seed, frames);
    }

    /**
     * {@code count} clips of class {@code c} played one after another: a long clip whose every
     * {@code options.frames()}-frame stretch moves at the speed the models were trained on.
     */
    public Clip episodes(long seed, MotionClass c, int count) {
        return episodes(this::clip, seed, c, count);
    }

    /** {@code count} clips of class {@code c} drawn by {@code draw} (a seed and a class give a clip), one after another. */
    public static Clip episodes(java.util.function.BiFunction<Long, MotionClass, Clip> draw, long seed, MotionClass c, int count) {
        if (count < 1) throw new IllegalArgumentException("need at least one episode, got " + count);
        List<RgbFrame> frames = new ArrayList<>();
        for (int k = 0; k < count; k++) frames.addAll(draw.apply(k == 0 ? seed : itemSeed(seed, k), c).frames());
        return new Clip(c, seed, frames);
    }

    /** Per-item seed of item i of a batch with seed {@code seed}. */
    public static long itemSeed(long seed, int i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i).nextLong();
    }

    /**
     * N clips of random classes as one [N,3,T,H,W] tensor, resized/cropped/normalised with {@code pre} (T = the
     * options' frame count). Items are rendered in parallel; the result depends only on the seed.
     */
    public Batch batch(long seed, int n, Preprocessing pre) {
        if (n <= 0) throw new IllegalArgumentException("batch size must be positive, got " + n);
        int t = options.frames, c = pre.cropSize(), plane = c * c;
        int item = 3 * t * plane;
        float[] data = new float[Math.multiplyExact(n, item)];
        int[] labels = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            long s = itemSeed(seed, i);
            MotionClass mc = classFor(s);
            labels[i] = mc.index();
            Scene scene = scene(s, mc);
            FrameResizer rs = FrameResizer.of(pre);
            byte[] crop = new byte[plane * 3];
            for (int f = 0; f < t; f++) {
                rs.resizeCrop(render(scene, f), crop);
                rs.normalize(crop, data, i * item + f * plane, t * plane);
            }
        });
        return new Batch(new Tensor(new long[]{n, 3, t, c, c}, data), labels);
    }

    /** Writes a clip as a video file (codec from the extension: .mp4 is H.264 via OpenH264). */
    public static void write(Clip clip, Path file, double fps) throws VideoException {
        write(clip, file, fps, VideoWriter.Codec.forFile(file));
    }

    public static void write(Clip clip, Path file, double fps, VideoWriter.Codec codec) throws VideoException {
        RgbFrame first = clip.frames().get(0);
        try (VideoWriter w = VideoWriter.open(file, first.width(), first.height(), fps, codec, 10)) {
            for (RgbFrame f : clip.frames()) w.write(f);
        }
    }

    // ---------------------------------------------------------------- scene generation

    private static final List<Shape> TRAINING_SHAPES = List.of(Shape.CIRCLE, Shape.SQUARE, Shape.TRIANGLE, Shape.STAR,
            Shape.PENTAGON, Shape.ELLIPSE, Shape.ARROW);
    private static final List<Shape> HELD_OUT_SHAPES = List.of(Shape.HEXAGON, Shape.CROSS, Shape.RECTANGLE);
    private static final double HELD_OUT_HUE_FROM = 160, HELD_OUT_HUE_TO = 220;

    /**
     * A per-clip setting whose held-out range lies between training's two bands, so held-out clips test values
     * training never drew without leaving the span it covers; with variety, a quarter of training clips draw the
     * outer band.
     */
    record Knob(double from, double to, double heldFrom, double heldTo, double outerFrom, double outerTo) {
        double draw(SplittableRandom rng, boolean heldOut, boolean variety) {
            if (heldOut) return uniform(rng, heldFrom, heldTo);
            return variety && rng.nextInt(4) == 0 ? uniform(rng, outerFrom, outerTo) : uniform(rng, from, to);
        }
    }

    static final Knob SIZE = new Knob(0.85, 1.3, 0.65, 0.8, 0.5, 0.6);
    /** Moving: how far along the frame the shape travels in a clip. */
    static final Knob TRAVEL = new Knob(0.32, 0.55, 0.58, 0.72, 0.78, 0.9);
    /** Growing: end radius over start radius. */
    static final Knob GROWTH = new Knob(2.0, 2.8, 2.9, 3.4, 3.6, 4.2);
    /** Fading: the part of full opacity the fade passes through. */
    static final Knob FADE_SPAN = new Knob(0.8, 1.0, 0.55, 0.7, 0.35, 0.5);
    /** Noise amplitude as a multiple of the options' noise. */
    static final Knob NOISE_SCALE = new Knob(0, 1.5, 1.6, 2.2, 2.4, 3.0);

    private enum Backdrop { FLAT, GRATINGS, GRADIENT, CHECKER }

    private Scene scene(long seed, MotionClass c) {
        SplittableRandom rng = new SplittableRandom(seed);
        int w = options.width, h = options.height, t = options.frames;
        double m = Math.min(w, h);
        boolean held = options.settings.heldOut(), vary = options.variety;
        List<Shape> pool = held ? HELD_OUT_SHAPES : TRAINING_SHAPES;

        int[] base = {rng.nextInt(30, 226), rng.nextInt(30, 226), rng.nextInt(30, 226)};
        Backdrop backdrop = !options.texture ? Backdrop.FLAT : held ? Backdrop.CHECKER
                : new Backdrop[]{Backdrop.FLAT, Backdrop.GRATINGS, Backdrop.GRADIENT}[rng.nextInt(3)];
        byte[] bg = background(rng, base, backdrop);

        // Distractors: small shapes drifting slowly, drawn beneath the main shape.
        int nd = options.maxDistractors == 0 ? 0 : rng.nextInt(options.maxDistractors + 1);
        Sprite[] sprites = new Sprite[nd + 1];
        for (int d = 0; d < nd; d++) {
            Shape shape = pool.get(rng.nextInt(pool.size()));
            double r = m * uniform(rng, 0.04, 0.07);
            double x0 = uniform(rng, 0, w), y0 = uniform(rng, 0, h);
            double dir = uniform(rng, 0, 2 * Math.PI), dist = m * uniform(rng, 0, 0.12);
            double ang = uniform(rng, 0, 2 * Math.PI);
            State[] st = new State[t];
            for (int i = 0; i < t; i++) {
                double f = (double) i / (t - 1);
                st[i] = new State(x0 + f * dist * StrictMath.cos(dir), y0 + f * dist * StrictMath.sin(dir), r, ang, 1);
            }
            sprites[d] = new Sprite(shape, rng.nextInt(256), rng.nextInt(256), rng.nextInt(256), 0, st);
        }

        // Main shape: a colour that stands out from the background base.
        int[] col = mainColour(rng, base, held);
        MotionClass canon = c.canonical() ? c : c.partner();
        boolean rotating = canon == MotionClass.ROTATING_CLOCKWISE;
        List<Shape> allowed = pool.stream().filter(s -> !rotating || s.elongated()).toList();
        Shape shape = allowed.get(rng.nextInt(allowed.size()));
        double stripes = vary && rng.nextInt(3) == 0 ? uniform(rng, 1.5, 3) : 0;
        double k = SIZE.draw(rng, held, vary);   // size scale
        boolean exits = vary && rng.nextInt(10) < 3;                            // partly out of the frame
        double[] progress = progress(rng, t, vary);
        State[] st = new State[t];
        double ang0 = uniform(rng, 0, 2 * Math.PI);
        switch (canon) {
            case MOVING_LEFT, MOVING_UP -> {
                boolean horiz = canon == MotionClass.MOVING_LEFT;
                double along = horiz ? w : h, across = horiz ? h : w;
                double r = Math.min(m * uniform(rng, 0.10, 0.16) * k, 0.22 * m);
                double travel = along * TRAVEL.draw(rng, held, vary);
                // With variety, a travel too long for the frame crosses its edge instead of shrinking into another range.
                boolean out = exits || vary && travel > along - 2 * r - 2;
                double lo = out ? -0.4 * r : r + 1, hi = out ? along + 0.4 * r : along - r - 1;
                double d = Math.min(travel, hi - lo);
                double start = uniform(rng, lo + d, hi);  // moves towards 0
                double pos = uniform(rng, r + 1, Math.max(r + 1, across - r - 1));
                for (int i = 0; i < t; i++) {
                    double a = start - d * progress[i];
                    st[i] = horiz ? new State(a, pos, r, ang0, 1) : new State(pos, a, r, ang0, 1);
                }
            }
            case GROWING -> {
                double growth = GROWTH.draw(rng, held, vary);
                double r0 = Math.min(m * uniform(rng, 0.06, 0.09) * k, 0.3 * m / growth);  // ends within 0.3 of the frame
                double r1 = r0 * growth;
                double cx = centre(rng, w, r1, exits), cy = centre(rng, h, r1, exits);
                for (int i = 0; i < t; i++) st[i] = new State(cx, cy, r0 + (r1 - r0) * progress[i], ang0, 1);
            }
            case ROTATING_CLOCKWISE -> {
                double r = m * uniform(rng, 0.24, 0.32) * k;
                double cx = centre(rng, w, r, exits), cy = centre(rng, h, r, exits);
                // Increasing angle turns clockwise on screen (y points down). At most 30 degrees a frame.
                double total = Math.toRadians(held ? uniform(rng, 170, 230) : uniform(rng, 50, 160));
                double steepest = 0;
                for (int i = 1; i < t; i++) steepest = Math.max(steepest, progress[i] - progress[i - 1]);
                total = Math.min(total, Math.PI / 6 / Math.max(steepest, 1e-9));
                for (int i = 0; i < t; i++) st[i] = new State(cx, cy, r, ang0 + total * progress[i], 1);
            }
            case FADING_IN -> {
                double r = m * uniform(rng, 0.12, 0.2) * k;
                double cx = centre(rng, w, r, exits), cy = centre(rng, h, r, exits);
                double span = FADE_SPAN.draw(rng, held, vary);
                double a0 = uniform(rng, 0, 1 - span), a1 = a0 + span;
                for (int i = 0; i < t; i++) st[i] = new State(cx, cy, r, ang0, a0 + (a1 - a0) * progress[i]);
            }
            default -> throw new AssertionError(canon);
        }
        sprites[nd] = new Sprite(shape, col[0], col[1], col[2], stripes, st);

        int noise = !vary ? options.noise
                : (int) Math.round(options.noise * NOISE_SCALE.draw(rng, held, vary));
        boolean blur = vary && rng.nextInt(3) == 0;
        long[] noiseSeeds = new long[t];
        for (int i = 0; i < t; i++) noiseSeeds[i] = rng.nextLong();

        if (!c.canonical()) {  // the partner: the same scene backwards in time
            for (Sprite s : sprites) reverse(s.states);
            reverseLongs(noiseSeeds);
        }
        return new Scene(bg, sprites, noiseSeeds, noise, blur);
    }

    /**
     * How far through its motion the shape is at each frame, 0 to 1: linear over the clip, or (with variety,
     * half the clips each) starting late and ending early, and easing in and out.
     */
    private static double[] progress(SplittableRandom rng, int t, boolean vary) {
        double from = 0, to = t - 1;
        boolean ease = false;
        if (vary) {
            if (rng.nextBoolean()) {
                from = uniform(rng, 0, 0.25) * (t - 1);
                to = (t - 1) * (1 - uniform(rng, 0, 0.25));
            }
            ease = rng.nextBoolean();
        }
        double[] p = new double[t];
        for (int i = 0; i < t; i++) {
            double x = Math.min(1, Math.max(0, (i - from) / (to - from)));
            p[i] = ease ? x * x * (3 - 2 * x) : x;
        }
        return p;
    }

    /** A centre coordinate keeping a shape of radius r inside [0, size), or (exits) letting it overhang an edge. */
    private static double centre(SplittableRandom rng, int size, double r, boolean exits) {
        double margin = exits ? 0.3 * r : r + 1;
        return uniform(rng, margin, Math.max(margin, size - margin));
    }

    private byte[] background(SplittableRandom rng, int[] base, Backdrop kind) {
        int w = options.width, h = options.height;
        byte[] bg = new byte[w * h * 3];
        double[] chan = {uniform(rng, 0.5, 1.0), uniform(rng, 0.5, 1.0), uniform(rng, 0.5, 1.0)};
        switch (kind) {
            case FLAT -> {
                for (int p = 0; p < bg.length; p++) bg[p] = (byte) base[p % 3];
                return bg;
            }
            case GRATINGS -> {
                return gratings(rng, base);
            }
            case GRADIENT -> {
                double dir = uniform(rng, 0, 2 * Math.PI), amp = uniform(rng, 20, 50);
                double gx = StrictMath.cos(dir) / w, gy = StrictMath.sin(dir) / h;
                int p = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double v = amp * ((x - w / 2.0) * gx + (y - h / 2.0) * gy);
                        for (int ch = 0; ch < 3; ch++) bg[p++] = (byte) clamp((int) Math.round(base[ch] + v * chan[ch]));
                    }
                }
                return bg;
            }
            case CHECKER -> {
                double cell = Math.min(w, h) * uniform(rng, 0.08, 0.18), amp = uniform(rng, 10, 22);
                int ox = rng.nextInt(w), oy = rng.nextInt(h);
                int p = 0;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        double v = ((int) Math.floor((x + ox) / cell) + (int) Math.floor((y + oy) / cell)) % 2 == 0 ? amp : -amp;
                        for (int ch = 0; ch < 3; ch++) bg[p++] = (byte) clamp((int) Math.round(base[ch] + v * chan[ch]));
                    }
                }
                return bg;
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** A base colour plus three static sine gratings. */
    private byte[] gratings(SplittableRandom rng, int[] base) {
        int w = options.width, h = options.height;
        byte[] bg = new byte[w * h * 3];
        int ng = 3;
        double[] fx = new double[ng], fy = new double[ng], ph = new double[ng], amp = new double[ng];
        double[][] chan = new double[ng][3];
        for (int k = 0; k < ng; k++) {
            double dir = uniform(rng, 0, Math.PI), freq = uniform(rng, 2 * Math.PI / 40, 2 * Math.PI / 6);
            fx[k] = freq * StrictMath.cos(dir);
            fy[k] = freq * StrictMath.sin(dir);
            ph[k] = uniform(rng, 0, 2 * Math.PI);
            amp[k] = uniform(rng, 6, 16);
            for (int ch = 0; ch < 3; ch++) chan[k][ch] = uniform(rng, 0.5, 1.0);
        }
        // Precompute per-row and per-column sines: sin(a+b) = sin a cos b + cos a sin b.
        double[][] sx = new double[ng][w], cxs = new double[ng][w], sy = new double[ng][h], cys = new double[ng][h];
        for (int k = 0; k < ng; k++) {
            for (int x = 0; x < w; x++) {
                sx[k][x] = StrictMath.sin(fx[k] * x + ph[k]);
                cxs[k][x] = StrictMath.cos(fx[k] * x + ph[k]);
            }
            for (int y = 0; y < h; y++) {
                sy[k][y] = StrictMath.sin(fy[k] * y);
                cys[k][y] = StrictMath.cos(fy[k] * y);
            }
        }
        int p = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < 3; ch++) {
                    double v = base[ch];
                    for (int k = 0; k < ng; k++) v += amp[k] * chan[k][ch] * (sx[k][x] * cys[k][y] + cxs[k][x] * sy[k][y]);
                    bg[p++] = (byte) clamp((int) Math.round(v));
                }
            }
        }
        return bg;
    }

    /**
     * A colour of the settings' hues (held out: 160-220 degrees; training: the rest, greys included) whose
     * luma differs from the background base by at least 80.
     */
    private static int[] mainColour(SplittableRandom rng, int[] base, boolean heldOut) {
        double lb = luma(base[0], base[1], base[2]);
        for (int attempt = 0; attempt < 64; attempt++) {
            double band = HELD_OUT_HUE_TO - HELD_OUT_HUE_FROM;
            double hue = heldOut ? uniform(rng, HELD_OUT_HUE_FROM, HELD_OUT_HUE_TO)
                    : (HELD_OUT_HUE_TO + uniform(rng, 0, 360 - band)) % 360;
            double sat = heldOut ? uniform(rng, 0.5, 1) : rng.nextInt(5) == 0 ? uniform(rng, 0, 0.15) : uniform(rng, 0.5, 1);
            int[] c = hsv(hue, sat, uniform(rng, 0.1, 1));
            if (Math.abs(luma(c[0], c[1], c[2]) - lb) >= 80) return c;
        }
        return lb > 128 ? new int[]{10, 10, 10} : new int[]{245, 245, 245};
    }

    private static int[] hsv(double hue, double s, double v) {
        int[] out = new int[3];
        for (int ch = 0; ch < 3; ch++) {  // the standard HSV-to-RGB formula, channel by channel
            double k = (new double[]{5, 3, 1}[ch] + hue / 60) % 6;
            out[ch] = (int) Math.round(255 * (v - v * s * Math.max(0, Math.min(Math.min(k, 4 - k), 1))));
        }
        return out;
    }

    private static double luma(int r, int g, int b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    // ---------------------------------------------------------------- rasteriser

    private RgbFrame render(Scene s, int t) {
        int w = options.width, h = options.height;
        byte[] px = s.background.clone();
        if (s.noise > 0) {
            SplittableRandom nr = new SplittableRandom(s.noiseSeeds[t]);
            int a = s.noise, span = 2 * a + 1;
            for (int i = 0; i < px.length; i++) px[i] = (byte) clamp((px[i] & 0xFF) + nr.nextInt(span) - a);
        }
        for (Sprite sp : s.sprites) draw(px, w, h, sp, sp.states[t]);
        if (s.blur) blur(px, w, h);
        return new RgbFrame(w, h, px);
    }

    /** A 3x3 box blur (edges clamped), as two 3-tap passes. */
    private static void blur(byte[] px, int w, int h) {
        int[] tmp = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = (y * w + Math.max(0, x - 1)) * 3, c = (y * w + x) * 3, r = (y * w + Math.min(w - 1, x + 1)) * 3;
                for (int ch = 0; ch < 3; ch++) tmp[c + ch] = (px[l + ch] & 0xFF) + (px[c + ch] & 0xFF) + (px[r + ch] & 0xFF);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int u = (Math.max(0, y - 1) * w + x) * 3, c = (y * w + x) * 3, d = (Math.min(h - 1, y + 1) * w + x) * 3;
                for (int ch = 0; ch < 3; ch++) px[c + ch] = (byte) ((tmp[u + ch] + tmp[c + ch] + tmp[d + ch] + 4) / 9);
            }
        }
    }

    private static final double[] SUB = {0.25, 0.75};

    private static void draw(byte[] px, int w, int h, Sprite sp, State st) {
        if (st.alpha <= 0 || st.radius <= 0) return;
        double r = st.radius, ext = r * 1.1 + 1;
        int x0 = Math.max(0, (int) Math.floor(st.cx - ext)), x1 = Math.min(w - 1, (int) Math.ceil(st.cx + ext));
        int y0 = Math.max(0, (int) Math.floor(st.cy - ext)), y1 = Math.min(h - 1, (int) Math.ceil(st.cy + ext));
        double cos = StrictMath.cos(st.angle) / r, sin = StrictMath.sin(st.angle) / r;
        // 4 sub-samples a pixel: coverage in quarters, times alpha, in 1/1024 units.
        int alpha = (int) Math.round(Math.min(1, st.alpha) * 256);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int cov = 0;
                for (double oy : SUB) {
                    double dy = y + oy - st.cy;
                    for (double ox : SUB) {
                        double dx = x + ox - st.cx;
                        double u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
                        if (sp.shape.inside(u, v)) cov++;
                    }
                }
                if (cov == 0) continue;
                int a = cov * alpha;  // 0..1024
                int p = (y * w + x) * 3;
                // striped fills: every other stripe across the shape's local x at 60% brightness
                boolean dark = sp.stripes > 0
                        && Math.floorMod((int) Math.floor(((x + 0.5 - st.cx) * cos + (y + 0.5 - st.cy) * sin) * sp.stripes), 2) == 1;
                px[p] = blend(px[p], dark ? sp.r * 3 / 5 : sp.r, a);
                px[p + 1] = blend(px[p + 1], dark ? sp.g * 3 / 5 : sp.g, a);
                px[p + 2] = blend(px[p + 2], dark ? sp.b * 3 / 5 : sp.b, a);
            }
        }
    }

    private static byte blend(byte under, int over, int a1024) {
        int u = under & 0xFF;
        return (byte) (u + ((over - u) * a1024 + (over >= u ? 512 : -512)) / 1024);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }

    private static double uniform(SplittableRandom rng, double lo, double hi) {
        return hi <= lo ? lo : lo + (hi - lo) * rng.nextDouble();
    }

    private static void reverse(State[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            State x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    private static void reverseLongs(long[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }
}
