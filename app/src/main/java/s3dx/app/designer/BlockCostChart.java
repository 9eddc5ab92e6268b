package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.cost.CostReport;
import s3dx.net.Block;
import s3dx.net.BlockSetting;
import s3dx.net.Design;
import s3dx.app.ui.Fmt;

/** Compute per block (G MACs or G FLOPs), each bar coloured by the block's mode. */
public final class BlockCostChart extends BarChart<String, Number> {
    private static final List<Block> SHOWN = List.of(Block.Conv2d_1a_7x7, Block.Conv2d_2b_1x1, Block.Conv2d_2c_3x3,
            Block.Mixed_3b, Block.Mixed_3c, Block.Mixed_4b, Block.Mixed_4c, Block.Mixed_4d, Block.Mixed_4e, Block.Mixed_4f,
            Block.Mixed_5b, Block.Mixed_5c, Block.Logits);

    private final DesignModel model;
    private final NumberAxis y;
    private final Map<Block, XYChart.Data<String, Number>> bars = new EnumMap<>(Block.class);

    public BlockCostChart(DesignModel model) {
        super(new CategoryAxis(), new NumberAxis());
        this.model = model;
        this.y = (NumberAxis) getYAxis();
        getStyleClass().add("block-chart");
        setAnimated(false);
        setLegendVisible(false);
        // One series: no gap between a category's bars. Bars take about two thirds of their category whatever the
        // chart's width (a fixed gap left 1-pixel bars on a narrow window).
        setBarGap(0);
        getXAxis().widthProperty().addListener((o, a, w) -> setCategoryGap(Math.max(2, 0.35 * w.doubleValue() / SHOWN.size())));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<String> categories = new ArrayList<>();
        for (Block b : SHOWN) {
            String label = label(b);
            categories.add(label);
            XYChart.Data<String, Number> d = new XYChart.Data<>(label, 0);
            bars.put(b, d);
            series.getData().add(d);
        }
        ((CategoryAxis) getXAxis()).getCategories().setAll(categories);
        getData().add(series);
        model.reportProperty().addListener((o, a, r) -> refresh());
        model.metricProperty().addListener((o, a, m) -> refresh());
        refresh();
    }

    private static String label(Block b) {
        return switch (b.kind()) {
            case HEAD -> t("chart.head");
            case MIXED -> b.name().substring(6);
            default -> b.name().substring(7, 9);
        };
    }

    /** Moves the value axis only when the tallest bar leaves it or uses less than half of it (new ticks cost a frame). */
    private void fitAxis(CostReport r, CostMetric m) {
        double top = 0;
        for (Block b : SHOWN) top = Math.max(top, m.of(r.blocks().get(b)) / 1e9);
        if (y.getUpperBound() >= top && y.getUpperBound() <= 2 * top && !y.isAutoRanging()) return;
        double step = Fmt.niceStep(top / 5);
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(Math.max(step, Math.ceil(top * 1.05 / step) * step));
        y.setTickUnit(step);
    }

    private void refresh() {
        CostReport r = model.getReport();
        CostMetric m = model.getMetric();
        Design d = r.network().design();
        y.setLabel(t("chart.perBlock", m.unit()));
        fitAxis(r, m);
        bars.forEach((b, data) -> {
            long v = m.of(r.blocks().get(b));
            data.setYValue(v / 1e9);
            Node n = data.getNode();
            if (n == null) return;
            BlockSetting s = b.isToggleable() ? d.setting(b) : null;
            Fmt.showMode(n, s == null ? null : s.mode());
            Tooltip t = (Tooltip) n.getProperties().get("tip");
            if (t == null) {
                t = new Tooltip();
                Tooltip.install(n, t);
                n.getProperties().put("tip", t);
            }
            t.setText(b.name() + ": " + Fmt.giga(v) + " " + m.unit() + " (" + Fmt.percent(v / (double) m.of(r)) + ")");
        });
    }
}
