package s3dx.net;

import java.util.Collections;
import java.util.Optional;

/**
 * Which preset a design is: the one place that recognises a preset. A design is a preset when its blocks (mode and
 * gate of each) and first temporal kernel are the preset's, a heavy preset at any boundary; clip size, width and
 * class count are free.
 */
public record PresetMatch(Preset preset, Block boundary) {

    /** The preset the design is, if any. */
    public static Optional<PresetMatch> of(Design d) {
        for (Preset p : Preset.values()) {
            for (Block b : p.hasBoundary() ? Block.TOGGLEABLE : Collections.<Block>singletonList(null)) {
                if (sameArchitecture(p.design(b), d)) return Optional.of(new PresetMatch(p, b));
            }
        }
        return Optional.empty();
    }

    /** Whether two designs have the same blocks and first temporal kernel (weights of one fit the other at another size). */
    public static boolean sameArchitecture(Design a, Design b) {
        return a.blocks().equals(b.blocks()) && a.firstTemporalKernel() == b.firstTemporalKernel();
    }

    /** A heavy preset whose boundary is not the preset's default. */
    public boolean nonDefaultBoundary() {
        return preset.hasBoundary() && boundary != preset.defaultBoundary();
    }
}
