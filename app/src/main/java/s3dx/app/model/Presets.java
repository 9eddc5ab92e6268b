package s3dx.app.model;

import s3dx.net.Block;
import s3dx.net.Design;
import s3dx.net.Preset;

/** Presets applied to the knobs of a current design (which preset a design is: {@link s3dx.net.PresetMatch}). */
public final class Presets {
    private Presets() {}

    /** The preset's blocks and first temporal kernel, with {@code current}'s clip, classes and width. */
    public static Design applyTo(Preset p, Design current) {
        return withKnobsOf(p.design(), current).withFirstTemporalKernel(p.design().firstTemporalKernel());
    }

    /** The same preset with a given boundary, keeping the current knobs. */
    public static Design applyTo(Preset p, Block boundary, Design current) {
        return withKnobsOf(p.design(boundary), current).withFirstTemporalKernel(p.design().firstTemporalKernel());
    }

    /** {@code blocks}' modes and gates with every other knob from {@code knobs}. */
    public static Design withKnobsOf(Design blocks, Design knobs) {
        return new Design(blocks.blocks(), knobs.firstTemporalKernel(), knobs.widthMultiplier(), knobs.frames(),
                knobs.height(), knobs.width(), knobs.classes());
    }
}
