package s3dx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import s3dx.selftest.SelfTest;

@Command(name = "self-test",
        description = {"Checks this installation without a window: the ONNX Runtime and FFmpeg natives, the demo model",
                "(or a seeded S3D-G built in memory) on one window of the demo clip (or a generated MotionShapes clip).",
                "Prints a short report; exits 0 when everything passed, 1 otherwise."})
public class SelfTestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return SelfTest.run(System.out);
    }
}
