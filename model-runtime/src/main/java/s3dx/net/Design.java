package s3dx.net;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A point in the design space: a mode and gate flag for each of the 11 toggleable blocks, plus the
 * knobs every preset shares. Immutable; every change makes a new design (which is what undo keeps).
 */
public record Design(Map<Block, BlockSetting> blocks, int firstTemporalKernel, double widthMultiplier,
                     int frames, int height, int width, int classes) {

    public static final Set<Integer> TEMPORAL_KERNELS = Set.of(1, 3, 5, 7);
    public static final int DEFAULT_FRAMES = 64, DEFAULT_SIZE = 224, DEFAULT_CLASSES = 400;
    /** Limits that keep every count exact in a long and every tensor size in an int (the designer's spinners stop here too). */
    public static final int MAX_FRAMES = 4096, MAX_SIZE = 4096, MAX_CLASSES = 1_000_000;
    public static final double MAX_WIDTH_MULTIPLIER = 16;

    public Design {
        EnumMap<Block, BlockSetting> copy = new EnumMap<>(Block.class);
        copy.putAll(blocks);
        for (Block b : copy.keySet()) {
            if (!b.isToggleable()) throw new DesignException(b.name(), "is not a toggleable block; toggleable blocks are " + Block.TOGGLEABLE);
        }
        for (Block b : Block.TOGGLEABLE) {
            if (!copy.containsKey(b)) throw new DesignException(b.name(), "missing: every toggleable block needs a mode");
        }
        if (copy.get(Block.Conv2d_1a_7x7).gated()) {
            throw new DesignException(Block.Conv2d_1a_7x7.name(), "cannot be gated (gating starts at Conv2d_2c_3x3)");
        }
        if (!TEMPORAL_KERNELS.contains(firstTemporalKernel)) {
            throw new DesignException("firstTemporalKernel", "must be 1, 3, 5 or 7, got " + firstTemporalKernel);
        }
        if (!(widthMultiplier > 0) || !(widthMultiplier <= MAX_WIDTH_MULTIPLIER)) {
            throw new DesignException("widthMultiplier", "must be a number > 0 and at most " + (int) MAX_WIDTH_MULTIPLIER + ", got " + widthMultiplier);
        }
        requireIn("classes", classes, MAX_CLASSES);
        requireIn("frames", frames, MAX_FRAMES);
        requireIn("height", height, MAX_SIZE);
        requireIn("width", width, MAX_SIZE);
        blocks = Collections.unmodifiableMap(copy);
    }

    private static void requireIn(String field, int value, int max) {
        if (value < 1 || value > max) throw new DesignException(field, "must be between 1 and " + max + ", got " + value);
    }

    public BlockSetting setting(Block b) {
        BlockSetting s = blocks.get(b);
        if (s == null) throw new DesignException(b.name(), "is not a toggleable block");
        return s;
    }

    public Design with(Block b, BlockSetting s) {
        EnumMap<Block, BlockSetting> m = new EnumMap<>(blocks);
        m.put(b, s);
        return new Design(m, firstTemporalKernel, widthMultiplier, frames, height, width, classes);
    }

    public Design withMode(Block b, ConvMode mode) {
        return with(b, setting(b).withMode(mode));
    }

    public Design withGated(Block b, boolean gated) {
        return with(b, setting(b).withGated(gated));
    }

    /** Gates every gateable block, or none. */
    public Design withAllGated(boolean gated) {
        EnumMap<Block, BlockSetting> m = new EnumMap<>(blocks);
        for (Block b : Block.TOGGLEABLE) {
            if (b.isGateable()) m.put(b, m.get(b).withGated(gated));
        }
        return new Design(m, firstTemporalKernel, widthMultiplier, frames, height, width, classes);
    }

    public Design withClip(int frames, int height, int width) {
        return new Design(blocks, firstTemporalKernel, widthMultiplier, frames, height, width, classes);
    }

    public Design withClasses(int classes) {
        return new Design(blocks, firstTemporalKernel, widthMultiplier, frames, height, width, classes);
    }

    public Design withWidthMultiplier(double m) {
        return new Design(blocks, firstTemporalKernel, m, frames, height, width, classes);
    }

    public Design withFirstTemporalKernel(int kt) {
        return new Design(blocks, kt, widthMultiplier, frames, height, width, classes);
    }

    /** A channel count at this design's width: max(8, floor(c * m)). */
    public int channels(int c) {
        return Math.max(8, (int) Math.floor(c * widthMultiplier));
    }
}
