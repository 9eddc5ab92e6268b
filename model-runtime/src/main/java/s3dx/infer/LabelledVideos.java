package s3dx.infer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import s3dx.files.UserFiles;
import s3dx.synth.MotionClass;
import s3dx.video.VideoException;

/**
 * A model tested on labelled video files: a manifest of {@code file,label} lines (what {@code s3dx synth} writes;
 * files relative to the manifest's folder, a {@code file,label} header optional, fields CSV-quoted where needed).
 * A video's answer is the class with the highest mean probability over its windows; each video is also played
 * backwards (every window reversed), which for labels with time-reversal partners should give the partner.
 */
public final class LabelledVideos {
    /** One listed video and the index of its label among the model's labels. */
    public record Item(Path file, int label) {
    }

    /**
     * @param confusion  [label][answer] counts of forward answers
     * @param partnerRate reversed videos answered with their label's partner (NaN when the labels have no partners)
     * @param sameLabelRate reversed videos still answered with their own label
     */
    public record Result(List<String> labels, int videos, double accuracy, double partnerRate, double sameLabelRate, int[][] confusion) {
        @Override
        public String toString() {
            String reversed = Double.isNaN(partnerRate)
                    ? String.format(Locale.ROOT, "reversed: same label %.1f%%", 100 * sameLabelRate)
                    : String.format(Locale.ROOT, "reversed: partner label %.1f%%, same label %.1f%%", 100 * partnerRate, 100 * sameLabelRate);
            return String.format(Locale.ROOT, "%d videos: accuracy %.1f%%; %s", videos, 100 * accuracy, reversed);
        }

        /** Per label with videos: right/all and the commonest wrong answer. */
        public List<String> perLabel() {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < labels.size(); c++) {
                int all = 0, worst = -1;
                for (int a = 0; a < labels.size(); a++) {
                    all += confusion[c][a];
                    if (a != c && confusion[c][a] > 0 && (worst < 0 || confusion[c][a] > confusion[c][worst])) worst = a;
                }
                if (all == 0) continue;
                out.add(String.format(Locale.ROOT, "%-26s %3d/%d%s", labels.get(c), confusion[c][c], all,
                        worst < 0 ? "" : "  most often taken for " + labels.get(worst) + " (" + confusion[c][worst] + ")"));
            }
            return out;
        }
    }

    private LabelledVideos() {}

    /** The manifest's videos; a missing video, an unknown label or a malformed line is a {@link UserFiles.FileProblem} naming the line. */
    public static List<Item> read(Path manifest, List<String> labels) throws IOException {
        UserFiles.checkInput(manifest, 64L << 20);
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        Path folder = manifest.toAbsolutePath().getParent();
        List<Item> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = (n == 0 ? lines.get(n).replace("\uFEFF", "") : lines.get(n)).strip();   // a spreadsheet's byte-order mark
            if (line.isEmpty() || n == 0 && line.equalsIgnoreCase("file,label")) continue;
            List<String> f = csvFields(line);
            if (f == null || f.size() != 2) throw problem(manifest, n, "expected 'file,label', got '" + line + "'");
            int label = labelIndex(labels, f.get(1));
            if (label < 0) throw problem(manifest, n, "'" + f.get(1) + "' is not one of the model's " + labels.size() + " labels");
            Path video = folder.resolve(f.get(0));
            if (!Files.isRegularFile(video)) throw problem(manifest, n, "no video file " + video);
            out.add(new Item(video, label));
        }
        if (out.isEmpty()) throw new UserFiles.FileProblem(manifest, "lists no videos");
        return out;
    }

    /** Runs the model on every video, forward and backwards; {@code done} hears each finished video's count. */
    public static Result evaluate(WindowPredictor p, List<Item> items, IntConsumer done) throws VideoException {
        List<String> labels = p.labels();
        int[][] confusion = new int[labels.size()][labels.size()];
        int right = 0, partner = 0, same = 0, withPartner = 0;
        WindowPredictor.Windowing forward = WindowPredictor.Windowing.defaults(p.preprocessing().frames());
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            int answer = answer(p, it.file(), forward), reversed = answer(p, it.file(), forward.withReverse(true));
            confusion[it.label()][answer]++;
            if (answer == it.label()) right++;
            if (reversed == it.label()) same++;
            OptionalInt mate = MotionClass.partnerIndex(labels, it.label());
            if (mate.isPresent()) {
                withPartner++;
                if (reversed == mate.getAsInt()) partner++;
            }
            done.accept(i + 1);
        }
        int n = items.size();
        return new Result(labels, n, (double) right / n, withPartner == 0 ? Double.NaN : (double) partner / withPartner,
                (double) same / n, confusion);
    }

    private static int answer(WindowPredictor p, Path video, WindowPredictor.Windowing w) throws VideoException {
        double[] sum = new double[p.labels().size()];
        p.forEachWindow(video, w, pred -> {
            for (int c = 0; c < sum.length; c++) sum[c] += pred.probs()[c];
        });
        int best = 0;
        for (int c = 1; c < sum.length; c++) if (sum[c] > sum[best]) best = c;
        return best;
    }

    /** A label as written in a manifest: any case, underscores for spaces (as in synth's file names). */
    private static int labelIndex(List<String> labels, String given) {
        String g = given.strip().replace('_', ' ');
        for (int i = 0; i < labels.size(); i++) if (labels.get(i).equalsIgnoreCase(g) || labels.get(i).equalsIgnoreCase(given.strip())) return i;
        return -1;
    }

    /** The fields of one CSV line (double quotes around a field, "" for a quote inside one), or null if malformed. */
    static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') f.append(c);
                else if (i + 1 < line.length() && line.charAt(i + 1) == '"') f.append(line.charAt(++i));
                else quoted = false;
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) return null;
        out.add(f.toString());
        return out;
    }

    private static UserFiles.FileProblem problem(Path manifest, int line, String what) {
        return new UserFiles.FileProblem(manifest, "line " + (line + 1) + ": " + what);
    }
}
