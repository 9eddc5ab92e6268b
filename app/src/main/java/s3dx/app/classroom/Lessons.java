package s3dx.app.classroom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import s3dx.app.i18n.I18n;
import s3dx.app.model.Presets;
import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Preset;

/**
 * The guided lessons: their structure comes from {@code s3dx/app/lessons/lessons.json}, their words from the
 * message bundles ({@code lesson.<id>.title}, {@code lesson.<id>.<step>.title} and {@code .text},
 * {@code lesson.action.<action>}).
 */
public record Lessons(List<Lesson> lessons) {
    public static final String RESOURCE = "/s3dx/app/lessons/lessons.json";

    /** One lesson: one of the paper's three questions. */
    public record Lesson(String id, List<Step> steps) {
        public String title() {
            return I18n.t("lesson." + id + ".title");
        }
    }

    /**
     * One step: the design to show (a preset, optionally its 2D|3D boundary and gating "all"/"none"), the
     * tab ("designer", "player", "compare", "train"), optionally a demo clip and reversed playback, and an
     * optional action the user can take from the lesson panel ("reverse", "train", "gateAll", "topHeavy").
     */
    public record Step(String id, String preset, String boundary, String gating, String tab, String clip, Boolean reversed,
                       String action) {
        public String title(Lesson l) {
            return I18n.t("lesson." + l.id() + "." + id + ".title");
        }

        public String text(Lesson l) {
            return I18n.t("lesson." + l.id() + "." + id + ".text");
        }

        /** The step's design, keeping the clip size, classes and width of {@code current}. */
        public Design design(Design current) {
            Preset p = Preset.fromId(preset);
            Design d = boundary == null ? Presets.applyTo(p, current) : Presets.applyTo(p, Block.valueOf(boundary), current);
            if ("all".equals(gating)) d = d.withAllGated(true);
            if ("none".equals(gating)) d = d.withAllGated(false);
            return d;
        }
    }

    public static Lessons load() {
        try (InputStream in = Lessons.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("missing " + RESOURCE);
            return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).readValue(in, Lessons.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Steps over all lessons, for the flat step counter. */
    public int stepCount() {
        return lessons.stream().mapToInt(l -> l.steps().size()).sum();
    }
}
