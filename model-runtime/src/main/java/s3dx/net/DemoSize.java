package s3dx.net;

/**
 * The laptop-sized demo scale that the shipped demo models, the app's Train tab, its comparison's seeded models
 * and the player benchmark use: width {@code widthMultiplier}, {@code frames}x{@code pixels}x{@code pixels} clips,
 * {@code classes} classes (MotionShapes' ten).
 */
public record DemoSize(double widthMultiplier, int frames, int pixels, int classes) {
    public static final DemoSize DEFAULT = new DemoSize(0.25, 16, 64, 10);

    /** {@code d}'s blocks and first temporal kernel at this size. */
    public Design applyTo(Design d) {
        return d.withWidthMultiplier(widthMultiplier).withClip(frames, pixels, pixels).withClasses(classes);
    }
}
