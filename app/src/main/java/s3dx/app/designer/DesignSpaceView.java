package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;

/**
 * The design-space card's body: the presets by cost or the trained designs by accuracy (a switch in the card's
 * head), and one line saying this design's trained accuracy, or that it has none.
 */
final class DesignSpaceView extends VBox {
    private final FlowPane switcher = new FlowPane();

    DesignSpaceView(DesignModel model, TrainedResults trained) {
        super(4);
        PresetScatter cost = new PresetScatter(model);
        AccuracyScatter accuracy = new AccuracyScatter(model, trained);
        accuracy.setId("accuracy-scatter");
        StackPane charts = new StackPane(cost, accuracy);
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
        switcher.getChildren().add(toggle);

        Label line = new Label();
        line.setId("trained-accuracy");
        line.getStyleClass().add("hint");
        line.setWrapText(true);
        Runnable say = () -> line.setText(trained.of(model.getDesign())
                .map(s -> s.seeds() > 1
                        ? t("space.trainedSeeds", 100 * s.heldOutAccuracy().mean(), 100 * s.heldOutAccuracy().sd(), s.seeds())
                        : t("space.trained", 100 * s.heldOutAccuracy().mean()))
                .orElse(t("space.untrained")));
        model.designProperty().addListener((o, a, d) -> say.run());
        say.run();

        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(charts, line);
    }

    /** The cost/accuracy switch, for the card's head. */
    FlowPane switcher() {
        return switcher;
    }
}
