package s3dx.app.designer;

import static s3dx.app.i18n.I18n.t;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;
import s3dx.app.ui.Fmt;
import s3dx.cost.CostReport;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.sweep.SweepPlan;
import s3dx.sweep.SweepResults.DesignSummary;

/**
 * The paper's accuracy-against-cost plot on MotionShapes: each trained preset's held-out accuracy (mean over its
 * seeds, a bar for their spread) against its M MACs or FLOPs at the sweep's clip, the Figure-4 curves (bottom- and
 * top-heavy, full and separable 3D, as far as the sweep trained them) as lines, and this design where it was trained.
 * Series 0 holds the named points, series 1 this design (neither draws a line), then one series per curve.
 */
public final class AccuracyScatter extends LineChart<Number, Number> {
    private final DesignModel model;
    private final TrainedResults trained;
    private final XYChart.Series<Number, Number> results = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> current = new XYChart.Series<>();
    private final XYChart.Data<Number, Number> here = new XYChart.Data<>(0, 0);
    private final List<XYChart.Series<Number, Number>> curves = new ArrayList<>();
    private final NumberAxis x;
    private final NumberAxis y;

    public AccuracyScatter(DesignModel model, TrainedResults trained) {
        super(new NumberAxis(), new NumberAxis(0, 100, 10));
        this.model = model;
        this.trained = trained;
        this.x = (NumberAxis) getXAxis();
        this.y = (NumberAxis) getYAxis();
        getStyleClass().add("accuracy-scatter");
        setAnimated(false);
        x.setAutoRanging(false);
        y.setAutoRanging(false);
        y.setLabel(t("accuracy.axis"));
        results.setName(t("accuracy.results"));
        current.setName(t("scatter.current"));
        for (DesignSummary s : trained.designs()) {
            if (SweepPlan.entry(s.id()).map(e -> SweepPlan.LISTS.get("figure4").contains(e)).orElse(false)) continue; // on its curve
            XYChart.Data<Number, Number> d = new XYChart.Data<>(0, 100 * s.heldOutAccuracy().mean());
            d.setExtraValue(s);
            d.setNode(new PresetScatter.PointMarker(s.design(), "point-preset"));
            results.getData().add(d);
        }
        here.setNode(new PresetScatter.PointMarker(t("scatter.current"), "point-current"));
        current.getData().add(here);
        getData().addAll(List.of(results, current));
        // every curve gets its series (and colour) even before it was trained, so that the legend keeps its order
        for (String family : SweepPlan.CURVES) {
            XYChart.Series<Number, Number> c = new XYChart.Series<>();
            c.setName(t("accuracy.curve." + family));
            for (DesignSummary s : trained.curve(family)) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(0, 100 * s.heldOutAccuracy().mean());
                d.setExtraValue(s);
                d.setNode(new PresetScatter.PointMarker("", "point-curve"));   // unnamed: the tooltip names it
                c.getData().add(d);
            }
            curves.add(c);
        }
        getData().addAll(curves);
        model.reportProperty().addListener((o, a, r) -> refresh());
        model.metricProperty().addListener((o, a, m) -> refresh());
        refresh();
    }

    private void refresh() {
        CostMetric m = model.getMetric();
        trained.protocol().ifPresentOrElse(
                p -> x.setLabel(t("accuracy.compute", m.unit(), p.frames(), p.size(), p.size(), p.width())),
                () -> x.setLabel(t("accuracy.noResults")));
        double x1 = 0;
        for (XYChart.Series<Number, Number> series : getData()) {
            if (series == current) continue;
            for (XYChart.Data<Number, Number> d : series.getData()) {
                DesignSummary s = (DesignSummary) d.getExtraValue();
                d.setXValue(m.of(s.macs()) / 1e6);
                x1 = Math.max(x1, d.getXValue().doubleValue());
                ((PresetScatter.PointMarker) d.getNode()).tip.setText(t("accuracy.pointTip", s.design(), 100 * s.heldOutAccuracy().mean(),
                        100 * s.heldOutAccuracy().sd(), s.seeds(), m.of(s.macs()) / 1e6, m.unit()));
            }
        }
        Design design = model.getDesign();
        Optional<DesignSummary> result = trained.of(design);
        Optional<Long> cost = trained.atSweepSize(design).flatMap(AccuracyScatter::macs);
        here.getNode().setVisible(result.isPresent() && cost.isPresent());
        if (here.getNode().isVisible()) {
            here.setXValue(m.of(cost.get()) / 1e6);
            here.setYValue(100 * result.get().heldOutAccuracy().mean());
        }
        // accuracy from the nearest 10 below the worst design to 100, so that close results stay apart
        double worst = getData().stream().filter(sr -> sr != current).flatMap(sr -> sr.getData().stream())
                .mapToDouble(d -> d.getYValue().doubleValue()).min().orElse(0);
        y.setLowerBound(Math.max(0, Math.floor((worst - 5) / 10) * 10));
        y.setTickUnit(y.getUpperBound() - y.getLowerBound() > 50 ? 20 : 10);
        double step = Fmt.niceStep(Math.max(x1, 1) * 1.3 / 6);
        x.setLowerBound(0);
        x.setUpperBound(Math.ceil(Math.max(x1, 1) * 1.3 / step) * step);
        x.setTickUnit(step);
    }

    private static Optional<Long> macs(Design d) {
        try {
            return Optional.of(CostReport.of(d).macs());
        } catch (DesignException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        List<PresetScatter.PointMarker> markers = new ArrayList<>();
        if (here.getNode().isVisible()) markers.add((PresetScatter.PointMarker) here.getNode());
        for (XYChart.Data<Number, Number> d : results.getData()) {
            PresetScatter.PointMarker marker = (PresetScatter.PointMarker) d.getNode();
            markers.add(marker);
            DesignSummary s = (DesignSummary) d.getExtraValue();
            if (s.seeds() > 1) {
                double mean = y.getDisplayPosition(100 * s.heldOutAccuracy().mean());
                marker.setErrorBar(y.getDisplayPosition(100 * (s.heldOutAccuracy().mean() + s.heldOutAccuracy().sd())) - mean,
                        y.getDisplayPosition(100 * (s.heldOutAccuracy().mean() - s.heldOutAccuracy().sd())) - mean);
            }
        }
        PresetScatter.PointMarker.placeLabels(markers, x.getWidth(), y.getHeight(), here.getNode());
    }
}
