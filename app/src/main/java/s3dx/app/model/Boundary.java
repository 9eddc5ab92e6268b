package s3dx.app.model;

import java.util.List;
import java.util.Optional;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Preset;

/**
 * The 2D|3D split of a Bottom-Heavy or Top-Heavy design, as a gap in the list of toggleable blocks:
 * gap g lies between {@code TOGGLEABLE[g-1]} and {@code TOGGLEABLE[g]} (1 <= g <= 10).
 */
public record Boundary(Preset kind, int gap) {
    private static final List<Block> T = Block.TOGGLEABLE;
    public static final int FIRST_GAP = 1, LAST_GAP = T.size() - 1;

    /** The boundary of a design that is 3D then 2D (bottom-heavy) or 2D then 3D (top-heavy), split once. */
    public static Optional<Boundary> of(Design d) {
        int gap = -1;
        for (int i = 0; i < T.size(); i++) {
            ConvMode m = d.setting(T.get(i)).mode();
            if (m == ConvMode.SEP3D) return Optional.empty();
            if (i > 0 && m != d.setting(T.get(i - 1)).mode()) {
                if (gap >= 0) return Optional.empty();
                gap = i;
            }
        }
        if (gap < 0) return Optional.empty();
        boolean bottom = d.setting(T.get(0)).mode() == ConvMode.THREE_D;
        return Optional.of(new Boundary(bottom ? Preset.BOTTOM_HEAVY_I3D : Preset.TOP_HEAVY_I3D, gap));
    }

    /** The preset's boundary block: the last 3D block (bottom-heavy) or the first 3D block (top-heavy). */
    public Block block() {
        return kind == Preset.BOTTOM_HEAVY_I3D ? T.get(gap - 1) : T.get(gap);
    }

    /** The design with this kind of split moved to {@code newGap} (clamped so both sides keep a block); gates stay. */
    public Design moveTo(Design d, int newGap) {
        int g = Math.max(FIRST_GAP, Math.min(LAST_GAP, newGap));
        ConvMode below = kind == Preset.BOTTOM_HEAVY_I3D ? ConvMode.THREE_D : ConvMode.TWO_D;
        ConvMode above = below == ConvMode.THREE_D ? ConvMode.TWO_D : ConvMode.THREE_D;
        Design out = d;
        for (int i = 0; i < T.size(); i++) out = out.withMode(T.get(i), i < g ? below : above);
        return out;
    }

    /** Index of a block in the toggleable list, or -1. */
    public static int indexOf(Block b) {
        return T.indexOf(b);
    }
}
