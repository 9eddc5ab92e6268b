package s3dx.infer;

import java.util.List;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.weights.WeightInit;

/**
 * A model of any design with seeded random weights, as ONNX bytes: it runs and has the right outputs, but its
 * predictions mean nothing. For trying a design before it is trained, and for tests.
 */
public final class UntrainedModel {
    public static final String BANNER = "untrained weights: predictions are meaningless";

    private UntrainedModel() {
    }

    public static byte[] onnx(Design design, List<String> labels, long seed) {
        ModelInfo info = ModelInfo.defaults(design).withLabels(labels).withDescription(BANNER);
        return OnnxModelBuilder.build(Network.of(design), WeightInit.seeded(Network.of(design), seed), info).toByteArray();
    }
}
