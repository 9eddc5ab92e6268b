package s3dx.cost;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Layer;
import s3dx.net.Network;

/**
 * What a network costs for one clip, per layer, per block and in total. MACs are multiply-accumulates;
 * FLOPs are 2 x MACs. Activation bytes are the float32 outputs of every layer.
 */
public record CostReport(Network network, List<LayerCost> layers, Map<Block, Totals> blocks, Totals total) {

    public record LayerCost(String name, Block block, long[] outputDims, long params, long macs, long activationBytes) {
        public long flops() {
            return 2 * macs;
        }
    }

    public record Totals(long params, long macs, long activationBytes) {
        public long flops() {
            return 2 * macs;
        }

        Totals plus(LayerCost l) {
            return new Totals(params + l.params(), macs + l.macs(), activationBytes + l.activationBytes());
        }
    }

    private static final Totals ZERO = new Totals(0, 0, 0);

    public static CostReport of(Design design) {
        return of(Network.of(design));
    }

    public static CostReport of(Network network) {
        List<LayerCost> layers = new ArrayList<>();
        Map<Block, Totals> blocks = new EnumMap<>(Block.class);
        Totals total = ZERO;
        for (Layer l : network.layers()) {
            LayerCost c = new LayerCost(l.name(), l.block(), l.outputDims(), l.params(), l.macs(), l.activationBytes());
            layers.add(c);
            blocks.compute(l.block(), (b, t) -> (t == null ? ZERO : t).plus(c));
            total = total.plus(c);
        }
        return new CostReport(network, List.copyOf(layers), blocks, total);
    }

    public long params() {
        return total.params();
    }

    public long macs() {
        return total.macs();
    }

    public long flops() {
        return total.flops();
    }

    public long activationBytes() {
        return total.activationBytes();
    }
}
