package s3dx.app.view;

import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import s3dx.app.model.Baseline;
import s3dx.app.model.CostMetric;
import s3dx.app.model.DesignModel;
import s3dx.app.model.Presets;
import s3dx.cost.CostFormat;
import s3dx.cost.CostReport;
import s3dx.net.Design;
import s3dx.net.DesignException;
import s3dx.net.Preset;

/**
 * The live totals: parameters, MACs or FLOPs, activation memory, each with its change against the pinned
 * baseline; and, for the paper's reported designs, the published figures beside the computed ones.
 */
public final class CostSummaryView extends VBox {
    private static final javafx.css.PseudoClass BETTER = javafx.css.PseudoClass.getPseudoClass("better");
    private static final javafx.css.PseudoClass WORSE = javafx.css.PseudoClass.getPseudoClass("worse");

    private final DesignModel model;
    private final Label params = value("params-value");
    private final Label paramsSub = sub();
    private final Label paramsDelta = delta("params-delta");
    private final Label computeTitle = new Label();
    private final Label compute = value("compute-value");
    private final Label computeSub = sub();
    private final Label computeDelta = delta("compute-delta");
    private final Label memory = value("memory-value");
    private final Label memorySub = sub();
    private final Label memoryDelta = delta("memory-delta");
    private final Label baselineName = new Label();
    private final VBox reported = new VBox(4);
    private final Label reportedParams = new Label();
    private final Label reportedCompute = new Label();
    private Optional<Preset> reportedFor;

    public CostSummaryView(DesignModel model) {
        this.model = model;
        getStyleClass().add("summary");
        setSpacing(8);
        computeTitle.getStyleClass().add("metric-title");

        Button pin = new Button("Pin current");
        pin.setId("pin-baseline");
        pin.setTooltip(new Tooltip("Compare every later change with the design as it is now"));
        pin.setOnAction(e -> model.pinBaseline());
        Button reset = new Button("Reset");
        reset.setTooltip(new Tooltip("Compare with I3D at the current clip, classes and width (the default)"));
        reset.setOnAction(e -> model.resetBaseline());
        baselineName.getStyleClass().add("baseline-name");
        baselineName.setId("baseline-name");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox baselineRow = new HBox(6, new Label("vs"), baselineName, grow, pin, reset);
        baselineRow.setAlignment(Pos.CENTER_LEFT);
        baselineRow.getStyleClass().add("baseline-row");

        reported.getStyleClass().add("reported");
        getChildren().addAll(
                card(title("Parameters"), params, paramsSub, paramsDelta),
                card(computeTitle, compute, computeSub, computeDelta),
                card(title("Activation memory (float32, one clip)"), memory, memorySub, memoryDelta),
                baselineRow, reported);

        model.reportProperty().addListener((o, a, r) -> refresh());
        model.metricProperty().addListener((o, a, m) -> refresh());
        model.baselineProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        CostReport r = model.getReport();
        CostMetric m = model.getMetric();
        Design d = r.network().design();
        params.setText(CostFormat.count(r.params()));
        paramsSub.setText(Fmt.millions(r.params()));
        computeTitle.setText(m.label());
        compute.setText(Fmt.giga(m.of(r)).replace(" G", " G " + m.unit()));
        computeSub.setText(CostFormat.count(m.of(r)));
        memory.setText(CostFormat.bytes(r.activationBytes()));
        memorySub.setText(CostFormat.count(r.activationBytes()) + " bytes");

        Baseline b = model.baselineProperty().get();
        baselineName.setText(b.preset() != null ? b.name() + " (same clip)" : b.name());
        CostReport base = baselineReport(b, d);
        if (base == null) {
            for (Label l : new Label[]{paramsDelta, computeDelta, memoryDelta}) {
                l.setText("baseline not valid at this clip");
                l.pseudoClassStateChanged(BETTER, false);
                l.pseudoClassStateChanged(WORSE, false);
            }
        } else {
            showDelta(paramsDelta, r.params(), base.params(), "params");
            showDelta(computeDelta, m.of(r), m.of(base), m.unit());
            showDelta(memoryDelta, r.activationBytes(), base.activationBytes(), "memory");
        }
        showReported(Presets.match(d), r, m);
    }

    private static CostReport baselineReport(Baseline b, Design current) {
        try {
            return CostReport.of(b.designFor(current));
        } catch (DesignException e) {
            return null;
        }
    }

    private void showDelta(Label l, long value, long base, String what) {
        String text = Fmt.delta(value, base);
        l.setText(text + " " + what);
        l.pseudoClassStateChanged(BETTER, value < base);
        l.pseudoClassStateChanged(WORSE, value > base);
    }

    private void showReported(Optional<Preset> match, CostReport r, CostMetric m) {
        reportedParams.setText(Fmt.millions(r.params()));
        reportedCompute.setText(Fmt.giga(m.of(r)) + " " + m.unit());
        if (match.equals(reportedFor)) return;
        reportedFor = match;
        Label head = new Label("Reported in the paper");
        head.getStyleClass().add("section-title");
        Preset.PaperFigures f = match.map(Preset::reported).orElse(null);
        if (f == null) {
            Label none = new Label("The paper reports figures for I3D, S3D and S3D-G; "
                    + match.map(p -> p.displayName() + " has none.").orElse("this design is not one of them."));
            none.setWrapText(true);
            none.getStyleClass().add("hint");
            reported.getChildren().setAll(head, none);
            return;
        }
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        g.getStyleClass().add("reported-grid");
        g.addRow(0, new Label(match.get().displayName()), colHead("computed"), colHead("reported in the paper"));
        g.addRow(1, new Label("Params"), reportedParams,
                new Label(String.format(Locale.ROOT, "%.2f M", f.paramsMillions())));
        g.addRow(2, new Label("Compute"), reportedCompute,
                new Label(String.format(Locale.ROOT, "%.2f GFLOPs", f.gflops())));
        g.addRow(3, new Label("Top-1 (K400)"), new Label("\u2014"),
                new Label(String.format(Locale.ROOT, "%.1f%%", f.kineticsTop1())));
        g.setId("reported-grid");
        Label note = new Label("Published figures; the paper does not state its counting conventions.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        reported.getChildren().setAll(head, g, note);
    }

    private static Label colHead(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("col-head");
        return l;
    }

    private static VBox card(Label title, Label value, Label sub, Label delta) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(6, sub, grow, delta);
        bottom.setAlignment(Pos.BASELINE_LEFT);
        VBox card = new VBox(2, title, value, bottom);
        card.getStyleClass().add("metric-card");
        return card;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("metric-title");
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("metric-value");
        return l;
    }

    private static Label sub() {
        Label l = new Label();
        l.getStyleClass().add("metric-sub");
        return l;
    }

    private static Label delta(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("metric-delta");
        return l;
    }
}
