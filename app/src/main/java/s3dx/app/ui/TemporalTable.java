package s3dx.app.ui;

import static s3dx.app.i18n.I18n.t;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import s3dx.app.i18n.I18n;
import s3dx.evidence.TemporalProbe;

/**
 * One model's temporal experiments ({@link TemporalProbe.Table}): a row per experiment with its top-1, the
 * probability of the original clip's top-1, and whether the answer flipped to the time-reversal partner.
 */
public final class TemporalTable extends TableView<TemporalProbe.Row> {
    private TemporalProbe.Table table;

    public TemporalTable() {
        getStyleClass().add("temporal-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(t("evidence.temporalNone")));
        getColumns().add(column(t("evidence.col.experiment"), r -> t("evidence.exp." + r.experiment().name())));
        getColumns().add(column(t("evidence.col.top1"), r -> I18n.classLabel(r.top1().label()) + "  " + percent(r.top1().prob())));
        getColumns().add(column(t("evidence.col.originalProb"), r -> percent(r.originalTop1Prob())));
        getColumns().add(column(t("evidence.col.flipped"), r -> table == null || !table.hasPartners() ? "" : r.flippedToPartner() ? "✓" : "—"));
        setPrefHeight(190);
        setMinHeight(180);   // the six rows
    }

    /** Shows {@code t} (null: empty). */
    public void show(TemporalProbe.Table t) {
        table = t;
        getItems().setAll(t == null ? java.util.List.of() : t.rows());
    }

    public TemporalProbe.Table table() {
        return table;
    }

    /** The caption: the original clip's top-1. */
    public static String caption(String model, TemporalProbe.Table t) {
        return t("evidence.temporalCaption", model, I18n.classLabel(t.originalTop1().label()), percent(t.originalTop1().prob()));
    }

    private static TableColumn<TemporalProbe.Row, String> column(String title, Function<TemporalProbe.Row, String> cell) {
        TableColumn<TemporalProbe.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(cell.apply(f.getValue())));
        c.setSortable(false);
        return c;
    }

    private static String percent(float p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
