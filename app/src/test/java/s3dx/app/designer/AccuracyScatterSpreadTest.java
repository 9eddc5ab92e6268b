package s3dx.app.designer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import s3dx.app.ui.AppStyle;
import s3dx.app.i18n.I18n;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;
import s3dx.assets.Assets;
import s3dx.sweep.ShippedModels;
import s3dx.sweep.SweepResults;
import s3dx.train.RunRecord;

/** A design trained with several seeds: its mean and spread in the line, and a bar for the spread on its point. */
@ExtendWith(ApplicationExtension.class)
class AccuracyScatterSpreadTest {
    @TempDir
    static Path dir;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Start
    void start(Stage stage) throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        // the shipped S3D-G run and a second seed of it at 80%: mean 86%, sample sd 8.49 points
        Path shipped = Assets.dir().orElseThrow().resolve("models").resolve(ShippedModels.RESULTS_FILE);
        ObjectNode tree = (ObjectNode) JSON.readTree(shipped.toFile());
        ObjectNode first = (ObjectNode) tree.get("runs").get(0), second = first.deepCopy();
        assertEquals("s3d-g_s0", first.get("id").asText());
        second.put("id", "s3d-g_s1").put("seed", 1).put("heldOutAccuracy", 0.80);
        first.put("heldOutAccuracy", 0.92);
        List<RunRecord> runs = List.of(JSON.treeToValue(first, RunRecord.class), JSON.treeToValue(second, RunRecord.class));
        SweepResults.Results results = new SweepResults.Results(SweepResults.read(shipped).protocol(), runs);
        Path file = dir.resolve("results.json");
        JSON.writeValue(file.toFile(), results);

        DesignSpaceView view = new DesignSpaceView(DesignModel.withDefaultDesign(), TrainedResults.read(file));
        stage.setScene(AppStyle.scene(view, 500, 450));
        stage.show();
    }

    @Test
    void meanAndSpreadOverSeeds(FxRobot r) {
        String line = r.lookup("#trained-accuracy").queryAs(Label.class).getText();
        assertTrue(line.contains("86.0% ± 8.5") && line.contains("2 seeds"), line);

        r.clickOn("#space-accuracy");
        AccuracyScatter chart = r.lookup("#accuracy-scatter").queryAs(AccuracyScatter.class);
        List<XYChart.Data<Number, Number>> points = chart.getData().get(0).getData();
        assertEquals(1, points.size(), "one design over two seeds is one point");
        Line bar = (Line) points.get(0).getNode().lookup(".error-bar");
        double sd = 100 * Math.sqrt(2 * 0.06 * 0.06);
        double expected = ((javafx.scene.chart.NumberAxis) chart.getYAxis()).getDisplayPosition(86 - sd)
                - ((javafx.scene.chart.NumberAxis) chart.getYAxis()).getDisplayPosition(86 + sd);
        assertTrue(expected > 10, "the bar is visible: " + expected);
        assertEquals(expected, bar.getEndY() - bar.getStartY(), 0.5);
    }
}
