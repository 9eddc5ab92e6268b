package s3dx.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Window;

/**
 * {@code -Ds3dx.startupReport=true}: prints how long after JVM start the first window was shown and had its first
 * frame laid out, then exits. Needs no change to the application: it watches {@link Window#getWindows()}.
 */
final class StartupReport {
    static final String PROPERTY = "s3dx.startupReport";

    private StartupReport() {}

    static void install() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainAt = System.currentTimeMillis();
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            boolean done;

            @Override
            public void onChanged(Change<? extends Window> c) {
                while (c.next()) {
                    if (done || !c.wasAdded()) continue;
                    done = true;
                    long shown = System.currentTimeMillis();
                    Window w = c.getAddedSubList().get(0);
                    // The next pulse has laid out and rendered the scene: count to the runLater after it.
                    Platform.runLater(() -> Platform.runLater(() -> {
                        long painted = System.currentTimeMillis();
                        System.out.printf(Locale.ROOT,
                                "startup: window shown %d ms after JVM start (main() at %d ms, first frame by %d ms), %.0fx%.0f%n",
                                shown - jvmStart, mainAt - jvmStart, painted - jvmStart, w.getWidth(), w.getHeight());
                        if (!Boolean.getBoolean("s3dx.startupReport.stay")) Platform.exit();
                    }));
                }
            }
        });
    }
}
