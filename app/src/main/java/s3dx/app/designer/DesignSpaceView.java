package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;

/**
 * The design-space card's body: a switch between the presets by cost and the trained designs by accuracy, the chart,
 * and one line saying this design's trained accuracy, or that it has none. The body can move to a window of its
 * own (for a projector, or beside the designer) and comes back when that window closes: one chart, never two.
 */
final class DesignSpaceView extends VBox {
    private final VBox body = new VBox(4);
    private final VBox away = new VBox(8);
    private final Button open = new Button("⤢");
    private Stage window;

    DesignSpaceView(DesignModel model, TrainedResults trained) {
        PresetScatter cost = new PresetScatter(model);
        AccuracyScatter accuracy = new AccuracyScatter(model, trained);
        accuracy.setId("accuracy-scatter");
        // the hidden chart leaves the layout (stacked, a chart taller than the card would spill over the head)
        for (Node chart : List.of(cost, accuracy)) {
            chart.managedProperty().bind(chart.visibleProperty());
            VBox.setVgrow(chart, Priority.ALWAYS);
        }
        accuracy.setVisible(false);

        ToggleButton byCost = new ToggleButton(t("space.byCost"));
        byCost.setId("space-cost");
        ToggleButton byAccuracy = new ToggleButton(t("space.byAccuracy"));
        byAccuracy.setId("space-accuracy");
        SegmentedButton toggle = new SegmentedButton(byCost, byAccuracy);
        toggle.getStyleClass().add("segmented");
        byCost.setSelected(true);
        toggle.getToggleGroup().selectedToggleProperty().addListener((o, a, s) -> {
            if (s == null) a.setSelected(true);   // one view is always chosen
            else {
                accuracy.setVisible(s == byAccuracy);
                cost.setVisible(s == byCost);
            }
        });

        Label line = new Label();
        line.setId("trained-accuracy");
        line.getStyleClass().add("hint");
        line.setWrapText(true);
        line.setMinHeight(Region.USE_PREF_SIZE);   // wraps rather than cuts the sentence
        Runnable say = () -> line.setText(trained.sentence(model.getDesign()));
        model.designProperty().addListener((o, a, d) -> say.run());
        say.run();

        open.setId("space-window");
        open.setTooltip(new Tooltip(t("space.window")));
        open.setOnAction(e -> openWindow());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        body.getChildren().addAll(new HBox(6, toggle, gap, open), cost, accuracy, line);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label elsewhere = new Label(t("space.inWindow"));
        elsewhere.setWrapText(true);
        elsewhere.getStyleClass().add("hint");
        Button back = new Button(t("space.bringBack"));
        back.setId("space-bring-back");
        back.setOnAction(e -> window.hide());
        away.getChildren().addAll(elsewhere, back);
        getChildren().add(body);
    }

    /** Moves the body into its own window, themed like the main one (theme and type size follow it while open); Esc closes it. */
    private void openWindow() {
        Scene main = getScene();
        Parent mainRoot = main.getRoot();
        getChildren().setAll(away);
        open.setVisible(false);   // already in its window
        StackPane root = new StackPane(body);
        root.setPadding(new Insets(12));
        Bindings.bindContent(root.getStylesheets(), mainRoot.getStylesheets());
        Bindings.bindContent(root.getStyleClass(), mainRoot.getStyleClass());
        Scene scene = new Scene(root, Math.max(640, main.getWidth() * 0.6), Math.max(480, main.getHeight() * 0.7));
        scene.getStylesheets().setAll(main.getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) window.hide();
        });
        window = new Stage();
        window.initOwner(main.getWindow());
        window.setTitle(t("space.title") + " · S3D Explorer");
        window.setScene(scene);
        // a rebuilt main window (another language) drops this view: its window goes too
        ChangeListener<Parent> rebuilt = (o, a, b) -> window.hide();
        main.rootProperty().addListener(rebuilt);
        window.setOnHidden(e -> {
            main.rootProperty().removeListener(rebuilt);
            Bindings.unbindContent(root.getStylesheets(), mainRoot.getStylesheets());
            Bindings.unbindContent(root.getStyleClass(), mainRoot.getStyleClass());
            root.getChildren().clear();
            getChildren().setAll(body);
            open.setVisible(true);
            window = null;
        });
        window.show();
    }
}
