package s3dx.app.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import s3dx.infer.WindowPredictor.Ranked;

/** The top classes with a probability bar each. */
public final class TopKBars extends GridPane {
    private final int k;
    private final Label[] names, values;
    private final ProgressBar[] bars;

    public TopKBars(int k) {
        this.k = k;
        names = new Label[k];
        values = new Label[k];
        bars = new ProgressBar[k];
        setHgap(8);
        setVgap(5);
        getStyleClass().add("topk");
        for (int i = 0; i < k; i++) {
            names[i] = new Label("—");
            names[i].setMinWidth(150);
            names[i].getStyleClass().add(i == 0 ? "topk-first" : "topk-name");
            bars[i] = new ProgressBar(0);
            bars[i].setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(bars[i], Priority.ALWAYS);
            values[i] = new Label("");
            values[i].setMinWidth(52);
            values[i].setAlignment(Pos.CENTER_RIGHT);
            addRow(i, names[i], bars[i], values[i]);
        }
    }

    public void show(List<Ranked> top) {
        for (int i = 0; i < k; i++) {
            boolean has = top != null && i < top.size();
            names[i].setText(has ? s3dx.app.i18n.I18n.classLabel(top.get(i).label()) : "—");
            bars[i].setProgress(has ? top.get(i).prob() : 0);
            values[i].setText(has ? String.format(Locale.ROOT, "%.1f%%", 100 * top.get(i).prob()) : "");
        }
    }

    /** The label shown in row {@code i} (for tests). */
    public String label(int i) {
        return names[i].getText();
    }
}
