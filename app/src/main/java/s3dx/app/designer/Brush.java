package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import s3dx.net.ConvMode;

/** The architecture palette: what pressing (and dragging across) blocks does. */
public enum Brush {
    CYCLE("Cycle", "Click a block to cycle 2D → 3D → Sep 3D; drag to paint the new mode across blocks", null),
    TWO_D("2D", "Paint 2D (1×k×k) onto the blocks you click or drag across", ConvMode.TWO_D),
    THREE_D("3D", "Paint full 3D (k×k×k) onto the blocks you click or drag across", ConvMode.THREE_D),
    SEP3D("Sep 3D", "Paint separable 3D (1×k×k then k×1×1) onto the blocks you click or drag across", ConvMode.SEP3D),
    GATE("Gate", "Toggle feature gating on the blocks you click or drag across", null);

    private final String label;
    private final String help;
    private final ConvMode mode;

    Brush(String label, String help, ConvMode mode) {
        this.label = label;
        this.help = help;
        this.mode = mode;
    }

    public String label() {
        return t("brush." + name());
    }

    public String help() {
        return t("brush." + name() + ".tip");
    }

    /** The mode this brush paints, or null for CYCLE and GATE. */
    public ConvMode mode() {
        return mode;
    }
}
