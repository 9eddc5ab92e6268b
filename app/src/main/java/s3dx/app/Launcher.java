package s3dx.app;

import java.util.Arrays;
import javafx.application.Application;
import s3dx.selftest.SelfTest;
import s3dx.app.jobs.Workers;

/**
 * Plain main class for fat jars and jpackage: starting through a class that is not an Application avoids the launcher's module check.
 * {@code --self-test} checks the installation without a window (before JavaFX starts) and exits 0 when it passed;
 * {@code --startup-report} (or {@code -Ds3dx.startupReport=true}) prints the time from JVM start to the first shown
 * window, then exits; the option form works with the installed launchers, which take no -D options.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--self-test")) {
            boolean workersOk = checkWorkers();
            int status = SelfTest.run(System.out);
            System.exit(workersOk ? status : Math.max(1, status));
        }
        if (Arrays.asList(args).contains("--startup-report") || Boolean.getBoolean(StartupReport.PROPERTY)) {
            StartupReport.install();
            args = Arrays.stream(args).filter(a -> !a.equals("--startup-report")).toArray(String[]::new);
        }
        Application.launch(ExplorerApp.class, args);
    }

    /** On Linux heavy workers must run at nice 19 (app/src/main/jvm/linux.options); prints the finding. */
    private static boolean checkWorkers() {
        try {
            var nice = Workers.heavyNice();
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
