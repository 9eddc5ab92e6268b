package s3dx.net;

import java.util.ArrayList;
import java.util.List;

/** Lays out the Inception-v1 backbone for a design, exactly as SPEC-network.md describes it. */
final class NetworkBuilder {
    private static final int[] ONE = {1, 1, 1};
    private static final int[] ZERO = {0, 0, 0};

    private final Design design;
    private final List<Network.BlockNode> blocks = new ArrayList<>();

    private NetworkBuilder(Design design) {
        this.design = design;
    }

    static Network build(Design design) {
        try {
            return layOut(design);
        } catch (ClipTooSmallException e) {
            int least = smallestValid(design, e.field());
            throw least < 0 ? e : e.withMinimum(least);
        }
    }

    /** The smallest frames/height/width that reaches the head with everything else unchanged, or -1. */
    private static int smallestValid(Design d, String field) {
        for (int v = 1; v <= 4096; v++) {
            Design trial = switch (field) {
                case "frames" -> d.withClip(v, d.height(), d.width());
                case "height" -> d.withClip(d.frames(), v, d.width());
                case "width" -> d.withClip(d.frames(), d.height(), v);
                default -> null;
            };
            if (trial == null) return -1;
            try {
                layOut(trial);
                return v;
            } catch (ClipTooSmallException tooSmall) {
                // keep growing
            }
        }
        return -1;
    }

    private static Network layOut(Design design) {
        Shape input = new Shape(3, design.frames(), design.height(), design.width());
        NetworkBuilder nb = new NetworkBuilder(design);
        Shape x = input;
        x = nb.toggleableBlock(Block.Conv2d_1a_7x7, x, design.channels(64), 7, design.firstTemporalKernel(), 2, 2);
        x = nb.pool(Block.MaxPool_2a_3x3, x, new int[]{1, 3, 3}, new int[]{1, 2, 2}, new int[]{0, 1, 1});
        x = nb.plainBlock(Block.Conv2d_2b_1x1, nb.unit(Block.Conv2d_2b_1x1.name(), Block.Conv2d_2b_1x1, x, design.channels(64), ONE, ONE, ZERO));
        x = nb.toggleableBlock(Block.Conv2d_2c_3x3, x, design.channels(192), 3, 3, 1, 1);
        x = nb.pool(Block.MaxPool_3a_3x3, x, new int[]{1, 3, 3}, new int[]{1, 2, 2}, new int[]{0, 1, 1});
        x = nb.mixed(Block.Mixed_3b, x);
        x = nb.mixed(Block.Mixed_3c, x);
        x = nb.pool(Block.MaxPool_4a_3x3, x, new int[]{3, 3, 3}, new int[]{2, 2, 2}, new int[]{1, 1, 1});
        for (Block b : List.of(Block.Mixed_4b, Block.Mixed_4c, Block.Mixed_4d, Block.Mixed_4e, Block.Mixed_4f)) x = nb.mixed(b, x);
        x = nb.pool(Block.MaxPool_5a_2x2, x, new int[]{2, 2, 2}, new int[]{2, 2, 2}, ZERO);
        x = nb.mixed(Block.Mixed_5b, x);
        x = nb.mixed(Block.Mixed_5c, x);
        nb.head(x);
        return new Network(design, input, List.copyOf(nb.blocks));
    }

    private Shape plainBlock(Block b, List<Layer> layers) {
        BlockSetting s = b.isToggleable() ? design.setting(b) : null;
        blocks.add(new Network.BlockNode(b, s, List.of(List.copyOf(layers)), null));
        return layers.get(layers.size() - 1).output();
    }

    private Shape toggleableBlock(Block b, Shape x, int cout, int k, int kt, int st, int s) {
        List<Layer> layers = new ArrayList<>(toggleableConv(b.name(), b, design.setting(b).mode(), x, cout, k, kt, st, s));
        if (design.setting(b).gated()) layers.add(gate(b.name(), b, layers));
        return plainBlock(b, layers);
    }

    private Shape pool(Block b, Shape x, int[] k, int[] st, int[] pad) {
        return plainBlock(b, maxPool(b.name(), b, x, k, st, pad));
    }

