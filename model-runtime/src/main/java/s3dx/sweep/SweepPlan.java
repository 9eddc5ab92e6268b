package s3dx.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Design;
import s3dx.net.Preset;

/**
 * The runs of a sweep, in the order they train: for each design list, for each seed, every design of the list.
 * A design is given as {@code s3dx train} arguments (preset, boundary, per-block changes), so every run's
 * command reproduces it on its own.
 */
public final class SweepPlan {
    /**
     * One design of a list. {@code family} names the curve a design belongs to (the heavy variants'
     * {@code bottom-heavy-i3d}, {@code bottom-heavy-s3d}, {@code top-heavy-i3d}, {@code top-heavy-s3d}; a preset's
     * own id otherwise) and {@code boundary} its 2D|3D boundary block (null for presets without one).
     */
    public record DesignEntry(String id, String label, String family, Block boundary, Design design, List<String> args) {
        public DesignEntry {
            args = List.copyOf(args);
        }

        /** Whether {@code d} has this entry's blocks (at any clip size, width and class count). */
        public boolean matches(Design d) {
            return design.blocks().equals(d.blocks()) && design.firstTemporalKernel() == d.firstTemporalKernel();
        }
    }

    /** One run: a design and a seed; its id names its files. */
    public record Run(DesignEntry design, long seed) {
        public String id() {
            return design.id() + "_s" + seed;
        }
    }

    /** The families of the paper's Figure 4: 3D below or above a boundary, with full or separable 3D. */
    public static final List<String> CURVES = List.of("bottom-heavy-i3d", "top-heavy-i3d", "bottom-heavy-s3d", "top-heavy-s3d");

    /** The design lists {@code s3dx sweep --designs} knows, by name. */
    public static final Map<String, List<DesignEntry>> LISTS = new LinkedHashMap<>();

    static {
        LISTS.put("presets", presets());
        LISTS.put("figure4", figure4());
    }

    private SweepPlan() {}

    /** The design of any list with this id. */
    public static Optional<DesignEntry> entry(String id) {
        return LISTS.values().stream().flatMap(List::stream).filter(e -> e.id().equals(id)).findFirst();
    }

    /** The label of the design of any list with these blocks (a Figure-4 curve's "Top-Heavy-S3D (boundary Mixed_4c)"). */
    public static Optional<String> label(Design d) {
        return LISTS.values().stream().flatMap(List::stream).filter(e -> e.matches(d)).map(DesignEntry::label).findFirst();
    }

    /** Runs for each list (in the order given), each seed, each design (only those in {@code only}, unless it is empty). */
    public static List<Run> runs(List<String> lists, List<Long> seeds, List<String> only) {
        List<Run> out = new ArrayList<>();
        for (String name : lists) {
            List<DesignEntry> list = LISTS.get(name.toLowerCase(Locale.ROOT));
            if (list == null) throw new IllegalArgumentException("no design list '" + name + "'; choose from " + LISTS.keySet());
            for (long seed : seeds) for (DesignEntry d : list) if (only.isEmpty() || only.contains(d.id())) out.add(new Run(d, seed));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no design of " + lists + " is named " + only);
        return out;
    }

    /**
     * The paper's seven variants at their default boundaries, S3D-G and I2D first (the paper's main contrast),
     * then the pairs its findings compare (S3D and I3D, Fast-S3D, Top- and Bottom-Heavy-I3D).
     */
    static List<DesignEntry> presets() {
        List<DesignEntry> out = new ArrayList<>();
        for (Preset p : List.of(Preset.S3D_G, Preset.I2D, Preset.S3D, Preset.I3D, Preset.FAST_S3D, Preset.TOP_HEAVY_I3D, Preset.BOTTOM_HEAVY_I3D)) {
            Block b = p.hasBoundary() ? p.defaultBoundary() : p == Preset.FAST_S3D ? Block.Mixed_4b : null;
            String family = p == Preset.FAST_S3D ? "top-heavy-s3d" : p.id();
            out.add(new DesignEntry(p.id(), p.displayName(), family, b, p.design(), List.of("--preset", p.id())));
        }
        return out;
    }

    /**
     * The paper's Figure 4: Bottom-Heavy (3D up to the boundary, 2D above) with the boundary at every toggleable
     * block but the last, Top-Heavy (2D below, 3D from the boundary up) at every one but the first (those ends
     * are I3D), each with full 3D and with separable 3D. Designs that equal a preset are left to the presets list.
     */
    static List<DesignEntry> figure4() {
        List<Design> presetDesigns = new ArrayList<>();
        for (Preset p : Preset.values()) presetDesigns.add(p.design());
        List<DesignEntry> out = new ArrayList<>();
        List<Block> blocks = Block.TOGGLEABLE;
        for (Preset heavy : List.of(Preset.BOTTOM_HEAVY_I3D, Preset.TOP_HEAVY_I3D)) {
            boolean bottom = heavy == Preset.BOTTOM_HEAVY_I3D;
            for (boolean separable : new boolean[]{false, true}) {
                String family = (bottom ? "bottom-heavy-" : "top-heavy-") + (separable ? "s3d" : "i3d");
                for (int i = bottom ? 0 : 1; i < (bottom ? blocks.size() - 1 : blocks.size()); i++) {
                    Block boundary = blocks.get(i);
                    Design d = heavy.design(boundary);
                    List<String> args = new ArrayList<>(List.of("--preset", heavy.id(), "--boundary", boundary.name()));
                    if (separable) {
                        for (Block b : blocks) {
                            if (d.setting(b).mode() == ConvMode.THREE_D) {
                                d = d.withMode(b, ConvMode.SEP3D);
                                args.addAll(List.of("--set", b.name() + "=sep3d"));
                            }
                        }
                    }
                    if (presetDesigns.contains(d)) continue;
                    String label = (bottom ? "Bottom-Heavy-" : "Top-Heavy-") + (separable ? "S3D" : "I3D") + " (boundary " + boundary.name() + ")";
                    out.add(new DesignEntry(family + "-" + boundary.name().toLowerCase(Locale.ROOT), label, family, boundary, d, args));
                }
            }
        }
        return out;
    }
}
