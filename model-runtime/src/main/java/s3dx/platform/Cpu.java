package s3dx.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU as the native libraries see it: its name, its widest vector ISA and its clock, from
 * {@code /proc/cpuinfo} (Linux) or, for the clock, {@code lscpu}. Other systems get "unknown" values.
 */
public record Cpu(String model, Isa isa, int cores) {

    /** The widest x86-64 FP32 vector ISA, with the peak FLOP per cycle per core this tool assumes for it. */
    public enum Isa {
        AVX512("AVX-512", 64, "two 512-bit FMA units x 16 lanes x 2; cores with one such unit (Zen 4, some Xeons) reach half"),
        AVX2("AVX2", 32, "two 256-bit FMA units x 8 lanes x 2"),
        OTHER("no AVX2", 8, "one 128-bit FMA-less unit x 4 lanes x 2");

        public final String label;
        public final int flopPerCycle;
        public final String assumption;

        Isa(String label, int flopPerCycle, String assumption) {
            this.label = label;
            this.flopPerCycle = flopPerCycle;
            this.assumption = assumption;
        }
    }

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** This machine's CPU. */
    public static Cpu current() {
        return parse(read(CPUINFO).orElse(""), Runtime.getRuntime().availableProcessors());
    }

    static Cpu parse(String cpuinfo, int cores) {
        Matcher name = Pattern.compile("(?m)^model name\\s*:\\s*(.+)$").matcher(cpuinfo);
        Matcher flags = Pattern.compile("(?m)^flags\\s*:\\s*(.+)$").matcher(cpuinfo);
        List<String> f = flags.find() ? List.of(flags.group(1).trim().split("\\s+")) : List.of();
        Isa isa = f.contains("avx512f") ? Isa.AVX512 : f.contains("avx2") ? Isa.AVX2 : Isa.OTHER;
        String model = name.find() ? name.group(1).trim() : System.getProperty("os.arch", "unknown CPU");
        return new Cpu(model, isa, cores);
    }

    /** "AMD EPYC, AVX-512, 2 cores". */
    public String describe() {
        return String.format(Locale.ROOT, "%s, %s, %d cores", model, isa.label, cores);
    }

    /** The core clock in GHz and where it was read: /proc/cpuinfo "cpu MHz" (first core), else lscpu's max or current MHz. */
    public record Clock(double ghz, String source) {}

    public static Optional<Clock> clock() {
        Optional<Clock> c = read(CPUINFO).flatMap(s -> mhz(s, "cpu MHz\\s*", "/proc/cpuinfo cpu MHz "));
        if (c.isPresent()) return c;
        try {
            Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            for (String key : List.of("CPU max MHz", "CPU MHz")) {
                Optional<Clock> k = mhz(out, key, "lscpu " + key + " ");
                if (k.isPresent()) return k;
            }
        } catch (IOException | RuntimeException ignored) {
            // no clock known
        }
        return Optional.empty();
    }

    private static Optional<Clock> mhz(String text, String key, String source) {
        Matcher m = Pattern.compile("(?m)^" + key + ":\\s*([0-9.]+)").matcher(text);
        return m.find() ? Optional.of(new Clock(Double.parseDouble(m.group(1)) / 1000, source + m.group(1))) : Optional.empty();
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
