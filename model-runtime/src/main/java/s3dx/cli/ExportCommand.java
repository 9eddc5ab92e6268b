package s3dx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import onnx.Onnx.ModelProto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import s3dx.cost.CostReport;
import s3dx.files.UserFiles;
import s3dx.net.Design;
import s3dx.net.Network;
import s3dx.onnx.ModelInfo;
import s3dx.onnx.OnnxModelBuilder;
import s3dx.onnx.OnnxModelFile;
import s3dx.weights.SafeTensors;
import s3dx.weights.WeightInit;
import s3dx.weights.WeightMismatchException;
import s3dx.weights.WeightSet;

@Command(name = "export", description = {
        "Export a design as an ONNX model: input video [N,3,T,H,W]; outputs logits, probs, gate/<scope> and energy/<block>.",
        "Weights come from --weights (safetensors, the spec's tensor names) or are drawn from --seed."})
public class ExportCommand implements Callable<Integer> {
    @Mixin
    DesignOptions design;

    @Option(names = "--weights", paramLabel = "FILE.safetensors", description = "weights to export (default: seeded initialisation)")
    Path weights;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the initial weights when no --weights is given (default 0)")
    Long seed;

    @Option(names = "--labels", paramLabel = "FILE", description = "class labels, one per line (default: class 0, class 1, ...)")
    Path labels;

    @Option(names = "--description", paramLabel = "TEXT", description = "free text stored in the model's doc string")
    String description;

    @Option(names = "--out", paramLabel = "model.onnx", required = true, description = "the ONNX file to write")
    Path out;

    /** Protocol buffers, and so ONNX files, hold at most 2 GiB. */
    static final long MAX_PARAMS = (Integer.MAX_VALUE - (1 << 20)) / Float.BYTES;

    @Override
    public Integer call() throws Exception {
        if (weights != null && seed != null) throw new Main.UserError("give --weights or --seed, not both");
        UserFiles.checkOutput(out, weights, labels, design.designFile());
        Design d = design.resolve();
        Network net = Network.of(d);
        long params = CostReport.of(net).params();
        if (params > MAX_PARAMS) {
            throw new Main.UserError("the design has " + params + " parameters; an ONNX model holds at most " + MAX_PARAMS
                    + " (2 GiB of float32): lower --width, --classes or the clip size");
        }
        long s = seed == null ? 0 : seed;
        WeightSet w = weights != null ? loadWeights(net) : WeightInit.seeded(net, s);
        ModelInfo info = ModelInfo.defaults(d).withDescription(description);
        if (labels != null) info = info.withLabels(readLabels(d.classes()));
        ModelProto model = OnnxModelBuilder.build(net, w, info);
        OnnxModelFile.write(model, out);
        System.out.printf(Locale.ROOT, "wrote %s: %dx%dx%d clip, %d classes, %,d params, %d gates, %d energy maps, %.1f MB (ONNX IR %d, opset %d, %s)%n",
                out, d.frames(), d.height(), d.width(), d.classes(), CostReport.of(net).params(), net.gates().size(),
                net.blocks().stream().filter(b -> b.block().isToggleable()).count(), Files.size(out) / 1e6,
                OnnxModelBuilder.IR_VERSION, OnnxModelBuilder.OPSET, weights != null ? "weights from " + weights : "seed " + s);
        return 0;
    }

    private WeightSet loadWeights(Network net) throws IOException {
        try {
            return SafeTensors.read(weights).weights().requireFits(net);
        } catch (WeightMismatchException e) {
            throw new Main.UserError(weights + ": " + e.getMessage());
        }
    }

    private List<String> readLabels(int classes) {
        List<String> l;
        try {
            UserFiles.checkInput(labels, 16L << 20);
            l = Files.readAllLines(labels, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (UserFiles.FileProblem e) {
            throw new Main.UserError(e.getMessage());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Main.UserError(labels + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new Main.UserError(labels + ": cannot be read (" + e.getMessage() + ")");
        }
        if (l.size() != classes) throw new Main.UserError(labels + ": has " + l.size() + " labels but the design has " + classes + " classes");
        return l;
    }
}