    private Shape mixed(Block b, Shape x) {
        int[] w = b.branchWidths();
        BlockSetting setting = design.setting(b);
        ConvMode mode = setting.mode();
        List<List<Layer>> branches = new ArrayList<>();
        String s = b.name() + "/Branch_";
        branches.add(new ArrayList<>(unit(s + "0/Conv2d_0a_1x1", b, x, design.channels(w[0]), ONE, ONE, ZERO)));
        for (int i = 1; i <= 2; i++) {
            List<Layer> br = new ArrayList<>(unit(s + i + "/Conv2d_0a_1x1", b, x, design.channels(w[2 * i - 1]), ONE, ONE, ZERO));
            br.addAll(toggleableConv(s + i + "/Conv2d_0b_3x3", b, mode, last(br), design.channels(w[2 * i]), 3, 3, 1, 1));
            branches.add(br);
        }
        int q = mode == ConvMode.TWO_D ? 1 : 3;
        List<Layer> b3 = new ArrayList<>(maxPool(s + "3/MaxPool_0a_3x3", b, x, new int[]{q, 3, 3}, ONE, new int[]{q / 2, 1, 1}));
        b3.addAll(unit(s + "3/Conv2d_0b_1x1", b, last(b3), design.channels(w[5]), ONE, ONE, ZERO));
        branches.add(b3);
        int channels = 0;
        for (int i = 0; i < 4; i++) {
            List<Layer> br = branches.get(i);
            if (setting.gated()) br.add(gate(s + i, b, br));
            branches.set(i, List.copyOf(br));
            channels += last(br).c();
        }
        Shape first = last(branches.get(0));
        blocks.add(new Network.BlockNode(b, setting, List.copyOf(branches),
                new Layer.Concat(b.name() + "/concat", b, first, first.withChannels(channels))));
        return first.withChannels(channels);
    }

    private void head(Shape x) {
        int[] k = {Math.min(2, x.t()), x.h(), x.w()};
        Shape pooled = x.after(x.c(), k, ONE, ZERO);
        Shape scores = pooled.withChannels(design.classes());
        plainBlock(Block.Logits, List.of(new Layer.Logits(Layer.Logits.NAME, Block.Logits, x, k, pooled, scores)));
    }

    /** The spec's toggleable conv in one of its three forms. */
    private List<Layer> toggleableConv(String scope, Block b, ConvMode mode, Shape x, int cout, int k, int kt, int st, int s) {
        int p = k / 2;
        return switch (mode) {
            case TWO_D -> unit(scope, b, x, cout, new int[]{1, k, k}, new int[]{st, s, s}, new int[]{0, p, p});
            case THREE_D -> unit(scope, b, x, cout, new int[]{kt, k, k}, new int[]{st, s, s}, new int[]{kt / 2, p, p});
            case SEP3D -> {
                List<Layer> spatial = unit(scope + "/spatial", b, x, cout, new int[]{1, k, k}, new int[]{1, s, s}, new int[]{0, p, p});
                List<Layer> both = new ArrayList<>(spatial);
                both.addAll(unit(scope + "/temporal", b, last(spatial), cout, new int[]{kt, 1, 1}, new int[]{st, 1, 1}, new int[]{kt / 2, 0, 0}));
                yield both;
            }
        };
    }

    private List<Layer> unit(String name, Block b, Shape x, int cout, int[] k, int[] st, int[] pad) {
        return List.of(new Layer.ConvUnit(name, b, x, checked(name, x.after(cout, k, st, pad)), k, st, pad));
    }

    private List<Layer> maxPool(String name, Block b, Shape x, int[] k, int[] st, int[] pad) {
        return List.of(new Layer.MaxPool(name, b, x, checked(name, x.after(x.c(), k, st, pad)), k, st, pad));
    }

    private static Layer.Gate gate(String scope, Block b, List<Layer> before) {
        return new Layer.Gate(scope, b, last(before));
    }

    private static Shape last(List<Layer> layers) {
        return layers.get(layers.size() - 1).output();
    }

    /** A clip too small for the pools fails here, naming the clip dimension and the first layer it empties. */
    private Shape checked(String layer, Shape out) {
        if (out.t() < 1) throw new ClipTooSmallException("frames", design.frames(), layer, out.t(), -1);
        if (out.h() < 1) throw new ClipTooSmallException("height", design.height(), layer, out.h(), -1);
        if (out.w() < 1) throw new ClipTooSmallException("width", design.width(), layer, out.w(), -1);
        return out;
    }
}
