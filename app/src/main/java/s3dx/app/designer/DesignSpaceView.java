package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;

/**
 * The design-space card's body: a switch between the presets by cost and the trained designs by accuracy, the chart,
 * and one line saying this design's trained accuracy, or that it has none.
 */
final class DesignSpaceView extends VBox {
    DesignSpaceView(DesignModel model, TrainedResults trained) {
        super(4);
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

        getChildren().addAll(toggle, cost, accuracy, line);
    }

}
