package s3dx.net;

import java.util.Arrays;
import java.util.List;

/**
 * The blocks of the Inception-v1 backbone in network order, named as in the paper's official code.
 * Mixed blocks carry their branch widths: b0, b1 reduce -> b1 out, b2 reduce -> b2 out, b3.
 */
public enum Block {
    Conv2d_1a_7x7(Kind.TOGGLEABLE_CONV),
    MaxPool_2a_3x3(Kind.POOL),
    Conv2d_2b_1x1(Kind.CONV),
    Conv2d_2c_3x3(Kind.TOGGLEABLE_CONV),
    MaxPool_3a_3x3(Kind.POOL),
    Mixed_3b(64, 96, 128, 16, 32, 32),
    Mixed_3c(128, 128, 192, 32, 96, 64),
    MaxPool_4a_3x3(Kind.POOL),
    Mixed_4b(192, 96, 208, 16, 48, 64),
    Mixed_4c(160, 112, 224, 24, 64, 64),
    Mixed_4d(128, 128, 256, 24, 64, 64),
    Mixed_4e(112, 144, 288, 32, 64, 64),
    Mixed_4f(256, 160, 320, 32, 128, 128),
    MaxPool_5a_2x2(Kind.POOL),
    Mixed_5b(256, 160, 320, 32, 128, 128),
    Mixed_5c(384, 192, 384, 48, 128, 128),
    Logits(Kind.HEAD);

    public enum Kind { TOGGLEABLE_CONV, CONV, POOL, MIXED, HEAD }

    /** The 11 blocks a design sets a mode for, in network order. */
    public static final List<Block> TOGGLEABLE = Arrays.stream(values()).filter(Block::isToggleable).toList();

    private final Kind kind;
    private final int[] branchWidths;

    Block(Kind kind) {
        this.kind = kind;
        this.branchWidths = new int[0];
    }

    Block(int... branchWidths) {
        this.kind = Kind.MIXED;
        this.branchWidths = branchWidths;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isToggleable() {
        return kind == Kind.TOGGLEABLE_CONV || kind == Kind.MIXED;
    }

    /** Every toggleable block but the first conv may be gated. */
    public boolean isGateable() {
        return isToggleable() && this != Conv2d_1a_7x7;
    }

    /** Branch widths at width 1.0: {b0, b1 reduce, b1 out, b2 reduce, b2 out, b3}; empty unless MIXED. */
    public int[] branchWidths() {
        return branchWidths.clone();
    }

    /** Looks up a block by its canonical name, with an error that lists the valid ones. */
    public static Block named(String name) {
        for (Block b : values()) {
            if (b.name().equals(name)) return b;
        }
        throw new DesignException("block", "unknown block '" + name + "'; toggleable blocks are " + TOGGLEABLE);
    }
}
