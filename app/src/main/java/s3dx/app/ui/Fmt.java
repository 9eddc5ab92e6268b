package s3dx.app.ui;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.Locale;
import s3dx.app.i18n.I18n;
import s3dx.net.Block;
import s3dx.net.ConvMode;
import s3dx.net.Shape;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Number and name formatting shared by the views. */
public final class Fmt {
    private Fmt() {}

    /** A label with one style class (the views' headings, captions and values). */
    public static Label styled(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        return l;
    }

    public static String millions(long n) {
        return String.format(Locale.ROOT, "%.2f M", n / 1e6);
    }

    public static String giga(long n) {
        return String.format(Locale.ROOT, "%.2f G", n / 1e9);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A trained rate over seeds: "92.0%", or "92.0% ± 1.2" where the seeds disagree. */
    public static String rate(s3dx.sweep.SweepResults.Spread s) {
        return percent(s.mean()) + (s.sd() > 0 ? String.format(Locale.ROOT, " ± %.1f", 100 * s.sd()) : "");
    }

    /** "+1.5 points", "−3.0 points": the change between two rates (fractions), with a true minus sign. */
    public static String points(double fractionChange) {
        return String.format(Locale.ROOT, "%+.1f ", 100 * fractionChange).replace('-', '\u2212') + t("trained.cardDelta");
    }

    /** "-35%", "+4.2%", "±0%": the change from {@code base} to {@code value}. */
    public static String delta(long value, long base) {
        if (base == 0) return t("common.na");
        double d = 100.0 * (value - base) / base;
        if (Math.abs(d) < 0.05) return "±0%";
        String f = Math.abs(d) >= 10 ? "%+.0f%%" : "%+.1f%%";
        return String.format(Locale.ROOT, f, d).replace('-', '\u2212');
    }

    public static String modeShort(ConvMode m) {
        return switch (m) {
            case TWO_D -> "2D";
            case THREE_D -> "3D";
            case SEP3D -> t("mode.SEP3D");
        };
    }

    private static final Map<ConvMode, PseudoClass> MODE_STATES = new EnumMap<>(Map.of(
            ConvMode.TWO_D, PseudoClass.getPseudoClass("mode-2d"),
            ConvMode.THREE_D, PseudoClass.getPseudoClass("mode-3d"),
            ConvMode.SEP3D, PseudoClass.getPseudoClass("mode-sep3d")));

    /**
     * Shows a mode as the pseudo-class {@code :mode-2d}, {@code :mode-3d} or {@code :mode-sep3d} (null: none).
     * Pseudo-classes restyle without re-matching selectors, which keeps a toggle within a frame.
     */
    public static void showMode(Node n, ConvMode m) {
        MODE_STATES.forEach((mode, state) -> n.pseudoClassStateChanged(state, mode == m));
    }

    /** Short tile names: "Conv 1a", "Mixed 4b", "Pool", "Logits". */
    public static String shortName(Block b) {
        String n = b.name();
        return switch (b.kind()) {
            case TOGGLEABLE_CONV, CONV -> "Conv " + n.substring(7, 9);
            case MIXED -> "Mixed " + n.substring(6);
            case POOL -> t("tile.pool.short");
            case HEAD -> "Logits";
        };
    }

    public static String kernel(int[] k) {
        return k[0] + "\u00d7" + k[1] + "\u00d7" + k[2];
    }

    /** "C×T×H×W" with the multiplication sign. */
    public static String shape(Shape s) {
        return s.c() + "\u00d7" + s.t() + "\u00d7" + s.h() + "\u00d7" + s.w();
    }

    public static String shape(long[] dims) {
        StringBuilder sb = new StringBuilder();
        for (long d : dims) sb.append(sb.length() == 0 ? "" : "\u00d7").append(d);
        return sb.toString();
    }

    /** A chart axis step of 1, 2 or 5 times a power of ten, at least {@code raw}. */
    public static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** A file's name without its extension, for the names offered in save dialogs and demo clip names. */
    public static String stem(Path file) {
        return file.getFileName().toString().replaceAll("\\.[^.]*$", "");
    }

    /** A demo clip's menu label: its class name ({@code moving_left.mp4} is "moving left"), translated. */
    public static String clipLabel(Path clip) {
        return I18n.classLabel(stem(clip).replace('_', ' '));
    }
}
