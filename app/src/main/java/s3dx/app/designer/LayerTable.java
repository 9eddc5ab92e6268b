package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.app.ui.Fmt;

/** Every layer of the current design with its output shape, params, MACs or FLOPs and share; click a header to sort. */
public final class LayerTable extends TableView<LayerTable.Row> {

    /** One table row: a layer's costs and the design's total MACs (for the share column). */
    public record Row(CostReport.LayerCost cost, long totalMacs) {
        double share() {
            return totalMacs == 0 ? 0 : cost.macs() / (double) totalMacs;
        }
    }

    private final DesignModel model;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final TableColumn<Row, Long> compute;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private boolean stale;

    public LayerTable(DesignModel model) {
        this.model = model;
        setId("layer-table");
        getStyleClass().add("layer-table");
        SortedList<Row> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<Row, String> name = text(t("table.layer"), r -> r.cost().name(), 260);
        TableColumn<Row, String> block = text(t("table.block"), r -> r.cost().block().name(), 110);
        TableColumn<Row, String> shape = text(t("table.output"), r -> Fmt.shape(r.cost().outputDims()), 120);
        shape.setComparator(Comparator.comparingLong(LayerTable::elements));
        TableColumn<Row, Long> params = number(t("table.params"), r -> r.cost().params(), CostFormat::count);
        compute = number("MACs", r -> model.getMetric().of(r.cost().macs()), CostFormat::count);
        TableColumn<Row, Double> share = new TableColumn<>(t("table.share"));
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().share()));
        share.setCellFactory(c -> cell(Fmt::percent));
        share.setPrefWidth(70);
        getColumns().addAll(List.of(name, block, shape, params, compute, share));

        model.reportProperty().addListener((o, a, r) -> showReport());
        model.metricProperty().addListener((o, a, m) -> showReport());
        active.addListener((o, a, on) -> {
            if (on && stale) showReport();
        });
        showReport();
    }

    /** While false (its tab is not shown) the table skips updates and catches up when it becomes true. */
    public BooleanProperty activeProperty() {
        return active;
    }

    private static long elements(String shape) {
        long n = 1;
        for (String p : shape.split("\u00d7")) n *= Long.parseLong(p);
        return n;
    }

    private void showReport() {
        stale = !active.get();
        if (stale) return;
        CostReport r = model.getReport();
        CostMetric m = model.getMetric();
        compute.setText(m.unit());
        List<Row> next = new ArrayList<>(r.layers().size());
        for (CostReport.LayerCost l : r.layers()) next.add(new Row(l, r.macs()));
        rows.setAll(next);
    }

    private static TableColumn<Row, String> text(String title, Function<Row, String> f, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(f.apply(v.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<Row, Long> number(String title, Function<Row, Long> f, Function<Long, String> fmt) {
        TableColumn<Row, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(f.apply(v.getValue())));
        c.setCellFactory(col -> cell(fmt));
        c.setPrefWidth(110);
        return c;
    }

    private static <T> TableCell<Row, T> cell(Function<T, String> fmt) {
        TableCell<Row, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : fmt.apply(v));
            }
        };
        cell.getStyleClass().add("number-cell");
        return cell;
    }
}
