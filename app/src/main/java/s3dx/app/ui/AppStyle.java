package s3dx.app.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The app's stylesheet: the palette (looked-up colours such as {@code -surface} and {@code -line}) and the controls.
 * Every scene carries it, so a view looks and resolves its colours the same in the main window, a benchmark's
 * window and a test.
 */
public final class AppStyle {
    public static final String STYLESHEET = "/s3dx/app/explorer.css";

    private AppStyle() {}

    /** A scene of {@code root} with the app's stylesheet. */
    public static Scene scene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(AppStyle.class.getResource(STYLESHEET).toExternalForm());
        return scene;
    }
}
