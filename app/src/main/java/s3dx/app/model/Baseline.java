package s3dx.app.model;

import s3dx.net.Design;
import s3dx.net.Preset;

/**
 * What the cost deltas compare against: a preset that follows the current clip, classes and width
 * (the default, I3D), or a design the user pinned as it was.
 */
public record Baseline(String name, Preset preset, Design pinned) {

    public static Baseline of(Preset p) {
        return new Baseline(p.displayName(), p, null);
    }

    public static Baseline pinned(String name, Design d) {
        return new Baseline(name, null, d);
    }

    /** The design to compare {@code current} with. */
    public Design designFor(Design current) {
        return preset != null ? Presets.applyTo(preset, current) : pinned;
    }
}
