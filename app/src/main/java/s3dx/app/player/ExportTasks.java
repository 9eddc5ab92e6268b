package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import s3dx.infer.PredictionCsv;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.net.Preprocessing;
import s3dx.tensor.Tensor;
import s3dx.video.ClipSampler;
import s3dx.video.ClipWindow;
import s3dx.video.RgbFrame;
import s3dx.video.VideoReader;
import s3dx.video.VideoWriter;
import s3dx.app.ui.ColorMap;

/**
 * Long exports as JavaFX Tasks (progress, cancel): the prediction timeline as CSV, and the video with the top
 * labels and the energy overlay drawn in. Both predict every window afresh with {@link WindowPredictor}.
 */
public final class ExportTasks {
    private ExportTasks() {
    }

    public static Task<Path> csv(WindowPredictor predictor, Path video, Windowing w, Path out) {
        return new Progressive<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage(t("player.export.predicting"));
                List<Prediction> ps = predictAll(this, predictor, video, w, 1.0);
                try (Writer wr = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    new PredictionCsv(wr, Math.min(5, predictor.labels().size())).writeAll(ps);
                }
                updateProgress(1, 1);
                updateMessage(t("player.wrote", out.getFileName()));
                return out;
            }
        };
    }

    /** Energy overlay of {@code block} (null: none) at {@code opacity}. */
    public static Task<Path> annotatedVideo(WindowPredictor predictor, Path video, Windowing w, String block, double opacity, Path out) {
        return new Progressive<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage(t("player.export.predicting"));
                List<Prediction> ps = predictAll(this, predictor, video, w, 0.5);
                updateMessage(t("player.export.writing"));
                try (VideoReader r = VideoReader.open(video)) {
                    int fw = r.info().width(), fh = r.info().height();
                    int k = Math.max(1, (int) Math.ceil(256.0 / Math.min(fw, fh)));
                    int ow = fw * k / 2 * 2, oh = fh * k / 2 * 2;
                    long total = Math.max(1, r.info().frameCount());
                    double fps = r.info().fps() > 0 ? r.info().fps() : 25;
                    try (VideoWriter vw = VideoWriter.open(out, ow, oh, fps)) {
                        long i = 0;
                        for (RgbFrame f; (f = r.next()) != null; i++) {
                            if (isCancelled()) throw new CancellationException();
                            Prediction p = windowFor(ps, i, w);
                            vw.write(draw(f, ow, oh, p, i, w, block, opacity, predictor.preprocessing()));
                            updateProgress(0.5 + 0.5 * Math.min(1, (i + 1) / (double) total), 1);
                        }
                    }
                }
                updateProgress(1, 1);
                updateMessage(t("player.wrote", out.getFileName()));
                return out;
            }
        };
    }

    private static List<Prediction> predictAll(Task<?> task, WindowPredictor predictor, Path video, Windowing w, double share) throws Exception {
        List<Prediction> out = new ArrayList<>();
        ClipSampler s = predictor.sampler(w);
        try (VideoReader r = VideoReader.open(video)) {
            long total = Math.max(1, (r.info().frameCount() - w.span()) / w.stride() + 1);
            ClipSampler.Windows ws = s.windows(r);
            for (ClipWindow cw; (cw = ws.next()) != null; ) {
                if (task.isCancelled()) throw new CancellationException();
                out.add(predictor.predict(cw, w.reverse()));
                if (task instanceof ProgressSink ps) ps.progress(share * Math.min(1, out.size() / (double) total));
            }
        }
        return out;
    }

    interface ProgressSink {
        void progress(double fraction);
    }

    private abstract static class Progressive<T> extends Task<T> implements ProgressSink {
        @Override
        public void progress(double fraction) {
            updateProgress(fraction, 1);
        }
    }

    /** The latest window that has ended by frame i, else the first one. */
    static Prediction windowFor(List<Prediction> ps, long i, Windowing w) {
        Prediction best = ps.isEmpty() ? null : ps.get(0);
        for (Prediction p : ps) if (p.endFrame() - 1 <= i) best = p;
        return best;
    }

    static int energySlice(Prediction p, Tensor energy, long frame) {
        int t = (int) energy.dim(0);
        double f = (frame - p.startFrame()) / (double) Math.max(1, p.endFrame() - p.startFrame());
        int s = Math.max(0, Math.min(t - 1, (int) (f * t)));
        return p.reversed() ? t - 1 - s : s;
    }

    static RgbFrame draw(RgbFrame f, int ow, int oh, Prediction p, long frame, Windowing w, String block, double opacity, Preprocessing pre) {
        BufferedImage src = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        byte[] rgb = f.rgb();
        for (int y = 0, j = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++, j += 3) src.setRGB(x, y, (rgb[j] & 255) << 16 | (rgb[j + 1] & 255) << 8 | (rgb[j + 2] & 255));
        }
        BufferedImage img = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, ow, oh, null);
        if (p != null && block != null && p.energy().get(block) != null && opacity > 0) {
            Tensor e = p.energy().get(block);
            int eh = (int) e.dim(1), ew = (int) e.dim(2);
            BufferedImage heat = new BufferedImage(ew, eh, BufferedImage.TYPE_INT_ARGB);
            heat.setRGB(0, 0, ew, eh, ColorMap.heat(e, energySlice(p, e, frame), 255), 0, ew);
            double side = Math.min(f.width(), f.height());
            if (pre != null) side = Math.min(side, pre.cropSize() * side / pre.resizeShortSide());
            double sx = ow / (double) f.width(), sy = oh / (double) f.height();
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
            g.drawImage(heat, (int) ((f.width() - side) / 2 * sx), (int) ((f.height() - side) / 2 * sy), (int) (side * sx), (int) (side * sy), null);
            g.setComposite(AlphaComposite.SrcOver);
        }
        if (p != null) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int fs = Math.max(11, oh / 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fs));
            int y = fs + 4;
            for (var r : p.top(3)) {
                String s = String.format(Locale.ROOT, "%s %.0f%%", s3dx.app.i18n.I18n.classLabel(r.label()), 100 * r.prob());
                g.setColor(new Color(0, 0, 0, 150));
                g.fillRect(4, y - fs, g.getFontMetrics().stringWidth(s) + 8, fs + 4);
                g.setColor(Color.WHITE);
                g.drawString(s, 8, y);
                y += fs + 6;
            }
            if (p.reversed()) {
                g.setColor(Color.ORANGE);
                g.drawString(t("player.reversedStamp"), 8, oh - 8);
            }
        }
        g.dispose();
        byte[] out = new byte[ow * oh * 3];
        for (int y = 0, j = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++, j += 3) {
                int c = img.getRGB(x, y);
                out[j] = (byte) (c >> 16);
                out[j + 1] = (byte) (c >> 8);
                out[j + 2] = (byte) c;
            }
        }
        return new RgbFrame(ow, oh, out);
    }
}
