package s3dx.video;

import s3dx.tensor.Tensor;

/**
 * One clip cut from a video.
 *
 * @param startFrame first source frame covered (inclusive)
 * @param endFrame   one past the last source frame covered (exclusive)
 * @param startSeconds {@code startFrame / fps}
 * @param endSeconds {@code endFrame / fps}
 * @param clip       [1,3,T,H,W] network input
 */
public record ClipWindow(long startFrame, long endFrame, double startSeconds, double endSeconds, Tensor clip) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ClipWindow[frames %d..%d, %.3f..%.3f s, %s]",
                startFrame, endFrame, startSeconds, endSeconds, clip.shapeString());
    }
}
