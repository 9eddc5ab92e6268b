package s3dx.app.export;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.onnx.OnnxModelFile;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightSet;

/**
 * The design as a self-describing ONNX model with seeded initial weights (seed 0), like
 * {@code s3dx export --design ...} without {@code --weights}: ready to train or to inspect in Netron.
 */
public final class OnnxExporter implements ModelExporter {
    public static final long SEED = 0;

    @Override
    public String name() {
        return t("export.onnx.name");
    }

    @Override
    public String extension() {
        return "onnx";
    }

    @Override
    public void export(Design design, Path target, Progress progress) throws Exception {
        progress.update(0.05, "Laying out the network…");
        Network net = Network.of(design);
        check(progress);
        progress.update(0.15, "Initialising weights (seed " + SEED + ")…");
        WeightSet weights = WeightInit.seeded(net, SEED);
        check(progress);
        progress.update(0.55, "Building the ONNX graph…");
        var model = OnnxModelBuilder.build(net, weights, ModelInfo.defaults(design));
        check(progress);
        progress.update(0.8, "Writing " + target.getFileName() + "…");
        OnnxModelFile.write(model, target);
        if (progress.isCancelled()) {
            Files.deleteIfExists(target);
            throw new CancellationException("cancelled");
        }
        progress.update(1, "Wrote " + target.getFileName());
    }

    private static void check(Progress p) {
        if (p.isCancelled()) throw new CancellationException("cancelled");
    }
}
