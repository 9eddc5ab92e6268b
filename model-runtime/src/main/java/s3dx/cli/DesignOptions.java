package s3dx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import s3dx.design.DesignFileException;
import s3dx.design.DesignJson;
import s3dx.net.Block;
import s3dx.net.BlockSetting;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preset;

/** The options that pick a design: a preset or a design file, then changes on top. Shared by count, export, train. */
public class DesignOptions {

    static class Source {
        @Option(names = "--preset", paramLabel = "NAME", description = "a preset: i2d, i3d, bottom-heavy-i3d, top-heavy-i3d, s3d, fast-s3d, s3d-g")
        String preset;

        @Option(names = "--design", paramLabel = "FILE", description = "a design file (" + DesignJson.FORMAT + ")")
        Path designFile;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--boundary", paramLabel = "BLOCK", description = "2D|3D boundary block for the heavy presets (default Mixed_3c bottom, Mixed_4b top)")
    String boundary;

    @Option(names = "--set", paramLabel = "BLOCK=MODE[+gate]", description = "change one block, e.g. --set Mixed_4b=3d+gate (repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--frames", paramLabel = "T", description = "clip frames")
    Integer frames;

    @Option(names = "--size", paramLabel = "S", description = "clip height and width")
    Integer size;

    @Option(names = "--classes", paramLabel = "N", description = "number of classes")
    Integer classes;

    @Option(names = "--width", paramLabel = "M", description = "width multiplier (channels become max(8, floor(c*M)))")
    Double width;

    @Option(names = "--first-temporal-kernel", paramLabel = "K", description = "temporal kernel of Conv2d_1a_7x7: 1, 3, 5 or 7")
    Integer firstTemporalKernel;

    /** The design file given, or null for a preset. */
    public Path designFile() {
        return source.designFile;
    }

    /** The design these options describe, checked against the spec's rules. */
    public Design resolve() throws DesignFileException {
        Design d;
        if (source.designFile != null) {
            if (boundary != null) throw new DesignException("--boundary", "only applies to --preset");
            d = DesignJson.read(source.designFile);
        } else {
            Preset p = Preset.fromId(source.preset);
            if (boundary != null && !p.hasBoundary()) {
                throw new DesignException("--boundary", "only applies to bottom-heavy-i3d and top-heavy-i3d");
            }
            d = p.design(boundary == null ? (p.hasBoundary() ? p.defaultBoundary() : null) : Block.named(boundary));
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq < 0) throw new DesignException("--set", "expected BLOCK=MODE[+gate], got '" + s + "'");
            d = d.with(Block.named(s.substring(0, eq)), BlockSetting.parse(s.substring(eq + 1)));
        }
        if (frames != null || size != null) {
            d = d.withClip(frames != null ? frames : d.frames(), size != null ? size : d.height(), size != null ? size : d.width());
        }
        if (classes != null) d = d.withClasses(classes);
        if (width != null) d = d.withWidthMultiplier(width);
        if (firstTemporalKernel != null) d = d.withFirstTemporalKernel(firstTemporalKernel);
        return d;
    }
}
