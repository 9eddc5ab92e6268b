package s3dx.evidence;

import java.util.List;
import s3dx.video.RgbFrame;

/** Where the shape is in a clean MotionShapes clip (plain background, no noise): pixels unlike the background. */
final class ShapeMask {
    private ShapeMask() {}

    /** Per occlusion cell: does any of its pixels, in any of its frames, show the shape? */
    static boolean[][][] cells(List<RgbFrame> frames, Occlusion.Grid g) {
        boolean[][][] m = new boolean[g.timeCells()][g.rowCells()][g.columnCells()];
        for (int f = 0; f < frames.size(); f++) {
            RgbFrame fr = frames.get(f);
            byte[] px = fr.rgb();
            byte r0 = px[0], g0 = px[1], b0 = px[2];   // a corner: background in every clean clip we use
            for (int y = 0; y < fr.height(); y++) {
                for (int x = 0; x < fr.width(); x++) {
                    int p = (y * fr.width() + x) * 3;
                    if (px[p] != r0 || px[p + 1] != g0 || px[p + 2] != b0) {
                        m[f / g.cellFrames()][y / g.cellPixels()][x / g.cellPixels()] = true;
                    }
                }
            }
        }
        return m;
    }
}
