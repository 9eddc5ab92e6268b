package s3dx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import s3dx.checkpoint.PretrainedImport;
import s3dx.files.UserFiles;
import s3dx.onnx.OnnxModelFile;

@Command(name = "import", description = {
        "Import Kinetics-400 S3D weights from a PyTorch checkpoint (torchvision s3d or kylemin/S3D) into an ONNX model.",
        "The checkpoint is read as data only: a pickle that asks for anything but tensors is refused."})
public class ImportCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", paramLabel = "FILE", required = true, description = "a .pth/.pt state_dict (zip or legacy torch.save format)")
    Path checkpoint;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "auto", description = "auto, torchvision or kylemin (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--frames", paramLabel = "T", defaultValue = "64", description = "clip frames the model takes (default ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--size", paramLabel = "S", defaultValue = "224", description = "crop size (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--out", paramLabel = "model.onnx", required = true, description = "the ONNX file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        PretrainedImport.Format f = Main.parseEnum(PretrainedImport.Format.class, "--format", format);
        UserFiles.checkOutput(out, checkpoint);
        PretrainedImport.Imported imp = PretrainedImport.read(checkpoint, f, frames, size);
        OnnxModelFile.write(imp.onnx(), out);
        System.out.printf(Locale.ROOT, "imported %s (%s, %d tensors) -> %s: S3D %dx%dx%d, %d Kinetics-400 classes, %s input, %.1f MB%n",
                checkpoint, f == PretrainedImport.Format.AUTO ? "detected " + imp.format().name().toLowerCase(Locale.ROOT) : imp.format().name().toLowerCase(Locale.ROOT),
                imp.weights().size(), out, frames, size, size, imp.info().labels().size(),
                imp.info().preprocessing().scaling() == s3dx.net.Preprocessing.Scaling.UNIT ? "[0,1] then mean/std" : "[-1,1]",
                Files.size(out) / 1e6);
        return 0;
    }
}
