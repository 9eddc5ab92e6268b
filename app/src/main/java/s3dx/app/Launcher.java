package s3dx.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import s3dx.selftest.SelfTest;
import s3dx.app.jobs.Workers;

/**
 * Plain main class for fat jars and jpackage: starting through a class that is not an Application avoids the launcher's module check.
 * The options are read (picocli) before JavaFX starts, so {@code --help}, {@code --self-test} and a missing display
 * need no window.
 */
@Command(name = "s3dx-app", mixinStandardHelpOptions = true, version = "S3D Explorer 0.1.0",
        description = "S3D Explorer: design, count, run and teach the S3D family of video networks.%n"
                + "Without FILE it opens on the S3D-G design with a demo clip in the player.",
        footer = {"", "Settings as Java properties (S3DX_JAVA_OPTS=-D...):",
                "  s3dx.home=DIR  autosave, recent files and settings", "  s3dx.lang=zh-CN  the language",
                "  s3dx.start=player|compare|train|lessons[:N[:STEP]]  the first view",
                "  s3dx.presentation=true  start in presentation mode (F11)",
                "Without a display:  xvfb-run -a ./s3dx-app"})
public final class Launcher implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a design file (.s3dx.json) to open, or a video to play")
    Path file;

    @Option(names = "--self-test", description = "check the installation (ONNX Runtime, FFmpeg, libtorch, the demo model on a demo clip) without a window, then exit")
    boolean selfTest;

    @Option(names = "--startup-report", description = "print the time from JVM start to the first shown window, then exit")
    boolean startupReport;

    Launcher() {}

    public static void main(String[] args) {
        int status = new CommandLine(new Launcher()).execute(args);
        if (status != 0 || !launched) System.exit(status);
    }

    private static boolean launched;

    @Override
    public Integer call() {
        if (selfTest) {
            boolean workersOk = checkWorkers();
            int status = SelfTest.run(System.out);
            return workersOk ? status : Math.max(1, status);
        }
        String missing = missingDisplay(System.getProperty("os.name"), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"),
                System.getProperty("glass.platform"));
        if (missing != null) {
            System.err.println(missing);
            return 2;
        }
        if (startupReport || Boolean.getBoolean(StartupReport.PROPERTY)) StartupReport.install();
        launched = true;
        Application.launch(ExplorerApp.class, file == null ? new String[0] : new String[]{file.toString()});
        return 0;
    }

    /** One line naming the fix when there is no display to open a window on (Linux and other X11 systems), else null. */
    static String missingDisplay(String os, String display, String wayland, String glassPlatform) {
        boolean x11 = os != null && !os.startsWith("Windows") && !os.startsWith("Mac");
        if (!x11 || "Monocle".equals(glassPlatform) || notBlank(display) || notBlank(wayland)) return null;
        return "s3dx-app: no display (DISPLAY is not set); to run without one, start it as: xvfb-run -a ./s3dx-app";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** On Linux heavy workers must run at nice 19 (app/src/main/jvm/linux.options); prints the finding. */
    private static boolean checkWorkers() {
        try {
            var nice = Workers.nice(Workers.Load.HEAVY);
            if (nice.isEmpty()) {
                System.out.println("workers: thread priority not checked on " + System.getProperty("os.name"));
                return true;
            }
            boolean ok = nice.getAsInt() == 19;
            System.out.println(ok ? "workers: inference and training run at nice 19 (the UI comes first)"
                    : "FAILED: heavy workers run at nice " + nice.getAsInt() + ", not 19: the JVM options of app/src/main/jvm/linux.options are missing");
            return ok;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
