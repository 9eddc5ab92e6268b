package s3dx.net;

/** How a toggleable block convolves: 2D (1xkxk), full 3D (ktxkxk), or separable 3D (1xkxk then ktx1x1). */
public enum ConvMode {
    TWO_D("2d", "2D"),
    THREE_D("3d", "3D"),
    SEP3D("sep3d", "Separable 3D");

    private final String id;
    private final String label;

    ConvMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The spelling used in design files and on the command line. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static ConvMode fromId(String id) {
        for (ConvMode m : values()) {
            if (m.id.equalsIgnoreCase(id)) return m;
        }
        throw new DesignException("mode", "unknown mode '" + id + "' (use 2d, 3d or sep3d)");
    }
}
