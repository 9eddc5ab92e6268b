package s3dx.train;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/** Runs code with libtorch's autograd switched off (no graph is recorded for inference). */
final class NoGrad {
    private NoGrad() {}

    static <T> T call(Supplier<T> body) {
        Torch.engine();
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return body.get();
        } finally {
            JniUtils.setGradMode(was);
        }
    }
}
