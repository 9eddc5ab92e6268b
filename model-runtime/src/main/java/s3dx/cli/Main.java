package s3dx.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import s3dx.net.DesignException;

// INHERIT: every subcommand takes --help and --version too ("s3dx train --help").
@Command(name = "s3dx", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "S3D Explorer 0.1",
        description = "Design, count, export, run and train the S3D network family.",
        subcommands = {PresetsCommand.class, CountCommand.class, BenchCountCommand.class,
                VideoInfoCommand.class, SynthCommand.class, BenchVideoCommand.class,
                ExportCommand.class, InferCommand.class, BenchForwardCommand.class,
                ImportCommand.class, TrainCommand.class, BenchTrainCommand.class,
                PredictCommand.class, ProbeCommand.class, BenchEvidenceCommand.class, SelfTestCommand.class,
                SweepCommand.class, SweepReportCommand.class, ShipModelsCommand.class, EvaluateCommand.class})
public class Main {

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("s3dx: out of memory: the input is too large for this Java heap (raise it with S3DX_JAVA_OPTS=-Xmx...)");
            code = 1;
        } catch (StackOverflowError e) {
            System.err.println("s3dx: the input nests too deeply to be read");
            code = 1;
        }
        System.exit(code);
    }

    /** The configured command line: user errors print one line and exit non-zero, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("s3dx: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("s3dx " + commandLine.getCommandName() + ": " + printable(message(ex)));
            return ex instanceof DesignException || ex instanceof UserError || ex instanceof java.io.IOException || ex instanceof IllegalArgumentException
                    || ex.getClass().getName().startsWith("s3dx.") ? 1 : 3;
        });
        return cl;
    }

    private static String message(Throwable ex) {
        if (ex instanceof java.nio.file.NoSuchFileException f) return f.getFile() + ": no such file";
        if (ex instanceof java.nio.file.AccessDeniedException f) return f.getFile() + ": permission denied";
        if (ex instanceof java.nio.file.FileSystemException f) return f.getFile() + ": " + f.getReason();
        if (ex.getClass().getName().startsWith("s3dx.") || ex instanceof IllegalArgumentException
                || ex instanceof java.io.IOException) return ex.getMessage();
        return "internal error (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + "); please report it with the command that caused it";
    }

    /**
     * {@code s} with control characters (escapes, newlines, bidi overrides) written as backslash-u and four hex digits, so that
     * a name read from a file can neither restyle the terminal nor forge another line of output.
     */
    public static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x2028 || c == 0x2029;
            if (control && out == null) out = new StringBuilder(s.substring(0, i));
            if (out != null) out.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out == null ? s : out.toString();
    }

    /** A mistake in what the user asked for; its message is the whole story. */
    public static class UserError extends RuntimeException {
        public UserError(String message) {
            super(message);
        }
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": unknown value '" + value + "'; use one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
