package s3dx.app;

import javafx.application.Application;

/** Plain main class for fat jars and jpackage: starting through a class that is not an Application avoids the launcher's module check. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }
}
