package s3dx.net;

/** What a design chooses for one toggleable block. */
public record BlockSetting(ConvMode mode, boolean gated) {
    public BlockSetting {
        if (mode == null) throw new DesignException("mode", "missing");
    }

    public static BlockSetting of(ConvMode mode) {
        return new BlockSetting(mode, false);
    }

    public BlockSetting withMode(ConvMode m) {
        return new BlockSetting(m, gated);
    }

    public BlockSetting withGated(boolean g) {
        return new BlockSetting(mode, g);
    }

    /** Command-line form: {@code sep3d} or {@code sep3d+gate}. */
    @Override
    public String toString() {
        return mode.id() + (gated ? "+gate" : "");
    }

    public static BlockSetting parse(String text) {
        String t = text.trim();
        boolean gated = t.endsWith("+gate");
        return new BlockSetting(ConvMode.fromId(gated ? t.substring(0, t.length() - 5) : t), gated);
    }
}
