package s3dx.app;

import java.nio.file.Path;
import javafx.stage.Stage;
import javafx.util.Duration;
import s3dx.app.export.ModelExporters;
import s3dx.app.files.AppHome;
import s3dx.app.model.DesignModel;
import s3dx.app.shell.MainWindow;

/** Opens the designer window on a fresh S3D-G with its own app home (autosave, recent files) for one test. */
final class ExplorerFixture {
    final DesignModel model;
    final MainWindow window;
    final AppHome home;

    ExplorerFixture(Stage stage, Path homeDir) {
        s3dx.app.i18n.I18n.setLocale(java.util.Locale.ENGLISH);
        home = new AppHome(homeDir);
        model = DesignModel.withDefaultDesign();
        window = new MainWindow(stage, model, home, ModelExporters.onnx(), Duration.millis(50));
        stage.setWidth(1600);
        stage.setHeight(1000);
        window.show();
        stage.toFront();
    }
}
