package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.app.model.Presets;
import s3dx.cost.CostReport;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preset;
import s3dx.app.ui.Fmt;

/**
 * The current design among the presets: params (M) against G MACs or G FLOPs, presets counted at the
 * current clip, classes and width; the paper's published points are a separate series.
 */
public final class PresetScatter extends ScatterChart<Number, Number> {
    private final DesignModel model;
    private final XYChart.Series<Number, Number> presets = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> paper = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> current = new XYChart.Series<>();
    private final XYChart.Data<Number, Number> here = new XYChart.Data<>(0, 0);
    private final NumberAxis x;
    private final NumberAxis y;
    private List<Object> presetKey;

    public PresetScatter(DesignModel model) {
        super(new NumberAxis(), new NumberAxis());
        this.model = model;
        this.x = (NumberAxis) getXAxis();
        this.y = (NumberAxis) getYAxis();
        getStyleClass().add("preset-scatter");
        setAnimated(false);
        x.setLabel(t("scatter.params"));
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(true);
        presets.setName(t("scatter.presets"));
        paper.setName(t("scatter.paper"));
        current.setName(t("scatter.current"));
        for (Preset p : Preset.values()) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(0, 0);
            d.setExtraValue(p);
            d.setNode(new PointMarker(p.displayName(), "point-preset"));
            presets.getData().add(d);
            if (p.reported() != null) {
                XYChart.Data<Number, Number> r = new XYChart.Data<>(p.reported().paramsMillions(), p.reported().gflops());
                r.setNode(new PointMarker(t("scatter.paperPoint", p.displayName()), "point-paper"));
                paper.getData().add(r);
            }
        }
        here.setNode(new PointMarker(t("scatter.current"), "point-current"));
        current.getData().add(here);
        getData().addAll(List.of(presets, paper, current));
        model.reportProperty().addListener((o, a, r) -> refresh());
        model.metricProperty().addListener((o, a, m) -> refresh());
        refresh();
    }

    private void refresh() {
        CostReport r = model.getReport();
        CostMetric m = model.getMetric();
        Design d = r.network().design();
        y.setLabel(t("scatter.compute", m.unit()));
        List<Object> key = List.of(d.frames(), d.height(), d.width(), d.classes(), d.widthMultiplier(), m);
        if (!Objects.equals(key, presetKey)) {
            presetKey = key;
            for (XYChart.Data<Number, Number> p : presets.getData()) {
                try {
                    CostReport pr = CostReport.of(Presets.applyTo((Preset) p.getExtraValue(), d));
                    p.setXValue(pr.params() / 1e6);
                    p.setYValue(m.of(pr) / 1e9);
                } catch (DesignException e) {
                    p.setXValue(0);
                    p.setYValue(0);
                }
            }
        }
        here.setXValue(r.params() / 1e6);
        here.setYValue(m.of(r) / 1e9);
        fitAxes();
        ((PointMarker) here.getNode()).tip.setText(t("scatter.currentTip",
                r.params() / 1e6, m.of(r) / 1e9, m.unit()));
    }

    /** Fixed ranges with room on the right for the point names (auto-ranging would clip them). */
    private void fitAxes() {
        double x0 = Double.MAX_VALUE, x1 = 0, y1 = 0;
        for (XYChart.Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                x0 = Math.min(x0, d.getXValue().doubleValue());
                x1 = Math.max(x1, d.getXValue().doubleValue());
                y1 = Math.max(y1, d.getYValue().doubleValue());
            }
        }
        double xs = Fmt.niceStep((x1 - x0) * 1.4 / 7);
        x.setAutoRanging(false);
        y.setAutoRanging(false);
        double lo = Math.max(0, Math.floor(x0 / xs) * xs - xs), hi = Math.ceil((x1 + (x1 - x0) * 0.35) / xs) * xs;
        double ys = Fmt.niceStep(y1 * 1.1 / 6), top = Math.ceil(y1 * 1.1 / ys) * ys;
        // only move the axes when the points leave them or leave much of them empty (new tick labels cost a frame)
        boolean fits = x.getLowerBound() <= x0 && x.getUpperBound() >= x1 + (x1 - x0) * 0.2 && y.getUpperBound() >= y1 * 1.02
                && x.getUpperBound() - x.getLowerBound() <= 2 * (hi - lo) && y.getUpperBound() <= 2 * top;
        if (fits) return;
        x.setLowerBound(lo);
        x.setUpperBound(hi);
        x.setTickUnit(xs);
        y.setLowerBound(0);
        y.setUpperBound(top);
        y.setTickUnit(ys);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        // the markers' labels are placed here, where the markers have just moved (their own layout runs only on a
        // resize); greedily, this design first, then the presets, then the paper's points: a name that finds no free
        // place is left out (the point's tooltip still names it) rather than drawn over another
        List<PointMarker> markers = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : List.of(current, presets, paper)) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() instanceof PointMarker m) markers.add(m);
            }
        }
        PointMarker.placeLabels(markers, x.getWidth(), y.getHeight(), here.getNode());
    }

    /** A chart symbol with its name beside it. */
    static final class PointMarker extends Region {
        private static final double GAP = 3;
        private final Label label;
        private final boolean above;
        final Tooltip tip;
        private Line errorBar;

        PointMarker(String text, String styleClass) {
            above = styleClass.equals("point-current");
            label = new Label(text);
            label.getStyleClass().addAll("point-label", styleClass);
            label.setManaged(false);
            getChildren().add(label);
            tip = new Tooltip(text);
            Tooltip.install(this, tip);
        }

        /** Places the names of {@code markers} in turn; {@code always}'s name is shown even where no place is free. */
        static void placeLabels(List<PointMarker> markers, double plotWidth, double plotHeight, Object always) {
            List<Bounds> taken = new ArrayList<>();
            // names do not cover the points either
            for (PointMarker m : markers) taken.add(new BoundingBox(m.getLayoutX(), m.getLayoutY(), m.getWidth(), m.getHeight()));
            for (PointMarker m : markers) m.placeLabel(plotWidth, plotHeight, taken, m == always);
        }

        /** A vertical bar through the point from {@code up} to {@code down} pixels (up is negative): a spread. */
        void setErrorBar(double up, double down) {
            if (errorBar == null) {
                errorBar = new Line();
                errorBar.getStyleClass().add("error-bar");
                errorBar.setManaged(false);
                getChildren().add(0, errorBar);
            }
            double cx = getWidth() / 2, cy = getHeight() / 2;
            errorBar.setStartX(cx);
            errorBar.setEndX(cx);
            errorBar.setStartY(cy + up);
            errorBar.setEndY(cy + down);
        }

        /**
         * Puts the name at the first free place of: right of the point, left, above, below (above first for this
         * design), moved in where it would leave the plot ({@code plotWidth} by {@code plotHeight}, in the
         * coordinates of the markers' parent: the chart clips what lies outside). Free: clear of the points and names
         * in {@code taken}, to which it adds its own; with none free the name is hidden, unless {@code always}.
         */
        void placeLabel(double plotWidth, double plotHeight, List<Bounds> taken, boolean always) {
            label.autosize();
            double w = label.getWidth(), h = label.getHeight(), mx = getLayoutX(), my = getLayoutY();
            double right = getWidth() + GAP, left = -w - GAP, midX = (getWidth() - w) / 2;
            double top = -h - 1, bottom = getHeight() + 1, midY = (getHeight() - h) / 2;
            double[][] places = above
                    ? new double[][]{{midX, top}, {right, midY}, {left, midY}, {midX, bottom}}
                    : new double[][]{{right, midY}, {left, midY}, {midX, top}, {midX, bottom}};
            Bounds first = null;
            for (double[] p : places) {
                Bounds b = new BoundingBox(mx + Math.max(-mx, Math.min(p[0], plotWidth - mx - w)),
                        my + Math.max(-my, Math.min(p[1], plotHeight - my - h)), w, h);
                if (first == null) first = b;
                if (taken.stream().noneMatch(b::intersects)) {
                    show(b, taken);
                    return;
                }
            }
            if (always) show(first, taken);
            else label.setVisible(false);
        }

        private void show(Bounds b, List<Bounds> taken) {
            label.relocate(b.getMinX() - getLayoutX(), b.getMinY() - getLayoutY());
            label.setVisible(true);
            taken.add(b);
        }
    }
}
