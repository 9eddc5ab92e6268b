package s3dx.net;

import java.util.Arrays;

/**
 * How a model wants its frames: resize the short side to {@code resizeShortSide}, centre-crop to
 * {@code cropSize}, take {@code frames} frames, then map 8-bit values to floats with {@link Scaling}.
 */
public record Preprocessing(Scaling scaling, float[] mean, float[] std, int resizeShortSide, int cropSize, int frames) {

    /** UNIT: x/255 then (x - mean)/std per channel (torchvision). SYMMETRIC: x*2/255 - 1 (kylemin/S3D). */
    public enum Scaling { UNIT, SYMMETRIC }

    public static final float[] KINETICS_MEAN = {0.43216f, 0.394666f, 0.37645f};
    public static final float[] KINETICS_STD = {0.22803f, 0.22145f, 0.216989f};

    public Preprocessing {
        if (mean.length != 3 || std.length != 3) throw new IllegalArgumentException("mean and std need 3 values");
        for (int c = 0; c < 3; c++) {
            if (!Float.isFinite(mean[c])) throw new IllegalArgumentException("mean " + mean[c] + " is not a finite number");
            if (!(std[c] > 0) || !Float.isFinite(std[c])) throw new IllegalArgumentException("std " + std[c] + " must be a finite number > 0");
        }
        if (resizeShortSide < 1 || resizeShortSide > 2 * Design.MAX_SIZE || cropSize < 1 || cropSize > resizeShortSide
                || frames < 1 || frames > Design.MAX_FRAMES) {
            throw new IllegalArgumentException("resize " + resizeShortSide + ", crop " + cropSize + " and frames " + frames
                    + " must be at least 1, crop at most resize, resize at most " + 2 * Design.MAX_SIZE + " and frames at most " + Design.MAX_FRAMES);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** torchvision's S3D recipe: 256 short side, crop 224, [0,1] then Kinetics mean/std. */
    public static Preprocessing torchvision(int frames) {
        return new Preprocessing(Scaling.UNIT, KINETICS_MEAN, KINETICS_STD, 256, 224, frames);
    }

    /** kylemin/S3D: x*2/255 - 1, no mean/std. */
    public static Preprocessing symmetric(int resizeShortSide, int cropSize, int frames) {
        return new Preprocessing(Scaling.SYMMETRIC, new float[]{0, 0, 0}, new float[]{1, 1, 1}, resizeShortSide, cropSize, frames);
    }

    /** Maps one 8-bit channel value (0..255) of channel c to the network's input value. */
    public float normalize(int value8bit, int c) {
        return switch (scaling) {
            case UNIT -> (value8bit / 255f - mean[c]) / std[c];
            case SYMMETRIC -> value8bit * (2f / 255f) - 1f;
        };
    }

    @Override public float[] mean() { return mean.clone(); }
    @Override public float[] std() { return std.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && scaling == p.scaling && Arrays.equals(mean, p.mean)
                && Arrays.equals(std, p.std) && resizeShortSide == p.resizeShortSide && cropSize == p.cropSize
                && frames == p.frames;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[]{scaling, Arrays.hashCode(mean), Arrays.hashCode(std), resizeShortSide, cropSize, frames});
    }
}
