package s3dx.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The network a design describes: its blocks in order, each a list of branches (one for plain
 * blocks, four for Mixed blocks, which end in a concat). Built by {@link NetworkBuilder}.
 */
public record Network(Design design, Shape input, List<BlockNode> blocks) {

    /**
     * One block of the backbone. {@code setting} is null for blocks that are not toggleable;
     * {@code concat} is null unless the block has several branches.
     */
    public record BlockNode(Block block, BlockSetting setting, List<List<Layer>> branches, Layer.Concat concat) {
        public Shape output() {
            if (concat != null) return concat.output();
            List<Layer> only = branches.get(0);
            return only.get(only.size() - 1).output();
        }

        public List<Layer> layers() {
            List<Layer> all = new ArrayList<>();
            branches.forEach(all::addAll);
            if (concat != null) all.add(concat);
            return all;
        }
    }

    public static Network of(Design design) {
        return NetworkBuilder.build(design);
    }

    public List<Layer> layers() {
        List<Layer> all = new ArrayList<>();
        for (BlockNode b : blocks) all.addAll(b.layers());
        return all;
    }

    /** Every parameter and buffer tensor in network order. */
    public List<TensorSpec> tensors() {
        List<TensorSpec> all = new ArrayList<>();
        for (Layer l : layers()) all.addAll(l.tensors());
        return all;
    }

    public List<Layer.Gate> gates() {
        return layers().stream().filter(l -> l instanceof Layer.Gate).map(l -> (Layer.Gate) l).toList();
    }

    public BlockNode block(Block b) {
        return blocks.stream().filter(n -> n.block() == b).findFirst().orElseThrow();
    }

    public Layer.Logits head() {
        return (Layer.Logits) blocks.get(blocks.size() - 1).branches().get(0).get(0);
    }
}
