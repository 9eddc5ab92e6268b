package s3dx.net;

import java.util.EnumMap;
import java.util.Locale;
import java.util.function.Function;

/**
 * The paper's variants as data over one design: each preset says which mode a block gets and
 * whether it is gated. The heavy variants take a boundary block (2D|3D split).
 */
public enum Preset {
    I2D("I2D", "all 2D: no temporal convolution until the head averages over time", null),
    I3D("I3D", "all full 3D convolutions (Carreira & Zisserman)", new PaperFigures(12.06, 107.89, 71.1)),
    BOTTOM_HEAVY_I3D("Bottom-Heavy-I3D", "3D in the lower blocks up to the boundary, 2D above", null),
    TOP_HEAVY_I3D("Top-Heavy-I3D", "2D in the lower blocks, 3D from the boundary up", null),
    S3D("S3D", "every 3D conv separated into 1xkxk spatial then kx1x1 temporal", new PaperFigures(8.77, 66.38, 72.2)),
    FAST_S3D("Fast-S3D", "2D below Mixed_4b, separable 3D from Mixed_4b up", null),
    S3D_G("S3D-G", "S3D with feature gating on Conv2d_2c_3x3 and every Mixed block", new PaperFigures(11.56, 71.38, 74.7));

    /** Figures as published in the paper (conventions not stated there); shown as reported, never as computed. */
    public record PaperFigures(double paramsMillions, double gflops, double kineticsTop1) {}

    public static final Block DEFAULT_BOTTOM_HEAVY_BOUNDARY = Block.Mixed_3c;
    public static final Block DEFAULT_TOP_HEAVY_BOUNDARY = Block.Mixed_4b;

    private final String displayName;
    private final String summary;
    private final PaperFigures reported;

    Preset(String displayName, String summary, PaperFigures reported) {
        this.displayName = displayName;
        this.summary = summary;
        this.reported = reported;
    }

    public String displayName() {
        return displayName;
    }

    /** Command-line id, e.g. {@code s3d-g}, {@code top-heavy-i3d}. */
    public String id() {
        return displayName.toLowerCase(Locale.ROOT);
    }

    public String summary() {
        return summary;
    }

    /** The paper's published numbers, or null where the paper gives none. */
    public PaperFigures reported() {
        return reported;
    }

    public boolean hasBoundary() {
        return this == BOTTOM_HEAVY_I3D || this == TOP_HEAVY_I3D;
    }

    public Block defaultBoundary() {
        return this == BOTTOM_HEAVY_I3D ? DEFAULT_BOTTOM_HEAVY_BOUNDARY : DEFAULT_TOP_HEAVY_BOUNDARY;
    }

    /** The preset at the spec's defaults: 64x224x224, 400 classes, width 1.0, first temporal kernel 7. */
    public Design design() {
        return design(hasBoundary() ? defaultBoundary() : null);
    }

    /** The preset with its 2D|3D boundary at {@code boundary} (ignored by presets without one). */
    public Design design(Block boundary) {
        if (hasBoundary() && (boundary == null || !boundary.isToggleable())) {
            throw new DesignException("boundary", "must be a toggleable block, got " + boundary);
        }
        Function<Block, ConvMode> mode = switch (this) {
            case I2D -> b -> ConvMode.TWO_D;
            case I3D -> b -> ConvMode.THREE_D;
            case BOTTOM_HEAVY_I3D -> b -> b.ordinal() <= boundary.ordinal() ? ConvMode.THREE_D : ConvMode.TWO_D;
            case TOP_HEAVY_I3D -> b -> b.ordinal() >= boundary.ordinal() ? ConvMode.THREE_D : ConvMode.TWO_D;
            case S3D, S3D_G -> b -> ConvMode.SEP3D;
            case FAST_S3D -> b -> b.ordinal() >= Block.Mixed_4b.ordinal() ? ConvMode.SEP3D : ConvMode.TWO_D;
        };
        EnumMap<Block, BlockSetting> blocks = new EnumMap<>(Block.class);
        for (Block b : Block.TOGGLEABLE) {
            blocks.put(b, new BlockSetting(mode.apply(b), this == S3D_G && b.isGateable()));
        }
        return new Design(blocks, 7, 1.0, Design.DEFAULT_FRAMES, Design.DEFAULT_SIZE, Design.DEFAULT_SIZE, Design.DEFAULT_CLASSES);
    }

    /** Accepts the id, the display name, or the enum name, ignoring case. */
    public static Preset fromId(String text) {
        for (Preset p : values()) {
            if (p.id().equalsIgnoreCase(text) || p.name().equalsIgnoreCase(text) || p.displayName.equalsIgnoreCase(text)) return p;
        }
        StringBuilder ids = new StringBuilder();
        for (Preset p : values()) ids.append(ids.length() == 0 ? "" : ", ").append(p.id());
        throw new DesignException("preset", "unknown preset '" + text + "'; choose one of " + ids);
    }
}
