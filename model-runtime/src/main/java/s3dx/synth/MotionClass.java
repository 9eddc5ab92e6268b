package s3dx.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The ten MotionShapes classes, in time-reversed pairs: class {@code 2p} and {@code 2p+1} are each other's
 * {@link #partner()} — playing a clip of one backwards gives a clip of the other. The enum order is the label
 * index order (and the order of {@code motionshapes_labels.txt}).
 */
public enum MotionClass {
    MOVING_LEFT("moving left"),
    MOVING_RIGHT("moving right"),
    MOVING_UP("moving up"),
    MOVING_DOWN("moving down"),
    GROWING("growing"),
    SHRINKING("shrinking"),
    ROTATING_CLOCKWISE("rotating clockwise"),
    ROTATING_COUNTERCLOCKWISE("rotating counterclockwise"),
    FADING_IN("fading in"),
    FADING_OUT("fading out");

    /** Classpath resource holding the label list, one per line, in index order. */
    public static final String LABELS_RESOURCE = "/s3dx/assets/motionshapes_labels.txt"; // assets/, packaged by the pom

    private final String label;

    MotionClass(String label) {
        this.label = label;
    }

    /** Human-readable label, e.g. "moving left". */
    public String label() {
        return label;
    }

    public int index() {
        return ordinal();
    }

    /** The class a time-reversed clip of this class belongs to. */
    public MotionClass partner() {
        return values()[ordinal() ^ 1];
    }

    /** True for the first class of each pair (the one generated directly; its partner is the reversal). */
    boolean canonical() {
        return (ordinal() & 1) == 0;
    }

    /**
     * The time-reversal partner of class {@code index} of a model with these labels: present only when they are
     * the MotionShapes labels (other label sets, such as Kinetics', have no partners).
     */
    public static java.util.OptionalInt partnerIndex(List<String> labels, int index) {
        return labels.equals(labels()) ? java.util.OptionalInt.of(of(index).partner().index()) : java.util.OptionalInt.empty();
    }

    public static MotionClass of(int index) {
        if (index < 0 || index >= values().length) throw new IllegalArgumentException("no MotionShapes class " + index);
        return values()[index];
    }

    public static MotionClass ofLabel(String label) {
        for (MotionClass c : values()) if (c.label.equalsIgnoreCase(label.trim())) return c;
        throw new IllegalArgumentException("no MotionShapes class '" + label + "'");
    }

    public static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (MotionClass c : values()) out.add(c.label);
        return out;
    }

    /** The labels file content: one label per line, in index order, newline-terminated. */
    public static String labelsText() {
        return String.join("\n", labels()) + "\n";
    }
}
