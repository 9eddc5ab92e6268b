package s3dx.train;

import ai.djl.engine.Engine;
import s3dx.platform.ProcessEnvironment;

/**
 * DJL's PyTorch engine, loaded offline: libtorch unpacks from the {@code pytorch-native-cpu} jar on the
 * class path into DJL's cache ({@code ~/.djl.ai}); nothing is downloaded.
 */
public final class Torch {
    public static final String ENGINE = "PyTorch";

    private static Engine engine;

    private Torch() {}

    /** The engine, loaded on first use with {@code ai.djl.offline=true} (unless the caller set it otherwise). */
    public static synchronized Engine engine() {
        if (engine == null) {
            if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
            // libtorch's OpenMP threads otherwise spin between ops; on 2 cores shared with the UI, the player or
            // another run that made steps 7x slower (bench-train: 19.1 s/step spinning, 2.8 s passive, load 9.6).
            ProcessEnvironment.setDefault("OMP_WAIT_POLICY", "PASSIVE");
            try {
                engine = Engine.getEngine(ENGINE);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new TrainingException("cannot load DJL's PyTorch engine (libtorch for this platform must be on the class path: "
                        + "pytorch-native-cpu with this OS's classifier): " + e.getMessage(), e);
            }
        }
        return engine;
    }

    /** "PyTorch 2.7.1 (DJL 0.36.0)" or similar. */
    public static String describe() {
        Engine e = engine();
        return e.getEngineName() + " " + e.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }
}
