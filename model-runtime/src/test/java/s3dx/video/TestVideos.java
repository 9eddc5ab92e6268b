package s3dx.video;

import s3dx.synth.MotionClass;
import s3dx.synth.MotionShapes;

import java.nio.file.Path;
import java.util.List;

/** Makes small test videos from MotionShapes frames. */
final class TestVideos {

    static final int W = 64, H = 48, FRAMES = 30;
    static final double FPS = 25;

    private TestVideos() {
    }

    /** 30 frames of 64x48: a shape moving right over a noisy textured background (every frame differs). */
    static List<RgbFrame> frames() {
        return frames(W, H, FRAMES);
    }

    /** Without variety: constant noise and linear motion from the first frame, so consecutive frames always differ. */
    static List<RgbFrame> frames(int w, int h, int n) {
        return new MotionShapes(new MotionShapes.Options(w, h, n, true, 10, 1, false, MotionShapes.Settings.TRAINING))
                .clip(11, MotionClass.MOVING_RIGHT).frames();
    }

    static Path write(Path file, VideoWriter.Codec codec, List<RgbFrame> frames) throws VideoException {
        RgbFrame f0 = frames.get(0);
        try (VideoWriter w = VideoWriter.open(file, f0.width(), f0.height(), FPS, codec, 10)) {
            for (RgbFrame f : frames) w.write(f);
        }
        return file;
    }
}
